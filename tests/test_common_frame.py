"""The typed table built from Python values is the one pandas builds from object columns."""

from __future__ import annotations

import datetime as _dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from econnews import schema
from econnews.common.frame import typed_frame

_CAT = schema.category(["up", "down"])
_COLUMNS = {"f": schema.FLOAT, "i": schema.INT, "s": schema.STRING, "b": schema.BOOL,
            "c": _CAT, "d": schema.DATETIME}
_MISSING = st.sampled_from([None, pd.NA, pd.NaT, float("nan")])
_VALUES = {
    "f": st.one_of(_MISSING, st.floats(allow_nan=False), st.integers(-10**6, 10**6),
                   st.builds(np.float64, st.floats(allow_nan=False, width=32))),
    "i": st.one_of(_MISSING, st.integers(-10**12, 10**12), st.builds(np.int64, st.integers(0, 99))),
    "s": st.one_of(_MISSING, st.text(max_size=5), st.integers(0, 9)),  # a number: the slow way
    "b": st.one_of(_MISSING, st.booleans()),
    "c": st.one_of(_MISSING, st.sampled_from(["up", "down", "sideways"])),
    "d": st.one_of(_MISSING, st.builds(pd.Timestamp, st.datetimes(_dt.datetime(1678, 1, 1), _dt.datetime(2261, 1, 1))),
                   st.sampled_from(["2019-01-22", pd.Timestamp("2020-03-01", tz="Europe/Paris")])),
}


def _slow(cols: dict[str, list], columns: dict[str, object]) -> pd.DataFrame:
    out = {}
    for name, dtype in columns.items():
        col = pd.Series([pd.NA if v is None or v is pd.NaT or (isinstance(v, float) and v != v)
                         else v for v in cols[name]], dtype=object)
        out[name] = schema.to_datetimes(col, name) if dtype == schema.DATETIME \
            else col.astype(dtype)
    return pd.DataFrame(out)


@pytest.mark.filterwarnings("ignore:Constructing a Categorical")  # "sideways": either way
@settings(max_examples=200, deadline=None)
@given(st.integers(0, 6).flatmap(lambda n: st.fixed_dictionaries(
    {k: st.lists(v, min_size=n, max_size=n) for k, v in _VALUES.items()})))
def test_typed_frame_is_the_table_object_columns_give(cols):
    pd.testing.assert_frame_equal(typed_frame(cols, _COLUMNS), _slow(cols, _COLUMNS))


def test_a_column_the_values_lack_is_all_missing():
    t = typed_frame({"f": [1.5, None]}, {"f": schema.FLOAT, "s": schema.STRING})
    assert t["s"].isna().all() and str(t["s"].dtype) == "string"
