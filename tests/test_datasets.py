"""econnews.datasets: Reuters-21578 and BBC News as articles tables (issue 4)."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import urllib.error
from pathlib import Path

import pandas as pd
import pytest

from econnews import datasets, schema
from econnews.errors import DatasetError
from econnews.load import flag_duplicates
from econnews.load.dedup import fold, story_fold
from econnews.load.sgml import parse_date, parse_sgml

# A Reuters-21578-shaped file written for these tests (not Reuters text).
SGM = """<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="5544" NEWID="1">
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TOPICS><D>trade</D><D>money-fx</D></TOPICS>
<PLACES><D>japan</D><D>usa</D></PLACES>
<PEOPLE></PEOPLE>
<ORGS><D>gatt</D></ORGS>
<EXCHANGES></EXCHANGES>
<COMPANIES></COMPANIES>
<UNKNOWN>&#5;&#5;&#5;C T</UNKNOWN>
<TEXT>&#2;
<TITLE>JAPAN TRADE SURPLUS &lt;UP&gt; 5 PCT</TITLE>
<DATELINE>    TOKYO, Feb 26 - </DATELINE><BODY>Japan's trade surplus rose 5 pct
to 8.1 billion dlrs, AT&amp;T officials said.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="NO" LEWISSPLIT="TEST" CGISPLIT="TRAINING-SET" OLDID="5545" NEWID="2">
<DATE> 31-MAR-1987 605:12:19.12&#5;&#5;&#5;RM</DATE>
<TOPICS></TOPICS><PLACES></PLACES><PEOPLE></PEOPLE><ORGS></ORGS><EXCHANGES></EXCHANGES>
<COMPANIES></COMPANIES><UNKNOWN></UNKNOWN>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>U.S. DEFICIT 1.2 BILLION DLRS
</TITLE>
&#3;

</TEXT>
</REUTERS>
<REUTERS TOPICS="NO" LEWISSPLIT="TEST" CGISPLIT="TRAINING-SET" OLDID="5546" NEWID="3">
<DATE>1-APR-1987 09:00:00.00</DATE>
<TOPICS></TOPICS><PLACES></PLACES><PEOPLE></PEOPLE><ORGS></ORGS><EXCHANGES></EXCHANGES>
<COMPANIES></COMPANIES><UNKNOWN></UNKNOWN>
<TEXT TYPE="UNPROC">&#2;
FED WEEKLY REPORT
 Net free reserves....644 vs....1,337
 REUTER
&#3;</TEXT>
</REUTERS>
"""


@pytest.fixture
def no_data_env(monkeypatch, tmp_path):
    """No $ECONNEWS_DATA and an empty cache: only an explicit path or a download can work."""
    monkeypatch.delenv("ECONNEWS_DATA", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path


def test_sgml_fields_entities_and_signoff():
    recs = list(parse_sgml(SGM))
    first, brief, unproc = recs
    assert first["id"] == "reuters21578-1"
    assert first["date"] == pd.Timestamp("1987-02-26 15:01:01")
    assert first["title"] == "JAPAN TRADE SURPLUS <UP> 5 PCT"
    assert first["dateline"] == "TOKYO, Feb 26 -"
    assert first["text"] == "Japan's trade surplus rose 5 pct\nto 8.1 billion dlrs, AT&T officials said."
    assert (first["topics"], first["places"], first["orgs"]) == \
        (["trade", "money-fx"], ["japan", "usa"], ["gatt"])
    assert first["has_body"] and first["lewissplit"] == "TRAIN"
    # a headline-only story: its text is the headline; the malformed date is still read
    assert not brief["has_body"] and brief["text"] == "U.S. DEFICIT 1.2 BILLION DLRS"
    assert brief["date"] == pd.Timestamp("1987-03-31 05:12:19")
    assert unproc["text"].startswith("FED WEEKLY REPORT") and "REUTER" not in unproc["text"]


@pytest.mark.parametrize(("raw", "expected"), [
    ("26-FEB-1987 15:01:01.79", "1987-02-26 15:01:01"),
    (" 3-MAR-1987  09:15:05.40", "1987-03-03 09:15:05"),
    ("27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM", "1987-03-27 00:02:59"),
    ("31-MAR-1987 605:12:19.12", "1987-03-31 05:12:19"),
])
def test_reuters_dates_malformed_ones_too(raw, expected):
    assert parse_date(raw) == pd.Timestamp(expected)


def test_reuters_from_an_explicit_folder(no_data_env):
    folder = no_data_env / "r"
    folder.mkdir()
    (folder / "reut2-000.sgm").write_bytes(SGM.encode("latin-1"))
    arts = datasets.reuters21578(folder)
    schema.validate(arts, schema.ARTICLES)
    assert arts["id"].tolist() == ["reuters21578-1", "reuters21578-2", "reuters21578-3"]
    assert arts["has_body"].tolist() == [True, False, True]
    assert (arts["encoding"] == "latin-1").all()


def test_reuters_found_through_econnews_data(no_data_env, monkeypatch):
    sgm = no_data_env / "mydata" / "reuters21578" / "sgm"
    sgm.mkdir(parents=True)
    (sgm / "reut2-000.sgm").write_bytes(SGM.encode("latin-1"))
    monkeypatch.setenv("ECONNEWS_DATA", str(no_data_env / "mydata"))
    assert len(datasets.reuters21578()) == 3


def test_reuters_found_in_the_cache(no_data_env):
    sgm = datasets.cache_dir() / "reuters21578"
    sgm.mkdir(parents=True)
    (sgm / "reut2-000.sgm").write_bytes(SGM.encode("latin-1"))
    assert len(datasets.reuters21578(download=False)) == 3


def test_failed_download_says_where_to_put_the_files(no_data_env, monkeypatch):
    def offline(url, dest, **kw):
        raise urllib.error.URLError("no network")

    monkeypatch.setattr(datasets, "_fetch", offline)
    with pytest.raises(DatasetError, match="could not download reuters21578") as info:
        datasets.reuters21578()
    msg = str(info.value)
    assert "reuters21578.tar.gz" in msg and str(datasets.cache_dir() / "reuters21578") in msg
    assert "ECONNEWS_DATA" in msg


def test_download_unpacks_into_the_cache(no_data_env, monkeypatch):
    def fake_fetch(url, dest, **kw):
        assert url == datasets.SOURCES["reuters21578"]["url"]
        data = SGM.encode("latin-1")
        with tarfile.open(dest, "w:gz") as tf:
            info = tarfile.TarInfo("reut2-000.sgm")
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))

    monkeypatch.setattr(datasets, "_fetch", fake_fetch)
    monkeypatch.setitem(datasets.SOURCES["reuters21578"], "digest", "")  # not the real archive
    assert len(datasets.reuters21578()) == 3
    assert (datasets.cache_dir() / "reuters21578" / "reut2-000.sgm").is_file()


def test_no_download_when_asked_not_to(no_data_env):
    with pytest.raises(DatasetError, match="not on this machine"):
        datasets.reuters21578(download=False)
    with pytest.raises(DatasetError, match="no bbc data in"):
        datasets.bbc(no_data_env)


def test_bbc_from_a_small_folder(no_data_env):
    root = no_data_env / "bbc"
    for cat in datasets.BBC_CATEGORIES:
        (root / cat).mkdir(parents=True)
        (root / cat / "001.txt").write_text(f"{cat} headline\n\nSales rose 5%.\n")
    (root / "README.TXT").write_text("about the set")
    arts = datasets.bbc(no_data_env)
    assert arts["id"].tolist()[0] == "bbc/business/001"
    assert arts["category"].tolist() == list(datasets.BBC_CATEGORIES)
    assert (arts["source"] == "BBC News").all() and arts["date"].isna().all()
    assert arts["title"].tolist()[0] == "business headline"


@pytest.mark.shared
@pytest.mark.slow
def test_all_21578_reuters_stories_with_their_dates_and_duplicates(shared):
    arts = datasets.reuters21578(shared / "corpora" / "reuters21578" / "sgm")
    assert len(arts) == 21578 and arts["id"].is_unique
    assert int(arts["has_body"].sum()) == 19779
    assert arts["date"].notna().all()
    assert arts["date"].min() >= pd.Timestamp("1987-02-26")
    assert arts["date"].max() < pd.Timestamp("1987-11-01")
    assert not arts["text"].str.contains("&lt;|&amp;|&#3;", regex=True).any()
    assert not arts["text"].str.contains(r"\bReuter\s*$", case=False, regex=True).any()
    # cross-check the dates against the JSON Lines parse shipped beside the SGML
    ref_path = shared / "corpora" / "reuters21578" / "reuters21578.jsonl.gz"
    if ref_path.is_file():
        with gzip.open(ref_path, "rt", encoding="utf-8") as fh:
            ref = {r["id"]: r["date"] for r in map(json.loads, fh)}
        ours = dict(zip(arts["id"], arts["date"], strict=True))
        assert all(pd.Timestamp(ref[i]) == d for i, d in ours.items())
    # duplicates (definitions: econnews.load.dedup), pinned
    body = arts[arts["has_body"]]
    assert body["duplicate_kind"].value_counts().to_dict() == {"exact": 295, "near": 268}
    assert arts["duplicate_kind"].value_counts().to_dict() == {"exact": 311, "near": 268}
    assert set(arts["duplicate_of"].dropna()) <= set(arts["id"])
    flagged = arts[arts["duplicate_of"].notna()]
    first = dict(zip(arts["id"], arts["date"], strict=True))
    gap = flagged["date"] - flagged["duplicate_of"].map(first)
    assert (gap >= pd.Timedelta(0)).all() and (gap <= pd.Timedelta(days=3)).all()
    no_window = flag_duplicates(arts, window=None)
    assert no_window[no_window["has_body"]]["duplicate_kind"].value_counts().to_dict() == {
        "exact": 298, "near": 279}
    # The "265 of them" fits no definition exactly. The stories with a body
    # that repeat an earlier one, by definition (no window, no near matching):
    definitions = {
        "text, exact bytes": body["text"],
        "text, folded": body["text"].map(fold),
        "title + text, exact bytes": body["title"].fillna("") + "\x00" + body["text"],
        "title + dateline + text, exact": (body["title"].fillna("") + "\x00"
                                           + body["dateline"].fillna("") + "\x00" + body["text"]),
        "title + text, folded (exact here)": [story_fold(t, x) for t, x in
                                              zip(body["title"], body["text"], strict=True)],
    }
    repeats = {name: int(pd.Series(list(keys)).duplicated().sum())
               for name, keys in definitions.items()}
    assert repeats == {"text, exact bytes": 330, "text, folded": 366,
                       "title + text, exact bytes": 270, "title + dateline + text, exact": 244,
                       "title + text, folded (exact here)": 298}


@pytest.mark.shared
def test_bbc_news_2225_stories(shared):
    arts = datasets.bbc(shared / "corpora" / "bbc")
    assert len(arts) == 2225 and arts["id"].is_unique
    assert arts["category"].value_counts().to_dict() == {
        "sport": 511, "business": 510, "politics": 417, "tech": 401, "entertainment": 386}
    assert (arts["encoding"] != "utf-8").sum() == 1
    assert Path(arts.loc[0, "path"]).name == "001.txt"
    # the set is known to hold repeated stories; undated, so no window applies
    assert arts["duplicate_kind"].value_counts().to_dict() == {"exact": 103, "near": 61}
