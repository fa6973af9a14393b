"""Issue 19, sixth round: readings added after test5 became a development set. Every case
is our own sentence; each names the figure and the fields it must have."""

from __future__ import annotations

import pytest
from _claim_rows import claims_of, row_of

from econnews.claims.bases import comparison_period
from econnews.claims.giving import verb_concept
from econnews.claims.places import find_places

_claims, _row = claims_of, row_of


@pytest.mark.parametrize(("text", "code"), [
    ("Ivory Coast cut its cocoa tax", "CIV"),
    ("the Republic of Cote d'Ivoire signed", "CIV"),   # a name written without its accent
    ("Burma's rice crop", "MMR"),
    ("talks in Nairobi on Tuesday", "KEN"),
    ("Bosnia-Herzegovina and Serbia", "BIH"),
    ("a Malawian tobacco buyer", "MWI"),
])
def test_country_names_news_uses(text: str, code: str) -> None:
    assert code in [p.code for p in find_places(text, date="2024-01-01")]


def test_historical_names_hold_only_in_their_time() -> None:
    assert [p.code for p in find_places("Zaire's copper", date="1987-03-01")] == ["COD"]
    assert find_places("Zaire's copper", date="2005-03-01") == []


def test_a_shared_currency_is_no_story_currency() -> None:
    # most figures in CFA francs (eight economies): the one yen loan does not make the
    # story's totals Japan's
    text = ("DAKAR - Senegal's exports rose 4% to 2,100 billion CFA francs in 2023. Total "
            "imports reached 3,900 billion CFA francs, leaving a deficit of 1,800 billion. "
            "Japan will lend the country 20 billion yen.")
    assert _row(text, "3,900 billion")["party_to"] == "SEN"
    assert _row(text, "1,800 billion")["party_from"] == "SEN"


def test_the_same_months_of_a_year_keep_the_partial_period() -> None:
    assert comparison_period("2021-01/2021-09", " in the same months of 2020") \
        == "2020-01/2020-09"
    assert comparison_period("2021-01/2021-06", " in the same six months of 2020") \
        == "2020-01/2020-06"


@pytest.mark.parametrize(("text", "surface", "concept"), [
    ("Ghana earned $2.3 billion from gold exports in the first half, the central bank said.",
     "$2.3 billion", "exports"),
    ("Peru brought in about $1.1 billion from fishmeal exports last year.", "$1.1 billion",
     "exports"),
])
def test_income_from_a_flow_takes_its_concept(text: str, surface: str, concept: str) -> None:
    assert _row(text, surface)["concept"] == concept


def test_a_buyer_and_the_list_after_it() -> None:
    text = ("LIMA - Peru's mining exports rose in March. China stayed the Andean nation's "
            "biggest buyer at $1.9 billion, followed by the United States at $800 million "
            "and Japan at $300 million.")
    for surface, partner in [("$1.9 billion", "CHN"), ("$800 million", "USA"),
                             ("$300 million", "JPN")]:
        r = _row(text, surface)
        assert (r["concept"], r["party_from"], r["party_to"]) == ("exports", "PER", partner)


def test_a_supplier_and_a_trading_partner() -> None:
    r = _row("Germany is Poland's largest supplier, at $40 billion.", "$40 billion")
    assert (r["concept"], r["party_from"], r["party_to"]) == ("imports", "DEU", "POL")
    r = _row("WARSAW - Poland's trade grew in 2023. Italy, its fifth-largest trading partner "
             "with $18 billion, sent a delegation.", "$18 billion")
    assert (r["concept"], r["parties"]) == ("trade", "ITA,POL")


def test_the_market_alone_names_no_role() -> None:
    # no possessor and no rank: "the market" is no trading role
    r = _row("Shares in the market closed at $12 billion of turnover.", "$12 billion")
    assert r["concept"] != "exports"


def test_a_flow_a_year_is_no_price_and_takes_no_inherited_period() -> None:
    text = ("Kenya's exports rose 6% in the third quarter. \"Our trade with India is worth "
            "more than $4 billion a year,\" the minister said.")
    r = _row(text, "$4 billion")
    assert (r["concept"], r["period"]) == ("trade", None)
    r = _row("Uganda aims to lift coffee exports to $2 billion a year by 2030.", "$2 billion")
    assert (r["concept"], r["claim_type"], r["period"]) == ("exports", "target", "2030")


def test_a_figure_a_year_in_aid_is_aid() -> None:
    r = _row("Donors urged rich states to cancel African debt and provide an extra $25bn "
             "(£13bn) a year in aid.", "$25bn")
    assert r["concept"] == "aid"


@pytest.mark.parametrize(("text", "surface", "expect"), [
    ("Japan will lend Ghana $300 million for a port.", "$300 million",
     ("loans", "JPN", "GHA", "target")),
    ("China has lent Zambia about $6 billion since 2000.", "$6 billion",
     ("loans", "CHN", "ZMB", "level")),
    ("Korea will lend Laos 30 billion won for roads and give a further 5 billion won in "
     "grants.", "5 billion won", ("aid", "KOR", "LAO", "target")),
    ("Qatar will also lend $500 million to Jordan, the emir said.", "$500 million",
     ("loans", "QAT", "JOR", "target")),
])
def test_the_verb_names_what_it_gives(text: str, surface: str, expect: tuple) -> None:
    r = _row(text, surface)
    assert (r["concept"], r["party_from"], r["party_to"], r["claim_type"]) == expect


def test_verb_concept_reads_only_verbs() -> None:
    assert verb_concept("Japan will lend Ghana $300 million", 0, 22) == ("loans", 11, 15)
    assert verb_concept("Gross mortgage lending stood at £17bn", 0, 32) is None


@pytest.mark.parametrize("text", [
    "UK gross mortgage lending stood at £17.9bn in January, lenders said.",
    "Consumer credit rose by £1.2bn in March, the Bank of England said.",
])
def test_domestic_credit_is_no_loan_between_economies(text: str) -> None:
    assert not (_claims(text)["concept"] == "loans").any()


def test_a_partner_is_carried_only_from_a_figure_of_its_own() -> None:
    # the lead names China only in passing ("as shipments to China held up"): the next
    # sentence's exports are the total
    text = ("PERTH - Australia swung to a surplus in May as ore shipments to China held up. "
            "Exports rose 3% to A$45 billion, the bureau said.")
    r = _row(text, "A$45 billion")
    assert (r["party_from"], r["party_to"]) == ("AUS", None)


def test_no_partner_is_carried_from_a_breakdown() -> None:
    text = ("COLOMBO - Sales to the United States were $231 million in May, followed by "
            "Britain at $98 million and India at $74 million. Tea exports rose 3% to "
            "$120 million in May, the board said.")
    r = _row(text, "$120 million")
    assert (r["concept"], r["party_from"], r["party_to"]) == ("exports", "LKA", None)


def test_no_partner_is_carried_from_two_partners() -> None:
    text = ("HANOI - Shipments to ASEAN grew 4% in May, while exports to the European Union "
            "jumped 12%. In January-May, exports grew 6.1%, the office said.")
    r = _row(text, "6.1%")
    assert (r["party_from"], r["party_to"]) == ("VNM", None)


def test_an_aid_package_with_no_giver_goes_to_the_economy_named() -> None:
    text = ("Nepal no longer needs a debt freeze, its finance minister said. A $900m donors' "
            "aid package made it unnecessary.")
    r = _row(text, "$900m")
    assert (r["concept"], r["party_from"], r["party_to"]) == ("aid", None, "NPL")


def test_forecasters_do_not_become_the_source_of_later_figures() -> None:
    text = ("BANGKOK - Thailand's exports rose 9.4% in July, the Commerce Ministry said. "
            "Economists polled by Reuters had expected 6.5%.\n\nImports climbed 5.8% to "
            "$26.3 billion.")
    assert _row(text, "$26.3 billion")["speaker"] == "the Commerce Ministry"


def test_a_bracketed_conversion_does_not_break_a_comparison() -> None:
    # the decimal point of "$6.2 billion" is no sentence end
    text = ("TUNIS, Feb 12 (Reuters) - Tunisia's trade deficit widened to 19.05 billion dinars "
            "($6.2 billion) in 2018 from 15.6 billion dinars a year earlier, the institute said.")
    assert _row(text, "15.6 billion", date="2019-02-12")["period"] == "2017"


def test_a_countrys_foreign_debt_has_no_lender_from_the_story() -> None:
    text = ("WASHINGTON - U.S. officials pressed Seoul. Korea will keep a surplus to cut its "
            "44.5 billion dlr foreign debt, the minister said.")
    r = _row(text, "44.5 billion", date="1987-03-19")
    assert (r["concept"], r["party_from"], r["party_to"]) == ("loans", None, "KOR")


def test_an_owner_and_period_in_the_figures_own_words_need_no_review() -> None:
    r = _row("BANGKOK - Thailand's exports rose 9.4% in July, the ministry said.", "9.4%")
    assert (r["parties_by"], r["period_by"], r["needs_review"]) == ("phrase", "clause", False)
    r = _row("BANGKOK - Exports rose 9.4% in July, the ministry said.", "9.4%")
    assert r["needs_review"]


def test_from_a_level_with_the_month_after_it_is_the_month_before() -> None:
    text = ("OTTAWA - Canada's surplus soared in February, the agency said. Total exports "
            "expanded to 10.4 billion dlrs from 9.8 billion dlrs in February.")
    assert _row(text, "10.4 billion", date="1987-04-09")["period"] == "1987-02"
    assert _row(text, "9.8 billion", date="1987-04-09")["period"] == "1987-01"


def test_a_rise_in_a_flow_is_that_flows_figure() -> None:
    text = ("OTTAWA - The surplus was driven by a 23 pct gain in car exports to 3.2 billion "
            "dlrs in February, the agency said.")
    assert _row(text, "23 pct", date="1987-04-09")["concept"] == "exports"


def test_a_currency_in_cents_is_a_rate() -> None:
    text = ("OTTAWA - The trade news lifted the Canadian dollar, which rose to 76.85 U.S. cts "
            "after closing at 76.58 cts on Wednesday.")
    c = _claims(text, date="1987-04-09")
    assert set(c["concept"]) == {"exchange_rate"}


def test_a_countrys_debt_named_by_its_figure_is_a_level() -> None:
    text = "Keating said it would take time to stabilise Australia's 80 billion dlr foreign debt."
    r = _row(text, "80 billion", date="1987-03-20")
    assert (r["concept"], r["claim_type"], r["party_to"]) == ("loans", "level", "AUS")


@pytest.mark.parametrize(("text", "unit"), [
    ("MUSCAT - Oman's exports rose to 2 billion rials.", "OMR"),
    ("MUSCAT - Oman's exports rose to 2 billion riyals.", "OMR"),
    ("DOHA - Qatar's exports were 30 billion riyals.", "QAR"),
    ("TEHRAN - Iran's imports were 900 trillion rials.", "IRR"),
    ("ASUNCION - Paraguay's exports reached 5 trillion guaranies.", "PYG"),
])
def test_rials_and_riyals_by_the_country_named(text: str, unit: str) -> None:
    assert list(_claims(text)["unit"]) == [unit]


def test_a_national_currency_names_its_economy() -> None:
    # the figures are told in Serbian dinars: the exports are Serbia's
    text = "BELGRADE - Exports to Germany rose to 310 billion dinars in 2023, Serbia said."
    r = _row(text, "310 billion")
    assert (r["party_from"], r["party_to"]) == ("SRB", "DEU")


def test_re_exports_are_exports() -> None:
    r = _row("HONG KONG - Re-exports fell 11.6 pct to 10.6 billion dlrs in February.", "11.6 pct",
             date="1987-03-26")
    assert (r["concept"], r["claim_type"]) == ("exports", "change")


def test_down_from_a_months_figure_is_a_comparison() -> None:
    text = "LONDON - The UK's deficit for goods was £4.6bn in November, down from October's £5bn."
    r = _row(text, "£5bn", date="2004-01-12")
    assert (r["concept"], r["period"]) == ("trade_deficit", "2003-10")


def test_a_comparison_clause_keeps_the_main_clauses_concept() -> None:
    text = ("THE HAGUE - January exports compared with a December figure of 15.0 billion "
            "guilders, the ministry said.")
    r = _row(text, "15.0 billion", date="1987-03-13")
    assert (r["concept"], r["period"]) == ("exports", "1986-12")


@pytest.mark.parametrize(("text", "surface", "partner"), [
    ("BUCHAREST - Romania's exports rose. Germany remained the largest buyer, taking Romanian "
     "goods worth 9.6 billion euros in the period, followed by Italy with 4.9 billion euros.",
     "4.9 billion", "ITA"),
    ("SANTIAGO - Chile's exports rose. China remained the top buyer last year with $18.9 "
     "billion, the bank said.", "$18.9 billion", "CHN"),
    ("ABUJA - Nigeria's exports rose. India was the largest buyer of Nigerian crude, at 894 "
     "billion naira.", "894 billion", "IND"),
])
def test_more_shapes_of_a_buyer(text: str, surface: str, partner: str) -> None:
    r = _row(text, surface)
    assert (r["concept"], r["party_to"]) == ("exports", partner)


def test_a_list_after_goods_bought() -> None:
    text = ("DHAKA - Exports rose 11.4% to $32.1 billion in July-April, the bureau said. The "
            "United States bought $5.6 billion of goods over the ten months and Germany $4.8 "
            "billion, the bureau said.")
    for surface, buyer in [("$5.6 billion", "USA"), ("$4.8 billion", "DEU")]:
        r = _row(text, surface, date="2021-05-13")
        assert (r["concept"], r["party_from"], r["party_to"]) == ("exports", "BGD", buyer)


def test_a_share_of_the_total_with_its_buyer() -> None:
    text = ("TUNIS - Exports rose 19.1% to 40.9 billion dinars last year, with the European "
            "Union taking 73% of the total, Tunisia's statistics institute said.")
    r = _row(text, "73%", date="2019-02-12")
    assert (r["concept"], r["party_to"]) == ("exports", "EU")


def test_supplied_to_a_country_is_exports() -> None:
    text = ("DOHA - The Gulf state supplied liquefied natural gas worth $2.3 billion to "
            "Pakistan last year, Qatar's embassy said.")
    r = _row(text, "$2.3 billion", date="2019-08-01")
    assert (r["concept"], r["party_from"], r["party_to"]) == ("exports", "QAT", "PAK")
    # a firm that sold something names no buyer economy
    assert _row("Barclays sold the unit for £350m.", "£350m")["concept"] != "exports"


def test_a_region_word_for_a_blocs_members() -> None:
    text = ("BRUSSELS - Trade between the European Union and Mercosur reached 118 billion euros "
            "in 2022, Eurostat said. EU exports to the four South American countries rose to "
            "56 billion euros.")
    r = _row(text, "56 billion", date="2023-02-01")
    assert (r["party_from"], r["party_to"]) == ("EU", "MERCOSUR")


def test_a_region_that_qualifies_a_bloc_is_the_bloc() -> None:
    text = ("TOKYO - Japan ran a trade surplus of 8.7 trillion yen with the United States, 2.1 "
            "trillion yen with Southeast Asia's ASEAN bloc and 0.4 trillion yen with Taiwan.")
    r = _row(text, "2.1 trillion", date="2023-05-01")
    assert (r["party_from"], r["party_to"]) == ("JPN", "ASEAN")
    # with no bloc named, South America is the region
    r = _row("MADRID - Spain's exports to South American countries rose 4% in 2022.", "4%")
    assert r["party_to"] == "LATAM"


def test_a_numbered_bloc_and_a_share_of_its_subjects_flow() -> None:
    text = ("SEOUL - Exports to the Association of Southeast Asian Nations rose 31.5 percent in "
            "the first half, the ministry said. Outbound shipments to the 10-member bloc "
            "accounted for 17 percent of Korea's total exports in the period.")
    r = _row(text, "17 percent", date="2022-07-07")
    assert (r["concept"], r["party_from"], r["party_to"]) == ("exports", "KOR", "ASEAN")


def test_a_market_role_for_shares() -> None:
    text = ("RIYADH - Saudi exports fell 5% in February, the authority said. China remained its "
            "biggest market, taking 15.8% of exports, followed by Japan at 9.6%.")
    for surface, buyer in [("15.8%", "CHN"), ("9.6%", "JPN")]:
        r = _row(text, surface, date="2024-04-20")
        assert (r["concept"], r["party_from"], r["party_to"]) == ("exports", "SAU", buyer)


def test_its_neighbour_named_earlier_in_the_same_sentence() -> None:
    text = ("ACCRA - Ghana's exports to Nigeria rose 18% last year, while Nigeria's surplus with "
            "its western neighbour was $1.1 billion.")
    r = _row(text, "$1.1 billion", date="2024-02-10")
    assert (r["concept"], r["party_from"], r["party_to"]) == ("trade_surplus", "NGA", "GHA")


def test_a_percent_that_is_a_pace_is_a_change() -> None:
    text = ("WARSAW - Polish exports grew 4.2% in the first half of 2019, the office said, "
            "slower than the 7.5% pace a year earlier.")
    assert _row(text, "7.5%", date="2019-08-09")["claim_type"] == "change"


def test_the_parts_of_a_pledged_package() -> None:
    text = ("AMMAN - The EU will give Jordan 3 billion euros in grants and loans over the next "
            "three years, officials said. Of the package, 640 million euros is budget support "
            "in grants and 1.4 billion euros is concessional lending, they said.")
    for surface, concept in [("640 million", "aid"), ("1.4 billion", "loans")]:
        r = _row(text, surface, date="2024-09-06")
        assert (r["concept"], r["party_from"], r["party_to"], r["claim_type"]) == (
            concept, "EU", "JOR", "target")
    text = ("BEIJING - China will provide 360 billion yuan in loans to African countries over "
            "the next three years, Zhou said. About 70 billion yuan of that would come as "
            "investment by Chinese companies, Zhou said.")
    r = _row(text, "70 billion", date="2024-09-06")
    assert (r["concept"], r["claim_type"]) == ("investment", "target")


def test_a_rise_in_a_month_is_still_the_subjects() -> None:
    text = ("TOKYO - Japan's exports showed a 5% rise in May, provisional Finance Ministry "
            "figures show.")
    r = _row(text, "5%", date="1987-06-18")
    assert (r["concept"], r["claim_type"], r["period"], r["speaker"]) == (
        "exports", "change", "1987-05", "Finance Ministry")
    # a firm's quarterly revenue is no trade figure
    c = _claims("ACCRA - Newmont's Ghana unit reported a 12% rise in quarterly revenue.")
    assert not c["concept"].isin(["exports", "imports", "trade"]).any()


def test_a_balance_that_showed_is_no_speaker() -> None:
    text = ("ROME - Italy's overall balance of payments showed a deficit of 3,211 billion lire "
            "in May, provisional Bank of Italy figures show.")
    assert _row(text, "3,211 billion", date="1987-06-18")["speaker"] == "Bank of Italy"


def test_a_further_part_of_a_package() -> None:
    text = ("BEIJING - China will provide 360 billion yuan in loans to African countries over "
            "the next three years, Zhou said. About 210 billion yuan of that would be credit "
            "lines, and a further 70 billion yuan would come as investment by Chinese "
            "companies, Zhou said.")
    r = _row(text, "70 billion", date="2024-09-06")
    assert (r["concept"], r["party_from"], r["party_to"], r["claim_type"]) == (
        "investment", "CHN", "AFRICA", "target")
    # "most of it" is no part of an earlier pledge
    text = ("TASHKENT - \"We want our trade to pass $1 billion by 2030,\" Nurmatov said. He said "
            "Saudi companies already held $3.2 billion of accumulated investment in Uzbekistan, "
            "most of it in solar plants.")
    assert _row(text, "$3.2 billion", date="2025-03-01")["claim_type"] == "level"


def test_a_share_of_it_with_a_partner_and_an_unnamed_official() -> None:
    text = ("TAIPEI - \"We are aware of the seriousness of the U.S. threat,\" said a senior "
            "Taiwanese trade official who asked not to be named. Taiwan had a trade surplus of "
            "15.6 billion dlrs last year, 95 pct of it with the U.S.")
    r = _row(text, "95 pct", date="1987-04-08")
    assert (r["concept"], r["party_from"], r["party_to"], r["period"]) == (
        "trade_surplus", "TWN", "USA", "1986")
    assert r["speaker"] == "a senior Taiwanese trade official"


def test_the_largest_source_of_investment_in_a_list() -> None:
    text = ("HANOI - Foreign direct investment inflows rose 9% to $23.2 billion, with Singapore "
            "the largest source at $5.4 billion, followed by South Korea at $3.1 billion, "
            "customs data showed.")
    for surface, investor in [("$5.4 billion", "SGP"), ("$3.1 billion", "KOR")]:
        r = _row(text, surface, date="2025-01-20")
        assert (r["concept"], r["party_from"], r["party_to"]) == ("fdi", investor, "VNM")
    assert r["speaker"] == "customs"


def test_part_of_a_split_fiscal_year_by_the_countrys_calendar() -> None:
    text = ("NAIROBI, Feb 18 (Reuters) - Kenya's imports from China rose 14% to 312 billion "
            "shillings in the first half of the 2024/25 fiscal year, the bureau said.")
    assert _row(text, "312 billion", date="2025-02-18")["period"] == "2024-07/2024-12"
    text = ("NAIROBI, Feb 18 - Kenya sold goods worth 19 billion shillings to China over the "
            "July-December period, the bureau said.")
    r = _row(text, "19 billion", date="2025-02-18")
    assert (r["concept"], r["party_from"], r["party_to"], r["period"]) == (
        "exports", "KEN", "CHN", "2024-07/2024-12")


def test_its_biggest_supplier_named_in_its_own_sentence() -> None:
    text = ("NAIROBI - Kenya sold goods worth 19 billion shillings to China, leaving the East "
            "African nation with a deficit of 293 billion shillings with its biggest supplier.")
    r = _row(text, "293 billion", date="2025-02-18")
    assert (r["concept"], r["party_from"], r["party_to"]) == ("trade_deficit", "KEN", "CHN")


def test_the_top_market_for_a_countrys_goods_and_its_list() -> None:
    text = ("NAIROBI - Exports rose 9%. Pakistan remained the top market for Kenyan tea, buying "
            "38 billion shillings worth, ahead of Egypt at 21 billion.")
    for surface, buyer in [("38 billion", "PAK"), ("21 billion", "EGY")]:
        r = _row(text, surface, date="2025-02-18")
        assert (r["concept"], r["party_from"], r["party_to"]) == ("exports", "KEN", buyer)


def test_figures_published_on_a_day_by_a_body() -> None:
    text = ("MONTEVIDEO - Uruguay's exports fell 7.3% in February to $812 million, according to "
            "figures published on Wednesday by the national customs office.")
    assert _row(text, "$812 million", date="2024-03-06")["speaker"] == \
        "the national customs office"


def test_a_buyer_is_not_the_seller_of_the_next_clause() -> None:
    text = ("MONTEVIDEO - China took $176 million of Uruguay's goods in "
            "February, while sales to Brazil rose 12% to $141 million, Uruguay's customs said.")
    r = _row(text, "$141 million", date="2024-03-06")
    assert (r["party_from"], r["party_to"]) == ("URY", "BRA")


def test_members_of_a_bloc_that_buy_a_share() -> None:
    text = ("MONTEVIDEO - Uruguay's exports fell in February. Fellow Mercosur members buy "
            "roughly a fifth of Uruguay's exports.")
    r = _row(text, "a fifth", date="2024-03-06")
    assert (r["party_from"], r["party_to"]) == ("URY", "MERCOSUR")


def test_the_landlocked_nation_and_a_nearer_verb() -> None:
    text = ("ASUNCION - Taiwanese firms have invested some $430 million in Paraguay, and Taipei "
            "will lend $150 million for housing, the minister said. The landlocked nation's "
            "total exports rose 11% to $11.2 billion over the nine months.")
    r = _row(text, "$150 million", date="2023-10-04")
    assert (r["concept"], r["party_from"], r["party_to"]) == ("loans", "TWN", "PRY")
    assert _row(text, "$11.2 billion", date="2023-10-04")["party_from"] == "PRY"


def test_a_balance_beside_a_pair_takes_the_other_member() -> None:
    text = ("ASUNCION - Two-way trade between Paraguay and Taiwan reached $176 million last year, "
            "with the South American country running a surplus of about $60 million.")
    r = _row(text, "$60 million", date="2023-10-04")
    assert (r["party_from"], r["party_to"]) == ("PRY", "TWN")


def test_export_earnings_are_exports_and_a_buyer_after_an_aside() -> None:
    text = ("LUSAKA - Zambia's copper export earnings are expected to rise about 15% this year "
            "to $9.2 billion, economists said. Switzerland, through which traders route much "
            "of the metal, took 42% of Zambian exports.")
    r = _row(text, "$9.2 billion", date="2024-01-30")
    assert (r["concept"], r["party_from"], r["claim_type"]) == ("exports", "ZMB", "forecast")
    assert _row(text, "42%", date="2024-01-30")["party_to"] == "CHE"
