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
import pyarrow as pa

from .. import schema

__all__ = ["arrow_strings", "blocks_frame", "datetime_array", "typed_arrays", "typed_frame",
           "with_columns"]

_NS = np.dtype("M8[ns]")


# ------------------------------------------------ typed arrays from ready values, unchecked

def datetime_array(values: np.ndarray) -> Any:
    """The ``datetime64[ns]`` ``values`` as pandas' array, with nothing inferred or checked."""
    simple_new = getattr(pd.arrays.DatetimeArray, "_simple_new", None)
    if simple_new is not None:
        try:
            return simple_new(values, dtype=_NS)
        except TypeError:  # pragma: no cover - another pandas signature
            pass
    return pd.array(values)  # pragma: no cover


def _arrow_backed() -> bool:
    try:
        probe = pd.arrays.ArrowStringArray(
            pa.chunked_array([pa.array(["x"], type=pa.large_string())])
        )
    except (AttributeError, TypeError, ValueError):
        return False
    return probe.dtype == schema.STRING


ARROW_STRINGS = _arrow_backed()
#: An empty string array whose ``_from_pyarrow_array`` builds one as pandas builds the
#: result of a string operation (None on a pandas without it).
STRING_TEMPLATE = (
    pd.arrays.ArrowStringArray(pa.chunked_array([pa.array([], type=pa.large_string())]))
    if ARROW_STRINGS and hasattr(pd.arrays.ArrowStringArray, "_from_pyarrow_array") else None
)


def arrow_strings(values: list[str | None]) -> Any:
    """The strings (None: missing) as the schema's string array, built in one go."""
    if STRING_TEMPLATE is not None:
        return STRING_TEMPLATE._from_pyarrow_array(pa.array(values, type=pa.large_string()))
    if ARROW_STRINGS:  # pragma: no cover - a pandas without that constructor
        return pd.arrays.ArrowStringArray(
            pa.chunked_array([pa.array(values, type=pa.large_string())])
        )
    return pd.array(values, dtype=schema.STRING)  # pragma: no cover


try:  # pandas >= 3: a table straight from ready typed arrays, one block each
    from pandas.api.internals import create_dataframe_from_blocks as _from_blocks
except ImportError:  # pragma: no cover - older pandas
    _from_blocks = None


@functools.cache
def _placements(n: int) -> list[np.ndarray]:
    return [np.array([i]) for i in range(n)]


def blocks_frame(arrays: list[Any], columns: pd.Index, index: pd.Index) -> pd.DataFrame:
    """The table of ready typed ``arrays`` (1-D; one per column), one block each, with no
    dtype grouping or re-validation where pandas allows it."""
    if _from_blocks is not None:
        values = [v.reshape(1, -1) if isinstance(v, np.ndarray) else v for v in arrays]
        return _from_blocks(list(zip(values, _placements(len(values)), strict=True)),
                            index=index, columns=columns)
    from_arrays = getattr(pd.DataFrame, "_from_arrays", None)  # pragma: no cover
    if from_arrays is not None:  # pragma: no cover
        try:  # pandas' own fast path for ready typed arrays (skips re-validating each)
            return from_arrays(arrays, columns=columns, index=index, verify_integrity=False)
        except TypeError:  # a pandas without these keywords
            pass
    return pd.DataFrame(dict(zip(columns, arrays, strict=True)), index=index,
                        copy=False)  # pragma: no cover


# ------------------------------------------------- typed columns from any Python values


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
    return datetime_array(stamps)


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


def typed_arrays(cols: Mapping[str, list[Any]], columns: Mapping[str, Any]) -> list[Any]:
    """One typed array per name of ``columns`` (the dtypes of a schema such as
    :data:`econnews.schema.CLAIMS`), from ``cols`` (one list of values per name, all of one
    length; a name ``cols`` lacks is all NA)."""
    n = len(next(iter(cols.values()))) if cols else 0
    arrays = []
    for name, dtype in columns.items():
        values = cols.get(name)
        if values is None:
            values = [None] * n
        built = _builder(dtype)(values)
        arrays.append(_slow(values, name, dtype).array if built is None else built)
    return arrays


def typed_frame(cols: Mapping[str, list[Any]], columns: Mapping[str, Any]) -> pd.DataFrame:
    """The table of :func:`typed_arrays`, its columns in the order of ``columns``."""
    n = len(next(iter(cols.values()))) if cols else 0
    return blocks_frame(typed_arrays(cols, columns), pd.Index(list(columns)),
                        pd.RangeIndex(n))


def with_columns(frame: pd.DataFrame, arrays: Mapping[str, Any]) -> pd.DataFrame:
    """``frame`` with the typed ``arrays`` (one per name, as long as ``frame``) in place of
    its columns of those names, the others appended in order: what assigning them one by
    one gives, in one step. ``frame``'s own arrays are shared, not copied (pass a copy).

    >>> t = pd.DataFrame({"a": [1, 2], "b": [3, 4]})
    >>> with_columns(t, {"b": pd.array([5, 6]), "c": pd.array([7, 8])}).columns.tolist()
    ['a', 'b', 'c']
    """
    if _from_blocks is None or not frame.columns.is_unique:  # pragma: no cover
        out = frame
        for name, values in arrays.items():
            out[name] = values
        return out
    names = [*frame.columns, *(c for c in arrays if c not in frame.columns)]
    values = [arrays[c] if c in arrays else frame[c].array for c in names]
    values = [v.to_numpy() if isinstance(v, pd.arrays.NumpyExtensionArray) else v
              for v in values]
    return blocks_frame(values, pd.Index(names), frame.index).__finalize__(frame)
