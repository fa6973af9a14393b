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

__all__ = ["bundled", "first_published", "from_claims", "load", "validate"]

REQUIRED = ("concept", "period", "value", "unit", "source")
#: the forms a period takes in the claims table
PERIOD = re.compile(r"(?:\d{4}|\d{4}Q[1-4]|\d{4}-\d{2}|\d{4}-\d{2}/\d{4}-\d{2}|FY\d{4}|\d{4}/\d{2})")
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
    """Check a reference table and return it typed (:data:`schema.REFERENCE`).

    Every row is checked (vectorised: a million rows take seconds). A value with a
    decimal comma ("419,2e9") is refused, not read as 4.192e12; two rows for the same
    concept, parties, period, basis and vintage with different values are an error
    naming both; exact duplicates are kept once.

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
    df = df.reset_index(drop=True)
    problems: list[tuple[int, str]] = []
    total = [0]
    text = {c: _texts(df[c]) if c in df.columns else pd.Series([None] * len(df), dtype=object)
            for c in schema.REFERENCE}

    def flag(mask: pd.Series, message) -> None:
        bad = mask[mask].index
        total[0] += len(bad)
        for i in bad[:8]:
            problems.append((int(i) + 1, message(i)))

    concept = text["concept"]
    flag(~concept.isin(schema.CONCEPTS),
         lambda i: f"concept {concept[i]!r} is not one of schema.CONCEPTS")
    period = text["period"]
    flag(~period.fillna("").str.fullmatch(PERIOD.pattern),
         lambda i: f"period {period[i]!r} is not like 2018, 2019Q1, 1987-01, 2016-01/2016-09, FY2018")
    values = _values(df["value"], flag)
    unit = text["unit"].fillna("").str.upper()
    flag(unit == "", lambda i: "no unit (an ISO 4217 code such as USD)")
    flag(text["source"].isna(), lambda i: "no source")
    frm = text["party_from"].fillna("").str.upper()
    to = text["party_to"].fillna("").str.upper()
    flag((frm == "") != (to == ""), lambda i: "a direction needs both party_from and party_to")
    parties = [_parties(p, f, t) for p, f, t in zip(text["parties"], frm, to, strict=True)]
    codes = pd.Series(parties, dtype=object).fillna("")
    flag(codes == "", lambda i: "no parties")
    bad_code = (codes != "") & ~codes.str.fullmatch(r"[A-Z]{2,5}(?:,[A-Z]{2,5})*")
    flag(bad_code, lambda i: f"party in {codes[i]!r} is not an ISO alpha-3 or bloc code")
    if problems:
        problems.sort()
        shown = "; ".join(f"row {i}: {m}" for i, m in problems[:8])
        more = f"; … {total[0] - 8} more" if total[0] > 8 else ""
        raise ReferenceDataError(f"{name}: {total[0]} bad value(s): {shown}{more}")
    out = pd.DataFrame({c: text[c] for c in schema.REFERENCE})
    out["concept"], out["period"], out["value"], out["unit"] = concept, period, values, unit
    out["party_from"], out["party_to"] = frm.replace("", None), to.replace("", None)
    out["parties"] = codes
    out["source_kind"] = out["source_kind"].fillna("official")
    out = _dedupe(out, name)
    return schema.coerce(out, schema.REFERENCE)


def _text(value: Any) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    s = str(value).strip()
    return s or None


def _texts(col: pd.Series) -> pd.Series:
    """Strings stripped, with empty and missing values as None."""
    s = col.astype("string").str.strip()
    return s.where(s.notna() & (s != ""), None).astype(object)


_PLAIN = r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_GROUPED = r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:[eE][+-]?\d+)?"


def _values(col: pd.Series, flag) -> pd.Series:
    """Numbers from a value column: plain, or with thousands separators in groups of
    three; a decimal comma ("419,2e9") and anything else not finite is flagged."""
    if pd.api.types.is_numeric_dtype(col):
        v = pd.to_numeric(col, errors="coerce").astype(float)
        flag(~pd.Series(v).map(math.isfinite), lambda i: f"value {col.iloc[i]!r} is not a finite number")
        return pd.Series(v)
    s = col.astype("string").str.strip().str.replace("_", "", regex=False).fillna("")
    plain = s.str.fullmatch(_PLAIN)
    grouped = s.str.fullmatch(_GROUPED)
    comma = ~plain & ~grouped & s.str.contains(",", regex=False)
    flag(comma, lambda i: f"value {s[i]!r} has a decimal comma or misplaced thousands "
                          f"separator; write it with a point ({s[i].replace(',', '.')!r})")
    v = pd.to_numeric(s.where(plain | grouped, "nan").str.replace(",", "", regex=False),
                      errors="coerce").astype(float)
    flag(~comma & ~v.map(math.isfinite), lambda i: f"value {s[i]!r} is not a finite number")
    return v


def _parties(parties: str | None, frm: str, to: str) -> str | None:
    codes = [c.strip().upper() for c in (parties or "").split(",") if c.strip()]
    if frm or to:
        ends = [c for c in (frm, to) if c]
        return ",".join(ends + [c for c in codes if c not in ends])
    return ",".join(sorted(codes)) or None


_KEY = ["concept", "party_from", "party_to", "parties", "period", "unit", "basis", "vintage"]


def _dedupe(out: pd.DataFrame, name: str) -> pd.DataFrame:
    """Exact duplicates kept once; the same figure with two values is an error."""
    key = out[_KEY].fillna("").astype(str)
    dup = key.duplicated(keep=False)
    if not dup.any():
        return out
    sub = out[dup].assign(_k=key[dup].agg("|".join, axis=1))
    conflicts = []
    for _, g in sub.groupby("_k", sort=False):
        if g["value"].nunique() > 1:
            a, b = g.index[0], g.index[g["value"].ne(g["value"].iloc[0]).to_numpy().argmax()]
            conflicts.append(f"rows {a + 1} and {b + 1} give {g.loc[a, 'concept']} "
                             f"{g.loc[a, 'parties']} {g.loc[a, 'period']} as "
                             f"{g.loc[a, 'value']:g} and {g.loc[b, 'value']:g}")
    if conflicts:
        raise ReferenceDataError(f"{name}: {len(conflicts)} conflicting duplicate(s): "
                                 + "; ".join(conflicts[:5]))
    return out[~key.duplicated(keep="first")].reset_index(drop=True)


@cache
def _first_published() -> pd.DataFrame:
    path = resources.files("econnews").joinpath("data", "reference", "official_trade.csv")
    with resources.as_file(path) as p:
        return load(p)


@cache
def _bundled() -> pd.DataFrame:
    from .series import census_trade

    return pd.concat([_first_published(), census_trade()], ignore_index=True)


def bundled() -> pd.DataFrame:
    """The official figures econnews ships (``econnews/data/reference/``), as a new table:
    the 20 U.S. balances as first published (vintage ``first_published``) and the Census
    series of U.S. trade in goods by partner, 1985 on (vintage ``census_2024-06``).

    >>> ref = bundled()
    >>> sorted(ref["vintage"].unique())
    ['census_2024-06', 'first_published']
    """
    return _bundled().copy()


def first_published() -> pd.DataFrame:
    """Only the 20 figures as first published (``official_trade.csv``).

    >>> len(first_published())
    20
    """
    return _first_published().copy()


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
