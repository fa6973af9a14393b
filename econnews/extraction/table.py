"""Typed columns built with pandas' cheap constructors: the extractor builds a table per
call (and ``extract_corpus`` one per chunk of articles), so this runs often.

>>> _floats([1.0, 2.5]).dtype
Float64Dtype()
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd
import pyarrow as pa

from .. import schema

#: The columns extract() returns: the schema's, then the extras it adds.
QUANTITY_COLUMNS: dict[str, object] = schema.EXTRACTED


def _floats(values: list):
    return pd.arrays.FloatingArray(np.asarray(values, dtype="float64"), np.zeros(len(values), bool))


def _ints(values: list):
    return pd.arrays.IntegerArray(np.asarray(values, dtype="int64"), np.zeros(len(values), bool))


def _dates(values: list):
    if not values:
        return pd.array(np.empty(0, dtype="M8[ns]"))
    first = values[0]
    if all(v is first for v in values):  # one text's rows share its date
        stamp = np.datetime64("NaT") if pd.isna(first) else np.datetime64(first.as_unit("ns"))
        return pd.array(np.full(len(values), stamp, dtype="M8[ns]"))
    stamps = [np.datetime64("NaT") if pd.isna(v) else np.datetime64(v.as_unit("ns"))
              for v in values]
    return pd.array(np.array(stamps, dtype="M8[ns]"))


def _strings(values: list):
    if _ARROW_STRINGS:
        return pd.arrays.ArrowStringArray(
            pa.chunked_array([pa.array(values, type=pa.large_string())])
        )
    return pd.array(values, dtype=schema.STRING)


def _categories(dtype: pd.CategoricalDtype):
    codes = {c: i for i, c in enumerate(dtype.categories)}

    def build(values: list):
        return pd.Categorical.from_codes(
            np.fromiter((codes.get(v, -1) for v in values), dtype="int8", count=len(values)),
            dtype=dtype,
        )

    return build


@functools.cache
def _builders() -> tuple:
    """One cheap typed-column constructor per output column (built once)."""
    out = []
    for name, dtype in QUANTITY_COLUMNS.items():
        if isinstance(dtype, pd.CategoricalDtype):
            out.append((name, _categories(dtype)))
        elif dtype == schema.FLOAT:
            out.append((name, _floats))
        elif dtype == schema.INT:
            out.append((name, _ints))
        elif dtype == schema.DATETIME:
            out.append((name, _dates))
        else:
            out.append((name, _strings))
    return tuple(out)


@functools.cache
def _column_index() -> pd.Index:
    return pd.Index(list(QUANTITY_COLUMNS))


def frame(cols: dict[str, list]) -> pd.DataFrame:
    """The quantities table from one list of values per column (``QUANTITY_COLUMNS``).

    >>> frame({name: [] for name in QUANTITY_COLUMNS}).shape
    (0, 18)
    """
    arrays = [build(cols[name]) for name, build in _builders()]
    n = len(arrays[0])
    from_arrays = getattr(pd.DataFrame, "_from_arrays", None)
    if from_arrays is not None:
        try:  # pandas' own fast path for ready typed arrays (skips re-validating each)
            return from_arrays(
                arrays, columns=_column_index(), index=pd.RangeIndex(n), verify_integrity=False
            )
        except TypeError:  # pragma: no cover - a pandas without these keywords
            pass
    return pd.DataFrame(dict(zip(QUANTITY_COLUMNS, arrays, strict=True)), copy=False)


@functools.cache
def _empty() -> pd.DataFrame:
    return frame({name: [] for name in QUANTITY_COLUMNS})


def empty_frame() -> pd.DataFrame:
    """An empty quantities table (a shallow copy of one built once: with pandas'
    copy-on-write, changing it never reaches the cached one)."""
    return _empty().copy(deep=False)


def _arrow_strings() -> bool:
    try:
        probe = pd.arrays.ArrowStringArray(
            pa.chunked_array([pa.array(["x"], type=pa.large_string())])
        )
    except (AttributeError, TypeError, ValueError):
        return False
    return probe.dtype == schema.STRING


_ARROW_STRINGS = _arrow_strings()
