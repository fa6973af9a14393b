"""Quantities for a whole corpus: every article extracted, or accounted for.

``extract_corpus(articles)`` runs :func:`econnews.extract` over each article
(its ``id`` becomes ``doc_id``, its ``date`` is passed as ``date=`` and comes
back in the ``date`` column, its ``source`` is carried along as a ``source``
column). Rows come in article order, then text order, whatever ``n_jobs``.

An article the extractor cannot handle (it raises, or the text is missing)
becomes an error row (schema ``ERRORS``, ``stage`` ``"extract"``, codes
``no-text`` and ``extract-failed``) and the run goes on. ``errors=`` works as in
:func:`econnews.load_articles`: ``"warn"`` (default; one
:class:`ExtractWarning`, records in ``result.attrs["errors"]``, read them with
:func:`econnews.load.errors_table`), ``"collect"`` (returns
``(quantities, errors)``) or ``"raise"``.

Given a Dask DataFrame, the work goes to :func:`econnews.dask.extract` and a
Dask DataFrame comes back; there, ``"warn"`` cannot reach you from the workers,
so it acts as ``"raise"``.

>>> import pandas as pd
>>> arts = pd.DataFrame({"id": ["a", "b"], "date": pd.to_datetime(["2019-01-22", None]),
...                      "source": ["Kyodo", None],
...                      "text": ["Trade rose to $30 billion.", "Up 1.5 times."]})
>>> q = extract_corpus(arts)
>>> q[["doc_id", "surface", "source"]].values.tolist()
[['a', '$30 billion', 'Kyodo'], ['b', '1.5 times', <NA>]]
"""

from __future__ import annotations

import math
import os
import warnings
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Literal

import pandas as pd

from .. import schema
from ..common.progress import progress_bar
from ..errors import ExtractWarning, InputError
from ..load.articles import errors_table
from .scan import check_currency_hint

__all__ = ["OUTPUT", "ExtractWarning", "extract_corpus"]

#: The columns ``extract_corpus`` returns (``schema.CORPUS_QUANTITIES``: what
#: ``econnews.extract`` returns plus the article's ``source``).
OUTPUT: dict[str, object] = schema.CORPUS_QUANTITIES

ErrorMode = Literal["warn", "collect", "raise"]
_Item = tuple[Any, Any, Any, Any, Any]  # (id, text, date, source, path)


def _is_dask(obj: Any) -> bool:
    return type(obj).__module__.split(".", 1)[0] in ("dask", "dask_expr")


def _missing(value: Any) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)) \
        or value is pd.NA


def _one(item: _Item, mode: str, hint: str | None = None
         ) -> tuple[pd.DataFrame | None, dict[str, Any] | None]:
    from .scan import extract

    doc_id, text, date, source, path, dateline = item
    hint = hint or dateline_hint(dateline)
    doc = None if _missing(doc_id) else str(doc_id)
    if not isinstance(text, str) or not text.strip():
        err = {"doc_id": doc, "path": path, "stage": "extract", "code": "no-text",
               "message": "the article has no text; check the loader's text field"}
        if mode == "raise":
            raise InputError(f"article {doc!r}: {err['message']}")
        return None, err
    try:
        q = extract(text, doc_id=doc, date=None if _missing(date) else date, currency_hint=hint)
    except Exception as exc:  # the extractor's failure on one article must not stop the run
        if mode == "raise":
            raise InputError(f"article {doc!r}: extraction failed: {type(exc).__name__}: {exc}; "
                             "report the article text as a bug") from exc
        return None, {"doc_id": doc, "path": path, "stage": "extract", "code": "extract-failed",
                      "message": f"{type(exc).__name__}: {exc}"[:500]}
    if len(q):
        q = q.copy()
        q["source"] = pd.array([None if _missing(source) else str(source)] * len(q),
                               dtype=schema.STRING)
    return q, None


def _chunk(items: Sequence[_Item], mode: str, hint: str | None = None
           ) -> tuple[list[pd.DataFrame], list[dict[str, Any]]]:
    """Worker: extract a chunk of articles (runs in a child process when n_jobs > 1).

    The chunk's quantities come back as one frame: thousands of small frames
    would cost memory in the parent and time in pickling.
    """
    frames, errs = [], []
    for item in items:
        q, err = _one(item, mode, hint)
        if err is not None:
            errs.append(err)
        elif q is not None and len(q):
            frames.append(q)
    return ([_assemble(frames)] if frames else []), errs


def _items(articles: pd.DataFrame) -> list[_Item]:
    n = len(articles)

    def col(name: str) -> list[Any]:
        return articles[name].tolist() if name in articles.columns else [None] * n

    return list(zip(col("id"), col("text"), col("date"), col("source"), col("path"),
                    col("dateline"), strict=True))


def dateline_hint(dateline: Any) -> str | None:
    """The currency a bare "dlrs" means under this dateline ("SYDNEY, March 3 -" -> AUD),
    or None: the local dollar of the dateline city (``data/dateline_currencies.csv``).

    >>> dateline_hint("SYDNEY, March 3 -"), dateline_hint("NEW YORK, March 3 -")
    ('AUD', None)
    """
    if not isinstance(dateline, str) or not dateline.strip():
        return None
    from .lexicon import dateline_currencies

    city = dateline.split(",")[0].strip().lower()
    return dateline_currencies().get(city)


def _assemble(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return schema.empty(OUTPUT)
    out = pd.concat(frames, ignore_index=True)
    return schema.coerce(out, OUTPUT)


def extract_corpus(
    articles: Any,
    *,
    n_jobs: int = 1,
    progress: bool | None = None,
    errors: ErrorMode = "warn",
    chunk_size: int | None = None,
    currency_hint: str | None = None,
) -> Any:
    """Quantities for every article of an articles table.

    Requires ``id`` and ``text``; uses ``date``, ``source`` and ``path`` when
    present. Returns the quantities schema plus ``source`` (``OUTPUT``), with a
    fresh index; with ``errors="collect"`` a tuple ``(quantities, errors)``.
    ``n_jobs`` > 1 (``-1``: one per CPU) runs chunks of ``chunk_size`` articles
    in that many processes; the result equals the serial one. ``currency_hint``
    goes to :func:`econnews.extract` for every article (what a bare ``$`` or
    "dollars" means, e.g. ``"AUD"``); an unknown code raises ``InputError`` at once.
    Without one, an article's ``dateline`` (Reuters: "SYDNEY, March 3 -") gives the
    local dollar of the city, see :func:`dateline_hint`.

    >>> extract_corpus(pd.DataFrame({"id": ["x"], "text": ["  "]}), errors="collect")[1]["code"].tolist()
    ['no-text']
    """
    if errors not in ("warn", "collect", "raise"):
        raise InputError(f"errors={errors!r}: use 'warn', 'collect' or 'raise'")
    hint = check_currency_hint(currency_hint)
    if _is_dask(articles):
        from ..dask import extract as dask_extract

        return dask_extract(articles, errors="collect" if errors == "collect" else "raise",
                            currency_hint=hint)
    schema.require(articles, ["id", "text"], stage="extract_corpus")
    if not isinstance(n_jobs, int) or n_jobs == 0 or n_jobs < -1:
        raise InputError(f"n_jobs={n_jobs!r}: use a positive number of processes, or -1 for all")
    if chunk_size is not None and (not isinstance(chunk_size, int) or chunk_size < 1):
        raise InputError(f"chunk_size={chunk_size!r}: use a positive number of articles")
    if n_jobs == -1:
        n_jobs = os.cpu_count() or 1
    items = _items(articles)
    mode = "raise" if errors == "raise" else "collect"
    frames: list[pd.DataFrame] = []
    errs: list[dict[str, Any]] = []
    bar = progress_bar(total=len(items), desc="extracting", progress=progress)
    try:
        size = chunk_size or max(1, min(100, math.ceil(len(items) / (max(n_jobs, 1) * 8))))
        chunks = [items[i:i + size] for i in range(0, len(items), size)]
        if n_jobs == 1 or len(chunks) <= 1:
            for chunk in chunks:
                fr, er = _chunk(chunk, mode, hint)
                frames.extend(fr)
                errs.extend(er)
                bar.update(len(chunk))
        else:
            with ProcessPoolExecutor(max_workers=min(n_jobs, len(chunks))) as pool:
                results = pool.map(_chunk, chunks, [mode] * len(chunks), [hint] * len(chunks))
                for (fr, er), chunk in zip(results, chunks, strict=True):
                    frames.extend(fr)
                    errs.extend(er)
                    bar.update(len(chunk))
    finally:
        bar.close()
    result = _assemble(frames)
    result.attrs["errors"] = errs
    if errors == "collect":
        return result, errors_table(errs)
    if errs:
        codes = ", ".join(sorted({e["code"] for e in errs}))
        warnings.warn(f"{len(errs)} of {len(items)} articles could not be extracted ({codes}); "
                      "see econnews.load.errors_table(result) or pass errors='collect'",
                      ExtractWarning, stacklevel=2)
    return result
