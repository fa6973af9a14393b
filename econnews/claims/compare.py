"""Claims on the same concept, parties and period across articles, side by side."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from .. import schema

COMPARE: dict[str, object] = schema.COMPARE


def _measure(claim_type: str, implies: Any) -> str:
    if claim_type == "implied":
        return implies if isinstance(implies, str) else "level"
    return claim_type


def compare(claims: pd.DataFrame, *, by: Iterable[str] = ("concept", "parties", "period"),
            ) -> pd.DataFrame:
    """Claims on the same concept, parties and period across articles, side by side.

    Groups also on ``measure`` (the claim type, with implied rows counted as what
    they imply, a level or a target: a target is not compared with a level) and on the unit compared: USD when
    ``value_usd`` is known, else the claim's own unit.  Reports ``count``,
    ``articles`` (distinct doc_ids), ``min``/``median``/``max``, ``spread``
    (max / min; NA unless min > 0), ``sources`` ("; "-joined), ``duplicates``
    (rows repeating a value already given for the group by another article of
    the same source: the same wire story run twice) and the ``claim_ids``.

    Requires: ``concept, parties, period, claim_type, value, unit, value_usd,
    source, doc_id, claim_id``.  Adds: the :data:`COMPARE` columns.

    >>> c = pd.DataFrame({"doc_id": ["a", "b", "c"], "source": ["R", "R", "K"],
    ...     "concept": ["trade"] * 3, "parties": ["JPN,RUS"] * 3, "period": ["2018"] * 3,
    ...     "claim_type": ["level", "level", "implied"], "value": [2e10, 2e10, 2.5e10],
    ...     "unit": ["USD"] * 3, "value_usd": [pd.NA] * 3, "claim_id": ["a:1", "b:1", "c:1"]})
    >>> compare(c)[["count", "min", "max", "spread", "duplicates"]].to_string(index=False)
    ' count   min     max  spread  duplicates\\n     3 2.0e+10 2.5e+10    1.25           1'
    """
    need = ["concept", "parties", "period", "claim_type", "value", "unit", "value_usd",
            "source", "doc_id", "claim_id"]
    by = list(by)
    schema.require(claims, [*need, *[b for b in by if b not in need]], stage="compare")
    df = claims.loc[claims["value"].notna()].copy()
    if df.empty:
        return schema.empty(COMPARE)
    usd = df["value_usd"].astype("Float64")
    df["_v"] = usd.where(usd.notna(), df["value"].astype("Float64"))
    df["_unit"] = df["unit"].astype("string").where(usd.isna(), "USD")
    implies = df["implies"] if "implies" in df.columns else pd.Series(pd.NA, index=df.index)
    df["measure"] = [_measure(t, i) for t, i in zip(df["claim_type"].astype(str), implies,
                                                      strict=True)]
    keys = [*by, "measure", "_unit"]
    out = []
    for group_key, g in df.groupby(keys, dropna=False, sort=True, observed=True):
        values = g["_v"].astype(float)
        lo, hi = values.min(), values.max()
        seen: set[tuple[Any, float]] = set()
        dups = 0
        for src, v in zip(g["source"], values, strict=True):
            k = (None if pd.isna(src) else src, round(v, 6))
            if k in seen and k[0] is not None:
                dups += 1
            seen.add(k)
        sources = sorted({str(s) for s in g["source"] if not pd.isna(s)})
        rec = dict(zip(keys, group_key, strict=True))
        rec.update({
            "unit": rec.pop("_unit"), "count": len(g), "articles": g["doc_id"].nunique(),
            "min": lo, "median": float(values.median()), "max": hi,
            "spread": hi / lo if lo > 0 else pd.NA,
            "sources": "; ".join(sources) or pd.NA, "duplicates": dups,
            "claim_ids": ",".join(g["claim_id"].astype(str)),
        })
        out.append(rec)
    frame = pd.DataFrame(out).astype(object)
    frame = frame.where(frame.notna(), pd.NA)
    result = schema.coerce(frame, {**COMPARE, **{b: object for b in by if b not in COMPARE}})
    cols = [*by, *[c for c in COMPARE if c not in by]]
    return result[cols].sort_values(["count", "concept"], ascending=[False, True],
                                    kind="stable").reset_index(drop=True)
