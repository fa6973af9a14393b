"""Stage 1: the quantities in a text, as a typed table (one row per mention).

econnews owns the grammar of economic figures — money in any currency and
notation, percentages, ratios, ranges, bounds and changes — and reads physical
measures with quantulum3's unit lexicon. Every row keeps the evidence: the
``surface`` as written and its ``start``/``end`` offsets in the original text.

>>> q = extract("The total amount of Japanese investments is $ 2.2 billion.")
>>> q.loc[0, "surface"], q.loc[0, "kind"], float(q.loc[0, "value"]), q.loc[0, "unit"]
('$ 2.2 billion', 'money', 2200000000.0, 'USD')

Currency rule: a bare ``$`` (or the word "dollars") is read as USD and a bare
``¥`` as JPY, unless ``currency_hint`` names the currency the article means by
it (``currency_hint="CAD"`` reads "$5" as 5 Canadian dollars; ``"CNY"`` reads
"¥5" as yuan). Qualified forms ("C$", "US$", "Canadian dlrs") are never changed
by the hint.

Requires: a ``str``. Returns the columns of :data:`econnews.schema.QUANTITIES`
plus ``unit_name`` (a readable unit name: "kilometre", "worker") and ``per``
(the denominator of a rate: "$58 a barrel" → "barrel").

How it reads: this module finds the numeric cores, decides what is not a quantity
(years, dates, names, phones, votes…) and reads ranges; :mod:`.table` builds the rows
and the typed table; ``_read_units`` reads what follows a number (scale, currency, percent, ratio,
measure, counted noun), ``_read_cues`` the words that set bound and change,
``_read_context`` what mentions share across a text (elided currencies, earnings
tables), ``_grammar`` holds the compiled patterns and ``econnews/data/*.csv`` the
lexicons they are built from.
"""

from __future__ import annotations

import functools
import heapq
import math
import re
from collections.abc import Iterator
from datetime import date as _date
from datetime import datetime

import pandas as pd

from ..common.budget import check as _check
from ..errors import InputError
from . import grammar as g
from . import lexicon as lx
from .context import (
    _LABEL_MONEY,
    _SHARE_LABEL,
    _coordinate,
    _earnings_table,
    _elided_from,
    _movements,
)
from .cues import (
    _DETERMINERS,
    _POSTPOSED,
    _SPACED_DASH,
    _change_before,
    _from_after_change,
    _left_cues,
    _right_cues,
    _tail_tuple,
    _tail_words,
    _words_before,
)
from .fold import fold, safe
from .numbers import parse_digits, parse_words
from .numbers import tidy as _tidy
from .quantity import _Q
from .table import QUANTITY_COLUMNS, empty_frame, frame, rows
from .table import SENTENCE_WINDOW as SENTENCE_WINDOW  # where it was defined before
from .units import (
    _NEXT_WORD,
    _TIME_UNITS,
    _base_adjective,
    _count,
    _currency,
    _is_plural_noun,
    _scales,
    _singular,
    _unit,
)

__all__ = ["add_rows", "extract", "new_columns"]

_SCORE_MAX = 20
_SURROGATES = re.compile("[\ud800-\udfff]")


def extract(
    text: str,
    *,
    doc_id: str | None = None,
    date: str | _date | datetime | pd.Timestamp | None = None,
    currency_hint: str | None = None,
) -> pd.DataFrame:
    """Every quantity mentioned in ``text``, one row each, typed.

    ``doc_id`` and ``date`` (the article's) are copied to every row; ``currency_hint``
    says what a bare ``$``/dollars or ``¥`` means (see the module docs).

    >>> extract("Putin proposed to raise trade to $30 billion, by 1.5 times.")[
    ...     ["surface", "kind", "value", "unit"]].values.tolist()
    [['$30 billion', 'money', 30000000000.0, 'USD'], ['1.5 times', 'ratio', 1.5, 'times']]
    """
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        text = ""
    if not isinstance(text, str):
        raise InputError(f"extract() takes a str, got {type(text).__name__}; pass the article text")
    hint = check_currency_hint(currency_hint)
    if _SURROGATES.search(text):  # valid JSON ("\ud800"), but no table can store it:
        text = _SURROGATES.sub("\ufffd", text)  # one for one, so offsets stay right
    if date is not None and not (isinstance(date, float) and date != date) and date is not pd.NaT:
        try:
            date = pd.Timestamp(date)
        except (ValueError, TypeError, OverflowError):
            raise InputError(f"date={date!r}: cannot read this date; give an ISO 8601 date "
                             "such as '2019-01-22', a datetime or a pd.Timestamp") from None
    cols = new_columns()
    add_rows(cols, text, doc_id=doc_id, date=date, hint=hint)
    return frame(cols) if cols["start"] else empty_frame()


def new_columns() -> dict[str, list]:
    """Empty column lists to fill with :func:`add_rows` (one table built per batch)."""
    return {name: [] for name in QUANTITY_COLUMNS}


def add_rows(
    cols: dict[str, list],
    text: str,
    *,
    doc_id: str | None = None,
    date=None,
    hint: str | None = None,
) -> int:
    """Append the quantities of ``text`` to ``cols`` (as :func:`extract` reads them; the
    hint already checked) and return how many rows were added. Many texts fill one set of
    columns and :func:`econnews.extraction.table.frame` builds the typed table once: the
    table costs more than reading a short text.

    >>> cols = new_columns()
    >>> add_rows(cols, "Up 5%."), add_rows(cols, "Down $2bn.", doc_id="b"), cols["doc_id"]
    (1, 1, [None, 'b'])
    """
    if isinstance(doc_id, str) and not doc_id.isascii():
        doc_id = safe(doc_id)
    folded, where = fold(text)
    try:
        found = list(_scan(folded, hint))
    finally:
        _tail_tuple.cache_clear()  # its entries hold this text: keep memory O(text)
    if found:
        rows(cols, text, folded, where, found, doc_id=doc_id, date=date)
    return len(found)


def check_currency_hint(hint: str | None) -> str | None:
    """The ISO code a ``currency_hint`` names, upper-cased; an unknown code is an
    :class:`~econnews.errors.InputError`.

    >>> check_currency_hint(" cad ")
    'CAD'
    """
    if hint is None:
        return None
    code = str(hint).strip().upper()
    if code not in lx.currency_codes():
        raise InputError(
            f"unknown currency_hint {hint!r}; give an ISO 4217 code such as 'USD', 'CAD' or 'CNY'"
        )
    return code


# --------------------------------------------------------------------------- scanning


def _scan(text: str, hint: str | None) -> Iterator[_Q]:
    found: list[_Q] = []
    low = text.lower()  # cheap substring checks spare whole-text regex passes
    fractions: list[_Q] = []
    if "point" in low:
        fractions += _half_points(text)
    if (" in " in low or "out of" in low) and g.ONE_IN_HINT.search(text):
        fractions += _one_in(text)
    if any(w in low for w in _FRACTION_HINTS):
        if "half" in low or g.FRACTION_HINT.search(text):
            fractions += _fractions(text, [(q.start, q.end) for q in fractions])
        if g.FRACTION_CHANGE_HINT.search(text):
            fractions += _fractions_of_change(text, [(q.start, q.end) for q in fractions])
    fspans = [(q.start, q.end) for q in fractions]
    skip_to = 0
    cores: Iterator[re.Match] = g.cores(text)
    if ("point" in low or "and-a-half" in low) and (  # numbers read aloud: "six-point-two"
        g.SPOKEN_DASHED_HINT.search(text) or g.SPOKEN_SPACED_HINT.search(text)
    ):
        spoken = list(g.SPOKEN_CORE.finditer(text))
        if spoken:
            sspans = [m.span() for m in spoken]
            cores = heapq.merge((m for m in cores if not _overlaps(sspans, *m.span())),
                                spoken, key=lambda m: m.start())
    for m in cores:
        _check()
        s, e = m.span()
        if s < skip_to or (fspans and _overlaps(fspans, s, e)):
            continue
        q, consumed = _read(text, m, hint, found)
        skip_to = max(skip_to, consumed)
        if q is not None:
            found.append(q)
            skip_to = max(skip_to, q.end)
    if found:
        _check()
        _earnings_table(text, found)
        _coordinate(text, found)
        _movements(text, found)
    found.extend(fractions)
    _check()
    taken = [(q.start, q.end) for q in found]
    extra: list[_Q] = []
    if any(w in low for w in _RATIO_HINTS):
        extra += _ratio_words(text, taken)
    if any(w in low for w in _APPROX_HINTS):
        extra += _approx(text, taken + [(q.start, q.end) for q in extra])
    found.extend(extra)
    found.sort(key=lambda q: q.start)
    return iter(found)


# substrings without which a word-only pass cannot match (kept in step with the lexicons
# by tests/test_extract.py::test_word_pass_hints_cover_the_lexicons)
_FRACTION_HINTS = ("half", "third", "quarter", "fifth", "tenth", "fourth")
_RATIO_HINTS = ("twice", "doubl", "tripl", "trebl", "quadrupl", "halv", "fold", "by half")
_APPROX_HINTS = ("dozens", "hundreds", "thousands", "millions", "billions", "trillions")


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a < e and s < b for a, b in spans)


def _read(text: str, m: re.Match, hint: str | None, found: list[_Q]) -> tuple[_Q | None, int]:
    """Read one quantity around the numeric core ``m``; return it (or None) and how far
    the text is consumed.

    The readings, in order: the currency prefix and sign on the left
    (:func:`_left_context`), the scale and unit on the right with a range tail
    (:func:`_right_context`), what rules the mention out (:func:`_rejected`), an
    elided currency from an earlier amount, then the cue words (:func:`_finish`).
    """
    s, e = m.span()
    is_digits = m.group("digits") is not None
    core = m.group(0)
    value = parse_digits(core) if is_digits else parse_words(core)
    if value is None or not math.isfinite(value):
        return None, e

    prefix, start, sign_after_prefix = _left_context(text, s, is_digits, hint)
    left_char = text[s - 1] if s > 0 else ""
    right_char = text[e] if e < len(text) else ""
    if is_digits:
        if _not_a_quantity(text, s, e, left_char, right_char, prefix is not None):
            return None, _run_end(text, e)
    elif _lone_word_number(text, m, value) or (
        value < 1000
        and _THE_BEFORE.search(text, max(0, s - 5), s)
        and not _UNIT_SOON.match(text, e)
    ):  # "the two countries" is a reference, "the two million tourists" a count
        return None, e
    neg, start = _sign(text, s, start, prefix, sign_after_prefix, is_digits)

    low, high, pos, unit, lo2, scale_words = _right_context(
        text, m, value, prefix, hint, start
    )
    stop = _rejected(text, m, start, pos, unit, prefix, lo2, low, high)
    if stop is not None:
        return None, stop
    if _is_age(text, s, e, unit, lo2, value, is_digits):
        unit = {"kind": "measure", "unit": "year", "name": "year of age", "end": pos}

    factor = unit.get("factor", 1.0)
    low, high = low * factor, high * factor
    if neg:
        low, high = -high, -low
    kind = unit["kind"]
    code = unit.get("unit")
    # elided currency: "rose to 8.14 billion dlrs from 5.7 billion"
    if kind == "number" and found and not _SHARE_LABEL.search(text, max(0, s - 16), s):
        prev = _elided_from(text, found, s, e, bool(scale_words))
        if prev is not None:
            kind, code = prev.kind, prev.unit
            # "76 cts ... 149.2 mln": the currency is shared, not the hundredth
            name = None if prev.unit_name in _HUNDREDTHS else prev.unit_name
            # a rate is shared between amounts of one size ("5 cts a share ... 2.3 mln" is not)
            per = prev.per if bool(prev.extra.get("scaled")) == bool(scale_words) else None
            unit = dict(unit, name=name, per=per)

    low, high = _tidy(low), _tidy(high)
    q = _Q(
        start=start,
        end=pos,
        kind=kind,
        value=_tidy((low + high) / 2),
        low=min(low, high),
        high=max(low, high),
        unit=code,
        unit_name=unit.get("name"),
        per=unit.get("per"),
    )
    if unit.get("change"):
        q.change = unit["change"]
    if scale_words:
        q.extra["scaled"] = True
    if kind == "money" and code != "USD" and q.per in g.word_set("commodity_per") and (
        _BARE_DOLLAR.search(text, start, pos)
    ):
        q.unit = "USD"  # "$52 a barrel" in a Canadian story: world prices are in US dollars
    _finish(text, q, unit)
    if not all(math.isfinite(x) for x in (q.value, q.low, q.high)):
        return None, pos
    return q, pos


def _left_context(
    text: str, s: int, is_digits: bool, hint: str | None
) -> tuple[str | None, int, bool]:
    """The currency prefix before the number at ``s`` (ISO code or None), where the
    mention starts, and whether a sign stands between prefix and number ("$-50.8bn")."""
    if not is_digits:
        return None, s, False  # a spelled number takes no currency sign
    prefix_m = g.PREFIX_BEFORE.search(text, max(0, s - 8), s) if g.prefix_may_end(text, s) else None
    sign_after_prefix = False
    if prefix_m is None and s > 1 and text[s - 1] in "-−" and g.prefix_may_end(text, s - 1):
        prefix_m = g.PREFIX_BEFORE.search(text, max(0, s - 9), s - 1)  # "$-50.8bn"
        sign_after_prefix = prefix_m is not None and text[s - 2] in "$€£¥"
        if not sign_after_prefix:
            prefix_m = None
    if prefix_m is None or not is_digits:
        return None, s, sign_after_prefix
    surf = prefix_m.group(0).rstrip()
    if (surf in ("PS", "Y=") and prefix_m.end() - len(prefix_m.group(0)) + len(surf) != s) or (
        surf in ("PS", "Y=", "RM", "Rs", "SFr")
        and prefix_m.start() > 0
        and text[prefix_m.start() - 1].isalnum()
    ):
        return None, s, sign_after_prefix
    prefix = _currency(surf, "prefix", hint, text)
    if prefix is None:
        return None, s, sign_after_prefix
    return prefix, prefix_m.start(), sign_after_prefix


def _sign(
    text: str, s: int, start: int, prefix: str | None, sign_after_prefix: bool, is_digits: bool
) -> tuple[bool, int]:
    """Whether the amount is negative, and where the mention then starts."""
    if sign_after_prefix and prefix is not None:  # "$-50.8bn"
        return True, min(start, s - 2)
    if prefix is None:
        if not is_digits or not (g.ends_in(text, s, "-−") or g.space_before(text, s)):
            return False, start
        window = text[max(0, s - 10) : s]  # a match holds "-", "minus" or "negative":
        if window.isascii() and "-" not in window and "minus" not in (lw := window.lower()) \
                and "negative" not in lw:  # a look at the window spares the search
            return False, start
        mm = g.MINUS_BEFORE.search(text, max(0, s - 10), s)
        if mm is not None:
            return True, mm.start()
        return False, start
    if start > 0 and text[start - 1] in "-−" and (start < 2 or not text[start - 2].isalnum()):
        return True, start - 1
    if g.space_before(text, start) and _NEGATIVE_WORD.search(text, max(0, start - 10), start):
        return True, start  # "a negative EUR 68.6 mn"
    return False, start


def _right_context(
    text: str, m: re.Match, value: float, prefix: str | None, hint: str | None, start: int
) -> tuple[float, float, int, dict, float | None, list]:
    """Scale, unit and range tail after the number: ``(low, high, end, unit, lo2,
    scale_words)``; ``lo2`` is the range's low end when a range was read."""
    s, e = m.span()
    is_digits = m.group("digits") is not None
    mult, pos, scale_words = _scales(text, e, prefix is not None)
    if mult == 1 and is_digits:
        mult, scale_words = _scale_after_bracket(text, s, pos, prefix is not None, scale_words)
    low = high = value * mult
    scaled = mult > 1 or (not is_digits and _scale_in_words(m.group(0)) > 1)
    unit = _unit(text, pos, prefix, hint, value * mult, scaled)
    if (
        unit is not None
        and unit.get("compound")
        and _tail_words(text, start)[-1:] not in (["a"], ["an"], ["the"])
    ):
        unit = None  # "drill 50 oil wells": not "a 12 page document"
    lo2 = None
    if unit is None or unit.get("rangeable"):
        rng = _range_tail(text, pos, prefix, hint, unit, mult, start, s)
        if rng is not None:
            lo2, hi2, pos, unit = rng
            if lo2 is not None:
                low, high = lo2, hi2
    if unit is not None and lo2 is None:
        pos = unit["end"]
    if unit is None:
        unit = {"kind": "number", "unit": None, "name": None, "end": pos, "factor": 1.0}
    return low, high, pos, unit, lo2, scale_words


def _rejected(
    text: str,
    m: re.Match,
    start: int,
    pos: int,
    unit: dict,
    prefix: str | None,
    lo2: float | None,
    low: float,
    high: float,
) -> int | None:
    """Where reading resumes when the mention is not a quantity once its unit is known
    (a split, a vote, a model number, a year, a name, a score, an address), else None."""
    s, e = m.span()
    is_digits = m.group("digits") is not None
    core = m.group(0)
    kind = unit["kind"]
    bare = kind in ("number", "count")
    if kind == "skip":
        return _run_end(text, e)
    if (g.ends_in(text, start, "-") and _SPLIT_BEFORE.search(text, max(0, start - 12), start)
            ) or text.startswith("-for-", e):
        return pos  # "a three-for-two stock split", "a 2-for-1 split"
    if (g.space_before(text, start) and "vot" in text[max(0, start - 20) : start].lower()
            and _VOTE_BEFORE.search(text, max(0, start - 20), start)) or (
        lo2 is not None and kind == "count" and str(unit.get("unit", "")).lower() in _TALLY_NOUNS
    ):
        return pos  # "by a vote of 34 to 2", "a 2-1 decision"
    if is_digits and bare and (
        (text.startswith("-", s + 3) and _MODEL.match(text, s)) or _name_noun_after(text, e)
    ):
        return _run_end(text, e)  # "the 737-800", "its 777 plane"
    if is_digits and _is_year(core) and kind == "measure" and unit.get("name") in _TIME_UNITS:
        return pos  # "the 1986 second half", "1986 year operating loss"
    if bare and prefix is None and lo2 is None:
        if is_digits and _is_year(core) and low == high == parse_digits(core):
            return pos  # a year
        if _name_before(text, start) and not (
            kind == "count" and _TOP_BEFORE.search(text, max(0, start - 5), start)
        ):
            return pos  # "Game 7", but "the top three seeds" is a count
        if not is_digits and core[0].isupper() and not _sentence_initial(text, s):
            return pos  # "the Kick Six"
    if kind == "measure" and unit.get("adjective"):
        return pos  # "a five-year $700,000 award": a description, not a figure
    if lo2 is not None and _rejected_range(text, m, start, kind, prefix, low, high):
        return pos
    if bare and is_digits and text[e : e + 1].isspace() and _ADDRESS_AFTER.match(text, e):
        return pos  # "49 Zorro Ranch Road"
    if not is_digits and text.startswith("-", e) and _HYPHEN_WORD_AFTER.match(text, e) and bare:
        return pos  # "a six-speed gearbox", "a three-bed flat"
    return None


def _rejected_range(
    text: str, m: re.Match, start: int, kind: str, prefix: str | None, low: float, high: float
) -> bool:
    """A range that is a score, a span of years or part of a name ("ISO 3888-2")."""
    e = m.end()
    core = m.group(0)
    is_digits = m.group("digits") is not None
    if is_digits and (
        kind == "number"
        and prefix is None
        and all(float(x).is_integer() and 0 <= x <= _SCORE_MAX for x in (low, high))
        and text[e : e + 1] in "-–"
    ):
        return True  # a score
    if (
        is_digits
        and kind in ("number", "count")
        and len(core) == 4
        and core.isdigit()
        and all(1000 <= x <= 2100 and float(x).is_integer() for x in (low, high))
    ):
        return True  # "between 1600 and 1900": years
    return kind in ("number", "count") and prefix is None and bool(_name_before(text, start))


def _is_age(
    text: str, s: int, e: int, unit: dict, lo2: float | None, value: float, is_digits: bool
) -> bool:
    """A bare number after a person's name and before a comma is an age ("Smith, 52,")."""
    return bool(
        unit["kind"] == "number"
        and is_digits
        and lo2 is None
        and text.startswith(",", e)
        and _AGE_COMMAS.match(text, e)
        and _AGE_NAME.search(text, max(0, s - 40), s)
        and 0 < value < 120
        and float(value).is_integer()
    )


def _finish(text: str, q: _Q, unit: dict) -> None:
    """Cue words around the mention (bound, change) and the readings that depend on
    them: a count's description, ages, "up to ... from" as a level."""
    start = q.start
    _left_cues(text, q)
    _right_cues(text, q)
    if (
        q.kind == "count"
        and q.unit_name
        and q.unit != "G"
        and q.unit not in lx.count_abbreviations()
    ):
        q.unit_name = _described_before(text, start, q.unit_name)
    if (
        q.kind == "measure"
        and q.unit_name in ("year", "month", "week", "day")
        and (
            (g.space_before(text, start) and _AGE_OF_BEFORE.search(text, max(0, start - 12), start))
            or _OLD_AFTER.match(text, q.end)
        )
    ):
        q.unit_name += " of age"  # "under the age of 5 years", "her 18 month-old daughter"
    if (
        q.bound == "<"
        and g.space_before(text, q.start)
        and _UP_TO_BEFORE.search(text, max(0, q.start - 8), q.start)
        and _FROM_SOON.match(text, q.end)
    ):
        q.bound = "="  # "earnings were up to 220 mln dlrs in March from 110 mln": a new level
    if unit.get("bound") and q.bound == "=":
        q.bound = unit["bound"]


# a "$" or dollar word no country qualifies ("C$", "US$", "Canadian dollars" are qualified)
_BARE_DOLLAR = re.compile(r"(?<![A-Za-z.$])\$|(?<![A-Z][a-z]\s)(?<![A-Z]\.\s)\b(?i:dollars?|dlrs?)\b")
_UP_TO_BEFORE = re.compile(r"(?i:\bup\s+to)\s$")
_FROM_SOON = re.compile(r"(?:\s+[\w,'’-]+){0,5}?\s+from\s+(?:[$€£¥]|\d)")
_NEGATIVE_WORD = re.compile(r"(?i:\bnegative|\bminus)\s$")
_PHONE_BEFORE = re.compile(r"(?:\+\d{1,4}|(?i:\btel|\bphone|\bfax|\bmob)\.?:?)[\s\d()-]*$")


_NAME_BEFORE = re.compile(r"(?<![\w.])([A-Z][A-Za-z&]*\.?|[a-z]+[A-Z][A-Za-z]*)\s$")
_LAST_WORD = re.compile(r"(?<![\w&])([\w&]+)\.?\s$")
_LETTER_HYPHEN_BEFORE = re.compile(r"\b([A-Za-z]+)-$")
_HYPHEN_OK = {"sub", "minus", "then", "now", "over", "under", "about", "around", "some", "nearly"}
_NUMBER_SIGN = re.compile(r"(?:#|\b(?i:no|nos|number)\.?\s?)$")
_UNIT_SOON = re.compile(
    r"(?:\s?(?:-\s?)?(?:%|(?i:per\s?cent|percent|pct|pc|times|fold|billion|million|trillion|bn|mln|bln|mn|tn|crore|lakh))(?![A-Za-z]))"
)


_RUN = re.compile(r"[\w.,:/-]*")
_PLUS_PHONE = re.compile(r"\d+[\s-]\d")
_PREFIX_AT = re.compile(g.CURRENCY_PREFIX + r"\s?")


@functools.cache
def _money_after_approx() -> re.Pattern:  # compiled on first use: "thousands of dollars"
    return re.compile(r"\s+(?:(?:U\.S\.|US)\s+)?" + g.CURRENCY_SUFFIX + r"(?![A-Za-z])")


def _run_end(text: str, e: int) -> int:
    m = _RUN.match(text, e)
    return m.end() if m else e


#: Every month word (data/words.csv) holds one of these, lower-cased.
_MONTH3 = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
assert all(any(m in w.lower() for m in _MONTH3) for w in g._MONTH_WORDS), "a month word"
_MONTH3_IN = re.compile("|".join(_MONTH3))  # any(m in lb for m in _MONTH3), in one C call
# The characters a match of each pattern after the number can begin with (non-ASCII ones
# are left to the regex): a look at one character spares the regex call at most numbers.
_TIME_FIRST = frozenset(":.aApPgGuUeEcCmMhH")  # g.TIME_AFTER: [:.], \s or a letter of its words
_MONTH_AFTER_FIRST = frozenset("oOjJfFmMaAsSnNdD")  # g.MONTH_AFTER: "of" or a month word
assert {w[0] for w in g._MONTH_WORDS} <= _MONTH_AFTER_FIRST


def _is_year(core: str) -> bool:
    return len(core) == 4 and core.isdigit() and 1700 <= int(core) <= 2100


def _not_a_quantity(text: str, s: int, e: int, left: str, right: str, has_prefix: bool) -> bool:
    """Dates, times, ordinals, names with digits, versions, phone numbers, fiscal labels."""
    if left == "+" and _PLUS_PHONE.match(text[s : e + 3]):
        return True  # "+358 9 591 8342": an international phone number
    if left and (left.isalpha() or left in "_@") and not has_prefix:
        return True  # G20, S23, XC40
    if left and (left in ":/" or (left == "." and s >= 2 and text[s - 2].isdigit())):
        return True
    if left and left in "'’" and e - s == 2:
        return True  # '87
    lh = (None if has_prefix or not g.ends_in(text, s, "-")
          else _LETTER_HYPHEN_BEFORE.search(text, max(0, s - 12), s))
    if lh is not None and lh.group(1).lower() not in _HYPHEN_OK:
        return True  # COVID-19, F-35, mid-2019
    if right == "." and e + 1 < len(text) and text[e + 1].isdigit():
        return True  # 1.2.3, dates 12.03.2019
    if right == "/" and e + 1 < len(text) and text[e + 1].isdigit():
        return True  # 1987/88, 12/25
    if right == ":" and e + 1 < len(text) and text[e + 1].isdigit():
        return True  # 10:30, 1:36.6
    if right and right in "sSnNrRtTſ" and g.ORDINAL_AFTER.match(text, e):
        return True
    # the windows searched below end at s and hold at most 24 characters: a word a
    # pattern needs must stand in them (none of these words has a letter that another
    # folds to in a case-insensitive match, but for "sep": "ſ" is checked)
    before = text[max(0, s - 24) : s]
    lb = before.lower()
    if not has_prefix and (
        (g.space_before(text, s) and ("AD" in before or "A.D." in before)
         and _ERA_BEFORE.search(text, max(0, s - 22), s))
        or (right and (right in "AB" or right.isspace()) and _ERA_AFTER.match(text, e))
    ):
        return True  # "A.D. 1000 and 1260", "500 BC": years
    if right and (right in _TIME_FIRST or right.isspace() or not right.isascii()) and (
        g.TIME_AFTER.match(text, e)
    ):
        return True
    if not has_prefix and ("+" in before or "tel" in lb or "phone" in lb or "fax" in lb
                           or "mob" in lb) and _PHONE_BEFORE.search(text, max(0, s - 24), s):
        return True  # "tel. +358 9 591 8342"
    if (not has_prefix and e - s >= 3 and (c3 := text[s + 3 : s + 4])
            and (c3 in ").-" or c3.isspace()) and g.PHONE.match(text, s - 1 if left == "(" else s)):
        return True  # PHONE needs three digits at s, then ")", ".", "-" or white space
    core = text[s:e]
    if (not has_prefix and (left in "#." or left.isspace() or left in "oOsSrRſ")
            and ("#" in before or "no" in lb or "nu" in lb)
            and _NUMBER_SIGN.search(text, max(0, s - 10), s)):
        return True
    mb = (g.MONTH_BEFORE.search(text, max(0, s - 12), s)
          if (left.isspace() or g.ends_in(text, s, "o-–d"))
          and ("ſ" in before or _MONTH3_IN.search(lb)) else None)
    if mb and not has_prefix and not _UNIT_SOON.match(text, e):
        word = mb.group(0).strip(" .,").lower()
        if word not in ("may", "mar") or mb.group(0)[0].isupper():
            if core.replace(",", "").isdigit() and (
                int(core.replace(",", "")) <= 31 or _is_year(core)
            ):
                return True
    nx = text[e + 1 : e + 2] if right.isspace() else ""
    ma = (g.MONTH_AFTER.match(text, e)
          if nx and (nx in _MONTH_AFTER_FIRST or not nx.isascii()) else None)
    if ma and not has_prefix and core.isdigit() and int(core) <= 31:
        word = ma.group(0).strip().split()[-1]
        if word.lower() not in ("may", "mar") or word[0].isupper():
            return True
    return bool(right and right in "/-" and g.FISCAL_AFTER.match(text, e) and _is_year(core))


def _name_before(text: str, s: int) -> bool:
    """A number right after a proper name is part of it: Boeing 737, Section 427, iPhone 11."""
    if not g.space_before(text, s):
        return False  # both patterns end with a space before the number
    nw = _LAST_WORD.search(text, max(0, s - 12), s)
    if nw is not None and nw.group(1).lower() in g.name_before_words():
        return True
    window = text[max(0, s - 30) : s]
    # both forms need a capital A-Z: an all-lower-case window holds none
    nb = None if window.islower() else _NAME_BEFORE.search(text, max(0, s - 30), s)
    if nb is None:
        return False
    word = nb.group(1).rstrip(".")
    lw = word.lower()
    return (
        lw not in g.function_words()
        and lw not in lx.cues("bound", "before")
        and lw not in lx.cues("change", "before")
        and not g.MONTH_BEFORE.search(word + " ")
        and not (word[0].isupper() and _sentence_initial(text, nb.start(1)))
        and not _LABEL_MONEY.match(word)  # "... vs profit 12,438,000 Sales 157.9 mln"
    )


_HUNDREDTHS = frozenset(["cent", "penny", "sen"])
_AGE_OF_BEFORE = re.compile(r"(?i:\bage\s+of\s)$")
_OLD_AFTER = re.compile(r"-old\b")


def _described_before(text: str, start: int, name: str) -> str:
    """A counted noun's description from between the article and the number: "a record 32
    goals" -> "record goal", "the previous two sessions" -> "previous session" (the words
    of words.csv's before_number list)."""
    words = _tail_words(text, start)
    if len(words) < 2 or words[-2] not in _DETERMINERS:
        return name
    if words[-1] not in g.word_set("before_number"):
        return name  # "a club 36 places inferior": a noun of its own
    return f"{_base_adjective(words[-1])} {name}"


def _sentence_initial(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"'“‘(":
        j -= 1
    return j < 0 or text[j] in ".!?\n;:"


_ERA_BEFORE = re.compile(r"\b(?:A\.D\.|AD)\s(?:\d{1,4}\s(?:and|to|-|–)\s)?$")
_ERA_AFTER = re.compile(r"\s?(?:B\.C\.|BCE|BC|A\.D\.|AD)(?!\w)")
_TOP_BEFORE = re.compile(r"(?i:\btop)\s$")
_SPLIT_BEFORE = re.compile(r"(?i:\b\w+-for-)$")
_VOTE_BEFORE = re.compile(r"(?i:\bvotes?\s+of|\bvoted)\s+$")
_MODEL = re.compile(r"\d{3}-\d{3}\b")
_TALLY_NOUNS = {
    "decision",
    "vote",
    "ruling",
    "verdict",
    "majority",
    "split",
    "win",
    "victory",
    "defeat",
    "loss",
    "lead",
    "scoreline",
    "draw",
}


def _name_noun_after(text: str, e: int) -> bool:
    nxt = _NEXT_WORD.match(text, e)
    return bool(nxt) and nxt.group(1).lower() in g.word_set("name_after")


_AGE_COMMAS = re.compile(r",\s")
_AGE_NAME = re.compile(r"\b[A-Z][a-z]+,\s$")
_ADDRESS_AFTER = re.compile(
    r"\s(?:[NSEW]\.?\s)?(?:\d+(?:st|nd|rd|th)\s)?(?:[A-Z][a-z]+\s){0,3}"
    r"(?:St|Street|Rd|Road|Ave|Avenue|Way|Blvd|Boulevard|Lane|Ln|Drive|Dr|Place|Pl|Court|Ct)\b"
)
_HYPHEN_WORD_AFTER = re.compile(r"-[A-Za-z]")
_THE_BEFORE = re.compile(r"(?i:\bthe\s)$")
_ONE_RANGE_AFTER = re.compile(r"\s(?:to|or)\s(?:two|three|four|five|\d)")
_ONE_OK_AFTER = re.compile(
    r"\s+(?:of\s+(?:the|his|her|their|its|our|my|your|those|these)\b|[a-z][a-z-]+)"
)
_ONE_BAD_BEFORE = re.compile(
    r"(?i:\b(?:no|any|every|each|which|this|that|the|someone|anyone|no-one|a|another|only|last|same)\s$)"
)


_AT_ONE_POINT = re.compile(r"(?i:at\sone\spoint)\b")


def _lone_word_number(text: str, m: re.Match, value: float) -> bool:
    """A spelled number that is a pronoun or part of an idiom ("no one", "one day")."""
    word = m.group(0).lower()
    if word == "one" and _AT_ONE_POINT.match(text, m.start() - 3 if m.start() >= 3 else 0):
        return True  # "at one point in fiscal 2015": a moment, not a percentage point
    if word in ("one", "an", "a"):
        if _ONE_RANGE_AFTER.match(text, m.end()):
            return False
        if _ONE_BAD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            return True
        after = _ONE_OK_AFTER.match(text, m.end())
        if not after:
            return True
        nxt = after.group(0).split()[0].lower()
        if nxt in g.function_words() and nxt != "of":
            return True
        if nxt.endswith("ing") or nxt.endswith("ed") or nxt in ("another", "way", "thing", "day"):
            return True
    return False


# ----------------------------------------------------------------------- scale and unit


def _range_tail(
    text: str,
    pos: int,
    prefix: str | None,
    hint: str | None,
    unit: dict | None,
    mult: float,
    qstart: int,
    s: int,
):
    """'$2-3 billion', '$2 billion to $3 billion', 'between 40 and 50', '15 to 22 miles per hour'."""
    after_unit = unit["end"] if unit else pos
    sep = g.RANGE_SEP.match(text, after_unit)
    if not sep and prefix is not None:
        sep = _SPACED_DASH.match(text, after_unit)  # "EUR 0.8 -1.2 million"
    if not sep:
        return None
    word = sep.group(0).strip().lower()
    if word == "and" and not g.BETWEEN_BEFORE.search(text, max(0, qstart - 9), qstart):
        return None
    if word == "to" and _from_after_change(text, qstart):
        return None  # "sales fell from £138m to £118m": the old level and the new one
    change_first = word == "to" and _change_before(text, qstart)
    p = sep.end()
    prefix2 = None
    pm = _PREFIX_AT.match(text, p)
    if pm is not None:
        prefix2 = _currency(pm.group(0).rstrip(), "prefix", hint, text)
        if prefix2 is not None:
            p = pm.end()
    m2 = g.SPOKEN_CORE.match(text, p) or g.CORE.match(text, p)  # "... to six-point-five"
    if not m2:
        return None
    d2 = m2.group("digits")
    v2 = parse_digits(m2.group(0)) if d2 else parse_words(m2.group(0))
    if v2 is None or not math.isfinite(v2):
        return None
    if d2 and _not_a_quantity(
        text,
        m2.start(),
        m2.end(),
        text[m2.start() - 1],
        text[m2.end() : m2.end() + 1],
        prefix2 is not None,
    ):
        return None
    if prefix2 and prefix and prefix2 != prefix:
        return None
    mult2, p2, _ = _scales(text, m2.end(), (prefix2 or prefix) is not None)
    unit2 = _unit(text, p2, prefix2, hint, v2 * mult2, mult2 > 1)
    if prefix2 is None and prefix is not None and (unit2 is None or unit2["kind"] != "money"):
        unit2 = _unit(text, p2, prefix, hint, v2 * mult2, mult2 > 1)
    if unit2 is not None and unit2.get("kind") == "skip":
        return None
    if unit2 is not None and unit2.get("compound"):
        unit2 = None  # "a 50-50 joint venture"
    if unit is not None:
        # both sides carry a unit: they must agree ("$2 billion to $3 billion")
        if unit2 is None or any(unit2.get(k) != unit.get(k) for k in ("kind", "unit", "name")):
            return None
    final = unit2
    end = unit2["end"] if unit2 else p2
    first = _core_value(g.SPOKEN_CORE.match(text, s) or g.CORE.match(text, s))
    if _is_year(g.CORE.match(text, s).group(0)) and not (
        d2 is not None and len(m2.group(0)) == 4 and m2.group(0).isdigit() and mult2 == 1
    ):
        return None  # "in 2018 to 3.9 million"
    if d2 is None and mult2 == 1:
        mult2_words = _scale_in_words(m2.group(0))
        if mult == 1 and mult2_words > 1 and first < 1000:
            mult = mult2_words  # "between two and three billion"
    if mult == 1 and mult2 > 1 and first < 1000 and first <= v2 * 10:
        mult = mult2  # "$2-3 billion": the scale is stated once
    lo = first * mult
    hi = v2 * mult2
    if word == "to" and hi < lo and _words_before(text, qstart)[-1:] == ["from"]:
        return None  # "slowed from 4.8 to 4.7 percent": two levels, not a range
    if change_first and not (0 < lo < hi <= 3 * lo):
        return None  # "rise by $19bn to $419.3bn": a change, then the new level
    return lo, hi, end, final


_BRACKETED_NUMBER = re.compile(r"\s*\(\s*\d[\d.,]*\s*\)")
_CLOSE_BRACKET = re.compile(r"\s*\)")


def _scale_after_bracket(
    text: str, s: int, pos: int, has_prefix: bool, scale_words: list[str]
) -> tuple[float, list[str]]:
    """The scale written after last year's figure in brackets belongs to both: "EUR 105.8
    ( 83.4 ) million" is EUR 105.8 million, and 83.4 million."""
    bracket = _BRACKETED_NUMBER.match(text, pos) if has_prefix else None
    if bracket is None and text[max(0, s - 3) : s].strip() == "(":
        bracket = _CLOSE_BRACKET.match(text, pos)
    if bracket is None:
        return 1.0, scale_words
    mult, _, words = _scales(text, bracket.end(), True)
    return (mult, words) if mult > 1 and words else (1.0, scale_words)


def _scale_in_words(words: str) -> float:
    """The largest scale word in a spelled number ('three billion' -> 1e9), else 1."""
    table = lx.number_words()
    best = 1.0
    for w in re.split(r"[\s-]+", words.lower()):
        value, role = table.get(w, (1.0, ""))
        if role == "scale":
            best = max(best, value)
    return best


def _core_value(m: re.Match | None) -> float:
    if m is None:
        return float("nan")
    v = parse_digits(m.group(0)) if m.group("digits") else parse_words(m.group(0))
    return float("nan") if v is None else float(v)


# --------------------------------------------------------------------------- cues


def _ratio_words(text: str, taken: list[tuple[int, int]]) -> Iterator[_Q]:
    for m in g.RATIO_WORD.finditer(text):
        _check()
        if _overlaps(taken, m.start(), m.end()):
            continue
        word = m.group(0).lower()
        value, change = lx.ratio_words()[word]
        if word in ("double", "triple", "quadruple"):
            before = _tail_words(text, m.start(), span=12)
            if before and before[-1] in _DETERMINERS:
                continue  # "a double blow", "the triple crown": an adjective, not a multiplier
        q = _Q(m.start(), m.end(), "ratio", value, value, value, "times", "times", change=change)
        _left_cues(text, q)
        if change:
            q.change = change
        yield q


def _fractions(text: str, taken: list[tuple[int, int]]) -> Iterator[_Q]:
    for m in g.FRACTION_WORD.finditer(text):
        _check()
        if m.group("half"):
            s, e, value = m.start("half"), m.end("half"), 0.5
        else:
            s, e = m.span()
            numw = m.group("num") or m.group("num2")
            frac = (m.group("frac") or m.group("frac2")).lower()
            num = parse_words(numw) or 1.0
            value = num * lx.number_words()[frac][0]
            if frac.endswith("s") and num == 1:
                continue
        if _overlaps(taken, s, e):
            continue
        q = _Q(s, e, "ratio", value, value, value, "times", "fraction")
        q.per = _whole_of(text, e)
        _left_cues(text, q)
        if q.change is None and q.per is None and _words_before(text, s)[-1:] == ["by"]:
            q.change = _verb_before_by(text, text.rfind("by", max(0, s - 12), s))  # "rose by two-thirds"
        yield q


_COMPARED_AFTER = re.compile(
    r"\s+(?i:higher|lower|more|less|bigger|smaller|larger|up|down|above|below)\b"
)
_COMPARED_CHANGE = {"higher": "up", "more": "up", "bigger": "up", "larger": "up", "up": "up",
                    "above": "up", "lower": "down", "less": "down", "smaller": "down",
                    "down": "down", "below": "down"}
_OF_POINT_AFTER = re.compile(r"[\s-]+(?i:of|point|percentage)\b")


def _fractions_of_change(text: str, taken: list[tuple[int, int]]) -> Iterator[_Q]:
    """'grew by a third', 'fell by a quarter', 'almost a fourth higher': a ratio with its
    change (a fraction before "of" is a share, read by :func:`_fractions`)."""
    for m in g.FRACTION_CHANGE.finditer(text):
        _check()
        s, e = m.span("body")
        if _overlaps(taken, s, e) or (_COMPARED_AFTER.match(text, e) is None and (
            m.group("lead").lower() != "by" or _OF_POINT_AFTER.match(text, e)
        )):
            continue  # "by a third" or "almost a fourth higher"; not "by a quarter of"
        num = parse_words(m.group("num")) or 1.0
        frac = m.group("frac").lower()
        if frac.endswith("s") and num == 1:
            continue
        value = _tidy(num * lx.number_words()[frac][0])
        q = _Q(s, e, "ratio", value, value, value, "times", "fraction")
        _left_cues(text, q)
        after = _COMPARED_AFTER.match(text, e)
        if after is not None:
            q.change = _COMPARED_CHANGE[after.group(0).strip().lower()]
        elif m.group("lead").lower() == "by":
            q.change = _verb_before_by(text, m.start("lead"))
        yield q


def _verb_before_by(text: str, by: int) -> str | None:
    """The change a verb before "by" states: "grew by" up, "was cut by" down."""
    verbs = {**lx.cues("change", "before"), **lx.cues("change", "before_by")}
    return next((verbs[w] for w in reversed(_words_before(text, by)[-4:]) if w in verbs), None)


def _half_points(text: str) -> Iterator[_Q]:
    """'half a point', 'a quarter-point cut', 'a quarter of a percentage point'."""
    for m in g.HALF_POINT.finditer(text):
        _check()
        w = (m.group("w") or m.group("w2")).lower()
        value = 0.5 if w == "half" else 0.25
        q = _Q(
            m.start(),
            m.end(),
            "percent",
            value,
            value,
            value,
            "percentage_point",
            "percentage point",
        )
        _left_cues(text, q)
        _right_cues(text, q)
        if q.change is None:
            after = _NEXT_WORD.match(text, m.end())
            nxt = after.group(1).lower() if after else ""
            q.change = lx.cues("change", "after").get(nxt) if nxt not in _POSTPOSED else None
        yield q


def _one_in(text: str) -> Iterator[_Q]:
    """'one in six cars', 'one out of three Germans': a ratio."""
    for m in g.ONE_IN.finditer(text):
        _check()
        a = parse_words(m.group("a")) if not m.group("a").isdigit() else float(m.group("a"))
        b = parse_digits(m.group("b")) if m.group("b").isdigit() else parse_words(m.group("b"))
        if not a or not b or a >= b:
            continue
        value = a / b
        q = _Q(m.start(), m.end(), "ratio", value, value, value, "times", "fraction")
        q.per = _whole_of(text, m.end(), direct=True)
        _left_cues(text, q)
        yield q


_WHOLE = re.compile(
    r"\s+(?:of\s+)?(?i:the|its|their|his|her|our|those|these|all)\s+"
    r"((?:[A-Za-z][\w'’-]*)(?:\s+[A-Za-z][\w-]*){0,3})"
)
_ABSTRACT_NOUN = re.compile(r"[a-z](?:tion|sion|ity|ment|ness|ance|ence|ship)$")
_WHOLE_DIRECT = re.compile(r"\s+((?:[A-Za-z][\w-]*)(?:\s+[A-Za-z][\w-]*){0,2})")


def _whole_of(text: str, end: int, *, direct: bool = False) -> str | None:
    """What a fraction is a part of: "a third of the Britain population" -> "britain
    population", "half the condos" -> "condo", "one in three Germans" -> "germans"."""
    m = (_WHOLE_DIRECT if direct else _WHOLE).match(text, end)
    if m is None:
        return None
    words: list[str] = []
    for w in m.group(1).split():
        lw = w.lower()
        if (lw in g.function_words() and not w.isupper()) or lw in lx.number_words():
            break
        if lw == "now" or "n't" in lw or "n’t" in lw:
            break  # "half the world's population now has access"
        if words and words[-1][0].islower() and not w[0].islower():
            break  # "one half of the Thursday night show Bethan and Huw"
        if lw.endswith(("'s", "’s")):
            continue  # "half of the world's tropical forests": the forests
        if lw.endswith("ed"):
            if not words:
                return None  # "two-thirds of the combined 4.3M sales": a described quantity
            break  # "half the increase related to costs"
        if words and _ABSTRACT_NOUN.search(words[-1]) and _is_plural_noun(lw):
            break  # "the population lives in": a verb
        words.append(w)
        if w[0].islower() and _is_plural_noun(lw):
            break  # the counted noun ends the phrase
    if not words:
        return None
    if words[-1][0].islower():
        words[-1] = _singular(words[-1])
    return " ".join(words).lower()


def _approx(text: str, taken: list[tuple[int, int]]) -> Iterator[_Q]:
    """'dozens of', 'thousands of', 'tens of millions of' — ranges of one to ten times."""
    for m in g.APPROX_WORD.finditer(text):
        _check()
        s = m.start()
        e = m.end("w")
        if _overlaps(taken, s, e):
            continue
        base = lx.number_words()[m.group("w").lower()][0]
        if m.group("tens"):
            base *= 10 if m.group("tens").lower() == "tens" else 100
        low, high = base, base * 10
        unit = _count(text, m.end())
        money = _money_after_approx().match(text, m.end())
        if money:
            code = _currency(money.group(0).strip().split()[-1], "suffix", None, text) or "USD"
            q = _Q(s, money.end(), "money", (low + high) / 2, low, high, code, None, bound="~")
        elif unit is not None:
            q = _Q(
                s,
                unit["end"],
                "count",
                (low + high) / 2,
                low,
                high,
                unit["unit"],
                unit["name"],
                bound="~",
                per=unit.get("per"),
            )
        else:
            q = _Q(s, e, "number", (low + high) / 2, low, high, None, None, bound="~")
        yield q
