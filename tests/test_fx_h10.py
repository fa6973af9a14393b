"""Issue 11: the Federal Reserve H.10 monthly rates fill what the ECB lacks (1971 on)."""

from __future__ import annotations

import csv
import datetime as dt
import warnings
from pathlib import Path

import pandas as pd
import pytest

import econnews
from econnews import schema
from econnews.errors import EconnewsWarning
from econnews.normalization import h10_gen
from econnews.normalization import rates as _rates

DATA = Path(econnews.__file__).with_name("data") / "fx_h10_monthly.csv"


def _money(*rows: tuple[str, float, str, str]) -> pd.DataFrame:
    frame = pd.DataFrame({
        "surface": [r[0] for r in rows], "kind": ["money"] * len(rows),
        "value": [r[1] for r in rows], "low": [r[1] for r in rows],
        "high": [r[1] for r in rows], "unit": [r[2] for r in rows],
        "date": pd.to_datetime([r[3] for r in rows])})
    return schema.coerce(frame, schema.QUANTITIES)


@pytest.mark.shared
def test_derived_file_regenerates_identically(shared: Path) -> None:
    source = shared / "data" / "fed-h10" / "monthly.csv"
    if not source.exists():
        pytest.skip(f"{source} is absent")
    assert DATA.read_text(encoding="utf-8") == h10_gen.generate(source), (
        "econnews/data/fx_h10_monthly.csv is out of step: "
        "python -m econnews.normalization.h10_gen")


def test_derived_file_shape_and_source_recorded() -> None:
    text = DATA.read_text(encoding="utf-8")
    assert "Federal Reserve" in text.splitlines()[0] and "PDDL" in text
    rows = list(csv.reader(line for line in text.splitlines() if not line.startswith("#")))
    header, body = rows[0], rows[1:]
    assert header[0] == "month" and set(header[1:]) == set(h10_gen.COUNTRY_CODES.values())
    months = [r[0] for r in body]
    assert months == sorted(months) and months[0] == "1971-01"
    for r in body:
        assert len(r) == len(header)
        assert all(v == "" or float(v) > 0 for v in r[1:])


@pytest.mark.parametrize(("unit", "per_usd"), [("JPY", 151.4332), ("DEM", 1.8355),
                                               ("GBP", 0.628), ("FRF", 6.1091)])
def test_1987_figures_convert_at_the_months_average(unit: str, per_usd: float) -> None:
    out = econnews.normalize(_money(("x", 1e9, unit, "1987-03-24")))
    assert out.loc[0, "fx_status"] == "monthly_average"
    assert out.loc[0, "fx_source"] == "H10"
    assert out.loc[0, "fx_date"] == pd.Timestamp("1987-03-01")
    assert out.loc[0, "value_usd"] == pytest.approx(1e9 / per_usd, rel=1e-9)


def test_ecb_stays_first_where_it_covers_the_day() -> None:
    out = econnews.normalize(_money(("x", 1e9, "JPY", "2019-01-22")))
    assert (out.loc[0, "fx_source"], out.loc[0, "fx_status"]) == ("ECB", "exact")


def test_a_currency_the_ecb_lacks_gets_h10_after_1999() -> None:
    out = econnews.normalize(_money(("x", 1e9, "TWD", "2019-01-22")))
    assert out.loc[0, "fx_source"] == "H10"
    assert out.loc[0, "value_usd"] == pytest.approx(1e9 * _rates.h10_rate("TWD", "USD",
                                                                          "2019-01"))


def test_no_rate_is_invented_where_h10_has_none() -> None:
    out = econnews.normalize(_money(("x", 1e9, "RUB", "1987-03-24"),
                                    ("y", 1e9, "EUR", "1987-03-24")))
    assert out["fx_status"].tolist() == ["out_of_range", "out_of_range"]
    assert out["value_usd"].isna().all()


def test_after_the_last_rate_converts_at_the_latest_with_one_warning() -> None:
    _, last = _rates.ecb_range()
    later = (last + dt.timedelta(days=40)).isoformat()
    q = _money(("x", 1e9, "JPY", later), ("y", 2e9, "GBP", later), ("z", 5.0, "USD", later))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = econnews.normalize(q)
    ours = [w for w in caught if issubclass(w.category, EconnewsWarning)]
    assert len(ours) == 1 and "2 money row(s)" in str(ours[0].message)
    assert out["fx_status"].tolist() == ["latest", "latest", "same"]
    assert out.loc[0, "fx_date"] <= pd.Timestamp(last)
    assert out["value_usd"].notna().all()
