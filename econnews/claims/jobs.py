"""The claims stage in several processes: a large articles table is cut into chunks of
about equal text, each read by this process or a worker (extraction included when no
quantities are given), and the rows come back in article order, the same rows as one
process reads.

Workers start by fork where the platform does (Linux), after this process has built the
lexicons and patterns they need (:func:`warm`), so that they inherit them (and the
chunks) instead of building them again.

>>> plan([10, 10, 10, 10], 2)
[(0, 2), (2, 4)]
"""

from __future__ import annotations

import gc
import multiprocessing
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from typing import Any

import pandas as pd

__all__ = ["auto_jobs", "plan", "run", "split", "warm"]

#: Characters of text below which ``n_jobs=None`` reads the claims in this process: the
#: claims stage reads about 200,000 characters a second, and starting workers costs
#: about a tenth of a second.
PARALLEL_FROM = 200_000

#: Chunks per worker: enough that one long chunk does not leave the others idle.
CHUNKS_PER_JOB = 3

#: Articles per chunk at most: the extractor's sentence splits of the last 256 texts are
#: kept, so that the claims stage finds them when it reads the chunk after extracting it.
ARTICLES_PER_CHUNK = 200


def _forks() -> bool:
    from ..extraction.corpus import _forks as forks  # one rule for both stages

    return forks()


def usable_cpus() -> int:
    from ..extraction.corpus import usable_cpus as cpus

    return cpus()


def auto_jobs(sizes: Sequence[int], n_jobs: int | None) -> int:
    """How many processes to use for articles of ``sizes`` characters: ``n_jobs`` when
    given (-1: one per CPU); for None, one below :data:`PARALLEL_FROM` characters or where
    workers would not start by fork (a script without a ``__main__`` guard would run again
    in each), else one per CPU. Inside a pool's worker process (which may start none),
    always one.

    >>> auto_jobs([1_000] * 10, None), auto_jobs([1_000] * 10, 3)
    (1, 3)
    """
    if n_jobs is not None:
        jobs = usable_cpus() if n_jobs == -1 else int(n_jobs)
        if jobs < 1:
            raise ValueError(f"n_jobs={n_jobs!r}: give a positive number of processes, "
                             "-1 for one per CPU, or None to choose")
        if multiprocessing.current_process().daemon:
            return 1  # a pool's worker (Dask, multiprocessing) may start no processes
        return min(jobs, max(1, len(sizes)))
    if sum(sizes) < PARALLEL_FROM or len(sizes) < 2 or not _forks() \
            or multiprocessing.current_process().daemon:
        return 1
    return min(usable_cpus(), len(sizes))


def plan(sizes: Sequence[int], chunks: int) -> list[tuple[int, int]]:
    """Cut articles of ``sizes`` characters into at most ``chunks`` runs of about equal
    text: ``(first, last + 1)`` positions, in order."""
    total = sum(sizes) or 1
    out: list[tuple[int, int]] = []
    start, done = 0, 0
    for i, size in enumerate(sizes):
        done += size
        if done * chunks >= total * (len(out) + 1) and i + 1 < len(sizes):
            out.append((start, i + 1))
            start = i + 1
    out.append((start, len(sizes)))
    return [c for c in out if c[0] < c[1]]


@lru_cache(maxsize=1)
def warm() -> None:
    """Build, in this process, what the readers otherwise build on first use (every
    lexicon pattern, the place names, the rate tables), so that forked workers inherit it."""
    from .find import find_claims
    from .parse import _concept_lexicon

    _concept_lexicon()[0].prepare()
    find_claims({"id": "warm", "date": "2019-01-22", "text": (
        "Putin proposed to raise trade with Japan 1.5 times, to $30 billion, by 2024, "
        "the Kremlin said. Japan's exports to the EU rose 5% in the first quarter.")},
        n_jobs=1)


def _take(counter: Any, n: int) -> int | None:
    """The next chunk nobody has taken (None when all are)."""
    with counter.get_lock():
        i = counter.value
        counter.value = i + 1
    return i if i < n else None


def _loop(worker: Callable[..., Any], chunks: list[tuple[Any, ...]], counter: Any,
          conn: Any) -> None:
    """A forked worker: take chunks until none is left, sending back what it read chunk
    by chunk (its arguments are inherited by fork, not pickled)."""
    try:
        while (i := _take(counter, len(chunks))) is not None:
            conn.send(("chunk", i, worker(*chunks[i])))
        conn.send(("done", None, None))
    except BaseException as exc:  # raised again in the caller
        conn.send(("error", None, exc))
    finally:
        conn.close()


def _receive(conn: Any, out: dict[int, Any], errors: list[BaseException]) -> None:
    """Store a worker's chunks as they come (a thread of the caller: the worker never
    waits on a full pipe while the caller reads a chunk of its own)."""
    try:
        while True:
            kind, i, got = conn.recv()
            if kind == "chunk":
                out[i] = got
            else:
                if kind == "error":
                    errors.append(got)
                return
    except (EOFError, OSError):  # the worker died: its chunks are read in the caller
        return


def run(worker: Callable[..., Any], chunks: list[tuple[Any, ...]], jobs: int) -> list[Any]:
    """``worker(*chunk)`` for every chunk in ``jobs`` processes, results in chunk order.

    Where workers start by fork, this process is one of them: it forks ``jobs - 1``
    workers, which inherit the chunks (nothing is pickled on the way there), and all take
    the next chunk nobody has taken until none is left; only the workers' results come
    back pickled, one chunk at a time, received by a thread here while this process reads
    its own. The objects built so far are kept out of the garbage collection in every
    process until the workers are done (``gc.freeze``), which would otherwise copy the
    memory pages they share. A chunk a worker took but did not send back (it died) is
    read here. Elsewhere (spawn) the chunks go to a pool of ``jobs`` processes."""
    if not _forks():
        with ProcessPoolExecutor(max_workers=min(jobs, len(chunks))) as pool:
            return list(pool.map(worker, *zip(*chunks, strict=True)))
    warm()
    context = multiprocessing.get_context("fork")
    counter = context.Value("i", 0)
    out: dict[int, Any] = {}
    errors: list[BaseException] = []
    workers = []
    gc.freeze()  # until the workers are done: a collection here would copy the pages too
    try:
        for _ in range(min(jobs, len(chunks)) - 1):
            receive, send = context.Pipe(duplex=False)
            proc = context.Process(target=_loop, args=(worker, chunks, counter, send),
                                   daemon=True)
            proc.start()
            send.close()
            workers.append((proc, receive))
    except BaseException:
        gc.unfreeze()
        raise
    threads = [threading.Thread(target=_receive, args=(receive, out, errors), daemon=True)
               for _proc, receive in workers]  # (started after the forks: none is copied)
    try:
        for thread in threads:
            thread.start()
        while (i := _take(counter, len(chunks))) is not None:
            out[i] = worker(*chunks[i])
        for thread in threads:
            thread.join()
        if errors:
            raise errors[0]
        return [out[i] if i in out else worker(*chunks[i]) for i in range(len(chunks))]
    finally:
        for proc, _receive_end in workers:
            if proc.is_alive():
                proc.terminate()
            proc.join()
        for thread in threads:
            if thread.is_alive():
                thread.join()
        for _proc, receive in workers:
            receive.close()
        gc.unfreeze()


def split(arts: pd.DataFrame, qs: pd.DataFrame | None, ids: pd.Series, jobs: int
          ) -> list[tuple[pd.DataFrame, pd.DataFrame | None]]:
    """The articles cut by :func:`plan` for ``jobs`` processes (in chunks of at most
    :data:`ARTICLES_PER_CHUNK`), each with its rows of ``qs`` (keyed by ``ids``)."""
    sizes = [len(t) if isinstance(t, str) else 0 for t in arts["text"]]
    chunks = max(jobs * CHUNKS_PER_JOB if jobs > 1 else 1, -(-len(sizes) // ARTICLES_PER_CHUNK))
    if chunks == 1:
        return [(arts, qs)]
    out = []
    key = None if qs is None else qs["doc_id"].astype("string").fillna("\x00")
    for a, b in plan(sizes, chunks):
        part = arts.iloc[a:b]
        out.append((part, None if qs is None else qs[key.isin(set(ids.iloc[a:b]))]))
    return out
