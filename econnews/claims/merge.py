"""After the walk: one row a claim (repeats and headline copies collapsed, counted in
``mentions``), and the implied other end of a change or a plan.

>>> _factor({"value": 1.5, "claim_type": "target", "kind": "ratio", "unit": "times"})
1.5
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .. import schema


def collapse(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Merge repeats of one claim in an article into its first body mention."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for r in rows:
        if not r["in_title"]:
            key = (r["concept"], r["parties"], r["claim_type"], r["value"], r["unit"])
            groups.setdefault(key, []).append(r)
    for r in rows:  # a headline figure joins the body claim that gives the same amount
        if r["in_title"]:
            match = next((k for k, g in groups.items() if _title_matches(r, g[0])), None)
            key = match or ("title", r["concept"], r["parties"], r["claim_type"], r["value"],
                            r["unit"])
            groups.setdefault(key, []).append(r)
    out = []
    for group in groups.values():
        body = [r for r in group if not r["in_title"]]
        keep = dict((body or group)[0])
        keep["mentions"] = len(group)
        keep["in_title"] = any(r["in_title"] for r in group)
        if keep["speaker"] is None or keep["speaker"] is pd.NA:
            other = next((r for r in group if isinstance(r["speaker"], str)), None)
            if other is not None:
                keep["speaker"] = other["speaker"]
                keep["speaker_by"] = "restated" if not other["in_title"] else "headline"
        out.append(keep)
    out.sort(key=lambda r: r["start"])
    return out


def _title_matches(title: dict[str, Any], body: dict[str, Any]) -> bool:
    """Whether a headline claim is the body claim ``body`` told in fewer words.

    Same value and unit; same concept unless the headline names none; the
    headline's parties (when it names any) among the body claim's.
    """
    if title["value"] != body["value"] or title["unit"] != body["unit"]:
        return False
    if title["concept"] not in {body["concept"], "other"}:
        return False
    tp, bp = title["parties"], body["parties"]
    if isinstance(tp, str):
        return isinstance(bp, str) and set(tp.split(",")) <= set(bp.split(","))
    return True


def _factor(r: dict[str, Any]) -> float | None:
    """The multiplier a ratio or percent-change claim stands for (1.5 times -> 1.5)."""
    value = r["value"]
    if value is None or pd.isna(value) or r["claim_type"] not in {"target", "forecast", "change",
                                                                    "ratio"}:
        return None
    if r["kind"] == "ratio" and value > 0 and value != 1:
        return float(value)
    if r["kind"] == "percent" and r["unit"] == "percent" and r["change"] in schema.CHANGES:
        sign = -1 if r["change"] == "down" else 1
        f = 1 + sign * float(value) / 100
        return f if f > 0 and f != 1 else None
    return None


def _same_clause(r: dict[str, Any], m: dict[str, Any]) -> bool:
    """Whether a change ``r`` and a level ``m`` are stated together in one clause ("rose 29%
    to a record $180 billion", "by 1.5 times, to $30 billion")."""
    if r.get("_sentence") is None or r.get("_sentence") != m.get("_sentence"):
        return False
    lo, hi = r["_clause"]
    return lo <= m["start"] < hi or m.get("_clause") == r["_clause"]


def add_implied(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The other end of a change or a plan: a change and a level stated together in one
    clause, or a plan's multiplier and its explicit base (same concept and parties).
    Each multiplier implies one figure at most: the nearest it pairs with."""
    extra = []
    for r in rows:
        f = _factor(r)
        if f is None:
            continue
        best = None
        for m in rows:
            if m["kind"] != "money" or m["concept"] != r["concept"] or m is r:
                continue
            if not (isinstance(r["parties"], str) and isinstance(m["parties"], str)
                    and set(r["parties"].split(",")) == set(m["parties"].split(","))):
                continue  # unknown parties never pair: "trade" alone is too vague
            if m["claim_type"] in {"target", "forecast"} and r["claim_type"] in {
                    "target", "forecast"}:
                how = ("/", "level")  # the base a plan starts from
            elif m["claim_type"] in {"level", "change"} and r["claim_type"] == "change" \
                    and _same_clause(r, m):
                how = ("/", "level")  # "rose 1.5 times to $30bn"
            elif m["claim_type"] == "level" and r["claim_type"] in {"target", "forecast"}:
                how = ("*", "target")  # the level a plan aims at
            else:
                continue
            distance = abs(int(m["start"]) - int(r["start"]))
            if best is None or distance < best[0]:
                best = (distance, m, how)
        if best is None:
            continue
        _, m, (op, implies) = best
        value = m["value"] / f if op == "/" else m["value"] * f
        if r["kind"] == "percent":
            sign = "-" if r["change"] == "down" else "+"
            factor_text = f"(1 {sign} {r['surface']})"
        else:
            factor_text = r["surface"]
        usd = m.get("value_usd", pd.NA)
        if not pd.isna(usd):
            usd = usd / f if op == "/" else usd * f
        extra.append({
            **{k: m.get(k, pd.NA) for k in ("doc_id", "date", "source", "concept", "parties",
                                             "party_from", "party_to", "unit", "fx_rate",
                                             "fx_date", "fx_source", "fx_status", "country")},
            "claim_type": "implied", "value": value, "value_usd": usd, "bound": "~",
            "change": pd.NA, "period": pd.NA, "speaker": pd.NA, "hedge": pd.NA,
            "quantity_index": pd.NA, "start": pd.NA, "end": pd.NA,
            "surface": f"{m['surface']} {op} {factor_text}",
            "sentence": pd.NA, "derived_from": f"{m['claim_id']},{r['claim_id']}",
            "claim_id": f"{m['claim_id']}{op}{r['claim_id'].rsplit(':', 1)[-1]}",
            "kind": "money", "reported_by": pd.NA, "in_title": False, "mentions": 1,
            "implies": implies, "value_low": value, "value_high": value,
            "concept_by": "implied", "parties_by": "implied", "claim_type_by": "implied",
            "period_by": "none", "speaker_by": "none",
        })
    return rows + extra
