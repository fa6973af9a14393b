"""The extractor's grammar, as a table of real-shaped strings (price-parser style).

Each case: text, then the quantities expected in order as (surface, kind, value, unit)
and optionally bound/change. Cases are grouped by provenance: the seed article, the
grammar the foundation issue lists, and bugs caught.
"""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

import econnews as en
from econnews import schema
from econnews.errors import InputError

ROOT = Path(__file__).resolve().parents[1]

# (text, [(surface, kind, value, unit), ...])
SEED = [
    ("Putin proposed to increase trade between Russia and Japan to $30 billion ... "
     "to increase mutual trade by 1.5 times ... The total amount of Japanese investments "
     "is $ 2.2 billion.",
     [("$30 billion", "money", 3.0e10, "USD"), ("1.5 times", "ratio", 1.5, "times"),
      ("$ 2.2 billion", "money", 2.2e9, "USD")]),
]

GRAMMAR = [
    ("It grew 1,234.5 tonnes.", [("1,234.5 tonnes", "measure", 1234.5, "metric_ton")]),
    ("Prices fell -3.2% last month.", [("-3.2%", "percent", -3.2, "percent")]),
    ("thirty billion dollars", [("thirty billion dollars", "money", 3e10, "USD")]),
    ("one and a half times", [("one and a half times", "ratio", 1.5, "times")]),
    ("half a billion dollars", [("half a billion dollars", "money", 5e8, "USD")]),
    ("paying 8-1/8 pct", [("8-1/8 pct", "percent", 8.125, "percent")]),
    ("a loss of 2.4 mln\ndlrs", [("2.4 mln\ndlrs", "money", 2.4e6, "USD")]),
    ("6,000 billion yen", [("6,000 billion yen", "money", 6e12, "JPY")]),
    ("a $30-billion deal", [("$30-billion", "money", 3e10, "USD")]),
    ("Rs 5,000 crore", [("Rs 5,000 crore", "money", 5e10, "INR")]),
    ("Rs 2 lakh crore", [("Rs 2 lakh crore", "money", 2e12, "INR")]),
    ("USD 30 bn", [("USD 30 bn", "money", 3e10, "USD")]),
    ("30 billion USD", [("30 billion USD", "money", 3e10, "USD")]),
    ("EUR 5 billion", [("EUR 5 billion", "money", 5e9, "EUR")]),
    ("30 billion U.S. dollars", [("30 billion U.S. dollars", "money", 3e10, "USD")]),
    ("1.2 billion pounds", [("1.2 billion pounds", "money", 1.2e9, "GBP")]),
    ("A$5m and C$3bn and HK$2 billion", [("A$5m", "money", 5e6, "AUD"),
                                         ("C$3bn", "money", 3e9, "CAD"),
                                         ("HK$2 billion", "money", 2e9, "HKD")]),
    ("€4bn, £3m, ¥800 billion, ₹12 crore, ₽5 trillion",
     [("€4bn", "money", 4e9, "EUR"), ("£3m", "money", 3e6, "GBP"),
      ("¥800 billion", "money", 8e11, "JPY"), ("₹12 crore", "money", 1.2e8, "INR"),
      ("₽5 trillion", "money", 5e12, "RUB")]),
    ("5 billion roubles and 3 bln rubles", [("5 billion roubles", "money", 5e9, "RUB"),
                                            ("3 bln rubles", "money", 3e9, "RUB")]),
    ("20 mln stg and 4 billion Swiss francs", [("20 mln stg", "money", 2e7, "GBP"),
                                               ("4 billion Swiss francs", "money", 4e9, "CHF")]),
    ("150 mln Canadian dlrs", [("150 mln Canadian dlrs", "money", 1.5e8, "CAD")]),
    ("30 billion won", [("30 billion won", "money", 3e10, "KRW")]),
    ("rose to 8.14 billion dlrs from 5.7 billion",
     [("8.14 billion dlrs", "money", 8.14e9, "USD"), ("5.7 billion", "money", 5.7e9, "USD")]),
    ("a 1.65 billion yen profit on sales of 443.90 billion",
     [("1.65 billion yen", "money", 1.65e9, "JPY"), ("443.90 billion", "money", 4.439e11, "JPY")]),
    ("up 5 pct, 3 per cent, 2 percent, 1.5 percentage points and 50 basis points",
     [("5 pct", "percent", 5, "percent"), ("3 per cent", "percent", 3, "percent"),
      ("2 percent", "percent", 2, "percent"),
      ("1.5 percentage points", "percent", 1.5, "percentage_point"),
      ("50 basis points", "percent", 0.5, "percentage_point")]),
    ("four times larger, 1.5-fold, twofold", [("four times", "ratio", 4, "times"),
                                        ("1.5-fold", "ratio", 1.5, "times"),
                                        ("twofold", "ratio", 2, "times")]),
    ("exports doubled, imports tripled, output quadrupled and costs halved",
     [("doubled", "ratio", 2, "times"), ("tripled", "ratio", 3, "times"),
      ("quadrupled", "ratio", 4, "times"), ("halved", "ratio", 0.5, "times")]),
    ("cut by half", [("by half", "ratio", 0.5, "times")]),
    ("a third of the budget", [("a third", "ratio", 1 / 3, "times")]),
    ("$2-3 billion", [("$2-3 billion", "money", 2.5e9, "USD")]),
    ("$2 billion to $3 billion", [("$2 billion to $3 billion", "money", 2.5e9, "USD")]),
    ("between $40 billion and $50 billion", [("$40 billion and $50 billion", "money", 4.5e10, "USD")]),
    ("some 50 to 60 billion dlrs", [("50 to 60 billion dlrs", "money", 5.5e10, "USD")]),
    ("3,400 people and 500,000 barrels a day",
     [("3,400 people", "count", 3400, "people"),
      ("500,000 barrels a day", "measure", 5e5, "oil_barrel / day")]),
    ("a 4,000 km pipeline and a 12 MW plant",
     [("4,000 km", "measure", 4000, "kilometer"), ("12 MW", "measure", 12, "megawatt")]),
    ("The price was $58.24 per barrel.", [("$58.24 per barrel", "money", 58.24, "USD")]),
]

BOUNDS = [
    ("about $5 billion", "~"), ("around 5%", "~"), ("roughly 5%", "~"), ("some 5%", "~"),
    ("nearly 5%", "~"), ("almost 5%", "~"), ("more than 5%", ">"), ("over 5%", ">"),
    ("above 5%", ">"), ("at least 5%", ">"), ("less than 5%", "<"), ("under 5%", "<"),
    ("below 5%", "<"), ("up to 5%", "<"), ("at most 5%", "<"), ("5%", "="),
    ("as many as 840 people", "<"), ("for the past two years", "="),
    ("coffee earnings were up to 220 mln dlrs in March from 110 mln", "="),
]

CHANGES = [
    ("Operating profit improved by 27 % to EUR 579.8 mn", "up"),
    ("686.5 million euros , 13.8 % up on the year", None),
    ("imports rose only 8.5 pct", "up"), ("after dropping 11.52 pct", "down"),
    ("a cutback of more than 20 pct", "down"), ("Japan racked up a 51.5 billion dlr surplus", None),
    ("a pretax gain of 7.2 mln dlrs", None), ("ready to raise £1.4bn", None),
    ("raised its forecast by 2%", "up"), ("to help pay off a $27.5bn bill", None),
    ("16 per cent above its 2018 closing level", "up"), ("shares rose +5% today", "up"),
    ("against a $111m loss a year earlier", None), ("up 56 pence, or 7.6%", "up"),
    ("after a 14 pct contraction", "down"),
    ("Sales rose 5%.", "up"), ("Exports fell 7% to $2.3 billion.", "down"),
    ("They cut spending by $2 billion.", "down"), ("The stock was up 19 cents.", "up"),
    ("Trade rose to $30 billion.", None), ("a 3 percent drop", "down"),
]

NOT_QUANTITIES = [
    "a mass of 3x10^999 tonnes",  # past any float: no figure, and no OverflowError
    "In 2019 the G20 met.", "On March 29, 2019 at 10:30 am.", "the 22nd amendment",
    "fiscal 1987/88", "Call 555-123-4567.", "a Boeing 737 and an F-35 during COVID-19",
    "iPhone 11 Pro", "The S&P 500 index", "Game 7 ended 2-1.", "version 1.2.3",
    "The trip is set for April 6 to 8.", "9 E 71st St, Manhattan", "a six-speed gearbox",
    "several hundred", "between 1600 and 1900",
    "tel. +358 9 591 8342", "by a vote of 34 to 2", "in a 2-1 decision", "the 737-800 had", "its new 777 plane",
    "in the first half of 2010", "in the 1986 second half", "a double edged sword",
]

BUGS = [
    # the title's "$30 billion" is a second mention, not a range with anything
    ("Tokyo rejects Putin's proposal to increase trade to $30 billion\n\nRussian President",
     [("$30 billion", "money", 3e10, "USD")]),
    # "($7.5 million)" after another amount is a conversion, and positive
    ("a fine of 10.5 million Australian dollars ($7.5 million)",
     [("10.5 million Australian dollars", "money", 1.05e7, "AUD"),
      ("$7.5 million", "money", 7.5e6, "USD")]),
    # "rise by X to Y" is a change and a level, "by X to Y" close together is a range
    ("budget rise by $19bn to $419.3bn", [("$19bn", "money", 1.9e10, "USD"),
                                         ("$419.3bn", "money", 4.193e11, "USD")]),
    ("cut profits by $3.8m to $4.9m", [("$3.8m to $4.9m", "money", 4.35e6, "USD")]),
    ("the then-18 year-old", [("18 year-old", "measure", 18, "year")]),
    ("Net sales rose to EUR74 .8 m", [("EUR74 .8 m", "money", 7.48e7, "EUR")]),
    # "and" between two cardinals is a range, not a sum (Reuters, Soviet-US trade)
    ("trade would remain between two and three billion dlrs a year",
     [("two and three billion dlrs a year", "money", 2.5e9, "USD")]),
    ("one hundred and twenty", [("one hundred and twenty", "number", 120, None)]),
    # the full stop after "pct" ends the sentence, it is not part of the mention
    ("rose 10.30 pct. The", [("10.30 pct", "percent", 10.3, "percent")]),
    ("1.99×10−30 kilograms", [("1.99×10−30 kilograms", "measure", 1.99e-30, "kilogram")]),
    # audit of Reuters/BBC/PhraseBank copy: names several currencies share take the
    # article's own place words; adjectival singulars count after a scale word
    ("STOCKHOLM - a payments surplus of 7.6 billion crowns against a deficit of 10.1 billion",
     [("7.6 billion crowns", "money", 7.6e9, "SEK"), ("10.1 billion", "money", 1.01e10, "SEK")]),
    ("Copenhagen: against a 181 mln crown surplus", [("181 mln crown", "money", 1.81e8, "DKK")]),
    ("a two billion franc surplus", [("two billion franc", "money", 2e9, "FRF")]),
    ("24.2 trillion pesos in Colombia", [("24.2 trillion pesos", "money", 2.42e13, "COP")]),
    ("a surplus of\n780 mln Kenya shillings (48 mln dlrs)",
     [("780 mln Kenya shillings", "money", 7.8e8, "KES"), ("48 mln dlrs", "money", 4.8e7, "USD")]),
    ("615 mln Ecus in grants", [("615 mln Ecus", "money", 6.15e8, "XEU")]),
    ("the 16.8 mln U.S. dlr buy, 302 mln eur and 1.32 billion N.Z. Dlrs",
     [("16.8 mln U.S. dlr", "money", 1.68e7, "USD"), ("302 mln eur", "money", 3.02e8, "EUR"),
      ("1.32 billion N.Z. Dlrs", "money", 1.32e9, "NZD")]),
    ("passed the 10,000 mark", [("10,000", "number", 1e4, None)]),
    # a percent or a duration between does not break the currency a paragraph stated
    ("fell to 1.89 billion dlrs in the first 10 days of March from a 1.91 billion surplus",
     [("1.89 billion dlrs", "money", 1.89e9, "USD"), ("10 days", "measure", 10, "day"),
      ("1.91 billion", "money", 1.91e9, "USD")]),
    ("exports rose 14.6 pct to 10.91 billion dlrs, while imports fell 3.2 pct to 7.33 billion",
     [("14.6 pct", "percent", 14.6, "percent"), ("10.91 billion dlrs", "money", 1.091e10, "USD"),
      ("3.2 pct", "percent", 3.2, "percent"), ("7.33 billion", "money", 7.33e9, "USD")]),
    # "from X to Y" after a change verb is the old level and the new one, not a range
    ("sales had fallen from £138m to £118m", [("£138m", "money", 1.38e8, "GBP"),
                                             ("£118m", "money", 1.18e8, "GBP")]),
    ("condos range from $800,000 to $1.3 million",
     [("$800,000 to $1.3 million", "money", 1.05e6, "USD")]),
    # percentage points in rate talk; index points elsewhere
    ("foreign trade added 0.5\npoint and knocked off 1.5 points",
     [("0.5\npoint", "percent", 0.5, "percentage_point"),
      ("1.5 points", "percent", 1.5, "percentage_point")]),
    ("The Dow lost 190 points", [("190 points", "count", 190, "points")]),
    ("four half-point cuts and a quarter of a point more",
     [("four", "number", 4, None), ("half-point", "percent", 0.5, "percentage_point"),
      ("a quarter of a point", "percent", 0.25, "percentage_point")]),
    ("almost one in six cars", [("one in six", "ratio", 1 / 6, "times")]),
    ("rates were put up five times this year", [("five times", "count", 5, "times")]),
    ("4.27 pct (4.32)", [("4.27 pct", "percent", 4.27, "percent"),
                         ("4.32", "percent", 4.32, "percent")]),
    ("Four major Japanese steelmakers and 158\nitems",
     [("Four major Japanese steelmakers", "count", 4, "steelmakers"),
      ("158\nitems", "count", 158, "items")]),
    # tokeniser damage and separators in financial copy
    ("EPS were EUR0 .03 , up from EUR0 .083", [("EUR0 .03", "money", 0.03, "EUR"),
                                               ("EUR0 .083", "money", 0.083, "EUR")]),
    ("which has EUR2 .8 bn in assets", [("EUR2 .8 bn", "money", 2.8e9, "EUR")]),
    ("the contract was 250 000 Euros", [("250 000 Euros", "money", 2.5e5, "EUR")]),
    ("with 1.143 billion mln stg assistance", [("1.143 billion mln stg", "money", 1.143e9, "GBP")]),
    ("compared to a negative EUR 68.6 mn", [("EUR 68.6 mn", "money", -6.86e7, "EUR")]),
    # a Reuters earnings table: the line label says what a bare figure is
    ("Shr 12 cts vs 10 cts\nNet 613,986 vs 534,093\nAvg shrs 72.1 mln vs 31.7 mln",
     [("12 cts", "money", 0.12, "USD"), ("10 cts", "money", 0.1, "USD"),
      ("613,986", "money", 613986, "USD"), ("534,093", "money", 534093, "USD"),
      ("72.1 mln", "count", 7.21e7, "shares"), ("31.7 mln", "count", 3.17e7, "shares")]),
    # money forms from the Recognizers currency set
    ("between c $ 16.4 million and hk $ 10.05 billion",
     [("c $ 16.4 million", "money", 1.64e7, "CAD"), ("hk $ 10.05 billion", "money", 1.005e10, "HKD")]),
    ("a $ 70 - a - share price and a 12-cent-a-share dividend",
     [("$ 70 - a - share", "money", 70, "USD"), ("12-cent-a-share", "money", 0.12, "USD")]),
    ("it only cost thirteen dollars and forty-five cents",
     [("thirteen dollars and forty-five cents", "money", 13.45, "USD")]),
    ("10 $ is not much, nor is 15 €, 100元 or 100 ₡",
     [("10 $", "money", 10, "USD"), ("15 €", "money", 15, "EUR"), ("100元", "money", 100, "CNY"),
      ("100 ₡", "money", 100, "CRC")]),
    ("the two million tourists and 850,000 new Ixonos shares",
     [("two million tourists", "count", 2e6, "tourists"),
      ("850,000 new Ixonos shares", "count", 850000, "shares")]),
    ("The ten percent obligation", [("ten percent", "percent", 10, "percent")]),
    # an amount in brackets is a conversion: the currency stated before it is the one shared
    ("profits of 2.2 billion shekels ($590 million) and 71 million",
     [("2.2 billion shekels", "money", 2.2e9, "ILS"), ("$590 million", "money", 5.9e8, "USD"),
      ("71 million", "money", 7.1e7, "ILS")]),
    ("The index lost 162.31 points, or 2.14%, to fall to 7,425.81",
     [("162.31 points", "count", 162.31, "points"), ("2.14%", "percent", 2.14, "percent"),
      ("7,425.81", "count", 7425.81, "points")]),
    # second audit (Reuters/BBC/PhraseBank)
    ("turnover amounted to MEUR 27.9 in 2007", []),
    ("respectively from EUR7 .5 m and EUR655 .5 m",
     [("EUR7 .5 m", "money", 7.5e6, "EUR"), ("EUR655 .5 m", "money", 6.555e8, "EUR")]),
    ("a target of $ 23.54 - 15.19 euro", [("$ 23.54", "money", 23.54, "USD"),
                                          ("15.19 euro", "money", 15.19, "EUR")]),
    ("options to buy a further 1.99 mln or 1.58 pct",
     [("1.99 mln", "number", 1.99e6, None), ("1.58 pct", "percent", 1.58, "percent")]),
    ("EUR 0.8 -1.2 million", [("EUR 0.8 -1.2 million", "money", 1e6, "EUR")]),
    ("2 billion CFA francs", [("2 billion CFA francs", "money", 2e9, "XOF")]),
    ("a net loss of EUR 184 million USD 259.7 m", [("EUR 184 million", "money", 1.84e8, "EUR"),
                                                   ("USD 259.7 m", "money", 2.597e8, "USD")]),
    # an article that names one dollar means it by a bare "dlrs"
    ("Local M2, in H.K. Dlrs, rose 4.7 pct to 249.03 billion dlrs",
     [("4.7 pct", "percent", 4.7, "percent"), ("249.03 billion dlrs", "money", 2.4903e11, "HKD")]),
    # "one of the X" counts one X; comparatives and superlatives describe in their plain form
    ("one of the best wireless speakers around",
     [("one of the best wireless speakers", "count", 1, "speakers")]),
    ("22 residential burglaries per week",
     [("22 residential burglaries per week", "count", 22, "burglaries")]),
    # share counts never take a currency
    ("Shr 1.20 dlrs vs 1.10 dlrs\nAvg shrs 72.1 mln vs 31.7 mln",
     [("1.20 dlrs", "money", 1.2, "USD"), ("1.10 dlrs", "money", 1.1, "USD"),
      ("72.1 mln", "count", 7.21e7, "shares"), ("31.7 mln", "count", 3.17e7, "shares")]),
]


def _check(text: str, expected) -> pd.DataFrame:
    q = en.extract(text)
    got = [(r.surface, r.kind, r.value, r.unit) for r in q.itertuples()]
    assert len(got) == len(expected), got
    for (s, k, v, u), (es, ek, ev, eu) in zip(got, expected, strict=True):
        assert (s, k, None if pd.isna(u) else u) == (es, ek, eu), got
        assert math.isclose(v, ev, rel_tol=1e-9), (s, v, ev)
    return q


@pytest.mark.parametrize(("text", "expected"), SEED + GRAMMAR + BUGS,
                         ids=[c[0][:50] for c in SEED + GRAMMAR + BUGS])
def test_grammar(text, expected):
    _check(text, expected)


@pytest.mark.parametrize(("text", "bound"), BOUNDS, ids=[b[0] for b in BOUNDS])
def test_bounds(text, bound):
    q = en.extract(text)
    assert len(q) >= 1 and q.loc[0, "bound"] == bound


@pytest.mark.parametrize(("text", "change"), CHANGES, ids=[c[0] for c in CHANGES])
def test_changes(text, change):
    q = en.extract(text)
    first = q.iloc[0]
    assert (first["change"] if isinstance(first["change"], str) else None) == change


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_quantities(text):
    assert en.extract(text).empty, en.extract(text)[["surface", "kind"]]


def test_ranges_have_bounds():
    q = en.extract("$2-3 billion")
    assert (q.loc[0, "low"], q.loc[0, "value"], q.loc[0, "high"]) == (2e9, 2.5e9, 3e9)


def _three_facts(text: str, investment: str) -> None:
    q = en.extract(text, doc_id="russia-japan", date="2019-01-22")
    assert q[["surface", "kind", "value", "unit"]].values.tolist() == [
        ["$30 billion", "money", 3e10, "USD"],   # the title
        ["$30 billion", "money", 3e10, "USD"],
        ["1.5 times", "ratio", 1.5, "times"],
        [investment, "money", 2.2e9, "USD"],
    ]
    for r in q.itertuples():
        assert text[r.start:r.end] == r.surface
        assert r.surface in r.sentence
        assert text[r.sent_start:r.sent_end] == r.sentence
    assert (q["doc_id"] == "russia-japan").all()
    assert (q["date"] == pd.Timestamp("2019-01-22")).all()


def test_example_article_gives_exactly_the_three_facts():
    """The summary in data/ (our own words) carries the model case's three figures."""
    text = (ROOT / "data" / "russia-japan-trade-30bn.txt").read_text(encoding="utf-8")
    _three_facts(text, "$2.2 billion")


@pytest.mark.shared
def test_verbatim_example_article_gives_exactly_the_three_facts(shared):
    """The publisher's own text ("$ 2.2 billion", a space after the sign): ../shared only."""
    path = shared / "examples" / "russia-japan-trade-30bn.txt"
    if not path.is_file():
        pytest.skip(f"the model article's verbatim text {path} is absent (third-party text)")
    _three_facts(path.read_text(encoding="utf-8"), "$ 2.2 billion")


def test_schema_dtypes():
    q = en.extract("Trade rose 5% to $30 billion, 3,400 people.")
    schema.validate(q, schema.QUANTITIES)
    schema.validate(en.extract(""), schema.QUANTITIES)


def test_currency_hint():
    assert en.extract("$5 billion", currency_hint="CAD").loc[0, "unit"] == "CAD"
    assert en.extract("US$5 billion", currency_hint="CAD").loc[0, "unit"] == "USD"
    assert en.extract("¥5 billion", currency_hint="CNY").loc[0, "unit"] == "CNY"
    assert en.extract("¥5 billion").loc[0, "unit"] == "JPY"
    with pytest.raises(InputError):
        en.extract("$5", currency_hint="dollars")


def test_bad_input_is_a_clear_error():
    with pytest.raises(InputError, match="takes a str"):
        en.extract(42)
    assert en.extract(None).empty


def test_input_not_modified_and_offsets_exact_on_unicode():
    text = "Über 5 Mrd. — “trade” hit ₹12 crore 😀 and €4bn."
    q = en.extract(text)
    assert all(text[r.start:r.end] == r.surface for r in q.itertuples())
    assert {"₹12 crore", "€4bn"} <= set(q["surface"])


# ------------------------------------------------------------ lexicon integrity

def _rows(name):
    from econnews.extraction import lexicon as _lexicon

    return _lexicon.read_table(name)


@pytest.mark.parametrize("row", _rows("measures.csv"), ids=lambda r: r["surface"])
def test_every_measure_unit_parses_in_the_econnews_registry(row):
    from econnews.units import parse_unit

    parse_unit(row["pint"])


@pytest.mark.parametrize("row", _rows("currencies.csv"), ids=lambda r: r["surface"])
def test_every_currency_is_an_iso_code_the_registry_knows(row):
    from econnews.units import currency_codes

    if row["iso"].startswith("@"):
        assert row["iso"][1:] in _lexicon_context(), row
    else:
        assert row["iso"] in currency_codes(), row
    assert row["where"] in {"prefix", "suffix", "both"} and row["case"] in {"exact", "any"}


def _lexicon_context():
    from econnews.extraction import lexicon as _lexicon

    return _lexicon.currency_context()


@pytest.mark.parametrize("row", _rows("currency_context.csv"), ids=lambda r: r["cue"])
def test_every_context_currency_is_known(row):
    from econnews.units import currency_codes

    assert row["iso"] in currency_codes(), row


def test_lexicon_files_have_documented_headers():
    from importlib import resources

    for f in resources.files("econnews").joinpath("data").iterdir():
        if f.name.endswith(".csv"):
            head = f.read_text(encoding="utf-8").splitlines()[0]
            assert head.startswith("#"), f"{f.name} lacks its header comment"


def test_word_pass_hints_cover_the_lexicons():
    """The extractor skips a word-only pass when none of its hint substrings occurs; every
    word of the lexicons must contain one of them."""
    import sys

    from econnews.extraction import lexicon as _lexicon

    ex = sys.modules["econnews.extraction.scan"]
    for word in _lexicon.ratio_words():
        assert any(h in word for h in ex._RATIO_HINTS), word
    for word, (_, role) in _lexicon.number_words().items():
        if role == "fraction":
            assert any(h in word for h in ex._FRACTION_HINTS), word
        if role == "approx":
            assert any(h in word for h in ex._APPROX_HINTS), word


@pytest.mark.parametrize(("word", "base"), [
    ("smaller", "small"), ("hottest", "hot"), ("earliest", "early"), ("best", "good"),
    ("largest", "large"), ("realest", "real"), ("interest", "interest"), ("member", "member"),
    ("local", "local"), ("oldest", "old"), ("latest", "late"), ("longest", "long"),
    ("newest", "new"), ("closest", "close"), ("richest", "rich"),
])
def test_base_adjective(word, base):

    from econnews.extraction.nouns import _base_adjective

    assert _base_adjective(word) == base


def test_count_description_is_in_unit_name():
    q = en.extract("split into two smaller tenancies and one of the hottest luxury cars")
    assert q["unit_name"].tolist() == ["small tenancy", "hot luxury car"]
    assert q["unit"].tolist() == ["tenancies", "cars"]


# (text, [(surface, role), ...]): the old and the new level of a movement
MOVEMENTS = [
    ("Bitcoin plummeted from $36,040 at 10.45pm last night to $34,935 at 5am.",
     [("$36,040", "from"), ("$34,935", "to")]),
    ("Weekly volume narrowed to 138,285 lots from 212,577 lots in the previous week.",
     [("138,285 lots", "to"), ("212,577 lots", "from")]),
    ("Revenue in the quarter rose to $7.36 billion from $6.78 billion a year earlier.",
     [("$7.36 billion", "to"), ("$6.78 billion", "from")]),
    ("Growth is forecast to slow from 4.8 percent to 4.7 percent in 2019.",
     [("4.8 percent", "from"), ("4.7 percent", "to")]),
    # a range is not a movement, nor are levels far apart in the sentence
    ("Prices range from $800,000 to $1.3 million.", [("$800,000 to $1.3 million", None)]),
    ("The fund charges 1.5% and expects growth of 3%.", [("1.5%", None), ("3%", None)]),
    ("It fell from $5 million in March, said the firm, to $4 million.",
     [("$5 million", None), ("$4 million", None)]),
]


@pytest.mark.parametrize(("text", "expected"), MOVEMENTS, ids=[c[0][:40] for c in MOVEMENTS])
def test_movement_roles(text, expected):
    q = en.extract(text)
    got = [(r.surface, None if pd.isna(r.role) else r.role) for r in q.itertuples()]
    assert got == expected


def test_bare_old_level_takes_the_new_levels_unit():
    q = en.extract("Growth was forecast to slow slightly from 4.8 to 4.7 percent in 2019.")
    assert q[["surface", "kind", "unit", "role"]].values.tolist() == [
        ["4.8", "percent", "percent", "from"], ["4.7 percent", "percent", "percent", "to"]]


# (text, surface, unit, unit_name): what a count counts, and its description
COUNTED = [
    ("In total, 1,307,000 Americans were collecting jobless aid.",
     "1,307,000 Americans", "Americans", "american"),
    ("Morro Bay is the home port for about 60 commercial fishermen, who bring in fish.",
     "60 commercial fishermen", "fishermen", "commercial fisherman"),
    ("It is reckoned to have 35m of its Echo devices installed.",
     "35m of its Echo devices", "devices", "echo device"),
    ("The film had 2.7m combined digital and physical sales.",
     "2.7m combined digital and physical sales", "sales", "digital physical sale"),
    ("About 460 Kia and Hyundai vehicles have been stolen.",
     "460 Kia and Hyundai vehicles", "vehicles", "kia hyundai vehicle"),
    ("Two of Johnson’s deputies were fired.", "Two of Johnson’s deputies", "deputies",
     "johnson deputy"),
    ("It equals about 20 decently sized coal-fired power plants.",
     "20 decently sized coal-fired power plants", "plants", "coal-fired power plant"),
    ("He netted a record 32 goals.", "32 goals", "goals", "record goal"),
    ("with the top three seeds from each region", "three seeds", "seeds", "top seed"),
    ("An estimated 5 million children died.", "5 million children", "children", "child"),
    ("The GT is one of the hottest luxury cars in the world with tuners.",
     "one of the hottest luxury cars", "cars", "hot luxury car world"),
    ("It was one of the oldest ballparks in America.", "one of the oldest ballparks",
     "ballparks", "old ballpark america"),
    ("It comes from the 12 page document labeled Debrief.", "12 page", "page", "page"),
    ("There are 68400 people who have been unemployed for one to two years and 95800 who "
     "have been unemployed for longer.", "95800", "people", "people"),
    ("The five launches offer a combined 435 homes by open sale and 187 by tender.",
     "187", "homes", "home"),
    ("There are 1 to 2 thousand people.", "1 to 2 thousand people", "people", "people"),
]


@pytest.mark.parametrize(("text", "surface", "unit", "name"), COUNTED,
                         ids=[c[1] for c in COUNTED])
def test_counted_noun_and_description(text, surface, unit, name):
    q = en.extract(text)
    row = q[q["surface"] == surface]
    assert len(row) == 1, q[["surface", "unit", "unit_name"]]
    assert (row["kind"].iloc[0], row["unit"].iloc[0], row["unit_name"].iloc[0]) == (
        "count", unit, name)


# (text, surface, the whole the fraction is of)
FRACTION_WHOLES = [
    ("A third of the Britain population lives in South East England.", "A third",
     "britain population"),
    ("Half the condos, which range from $800,000 to $1.3 million, have sold.", "Half", "condo"),
    ("One fourth of the US population is vaccinated.", "One fourth", "us population"),
    ("One in six cars is electric.", "One in six", "car"),
    ("Half of the trade agreements in Asia lapsed.", "Half", "trade agreement"),
    ("A third of them left.", "A third", None),
    ("Nearly two-thirds of the combined 4.3M sales came from CDs.", "two-thirds", None),
]


@pytest.mark.parametrize(("text", "surface", "whole"), FRACTION_WHOLES,
                         ids=[c[0][:30] for c in FRACTION_WHOLES])
def test_fraction_whole_is_in_per(text, surface, whole):
    q = en.extract(text)
    row = q[q["surface"] == surface].iloc[0]
    assert (row["kind"], row["unit_name"]) == ("ratio", "fraction")
    assert (None if pd.isna(row["per"]) else row["per"]) == whole


def test_elided_percent_after_a_change_by():
    q = en.extract("German DAX increased by 2 percent but Nasdaq decreased by 1.")
    assert q[["surface", "kind", "value"]].values.tolist() == [
        ["2 percent", "percent", 2.0], ["1", "percent", 1.0]]
    # a bare number after "by" with no percent before it stays bare
    assert en.extract("The index rose by 1.").kind.tolist() == ["number"]


@pytest.mark.parametrize(("text", "name"), [
    ("An estimated 5 million children under the age of 5 years died.", "year of age"),
    ("the father of her 18 month-old daughter", "month of age"),
    ("It took 18 months.", "month"),
])
def test_ages_written_as_durations(text, name):
    assert en.extract(text)["unit_name"].iloc[-1] == name


def test_sign_after_the_currency_symbol():
    q = en.extract("The trade balance decreased to $-50.8bn in April.")
    assert q[["surface", "kind", "value", "unit"]].values.tolist() == [
        ["$-50.8bn", "money", -5.08e10, "USD"]]


@pytest.mark.parametrize("text", [
    "The temple was built between A.D. 1000 and 1260 by the Popolocas.",
    "The city dates from 500 BC.",
    "In the 90049 ZIP Code prices fell.",
])
def test_era_years_and_zip_codes_are_not_quantities(text):
    assert en.extract(text).empty, en.extract(text)[["surface", "kind"]]


# (text, [(surface, kind, unit), ...]): units shared, or not, across neighbouring amounts
SHARED_UNITS = [
    # a bracketed conversion says nothing of the first amount's currency
    ("They had a net worth of 1.356 billion ($1.762bn) last year.",
     [("1.356 billion", "number", None), ("$1.762bn", "money", "USD")]),
    # ... unless an earlier amount was written the same way with its currency
    ("It costs 2,435,000 YEN ($22,480) for the manual and 2,380,000 ($21,972) for the CVT.",
     [("2,435,000 YEN", "money", "JPY"), ("$22,480", "money", "USD"),
      ("2,380,000", "money", "JPY"), ("$21,972", "money", "USD")]),
    # a suspended hyphen: "a 7- or 8-inch screen"
    ("It has a 7- or 8-inch touchscreen.",
     [("7", "measure", "inch"), ("8-inch", "measure", "inch")]),
    # a unit word that describes the noun after it: the noun is counted
    ("He scored in 36 league games.", [("36 league games", "count", "games")]),
    ("Winds of 50mph winds and 10 year bonds.",
     [("50mph", "measure", "mile / hour"), ("10 year", "measure", "year")]),
]


@pytest.mark.parametrize(("text", "expected"), SHARED_UNITS, ids=[c[0][:40] for c in SHARED_UNITS])
def test_shared_units(text, expected):
    q = en.extract(text)
    got = [(r.surface, r.kind, None if pd.isna(r.unit) else r.unit) for r in q.itertuples()]
    assert got == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a compound needs its article: "a 12 page document", not "drill 50 oil wells"
    ("It is the 12 page document.", [("12 page", "count", "page")]),
    ("They drill 50 oil and natural gas wells.", [("50", "number", None)]),
    # stock splits are not counts
    ("Its board declared a three-for-two stock split and a 2-for-1 split.", []),
    # a hyphenated description is not the counted noun
    ("launches for the 13-member European Space Agency's Ariane rockets",
     [("13", "number", None)]),
    ("a sales charge on three of its six portfolios",
     [("three", "number", None), ("six portfolios", "count", "portfolios")]),
    ("import of two passenger aircraft", [("two passenger aircraft", "count", "aircraft")]),
])
def test_count_guards(text, expected):
    q = en.extract(text)
    got = [(r.surface, r.kind, None if pd.isna(r.unit) else r.unit) for r in q.itertuples()]
    assert got == expected


def test_comparatives_only_from_the_lexicon():
    q = en.extract("the import of two passenger aircraft and two smaller tenancies")
    assert q["unit_name"].tolist() == ["passenger aircraft", "small tenancy"]


@pytest.mark.parametrize(("text", "expected"), [
    # a noun before the number is not its description
    ("past a club 36 places inferior", [("36 places", "count", "places", "place")]),
    # our own units measure the noun after them; quantulum3's lexicon words may describe it
    ("creating 14 and 15 inch screens", [("14", "measure", "inch", "inch"),
                                        ("15 inch", "measure", "inch", "inch")]),
    # "and two U-turns": a named thing follows, not an elided noun
    ("three policy positions and two U-turns",
     [("three policy positions", "count", "positions", "policy position"),
      ("two", "number", None, None)]),
    # a wireless generation lends its unit to nothing
    ("3G ownership growing to five million by 2005",
     [("3G", "count", "G", "wireless generation"), ("five million", "number", None, None)]),
])
def test_description_and_elision_guards(text, expected):
    q = en.extract(text)
    got = [(r.surface, r.kind, None if pd.isna(r.unit) else r.unit,
            None if pd.isna(r.unit_name) else r.unit_name) for r in q.itertuples()]
    assert got == expected


def test_elided_amounts_share_the_currency_not_the_hundredth_or_a_rate_of_another_size():
    q = en.extract("Profit rose 5 cts a share, with sales up to 2.3 mln from 1.9 mln.")
    assert q[["surface", "unit", "unit_name"]].values.tolist()[1:] == [
        ["2.3 mln", "USD", "US Dollar"], ["1.9 mln", "USD", "US Dollar"]]
    assert q["per"].isna().tolist() == [False, True, True]
    q = en.extract("Rents rose to 8.14 billion dlrs a year from 5.7 billion.")
    assert q["per"].tolist() == ["year", "year"]


def test_earnings_table_on_one_line():
    q = en.extract("Shr loss 76 cts vs profit 50 cts Net loss 19,186,000 vs profit 12,438,000 "
                   "Sales 157.9 mln vs 149.2 mln")
    assert q["kind"].tolist() == ["money"] * 6
    assert q["value"].tolist()[2:] == [19186000.0, 12438000.0, 157900000.0, 149200000.0]
