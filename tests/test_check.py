"""Fact-check (issue 16): claims against official figures, and the tolerance rules."""

from __future__ import annotations

import pandas as pd
import pytest

import econnews as en
from econnews import schema
from econnews.errors import MissingColumnsError, ReferenceDataError
from econnews.factcheck import reference, tolerance

CHN_2018 = 419.2e9


def claim(surface: str, value: float, *, bound: str = "=", period: str | None = "2018",
          concept: str = "trade_deficit", frm: str | None = "USA", to: str | None = "CHN",
          claim_type: str = "level", unit: str = "USD", sentence: str = "", **extra):
    parties = ",".join(p for p in (frm, to) if p)
    row = {"concept": concept, "parties": parties, "party_from": frm, "party_to": to,
           "claim_type": claim_type, "kind": "money", "value": value, "unit": unit,
           "bound": bound, "period": period, "surface": surface, "sentence": sentence,
           **extra}
    return row


def verdicts(*rows, ref=None) -> list[str]:
    return en.check(pd.DataFrame(list(rows)), ref)["verdict"].astype(str).tolist()


# ----------------------------------------------------------------- tolerance rules

ROUNDING = [
    # (surface, value, verdict against the official $419.2 billion of 2018)
    ("$419.2 billion", 419.2e9, "consistent"),        # as published
    ("$419 billion", 419e9, "consistent"),            # rounded to the billion
    ("$420 billion", 420e9, "consistent"),            # off by less than its precision
    ("$410 billion", 410e9, "consistent"),            # to the nearest $10 billion
    ("$419.5 billion", 419.5e9, "consistent"),        # within revisions (0.5%)
    ("$422.5 billion", 422.5e9, "overstated"),        # precise, and off by 0.8%
    ("$416.0 billion", 416.0e9, "understated"),
    ("$460 billion", 460e9, "overstated"),            # off by about 10%
    ("$377 billion", 377e9, "understated"),           # off by about 10% the other way
    ("$400 billion", 400e9, "consistent"),            # a round figure: within 5%
    ("$390 billion", 390e9, "understated"),           # a round figure is no free pass: 7% off
]


@pytest.mark.parametrize(("surface", "value", "expected"), ROUNDING, ids=[r[0] for r in ROUNDING])
def test_rounding(surface, value, expected):
    assert verdicts(claim(surface, value)) == [expected]


def test_a_figure_off_by_its_precision_is_consistent_and_one_off_by_ten_percent_is_not():
    # Japan 2018: $67.6 billion. "$68 billion" is written to the billion.
    assert verdicts(claim("$68 billion", 68e9, to="JPN"),
                    claim("$74.4 billion", 74.4e9, to="JPN")) == ["consistent", "overstated"]


def test_a_revised_figure_is_consistent_with_the_first_published_one():
    # 2017: first published $375.23 billion; quoted later as revised, $375.5 billion
    assert verdicts(claim("$375.5 billion", 375.5e9, period="2017"),
                    claim("$377.5 billion", 377.5e9, period="2017")) == [
        "consistent", "overstated"]


BOUNDS = [
    ("more than $400 billion", 400e9, ">", "consistent"),
    ("more than $450 billion", 450e9, ">", "overstated"),
    ("at least $420 billion", 420e9, ">", "consistent"),  # within its rounding unit
    ("at least $425 billion", 425e9, ">", "overstated"),
    ("less than $400 billion", 400e9, "<", "understated"),
    ("up to $430 billion", 430e9, "<", "consistent"),
    ("about $400 billion", 400e9, "~", "consistent"),     # 5% of the figure
    ("about $390 billion", 390e9, "~", "understated"),    # off by 7%
    ("nearly $440 billion", 440e9, "~", "consistent"),
]


@pytest.mark.parametrize(("surface", "value", "bound", "expected"), BOUNDS,
                         ids=[b[0] for b in BOUNDS])
def test_bounds(surface, value, bound, expected):
    assert verdicts(claim(surface, value, bound=bound)) == [expected]


RANGES = [
    ("$410-420 billion", 415e9, "consistent"),
    ("between $420 billion and $430 billion", 425e9, "consistent"),  # low end within rounding
    ("$380-400 billion", 390e9, "understated"),
    ("$440-460 billion", 450e9, "overstated"),
]


@pytest.mark.parametrize(("surface", "value", "expected"), RANGES, ids=[r[0] for r in RANGES])
def test_ranges(surface, value, expected):
    assert verdicts(claim(surface, value)) == [expected]


def test_tolerance_examples():
    assert tolerance("$410 billion", 410e9) == pytest.approx(10e9)
    assert tolerance("$419.2 billion", 419.2e9) == pytest.approx(0.1e9)
    assert tolerance("$100 billion", 100e9) == pytest.approx(5e9)
    assert tolerance("thirty billion dollars", 30e9) == pytest.approx(1.5e9)
    assert tolerance("about $419.2 billion", 419.2e9, bound="~") == pytest.approx(20.96e9)


# ----------------------------------------------------------------- what is compared

def test_a_claim_on_another_basis_gets_basis_differs_with_both_figures():
    c = claim("$378 billion", 378e9, sentence="The goods and services deficit with China "
                                               "was $378 billion in 2018.")
    out = en.check(pd.DataFrame([c]))
    assert out.loc[0, "verdict"] == "basis_differs"
    assert "goods and services" in out.loc[0, "check_note"]
    assert out.loc[0, "compared_value"] == pytest.approx(378e9)
    assert out.loc[0, "ref_value"] == pytest.approx(418.2e9, rel=1e-3)
    goods = claim("$419 billion", 419e9, sentence="The merchandise deficit with China was "
                                                   "$419 billion in 2018.")
    assert verdicts(goods) == ["consistent"]


def test_a_surplus_finds_the_deficit_it_mirrors():
    c = claim("$419 billion", 419e9, concept="trade_surplus", frm="CHN", to="USA")
    out = en.check(pd.DataFrame([c]))
    assert out.loc[0, "verdict"] == "consistent"
    assert "mirrors" in out.loc[0, "check_note"]


def test_no_reference_and_not_comparable_say_why():
    out = en.check(pd.DataFrame([
        claim("$5 billion", 5e9, concept="fdi", to="BRA"),        # no such series
        claim("$400 billion", 400e9, period=None),                # no period
        claim("$300 billion", 300e9, period="2024"),              # only months of 2024
        claim("$200 billion", 200e9, period="1970"),              # a year not covered
        claim("7%", 7, claim_type="ratio", unit="percent", kind="percent"),
    ]))
    assert out["verdict"].astype(str).tolist() == [
        "no_reference", "not_comparable", "not_comparable", "no_reference", "not_comparable"]
    assert out["check_note"].notna().all()
    assert "months of 2024" in out.loc[2, "check_note"]
    assert "1985" in out.loc[3, "check_note"]


def test_targets_are_checked_against_the_outcome_and_marked():
    target = claim("$300 billion", 300e9, claim_type="target", period="2019")
    out = en.check(pd.DataFrame([target, claim("$300 billion", 300e9, claim_type="target",
                                                period=None)]))
    assert out.loc[0, "checked_as"] == "target vs outcome"
    assert out.loc[0, "verdict"] == "understated"  # the outcome, $345.6 billion, was above it
    assert out.loc[1, "verdict"] == "not_comparable"
    assert "target" in out.loc[1, "check_note"]


def test_an_implied_earlier_level_is_for_the_year_before_the_figure_it_comes_from():
    level = claim("$347.04 billion", 347.04e9, period="2016", claim_id="a:1")
    change = claim("5.5%", 5.5, period="2016", claim_type="change", unit="percent",
                   kind="percent", claim_id="a:2")
    implied = claim("$347.04 billion / (1 - 5.5%)", 367.2e9, claim_type="implied",
                    period=None, implies="level", derived_from="a:1,a:2", claim_id="a:3",
                    date=pd.Timestamp("2017-02-07"))
    out = en.check(pd.DataFrame([level, change, implied]))
    assert out.loc[2, "ref_period"] == "2015"  # the Census series has 2015
    assert out.loc[2, "verdict"] == "consistent"  # 367.3bn in the series
    assert "year before 2016" in out.loc[2, "check_note"]


def test_an_implied_base_is_checked_like_a_level_of_the_year_before_the_article():
    implied = claim("$420 billion * by half", 210e9, claim_type="implied", period=None,
                    implies="level", date=pd.Timestamp("2019-05-02"))
    implied["value"] = 419e9 / 1.0
    out = en.check(pd.DataFrame([implied]))
    assert out.loc[0, "ref_period"] == "2018"
    assert out.loc[0, "checked_as"] == "implied level"
    assert out.loc[0, "verdict"] == "consistent"


def test_money_is_compared_in_the_reference_currency():
    eur = claim("EUR 380 billion", 380e9, unit="EUR")
    usd = dict(eur, value_usd=448.4e9)
    out = en.check(pd.DataFrame([eur, usd]))
    assert out.loc[0, "verdict"] == "not_comparable"
    assert out.loc[1, "compared_value"] == pytest.approx(448.4e9)
    assert out.loc[1, "verdict"] == "overstated"


def test_end_to_end_from_text():
    text = ("The U.S. goods trade deficit with Japan was $67.6 billion in 2018, the Commerce "
            "Department said. Washington's deficit with China hit $500 billion in 2018, "
            "a senator claimed.")
    out = en.check(en.find_claims({"id": "t", "date": "2019-03-07", "text": text}))
    by_partner = dict(zip(out["party_to"], out["verdict"].astype(str), strict=False))
    assert by_partner == {"JPN": "consistent", "CHN": "overstated"}
    assert set(out["ref_url"].dropna()) == {
        "https://www.census.gov/foreign-trade/Press-Release/2018pr/12/ft900.pdf"}


def test_schema_input_untouched_and_missing_columns():
    claims = pd.DataFrame([claim("$410 billion", 410e9)])
    before = claims.copy()
    out = en.check(claims)
    pd.testing.assert_frame_equal(claims, before)
    for name, dtype in schema.CHECK_ADDED.items():
        assert out[name].dtype == dtype, name
    with pytest.raises(MissingColumnsError, match=r"\[E001\] check needs.*'period'"):
        en.check(claims.drop(columns=["period"]))


# ----------------------------------------------------------------- reference tables

def test_the_bundled_reference_covers_the_default_pairs_with_sources():
    ref = reference.bundled()
    schema.validate(ref, schema.REFERENCE)
    for partner in ("CHN", "JPN"):
        years = set(ref.loc[ref["party_to"] == partner, "period"])
        assert {"2016", "2017", "2018", "2019", "2020"} <= years
    assert ref["url"].str.startswith("https://www.census.gov/").all()
    assert ref["basis"].notna().all() and ref["release"].notna().all()


def test_load_reads_csv_and_parquet(tmp_path):
    csv = tmp_path / "ref.csv"
    csv.write_text("# my figures\nconcept,parties,period,value,unit,source,basis\n"
                   "trade,\"RUS,JPN\",2018,21.3e9,usd,Federal Customs Service,goods\n")
    ref = reference.load(csv)
    assert ref.loc[0, "parties"] == "JPN,RUS" and ref.loc[0, "unit"] == "USD"
    pq = tmp_path / "ref.parquet"
    ref.to_parquet(pq)
    pd.testing.assert_frame_equal(reference.load(pq), ref)
    c = claim("$21 billion", 21e9, concept="trade", frm=None, to=None)
    c["parties"] = "JPN,RUS"
    assert verdicts(c, ref=ref) == ["consistent"]


@pytest.mark.parametrize(("body", "message"), [
    ("concept,parties,period,value,unit,source\ntrade,\"JPN,RUS\",2018,x,USD,s\n",
     "row 1: value 'x'"),
    ("concept,parties,period,value,unit,source\ntrades,\"JPN,RUS\",2018,1,USD,s\n",
     "row 1: concept 'trades'"),
    ("concept,parties,period,value,unit,source\ntrade,\"JPN,RUS\",last year,1,USD,s\n",
     "row 1: period 'last year'"),
    ("concept,party_from,period,value,unit,source\ntrade_deficit,USA,2018,1,USD,s\n",
     "needs both party_from and party_to"),
    ("concept,period,value,unit\ntrade,2018,1,USD\n", "lacks the column"),
])
def test_bad_reference_rows_are_coded_errors(tmp_path, body, message):
    path = tmp_path / "bad.csv"
    path.write_text(body)
    with pytest.raises(ReferenceDataError, match=r"\[E008\]") as info:
        reference.load(path)
    assert message in str(info.value)


def test_unreadable_reference_files(tmp_path):
    with pytest.raises(ReferenceDataError, match="no reference file"):
        reference.load(tmp_path / "absent.csv")
    (tmp_path / "x.xlsx").write_text("x")
    with pytest.raises(ReferenceDataError, match=r"\.csv or \.parquet"):
        reference.load(tmp_path / "x.xlsx")


def test_official_texts_become_a_reference_with_their_provenance():
    release = ("In 2018 the U.S. goods deficit with Japan was $67.6 billion, the Census "
               "Bureau said in its annual release. Trade with Brazil grew.")
    official = en.find_claims({"id": "ft900-2018", "date": "2019-03-06", "text": release})
    ref = reference.from_claims(official, url="https://www.census.gov/ft900",
                                basis="goods, Census basis")
    assert len(ref) == 1
    row = ref.iloc[0]
    assert (row["concept"], row["party_from"], row["party_to"], row["period"]) == (
        "trade_deficit", "USA", "JPN", "2018")
    assert row["source_kind"] == "official" and row["release"] == "ft900-2018"
    assert "$67.6 billion" in row["note"]
    news = claim("$72 billion", 72e9, to="JPN")
    assert verdicts(news, ref=ref) == ["overstated"]


# ----------------------------------------------------------------- the chart

def test_claims_vs_reference_draws_the_official_line_the_claims_and_both_sources():
    rows = [claim("$347 billion", 347e9, period="2016", doc_id="a", source="Wire A",
                  speaker="the department", date=pd.Timestamp("2017-02-08")),
            claim("more than $500 billion", 500e9, bound=">", period="2018", doc_id="b",
                  source="Paper B", speaker="Senator Smith", date=pd.Timestamp("2019-03-07")),
            claim("$30 billion", 30e9, period="2030-03", doc_id="c", source="Paper C",
                  date=pd.Timestamp("2030-04-01"))]
    checked = en.check(pd.DataFrame(rows))
    fig = en.plot.claims_vs_reference(checked)
    ax = fig.axes[0]
    line = next(ln for ln in ax.get_lines() if ln.get_label() == "official figure")
    assert list(line.get_xdata()) == [2016.0, 2017.0, 2018.0, 2019.0, 2020.0]
    assert line.get_ydata()[2] == pytest.approx(419.2e9)
    points = [c for c in ax.collections if c.get_label().startswith("claim:")]
    assert sum(len(c.get_offsets()) for c in points) == 2
    texts = [t.get_text() for t in ax.texts]
    assert "Senator Smith: overstated, +19%" in texts
    note = " ".join(t.get_text() for t in fig.findobj(lambda o: hasattr(o, "get_gid")
                                                        and o.get_gid() == "econnews-source"))
    note = note.replace("\n", " ")
    assert "3 articles" in note and "U.S. Census Bureau" in note and "FT-900" in note
    assert "1 claim with no comparable official figure not shown" in note


# ----------------------------------------------------------------- command line

def test_cli_check_writes_verdicts_and_takes_a_reference(tmp_path, capsys):
    from econnews import cli

    article = tmp_path / "deficit.txt"
    article.write_text("---\ndate: 2019-03-07\n---\nThe U.S. trade deficit with China hit "
                       "$500 billion in 2018, a senator said.\n")
    out = tmp_path / "check.csv"
    assert cli.main(["check", str(article), "-o", str(out), "--quiet"]) == 0
    table = pd.read_csv(out)
    assert table["verdict"].tolist() == ["overstated"]
    assert table["ref_url"].str.contains("census.gov").all()

    ref = tmp_path / "ref.csv"
    ref.write_text("concept,direction,period,value,unit,source\n"
                   "trade_deficit,USA>CHN,2018,500e9,USD,my own figures\n")
    assert cli.main(["check", str(article), "--reference", str(ref), "-o", str(out),
                     "--quiet"]) == 0
    assert pd.read_csv(out)["verdict"].tolist() == ["consistent"]
    capsys.readouterr()
    assert cli.main(["check", str(article), "--reference", str(tmp_path / "none.csv")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "[E008]" in err[0] and "none.csv" in err[0]
    assert cli.main(["check", str(article)]) == 0
    assert "overstated" in capsys.readouterr().out


@pytest.fixture(scope="module")
def default_checked():
    repo = __import__("pathlib").Path(__file__).resolve().parents[1]
    return en.check(en.find_claims(en.load_articles(repo / "data")))


#: the statements in data/reported/ that the series shows to be off or on another basis
DEMO = {"us-2018-02-26-trump": "overstated", "cn-2019-01-14-customs": "basis_differs",
        "jp-2018-01-24-mof": "basis_differs"}


def test_every_us_china_and_us_japan_level_claim_in_the_default_data_has_a_reference(
        default_checked):
    checked = default_checked
    pairs = checked["parties"].map(lambda p: isinstance(p, str)
                                   and set(p.split(",")) in ({"USA", "CHN"}, {"USA", "JPN"}))
    levels = checked[pairs & (checked["claim_type"].astype("string") == "level")
                     & checked["period"].notna()]
    assert len(levels) >= 10
    missing = levels[levels["verdict"].astype("string") == "no_reference"]
    assert missing.empty, missing[["doc_id", "surface", "period", "check_note"]].to_string()
    # the Commerce Department's own figures, as the articles report them, are consistent
    money = levels[(levels["kind"].astype("string") == "money") & ~levels["doc_id"].isin(DEMO)]
    assert (money["verdict"].astype("string") == "consistent").mean() >= 0.9


def test_the_demo_shows_every_verdict_on_real_statements_against_release_built_rows(
        default_checked):
    checked = default_checked
    verdicts = checked["verdict"].astype("string")
    judged = checked[verdicts.isin(["consistent", "overstated", "understated", "basis_differs"])]
    # every verdict is against a row built from a Census release, never from a news report
    assert judged["ref_url"].astype("string").str.startswith("https://www.census.gov/").all()
    assert judged["ref_source"].astype("string").str.contains("Census").all()
    shown = set(judged["verdict"].astype("string"))
    assert {"consistent", "basis_differs"} <= shown and shown & {"overstated", "understated"}
    for doc, verdict in DEMO.items():
        levels = judged[(judged["doc_id"] == doc) & (judged["claim_type"] == "level")]
        assert len(levels) and (levels["verdict"].astype("string") == verdict).all(), doc


def test_the_report_has_a_fact_check_section_check_csv_and_a_chart(tmp_path):
    from econnews.report import build_report

    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("---\ndate: 2019-03-07\nsource: <b>Wire</b>\n---\nThe U.S. "
                                "trade deficit with China hit $500 billion in 2018, a senator "
                                "said.\n")
    (news / "b.txt").write_text("---\ndate: 2019-03-08\nsource: Paper\n---\nThe U.S. goods "
                                "deficit with China was $419.2 billion in 2018.\n")
    rep = build_report(news, tmp_path / "out", formats=("png",), dpi=50)
    checked = pd.read_csv(rep.files["check.csv"])
    assert sorted(checked["verdict"]) == ["consistent", "overstated"]
    assert "charts/trade-deficit_usa-to-chn_factcheck.png" in rep.files
    page = rep.index.read_text(encoding="utf-8")
    section = page[page.index('id="fact-check"'):]
    assert "1 claim overstated" in section and "1 claim consistent" in section
    assert "2 of 2 checkable claims checked (100%); judged against first_published (2)" in section
    assert "$419.2bn" in section and "+19.3%" in section
    assert "<b>Wire</b>" not in page and "&lt;b&gt;Wire&lt;/b&gt;" in page
    assert rep.summary()["checked"] == 2
