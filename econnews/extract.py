"""Stage 1: the quantities in a text, as a typed table (one row per mention).

econnews owns the grammar of economic figures — money in any currency and
notation, percentages, ratios, ranges, bounds and changes — and reads physical
measures with quantulum3's unit lexicon. Every row keeps the evidence: the
``surface`` as written and its ``start``/``end`` offsets in the original text.

>>> q = extract("The total amount of Japanese investments is $ 2.2 billion.")
>>> q.loc[0, "surface"], q.loc[0, "kind"], float(q.loc[0, "value"]), q.loc[0, "unit"]
('$ 2.2 billion', 'money', 2200000000.0, 'USD')

Currency rule: a bare ``$`` (or the word "dollars") is read as USD and a bare
``¥`` as JPY, unless ``currency_hint`` names the currency the article means by
it (``currency_hint="CAD"`` reads "$5" as 5 Canadian dollars; ``"CNY"`` reads
"¥5" as yuan). Qualified forms ("C$", "US$", "Canadian dlrs") are never changed
by the hint.

Requires: a ``str``. Returns the columns of :data:`econnews.schema.QUANTITIES`
plus ``unit_name`` (a readable unit name: "kilometre", "worker") and ``per``
(the denominator of a rate: "$58 a barrel" → "barrel").
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date as _date
from datetime import datetime

import numpy as np
import pandas as pd
import pyarrow as pa

from . import _grammar as g
from . import _lexicon as lx
from . import _measures, schema
from ._numbers import parse_digits, parse_words
from .errors import InputError

__all__ = ["extract"]

_DOLLAR_CODES = {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "ZWL", "MXN", "BRL"}
_LOOSE_SCALES = {"m", "M", "b", "B"}
_SCORE_MAX = 20


@dataclass
class _Q:
    start: int
    end: int
    kind: str
    value: float
    low: float
    high: float
    unit: str | None = None
    unit_name: str | None = None
    bound: str = "="
    change: str | None = None
    per: str | None = None
    extra: dict = field(default_factory=dict)


def extract(
    text: str,
    *,
    doc_id: str | None = None,
    date: str | _date | datetime | pd.Timestamp | None = None,
    currency_hint: str | None = None,
) -> pd.DataFrame:
    """Every quantity mentioned in ``text``, one row each, typed.

    ``doc_id`` and ``date`` (the article's) are copied to every row; ``currency_hint``
    says what a bare ``$``/dollars or ``¥`` means (see the module docs).

    >>> extract("Putin proposed to raise trade to $30 billion, by 1.5 times.")[
    ...     ["surface", "kind", "value", "unit"]].values.tolist()
    [['$30 billion', 'money', 30000000000.0, 'USD'], ['1.5 times', 'ratio', 1.5, 'times']]
    """
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        text = ""
    if not isinstance(text, str):
        raise InputError(f"extract() takes a str, got {type(text).__name__}; pass the article text")
    hint = _check_hint(currency_hint)
    found = list(_scan(text, hint))
    return _table(text, found, doc_id=doc_id, date=date)


def _check_hint(hint: str | None) -> str | None:
    if hint is None:
        return None
    code = str(hint).strip().upper()
    if code not in lx.currency_codes():
        raise InputError(
            f"unknown currency_hint {hint!r}; give an ISO 4217 code such as 'USD', 'CAD' or 'CNY'"
        )
    return code


# --------------------------------------------------------------------------- scanning


def _scan(text: str, hint: str | None) -> Iterator[_Q]:
    found: list[_Q] = []
    low = text.lower()  # cheap substring checks spare whole-text regex passes
    fractions: list[_Q] = []
    if "point" in low:
        fractions += _half_points(text)
    if " in " in low or "out of" in low:
        fractions += _one_in(text)
    if any(w in low for w in _FRACTION_HINTS):
        fractions += _fractions(text, [(q.start, q.end) for q in fractions])
    fspans = [(q.start, q.end) for q in fractions]
    skip_to = 0
    for m in g.CORE.finditer(text):
        s, e = m.span()
        if s < skip_to or (fspans and _overlaps(fspans, s, e)):
            continue
        q, consumed = _read(text, m, hint, found)
        skip_to = max(skip_to, consumed)
        if q is not None:
            found.append(q)
            skip_to = max(skip_to, q.end)
    if found:
        _earnings_table(text, found)
        _coordinate(text, found)
    found.extend(fractions)
    taken = [(q.start, q.end) for q in found]
    extra: list[_Q] = []
    if any(w in low for w in _RATIO_HINTS):
        extra += _ratio_words(text, taken)
    if any(w in low for w in _APPROX_HINTS):
        extra += _approx(text, taken + [(q.start, q.end) for q in extra])
    found.extend(extra)
    found.sort(key=lambda q: q.start)
    return iter(found)


# substrings without which a word-only pass cannot match (kept in step with the lexicons
# by tests/test_extract.py::test_word_pass_hints_cover_the_lexicons)
_FRACTION_HINTS = ("half", "third", "quarter", "fifth", "tenth", "fourth")
_RATIO_HINTS = ("twice", "doubl", "tripl", "trebl", "quadrupl", "halv", "fold", "by half")
_APPROX_HINTS = ("dozens", "hundreds", "thousands", "millions", "billions", "trillions")


_LABEL_MONEY = re.compile(
    r"(?i:(?:oper(?:ating)?\s+|qtly\s+|\w+\s+)?(?:net|revs?|revenues?|sales|pretax|profit|"
    r"loss|income|turnover|assets|deposits|loans|earnings)(?:\s+(?:loss|profit|income|revs|sales|"
    r"inc|dec))?)$"
)
_LABEL_SHR = re.compile(r"(?i:(?:oper\s+)?shr(?:\s+(?:loss|profit|diluted|primary))?)$")
_LABEL_SHARES = re.compile(r"(?i:(?:avg\s+)?shrs?(?:\s+outst(?:anding)?)?)$")
_VS = re.compile(r"\s*(?i:vs\.?|versus)\s*$")


def _earnings_table(text: str, found: list[_Q]) -> None:
    """Reuters earnings tables ("Shr 1.20 dlrs vs 1.10 dlrs / Net 613,986 vs 534,093 /
    Revs 9,494,570 vs 7,591,564 / Avg shrs 72.1 mln"): a line's label says what its
    bare figures are: money in the story's currency, or a count of shares."""
    money = next((q.unit for q in found if q.kind == "money"), None)
    for i, q in enumerate(found):
        line_start = text.rfind("\n", 0, q.start) + 1
        label = text[line_start:q.start].strip()
        prev = found[i - 1] if i else None
        same_line_vs = (
            prev is not None and prev.end >= line_start and _VS.match(text[prev.end:q.start])
        )
        if q.kind == "money" and _LABEL_SHR.match(label) and q.per is None:
            q.per = "share"
        if q.kind == "money" and same_line_vs and prev.kind == "money" and prev.per \
                and q.per is None and q.unit == prev.unit:
            q.per = prev.per
        if q.kind != "number":
            continue
        if same_line_vs and prev.kind in ("money", "count") and prev.unit:
            q.kind, q.unit, q.unit_name, q.per = prev.kind, prev.unit, prev.unit_name, prev.per
        elif _LABEL_SHARES.match(label):
            q.kind, q.unit, q.unit_name = "count", "shares", "share"
        elif money and _LABEL_MONEY.match(label) and line_start > 0:
            q.kind, q.unit, q.unit_name = "money", money, _measures.currency_name(money)


_AND = re.compile(r"\s*(?:and\s+)?$")


def _dollars_and_cents(text: str, found: list[_Q]) -> None:
    """'3 dollars 50 cents', 'thirteen dollars and forty-five cents': one amount."""
    i = 0
    while i + 1 < len(found):
        a, b = found[i], found[i + 1]
        if (
            a.kind == "money" and b.kind == "money" and a.unit == b.unit
            and a.unit_name != "cent" and b.unit_name in ("cent", "penny")
            and a.low == a.high and b.low == b.high and b.value < 1
            and _AND.match(text[a.end:b.start]) and b.start - a.end < 6
        ):
            a.value = a.low = a.high = _tidy(a.value + b.value)
            a.end = b.end
            a.per = a.per or b.per
            del found[i + 1]
        i += 1


_COORD = re.compile(r"\s*(?:,\s*)?(?:and|or|,|to)\s+$")
_OR_BEFORE = re.compile(r"\s*,?\s*or\s+(?:about\s+|some\s+|nearly\s+)?$")
_PAREN_BEFORE = re.compile(r"\s*\(\s*$")
_PAREN_AFTER = re.compile(r"\s*\)")


def _coordinate(text: str, found: list[_Q]) -> None:
    """Share a unit stated once: '8 or 9 euros', '2.27 and 2.28 times', and a scaled
    amount whose currency comes later in the sentence ('a loss of 12.92 billion ...
    against a 1.65 billion yen profit')."""
    _dollars_and_cents(text, found)
    for i, q in enumerate(found):
        prv = found[i - 1] if i > 0 else None
        if q.kind == "percent" and q.change is None and prv is not None and prv.change \
                and _OR_BEFORE.match(text[prv.end:q.start]):
            q.change = prv.change  # "up 56 pence, or 7.6%"
        if q.kind != "number":
            continue
        if prv is not None and prv.kind in ("money", "percent") and _PAREN_BEFORE.match(
                text[prv.end:q.start]) and _PAREN_AFTER.match(text, q.end):
            # "4.27 pct (4.32)": last week's figure in brackets shares the unit
            q.kind, q.unit, q.unit_name, q.per = prv.kind, prv.unit, prv.unit_name, prv.per
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and nxt.kind in ("money", "percent", "ratio", "measure") \
                and _COORD.match(text[q.end:nxt.start]) and nxt.start - q.end < 12 \
                and not (nxt.kind in ("percent", "ratio") and (q.extra.get("scaled") or q.value > 1000)):
            q.kind, q.unit, q.unit_name, q.per = nxt.kind, nxt.unit, nxt.unit_name, nxt.per
            continue
        if q.extra.get("scaled") and not _SHARE_LABEL.search(text, max(0, q.start - 16), q.start):
            for other in found[i + 1:]:
                if other.start - q.end > 200 or re.search(r"[.!?]\s", text[q.end:other.start]):
                    break
                if other.kind == "money":
                    q.kind, q.unit, q.unit_name = "money", other.unit, other.unit_name
                    break


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def _read(text: str, m: re.Match, hint: str | None, found: list[_Q]) -> tuple[_Q | None, int]:
    """Read one quantity around the numeric core ``m``; return it (or None) and how far
    the text is consumed."""
    s, e = m.span()
    n = len(text)
    is_digits = m.group("digits") is not None
    core = m.group(0)
    value = parse_digits(core) if is_digits else parse_words(core)
    if value is None or not math.isfinite(value):
        return None, e

    # ---- left context: currency prefix, sign
    prefix_m = g.PREFIX_BEFORE.search(text, max(0, s - 8), s)
    prefix = None
    start = s
    if prefix_m is not None and is_digits:
        surf = prefix_m.group(0).rstrip()
        if (surf in ("PS", "Y=") and prefix_m.end() - len(prefix_m.group(0)) + len(surf) != s) or (surf in ("PS", "Y=", "RM", "Rs", "SFr") and prefix_m.start() > 0 and text[prefix_m.start() - 1].isalnum()):
            prefix_m = None
        else:
            prefix = _currency(surf, "prefix", hint, text)
            start = prefix_m.start()
            if prefix is None:
                prefix_m = None
                start = s
    left_char = text[s - 1] if s > 0 else ""
    right_char = text[e] if e < n else ""

    if is_digits:
        if _not_a_quantity(text, s, e, left_char, right_char, prefix is not None):
            return None, _run_end(text, e)
    elif _lone_word_number(text, m, value) or (
        value < 1000 and _THE_BEFORE.search(text, max(0, s - 5), s) and not _UNIT_SOON.match(text, e)
    ):  # "the two countries" is a reference, "the two million tourists" a count
        return None, e

    neg = False
    if prefix is None:
        mm = g.MINUS_BEFORE.search(text, max(0, s - 10), s)
        if mm is not None and is_digits:
            neg = True
            start = mm.start()
    elif start > 0 and text[start - 1] in "-−" and (start < 2 or not text[start - 2].isalnum()):
        neg = True
        start -= 1
    elif _NEGATIVE_WORD.search(text, max(0, start - 10), start):
        neg = True  # "a negative EUR 68.6 mn"

    # ---- number, scale
    pos = e
    mult, pos, scale_words = _scales(text, pos, prefix is not None)
    low = high = value * mult

    # ---- unit, then maybe a range tail, then maybe the unit after the range
    scaled = mult > 1 or (not is_digits and _scale_in_words(core) > 1)
    unit = _unit(text, pos, prefix, hint, value * mult, scaled)
    lo2 = None
    if unit is None or unit.get("rangeable"):
        rng = _range_tail(text, pos, prefix, hint, unit, mult, start, s)
        if rng is not None:
            lo2, hi2, pos, unit = rng
            if lo2 is not None:
                low, high = lo2, hi2
    if unit is not None and lo2 is None:
        pos = unit["end"]
    if unit is None:
        unit = {"kind": "number", "unit": None, "name": None, "end": pos, "factor": 1.0}

    if unit["kind"] == "skip":
        return None, _run_end(text, e)
    if _VOTE_BEFORE.search(text, max(0, start - 20), start) or (
        lo2 is not None and unit["kind"] == "count"
        and str(unit.get("unit", "")).lower() in _TALLY_NOUNS
    ):
        return None, pos  # "by a vote of 34 to 2", "a 2-1 decision"
    if is_digits and unit["kind"] in ("number", "count") and (
        _MODEL.match(text, s) or _name_noun_after(text, e)
    ):
        return None, _run_end(text, e)  # "the 737-800", "its 777 plane"
    if is_digits and _is_year(core) and unit["kind"] == "measure" \
            and unit.get("name") in _TIME_UNITS:
        return None, pos  # "the 1986 second half", "1986 year operating loss"
    if unit["kind"] in ("number", "count") and prefix is None and lo2 is None:
        if is_digits and _is_year(core) and mult == 1:
            return None, pos  # a year
        if _name_before(text, start):
            return None, pos
        if not is_digits and core[0].isupper() and not _sentence_initial(text, s):
            return None, pos  # "the Kick Six"
    if unit["kind"] == "measure" and unit.get("adjective"):
        return None, pos  # "a five-year $700,000 award": a description, not a figure
    if (
        unit["kind"] == "number" and lo2 is not None and is_digits and prefix is None
        and all(float(x).is_integer() and 0 <= x <= _SCORE_MAX for x in (low, high))
        and text[e:e + 1] in "-–"
    ):
        return None, pos
    if (
        unit["kind"] in ("number", "count") and lo2 is not None and is_digits
        and all(1000 <= x <= 2100 and float(x).is_integer() for x in (low, high))
    ):
        return None, pos  # "between 1600 and 1900": years
    if unit["kind"] in ("number", "count") and prefix is None and lo2 is not None \
            and _name_before(text, start):
        return None, pos  # "ISO 3888-2"
    if unit["kind"] in ("number", "count") and is_digits and _ADDRESS_AFTER.match(text, e):
        return None, pos  # "49 Zorro Ranch Road"
    if not is_digits and _HYPHEN_WORD_AFTER.match(text, e) and unit["kind"] in ("number", "count"):
        return None, pos  # "a six-speed gearbox", "a three-bed flat"
    if unit["kind"] == "number" and is_digits and lo2 is None and _AGE_COMMAS.match(text, e) \
            and _AGE_NAME.search(text, max(0, s - 40), s) and 0 < value < 120 \
            and float(value).is_integer():
        unit = {"kind": "measure", "unit": "year", "name": "year of age", "end": pos}

    factor = unit.get("factor", 1.0)
    low, high = low * factor, high * factor
    if neg:
        low, high = -high, -low
    kind = unit["kind"]
    code = unit.get("unit")

    # elided currency: "rose to 8.14 billion dlrs from 5.7 billion"
    if kind == "number" and found and not _SHARE_LABEL.search(text, max(0, s - 16), s):
        prev = _elided_from(text, found, s, bool(scale_words))
        if prev is not None:
            kind, code = prev.kind, prev.unit
            unit = dict(unit, name=prev.unit_name, per=prev.per)

    low, high = _tidy(low), _tidy(high)
    q = _Q(
        start=start,
        end=pos,
        kind=kind,
        value=_tidy((low + high) / 2),
        low=min(low, high),
        high=max(low, high),
        unit=code,
        unit_name=unit.get("name"),
        per=unit.get("per"),
    )
    if unit.get("change"):
        q.change = unit["change"]
    if scale_words:
        q.extra["scaled"] = True
    _left_cues(text, q)
    _right_cues(text, q)
    if q.bound == "<" and _UP_TO_BEFORE.search(text, max(0, q.start - 8), q.start) \
            and _FROM_SOON.match(text, q.end):
        q.bound = "="  # "earnings were up to 220 mln dlrs in March from 110 mln": a new level
    if unit.get("bound") and q.bound == "=":
        q.bound = unit["bound"]
    if not all(math.isfinite(x) for x in (q.value, q.low, q.high)):
        return None, pos
    return q, pos


_SHARE_LABEL = re.compile(r"(?i:\b(?:avg\s+)?shrs?|\bshares|\bshs)\s+(?:outst(?:anding)?\s+)?$")
_PARAGRAPH = re.compile(r"\n\s*\n|\n {2,}|\n\t")


def _elided_from(text: str, found: list[_Q], s: int, scaled: bool) -> _Q | None:
    """The earlier quantity whose unit a bare number shares ("rose to 8.14 billion dlrs
    from 5.7 billion"): the last money amount of the paragraph for a scaled number (a
    percent or a duration in between does not break it), the previous amount of the
    sentence for a number after "from"/"to"/"against"."""
    cue = g.ELIDED_BEFORE.search(text, max(0, s - 16), s)
    if not (scaled or cue):
        return None
    prev = found[-1]
    if prev.kind == "number" and "\n" not in text[prev.end:s] and s - prev.end < 20:
        return None  # "72.1 mln vs 31.7 mln": a pair of bare numbers stays bare
    if prev.kind in ("count", "measure") and not (
        prev.kind == "measure" and prev.unit_name in _TIME_UNITS
    ):
        gap = text[prev.end:s]
        if len(gap) < 60 and not re.search(r"[.!?]\s", gap) and not _PARAGRAPH.search(gap):
            return prev
    for q in reversed(found[-8:]):
        gap = text[q.end:s]
        if len(gap) > 400 or _PARAGRAPH.search(gap):
            return None
        if q.kind == "money":
            if _in_brackets(text, q):
                continue  # "2.2 billion shekels ($590 million) and 71 million": the shekels
            if not scaled and re.search(r"[.!?]\s", gap):
                return None
            return q
        if q.kind == "count":
            # "lost 162.31 points, or 2.14%, to fall to 7,425.81": the same noun
            return q if cue and not re.search(r"[.!?]\s", gap) and len(gap) < 120 else None
    return None


def _in_brackets(text: str, q: _Q) -> bool:
    before = text[max(0, q.start - 2):q.start].strip()
    after = text[q.end:q.end + 2].strip()
    return before.endswith("(") and after.startswith((")", ";", ","))


_UP_TO_BEFORE = re.compile(r"(?i:\bup\s+to)\s$")
_FROM_SOON = re.compile(r"(?:\s+[\w,'’-]+){0,5}?\s+from\s+(?:[$€£¥]|\d)")
_NEGATIVE_WORD = re.compile(r"(?i:\bnegative|\bminus)\s$")
_PHONE_BEFORE = re.compile(r"(?:\+\d{1,4}|(?i:\btel|\bphone|\bfax|\bmob)\.?:?)[\s\d()-]*$")


def _tidy(x: float) -> float:
    """Drop the binary noise of scaling: 8.14 * 1e9 is 8140000000.0, not ...000001."""
    return float(f"{x:.12g}") if math.isfinite(x) else x


# ---------------------------------------------------------------- what is not a quantity

_NAME_BEFORE = re.compile(r"(?<![\w.])([A-Z][A-Za-z&]*\.?|[a-z]+[A-Z][A-Za-z]*)\s$")
_LAST_WORD = re.compile(r"(?<![\w&])([\w&]+)\.?\s$")
_LETTER_HYPHEN_BEFORE = re.compile(r"\b([A-Za-z]+)-$")
_HYPHEN_OK = {"sub", "minus", "then", "now", "over", "under", "about", "around", "some", "nearly"}
_NUMBER_SIGN = re.compile(r"(?:#|\b(?i:no|nos|number)\.?\s?)$")
_UNIT_SOON = re.compile(
    r"(?:\s?(?:-\s?)?(?:%|(?i:per\s?cent|percent|pct|pc|times|fold|billion|million|trillion|bn|mln|bln|mn|tn|crore|lakh))(?![A-Za-z]))"
)


def _run_end(text: str, e: int) -> int:
    m = re.compile(r"[\w.,:/-]*").match(text, e)
    return m.end() if m else e


def _is_year(core: str) -> bool:
    return len(core) == 4 and core.isdigit() and 1700 <= int(core) <= 2100


def _not_a_quantity(text: str, s: int, e: int, left: str, right: str, has_prefix: bool) -> bool:
    """Dates, times, ordinals, names with digits, versions, phone numbers, fiscal labels."""
    if left == "+" and re.match(r"\d+[\s-]\d", text[s:e + 3]):
        return True  # "+358 9 591 8342": an international phone number
    if left and (left.isalpha() or left in "_@") and not has_prefix:
        return True  # G20, S23, XC40
    if left and (left in ":/" or (left == "." and s >= 2 and text[s - 2].isdigit())):
        return True
    if left and left in "'’" and e - s == 2:
        return True  # '87
    lh = None if has_prefix else _LETTER_HYPHEN_BEFORE.search(text, max(0, s - 12), s)
    if lh is not None and lh.group(1).lower() not in _HYPHEN_OK:
        return True  # COVID-19, F-35, mid-2019
    if right == "." and e + 1 < len(text) and text[e + 1].isdigit():
        return True  # 1.2.3, dates 12.03.2019
    if right == "/" and e + 1 < len(text) and text[e + 1].isdigit():
        return True  # 1987/88, 12/25
    if right == ":" and e + 1 < len(text) and text[e + 1].isdigit():
        return True  # 10:30, 1:36.6
    if g.ORDINAL_AFTER.match(text, e):
        return True
    if g.TIME_AFTER.match(text, e):
        return True
    if not has_prefix and _PHONE_BEFORE.search(text, max(0, s - 24), s):
        return True  # "tel. +358 9 591 8342"
    if g.PHONE.match(text, s - 1 if left == "(" else s) and not has_prefix:
        return True
    core = text[s:e]
    if _NUMBER_SIGN.search(text, max(0, s - 10), s) and not has_prefix:
        return True
    mb = g.MONTH_BEFORE.search(text, max(0, s - 12), s)
    if mb and not has_prefix and not _UNIT_SOON.match(text, e):
        word = mb.group(0).strip(" .,").lower()
        if word not in ("may", "mar") or mb.group(0)[0].isupper():
            if core.replace(",", "").isdigit() and (int(core.replace(",", "")) <= 31 or _is_year(core)):
                return True
    ma = g.MONTH_AFTER.match(text, e)
    if ma and not has_prefix and core.isdigit() and int(core) <= 31:
        word = ma.group(0).strip().split()[-1]
        if word.lower() not in ("may", "mar") or word[0].isupper():
            return True
    return bool(g.FISCAL_AFTER.match(text, e) and _is_year(core))


def _name_before(text: str, s: int) -> bool:
    """A number right after a proper name is part of it: Boeing 737, Section 427, iPhone 11."""
    nw = _LAST_WORD.search(text, max(0, s - 12), s)
    if nw is not None and nw.group(1).lower() in g.name_before_words():
        return True
    nb = _NAME_BEFORE.search(text, max(0, s - 30), s)
    if nb is None:
        return False
    word = nb.group(1).rstrip(".")
    lw = word.lower()
    return (
        lw not in g.function_words()
        and lw not in lx.cues("bound", "before")
        and lw not in lx.cues("change", "before")
        and not g.MONTH_BEFORE.search(word + " ")
        and not (word[0].isupper() and _sentence_initial(text, nb.start(1)))
    )


def _sentence_initial(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"'“‘(":
        j -= 1
    return j < 0 or text[j] in ".!?\n;"


_VOTE_BEFORE = re.compile(r"(?i:\bvotes?\s+of|\bvoted)\s+$")
_VOTE_AFTER = re.compile(r"\s(?i:decision|vote|ruling|verdict|majority|split)\b")
_MODEL = re.compile(r"\d{3}-\d{3}\b")
_TALLY_NOUNS = {"decision", "vote", "ruling", "verdict", "majority", "split", "win", "victory",
                "defeat", "loss", "lead", "scoreline", "draw"}


def _name_noun_after(text: str, e: int) -> bool:
    nxt = _NEXT_WORD.match(text, e)
    return bool(nxt) and nxt.group(1).lower() in g.word_set("name_after")
_AGE_COMMAS = re.compile(r",\s")
_AGE_NAME = re.compile(r"\b[A-Z][a-z]+,\s$")
_ADDRESS_AFTER = re.compile(
    r"\s(?:[NSEW]\.?\s)?(?:\d+(?:st|nd|rd|th)\s)?(?:[A-Z][a-z]+\s){0,3}"
    r"(?:St|Street|Rd|Road|Ave|Avenue|Way|Blvd|Boulevard|Lane|Ln|Drive|Dr|Place|Pl|Court|Ct)\b"
)
_HYPHEN_WORD_AFTER = re.compile(r"-[A-Za-z]")
_THE_BEFORE = re.compile(r"(?i:\bthe\s)$")
_ONE_RANGE_AFTER = re.compile(r"\s(?:to|or)\s(?:two|three|four|five|\d)")
_ONE_OK_AFTER = re.compile(r"\s+(?:of\s+(?:the|his|her|their|its|our|my|your|those|these)\b|[a-z][a-z-]+)")
_ONE_BAD_BEFORE = re.compile(
    r"(?i:\b(?:no|any|every|each|which|this|that|the|someone|anyone|no-one|a|another|only|last|same)\s$)"
)


def _lone_word_number(text: str, m: re.Match, value: float) -> bool:
    """A spelled number that is a pronoun or part of an idiom ("no one", "one day")."""
    word = m.group(0).lower()
    if word in ("one", "an", "a"):
        if _ONE_RANGE_AFTER.match(text, m.end()):
            return False
        if _ONE_BAD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            return True
        after = _ONE_OK_AFTER.match(text, m.end())
        if not after:
            return True
        nxt = after.group(0).split()[0].lower()
        if nxt in g.function_words() and nxt != "of":
            return True
        if nxt.endswith("ing") or nxt.endswith("ed") or nxt in ("another", "way", "thing", "day"):
            return True
    return False


# ----------------------------------------------------------------------- scale and unit


_LOOSE_NEXT = re.compile(r"\s([A-Za-z]{2,})")
_SPACED_LETTER_SCALE = re.compile(r"(?<=\S)\s(?:m|mn|bn|b|k)(?![A-Za-z])")


def _scales(text: str, pos: int, has_prefix: bool) -> tuple[float, int, list[str]]:
    mult = 1.0
    words: list[str] = []
    for _ in range(2):
        sm = g.SCALE_AFTER.match(text, pos)
        if not sm and has_prefix:
            sm = _SPACED_LETTER_SCALE.match(text, pos)
        if not sm:
            break
        word = sm.group(0).strip(" \t\r\n-")
        sc = lx.scales().get(word) or lx.scales().get(word.lower())
        if sc is None:
            break
        if word in _LOOSE_SCALES and not has_prefix:
            # "1.2m tons", "2B users" are scales; "100m" alone is metres
            nxt = _LOOSE_NEXT.match(text, sm.end())
            if not nxt or (nxt.group(1).lower() in g.function_words() and nxt.group(1) != "of"):
                break
        if mult >= 1e6 and sc.multiplier >= 1e6:
            # "1.143 billion mln stg" is a slip, not 1e15: keep the first scale
            words.append(word)
            pos = sm.end()
            continue
        mult *= sc.multiplier
        words.append(word)
        pos = sm.end()
    return mult, pos, words


def _currency(surface: str, where: str, hint: str | None, text: str = "") -> str | None:
    table = lx.currency_lookup(where)
    code = table.get(surface) or table.get(surface.lower())
    if code is None:
        return None
    if code.startswith("@"):
        return _context_currency(text, code[1:])
    if not hint and surface.lower() in ("dlrs", "dlr", "dollars", "dollar"):
        hint = _article_dollar(text)
    if hint:
        low = surface.lower()
        if surface == "$" or low in ("dollars", "dollar", "dlrs", "dlr"):
            if hint in _DOLLAR_CODES:
                return hint
        if surface == "¥" and hint in ("CNY", "JPY"):
            return hint
        if low == "pesos":
            return hint
    return code


_QUALIFIED_DOLLAR = re.compile(
    r"\b(?P<q>Australian|Canadian|New Zealand|N\.Z\.|Hong Kong|H\.K\.|HK|Singapore|Taiwan|"
    r"U\.S\.|US|American)\s+(?i:dlrs?|dollars?)\b"
)
_QUALIFIER_CODE = {"australian": "AUD", "canadian": "CAD", "new zealand": "NZD", "n.z.": "NZD",
                   "hong kong": "HKD", "h.k.": "HKD", "hk": "HKD", "singapore": "SGD",
                   "taiwan": "TWD", "u.s.": "USD", "us": "USD", "american": "USD"}


@functools.lru_cache(maxsize=256)
def _article_dollar(text: str) -> str | None:
    """The dollar an article means by a bare "dlrs": the one it names, if it names
    exactly one ("... in H.K. Dlrs ... rose to 249.03 billion dlrs")."""
    named = {_QUALIFIER_CODE[m.group("q").lower()] for m in _QUALIFIED_DOLLAR.finditer(text)}
    return named.pop() if len(named) == 1 else None


@functools.lru_cache(maxsize=256)
def _context_currency(text: str, family: str) -> str | None:
    """The code an ambiguous currency name has in this article: its earliest place word."""
    cues, default = lx.currency_context().get(family, ({}, None))
    best = None
    m = _context_regex(family).search(text)
    if m is not None:
        best = {k.lower(): v for k, v in cues.items()}.get(m.group(0).lower())
    return best or default


@functools.cache
def _context_regex(family: str) -> re.Pattern:
    cues, _ = lx.currency_context().get(family, ({}, None))
    if not cues:
        return re.compile(r"(?!x)x")
    return re.compile(r"\b" + lx.alternation(list(cues), any_case=True) + r"\b")


def _unit(
    text: str, pos: int, prefix: str | None, hint: str | None, value: float, scaled: bool
) -> dict | None:
    """What follows the number: percent, ratio, currency, measure, counted noun."""
    pm = g.PERCENT_AFTER.match(text, pos)
    if pm and prefix is None:
        if pm.group("bp"):
            return {"kind": "percent", "unit": "percentage_point", "name": "basis point",
                    "end": pm.end(), "factor": 0.01, "rangeable": True}
        if pm.group("pt"):
            return {"kind": "percent", "unit": "percentage_point", "name": "percentage point",
                    "end": pm.end(), "rangeable": True}
        return _per(text, {"kind": "percent", "unit": "percent", "name": "percentage",
                           "end": pm.end(), "rangeable": True})
    if prefix is None:
        rm = g.RATIO_AFTER.match(text, pos)
        if rm and _occasions(text, rm.end(), value) and not _change_before(text, pos - 1):
            return _per(text, {"kind": "count", "unit": "times", "name": "time",
                               "end": rm.end()})
        if rm:
            return _per(text, {"kind": "ratio", "unit": "times", "name": "times", "end": rm.end()})
    sm = g.SUFFIX_AFTER.match(text, pos)
    if sm:
        surf = sm.group(0).strip(" \t\r\n-")
        code = _currency(surf, "suffix", hint, text)
        low = surf.lower()
        ok = code is not None
        if ok and low == "pounds" and not scaled and prefix is None:
            ok = bool(re.compile(r"\s(?i:sterling|stg)\b").match(text, sm.end()))
        tier = lx.currency_tier("suffix").get(surf, lx.currency_tier("suffix").get(low, 0))
        if ok and tier == 5 and not scaled and prefix is None:
            ok = False  # "the 10,000 mark", "a crown"; but "a 181 mln crown surplus"
        if ok and low in ("won", "marks", "dong", "lei", "rand") and sm.group(0)[:1] == "-":
            ok = False
        if ok and low == "c":
            ok = False
        if ok and (surf == "$" or (prefix and surf.isupper() and len(surf) == 3)) \
                and _DIGIT_NEXT.match(text, sm.end()):
            ok = False  # "10 $20", "EUR 184 million USD 259.7 m": it belongs to the next amount
        if ok:
            end = sm.end()
            if low in ("pounds", "pound"):
                st = re.compile(r"\s(?i:sterling|stg)\b").match(text, end)
                end = st.end() if st else end
            code = prefix or code
            factor = 0.01 if low in ("pence", "p", "sen") else 1.0
            name = {"pence": "penny", "p": "penny", "sen": "sen"}.get(low)
            out = {"kind": "money", "unit": code, "name": name, "end": end, "factor": factor,
                   "rangeable": True}
            return _per(text, out)
    if prefix is not None:
        end = pos
        us = g.US_AFTER.match(text, pos)
        if us and prefix == "USD":
            end = us.end()
        return _per(text, {"kind": "money", "unit": prefix, "name": None, "end": end,
                           "rangeable": True})
    cm = g.CENTS_AFTER.match(text, pos)
    if cm and (cm.group(0).strip().lower() != "c" or cm.group(0)[0] != " "):
        code = hint if hint in _DOLLAR_CODES else "USD"
        return _per(text, {"kind": "money", "unit": code, "name": "cent", "end": cm.end(),
                           "factor": 0.01, "rangeable": True})
    return _measure_or_count(text, pos, value)


_NEXT_WORD = re.compile(r"\s*([A-Za-z&'-]+|[.,;:!?)]|$)")


def _occasions(text: str, pos: int, value: float) -> bool:
    """An integer "N times" not followed by a comparison counts occasions ("rates were
    raised five times this year"), not a multiplier ("three times the size")."""
    if not float(value).is_integer() or value < 2:
        return False
    m = _NEXT_WORD.match(text, pos)
    nxt = m.group(1).lower() if m else ""
    return nxt in ("", ".", ",", ";", ":", "!", "?", ")") or nxt in g.word_set("occasion_follow")


def _per(text: str, unit: dict) -> dict:
    pm = g.PER_AFTER.match(text, unit["end"])
    if pm:
        per = (pm.group("per") or pm.group("per2")).lower()
        unit = dict(unit, per="year" if per == "annum" else per, end=pm.end())
    return unit


_TIME_UNITS = {"year", "month", "week", "day", "hour", "minute", "second", "decade", "century",
               "quarter"}
_ADJ_NEXT = re.compile(r"\s(?:[a-z]|\$)")


def _measure_or_count(text: str, pos: int, value: float) -> dict | None:
    am = g.AGE_AFTER.match(text, pos)
    if am:
        return {"kind": "measure", "unit": "year", "name": "year of age", "end": am.end()}
    mm = g.MEASURE_AFTER.match(text, pos)
    if mm:
        surf = mm.group(0).strip(" \t\r\n-")
        meas = lx.measure_lookup().get(surf) or lx.measure_lookup().get(surf.lower())
        if meas is not None and not (surf == "PS" and mm.group(0)[:1] != " "):
            adjective = (
                mm.group(0)[:1] == "-" and meas.name in _TIME_UNITS
                and bool(_ADJ_NEXT.match(text, mm.end()))
            )
            return _per(text, {"kind": "measure", "unit": meas.pint, "name": meas.name,
                               "end": mm.end(), "rangeable": True, "adjective": adjective})
    if pos < len(text) and text[pos] == "m" and not text[pos + 1: pos + 2].isalpha():
        return {"kind": "measure", "unit": "meter", "name": "metre", "end": pos + 1,
                "rangeable": True}
    hit = _measures.lookup(text, pos)
    if hit is not None:
        end, name, pint_unit = hit
        return {"kind": "measure", "unit": pint_unit, "name": name, "end": end, "rangeable": True}
    if pos < len(text) and text[pos].isalpha():
        return {"kind": "skip", "end": pos}
    return _count(text, pos, value)


_ONE_OF = re.compile(
    r"\s+of\s+(?:the|my|his|her|its|their|our|your|these|those|[A-Z][\w'’]*['’]s?)"
    r"(?:\s+(?:most|very|few|many|more))?(?=\s)"
)
_POINT_AFTER = re.compile(r"\s(?i:points?|pts?)\b")
_ABBREV_COUNT = re.compile(r"\s([A-Za-z]{2,4})\b")
_MORE = re.compile(r"\s(?i:more|fewer|additional|extra)(?=\s)")
_WORD = re.compile(r"[ \t\n-]+([A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z])")


_ADJ_BASE = {"best": "good", "better": "good", "worst": "bad", "worse": "bad",
             "most": "", "more": "", "least": "", "less": ""}


def _base_adjective(word: str) -> str:
    """The plain form of a comparative or superlative modifier ('smaller' -> 'small',
    'hottest' -> 'hot', 'earliest' -> 'early', 'best' -> 'good'); other words as they are."""
    low = word.lower()
    if low in _ADJ_BASE:
        return _ADJ_BASE[low]
    for suffix in ("iest", "ier"):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            return low[: -len(suffix)] + "y"
    for suffix in ("est", "er"):
        if low.endswith(suffix) and len(low) > len(suffix) + 3 and low not in _NOT_COMPARATIVE:
            stem = low[: -len(suffix)]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                return stem[:-1]  # hottest -> hot
            if stem[-1] in "gvcz" or stem.endswith(("ur", "ar")):
                return stem + "e"  # largest -> large, bravest -> brave, securer -> secure
            return stem
    return word


_NOT_COMPARATIVE = frozenset(["interest", "honest", "modest", "forest", "biggest", "other",
                              "over", "under", "inner", "outer", "upper", "lower", "former",
                              "latter", "after", "never", "silver", "copper", "paper", "power",
                              "water", "winter", "summer", "member", "number", "chamber"])


def _count(text: str, pos: int, value: float = 2.0) -> dict | None:
    """A counted noun phrase after the number: '3,400 people', 'five profile slots'."""
    ab = _ABBREV_COUNT.match(text, pos)
    if ab and ab.group(1) in lx.count_abbreviations():
        return {"kind": "count", "unit": ab.group(1), "name": lx.count_abbreviations()[ab.group(1)],
                "end": ab.end()}
    pm = _POINT_AFTER.match(text, pos)
    if pm and value <= 5 and not _index_talk(text, pos):
        # "foreign trade added 0.5 point", "knocked off 1.5 points": percentage points
        return {"kind": "percent", "unit": "percentage_point", "name": "percentage point",
                "end": pm.end(), "rangeable": True}
    words: list[tuple[str, int]] = []
    p = pos
    if value == 1:
        of = _ONE_OF.match(text, p)
        if of:
            p = of.end()  # "one of the best wireless speakers": one speaker
            value = 2.0  # the noun after "one of the" is plural
    mo = _MORE.match(text, p)
    if mo:
        p = mo.end()
    for _ in range(4):
        wm = _WORD.match(text, p)
        if not wm:
            break
        w = wm.group(1)
        if "\n" in wm.group(0) and not w[0].islower():
            break  # a new line that starts with a capital: a table row or a heading
        if w.lower() in g.function_words() and w.lower() not in g.irregular_plurals():
            break
        if w.lower().split("-")[0] in ("half", "quarter", "third"):
            break  # "four half-point cuts": the fraction is a quantity of its own
        words.append((w, wm.end()))
        p = wm.end()
    # capitalised words may describe ("four major Japanese steelmakers") but never end it
    while words and not words[-1][0][0].islower():
        words.pop()
    best = None
    for i, (w, _end) in enumerate(words):
        lw = w.lower()
        if not w[0].islower():
            continue  # a name describes ("850,000 new Ixonos shares"); it is not the noun
        if _is_plural_noun(lw) or (i == 0 and lw in g.irregular_plurals()):
            best = i
            break
    if best is None or (value == 1 and words and _is_singular_noun(words[0][0])):
        if words and words[0][0].islower() and _is_singular_noun(words[0][0]) and value == 1:
            best = 0
        elif best is None:
            return None
    # participles before the noun are description, not the unit: "400 charging stations"
    lead = 0
    while lead < best and words[lead][0].lower().endswith(("ing", "ed")):
        lead += 1
    words = words[lead:]
    best -= lead
    phrase_words = [w for w, _ in words[: best + 1]]
    end = words[best][1]
    noun = phrase_words[-1]
    name = " ".join([*(_base_adjective(w) for w in phrase_words[:-1]), _singular(noun)]).lower()
    # the unit is the counted noun as written; its description goes in unit_name
    return _per(text, {"kind": "count", "unit": noun, "name": name, "end": end})


def _index_talk(text: str, pos: int) -> bool:
    """Does the sentence around ``pos`` talk about a stock index (where points are
    index points)?"""
    lo = max(0, pos - 200)
    window = text[lo:pos + 120].lower()
    return any(w in g.word_set("index_word") for w in re.findall(r"[a-z&-]+", window))


_IRREGULAR = {"children": "child", "men": "man", "women": "woman", "fishermen": "fisherman",
              "policemen": "policeman", "feet": "foot", "teeth": "tooth", "mice": "mouse"}
_NOT_PLURAL = re.compile(r"(?:ss|us|is|ous|ics|'s)$")


def _is_plural_noun(w: str) -> bool:
    if w in g.irregular_plurals():
        return True
    return len(w) > 3 and w.endswith("s") and not _NOT_PLURAL.search(w) and w.isalpha()


def _is_singular_noun(w: str) -> bool:
    lw = w.lower()
    return (
        len(lw) > 2 and lw.isalpha() and lw not in g.function_words()
        and not lw.endswith(("ed", "ing", "ly"))
    )


def _singular(w: str) -> str:
    lw = w.lower()
    if lw in _IRREGULAR:
        return _IRREGULAR[lw]
    if lw in g.irregular_plurals():
        return w
    if lw.endswith("ies") and len(lw) > 4:
        return w[:-3] + "y"
    if lw.endswith(("ches", "shes", "xes", "sses", "uses")):
        return w[:-2]
    if lw.endswith("s") and not lw.endswith("ss"):
        return w[:-1]
    return w


# --------------------------------------------------------------------------- ranges


def _range_tail(
    text: str, pos: int, prefix: str | None, hint: str | None, unit: dict | None,
    mult: float, qstart: int, s: int,
):
    """'$2-3 billion', '$2 billion to $3 billion', 'between 40 and 50', '15 to 22 miles per hour'."""
    after_unit = unit["end"] if unit else pos
    sep = g.RANGE_SEP.match(text, after_unit)
    if not sep and prefix is not None:
        sep = _SPACED_DASH.match(text, after_unit)  # "EUR 0.8 -1.2 million"
    if not sep:
        return None
    word = sep.group(0).strip().lower()
    if word == "and" and not g.BETWEEN_BEFORE.search(text, max(0, qstart - 9), qstart):
        return None
    if word == "to" and _from_after_change(text, qstart):
        return None  # "sales fell from £138m to £118m": the old level and the new one
    change_first = word == "to" and _change_before(text, qstart)
    p = sep.end()
    prefix2 = None
    pm = re.compile(g.CURRENCY_PREFIX + r"\s?").match(text, p)
    if pm is not None:
        prefix2 = _currency(pm.group(0).rstrip(), "prefix", hint, text)
        if prefix2 is not None:
            p = pm.end()
    m2 = g.CORE.match(text, p)
    if not m2:
        return None
    d2 = m2.group("digits")
    v2 = parse_digits(m2.group(0)) if d2 else parse_words(m2.group(0))
    if v2 is None or not math.isfinite(v2):
        return None
    if d2 and _not_a_quantity(text, m2.start(), m2.end(), text[m2.start() - 1],
                              text[m2.end(): m2.end() + 1], prefix2 is not None):
        return None
    if prefix2 and prefix and prefix2 != prefix:
        return None
    mult2, p2, _ = _scales(text, m2.end(), (prefix2 or prefix) is not None)
    unit2 = _unit(text, p2, prefix2, hint, v2 * mult2, mult2 > 1)
    if prefix2 is None and prefix is not None and (unit2 is None or unit2["kind"] != "money"):
        unit2 = _unit(text, p2, prefix, hint, v2 * mult2, mult2 > 1)
    if unit2 is not None and unit2.get("kind") == "skip":
        return None
    if unit is not None:
        # both sides carry a unit: they must agree ("$2 billion to $3 billion")
        if unit2 is None or any(unit2.get(k) != unit.get(k) for k in ("kind", "unit", "name")):
            return None
    final = unit2
    end = unit2["end"] if unit2 else p2
    first = _core_value(g.CORE.match(text, s))
    if _is_year(g.CORE.match(text, s).group(0)) and not (
        d2 is not None and len(m2.group(0)) == 4 and m2.group(0).isdigit() and mult2 == 1
    ):
        return None  # "in 2018 to 3.9 million"
    if d2 is None and mult2 == 1:
        mult2_words = _scale_in_words(m2.group(0))
        if mult == 1 and mult2_words > 1 and first < 1000:
            mult = mult2_words  # "between two and three billion"
    if mult == 1 and mult2 > 1 and first < 1000 and first <= v2 * 10:
        mult = mult2  # "$2-3 billion": the scale is stated once
    lo = first * mult
    hi = v2 * mult2
    if change_first and not (0 < lo < hi <= 3 * lo):
        return None  # "rise by $19bn to $419.3bn": a change, then the new level
    return lo, hi, end, final


def _scale_in_words(words: str) -> float:
    """The largest scale word in a spelled number ('three billion' -> 1e9), else 1."""
    table = lx.number_words()
    best = 1.0
    for w in re.split(r"[\s-]+", words.lower()):
        value, role = table.get(w, (1.0, ""))
        if role == "scale":
            best = max(best, value)
    return best


def _core_value(m: re.Match | None) -> float:
    if m is None:
        return float("nan")
    v = parse_digits(m.group(0)) if m.group("digits") else parse_words(m.group(0))
    return float("nan") if v is None else float(v)


# --------------------------------------------------------------------------- cues


_TOKEN = re.compile(r"\S+")
_UP_TO_AFTER = re.compile(r"\s(?i:up\s+to|down\s+to)\b")
_FILLERS = frozenset(
    ["a", "an", "by", "of", "another", "some", "nearly", "about", "almost", "around", "roughly",
     "just", "only"]
)


def _tail_words(text: str, end: int, span: int = 60) -> list[str]:
    """The lower-cased words right before ``end`` (nothing but spaces between them and it)."""
    start = max(0, end - span)
    if start == end or not text[end - 1].isspace():
        return []
    words = [m.group(0).lower() for m in _TOKEN.finditer(text, start, end)]
    if start > 0 and words and not text[start - 1].isspace():
        words = words[1:]  # a cut word
    return words


_SPACED_DASH = re.compile(r"\s[-–](?=\d)")
_CHANGE_NOUNS = frozenset(
    ["growth", "expansion", "cutback", "contraction", "reduction", "slump", "slowdown", "hike", "rise", "increase", "decline", "drop", "fall", "gain", "jump", "cut"]
)


def _from_after_change(text: str, pos: int) -> bool:
    """'fell from X', 'has risen since 1986 from X': a from-to that moves a level."""
    words = _tail_words(text, pos)
    while words and words[-1] in lx.cues("bound", "before"):
        words.pop()
    if not words or words[-1] != "from":
        return False
    changes = lx.cues("change", "before")
    return any(w in changes and w not in _CHANGE_NOUNS for w in words[-6:-1])


def _change_before(text: str, pos: int) -> bool:
    """Is the number at ``pos`` introduced as a change ("rose", "cut ... by", "up")?"""
    words = _tail_words(text, pos)
    while words and words[-1] in lx.cues("bound", "before"):
        words.pop()
    if words and words[-1] == "by":
        return True
    while words and words[-1] in _FILLERS:
        words.pop()
    return bool(words) and words[-1] in lx.cues("change", "before")


def _left_cues(text: str, q: _Q) -> None:
    """Bound and change from the words before the mention ("rose about", "more than")."""
    if q.start > 0 and text[q.start - 1] == "~":
        q.bound = "~"
        return
    if q.start > 0 and text[q.start - 1] == "+" and q.kind in ("percent", "money"):
        q.change = "up"  # "+5%"
        return
    words = _tail_words(text, q.start)
    if not words:
        return
    bounds = lx.cues("bound", "before")
    for k in (3, 2, 1):
        if len(words) >= k and " ".join(words[-k:]) in bounds:
            q.bound = bounds[" ".join(words[-k:])]
            words = words[:-k]
            break
    if q.kind not in ("money", "percent", "measure", "count", "number"):
        return
    changes = lx.cues("change", "before")
    stripped: list[str] = []
    while words and words[-1] in _FILLERS and len(stripped) < 2:
        stripped.append(words.pop())
    if words and words[-1] in changes:
        verb = words[-1]
        if verb in ("up", "off", "down") and len(words) > 1 and words[-2] in g.word_set("phrasal"):
            return  # "racked up a surplus", "pay off a bill"
        if "of" in stripped and verb in ("gain", "gains"):
            return  # "a pretax gain of 7.2 mln dlrs" is a profit, not a rise
        q.change = changes[verb]
    elif "by" in stripped and q.kind in ("money", "percent"):
        # "cut spending by $2 billion", "raised its forecast by 2%" (not "boosted by two factors")
        by_verbs = {**changes, **lx.cues("change", "before_by")}
        for w in reversed(words[-4:]):
            if w in by_verbs:
                q.change = by_verbs[w]
                break


_DIGIT_NEXT = re.compile(r"\s?\d")
_DETERMINERS = frozenset(["a", "an", "the", "its", "their", "his", "her", "this", "that", "our"])
_POSTPOSED = {"up", "higher", "above", "down", "lower", "below"}


def _right_cues(text: str, q: _Q) -> None:
    if q.change is None and q.kind in ("percent", "money"):
        cm = g.CHANGE_AFTER.match(text, q.end)
        if cm:
            word = cm.group(0).split()[-1].lower()
            if word in _POSTPOSED and (q.kind != "percent" or _UP_TO_AFTER.match(text, q.end)):
                return  # "13.8 % up on the year", but not "$5 up front" or "5% up to"
            q.change = lx.cues("change", "after").get(word)


# ------------------------------------------------------------------- word-only forms


def _ratio_words(text: str, taken: list[tuple[int, int]]) -> Iterator[_Q]:
    for m in g.RATIO_WORD.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        word = m.group(0).lower()
        value, change = lx.ratio_words()[word]
        if word in ("double", "triple", "quadruple"):
            before = _tail_words(text, m.start(), span=12)
            if before and before[-1] in _DETERMINERS:
                continue  # "a double blow", "the triple crown": an adjective, not a multiplier
        q = _Q(m.start(), m.end(), "ratio", value, value, value, "times", "times", change=change)
        _left_cues(text, q)
        if change:
            q.change = change
        yield q


def _fractions(text: str, taken: list[tuple[int, int]]) -> Iterator[_Q]:
    for m in g.FRACTION_WORD.finditer(text):
        if m.group("half"):
            s, e, value = m.start("half"), m.end("half"), 0.5
        else:
            s, e = m.span()
            numw = m.group("num") or m.group("num2")
            frac = (m.group("frac") or m.group("frac2")).lower()
            num = parse_words(numw) or 1.0
            value = num * lx.number_words()[frac][0]
            if frac.endswith("s") and num == 1:
                continue
        if _overlaps(taken, s, e):
            continue
        q = _Q(s, e, "ratio", value, value, value, "times", "fraction")
        _left_cues(text, q)
        yield q


def _half_points(text: str) -> Iterator[_Q]:
    """'half a point', 'a quarter-point cut', 'a quarter of a percentage point'."""
    for m in g.HALF_POINT.finditer(text):
        w = (m.group("w") or m.group("w2")).lower()
        value = 0.5 if w == "half" else 0.25
        q = _Q(m.start(), m.end(), "percent", value, value, value, "percentage_point",
               "percentage point")
        _left_cues(text, q)
        _right_cues(text, q)
        if q.change is None:
            after = _NEXT_WORD.match(text, m.end())
            nxt = after.group(1).lower() if after else ""
            q.change = lx.cues("change", "after").get(nxt) if nxt not in _POSTPOSED else None
        yield q


def _one_in(text: str) -> Iterator[_Q]:
    """'one in six cars', 'one out of three Germans': a ratio."""
    for m in g.ONE_IN.finditer(text):
        a = parse_words(m.group("a")) if not m.group("a").isdigit() else float(m.group("a"))
        b = parse_digits(m.group("b")) if m.group("b").isdigit() else parse_words(m.group("b"))
        if not a or not b or a >= b:
            continue
        value = a / b
        q = _Q(m.start(), m.end(), "ratio", value, value, value, "times", "fraction")
        _left_cues(text, q)
        yield q


def _approx(text: str, taken: list[tuple[int, int]]) -> Iterator[_Q]:
    """'dozens of', 'thousands of', 'tens of millions of' — ranges of one to ten times."""
    for m in g.APPROX_WORD.finditer(text):
        s = m.start()
        e = m.end("w")
        if _overlaps(taken, s, e):
            continue
        base = lx.number_words()[m.group("w").lower()][0]
        if m.group("tens"):
            base *= 10 if m.group("tens").lower() == "tens" else 100
        low, high = base, base * 10
        unit = _count(text, m.end())
        money = re.compile(r"\s+(?:(?:U\.S\.|US)\s+)?" + g.CURRENCY_SUFFIX + r"(?![A-Za-z])").match(text, m.end())
        if money:
            code = _currency(money.group(0).strip().split()[-1], "suffix", None, text) or "USD"
            q = _Q(s, money.end(), "money", (low + high) / 2, low, high, code, None, bound="~")
        elif unit is not None:
            q = _Q(s, unit["end"], "count", (low + high) / 2, low, high, unit["unit"],
                   unit["name"], bound="~", per=unit.get("per"))
        else:
            q = _Q(s, e, "number", (low + high) / 2, low, high, None, None, bound="~")
        yield q


# --------------------------------------------------------------------------- table


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Start/end offsets of the sentences of ``text`` (a light splitter that keeps
    abbreviations such as "U.S." and "Corp." inside their sentence).

    >>> sentence_spans("Trade rose. Mr. Abe spoke.")
    [(0, 11), (12, 26)]
    """
    spans = []
    start = 0
    for m in g.SENTENCE_END.finditer(text):
        cut = m.start()
        head = text[max(start, cut - 12):cut]
        if "\n\n" not in m.group(0) and g._ABBREV.search(head):
            continue
        if cut > start:
            spans.append((start, cut))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    # trim whitespace
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _table(text: str, found: list[_Q], *, doc_id, date) -> pd.DataFrame:
    if not found:
        return pd.DataFrame({name: build([]) for name, build in _builders()}, copy=False)
    spans = sentence_spans(text)
    starts = [a for a, _ in spans]
    cols: dict[str, list] = {name: [] for name in QUANTITY_COLUMNS}
    stamp = pd.Timestamp(date) if date is not None and not pd.isna(date) else pd.NaT
    for q in found:
        i = bisect.bisect_right(starts, q.start) - 1
        a, b = spans[i] if i >= 0 else (0, len(text))
        if not (a <= q.start < b + 1):
            a, b = q.start, q.end
        b = max(b, q.end)
        cols["doc_id"].append(doc_id)
        cols["start"].append(q.start)
        cols["end"].append(q.end)
        cols["surface"].append(text[q.start:q.end])
        cols["kind"].append(q.kind)
        cols["value"].append(q.value)
        cols["low"].append(q.low)
        cols["high"].append(q.high)
        cols["unit"].append(q.unit)
        cols["bound"].append(q.bound)
        cols["change"].append(q.change)
        cols["sentence"].append(text[a:b])
        cols["sent_start"].append(a)
        cols["sent_end"].append(b)
        cols["date"].append(stamp)
        cols["unit_name"].append(q.unit_name if q.unit_name is not None else _default_name(q))
        cols["per"].append(q.per)
    return pd.DataFrame({name: build(cols[name]) for name, build in _builders()}, copy=False)


def _floats(values: list):
    return pd.arrays.FloatingArray(np.asarray(values, dtype="float64"), np.zeros(len(values), bool))


def _ints(values: list):
    return pd.arrays.IntegerArray(np.asarray(values, dtype="int64"), np.zeros(len(values), bool))


def _dates(values: list):
    if not values:
        return pd.array(np.empty(0, dtype="M8[ns]"))
    first = values[0]
    stamp = np.datetime64("NaT") if pd.isna(first) else np.datetime64(first.as_unit("ns"))
    return pd.array(np.full(len(values), stamp, dtype="M8[ns]"))


def _strings(values: list):
    if _ARROW_STRINGS:
        return pd.arrays.ArrowStringArray(pa.chunked_array([pa.array(values, type=pa.large_string())]))
    return pd.array(values, dtype=schema.STRING)


def _categories(dtype: pd.CategoricalDtype):
    codes = {c: i for i, c in enumerate(dtype.categories)}

    def build(values: list):
        return pd.Categorical.from_codes(
            np.fromiter((codes.get(v, -1) for v in values), dtype="int8", count=len(values)),
            dtype=dtype,
        )

    return build


@functools.cache
def _builders() -> tuple:
    """One cheap typed-column constructor per output column (built once)."""
    out = []
    for name, dtype in QUANTITY_COLUMNS.items():
        if isinstance(dtype, pd.CategoricalDtype):
            out.append((name, _categories(dtype)))
        elif dtype == schema.FLOAT:
            out.append((name, _floats))
        elif dtype == schema.INT:
            out.append((name, _ints))
        elif dtype == schema.DATETIME:
            out.append((name, _dates))
        else:
            out.append((name, _strings))
    return tuple(out)


def _arrow_strings() -> bool:
    try:
        probe = pd.arrays.ArrowStringArray(pa.chunked_array([pa.array(["x"], type=pa.large_string())]))
    except (AttributeError, TypeError, ValueError):
        return False
    return probe.dtype == schema.STRING


def _default_name(q: _Q) -> str | None:
    if q.kind == "money" and q.unit:
        return _measures.currency_name(q.unit)
    return None


#: The columns extract() returns: the schema's, then the extras it adds.
QUANTITY_COLUMNS: dict[str, object] = schema.EXTRACTED

_ARROW_STRINGS = _arrow_strings()
