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
    assert row["title"].startswith("Tokyo rejects Putin’s proposal to increase trade")
    assert row["note"].startswith("The project's model case")
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


def test_duplicates_are_flagged_not_dropped(tmp_path):
    write(tmp_path, "a.txt", "Exports rose 5% to $3 billion.")
    write(tmp_path, "b.txt", "EXPORTS  rose 5 % to $3 billion!")
    write(tmp_path, "c.txt", "Imports fell.")
    arts = load_articles(tmp_path)
    assert arts["duplicate_of"].tolist() == [pd.NA, "a", pd.NA]


def test_flag_duplicates_does_not_modify_its_input():
    t = pd.DataFrame({"id": ["a", "b"], "text": ["x 1", "x 1"]})
    before = t.copy()
    assert flag_duplicates(t)["duplicate_of"].tolist() == [pd.NA, "a"]
    pd.testing.assert_frame_equal(t, before)
    with pytest.raises(MissingColumnsError, match="'text'"):
        flag_duplicates(t.drop(columns="text"))


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
    import econnews.load as load_module

    whole = load_module._fold_digest(text)
    old = load_module._BLOCK
    load_module._BLOCK = block
    try:
        assert load_module._fold_digest(text) == whole
    finally:
        load_module._BLOCK = old
