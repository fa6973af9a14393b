"""The rate after a unit ("$58 a barrel", "per sq m", "/kg") and percentage points.

Part of the extractor: :mod:`.units` and :mod:`.counts` describe a unit as a small
dict; :func:`_per` adds the denominator of a rate to it.

>>> _points(7)["unit"], _per("$80 per sq m", {"end": 3})["per"]
('percentage_point', 'square metre')
"""

from __future__ import annotations

import re

from . import grammar as g
from . import lexicon as lx


def _points(end: int, *, name: str = "percentage point", factor: float = 1.0) -> dict:
    """A percentage-point unit ending at ``end`` (basis points: ``factor=0.01``)."""
    return {
        "kind": "percent",
        "unit": "percentage_point",
        "name": name,
        "end": end,
        "factor": factor,
        "rangeable": True,
    }


def _per(text: str, unit: dict) -> dict:
    """The rate's denominator after a unit ("a barrel", "per sq m", "/kg"), if any.

    ``per`` is the denominator's unit name when it is a unit of data/measures.csv
    ("sq m" -> "square metre", "kg" -> "kilogram", "mmBTU" -> "mega british thermal
    unit"), else the word in lower case ("share", "capita"); "annum" is "year". A rate
    written after a bracketed conversion belongs to both amounts ("C $6 (US $4.46) per
    share", "9 billion shekels ($2.408 billion) a year"): ``per`` is set and ``end``
    stays before the bracket.

    >>> _per("$80 per sq m", {"end": 3})["per"]
    'square metre'
    >>> _per("C $6 (US $4.46) per share", {"end": 4})
    {'end': 4, 'per': 'share'}
    """
    end = unit["end"]
    pm = g.PER_AFTER.match(text, end) if g.PER_MAY.match(text, end) else None
    if pm:
        return dict(unit, per=_per_name(pm), end=pm.end())
    bm = _BRACKETED_AMOUNT.match(text, end) if "(" in text[end : end + 2] else None
    if bm:  # (it begins with "(", after at most one white space)
        pm = g.PER_AFTER.match(text, bm.end())
        if pm:
            return dict(unit, per=_per_name(pm))
    if text.startswith(")", end) and _inside_brackets(text, end):
        pm = g.PER_AFTER.match(text, end + 1)
        if pm:
            return dict(unit, per=_per_name(pm))
    return unit


# "(US $4.46)", " ($2.408 billion)", "(RM3.06mil)": a conversion in brackets right after an
# amount: a number and at most two more tokens ("(4 million a year earlier)" is not one)
_BRACKETED_AMOUNT = re.compile(r"\s?\((?=[^()\n]{0,40}\))(?=[^()\n]*\d)\s*\S+(?:\s+\S+){0,2}?\s*\)")


def _inside_brackets(text: str, pos: int) -> bool:
    """Is ``pos`` inside a short bracket that opens with an amount ("(US $4.46|)")?"""
    lo = (pos - 40 if pos > 40 else 0)
    opened = text.rfind("(", lo, pos)
    inside = text[opened:pos] if opened >= 0 else ""
    return bool(inside) and ")" not in inside and any(c.isdigit() for c in inside)


def _per_name(pm: re.Match) -> str:
    word = pm.group("per") or pm.group("pera") or pm.group("per2")
    meas = lx.measure_lookup().get(word) or lx.measure_lookup().get(word.lower())
    if meas is not None:
        return meas.name
    low = " ".join(word.lower().split())
    return {"annum": "year", "oz": "ounce", "liter": "litre", "bbl": "barrel"}.get(low, low)
