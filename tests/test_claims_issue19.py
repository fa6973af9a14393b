"""Issue 19: claims that hold on text nobody tuned on. One table of our own sentences per
error class of the issue; each case gives the figure and the fields it must have."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from econnews.claims import find_claims, review, reviewed


def _claims(text: str, date: str = "2019-04-10", title: str | None = None) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        c = find_claims({"id": "x", "date": date, "text": text, "title": title})
    return c[c["claim_type"] != "implied"]


def _value(v: object) -> object:
    return None if v is None or (not isinstance(v, (str, bool)) and pd.isna(v)) else v


def _by_surface(text: str, field: str, date: str = "2019-04-10") -> dict[str, object]:
    """One field of each claim of ``text``, by the figure's surface."""
    return {r["surface"]: r[field] for _, r in _claims(text, date=date).iterrows()}


CASES = [
    # 1. the partner lost: combining forms, long names, the pair, descriptions
    ("Sino-Indian trade reached $95 billion in 2018, officials said.", "$95 billion", {},
     dict(concept="trade", parties="CHN,IND")),
    ("Indo-Japanese trade grew 8% in 2017.", "8%", {}, dict(parties="IND,JPN",
                                                           claim_type="change")),
    ("Trade between the Russian Federation and the Republic of Korea rose to $24 billion last "
     "year.", "$24 billion", {}, dict(parties="KOR,RUS", period="2018")),
    ("Chile and Peru signed a pact on Monday. Bilateral trade rose to $4 billion last year, "
     "the ministry said.", "$4 billion", {}, dict(parties="CHL,PER", parties_by="story_pair")),
    ("Oman and Kenya held talks. Trade between the two countries was $1.2 billion in 2018.",
     "$1.2 billion", {}, dict(parties="KEN,OMN")),
    ("Qatar and France signed an accord. The Gulf emirate's exports to France were $3.1 billion "
     "in 2018.", "$3.1 billion", {}, dict(party_from="QAT", party_to="FRA")),
    ("China's imports of soybeans rose. Brazil's exports to the world's second-largest economy "
     "were $90 billion in 2018.", "$90 billion", {},
     dict(concept="exports", party_from="BRA", party_to="CHN")),
    ("Trade with Laos rose to $2 billion in 2018.", "$2 billion", {}, dict(parties="LAO")),
    # 2. a total has one party
    ("Japan's exports to China rose 5% in March. Total exports rose 3% to $60 billion.",
     "$60 billion", {}, dict(parties="JPN", party_from="JPN", party_to=None)),
    ("Chile's exports to countries other than China fell 2% to $40 billion in 2018.",
     "$40 billion", {}, dict(parties="CHL", party_to=None)),
    # 3. lists
    ("South Korea had a surplus of $31bn with China, $12bn with the U.S. and $0.5bn with Japan "
     "in 2018.", "$12bn", {}, dict(party_from="KOR", party_to="USA", period="2018")),
    ("Exports fell 3% to China and 5% to Japan in February.", "5%", {},
     dict(party_to="JPN", change="down", claim_type="change")),
    ("The deficit with Mexico widened to $70 billion, the one with Vietnam to $40 billion.",
     "$40 billion", {}, dict(party_to="VNM")),
    ("Imports and exports each rose 7% in 2018, Thailand's commerce ministry said.", "7%",
     {"concept": "imports"}, dict(claim_type="change", period="2018")),
    ("Imports and exports each rose 7% in 2018, Thailand's commerce ministry said.", "7%",
     {"concept": "exports"}, dict(claim_type="change", period="2018")),
    # 4. regions and blocs
    ("Latin America's exports to China rose to $130 billion in 2018.", "$130 billion", {},
     dict(party_from="LATAM", party_to="CHN")),
    ("BONN, March 3 - Trade within the European Union grew 4% to 3 trillion euros in 1986.",
     "3 trillion euros", {}, dict(parties="EU")),
    # 5. the concept is the figure's own phrase
    ("Bank bill yields rose to 16.4 pct on the trade deficit news.", "16.4 pct", None, {}),
    ("An investment bank sold the stake for £350m.", "£350m", {}, dict(concept="other")),
    ("Japanese investment in the Russian economy totals $2.2 billion.", "$2.2 billion", {},
     dict(concept="investment", party_from="JPN", party_to="RUS")),
    ("The imbalance in Japan's favour with Russia was $3bn in 2018.", "$3bn", {},
     dict(concept="trade_surplus", party_from="JPN", party_to="RUS")),
    ("According to customs data, exports to Peru rose 4% in 2018.", "4%", {},
     dict(concept="exports")),
    # 6. claim type
    ("The IMF sees 3.2 pct growth in exports next year.", "3.2 pct", {},
     dict(claim_type="forecast", period="2020")),
    ("Trade with Peru is expected to reach $40 billion in 2020.", "$40 billion", {},
     dict(claim_type="forecast")),
    ("China faced pressure to cut its $13.6bn surplus with the EU.", "$13.6bn", {},
     dict(claim_type="level")),
    ("Exports to Germany were 17.6% less than in 2018.", "17.6%", {},
     dict(claim_type="change", change="down")),
    # 7. period
    ("The ONS said in May 2016 that exports to the EU in 2015 were £223bn.", "£223bn", {},
     dict(period="2015")),
    ("In the first nine months of 2016, trade between Russia and Japan fell 20% to $11 "
     "billion.", "$11 billion", {}, dict(period="2016-01/2016-09")),
    ("Japan's exports to the U.S. rose 4% last month.", "4%", {}, dict(period="2019-03")),
    ("Exports to Canada rose to $20 billion in March from $18 billion a year earlier.",
     "$18 billion", {}, dict(period="2018-03")),
    ("In fiscal 2015-16, which ended in March, exports to Nepal were $6 billion.",
     "$6 billion", {}, dict(period="2015/16")),
    # 8. speaker
    ("The U.S. trade deficit with China was $375 billion in 2017, according to Commerce "
     "Department data released on 6 February 2018.", "$375 billion", {},
     dict(speaker="Commerce Department")),
    # 10. ranges keep both ends
    ("Trade between Chile and Peru is between $43 billion and $45 billion.",
     "$43 billion", {}, dict(value_low=43e9, value_high=45e9)),
]


@pytest.mark.parametrize(("text", "surface", "pick", "expected"), CASES,
                         ids=[f"{c[0][:60]}|{c[1]}" for c in CASES])
def test_issue19_sentence(text: str, surface: str, pick: dict | None, expected: dict) -> None:
    c = _claims(text)
    rows = c[c["surface"].str.startswith(surface)]
    if pick is None:
        assert rows.empty, rows[["surface", "concept"]].to_string()
        return
    for k, v in pick.items():
        rows = rows[rows[k] == v]
    assert len(rows) == 1, list(c["surface"])
    got = {k: _value(rows.iloc[0][k]) for k in expected}
    assert got == expected


def test_headline_speaker_credits_the_headline_and_the_lead():
    c = _claims("Putin: trade with Japan should reach $30 billion\nRussia proposed to raise "
                "trade with Japan to $30 billion. Exports to Japan rose 5% in 2018.",
                title="Putin: trade with Japan should reach $30 billion")
    lead = c[c["surface"] == "$30 billion"].iloc[0]
    assert (lead["speaker"], lead["speaker_by"]) == ("Putin", "headline")
    # a later unattributed figure takes the source the story credited before it
    later = c[c["surface"] == "5%"].iloc[0]
    assert (later["speaker"], later["speaker_by"]) == ("Putin", "story_source")


def test_an_unattributed_figure_takes_the_source_credited_before_it():
    c = _claims("Kenya's exports to Uganda rose 4% to $800 million in 2019, the statistics "
                "bureau said on Tuesday. Imports from Uganda fell 2%. \"We want more,\" said "
                "one official. Exports to Tanzania were $300 million.")
    rows = {r["surface"]: (r["speaker"], r["speaker_by"]) for _, r in c.iterrows()}
    assert rows["$800 million"] == ("the statistics bureau", "sentence")
    assert rows["2%"] == ("the statistics bureau", "story_source")
    assert rows["$300 million"] == ("one official", "story_source")


def test_a_lead_with_no_source_takes_the_first_source_of_the_story():
    c = _claims("Peru's exports to China rose 9% in 2021. The figures were published by the "
                "central bank, which said copper led the rise.")
    assert c.iloc[0]["speaker"] == "the central bank"


def test_words_that_are_no_speaker():
    from econnews.claims.voice import find_speaker
    for s in ("Imports would rise, a factor already noted in 1986, the bank said.",
              "Poland's overall trade balance showed a surplus, GUS said.",
              "They also said exports would rise.",
              "The debt freeze offered by the Paris Club is no longer needed, Mr Bakrie said.",
              "Wang Chao-Ming, vice-chairman of the council, told Reuters Taiwan would cut "
              "tariffs."):
        sp = find_speaker(s)
        assert sp is None or sp.name in {"the bank", "GUS", "they", "Mr Bakrie", "Bakrie",
                                         "Wang Chao-Ming"}, (s, sp)


def test_figures_reported_from_a_source_are_no_speaker():
    from econnews.claims.voice import find_speaker
    # a data noun before the verb and "from" after it: a participle, the figures' origin
    assert find_speaker("Previous results reported from Texas Eastern Corp's domestic "
                        "division.") is None
    sp = find_speaker("The figures reported from the provinces showed a rise of 5 pct, the "
                      "ministry said.")
    assert sp is not None and sp.name == "the ministry"
    # an agent before "reported from" still speaks
    sp = find_speaker("Reuters reported from Moscow that exports rose.")
    assert sp is not None and sp.name == "Reuters"


def test_a_singapore_story_reads_its_dollars_as_sgd():
    c = _claims("SINGAPORE, May 2 (Reuters) - Singapore's exports to Malaysia rose to 5.2 "
                "billion dollars in March.", date="2019-05-02")
    assert c.iloc[0]["unit"] == "SGD"


def test_an_exchange_rate_is_no_amount():
    c = _claims("The dollar rose to 152.50 yen in Tokyo, while exports to China rose 5%.")
    rate = c[c["surface"].str.startswith("152.50")].iloc[0]
    assert rate["concept"] == "exchange_rate" and pd.isna(rate["value_usd"])


def test_a_bracketed_conversion_is_no_claim_of_its_own():
    c = _claims("Exports to Japan were 3 trillion yen ($27 billion) in 2018.")
    assert list(c["surface"]) == ["3 trillion yen"]
    assert c.iloc[0]["stated_usd"] == 27e9


# ----------------------------------------------------------------- evidence and review


def test_every_field_says_which_reading_set_it():
    c = _claims("Japan's exports to Russia rose to $7 billion in 2018. The surplus was $2 "
                "billion.")
    first, second = c.iloc[0], c.iloc[1]
    assert (first["concept_by"], first["parties_by"], first["period_by"]) == \
        ("phrase", "phrase", "clause")
    assert "party=Japan@" in first["evidence"] and "concept=exports@" in first["evidence"]
    assert not first["needs_review"]
    assert second["needs_review"] and "earlier sentence" in second["review_reason"]
    assert len(reviewed(c)) == 1


@pytest.mark.parametrize(("row", "flagged"), [
    (dict(concept="exports", parties="JPN", parties_by="story_country", period_by="clause"),
     True),
    (dict(concept="exports", parties="JPN,CHN", parties_by="phrase", period_by="clause"), False),
    (dict(concept="exports", parties="JPN,CHN", parties_by="phrase", period_by="none",
          claim_type="level"), True),
    (dict(concept="exports", parties=None, parties_by="none", period_by="clause"), True),
    (dict(concept="trade", parties="JPN,RUS", parties_by="phrase", period_by="story",
          claim_type="change"), True),
])
def test_review_rules(row: dict, flagged: bool) -> None:
    row = {"claim_type": "level", "concept_by": "phrase", "speaker_by": "sentence", **row}
    assert review(row)[0] is flagged


# --- second round: the reporting economy of a one-sided flow, lists told "respectively" ---


def _at(c: pd.DataFrame, surface: str) -> pd.Series:
    return c[c["surface"] == surface].iloc[0]


def test_a_data_source_by_nationality_names_the_exporter():
    c = _claims("ANKARA, May 2 - According to Polish customs data, exports to Turkey rose "
                "12% in 2018 to $4.1 billion, while imports from Turkey reached $3.3 billion.")
    assert _at(c, "$4.1 billion")[["party_from", "party_to", "parties_by"]].tolist() == [
        "POL", "TUR", "phrase+source"]
    assert _at(c, "$3.3 billion")[["party_from", "party_to"]].tolist() == ["TUR", "POL"]


def test_a_national_currency_names_whose_trade_figures_they_are():
    c = _claims("Wine exports to Britain fell 9% to $NZ510 million in the year to June.")
    row = _at(c, "$NZ510 million")
    assert row[["party_from", "party_to", "parties_by"]].tolist() == [
        "NZL", "GBR", "phrase+currency"]
    assert row["needs_review"] and "currency" in row["review_reason"]


def test_a_bracketed_conversion_names_no_economy():
    c = _claims("Ghana owes the Paris Club about $4bn (£3.1bn).")
    assert "GBR" not in str(_at(c, "$4bn")["parties"])


def test_two_way_trade_with_one_partner_adds_the_reporting_economy():
    c = _claims("CANBERRA, Aug 30 - Two-way trade with Chile was worth A$3.2 billion in "
                "2022, the department said.")
    assert _at(c, "A$3.2 billion")["parties"] == "AUS,CHL"


def test_figures_told_respectively_take_their_own_partners():
    c = _claims("MANILA, March 3 - Exports to Vietnam fell 2%, while those to Japan and "
                "Thailand rose 6.1% and 3.4% respectively in 2018.")
    assert _at(c, "6.1%")["party_to"] == "JPN"
    assert _at(c, "3.4%")[["party_to", "parties_by"]].tolist() == ["THA", "respective"]


def test_its_in_a_coordinated_clause_is_the_first_clauses_owner():
    c = _claims("Brazil's exports to Peru were $2.5 billion and its imports from Peru "
                "$1.2 billion in 2019.")
    assert _at(c, "$1.2 billion")[["party_from", "party_to"]].tolist() == ["PER", "BRA"]


def test_a_pair_before_the_concept_word_owns_no_later_figure():
    c = _claims("MOSCOW, June 1 - Russo-Chinese trade rose 8% to $107 billion in 2018. "
                "Exports to China reached $56 billion.", date="2019-06-01")
    assert _at(c, "$56 billion")[["party_from", "party_to"]].tolist() == ["RUS", "CHN"]


def test_a_dateline_outside_the_dollar_economies_keeps_bare_dollars_usd():
    c = _claims("SEOUL - Exports to Singapore and Malaysia rose 9% to $19.5 billion in the "
                "first half.", date="2021-07-02")
    row = _at(c, "$19.5 billion")
    assert row["unit"] == "USD" and row["party_from"] == "KOR"


def test_a_base_figure_in_a_forecast_sentence_is_a_level():
    c = _claims("Trade between Chile and Peru is expected to reach $9 billion this year, "
                "below last year's $9.4 billion, the ministry said.")
    assert _at(c, "$9 billion")["claim_type"] == "forecast"
    assert _at(c, "$9.4 billion")[["claim_type", "period"]].tolist() == ["level", "2018"]


def test_a_stock_takes_no_period_from_the_story():
    c = _claims("MOSCOW, May 24 - Trade with Turkey rose 5% to $26 billion in 2018. Russian "
                "direct investment in Turkey stands at about $10 billion, officials said.",
                date="2019-05-24")
    assert pd.isna(_at(c, "$10 billion")["period"])


def test_a_span_between_two_months_is_a_partial_period():
    c = _claims("Cumulative Japanese investment in India between April 2000 and March 2019 "
                "was $30 billion.", date="2019-06-01")
    assert _at(c, "$30 billion")["period"] == "2000-04/2019-03"


def test_goods_bought_are_the_sellers_exports_in_the_sellers_story():
    c = _claims("SEOUL - In the first half, Vietnam alone took $27.5 billion of Korean goods, "
                "the ministry said.", date="2021-07-02")
    assert _at(c, "$27.5 billion")[["concept", "party_from", "party_to"]].tolist() == [
        "exports", "KOR", "VNM"]


def test_a_description_is_the_country_a_later_demonym_names():
    c = _claims("NEW DELHI - Sino-Indian trade fell 3% in January-September. India's total "
                "exports rose 2%, while shipments to the world's second-largest economy "
                "dropped 11% as Chinese buyers cut orders.", date="2016-11-14")
    assert [_value(v) for v in _at(c, "11%")[["party_from", "party_to"]]] == ["IND", "CHN"]


def test_a_fiscal_year_with_one_digit_after_the_slash():
    c = _claims("DHAKA - Exports were one billion dlrs in 1986/7, the ministry said.",
                date="1987-06-29")
    assert _at(c, "one billion dlrs")["period"] == "1986/87"


def test_a_description_with_a_region_adjective_is_a_country_of_the_story():
    c = _claims("BUENOS AIRES, May 17 (Reuters) - Argentina posted a trade surplus of $1.8 "
                "billion in April. The South American country ran surpluses of $510 million "
                "with Chile and $140 million with India. Uganda, the East African nation, "
                "exported $3 million to Kenya.")
    got = {r["surface"]: (r["party_from"], r["party_to"]) for _, r in c.iterrows()}
    assert got["$510 million"] == ("ARG", "CHL")
    assert got["$140 million"] == ("ARG", "IND")
    assert got["$3 million"] == ("UGA", "KEN")  # the name the description follows


def test_a_countrys_loans_with_no_lender_are_what_it_borrowed():
    c = _claims("LIMA, April 2 (Reuters) - Short-term trade credit lines from foreign banks "
                "have more than doubled to 430 mln dlrs, central bank manager Hector Neyra said.")
    row = c[c["surface"] == "430 mln dlrs"].iloc[0]
    assert (row["concept"], _value(row["party_from"]), row["party_to"]) == ("loans", None, "PER")
    lent = _claims("China lent $2 billion in 2019, the ministry said.", date="2020-01-01")
    assert _value(lent.iloc[0]["party_to"]) != "CHN"


def test_a_base_sentence_does_not_set_the_period_of_the_next():
    c = _claims("Hong Kong recorded a 3.51 billion H.K. Dlr deficit in February after a 2.54 "
                "billion dlr surplus in January, the department said. The deficit compared "
                "with a deficit of 1.76 billion dlrs in February 1986. Imports rose to 24.12 "
                "billion dlrs, up 2.6 pct from January's 23.52 billion dlrs and 42 pct above "
                "the 16.98 billion dlrs recorded in February 1986.", date="1987-03-26")
    got = {r["surface"]: (r["concept"], r["period"]) for _, r in c.iterrows()}
    assert got["3.51 billion H.K. Dlr"] == ("trade_deficit", "1987-02")
    assert got["2.54 billion dlr"] == ("trade_surplus", "1987-01")  # its own balance word
    assert got["1.76 billion dlrs"][1] == "1986-02"
    assert got["24.12 billion dlrs"][1] == "1987-02"  # not the base's February 1986
    assert got["23.52 billion dlrs"][1] == "1987-01"  # "January's"
    assert got["42 pct"][1] == "1987-02"
    assert got["16.98 billion dlrs"][1] == "1986-02"


def test_a_regions_biggest_economy_is_the_country_named_before():
    c = _claims("JAKARTA, Sept 10 (Reuters) - Indonesia posted a trade surplus of $3 billion in "
                "August. Exports to Southeast Asia's biggest economy from Japan rose 4% in 2024.")
    row = c[c["surface"] == "4%"].iloc[0]
    assert (row["party_from"], row["party_to"]) == ("JPN", "IDN")


def test_sales_to_a_country_are_exports_and_a_lone_balance_is_its_owners():
    c = _claims("COLOMBO, Oct 20 (Reuters) - Sri Lanka's exports fell 7.2% to $1.03 billion "
                "last month. Sales to the United States, its largest market, were $231 million "
                "in September. Apple said sales to customers rose to $3 billion.",
                date="2023-10-20")
    row = c[c["surface"] == "$231 million"].iloc[0]
    assert (row["concept"], row["party_from"], row["party_to"]) == ("exports", "LKA", "USA")
    assert c[c["surface"] == "$3 billion"].iloc[0]["concept"] != "exports"
    d = _claims("The bill aims to turn around America's record 169 billion dlrs trade deficit.",
                date="1987-03-02")
    assert (d.iloc[0]["party_from"], _value(d.iloc[0]["party_to"])) == ("USA", None)


def test_a_description_resolves_only_to_a_country_of_its_kind():
    c = _claims("JAKARTA, Sept 10 (Reuters) - Singaporean companies will invest S$20 billion in "
                "Indonesia by 2028, after foreign direct investment from the city-state "
                "reached $8.3 billion in the first half of 2024.", date="2024-09-10")
    row = c[c["surface"] == "$8.3 billion"].iloc[0]
    assert (row["party_from"], row["party_to"]) == ("SGP", "IDN")
    from econnews.claims.story import description_kind
    assert "PER" in description_kind("the Andean nation")
    assert "SGP" not in description_kind("the Andean nation")
    # a description whose kind fits no country named before stays unresolved
    d = _claims("Peru's exports rose 5% in 2023. Exports to the city-state were $2 billion.",
                date="2024-01-10")
    assert "SGP" not in str(d[d["surface"] == "$2 billion"].iloc[0]["parties"])


def test_a_giving_verb_names_the_giver_and_the_taker():
    c = _claims("NAIROBI, June 27 - Britain will give Kenya £48 million in development aid. "
                "Separately, the European Union pledged 45 million euros in grants for Kenyan "
                "farmers, and Japan extended a 30 billion yen loan for the port.",
                date="2024-06-27")
    got = {r["surface"]: (r["party_from"], r["party_to"]) for _, r in c.iterrows()}
    assert got["£48 million"] == ("GBR", "KEN")
    assert got["45 million euros"] == ("EU", "KEN")
    assert got["30 billion yen"] == ("JPN", "KEN")
    m = _claims("ULAANBAATAR, May 3 - Mongolia's exports rose 5% to $2 billion. Japan, the "
                "landlocked country's largest aid donor, will provide 25 billion yen in loans.",
                date="2024-05-03")
    row = m[m["surface"] == "25 billion yen"].iloc[0]
    assert (row["party_from"], row["party_to"]) == ("JPN", "MNG")


def test_a_concept_noun_attached_after_the_figure_is_its_own():
    c = _claims("JOHANNESBURG, Sept 4 - China will offer African countries $20 billion in new "
                "credit lines and $10 billion in development aid over the next three years.",
                date="2018-09-04")
    got = {r["surface"]: r["concept"] for _, r in c.iterrows()}
    assert got == {"$20 billion": "loans", "$10 billion": "aid"}


def test_a_level_a_change_started_from_is_the_period_before():
    c = _claims("Britain posted a visible trade deficit of 224 mln stg in February. Exports "
                "rose to a record 6.93 billion from 6.20 billion. The surplus with Japan was "
                "1.2 billion in the first quarter, against 0.9 billion.", date="1987-03-20")
    got = {r["surface"]: r["period"] for _, r in c.iterrows()}
    assert (got["6.93 billion"], got["6.20 billion"]) == ("1987-02", "1987-01")
    assert got["0.9 billion"] == "1986Q4"
    # "owing to" is a cause, not a debt: the clause keeps its sentence's period
    d = _claims("In January-March 2016, turnover with EAEU partners fell 26% to US$3.3 "
                "billion, owing to the weaker tenge.", date="2016-05-19")
    assert d[d["surface"] == "US$3.3 billion"].iloc[0]["period"] == "2016-01/2016-03"


def test_consensus_forecasts_and_abbreviated_month_ranges():
    c = _claims("OTTAWA, March 20 - Canada posted a trade surplus of $4.0 billion in February. "
                "Analysts had expected a surplus of $3.7 billion.", date="2025-03-20")
    row = c[c["surface"] == "$3.7 billion"].iloc[0]
    assert (row["claim_type"], row["period"]) == ("forecast", "2025-02")
    d = _claims("Salek said the accumulated surplus in the Jan-Sept period was 7.857 billion "
                "dlrs.", date="1987-10-20")
    assert d.iloc[0]["period"] == "1987-01/1987-09"


def test_a_period_between_a_change_and_its_level_belongs_to_both():
    c = _claims("ISTANBUL, May 30 - The assembly sees exports rising three to four pct this year "
                "to between $265 billion and $270 billion, its chairman said.", date="2024-05-30")
    assert set(c["period"]) == {"2024"}


def test_periods_read_as_the_words_tie_them():
    p = _by_surface(
        "South Africa's trade surplus fell to 940.8 mln rand in March. In February last year "
        "the surplus stood at 752.8 mln rand. For the first two months of this year the "
        "deficit with Japan was 2.9 billion rand.", "period", date="1987-04-27")
    assert p["752.8 mln rand"] == "1986-02" and p["2.9 billion rand"] == "1987-01/1987-02"
    q = _by_surface(
        "ABUJA, Nov 21 - Nigeria recorded a trade deficit of 1.4 trillion naira in the third "
        "quarter, its first quarterly shortfall in three years, as imports jumped 49.6%. "
        "Exports to the EU jumped 17% in July ahead of talks on a pact that Abuja hopes to "
        "conclude next year. Gulf funds have pledged $22 billion of investment since March.",
        "period", date="2019-11-21")
    assert q["49.6%"] == "2019Q3" and q["17%"] == "2019-07"
    assert _value(q["$22 billion"]) is None  # a running total, no period
    r = _by_surface(
        "The French ministry said February exports totalled 73.8 billion francs, an 8.9 pct "
        "increase on January. The energy deficit was reduced to 6.5 billion francs from eight "
        "billion in January.", "period", date="1987-03-20")
    assert r["8.9 pct"] == "1987-02" and r["6.5 billion francs"] == "1987-02"


def test_a_list_keeps_its_constant_side_and_its_largest_partner_is_named_before():
    c = _claims("SEOUL, July 1 (Reuters) - South Korea's exports rose 5% in June. In the first "
                "half, Vietnam alone took $27.5 billion of Korean goods, followed by Singapore "
                "at $6.3 billion and Malaysia at $4.8 billion.", date="2024-07-01")
    got = {r["surface"]: (r["party_from"], r["party_to"]) for _, r in c.iterrows()}
    assert got["$6.3 billion"] == ("KOR", "SGP") and got["$4.8 billion"] == ("KOR", "MYS")
    b = _claims("BRASILIA, Jan 10 - Brazil's exports to China rose 10% to $104 billion in 2023. "
                "That left Brazil with a surplus of $51.1 billion with its largest trading "
                "partner.", date="2024-01-10")
    row = b[b["surface"] == "$51.1 billion"].iloc[0]
    assert (row["party_from"], row["party_to"]) == ("BRA", "CHN")


def test_claim_types_keep_to_their_clause():
    c = _claims("CAIRO, Sept 1 - Gulf funds have pledged $22 billion of investment in Egypt, and "
                "Saudi Arabia's fund has bought stakes in Egyptian firms for $1.3 billion. "
                "Indo-Emirati trade should reach $100 billion by 2030, the minister said. "
                "China is seen as the culprit, with exports soaring 35% in 2004. The board said "
                "the country was on track for $12.5 billion in exports this year.",
                date="2022-09-01")
    got = {r["surface"]: r["claim_type"] for _, r in c.iterrows()}
    assert got["$22 billion"] == "target" and got["$1.3 billion"] == "level"
    assert got["$100 billion"] == "target"
    assert got["35%"] == "change"
    assert got["$12.5 billion"] == "forecast"


def test_a_deal_takes_no_period_from_other_sentences():
    c = _claims("NAIROBI, June 22 - Kenya's exports to China reached $181 million in 2020. "
                "Separately, Japan extended a 30 billion yen loan for the port.", date="2021-06-22")
    assert _value(c[c["surface"] == "30 billion yen"].iloc[0]["period"]) is None
    assert c[c["surface"] == "$181 million"].iloc[0]["period"] == "2020"


def test_more_currencies_and_figures_that_are_no_claim():
    c = _claims("ACCRA, July 16 - Ghana's cocoa export receipts fell 31% to 9.8 billion cedis "
                "($640 million). Grain exporters paid $2.1 billion in export duties. Debt "
                "servicing cost Ghana 1.6 billion cedis.", date="2024-07-16")
    assert list(c[c["concept"].isin(["exports", "loans"])]["surface"]) == ["31%", "9.8 billion cedis"]
    row = c[c["surface"] == "9.8 billion cedis"].iloc[0]
    assert row["unit"] == "GHS" and row["conversions"] == "USD 6.4e+08"
    from econnews import extract
    assert extract("Morocco exported 49.8 billion dirhams")["unit"].iloc[0] == "MAD"
    assert extract("Dubai's trade rose to 2 trillion dirhams")["unit"].iloc[0] == "AED"


def test_a_dollar_rate_is_no_amount():
    c = _claims("The greenback hit $1.3516 in thin New York trade, before rallying to $1.3509 "
                "against the euro. US exports rose to $1.5 billion.", date="2004-12-30")
    got = {r["surface"]: r["concept"] for _, r in c.iterrows()}
    assert got == {"$1.3516": "exchange_rate", "$1.3509": "exchange_rate",
                   "$1.5 billion": "exports"}


def test_names_and_descriptions_broken_over_a_wire_line():
    c = _claims("OSLO, Oct 1 - The latest trade figures show Norwegian imports from South\n"
                "Africa dropped 36 pct to 160 mln crowns in 1986. Exports to the Gulf\n"
                "emirate were 2 mln crowns.", date="1986-10-01")
    row = c[c["surface"] == "36 pct"].iloc[0]
    assert (row["party_from"], row["party_to"]) == ("ZAF", "NOR")


def test_asides_suppliers_gulf_funds_and_bloc_members():
    def parties(text: str, surface: str, date: str = "2019-08-09") -> tuple:
        row = _claims(text, date=date).set_index("surface").loc[surface]
        return row["concept"], _value(row["party_from"]), _value(row["party_to"])
    assert parties("LIMA, March 9 - Indo-Peruvian trade, driven by gold shipments, reached "
                   "$4.3 billion last year.", "$4.3 billion")[0] == "trade"
    assert parties("ABUJA - Nigeria's imports rose 49.6% in the third quarter. China supplied "
                   "21.6% of imports in the quarter.", "21.6%") == ("imports", "CHN", "NGA")
    assert parties("CAIRO - Gulf sovereign funds have pledged $22 billion of investment in "
                   "Egypt.", "$22 billion") == ("investment", "GCC", "EGY")
    assert parties("WARSAW, Aug 9 - Polish exports to the European Union grew 4.2% in the "
                   "first half. Imports from the other 27 members rose 3.1% to 367.9 billion "
                   "zlotys.", "3.1%") == ("imports", "EU", "POL")
    assert parties("NAIROBI - Kenya's exports rose. Imports from China came to $3.9 billion in "
                   "2020, leaving the East African nation with a deficit of more than $3.7 "
                   "billion with its Asian partner.", "$3.7 billion") == (
                       "trade_deficit", "KEN", "CHN")


def test_more_ways_to_attribute():
    from econnews.claims.voice import find_speaker
    cases = {"A ministry statement said both sides agreed on a 50 pct rise.": "a ministry statement",
             "The Indonesian Economics Minister explained that the money was for Aceh.":
                 "the Indonesian Economics Minister",
             "The report calculated food requirements to be 387,500 tonnes.": "the report",
             "Japan's surplus hit a record, in the view of U.S. officials.": "U.S. officials",
             "The U.S. International Trade Commission ruled that imports hurt producers.":
                 "the U.S. International Trade Commission"}
    for text, name in cases.items():
        assert find_speaker(text).name == name, text


def test_a_period_named_by_its_unit_and_a_base_level():
    p = _by_surface(
        "ALMATY - Kazakhstan's exports rose 4% in the first quarter. Last month, exports to "
        "China came to $1.4 billion. Kazakhstan's total exports were $19.3 billion in the "
        "quarter.", "period", date="2025-04-15")
    assert p["$1.4 billion"] == "2025-03" and p["$19.3 billion"] == "2025Q1"
    q = _by_surface(
        "LIMA - Indo-Peruvian trade reached $4.3 billion last year, nearly 1.5 times its 2023 "
        "level. Economists see full-year exports rising 5% to 6%.", "period", date="2025-08-09")
    assert q["1.5 times"] == "2024" and q["5% to 6%"] == "2025"


def test_a_relative_aside_gives_no_concept():
    c = _claims("TOKYO - The trade surplus soared to 8.14 billion dlrs in February. The current "
                "account surplus, which includes trade in services as well as goods, climbed to "
                "7.38 billion dlrs.", date="1987-03-27")
    got = {r["surface"]: r["concept"] for _, r in c.iterrows()}
    assert got == {"8.14 billion dlrs": "trade_surplus", "7.38 billion dlrs": "current_account"}


def test_fiscal_years_and_spans_across_the_new_year():
    p = _by_surface(
        "ISLAMABAD, Oct 2 - \"Our trade was about $2.5 billion last fiscal year,\" the adviser "
        "said. The deficit for the eight months to the end of February was $1.2 billion.",
        "period", date="2019-10-02")
    assert p["$2.5 billion"] == "2018/19"
    assert p["$1.2 billion"] == "2018-07/2019-02"  # the eight months to the last February
    q = _by_surface("DHAKA, May 20 - Bangladesh's exports rose 11.4% to $32.1 billion in "
                    "July-April. Exports in the fourth quarter rose 2%.", "period",
                    date="2021-05-20")
    assert q["$32.1 billion"] == "2020-07/2021-04" and q["2%"] == "2020Q4"


def test_a_quoted_verb_an_apposed_name_and_the_body_behind_the_figures():
    from econnews.claims.voice import find_speaker
    cases = {
        "\"We expect exports of 430 billion dirhams,\" said Youssef Benkirane, president of "
        "the exporters' association.": "Youssef Benkirane",
        "Preliminary trade figures for February show a surplus of 119.1 mln dlrs, a "
        "Statistics Department statement said.": "a Statistics Department statement",
        "The director of the bank's trade department, Roberto Fendt, attributed March's weak "
        "performance to strikes.": "Roberto Fendt"}
    for text, name in cases.items():
        assert find_speaker(text).name == name, text


def test_more_claim_types():
    t = _by_surface(
        "LIMA, Jan 9 - Vice Minister Rosa Quispe said full-year exports should land between "
        "$62 billion and $65 billion. For the next three months, the bank estimated a monthly "
        "trade surplus of $400 million. Chinese investors signed 31 agreements worth $4.6 "
        "billion. He said Lima aimed to bring the deficit below $1 billion by 2027. The bill "
        "will turn around last year's record $9 billion trade deficit.",
        "claim_type", date="2024-01-09")
    assert t["$62 billion and $65 billion"] == "forecast"
    assert t["$400 million"] == "forecast"
    assert t["$4.6 billion"] == "target" and t["$1 billion"] == "target"
    assert t["$9 billion"] == "level"


def test_a_relative_subject_its_neighbour_and_firms_that_commit():
    def sides(text: str, surface: str, date: str) -> tuple:
        row = _claims(text, date=date).set_index("surface").loc[surface]
        return _value(row["party_from"]), _value(row["party_to"])
    assert sides("WASHINGTON - Commenting on Japan, which is running an 80 billion dlr trade "
                 "surplus with the United States, Yeutter said Japan must act.",
                 "80 billion dlr", "1987-03-02") == ("JPN", "USA")
    assert sides("ASTANA, Oct 2 - Kazakhstan's trade with China grew 12%. Kazakh shipments to "
                 "China rose to $10.2 billion, while imports from its eastern neighbour came to "
                 "$8.5 billion.", "$8.5 billion", "2024-10-02") == ("CHN", "KAZ")
    assert sides("MANILA, Nov 5 - Japanese firms also committed $1.3 billion of new investment "
                 "in 14 projects in the Philippines.", "$1.3 billion", "2024-11-05") == (
                     "JPN", "PHL")


def test_three_month_runs_quarters_of_this_year_and_spans_ended_last_year():
    import pandas as pd

    from econnews.claims.periods import resolve_period
    cases = [("a surplus of 1.2 billion dlrs in the April-May-June period", "1987-04-24",
              "1987-04/1987-06"),
             ("exports for the first quarter of this year to 9.92 billion", "1987-04-27",
              "1987Q1"),
             ("18.53 billion dlrs in trade during the nine months ended December",
              "1987-03-10", "1986-04/1986-12")]
    for text, date, want in cases:
        assert resolve_period(text, pd.Timestamp(date), text.find("billion")) == want, text


def test_pressure_to_cut_a_dated_surplus_leaves_it_a_level():
    c = _claims("TAIPEI - Taiwan had been under growing U.S. pressure to cut its 1986 record "
                "13.6 billion dlr trade surplus with the United States.", date="1987-03-05")
    assert c.iloc[0][["claim_type", "period"]].tolist() == ["level", "1986"]
