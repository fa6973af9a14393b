"""A bare number paired with an amount in cents, pence or sen ("Shr 48.4 cents vs 40.6")
is read in that hundredth unit, with its size (0.406, not 40.6 dollars), where nothing
between the two changes the size; a scaled number, an amount beside its share and the
new level after a change in cents share only the currency. A carried hundredth that
looks doubtful beside its neighbour is flagged for review in the claims table."""

from __future__ import annotations

import math
import re
import warnings

import pandas as pd
import pytest

import econnews as en
from econnews.claims.article import Item
from econnews.claims.evidence import hundredths_doubt

HUNDREDTHS = {"cent", "penny", "sen"}


def _row(text: str, surface: str) -> pd.Series:
    q = en.extract(text)
    hit = q[q["surface"] == surface]
    assert len(hit) == 1, q[["surface", "kind", "value", "unit_name"]].to_string()
    return hit.iloc[0]


# (text, the bare number's surface, value, currency, unit_name)
IN_HUNDREDTHS = [
    ("Shr 48.4 cents vs 40.6", "40.6", 0.406, "USD", "cent"),
    ("Yr div 37 cents vs 15", "15", 0.15, "USD", "cent"),
    ("The dividend rose to 15 cents from 12.", "12", 0.12, "USD", "cent"),
    ("Shr 616 cts vs 481", "481", 4.81, "USD", "cent"),
    ("Final div 52 cents vs 38, making 75 cents vs 57", "57", 0.57, "USD", "cent"),
    ("Daily .068 cts vs .068 prior", ".068", 0.00068, "USD", "cent"),
    ("earnings of 24 cts to 30 a share", "30", 0.30, "USD", "cent"),
    ("Gasoline rose 2.5 cents to 98.3 cents a gallon, and diesel to 101.", "101", 1.01,
     "USD", "cent"),
    ("Shares fell to 95 pence from 102.", "102", 1.02, "GBP", "penny"),
    ("Dividend 5.5p vs 4.2", "4.2", 0.042, "GBP", "penny"),
    # a large bare number after pence is still pence (a London share price)
    ("a share price of 95 pence vs 1,200", "1,200", 12.0, "GBP", "penny"),
    # London quotes share prices in pence: the level after a change in pence is pence
    ("Prudential fell 9p to 888.", "888", 8.88, "GBP", "penny"),
    ("EPS 12.5 sen vs 10.2", "10.2", 0.102, "MYR", "sen"),
    # the unit stated after the bare number: "7 or 8 cents", "from 12 to 15 cents"
    ("It costs 7 or 8 cents a unit.", "7", 0.07, "USD", "cent"),
    ("The dividend rose from 12 to 15 cents.", "12", 0.12, "USD", "cent"),
    ("copper at 70 cts a pound in 1988, up from around 63 or 64 cts", "63", 0.63, "USD",
     "cent"),
    # a "vs." ends no sentence: the earnings table pairs them
    ("Shr 23 cts vs. 17", "17", 0.17, "USD", "cent"),
    ("yield 4.27 cents (4.32)", "4.32", 0.0432, "USD", "cent"),
]


@pytest.mark.parametrize(("text", "surface", "value", "unit", "name"), IN_HUNDREDTHS)
def test_a_bare_number_paired_with_hundredths_is_in_hundredths(text, surface, value, unit,
                                                               name):
    r = _row(text, surface)
    assert (r["kind"], r["unit"], r["unit_name"]) == ("money", unit, name)
    assert math.isclose(r["value"], value, rel_tol=1e-9)


def test_the_rate_is_shared_with_the_hundredth():
    assert _row("Shr 48.4 cents vs 40.6", "40.6")["per"] == "share"
    assert _row("Gasoline rose 2.5 cents to 98.3 cents a gallon, and diesel to 101.",
                "101")["per"] == "gallon"


# (text, the other figure's surface, value, currency, unit_name): what must not change
CURRENCY_ONLY = [
    # a scaled number shares the currency, not the hundredth
    ("Profit 76 cts a share vs 149.2 mln", "149.2 mln", 149.2e6, "USD", "US Dollar"),
    ("Shr 48.4 cents vs 40.6 cents, net 4.5 mln dlrs vs 3.9 mln", "3.9 mln", 3.9e6, "USD",
     "US Dollar"),
    ("estimates of 29 mln to 32 mln and 24 cts to 30 cts", "29 mln to 32 mln", 30.5e6,
     "USD", "US Dollar"),
    # two explicit units
    ("Shr 15 cts vs 1.20 dlrs", "1.20 dlrs", 1.2, "USD", "US Dollar"),
    ("Shr 23 cts vs 17 cts", "17 cts", 0.17, "USD", "cent"),
    ("Shares rose 3 pence to 250 pence.", "250 pence", 2.5, "GBP", "penny"),
    # a dollar price after a change in cents
    ("Cheung Kong rose 75 cents to 45.25 on Friday.", "45.25", 45.25, "USD", "US Dollar"),
    ("West Texas Sour was up 10 cts to 16.60 a barrel.", "16.60", 16.6, "USD", "US Dollar"),
    # an amount beside its share, a thousand times the cents or more
    ("NOTE: prior qtr excludes loss 475,000, or five cts per share, for discontinued "
     "operations.", "475,000", 475000.0, "USD", "US Dollar"),
    ("Results exclude credits of 2,227,000 or four cts and 4,841,000 or nine cts for 1986",
     "4,841,000", 4841000.0, "USD", "US Dollar"),
    ("a gain from discontinued operations of 3.5 mln dlrs, or 31 cts a share, vs 271,000, "
     "or two cts a share, in fiscal 1986", "271,000", 271000.0, "USD", "US Dollar"),
    # a dollar amount between: the bare number is compared with it, not the cents
    ("Shr 1.20 dlrs vs 1.10", "1.10", 1.1, "USD", "US Dollar"),
]


@pytest.mark.parametrize(("text", "surface", "value", "unit", "name"), CURRENCY_ONLY)
def test_what_shares_only_the_currency(text, surface, value, unit, name):
    r = _row(text, surface)
    assert (r["kind"], r["unit"], r["unit_name"]) == ("money", unit, name)
    assert math.isclose(r["value"], value, rel_tol=1e-9)


def test_an_amount_beside_its_share_is_not_per_share():
    r = _row("NOTE: prior qtr excludes loss 475,000, or five cts per share, for "
             "discontinued operations.", "475,000")
    assert pd.isna(r["per"])


@pytest.mark.parametrize("text", [
    "The company declared a dividend of 15 cents, payable on April 12.",
    "a dividend of 10 cents payable April 15 to holders of record March 31",
    "a dividend of 15 cents from 1987",
])
def test_a_date_or_year_after_cents_is_no_amount(text):
    assert en.extract(text)["surface"].tolist() == [re.search(r"1[05] cents", text).group(0)]


ALL = [t for t, *_ in IN_HUNDREDTHS + CURRENCY_ONLY]


@pytest.mark.parametrize("text", ALL)
def test_a_bare_number_named_in_hundredths_is_valued_in_them(text):
    # no row says "cent" while its value is the number written (12 cents valued 12.0)
    q = en.extract(text)
    bare = q[q["surface"].str.fullmatch(r"[\d,]*\.?\d+") & q["unit_name"].isin(HUNDREDTHS)]
    for _, r in bare.iterrows():
        assert math.isclose(r["value"], float(r["surface"].replace(",", "")) * 0.01,
                            rel_tol=1e-9), (text, r["surface"], r["value"])


def _claims(texts: list[str]) -> pd.DataFrame:
    arts = pd.DataFrame({"id": [f"a{i}" for i in range(len(texts))], "text": texts,
                         "date": ["1987-03-03"] * len(texts)})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return en.find_claims(arts)


def test_a_doubtful_hundredth_is_flagged_for_review():
    c = _claims(["Shr 95 cts vs 1.20\nNet 4.5 mln dlrs vs 3.9 mln",
                 "Shr 48.4 cents vs 40.6", "a share price of 95 pence vs 1,200"])
    row = c[(c["doc_id"] == "a0") & (c["surface"] == "1.20")].iloc[0]
    assert math.isclose(row["value"], 0.012)
    assert row["needs_review"]
    assert "hundredths" in row["review_reason"]
    assert "95 cts" in row["review_reason"]
    # a plausible pair: no such reason
    for doc, surface in (("a1", "40.6"), ("a2", "1,200")):
        r = c[(c["doc_id"] == doc) & (c["surface"] == surface)].iloc[0]
        assert "hundredths" not in str(r["review_reason"])


def _item(surface: str, value: float, start: int, unit: str = "USD") -> Item:
    return Item(0, "money", start, start + len(surface), surface, value, unit)


def test_hundredths_doubt_reads_only_carried_hundredths():
    cts, bare = _item("95 cts", 0.95, 4), _item("1.20", 0.012, 14)
    assert hundredths_doubt([cts, bare], 1) is not None
    assert hundredths_doubt([cts, bare], 0) is None  # a unit written: nothing carried
    # the same bare number read in dollars: nothing carried either
    assert hundredths_doubt([cts, _item("1.20", 1.2, 14)], 1) is None
    # of one size: no doubt
    assert hundredths_doubt([cts, _item("81", 0.81, 14)], 1) is None
    # another currency, or far away, is no neighbour
    assert hundredths_doubt([_item("95 cts", 0.95, 4, "AUD"), bare], 1) is None
    assert hundredths_doubt([cts, _item("1.20", 0.012, 200)], 1) is None
