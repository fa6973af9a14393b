"""Each claim beside the official figure for the same concept, parties and period.

:func:`check` joins a claims table to a reference table (:mod:`.reference`) and adds
``ref_value``, ``ref_period``, ``ref_basis``, ``ref_source``, ``ref_url``, the
``deviation`` (relative: ``(claim - reference) / reference``), the ``tolerance`` the
claim's own wording allows, a ``verdict`` and a ``check_note`` saying why.

How much a claim may differ and still be ``consistent`` (:func:`tolerance`):

* **rounding** — a figure is as precise as its last significant digit: "$419.2
  billion" is written to the nearest $0.1 billion, "$410 billion" to the nearest $10
  billion. A claim off by up to that unit is consistent ("$410 billion" for an official
  $419.2 billion). The unit is capped at 5% of the figure, so "$100 billion" is not
  read as "to the nearest $100 billion": a round figure off by 10% is not consistent.
  A figure in words ("thirty billion dollars") is taken to 5%.
* **about** ("about", "some", "nearly" …, bound ``~``) — the rounding unit or 5% of the
  figure, whichever is larger.
* **more than / at least** (``>``) — consistent when the official figure is at least
  the threshold less its rounding unit, here capped at 1% ("more than $400 billion"
  holds down to $396 billion); below that the claim is ``overstated``.
* **less than / up to** (``<``) — consistent when the official figure is at most the
  threshold plus that unit; above it the claim is ``understated``.
* **ranges** ("$400-420 billion") — consistent when the official figure lies in the
  range widened by the rounding of its ends.
* **implied figures** (``claim_type="implied"``) — computed from two stated ones, they
  carry both roundings: the sum of their relative rounding units.
* **revisions** — official figures are revised after they are first published (the
  2017 U.S. deficit with China was $375.2 billion, later $375.5 billion), so a claim
  within 0.5% of the official figure is consistent whatever its precision.

What is checked, and against what:

* levels against the figure of their period; an implied **base** like a level: the
  year before the figure it comes from ("fell 5.5% to $347 billion in 2016" implies
  about $367 billion in 2015), or, when that figure names no year ("1.5 times, to $30
  billion" implies about $20 billion now), the last full year before the article;
* **targets and forecasts** against the outcome of the period they name, once the
  reference has it (``checked_as`` says so); without a period they are
  ``not_comparable``;
* changes, ratios and percents are not levels: ``not_comparable``;
* a claim that states its basis ("goods and services", "balance of payments") is held
  against a reference of that basis only; on another basis it is ``not_comparable``;
* a deficit of A with B is also B's surplus with A, and exports from A to B are B's
  imports from A: a claim finds the reference on either side (the note says so);
* money is compared in the reference's currency: the claim's own amount when the
  currencies agree, else its ``value_usd`` for a dollar reference.

>>> import pandas as pd
>>> claims = pd.DataFrame({"concept": ["trade_deficit"], "parties": ["USA,CHN"],
...     "party_from": ["USA"], "party_to": ["CHN"], "claim_type": ["level"],
...     "kind": ["money"], "value": [410e9], "unit": ["USD"], "bound": ["="],
...     "period": ["2018"], "surface": ["$410 billion"], "sentence": [""]})
>>> out = check(claims)
>>> out.loc[0, ["verdict", "ref_period"]].tolist(), round(float(out.loc[0, "deviation"]), 3)
(['consistent', '2018'], -0.022)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .. import schema
from . import reference as _reference

__all__ = ["check", "claim_basis", "tolerance"]

REQUIRED = ("concept", "parties", "claim_type", "value", "unit", "period", "surface")
RELATIVE_CAP = 0.05
BOUND_CAP = 0.01
REVISIONS = 0.005
ABOUT = 0.05
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
#: a deficit of A with B is B's surplus with A; exports A->B are imports A->B
_MIRROR = {
    "trade_deficit": ("trade_surplus", True),
    "trade_surplus": ("trade_deficit", True),
    "exports": ("imports", False),
    "imports": ("exports", False),
}
_BASES = (
    ("goods and services", re.compile(r"(?i)\bgoods\s+and\s+services\b")),
    ("balance of payments", re.compile(r"(?i)\bbalance[- ]of[- ]payments?\b|\bBOP\b")),
    ("goods", re.compile(r"(?i)\b(?:goods|merchandise)\b")),
)


def _unit_of_last_digit(number: str) -> tuple[float, float]:
    """(the number, the place value of its last significant digit) as written."""
    digits = number.replace(",", "")
    value = float(digits)
    if "." in digits:
        return value, 10.0 ** -len(digits.split(".", 1)[1])
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped) if stripped else 0
    return value, 10.0 ** zeros


def tolerance(surface: str, value: float, *, bound: str | None = "=", implied: bool = False) -> float:
    """How far (in the claim's unit) the truth may lie from ``value`` for the claim to
    hold, from the figure as written (see the module docs).

    >>> tolerance("$410 billion", 410e9) / 1e9
    10.0
    >>> tolerance("$419.2 billion", 419.2e9) / 1e9
    0.1
    >>> tolerance("$100 billion", 100e9) / 1e9
    5.0
    >>> tolerance("about $410 billion", 410e9, bound="~") / 1e9
    20.5
    >>> round(tolerance("$30 billion / 1.5 times", 20e9, implied=True) / 1e9, 2)
    2.0
    >>> tolerance("more than $400 billion", 400e9, bound=">") / 1e9
    4.0
    """
    size = abs(float(value))
    numbers = [_unit_of_last_digit(m.group(0)) for m in _NUMBER.finditer(surface or "")]
    numbers = [(n, u) for n, u in numbers if n]
    if not numbers:
        rel = RELATIVE_CAP
    elif implied:
        rel = sum(min(u / n, RELATIVE_CAP) for n, u in numbers)
    else:
        n, u = numbers[0]
        rel = min(u / n, BOUND_CAP if bound in (">", "<") else RELATIVE_CAP)
    tol = rel * size
    if bound == "~":
        tol = max(tol, ABOUT * size)
    return tol


def claim_basis(sentence: str | None) -> str | None:
    """The statistical basis a claim's sentence states, if any.

    >>> claim_basis("the goods and services deficit was $54 billion")
    'goods and services'
    >>> claim_basis("the merchandise trade gap with China") , claim_basis("the trade gap")
    ('goods', None)
    """
    for name, pattern in _BASES:
        if sentence and pattern.search(sentence):
            return name
    return None


def _basis_fits(claimed: str | None, ref_basis: Any) -> bool:
    if claimed is None:
        return True
    ref = str(ref_basis or "").lower()
    if claimed == "goods and services":
        return "goods and services" in ref
    if claimed == "balance of payments":
        return "balance of payments" in ref
    return ref.startswith("goods") and "goods and services" not in ref


@dataclass
class _Outcome:
    verdict: str
    note: str
    ref: dict[str, Any] | None = None
    compared: float | None = None
    deviation: float | None = None
    tolerance: float | None = None
    checked_as: str | None = None


def _key(concept: str, parties: str, frm: Any, to: Any) -> tuple:
    if concept in _reference.UNDIRECTED or not (isinstance(frm, str) and isinstance(to, str)):
        return (concept, frozenset(str(parties).split(",")))
    return (concept, frm, to)


def _index(ref: pd.DataFrame) -> dict[tuple, list[dict[str, Any]]]:
    out: dict[tuple, list[dict[str, Any]]] = {}
    for r in ref.to_dict("records"):
        frm = r["party_from"] if isinstance(r["party_from"], str) else None
        to = r["party_to"] if isinstance(r["party_to"], str) else None
        keys = {_key(r["concept"], r["parties"], frm, to),
                (r["concept"], frozenset(str(r["parties"]).split(",")))}
        for k in keys:
            out.setdefault(k, []).append(r)
    return out


def _candidates(c: dict[str, Any], index: dict) -> tuple[list[dict[str, Any]], str]:
    concept, frm, to = str(c["concept"]), c.get("party_from"), c.get("party_to")
    direct = index.get(_key(concept, c["parties"], frm, to), [])
    if direct:
        return direct, ""
    if concept in _MIRROR and isinstance(frm, str) and isinstance(to, str):
        other, swap = _MIRROR[concept]
        key = (other, to, frm) if swap else (other, frm, to)
        mirrored = index.get(key, [])
        if mirrored:
            return mirrored, f"held against the {other.replace('_', ' ')} it mirrors"
    return [], ""


def _claim_period(c: dict[str, Any], periods: dict[str, str]) -> tuple[str | None, str]:
    period = c.get("period")
    if isinstance(period, str) and period:
        return period, ""
    if c.get("claim_type") == "implied" and c.get("implies") == "level":
        sources = str(c.get("derived_from") or "").split(",")
        years = sorted({periods[i] for i in sources if re.fullmatch(r"\d{4}", periods.get(i, ""))})
        if len(years) == 1:
            year = str(int(years[0]) - 1)
            return year, f"an implied earlier level: the year before {years[0]}"
        date = c.get("date")
        if date is not None and not pd.isna(date):
            year = str(pd.Timestamp(date).year - 1)
            return year, f"an implied current level, read as {year}, the last full year before the article"
    return None, ""


def _compared_value(c: dict[str, Any], ref: dict[str, Any]) -> tuple[float | None, float]:
    """The claim's amount in the reference's unit, and the factor from the claim's unit."""
    value = float(c["value"])
    if str(c.get("unit")) == ref["unit"]:
        return value, 1.0
    usd = c.get("value_usd")
    if ref["unit"] == "USD" and usd is not None and not pd.isna(usd) and value:
        return float(usd), float(usd) / value
    return None, 1.0


def _judge(compared: float, tol: float, truth: float, bound: str, low: float, high: float
           ) -> str:
    if bound == ">":
        return "consistent" if truth >= compared - tol else "overstated"
    if bound == "<":
        return "consistent" if truth <= compared + tol else "understated"
    if truth < low - tol:
        return "overstated"
    if truth > high + tol:
        return "understated"
    return "consistent"


def _range(c: dict[str, Any]) -> tuple[float, float]:
    """The claim's range in its own unit (a point is a range of one value); read from
    ``low``/``high`` when the table has them, else from the surface ("$400-420 billion")."""
    value = float(c["value"])
    low, high = c.get("low"), c.get("high")
    if low is not None and high is not None and not pd.isna(low) and not pd.isna(high):
        return float(low), float(high)
    surface = str(c.get("surface") or "")
    if c.get("claim_type") != "implied" and len(_NUMBER.findall(surface)) >= 2:
        from ..extraction.scan import extract

        q = extract(surface)
        if len(q) == 1 and math.isclose(float(q["value"].iloc[0]), value, rel_tol=1e-9):
            return float(q["low"].iloc[0]), float(q["high"].iloc[0])
    return value, value


def _check_one(c: dict[str, Any], index: dict, periods: dict[str, str]) -> _Outcome:
    ctype = str(c.get("claim_type"))
    if ctype in ("change", "ratio") or str(c.get("kind")) in ("percent", "ratio"):
        return _Outcome("not_comparable", f"a {ctype if ctype in ('change', 'ratio') else c.get('kind')}, not a level")
    if c.get("value") is None or pd.isna(c.get("value")):
        return _Outcome("not_comparable", "the claim has no value")
    found, how = _candidates(c, index)
    if not found:
        return _Outcome("no_reference", "no official figure for this concept and these parties")
    period, period_note = _claim_period(c, periods)
    if period is None:
        what = {"target": "a target", "forecast": "a forecast"}.get(ctype, "the claim")
        return _Outcome("not_comparable", f"{what} names no period")
    same = [r for r in found if r["period"] == period]
    if not same:
        years = sorted({r["period"] for r in found})
        if any(period.startswith(y) or y.startswith(period[:4]) for y in years):
            return _Outcome("not_comparable",
                            f"the claim is for {period}; the reference has {', '.join(years)}")
        return _Outcome("no_reference", f"no official figure for {period} "
                                        f"(the reference has {', '.join(years)})")
    claimed = claim_basis(c.get("sentence"))
    fitting = [r for r in same if _basis_fits(claimed, r["basis"])]
    if not fitting:
        return _Outcome("not_comparable",
                        f"the claim is on a {claimed} basis; the reference on "
                        f"{'; '.join(sorted({str(r['basis']) for r in same}))}", ref=same[0])
    checked_as = {"target": "target vs outcome", "forecast": "forecast vs outcome",
                  "implied": "implied level"}.get(ctype, "level")
    best: _Outcome | None = None
    for ref in fitting:
        compared, factor = _compared_value(c, ref)
        if compared is None:
            best = best or _Outcome("not_comparable",
                                    f"the claim is in {c.get('unit')} with no dollar value; "
                                    f"the reference in {ref['unit']}", ref=ref)
            continue
        truth = float(ref["value"])
        tol = max(tolerance(str(c.get("surface") or ""), compared, bound=str(c.get("bound")),
                            implied=ctype == "implied"), REVISIONS * abs(truth))
        low, high = (x * factor for x in _range(c))
        verdict = _judge(compared, tol, truth, str(c.get("bound")), low, high)
        deviation = (compared - truth) / truth if truth else math.nan
        notes = [n for n in (how, period_note) if n]
        if claimed is None and len({str(r["basis"]) for r in fitting}) > 1:
            notes.append("basis not stated: the closest of the reference's figures")
        elif claimed is None and verdict != "consistent" and isinstance(ref.get("basis"), str):
            notes.append(f"the claim does not state its basis; the official figure is "
                         f"{ref['basis']}")
        out = _Outcome(verdict, "; ".join(notes), ref, compared, deviation, tol, checked_as)
        if best is None or best.deviation is None or abs(deviation) < abs(best.deviation):
            best = out
    assert best is not None
    return best


def check(claims: pd.DataFrame, reference: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each claim beside the official figure for its concept, parties and period, with a
    verdict (see the module docs for the rules).

    ``reference`` is a table in the :data:`~econnews.schema.REFERENCE` format
    (:func:`econnews.factcheck.reference.load` reads one from a file); by default the
    official figures econnews ships. Requires the claims columns ``concept``,
    ``parties``, ``claim_type``, ``value``, ``unit``, ``period`` and ``surface`` (as
    :func:`econnews.find_claims` returns them); adds :data:`~econnews.schema.CHECK_ADDED`.
    The input is not modified.

    >>> import econnews as en
    >>> text = "The U.S. goods trade deficit with China was $419.2 billion in 2018."
    >>> c = en.find_claims({"id": "a", "date": "2019-03-07", "text": text})
    >>> check(c).loc[0, ["verdict", "ref_source"]].tolist()
    ['consistent', 'U.S. Census Bureau and U.S. Bureau of Economic Analysis']
    """
    schema.require(claims, REQUIRED, stage="check")
    ref = _reference.bundled() if reference is None else _reference.validate(reference)
    index = _index(ref)
    periods = {}
    if "claim_id" in claims.columns:
        periods = {str(i): str(p) for i, p in zip(claims["claim_id"], claims["period"],
                                                  strict=True)
                   if isinstance(i, str) and isinstance(p, str)}
    added: dict[str, list[Any]] = {c: [] for c in schema.CHECK_ADDED}
    for c in claims.to_dict("records"):
        o = _check_one(c, index, periods)
        r = o.ref or {}
        added["ref_value"].append(r.get("value"))
        added["ref_unit"].append(r.get("unit"))
        added["ref_period"].append(r.get("period"))
        added["ref_basis"].append(r.get("basis"))
        added["ref_source"].append(r.get("source"))
        added["ref_url"].append(r.get("url"))
        added["compared_value"].append(o.compared)
        added["deviation"].append(o.deviation)
        added["tolerance"].append(o.tolerance)
        added["verdict"].append(o.verdict)
        added["checked_as"].append(o.checked_as)
        added["check_note"].append(o.note or None)
    out = claims.copy()
    for name, dtype in schema.CHECK_ADDED.items():
        out[name] = pd.array(
            [None if v is None or (isinstance(v, float) and math.isnan(v)) else v
             for v in added[name]], dtype=dtype if name != "verdict" else "string",
        )
    out["verdict"] = out["verdict"].astype(schema.CHECK_ADDED["verdict"])
    return out
