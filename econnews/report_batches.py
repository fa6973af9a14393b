"""The tables a report is drawn from, read in one piece or in batches (issue 21).

:func:`read` runs load → extract → normalize → claims over the inputs and returns
``(articles, quantities, claims, errors)``. With ``batch_size=N`` the articles are
read ``N`` at a time (:func:`econnews.load.iter_articles`; a batch also ends at
``batch_chars`` characters of text) and each batch's texts are dropped once its
quantities and claims are found: what stays across batches is the quantities, the
claims and the articles' metadata (``articles`` then has no ``text`` column), so
memory depends on the batch and on the rows found, not on the corpus's text. The
tables are those of the one-piece read (``quantity_index`` counts from the start of
the whole quantities table); duplicates are flagged within a batch.

>>> arts, q, claims, errs = read(["data"], batch_size=3, to="USD")
>>> one = read(["data"], to="USD")
>>> "text" in arts, len(arts) == len(one[0]), claims.equals(one[2]), q.equals(one[1])
(False, True, True, True)
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

import pandas as pd

__all__ = ["concat", "read"]


def concat(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """The frames one below the other, categorical columns kept categorical (their
    categories united: plain ``pd.concat`` would make them ``object``); one frame is
    returned as it is.

    >>> a = pd.DataFrame({"k": pd.Categorical(["x"])})
    >>> b = pd.DataFrame({"k": pd.Categorical(["y"])})
    >>> concat([a, b])["k"].dtype.name, concat([a, b])["k"].tolist()
    ('category', ['x', 'y'])
    """
    frames = list(frames)
    if len(frames) == 1:
        return frames[0]
    nonempty = [f for f in frames if len(f)] or frames[:1]
    out = pd.concat(nonempty, ignore_index=True)
    for name in frames[0].columns:
        kinds = [f[name].dtype for f in nonempty if name in f]
        if kinds and all(isinstance(k, pd.CategoricalDtype) for k in kinds) \
                and not isinstance(out[name].dtype, pd.CategoricalDtype):
            cats = list(dict.fromkeys(c for k in kinds for c in k.categories))
            out[name] = pd.Categorical(out[name], categories=cats,
                                       ordered=bool(kinds[0].ordered))
    return out


def read(inputs: Sequence[str | os.PathLike[str]], *, to: str, batch_size: int | None = None,
         batch_chars: int | None = None, fill_date: pd.Timestamp | None = None,
         n_jobs: int | None = 1, progress: bool | None = None,
         currency_hint: str | None = None) -> tuple[pd.DataFrame, ...]:
    """``(articles, quantities, claims, load errors)`` over ``inputs`` (see the module
    docs); ``articles.attrs["skipped"]`` lists the paths passed over."""
    from .claims.find import find_claims
    from .common.memory import release
    from .extraction.corpus import extract_corpus
    from .load.articles import errors_table, load_articles
    from .load.stream import BATCH_CHARS, iter_articles
    from .normalization.convert import normalize
    from .report import _claims, fx_for

    paths = [os.fspath(p) for p in inputs]
    if batch_size is None:
        batches: Any = [load_articles(paths, errors="collect", progress=progress)]
    else:
        batches = iter_articles(paths, errors="collect", progress=progress,
                                batch_size=batch_size, batch_chars=batch_chars or BATCH_CHARS)
    kept: dict[str, list[pd.DataFrame]] = {"articles": [], "quantities": [], "claims": [],
                                           "errors": []}
    skipped: list[dict[str, str]] = []
    before = 0
    for articles, load_errors in batches:
        skipped.extend(articles.attrs.get("skipped", []))
        if fill_date is not None and len(articles):
            articles = articles.assign(date=articles["date"].fillna(fill_date))
        errors = errors_table(load_errors) if not isinstance(load_errors, pd.DataFrame) \
            else load_errors
        quantities = normalize(extract_corpus(articles, n_jobs=n_jobs, progress=progress,
                                              currency_hint=currency_hint), to=to)
        claims = fx_for(_claims(find_claims, articles, quantities, to, n_jobs), to) \
            if len(articles) else pd.DataFrame()
        if before and len(claims) and "quantity_index" in claims:
            claims = claims.assign(quantity_index=claims["quantity_index"] + before)
        before += len(quantities)
        if batch_size is not None:
            articles = articles.drop(columns=["text"])  # the texts go with their batch
        for name, frame in (("articles", articles), ("quantities", quantities),
                            ("claims", claims), ("errors", errors)):
            kept[name].append(frame)
        del articles, quantities, claims
        if batch_size is not None:
            release()  # the batch's texts, back to the system
    if len(kept["claims"]) > 1:  # a batch with no article finds no claims table
        kept["claims"] = [c for c in kept["claims"] if len(c.columns)] or kept["claims"][:1]
    out = tuple(concat(kept[name]) for name in ("articles", "quantities", "claims", "errors"))
    if batch_size is not None:
        out[0].attrs = {"skipped": skipped}
    return out
