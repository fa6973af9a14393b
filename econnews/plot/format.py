"""Numbers, money and units the way a report writes them (axis ticks, labels)."""

from __future__ import annotations

import math
import re

from matplotlib.ticker import FuncFormatter

SYMBOLS: dict[str, str] = {
    "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "CN¥", "RUB": "₽",
    "INR": "₹", "KRW": "₩", "CHF": "CHF ", "CAD": "C$", "AUD": "A$",
}
"""The symbol a chart writes before an amount in each currency (others: the ISO code).

>>> SYMBOLS["USD"], SYMBOLS["EUR"], SYMBOLS["JPY"]
('$', '€', '¥')
"""
_SCALES = [(1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")]


# ---------------------------------------------------------------- formatting


def format_number(value: float, *, digits: int = 3) -> str:
    """A number the way a report writes it: ``4.9m``, ``400k``, ``1.5bn``, ``12``.

    >>> format_number(4.9e6), format_number(4e5), format_number(12), format_number(-2.5e9)
    ('4.9m', '400k', '12', '-2.5bn')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    sign = "-" if value < 0 else ""
    size = abs(float(value))
    number, suffix = f"{size:.{digits}g}", ""
    for scale, name in _SCALES:
        if size >= scale * 0.9995:
            number, suffix = f"{size / scale:.{digits}g}", name
            break
    if "e" in number:  # beyond trillions: keep it readable, not 1e+03tn
        number = f"{size / 1e12:,.0f}"
    return f"{sign}{number}{suffix}"


def format_money(value: float, currency: str = "USD", *, digits: int = 3) -> str:
    """A money amount the way a report writes it: ``$20bn``, ``€1.5m``, ``RUB 300k``.

    >>> format_money(3e10), format_money(-2.25e6, "EUR"), format_money(4.2e12, "SEK")
    ('$30bn', '-€2.25m', 'SEK 4.2tn')
    >>> format_money(0)
    '$0'
    """
    text = format_number(value, digits=digits)
    if not text:
        return ""
    sign, number = ("-", text[1:]) if text.startswith("-") else ("", text)
    symbol = SYMBOLS.get(currency)
    if symbol is None:
        return f"{sign}{currency} {number}"
    return f"{sign}{symbol}{number}"


def _is_currency(unit: object) -> bool:
    """True for an ISO 4217-shaped code (``USD``, ``JPY``): the axis is then money."""
    return isinstance(unit, str) and re.fullmatch(r"[A-Z]{3}", unit) is not None


def unit_label(unit: str) -> str:
    """How an axis names a unit: the currency code, or pint's name in words.

    >>> unit_label("USD"), unit_label("metric_ton"), unit_label("barrel / day")
    ('USD', 'metric tons', 'barrels per day')
    """
    if _is_currency(unit):
        return unit
    import pint

    from ..units import ureg

    try:
        name = f"{ureg.Unit(unit):P}"
    except (pint.PintError, AttributeError, TypeError, ValueError, SyntaxError):
        return unit  # a unit pint does not know is shown as written
    head, _, per = name.replace("_", " ").partition("/")
    head = head.strip()
    plural = head if head.endswith("s") or head in {"", "percent", "times"} else head + "s"
    return f"{plural} per {per.strip()}" if per else plural


def format_amount(value: float, unit: str = "USD", *, digits: int = 3) -> str:
    """Money as :func:`format_money`; other units as a number and the unit's name.

    >>> format_amount(2e10), format_amount(4.9e6, "metric_ton")
    ('$20bn', '4.9m metric tons')
    """
    if _is_currency(unit):
        return format_money(value, unit, digits=digits)
    text = format_number(value, digits=digits)
    return f"{text} {unit_label(unit)}" if text else ""


def money_formatter(currency: str = "USD") -> FuncFormatter:
    """A tick formatter writing amounts as :func:`format_money` does.

    >>> money_formatter()(1.5e9, 0)
    '$1.5bn'
    """
    return FuncFormatter(lambda value, _pos: format_money(value, currency))


def amount_formatter(unit: str = "USD") -> FuncFormatter:
    """Ticks for a value axis: money with its symbol, other units as bare ``4.9m``.

    >>> amount_formatter("metric_ton")(4e5, 0), amount_formatter("JPY")(5e11, 0)
    ('400k', '¥500bn')
    """
    if _is_currency(unit):
        return money_formatter(unit)
    return FuncFormatter(lambda value, _pos: format_number(value))


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``1 claim``, ``3 claims``, ``2 quantities`` (``many`` for irregular plurals).

    >>> plural(1, "claim"), plural(3, "claim"), plural(2, "quantity", "quantities")
    ('1 claim', '3 claims', '2 quantities')
    """
    word = noun if n == 1 else (many or noun + "s")
    return f"{n:,} {word}"
