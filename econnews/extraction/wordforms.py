"""Quantities written in words alone, each read in a pass of its own over the text: ratio
words ("twice", "doubled", "threefold"), fractions ("a third of", "two-thirds",
"half the"), fractions of change ("grew by a third"), "half a point", "one in six" and
"dozens of", "thousands of dollars". Part of the extractor: :mod:`.scan` runs a pass
only where its hint words occur.

>>> [(q.value, q.unit_name) for q in _fractions("a third of the workers", [])]
[(0.3333333333333333, 'fraction')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from ..common.budget import check as _check
from . import grammar as g
from . import lexicon as lx
from . import numerals as num
from .counts import _count
from .cues import _DETERMINERS, _POSTPOSED, _left_cues, _right_cues, _tail_words, _words_before
from .nouns import _is_plural_noun, _singular
from .numbers import parse_digits, parse_words
from .numbers import tidy as _tidy
from .quantity import _Q
from .units import _NEXT_WORD, _currency


@functools.cache
def _money_after_approx() -> re.Pattern:  # compiled on first use: "thousands of dollars"
    return re.compile(r"\s+(?:(?:U\.S\.|US)\s+)?" + g.CURRENCY_SUFFIX + r"(?![A-Za-z])")


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Does ``[s, e)`` overlap one of ``spans``?"""
    return any(a < e and s < b for a, b in spans)


# --------------------------------------------------------------------------- anchors
# Each word pass below tries its pattern only where a match can begin, found from a word
# every match holds (:func:`.grammar.anchored`), instead of at every position of the text.

_RATIO_FIRSTS = num.firsts(list(lx.ratio_words()))
_FRACTION_FIRSTS = num.firsts(num._FRACTION)
_HALF_POINT_FIRSTS = ("half", "quarter")  # HALF_POINT's w and w2
_NUM_BEFORE_FRACTION = 5  # FRACTION_WORD's longest num: "three"
_ONE_IN_A = 3  # ONE_IN's longest a: "one", two digits
# ONE_IN holds white space, "in" or "out of", white space and a number (ONE_IN_HINT):
# found from its "in"/"out", a literal (in lower-cased text)
_IN_AT = re.compile(rf"in(?<=\sin)(?=\s+(?:{num._CARD}|\d))")
_OUT_OF_AT = re.compile(rf"out(?<=\sout)(?=\s+of\s+(?:{num._CARD}|\d))")


def _ratio_matches(text: str, low: str) -> Iterator[re.Match] | list[re.Match]:
    if not text.isascii():
        return g.RATIO_WORD.finditer(text)
    return num.anchored(g.RATIO_WORD, text, num.finds(low, _RATIO_FIRSTS))


def _fraction_matches(text: str, low: str) -> Iterator[re.Match] | list[re.Match]:
    """FRACTION_WORD's matches: each begins at its fraction word ("half the"), or at the
    number before it and a hyphen or white space ("two-thirds", "a third")."""
    if not text.isascii():
        return g.FRACTION_WORD.finditer(text)
    starts = []
    for i in num.finds(low, _FRACTION_FIRSTS):
        starts.append(i)
        j = i - 1 if i and text[i - 1] == "-" else num.space_start(text, i)
        starts.extend(range(max(0, j - _NUM_BEFORE_FRACTION), j))
    return num.anchored(g.FRACTION_WORD, text, starts)


def _half_point_matches(text: str, low: str) -> Iterator[re.Match] | list[re.Match]:
    """HALF_POINT's matches: each begins at "half"/"quarter" or at an "a" and white space
    before it."""
    if not text.isascii():
        return g.HALF_POINT.finditer(text)
    starts = []
    for i in num.finds(low, _HALF_POINT_FIRSTS):
        starts.append(i)
        j = num.space_start(text, i)
        if 0 < j < i:
            starts.append(j - 1)
    return num.anchored(g.HALF_POINT, text, starts)


def _one_in_matches(text: str, low: str) -> Iterator[re.Match] | list[re.Match]:
    """ONE_IN's matches: each begins at most three characters before the white space in
    front of its "in" or "out of"."""
    if not text.isascii():
        return g.ONE_IN.finditer(text) if g.ONE_IN_HINT.search(text) else []
    starts = []
    for anchor in (_IN_AT, _OUT_OF_AT) if "out" in low else (_IN_AT,):  # each begins so
        for a in anchor.finditer(low):
            j = num.space_start(text, a.start())
            starts.extend(range(max(0, j - _ONE_IN_A), j))
    return num.anchored(g.ONE_IN, text, starts) if starts else []


# --------------------------------------------------------------------------- passes


def _ratio_words(text: str, taken: list[tuple[int, int]], low: str | None = None
                 ) -> Iterator[_Q]:
    for m in _ratio_matches(text, text.lower() if low is None else low):
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


def _fractions(text: str, taken: list[tuple[int, int]], low: str | None = None
               ) -> Iterator[_Q]:
    for m in _fraction_matches(text, text.lower() if low is None else low):
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


def _half_points(text: str, low: str | None = None) -> Iterator[_Q]:
    """'half a point', 'a quarter-point cut', 'a quarter of a percentage point'."""
    for m in _half_point_matches(text, text.lower() if low is None else low):
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


def _one_in(text: str, low: str | None = None) -> Iterator[_Q]:
    """'one in six cars', 'one out of three Germans': a ratio."""
    for m in _one_in_matches(text, text.lower() if low is None else low):
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


# A number read aloud (numerals.SPOKEN) holds "point" or "and-a-half", and begins at most
# a whole number's length (digits, or two number words and a hyphen) before the white
# space or hyphen in front of that word.
_SPOKEN_WORD = re.compile(r"(?i:point|and-a-half)")
_SPOKEN_WHOLE_MAX = max(3, 2 * max(len(w) for w in num._CARDINAL) + 1)


def spoken_cores(text: str) -> list[re.Match]:
    """``list(numerals.SPOKEN_CORE.finditer(text))``, with the pattern tried only at the
    few positions before each "point" or "and-a-half" where a match can begin (the
    whole-text pass tried every position).

    >>> [m.group(0) for m in spoken_cores("It grew six-point-two percent, at one point.")]
    ['six-point-two']
    """
    out: list[re.Match] = []
    match = num.SPOKEN_CORE.match
    pos = 0
    while (w := _SPOKEN_WORD.search(text, pos)) is not None:
        h = w.start()
        j = h
        while j > pos and (text[j - 1].isspace() or text[j - 1] == "-"):
            j -= 1
        found = None
        for p in range(max(pos, j - _SPOKEN_WHOLE_MAX), h + 1):
            found = match(text, p)
            if found is not None:
                break
        if found is None:
            pos = h + 1  # no match holds this word: the next begins after it
        else:
            out.append(found)
            pos = found.end()
    return out
