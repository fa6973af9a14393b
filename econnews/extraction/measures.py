"""Physical units after a number, read with quantulum3's unit lexicon.

econnews' own table (``data/measures.csv``) is tried first by the grammar; this
module is the fallback: the next one to three words are looked up among the
unit names, plurals and symbols that quantulum3 ships (its classifier stays
off), and the unit is written as a pint expression.

>>> lookup("12 kilopascals of pressure", 2)[1]
'kilopascal'
"""

from __future__ import annotations

import re
import warnings
from functools import cache

from ..common.budget import paused

_WORDS = re.compile(
    r"(?:\s|-)?([A-Za-z][A-Za-z/°²³-]*)(?:\s([A-Za-z][A-Za-z/-]*))?(?:\s([A-Za-z][A-Za-z/-]*))?"
)
_SKIP_ENTITIES = {"dimensionless", "currency", "unknown"}


@cache
def _units():
    with paused(), warnings.catch_warnings():  # seconds of imports: no article's cost
        warnings.simplefilter("ignore")
        import quantulum3.classifier as clf

        clf.USE_CLF = False
        from quantulum3 import load

        return load.units("en_US")


@cache
def _common_words() -> frozenset[str]:
    from . import grammar as g

    return g.function_words()


def lookup(text: str, pos: int) -> tuple[int, str, str] | None:
    """(end, unit name, pint unit) for a unit written at ``text[pos:]``, or None."""
    m = _WORDS.match(text, pos)
    if not m:
        return None
    units = _units()
    words = [w for w in m.groups() if w]
    # longest first: "square kilometres" before "square"
    for k in range(len(words), 0, -1):
        phrase = " ".join(words[:k])
        if k == 1 and phrase.lower() in _common_words():
            continue
        hits = None
        if len(phrase) >= 2:
            hits = units.symbols.get(phrase)
        if not hits and len(phrase) >= 3:
            hits = units.surfaces_lower.get(phrase.lower())
        if not hits:
            continue
        cands = sorted(
            (u for u in hits if u.entity.name not in _SKIP_ENTITIES), key=lambda u: u.name
        )
        if not cands:
            continue
        unit = cands[0]
        end = m.start(1) + len(phrase) if k == 1 else _end_of(m, k)
        return end, unit.name, to_pint(unit.name)
    return None


def _end_of(m: re.Match, k: int) -> int:
    return m.end(k)


@cache
def to_pint(name: str) -> str:
    """A pint expression for a quantulum3 unit name ('mile per hour' -> 'mile / hour')."""
    import pint

    ureg = _registry()
    expr = name.replace(" per ", " / ").replace("-", "_")
    parts = re.split(r"(\s/\s)", expr)
    out = []
    for p in parts:
        if p == " / ":
            out.append(p)
            continue
        p = p.replace("square ", "").strip() + ("**2" if p.startswith("square ") else "")
        p = p.replace("cubic ", "").strip() + ("**3" if "cubic " in name and "**" not in p else "")
        out.append(" * ".join(p.split()))
    cand = "".join(out)
    try:
        ureg.parse_units(cand)
        return str(ureg.parse_units(cand))
    except (pint.errors.PintError, AttributeError, TypeError, ValueError, AssertionError):
        return name


@cache
def _registry():
    with paused():  # loading pint's registry is no article's cost
        import pint

        return pint.UnitRegistry()


@cache
def currency_name(code: str) -> str | None:
    """The English name of an ISO 4217 currency ('JPY' -> 'Japanese yen'), or None."""
    try:
        with paused():  # pycountry loads its tables on the first look-up
            import pycountry

            cur = pycountry.currencies.get(alpha_3=code)
    except (ImportError, KeyError, LookupError):
        cur = None
    if cur is not None:
        return cur.name
    return {
        "DEM": "Deutsche Mark",
        "FRF": "French franc",
        "ITL": "Italian lira",
        "NLG": "Dutch guilder",
        "BEF": "Belgian franc",
        "ESP": "Spanish peseta",
        "ATS": "Austrian schilling",
        "PTE": "Portuguese escudo",
        "HRK": "Croatian kuna",
    }.get(code)
