"""Units after a number: spaced currency prefixes, rates ("per"), measures, and unit
symbols read by their context. One table, grouped by provenance; ids are the texts.

Each case: text, then the row expected at ``surface`` as (kind, value, unit, unit_name,
per); ``None`` for per means the rate column is empty. The negative table lists ordinary
text that the context rules must leave alone.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

import econnews as en
from econnews.extraction import grammar as g

# (text, surface, kind, value, unit, unit_name, per)
NEWSQUANT = [
    # spaced dollar prefixes work like the glued ones
    ("priced at 8.99 Australian dollars per month (or AU $89.99 per year)",
     "AU $89.99 per year", "money", 89.99, "AUD", "Australian Dollar", "year"),
    ("9.99 New Zealand dollars per month (or NZ $99.99 per year).",
     "NZ $99.99 per year", "money", 99.99, "NZD", "New Zealand Dollar", "year"),
    ("Apple lowered its revenue guidance to US $84 billion, down from the US $89 billion.",
     "US $84 billion", "money", 84e9, "USD", "US Dollar", None),
    ("helped fraudsters launder almost S $1mil (RM3.06mil) from victims",
     "S $1mil", "money", 1e6, "SGD", "Singapore Dollar", None),
    # a rate after a bracketed conversion belongs to both amounts
    ("tendered to the offer of C $6 (US $4.46) per share in cash",
     "C $6", "money", 6.0, "CAD", "Canadian Dollar", "share"),
    ("tendered to the offer of C $6 (US $4.46) per share in cash",
     "US $4.46", "money", 4.46, "USD", "US Dollar", "share"),
    ("a huge financial blow to Israels 9 billion shekels ($2.408 billion) a year tobacco industry",
     "9 billion shekels", "money", 9e9, "ILS", "New Israeli Sheqel", "year"),
    # a known unit as denominator is written by its unit name
    ("has leased at a building rate of $80 per sq m.",
     "$80 per sq m", "money", 80.0, "USD", "US Dollar", "square metre"),
    ("the September natural gas contract was up 10.4 cents to US $2.24 per mmBTU.",
     "US $2.24 per mmBTU", "money", 2.24, "USD", "US Dollar", "mega british thermal unit"),
    # measures: slash rates, square units
    ("large fields of about, or above 10 kV/cm.",
     "10 kV/cm", "measure", 10.0, "kilovolt", "kilovolt", "centimetre"),
    ("floor area ≈ 32m2.", "32m2", "measure", 32.0, "meter ** 2", "square metre", None),
    ("a nominal current density of 1.3 A/cm2.",
     "1.3 A/cm2", "measure", 1.3, "ampere", "ampere", "square centimetre"),
    # one-letter and ambiguous symbols, read by a word of their field in the sentence
    ("The speed of sound is approximately 661 kt in dry air at sea level",
     "661 kt", "measure", 661.0, "knot", "knot", None),
    ("The radiologist recommended limiting the patient's exposure to no more than 0.5 R per day.",
     "0.5 R per day", "measure", 0.5, "roentgen", "roentgen", "day"),
    ("The charge stored in the capacitor was 2.5 F and the voltage across it was 5 volts.",
     "2.5 F", "measure", 2.5, "farad", "farad", None),
    ("12 C melting point.", "12 C", "measure", 12.0, "degC", "celsius", None),
    ("The movie file is 16 billion b.", "16 billion b", "measure", 16e9, "bit", "bit", None),
    ("The price of gasoline per litre in Johannesburg is currently 18 R.",
     "18 R", "money", 18.0, "ZAR", "Rand", None),
    ("The concert ticket cost me 150 kn, which is a bit pricey for my budget.",
     "150 kn", "money", 150.0, "HRK", "Croatian kuna", None),
    # a small integer with a glued G is a wireless generation; GB stays gigabytes
    ("Another aim is to make 5G available to more users.",
     "5G", "count", 5.0, "G", "wireless generation", None),
    ("as has been the case with the lead up to 3G and 4G networks.",
     "4G", "count", 4.0, "G", "wireless generation", None),
    ("this deal gets you whopping 54GB of 5G data for a month.",
     "54GB", "measure", 54.0, "gigabyte", "gigabyte", None),
    ("doubling it to 256GB instead of the 128GB found in the S22 models.",
     "256GB", "measure", 256.0, "gigabyte", "gigabyte", None),
]

NEWS = [
    # rates as before: the denominator word, or the unit name of a known unit
    ("The price was $58.24 per barrel.", "$58.24 per barrel", "money", 58.24, "USD",
     "US Dollar", "barrel"),
    ("Output rose to 5 tonnes per day.", "5 tonnes per day", "measure", 5.0, "metric_ton",
     "tonne", "day"),
    ("Gold traded at $1,300 an ounce.", "$1,300 an ounce", "money", 1300.0, "USD",
     "US Dollar", "ounce"),
    ("Farmers were paid $3/kg for beans.", "$3/kg", "money", 3.0, "USD", "US Dollar",
     "kilogram"),
    ("It pays EUR 5 billion (USD 5.5 billion) a year.", "EUR 5 billion", "money", 5e9, "EUR",
     "Euro", "year"),
    ("Winds of 40 kt battered the coast.", "40 kt", "measure", 40.0, "knot", "knot", None),
    ("Temperatures hit 30C in London.", "30C", "measure", 30.0, "degC", "celsius", None),
    # without a field word the other readings stand
    ("The mine will produce 200 kt of zinc.", "200 kt", "measure", 200.0, "kiloton",
     "kiloton", None),
    ("The stock rose 5c.", "5c", "money", 0.05, "USD", "cent", None),
    ("The offer of C $6 was rejected.", "C $6", "money", 6.0, "CAD", "Canadian Dollar", None),
]


def _row(text: str, surface: str) -> pd.Series:
    q = en.extract(text)
    hit = q[q["surface"] == surface]
    assert len(hit) == 1, f"no single row {surface!r} in {q[['surface', 'kind', 'unit']]}"
    return hit.iloc[0]


@pytest.mark.parametrize(
    ("text", "surface", "kind", "value", "unit", "unit_name", "per"),
    NEWSQUANT + NEWS,
    ids=[f"{c[0][:60]}|{c[1]}" for c in NEWSQUANT + NEWS],
)
def test_unit(text, surface, kind, value, unit, unit_name, per):
    r = _row(text, surface)
    assert r["kind"] == kind
    assert math.isclose(float(r["value"]), value, rel_tol=1e-9)
    assert r["unit"] == unit
    assert r["unit_name"] == unit_name
    if per is None:
        assert pd.isna(r["per"])
    else:
        assert r["per"] == per


# ordinary text the context rules must not change: (text, surface that must not be a unit)
NEGATIVE = [
    "England were drawn in Group F with Spain.",
    "She got a grade C in maths and 3 A grades.",
    "Take 3 a day with food.",
    "The 7 b shares were sold.",
    "They scored 2 F in the test.",
    "The ticket cost 18 R.",  # a money word but no South African place: not rand
    "Profits rose 5 C in the quarter.",
    "The firm hired 7 b and 4 A.",
    "The mine will produce 200 kt of zinc.",
]
_CONTEXT_UNITS = {"ampere", "volt", "farad", "degC", "degF", "coulomb", "roentgen", "bit",
                  "knot", "ZAR", "HRK", "G"}


@pytest.mark.parametrize("text", NEGATIVE)
def test_ordinary_text_keeps_no_context_unit(text):
    q = en.extract(text)
    assert not q["unit"].isin(_CONTEXT_UNITS).any(), q[["surface", "kind", "unit"]]


@pytest.mark.parametrize(
    ("text", "surface", "unit"),
    [
        ("Tesla's Model S $79,990 price tag", "$79,990", "USD"),
        ("It raised a Series C $100 million round.", "$100 million", "USD"),
        ("The bank paid U.S $5 a share.", "$5 a share", "USD"),
        ("The 7G force and a 100G link", None, None),
    ],
)
def test_a_letter_that_names_something_is_no_currency_or_generation(text, surface, unit):
    q = en.extract(text)
    if surface is None:
        assert not q["unit"].isin(["G"]).any()
    else:
        assert _row(text, surface)["unit"] == unit


def test_sterling_after_a_dollar_sign_stays_dollars():
    # "at $1.25 sterling is ... priced": the pound's price in dollars (NewsQuant's gold
    # says pound sterling; a "$" amount is never read as pounds)
    assert _row("so at $1.25 sterling is probably appropriately priced", "$1.25 sterling")[
        "unit"
    ] == "USD"


def test_a_year_earlier_in_brackets_is_no_rate():
    q = en.extract("It sold 5 million units (4 million a year earlier) a year ago.")
    assert q["per"].isna().all()


def test_per_after_measure_surfaces():
    m = g.PER_AFTER.match(" per sq m.")
    assert m is not None and m.group("per") == "sq m"
    assert g.PER_AFTER.match(" a year ago") is None
    assert g.PER_AFTER.match("/cm2").group("per2") == "cm2"


def test_measures_table_is_what_quantulum3_and_pint_generate():
    # the unit lexicon is read from data/measures_quantulum.tsv (loading quantulum3 and
    # pint took seconds); a quantulum3 or pint upgrade shows up here: regenerate with
    # `python -m econnews.extraction.measures_gen`
    from econnews.extraction import measures_gen

    assert measures_gen.OUT.read_text(encoding="utf-8") == measures_gen.generate()
    assert en.extract("12 kilopascals of pressure")["unit"].tolist() == ["kilopascal"]
