"""The analyst's corrections to the claims table: a plain file, applied on every run.

A reading can be wrong (the wrong concept, the pair reversed, the period of the
statement instead of the period meant). The analyst writes the fix once, to
``corrections.csv`` beside the data, and every run applies it: the claims table,
the charts and the report follow. A row of ``corrections.csv``:

==========  ==================================================================
claim_id    the claim's ``claim_id`` (``doc_id:start``: the same text gives the same id)
field       one of :data:`FIELDS`: ``concept``, ``parties``, ``party_from``,
            ``party_to``, ``claim_type``, ``period``, ``value``, or ``not_a_claim``
old         the value the table had when the correction was made ("" for none)
new         the right value (``not_a_claim``: ``true``)
who, when   who made it, and when (ISO 8601, UTC)
note        why, in the analyst's words
==========  ==================================================================

A correction is applied only to the row with its ``claim_id`` and only while that
row still holds ``old``: when the article's text changed (no such claim any more),
or a newer reading changed the field, the correction is *stale*: it is reported (a
:class:`CorrectionWarning` and the returned list), never applied to another row.
Applied fields are named in the ``corrected`` column; ``not_a_claim`` removes the
row.

>>> claims = pd.DataFrame({"claim_id": ["a:26", "a:70"], "concept": ["trade", "other"],
...                        "value": [3e10, 2.2e9], "value_usd": [3e10, 2.2e9]})
>>> fixes = pd.DataFrame({"claim_id": ["a:70", "b:5"], "field": ["concept", "concept"],
...                       "old": ["other", "trade"], "new": ["investment", "fdi"]})
>>> import warnings
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     fixed = apply_corrections(claims, fixes)
>>> fixed[["claim_id", "concept", "corrected"]].to_string(index=False)
'claim_id    concept corrected\\n    a:26      trade      <NA>\\n    a:70 investment   concept'
>>> [s["status"] for s in fixed.attrs["corrections"]]
['applied', 'missing']
>>> print(caught[0].message)  # doctest: +ELLIPSIS
1 correction in corrections.csv was not applied: b:5 concept: no claim with this id ...
"""

from __future__ import annotations

import getpass
import math
import os
import warnings
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from .. import schema
from ..common.files import atomic_write
from ..errors import EconnewsWarning, InputError

__all__ = [
    "COLUMNS",
    "FIELDS",
    "FILE_NAME",
    "CorrectionWarning",
    "add_correction",
    "apply_corrections",
    "default_path",
    "read_corrections",
    "stale",
    "write_corrections",
]

#: The columns of ``corrections.csv``, in order.
COLUMNS = ["claim_id", "field", "old", "new", "who", "when", "note"]
#: The claim fields an analyst may correct; ``not_a_claim`` removes the row.
FIELDS = ("concept", "parties", "party_from", "party_to", "claim_type", "period", "value",
          "not_a_claim")
#: The file's name in a data folder.
FILE_NAME = "corrections.csv"
_TRUE = {"true", "yes", "1", "y"}


class CorrectionWarning(EconnewsWarning):
    """Some corrections were not applied: their claim is gone or its field changed."""


def default_path(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str] | None
                 ) -> Path | None:
    """``corrections.csv`` in the (first) data folder given, when it exists; else None.

    For a file, the file's folder is looked in.

    >>> default_path("/nonexistent/folder") is None
    True
    """
    if paths is None:
        return None
    items = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    for item in items:
        if str(item) == "-":
            continue
        folder = Path(item)
        folder = folder if folder.is_dir() else folder.parent
        candidate = folder / FILE_NAME
        if candidate.is_file():
            return candidate
    return None


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="string") for c in COLUMNS})


def read_corrections(path: str | os.PathLike[str]) -> pd.DataFrame:
    """The corrections file as a table of strings (columns :data:`COLUMNS`).

    A missing file is an empty table; a file without ``claim_id``, ``field`` and
    ``new``, or a row naming an unknown field, is an :class:`InputError` naming it.

    >>> read_corrections("/nonexistent/corrections.csv").columns.tolist()
    ['claim_id', 'field', 'old', 'new', 'who', 'when', 'note']
    """
    path = Path(path)
    if not path.is_file():
        return _empty()
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the corrections ({exc}); fix the file or "
                         "move it away") from None
    return _validated(frame, str(path))


def _validated(frame: pd.DataFrame, where: str) -> pd.DataFrame:
    missing = [c for c in ("claim_id", "field", "new") if c not in frame.columns]
    if missing:
        raise InputError(f"{where}: the corrections need the column(s) {', '.join(missing)}; "
                         f"the columns are {', '.join(COLUMNS)}")
    out = frame.copy()
    for c in COLUMNS:
        if c not in out:
            out[c] = ""
    out = out[COLUMNS].astype("string").fillna("")
    bad = out[~out["field"].str.strip().isin(FIELDS)]
    if len(bad):
        row = bad.index[0]
        raise InputError(f"{where}: row {row + 2}: field {bad['field'].iloc[0]!r} cannot be "
                         f"corrected; use one of {', '.join(FIELDS)}")
    out["field"] = out["field"].str.strip()
    out["claim_id"] = out["claim_id"].str.strip()
    return out.reset_index(drop=True)


def write_corrections(corrections: pd.DataFrame, path: str | os.PathLike[str]) -> Path:
    """Write the corrections atomically (a crash never leaves half a file); return the path."""
    frame = _validated(corrections, str(path))
    with atomic_write(Path(path)) as fh:
        fh.write(frame.to_csv(index=False, lineterminator="\n").encode("utf-8"))
    return Path(path)


def _text(value: object) -> str:
    """A cell as the corrections file writes it ('' for NA; 3e10 as 30000000000)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return f"{value:.0f}" if value.is_integer() and abs(value) < 1e18 else repr(value)
    if hasattr(value, "item") and not isinstance(value, str):
        return _text(value.item())
    return str(value).strip()


def add_correction(path: str | os.PathLike[str], claims: pd.DataFrame, claim_id: str,
                   field: str, new: Any, *, who: str | None = None, note: str = "",
                   when: pd.Timestamp | None = None) -> pd.DataFrame:
    """Record one correction of ``claims``' row ``claim_id`` in the file at ``path``.

    ``old`` is taken from the table (so that a later change of the reading is seen);
    ``who`` defaults to the login name, ``when`` to now (UTC). Returns the file's
    table after the write.

    >>> import tempfile, pathlib
    >>> c = pd.DataFrame({"claim_id": ["a:26"], "concept": ["other"]})
    >>> with tempfile.TemporaryDirectory() as d:
    ...     t = add_correction(pathlib.Path(d) / "corrections.csv", c, "a:26", "concept",
    ...                        "trade", who="ana", when=pd.Timestamp("2026-12-05T14:00Z"))
    >>> t.iloc[0].tolist()
    ['a:26', 'concept', 'other', 'trade', 'ana', '2026-12-05T14:00:00Z', '']
    """
    if field not in FIELDS:
        raise InputError(f"field {field!r} cannot be corrected; use one of {', '.join(FIELDS)}")
    rows = claims[claims["claim_id"].astype("string").eq(claim_id).fillna(False)]
    if len(rows) != 1:
        raise InputError(f"claim_id {claim_id!r}: {len(rows)} rows in the claims table; "
                         "correct a claim of this table")
    old = "" if field == "not_a_claim" else _text(rows.iloc[0].get(field))
    new_text = "true" if field == "not_a_claim" and new in (True, None) else _text(new)
    _check_new(field, new_text)
    if who is None:
        try:
            who = getpass.getuser()
        except (KeyError, OSError):
            who = ""
    stamp = (when or pd.Timestamp.now(tz="UTC")).tz_convert("UTC") if (
        when is None or when.tzinfo is not None) else when.tz_localize("UTC")
    table = pd.concat([read_corrections(path), pd.DataFrame([{
        "claim_id": claim_id, "field": field, "old": old, "new": new_text, "who": who,
        "when": stamp.strftime("%Y-%m-%dT%H:%M:%SZ"), "note": note}], dtype="string")],
        ignore_index=True)
    write_corrections(table, path)
    return read_corrections(path)


def _check_new(field: str, new: str) -> None:
    """A usable new value for ``field`` (an InputError that says the choices otherwise)."""
    if field == "concept" and new not in schema.CONCEPTS:
        raise InputError(f"concept {new!r} is not known; use one of {', '.join(schema.CONCEPTS)}")
    if field == "claim_type" and new not in schema.CLAIM_TYPES:
        raise InputError(f"claim_type {new!r} is not known; use one of "
                         f"{', '.join(schema.CLAIM_TYPES)}")
    if field == "value":
        try:
            float(new)
        except ValueError:
            raise InputError(f"value {new!r} is not a number; write it in full, e.g. "
                             "30000000000") from None


def _same(field: str, current: object, old: str) -> bool:
    """Whether the table's ``current`` value is the ``old`` a correction expects."""
    now = _text(current)
    if field == "value" and now and old:
        try:
            return math.isclose(float(now), float(old), rel_tol=1e-9)
        except ValueError:
            return False
    return now == old.strip()


def _codes(parties: str) -> list[str]:
    return [p.strip().upper() for p in parties.split(",") if p.strip()]


def _set(out: pd.DataFrame, i: Any, field: str, new: str) -> None:
    """Set one field of row ``i`` and keep what depends on it in step."""
    if field == "value":
        value = float(new)
        before = out.at[i, "value"] if "value" in out else pd.NA
        for col in [c for c in out.columns if c.startswith("value_")]:
            converted = out.at[i, col]
            if pd.notna(converted) and pd.notna(before) and float(before) != 0:
                out.at[i, col] = float(converted) * value / float(before)  # the same rate
        out.at[i, "value"] = value
        return
    if field == "parties":
        codes = _codes(new)
        out.at[i, "parties"] = ",".join(codes) if codes else pd.NA
        for side in ("party_from", "party_to"):  # a direction that is no longer one of them
            if side in out and pd.notna(out.at[i, side]) and str(out.at[i, side]) not in codes:
                out.at[i, side] = pd.NA
        return
    out.at[i, field] = new.upper() if field in ("party_from", "party_to") and new else (
        new or pd.NA)
    if field in ("party_from", "party_to") and "parties" in out:
        frm = out.at[i, "party_from"] if "party_from" in out else pd.NA
        to = out.at[i, "party_to"] if "party_to" in out else pd.NA
        have = _codes(_text(out.at[i, "parties"]))
        pair = list(dict.fromkeys(str(p) for p in (frm, to) if pd.notna(p)))
        out.at[i, "parties"] = ",".join(pair + [p for p in have if p not in pair])


def apply_corrections(claims: pd.DataFrame,
                      corrections: pd.DataFrame | str | os.PathLike[str] | None, *,
                      warn: bool = True) -> pd.DataFrame:
    """The claims with the corrections applied (a new table; the input is unchanged).

    Requires ``claim_id`` in ``claims``; ``corrections`` is a table of
    :data:`COLUMNS` or the path of ``corrections.csv`` (None: the claims as they
    are). Adds ``corrected`` (the corrected fields, comma-separated; NA for none).
    Rows marked ``not_a_claim`` are removed. Each correction's outcome is in
    ``result.attrs["corrections"]``, a list of dicts with ``status``: ``applied``;
    ``already`` (the reading now gives the corrected value); ``missing`` (no claim
    with this id: the text changed); ``changed`` (the field no longer holds
    ``old``: a newer reading); ``ambiguous`` (several rows have the id);
    ``invalid`` (the new value cannot be used). A stale one is never applied to
    another row; unless ``warn=False``, one :class:`CorrectionWarning` lists them.
    """
    if corrections is None:
        return claims
    table = corrections if isinstance(corrections, pd.DataFrame) else \
        read_corrections(corrections)
    table = _validated(table, "corrections")
    schema.require(claims, ["claim_id"], stage="apply_corrections")
    out = claims.copy()
    marked: dict[Any, list[str]] = {}
    drop: set[Any] = set()
    outcome: list[dict[str, str]] = []
    ids = out["claim_id"].astype("string")
    for rec in table.to_dict("records"):
        cid, field, old, new = rec["claim_id"], rec["field"], rec["old"], rec["new"].strip()
        rows = out.index[ids.eq(cid).fillna(False).to_numpy(dtype=bool)]
        status, why = "applied", ""
        if len(rows) == 0:
            status, why = "missing", "no claim with this id (the article's text changed?)"
        elif len(rows) > 1:
            status, why = "ambiguous", f"{len(rows)} claims have this id"
        elif field == "not_a_claim":
            if new.lower() in _TRUE:
                drop.add(rows[0])
        elif field not in out.columns and field not in ("parties", "party_from", "party_to"):
            status, why = "invalid", f"the claims table has no column {field!r}"
        else:
            i = rows[0]
            current = out.at[i, field] if field in out else pd.NA
            try:
                _check_new(field, new)
            except InputError as exc:
                status, why = "invalid", str(exc)
            else:
                if _same(field, current, new) and not _same(field, current, old):
                    status = "already"
                elif not _same(field, current, old):
                    status = "changed"
                    why = f"it was {old!r} when corrected, it is now {_text(current)!r}"
                else:
                    _set(out, i, field, new)
                    marked.setdefault(i, []).append(field)
        outcome.append({"claim_id": cid, "field": field, "old": old, "new": new,
                        "status": status, "why": why})
    corrected = pd.Series(pd.NA, index=out.index, dtype="string")
    for i, fields in marked.items():
        corrected.at[i] = ",".join(dict.fromkeys(fields))
    out["corrected"] = corrected
    out = out.drop(index=list(drop)).reset_index(drop=True)
    stale = [o for o in outcome if o["status"] not in ("applied", "already")]
    if stale and warn:
        first = stale[0]
        noun = "correction" if len(stale) == 1 else "corrections"
        warnings.warn(f"{len(stale)} {noun} in {FILE_NAME} {'was' if len(stale) == 1 else 'were'}"
                      f" not applied: {first['claim_id']} {first['field']}: {first['why']}"
                      + (f" (and {len(stale) - 1} more)" if len(stale) > 1 else "")
                      + "; re-check them in the claims browser and correct again or delete "
                        "the row", CorrectionWarning, stacklevel=2)
    out.attrs = {**claims.attrs, "corrections": outcome}
    return out


def stale(claims: pd.DataFrame) -> list[Mapping[str, str]]:
    """The corrections :func:`apply_corrections` could not apply to ``claims``.

    >>> stale(pd.DataFrame({"claim_id": ["a:1"]}))
    []
    """
    return [o for o in claims.attrs.get("corrections", [])
            if o["status"] not in ("applied", "already")]
