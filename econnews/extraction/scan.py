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

How it reads: this module finds the numeric cores and reads each one (currency prefix
and sign, then scale, unit and range tail, then cue words). :mod:`.rejects` decides what
is not a quantity (years, dates, names, phones, votes…), :mod:`.ranges` reads ranges and
scales stated once, :mod:`.wordforms` the quantities written in words alone ("twice", "a
third of", "one in six"), :mod:`.units` what follows a number (scale, currency, percent,
ratio, measure; :mod:`.counts` a counted noun, :mod:`.per` a rate), :mod:`.cues` the
words that set bound and change, :mod:`.context` what mentions share across a text
(elided currencies, earnings tables); :mod:`.table` builds the rows and the typed table,
:mod:`.numerals` finds the numbers, :mod:`.grammar` holds the compiled patterns around
them and ``econnews/data/*.csv`` the lexicons they are built from.
"""

from __future__ import annotations

import heapq
import math
import operator
import re
from collections.abc import Iterator
from datetime import date as _date
from datetime import datetime

import pandas as pd

from ..common.budget import check as _check
from ..common.text import without_surrogates
from ..errors import InputError
from . import grammar as g
from . import lexicon as lx
from . import numerals as num
from .context import (
    _SHARE_LABEL,
    _coordinate,
    _earnings_table,
    _elided_from,
    _elided_unit,
    _movements,
)
from .cues import (
    _DETERMINERS,
    _left_cues,
    _right_cues,
    _tail_tuple,
    _tail_words,
)
from .fold import fold, safe
from .nouns import _base_adjective
from .numbers import parse_digits, parse_words
from .numbers import tidy as _tidy
from .quantity import _Q
from .ranges import _range_tail, _scale_after_bracket, _scale_in_words, may_range
from .rejects import (
    _THE_BEFORE,
    _UNIT_SOON,
    _is_age,
    _lone_word_number,
    _not_a_quantity,
    _rejected,
    _run_end,
)
from .table import QUANTITY_COLUMNS, empty_frame, frame, rows
from .table import SENTENCE_WINDOW as SENTENCE_WINDOW  # where it was defined before
from .units import PlaceHint, _currency, _scales, _unit
from .wordforms import (
    _approx,
    _fractions,
    _fractions_of_change,
    _half_points,
    _one_in,
    _overlaps,
    _ratio_words,
    spoken_cores,
)

__all__ = ["add_rows", "extract", "new_columns"]



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
    text = without_surrogates(text)  # valid JSON ("\ud800"), but no table can store it
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
    hint: str | PlaceHint | None = None,
) -> int:
    """Append the quantities of ``text`` to ``cols`` (as :func:`extract` reads them; the
    hint already checked, or a :class:`~econnews.extraction.units.PlaceHint`) and return how many rows were added. Many texts fill one set of
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
        fractions += _half_points(text, low)
    if " in " in low or "out of" in low:  # _one_in needs ONE_IN_HINT's words
        fractions += _one_in(text, low)
    hinted = _ANY_HINT.search(low) is not None  # one pass: most texts hold no hint word
    if hinted and _holds_any(low, _FRACTION_HINTS):
        if "half" in low or g.FRACTION_HINT.search(text):
            fractions += _fractions(text, [(q.start, q.end) for q in fractions], low)
        if g.FRACTION_CHANGE_HINT.search(text):
            fractions += _fractions_of_change(text, [(q.start, q.end) for q in fractions])
    fspans = [(q.start, q.end) for q in fractions] if fractions else []
    skip_to = 0
    cores: Iterator[re.Match] = num.cores(text, low)
    if ("point" in low or "and-a-half" in low) and (  # numbers read aloud: "six-point-two"
        g.SPOKEN_DASHED_HINT.search(text) or g.SPOKEN_SPACED_HINT.search(text)
    ):
        spoken = spoken_cores(text)
        if spoken:
            sspans = [m.span() for m in spoken]
            cores = heapq.merge((m for m in cores if not _overlaps(sspans, *m.span())),
                                spoken, key=lambda m: m.start())
    check, read, add = _check, _read, found.append  # (locals: this loop runs per number)
    k = 0
    for m in cores:
        k += 1
        if not k & 3:  # the budget every fourth number (a reading takes microseconds)
            check()
        s, e = m.span()
        if s < skip_to or (fspans and _overlaps(fspans, s, e)):
            continue
        q, consumed = read(text, m, hint, found)
        if consumed > skip_to:
            skip_to = consumed
        if q is not None:
            add(q)
            if q.end > skip_to:
                skip_to = q.end
    if found:
        _check()
        if _may_be_table(text, low, found):
            _earnings_table(text, found)
        _coordinate(text, found)
        _movements(text, found)
    found.extend(fractions)
    extra: list[_Q] = []  # (the word passes below check the budget at each of their matches)
    ratio = hinted and _holds_any(low, _RATIO_HINTS)
    approx = hinted and _holds_any(low, _APPROX_HINTS)
    if ratio or approx:  # the spans taken: only these passes need them
        taken = [(q.start, q.end) for q in found]
        if ratio:
            extra += _ratio_words(text, taken, low)
        if approx:
            extra += _approx(text, taken + [(q.start, q.end) for q in extra])
    found.extend(extra)
    found.sort(key=_START)
    return iter(found)


_START = operator.attrgetter("start")  # (a sort key in C: no Python call per mention)


def _may_be_table(text: str, low: str, found: list[_Q]) -> bool:
    """Can :func:`_earnings_table` change a mention? Only a bare figure, or a figure
    after a "Shr" label or a "vs" (for ASCII text a look at the lower-cased text
    decides; in other text a case-insensitive pattern may match more: "ſhr")."""
    if not text.isascii() or "shr" in low or "vs" in low or "versus" in low:
        return True
    for q in found:  # noqa: SIM110 - a plain loop: any() over a generator costs twice this
        if q.kind == "number":
            return True
    return False


def _holds_any(low: str, words: tuple[str, ...]) -> bool:
    """``any(w in low for w in words)``, without a generator (this runs on every text)."""
    for w in words:  # noqa: SIM110 - a plain loop: half the cost of any() over a generator
        if w in low:
            return True
    return False


# substrings without which a word-only pass cannot match (kept in step with the lexicons
# by tests/test_extract.py::test_word_pass_hints_cover_the_lexicons)
_FRACTION_HINTS = ("half", "third", "quarter", "fifth", "tenth", "fourth")
_RATIO_HINTS = ("twice", "doubl", "tripl", "trebl", "quadrupl", "halv", "fold", "by half")
_APPROX_HINTS = ("dozens", "hundreds", "thousands", "millions", "billions", "trillions")
# any of the three lists' words, as a substring (the engine skips to their first letters)
_ANY_HINT = re.compile(lx.grouped_alternation(
    [(w, False) for w in sorted({*_FRACTION_HINTS, *_RATIO_HINTS, *_APPROX_HINTS},
                                key=lambda w: (-len(w), w))]))



def _read(text: str, m: re.Match, hint: str | None, found: list[_Q]) -> tuple[_Q | None, int]:
    """Read one quantity around the numeric core ``m``; return it (or None) and how far
    the text is consumed.

    The readings, in order: the currency prefix and sign on the left
    (:func:`_left_context`), the scale and unit on the right with a range tail
    (:func:`_right_context`), what rules the mention out (:func:`_rejected`), an
    elided currency from an earlier amount, then the cue words (:func:`_finish`).
    """
    s, e = m.span()
    core = m.group(0)
    is_digits = m.lastgroup == "digits"  # (the cores' patterns have two groups, one matched)
    if is_digits:  # plain digits (most cores) read as parse_digits reads them
        value = float(core) if core.isdigit() and core.isascii() else parse_digits(core)
    else:
        value = parse_words(core)
    if value is None or not math.isfinite(value):
        return None, e

    left_char = text[s - 1] if s > 0 else ""
    right_char = text[e] if e < len(text) else ""
    if is_digits and (left_char in _LEFT_CONTEXT_CHARS or (
            # (g.prefix_may_end is False after a space with no prefix's last character
            # before it: most numbers; the call is spared there)
            (left_char != " " or (s >= 2 and (text[s - 2] in g.PREFIX_LAST or not text[s - 2].isascii())))
            and g.prefix_may_end(text, s))):
        prefix, start, sign_after_prefix = _left_context(text, s, is_digits, hint)
    else:  # what _left_context finds where no currency prefix can end
        prefix, start, sign_after_prefix = None, s, False
    if is_digits:
        if _not_a_quantity(text, s, e, left_char, right_char, prefix is not None):
            return None, _run_end(text, e)
    elif _lone_word_number(text, m, value) or (
        value < 1000
        and _THE_BEFORE.search(text, (s - 5 if s > 5 else 0), s)
        and not _UNIT_SOON.match(text, e)
    ):  # "the two countries" is a reference, "the two million tourists" a count
        return None, e
    neg, start = _sign(text, s, start, prefix, sign_after_prefix, is_digits, left_char)

    low, high, pos, unit, lo2, scale_words = _right_context(
        text, s, e, core, is_digits, value, prefix, hint, start
    )
    stop = _rejected(text, s, e, core, is_digits, start, pos, unit, prefix, lo2, low, high)
    if stop is not None:
        return None, stop
    if right_char == "," and _is_age(text, s, e, unit, lo2, value, is_digits):  # ("Smith, 52,")
        unit = {"kind": "measure", "unit": "year", "name": "year of age", "end": pos}

    factor = unit.get("factor", 1.0)
    low, high = low * factor, high * factor
    if neg:
        low, high = -high, -low
    kind = unit["kind"]
    code = unit.get("unit")
    # elided currency: "rose to 8.14 billion dlrs from 5.7 billion"
    if kind == "number" and found and not (  # the label ends with white space: look first
        left_char.isspace() and _SHARE_LABEL.search(text, s - 16 if s > 16 else 0, s)
    ):
        prev = _elided_from(text, found, s, e, bool(scale_words))
        if prev is not None:
            kind, code = prev.kind, prev.unit
            # "48.4 cents vs 40.6": 40.6 cents; "76 cts ... 149.2 mln": only the currency
            name, per, size = _elided_unit(found, prev, (low + high) / 2, bool(scale_words))
            low, high = low * size, high * size
            unit = dict(unit, name=name, per=per)

    if low == high and -1e300 < low < 1e300:  # one figure (most): tidied once, its own mean
        low = high = mid = _tidy(low)
        finite = True  # (tidy keeps a finite figure finite)
    else:
        low, high = _tidy(low), _tidy(high)
        mid = _tidy((low + high) / 2)
        finite = math.isfinite(mid) and math.isfinite(low) and math.isfinite(high)
    # (positional: the keyword call costs twice as much; min() and max() written out)
    q = _Q(start, pos, kind, mid, high if high < low else low,
           high if high > low else low, code, unit.get("name"), "=", None, unit.get("per"))
    if unit.get("change"):
        q.change = unit["change"]
    if scale_words:
        q.scaled = True
    if kind == "money" and code != "USD" and q.per in g.word_set("commodity_per") and (
        _BARE_DOLLAR.search(text, start, pos)
    ):
        q.unit = "USD"  # "$52 a barrel" in a Canadian story: world prices are in US dollars
    _finish(text, q, unit)  # (it sets words, never the figures)
    if not finite:
        return None, pos
    return q, pos


# _left_context looks past the number's left neighbour only where it is one of these
# (a sign between prefix and number) or where g.prefix_may_end says a prefix may end
_LEFT_CONTEXT_CHARS = frozenset("-−")


def _left_context(
    text: str, s: int, is_digits: bool, hint: str | None
) -> tuple[str | None, int, bool]:
    """The currency prefix before the number at ``s`` (ISO code or None), where the
    mention starts, and whether a sign stands between prefix and number ("$-50.8bn")."""
    if not is_digits:
        return None, s, False  # a spelled number takes no currency sign
    prefix_m = g.prefix_before(text, s) if g.prefix_may_end(text, s) else None
    sign_after_prefix = False
    if prefix_m is None and s > 1 and text[s - 1] in "-−" and g.prefix_may_end(text, s - 1):
        prefix_m = g.prefix_before(text, s - 1)  # "$-50.8bn": the window before the sign
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
    text: str, s: int, start: int, prefix: str | None, sign_after_prefix: bool, is_digits: bool,
    c: str,
) -> tuple[bool, int]:
    """Whether the amount is negative, and where the mention then starts (``c``: the
    character before the number, "" at the start of the text)."""
    if sign_after_prefix and prefix is not None:  # "$-50.8bn"
        return True, min(start, s - 2)
    if prefix is None:  # (c: g.ends_in(text, s, "-−") or g.space_before(...) below)
        if not is_digits or not (c.isspace() or (c and c in "-−")):
            return False, start
        window = text[(s - 10 if s > 10 else 0) : s]  # a match holds "-", "minus" or "negative":
        if window.isascii() and "-" not in window and "minus" not in (lw := window.lower()) \
                and "negative" not in lw:  # a look at the window spares the search
            return False, start
        mm = g.MINUS_BEFORE.search(text, (s - 10 if s > 10 else 0), s)
        if mm is not None:
            return True, mm.start()
        return False, start
    if start > 0 and text[start - 1] in "-−" and (start < 2 or not text[start - 2].isalnum()):
        return True, start - 1
    if (start >= 1 and text[start - 1].isspace()) and _NEGATIVE_WORD.search(text, (start - 10 if start > 10 else 0), start):
        return True, start  # "a negative EUR 68.6 mn"
    return False, start


def _right_context(
    text: str, s: int, e: int, core: str, is_digits: bool, value: float, prefix: str | None,
    hint: str | None, start: int
) -> tuple[float, float, int, dict, float | None, list]:
    """Scale, unit and range tail after the number ``core`` at ``text[s:e]`` (``is_digits``:
    written in digits): ``(low, high, end, unit, lo2, scale_words)``; ``lo2`` is the
    range's low end when a range was read."""
    mult, pos, scale_words = _scales(text, e, prefix is not None)
    if mult == 1 and is_digits and (prefix is not None or "(" in text[(s - 3 if s > 3 else 0) : s]):
        # (it reads a bracket after a prefixed figure, or a figure in one: "(" just before it)
        mult, scale_words = _scale_after_bracket(text, s, pos, prefix is not None, scale_words)
    low = high = value * mult
    scaled = mult > 1 or (not is_digits and _scale_in_words(core) > 1)
    unit = _unit(text, pos, prefix, hint, value * mult, scaled)
    if (
        unit is not None
        and unit.get("compound")
        and _tail_words(text, start)[-1:] not in (["a"], ["an"], ["the"])
    ):
        unit = None  # "drill 50 oil wells": not "a 12 page document"
    lo2 = None
    if unit is None or unit.get("rangeable"):
        rng = _range_tail(text, pos, prefix, hint, unit, mult, start, s) if may_range(
            text, unit["end"] if unit else pos) else None
        if rng is not None:
            lo2, hi2, pos, unit = rng
            if lo2 is not None:
                low, high = lo2, hi2
    if unit is not None and lo2 is None:
        pos = unit["end"]
    if unit is None:
        unit = {"kind": "number", "unit": None, "name": None, "end": pos, "factor": 1.0}
    return low, high, pos, unit, lo2, scale_words


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
            ((start >= 1 and text[start - 1].isspace()) and _AGE_OF_BEFORE.search(text, (start - 12 if start > 12 else 0), start))
            or _OLD_AFTER.match(text, q.end)
        )
    ):
        q.unit_name += " of age"  # "under the age of 5 years", "her 18 month-old daughter"
    if (
        q.bound == "<"
        and (q.start >= 1 and text[q.start - 1].isspace())
        and _UP_TO_BEFORE.search(text, (q.start - 8 if q.start > 8 else 0), q.start)
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
