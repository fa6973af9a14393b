"""The periods a story has told, for a figure whose own words name none: the period
of that unit it named ("in the quarter", "over the same six months"), or the one it
reports on (the latest period a figure's clause or a trade sentence named).

>>> import econnews as en
>>> c = en.find_claims({"id": "a", "date": "2025-04-15", "text": "Exports rose 4% in the "
...     "first quarter. Last month, exports to China were $1.4 billion. Total exports were "
...     "$19.3 billion in the quarter."})
>>> c[c["claim_type"] != "implied"]["period"].tolist()
['2025Q1', '2025-03', '2025Q1']
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..common.regex import with_start_filter
from .parse import FAMILY
from .periods import resolve_period
from .places import read_csv_data

if TYPE_CHECKING:
    from .article import Article

__all__ = ["named_unit", "relative_fiscal_year", "story_period", "told_period"]

_COMPARES = re.compile(r"\bcompared?s?\s+(?:with|to)\b", re.IGNORECASE)


#: A period named again by its unit: "in the quarter", "over the same six months".
_THE_UNIT = with_start_filter(r"\b(?:in|over|for|during|of)\s+the\s+(?:same\s+)?(?P<unit>quarter|month|"
                       r"(?:six|three|nine)\s+months|half[- ]year|half|(?:fiscal\s+|financial\s+)?"
                       r"year)\b", re.IGNORECASE)
_UNIT_SHAPE = {"quarter": re.compile(r"\d{4}Q[1-4]"), "month": re.compile(r"\d{4}-\d\d"),
               "year": re.compile(r"\d{4}(?:/\d\d)?"),
               "fiscal year": re.compile(r"(?:FY)?\d{4}(?:/\d\d)?"),
               "financial year": re.compile(r"(?:FY)?\d{4}(?:/\d\d)?")}


def named_unit(art: Article, sentence_period: dict[int, str | None], idx: int,
               clause: tuple[int, int]) -> str | None:
    """The period a clause names by its unit ("in the quarter", "over the same six months",
    "for the month"): the latest period of that shape the story told up to here."""
    m = _THE_UNIT.search(art.text, clause[0], clause[1])
    if m is None:
        return None
    unit = re.sub(r"\s+", " ", m.group("unit").lower()).replace("half-year", "half")
    months = {"six months": 6, "half": 6, "three months": 3, "nine months": 9}.get(unit)
    for j in range(idx, -1, -1):
        told = sentence_period.get(j)
        if not told:
            continue
        if months is not None:
            span = re.fullmatch(r"(\d{4})-(\d\d)/(\d{4})-(\d\d)", told)
            if span and (int(span.group(3)) - int(span.group(1))) * 12 + int(span.group(4)) \
                    - int(span.group(2)) + 1 == months:
                return told
        elif _UNIT_SHAPE[unit].fullmatch(told):
            return told
    return None


def story_period(art: Article, sentence_period: dict[int, str | None],
                 told: dict[int, str | None], idx: int) -> str | None:
    """The period the story reports on before sentence ``idx``: the latest period a
    figure's clause named, or a sentence on the same trade family named ("Mexico overtook
    China as the biggest exporter to the United States in 2023")."""
    for j in range(idx - 1, -1, -1):
        if sentence_period.get(j):
            return sentence_period[j]
        if j not in told:
            told[j] = told_period(art, j)
        if told[j]:
            return told[j]
    return None


def told_period(art: Article, j: int) -> str | None:
    """The period a sentence on the trade family names, if any (not a deadline)."""
    sent = art.sentences[j]
    if not any(c.concept in FAMILY for c in sent.concepts) or _COMPARES.search(sent.text):
        return None  # "The deficit compared with 1.76 billion in February 1986": a base
    named = resolve_period(sent.text, art.period_date, len(sent.text))
    if named and re.search(r"\b(?:by|until|through|before)\s+(?:the\s+end\s+of\s+)?"
                           + re.escape(named[:4]), sent.text):
        return None  # a deadline: "to lift trade to $150bn by 2030"
    return named


_RELATIVE_FISCAL = re.compile(r"\b(?P<which>last|previous|past|this|current|next|the\s+previous|"
                              r"the\s+current|the\s+past)\s+(?:fiscal|financial)\s+year\b",
                              re.IGNORECASE)


@lru_cache(maxsize=1)
def _fiscal_starts() -> dict[str, int]:
    df = read_csv_data("fiscal_years.csv")
    return {c: int(m) for c, m in zip(df["code"], df["start_month"], strict=True)}


def relative_fiscal_year(text: str, date: object, country: str | None) -> str | None:
    """ "last fiscal year", "the current fiscal year" in a story set in ``country``, as
    the fiscal year it names (``2018/19``), or None when the words or the country's
    calendar are not known.

    >>> import pandas as pd
    >>> relative_fiscal_year("exports last fiscal year", pd.Timestamp("2019-10-02"), "PAK")
    '2018/19'
    >>> relative_fiscal_year("in the current fiscal year", pd.Timestamp("1987-02-10"), "IND")
    '1986/87'
    """
    m = _RELATIVE_FISCAL.search(text)
    start = _fiscal_starts().get(country or "")
    if m is None or start is None or date is None:
        return None
    ts = date if hasattr(date, "month") else None
    if ts is None:
        return None
    first = ts.year if ts.month >= start else ts.year - 1  # the year the current one starts
    which = m.group("which").lower().split()[-1]
    first += {"last": -1, "previous": -1, "past": -1, "next": 1}.get(which, 0)
    return str(first) if start == 1 else f"{first}/{(first + 1) % 100:02d}"


_FISCAL_PART = re.compile(
    r"\b(?:the\s+)?(?:(?P<half>first|second)\s+half|(?P<q>first|second|third|fourth)\s+quarter|"
    r"first\s+(?P<n>two|three|four|five|six|seven|eight|nine|ten|eleven|\d{1,2})\s+months)"
    r"\s+of\s+(?:the\s+)?(?:(?:fiscal|financial)\s+(?:year\s+)?)?(?P<y>(?:19|20)\d\d)[/–-]"
    r"(?P<y2>\d\d)(?:\s+(?:fiscal|financial)\s+year)?", re.IGNORECASE)
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_NUMBER = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
           "nine": 9, "ten": 10, "eleven": 11}


def fiscal_part(text: str, country: str | None) -> str | None:
    """A part of a split fiscal year ("the first half of the 2024/25 fiscal year", "the
    first nine months of fiscal 1986/87") as ``YYYY-MM/YYYY-MM`` by the country's fiscal
    calendar (``fiscal_years.csv``), or None when the words or the calendar are not known.

    >>> fiscal_part("imports rose in the first half of the 2024/25 fiscal year", "KEN")
    '2024-07/2024-12'
    >>> fiscal_part("in the first nine months of fiscal 1986/87", "IND")
    '1986-04/1986-12'
    """
    m = _FISCAL_PART.search(text)
    start = _fiscal_starts().get(country or "")
    if m is None or start is None or start == 1:
        return None
    if m.group("half"):
        lo, n = (0 if m.group("half").lower() == "first" else 6), 6
    elif m.group("q"):
        lo, n = 3 * (_ORDINAL[m.group("q").lower()] - 1), 3
    else:
        lo, n = 0, _NUMBER.get(m.group("n").lower()) or int(m.group("n"))
    if not 1 <= n <= 11:
        return None
    first = int(m.group("y"))

    def month(k: int) -> str:  # the k-th month (0-based) of the fiscal year
        y, mo = divmod(start - 1 + k, 12)
        return f"{first + y}-{mo + 1:02d}"

    return f"{month(lo)}/{month(lo + n - 1)}"
