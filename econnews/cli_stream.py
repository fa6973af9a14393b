"""The command line's ``extract``, ``claims`` and ``check`` over a corpus of any size:
batches in, rows out as they come (``check``, and ``claims`` with corrections, keep the
claims rows of all batches, never the texts, for the table that needs them all;
``report`` reads its batches with :mod:`econnews.report_batches`).

The articles are read in batches (:func:`econnews.load.iter_articles`), each batch is
extracted (:func:`econnews.extract_corpus`), converted and, for ``claims``, read for
claims, and its rows are appended to ``-o FILE``
(:class:`econnews.common.writer.TableWriter`), so memory depends on the batch, not on
the corpus. Without ``-o`` the rows are kept for the text table on stdout (which is for
reading, not for a large corpus). Every input is accounted for: articles + error rows
(load and extract) + skipped paths are what the folders held.

>>> BATCH_ARTICLES, BATCH_CHARS
(2000, 32000000)
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from .errors import InputError

__all__ = ["BATCH_ARTICLES", "BATCH_CHARS", "Streamed", "stream"]

#: articles per batch, and characters of text after which a batch ends anyway
BATCH_ARTICLES = 2000
BATCH_CHARS = 32_000_000

#: (articles, quantities, rows written before this batch) -> the table to write
Stage = Callable[[pd.DataFrame, pd.DataFrame, int], pd.DataFrame]


@dataclass
class Streamed:
    """What a streamed run did: counts, the error rows, and (without ``-o``) the table."""

    articles: int = 0
    quantities: int = 0
    rows: int = 0
    undated: int = 0
    errors: list[pd.DataFrame] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    kept: list[pd.DataFrame] = field(default_factory=list)

    def error_table(self) -> pd.DataFrame:
        """All error rows, load and extract, in the order met."""
        from .load.articles import errors_table

        frames = [e for e in self.errors if len(e)]
        return pd.concat(frames, ignore_index=True) if frames else errors_table([])

    def table(self) -> pd.DataFrame | None:
        """The rows kept for stdout (None when they went to a file)."""
        from .report_batches import concat

        return concat(self.kept) if self.kept else None


def stream(args: argparse.Namespace, stage: Stage, *, progress: bool | None,
           n_jobs: int | None, keep: bool = False) -> Streamed:
    """Run load → extract → ``stage`` batch by batch and write each batch's table to
    ``args.output`` (or keep it for stdout; ``keep=True``: keep it whatever ``-o`` says,
    for a table that needs all rows before it is written, such as ``check``'s)."""
    from .common.memory import release
    from .common.writer import TableWriter
    from .extraction.corpus import extract_corpus
    from .load.stream import iter_articles

    done = Streamed()
    writer = TableWriter(args.output, neutralise=not args.keep_formulas) \
        if args.output and not keep else None
    try:
        batches = iter_articles(args.paths, errors="collect", progress=progress,
                                max_bytes=args.max_bytes, follow_links=args.follow_links,
                                batch_size=BATCH_ARTICLES, batch_chars=BATCH_CHARS)
        for articles, load_errors in batches:
            done.skipped.extend(articles.attrs.get("skipped", []))
            done.errors.append(load_errors)
            if args.date is not None and len(articles):
                articles = articles.assign(date=articles["date"].fillna(args.date))
            quantities, extract_errors = extract_corpus(
                articles, n_jobs=n_jobs, progress=progress, errors="collect",
                currency_hint=args.currency_hint)
            done.errors.append(extract_errors)
            table = stage(articles, quantities, done.quantities)
            if "date" in articles:
                done.undated += int(articles["date"].isna().sum())
            done.articles += len(articles)
            done.quantities += len(quantities)
            done.rows += len(table)
            if writer is not None:
                writer.write(table)
            else:
                done.kept.append(table)
            del articles, quantities, table
            release()  # what the batch freed, back to the system before the next one
        if not done.articles and any(len(e) for e in done.errors):
            first = done.error_table().iloc[0]
            raise InputError(f"no article could be read: {first['path']}: {first['message']}")
    except BaseException as exc:
        if writer is not None:
            writer.close(ok=False, exc=(type(exc), exc, exc.__traceback__))
        raise
    if writer is not None:
        writer.close()
    args.skipped = done.skipped
    return done


def offset_quantity_index(claims: pd.DataFrame, before: int) -> pd.DataFrame:
    """Claims of one batch whose ``quantity_index`` counts from the start of the whole
    quantities table, not of the batch.

    >>> offset_quantity_index(pd.DataFrame({"quantity_index": [0, 2]}), 10)[
    ...     "quantity_index"].tolist()
    [10, 12]
    """
    if not before or "quantity_index" not in claims.columns or not len(claims):
        return claims
    return claims.assign(quantity_index=claims["quantity_index"] + before)
