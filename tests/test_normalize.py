"""Issue 3: money normalised across currencies and dates (econnews.normalize)."""

from __future__ import annotations

import datetime as dt
import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pandas as pd
import pytest
from currency_converter import CurrencyConverter

import econnews
from econnews import schema
from econnews.errors import (
    CurrencyMixError,
    InputError,
    MissingColumnsError,
    RatesError,
    SchemaError,
)
from econnews.normalization import rates as _rates
from econnews.normalization.convert import (
    NORMALIZED,
    deflate,
    normalize,
    normalized_columns,
    read_csv,
    read_parquet,
    to_pint,
    write_csv,
    write_parquet,
)

# The currencies the issue names; RUB is tested before 2022-03-01.
ISSUE_CURRENCIES = ["USD", "EUR", "JPY", "GBP", "CNY", "INR", "RUB", "KRW", "CHF", "AUD", "CAD"]
TUESDAY = dt.date(2021, 6, 15)


@pytest.fixture(scope="module")
def cc() -> CurrencyConverter:
    """An independent converter: the reference the tests compare against."""
    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


def money(*rows: tuple, **extra: list) -> pd.DataFrame:
    """A quantities table from (surface, value, unit, date[, kind]) rows."""
    surfaces, values, units, dates, kinds = [], [], [], [], []
    for row in rows:
        surface, value, unit, date = row[:4]
        surfaces.append(surface)
        values.append(value)
        units.append(unit)
        dates.append(date)
        kinds.append(row[4] if len(row) > 4 else "money")
    frame = pd.DataFrame({
        "doc_id": [f"d{i}" for i in range(len(rows))],
        "surface": surfaces, "kind": kinds, "value": values, "low": values, "high": values,
        "unit": units, "bound": ["="] * len(rows),
        "date": pd.to_datetime(pd.Series(dates, dtype=object)),
        **extra,
    })
    return schema.coerce(frame, schema.QUANTITIES)


# ----------------------------------------------------------------- cross rates

@pytest.mark.parametrize("target", ISSUE_CURRENCIES)
def test_cross_rates_equal_currencyconverter(target: str, cc: CurrencyConverter) -> None:
    q = money(*[(f"{c} 1.5 billion", 1.5e9, c, TUESDAY) for c in ISSUE_CURRENCIES])
    out = normalize(q, to=target)
    col = f"value_{target.lower()}"
    for _, row in out.iterrows():
        expected = cc.convert(1.5e9, row["unit"], target, date=TUESDAY)
        assert row[col] == pytest.approx(expected, rel=1e-9), row["unit"]
        assert row["fx_status"] == ("same" if row["unit"] == target else "exact")
        if row["unit"] != target:
            assert row["fx_source"] == "ECB"
            assert row["fx_date"] == pd.Timestamp(TUESDAY)


def test_low_high_converted_with_the_same_rate(cc: CurrencyConverter) -> None:
    q = money(("¥2-3 trillion", 2.5e12, "JPY", TUESDAY))
    q["low"] = pd.array([2e12], dtype="Float64")
    q["high"] = pd.array([3e12], dtype="Float64")
    out = normalize(q)
    rate = cc.convert(1, "JPY", "USD", date=TUESDAY)
    assert out.loc[0, "low_usd"] == pytest.approx(2e12 * rate, rel=1e-9)
    assert out.loc[0, "high_usd"] == pytest.approx(3e12 * rate, rel=1e-9)
    assert out.loc[0, "fx_rate"] == pytest.approx(rate, rel=1e-12)


# ------------------------------------------------------------- issue examples

def test_2019_article_converts_yen_and_dollars(cc: CurrencyConverter) -> None:
    day = dt.date(2019, 1, 22)
    q = money(("¥800 billion", 8e11, "JPY", day), ("$ 2.2 billion", 2.2e9, "USD", day))
    out = normalize(q)
    assert out["fx_status"].tolist() == ["exact", "same"]
    assert out.loc[0, "value_usd"] == pytest.approx(cc.convert(8e11, "JPY", "USD", date=day),
                                                    rel=1e-9)
    assert out.loc[1, "value_usd"] == 2.2e9
    assert out.loc[1, "fx_rate"] == 1.0


def test_2023_roubles_no_rate_then_user_rates(tmp_path) -> None:
    q = money(("1.2 trillion roubles", 1.2e12, "RUB", dt.date(2023, 6, 1)))
    before = normalize(q)
    assert before.loc[0, "fx_status"] == "no_rate"
    assert pd.isna(before.loc[0, "value_usd"]) and pd.isna(before.loc[0, "fx_rate"])
    assert pd.isna(before.loc[0, "fx_source"])

    cbr = pd.DataFrame({"date": ["2023-06-01"], "currency": ["RUB"], "per_usd": [80.9]})
    after = normalize(q, rates=cbr)
    assert after.loc[0, "fx_status"] == "exact"
    assert after.loc[0, "fx_source"] == "user"
    assert after.loc[0, "value_usd"] == pytest.approx(1.2e12 / 80.9, rel=1e-12)

    path = tmp_path / "cbr.csv"
    path.write_text("# Bank of Russia official rates (illustrative)\n"
                    "date,currency,per_usd\n2023-06-01,RUB,80.9\n", encoding="utf-8")
    assert normalize(q, rates=path).loc[0, "value_usd"] == after.loc[0, "value_usd"]


def test_rub_stops_after_march_2022_and_is_not_bridged() -> None:
    q = money(("a", 1e9, "RUB", dt.date(2022, 3, 1)),   # last ECB fixing
              ("b", 1e9, "RUB", dt.date(2022, 3, 2)),   # business day, no RUB
              ("c", 1e9, "RUB", dt.date(2022, 3, 5)))   # Saturday after the stop
    assert normalize(q)["fx_status"].tolist() == ["exact", "no_rate", "no_rate"]


def test_1987_reuters_h10_monthly_average_then_user_annual_rate() -> None:
    # issue 11: before 1999 the Fed's H.10 monthly average converts (was out_of_range)
    q = money(("1.5 billion yen", 1.5e9, "JPY", dt.date(1987, 3, 26)),
              ("40 mln dlrs", 4e7, "USD", dt.date(1987, 3, 26)))
    out = normalize(q)
    assert out["fx_status"].tolist() == ["monthly_average", "same"]
    assert out.loc[0, "fx_source"] == "H10"
    assert out.loc[0, "fx_date"] == pd.Timestamp("1987-03-01")
    assert out.loc[0, "value_usd"] == pytest.approx(1.5e9 / 151.4332, rel=1e-9)
    annual = pd.DataFrame({"date": [1987], "currency": ["JPY"], "per_usd": [144.64]})
    out = normalize(q, rates=annual)
    assert out.loc[0, "fx_status"] == "exact" and out.loc[0, "fx_source"] == "user"
    assert out.loc[0, "value_usd"] == pytest.approx(1.5e9 / 144.64, rel=1e-12)
    assert out.loc[0, "fx_date"] == pd.Timestamp("1987-03-26")


def test_saturday_gets_friday_rate_as_nearest(cc: CurrencyConverter) -> None:
    q = money(("¥800 billion", 8e11, "JPY", dt.date(2019, 1, 19)))
    out = normalize(q)
    assert out.loc[0, "fx_status"] == "nearest"
    assert out.loc[0, "fx_date"] == pd.Timestamp("2019-01-18")
    friday = cc.convert(8e11, "JPY", "USD", date=dt.date(2019, 1, 18))
    assert out.loc[0, "value_usd"] == pytest.approx(friday, rel=1e-9)


def test_christmas_holidays_stay_within_the_bound() -> None:
    q = money(("x", 1e6, "GBP", dt.date(2019, 12, 26)))  # TARGET holiday
    out = normalize(q)
    assert out.loc[0, "fx_status"] == "nearest"
    assert out.loc[0, "fx_date"] == pd.Timestamp("2019-12-24")
    assert (pd.Timestamp("2019-12-26") - out.loc[0, "fx_date"]).days <= _rates.NEAREST_MAX_DAYS


def test_no_date_and_fixed_date() -> None:
    q = money(("¥1 billion", 1e9, "JPY", None), ("$5", 5.0, "USD", None))
    out = normalize(q)
    assert out["fx_status"].tolist() == ["no_date", "same"]
    fixed = normalize(q, date="2019-01-22")
    assert fixed["fx_status"].tolist() == ["exact", "same"]
    assert (fixed["fx_date"] == pd.Timestamp("2019-01-22")).all()


def test_fixed_date_overrides_the_article_date() -> None:
    q = money(("¥1 billion", 1e9, "JPY", dt.date(2010, 5, 4)))
    a = normalize(q, date=dt.date(2019, 1, 22))
    b = normalize(money(("¥1 billion", 1e9, "JPY", dt.date(2019, 1, 22))))
    assert a.loc[0, "value_usd"] == b.loc[0, "value_usd"]


def test_unknown_or_missing_currency_is_no_rate_not_a_crash() -> None:
    q = money(("5 zorkmids", 5.0, "ZZZ", TUESDAY), ("five", 5.0, None, TUESDAY),
              ("Rs 5", 5.0, "rupees", TUESDAY))
    assert normalize(q)["fx_status"].tolist() == ["no_rate"] * 3


# ------------------------------------------------------------ table contract

def test_non_money_rows_pass_through_untouched() -> None:
    q = money(("5%", 5.0, "percent", TUESDAY, "percent"),
              ("1.5 times", 1.5, "times", TUESDAY, "ratio"),
              ("$30 billion", 3e10, "USD", TUESDAY))
    out = normalize(q)
    pd.testing.assert_frame_equal(out[list(q.columns)], q)
    for col in NORMALIZED:
        assert out.loc[:1, col].isna().all(), col
    assert out.loc[2, "fx_status"] == "same"


def test_input_not_modified_and_dtypes_typed() -> None:
    q = money(("¥800 billion", 8e11, "JPY", TUESDAY))
    copy = q.copy()
    out = normalize(q, to="EUR")
    pd.testing.assert_frame_equal(q, copy)
    assert out is not q
    schema.validate(out, normalized_columns("EUR"), stage="test")
    schema.validate(out, schema.QUANTITIES, stage="test")
    schema.validate(normalize(q), NORMALIZED, stage="test")


def test_empty_table() -> None:
    out = normalize(schema.empty(schema.QUANTITIES))
    assert len(out) == 0
    schema.validate(out, NORMALIZED, stage="test")


def test_index_is_kept() -> None:
    q = money(("a", 1e9, "JPY", TUESDAY), ("b", 2e9, "JPY", TUESDAY))
    q.index = [10, 3]
    out = normalize(q)
    assert list(out.index) == [10, 3]
    assert out.loc[3, "value_usd"] == pytest.approx(2 * out.loc[10, "value_usd"])


def test_missing_columns_are_named() -> None:
    q = money(("a", 1e9, "JPY", TUESDAY)).drop(columns=["unit"])
    with pytest.raises(MissingColumnsError, match="'unit'"):
        normalize(q)
    q = money(("a", 1e9, "JPY", TUESDAY)).drop(columns=["date"])
    with pytest.raises(MissingColumnsError, match="'date'"):
        normalize(q)
    assert normalize(q, date="2021-06-15").loc[0, "fx_status"] == "exact"


@pytest.mark.parametrize("to", ["XYZ", "dollars", "", 5])
def test_bad_target(to: object) -> None:
    with pytest.raises(InputError):
        normalize(money(("a", 1.0, "JPY", TUESDAY)), to=to)


def test_target_is_case_insensitive_and_user_currency_allowed() -> None:
    q = money(("a", 1e9, "JPY", TUESDAY))
    assert "value_gbp" in normalize(q, to="gbp").columns
    rub = pd.DataFrame({"date": ["2023"], "currency": ["RUB"], "per_usd": [85.0]})
    out = normalize(money(("$1", 1.0, "USD", dt.date(2023, 6, 1))), to="RUB", rates=rub)
    assert out.loc[0, "value_rub"] == pytest.approx(85.0)


def test_bad_date_option() -> None:
    with pytest.raises(InputError, match="not a date"):
        normalize(money(("a", 1.0, "JPY", TUESDAY)), date="someday")


# ------------------------------------------------------------------ user rates

def test_daily_rate_wins_over_period_rate() -> None:
    rates = pd.DataFrame({
        "date": ["2023", "2023Q2", "2023-06", "2023-06-01"],
        "currency": ["RUB"] * 4,
        "per_usd": [85.0, 83.0, 82.0, 80.0],
    })
    q = money(("a", 1e9, "RUB", dt.date(2023, 6, 1)), ("b", 1e9, "RUB", dt.date(2023, 6, 2)),
              ("c", 1e9, "RUB", dt.date(2023, 5, 2)), ("d", 1e9, "RUB", dt.date(2023, 9, 2)))
    out = normalize(q, rates=rates)
    assert out["fx_rate"].tolist() == pytest.approx([1 / 80, 1 / 82, 1 / 83, 1 / 85])
    assert out["fx_status"].tolist() == ["exact"] * 4


def test_user_rate_per_eur_crosses_with_ecb_on_the_same_day(cc: CurrencyConverter) -> None:
    rates = pd.DataFrame({"date": ["2023"], "currency": ["RUB"], "per_eur": [92.0]})
    day = dt.date(2023, 6, 1)
    out = normalize(money(("a", 92e9, "RUB", day)), rates=rates)
    assert out.loc[0, "fx_source"] == "user"
    assert out.loc[0, "value_usd"] == pytest.approx(1e9 * cc.convert(1, "EUR", "USD", date=day),
                                                    rel=1e-12)
    # a Saturday: the ECB leg comes from Friday, and so does the date used
    sat = normalize(money(("a", 92e9, "RUB", dt.date(2023, 6, 3))), rates=rates)
    assert sat.loc[0, "fx_status"] == "nearest"
    assert sat.loc[0, "fx_date"] == pd.Timestamp("2023-06-02")


def test_user_rates_take_precedence_over_ecb() -> None:
    rates = pd.DataFrame({"date": ["2021-06-15"], "currency": ["JPY"], "per_usd": [100.0]})
    out = normalize(money(("a", 1e9, "JPY", TUESDAY), ("b", 1e9, "GBP", TUESDAY)), rates=rates)
    assert out["fx_source"].tolist() == ["user", "ECB"]
    assert out.loc[0, "value_usd"] == pytest.approx(1e7)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"date": ["2023"], "per_usd": [80.0]}, "'currency'"),
        ({"date": ["2023"], "currency": ["RUB"]}, "neither per_usd nor per_eur"),
        ({"date": ["2023"], "currency": ["RUB"], "per_usd": [80.0], "per_eur": [90.0]},
         "both per_usd and per_eur"),
        ({"date": ["2023", "last year"], "currency": ["RUB", "RUB"], "per_usd": [80.0, 81.0]},
         "row 1: date 'last year'"),
        ({"date": ["2023"], "currency": ["roubles"], "per_usd": [80.0]}, "row 0: currency"),
        ({"date": ["2023"], "currency": ["RUB"], "per_usd": [-80.0]}, "not a positive"),
        ({"date": ["2023"], "currency": ["RUB"], "per_usd": ["n/a"]}, "not a positive"),
        ({"date": ["2023", "2023"], "currency": ["RUB", "RUB"], "per_usd": [80.0, 81.0]},
         "row 1: a second, different RUB rate for 2023 \\(first at row 0\\)"),
        ({"date": ["2023"], "currency": ["USD"], "per_usd": [2.0]}, "USD per_usd must be 1"),
    ],
)
def test_bad_rates_tables_name_the_row(table: dict, message: str) -> None:
    q = money(("a", 1e9, "RUB", dt.date(2023, 6, 1)))
    with pytest.raises(RatesError, match=message):
        normalize(q, rates=pd.DataFrame(table))


def test_bad_rates_csv_names_the_line(tmp_path) -> None:
    path = tmp_path / "rates.csv"
    path.write_text("# source: test\ndate,currency,per_usd\n2023,RUB,80\n\n2023-13-45,RUB,81\n",
                    encoding="utf-8")
    with pytest.raises(RatesError, match="line 5: date '2023-13-45'"):
        normalize(money(("a", 1e9, "RUB", dt.date(2023, 6, 1))), rates=path)
    with pytest.raises(RatesError, match="cannot read"):
        normalize(money(("a", 1e9, "RUB", dt.date(2023, 6, 1))), rates=tmp_path / "no.csv")
    with pytest.raises(RatesError, match="DataFrame or a CSV path"):
        normalize(money(("a", 1e9, "RUB", dt.date(2023, 6, 1))), rates=[("2023", "RUB", 80)])


# ------------------------------------------------------------- corpus use

def test_group_by_concept_sums_value_usd(cc: CurrencyConverter) -> None:
    d1, d2 = dt.date(2019, 1, 22), dt.date(2021, 6, 15)
    q = money(("¥800 billion", 8e11, "JPY", d1), ("$ 2.2 billion", 2.2e9, "USD", d1),
              ("€3bn", 3e9, "EUR", d2), ("£1bn", 1e9, "GBP", d2),
              ("5%", 5.0, "percent", d2, "percent"),
              concept=["investment", "investment", "trade", "trade", "trade"])
    out = normalize(q)
    totals = out.groupby("concept")["value_usd"].sum()
    assert totals["investment"] == pytest.approx(cc.convert(8e11, "JPY", "USD", date=d1) + 2.2e9,
                                                 rel=1e-9)
    assert totals["trade"] == pytest.approx(cc.convert(3e9, "EUR", "USD", date=d2)
                                            + cc.convert(1e9, "GBP", "USD", date=d2), rel=1e-9)
    assert out.groupby("concept")["value_usd"].sum().dtype == "Float64"


def test_no_network_at_run_time(monkeypatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    _rates.ecb.cache_clear()  # rebuild the converter under the guard
    out = normalize(money(("¥800 billion", 8e11, "JPY", dt.date(2019, 1, 22))))
    assert out.loc[0, "fx_status"] == "exact"


# -------------------------------------------------------------------- pint

def test_to_pint_single_currency_selection() -> None:
    q = money(("¥800 billion", 8e11, "JPY", TUESDAY), ("¥1 trillion", 1e12, "JPY", TUESDAY))
    s = to_pint(q)
    assert str(s.dtype) == "pint[JPY][Float64]"
    assert s.dtype != object
    assert s.pint.magnitude.tolist() == [8e11, 1e12]


def test_to_pint_refuses_mixed_currencies() -> None:
    q = money(("¥800 billion", 8e11, "JPY", TUESDAY), ("$ 2.2 billion", 2.2e9, "USD", TUESDAY))
    with pytest.raises(CurrencyMixError, match="JPY, USD"):
        to_pint(q)
    # after normalize the one-currency column is fine, and typed, not object
    s = to_pint(normalize(q), column="value_usd")
    assert str(s.dtype) == "pint[USD][Float64]"


def test_to_pint_other_errors() -> None:
    with pytest.raises(InputError, match="unit="):
        to_pint(pd.Series([1.0, 2.0], name="amount"))
    with pytest.raises(InputError, match="not a unit"):
        to_pint(pd.Series([1.0]), unit="zorkmid")
    q = money(("5%", 5.0, "percent", TUESDAY, "percent"), ("5 t", 5.0, "tonne", TUESDAY))
    with pytest.raises(InputError, match="several units"):
        to_pint(q)
    with pytest.raises(MissingColumnsError, match="'value_eur'"):
        to_pint(q, column="value_eur")


def test_normalize_pint_column_is_typed_even_for_mixed_input() -> None:
    q = money(("¥800 billion", 8e11, "JPY", TUESDAY), ("$ 2.2 billion", 2.2e9, "USD", TUESDAY),
              ("5%", 5.0, "percent", TUESDAY, "percent"))
    out = normalize(q, pint=True)
    assert str(out["amount_usd"].dtype) == "pint[USD][Float64]"
    assert out["amount_usd"].isna().tolist() == [False, False, True]
    total = out["amount_usd"].sum()
    assert str(total.units) == "USD"
    assert total.magnitude == pytest.approx(out["value_usd"].sum())


# ------------------------------------------------------------- round trips

def sample_normalized(*, pint: bool = False) -> pd.DataFrame:
    q = money(("¥800 billion", 8e11, "JPY", dt.date(2019, 1, 22)),
              ("$ 2.2 billion", 2.2e9, "USD", dt.date(2019, 1, 22)),
              ("1.2 trillion roubles", 1.2e12, "RUB", dt.date(2023, 6, 1)),
              ("5%", 5.0, "percent", dt.date(2019, 1, 19), "percent"),
              ("€1bn", 1e9, "EUR", None))
    return normalize(q, pint=pint)


def test_plain_parquet_round_trip_keeps_dtypes(tmp_path) -> None:
    out = sample_normalized()
    path = tmp_path / "n.parquet"
    out.to_parquet(path)
    back = pd.read_parquet(path)
    schema.validate(back, NORMALIZED, stage="test")
    pd.testing.assert_series_equal(back["value_usd"], out["value_usd"])
    assert back["fx_status"].tolist() == out["fx_status"].tolist()


def test_parquet_helpers_keep_pint_and_units(tmp_path) -> None:
    import pyarrow.parquet as pq

    out = sample_normalized(pint=True)
    path = tmp_path / "n.parquet"
    write_parquet(out, path)
    back = read_parquet(path)
    assert str(back["amount_usd"].dtype) == "pint[USD][Float64]"
    pd.testing.assert_series_equal(back["value_usd"], out["value_usd"])
    schema.validate(back, NORMALIZED, stage="test")
    meta = pq.read_schema(path).metadata[b"econnews"]
    assert b'"value_usd": "USD"' in meta and b'"amount_usd": "USD"' in meta


def test_csv_round_trip_keeps_units_and_dtypes(tmp_path) -> None:
    out = sample_normalized(pint=True)
    path = tmp_path / "n.csv"
    write_csv(out, path)
    names, units, tags = path.read_text(encoding="utf-8").splitlines()[:3]
    assert names.split(",")[-1] == "amount_usd" and units.split(",")[-1] == "USD"
    assert tags.split(",")[-1] == "pint"
    back = read_csv(path)
    assert str(back["amount_usd"].dtype) == "pint[USD][Float64]"
    plain = back.drop(columns=["amount_usd"])
    pd.testing.assert_frame_equal(plain, out.drop(columns=["amount_usd"]), check_dtype=True)


def test_read_csv_refuses_foreign_files(tmp_path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="three header rows"):
        read_csv(path)


# ----------------------------------------------------------------- deflate

def test_deflate_with_user_index() -> None:
    out = sample_normalized()
    index = pd.Series({2019: 90.0, 2023: 110.0, 2020: 100.0})
    real = deflate(out, 2020, index=index)
    assert real.loc[0, "real_value_usd"] == pytest.approx(out.loc[0, "value_usd"] * 100 / 90)
    assert real.loc[1, "deflator"] == pytest.approx(100 / 90)
    assert pd.isna(real.loc[2, "real_value_usd"])        # no USD amount (no_rate)
    assert pd.isna(real.loc[3, "deflator"])              # not money
    assert pd.isna(real.loc[4, "deflator"])              # no date
    assert (real["price_base"] == 2020).all()
    assert real["real_low_usd"].dtype == "Float64"
    frame_index = pd.DataFrame({"year": [2019, 2020], "index": [90.0, 100.0]})
    pd.testing.assert_series_equal(deflate(out, 2020, index=frame_index)["deflator"].iloc[:2],
                                   real["deflator"].iloc[:2])


def test_deflate_errors() -> None:
    out = sample_normalized()
    with pytest.raises(InputError, match="base year 2000"):
        deflate(out, 2000, index={2019: 1.0})
    with pytest.raises(InputError, match="positive"):
        deflate(out, 2019, index={2019: -1.0})
    with pytest.raises(CurrencyMixError, match="several currencies"):
        deflate(out, 2019, index={2019: 1.0}, value="value")


def test_deflate_with_cpi_package() -> None:
    cpi = pytest.importorskip("cpi", reason="the optional 'cpi' package is not installed")
    out = sample_normalized()
    real = deflate(out, 2020)
    assert real.loc[1, "deflator"] == pytest.approx(cpi.get(2020) / cpi.get(2019))


# -------------------------------------------------------------- end to end

def test_end_to_end_through_extract(cc: CurrencyConverter) -> None:
    text = "Japan has invested $30 billion, and Tokyo pledged ¥800 billion more."
    q = econnews.extract(text, doc_id="a1", date="2019-01-22")
    out = normalize(q)
    usd = out[(out["kind"] == "money") & (out["unit"] == "USD")]
    assert usd["value_usd"].tolist() == [3e10]
    jpy = out[(out["kind"] == "money") & (out["unit"] == "JPY")]
    for _, row in jpy.iterrows():
        expected = cc.convert(row["value"], "JPY", "USD", date=dt.date(2019, 1, 22))
        assert row["value_usd"] == pytest.approx(expected, rel=1e-9)
        assert row["fx_status"] == "exact"


def test_public_names_are_the_functions() -> None:
    # econnews/__init__.py must import these eagerly: once the submodule
    # econnews.normalize is imported (as this file does), the package attribute
    # would otherwise be the module, not the function.
    assert econnews.normalize is normalize
    assert econnews.to_pint is to_pint
    assert econnews.deflate is deflate


def test_non_numeric_values_raise_a_coded_error() -> None:
    q = money(("a", 1.0, "JPY", TUESDAY))
    q["value"] = pd.Series(["lots"], dtype=object)
    with pytest.raises(SchemaError, match="'value' is not numeric"):
        normalize(q)


def test_import_is_light_and_offline() -> None:
    # a fresh interpreter: importing the stage loads neither pint nor the rates file,
    # and neither import nor a conversion touches the network
    code = """
import socket, sys, urllib.request
def refuse(*a, **k):
    raise AssertionError("network access attempted")
socket.socket.connect = refuse
urllib.request.urlopen = refuse
import importlib
n = importlib.import_module("econnews.normalization.convert")
heavy = [m for m in ("pint_pandas", "currency_converter") if m in sys.modules]
assert not heavy, heavy
import pandas as pd
from econnews import schema
q = schema.coerce(pd.DataFrame({"kind": ["money"], "value": [8e11], "low": [8e11],
    "high": [8e11], "unit": ["JPY"], "date": pd.to_datetime(["2019-01-22"])}),
    schema.QUANTITIES)
assert n.normalize(q, pint=True).loc[0, "fx_status"] == "exact"
"""
    repo = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], cwd=repo, capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(repo)}, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
