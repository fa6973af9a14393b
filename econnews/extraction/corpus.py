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
import re
import warnings
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, Literal

import pandas as pd

from .. import schema
from ..common.budget import OverBudget, enter, leave
from ..common.progress import progress_bar
from ..errors import ExtractWarning, InputError
from ..load.articles import errors_table
from . import scan
from .lexicon import dateline_currencies
from .scan import check_currency_hint
from .table import frame
from .units import PlaceHint

__all__ = ["OUTPUT", "ExtractWarning", "extract_corpus"]

#: The columns ``extract_corpus`` returns (``schema.CORPUS_QUANTITIES``: what
#: ``econnews.extract`` returns plus the article's ``source``).
OUTPUT: dict[str, object] = schema.CORPUS_QUANTITIES

ErrorMode = Literal["warn", "collect", "raise"]
_Item = tuple[Any, ...]  # (id, text, date, source, path, dateline, title)


def _is_batches(obj: Any) -> bool:
    """An iterator or a list of articles tables (not one table, not a Dask frame).

    >>> _is_batches(iter([])), _is_batches(pd.DataFrame())
    (True, False)
    """
    if isinstance(obj, pd.DataFrame | str | bytes | dict) or _is_dask(obj):
        return False
    return isinstance(obj, Iterator) or (isinstance(obj, list | tuple) and bool(obj) and all(
        isinstance(b, pd.DataFrame) for b in obj))


def _over_batches(batches: Any, *, errors: str, **kwargs: Any) -> Iterator[Any]:
    """Quantities of each batch of articles, as each is asked for (see extract_corpus)."""
    late: list[dict[str, Any]] = []
    n = 0
    for batch in batches:
        articles = batch[0] if isinstance(batch, tuple) else batch
        n += len(articles)
        if errors == "raise":
            yield extract_corpus(articles, errors="raise", **kwargs)
            continue
        q, errs = extract_corpus(articles, errors="collect", **kwargs)
        if errors == "collect":
            yield q, errs
            continue
        late.extend(q.attrs.get("errors", []))
        yield q
    if errors == "warn" and late:
        codes = ", ".join(sorted({e["code"] for e in late}))
        warnings.warn(f"{len(late)} of {n} articles could not be extracted ({codes}); see "
                      "econnews.load.errors_table(batch) of each batch or pass "
                      "errors='collect'", ExtractWarning, stacklevel=2)


def _is_dask(obj: Any) -> bool:
    return type(obj).__module__.split(".", 1)[0] in ("dask", "dask_expr")


def _missing(value: Any) -> bool:
    return value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)) \
        or value is pd.NA


def _one(item: _Item, mode: str, hint: str | None, budget: float | None,
         cols: dict[str, list]) -> dict[str, Any] | None:
    """Append one article's rows to ``cols`` (its source in ``cols["source"]``); return
    its error record, or None (then none of its rows are kept). The time budget is
    checked in the scanner's loops (:mod:`econnews.common.budget`): it holds in any
    thread or process, and no timer or signal of the caller's is touched."""
    doc_id, text, date, source, path, dateline, title = item
    doc = doc_id if type(doc_id) is str else None if _missing(doc_id) else str(doc_id)
    if not isinstance(text, str) or not text or text.isspace():  # (strip() would copy it)
        err = {"doc_id": doc, "path": path, "stage": "extract", "code": "no-text",
               "message": "the article has no text; check the loader's text field"}
        if mode == "raise":
            raise InputError(f"article {doc!r}: {err['message']}")
        return err
    before = len(cols["start"])
    try:
        previous = enter(budget)  # (what ``with within(budget)`` does, for less per article)
        try:
            hint = hint or _place_hint(dateline, title, text)  # here: in the worker
            added = scan.add_rows(cols, text, doc_id=doc,
                                  date=None if date is None or _missing(date) else date,
                                  hint=hint)
        finally:
            leave(previous)
    except BaseException as exc:
        for values in cols.values():  # the article's rows, some written: none kept
            del values[before:]
        if isinstance(exc, OverBudget):
            message = (f"extraction took longer than the time budget of {budget:g} s; "
                       "pass a larger timeout= to extract_corpus (or timeout=None)")
            if mode == "raise":
                raise InputError(f"article {doc!r}: {message}") from None
            return {"doc_id": doc, "path": path, "stage": "extract", "code": "extract-timeout",
                    "message": message}
        if not isinstance(exc, Exception):
            raise
        # the extractor's failure on one article must not stop the run
        if mode == "raise":
            raise InputError(f"article {doc!r}: extraction failed: {type(exc).__name__}: {exc}; "
                             "report the article text as a bug") from exc
        return {"doc_id": doc, "path": path, "stage": "extract", "code": "extract-failed",
                "message": f"{type(exc).__name__}: {exc}"[:500]}
    if added:
        cols["source"].extend([None if source is None or _missing(source) else str(source)]
                              * added)
    return None


def _columns() -> dict[str, list]:
    """Empty column lists for the rows of many articles (``OUTPUT``: with ``source``)."""
    return {name: [] for name in OUTPUT}


def _fill(items: Sequence[_Item], mode: str, hint: str | None, budget: float | None,
          cols: dict[str, list], errs: list[dict[str, Any]]) -> None:
    """The rows of ``items`` appended to ``cols``, their error records to ``errs``."""
    for item in items:
        err = _one(item, mode, hint, budget, cols)
        if err is not None:
            errs.append(err)


def _chunk(items: Sequence[_Item], mode: str, hint: str | None = None,
           budget: float | None = None) -> tuple[list[pd.DataFrame], list[dict[str, Any]]]:
    """Worker: extract a chunk of articles (runs in a child process when n_jobs > 1).

    The chunk's rows fill one set of columns and become one typed table: a table per
    article would cost more than reading it, and thousands of small frames would cost
    memory in the parent and time in pickling.
    """
    cols: dict[str, list] = _columns()
    errs: list[dict[str, Any]] = []
    _fill(items, mode, hint, budget, cols, errs)
    return ([frame(cols, OUTPUT)] if cols["start"] else []), errs


def _items(articles: pd.DataFrame) -> list[_Item]:
    """One work item per article: id, text, date, source, path, dateline and title (the
    last two say what a bare "$" or "Rs" means in it, see :func:`place_hint`)."""
    n = len(articles)

    def col(name: str) -> list[Any]:
        return articles[name].tolist() if name in articles.columns else [None] * n

    return list(zip(col("id"), col("text"), col("date"), col("source"), col("path"),
                    col("dateline"), col("title"), strict=True))


def dateline_hint(dateline: Any) -> str | None:
    """The currency a bare "dlrs" means under this dateline ("SYDNEY, March 3 -" -> AUD),
    or None: the local dollar of the dateline city (``data/dateline_currencies.csv``).

    >>> dateline_hint("SYDNEY, March 3 -"), dateline_hint("NEW YORK, March 3 -")
    ('AUD', None)
    """
    if not isinstance(dateline, str) or not dateline.strip():
        return None
    city = dateline.split(",")[0].strip().lower()
    return dateline_currencies().get(city)


# "SYDNEY, March 3 - ", "TORONTO (Reuters) - ", "KARACHI: ": a dateline opening the text
_TEXT_DATELINE = re.compile(
    r"\s*(?P<city>[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2})"
    r"(?:,[^\n]{1,30}?|\s*\([^()\n]{1,30}\))?\s*(?:[-–—]|:)\s"
)


def place_hint(dateline: Any = None, title: Any = None, text: Any = None) -> str | None:
    """The currency a bare "$", "dollars", "dlrs" or "Rs" means in an article, or None
    (then the text alone decides, as in :func:`econnews.extract`):

    1. its dateline city, from the ``dateline`` column or a dateline opening the text
       (``data/dateline_currencies.csv``, see :func:`dateline_hint`);
    2. a dateline in any other city ("SEOUL -"): ``USD``;
    3. else the place words of its title and text, when they name exactly one local
       dollar or rupee (:func:`econnews.extraction.units.place_currency`).

    >>> place_hint("SYDNEY, March 3 -"), place_hint(None, None, "TORONTO (Reuters) - Up $5.")
    ('AUD', 'CAD')
    >>> place_hint(None, "HONG KONG M3 RISES 2.2 PCT", "Local M2 rose to 249 billion dlrs.")
    'HKD'
    """
    hint = _place_hint(dateline, title, text)
    return hint.code() if isinstance(hint, PlaceHint) else hint


def _place_hint(dateline: Any, title: Any, text: Any) -> str | PlaceHint | None:
    """:func:`place_hint`, its third step left to the reader (a :class:`PlaceHint`)."""
    if dateline is None and title is None and type(text) is str and text and not (
            text[:2].isupper() or text[0].isspace()):
        return PlaceHint(text)  # (most texts: what the steps below come to for them)
    found = dateline_hint(dateline)
    body = text if isinstance(text, str) else ""
    opening = None  # a dateline opening the text (looked for once)
    if found is None and body and (body[:2].isupper() or body[0].isspace()):
        # (_TEXT_DATELINE needs two capitals, or a capital and a stop, after any space)
        opening = _TEXT_DATELINE.match(body, 0, 200)
        if opening is not None:
            found = dateline_hint(opening.group("city").title())
    if found is not None:
        return found
    if opening is not None or (isinstance(dateline, str) and dateline.strip()):
        return "USD"  # "SEOUL - ... shipments to Singapore ... $51.2 billion": U.S. dollars
    head = title if isinstance(title, str) else ""
    if head.isupper():  # wire headlines in capitals: "HONG KONG M3 RISES"
        head = head.title()
    if not head:  # the same call the extractor makes for a bare "$": one cached answer
        return PlaceHint(body) if body else None
    return PlaceHint(body, head)


def _assemble(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return schema.empty(OUTPUT)
    if len(frames) == 1:  # one table from frame(cols, OUTPUT): typed as the schema says
        return frames[0]
    out = pd.concat(frames, ignore_index=True)
    if list(out.columns) == list(OUTPUT) and all(
        a == b for a, b in zip(out.dtypes, OUTPUT.values(), strict=True)
    ):
        return out  # tables built with the schema's types: nothing to cast
    return schema.coerce(out, OUTPUT)


def auto_jobs(items: Sequence[_Item]) -> int:
    """How many processes ``n_jobs=None`` uses: one for small work (starting workers
    costs more than it saves below about a megabyte of text) or where workers do not
    start by fork, else one per usable CPU.

    >>> auto_jobs([("a", "Up 5%.", None, None, None, None, None)])
    1
    """
    size = sum(len(it[1]) for it in items if isinstance(it[1], str))
    if size < _PARALLEL_FROM or len(items) < 2 or not _forks():
        return 1
    return usable_cpus()


def usable_cpus() -> int:
    """The CPUs this process may run on (at least one)."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, cpus or 1)


def _forks() -> bool:
    """Do worker processes start by fork? Only then is choosing processes unasked safe:
    under spawn or forkserver (macOS, Windows, Python 3.14) a script without an
    ``if __name__ == "__main__":`` guard would run again in every worker."""
    import multiprocessing

    method = (multiprocessing.get_start_method(allow_none=True)
              or multiprocessing.get_all_start_methods()[0])  # the first is the default
    return method == "fork"


#: Characters of text below which ``n_jobs=None`` stays in one process.
_PARALLEL_FROM = 1_000_000


def _warm() -> None:
    """Load what the extractor loads lazily (the unit tables) before workers are forked,
    so that they inherit it: a corpus read in batches starts workers for every batch."""
    from .measures import _first_words

    _first_words()  # (and the tables it is drawn from)


def _died(item: _Item, exc: BaseException) -> dict[str, Any]:
    doc = None if _missing(item[0]) else str(item[0])
    return {"doc_id": doc, "path": item[4], "stage": "extract", "code": "worker-died",
            "message": (f"the worker process extracting this article died "
                        f"({type(exc).__name__}: {exc})"[:400]
                        + "; it may need more memory than the process may use")}


def _retry(items: Sequence[_Item], mode: str, hint: str | None, budget: float | None
           ) -> tuple[list[pd.DataFrame], list[dict[str, Any]]]:
    """A chunk whose worker failed, again article by article in a fresh worker: an
    article that kills its worker too becomes a ``worker-died`` error row, and the
    next article gets a new worker."""
    frames: list[pd.DataFrame] = []
    errs: list[dict[str, Any]] = []
    pool = None
    try:
        for item in items:
            if pool is None:
                pool = ProcessPoolExecutor(max_workers=1)
            try:
                fr, er = pool.submit(_chunk, [item], mode, hint, budget).result()
            except InputError:
                raise
            except BaseException as exc:  # BrokenProcessPool, a pickling failure, ...
                if isinstance(exc, KeyboardInterrupt):
                    raise
                pool.shutdown(wait=False, cancel_futures=True)
                pool = None
                errs.append(_died(item, exc))
                continue
            frames.extend(fr)
            errs.extend(er)
    finally:
        if pool is not None:
            pool.shutdown(wait=True)
    return frames, errs


def _parallel(chunks: list[list[_Item]], n_jobs: int, mode: str, hint: str | None,
              budget: float | None, bar) -> tuple[list[pd.DataFrame], list[dict[str, Any]]]:
    """Chunks in ``n_jobs`` processes, results in chunk order; a chunk whose worker
    raised or died is retried article by article (:func:`_retry`)."""
    results: list[tuple[list, list] | None] = [None] * len(chunks)
    if _forks():
        _warm()  # once here, not in every forked worker of every batch
    with ProcessPoolExecutor(max_workers=min(n_jobs, len(chunks))) as pool:
        futures = [pool.submit(_chunk, c, mode, hint, budget) for c in chunks]
        for k, fut in enumerate(futures):
            try:
                results[k] = fut.result()
            except InputError:
                raise
            except Exception:
                results[k] = None
            else:
                bar.update(len(chunks[k]))
    frames: list[pd.DataFrame] = []
    errs: list[dict[str, Any]] = []
    for k, res in enumerate(results):
        if res is None:
            res = _retry(chunks[k], mode, hint, budget)
            bar.update(len(chunks[k]))
        frames.extend(res[0])
        errs.extend(res[1])
    return frames, errs


#: Rows the serial path gathers in lists before it makes them a typed table (a table
#: per chunk costs more than a short article; lists of many rows cost memory).
_ROWS_PER_TABLE = 50_000


def _serial(chunks: list[list[_Item]], mode: str, hint: str | None, budget: float | None,
            errs: list[dict[str, Any]], bar) -> list[pd.DataFrame]:
    """The chunks in this process, their rows gathered into as few tables as memory
    allows (one for up to :data:`_ROWS_PER_TABLE` rows)."""
    frames: list[pd.DataFrame] = []
    cols = _columns()
    for chunk in chunks:
        _fill(chunk, mode, hint, budget, cols, errs)
        bar.update(len(chunk))
        if len(cols["start"]) >= _ROWS_PER_TABLE:
            frames.append(frame(cols, OUTPUT))
            cols = _columns()
    if cols["start"]:
        frames.append(frame(cols, OUTPUT))
    return frames


def extract_corpus(
    articles: Any,
    *,
    n_jobs: int | None = None,
    progress: bool | None = None,
    errors: ErrorMode = "warn",
    chunk_size: int | None = None,
    currency_hint: str | None = None,
    timeout: float | None = 60.0,
) -> Any:
    """Quantities for every article of an articles table.

    Requires ``id`` and ``text``; uses ``date``, ``source`` and ``path`` when
    present. Returns the quantities schema plus ``source`` (``OUTPUT``), with a
    fresh index; with ``errors="collect"`` a tuple ``(quantities, errors)``.
    ``n_jobs`` > 1 (``-1``: one per CPU) runs chunks of ``chunk_size`` articles
    in that many processes; the result equals the serial one; ``None`` (default)
    chooses: one process for less than about a megabyte of text, else one per CPU
    (:func:`auto_jobs`). A chunk whose worker raises or dies (out of memory, killed)
    is run again article by article in a fresh worker; an article that kills that
    worker too becomes a ``worker-died`` error row, and every other article still
    gets its rows. ``timeout`` is each article's time budget in seconds (``None``: no
    budget); an article over it becomes an ``extract-timeout`` error row. The budget is
    a deadline the scanner checks in its loops (:mod:`econnews.common.budget`), so it
    holds in any thread (a notebook's, a Dask worker's) and process, and no signal or
    timer of the caller's is touched; loading a library the first time is not counted.
    Given batches of articles (an iterator of tables, as
    ``load_articles(path, batch_size=N)`` yields them, or of ``(articles, errors)``
    pairs), an iterator of quantities tables comes back, one per batch, each made as
    it is asked for (``errors="collect"``: ``(quantities, errors)`` pairs; ``"warn"``:
    one :class:`ExtractWarning` at the end): memory depends on the batch, not the corpus.
    ``currency_hint``
    goes to :func:`econnews.extract` for every article (what a bare ``$`` or
    "dollars" means, e.g. ``"AUD"``); an unknown code raises ``InputError`` at once.
    Without one, the article's ``dateline`` (Reuters: "SYDNEY, March 3 -", or a
    dateline opening the text), else the place words of its ``title`` and text, give
    the local dollar or rupee, see :func:`place_hint`.

    >>> extract_corpus(pd.DataFrame({"id": ["x"], "text": ["  "]}), errors="collect")[1]["code"].tolist()
    ['no-text']
    """
    if errors not in ("warn", "collect", "raise"):
        raise InputError(f"errors={errors!r}: use 'warn', 'collect' or 'raise'")
    hint = check_currency_hint(currency_hint)
    if _is_dask(articles):
        from ..dask import extract as dask_extract

        return dask_extract(articles, errors="collect" if errors == "collect" else "raise",
                            currency_hint=hint, timeout=timeout)
    if _is_batches(articles):
        return _over_batches(articles, n_jobs=n_jobs, progress=progress, errors=errors,
                             chunk_size=chunk_size, currency_hint=hint, timeout=timeout)
    schema.require(articles, ["id", "text"], stage="extract_corpus")
    if n_jobs is not None and (not isinstance(n_jobs, int) or n_jobs == 0 or n_jobs < -1):
        raise InputError(f"n_jobs={n_jobs!r}: use a positive number of processes, -1 for all, "
                         "or None to choose")
    if chunk_size is not None and (not isinstance(chunk_size, int) or chunk_size < 1):
        raise InputError(f"chunk_size={chunk_size!r}: use a positive number of articles")
    if timeout is not None and not (isinstance(timeout, int | float) and timeout > 0):
        raise InputError(f"timeout={timeout!r}: give a number of seconds, or None")
    items = _items(articles)
    if n_jobs is None:
        n_jobs = auto_jobs(items)
    elif n_jobs == -1:
        n_jobs = os.cpu_count() or 1
    mode = "raise" if errors == "raise" else "collect"
    frames: list[pd.DataFrame] = []
    errs: list[dict[str, Any]] = []
    bar = progress_bar(total=len(items), desc="extracting", progress=progress)
    try:
        size = chunk_size or max(1, min(100, math.ceil(len(items) / (max(n_jobs, 1) * 8))))
        chunks = [items[i:i + size] for i in range(0, len(items), size)]
        if n_jobs == 1 or len(chunks) <= 1:
            frames = _serial(chunks, mode, hint, timeout, errs, bar)
        else:
            frames, errs = _parallel(chunks, n_jobs, mode, hint, timeout, bar)
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
