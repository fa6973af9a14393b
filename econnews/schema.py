"""Every table econnews produces, with its columns and their pandas dtypes.

One module holds them all so that a stage, a test or a user can check a frame
against the contract in ``DESIGN.md``:

>>> from econnews import schema
>>> list(schema.QUANTITIES)[:4]
['doc_id', 'start', 'end', 'surface']
>>> schema.empty(schema.QUANTITIES).dtypes["value"]
Float64Dtype()
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from .errors import MissingColumnsError, SchemaError

KINDS = ["money", "percent", "ratio", "measure", "count", "number"]
BOUNDS = ["=", "~", ">", "<"]
CHANGES = ["up", "down"]

STRING = pd.StringDtype()
INT = pd.Int64Dtype()
FLOAT = pd.Float64Dtype()
BOOL = pd.BooleanDtype()
DATETIME = "datetime64[ns]"


def category(values: Iterable[str]) -> pd.CategoricalDtype:
    """A categorical dtype with a fixed, ordered-as-given set of categories."""
    return pd.CategoricalDtype(list(values), ordered=False)


#: One row per quantity mention (``econnews.extract``).
QUANTITIES: dict[str, object] = {
    "doc_id": STRING,
    "start": INT,
    "end": INT,
    "surface": STRING,
    "kind": category(KINDS),
    "value": FLOAT,
    "low": FLOAT,
    "high": FLOAT,
    "unit": STRING,
    "bound": category(BOUNDS),
    "change": category(CHANGES),
    "sentence": STRING,
    "sent_start": INT,
    "sent_end": INT,
    "date": DATETIME,
}

#: One row per article (``econnews.load_articles``).
ARTICLES: dict[str, object] = {
    "id": STRING,
    "date": DATETIME,
    "title": STRING,
    "source": STRING,
    "url": STRING,
    "text": STRING,
}

#: One row per input that could not be read or processed.
ERRORS: dict[str, object] = {
    "doc_id": STRING,
    "path": STRING,
    "stage": STRING,
    "code": STRING,
    "message": STRING,
}


def empty(columns: Mapping[str, object]) -> pd.DataFrame:
    """An empty frame with exactly these columns and dtypes."""
    return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in columns.items()})


def coerce(frame: pd.DataFrame, columns: Mapping[str, object]) -> pd.DataFrame:
    """Return a copy of ``frame`` with the schema's columns cast to their dtypes.

    Columns the schema names but the frame lacks are added as all-NA; extra
    columns are kept after the schema's own, in their original order.
    """
    out = {}
    n = len(frame)
    for name, dtype in columns.items():
        if name in frame.columns:
            col = frame[name]
            if dtype == DATETIME:
                col = pd.to_datetime(col, errors="coerce")
                if getattr(col.dt, "tz", None) is not None:
                    col = col.dt.tz_convert("UTC").dt.tz_localize(None)
                col = col.astype(DATETIME)
            else:
                col = col.astype(dtype)
            out[name] = col
        else:
            out[name] = pd.Series([pd.NA] * n if dtype != DATETIME else [pd.NaT] * n,
                                  index=frame.index, dtype=dtype)
    extra = [c for c in frame.columns if c not in columns]
    result = pd.DataFrame(out, index=frame.index)
    for c in extra:
        result[c] = frame[c]
    return result


def require(frame: pd.DataFrame, columns: Iterable[str], *, stage: str) -> None:
    """Raise :class:`MissingColumnsError` naming every column ``stage`` needs but lacks."""
    if not isinstance(frame, pd.DataFrame):
        raise SchemaError(f"{stage} expects a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise MissingColumnsError(stage, missing)


def validate(frame: pd.DataFrame, columns: Mapping[str, object], *, stage: str = "validate") -> None:
    """Check that ``frame`` has every schema column with the schema's dtype.

    >>> validate(empty(QUANTITIES), QUANTITIES)
    """
    require(frame, columns, stage=stage)
    wrong = []
    for name, dtype in columns.items():
        got = frame[name].dtype
        ok = pd.api.types.is_datetime64_dtype(got) if dtype == DATETIME else got == dtype
        if not ok:
            wrong.append(f"{name}: {got} (expected {dtype})")
    if wrong:
        raise SchemaError(f"{stage}: wrong dtypes: " + "; ".join(wrong))
