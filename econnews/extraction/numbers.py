"""Turning written numbers into floats: digits with separators, glued fractions, spelled numbers.

>>> parse_digits("1,234.5")
1234.5
>>> parse_digits("8-1/8")
8.125
>>> parse_words("one hundred and twenty")
120.0
>>> parse_words("half a billion")
500000000.0
>>> parse_words("one and a half")
1.5
"""

from __future__ import annotations

import functools
import math
import re

from . import lexicon as lx

_SPLIT = re.compile(r"[\s-]+")
_SCIENTIFIC = re.compile(r"\s?[×x]\s?10\^?([−-]?)(\d{1,3})$")
_GLUED_FRACTION = re.compile(r"(.*?)(?:(?:-|\s)(\d{1,2})/(\d{1,2}))")


@functools.lru_cache(maxsize=4096)  # a pure function of the string: figures recur
def parse_digits(s: str) -> float | None:
    """The value of a digit string as the grammar matched it, or None."""
    s = s.strip().replace("⁄", "/")
    sci = _SCIENTIFIC.search(s) if "x" in s or "×" in s else None
    if sci:
        base = parse_digits(s[: sci.start()])
        if base is None:
            return None
        exponent = int(sci.group(2)) * (-1 if sci.group(1) else 1)
        try:
            return base * 10.0**exponent
        except OverflowError:  # "$3x10^999": past any float, no figure to read
            return None
    frac = 0.0
    m = _GLUED_FRACTION.fullmatch(s) if "/" in s else None
    if m and m.group(1):
        num, den = int(m.group(2)), int(m.group(3))
        if den == 0 or num >= den:
            return None
        frac = num / den
        s = m.group(1)
    elif "/" in s:
        a, b = s.split("/", 1)
        if int(b) == 0:
            return None
        return int(a) / int(b)
    try:
        return (
            float(s.replace(",", "").replace(" ", "").replace("\u00a0", "").replace("\u202f", ""))
            + frac
        )
    except ValueError:
        return None


_SPOKEN_POINT = re.compile(r"(?i)(.+?)[\s-]point[\s-](.+)")


def _spoken_part(s: str) -> float | None:
    s = s.strip()
    return float(s) if s.isdigit() else parse_words(s)


def parse_spoken(s: str) -> float | None:
    """A number read aloud, as broadcast transcripts write it: "12-point-34" (12.34),
    "six-point-two" (6.2), "two-point-five" (2.5), "20-and-a-half" (20.5); else None.

    >>> parse_spoken("12-point-34"), parse_spoken("six-point-two"), parse_spoken("20-and-a-half")
    (12.34, 6.2, 20.5)
    >>> parse_spoken("one-point-zero-five")
    1.05
    """
    m = _SPOKEN_POINT.fullmatch(s.strip())
    if m is not None:
        whole = _spoken_part(m.group(1))
        tail = m.group(2).strip()
        if tail.isdigit():
            digits = tail
        else:  # spelled digits one by one: "zero-five"
            table = lx.number_words()
            digits = ""
            for w in _SPLIT.split(tail.lower()):
                value = table.get(w, (None, ""))[0] if w not in ("zero", "oh") else 0
                if value is None or not (0 <= value <= 9) or int(value) != value:
                    return None
                digits += str(int(value))
        if whole is None or not digits:
            return None
        return whole + float("0." + digits)
    low = s.lower()
    for tail in ("-and-a-half", " and a half"):
        if low.endswith(tail):
            whole = _spoken_part(s[: -len(tail)])
            return None if whole is None else whole + 0.5
    return None


@functools.lru_cache(maxsize=4096)
def parse_words(s: str) -> float | None:
    """The value of a spelled-out number ("thirty billion", "two and a half"), or None."""
    if "point" in s.lower() or s[:1].isdigit():
        return parse_spoken(s)
    words = [w for w in _SPLIT.split(s.lower()) if w]
    table = lx.number_words()
    half_of = False
    if words[:1] == ["half"] and len(words) > 1:
        half_of, words = True, words[1:]
    plus_half = False
    if words[-3:] == ["and", "a", "half"]:
        plus_half, words = True, words[:-3]
    total = 0.0
    current = 0.0
    seen = False
    for w in words:
        if w in ("and",):
            continue
        if w in ("a", "an"):
            current = max(current, 1.0)
            seen = True
            continue
        if w not in table:
            return None
        value, role = table[w]
        seen = True
        if role in ("unit", "teen", "tens"):
            current += value
        elif role == "hundred":
            current = (current or 1.0) * 100
        elif role == "dozen":
            current = (current or 1.0) * 12
        elif role == "scale":
            total += (current or 1.0) * value
            current = 0.0
        else:
            return None
    if not seen:
        return None
    value = total + current
    if plus_half:
        # "one and a half million" is not produced by the grammar; "two and a half" is
        value += 0.5
    if half_of:
        value *= 0.5
    return value


def tidy(x: float) -> float:
    """Drop the binary noise of scaling: 8.14 * 1e9 is 8140000000.0, not ...000001.

    >>> tidy(8.14 * 1e9), tidy(30.0), tidy(0.1 + 0.2)
    (8140000000.0, 30.0, 0.3)
    """
    if type(x) is float and x.is_integer() and -1e12 < x < 1e12:
        return x  # a whole number of at most 12 digits prints (and reads back) as itself
    return float(f"{x:.12g}") if math.isfinite(x) else x


# ---------------------------------------------------------------- what is not a quantity
