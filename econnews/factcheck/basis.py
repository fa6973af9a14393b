"""What a claim's figure measures, read from its sentence: the statistical basis, a sector
or product rather than the total, and a part of the year rather than all of it.

Used by :func:`econnews.check` to keep a claim from being held against a figure that
measures something else (see :mod:`.verdict`).

>>> claim_basis("on a c.i.f. basis the deficit was 58.6 billion dlrs")
'cif'
>>> sector("U.S. farm exports to Japan were 5.1 billion dlrs", "5.1 billion dlrs")
'farm'
>>> partial_period("In the first nine months of 2016, the deficit was $51 billion", "2016")
'2016-01/2016-09'
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources

import pandas as pd

__all__ = ["BASIS_GAP", "basis_words", "claim_basis", "compared_with", "fits", "future",
           "names_a_balance", "partial_period", "sector", "story_basis", "suspected_basis",
           "year_on_year"]

#: how far a figure on a neighbouring basis usually lies from the Census goods figure
#: (relative): imports c.i.f. (U.S. headline figures before 1989) against customs value,
#: a partner's own customs figures against the U.S. ones, balance of payments against
#: Census basis, seasonally adjusted against not
BASIS_GAP = {"cif": 0.15, "partner customs": 0.30, "balance of payments": 0.08,
             "goods and services": 0.50, "seasonally adjusted": 0.15}


@cache
def basis_words() -> tuple[tuple[str, str, re.Pattern[str], str], ...]:
    """The rows of ``data/bases.csv``: (basis, scope, compiled pattern, example), in file
    order (the first sentence-scope row that matches a sentence gives its basis).

    >>> sorted({scope for _, scope, _, _ in basis_words()})
    ['sentence', 'story']
    """
    raw = resources.files("econnews").joinpath("data", "bases.csv").read_text(encoding="utf-8")
    lines = [line for line in raw.splitlines() if line.strip() and not line.startswith("#")]
    return tuple((r["basis"], r["scope"], re.compile(r["pattern"], re.IGNORECASE), r["example"])
                 for r in csv.DictReader(io.StringIO("\n".join(lines))))


_SECTOR = re.compile(
    r"(?i)\b(farm|agricultur\w*|food|auto(?:mobile)?s?|cars?|vehicles?|auto parts|"
    r"semiconductors?|chips?|microchips?|computers?|electronics?|steel|textiles?|apparel|"
    r"oil|petroleum|crude|energy|grains?|wheat|corn|maize|soybeans?|soyabeans?|beef|meat|"
    r"citrus|tobacco|cigarettes?|aircraft|aerospace|lumber|timber|wood|rice|machinery|"
    r"machine tools?|manufactur\w+|arms|weapons?|defen[cs]e|coal|gas|services|"
    r"cotton|sugar|fish|seafood|pork|poultry|telecommunications?|high[- ]tech\w*|"
    r"fertili[sz]ers?|chemicals?|pharmaceuticals?|copper|gold|silver|uranium|oilseeds?|"
    r"dairy|produce|(?:these|those|such) (?:products|goods|commodities|items))\b")
_AFTER = re.compile(r"(?i)^[^.;,]{0,50}?\s(?:of|in)\s+(?:\w+\s+)?(" + _SECTOR.pattern[7:-3] + r")\b")
_FUTURE = re.compile(r"(?i)\b(?:can|could|will|would|should|may|might|to)\s+(?:\w+\s+)?"
                     r"(?:reach|hit|top|exceed|rise to|grow to|climb to|surpass)\b|"
                     r"\b(?:expected|projected|forecast|target(?:ed)?|aim(?:s|ed)?|goal|plans?)\b")
_SPACE = re.compile(r"\s+")
_NUMBER_WORD = re.compile(r"\d")
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], start=1)}
_ORDINAL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "2": 2, "3": 3, "4": 4, "5": 5,
            "6": 6, "7": 7, "8": 8, "9": 9, "10": 10, "11": 11}
_FIRST_N = re.compile(r"(?i)\bfirst\s+(one|two|three|four|five|six|seven|eight|nine|ten|eleven|"
                      r"\d{1,2})\s+months\b")
_HALF = re.compile(r"(?i)\b(first|second)\s+half\b|\bH([12])\b")
_QUARTER = re.compile(r"(?i)\b(first|second|third|fourth)\s+quarter\b")
_THROUGH = re.compile(r"(?i)\b(?:january|jan\.?)\s*(?:-|–|to|through|thru)\s*"
                      r"(february|march|april|may|june|july|august|september|october|"
                      r"november)\b")
_TO_DATE = re.compile(r"(?i)\b(?:so far this year|year[- ]to[- ]date|this year so far)\b")


def claim_basis(sentence: str | None) -> str | None:
    """The statistical basis a claim's sentence states, if any: ``goods and services``,
    ``balance of payments``, ``cif``, ``partner customs``, ``seasonally adjusted`` or
    ``goods``.

    >>> claim_basis("the goods and services deficit was $54 billion")
    'goods and services'
    >>> claim_basis("the merchandise trade gap with China"), claim_basis("the trade gap")
    ('goods', None)
    >>> claim_basis("Japan's surplus with the U.S. was 51.5 billion dlrs, Finance Ministry figures showed")
    'partner customs'
    """
    if not sentence:
        return None
    for name, scope, pattern, _ in basis_words():
        if scope == "sentence" and pattern.search(sentence):
            return name
    return None


def story_basis(sentences: Iterable[str | None]) -> str | None:
    """The basis a story states once for its figures without naming whose they are
    ("..., customs figures show", "the State Statistical Bureau said"): a reporting
    country's own statistics (``data/bases.csv``, scope ``story``), or None.
    :func:`econnews.check` carries it only to figures stated from the side of the country
    the story is set in.

    >>> story_basis(["China's trade deficit in the first quarter fell to 1.05 billion dlrs, "
    ...              "customs figures show.", "Exports to the U.S. rose 23 pct."])
    'partner customs'
    >>> story_basis(["The U.S. deficit with Japan was 5.1 billion dlrs."]) is None
    True
    """
    for text in sentences:
        if not text:
            continue
        text = _SPACE.sub(" ", text)
        for name, scope, pattern, _ in basis_words():
            if scope == "story" and pattern.search(text):
                return name
    return None


def fits(claimed: str | None, ref_basis: object) -> bool:
    """Whether a claim on basis ``claimed`` (None: not stated) may be held against a
    reference figure on ``ref_basis`` as if both measured the same thing.

    >>> fits("goods", "goods, Census basis, not seasonally adjusted")
    True
    >>> fits("balance of payments", "goods, Census basis, not seasonally adjusted")
    False
    """
    if claimed is None:
        return True
    ref = str(ref_basis or "").lower() if not pd.isna(ref_basis) else ""
    if claimed == "goods and services":
        return "goods and services" in ref
    if claimed == "balance of payments":
        return "balance of payments" in ref
    if claimed == "cif":
        return "c.i.f" in ref or "cif" in ref
    if claimed == "partner customs":
        return "partner" in ref or ("customs" in ref and "census" not in ref)
    if claimed == "seasonally adjusted":
        return "seasonally adjusted" in ref and "not seasonally adjusted" not in ref
    return (ref.startswith("goods") or ref == "") and "goods and services" not in ref


def suspected_basis(concept: str, mirrored: bool, date: object, sentence: str | None
                    ) -> str | None:
    """A basis other than the reference's that an unstated figure is likely on: a
    figure stated from the partner's side (its surplus, its exports) is usually the
    partner's own customs figure; a U.S. import or balance figure reported before 1989
    was stated with imports c.i.f. (the headline basis of U.S. releases then).

    >>> suspected_basis("trade_surplus", True, pd.Timestamp("1987-04-02"), "")
    'partner customs'
    >>> suspected_basis("trade_deficit", False, pd.Timestamp("1987-04-02"), ""), \\
    ...     suspected_basis("exports", False, pd.Timestamp("1987-04-02"), "")
    ('cif', None)
    """
    if mirrored:
        return "partner customs"
    try:
        year = pd.Timestamp(date).year if date is not None and not pd.isna(date) else None
    except (TypeError, ValueError):
        year = None
    if year is not None and year < 1989 and concept in (
            "imports", "trade_deficit", "trade_surplus", "trade"):
        return "cif"
    return None


def sector(sentence: str | None, surface: str | None) -> str | None:
    """A sector or product word qualifying the figure ("farm exports", "auto deficit",
    "a surplus in these products"), read in the words before the figure in its clause
    and just after it; None for a total.

    >>> sector("The U.S. deficit with Japan in autos was 30 billion dlrs", "30 billion dlrs")
    'autos'
    >>> sector("The U.S. deficit with Japan was 58.6 billion dlrs", "58.6 billion dlrs") is None
    True
    """
    if not sentence:
        return None
    text, surf = _SPACE.sub(" ", sentence), _SPACE.sub(" ", surface or "")
    at = text.find(surf) if surf else -1
    before = text[:at] if at >= 0 else text
    clause = re.split(r"[;:]|,\s+(?:but|while|whereas)\b", before)[-1][-150:]
    if m := _SECTOR.search(clause):
        return m.group(1).lower()
    if at >= 0 and (m := _AFTER.match(text[at + len(surf):at + len(surf) + 90])):
        return m.group(1).lower()
    return None


def future(sentence: str | None, surface: str | None) -> bool:
    """Whether the figure is a goal or a forecast ("can reach five billion dlrs"), read
    in the words just before it.

    >>> future("exports can reach five billion dlrs in five years", "five billion dlrs")
    True
    """
    if not sentence:
        return False
    text, surf = _SPACE.sub(" ", sentence), _SPACE.sub(" ", surface or "")
    at = text.find(surf)
    return at >= 0 and bool(_FUTURE.search(text[max(0, at - 40):at]))


_YOY = re.compile(r"(?i)\b(?:a|one) year (?:earlier|ago|before)\b|\byear[- ]on[- ]year\b|"
                  r"\byear[- ]earlier\b|\bsame (?:month|period|quarter) (?:a year ago|last year)\b")


def year_on_year(sentence: str | None) -> bool:
    """Whether a change is stated against the same period a year before.

    >>> year_on_year("up 24.4 pct from a year earlier")
    True
    """
    return bool(sentence and _YOY.search(sentence))


_BALANCE_WORDS = re.compile(r"(?i)\b(?:imbalance|surplus|deficit|shortfall|gap|in \w+'s favou?r)\b")


def names_a_balance(sentence: str | None, surface: str | None) -> bool:
    """Whether the words around a figure speak of a balance ("the trade imbalance ...
    amounted to 51.48 billion dlrs in Japan's favour"): a claim read as total trade there
    is not judged as one.

    >>> names_a_balance("the imbalance amounted to 51.48 billion dlrs in Japan's favour",
    ...                 "51.48 billion dlrs")
    True
    """
    if not sentence:
        return False
    text, surf = _SPACE.sub(" ", sentence), _SPACE.sub(" ", surface or "")
    at = text.find(surf)
    if at < 0:
        return False
    return bool(_BALANCE_WORDS.search(text[max(0, at - 120):at + len(surf) + 30]))


_COMPARED = re.compile(r"(?i)^\s*(less|lower|fewer|below|smaller|more|higher|above|larger|"
                       r"bigger|greater)\s+than\s+(?:in\s+|that\s+of\s+)?(\d{4})\b")


def compared_with(sentence: str | None, surface: str | None) -> tuple[str, str] | None:
    """("down" or "up", the year) when a percent is stated against an earlier year:
    "17.6% less than in 2018".

    >>> compared_with("was $345.6 billion, 17.6% less than in 2018", "17.6%")
    ('down', '2018')
    """
    if not sentence:
        return None
    text, surf = _SPACE.sub(" ", sentence), _SPACE.sub(" ", surface or "")
    at = text.find(surf)
    m = _COMPARED.match(text[at + len(surf):]) if at >= 0 else None
    if not m:
        return None
    down = m.group(1).lower() in ("less", "lower", "fewer", "below", "smaller")
    return ("down" if down else "up"), m.group(2)


def partial_period(sentence: str | None, period: object) -> str | None:
    """The months a full-year period really covers when the sentence says "first nine
    months", "first half", "January-September", "so far this year"; None otherwise (and
    ``"partial"`` when the part of the year cannot be told).

    >>> partial_period("in the first half of 1987", "1987")
    '1987-01/1987-06'
    >>> partial_period("in the January-March period of 1987", "1987")
    '1987-01/1987-03'
    >>> partial_period("in 1986", "1986") is None
    True
    """
    if not sentence or not isinstance(period, str) or not re.fullmatch(r"\d{4}", period):
        return None
    y = period
    if m := _FIRST_N.search(sentence):
        n = _ORDINAL[m.group(1).lower()]
        return f"{y}-01/{y}-{n:02d}"
    if m := _HALF.search(sentence):
        first = (m.group(1) or "").lower() == "first" or m.group(2) == "1"
        return f"{y}-01/{y}-06" if first else f"{y}-07/{y}-12"
    if m := _QUARTER.search(sentence):
        q = ["first", "second", "third", "fourth"].index(m.group(1).lower()) + 1
        return f"{y}Q{q}"
    if m := _THROUGH.search(sentence):
        return f"{y}-01/{y}-{_MONTHS[m.group(1).lower()]:02d}"
    if _TO_DATE.search(sentence):
        return "partial"
    return None
