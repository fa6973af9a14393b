"""Fact-check against the bundled Census series (issue 20): provenance, vintages, basis,
partial periods, changes, and bad reference input."""

from __future__ import annotations

import gzip
import math
import os
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import econnews as en
from econnews import schema
from econnews.errors import ReferenceDataError
from econnews.factcheck import reference, series

ROOT = Path(__file__).resolve().parents[1]


def claim(surface: str, value: float, *, period: str | None = "2018", concept="trade_deficit",
          frm: str | None = "USA", to: str | None = "CHN", claim_type="level", kind="money",
          unit="USD", sentence="", date=None, **extra):
    parties = ",".join(p for p in (frm, to) if p)
    return {"concept": concept, "parties": parties, "party_from": frm, "party_to": to,
            "claim_type": claim_type, "kind": kind, "value": value, "unit": unit, "bound": "=",
            "period": period, "surface": surface, "sentence": sentence,
            "date": pd.Timestamp(date) if date else pd.NaT, **extra}


def check(*rows, ref=None) -> pd.DataFrame:
    return en.check(pd.DataFrame(list(rows)), ref)


def level(partner: str, period: str) -> tuple[float, float]:
    t = series.census_monthly().set_index(["partner", "period"])
    e, i = t.loc[(partner, period), ["exports", "imports"]]
    return float(e) * 1e6, float(i) * 1e6


# ----------------------------------------------------------------- the series itself

def _raw_file() -> Path | None:
    named = os.environ.get("ECONNEWS_CENSUS_COUNTRY_XLSX")
    for p in ([Path(named)] if named else []) + [ROOT.parent / "shared" / "data" / "census"
                                                   / "country.xlsx"]:
        if p.is_file():
            return p
    return None


def test_the_bundled_series_is_what_the_raw_file_builds():
    raw = _raw_file()
    if raw is None:
        pytest.skip("the Census country.xlsx is absent: set ECONNEWS_CENSUS_COUNTRY_XLSX "
                    "(see econnews/data/reference/README.md for the copy and its SHA-256)")
    from econnews.data.reference.build_census_trade import OUT, RAW_SHA256, build

    text, sha = build(raw)
    assert sha == RAW_SHA256
    assert gzip.decompress(OUT.read_bytes()) == text


def test_the_series_header_states_source_basis_vintage_and_checksum():
    meta = series.census_meta()
    assert meta["vintage"] == "census_2024-06" and meta["published"] == "2024-08-06"
    assert "Census basis" in meta["basis"] and meta["url"].startswith("https://www.census.gov/")
    assert meta["raw file sha256"] == "4b16c664bfc35e4c3bc3b9f169e372e522dd0cb8a1150669d5a83d672eaf8149"
    t = series.census_monthly()
    assert t["period"].min() == "1985" and t["period"].max() == "2024-06"
    assert {"CHN", "JPN", "MEX", "DEU", "CAN", "EU", "KOR", "TWN"} <= set(t["partner"])


PUBLISHED = [  # (partner, period, what, billions, relative tolerance) - see the README
    ("CHN", "2010", "balance", -273.04, 0.001),
    ("CHN", "2023", "balance", -279.4, 0.005),
    ("CHN", "2023", "imports", 427.2, 0.005),
    ("CHN", "2023", "exports", 147.8, 0.005),
    ("MEX", "2023", "balance", -152.4, 0.005),
    ("MEX", "2023", "imports", 475.6, 0.005),
    ("CHN", "2005", "balance", -201.6, 0.005),
    ("CHN", "2005", "imports", 243.5, 0.005),
    ("CHN", "2015", "balance", -367.17, 0.005),
    ("CHN", "2016", "exports", 115.6, 0.005),
    ("CHN", "2016", "imports", 462.6, 0.005),
    ("JPN", "2016", "balance", -68.94, 0.005),
]


@pytest.mark.parametrize(("partner", "period", "what", "published", "rel"), PUBLISHED,
                         ids=[f"{p[0]}-{p[1]}-{p[2]}" for p in PUBLISHED])
def test_the_series_agrees_with_published_figures(partner, period, what, published, rel):
    e, i = level(partner, period)
    value = {"balance": e - i, "exports": e, "imports": i}[what]
    assert value / 1e9 == pytest.approx(published, rel=rel)


def test_months_add_up_to_the_year():
    t = series.census_monthly()
    china = t[(t["partner"] == "CHN") & t["period"].str.startswith("2018")]
    months = china[china["period"].str.len() == 7]
    assert len(months) == 12
    assert months["imports"].sum() == pytest.approx(float(china.loc[china["period"] == "2018",
                                                                  "imports"].iloc[0]), abs=1.0)


def test_bundled_reference_rows_are_valid_and_carry_provenance():
    ref = series.census_trade()
    schema.validate(ref, schema.REFERENCE)
    assert ref["source"].notna().all() and ref["url"].notna().all()
    assert (ref["vintage"] == "census_2024-06").all()
    deficit = ref[(ref["concept"] == "trade_deficit") & (ref["party_to"] == "JPN")
                  & (ref["period"] == "1986")]
    assert float(deficit["value"].iloc[0]) / 1e9 == pytest.approx(55.03, abs=0.01)


# ----------------------------------------------------------------- vintages

def test_the_vintage_known_at_the_claims_date_judges_it():
    then = claim("$419.2 billion", 419.2e9, date="2019-03-07")
    later = claim("$419.2 billion", 419.2e9, date="2025-01-10")
    undated = claim("$419.2 billion", 419.2e9)
    out = check(then, later, undated)
    assert out["ref_vintage"].tolist() == ["first_published", "census_2024-06", "census_2024-06"]
    assert out.loc[0, "ref_value"] == pytest.approx(419.2e9)
    assert out.loc[1, "ref_value"] == pytest.approx(418.23e9, rel=1e-4)
    assert set(out["verdict"].astype(str)) == {"consistent"}


def test_a_revised_figure_can_change_the_verdict_and_the_row_says_which_vintage():
    # Mexico 2018: first published $81.5bn, revised to $77.7bn
    then = claim("$81.5 billion", 81.5e9, to="MEX", date="2019-03-07")
    now = claim("$81.5 billion", 81.5e9, to="MEX", date="2025-01-10")
    out = check(then, now)
    assert out["verdict"].astype(str).tolist() == ["consistent", "overstated"]
    assert out["ref_vintage"].tolist() == ["first_published", "census_2024-06"]
    assert "as known at the claim's date" in out.loc[0, "check_note"]


def test_a_claim_before_any_vintage_is_judged_by_the_later_one_with_a_note():
    out = check(claim("$55 billion", 55e9, to="JPN", period="1986", date="1987-03-02"))
    assert out.loc[0, "ref_vintage"] == "census_2024-06"
    assert "published after the claim" in out.loc[0, "check_note"]


# ----------------------------------------------------------------- basis

def test_a_stated_other_basis_is_basis_differs_never_over_or_understated():
    rows = [claim("$378 billion", 378e9, sentence="The goods and services deficit with "
                                                  "China was $378 billion in 2018."),
            claim("$500 billion", 500e9, sentence="On a balance of payments basis the "
                                                  "deficit with China was $500 billion."),
            claim("58.6 billion dlrs", 58.6e9, to="JPN", period="1986",
                  sentence="On a c.i.f. basis the deficit with Japan was 58.6 billion dlrs.")]
    out = check(*rows)
    assert out["verdict"].astype(str).tolist() == ["basis_differs"] * 3
    assert out["ref_value"].notna().all() and out["compared_value"].notna().all()


def test_partner_figures_and_1987_cif_figures_are_basis_differs():
    japan = claim("51.5 billion dlr", 51.5e9, concept="trade_surplus", frm="JPN", to="USA",
                  period="1986", date="1987-04-02",
                  sentence="Last year, Japan racked up a 51.5 billion dlr surplus with the "
                           "United States.")
    commerce = claim("58.6 billion dlrs", 58.6e9, to="JPN", period="1986", date="1987-03-02",
                     sentence="The U.S. deficit with Japan was 58.6 billion dlrs in 1986.")
    way_off = claim("90 billion dlrs", 90e9, to="JPN", period="1986", date="1987-03-02",
                    sentence="The U.S. deficit with Japan was 90 billion dlrs in 1986.")
    out = check(japan, commerce, way_off)
    assert out["verdict"].astype(str).tolist() == ["basis_differs", "basis_differs", "overstated"]
    assert "partner customs" in out.loc[0, "check_note"] and "cif" in out.loc[1, "check_note"]


def test_every_basis_word_list_row_reads_its_own_example():
    from econnews.factcheck import basis

    rows = basis.basis_words()
    assert {scope for _, scope, _, _ in rows} == {"sentence", "story"}
    for name, scope, pattern, example in rows:
        assert example and pattern.search(example), (name, pattern.pattern)
        read = basis.claim_basis(example) if scope == "sentence" else basis.story_basis([example])
        assert read == name, (example, read)


def test_a_story_that_gives_its_figures_from_the_partners_own_statistics_states_their_basis():
    lead = ("China's trade deficit in the first quarter fell to 1.05 billion dlrs from 3.04 "
            "billion, customs figures show.")
    text = "Exports to the U.S. rose 23 pct to 640 mln dlrs and imports fell to 840 mln."
    e, i = level("CHN", "1987-01")
    # far below the U.S. count of its imports from China (no re-exports through Hong Kong)
    far = claim("640 mln dlrs", 640e6, concept="exports", frm="CHN", to="USA", period="1987Q1",
                date="1987-04-17", sentence=text, doc_id="peking", country="CHN")
    other = claim("1.05 billion dlrs", 1.05e9, concept="trade_deficit", frm="CHN", to=None,
                  period="1987Q1", date="1987-04-17", sentence=lead, doc_id="peking",
                  country="CHN")
    out = check(far, other)
    assert out.loc[0, "verdict"] == "basis_differs"
    assert "own statistics" in out.loc[0, "check_note"]
    # the same figure in a story set elsewhere, or with no such statement, is judged
    elsewhere = dict(far, doc_id="washington", country="USA")
    unsaid = dict(far, doc_id="peking2")
    out = check(elsewhere, dict(other, doc_id="washington", country="USA"), unsaid)
    assert out["verdict"].astype(str).tolist()[::2] == ["understated", "understated"]
    assert e > 0 and i > 0


def test_a_bare_dollar_read_as_the_dollar_of_neither_party_is_held_as_us_dollars():
    # "South Korea had a trade surplus of 7.1 billion dlrs with the U.S." datelined Hong Kong
    korea = claim("7.1 billion dlrs", 7.1e9, concept="trade_surplus", frm="KOR", to="USA",
                  period="1986", date="1987-04-08", unit="HKD", value_usd=0.91e9,
                  sentence="Last year South Korea had a trade surplus of 7.1 billion dlrs "
                           "with the U.S.")
    named = dict(korea, surface="7.1 billion Hong Kong dlrs")
    hong_kong = dict(korea, frm="HKG", parties="HKG,USA")
    out = check(korea, named, hong_kong)
    assert out.loc[0, "compared_value"] == 7.1e9 and "held as U.S. dollars" in out.loc[0, "check_note"]
    assert out.loc[0, "verdict"] == "basis_differs"  # Korea's own count, within its usual gap
    assert out.loc[1, "compared_value"] == 0.91e9 and out.loc[2, "compared_value"] == 0.91e9


def test_a_first_published_month_judged_against_a_revision_allows_the_usual_revision():
    # Jan 1987, U.S.-Taiwan: 1.31bn in the series; "1.6 billion dlrs" was the c.i.f. figure
    # as first published; a figure far beyond c.i.f. plus revisions stays overstated
    e, i = level("TWN", "1987-01")
    sentence = "The U.S. trade shortfall with Taiwan was 1.6 billion dlrs in January."
    first = claim("1.6 billion dlrs", 1.6e9, to="TWN", period="1987-01", date="1987-03-19",
                  sentence=sentence)
    far = dict(first, surface="2.1 billion dlrs", value=2.1e9)
    out = check(first, far)
    assert out["verdict"].astype(str).tolist() == ["basis_differs", "overstated"]
    assert "revision" in out.loc[0, "check_note"]
    assert 1.6e9 - (i - e) > 0.08 * i  # beyond the c.i.f. gap alone


def test_a_modern_unstated_figure_off_by_ten_percent_is_overstated_not_basis_differs():
    out = check(claim("$460 billion", 460e9, date="2019-05-01"))
    assert out.loc[0, "verdict"] == "overstated"


def test_a_sector_figure_is_never_held_against_the_total():
    rows = [claim("5.1 billion dlrs", 5.1e9, concept="exports", to="JPN", period="1986",
                  sentence="U.S. farm exports to Japan were 5.1 billion dlrs in 1986."),
            claim("3.6 billion dlr", 3.6e9, concept="trade_surplus", frm="JPN", to="USA",
                  period="1986", sentence="Japan had a 3.6 billion dlr surplus with the "
                                          "United States in these products.")]
    out = check(*rows)
    assert out["verdict"].astype(str).tolist() == ["not_comparable"] * 2
    assert out["ref_value"].isna().all()


# ----------------------------------------------------------------- partial periods

def test_a_partial_period_is_checked_against_the_same_months_only():
    e, i = 0.0, 0.0
    for m in range(1, 10):
        x, y = level("JPN", f"2016-{m:02d}")
        e, i = e + x, i + y
    truth = i - e
    stated = claim("$50.5 billion", 50.5e9, to="JPN", period="2016-01/2016-09")
    worded = claim("$50.5 billion", 50.5e9, to="JPN", period="2016",
                   sentence="In the first nine months of 2016 the U.S. deficit with Japan was "
                            "$50.5 billion.")
    out = check(stated, worded)
    assert out["ref_period"].tolist() == ["2016-01/2016-09"] * 2
    assert out["ref_value"].tolist() == pytest.approx([truth, truth])
    assert set(out["verdict"].astype(str)) == {"consistent"}


def test_a_full_year_without_its_total_and_an_unbounded_part_are_not_comparable():
    out = check(claim("$300 billion", 300e9, period="2024"),
                claim("$100 billion", 100e9, period="2019",
                      sentence="So far this year the deficit with China is $100 billion."))
    assert out["verdict"].astype(str).tolist() == ["not_comparable", "not_comparable"]


# ----------------------------------------------------------------- changes

def test_percent_changes_are_checked_from_the_two_levels():
    e18, _ = level("CHN", "2018")
    e19, _ = level("CHN", "2019")
    truth = (e19 - e18) / e18 * 100  # U.S. exports to China, 2019: about -11.5%
    rows = [claim(f"{abs(truth):.1f}%", abs(round(truth, 1)), concept="exports", period="2019",
                  claim_type="change", kind="percent", unit="percent", change="down"),
            claim("20%", 20.0, concept="exports", period="2019", claim_type="change",
                  kind="percent", unit="percent", change="down"),
            claim("5%", 5.0, concept="exports", period="2019", claim_type="change",
                  kind="percent", unit="percent", change="up")]
    out = check(*rows)
    assert out["verdict"].astype(str).tolist() == ["consistent", "overstated", "overstated"]
    assert out.loc[0, "ref_value"] == pytest.approx(truth)
    assert out["checked_as"].tolist() == ["change (percent)"] * 3


def test_money_changes_and_the_tolerance_of_their_rounding():
    _, i17 = level("MEX", "2017")
    _, i18 = level("MEX", "2018")
    delta = i18 - i17  # U.S. imports from Mexico, 2018: up about $31bn
    rows = [claim("$31 billion", 31e9, concept="imports", frm="MEX", to="USA", period="2018",
                  claim_type="change", change="up"),
            claim("$19 billion", 19e9, concept="imports", frm="MEX", to="USA", period="2018",
                  claim_type="change", change="up")]
    out = check(*rows)
    assert out.loc[0, "ref_value"] == pytest.approx(delta)
    assert out["verdict"].astype(str).tolist() == ["consistent", "understated"]


def test_a_percent_stated_against_an_earlier_year_is_a_change():
    text = ("The U.S. goods deficit with China was $345.62 billion in 2019, 17.6% less than "
            "in 2018, the Commerce Department said.")
    out = en.check(en.find_claims({"id": "a", "date": "2020-02-05", "text": text}))
    pct = out[out["surface"] == "17.6%"].iloc[0]
    assert pct["verdict"] == "consistent" and pct["checked_as"] == "change (percent)"


# ----------------------------------------------------------------- bad reference input

def _ref(values, **cols) -> pd.DataFrame:
    n = len(values)
    base = {"concept": ["trade_deficit"] * n, "direction": ["USA>CHN"] * n,
            "period": ["2018"] * n, "value": values, "unit": ["USD"] * n, "source": ["s"] * n}
    base.update(cols)
    return pd.DataFrame(base)


def test_a_decimal_comma_is_refused_not_read_as_a_thousands_separator():
    with pytest.raises(ReferenceDataError, match=r"\[E008\].*'419,2e9' has a decimal comma"):
        reference.validate(_ref(["419,2e9"]))
    ok = reference.validate(_ref(["419,200,000,000"]))
    assert ok.loc[0, "value"] == 419.2e9


def test_conflicting_duplicates_are_an_error_naming_both_rows():
    with pytest.raises(ReferenceDataError, match=r"rows 1 and 3 give trade_deficit"):
        reference.validate(_ref(["419.2e9", "1e9", "418e9"],
                                direction=["USA>CHN", "USA>JPN", "USA>CHN"]))
    same = reference.validate(_ref(["419.2e9", "419.2e9"]))
    assert len(same) == 1


def test_a_tiny_official_figure_gives_a_finite_deviation():
    ref = reference.validate(_ref(["1e-300"]))
    out = check(claim("$5 billion", 5e9), ref=ref)
    assert math.isfinite(float(out.loc[0, "deviation"]))
    assert out.loc[0, "verdict"] == "overstated"


def test_a_million_row_reference_is_checked_in_under_a_minute():
    n = 1_000_000
    rng = np.random.default_rng(20)
    years = rng.integers(1900, 2100, n)
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    codes = [f"Q{a}{b}" for a in letters for b in letters][:600]
    partners = np.array(codes)[rng.integers(0, len(codes), n)]
    ref = pd.DataFrame({"concept": "exports", "party_from": "USA", "party_to": partners,
                        "period": years.astype(str), "value": rng.random(n) * 1e9,
                        "unit": "USD", "source": "synthetic"})
    ref = ref.drop_duplicates(["party_to", "period"])
    claims = pd.DataFrame([claim("$1 billion", 1e9, concept="exports", to=str(p), period=str(y))
                           for p, y in zip(ref["party_to"][:200], ref["period"][:200],
                                           strict=True)])
    t0 = time.perf_counter()
    out = en.check(claims, ref)
    assert time.perf_counter() - t0 < 60
    assert out["ref_value"].notna().all()
