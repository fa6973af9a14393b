"""A typed table from one list of Python values per column, as the schema types it, built
without going through object columns: the same table as ``pd.Series(values,
dtype=object).astype(dtype)`` per column (and :func:`econnews.schema.to_datetimes` for
dates) gives, at a fraction of its fixed cost per column. Missing values are None,
``pd.NA``, ``pd.NaT`` or a float NaN. A column holding anything its fast builder does not
expect (a number in a text column, a time zone) is built the slow way instead, so the
result never depends on which way was taken.

>>> t = typed_frame({"n": [1, None], "s": ["a", None]}, {"n": schema.INT, "s": schema.STRING})
>>> t.dtypes.tolist(), t["n"].tolist()
([Int64Dtype(), <StringDtype(na_value=<NA>)>], [1, <NA>])
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np
import pandas as pd

from .. import schema

__all__ = ["typed_frame"]

_NS = np.dtype("M8[ns]")


def _missing(v: Any) -> bool:
    return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and v != v)


def _numbers(values: list[Any], kind: type, dtype: str) -> tuple[np.ndarray, np.ndarray] | None:
    data = np.zeros(len(values), dtype=dtype)
    mask = np.zeros(len(values), dtype=bool)
    for i, v in enumerate(values):
        if _missing(v):
            mask[i] = True
        elif isinstance(v, kind) and not isinstance(v, bool | np.bool_):
            data[i] = v
        else:
            return None
    return data, mask


def _floats(values: list[Any]) -> Any:
    got = _numbers(values, float | int | np.floating | np.integer, "float64")
    return None if got is None else pd.arrays.FloatingArray(*got)


def _ints(values: list[Any]) -> Any:
    got = _numbers(values, int | np.integer, "int64")
    return None if got is None else pd.arrays.IntegerArray(*got)


def _bools(values: list[Any]) -> Any:
    data = np.zeros(len(values), dtype=bool)
    mask = np.zeros(len(values), dtype=bool)
    for i, v in enumerate(values):
        if _missing(v):
            mask[i] = True
        elif isinstance(v, bool | np.bool_):
            data[i] = v
        else:
            return None
    return pd.arrays.BooleanArray(data, mask)


def _strings(values: list[Any]) -> Any:
    from ..extraction.table import _strings as arrow_strings  # as the quantities' are built

    if not all(isinstance(v, str) or _missing(v) for v in values):
        return None
    return arrow_strings([None if _missing(v) else v for v in values])


def _dates(values: list[Any]) -> Any:
    stamps = np.empty(len(values), dtype=_NS)
    last, stamp = None, np.datetime64("NaT", "ns")
    for i, v in enumerate(values):  # an article's rows share one date object: convert it once
        if v is not last:
            if _missing(v):
                stamp = np.datetime64("NaT", "ns")
            elif isinstance(v, pd.Timestamp) and v.tz is None:
                try:
                    stamp = np.datetime64(v.as_unit("ns"))
                except (OverflowError, ValueError):  # beyond what nanoseconds hold
                    return None
            else:
                return None
            last = v
        stamps[i] = stamp
    return _datetime_array(stamps)


def _datetime_array(stamps: np.ndarray) -> Any:
    from ..extraction.table import _datetime_array as build

    return build(stamps)


def _categories(dtype: pd.CategoricalDtype) -> Callable[[list[Any]], Any]:
    codes = {c: i for i, c in enumerate(dtype.categories)}

    def build(values: list[Any]) -> Any:
        found = []
        for v in values:
            if _missing(v):
                found.append(-1)
            elif isinstance(v, str) and v in codes:
                found.append(codes[v])
            else:  # (a value not among the categories: pandas says what it does with it)
                return None
        return pd.Categorical.from_codes(np.array(found, dtype="int64"), dtype=dtype)

    return build


@functools.cache
def _builder(dtype: Any) -> Callable[[list[Any]], Any]:
    if isinstance(dtype, pd.CategoricalDtype):
        return _categories(dtype)
    return {schema.FLOAT: _floats, schema.INT: _ints, schema.BOOL: _bools,
            schema.DATETIME: _dates, schema.STRING: _strings}.get(dtype, lambda _: None)


def _slow(values: list[Any], name: str, dtype: Any) -> pd.Series:
    col = pd.Series([pd.NA if _missing(v) else v for v in values], dtype=object)
    return schema.to_datetimes(col, name) if dtype == schema.DATETIME else col.astype(dtype)


def typed_frame(cols: Mapping[str, list[Any]], columns: Mapping[str, Any]) -> pd.DataFrame:
    """The table of ``cols`` (one list of values per name, all of one length) with the
    dtypes ``columns`` gives (a schema such as :data:`econnews.schema.CLAIMS`), in its
    order; a name ``cols`` lacks is a column of NA."""
    from ..extraction.table import _from_blocks, _placements

    n = len(next(iter(cols.values()))) if cols else 0
    arrays = []
    for name, dtype in columns.items():
        values = cols.get(name)
        if values is None:
            values = [None] * n
        built = _builder(dtype)(values)
        arrays.append(_slow(values, name, dtype).array if built is None else built)
    index = pd.Index(list(columns))
    if _from_blocks is not None:  # one block per column, as the quantities table is built
        return _from_blocks(list(zip(arrays, _placements(len(arrays)), strict=True)),
                            index=pd.RangeIndex(n), columns=index)
    return pd.DataFrame(dict(zip(index, arrays, strict=True)), copy=False)  # pragma: no cover


def with_columns(frame: pd.DataFrame, arrays: Mapping[str, Any]) -> pd.DataFrame:
    """``frame`` with the typed ``arrays`` (one per name, as long as ``frame``) in place of
    its columns of those names, the others appended in order: what assigning them one by
    one gives, in one step. ``frame``'s own arrays are shared, not copied (pass a copy).

    >>> t = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
    >>> with_columns(t, {"b": pd.array([5, 6]), "c": pd.array([7, 8])}).columns.tolist()
    ['a', 'b', 'c']
    """
    from ..extraction.table import _from_blocks, _placements

    if _from_blocks is None or not frame.columns.is_unique:  # pragma: no cover
        out = frame
        for name, values in arrays.items():
            out[name] = values
        return out
    names = [*frame.columns, *(c for c in arrays if c not in frame.columns)]
    values = [arrays[c] if c in arrays else frame[c].array for c in names]
    values = [v.to_numpy().reshape(1, -1) if isinstance(v, pd.arrays.NumpyExtensionArray)
              else v.reshape(1, -1) if isinstance(v, np.ndarray) else v for v in values]
    out = _from_blocks(list(zip(values, _placements(len(values)), strict=True)),
                       index=frame.index, columns=pd.Index(names))
    return out.__finalize__(frame)
