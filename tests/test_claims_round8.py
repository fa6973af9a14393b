"""Issue 19, eighth round: readings added after test6 and test7 became development sets
and while reading stories no set labels. Every case is our own sentence; each names the
figure and the fields it must have."""

from __future__ import annotations

import pytest
from _claim_rows import claims_of, row_of

from econnews.claims.places import find_places
from econnews.claims.voice import clean_speaker, find_speaker

_claims, _row = claims_of, row_of


# --- speakers -------------------------------------------------------------------------

@pytest.mark.parametrize(("sentence", "name"), [
    # a subject with a relative clause before its verb
    ("A customs official, who asked not to be named, said Chile's copper exports rose.",
     "a customs official"),
    # a subject with an apposition, and a clause (not a name) after the verb
    ("Ortiz's deputy, Ana Ruiz, said the government will send a mission to Japan.",
     "Ana Ruiz"),
    ("Sen. Mark Hale, a Vermont Democrat who chairs the panel, said he may propose a quota.",
     "Mark Hale"),
    # "Will" is a name here, not a modal verb
    ("Bank economist Will Baxter said the surplus was encouraging.", "Will Baxter"),
    # an unnamed source whose relative clause ends the subject
    ("Trade officials who declined to be identified said the talks would resume.",
     "Trade officials"),
    # the subject of a subordinate clause that speaks
    ("The envoys were meeting as Ankara announced that exports had risen.", "Ankara"),
    # a body behind "figures from the ...", in lower case
    ("Exports rose 4 pct in May, figures from the national statistics institute show.",
     "the national statistics institute"),
])
def test_speakers_in_longer_subjects(sentence: str, name: str) -> None:
    found = find_speaker(sentence)
    assert found is not None and found.name == name


def test_data_from_nothing_is_no_speaker() -> None:
    assert find_speaker("Exports rose 5 pct, data from the past showed.") is None


def test_an_estimate_from_a_body_names_the_body() -> None:
    assert clean_speaker("a preliminary estimate from Eurostat") == "Eurostat"
    assert clean_speaker("a flash estimate by the statistics office") == "the statistics office"


def test_it_said_after_a_country_opens_the_sentence_before() -> None:
    text = ("Peru has complained to the WTO about Chilean rules, officials in Lima said. "
            "Chile announced the rules in June. It said it wanted to cut its trade deficit "
            "with Peru to $300 million by 2027.")
    assert _row(text, "$300 million")["speaker"] == "Chile"


# --- parties --------------------------------------------------------------------------

def test_a_countrys_debt_is_what_it_owes() -> None:
    r = _row("Zambia's external debt fell to $13.2 billion in 2023 from $14.1 billion "
             "a year earlier.", "$13.2 billion")
    assert (r["concept"], r["party_from"], r["party_to"]) == ("loans", None, "ZMB")
    r = _row("Laos's debt to China stood at $5.3 billion last year.", "$5.3 billion")
    assert (r["party_from"], r["party_to"]) == ("CHN", "LAO")


def test_the_community_is_the_bloc_named_before() -> None:
    text = ("Korea's trade surplus with the European Community widened in May, EC "
            "officials said. The surplus with the Community reached 640 mln dlrs in May.")
    r = _row(text, "640 mln dlrs", "1987-06-20")
    assert (r["party_from"], r["party_to"]) == ("KOR", "EU")


def test_a_share_of_total_exports_is_the_share_of_the_sales_its_subject_names() -> None:
    text = ("ATHENS, March 3 - Greece's exports rose 2% to 48 billion euros in 2024, the "
            "statistics service said. Sales to other European Union members accounted for "
            "about 55% of total exports last year.")
    r = _row(text, "55%", "2025-03-03")
    assert (r["concept"], r["party_from"], r["party_to"]) == ("exports", "GRC", "EU")


def test_goods_supplied_by_the_origin_of_purchases_are_its_exports_to_the_buyer() -> None:
    text = ("ASTANA, May 2 - Kazakhstan's imports rose 4% to $5.1 billion, helped by "
            "machinery purchases from China, which supplied $1.9 billion of goods.")
    r = _row(text, "$1.9 billion", "2025-05-02")
    assert (r["concept"], r["party_from"], r["party_to"]) == ("imports", "CHN", "KAZ")


def test_the_country_is_the_datelines_even_when_a_later_clause_names_it() -> None:
    text = ("BOGOTA - Colombia's exports to Ecuador rose 4% in the first half, the ministry "
            "said. Exports to Peru rose 6%. The country's total exports reached 24 billion "
            "dollars in January-June, and Colombia posted a trade deficit of 4.1 billion "
            "dollars over the six months.")
    r = _row(text, "24 billion dollars", "2024-08-20")
    assert (r["party_from"], r["party_to"]) == ("COL", None)


def test_imports_of_a_blocs_goods_come_from_the_bloc() -> None:
    r = _row("Seoul noted a 21 pct rise in Korean imports of EC machinery goods last year.",
             "21 pct", "1987-05-01")
    assert (r["concept"], r["party_from"], r["party_to"]) == ("imports", "EU", "KOR")


def test_a_place_before_and_steady_imports_is_no_owner() -> None:
    text = ("Chile's imports from most partners fell, except for a 6 percent increase in "
            "imports from Brazil and steady imports from Mexico.")
    r = _row(text, "6 percent")
    assert r["party_from"] == "BRA" and r["party_to"] != "BRA"


def test_bracketed_figures_of_a_list_take_their_own_partners() -> None:
    text = ("Chile's copper exports fell in the first half. The sharpest falls were in "
            "exports to Japan (-12 percent), Korea (-9 percent) and Spain (-4 percent).")
    c = _claims(text)
    got = {r["surface"]: (r["party_to"], r["claim_type"]) for _, r in c.iterrows()
           if r["concept"] == "exports"}
    assert got["-12 percent"] == ("JPN", "change")
    assert got["-9 percent"] == ("KOR", "change")
    assert got["-4 percent"] == ("ESP", "change")


def test_the_euro_zone_is_a_party() -> None:
    assert [p.code for p in find_places("The euro zone posted a surplus")] == ["EUROZONE"]
    assert [p.code for p in find_places("the euro area's exports")] == ["EUROZONE"]
    r = _row("The euro zone posted a trade surplus of 11.2 billion euros in March, "
             "according to a first estimate from Eurostat.", "11.2 billion euros")
    assert (r["party_from"], r["speaker"]) == ("EUROZONE", "Eurostat")


# --- periods and claim types ----------------------------------------------------------

def test_a_forecasts_comparison_a_year_ago_is_the_same_months() -> None:
    text = ("A central bank official said Vietnam's trade surplus is expected to exceed "
            "$4.2 billion in the first five months of 2024, against $3.1 billion a year ago.")
    assert _row(text, "$3.1 billion", "2024-05-20")["period"] == "2023-01/2023-05"


def test_the_first_months_of_a_split_fiscal_year() -> None:
    text = ("ISLAMABAD - Pakistan's trade deficit narrowed to $17.1 billion in the first "
            "nine months of fiscal 2023/24 ending June, the statistics bureau said.")
    assert _row(text, "$17.1 billion", "2024-04-15")["period"] == "2023-07/2024-03"


def test_the_corresponding_month_of_a_named_year() -> None:
    text = ("Chile posted a trade surplus of $1.2 billion in March, the central bank said. "
            "March's figure was up from a surplus of $0.8 billion in the corresponding "
            "month in 2023.")
    assert _row(text, "$0.8 billion", "2024-04-10")["period"] == "2023-03"


def test_from_month_to_month_is_a_span_not_a_base() -> None:
    r = _row("Chile's exports fell 3 percent from January to May, the central bank said.",
             "3 percent", "2024-07-01")
    assert r["period"] == "2024-01/2024-05"
    r = _row("Chile's exports rose to $9 billion in May from $8 billion in April.",
             "$8 billion", "2024-07-01")
    assert r["period"] == "2024-04"


def test_going_to_see_is_a_forecast() -> None:
    r = _row('On the U.S. trade deficit, the minister said "you\'re going to see a '
             '$20 billion reduction this year."', "$20 billion", "1987-03-20")
    assert r["claim_type"] == "forecast"


def test_bound_shipments_go_to_the_place_before_bound() -> None:
    r = _row("Brazil's China-bound shipments rose 7 per cent in the first half, the "
             "ministry said.", "7 per cent", "2024-07-10")
    assert (r["concept"], r["party_from"], r["party_to"]) == ("exports", "BRA", "CHN")


def test_a_growth_rate_of_a_flow_is_a_change_and_a_share_beside_it_is_not() -> None:
    text = ("Growth in Peru's Japan-bound shipments slowed to 4.1 per cent in the first half. "
            "Peru's exports of copper to Japan grew 6 per cent, accounting for 48 per cent "
            "of the total.")
    assert _row(text, "4.1 per cent", "2024-07-10")["claim_type"] == "change"
    assert _row(text, "6 per cent", "2024-07-10")["claim_type"] == "change"
    assert _row(text, "48 per cent", "2024-07-10")["claim_type"] == "level"


def test_the_noun_an_infinitive_raises_is_the_figures_concept() -> None:
    r = _row("The president invited Omani investors to increase bilateral trade to "
             "$2 billion by 2028.", "$2 billion")
    assert (r["concept"], r["claim_type"]) == ("trade", "target")


def test_can_double_is_a_forecast() -> None:
    r = _row("Kenya and Rwanda can double trade in 2025, the minister said.", "double")
    assert r["claim_type"] == "forecast"


def test_naira_written_with_a_bare_n_in_a_nigerian_story() -> None:
    from econnews import extract
    q = extract("Nigeria's trade deficit widened to N2.1 trillion in 2023, the NBS said.")
    assert q.loc[0, "surface"] == "N2.1 trillion" and q.loc[0, "unit"] == "NGN"
    # without a Nigerian place word, N and a number is no money
    assert not (extract("The N95 masks cost $2 each.")["unit"] == "NGN").any()


def test_a_report_released_by_a_body_names_the_body() -> None:
    found = find_speaker("According to the recently released report by the National "
                         "Statistics Office, trade grew 12 percent to $4 billion.")
    assert found is not None and found.name == "the National Statistics Office"


def test_a_quarter_without_a_year_is_the_last_one_before_the_story() -> None:
    r = _row("ABUJA - Nigeria's exports rose 4 per cent to N5.1tn in Q4, the NBS said.",
             "N5.1tn", "2024-03-06")
    assert r["period"] == "2023Q4"


def test_a_negative_trade_balance_is_a_deficit() -> None:
    r = _row("Ghana's faster import growth resulted in a negative trade balance of "
             "$310 million in the quarter, the statistics service said.", "$310 million")
    assert r["concept"] == "trade_deficit"


def test_an_opener_before_the_subject_is_no_speaker() -> None:
    found = find_speaker("In addition, the head of Zesco, a Zambian power company, said that "
                         "a Chinese bank will lend the company $300 million.")
    assert found is not None and found.name == "the head of Zesco"


def test_a_length_is_no_investment() -> None:
    c = _claims("Chinese firms will invest $2 billion in Laos to build 400 km of railways.")
    assert "400 km" not in set(c["surface"])


@pytest.mark.parametrize(("text", "surface"), [
    ("Chile's terms of trade fell 12 pct over two years, the central bank said.", "12 pct"),
    ("The WTO said world trade would grow by only 2.6 pct in 2024.", "2.6 pct"),
    ("Since 2019 Malawi's import allocations have been cut 40 pct.", "40 pct"),
    ("Interest rates rose on the trade news, with bank bill yields climbing to 9.1 pct.",
     "9.1 pct"),
    ("Japan pressed for access to a four billion dlr Osaka airport project.",
     "four billion dlr"),
    ("Exports improved as net exports grew at a 15 pct annual rate.", "15 pct"),
])
def test_aggregates_instruments_and_projects_are_no_trade_claims(text: str,
                                                                 surface: str) -> None:
    c = _claims(text, "1987-05-01")
    family = {"trade", "exports", "imports", "trade_surplus", "trade_deficit", "investment",
              "fdi", "loans", "aid"}
    hit = c[c["surface"] == surface]
    assert not hit["concept"].isin(family).any(), hit[["surface", "concept"]]


def test_a_global_trade_surplus_is_still_a_surplus() -> None:
    r = _row("China's exports fell 4% in 2023 and its global trade surplus narrowed to "
             "$820 billion.", "$820 billion", "2024-01-20")
    assert (r["concept"], r["party_from"]) == ("trade_surplus", "CHN")


def test_rates_listed_after_a_rate_are_rates() -> None:
    c = _claims("Dealers said the dollar could fall towards 1.45 marks and 130 yen.",
                "1988-03-01")
    assert set(c["concept"]) == {"exchange_rate"}


def test_the_month_of_a_base_written_before_its_noun() -> None:
    text = ("The 15.1 billion dlr February trade deficit compared with a revised January "
            "deficit of 12.3 billion dlrs, the department said.")
    assert _row(text, "12.3 billion dlrs", "1987-04-14")["period"] == "1987-01"
    text = ("Belgium recorded a trade deficit of 9.4 billion francs in January after a "
            "December surplus of 15.3 billion francs.")
    assert _row(text, "15.3 billion francs", "1987-03-20")["period"] == "1986-12"


def test_a_bare_base_does_not_hide_the_period_after_it() -> None:
    text = ("Korea's exports rose 12.6 pct from a year earlier in the first 20 days of "
            "March to 3.9 billion dlrs, the ministry said.")
    assert _row(text, "12.6 pct", "1987-04-02")["period"] == "1987-03"
    text = ("Taiwan's surplus rose to 2.35 billion dlrs in the first two months of 1987 "
            "from 1.87 billion in the year-earlier period.")
    assert _row(text, "1.87 billion", "1987-03-10")["period"] == "1986-01/1986-02"


def test_imports_after_exports_to_a_partner_are_from_that_partner() -> None:
    r = _row("The minister said Kazakhstan exported $900 million worth of goods to Turkey in "
             "2023 and imported $1.4 billion worth.", "$1.4 billion", "2024-03-01")
    assert (r["concept"], r["party_from"], r["party_to"]) == ("imports", "TUR", "KAZ")


def test_the_level_a_flow_changed_to_keeps_its_partner() -> None:
    text = ("Swedish imports from Chile fell 20 pct to 300 mln crowns in 1986, while exports "
            "to Chile dropped 30 pct to 410 mln crowns.")
    r = _row(text, "410 mln crowns", "1987-03-01")
    assert (r["party_from"], r["party_to"]) == ("SWE", "CHL")


def test_the_nations_loans_are_the_story_countrys() -> None:
    text = ("TOKYO, April 2 - Japan unveiled a stimulus plan on Thursday. The plan also raises "
            "the nation's untied loans to developing countries to $20 billion over three "
            "years, officials said.")
    r = _row(text, "$20 billion", "1987-04-02")
    assert (r["concept"], r["party_from"]) == ("loans", "JPN")


def test_its_in_an_opening_phrase_is_the_subject_after_it() -> None:
    text = ("The talks opened on Monday. By stressing its record trade deficit of $150 "
            "billion, the United States was pressing its partners, the official said.")
    r = _row(text, "$150 billion", "1987-03-30")
    assert r["party_from"] == "USA"


def test_european_investment_is_the_eus() -> None:
    text = ("JAKARTA - Indonesia signed a trade pact with the European Union on Tuesday. "
            "European investment, which reached $2.9 billion in 2024, will double, the "
            "minister said.")
    r = _row(text, "$2.9 billion", "2025-03-01")
    assert r["party_from"] == "EU"


def test_a_figure_ends_the_places_of_its_phrase() -> None:
    text = ("PHNOM PENH - Cambodia's exports rose 4% in the first seven months of 2024. "
            "Shipments to ASEAN members totalled $1.9 billion, and the United States took "
            "$5.6 billion of the country's goods.")
    r = _row(text, "$1.9 billion", "2024-08-10")
    assert (r["party_to"], r["parties"]) == ("ASEAN", "KHM,ASEAN")


def test_no_partner_is_carried_from_a_sentence_that_names_two() -> None:
    text = ("MONTEVIDEO - Shipments to the European Union totalled $98 million and those to "
            "the United States $64 million. Over the first two months, Uruguay's exports "
            "reached $1.6 billion, customs said.")
    r = _row(text, "$1.6 billion", "2024-03-10")
    assert (r["party_from"], r["party_to"]) == ("URY", None)


def test_figures_released_by_a_body_with_an_adjective_before_them() -> None:
    found = find_speaker("Exports fell 2 per cent, according to unadjusted figures released "
                         "by the Central Statistics Office (CSO) today.")
    assert found is not None and found.name == "the Central Statistics Office"
    assert clean_speaker("a month-on-month comparison based on adjusted data") is None


def test_spending_on_imports_is_imports() -> None:
    r = _row("Total spending on imports was valued at US$2.4 billion in the first quarter, "
             "the statistics institute of Jamaica said.", "US$2.4 billion")
    assert r["concept"] == "imports"


def test_an_upsurge_of_a_percent_is_a_change() -> None:
    r = _row("As for total merchandise imports, Fiji recorded an upsurge of 31% during the "
             "first quarter.", "31%")
    assert r["claim_type"] == "change"


def test_the_comparable_period_for_a_year() -> None:
    text = ("Fiji's re-exports fell to US$80 million in January-April 2024, down from "
            "US$120 million during the comparable period for 2023, the bureau said.")
    assert _row(text, "US$120 million", "2024-07-01")["period"] == "2023-01/2023-04"


def test_each_end_of_a_span_keeps_its_own_year() -> None:
    text = ("Trade between Oman and Qatar grew from $1.1 billion in 2015 to $2.6 billion at "
            "the end of 2022, the chamber said.")
    assert _row(text, "$1.1 billion", "2023-03-01")["period"] == "2015"
    assert _row(text, "$2.6 billion", "2023-03-01")["period"] == "2022"
    text = ("Since 2015, Oman's exports to Qatar have grown from $380 million to $710 "
            "million by the end of 2022, the chamber said.")
    assert _row(text, "$380 million", "2023-03-01")["period"] == "2015"


def test_a_surplus_in_its_trade_balance_is_a_surplus() -> None:
    r = _row("Oman has registered a surplus worth more than 4.2 billion rials in its trade "
             "balance during the first half of 2023, the statistics centre said.",
             "4.2 billion rials", "2023-08-20")
    assert (r["concept"], r["party_from"]) == ("trade_surplus", "OMN")


def test_data_collected_by_a_body_names_it() -> None:
    found = find_speaker("Trade rose 5%, according to data collected by Mubasher based on "
                         "official figures.")
    assert found is not None and found.name == "Mubasher"


def test_a_span_that_ends_months_after_the_story_is_last_years() -> None:
    text = ("MANILA - Foreign direct investment net inflows reached $6.1 billion during the "
            "January to October period, up 21 percent from $5.0 billion in the same period "
            "last year, the central bank said.")
    assert _row(text, "$6.1 billion", "2017-01-10")["period"] == "2016-01/2016-10"
    assert _row(text, "21 percent", "2017-01-10")["period"] == "2016-01/2016-10"
    assert _row(text, "$5.0 billion", "2017-01-10")["period"] == "2015-01/2015-10"


def test_a_change_against_the_year_ago_period_is_the_months_own() -> None:
    text = ("In September alone, Vietnam drew $2.1 billion of FDI, up 7.9 per cent vis-a-vis "
            "the year-ago period, the ministry said.")
    assert _row(text, "7.9 per cent", "2011-10-18")["period"] == "2011-09"


def test_the_first_three_quarters_is_no_fraction() -> None:
    c = _claims("Outbound investment rose 12 per cent to $40 billion in the first three "
                "quarters, the ministry said.", "2011-10-18")
    assert "three quarters" not in set(c["surface"])


def test_a_base_a_year_earlier_after_its_own_noun() -> None:
    text = ("Korea's trade surplus fell to 1.2 billion dlrs in the first 10 days of May from "
            "a 1.4 billion surplus a year earlier, the ministry said.")
    assert _row(text, "1.4 billion", "1987-05-20")["period"] == "1986-05"


def test_export_orders_are_no_exports() -> None:
    c = _claims("Export orders for Korean products fell 2 pct to 3.1 billion dlrs in May, an "
                "official said.", "1987-06-10")
    assert not c["concept"].isin({"exports", "imports"}).any()


def test_a_flow_to_two_partners_together_has_no_single_buyer() -> None:
    text = ("TASHKENT - Uzbekistan's exports rose 14% in the first five months. Shipments to "
            "Turkey and Afghanistan together reached $1.3 billion, the agency said.")
    r = _row(text, "$1.3 billion", "2025-06-12")
    assert (r["party_from"], r["party_to"]) == ("UZB", None)
    assert set(r["parties"].split(",")) == {"UZB", "TUR", "AFG"}


def test_the_time_of_an_aside_is_not_the_figures() -> None:
    text = ("NAIROBI - Kenya's tea exports rose 9% in the 2024/25 fiscal year, the board said. "
            "Sales to Iran, which resumed in March, came to 2.1 billion shillings.")
    assert _row(text, "2.1 billion shillings", "2025-08-28")["period"] == "2024/25"


def test_over_the_fiscal_year_is_the_fiscal_year_told_before() -> None:
    text = ("NAIROBI - Kenya's tea exports rose 9% in the 2024/25 fiscal year that ended in "
            "June, the board said. Total exports rose 7.5% to 1.1 trillion shillings over the "
            "fiscal year, central bank data showed.")
    assert _row(text, "1.1 trillion shillings", "2025-08-28")["period"] == "2024/25"


def test_a_governments_lending_agency_lends_for_its_country() -> None:
    text = ("ACCRA - The World Bank approved a $250 million credit for Ghana, while China "
            "Development Bank agreed to lend $600 million for a rail link, officials said.")
    r = _row(text, "$600 million", "2024-11-05")
    assert (r["concept"], r["party_from"], r["party_to"]) == ("loans", "CHN", "GHA")
    assert [p.code for p in find_places("a loan from KfW")] == ["DEU"]


def test_economists_who_see_a_figure_forecast_it() -> None:
    text = ("Economists at the central bank see Sri Lanka's trade deficit widening to about "
            "$6 billion in 2024, from $4.9 billion last year.")
    r = _row(text, "$6 billion", "2024-01-20")
    assert (r["claim_type"], r["speaker"]) == ("forecast", "Economists at the central bank")
    found = find_speaker("The exporters' assembly sees exports rising 4% this year, its "
                         "chairman Murat Ozkan said on Thursday.")
    assert found is not None and found.name == "Murat Ozkan"


def test_a_typed_description_in_the_owners_slot_is_the_datelines_country() -> None:
    text = ("BISHKEK, July 15 - Kyrgyzstan's imports from China rose 31%, while re-exports to "
            "Russia and Kazakhstan boomed, customs data showed. The landlocked country's total "
            "foreign trade rose 12% to $7.1 billion over the six months.")
    r = _row(text, "$7.1 billion", "2025-07-15")
    assert r["parties"] == "KGZ"
    text = ("HANOI - Vietnam's exports to South Korea rose 5%, the office said. Imports from the "
            "East Asian country reached $10.7 billion.")
    r = _row(text, "$10.7 billion", "2023-03-01")
    assert (r["party_from"], r["party_to"]) == ("KOR", "VNM")


def test_purchases_from_a_country_are_imports() -> None:
    r = _row("BISHKEK - Purchases from Kazakhstan reached $610 million in the first half, "
             "customs data showed.", "$610 million", "2025-07-15")
    assert (r["concept"], r["party_from"], r["party_to"]) == ("imports", "KAZ", "KGZ")


def test_a_comparison_is_flagged_with_the_figure_it_is_compared_with() -> None:
    text = ("Taiwan's exports to China fell to 6.3 billion dlrs last year, while China's "
            "exports rose to 1.1 billion dlrs from 904 mln dlrs.")
    c = _claims(text, "1987-03-20")
    main = c[c["surface"].str.startswith("1.1 billion")].iloc[0]
    base = c[c["surface"].str.startswith("904 mln")].iloc[0]
    assert bool(main["needs_review"])  # one side of the flow not named
    assert bool(base["needs_review"]) and base["review_reason"] == "compared with a flagged figure"
