"""Reader: the period of a figure compared with another ("from 8.9 billion in April", "a
year earlier", "the same period in 1986", "respectively"), given the period of the figure it
is compared with.

>>> comparison_period("1987-02", " a year earlier and 5.70 billion")
'1986-02'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from .periods import _COUNT, _PERIOD, _period_text, resolve_period

if TYPE_CHECKING:
    from .article import Article, Sentence

__all__ = ["compared_period", "comparison_period", "prior_period", "respective_periods"]


_REL_BEFORE = re.compile(
    r"\A[^;]{0,40}?\b(?:(?P<n>two|three|four|five|2|3|4|5)\s+years\s+(?:earlier|ago|before)|"
    r"(?P<ago>a\s+year\s+(?:earlier|ago|before)|year[- ]ago|(?:the\s+)?year[- ]earlier\s+period|"
    r"the\s+(?:previous|preceding|prior)\s+year|(?:in\s+)?the\s+year\s+before|last\s+year)|"
    r"(?:the|a)\s+(?:same|similar|corresponding|comparable)\s+(?P<year2>(?:19|20)\d\d)\s+"
    r"(?:period|months?|quarter)|"
    r"the\s+(?:same|corresponding|comparable|similar)\s+(?:(?:(?:two|three|four|five|six|seven|"
    r"eight|nine|ten|eleven|\d+)\s+)?"
    r"months|month|period|quarter|half|time)(?:\s+(?:of|in|a|for))?\s+(?:(?P<year>(?:19|20)\d\d)|"
    r"(?:the\s+)?(?:previous|preceding|prior)\s+year|last\s+year|a\s+year\s+(?:earlier|ago)|"
    r"the\s+year\s+(?:before|earlier)))", re.IGNORECASE)


def comparison_period(period: str | None, after: str) -> str | None:
    """The period of a comparison figure from the words right ``after`` it, given the
    ``period`` of the figure it is compared with: "a year earlier" is the same month,
    quarter or year one year back; "the same period in 1986" keeps the month or
    quarter in 1986.  None when the words name no such period.

    >>> comparison_period("1987-02", " a year earlier and 5.70 billion")
    '1986-02'
    >>> comparison_period("1987Q1", " in the same period in 1986.")
    '1986Q1'
    >>> comparison_period("1987-02", " in January") is None
    True
    """
    m = _REL_BEFORE.match(after)
    if m is None or not period:
        return None
    if "/" in period and "-" in period:  # a partial period: the same months, years back
        a, b = period.split("/")
        shifted = [comparison_period(x, after) for x in (a, b)]
        return "/".join(shifted) if all(shifted) else None
    ym = re.match(r"(?:FY)?((?:19|20)\d\d)(.*)$", period)
    if ym is None:
        return None
    back = 1
    if m.group("n"):
        back = _COUNT.get(m.group("n").lower()) or int(m.group("n"))
    explicit = m.group("year") or m.group("year2")
    year = int(explicit) if explicit else int(ym.group(1)) - back
    rest = ym.group(2)
    if re.match(r"/\d\d$", rest):  # a split year 1987/88 -> 1986/87
        return f"{year}/{(year + 1) % 100:02d}"
    return f"{'FY' if period.startswith('FY') else ''}{year}{rest}"


#: A comparison after a figure ("rose to X in March from Y in February"); "from" only
#: before an amount or a time ("imports from India $4.86 billion in 2018-19" is a place).


_RESPECTIVE = re.compile(r"\brespective(?:ly)?\b", re.IGNORECASE)


def respective_periods(art: Article, rows: list[dict[str, Any]]) -> None:
    """"Exports were 5.1 billion and 4.3 billion dlrs in 1986 and 1985 respectively", "...
    in the respective periods": the figures take the periods named, in order."""

    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        by_sentence.setdefault(r["_sentence"], []).append(r)
    for idx, group in by_sentence.items():
        sent = art.sentences[idx]
        if len(group) < 2 or not _RESPECTIVE.search(sent.text):
            continue
        spans = [(r["start"] - sent.start, r["end"] - sent.start) for r in group]
        found = [m for m in _PERIOD.finditer(sent.text)
                 if not any(a <= m.start() < b for a, b in spans)]
        years = [int(m.group("year")) for m in found if m.group("year")]
        periods = [p for p in (_period_text(m, art.period_date, years) for m in found) if p]
        if len(periods) == len(group):
            for r, p in zip(group, periods, strict=True):
                r["period"], r["period_by"] = p, "respective"


def compared_period(art: Article, sent: Sentence, end: int, nxt: int,
                     base: Any, start: int | None = None) -> str | None:
    """A comparison figure's period from its own words (up to the next figure)."""
    tail = sent.text[end - sent.start:min(nxt, sent.end) - sent.start]
    own = resolve_period(tail, art.period_date, 0, 0)
    if own is None:  # "narrower than January's 527 mln deficit": the words just before it
        head = _POSSESSIVE_PERIOD.search(sent.text, 0, max(0, (start or end) - sent.start))
        if head:
            own = resolve_period(head.group(1), art.period_date, len(head.group(1)))
    found = comparison_period(base, tail) or _align_year(own, base, tail)
    if found is None and start is not None and _FROM_BEFORE.search(
            sent.text, max(0, start - sent.start - 40), start - sent.start) \
            and not _PERIOD.search(tail):
        found = prior_period(base)  # "rose to 6.93 billion from 6.20 billion": the one before
    return found


#: A comparison figure introduced as the level a change started from.
_FROM_BEFORE = re.compile(r"\b(?:from|compared\s+with|against|after)\s+(?:an?\s+)?(?:revised\s+|"
                          r"provisional\s+|previous\s+|estimated\s+)?(?:about\s+|some\s+)?\Z",
                          re.IGNORECASE)


def prior_period(period: Any) -> str | None:
    """The period just before ``period`` (a month, quarter, year or fiscal year); None for
    a partial period or none.

    >>> prior_period("1987-01"), prior_period("1987Q1"), prior_period("1987"), prior_period("1986/87")
    ('1986-12', '1986Q4', '1986', '1985/86')
    """
    if not isinstance(period, str):
        return None
    if m := re.fullmatch(r"((?:19|20)\d\d)-(\d\d)", period):
        y, mo = int(m.group(1)), int(m.group(2))
        return f"{y - 1}-12" if mo == 1 else f"{y}-{mo - 1:02d}"
    if m := re.fullmatch(r"((?:19|20)\d\d)Q([1-4])", period):
        y, q = int(m.group(1)), int(m.group(2))
        return f"{y - 1}Q4" if q == 1 else f"{y}Q{q - 1}"
    if re.fullmatch(r"(?:19|20)\d\d", period):
        return str(int(period) - 1)
    if m := re.fullmatch(r"((?:19|20)\d\d)/(\d\d)", period):
        y = int(m.group(1)) - 1
        return f"{y}/{(y + 1) % 100:02d}"
    return None


_POSSESSIVE_PERIOD = re.compile(
    r"\b(?:than|from|with|against|after)\s+(?:(?:an?|the)\s+)?(?:(?:revised|provisional|"
    r"preliminary|previous|record|upwardly\s+revised|downwardly\s+revised)\s+)?"
    r"((?:last\s+)?(?:January|February|March|April|May|June|July|"
    r"August|September|October|November|December|(?:19|20)\d\d|last\s+year|the\s+previous\s+"
    r"(?:year|month|quarter))(?:['’]s)?)(?:\s+(?:[a-z-]+\s+){0,2}(?:of\s+)?|\s+\S*)\Z",
    re.IGNORECASE)  # "than January's 527 mln", "with a revised January deficit of 12.3bn"


_YEAR_PART = re.compile(r"((?:19|20)\d\d)((?:Q[1-4]|-\d\d)?)")


def _align_year(own: str | None, base: Any, tail: str) -> str | None:
    """A comparison's month or quarter without a year sits at or before the figure it is
    compared with: "9 billion in the fourth quarter of 1986 from 8 billion in the third
    quarter" is 1986Q3; "in January from 5 billion in December" is the December before."""
    if own is None or not isinstance(base, str) or re.search(r"\b(?:19|20)\d\d\b", tail):
        return own
    m, b = _YEAR_PART.fullmatch(own), _YEAR_PART.fullmatch(base)
    if not m or not b or not m.group(2) or m.group(2)[0] != b.group(2)[:1]:
        return own
    year = int(b.group(1))
    if m.group(2) > b.group(2):
        year -= 1
    return f"{year}{m.group(2)}"
