"""Passes over all of a text's mentions: units shared across them (elided currencies,
"8 or 9 euros", bracketed comparisons), dollars and cents, Reuters earnings tables.
Part of the extractor.

>>> from econnews.extraction.quantity import Mention
>>> _in_brackets("a ($5) b", Mention(3, 5, "money", 5.0, 5.0, 5.0, "USD"))
True
"""

from __future__ import annotations

import bisect
import itertools
import re

from ..common.budget import check as _check
from . import grammar as g
from . import measures as _measures
from .cues import _after_change, _words_before
from .numbers import tidy as _tidy
from .quantity import _Q
from .units import _TIME_UNITS

# the passes over a text's mentions check the time budget every 32 mentions, from the 32nd
# (a step costs microseconds, and a check a tenth of one: at each step it was a tenth of
# their time; the scanner checks once before these passes, so a short text needs none)
_EVERY = 31

_LABEL_MONEY = re.compile(
    r"(?i:(?:oper(?:ating)?\s+|qtly\s+|\w+\s+)?(?:net|revs?|revenues?|sales|pretax|profit|"
    r"loss|income|turnover|assets|deposits|loans|earnings)(?:\s+(?:loss|profit|income|revs|sales|"
    r"inc|dec))?)$"
)
_LABEL_SHR = re.compile(r"(?i:(?:oper\s+)?shr(?:\s+(?:loss|profit|diluted|primary))?)$")
_LABEL_SHARES = re.compile(r"(?i:(?:avg\s+)?shrs?(?:\s+outst(?:anding)?)?)$")
_NEWLINE = re.compile("\n")
_STOP = re.compile(r"[.!?]\s")  # a sentence ends in between
_STOP_OR_SEMICOLON = re.compile(r"[.!?;]\s")
_VS = re.compile(r"\s*(?i:vs\.?|versus)\s*$")


def _earnings_table(text: str, found: list[_Q]) -> None:
    """Reuters earnings tables ("Shr 1.20 dlrs vs 1.10 dlrs / Net 613,986 vs 534,093 /
    Revs 9,494,570 vs 7,591,564 / Avg shrs 72.1 mln"): a line's label says what its
    bare figures are: money in the story's currency, or a count of shares."""
    money = next((q.unit for q in found if q.kind == "money"), None)
    breaks = [m.start() for m in _NEWLINE.finditer(text)]  # once: rfind per row is O(n^2)
    for i, q in enumerate(found):
        if i & _EVERY == _EVERY:
            _check()
        k = bisect.bisect_left(breaks, q.start)
        line_start = breaks[k - 1] + 1 if k else 0
        prev = found[i - 1] if i else None
        # the label is what stands before the figure on its line, after the figure before
        # it ("Net loss 19,186,000 vs profit 12,438,000 Sales 157.9 mln" on one line)
        after_prev = prev is not None and prev.end > line_start and prev.kind == "money"
        label = _label(text, prev.end if after_prev else line_start, q.start)
        same_line_vs = (  # matched in place: the text between can be long
            prev is not None and prev.end >= line_start and _VS.match(text, prev.end, q.start)
        )
        if q.kind == "money" and _LABEL_SHR.match(label) and q.per is None:
            q.per = "share"
        if (
            q.kind == "money"
            and same_line_vs
            and prev.kind == "money"
            and prev.per
            and q.per is None
            and q.unit == prev.unit
        ):
            q.per = prev.per
        if q.kind != "number":
            continue
        if same_line_vs and prev.kind in ("money", "count") and prev.unit:
            q.kind, q.unit, q.unit_name, q.per = prev.kind, prev.unit, prev.unit_name, prev.per
            _hundredth_size(q, prev)  # "Shr 23 cts vs. 17": 17 cents
        elif _LABEL_SHARES.match(label):
            q.kind, q.unit, q.unit_name = "count", "shares", "share"
        elif money and _LABEL_MONEY.match(label) and (line_start > 0 or after_prev):
            q.kind, q.unit, q.unit_name = "money", money, _measures.currency_name(money)


_WORDY = re.compile(r"[\w\s]*")


def _label(text: str, a: int, b: int) -> str:
    """``text[a:b].strip()``, the words before a figure on its line, or "" where they
    cannot be a label: every label pattern takes letters, digits and white space only,
    so a tail that holds anything else rules it out without copying the line (a line of
    run-on text can be the whole text, and copying it for each figure was quadratic)."""
    if b - a > 64 and not _WORDY.fullmatch(text, b - 64, b):
        return ""
    return text[a:b].strip()


_AND = re.compile(r"\s*(?:and\s+)?$")


def _dollars_and_cents(text: str, found: list[_Q]) -> None:
    """'3 dollars 50 cents', 'thirteen dollars and forty-five cents': one amount."""
    i = 0
    while i + 1 < len(found):
        if i & _EVERY == _EVERY:
            _check()
        a, b = found[i], found[i + 1]
        if (
            a.kind == "money"
            and b.kind == "money"
            and a.unit == b.unit
            and a.unit_name != "cent"
            and b.unit_name in ("cent", "penny")
            and a.low == a.high
            and b.low == b.high
            and b.value < 1
            and _AND.match(text[a.end : b.start])
            and b.start - a.end < 6
        ):
            a.value = a.low = a.high = _tidy(a.value + b.value)
            a.end = b.end
            a.per = a.per or b.per
            del found[i + 1]
        i += 1


_COORD = re.compile(r"-?\s*(?:,\s*)?(?:and|or|,|to)\s+$")  # "-": "a 7- or 8-inch screen"
_OR_BEFORE = re.compile(r"\s*,?\s*or\s+(?:about\s+|some\s+|nearly\s+)?$")
_PAREN_BEFORE = re.compile(r"\s*\(\s*$")
_PAREN_AFTER = re.compile(r"\s*\)")


def _coordinate(text: str, found: list[_Q]) -> None:
    """Share a unit stated once: '8 or 9 euros', '2.27 and 2.28 times', and a scaled
    amount whose currency comes later in the sentence ('a loss of 12.92 billion ...
    against a 1.65 billion yen profit')."""
    _dollars_and_cents(text, found)
    for i, q in enumerate(found):
        if i & _EVERY == _EVERY:
            _check()
        prv = found[i - 1] if i > 0 else None
        if (
            q.kind == "percent"
            and q.change is None
            and prv is not None
            and prv.change
            and _OR_BEFORE.match(text[prv.end : q.start])
        ):
            q.change = prv.change  # "up 56 pence, or 7.6%"
        if q.kind != "number":
            continue
        if (
            prv is not None
            and prv.kind in ("money", "percent")
            and _PAREN_BEFORE.match(text[prv.end : q.start])
            and _PAREN_AFTER.match(text, q.end)
        ):
            # "4.27 pct (4.32)": last week's figure in brackets shares the unit
            q.kind, q.unit, q.unit_name, q.per = prv.kind, prv.unit, prv.unit_name, prv.per
            _hundredth_size(q, prv)
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        if (
            nxt is not None
            and nxt.kind in ("money", "percent", "ratio", "measure")
            and _COORD.match(text[q.end : nxt.start])
            and nxt.start - q.end < 12
            and not (nxt.kind in ("percent", "ratio") and (q.scaled or q.value > 1000))
        ):
            q.kind, q.unit, q.unit_name, q.per = nxt.kind, nxt.unit, nxt.unit_name, nxt.per
            _hundredth_size(q, nxt)  # "7 or 8 cents": 7 cents
            continue
        if (
            nxt is not None
            and nxt.kind == "money"
            and _PAREN_BEFORE.match(text[q.end : nxt.start])
            and _in_brackets(text, nxt)
        ):
            # "a net worth of 1.356 billion ($1.762bn)": a conversion, not its currency; but
            # "2,435,000 YEN ($22,480) ... and 2,380,000 ($21,972)": the yen again
            same = _converted_like(text, found, i, nxt)
            if same is not None:
                q.kind, q.unit, q.unit_name, q.per = "money", same.unit, same.unit_name, q.per
            continue
        if q.scaled and not _SHARE_LABEL.search(text, (q.start - 16 if q.start > 16 else 0), q.start):
            for other in found[i + 1 :]:
                if other.start - q.end > 200 or _STOP.search(text[q.end : other.start]):
                    break
                if other.kind == "money":
                    q.kind, q.unit, q.unit_name = "money", other.unit, other.unit_name
                    break


_NOT_A_NOUN_NEXT = re.compile(r"\s*(?:[a-z]|[,.;:!?)]|$)")
_AND_BARE = re.compile(r"^[^\d]{0,100}\s(?i:and)\s$")


def _converted_like(text: str, found: list[_Q], i: int, conversion: _Q) -> _Q | None:
    """The earlier amount of the sentence (of the eight mentions before ``found[i]``,
    within 300 characters) written with a bracketed conversion into the same currency
    as ``conversion``."""
    for j in range(i - 1, (i - 8 if i > 8 else 0), -1):
        a, b = found[j - 1], found[j]
        if conversion.start - a.end > 300 or _STOP.search(text[a.end : b.start]):
            return None
        if (
            a.kind == "money"
            and b.kind == "money"
            and b.unit == conversion.unit
            and a.unit != b.unit
            and _PAREN_BEFORE.match(text[a.end : b.start])
            and _in_brackets(text, b)
        ):
            return a
    return None


_SHARE_LABEL = re.compile(r"(?i:\b(?:avg\s+)?shrs?|\bshares|\bshs)\s+(?:outst(?:anding)?\s+)?$")
_PARAGRAPH = re.compile(r"\n\s*\n|\n {2,}|\n\t")


#: The hundredth units ("48.4 cents", "95 pence", "12.5 sen"): a mention's ``value`` is in
#: the currency's main unit, the number written times 0.01.
_HUNDREDTHS = frozenset(["cent", "penny", "sen"])


def _one_size(number: float, amount: _Q) -> bool:
    """Can a bare number be as many hundredths as the hundredths ``amount`` it is paired
    with? Not when the two written numbers are a thousand times apart or more: "a loss of
    475,000, or five cts a share" is an amount and its share ("Shr 2 cts vs 62" is a pair)."""
    n, written = abs(number), abs(amount.value) * 100
    return n == 0 or written == 0 or (n < 1000 * written and written < 1000 * n)


def _hundredth_size(q: _Q, src: _Q) -> None:
    """A bare number ``q`` that has just taken the unit of the amount ``src`` it is paired
    with: a hundredth unit ("7 or 8 cents", "from 12 to 15 cents", "Shr 23 cts vs. 17")
    makes it that many hundredths, its value divided by 100 as the unit's own reading
    divides it. A scaled number or one of another size shares only the currency ("29 mln
    to 32 mln and 24 cts to 30 cts", "475,000, or five cts per share")."""
    if src.unit_name not in _HUNDREDTHS:
        return
    if q.scaled or not _one_size(q.value, src):
        q.unit_name = q.per = None  # the currency's own name, filled in by the table
        return
    q.value, q.low, q.high = _tidy(q.value * 0.01), _tidy(q.low * 0.01), _tidy(q.high * 0.01)


def _elided_unit(
    found: list[_Q], prev: _Q, number: float, scaled: bool
) -> tuple[str | None, str | None, float]:
    """The unit name, rate and factor a bare number takes from the earlier amount ``prev``
    whose currency it shares (see :func:`_elided_from`). A rate is shared between amounts
    of one size ("5 cts a share ... 2.3 mln" is not). A hundredth is shared, with its
    factor 0.01, when nothing between the two changes the size: an unscaled number of the
    same size right after the hundredths amount it is compared with ("Shr 48.4 cents vs
    40.6", "raised to 15 cents from 12", "24 cts to 30 a share"). Not by a scaled number
    ("76 cts a share vs 149.2 mln": only the currency), one with another figure between,
    the new level after a change told in cents ("rose 75 cents to 45.25": a price in
    dollars; but London quotes share prices in pence: "rose 49p to 237" is 237 pence), or
    an amount beside its share ("31 cts a share, vs 271,000")."""
    per = prev.per if prev.scaled == scaled else None
    if prev.unit_name not in _HUNDREDTHS:
        return prev.unit_name, per, 1.0
    if not _one_size(number, prev):
        return None, None, 1.0
    if not scaled and prev is found[-1] and (not prev.change or prev.unit_name == "penny"):
        return prev.unit_name, per, 0.01
    return None, per, 1.0


def _elided_from(text: str, found: list[_Q], s: int, e: int, scaled: bool) -> _Q | None:
    """The earlier quantity whose unit a bare number shares ("rose to 8.14 billion dlrs
    from 5.7 billion"): the last money amount of the paragraph for a scaled number (a
    percent or a duration in between does not break it), the previous amount of the
    sentence for a number after "from"/"to"/"against", the counted noun of the sentence
    for "... and 95800 who", the percent of "increased by 2 percent but decreased by 1".
    ``s``, ``e``: where the bare number starts and ends."""
    cue = (s >= 1 and text[s - 1].isspace()) and g.ELIDED_BEFORE.search(text, (s - 16 if s > 16 else 0), s)
    if not (scaled or cue):
        prev = found[-1]
        gap = text[prev.end : s]
        if _STOP_OR_SEMICOLON.search(gap) or len(gap) > 100:
            return None
        if _AND_BARE.search(gap) and _NOT_A_NOUN_NEXT.match(text, e):
            for q in reversed(found[-4:]):
                if q.kind == "count":
                    return q  # "68400 people who ... and 95800 who have": the same noun
                if not (q.kind == "measure" and q.unit_name in _TIME_UNITS):
                    break
            return None
        if prev.kind == "percent" and _after_change(text, s, "by", reach=1):
            return prev  # "DAX increased by 2 percent but Nasdaq decreased by 1"
        return None
    prev = found[-1]
    if prev.kind == "number" and "\n" not in text[prev.end : s] and s - prev.end < 20:
        return None  # "72.1 mln vs 31.7 mln": a pair of bare numbers stays bare
    if (
        prev.kind in ("count", "measure")
        and prev.unit != "G"
        and not (prev.kind == "measure" and prev.unit_name in _TIME_UNITS)
    ):
        gap = text[prev.end : s]
        if len(gap) < 60 and not _STOP.search(gap) and not _PARAGRAPH.search(gap):
            return prev
    for q in reversed(found[-8:]):
        gap = text[q.end : s]
        if len(gap) > 400 or _PARAGRAPH.search(gap):
            return None
        if q.kind == "money":
            if _in_brackets(text, q):
                continue  # "2.2 billion shekels ($590 million) and 71 million": the shekels
            if not scaled and _STOP.search(gap):
                return None
            return q
        if q.kind == "count" and q.unit != "G":
            # "lost 162.31 points, or 2.14%, to fall to 7,425.81": the same noun
            return q if cue and not _STOP.search(gap) and len(gap) < 120 else None
    return None


def _in_brackets(text: str, q: _Q) -> bool:
    before = text[(q.start - 2 if q.start > 2 else 0) : q.start].strip()
    after = text[q.end : q.end + 2].strip()
    return before.endswith("(") and after.startswith((")", ";", ","))


_BOUND_WORDS = r"(?:(?:about|around|some|nearly|almost|roughly|just|only|over|under|more\s+than|less\s+than)\s+)?"
# what may stand between the two levels: a few words ("at 10.45pm last night", "in 2008",
# "combined"), never a clause break
_GAP_TO = re.compile(r"(?:\s+[^\s,;:()]+){0,6}?\s+(?i:to)\s+" + _BOUND_WORDS + r"$")
_GAP_FROM = re.compile(r"(?:\s+[^\s,;:()]+){0,6}?\s+(?i:from)\s+" + _BOUND_WORDS + r"$")
_TIGHT_TO = re.compile(r"\s+(?i:to)\s+$")


def _movements(text: str, found: list[_Q]) -> None:
    """Mark the old and the new level of a movement: 'fell from $36,040 at 10.45pm to
    $34,935' (``role`` from, to), 'narrowed to 138,285 lots from 212,577 lots' (to, from).
    A bare old level takes the new one's unit ('slowed from 4.8 to 4.7 percent')."""
    for k, (a, b) in enumerate(itertools.pairwise(found)):
        if k & _EVERY == _EVERY:
            _check()
        if a.role or b.role or a.low != a.high or b.low != b.high:
            continue
        if a.kind != b.kind and a.kind != "number":
            continue
        e, s = a.end, b.start
        if s - e < 4 or not (text[e].isspace() and text[s - 1].isspace()):
            continue  # both gap patterns begin and end with white space, around "to"/"from"
        # the gap matched in place (no copy: it can be long), the pattern first (cheaper)
        if _GAP_TO.fullmatch(text, a.end, b.start) and _words_before(text, a.start)[-1:] == [
                "from"]:
            a.role, b.role = "from", "to"
            if a.kind == "number" and _TIGHT_TO.fullmatch(text, a.end, b.start):
                a.kind, a.unit, a.unit_name, a.per = b.kind, b.unit, b.unit_name, b.per
                _hundredth_size(a, b)  # "rose from 12 to 15 cents": 12 cents
        elif (
            a.kind == b.kind
            and _GAP_FROM.fullmatch(text, a.end, b.start)
            and _after_change(text, a.start, "to", reach=3, nouns=True)
        ):
            a.role, b.role = "to", "from"  # "narrowed to X from Y", "has risen sharply to"
