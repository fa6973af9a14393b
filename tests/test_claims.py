"""Claims (issue 5): econnews.find_claims and econnews.claims.compare.

Cases are tables; ids are the sentences.  Reuters tests read the third-party
sample from ../shared (marked ``shared``; skipped where it is absent).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pandas as pd
import pytest

import econnews
from econnews import schema
from econnews.claims import CLAIMS, COMPARE, compare, find_claims
from econnews.claims.parse import CONCEPTS
from econnews.claims.places import read_csv_data
from econnews.errors import EconnewsWarning, InputError, MissingColumnsError, SchemaError

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ECONNEWS_SHARED") or ROOT.parent / "shared")
REUTERS = SHARED / "corpora" / "reuters21578" / "sample.jsonl"


VERBATIM = SHARED / "examples" / "russia-japan-trade-30bn.txt"


def _example(verbatim: bool = False) -> pd.DataFrame:
    """The model article: data/'s summary, or the publisher's text from ../shared/examples/."""
    manifest = pd.read_csv(ROOT / "data" / "manifest.csv")
    row = manifest.iloc[0]
    if verbatim and not VERBATIM.is_file():
        pytest.skip(f"the model article's verbatim text {VERBATIM} is absent "
                    "(third-party text, kept in ../shared/examples/ only; set ECONNEWS_SHARED)")
    text = (VERBATIM if verbatim else ROOT / "data" / row["file"]).read_text(encoding="utf-8")
    title = text.split("\n", 1)[0].strip() if verbatim else row["title"]  # the page's own
    return pd.DataFrame({"id": [row["id"]], "date": [row["date"]], "title": [title],
                         "source": [row["source"]], "text": [text]})


@pytest.fixture(scope="module")
def example_claims() -> pd.DataFrame:
    """Claims of the summary in data/ (our own words, the same figures)."""
    return find_claims(_example())


@pytest.fixture(scope="module")
def verbatim_claims() -> pd.DataFrame:
    """Claims of the publisher's text (../shared/examples/; skipped without it)."""
    return find_claims(_example(verbatim=True))


# ---------------------------------------------------------------- the model case


@pytest.mark.parametrize("which", ["example_claims", pytest.param("verbatim_claims",
                                                                  marks=pytest.mark.shared)])
def test_example_gives_exactly_three_claims_plus_the_implied_base(which, request):
    c = request.getfixturevalue(which)
    schema.validate(c, CLAIMS, stage="test")
    assert len(c) == 4
    assert list(c["claim_type"]) == ["target", "target", "level", "implied"]
    assert list(c["concept"]) == ["trade", "trade", "investment", "trade"]
    assert list(c["value"]) == [3e10, 1.5, 2.2e9, 2e10]
    assert list(c["unit"]) == ["USD", "times", "USD", "USD"]
    assert set(c["parties"]) == {"JPN,RUS"}


@pytest.mark.shared
def test_example_target_30bn_from_title_and_body(verbatim_claims):
    r = verbatim_claims.iloc[0]
    assert r["surface"] == "$30 billion" and "Putin" in r["speaker"]
    assert r["in_title"] and r["mentions"] == 2  # the title repeats the body's claim
    assert r["sentence"].startswith("Russian President Vladimir Putin's proposal")
    assert "proposal" in r["hedge"]
    text = _example(verbatim=True)["text"][0]
    assert text[r["start"]:r["end"]] == r["surface"]


def test_summary_target_30bn_from_title_and_body(example_claims):
    r = example_claims.iloc[0]
    assert r["surface"] == "$30 billion" and "Putin" in r["speaker"]
    assert r["in_title"] and r["mentions"] == 2  # the title repeats the body's claim
    text = _example()["text"][0]
    assert text[r["start"]:r["end"]] == r["surface"]


@pytest.mark.shared
def test_example_ratio_is_putins_target_reported_by_the_ministry(verbatim_claims):
    r = verbatim_claims.iloc[1]
    assert r["surface"] == "1.5 times" and r["kind"] == "ratio"
    assert r["speaker"] == "Putin"
    assert "Japanese Foreign Ministry" in r["reported_by"]


@pytest.mark.parametrize(("which", "surface"), [
    ("example_claims", "$2.2 billion"),
    pytest.param("verbatim_claims", "$ 2.2 billion", marks=pytest.mark.shared)])
def test_example_investment_is_japan_to_russia(which, surface, request):
    r = request.getfixturevalue(which).iloc[2]
    assert (r["party_from"], r["party_to"], r["parties"]) == ("JPN", "RUS", "JPN,RUS")
    assert r["surface"] == surface


def test_example_implied_base_names_its_claims(example_claims):
    c = example_claims
    r = c.iloc[3]
    assert r["value"] == pytest.approx(2e10)
    assert r["derived_from"] == f"{c['claim_id'][0]},{c['claim_id'][1]}"
    assert r["implies"] == "level" and r["bound"] == "~"
    assert pd.isna(r["quantity_index"]) and pd.isna(r["speaker"])
    assert c["claim_id"].is_unique


# ---------------------------------------------------------------- sentences written for the tests

D = "2019-06-15"
CASES = [
    # --- concepts and directions
    ("Japanese investment in Russia reached $2.2 billion last year, the ministry said.", "$2.2 billion",
     dict(concept="investment", parties="JPN,RUS", party_from="JPN", party_to="RUS", claim_type="level", speaker="the ministry", period="2018")),
    ("Exports to China fell to $120 billion in 2018.", "$120 billion",
     dict(concept="exports", parties="CHN", party_to="CHN", party_from=None, claim_type="level", period="2018")),
    ("Japan's exports to the United States rose to $140 billion in 2018.", "$140 billion",
     dict(concept="exports", parties="JPN,USA", party_from="JPN", party_to="USA")),
    ("Russia's imports from Germany totalled $25 billion in 2017.", "$25 billion",
     dict(concept="imports", parties="DEU,RUS", party_from="DEU", party_to="RUS", period="2017")),
    ("Canadian imports of wine rose 3.2 per cent.", "3.2 per cent",
     dict(concept="imports", parties="CAN", party_to="CAN", claim_type="change")),
    ("Trade between Russia and Japan was $21 billion in 2018.", "$21 billion",
     dict(concept="trade", parties="JPN,RUS", party_from=None, party_to=None, claim_type="level", period="2018")),
    ("Bilateral trade turnover between India and Russia stood at $8 billion.", "$8 billion",
     dict(concept="trade", parties="IND,RUS")),
    ("Japan's trade surplus with the U.S. was $58.6 billion in 1986.", "$58.6 billion",
     dict(concept="trade_surplus", parties="JPN,USA", party_from="JPN", party_to="USA", period="1986")),
    ("The U.S. trade deficit with China widened to $410 billion in 2018.", "$410 billion",
     dict(concept="trade_deficit", parties="USA,CHN", party_from="USA", party_to="CHN")),
    ("Foreign direct investment in Vietnam from South Korea reached $7 billion.", "$7 billion",
     dict(concept="fdi", parties="KOR,VNM", party_from="KOR", party_to="VNM")),
    ("China's loans to Pakistan total $20 billion, officials said.", "$20 billion",
     dict(concept="loans", parties="CHN,PAK", party_from="CHN", party_to="PAK", speaker="officials")),
    ("The World Bank approved a credit of $500 million to Kenya.", "$500 million",
     dict(concept="loans", party_to="KEN")),
    ("British aid to India was worth 98 million pounds in 2015.", "98 million pounds",
     dict(concept="aid", parties="GBR,IND", party_from="GBR", party_to="IND", period="2015")),
    ("Western sanctions cost Russia $50 billion a year, the Kremlin said.", "$50 billion",
     dict(concept="sanctions_cost", claim_type="level")),
    ("Germany's GDP grew 1.5% in the first quarter of 2019.", "1.5%",
     dict(concept="gdp", parties="DEU", period="2019Q1", claim_type="change")),
    ("The French budget deficit was 60 billion euros in 2018.", "60 billion euros",
     dict(concept="budget", parties="FRA")),
    ("Taiwan's foreign exchange reserves stood at $53 billion.", "$53 billion",
     dict(concept="reserves", parties="TWN")),
    ("Washington imposed tariffs of 100 pct on 300 mln dlrs of Japanese goods.", "100 pct",
     dict(concept="tariffs")),
    ("Oil prices rose 18 pct in 1986.", "18 pct",
     dict(concept="prices", claim_type="change", period="1986")),
    ("The company paid $5 million for the building.", "$5 million",
     dict(concept="other", parties=None)),
    ("EU exports to Britain were worth 300 billion euros in 2019.", "300 billion euros",
     dict(concept="exports", parties="EU,GBR", party_from="EU", party_to="GBR")),
    ("Soviet grain imports from Canada rose to 2 mln tonnes.", "2 mln tonnes",
     dict(concept="imports", parties="CAN,SUN", party_from="CAN", party_to="SUN")),
    ("ASEAN exports to Japan reached $100 billion.", "$100 billion",
     dict(concept="exports", parties="ASEAN,JPN", party_from="ASEAN", party_to="JPN")),
    ("Tokyo's investment in Brazil totalled $3 billion.", "$3 billion",
     dict(concept="investment", parties="JPN,BRA", party_from="JPN", party_to="BRA")),
    ("Russia-Japan trade reached $20 billion.", "$20 billion",
     dict(concept="trade", parties="JPN,RUS")),
    # --- claim types
    ("Putin proposed to increase trade with Japan to $30 billion.", "$30 billion",
     dict(concept="trade", claim_type="target", speaker="Putin")),
    ("The government aims to double exports to $10 billion by 2025.", "$10 billion",
     dict(concept="exports", claim_type="target", period="2025")),
    ("Exports are expected to reach $50 billion next year.", "$50 billion",
     dict(concept="exports", claim_type="forecast", period="2020", hedge="expected")),
    ("Trade could grow to $15 billion, analysts said.", "$15 billion",
     dict(concept="trade", claim_type="forecast", hedge="could", speaker="analysts")),
    ("The institute forecast a trade surplus of $90 billion in fiscal 1987/88.", "$90 billion",
     dict(concept="trade_surplus", claim_type="forecast", period="1987/88")),
    ("Exports rose 14.6 pct in February.", "14.6 pct",
     dict(concept="exports", claim_type="change", period="2019-02")),
    ("Imports fell by $2 billion in March.", "$2 billion",
     dict(concept="imports", claim_type="change")),
    ("Trade between the two countries has grown 1.5 times since 2010.", "1.5 times",
     dict(concept="trade", claim_type="ratio", change="up")),
    ("Japan's exports to the U.S. are three times its imports.", "three times",
     dict(concept="exports", claim_type="ratio")),
    ("The two sides plan to increase mutual trade by 1.5 times.", "1.5 times",
     dict(concept="trade", claim_type="target", hedge="plan,to increase")),
    # --- speakers
    ("Exports rose 5 pct, Trade Minister Hajime Tamura told reporters.", "5 pct",
     dict(speaker="Hajime Tamura")),
    ("According to the Commerce Ministry, exports to India fell to $3 billion.", "$3 billion",
     dict(speaker="the Commerce Ministry", party_to="IND")),
    ("\"Imports will rise to $12 billion,\" said Finance Minister Kiichi Miyazawa.", "$12 billion",
     dict(speaker="Kiichi Miyazawa", claim_type="forecast")),
    ("Japanese investment in Russia is $2 billion, the official told Kyodo.", "$2 billion",
     dict(speaker="the official")),
    ("As reported by the Ministry of Foreign Affairs, trade with Russia reached $20 billion.", "$20 billion",
     dict(speaker="the Ministry of Foreign Affairs", parties="RUS")),
    ("Tokyo did not back Putin's plan to raise trade to $30 billion, the diplomat said.", "$30 billion",
     dict(speaker="Putin", reported_by="the diplomat", claim_type="target")),
    ("MITI estimated that exports to the U.S. fell to $80 billion.", "$80 billion",
     dict(speaker="MITI", party_to="USA")),
    # --- periods
    ("Japan's exports rose to $700 billion last year.", "$700 billion",
     dict(period="2018")),
    ("India's imports from Japan reached Rs 5,000 crore in 2018-19.", "Rs 5,000 crore",
     dict(period="2018/19", party_from="JPN", party_to="IND")),
    # a quarter named without its year, in a story of April 2019: the last fourth quarter
    ("Exports in the fourth quarter rose to $40 billion.", "$40 billion",
     dict(period="2018Q4")),
    # --- issue 11: parties
    ("Norwegian imports from Brazil dropped 12 pct in June.", "12 pct",
     dict(concept="imports", parties="BRA,NOR", party_from="BRA", party_to="NOR")),
    ("U.S. imports from Mexico rose 3% to $300 billion, while exports to Mexico fell 2% to "
     "$250 billion.", "$250 billion",
     dict(concept="exports", parties="USA,MEX", party_from="USA", party_to="MEX")),
    ("Exports to Chile were worth 40 mln Canadian dlrs.", "40 mln Canadian dlrs",
     dict(concept="exports", parties="CAN,CHL", party_from="CAN", party_to="CHL",
          parties_by="phrase+currency", needs_review=True)),
    ("London and Frankfurt dealers said Swiss exports rose 4 pct.", "4 pct",
     dict(concept="exports", parties="CHE", party_from="CHE")),
    ("Since the Paris accord, Japan's exports fell 3 pct.", "3 pct",
     dict(concept="exports", parties="JPN")),
    ("Italy posted a record trade surplus of 9 billion euros in 2019.", "9 billion euros",
     dict(concept="trade_surplus", parties="ITA", party_from="ITA")),
    # --- issue 11: concepts
    ("Acme Widgets Inc said its sales rose 5 pct to 40 mln dlrs.", "40 mln dlrs",
     dict(concept="company_sales", parties=None)),
    ("Siemens's turnover rose to 12 billion marks in 1986.", "12 billion marks",
     dict(concept="company_sales")),
    ("Parent company turnover fell to 8 billion Swedish crowns.", "8 billion Swedish crowns",
     dict(concept="company_sales")),
    ("The group's exports rose to 300 mln francs.", "300 mln francs",
     dict(concept="company_exports")),
    ("Net profit rose to 45 mln dlrs.", "45 mln dlrs", dict(concept="company_profit")),
    # a Reuters earnings table's "Shr" line is earnings per share, not a price
    ("ACME CORP 1ST QTR NET\n    Shr 23 cts vs 17 cts\n    Net 1,234,000 vs 987,000",
     "23 cts", dict(concept="company_profit", per="share")),
    ("ACME CORP 1ST QTR NET\n    Oper shr 22 cts vs 18\n    Net 1,234,000 vs 987,000",
     "18", dict(concept="company_profit", per="share", value=0.18)),
    ("ACME CORP 1ST QTR NET\n    Shr 23 cts vs 17 cts\n    Revs 173.2 mln vs 120.8 mln",
     "173.2 mln", dict(concept="company_sales")),  # "Revs": the table's revenue line
    ("XYZ Corp said its EPS rose to 1.35 dlrs from 1.10 dlrs.", "1.35 dlrs",
     dict(concept="company_profit")),
    ("The company declared a quarterly dividend of 15 cts a share.", "15 cts a share",
     dict(concept="prices", per="share")),  # a dividend is no profit
    ("Japan's current account surplus rose to $7 billion in May.", "$7 billion",
     dict(concept="current_account", parties="JPN")),
    ("The long-term capital account deficit widened to $11 billion.", "$11 billion",
     dict(concept="balance_of_payments")),
    ("The dollar closed at 152.50 yen.", "152.50 yen",
     dict(concept="exchange_rate", per="USD")),
    ("Wheat was quoted at 120 dlrs per tonne.", "120 dlrs per tonne",
     dict(concept="prices", per="tonne")),
    ("The surplus rose in June to 7.3 billion marks, from 6.1 billion in May and 5.9 "
     "billion in June last year.", "5.9",
     dict(concept="trade_surplus", period="2018-06", claim_type="level")),
    ("Exports rose to 6.2 billion dlrs in 1986 against 5.1 billion for the whole of 1985.",
     "5.1 billion", dict(concept="exports", period="1985")),
    ("Imports reached $25 billion in 2018, up from $20 billion a year earlier.", "$20 billion",
     dict(concept="imports", period="2017", claim_type="level")),
    ("Exports to India grew by a third in 2018.", "by a third",
     dict(concept="exports", claim_type="change", unit="percent", party_to="IND")),
    ("Imports of steel fell by a quarter.", "by a quarter",
     dict(concept="imports", claim_type="change", change="down")),
    ("Beijing will buy an additional $150 billion of American goods.", "$150 billion",
     dict(concept="imports", party_from="USA", party_to="CHN", claim_type="target")),
    # --- issue 11: periods and speakers
    ("Exports rose to $5 billion in March, customs data showed.", "$5 billion",
     dict(speaker="customs")),  # the convention: "customs data" credits customs
    ("According to Chinese customs data, exports to Japan rose 4 pct.", "4 pct",
     dict(speaker="Chinese customs")),
    ("Exports rose 7 pct in the January/March quarter.", "7 pct", dict(period="2019Q1")),
]


def _value(x):
    return None if pd.isna(x) else x


@pytest.mark.parametrize(("sentence", "surface", "expected"), CASES,
                         ids=[c[0] for c in CASES])
def test_sentence(sentence: str, surface: str, expected: dict) -> None:
    c = find_claims({"id": "t", "date": D, "text": sentence})
    c = c[c["claim_type"] != "implied"]
    rows = c[c["surface"].str.replace("\n", " ").str.startswith(surface)]
    assert len(rows) == 1, list(c["surface"])
    got = {k: _value(rows.iloc[0][k]) for k in expected}
    assert got == expected


def test_cases_cover_every_concept_and_claim_type():
    concepts = {e["concept"] for _, _, e in CASES if "concept" in e}
    assert concepts == set(CONCEPTS)
    types = {e["claim_type"] for _, _, e in CASES if "claim_type" in e}
    assert types == {"level", "target", "forecast", "change", "ratio"}
    assert len(CASES) >= 40


def test_pronoun_speaker_is_the_last_named_one():
    text = ("Trade talks went well, Trade Minister Hajime Tamura said in Tokyo on Monday. "
            "He said exports to China would rise to $50 billion.")
    c = find_claims({"id": "p", "date": D, "text": text})
    assert c.loc[0, "speaker"] == "Hajime Tamura"


def test_context_sentence_supplies_the_direction():
    text = ("Putin complained about Japanese investments in the Russian economy. "
            "The total amount of Japanese investments is $ 2.2 billion.")
    c = find_claims({"id": "x", "date": D, "text": text})
    assert (c.loc[0, "party_from"], c.loc[0, "party_to"]) == ("JPN", "RUS")


def test_time_spans_are_no_claims():
    c = find_claims({"id": "x", "date": D, "text": "Exports in the first 20 days of May rose."})
    assert c.empty


# ---------------------------------------------------------------- implied rows


def test_ratio_change_and_level_imply_the_old_level():
    text = "Exports to China fell 20% to $80 billion in 2018."
    c = find_claims({"id": "x", "date": D, "text": text})
    implied = c[c["claim_type"] == "implied"]
    assert len(implied) == 1
    assert implied["value"].iloc[0] == pytest.approx(1e11)
    assert implied["surface"].iloc[0] == "$80 billion / (1 - 20%)"


def test_level_and_ratio_target_imply_the_target():
    text = ("Japanese investment in Russia totals $2.5 billion. "
            "Tokyo plans to double Japanese investment in Russia.")
    c = find_claims({"id": "x", "date": D, "text": text})
    implied = c[c["claim_type"] == "implied"]
    assert implied["value"].tolist() == [5e9]
    assert implied["implies"].tolist() == ["target"]


def test_no_implied_row_without_known_parties():
    text = "Trade should grow 1.5 times to $30 billion."
    c = find_claims({"id": "x", "date": D, "text": text})
    assert "implied" not in set(c["claim_type"])


# ---------------------------------------------------------------- inputs and contract


def test_accepts_string_dict_series_and_frame():
    text = "Japanese investment in Russia is $2 billion."
    as_str = find_claims(text)
    as_dict = find_claims({"text": text})
    as_series = find_claims(pd.Series({"id": "s", "text": text}))
    assert as_str["value"].tolist() == as_dict["value"].tolist() == as_series["value"].tolist()
    assert pd.isna(as_str.loc[0, "doc_id"]) and as_series.loc[0, "doc_id"] == "s"


def test_given_quantities_are_used_and_not_modified():
    arts = _example()
    q = econnews.extract(arts["text"][0], doc_id=arts["id"][0], date=arts["date"][0])
    q["value_usd"] = q["value"] * 2  # a stand-in for normalize(): checks it is carried
    q_before, arts_before = q.copy(), arts.copy()
    c = find_claims(arts, q)
    pd.testing.assert_frame_equal(q, q_before)
    pd.testing.assert_frame_equal(arts, arts_before)
    body = c[c["claim_type"] != "implied"]
    assert (body["value_usd"] == body["value"] * 2).all()
    assert c.loc[3, "value_usd"] == pytest.approx(4e10)
    for r in body.itertuples():
        assert q.loc[r.quantity_index, "surface"] == r.surface


def test_missing_column_is_a_coded_error():
    with pytest.raises(MissingColumnsError, match="'text'"):
        find_claims(pd.DataFrame({"id": ["a"]}))
    with pytest.raises(MissingColumnsError, match="'surface'"):
        find_claims("text", pd.DataFrame({"doc_id": [], "start": [], "end": []}))


def test_bad_input_type_and_duplicate_ids():
    with pytest.raises(SchemaError):
        find_claims(42)
    with pytest.raises(InputError, match="'a'"):
        find_claims(pd.DataFrame({"id": ["a", "a"], "text": ["x", "y"]}))


def test_quantities_of_unknown_articles_warn():
    q = econnews.extract("Exports were $5 billion.", doc_id="other")
    with pytest.warns(EconnewsWarning, match="no article"):
        c = find_claims({"id": "mine", "text": "Nothing here."}, q)
    assert c.empty


def test_empty_input_gives_a_typed_empty_table():
    c = find_claims(pd.DataFrame({"id": pd.Series([], dtype="string"),
                                  "text": pd.Series([], dtype="string")}))
    schema.validate(c, CLAIMS)
    assert c.empty
    schema.validate(find_claims(""), CLAIMS)


def test_untrusted_text_does_not_break_it():
    weird = "\x00<script>alert(1)</script> Exports to Japan were $5 billion.\r\n\r\n\u202e"
    c = find_claims({"id": "w", "text": weird})
    assert c.loc[0, "party_to"] == "JPN"


def test_sentences_after_the_last_figure_are_read_only_for_the_first_source():
    from econnews.claims.article import Article

    text = "Exports rose 5% in April. Imports were flat. The ministry said the data were final."
    c = find_claims({"id": "a", "date": "2024-05-01", "text": text})
    assert c[["surface", "speaker", "speaker_by"]].values.tolist() == [
        ["5%", "the ministry", "story_source"]]
    row = pd.Series({"id": "a", "date": pd.NA, "title": pd.NA, "source": pd.NA, "text": text})
    five = [(text.index("5%"), text.index("5%") + 2)]
    art = Article.read(row, five, up_to_last_figure=True)
    assert art.upto == 1 and len(art.sentences) == 3
    assert art.sentences[2].concepts == [] and art.first_speaker() == "the ministry"
    assert Article.read(row, five).upto == 3  # unless asked: every sentence read


def test_a_lone_surrogate_or_a_case_folded_letter_is_read_past():
    # "\ud800" is valid JSON but no table stores it; the kelvin sign folds to "k"
    for text in ("Exports to Japan rose to \ud800$5 billion.",
                 "Exports to Japan rose to $5 billion, \u212aorea said."):
        for given in (text, {"id": "s", "text": text}):
            c = find_claims(given)
            assert c.loc[0, ["surface", "party_to"]].tolist() == ["$5 billion", "JPN"]


# ---------------------------------------------------------------- compare


def _illustrative() -> pd.DataFrame:
    folder = ROOT / "tests" / "data_invented"
    m = pd.read_csv(folder / "manifest.csv")
    m["text"] = [(folder / f).read_text(encoding="utf-8") for f in m["file"]]
    return m


@pytest.fixture(scope="module")
def illustrative_claims() -> pd.DataFrame:
    return find_claims(_illustrative())


def test_compare_groups_the_deficit_claims(illustrative_claims):
    cmp = compare(illustrative_claims)
    schema.validate(cmp, COMPARE)
    row = cmp[(cmp["concept"] == "trade_deficit") & (cmp["parties"] == "USA,CHN")
              & (cmp["period"] == "2018") & (cmp["measure"] == "level")].iloc[0]
    assert (row["count"], row["articles"], row["duplicates"]) == (3, 3, 1)
    assert (row["min"], row["median"], row["max"]) == (4.1e11, 4.1e11, 4.2e11)
    assert row["spread"] == pytest.approx(4.2 / 4.1)
    assert row["sources"] == "econnews illustrative sample"


def test_compare_keeps_targets_apart_from_levels(illustrative_claims):
    cmp = compare(illustrative_claims)
    inv = cmp[(cmp["concept"] == "investment") & (cmp["parties"] == "JPN,RUS")
              & (cmp["unit"] == "USD")]
    assert sorted(inv["measure"]) == ["level", "target"]


def test_compare_contract():
    with pytest.raises(MissingColumnsError, match="'claim_type'"):
        compare(pd.DataFrame({"concept": ["trade"]}))
    empty = compare(schema.empty(CLAIMS))
    schema.validate(empty, COMPARE)


def test_compare_spread_is_na_for_non_positive_minimum():
    c = pd.DataFrame({"doc_id": ["a", "b"], "source": ["R", "K"], "concept": ["budget"] * 2,
                      "parties": [pd.NA] * 2, "period": [pd.NA] * 2,
                      "claim_type": ["level"] * 2, "value": [-5.0, 3.0], "unit": ["USD"] * 2,
                      "value_usd": [pd.NA] * 2, "claim_id": ["a:1", "b:1"]})
    row = compare(c).iloc[0]
    assert row["count"] == 2 and pd.isna(row["spread"]) and pd.isna(row["parties"])


# ---------------------------------------------------------------- illustrative samples


def test_illustrative_samples_are_labelled():
    m = _illustrative()
    assert list(m.columns[:6]) == ["file", "id", "date", "title", "source", "note"]
    assert 4 <= len(m) <= 8 and m["id"].is_unique
    assert (m["source"] == "econnews illustrative sample").all()
    for text, title in zip(m["text"], m["title"], strict=True):
        first = text.splitlines()[0]
        assert first.startswith("ILLUSTRATIVE SAMPLE written for econnews")
        assert "not real reporting" in first
        assert title in text.splitlines()[:4]
    assert m["note"].str.contains("not real reporting").all()


def test_illustrative_samples_give_an_implied_base(illustrative_claims):
    c = illustrative_claims
    r = c[(c["doc_id"] == "illustrative-russia-japan-trade-target")
          & (c["claim_type"] == "implied")]
    assert r["value"].tolist() == [2e10]


# ---------------------------------------------------------------- lexicon data files


@pytest.mark.parametrize("name", ["concepts.csv", "hedges.csv", "speech_verbs.csv",
                                  "places_aliases.csv"])
def test_data_files_have_a_header_block(name):
    text = (ROOT / "econnews" / "data" / name).read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("columns:" in h for h in header) and any("sources:" in h for h in header)


def test_concepts_file_covers_the_taxonomy():
    df = read_csv_data("concepts.csv")
    assert set(df["concept"]) - {""} == set(CONCEPTS)
    for p in df["pattern"]:
        re.compile(p)


def test_hedges_and_speech_verbs_are_well_formed():
    hedges = read_csv_data("hedges.csv")
    assert set(hedges["claim_type"]) <= {"", "target", "forecast"}
    verbs = read_csv_data("speech_verbs.csv")
    assert set(verbs["position"]) == {"before", "after"}
    assert set(verbs["hint"]) <= {"", "target", "forecast"}
    for p in [*hedges["pattern"], *verbs["phrase"]]:
        re.compile(p)


# ---------------------------------------------------------------- Reuters-21578 sample

# Ten claims checked by reading the stories: claim_id -> expected fields.
REUTERS_SPOT_CHECKS = {
    # "Taiwan's trade surplus with the U.S. Rose to a record 13.6 billion dlrs last
    #  year from 10.2 billion in 1985."
    "reuters21578-7600:1138": dict(concept="trade_surplus", party_from="TWN", party_to="USA",
                                   value=10.2e9, unit="USD", period="1985"),
    # "Channon said there had been substantial growth in the volume of trade between Japan
    #  and Britain, amounting to 6.2 billion sterling (9.8 billion dlrs) last year."
    #  (issue 11: the bracketed dollars are the sterling claim's conversion, not a claim)
    "reuters21578-4031:1128": dict(concept="trade", parties="GBR,JPN", value=6.2e9,
                                   stated_usd=9.8e9, period="1986", speaker="Channon"),
    # "Japan is expected to post a 3.6 pct rise in real gross national product in 1987/88,
    #  ..., a private economic institute said."
    "reuters21578-8153:28": dict(concept="gdp", parties="JPN", claim_type="forecast",
                                 value=3.6, period="1987/88",
                                 speaker="a private economic institute"),
    # "Exports of American wine rose 14.9 per cent last year to a total of 7.2 million
    #  gallons, the Wine Institute said."
    "reuters21578-1347:30": dict(concept="exports", party_from="USA", claim_type="change",
                                 value=14.9, period="1986", speaker="the Wine Institute"),
    # "Frolov said the Soviet Union exported 500 mln dlrs worth of goods to the United
    #  States in 1986 ..."
    "reuters21578-3441:605": dict(concept="exports", party_from="SUN", party_to="USA",
                                  value=5e8, period="1986", speaker="Frolov"),
    # "Commerce Secretary Malcolm Baldrige said the United States would go ahead with
    #  planned 300 mln dlr sanctions against Japanese semiconductor exports ..."
    "reuters21578-11555:87": dict(concept="sanctions_cost", party_from="USA", party_to="JPN",
                                  claim_type="target", value=3e8,
                                  speaker="Malcolm Baldrige"),
    # "Total trade with the Soviet Union ... is estimated at 3.04 billion dlrs in fiscal
    #  1986/87, against three billion in 1985/86."
    "reuters21578-10268:1584": dict(concept="trade", value=3.04e9, period="1986/87"),
    # "Last year South Korea had a trade surplus of 7.1 billion dlrs with the U.S., Up
    #  from 4.9 billion dlrs in 1985."
    "reuters21578-14826:2340": dict(concept="trade_surplus", party_from="KOR", party_to="USA",
                                    value=4.9e9, period="1985"),
    # "Japan's February exports rose to 16.74 billion dlrs from 14.89 billion in February
    #  1986 ..., the Ministry said."
    "reuters21578-10376:511": dict(concept="exports", parties="JPN", value=14.89e9,
                                   period="1986-02", speaker="the Ministry"),
    # "Japan's bilateral trade surplus jumped from 12 billion dlrs in 1980 to 62 billion
    #  dlrs last year."
    "reuters21578-10905:889": dict(concept="trade_surplus", party_from="JPN", value=12e9,
                                   period="1980"),
}


@pytest.fixture(scope="module")
def reuters_claims() -> tuple[pd.DataFrame, pd.DataFrame]:
    if not REUTERS.exists():
        pytest.skip(f"Reuters-21578 sample not found at {REUTERS} (set ECONNEWS_SHARED)")
    with REUTERS.open(encoding="utf-8") as fh:
        stories = pd.DataFrame([json.loads(line) for line in fh])
    mask = (stories["topics"].map(lambda t: "trade" in t)
            & stories["places"].map(lambda p: "japan" in p or "ussr" in p))
    arts = stories.loc[mask, ["id", "date", "title", "source", "text"]]
    return arts, find_claims(arts)


@pytest.mark.shared
def test_reuters_trade_stories_run_end_to_end(reuters_claims):
    arts, c = reuters_claims
    assert len(arts) >= 70
    schema.validate(c, CLAIMS)
    assert c["doc_id"].nunique() >= 50
    assert len(c) >= 200
    assert c["claim_id"].is_unique
    body = c[c["claim_type"] != "implied"]
    texts = dict(zip(arts["id"], arts["text"], strict=True))
    for r in body.itertuples():  # the evidence points at the text
        assert texts[r.doc_id][r.start:r.end] == r.surface


@pytest.mark.shared
@pytest.mark.parametrize("claim_id", list(REUTERS_SPOT_CHECKS))
def test_reuters_spot_checks(reuters_claims, claim_id):
    _, c = reuters_claims
    rows = c[c["claim_id"] == claim_id]
    assert len(rows) == 1
    expected = REUTERS_SPOT_CHECKS[claim_id]
    got = {k: _value(rows.iloc[0][k]) for k in expected}
    assert got == expected
