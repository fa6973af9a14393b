"""econnews.load_articles: every input becomes a row or an error row (issue 4)."""

from __future__ import annotations

import io
import json
import os
import random
import sys
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import econnews as en
from econnews import schema
from econnews.errors import InputError, MissingColumnsError
from econnews.load import LoadWarning, errors_table, flag_duplicates, load_articles

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "data" / "russia-japan-trade-30bn.txt"


def collect(paths):
    return load_articles(paths, errors="collect", progress=False)


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------ the seed article


def test_repo_data_folder_gives_the_seed_article_with_manifest_date_and_title():
    arts = load_articles(REPO / "data").set_index("id")
    row = arts.loc["russia-japan-trade-30bn"]
    assert row["date"] == pd.Timestamp("2019-01-22")
    assert row["title"].startswith("Putin proposes raising Russia-Japan trade to $30 billion")
    assert row["note"].startswith("Summary written for econnews in our own words")
    assert "manifest" not in " ".join(arts.index)


def test_seed_file_alone_picks_up_the_manifest_beside_it():
    arts = load_articles(SEED)
    assert arts["id"].tolist() == ["russia-japan-trade-30bn"]
    assert arts.loc[0, "date"] == pd.Timestamp("2019-01-22")
    assert arts.loc[0, "text"] == SEED.read_text(encoding="utf-8")


def test_table_fits_the_articles_schema():
    arts = load_articles(SEED)
    schema.validate(arts, schema.ARTICLES)
    assert arts["id"].is_unique
    assert list(arts.columns[:6]) == list(schema.ARTICLES)


def test_offsets_from_the_extractor_index_the_table_text():
    arts = load_articles(SEED)
    text = arts.loc[0, "text"]
    q = en.extract(text, doc_id=arts.loc[0, "id"])
    assert len(q) >= 3
    for row in q.itertuples():
        assert text[row.start:row.end] == row.surface
    money = q[q["surface"].str.contains("30 billion")]
    assert money["value"].iloc[0] == 3e10 and money["unit"].iloc[0] == "USD"


# ------------------------------------------------------------------ formats


def test_front_matter_gives_metadata_and_is_not_in_the_text(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: \"Exports up\"\ndate: 2020-05-01\nsource: Kyodo\n"
                            "author: A. Writer\n---\nExports rose 5% to $3 billion.\n")
    arts = load_articles(tmp_path / "a.md")
    row = arts.iloc[0]
    assert (row["title"], row["date"], row["source"], row["author"]) == \
        ("Exports up", pd.Timestamp("2020-05-01"), "Kyodo", "A. Writer")
    assert row["text"] == "Exports rose 5% to $3 billion.\n"


def test_without_front_matter_the_first_line_is_the_title_and_stays_in_the_text(tmp_path):
    write(tmp_path, "b.txt", "\n  Trade  talks stall \n\nTrade fell 3%.")
    row = load_articles(tmp_path / "b.txt").iloc[0]
    assert row["title"] == "Trade talks stall"
    assert row["text"].startswith("\n  Trade  talks stall")
    assert pd.isna(row["date"])


def test_unclosed_front_matter_is_plain_text(tmp_path):
    write(tmp_path, "c.txt", "---\ntitle: x\nno closing line\nTrade rose.")
    row = load_articles(tmp_path / "c.txt").iloc[0]
    assert row["text"].startswith("---\ntitle: x")


@pytest.mark.parametrize(("data", "encoding"), [
    ("Café exports rose 5%.".encode(), "utf-8"),
    (b"\xef\xbb\xbf" + "Café exports rose 5%.".encode(), "utf-8-sig"),
    ("Café exports rose 5%.".encode("cp1252"), "cp1252"),
    ("Café exports rose 5%.".encode("utf-16"), "utf-16"),
    ("Caf\u00e9 \u201cexports\u201d rose 5%.".encode("cp1252"), "cp1252"),
], ids=["utf8", "utf8-bom", "cp1252", "utf16-bom", "cp1252-quotes"])
def test_encodings_are_decoded_and_recorded(tmp_path, data, encoding):
    write(tmp_path, "e.txt", data)
    row = load_articles(tmp_path / "e.txt").iloc[0]
    assert row["encoding"] == encoding
    assert row["text"].startswith("Café ")
    assert "\ufeff" not in row["text"]


def test_crlf_becomes_newline_and_nothing_else_changes(tmp_path):
    write(tmp_path, "w.txt", "Title\r\n\r\n  Trade   rose\t5%.  \r\n")
    assert load_articles(tmp_path / "w.txt").loc[0, "text"] == "Title\n\n  Trade   rose\t5%.  \n"


def test_jsonl_with_common_field_names_and_a_bad_line(tmp_path):
    lines = [
        {"id": 7, "publishedAt": "2021-03-04T10:00:00Z", "headline": "H1",
         "source": {"id": "x", "name": "Wire"}, "link": "https://ex.com/1",
         "content": "Exports rose 5%.", "topics": ["trade"]},
        "not json at all",
        {"title": "no text here"},
        {"webTitle": "G", "webPublicationDate": "2021-03-05", "fields": {"bodyText": "Up 2%."}},
    ]
    text = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n\n"
    write(tmp_path, "feed.jsonl", text)
    arts, errs = collect(tmp_path / "feed.jsonl")
    assert len(arts) + len(errs) == 4
    first = arts.iloc[0]
    assert (first["id"], first["title"], first["source"], first["url"]) == \
        ("7", "H1", "Wire", "https://ex.com/1")
    assert first["date"] == pd.Timestamp("2021-03-04 10:00:00")
    assert first["topics"] == ["trade"]
    assert arts.iloc[1]["id"] == "feed:4" and arts.iloc[1]["text"] == "Up 2%."
    assert sorted(errs["code"]) == ["bad-json", "no-text"]
    assert set(errs["doc_id"]) == {"feed:2", "feed:3"}


def test_fields_option_maps_an_unusual_export(tmp_path):
    write(tmp_path, "x.json", json.dumps({"articles": [
        {"uid": "u1", "meta": {"when": "2019-01-22"}, "story_body": "Trade hit $30 billion."}]}))
    arts = load_articles(tmp_path / "x.json",
                         fields={"id": "uid", "date": "meta.when", "text": "story_body"})
    assert arts.loc[0, ["id", "date", "text"]].tolist() == \
        ["u1", pd.Timestamp("2019-01-22"), "Trade hit $30 billion."]


def test_fields_option_rejects_unknown_columns():
    with pytest.raises(InputError, match="unknown column 'body'"):
        load_articles(SEED, fields={"body": "x"})


def test_json_list_and_single_record(tmp_path):
    write(tmp_path, "l.json", json.dumps([{"text": "A 5% rise."}, 3, {"text": "B"}]))
    write(tmp_path, "one.json", json.dumps({"text": "Single 2% fall.", "date": "2020-01-01"}))
    arts, errs = collect([tmp_path / "l.json", tmp_path / "one.json"])
    assert arts["id"].tolist() == ["l:1", "l:3", "one:1"]
    assert errs["code"].tolist() == ["bad-record"]


def test_csv_is_an_article_table(tmp_path):
    df = pd.DataFrame({"id": ["a", "b", "c"], "Headline": ["H", "I", "J"],
                       "date": ["2019-01-01", "not a date", "2019-01-03"],
                       "Body": ["Exports rose 5%.", "Imports fell.", ""]})
    write(tmp_path, "t.csv", df.to_csv(index=False))
    arts, errs = collect(tmp_path / "t.csv")
    assert arts["id"].tolist() == ["a"] and arts.loc[0, "title"] == "H"
    assert dict(zip(errs["doc_id"], errs["code"], strict=True)) == {"b": "bad-date", "c": "no-text"}


def test_html_main_text_and_metadata(tmp_path):
    page = """<html><head><title>Trade talks | Wire</title>
    <meta property="og:title" content="Trade talks stall">
    <meta property="article:published_time" content="2019-01-22">
    <meta property="og:site_name" content="The Wire"></head>
    <body><nav>Home | World | Business</nav><article><h1>Trade talks stall</h1>
    <p>Russia proposed to increase trade with Japan to $30 billion, officials said on Tuesday
    after a long round of talks in Moscow that ended without agreement.</p>
    <p>Japanese investment in Russia totals $2.2 billion, the ministry said, adding that
    the two sides would meet again in February to continue the negotiations.</p></article>
    <footer>Copyright</footer></body></html>"""
    write(tmp_path, "p.html", page)
    row = load_articles(tmp_path / "p.html").iloc[0]
    assert "$30 billion" in row["text"] and "Copyright" not in row["text"]
    assert row["title"] == "Trade talks stall"
    assert row["date"] == pd.Timestamp("2019-01-22")


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Exports rose 5%.")))
    arts = load_articles("-")
    assert arts.loc[0, ["id", "text", "path"]].tolist() == ["stdin", "Exports rose 5%.", "-"]


def test_globs_and_recursive_folders(tmp_path):
    write(tmp_path, "a/x.txt", "A 1% rise")
    write(tmp_path, "a/b/y.txt", "B 2% rise")
    write(tmp_path, "a/b/z.md", "C 3% rise")
    assert load_articles(tmp_path / "a")["id"].tolist() == ["x", "b/y", "b/z"]
    # glob matches come in sorted path order
    assert load_articles(str(tmp_path / "a" / "**" / "*.txt"))["id"].tolist() == ["y", "x"]


# ------------------------------------------------------------------ skipped and manifests


def test_readme_terms_licence_and_other_types_are_skipped_not_loaded(tmp_path):
    for name in ("README.md", "README.txt", "TERMS.txt", "LICENSE", "LICENSE.txt", "licence.md",
                 ".hidden.txt", "photo.png"):
        write(tmp_path, name, "not an article")
    write(tmp_path, "story.txt", "Exports rose 5%.")
    arts, errs = collect(tmp_path)
    assert arts["id"].tolist() == ["story"] and len(errs) == 0
    skipped = {Path(s["path"]).name for s in arts.attrs["skipped"]}
    assert skipped == {"README.md", "README.txt", "TERMS.txt", "LICENSE", "LICENSE.txt",
                       "licence.md", "photo.png"}


def test_manifest_wins_and_a_missing_file_is_an_error_row(tmp_path):
    write(tmp_path, "manifest.csv", "file,id,date,title,source,note,desk\n"
                                    "a.txt,alpha,2019-01-22,Manifest title,Kyodo,n1,economy\n"
                                    "gone.txt,gone,2019-01-23,,,,\n")
    write(tmp_path, "a.txt", "---\ntitle: Front matter title\ndate: 2000-01-01\n---\nUp 5%.")
    write(tmp_path, "b.txt", "B title\nDown 2%.")
    arts, errs = collect(tmp_path)
    a = arts.set_index("id").loc["alpha"]
    assert (a["title"], a["date"], a["source"], a["desk"]) == \
        ("Manifest title", pd.Timestamp("2019-01-22"), "Kyodo", "economy")
    assert arts["id"].tolist() == ["alpha", "b"]
    assert errs[["doc_id", "code"]].values.tolist() == [["gone", "missing-file"]]


def test_broken_manifest_warns_and_files_still_load(tmp_path):
    write(tmp_path, "manifest.csv", "name,id\nx,y\n")
    write(tmp_path, "a.txt", "Up 5%.")
    with pytest.warns(LoadWarning, match="manifest.csv ignored"):
        arts = load_articles(tmp_path)
    assert arts["id"].tolist() == ["a"]


# ------------------------------------------------------------------ errors and modes


def test_errors_modes(tmp_path):
    write(tmp_path, "good.txt", "Exports rose 5%.")
    write(tmp_path, "empty.txt", b"")
    with pytest.warns(LoadWarning, match=r"1 of 2 inputs could not be read \(1 empty\)"):
        arts = load_articles(tmp_path)
    assert arts["id"].tolist() == ["good"]
    assert errors_table(arts)["code"].tolist() == ["empty"]
    _, errs = load_articles(tmp_path, errors="collect")
    schema.validate(errs, schema.ERRORS)
    assert errs.loc[0, "stage"] == "load" and errs.loc[0, "doc_id"] == "empty"
    with pytest.raises(InputError, match=r"empty\.txt: the file is empty.*\[empty\]"):
        load_articles(tmp_path, errors="raise")
    with pytest.raises(InputError, match="errors='ignore'"):
        load_articles(tmp_path, errors="ignore")


def test_not_found_is_an_error_row(tmp_path):
    arts, errs = collect([SEED, tmp_path / "nope.txt", str(tmp_path / "*.none")])
    assert len(arts) == 1 and errs["code"].tolist() == ["not-found", "not-found"]


def test_bad_front_matter_date_is_an_error_row(tmp_path):
    write(tmp_path, "d.txt", "---\ndate: the day after tomorrow\n---\nUp 5%.")
    arts, errs = collect(tmp_path / "d.txt")
    assert len(arts) == 0 and errs["code"].tolist() == ["bad-date"]
    assert "ISO 8601" in errs.loc[0, "message"]


def test_attrs_errors_do_not_break_concat(tmp_path):
    write(tmp_path, "a.txt", "Up 5%.")
    write(tmp_path, "e.txt", b"")
    with pytest.warns(LoadWarning):
        a = load_articles(tmp_path)
        b = load_articles(tmp_path)
    assert len(pd.concat([a, b])) == 2


def test_repeated_ids_get_suffixes(tmp_path):
    write(tmp_path, "one/x.txt", "A 1% rise")
    write(tmp_path, "two/x.txt", "B 2% rise")
    arts = load_articles([tmp_path / "one" / "x.txt", tmp_path / "two" / "x.txt"])
    assert arts["id"].tolist() == ["x", "x#2"]


# ------------------------------------------------------------------ duplicates
# An invented wire story (not real reporting) and the ways it gets filed again.

STORY = ("Japan's exports to Russia rose 12.5 pct to 3.1 billion dlrs in 1986, the Ministry "
         "of International Trade and Industry said on Tuesday. Imports from Russia fell 4.2 "
         "pct to 2.4 billion dlrs, leaving Japan with a surplus of 700 mln dlrs, up from 310 "
         "mln a year earlier. Officials said machinery and steel shipments led the rise, while "
         "lower oil prices cut the value of Soviet crude and timber sales. The ministry expects "
         "two-way trade to grow further this year as talks on Siberian energy projects resume "
         "in Moscow next month.")
TITLE = "JAPAN'S EXPORTS TO RUSSIA UP 12.5 PCT IN 1986"
OTHER = ("Soviet officials said on Wednesday they hoped to double joint ventures with Japanese "
         "companies by 1990, and that a delegation from Tokyo would visit Siberian timber and "
         "coal sites in June. Japanese bankers said credit lines for the projects had not yet "
         "been agreed and that the terms were still under discussion.")
DIVIDEND = "Qtly div 15 cts vs 15 cts prior. Pay May 1. Record April 10."


def wire(rows: list[tuple[str, str, str | None, str]]) -> pd.DataFrame:
    """(id, title, date, text) rows as an articles table."""
    return pd.DataFrame(rows, columns=["id", "title", "date", "text"]).assign(
        date=lambda t: pd.to_datetime(t["date"]))


def flags(table: pd.DataFrame, **opts) -> dict[str, tuple]:
    out = flag_duplicates(table, **opts)
    return {i: (d if isinstance(d, str) else None, k if isinstance(k, str) else None)
            for i, d, k in zip(out["id"], out["duplicate_of"], out["duplicate_kind"],
                               strict=True)}


def test_duplicates_are_flagged_not_dropped(tmp_path):
    write(tmp_path, "a.txt", "Exports rose 5% to $3 billion.")
    write(tmp_path, "b.txt", "EXPORTS  rose 5 % to $3 billion!")
    write(tmp_path, "c.txt", "Imports fell.")
    arts = load_articles(tmp_path)
    assert arts["duplicate_of"].tolist() == [pd.NA, "a", pd.NA]
    assert arts["duplicate_kind"].tolist()[1] == "exact"
    assert arts["duplicate_kind"].isna().tolist() == [True, False, True]


def test_the_same_story_refiled_is_a_near_duplicate_of_the_first_filing():
    t = wire([
        ("orig", TITLE, "1987-03-03 09:00", STORY),
        ("word", TITLE, "1987-03-03 09:20", STORY.replace("on Tuesday", "on Wednesday")),
        ("figure", TITLE, "1987-03-03 10:05", STORY.replace("3.1 billion", "3.2 billion")),
        ("dateline", TITLE, "1987-03-03 11:00", "MOSCOW, March 3 (Reuters) - " + STORY),
        ("headline", "JAPAN-SOVIET TRADE SURPLUS WIDENS", "1987-03-03 12:00", STORY),
        ("cut", TITLE, "1987-03-03 13:00", STORY.rsplit(" The ministry expects", 1)[0]),
        ("copy", TITLE.lower(), "1987-03-03 14:00", STORY.replace("  ", " ").upper()),
        ("other", "SOVIETS SEEK MORE JAPANESE VENTURES", "1987-03-03 15:00", OTHER),
    ])
    assert flags(t) == {
        "orig": (None, None), "word": ("orig", "near"), "figure": ("orig", "near"),
        "dateline": ("orig", "near"), "headline": ("orig", "near"), "cut": ("orig", "near"),
        "copy": ("orig", "exact"), "other": (None, None)}


def test_the_headline_is_part_of_the_story():
    # the same template text under two companies' headlines is two stories
    t = wire([("a", "ALPHA HOLDINGS <ALH> SETS QUARTERLY", "1987-04-01 10:00", DIVIDEND),
              ("b", "BETA MILLS <BML> SETS QUARTERLY", "1987-04-01 10:05", DIVIDEND),
              ("c", "ALPHA HOLDINGS <ALH> SETS QUARTERLY", "1987-04-01 10:30", DIVIDEND)])
    assert flags(t) == {"a": (None, None), "b": (None, None), "c": ("a", "exact")}
    # a text file whose first line is its title reads the same as title + text fields
    txt = pd.DataFrame({"id": ["file", "record"], "title": [TITLE, TITLE],
                        "text": [TITLE + "\n\n" + STORY, STORY]})
    assert flags(txt)["record"] == ("file", "exact")


def test_only_articles_within_the_window_are_duplicates():
    t = wire([("mon", TITLE, "1987-03-02 11:45", STORY),
              ("tue", TITLE, "1987-03-03 11:45", STORY),
              ("later", TITLE, "1987-03-20 11:45", STORY),
              ("undated", TITLE, None, STORY)])
    assert flags(t) == {"mon": (None, None), "tue": ("mon", "exact"), "later": (None, None),
                        "undated": ("mon", "exact")}
    assert flags(t, window=None)["later"] == ("mon", "exact")
    assert flags(t, window="1h")["tue"] == (None, None)
    assert flags(t, window="20D")["later"] == ("mon", "exact")


def test_the_earliest_by_date_is_the_original_whatever_the_table_order():
    t = wire([("late", TITLE, "1987-03-03 12:00", STORY.replace("3.1 billion", "3.2 billion")),
              ("early", TITLE, "1987-03-03 09:00", STORY),
              ("mid", TITLE, "1987-03-03 10:00", STORY)])
    assert flags(t) == {"late": ("early", "near"), "early": (None, None),
                        "mid": ("early", "exact")}
    # an exact copy wins over an earlier near one
    t2 = wire([("a", TITLE, "1987-03-03 09:00", STORY),
               ("b", TITLE, "1987-03-03 10:00", STORY.replace("on Tuesday", "on Monday")),
               ("c", TITLE, "1987-03-03 11:00", STORY.replace("on Tuesday", "on Monday"))])
    assert flags(t2) == {"a": (None, None), "b": ("a", "near"), "c": ("b", "exact")}
    # without dates: table order
    undated = t.drop(columns="date")
    assert flags(undated) == {"late": (None, None), "early": ("late", "near"),
                              "mid": ("early", "exact")}


def test_threshold_decides_what_is_near():
    edited = STORY.replace("machinery and steel", "car and chemical").replace(
        "on Tuesday", "late on Tuesday")
    t = wire([("a", TITLE, "1987-03-03 09:00", STORY), ("b", TITLE, "1987-03-03 10:00", edited)])
    import numpy as np

    from econnews.load.dedup import jaccard, shingles, words

    hashes, counts = shingles([words(TITLE + " " + STORY), words(TITLE + " " + edited)])
    sim = jaccard(np.unique(hashes[:counts[0]]), np.unique(hashes[counts[0]:]))
    assert 0.7 < sim < 0.9
    assert flags(t)["b"] == ("a", "near")
    assert flags(t, threshold=0.9)["b"] == (None, None)
    assert flags(t, threshold=None)["b"] == (None, None)
    assert flags(t.assign(text=[STORY, STORY]), threshold=None)["b"] == ("a", "exact")


def test_short_and_empty_texts():
    t = pd.DataFrame({"id": list("abcdefg"),
                      "text": ["Up 5%.", "up 5", "Up 6%.", "", "  ", "!!!", None]})
    assert flags(t) == {"a": (None, None), "b": ("a", "exact"), "c": (None, None),
                        "d": (None, None), "e": (None, None), "f": (None, None),
                        "g": (None, None)}


def test_near_duplicates_of_long_texts_read_their_beginning(monkeypatch):
    from econnews.load import dedup as _load_dedup

    monkeypatch.setattr(_load_dedup, "NEAR_MAX_CHARS", 400)
    monkeypatch.setattr(_load_dedup, "_BLOCK", 64)
    long = (STORY + " ") * 3
    t = pd.DataFrame({"id": ["a", "b", "c", "d"], "title": [TITLE] * 4,
                      "text": [long, long + "A last line.", long.upper(), OTHER * 3]})
    assert flags(t) == {"a": (None, None), "b": ("a", "near"), "c": ("a", "exact"),
                        "d": (None, None)}


def test_near_pairs_equal_a_brute_force_comparison():
    from itertools import combinations

    from econnews.load.dedup import jaccard, near_pairs, shingles

    rng = random.Random(7)
    vocab = [f"w{i}" for i in range(300)]
    stories = []
    for _ in range(40):
        base = [rng.choice(vocab) for _ in range(rng.randint(20, 120))]
        stories.append(base)
        for _ in range(rng.randint(0, 3)):  # edits of the base story: some near, some not
            edit = list(base)
            for _ in range(rng.randint(1, 12)):
                edit[rng.randrange(len(edit))] = rng.choice(vocab)
            stories.append(edit)
    hashes, counts = shingles(stories)
    bounds = [0, *counts.cumsum().tolist()]
    sets = [sorted(set(hashes[bounds[i]:bounds[i + 1]].tolist())) for i in range(len(stories))]
    import numpy as np

    brute = {(i, j) for i, j in combinations(range(len(stories)), 2)
             if jaccard(np.array(sets[i], dtype=np.uint64),
                        np.array(sets[j], dtype=np.uint64)) >= 0.7}
    found = {(i, j) for i, j, _ in near_pairs(stories, threshold=0.7)}
    assert len(brute) > 20 and found == brute


def test_flag_duplicates_checks_its_input_and_does_not_modify_it():
    t = pd.DataFrame({"id": ["a", "b"], "text": ["x 1", "x 1"],
                      "duplicate_of": ["stale", None]})
    before = t.copy()
    out = flag_duplicates(t)
    assert out["duplicate_of"].tolist() == [pd.NA, "a"]
    assert isinstance(out["duplicate_kind"].dtype, pd.CategoricalDtype)
    assert list(out["duplicate_kind"].cat.categories) == ["exact", "near"]
    pd.testing.assert_frame_equal(t, before)
    with pytest.raises(MissingColumnsError, match="'text'"):
        flag_duplicates(t.drop(columns="text"))
    for bad in ({"threshold": 0}, {"threshold": 1.5}, {"threshold": "high"},
                {"window": "soon"}, {"window": "-1D"}):
        with pytest.raises(InputError):
            flag_duplicates(t, **bad)


def test_loaded_tables_have_the_duplicate_columns_with_their_dtypes(tmp_path):
    write(tmp_path, "a.txt", "Exports rose 5%.")
    arts = load_articles(tmp_path)
    from econnews.load.articles import EXTRA

    assert list(arts.columns)[:len(schema.ARTICLES) + len(EXTRA)] == [*schema.ARTICLES, *EXTRA]
    schema.validate(arts, {**schema.ARTICLES, **EXTRA})
    assert load_articles(tmp_path / "nothing*.txt", errors="collect")[0].columns.tolist()[-1] \
        == "duplicate_kind"


# ------------------------------------------------------------------ fuzz: nothing lost


FUZZ = {
    "empty.txt": b"",
    "spaces.txt": b"  \n\t \n",
    "nul.txt": b"\x00" * 100,
    "random.txt": random.Random(4).randbytes(5000),
    "elf.bin.txt": b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 4,
    "truncated-utf8.txt": "Exports rose 5% to €3 billion".encode()[:-2] + b"\xe2\x82",
    "latin1.txt": "Exportações subiram 5%".encode("latin-1"),
    "utf16-nobom.txt": "Exports rose 5%".encode("utf-16-le"),
    "broken.html": b"<html><body><p>Trade rose <b>5% to $3 bil</p></bo",
    "tags-only.html": b"<html><head></head><body><div></div></body></html>",
    "garbage.html": random.Random(5).randbytes(3000),
    "broken.json": b'{"text": "Up 5%", ',
    "number.json": b"42",
    "broken.jsonl": b'{"text": "Up 5%"}\n{"text": \n[1,2]\n',
    "broken.csv": b'id,text\na,b,c,d\n',
    "unterminated.csv": b'id,text\n"a,"unterminated\n',
    "empty.csv": b"",
    "header-only.csv": b"id,text\n",
    "frontmatter-only.md": b"---\ntitle: x\n---\n",
}


def test_fuzzed_folder_every_input_accounted_for(tmp_path):
    for name, data in FUZZ.items():
        write(tmp_path, name, data)
    arts, errs = collect(tmp_path)
    # inputs: one per text/html file, one per JSON/CSV record or unparsable/empty file
    per_file = Counter(Path(p).name for p in [*arts["path"], *errs["path"]])
    assert per_file == {name: 3 if name == "broken.jsonl" else 1 for name in FUZZ}
    codes = dict(zip((Path(p).name for p in errs["path"]), errs["code"], strict=False))
    assert codes["empty.txt"] == codes["spaces.txt"] == "empty"
    assert codes["nul.txt"] == codes["random.txt"] == codes["elf.bin.txt"] == "binary"
    assert codes["broken.json"] == "bad-json" and codes["broken.csv"] == "bad-csv"
    latin = arts.set_index("path").loc[str(tmp_path / "latin1.txt")]
    assert latin["text"] == "Exportações subiram 5%" and latin["encoding"] == "cp1252"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blobs=st.lists(st.binary(max_size=300), min_size=1, max_size=6),
       suffix=st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".csv"]))
def test_random_bytes_never_crash_and_never_vanish(tmp_path_factory, blobs, suffix):
    folder = tmp_path_factory.mktemp("fuzz")
    for i, blob in enumerate(blobs):
        write(folder, f"f{i}{suffix}", blob)
    arts, errs = collect(folder)
    seen = {Path(p).name for p in set(arts["path"]) | set(errs["path"])}
    assert seen == {f"f{i}{suffix}" for i in range(len(blobs))}
    if suffix in (".txt", ".md", ".html"):
        assert len(arts) + len(errs) == len(blobs)
    else:
        assert len(arts) + len(errs) >= len(blobs)


def test_a_few_megabytes_of_text_load_whole(tmp_path):
    para = "Japan's exports to Russia rose 5% to $3 billion in 2018, the ministry said.\n"
    text = "Big file\n" + para * (3_000_000 // len(para))
    write(tmp_path, "big.txt", text)
    row = load_articles(tmp_path / "big.txt").iloc[0]
    assert len(row["text"]) == len(text) and row["text"] == text


def test_unreadable_file_is_an_error_row(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can read a chmod 000 file")
    p = write(tmp_path, "locked.txt", "Up 5%.")
    p.chmod(0)
    _, errs = collect(p)
    assert errs["code"].tolist() == ["unreadable"]


# ------------------------------------------------------------------ shared data


@pytest.mark.shared
def test_reuters_sample_jsonl_loads_fast_with_dates(shared):
    arts, errs = collect(shared / "corpora" / "reuters21578" / "sample.jsonl")
    assert len(arts) == 200 and len(errs) == 0
    assert arts["date"].notna().all() and arts["id"].is_unique
    assert arts["id"].str.startswith("reuters21578-").all()
    assert {"dateline", "topics", "places"} <= set(arts.columns)


@pytest.mark.shared
def test_bbc_folder_loads_all_files_and_skips_its_readme(shared):
    arts, errs = collect(shared / "corpora" / "bbc")
    assert len(arts) == 2225 and len(errs) == 0
    assert (arts["encoding"] != "utf-8").sum() == 1
    assert {Path(s["path"]).name for s in arts.attrs["skipped"]} == {"README.TXT", "TERMS.txt"}


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("ab5$%.—é _\n\t(")), max_size=200),
       block=st.integers(min_value=1, max_value=40))
def test_duplicate_key_is_the_same_whatever_the_block_size(text, block):
    from econnews.load import dedup as _load_dedup

    whole = _load_dedup.fold_digest(text)
    old = _load_dedup._BLOCK
    _load_dedup._BLOCK = block
    try:
        assert _load_dedup.fold_digest(text) == whole
    finally:
        _load_dedup._BLOCK = old


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("aZ5_$%.-'é É ß\n\t\x1c\x85\u00a0İ")),
                    max_size=80))
def test_fold_fast_path_equals_the_regex(text):
    import re

    from econnews.load.dedup import fold

    assert fold(text) == " ".join(re.sub(r"[\W_]+", " ", text.lower()).split())


# ------------------------------------------------------------------ issue 13: any input


def test_a_lone_surrogate_keeps_its_record_and_the_file(tmp_path):
    # valid JSON ("\ud800"), which pyarrow refuses: the record stays, as U+FFFD
    p = write(tmp_path, "f.jsonl", '{"id":"s1","text":"Exports \\ud800 rose 5%."}\n'
                                   '{"id":"s2","text":"Imports fell 2%."}\n')
    arts, errs = collect(p)
    assert arts["id"].tolist() == ["s1", "s2"] and len(errs) == 0
    text = arts.loc[0, "text"]
    assert text == "Exports \ufffd rose 5%." and len(text) == len("Exports \ud800 rose 5%.")
    q = en.extract_corpus(arts)
    assert q["surface"].tolist() == ["5%", "2%"]
    assert en.extract("Exports \ud800 rose 5%.")["surface"].tolist() == ["5%"]


@pytest.mark.parametrize("name", ["terms-of-trade-shock.txt", "copying-chinas-model.txt",
                                  "readmes-guide-to-tariffs.md", "licensed-exports.txt"])
def test_stories_whose_names_begin_like_readme_or_terms_are_read(tmp_path, name):
    write(tmp_path, name, "Exports rose 5%.")
    write(tmp_path, "TERMS", "terms of use")
    write(tmp_path, "COPYING.txt", "licence")
    arts, errs = collect(tmp_path)
    assert arts["path"].map(lambda p: Path(p).name).tolist() == [name] and not len(errs)
    assert {Path(s["path"]).name for s in arts.attrs["skipped"]} == {"TERMS", "COPYING.txt"}


def test_links_leading_outside_the_folder_are_skipped_unless_allowed(tmp_path):
    outside = write(tmp_path / "private", "secret.txt", "Password rose 5%.")
    folder = tmp_path / "news"
    write(folder, "story.txt", "Exports rose 5%.")
    (folder / "secret.md").symlink_to(outside)
    (folder / "alias.txt").symlink_to(folder / "story.txt")  # inside: read
    (folder / "elsewhere").symlink_to(tmp_path / "private", target_is_directory=True)
    arts, errs = collect(folder)
    assert sorted(arts["id"]) == ["alias", "story"] and not len(errs)
    reasons = {Path(s["path"]).name: s["reason"] for s in arts.attrs["skipped"]}
    assert reasons["secret.md"].startswith("link leading outside the folder")
    assert reasons["elsewhere"].startswith("link to a folder")
    arts = load_articles(folder, follow_links=True, progress=False)
    assert "Password rose 5%." in set(arts["text"])


def test_devices_fifos_and_sockets_are_skipped_with_a_reason(tmp_path):
    import signal
    import socket

    folder = Path(os.path.realpath(tmp_path))
    write(folder, "story.txt", "Exports rose 5%.")
    os.mkfifo(folder / "x.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    short = Path(os.path.realpath("/tmp")) / f"enw-{os.getpid()}"  # AF_UNIX paths are short
    short.mkdir(exist_ok=True)
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(short / "s.txt"))
        (folder / "sock.txt").symlink_to(short / "s.txt")
        signal.alarm(30)  # a FIFO read would hang: fail instead
        arts, errs = load_articles(folder, errors="collect", progress=False, follow_links=True)
    finally:
        signal.alarm(0)
        sock.close()
        (short / "s.txt").unlink(missing_ok=True)
        short.rmdir()
    assert arts["id"].tolist() == ["story"] and not len(errs)
    reasons = {Path(s["path"]).name: s["reason"] for s in arts.attrs["skipped"]}
    assert reasons == {"x.txt": "a named pipe (FIFO), not a file",
                       "zero.txt": "a device, not a file", "sock.txt": "a socket, not a file"}
    # named explicitly, a FIFO is an error row, never a hang
    _, errs = collect(folder / "x.txt")
    assert errs["code"].tolist() == ["not-a-file"]


def test_a_file_over_the_size_limit_is_a_too_large_row(tmp_path):
    write(tmp_path, "big.txt", "Exports rose 5%. " * 100)
    write(tmp_path, "small.txt", "Exports rose 5%.")
    arts, errs = load_articles(tmp_path, errors="collect", max_bytes=200, progress=False)
    assert arts["id"].tolist() == ["small"]
    assert errs[["doc_id", "code"]].values.tolist() == [["big", "too-large"]]
    assert "limit" in errs.loc[0, "message"]
    assert len(load_articles(tmp_path, max_bytes=None, progress=False)) == 2
    with pytest.raises(InputError, match="max_bytes"):
        load_articles(tmp_path, max_bytes=0)


def test_an_unreadable_folder_is_an_error_row(tmp_path, monkeypatch):
    write(tmp_path, "ok.txt", "Exports rose 5%.")
    write(tmp_path / "locked", "hidden.txt", "Imports fell 2%.")
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    arts, errs = collect(tmp_path)
    assert arts["id"].tolist() == ["ok"]
    assert errs["code"].tolist() == ["unreadable"] and errs.loc[0, "path"].endswith("locked")


def test_a_manifest_describes_the_files_under_it(tmp_path):
    write(tmp_path, "manifest.csv", "file,id,date\n"
                                    "2019/jan/a.txt,alpha,2019-01-22\n"
                                    "2019/gone.txt,gone,2019-02-01\n")
    write(tmp_path / "2019" / "jan", "a.txt", "Exports rose 5%.")
    write(tmp_path / "2019" / "jan", "manifest.csv", "file,title\na.txt,Nearest wins\n")
    arts, errs = collect(tmp_path)
    a = arts.set_index("id").loc["alpha"]
    assert a["date"] == pd.Timestamp("2019-01-22") and a["title"] == "Nearest wins"
    assert errs[["doc_id", "code"]].values.tolist() == [["gone", "missing-file"]]


def test_progress_counts_the_bytes_of_one_large_file(tmp_path, monkeypatch, capsys):
    import econnews.load.articles as articles

    text = "Exports rose 5% to $3 billion.\n" * 200_000  # 6 MB: read in blocks
    p = write(tmp_path, "big.txt", text)
    bars = []
    real = articles.progress_bar

    def spy(**kwargs):
        bar = real(**kwargs)
        bars.append((kwargs, bar))
        return bar

    monkeypatch.setattr(articles, "progress_bar", spy)
    arts = load_articles(p, progress=True)
    (kwargs, bar), = bars
    assert kwargs["unit"] == "B" and kwargs["total"] == p.stat().st_size
    assert bar.n == p.stat().st_size and arts.loc[0, "text"] == text


def test_a_failing_html_reader_is_an_error_row(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails, as without lxml_html_clean
    write(tmp_path, "page.html", "<html><body><p>Exports rose 5%.</p></body></html>")
    write(tmp_path, "story.txt", "Imports fell 2%.")
    arts, errs = collect(tmp_path)
    assert arts["id"].tolist() == ["story"]
    assert errs["code"].tolist() == ["html-reader"] and "lxml_html_clean" in errs.loc[0, "message"]


def test_poison_folder_every_input_is_a_row_an_error_or_skipped(tmp_path):
    folder = poison_folder(tmp_path)
    arts, errs = load_articles(folder, errors="collect", progress=False, max_bytes=10_000)
    skipped = arts.attrs["skipped"]
    assert (len(arts), len(errs), len(skipped)) == POISON_COUNTS
    assert len(arts) + len(errs) + len(skipped) == POISON_INPUTS


#: articles, errors, skipped in :func:`poison_folder` (with max_bytes=10_000)
POISON_COUNTS = (7, 3, 6)
POISON_INPUTS = sum(POISON_COUNTS)


def poison_folder(tmp_path: Path) -> Path:
    """Good stories beside every kind of bad input (issue 13)."""
    folder = Path(os.path.realpath(tmp_path)) / "poison"
    write(folder, "good.txt", "Japan's exports to Russia rose 5% to $3 billion.")
    write(folder, "good.md", "# Trade\nPutin proposed to raise trade to $30 billion.")
    write(folder, "terms-of-trade-shock.txt", "Terms of trade fell 4% in March.")
    write(folder, "copying-chinas-model.txt", "Exports to China rose 7%.")
    write(folder, "surrogate.jsonl", '{"id":"s1","text":"Exports \\ud800 rose 5%."}\n'
                                     '{"id":"s2","text":"Imports fell 2%."}\n')
    write(folder / "sub", "deep.txt", "Investment stood at $2.2 billion.")
    write(folder, "manifest.csv", "file,date\nsub/deep.txt,2019-01-22\ngone.txt,2019-01-23\n")
    write(folder, "random.txt", random.Random(7).randbytes(5000))
    write(folder, "huge.txt", "Exports rose 5%. " * 1000)
    write(folder, "README.md", "about this folder")
    write(folder, "LICENSE", "terms")
    write(folder, "photo.png", b"\x89PNG")
    outside = write(tmp_path / "home", ".bashrc", "export SECRET=1")
    (folder / "secret.md").symlink_to(outside)
    (folder / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(folder / "x.txt")
    return folder
