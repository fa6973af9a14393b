"""Reference tables of official figures: the bundled one, a user's CSV or Parquet, or
one built from the claims of official texts.

The format is :data:`econnews.schema.REFERENCE` (described, with the bundled figures'
sources, in ``econnews/data/reference/README.md``). Required: ``concept``, ``period``,
``value``, ``unit``, ``source`` and the parties, either as ``party_from`` and
``party_to`` (a direction) or as ``parties`` (``"JPN,RUS"``, no direction). A
``direction`` column written ``"USA>CHN"`` is read as ``party_from``/``party_to``.

>>> ref = bundled()
>>> row = ref[(ref["party_to"] == "CHN") & (ref["period"] == "2018")].iloc[0]
>>> row["concept"], float(row["value"]) / 1e9, row["basis"]
('trade_deficit', 419.2, 'goods, Census basis, not seasonally adjusted')
"""

from __future__ import annotations

import math
import os
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from .. import schema
from ..errors import ReferenceDataError

__all__ = ["bundled", "from_claims", "load", "validate"]

REQUIRED = ("concept", "period", "value", "unit", "source")
#: the forms a period takes in the claims table
PERIOD = re.compile(r"^(?:\d{4}|\d{4}Q[1-4]|\d{4}-\d{2}|FY\d{4}|\d{4}/\d{2})$")
_CODE = re.compile(r"^[A-Z]{2,5}$")
#: concepts that take no direction (the parties are a set)
UNDIRECTED = frozenset({"trade", "gdp", "budget", "reserves", "prices", "other"})


def load(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a reference table from a CSV (``#`` comment lines allowed) or Parquet file.

    Bad rows raise :class:`~econnews.errors.ReferenceDataError` naming each row and
    what is wrong with it.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "ref.csv"
    >>> _ = p.write_text("concept,direction,period,value,unit,source\\n"
    ...                  "trade_deficit,USA>CHN,2018,419.2e9,USD,Census\\n")
    >>> load(p)[["party_from", "party_to", "value"]].values.tolist()
    [['USA', 'CHN', 419200000000.0]]
    """
    p = Path(path)
    if not p.is_file():
        raise ReferenceDataError(f"no reference file at {str(p)!r}; give a CSV or Parquet path")
    suffix = p.suffix.lower()
    try:
        if suffix in (".parquet", ".pq"):
            raw = pd.read_parquet(p)
        elif suffix in (".csv", ".txt"):
            raw = pd.read_csv(p, comment="#", dtype=str, keep_default_na=False)
        else:
            raise ReferenceDataError(
                f"{p.name}: a reference table is a .csv or .parquet file, not {suffix or 'no suffix'!r}"
            )
    except ReferenceDataError:
        raise
    except Exception as exc:  # a parser's own error, said in one line
        raise ReferenceDataError(f"{p.name} could not be read: {type(exc).__name__}: {exc}") from exc
    return validate(raw, name=p.name)


def validate(frame: pd.DataFrame, *, name: str = "reference") -> pd.DataFrame:
    """Check a reference table row by row and return it typed (:data:`schema.REFERENCE`).

    >>> validate(pd.DataFrame({"concept": ["trade"], "parties": ["RUS, JPN"],
    ...     "period": ["2018"], "value": ["21.3e9"], "unit": ["usd"], "source": ["x"]}))[
    ...     ["parties", "unit"]].values.tolist()
    [['JPN,RUS', 'USD']]
    >>> validate(pd.DataFrame({"concept": ["trade"], "parties": ["JPN,RUS"], "period": ["18"],
    ...     "value": ["x"], "unit": ["USD"], "source": ["x"]}))
    Traceback (most recent call last):
    ...
    econnews.errors.ReferenceDataError: [E008] reference: 2 bad value(s): row 1: period '18' ...
    """
    if not isinstance(frame, pd.DataFrame):
        raise ReferenceDataError(f"{name}: expected a table, got {type(frame).__name__}")
    df = frame.copy()
    df.columns = [str(c).strip().lower() for c in df.columns]
    if "direction" in df.columns and "party_from" not in df.columns:
        parts = df["direction"].astype("string").str.split(">", n=1, expand=True)
        df["party_from"] = parts[0].str.strip() if 0 in parts else pd.NA
        df["party_to"] = parts[1].str.strip() if 1 in parts else pd.NA
    missing = [c for c in REQUIRED if c not in df.columns]
    if not any(c in df.columns for c in ("party_from", "parties")):
        missing.append("party_from/party_to or parties")
    if missing:
        raise ReferenceDataError(
            f"{name} lacks the column(s) {', '.join(map(repr, missing))}; "
            "see econnews/data/reference/README.md for the format"
        )
    problems: list[str] = []
    out: dict[str, list[Any]] = {c: [] for c in schema.REFERENCE}
    for i, row in enumerate(df.to_dict("records"), start=1):
        rec = _row(row, i, problems)
        for c in schema.REFERENCE:
            out[c].append(rec.get(c))
    if problems:
        shown = "; ".join(problems[:8]) + (f"; … {len(problems) - 8} more" if len(problems) > 8 else "")
        raise ReferenceDataError(f"{name}: {len(problems)} bad value(s): {shown}")
    return schema.coerce(pd.DataFrame(out), schema.REFERENCE)


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    s = str(value).strip()
    return s or None


def _row(row: dict[str, Any], i: int, problems: list[str]) -> dict[str, Any]:
    rec = {c: _text(row.get(c)) for c in schema.REFERENCE}
    concept = rec["concept"]
    if concept not in schema.CONCEPTS:
        problems.append(f"row {i}: concept {concept!r} is not one of schema.CONCEPTS")
    period = rec["period"]
    if period is None or not PERIOD.match(period):
        problems.append(f"row {i}: period {period!r} is not like 2018, 2019Q1, 1987-01, FY2018")
    try:
        value = float(str(rec["value"]).replace(",", "").replace("_", ""))
        if not math.isfinite(value):
            raise ValueError
        rec["value"] = value
    except (TypeError, ValueError):
        problems.append(f"row {i}: value {rec['value']!r} is not a finite number")
        rec["value"] = None
    rec["unit"] = (rec["unit"] or "").upper() or None
    if rec["unit"] is None:
        problems.append(f"row {i}: no unit (an ISO 4217 code such as USD)")
    if rec["source"] is None:
        problems.append(f"row {i}: no source")
    codes = [c.strip().upper() for c in (rec["parties"] or "").split(",") if c.strip()]
    ends = [(rec[k] or "").upper() or None for k in ("party_from", "party_to")]
    rec["party_from"], rec["party_to"] = ends
    if any(ends):
        if not all(ends):
            problems.append(f"row {i}: a direction needs both party_from and party_to")
        codes = [c for c in ends if c] + [c for c in codes if c not in ends]
    else:
        codes = sorted(codes)
    if not codes:
        problems.append(f"row {i}: no parties")
    for code in codes:
        if not _CODE.match(code):
            problems.append(f"row {i}: party {code!r} is not an ISO alpha-3 or bloc code")
    rec["parties"] = ",".join(codes) or None
    rec["source_kind"] = rec["source_kind"] or "official"
    return rec


@cache
def _bundled() -> pd.DataFrame:
    path = resources.files("econnews").joinpath("data", "reference", "official_trade.csv")
    with resources.as_file(path) as p:
        return load(p)


def bundled() -> pd.DataFrame:
    """The official figures econnews ships (``econnews/data/reference/``), as a new table.

    >>> len(bundled()) >= 20
    True
    """
    return _bundled().copy()


def from_claims(
    claims: pd.DataFrame,
    *,
    source: str | None = None,
    url: str | None = None,
    basis: str | None = None,
    source_kind: str = "official",
) -> pd.DataFrame:
    """A reference table from the claims of official texts (a ministry's release, a
    customs communiqué), keeping where each figure was read.

    Levels with a period and a value become reference rows; ``source`` defaults to each
    claim's speaker (or the article's source), ``url`` to nothing, and the note names
    the article and the words the figure was read from. A level whose direction is only
    half known (a deficit "with Japan" whose own side the text does not name) is left
    out and listed in ``attrs["skipped"]``.

    >>> import econnews as en
    >>> text = ("The U.S. goods deficit with Japan was $68.9 billion in 2016, "
    ...         "the Commerce Department said.")
    >>> c = en.find_claims({"id": "ft900", "date": "2017-02-07", "text": text})
    >>> from_claims(c, url="https://example.gov/ft900")[["concept", "period", "source"]].values.tolist()
    [['trade_deficit', '2016', 'the Commerce Department']]
    """
    schema.require(claims, ["concept", "parties", "claim_type", "value", "unit", "period"],
                   stage="reference.from_claims")
    keep = claims[
        (claims["claim_type"].astype("string") == "level")
        & claims["period"].notna()
        & claims["value"].notna()
        & claims["parties"].notna()
    ]
    rows, skipped = [], []
    for c in keep.to_dict("records"):
        ends = [_text(c.get(k)) for k in ("party_from", "party_to")]
        if any(ends) and not all(ends):
            skipped.append(f"{c.get('doc_id')}: {c.get('surface')} (direction half known)")
            continue
        speaker = _text(c.get("speaker")) or _text(c.get("source"))
        rows.append({
            "concept": str(c["concept"]),
            "parties": c["parties"],
            "party_from": _text(c.get("party_from")),
            "party_to": _text(c.get("party_to")),
            "period": c["period"],
            "value": c["value"],
            "unit": c["unit"],
            "basis": basis,
            "source": source or speaker or "official text",
            "release": _text(c.get("doc_id")),
            "url": url,
            "licence": None,
            "source_kind": source_kind,
            "note": f"read by econnews from {c.get('doc_id')!s}: {c.get('surface')!s}",
        })
    out = schema.empty(schema.REFERENCE) if not rows else validate(pd.DataFrame(rows),
                                                                    name="from_claims")
    out.attrs["skipped"] = skipped
    return out
