"""econnews.dask: the corpus extraction on Dask equals the serial result (issue 4)."""

from __future__ import annotations

import sys

import pandas as pd
import pytest

from econnews import schema
from econnews.errors import InputError
from econnews.extraction.corpus import OUTPUT, extract_corpus

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

from econnews import dask as edask  # noqa: E402

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent))
from _sample_articles import sample_articles  # noqa: E402


def articles(n: int = 50) -> pd.DataFrame:
    return sample_articles(n, per_article=2, id_format="a{:02d}", daily=True)


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                       dashboard_address=None)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_dask_result_equals_serial_on_a_local_cluster(client):
    arts = articles(50)
    serial = extract_corpus(arts, progress=False)
    lazy = edask.extract(dd.from_pandas(arts, npartitions=5))
    assert list(lazy.columns) == list(OUTPUT)
    got = lazy.compute().reset_index(drop=True)
    pd.testing.assert_frame_equal(got, serial)
    schema.validate(got, OUTPUT)


def test_extract_corpus_dispatches_a_dask_dataframe(client):
    arts = articles(8)
    lazy = extract_corpus(dd.from_pandas(arts, npartitions=2))
    assert isinstance(lazy, dd.DataFrame)
    pd.testing.assert_frame_equal(lazy.compute().reset_index(drop=True),
                                  extract_corpus(arts, progress=False))


def test_currency_hint_on_dask_equals_serial(client):
    arts = articles(6).assign(text="Exports rose to $3 billion while imports hit US$2 billion.")
    serial = extract_corpus(arts, progress=False, currency_hint="CAD")
    got = edask.extract(dd.from_pandas(arts, npartitions=3), currency_hint="cad").compute()
    pd.testing.assert_frame_equal(got.reset_index(drop=True), serial)
    assert set(got["unit"]) == {"CAD", "USD"}
    lazy = extract_corpus(dd.from_pandas(arts, npartitions=2), currency_hint="CAD")
    pd.testing.assert_frame_equal(lazy.compute().reset_index(drop=True), serial)
    with pytest.raises(InputError, match="currency_hint"):
        edask.extract(dd.from_pandas(arts, npartitions=1), currency_hint="XYZ")


def test_parquet_in_parquet_out(client, tmp_path):
    arts = articles(12)
    arts.to_parquet(tmp_path / "articles.parquet")
    edask.extract(dd.read_parquet(tmp_path / "articles.parquet")).to_parquet(tmp_path / "q")
    back = pd.read_parquet(tmp_path / "q")
    assert len(back) == len(extract_corpus(arts, progress=False))
    assert set(back["doc_id"]) <= set(arts["id"])


def test_errors_collect_and_raise(client, monkeypatch):
    module = sys.modules["econnews.extraction.scan"]
    real = module.add_rows  # what extract_corpus reads each article with (issue 12)

    def add_rows(cols, text, **kw):
        if "KABOOM" in text:
            raise RuntimeError("extractor bug")
        return real(cols, text, **kw)

    monkeypatch.setattr(module, "add_rows", add_rows)  # threads: the workers see it
    arts = articles(6)
    arts.loc[4, "text"] = "KABOOM"
    ddf = dd.from_pandas(arts, npartitions=3)
    q, e = edask.extract(ddf, errors="collect")
    q, e = dask.compute(q, e)
    assert e["doc_id"].tolist() == ["a04"] and e["code"].tolist() == ["extract-failed"]
    assert "a04" not in set(q["doc_id"]) and len(q) > 0
    with pytest.raises(InputError, match="a04"):
        edask.extract(ddf).compute()


def test_bad_inputs():
    with pytest.raises(InputError, match="takes a dask DataFrame"):
        edask.extract(articles(2))
    with pytest.raises(Exception, match="'text'"):
        edask.extract(dd.from_pandas(pd.DataFrame({"id": ["x"]}), npartitions=1))


# ---------------------------------------------------------------- claims (issue 11)

def claim_articles() -> pd.DataFrame:
    texts = [
        "Japan's exports to China rose to 20 billion dlrs in February.",
        "TOKYO, March 3 - The trade surplus fell to 9.16 billion dlrs in February.",
        "West German imports from France rose 5 pct to 40 billion marks.",
        "No figures here.",
        "Canada's aid to Kenya was 300 mln Canadian dlrs last year.",
        "U.S. imports from Mexico rose 3 pct to 30 billion dlrs, while exports to Mexico fell.",
    ]
    return pd.DataFrame({"id": [f"c{i}" for i in range(len(texts))],
                         "date": pd.to_datetime([f"1987-03-0{i + 1}"
                                                 for i in range(len(texts))]),
                         "text": texts})


def test_find_claims_on_a_local_cluster_equals_serial(client):
    from econnews.claims import find_claims

    arts = claim_articles()
    serial = find_claims(arts)
    lazy = edask.find_claims(dd.from_pandas(arts, npartitions=3))
    assert list(lazy.columns) == list(serial.columns)
    got = lazy.compute().reset_index(drop=True)
    cols = [c for c in serial.columns if c != "quantity_index"]  # counted per partition
    pd.testing.assert_frame_equal(got[cols], serial[cols])
    money = got[(got["kind"] == "money") & (got["claim_type"] != "implied")]
    assert len(money) >= 4 and money["value_usd"].notna().all()
    assert set(got["parties"].dropna()) >= {"JPN,CHN", "JPN", "FRA,DEU"}


def test_find_claims_to_another_currency_on_dask(client):
    arts = claim_articles().head(2)
    got = edask.find_claims(dd.from_pandas(arts, npartitions=2), to="EUR").compute()
    assert "value_eur" in got.columns and got["value_eur"].isna().all()  # no EUR in 1987
    assert got.loc[got["kind"] == "money", "value_usd"].notna().all()


def test_find_claims_rejects_pandas():
    with pytest.raises(InputError):
        edask.find_claims(claim_articles())
