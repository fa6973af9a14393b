"""The claims stage in several processes reads the same rows as one process."""

from __future__ import annotations

import os
import time
import warnings
from pathlib import Path

import pandas as pd
import pytest

import econnews
from econnews.claims import find_claims
from econnews.claims.jobs import _forks, auto_jobs, plan, run
from econnews.errors import ExtractWarning

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def arts() -> pd.DataFrame:
    return econnews.load_articles(ROOT / "data")


def test_two_processes_read_the_same_rows_as_one(arts):
    one = find_claims(arts, n_jobs=1)
    two = find_claims(arts, n_jobs=2)
    pd.testing.assert_frame_equal(one, two)
    assert len(one) > 50


def test_chunks_joined_keep_the_columns_of_another_currency(arts):
    # an amount in euros, whichever chunks hold its rows
    one = find_claims(arts, n_jobs=1, to="EUR")
    two = find_claims(arts, n_jobs=2, to="EUR")
    pd.testing.assert_frame_equal(one, two)
    assert one.columns[-1] == "value_eur" and str(one["value_eur"].dtype) == "Float64"


def test_given_quantities_keep_their_positions_in_two_processes(arts):
    q = econnews.extract_corpus(arts, n_jobs=1, progress=False)
    q = pd.concat([q.iloc[::-1], q.head(0)], ignore_index=True)  # positions not in text order
    one = find_claims(arts, q, n_jobs=1)
    two = find_claims(arts, q, n_jobs=2)
    pd.testing.assert_frame_equal(one, two)
    body = two[two["quantity_index"].notna()]
    assert (q.loc[body["quantity_index"].astype(int), "surface"].to_numpy()
            == body["surface"].to_numpy()).all()


def test_extracted_positions_count_across_the_chunks(arts):
    c = find_claims(arts, n_jobs=2)
    q = pd.concat([econnews.extract(t, doc_id=i, date=d) for i, d, t in
                   zip(arts["id"], arts["date"], arts["text"], strict=True)], ignore_index=True)
    body = c[c["quantity_index"].notna()]
    assert (q.loc[body["quantity_index"].astype(int), "surface"].to_numpy()
            == body["surface"].to_numpy()).all()


def test_an_article_over_its_budget_in_a_worker_is_reported_here(arts):
    with pytest.warns(ExtractWarning, match=f"{len(arts)} of {len(arts)} articles"):
        c = find_claims(arts, n_jobs=2, timeout=1e-9)
    assert c["quantity_index"].isna().all()  # only what the claims stage reads itself


def test_how_many_processes():
    assert auto_jobs([1_000] * 10, None) == 1            # small work: one process
    assert auto_jobs([1_000] * 10, 2) == 2
    assert auto_jobs([1_000], 4) == 1                    # never more than the articles
    with pytest.raises(ValueError, match="n_jobs=0"):
        auto_jobs([1_000] * 10, 0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert find_claims("Exports rose 5%.", n_jobs=1)["surface"].tolist() == ["5%"]


@pytest.mark.parametrize("sizes,chunks", [([5] * 7, 3), ([1, 100, 1, 1], 2), ([0, 0], 4),
                                          ([10], 8)])
def test_a_plan_covers_every_article_once_in_order(sizes, chunks):
    runs = plan(sizes, chunks)
    assert [i for a, b in runs for i in range(a, b)] == list(range(len(sizes)))
    assert len(runs) <= chunks


def _in_a_daemon(arts: pd.DataFrame, n_jobs: int | None) -> int:
    return len(find_claims(arts, n_jobs=n_jobs))


def test_a_pool_worker_reads_its_claims_itself(arts):
    # a worker of a process pool is a daemon and may start no processes of its own
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(1) as pool:
        got = pool.apply(_in_a_daemon, (arts, 2))
    assert got == len(find_claims(arts, n_jobs=1))


def _twice_here_only(i: int, parent: int) -> int:
    if os.getpid() != parent:
        os._exit(3)  # a worker killed mid-run (out of memory, a signal)
    time.sleep(0.01)
    return 2 * i


def _fails_in_a_worker(i: int, parent: int) -> int:
    time.sleep(0.02)
    if os.getpid() != parent:
        raise ValueError(f"chunk {i} failed")
    return i


@pytest.mark.skipif(not _forks(), reason="workers start by fork only on Linux")
def test_chunks_a_dead_worker_took_are_read_here():
    chunks = [(i, os.getpid()) for i in range(12)]
    assert run(_twice_here_only, chunks, 2) == [2 * i for i in range(12)]


@pytest.mark.skipif(not _forks(), reason="workers start by fork only on Linux")
def test_an_error_in_a_worker_is_raised_here():
    with pytest.raises(ValueError, match=r"chunk \d+ failed"):
        run(_fails_in_a_worker, [(i, os.getpid()) for i in range(20)], 2)
