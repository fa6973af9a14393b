"""Issue 21: a per-article time budget that holds in every context (no SIGALRM).

A pathological article under ``timeout=1`` becomes an ``extract-timeout`` error row
within 3 s in the main thread, in a ``threading.Thread``, with ``n_jobs=2``, on Dask
(``extract_corpus`` of a Dask DataFrame and ``econnews.dask.extract``) and in
``find_claims``; the caller's own ``ITIMER_REAL`` timer keeps running.
"""

from __future__ import annotations

import signal
import threading
import time

import pandas as pd
import pytest

import econnews as en
from econnews.common import budget
from econnews.errors import ExtractWarning
from econnews.extraction.corpus import extract_corpus

#: over ten seconds of scanning without a budget (run-on figures, 120,000 rows)
PATHOLOGICAL = "$1,2" * 60_000
OK = "Japan's exports to Russia rose 5% to $3 billion in 2018."


@pytest.fixture(scope="module", autouse=True)
def warm():
    """Lexicons and quantulum3's units loaded once (their loading is not counted
    against a budget, but it takes seconds)."""
    en.extract("12 kilopascals, 5 miles per hour, $3 billion, half a point, 2 tonnes")


def articles() -> pd.DataFrame:
    return pd.DataFrame({"id": ["slow", "ok"], "text": [PATHOLOGICAL, OK],
                         "date": pd.to_datetime(["2019-01-22", "2019-01-22"])})


def _timed(fn):
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def _assert_timeout_row(q: pd.DataFrame, errs: pd.DataFrame, took: float) -> None:
    assert errs[["doc_id", "code"]].values.tolist() == [["slow", "extract-timeout"]]
    assert set(q["doc_id"]) == {"ok"}
    assert took < 3, f"took {took:.1f} s"


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_main_thread_and_two_jobs(n_jobs):
    (q, errs), took = _timed(lambda: extract_corpus(articles(), n_jobs=n_jobs, chunk_size=1,
                                                    timeout=1, errors="collect",
                                                    progress=False))
    _assert_timeout_row(q, errs, took)


def test_in_a_thread():
    box = {}

    def run():
        box["out"] = _timed(lambda: extract_corpus(articles(), n_jobs=1, timeout=1,
                                                   errors="collect", progress=False))

    th = threading.Thread(target=run)
    th.start()
    th.join(30)
    (q, errs), took = box["out"]
    _assert_timeout_row(q, errs, took)


def test_two_threads_each_their_own_budget():
    box: dict[str, tuple] = {}

    def run(name, timeout):
        box[name] = _timed(lambda: extract_corpus(articles(), n_jobs=1, timeout=timeout,
                                                  errors="collect", progress=False))

    threads = [threading.Thread(target=run, args=("one", 1)),
               threading.Thread(target=run, args=("half", 0.5))]
    for th in threads:
        th.start()
    for th in threads:
        th.join(30)
    for name in ("one", "half"):
        (q, errs), took = box[name]
        _assert_timeout_row(q, errs, took)


def test_the_callers_itimer_real_is_untouched():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *a: fired.append(time.perf_counter()))
    try:
        signal.setitimer(signal.ITIMER_REAL, 5.0)
        extract_corpus(articles(), n_jobs=1, timeout=1, errors="collect", progress=False)
        left, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 2.0 < left < 5.0, left  # still counting down, not cancelled
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert not fired


def test_find_claims_gets_the_budget():
    arts = articles()
    arts.loc[1, "text"] = "Japan's exports to Russia rose to $3 billion in 2018, Abe said."
    with pytest.warns(ExtractWarning, match="extract-timeout"):
        claims, took = _timed(lambda: en.find_claims(arts, timeout=1))
    assert took < 3
    assert set(claims["doc_id"]) == {"ok"}


def test_a_budget_that_is_not_used_up_changes_nothing():
    arts = articles().iloc[[1]]
    with_budget = extract_corpus(arts, n_jobs=1, timeout=60, progress=False)
    without = extract_corpus(arts, n_jobs=1, timeout=None, progress=False)
    pd.testing.assert_frame_equal(with_budget, without)


def test_budget_primitives():
    with pytest.raises(budget.OverBudget), budget.within(0.01):
        time.sleep(0.02)
        budget.check()
    with budget.within(10):
        with budget.within(0.001):
            time.sleep(0.005)
            with pytest.raises(budget.OverBudget):
                budget.check()
        budget.check()  # the outer, later deadline is back
    assert budget.remaining() is None


# ------------------------------------------------------------------ Dask


@pytest.fixture(scope="module")
def client():
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                       dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_dask_extract_on_a_local_cluster(client):
    dd = pytest.importorskip("dask.dataframe")
    import dask

    from econnews import dask as edask

    ddf = dd.from_pandas(articles(), npartitions=1)
    q, e = edask.extract(ddf, errors="collect", timeout=1)
    (q, errs), took = _timed(lambda: dask.compute(q, e))
    _assert_timeout_row(q, errs, took)
    # extract_corpus passes timeout= on to Dask (it was dropped)
    out, took = _timed(lambda: dask.compute(*extract_corpus(ddf, timeout=1, errors="collect")))
    _assert_timeout_row(*out, took)


def test_dask_find_claims_on_a_local_cluster(client):
    dd = pytest.importorskip("dask.dataframe")

    from econnews import dask as edask

    arts = articles()
    arts.loc[1, "text"] = "Japan's exports to Russia rose to $3 billion in 2018, Abe said."
    lazy = edask.find_claims(dd.from_pandas(arts, npartitions=1), timeout=1)
    claims, took = _timed(lazy.compute)
    assert took < 3
    assert set(claims["doc_id"]) == {"ok"}
    with pytest.raises(en.errors.InputError, match="timeout="):
        edask.find_claims(dd.from_pandas(arts, npartitions=1), timeout=0)
