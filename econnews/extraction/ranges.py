"""Ranges and scales stated once for two figures: "$2-3 billion", "between 40 and 50",
"$2 billion to $3 billion", "15 to 22 miles per hour", and the scale written after last
year's figure in brackets ("EUR 105.8 ( 83.4 ) million"). Part of the extractor.

>>> _scale_in_words("three billion")
1000000000.0
"""

from __future__ import annotations

import functools
import math
import re

from . import grammar as g
from . import lexicon as lx
from . import numerals as num
from .cues import _SPACED_DASH, _change_before, _from_after_change, _words_before
from .numbers import parse_digits, parse_words
from .rejects import _is_year, _not_a_quantity
from .units import _currency, _scales, _unit

_DASHES = frozenset("-–—")  # what RANGE_SEP and _SPACED_DASH can begin with
_SEP_NEXT = frozenset("-–—tTaA")  # ... and after white space


@functools.cache
def _prefix_at() -> re.Pattern:  # compiled on first use: a range with a second currency
    return re.compile(g.CURRENCY_PREFIX + r"\s?")


def may_range(text: str, after: int) -> bool:
    """Can a range separator begin at ``after``? RANGE_SEP and _SPACED_DASH begin with a
    dash, or white space and then a dash, "to" or "and" (no other letter matches t or a
    in any case).

    >>> may_range("5 to 6", 1), may_range("5 people", 1)
    (True, False)
    """
    c = text[after : after + 1]
    return c in _DASHES or (c.isspace() and text[after + 1 : after + 2] in _SEP_NEXT)


def _range_tail(
    text: str,
    pos: int,
    prefix: str | None,
    hint: str | None,
    unit: dict | None,
    mult: float,
    qstart: int,
    s: int,
):
    """'$2-3 billion', '$2 billion to $3 billion', 'between 40 and 50', '15 to 22 miles per hour'.

    Called only where :func:`may_range` holds after the unit (the caller looks first)."""
    after_unit = unit["end"] if unit else pos
    sep = g.RANGE_SEP.match(text, after_unit)
    if not sep and prefix is not None:
        sep = _SPACED_DASH.match(text, after_unit)  # "EUR 0.8 -1.2 million"
    if not sep:
        return None
    word = sep.group(0).strip().lower()
    if word == "and" and not g.BETWEEN_BEFORE.search(text, (qstart - 9 if qstart > 9 else 0), qstart):
        return None
    if word == "to" and _from_after_change(text, qstart):
        return None  # "sales fell from £138m to £118m": the old level and the new one
    change_first = word == "to" and _change_before(text, qstart)
    p = sep.end()
    prefix2 = None
    pm = _prefix_at().match(text, p)
    if pm is not None:
        prefix2 = _currency(pm.group(0).rstrip(), "prefix", hint, text)
        if prefix2 is not None:
            p = pm.end()
    m2 = num.SPOKEN_CORE.match(text, p) or num.CORE.match(text, p)  # "... to six-point-five"
    if not m2:
        return None
    d2 = m2.group("digits")
    v2 = parse_digits(m2.group(0)) if d2 else parse_words(m2.group(0))
    if v2 is None or not math.isfinite(v2):
        return None
    if prefix2 is not None and unit is not None and unit["kind"] != "money":
        return None  # "5% to $30 billion": the second side, with a currency, is money
    if d2 and _not_a_quantity(
        text,
        m2.start(),
        m2.end(),
        text[m2.start() - 1],
        text[m2.end() : m2.end() + 1],
        prefix2 is not None,
    ):
        return None
    if prefix2 and prefix and prefix2 != prefix:
        return None
    mult2, p2, _ = _scales(text, m2.end(), (prefix2 or prefix) is not None)
    unit2 = _unit(text, p2, prefix2, hint, v2 * mult2, mult2 > 1)
    if prefix2 is None and prefix is not None and (unit2 is None or unit2["kind"] != "money"):
        unit2 = _unit(text, p2, prefix, hint, v2 * mult2, mult2 > 1)
    if unit2 is not None and unit2.get("kind") == "skip":
        return None
    if unit2 is not None and unit2.get("compound"):
        unit2 = None  # "a 50-50 joint venture"
    if unit is not None:
        # both sides carry a unit: they must agree ("$2 billion to $3 billion")
        if unit2 is None or unit2.get("kind") != unit.get("kind") or (
                unit2.get("unit") != unit.get("unit") or unit2.get("name") != unit.get("name")):
            return None
    final = unit2
    end = unit2["end"] if unit2 else p2
    core1 = num.CORE.match(text, s)
    first = _core_value(num.SPOKEN_CORE.match(text, s) or core1)
    if _is_year(core1.group(0)) and not (
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
    if word == "to" and hi < lo and _words_before(text, qstart)[-1:] == ["from"]:
        return None  # "slowed from 4.8 to 4.7 percent": two levels, not a range
    if change_first and not (0 < lo < hi <= 3 * lo):
        return None  # "rise by $19bn to $419.3bn": a change, then the new level
    return lo, hi, end, final


_BRACKETED_NUMBER = re.compile(r"\s*\(\s*\d[\d.,]*\s*\)")
_CLOSE_BRACKET = re.compile(r"\s*\)")


def _scale_after_bracket(
    text: str, s: int, pos: int, has_prefix: bool, scale_words: list[str]
) -> tuple[float, list[str]]:
    """The scale written after last year's figure in brackets belongs to both: "EUR 105.8
    ( 83.4 ) million" is EUR 105.8 million, and 83.4 million."""
    bracket = _BRACKETED_NUMBER.match(text, pos) if has_prefix else None
    if bracket is None and text[(s - 3 if s > 3 else 0) : s].strip() == "(":
        bracket = _CLOSE_BRACKET.match(text, pos)
    if bracket is None:
        return 1.0, scale_words
    mult, _, words = _scales(text, bracket.end(), True)
    return (mult, words) if mult > 1 and words else (1.0, scale_words)


@functools.lru_cache(maxsize=1024)  # (a pure function of the words)
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
