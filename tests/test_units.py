"""Issue 3: the econnews pint registry (econnews.units) and its generated data file."""

from __future__ import annotations

import pandas as pd
import pint
import pytest

from econnews.errors import InputError
from econnews.normalization import fx_units_gen as _fx_units_gen
from econnews.normalization import rates as _rates
from econnews.units import (
    DEFINITIONS,
    currency_codes,
    is_currency,
    parse_unit,
    ureg,
    use_with_pint_pandas,
)

Q = ureg.Quantity


def test_generated_definitions_are_up_to_date() -> None:
    # regenerate and diff: a pycountry or currencyconverter upgrade that changes the
    # currency list shows up here; fix with `python -m econnews.normalization.fx_units_gen`
    assert DEFINITIONS.read_text(encoding="utf-8") == _fx_units_gen.generate()


def test_definitions_file_shape() -> None:
    lines = DEFINITIONS.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# econnews pint definitions")
    currency_lines = [line for line in lines if "= [currency_" in line and not line.startswith("#")]
    assert len(currency_lines) == len(currency_codes()) >= 170
    for line in currency_lines:
        code = line.split(" ", 1)[0]
        assert line.startswith(f"{code} = [currency_{code}]  # "), line
        assert line.endswith(("(iso4217)", "(ecb-retired)", "(iso4217-historic)")), line


def test_every_ecb_currency_is_defined() -> None:
    assert _rates.ecb_currencies() <= currency_codes()


@pytest.mark.parametrize("code", [*sorted(_fx_units_gen.RETIRED), "USD", "JPY", "RUB", "INR"])
def test_each_currency_is_its_own_dimension(code: str) -> None:
    assert parse_unit(code).dimensionality == {f"[currency_{code}]": 1}


@pytest.mark.parametrize(("a", "b"), [("USD", "JPY"), ("EUR", "USD"), ("RUB", "GBP")])
def test_currencies_never_convert_statically(a: str, b: str) -> None:
    assert not Q(1, a).is_compatible_with(b)
    with pytest.raises(pint.DimensionalityError):
        Q(1, a).to(b)


def test_currency_sums_need_one_currency() -> None:
    assert (Q(2.2, "billion USD") + Q(30, "billion USD")).to("USD").magnitude == pytest.approx(
        3.22e10)
    with pytest.raises(pint.DimensionalityError):
        Q(1, "USD") + Q(1, "JPY")


@pytest.mark.parametrize(
    ("text", "unit", "magnitude"),
    [
        ("2.2 billion * USD", "USD", 2.2e9),
        ("2.2 bn * USD", "USD", 2.2e9),
        ("40 mln * USD", "USD", 4e7),
        ("5000 crore * INR", "INR", 5e10),
        ("3 lakh * INR", "INR", 3e5),
        ("1.2 trillion * RUB", "RUB", 1.2e12),
        ("7 thousand * EUR", "EUR", 7e3),
        ("5 percent", "dimensionless", 0.05),
        ("1.5 times", "dimensionless", 1.5),
        ("2 fold", "dimensionless", 2.0),
    ],
)
def test_scale_words_percent_and_ratios(text: str, unit: str, magnitude: float) -> None:
    assert ureg(text).to(unit).magnitude == pytest.approx(magnitude)


def test_percentage_point_does_not_mix_with_percent() -> None:
    assert not Q(1, "percentage_point").is_compatible_with("percent")
    assert Q(2, "percentage_points").to("percentage_point").magnitude == 2


@pytest.mark.parametrize(
    ("unit", "dimensionality"),
    [
        ("barrel / day", {"[length]": 3, "[time]": -1}),
        ("tonne", {"[mass]": 1}),
        ("kilometer", {"[length]": 1}),
        ("megawatt", {"[length]": 2, "[mass]": 1, "[time]": -3}),
        ("meter ** 3", {"[length]": 3}),
        ("percent", {}),
    ],
)
def test_extractor_measures_parse(unit: str, dimensionality: dict) -> None:
    assert parse_unit(unit).dimensionality == dimensionality


@pytest.mark.parametrize("bad", ["zorkmid", "USD USD +", "", "  ", None, 5])
def test_bad_units_raise_input_error(bad: object) -> None:
    with pytest.raises(InputError):
        parse_unit(bad)  # type: ignore[arg-type]


def test_is_currency() -> None:
    assert is_currency("EEK") and is_currency("USD")
    assert not is_currency("usd") and not is_currency("percent") and not is_currency(3)


def test_pint_pandas_uses_the_registry() -> None:
    use_with_pint_pandas()
    s = pd.Series([1.0, 2.0]).astype("pint[JPY]")
    assert s.pint.units == ureg.JPY
    assert s.dtype != object
