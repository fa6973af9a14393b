"""econnews.extract_corpus: quantities for every article, or an error row (issue 4)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd
import pytest

import econnews as en
from econnews import schema
from econnews.errors import InputError, MissingColumnsError
from econnews.extraction.corpus import OUTPUT, ExtractWarning, extract_corpus
from econnews.load import errors_table

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _sample_articles import sample_articles

REPO = Path(__file__).resolve().parents[1]

def articles(n: int = 10) -> pd.DataFrame:
    return sample_articles(n, per_article=3,
                           sources=["Wire" if i % 2 else None for i in range(n)])


def test_seed_article_quantities_with_doc_id_date_and_source():
    arts = en.load_articles(REPO / "data" / "russia-japan-trade-30bn.txt")
    q = extract_corpus(arts, progress=False)
    schema.validate(q, OUTPUT)
    assert (q["doc_id"] == "russia-japan-trade-30bn").all()
    assert (q["date"] == pd.Timestamp("2019-01-22")).all()
    assert q["source"].iloc[0] == "UAWire (citing Kyodo)"  # the publisher (data/manifest.csv)
    money = q[q["kind"] == "money"]
    assert 3e10 in set(money["value"]) and 2.2e9 in set(money["value"])
    assert ((q["kind"] == "ratio") & (q["value"] == 1.5) & (q["unit"] == "times")).any()
    text = arts.loc[0, "text"]
    assert all(text[s:e] == surf for s, e, surf in zip(q["start"], q["end"], q["surface"],
                                                       strict=True))


def test_rows_follow_article_order_and_the_index_is_fresh():
    arts = articles(6)
    q = extract_corpus(arts, progress=False)
    order = q["doc_id"].map({f"a{i}": i for i in range(6)})
    assert order.is_monotonic_increasing and set(order) == set(range(6))
    assert list(q.index) == list(range(len(q)))
    for doc, group in q.groupby("doc_id", sort=False):
        assert group["start"].is_monotonic_increasing, doc


def test_parallel_equals_serial():
    arts = articles(24)
    serial = extract_corpus(arts, progress=False)
    parallel = extract_corpus(arts, n_jobs=2, chunk_size=5, progress=False)
    pd.testing.assert_frame_equal(serial, parallel)


BARE_AND_QUALIFIED = "Exports rose to $3 billion while imports hit US$2 billion."


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_currency_hint_goes_to_the_extractor(n_jobs):
    arts = pd.DataFrame({"id": ["a", "b", "c"], "text": [BARE_AND_QUALIFIED] * 3})
    q = extract_corpus(arts, progress=False, currency_hint="aud", n_jobs=n_jobs, chunk_size=1)
    pairs = set(zip(q["surface"], q["unit"], strict=True))
    assert pairs == {("$3 billion", "AUD"), ("US$2 billion", "USD")}
    plain = extract_corpus(arts, progress=False)
    assert set(plain["unit"]) == {"USD"}
    with pytest.raises(InputError, match="currency_hint 'XYZ'"):
        extract_corpus(arts, currency_hint="XYZ")


def test_the_output_schema_is_the_corpus_quantities_schema():
    assert OUTPUT is schema.CORPUS_QUANTITIES
    q = extract_corpus(articles(2), progress=False)
    assert list(q.columns) == list(schema.CORPUS_QUANTITIES)


def test_input_is_not_modified():
    arts = articles(3)
    before = arts.copy()
    extract_corpus(arts, progress=False)
    pd.testing.assert_frame_equal(arts, before)


@pytest.fixture
def failing_extract(monkeypatch):
    """The extractor raises on texts containing 'KABOOM' (stands in for an extractor bug).
    extract_corpus reads each article with ``scan.add_rows`` (one table per chunk), so
    that is what fails here."""
    module = sys.modules["econnews.extraction.scan"]
    real = module.add_rows

    def add_rows(cols, text, **kw):
        if "KABOOM" in text:
            raise RuntimeError("extractor bug")
        return real(cols, text, **kw)

    monkeypatch.setattr(module, "add_rows", add_rows)


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_a_failing_article_is_an_error_row_and_the_run_goes_on(failing_extract, n_jobs):
    arts = articles(5)
    arts.loc[2, "text"] = "KABOOM $5 billion"
    arts.loc[3, "text"] = None
    q, errs = extract_corpus(arts, n_jobs=n_jobs, chunk_size=2, errors="collect", progress=False)
    schema.validate(errs, schema.ERRORS)
    assert errs[["doc_id", "stage", "code"]].values.tolist() == [
        ["a2", "extract", "extract-failed"], ["a3", "extract", "no-text"]]
    assert "RuntimeError: extractor bug" in errs.loc[0, "message"]
    assert set(q["doc_id"]) == {"a0", "a1", "a4"}


def test_warn_mode_warns_once_and_keeps_the_errors(failing_extract):
    arts = articles(3)
    arts.loc[1, "text"] = "KABOOM"
    with pytest.warns(ExtractWarning, match="1 of 3 articles could not be extracted"):
        q = extract_corpus(arts, progress=False)
    assert errors_table(q)["doc_id"].tolist() == ["a1"]
    with pytest.raises(InputError, match="article 'a1': extraction failed"):
        extract_corpus(arts, errors="raise", progress=False)


def test_empty_and_bad_inputs():
    q = extract_corpus(articles(0), progress=False)
    assert len(q) == 0
    schema.validate(q, OUTPUT)
    with pytest.raises(MissingColumnsError, match="'text'"):
        extract_corpus(pd.DataFrame({"id": ["x"]}))
    with pytest.raises(InputError, match="n_jobs=0"):
        extract_corpus(articles(1), n_jobs=0)
    with pytest.raises(InputError, match="errors='skip'"):
        extract_corpus(articles(1), errors="skip")


def test_missing_dates_and_ids_are_na_not_errors():
    arts = pd.DataFrame({"id": [None], "text": ["Exports rose 5%."]})
    q, errs = extract_corpus(arts, errors="collect", progress=False)
    assert len(errs) == 0 and q["doc_id"].isna().all() and q["date"].isna().all()


@pytest.mark.shared
def test_reuters_sample_offsets_hold(shared):
    arts = en.load_articles(shared / "corpora" / "reuters21578" / "sample.jsonl").head(20)
    q, errs = extract_corpus(arts, errors="collect", progress=False)
    assert len(errs) == 0 and len(q) > 50
    texts = dict(zip(arts["id"], arts["text"], strict=True))
    for row in q.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.surface


# ---------------------------------------------------------------- issue 12 and 13

#: a text the scanner needs over ten seconds for (120,000 rows of run-on figures)
PATHOLOGICAL = "$1,2" * 60_000


@pytest.fixture
def hostile_extract(monkeypatch):
    """The extractor reads a pathological text for texts containing 'SLOW' and kills its
    own process on 'DIE' (as the OOM killer would); forked workers inherit the patch."""
    import os
    import signal

    module = sys.modules["econnews.extraction.scan"]
    real = module.add_rows

    def add_rows(cols, text, **kw):
        if "SLOW" in text:
            text = PATHOLOGICAL
        if "DIE" in text:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(cols, text, **kw)

    monkeypatch.setattr(module, "add_rows", add_rows)


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_an_article_over_its_time_budget_is_an_extract_timeout_row(hostile_extract, n_jobs):
    arts = articles(4)
    arts.loc[1, "text"] = "SLOW: exports rose 5%."
    q, errs = extract_corpus(arts, n_jobs=n_jobs, chunk_size=2, timeout=0.5,
                             errors="collect", progress=False)
    assert errs[["doc_id", "code"]].values.tolist() == [["a1", "extract-timeout"]]
    assert "timeout=" in errs.loc[0, "message"]
    assert set(q["doc_id"]) == {"a0", "a2", "a3"}


def test_an_article_that_kills_its_worker_is_a_worker_died_row(hostile_extract):
    arts = articles(6)
    arts.loc[2, "text"] = "DIE after $5 billion"
    q, errs = extract_corpus(arts, n_jobs=2, chunk_size=3, errors="collect", progress=False)
    assert errs[["doc_id", "code"]].values.tolist() == [["a2", "worker-died"]]
    # the rest of the dead worker's chunk was retried article by article
    assert set(q["doc_id"]) == {"a0", "a1", "a3", "a4", "a5"}
    serial = extract_corpus(arts.drop(index=2), n_jobs=1, progress=False)
    pd.testing.assert_frame_equal(q, serial)


def test_n_jobs_none_chooses(monkeypatch):
    from econnews.extraction import corpus

    small = corpus._items(articles(3))
    assert corpus.auto_jobs(small) == 1
    monkeypatch.setattr(corpus, "_PARALLEL_FROM", 10)  # now "large"
    monkeypatch.setattr(corpus, "_forks", lambda: True)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert corpus.auto_jobs(small) == cpus
    monkeypatch.setattr(corpus, "_forks", lambda: False)  # spawn: never unasked
    assert corpus.auto_jobs(small) == 1
    monkeypatch.undo()
    q = extract_corpus(articles(8), n_jobs=None, progress=False)
    pd.testing.assert_frame_equal(q, extract_corpus(articles(8), n_jobs=1, progress=False))
    with pytest.raises(InputError, match="timeout="):
        extract_corpus(articles(1), timeout=0)


POISON = r'''
import random, resource, sys
import pandas as pd
sys.path.insert(0, {tests!r})
from _sample_articles import sample_articles
import econnews as en
n_jobs = int(sys.argv[1])
arts = sample_articles(40, per_article=3)
rnd = random.Random(1)
junk = bytes(rnd.randrange(256) for _ in range(100_000)).decode("utf-8", "surrogateescape")
hostile = "".join(rnd.choice(["$", "1", ",", "0", "5", " ", "between ", "and ", "-", ".",
                              "bn", "%"]) for _ in range(60_000))
extra = pd.DataFrame({{"id": ["junk", "runon", "hostile", "empty"],
                       "text": [junk, "$1,2" * 20_000, hostile, "   "]}}, dtype=object)
arts = pd.concat([arts.astype(object), extra], ignore_index=True)
q, errs = en.extract_corpus(arts, n_jobs=n_jobs, chunk_size=5, errors="collect",
                            progress=False)
seen = set(q["doc_id"]) | set(errs["doc_id"])
print(len(arts), len(seen), sorted(set(arts["id"]) - seen), errs["code"].tolist())
'''


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_every_input_accounted_for_under_a_3_gb_cap(n_jobs):
    import resource
    import subprocess

    cap = 3 * 1024**3

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    code = POISON.format(tests=str(Path(__file__).resolve().parent))
    out = subprocess.run([sys.executable, "-c", code, str(n_jobs)], capture_output=True,
                         text=True, timeout=600, preexec_fn=limit)
    assert out.returncode == 0, out.stderr[-3000:]
    n, seen, missing, codes = out.stdout.strip().split(" ", 3)
    assert n == seen == "44" and missing == "[]", out.stdout
    assert codes == "['no-text']", out.stdout
