"""Each claim beside the official figure for the same concept, parties and period.

:func:`check` joins a claims table to a reference table (:mod:`.reference`) and adds
``ref_value``, ``ref_period``, ``ref_basis``, ``ref_source``, ``ref_url``,
``ref_vintage``, the ``deviation`` (relative: ``(claim - reference) / reference``), the
``tolerance`` the claim's own wording allows, a ``verdict`` and a ``check_note``.

How much a claim may differ and still be ``consistent`` (:func:`tolerance`):

* **rounding** — a figure is as precise as its last significant digit ("$410 billion"
  is to the nearest $10 billion), capped at 5% of the figure; a figure in words: 5%;
* **about** — the rounding unit or 5%, whichever is larger; **more than / less than**
  — a threshold, read to its rounding unit (at most 1%); **ranges** — the official
  figure must lie in the range widened by its rounding; **implied figures** carry the
  roundings of both figures they come from;
* **revisions** — within 0.5% of the official figure is consistent whatever the
  precision.

What is checked, and against what:

* levels against the figure of their period; a **partial period** ("first nine
  months", ``2016-01/2016-09``) against the same months, summed from the monthly
  series, never against the year; an implied base like a level of the year before;
  targets and forecasts against the outcome;
* **changes** ("rose 18% in 2018", "fell 26.6%", "up $19 billion") from the two levels
  of the series (the year before; for a month, the month before or the same month a
  year before), with the tolerance of the rounding of the stated change;
* **vintages** — the figure known at the claim's date: a claim of 2017 is judged
  against the figure as first published when the reference has it, a later claim (or
  an undated one) against the latest revision; ``ref_vintage`` says which;
* **basis** — a claim that states another basis ("goods and services", "balance of
  payments", "c.i.f.", a partner's customs figures) than the reference's gets
  ``basis_differs`` with both figures, never overstated/understated; so does an
  unstated one that is off by no more than such a basis gap usually is, when it is
  likely on another basis (a partner's figure, a U.S. figure of before 1989, when
  imports were stated c.i.f.); the words that state a basis are data
  (``data/bases.csv``), read in the figure's sentence, or once for a whole story set in
  the partner ("..., customs figures show") for its figures stated from the partner's
  side; a month or quarter judged against a later revision than its own may also differ
  by the usual revision (``REVISION_GAP`` of the pair's trade);
* a bare "dlrs" read as the local dollar of the story's place when that dollar's country
  is neither party (a Korea–U.S. figure datelined Hong Kong) is held as U.S. dollars;
* a **sector or product** figure ("farm exports") is never held against a total:
  ``not_comparable``; ratios and shares: ``not_comparable``;
* a deficit of A with B is also B's surplus with A, and exports from A to B are B's
  imports from A: a claim finds the reference on either side (the note says so);
* money is compared in the reference's currency (the claim's ``value_usd`` for a
  dollar reference when the currencies differ).

>>> import pandas as pd
>>> claims = pd.DataFrame({"concept": ["trade_deficit"], "parties": ["USA,CHN"],
...     "party_from": ["USA"], "party_to": ["CHN"], "claim_type": ["level"],
...     "kind": ["money"], "value": [410e9], "unit": ["USD"], "bound": ["="],
...     "period": ["2018"], "surface": ["$410 billion"], "sentence": [""],
...     "date": [pd.Timestamp("2019-03-07")]})
>>> out = check(claims)
>>> out.loc[0, ["verdict", "ref_period", "ref_vintage"]].tolist()
['consistent', '2018', 'first_published']
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .. import schema
from . import basis as _basis
from . import reference as _reference
from .basis import claim_basis
from .index import Index

__all__ = ["check", "claim_basis", "deviation", "tolerance"]

REQUIRED = ("concept", "parties", "claim_type", "value", "unit", "period", "surface")
RELATIVE_CAP = 0.05
BOUND_CAP = 0.01
REVISIONS = 0.005
ABOUT = 0.05
#: how far c.i.f. valuation or a partner's count moves a figure, as a share of the
#: imports it contains (freight and insurance are some 4-8% of U.S. imports)
IMPORT_GAP = {"cif": 0.08, "partner customs": 0.25}
#: how much a monthly or quarterly partner figure moves between its first publication and
#: a later revision (late documents, corrections), as a share of the pair's total trade:
#: a claim of such a period judged against a later vintage than its own may differ by it
#: on top of its basis gap
REVISION_GAP = 0.05
#: percentage points a change between figures on another basis may differ by
CHANGE_GAP = 10.0
#: a bare dollar word ("7.1 billion dlrs", "$5 billion"): no country named in the figure
_BARE_DOLLAR = re.compile(r"(?i)^\s*(?:\$\s*)?[\d.,\s]+(?:(?:mln|million|mn|m|billion|bln|bn|b|trillion|tn|thousand)\s*)?"
                          r"(?:dlrs?|dollars?)?\s*$")
_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")
_BALANCE = ("trade_deficit", "trade_surplus")


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


def deviation(compared: float, truth: float) -> float:
    """``(compared - truth) / truth``, finite even for a tiny official figure (capped at
    ±1e6, i.e. a hundred-million percent); NaN when the official figure is zero.

    >>> deviation(110.0, 100.0)
    0.1
    >>> deviation(1.0, 1e-320)
    1000000.0
    """
    if truth == 0 or not math.isfinite(truth):
        return math.nan
    try:
        d = (compared - truth) / truth
    except OverflowError:
        d = math.inf
    return max(-1e6, min(1e6, d)) if not math.isnan(d) else d


@dataclass
class _Outcome:
    verdict: str
    note: str
    ref: dict[str, Any] | None = None
    compared: float | None = None
    deviation: float | None = None
    tolerance: float | None = None
    checked_as: str | None = None


def _claim_period(c: dict[str, Any], periods: dict[str, str]) -> tuple[str | None, str]:
    period = c.get("period")
    if isinstance(period, str) and period:
        part = _basis.partial_period(c.get("sentence"), period)
        if part == "partial":
            return None, "a part of the year the sentence does not bound (\"so far this year\")"
        if part:
            return part, f"the sentence bounds the period: {part}"
        return period, ""
    if c.get("claim_type") == "implied" and c.get("implies") == "level":
        sources = str(c.get("derived_from") or "").split(",")
        other = sorted({periods[i] for i in sources if periods.get(i)
                        and not re.fullmatch(r"\d{4}", periods[i])})
        if other:
            return None, (f"an implied earlier level of a part of the year ({other[0]}): "
                          "which period it is for is not said")
        years = sorted({periods[i] for i in sources if re.fullmatch(r"\d{4}", periods.get(i, ""))})
        if len(years) == 1:
            year = str(int(years[0]) - 1)
            return year, f"an implied earlier level: the year before {years[0]}"
        date = c.get("date")
        if date is not None and not pd.isna(date):
            year = str(pd.Timestamp(date).year - 1)
            return year, f"an implied current level, read as {year}, the last full year before the article"
    return None, ""


def local_dollar_of_neither_party(c: dict[str, Any]) -> str | None:
    """The local dollar a bare "dlrs" or "$" was read as from the story's place (its
    dateline, the places it names), when that dollar's country is neither party of the
    trade figure: "South Korea had a surplus of 7.1 billion dlrs with the U.S." in a story
    datelined Hong Kong is in U.S. dollars, as wire copy gives trade figures, not in Hong
    Kong dollars. None otherwise. (ISO 4217 codes begin with their country's ISO 3166
    alpha-2 code: HKD is Hong Kong's.)

    >>> local_dollar_of_neither_party({"unit": "HKD", "surface": "7.1 billion dlrs",
    ...                                "parties": "KOR,USA"})
    'HKD'
    >>> local_dollar_of_neither_party({"unit": "HKD", "surface": "7.1 billion dlrs",
    ...                                "parties": "HKG,USA"}) is None
    True
    """
    unit = str(c.get("unit") or "")
    if len(unit) != 3 or not unit.endswith("D") or unit == "USD":
        return None
    if not _BARE_DOLLAR.match(str(c.get("surface") or "")):
        return None
    import pycountry

    country = pycountry.countries.get(alpha_2=unit[:2])
    codes = [p for p in str(c.get("parties") or "").split(",") if p]
    if country is None or len(codes) != 2 or country.alpha_3 in codes:
        return None
    return unit


def _compared_value(c: dict[str, Any], ref: dict[str, Any]) -> tuple[float | None, float]:
    """The claim's amount in the reference's unit, and the factor from the claim's unit."""
    value = float(c["value"])
    if str(c.get("unit")) == ref["unit"]:
        return value, 1.0
    if ref["unit"] == "USD" and local_dollar_of_neither_party(c):
        return value, 1.0
    usd = c.get("value_usd")
    if ref["unit"] == "USD" and usd is not None and not pd.isna(usd) and value:
        return float(usd), float(usd) / value
    return None, 1.0


def _judge(compared: float, tol: float, truth: float, bound: str, low: float, high: float) -> str:
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
    """The claim's range in its own unit (a point is a range of one value)."""
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


def _basis_verdict(out: _Outcome, other: str | None, *, stated: bool,
                   gap: float = 0.0) -> _Outcome:
    """``basis_differs`` for a claim that states another basis than the reference's
    (``stated``), or that is likely on one (``other``) and off by no more than such a
    basis moves a figure: ``BASIS_GAP`` of it, or ``gap`` (in the figure's unit: for a
    balance, a share of the imports it nets, which c.i.f. valuation or a partner's
    count move)."""
    ref_basis = str((out.ref or {}).get("basis") or "the reference's basis")
    if not stated:
        if other is None or out.verdict == "consistent" or out.deviation is None \
                or math.isnan(out.deviation):
            return out
        truth = float((out.ref or {}).get("value") or 0.0)
        off = abs((out.compared or 0.0) - truth) - (out.tolerance or 0.0)
        if off > max(_basis.BASIS_GAP.get(other, 0.1) * abs(truth), gap):
            return out
    how = "states" if stated else "is likely on"
    out.verdict = "basis_differs"
    out.note = "; ".join(n for n in (
        out.note, f"the claim {how} a {other} basis; the official figure is {ref_basis}: "
                  "the two measure different things") if n)
    return out


def _story_states(c: dict[str, Any], suspected: str | None) -> bool:
    """Whether the story states, once for its figures, the basis a figure stated from the
    partner's side is suspected to be on: its own statistics ("customs figures show"),
    in a story set in that partner (``story_basis``, ``country``)."""
    if suspected != "partner customs" or c.get("story_basis") != suspected:
        return False
    codes = [p for p in str(c.get("parties") or "").split(",") if p and p != "USA"]
    country = c.get("country")
    return len(codes) == 1 and isinstance(country, str) and country == codes[0]


def _level(c: dict[str, Any], index: Index, period: str, period_note: str) -> _Outcome:
    ctype = str(c.get("claim_type"))
    claimed = claim_basis(c.get("sentence"))
    found = index.find(c, period)
    if found.rows is None:
        return _Outcome(found.verdict, found.note)
    mirrored = bool(found.how)
    suspected = _basis.suspected_basis(str(c["concept"]), mirrored, c.get("date"), c.get("sentence"))
    story_note = ""
    if claimed is None and _story_states(c, suspected):
        claimed = suspected
        story_note = (f"the story says its figures are {c.get('country')}'s own statistics "
                      "(customs or statistics office)")
    checked_as = {"target": "target vs outcome", "forecast": "forecast vs outcome",
                  "implied": "implied level"}.get(ctype, "level")
    total = _pair_total(c, index, period)
    gap = IMPORT_GAP.get(suspected or "", 0.0) * _pair_imports(c, index, period)
    revision_note = ""
    if suspected and found.later and not re.fullmatch(r"\d{4}", period):
        gap += REVISION_GAP * total  # a month or quarter, judged against a later revision
        revision_note = ("a figure for part of a year, judged against a later revision: the "
                         "gap allowed for its basis includes the usual revision")
    currency_note = ""
    if (dollar := local_dollar_of_neither_party(c)) and str(c.get("unit")) != "USD":
        currency_note = (f"the bare dollar was read as {dollar} from the story's place, which is "
                         "neither party: held as U.S. dollars")
    best: _Outcome | None = None
    for ref in found.rows:
        compared, factor = _compared_value(c, ref)
        if compared is None:
            best = best or _Outcome("not_comparable",
                                    f"the claim is in {c.get('unit')} with no dollar value; "
                                    f"the reference in {ref['unit']}", ref=ref)
            continue
        truth = float(ref["value"])
        if total and abs(compared) > 1.5 * total and str(c["concept"]) != "trade":
            return _Outcome("not_comparable", f"the claim ({compared / 1e9:,.1f}bn) is larger than "
                                              f"all trade between the two ({total / 1e9:,.1f}bn): "
                                              "not a figure for this pair", ref=ref)
        tol = max(tolerance(str(c.get("surface") or ""), compared, bound=str(c.get("bound")),
                            implied=ctype == "implied"), REVISIONS * abs(truth))
        low, high = (x * factor for x in _range(c))
        verdict = _judge(compared, tol, truth, str(c.get("bound")), low, high)
        notes = [n for n in (found.how, period_note, found.vintage_note, currency_note,
                             story_note, revision_note) if n]
        out = _Outcome(verdict, "; ".join(notes), ref, compared, deviation(compared, truth), tol,
                       checked_as)
        stated = not _basis.fits(claimed, ref.get("basis"))
        out = _basis_verdict(out, claimed if stated else suspected, stated=stated, gap=gap)
        if best is None or best.deviation is None or abs(out.deviation or 0) < abs(best.deviation):
            best = out
    assert best is not None
    return best


def _pair_level(c: dict[str, Any], index: Index, period: str, concept: str) -> float:
    """The pair's total trade or U.S.-side imports in ``period`` (0 when unknown)."""
    codes = [p for p in str(c.get("parties") or "").split(",") if p]
    if len(codes) != 2 or "USA" not in codes:
        return 0.0
    other = next(p for p in codes if p != "USA")
    probe = {"concept": concept, "parties": ",".join(codes), "date": c.get("date"),
             "party_from": None if concept == "trade" else other,
             "party_to": None if concept == "trade" else "USA"}
    found = index.find(probe, period)
    return abs(float(found.rows[0]["value"])) if found.rows else 0.0


def _pair_total(c: dict[str, Any], index: Index, period: str) -> float:
    return _pair_level(c, index, period, "trade")


def _pair_imports(c: dict[str, Any], index: Index, period: str) -> float:
    if str(c["concept"]) not in ("trade_deficit", "trade_surplus", "imports", "exports", "trade"):
        return 0.0
    return _pair_level(c, index, period, "imports")


def _change(c: dict[str, Any], index: Index, period: str, period_note: str,
            before: str | None = None) -> _Outcome:
    """A change ("rose 18% in 2018", "up $19 billion") from the two levels of the series;
    for a month, from the month before or else the same month a year before."""
    percent = str(c.get("kind")) == "percent" or str(c.get("unit")) == "percent"
    if not percent and str(c.get("kind")) != "money":
        return _Outcome("not_comparable", f"a change in {c.get('kind')}, not in money or percent")
    found = index.change_levels(c, period, before,
                                year_on_year=_basis.year_on_year(c.get("sentence")))
    if found.rows is None:
        return _Outcome(found.verdict, found.note)
    outcomes = [_one_change(c, now, prev, percent, found, period_note)
                for now, prev in found.rows]
    out = next((o for o in outcomes if o.verdict == "consistent"), outcomes[0])
    suspected = _basis.suspected_basis(str(c["concept"]), bool(found.how), c.get("date"),
                                       c.get("sentence"))
    if out.verdict in ("overstated", "understated") and suspected and out.compared is not None:
        truth = float((out.ref or {}).get("value") or 0.0)
        limit = CHANGE_GAP if percent else _basis.BASIS_GAP.get(suspected, 0.1) * abs(truth)
        if abs(out.compared - truth) <= limit + (out.tolerance or 0.0):
            out.verdict = "basis_differs"
            out.note += (f"; the levels are likely on a {suspected} basis: a change between "
                         "them differs from the series' change")
    return out


def _one_change(c: dict[str, Any], now: dict[str, Any], before: dict[str, Any], percent: bool,
                found: Any, period_note: str) -> _Outcome:
    l1, l0 = float(now["value"]), float(before["value"])
    if percent and l0 == 0:
        return _Outcome("not_comparable", "the earlier level is zero", ref=now)
    truth = (l1 - l0) / abs(l0) * 100 if percent else l1 - l0
    value = float(c["value"])
    sign = {"up": 1.0, "down": -1.0}.get(str(c.get("change")), math.copysign(1.0, truth or 1.0))
    compared = sign * abs(value)
    surface = str(c.get("surface") or "")
    numbers = [_unit_of_last_digit(m.group(0)) for m in _NUMBER.finditer(surface)]
    if percent:
        # a percent is as precise as its decimals ("20%": to the point, not to ten)
        unit = min(numbers[0][1], 1.0) if numbers else 1.0
        tol = max(unit, ABOUT * abs(value)) if str(c.get("bound")) == "~" else unit
        if found.later:  # levels revised since the claim: their change moves too
            tol += 2 * REVISIONS * 100 * abs(l1 / l0)
    else:
        tol = max(tolerance(surface, value, bound=str(c.get("bound"))),
                  REVISIONS * (abs(l1) + abs(l0)) if found.later else 0.0)
    if compared * truth < 0 or abs(compared) > abs(truth) + tol:
        verdict = "overstated"
    elif abs(compared) < abs(truth) - tol:
        verdict = "understated"
    else:
        verdict = "consistent"
    what = "percent change" if percent else "change"
    notes = [n for n in (found.how, period_note, found.vintage_note,
                         f"{what} from {before['period']} ({l0 / 1e9:,.1f}bn) to "
                         f"{now['period']} ({l1 / 1e9:,.1f}bn)") if n]
    ref = dict(now, value=truth, unit="percent" if percent else now["unit"])
    out = _Outcome(verdict, "; ".join(notes), ref, compared, deviation(compared, truth), tol,
                   "change (percent)" if percent else "change (amount)")
    claimed = claim_basis(c.get("sentence"))
    if not _basis.fits(claimed, now.get("basis")):
        out.verdict = "basis_differs"
        out.note += f"; the claim states a {claimed} basis; the official figure is {now.get('basis')}"
    return out


def _check_one(c: dict[str, Any], index: Index, periods: dict[str, str]) -> _Outcome:
    ctype = str(c.get("claim_type"))
    kind = str(c.get("kind"))
    if ctype == "ratio" or (kind == "ratio" and ctype != "change"):
        return _Outcome("not_comparable", f"a {ctype}, not a level")
    if c.get("value") is None or pd.isna(c.get("value")):
        return _Outcome("not_comparable", "the claim has no value")
    c = _complete_direction(c)
    if len([p for p in str(c.get("parties") or "").split(",") if p]) > 2:
        return _Outcome("not_comparable", "the claim names more than two parties: which pair "
                                          "the figure is for is not clear")
    if not index.has_pair(c):
        return _Outcome("no_reference", "no official figure for this concept and these parties")
    if str(c["concept"]) == "trade" and _basis.names_a_balance(c.get("sentence"), c.get("surface")):
        return _Outcome("not_comparable", "the sentence speaks of a balance; the claim reads "
                                          "the figure as total trade")
    if ctype == "level" and _basis.future(c.get("sentence"), c.get("surface")):
        return _Outcome("not_comparable", "a goal or forecast (\"can reach\"), not an outcome")
    if ctype == "level" and kind == "percent":
        versus = _basis.compared_with(c.get("sentence"), c.get("surface"))
        if versus and isinstance(c.get("period"), str):
            c = dict(c, claim_type="change", change=versus[0])
            return _change(c, index, str(c["period"]), f"a change against {versus[1]}", versus[1])
    part = _basis.sector(c.get("sentence"), c.get("surface"))
    if part and claim_basis(c.get("sentence")) not in ("goods and services",):
        return _Outcome("not_comparable", f"a figure for {part}, not the total the official "
                                          "series gives")
    period, period_note = _claim_period(c, periods)
    if period is None:
        what = {"target": "a target", "forecast": "a forecast"}.get(ctype, "the claim")
        return _Outcome("not_comparable", period_note or f"{what} names no period")
    if ctype == "change":
        return _change(c, index, period, period_note)
    if kind == "percent":
        return _Outcome("not_comparable", "a percent that is not a change (a share?), not a level")
    return _level(c, index, period, period_note)


def _complete_direction(c: dict[str, Any]) -> dict[str, Any]:
    """A direction half known ("imported 1.5 billion" from the U.S.) completed from the
    two parties: the missing end is the other party."""
    frm, to = c.get("party_from"), c.get("party_to")
    codes = [p for p in str(c.get("parties") or "").split(",") if p]
    has = [isinstance(x, str) and bool(x) for x in (frm, to)]
    if len(codes) == 2 and sum(has) == 1:
        known = frm if has[0] else to
        other = next((p for p in codes if p != known), None)
        if other:
            return dict(c, party_from=known if has[0] else other, party_to=other if has[0] else known)
    return c


def check(claims: pd.DataFrame, reference: pd.DataFrame | None = None, *,
          reviewed_only: bool = False) -> pd.DataFrame:
    """Each claim beside the official figure for its concept, parties and period, with a
    verdict (see the module docs for the rules).

    ``reference`` is a table in the :data:`~econnews.schema.REFERENCE` format
    (:func:`econnews.factcheck.reference.load` reads one from a file); by default the
    official figures econnews ships. Requires the claims columns ``concept``,
    ``parties``, ``claim_type``, ``value``, ``unit``, ``period`` and ``surface`` (as
    :func:`econnews.find_claims` returns them); adds :data:`~econnews.schema.CHECK_ADDED`.
    The input is not modified. ``reviewed_only=True`` checks only the claims that need no
    review (``needs_review`` false: every field read from the figure's own sentence).

    >>> import econnews as en
    >>> text = "The U.S. goods trade deficit with China was $419.2 billion in 2018."
    >>> c = en.find_claims({"id": "a", "date": "2019-03-07", "text": text})
    >>> check(c).loc[0, ["verdict", "ref_source"]].tolist()
    ['consistent', 'U.S. Census Bureau and U.S. Bureau of Economic Analysis']
    """
    schema.require(claims, REQUIRED, stage="check")
    if reviewed_only:  # only the rows no rule flagged (econnews.claims.reviewed)
        from ..claims.evidence import reviewed

        claims = reviewed(claims)
    index = Index.bundled() if reference is None else Index(_reference.validate(reference))
    periods: dict[str, str] = {}
    sentences: dict[str, str] = {}
    if "claim_id" in claims.columns:
        periods = {str(i): str(p) for i, p in zip(claims["claim_id"], claims["period"],
                                                  strict=True)
                   if isinstance(i, str) and isinstance(p, str)}
        if "sentence" in claims.columns:
            sentences = {str(i): str(t) for i, t in zip(claims["claim_id"], claims["sentence"],
                                                        strict=True)
                         if isinstance(i, str) and isinstance(t, str)}
    stories: dict[str, str | None] = {}
    if "doc_id" in claims.columns and "sentence" in claims.columns:
        for doc, sents in claims.groupby(claims["doc_id"].astype(str), sort=False)["sentence"]:
            stories[doc] = _basis.story_basis(dict.fromkeys(
                t for t in sents.tolist() if isinstance(t, str)))
    added: dict[str, list[Any]] = {c: [] for c in schema.CHECK_ADDED}
    for c in claims.to_dict("records"):
        if stories:
            c = dict(c, story_basis=stories.get(str(c.get("doc_id"))))
        if not isinstance(c.get("sentence"), str) and c.get("derived_from"):
            # an implied figure is read in the sentences of the figures it comes from
            found = [sentences[i] for i in str(c["derived_from"]).split(",") if i in sentences]
            c = dict(c, sentence=" ".join(dict.fromkeys(found)) or None)
        o = _check_one(c, index, periods)
        r = o.ref or {}
        for col, key in (("ref_value", "value"), ("ref_unit", "unit"), ("ref_period", "period"),
                         ("ref_basis", "basis"), ("ref_source", "source"), ("ref_url", "url"),
                         ("ref_vintage", "vintage")):
            v = r.get(key)
            added[col].append(None if v is None or v is pd.NA else v)
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

