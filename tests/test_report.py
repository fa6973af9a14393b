"""econnews.report.build_report: every file written, reproducible, escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from econnews.common.files import MARKER
from econnews.errors import InputError
from econnews.report import build_report

EVIL = '<script>alert(1)</script><img src=x onerror=alert(1)> "quoted" \'single\''


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def write_articles(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.txt").write_text(
        f"---\nid: rj\ndate: 2019-01-22\ntitle: {EVIL}\nsource: Kyodo {EVIL}\n---\n"
        "Putin proposed to increase trade between Russia and Japan to $30 billion, "
        "to increase mutual trade by 1.5 times. The total amount of Japanese investments "
        f"is $ 2.2 billion. {EVIL}\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        "---\nid: tass\ndate: 2018-09-12\ntitle: Trade\nsource: TASS\n---\n"
        "Trade between Russia and Japan reached $18 billion last year, Putin said.\n",
        encoding="utf-8")
    return folder


EXPECTED = {"index.html", "quantities.csv", "quantities.parquet", "claims.csv",
            "claims.parquet"}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("report")
    src = write_articles(base / "articles")
    return src, build_report(src, base / "out"), base


def test_report_writes_tables_charts_and_index(built):
    _src, report, _base = built
    names = set(report.files)
    assert names >= EXPECTED
    charts = {n for n in names if n.startswith("charts/")}
    stems = {Path(n).stem for n in charts}
    # a chart per group of comparable claims (concept + parties), a comparison per pair
    assert {"quantities_overview", "trade_jpn-rus_timeline",
            "trade-investment_jpn-rus_compared"} <= stems
    for stem in stems:
        assert {f"charts/{stem}.{fmt}" for fmt in ("png", "svg", "pdf")} <= charts
    for path in report.files.values():
        assert path.is_file() and path.stat().st_size > 0, path
    # the only hidden file is the marker listing the complete report's files (issue 13)
    leftovers = [p for p in report.out_dir.rglob("*") if p.name.startswith(".")]
    assert [p.name for p in leftovers] == [MARKER]
    assert not [p for p in report.out_dir.parent.iterdir() if p.name.startswith(".")]
    assert report.summary()["articles"] == 2


def test_report_tables_round_trip(built):
    _src, report, _base = built
    claims = pd.read_parquet(report.files["claims.parquet"])
    assert len(claims) == len(report.claims)
    assert {"concept", "claim_type", "value_usd"} <= set(claims.columns)
    assert 3e10 in set(claims["value_usd"].dropna())
    csv = pd.read_csv(report.files["quantities.csv"])
    assert csv["surface"].tolist() == report.quantities["surface"].tolist()


def test_report_index_escapes_article_text_and_every_image_exists(built):
    _src, report, _base = built
    page = report.index.read_text(encoding="utf-8")
    assert "<script" not in page and "onerror=" not in page.replace("onerror=alert", "")
    parser = Page()
    parser.feed(page)
    tags = {t for t, _ in parser.tags}
    assert "script" not in tags
    for tag, attrs in parser.tags:
        assert not any(a.startswith("on") for a in attrs), (tag, attrs)
    images = [a["src"] for t, a in parser.tags if t == "img"]
    assert len(images) >= 3
    for src in images:
        assert (report.out_dir / src).is_file(), src
    links = [a["href"] for t, a in parser.tags if t == "a"]
    for href in links:
        assert (report.out_dir / href).is_file(), href
    assert re.search(r"2 articles read from", page)


@pytest.mark.slow
def test_report_is_byte_identical_when_rebuilt(built, tmp_path):
    src, report, _base = built
    again = build_report(src, tmp_path / "again")
    assert sorted(again.files) == sorted(report.files)
    for name, path in report.files.items():
        assert path.read_bytes() == again.files[name].read_bytes(), name


def test_report_lists_unreadable_inputs(tmp_path):
    src = write_articles(tmp_path / "articles")
    (src / "empty.txt").write_text("", encoding="utf-8")
    report = build_report(src, tmp_path / "out", formats=["svg"])
    assert "errors.csv" in report.files
    assert "empty" in report.files["errors.csv"].read_text(encoding="utf-8")
    assert "1 input(s) could not be read" in report.index.read_text(encoding="utf-8")
    assert not any(n.endswith(".png") for n in report.files)


def test_report_bad_out_dir_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(InputError, match="not a folder"):
        build_report(write_articles(tmp_path / "a"), blocker)


@pytest.mark.slow
def test_report_on_default_data(tmp_path, assert_legible):
    report = build_report(out_dir=tmp_path / "report")
    assert set(report.files) >= EXPECTED
    assert report.summary()["claims"] > 0
    assert any(n.endswith(".pdf") for n in report.files)
    # issue 6: a printed report's charts have a title, a source line and data, and no
    # text cut off at the edge or lying on another text
    from matplotlib.collections import PathCollection
    from matplotlib.text import Text

    from econnews.report import _charts

    charts = _charts(report.quantities, report.claims, ("trade", "investment"))
    names = [name for name, _caption, _make in charts]
    assert names[0] == "quantities_overview"
    # issue 15: the U.S. deficit figures are charted by the year they refer to, the
    # Russia–Japan trade claims over time (the $30bn target against later levels)
    # (issue 22: one name a series, the direction where the claims give one)
    assert {"trade-deficit_usa-to-chn_by-year", "trade-deficit_usa-to-jpn_by-year",
            "trade_jpn-rus_timeline", "trade-investment_jpn-rus_compared"} <= set(names)
    for name, _caption, make in charts:
        fig = make()
        texts = list(fig.findobj(Text))
        assert any(t.get_gid() == "econnews-source" and t.get_text() for t in texts), name
        assert not any(t.get_gid() == "econnews-empty" for t in texts), name
        titled = fig.get_suptitle() or fig.axes[0].get_title("left")
        assert titled, name
        drawn = sum(len(c.get_offsets()) for ax in fig.axes for c in ax.collections
                    if isinstance(c, PathCollection)) + sum(len(ax.patches) for ax in fig.axes)
        assert drawn > 0, name
        assert_legible(fig)


# ----------------------------------------------- issue 15: the default data, real figures

DATA = Path(__file__).resolve().parents[1] / "data"


def test_default_data_is_real_figures_with_their_sources():
    manifest = pd.read_csv(DATA / "reported" / "manifest.csv")
    assert len(manifest) >= 12 and manifest["id"].is_unique
    assert list(manifest.columns) == ["file", "id", "date", "title", "source", "url",
                                      "statement_by", "note"]
    assert manifest["url"].str.match(r"https?://").all()
    assert manifest["note"].str.startswith(
        "Summary written for econnews in our own words; figures as published.").all()
    assert not manifest.isna().any().any()
    years = pd.to_datetime(manifest["date"]).dt.year
    assert years.max() - years.min() >= 2
    for name in manifest["file"]:
        text = (DATA / "reported" / name).read_text(encoding="utf-8")
        assert "illustrative" not in text.lower() and "fictional" not in text.lower()
    seed = pd.read_csv(DATA / "manifest.csv")
    assert seed["url"].str.match(r"https?://").all()


@pytest.mark.parametrize(("article", "figure", "year"), [
    ("2019-03-06-us-china-deficit-2018.txt", "$419.2 billion", "2018"),
    ("2020-02-05-us-deficits-2019.txt", "$345.62 billion", "2019"),
    ("2020-02-05-us-deficits-2019.txt", "$68.98 billion", "2019"),
    ("2018-02-06-us-china-deficit-2017.txt", "$375.2 billion", "2017"),
    ("2019-01-22-russia-japan-trade-2018.txt", "$20 billion", "2018"),
])
def test_fact_checkable_figures_state_the_year_they_refer_to(article, figure, year):
    """A fact-check against official figures needs the year in the sentence itself."""
    text = (DATA / "reported" / article).read_text(encoding="utf-8")
    sentence = next(s for s in re.split(r"(?<=\.)\s+", text) if figure in s)
    assert f"in {year}" in sentence, sentence


@pytest.mark.slow
def test_default_report_charts_every_group_or_says_why(tmp_path):
    report = build_report(out_dir=tmp_path / "report", formats=["svg"])
    assert report.summary()["articles"] >= 13  # the seed and >= 12 reported articles
    page = report.index.read_text(encoding="utf-8")
    parser = Page()
    parser.feed(page)
    links = [a["href"] for t, a in parser.tags if t == "a" and a.get("href", "").startswith("http")]
    assert len(set(links)) >= 13  # every article's source url is on the page
    from econnews.report import claim_groups

    groups = claim_groups(report.claims)
    charted = {Path(n).stem for n in report.files if n.startswith("charts/")}
    from econnews.plot.names import series_slug

    for _, g in groups.iterrows():
        what = g["series"]  # one name a series: the caption, the title, the file name
        codes = g["direction"] or g["parties"].replace("–", ",")
        slug = series_slug(g["concept"], codes, directed=bool(g["direction"]))
        has_chart = any(stem.startswith(slug + "_") for stem in charted)
        assert has_chart or f"{what} (" in page, what  # a chart, or a line saying why not
        if has_chart:
            assert f"{what}: " in page, what
    assert "claim(s)" not in page and "<details><summary>" in page
    for svg in (report.out_dir / "charts").glob("*.svg"):
        assert "econnews-empty" not in svg.read_text(encoding="utf-8"), svg.name


# ------------------------------------------------------------------ issue 22


def test_the_report_applies_corrections_marks_them_and_lists_stale_ones(tmp_path):
    src = write_articles(tmp_path / "news")
    first = build_report(src, tmp_path / "out", formats=["svg"], progress=False)
    cid = first.claims.loc[first.claims["surface"] == "$ 2.2 billion", "claim_id"].iloc[0]
    old = first.claims.loc[first.claims["claim_id"] == cid, "concept"].iloc[0]
    (src / "corrections.csv").write_text(
        "claim_id,field,old,new,who,when,note\n"
        f"{cid},concept,{old},fdi,ana,2026-12-05T14:00:00Z,\n"
        "gone:1,period,,2018,ana,2026-12-05T14:00:00Z,\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="1 correction in corrections.csv was not applied"):
        again = build_report(src, tmp_path / "out", formats=["svg"], progress=False)
    row = again.claims[again.claims["claim_id"] == cid].iloc[0]
    assert row["concept"] == "fdi" and row["corrected"] == "concept"
    assert "corrected" in pd.read_csv(again.files["claims.csv"]).columns
    page = again.index.read_text(encoding="utf-8")
    assert '<td class="corrected" title="corrected by the analyst (corrections.csv)">fdi ✎' \
        in page
    assert "1 correction by the analyst applied" in page
    assert "correction not applied: gone:1 period" in page


def test_the_fact_check_table_has_no_row_numbers():
    from econnews.display import table_html

    html_ = table_html(pd.DataFrame({"claim": ["$5bn"], "verdict": ["consistent"]}),
                       index=False)
    assert "row_heading" not in html_ and 'class="econnews-table mathjax_ignore"' in html_


def test_no_article_read_is_an_error_and_keeps_the_previous_report(tmp_path):
    src = write_articles(tmp_path / "news")
    build_report(src, tmp_path / "out", formats=["svg"], progress=False)
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "blank.txt").write_bytes(b"")
    with pytest.raises(InputError, match=r"no article could be read .*blank\.txt"):
        build_report(empty, tmp_path / "out", formats=["svg"], progress=False)
    assert (tmp_path / "out" / "index.html").is_file()


def test_undated_articles_show_no_nat_and_say_the_fix(tmp_path):
    src = tmp_path / "news"
    src.mkdir()
    for name, value in (("a", 30), ("b", 18)):
        (src / f"{name}.txt").write_text(
            f"---\nsource: Wire {name}\n---\nTrade between Russia and Japan reached "
            f"${value} billion, Putin said.\n", encoding="utf-8")
    page = build_report(src, tmp_path / "out", formats=["svg"], progress=False) \
        .index.read_text(encoding="utf-8")
    assert "NaT" not in page and "only one dated claim" not in page
    assert "2 of 2 articles have no date" in page and "--date YYYY-MM-DD" in page
