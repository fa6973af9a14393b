"""A corpus larger than memory: the articles table in batches.

``iter_articles(paths, batch_size=N)`` (also ``load_articles(paths, batch_size=N)``)
reads the same inputs as :func:`econnews.load_articles` and yields articles tables of
about ``N`` articles each (a batch also ends once it holds ``batch_chars`` characters
of text, 32 million by default, so a folder of large files stays bounded), as the files
are read: memory depends on the batch, not on the corpus. Each batch is typed like the
whole table; ids are unique across the whole run (a repeated id gets ``#2``...);
duplicates are flagged within a batch (``duplicate_of`` names an earlier article of the
same batch). ``attrs["errors"]`` and ``attrs["skipped"]`` of a batch hold what was met
while reading it (errors and skipped paths found while listing folders come with the
first batch); every input is accounted for: the articles of all batches + their error
rows = the inputs. At least one batch is yielded (empty when nothing could be read).

``errors=``: ``"warn"`` yields tables and emits one :class:`LoadWarning` at the end;
``"collect"`` yields ``(articles, errors)`` pairs; ``"raise"`` raises at the first bad
input.

>>> batches = iter_articles("data", batch_size=5)
>>> sizes = [len(b) for b in batches]
>>> sum(sizes) == len(load_articles("data")), max(sizes) <= 5
(True, True)
"""

from __future__ import annotations

import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

import pandas as pd

from .. import schema
from ..common.progress import progress_bar
from ..errors import InputError, LoadWarning
from .articles import (
    EXTRA,
    MAX_BYTES,
    ErrorMode,
    PathLike,
    _load_one,
    _start,
    errors_table,
    flag_duplicates,
    load_articles,  # noqa: F401  (the doctest compares with it)
    summarise,
)

__all__ = ["BATCH_CHARS", "iter_articles"]

#: characters of text after which a batch ends, whatever ``batch_size`` says
BATCH_CHARS = 32_000_000


class _Ids:
    """Unique ids across batches: a repeated id gets ``#2``, ``#3``...

    >>> ids = _Ids()
    >>> ids.unique(["a", "b"]), ids.unique(["a", "a"])
    (['a', 'b'], ['a#2', 'a#3'])
    """

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.counts: Counter[str] = Counter()

    def unique(self, ids: Iterable[str]) -> list[str]:
        out = []
        for i in ids:
            self.counts[i] += 1
            if self.counts[i] == 1 and i not in self.seen:
                self.seen.add(i)
                out.append(i)
                continue
            k = max(self.counts[i], 2)
            while f"{i}#{k}" in self.seen:
                k += 1
            self.counts[i] = k
            self.seen.add(f"{i}#{k}")
            out.append(f"{i}#{k}")
        return out


def _batch(rows: list[dict[str, Any]], ids: _Ids) -> pd.DataFrame:
    if not rows:
        return schema.empty({**schema.ARTICLES, **EXTRA})
    frame = pd.DataFrame(rows)
    rows.clear()  # the texts live in the frame alone
    frame["id"] = ids.unique(str(i) for i in frame["id"])
    frame = schema.coerce(frame, {**schema.ARTICLES, **EXTRA})
    return flag_duplicates(frame)


def iter_articles(
    path_or_paths: PathLike | Sequence[PathLike],
    *,
    batch_size: int = 1000,
    batch_chars: int = BATCH_CHARS,
    errors: ErrorMode = "warn",
    fields: Mapping[str, str | Sequence[str]] | None = None,
    progress: bool | None = None,
    max_bytes: int | None = MAX_BYTES,
    follow_links: bool = False,
) -> Iterator[Any]:
    """Articles tables of about ``batch_size`` articles each, read as they come (see the
    module docs); the other parameters as in :func:`econnews.load_articles`.

    >>> first = next(iter_articles("data/russia-japan-trade-30bn.txt", errors="collect"))
    >>> len(first[0]), len(first[1])
    (1, 0)
    """
    for name, value in (("batch_size", batch_size), ("batch_chars", batch_chars)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise InputError(f"{name}={value!r}: give a positive whole number")
    run, inputs, total = _start(path_or_paths, errors=errors, fields=fields,
                                max_bytes=max_bytes, follow_links=follow_links)
    return _batches(run, inputs, total, batch_size=batch_size, batch_chars=batch_chars,
                    progress=progress)


def _batches(run: Any, inputs: list, total: int, *, batch_size: int, batch_chars: int,
             progress: bool | None) -> Iterator[Any]:
    ids = _Ids()
    all_errors: list[dict[str, Any]] = []
    n_rows = 0
    sent = 0

    def cut() -> Any:
        nonlocal n_rows, sent
        frame = _batch(run.rows, ids)
        frame.attrs["errors"] = list(run.errors)
        frame.attrs["skipped"] = list(run.skipped)
        n_rows += len(frame)
        all_errors.extend(run.errors)
        run.rows.clear()
        run.errors.clear()
        run.skipped.clear()
        sent += 1
        return (frame, errors_table(frame.attrs["errors"])) if run.mode == "collect" else frame

    bar = progress_bar(total=total or None, desc="loading", progress=progress, unit="B",
                       unit_scale=True)
    try:
        chars = 0
        for file, root in inputs:
            before = len(run.rows)
            _load_one(file, root, run, bar)
            chars += sum(len(r["text"]) for r in run.rows[before:])
            if len(run.rows) >= batch_size or chars >= batch_chars:
                yield cut()
                chars = 0
        if run.rows or run.errors or run.skipped or not sent:
            yield cut()
    finally:
        bar.close()
    if run.mode == "warn" and all_errors:
        warnings.warn(summarise(all_errors, inputs=n_rows + len(all_errors))
                      + "; see errors_table(batch) of each batch or pass errors='collect'",
                      LoadWarning, stacklevel=2)

