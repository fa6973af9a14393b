"""Issue 11: claims a journalist can add up (own sentences in the issue's styles)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from econnews import schema
from econnews.claims import find_claims
from econnews.claims.story import dateline_span, story_country


def _one(text: str, surface: str, **article) -> pd.Series:
    c = find_claims({"id": "t", "date": article.pop("date", "1987-03-24"), "text": text,
                     **article})
    c = c[c["claim_type"] != "implied"]
    rows = c[c["surface"].str.replace("\n", " ").str.startswith(surface)]
    assert len(rows) == 1, list(c["surface"])
    return rows.iloc[0]


# ---------------------------------------------------------------- the story's country

def test_story_country_from_reuters_places_metadata():
    r = _one("The surplus fell to 9.16 billion dlrs in February.", "9.16 billion dlrs",
             places=["japan"])
    assert (r["concept"], r["parties"], r["party_from"], r["country"]) == (
        "trade_surplus", "JPN", "JPN", "JPN")


def test_story_country_from_a_country_column():
    r = _one("Imports rose 4 pct in May.", "4 pct", country="Sweden")
    assert (r["parties"], r["party_to"]) == ("SWE", "SWE")


@pytest.mark.parametrize("text", ["TOKYO, March 3 - Exports rose 5 pct in February.",
                                  "BEIJING — Exports rose 5 pct in February."])
def test_story_country_from_a_dateline_in_the_text(text: str):
    r = _one(text, "5 pct")
    assert r["party_from"] in {"JPN", "CHN"} and r["parties"] == r["country"]


def test_subject_set_earlier_in_the_story():
    text = ("Japan's trade surplus widened sharply in January, officials said. "
            "The surplus fell to 9.16 billion dlrs in February.")
    r = _one(text, "9.16 billion dlrs", places=["usa", "japan"], dateline="WASHINGTON, Mar 3 -")
    assert (r["parties"], r["party_from"]) == ("JPN", "JPN")


def test_dateline_city_is_no_party_to_two_other_countries():
    r = _one("WASHINGTON, March 3 - Exports from Brazil to Argentina rose to 2 billion dlrs.",
             "2 billion dlrs")
    assert (r["party_from"], r["party_to"], r["parties"]) == ("BRA", "ARG", "BRA,ARG")


def test_story_country_readers():
    assert story_country(places=["usa", "japan"], dateline="NEW YORK, April 7 -") == "USA"
    assert story_country(dateline="TAUPO, New Zealand, March 24 -") == "NZL"
    assert story_country(text="Mild winter in Ethiopia\n\nText.") == "ETH"
    assert story_country(text="no place at all") is None
    assert dateline_span("Exports rose - a lot.") is None


# ---------------------------------------------------------------- non-parties

@pytest.mark.parametrize(("text", "surface", "parties"), [
    ("Exports to Peru were worth 33 mln U.S. dlrs.", "33 mln U.S. dlrs", "PER"),
    ("Paris and Milan traders said Dutch exports rose 2 pct.", "2 pct", "NLD"),
    ("Since the Plaza agreement and the Paris accord, Korean exports rose 9 pct.", "9 pct",
     "KOR"),
    ("Tokyo Electric Power Co said Australian coal imports rose 3 pct.", "3 pct", "AUS"),
])
def test_currency_market_accord_and_company_names_are_no_parties(text, surface, parties):
    assert _one(text, surface)["parties"] == parties


def test_a_company_name_holding_a_concept_word_is_no_concept():
    c = find_claims({"id": "t", "date": "1987-03-24",
                     "text": "Pier 1 Imports Inc said net income rose to 5 mln dlrs."})
    assert "imports" not in set(c["concept"])


# ---------------------------------------------------------------- one row a claim

def test_bracketed_conversion_is_one_claim_with_its_conversions():
    text = "Output reached 24.2 trillion pesos ($10.2bn; £5.5bn) last year."
    c = find_claims({"id": "t", "date": "2019-06-15", "text": text})
    assert len(c) == 1
    r = c.iloc[0]
    assert r["surface"] == "24.2 trillion pesos"
    assert r["stated_usd"] == pytest.approx(1.02e10)
    assert r["conversions"] == "USD 1.02e+10; GBP 5.5e+09"


def test_bracketed_dollars_fill_value_usd_when_no_rate_does():
    # an undated text: no rate converts the pesos, the article's own dollars do
    c = find_claims({"id": "t", "text": "Output reached 24.2 trillion pesos ($10.2bn) in 2018."})
    r = c.iloc[0]
    assert (r["value_usd"], r["fx_source"]) == (1.02e10, "article")


def test_implied_row_only_within_one_clause():
    together = find_claims({"id": "t", "date": "2019-06-15", "text":
                            "Exports to Chile rose 29% to a record $18 billion in 2018."})
    assert together["claim_type"].tolist().count("implied") == 1
    apart = find_claims({"id": "t", "date": "2019-06-15", "text":
                         "Exports to Chile rose 29% in 2018. Exports to Chile were $18 "
                         "billion in 2018."})
    assert "implied" not in set(apart["claim_type"])


def test_one_percent_is_never_reused_for_several_figures():
    text = "Exports to Chile rose 10% to $11 billion, and exports to Chile hit $12 billion."
    c = find_claims({"id": "t", "date": "2019-06-15", "text": text})
    assert c["claim_type"].tolist().count("implied") <= 1


# ---------------------------------------------------------------- periods and speakers

def test_a_year_earlier_is_the_year_before_the_claims_period():
    text = "The surplus rose to 8.1 billion dlrs in February from 4.7 billion a year earlier."
    r = _one(text, "4.7 billion")
    assert (r["concept"], r["period"]) == ("trade_surplus", "1986-02")


def test_third_quarter_after_a_fourth_quarter_figure():
    text = ("Exports rose to 9 billion dlrs in the fourth quarter of 1986 from 8 billion in "
            "the third quarter.")
    assert _one(text, "8 billion")["period"] == "1986Q3"


def test_the_respective_periods_follow_the_periods_named():
    text = ("Exports to Italy were 5.1 billion and 4.3 billion dlrs in 1986 and 1985 "
            "respectively.")
    c = find_claims({"id": "t", "date": "1987-03-24", "text": text})
    c = c[c["claim_type"] != "implied"]
    assert c["period"].tolist() == ["1986", "1985"]
    assert c["concept"].tolist() == ["exports", "exports"]


def test_the_commerce_department_said_after_the_figure():
    r = _one("Imports fell to 30 billion dlrs in February, the Commerce Department said.",
             "30 billion dlrs")
    assert r["speaker"] == "the Commerce Department" and r["concept"] == "imports"


@pytest.mark.parametrize("text", ["The latest said exports rose 3 pct.",
                                  "The news said exports rose 3 pct."])
def test_the_latest_and_the_news_are_never_speakers(text: str):
    assert pd.isna(_one(text, "3 pct")["speaker"])


# ---------------------------------------------------------------- dollars by default

def test_dollars_by_default_at_the_articles_date_even_in_1987():
    r = _one("West German exports rose to 40 billion marks in February.", "40 billion marks",
             date="1987-03-24")
    assert r["fx_source"] == "H10" and r["fx_status"] == "monthly_average"
    assert r["value_usd"] == pytest.approx(40e9 / 1.8355, rel=1e-6)


def test_to_another_currency_and_to_none():
    art = {"id": "t", "date": "2019-06-14", "text": "Japan's exports rose to 7 trillion yen."}
    eur = find_claims(art, to="EUR")
    assert eur.loc[0, "value_eur"] > 0 and eur.loc[0, "value_usd"] > 0
    none = find_claims(art, to=None)
    assert none["value_usd"].isna().all() and "value_eur" not in none.columns
    schema.validate(none, schema.CLAIMS)


def test_exchange_rates_are_never_converted():
    r = _one("The dollar fell to 6.20 francs in Paris.", "6.20 francs")
    assert r["concept"] == "exchange_rate" and r["per"] == "USD"
    assert pd.isna(r["value_usd"])


def test_late_article_converts_at_the_latest_rate_with_one_warning():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = find_claims({"id": "t", "date": "2031-01-05",
                         "text": "Japan's exports rose to 7 trillion yen."})
    assert c.loc[0, "fx_status"] == "latest" and c.loc[0, "value_usd"] > 0
    assert sum("latest" in str(w.message) for w in caught) == 1
