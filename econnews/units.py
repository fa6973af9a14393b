"""The one pint unit registry econnews uses: ``econnews.units.ureg``.

It is pint's default registry (so every measure the extractor emits, such as
``barrel / day`` or ``tonne``, parses) plus the definitions in
``econnews/data/currencies_units.txt``:

* every ISO 4217 currency as its **own dimension** -- ``USD`` and ``JPY`` do not
  convert statically, because their ratio depends on the date; use
  :func:`econnews.normalize` for that;
* scale words (``thousand``, ``lakh``, ``million``/``mn``, ``crore``,
  ``billion``/``bn``, ``trillion``/``tn``) as dimensionless multipliers;
* ``percentage_point`` as its own dimension (it never mixes with ``percent``),
  and ``times`` (ratios such as "1.5 times") as a dimensionless 1.

>>> from econnews.units import ureg
>>> ureg.Quantity(2.2, "billion USD").to("USD").magnitude
2200000000.0
>>> ureg.Quantity(1, "USD").is_compatible_with("JPY")
False
>>> str(ureg.Quantity(5, "percent").to("dimensionless").magnitude)
'0.05'

The registry is built on first import of this module (about 0.2 s), never at
``import econnews``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pint

__all__ = ["DEFINITIONS", "currency_codes", "is_currency", "parse_unit", "ureg",
           "use_with_pint_pandas"]

#: The pint definitions file (generated; see ``econnews.normalization.fx_units_gen``).
DEFINITIONS = Path(__file__).with_name("data") / "currencies_units.txt"


def _build() -> pint.UnitRegistry:
    reg = pint.UnitRegistry(on_redefinition="raise")
    reg.load_definitions(str(DEFINITIONS))
    return reg


#: The econnews registry. Quantities from other registries do not mix with it.
ureg: pint.UnitRegistry = _build()


@cache
def currency_codes() -> frozenset[str]:
    """Every currency code defined in the registry.

    >>> {"USD", "JPY", "RUB", "EEK"} <= currency_codes()
    True
    """
    codes = set()
    for line in DEFINITIONS.read_text(encoding="utf-8").splitlines():
        head = line.split("#", 1)[0].strip()
        if "= [currency_" in head:
            codes.add(head.split("=", 1)[0].strip())
    return frozenset(codes)


def is_currency(unit: object) -> bool:
    """Whether ``unit`` (a string) is a currency code the registry knows.

    >>> is_currency("JPY"), is_currency("tonne"), is_currency(None)
    (True, False, False)
    """
    return isinstance(unit, str) and unit in currency_codes()


def parse_unit(unit: str) -> pint.Unit:
    """The registry's unit for a unit string from a quantities table.

    Raises :class:`econnews.errors.InputError` when pint cannot read it.

    >>> str(parse_unit("barrel / day"))
    'barrel / day'
    >>> parse_unit("percentage_point").dimensionality
    <UnitsContainer({'[percentage_point]': 1})>
    """
    from .errors import InputError

    if not isinstance(unit, str) or not unit.strip():
        raise InputError(f"unit {unit!r} is not a unit string such as 'USD' or 'barrel / day'")
    try:
        return ureg.Unit(unit)
    except Exception as exc:  # pint's parser can also fail with bare assertion errors
        reason = str(exc) or type(exc).__name__
        raise InputError(f"unit {unit!r} is not a unit econnews' registry knows "
                         f"({reason})") from None


def use_with_pint_pandas() -> None:
    """Make pint-pandas build its ``pint[...]`` dtypes from this registry.

    pint-pandas keeps ONE registry for all its dtypes (``pint_pandas.PintType.ureg``);
    this sets it to :data:`ureg`, so that ``"pint[USD]"`` parses. Called by
    :func:`econnews.normalization.to_pint`; call it yourself before
    ``astype("pint[JPY]")``. It changes pint-pandas' global setting.

    >>> use_with_pint_pandas()
    >>> import pint_pandas
    >>> pint_pandas.PintType.ureg is ureg
    True
    """
    import pint_pandas

    if pint_pandas.PintType.ureg is not ureg:
        pint_pandas.PintType.ureg = ureg
        pint_pandas.PintType._cache.clear()
