"""Reader: the period a figure refers to ("2017", "1987/88", "2019Q1", "1987-01",
"2016-01/2016-09"), read from its own clause and resolved against the article date.

>>> import pandas as pd
>>> resolve_period("exports rose in fiscal 1987/88", pd.Timestamp("1988-05-01"), 30)
'1987/88'
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import pandas as pd

from ..common.regex import with_start_filter
from .parse import (
    words,
)

if TYPE_CHECKING:
    from .article import Article, Item, Sentence

_MONTHS = {m: i for i, m in enumerate(words(
    "january february march april may june july august september october november december"),
    start=1)}
_MONTH_ABBR = {m[:3]: i for m, i in _MONTHS.items()}  # "Jan-Sept"


_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4, "final": 4, "last": 4}


# compiled behind a word-start look-ahead: the same matches, with the inside of words skipped
_PERIOD = with_start_filter(
    r"""
    (?P<part>\b(?:the\s+)?first\s+(?P<pn>two|three|four|five|six|seven|eight|nine|ten|eleven|
        [2-9]|1[01])\s+months(?:\s+of(?:\s+(?:the|this|(?P<plast>last))\s+year)?)?(?:\s+(?P<py>(?:19|20)\d\d))?)
    | (?P<half>\b(?:the\s+)?(?P<hn>first|second)\s+half(?:\s+of)?(?:\s+(?P<hy>(?:19|20)\d\d))?
        |\bH(?P<hn2>[12])\s*(?P<hy2>(?:19|20)\d\d)?)
    | (?P<mm>\b(?P<ma>January|February|March|April|May|June|July|August|September|October|
        November|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov)\.?\s*(?:-|–|to|through)\s*
        (?P<mb>February|March|April|May|June|July|August|September|October|November|December|
        Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?:\s*[-–]\s*(?P<mc>February|March|April|May|June|
        July|August|September|October|November|December))?(?:\s+(?P<mmy>(?:19|20)\d\d))?\b
        (?!\s+(?:quarter|qtr)))
    | (?P<relm>\b(?:last|previous|past|this|the\s+previous)\s+month\b)
    | (?P<fye>\b(?:fiscal|financial)\s+year\s+(?:that\s+|which\s+)?end(?:ed|ing|s)\s+(?:in\s+|on\s+)?
        (?:\d{1,2}\s+)?(?P<fyem>January|February|March|April|May|June|July|August|September|October|
        November|December)(?:\s+\d{1,2},?)?(?:\s+(?P<fyey>(?:19|20)\d\d))?)
    | (?P<btw>\bbetween\s+(?P<ba>January|February|March|April|May|June|July|August|September|
        October|November|December)\s+(?P<bay>(?:19|20)\d\d)\s+and\s+(?P<bb>January|February|March|
        April|May|June|July|August|September|October|November|December)\s+(?P<bby>(?:19|20)\d\d))
    | (?P<rem>\b(?:the\s+)?(?:remaining|last|final)\s+(?P<rn>two|three|four|five|six|[2-6])\s+months
        \s+of\s+(?:the\s+year|(?P<ry>(?:19|20)\d\d)))
    | (?P<yto>\b(?:the\s+)?(?P<ytofy>(?:fiscal|financial)\s+)?(?:(?P<ytoc>two|three|four|five|six|seven|
        eight|nine|ten|eleven|[2-9]|1[01])\s+months|12\s+months|year|four\s+quarters)\s+(?:to|through|ending|ended)\s+(?:the\s+end\s+of\s+)?
        (?P<ytom>January|February|March|April|May|June|July|August|September|October|November|
        December)(?:\s+(?P<ytoy>(?:19|20)\d\d))?)
    | (?P<fy>(?:fiscal|financial|FY)\s*(?:year\s+)?(?P<fy1>(?:19|20)\d\d)(?:[/–-](?P<fy2>\d\d(?:\d\d)?)(?!\d))?)
    | (?P<split>(?<![\d/-])(?P<sy1>(?:19|20)\d\d)[/-](?P<sy2>\d\d?)(?![\d/-]))
    | (?P<q>(?P<qn>first|second|third|fourth|final|1st|2nd|3rd|4th)\s+(?:quarter|qtr)\b
        (?:\s+of\s+(?:this|the\s+current)\s+year)?(?:\s+(?:of\s+)?(?P<qy>(?:19|20)\d\d))?)
    | (?P<mq>\b(?P<m1>January|April|July|October)\s*[-/–]\s*(?:March|June|September|December)
        \s+(?:quarter|qtr)(?:\s+(?:of\s+)?(?P<mqy>(?:19|20)\d\d))?)
    | (?P<qq>\bQ(?P<qqn>[1-4])\s*(?P<qqy>(?:19|20)\d\d)?)
    | (?P<month>\b(?P<mname>January|February|March|April|May|June|July|August|September|October|
        November|December)(?:\s+(?P<my>(?:19|20)\d\d))?\b)
    | (?P<rel>\b(?:a\s+)?year[- ]ago\b|\b(?:a\s+)?year\s+(?:earlier|before)\b|
        \b(?:last|this|next|previous|past|current|the\s+previous)\s+year\b)
    | (?P<fullyear>\b(?:for|in|over)\s+the\s+(?:full|whole|entire)\s+year\b|\bfull[- ]year\b)
    | (?P<sincem>\b(?:since|up\s+to|until)\s+(?:early\s+|late\s+|mid-?)?(?:January|February|March|
        April|May|June|July|August|September|October|November|December)\b(?:\s+(?:this|last)\s+year)?)
    | (?P<since>\b(?:since|from)\s+(?:the\s+start\s+of\s+|early\s+|late\s+)?(?:19|20)\d\d\b)
    | (?P<year>(?<![\d.,$])(?:19[5-9]\d|20[0-4]\d)(?![\d.,]\d))
    """,
    re.VERBOSE | re.IGNORECASE,
)


_MONTH_NAMES = (r"\b(?:January|February|March|April|May|June|July|August|September|October|"
                r"November|December)")
_LAST_YEAR_AFTER = re.compile(r"\s+(?:of\s+)?(?:last|the\s+previous|the\s+prior)\s+year\b",
                              re.IGNORECASE)
_BASE_YEAR = with_start_filter(r"\b(?:same|similar|corresponding|comparable)\s+(?:period|months?|"
                        r"quarter|time)\s+(?:of|in|a)\s+$", re.IGNORECASE)


_MONTH_CUE = re.compile(r"\b(?:in|of|for|by|since|during|last|until|through|from|to|and|"
                        r"between|early|late|mid)\s+$", re.IGNORECASE)
_BASE_CUE = re.compile(r"\b(?:from|than|with|over|on|against|versus|vs\.?)\s+(?:the\s+same\s+"
                       r"\w+\s+|the\s+level\s+of\s+)?$", re.IGNORECASE)


def _period_text(m: re.Match[str], date: pd.Timestamp | None, years: list[int]) -> str | None:
    g = m.groupdict()
    base = date.year if date is not None else None
    partial = _partial_period(g, date, years)
    if partial is not None:
        return partial or None
    if g["fy"]:
        y1 = int(g["fy1"])
        if g["fy2"]:
            return f"{y1}/{g['fy2'][-2:]}"
        return f"FY{y1}"
    if g["split"]:
        y1 = int(g["sy1"])
        if len(g["sy2"]) == 1:  # "1986/7": the fiscal year 1986/87
            return f"{y1}/{(y1 + 1) % 100:02d}" if int(g["sy2"]) == (y1 + 1) % 10 else None
        return f"{g['sy1']}/{g['sy2']}"
    if g["q"]:
        q = _QUARTERS[g["qn"].lower()]
        year = int(g["qy"]) if g["qy"] else (years[0] if years else base)
        if not g["qy"] and not years and date is not None and q > (date.month - 1) // 3 + 1:
            year = date.year - 1  # "the fourth quarter" in a February story: the last one
        return f"{year}Q{q}" if year else None
    if g["mq"]:
        year = int(g["mqy"]) if g["mqy"] else (years[0] if years else base)
        q = {"january": 1, "april": 2, "july": 3, "october": 4}[g["m1"].lower()]
        return f"{year}Q{q}" if year else None
    if g["qq"]:
        year = int(g["qqy"]) if g["qqy"] else (years[0] if years else base)
        if not g["qqy"] and not years and date is not None \
                and int(g["qqn"]) > (date.month - 1) // 3 + 1:
            year = date.year - 1  # "N4.77tn in Q4" in a March story: the last one
        return f"{year}Q{g['qqn']}" if year else None
    if g["month"]:
        before = m.string[max(0, m.start() - 12):m.start()]
        if (not g["my"] and re.match(r"\s+\d{1,2}\b(?!\s*(?:pct|%|per))", m.string[m.end():])) \
                or re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\s+$", before):
            return None  # "on June 16", "on 29 August 2025": a day, the statement's date
        if not g["my"] and re.search(r"\bend(?:ed|ing|s)\s+(?:in\s+|on\s+)?$", before):
            return None  # "fiscal 2015-16, which ended in March": the end of a period named
        if g["mname"] == "May" and not g["my"] and not _MONTH_CUE.search(before):
            return None  # the modal verb
        if re.search(r"\b(?:on|over|than|versus|against|compared\s+(?:with|to))\s+$", before):
            return None  # "an 8.9 pct increase on January": the base, not the figure's month
        month = _MONTHS[g["mname"].lower()]
        if g["my"]:
            return f"{g['my']}-{month:02d}"
        if date is None:
            return None
        if _LAST_YEAR_AFTER.match(m.string, m.end()):  # "in September last year"
            return f"{date.year - 1}-{month:02d}"
        # a month name without a year: the latest such month up to two months
        # after the article date ("in April" in a March story is this April)
        year = date.year if month <= date.month + 2 else date.year - 1
        return f"{year}-{month:02d}"
    if g["rel"]:
        word = re.sub(r"\s+", " ", g["rel"].lower())
        if date is None:
            return None
        head = m.string[max(0, m.start() - 40):m.start()]
        if re.search(_MONTH_NAMES + r"\s+$", head, re.IGNORECASE):
            return None  # "In February last year": the month's, read with the month
        if re.search(r"\b(?:so\s+far|to\s+date|same\s+(?:month|period|quarter))\s+(?:of\s+|in\s+)?$",
                     head, re.IGNORECASE):
            return None  # "the best so far this year", "the same month last year"
        if word.startswith(("a year", "year", "the previous", "previous")) and _BASE_CUE.search(
                m.string[max(0, m.start() - 30):m.start()]):
            return None  # "rose 7% from a year earlier": the base compared with
        if word in {"this year", "current year"}:
            return str(date.year)
        if word == "next year":
            return str(date.year + 1)
        # last/previous/past year, year-ago, a year earlier: relative to the
        # sentence's own year when it names one ("in 1986 ... the previous year")
        ref = years[0] if years and word.startswith(("previous", "the previous", "year")) else base
        return str(ref - 1)
    if g["year"]:
        if re.search(r"\bsince\b[^,;]{0,50}$", m.string[max(0, m.start() - 60):m.start()]):
            return None  # "has tripled since their agreement took effect in 2006"
        if re.match(r"\s+(?:levels?|figures?|totals?|values?)\b", m.string[m.end():]) and re.search(
                r"\b(?:its|their|the)\s+$", m.string[max(0, m.start() - 8):m.start()]):
            return None  # "nearly 1.5 times its 2023 level": the base, not the figure's year
        if _BASE_YEAR.search(m.string[max(0, m.start() - 40):m.start()]) or (
                re.search(r"\b(?:same|similar|corresponding|comparable)\s+$",
                          m.string[max(0, m.start() - 20):m.start()])
                and re.match(r"\s+(?:period|months?|quarter|time)", m.string[m.end():])):
            return None  # "up 2.5 pct on the same 1986 period", "than the same period in
            # 2003": the base the figure is compared with, not its own period
        return g["year"]
    if g["fullyear"]:  # "for the full year", told in the first months of the next one
        if date is None:
            return None
        return str(date.year - 1 if date.month <= 3 else date.year)
    if g.get("sincem"):
        return None  # "pledged $22bn since March", "up to mid-March": a running total
    if g["since"]:
        return None  # "cumulative investment since 2000": a stock, not a year's figure
    return None


_COUNT = {w: i for i, w in enumerate(words(
    "one two three four five six seven eight nine ten eleven"), start=1)}


def _partial_period(g: dict[str, Any], date: pd.Timestamp | None,
                    years: list[int]) -> str | None:
    """A part of a year as ``YYYY-MM/YYYY-MM`` ("the first nine months of 2016",
    "January-June", "the first half", "H2 2019"), or the month before the article's
    ("last month"); "" when the words are such a period but give no year to place it;
    None when they are not one."""
    def year_of(explicit: str | None) -> int | None:
        return int(explicit) if explicit else (years[0] if years else
                                               (date.year if date is not None else None))
    if g.get("part"):
        n = _COUNT.get(g["pn"].lower()) or int(g["pn"])
        y = year_of(g["py"])
        if g.get("plast") and y and not g["py"]:
            y -= 1  # "the first two months of last year"
        return f"{y}-01/{y}-{n:02d}" if y else ""
    if g.get("half"):
        h = int(g["hn2"]) if g["hn2"] else (1 if g["hn"].lower() == "first" else 2)
        y = year_of(g["hy"] or g["hy2"])
        return (f"{y}-01/{y}-06" if h == 1 else f"{y}-07/{y}-12") if y else ""
    if g.get("mm"):
        a, b = _MONTH_ABBR[g["ma"][:3].lower()], _MONTH_ABBR[(g["mc"] or g["mb"])[:3].lower()]
        y = year_of(g["mmy"])
        if y and b < a:  # "July-April" of a fiscal year: across the new year
            if not g["mmy"] and date is not None and b >= date.month + 2:
                y -= 1
            return f"{y - 1}-{a:02d}/{y}-{b:02d}"
        if not y or b <= a:
            return ""
        if not g["mmy"] and not years and date is not None and (a > date.month + 1 or (
                b >= date.month + 3 and a <= date.month)):
            # "the January to October period" in a January story: last year's, as a span
            # cannot be told before it ends
            y -= 1  # "the July-December period" in a February story: the last one (a span
            # starting next month, "the April-June period" told in March, may be forecast)
        return f"{y}-{a:02d}/{y}-{b:02d}" if (a, b) != (1, 12) else str(y)
    if g.get("btw"):  # "between April 2000 and August 2010": a stock built over a span
        a, b = _MONTHS[g["ba"].lower()], _MONTHS[g["bb"].lower()]
        return f"{g['bay']}-{a:02d}/{g['bby']}-{b:02d}"
    if g.get("rem"):  # "the remaining three months of the year"
        n = _COUNT.get(g["rn"].lower()) or int(g["rn"])
        y = year_of(g["ry"])
        return f"{y}-{13 - n:02d}/{y}-12" if y else ""
    if g.get("fye"):
        mon = _MONTHS[g["fyem"].lower()]
        if g["fyey"]:
            y = int(g["fyey"])
        elif date is not None:  # "the fiscal year that ended in March", told in May
            y = date.year if date.month >= mon else date.year - 1
        else:
            return ""
        return f"{y - 1}/{y % 100:02d}" if mon < 12 else str(y)
    if g.get("yto"):
        mon = _MONTHS[g["ytom"].lower()]
        y = int(g["ytoy"]) if g["ytoy"] else (date.year if date is not None else None)
        if y is None:
            return ""
        if g.get("ytoc"):  # "the eight months to the end of February": a partial span
            n = _COUNT.get(g["ytoc"].lower()) or int(g["ytoc"])
            if not g["ytoy"] and date is not None and mon > date.month:
                y -= 1  # "the nine months ended December" in a March story: the last one
            first = mon - n + 1
            return (f"{y}-{first:02d}/{y}-{mon:02d}" if first >= 1
                    else f"{y - 1}-{first + 12:02d}/{y}-{mon:02d}")
        if mon == 12:
            return str(y)
        if g.get("ytofy"):  # "the fiscal year to March 2022": fiscal 2021/22
            return f"{y - 1}/{y % 100:02d}"
        return f"{y - 1}-{mon + 1:02d}/{y}-{mon:02d}"
    if g.get("relm"):
        if date is None:
            return ""
        if g["relm"].lower().startswith("this"):
            return f"{date.year}-{date.month:02d}"
        prev = date - pd.offsets.MonthBegin(2) if date.day > 1 else date - pd.offsets.MonthBegin(1)
        return f"{prev.year}-{prev.month:02d}"
    return None


@lru_cache(maxsize=512)
def _period_matches(sentence: str) -> tuple[tuple[re.Match[str], ...], tuple[int, ...]]:
    """The time expressions of a sentence and the years they name, read once for all the
    sentence's figures."""
    matches = tuple(_PERIOD.finditer(sentence))
    return matches, tuple(int(m.group("year")) for m in matches if m.group("year"))


def resolve_period(sentence: str, date: pd.Timestamp | None, at: int,
                   end: int | None = None) -> str | None:
    """The period the figure at ``sentence[at:end]`` is for, as a string.

    Years ("2017"), fiscal years ("1987/88", "FY1986"), quarters ("2019Q1"), months
    ("1987-01") and "last/this/next year" resolved against the article ``date``.
    The expression nearest to the figure wins (after it preferred on a tie).

    >>> resolve_period("Trade reached $20 billion last year", pd.Timestamp("2019-01-22"), 14)
    '2018'
    >>> resolve_period("Exports in the first quarter rose 5%", pd.Timestamp("2019-05-01"), 33) is None
    False
    >>> resolve_period("Exports rose 5%", None, 13) is None
    True
    """
    matches, told = _period_matches(sentence)
    years = list(told)
    best, best_d = None, None
    for m in matches:
        value = _period_text(m, date, years)
        if value is None:
            continue
        stop = at if end is None else end
        if m.end() <= at:
            d = at - m.end()
        elif m.start() >= stop:
            d = m.start() - stop - 0.5
        else:
            continue  # inside the figure itself

        if best_d is None or d < best_d:
            best, best_d = value, d
    return best


_COMPARE_WORD = with_start_filter(
    r"\bfrom(?=\s+(?:a\s|an\s|the\s+(?:same|previous|prior|year|level)|[$£€¥\d]|(?:one|two|"
    r"three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s|"
    r"(?:US|C|A|NZ|HK|S)\$|last|previous|prior|about|around|some|nearly|almost|just|"
    r"January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:19|20)\d\d)(?!\w*\s*(?:to|through|until|[-–])\s*(?:(?-i:[A-Z][a-z]+)|(?:19|20)\d\d)\b))|"
    r"\b(?:against|compared|versus|vs|after|than|above|below)\b|\bvis-[aà]-vis\b",
    re.IGNORECASE)  # "from January to August" is a span, not a base


_ASIDE_BEFORE = re.compile(r",\s*(?:which|who|whose)\b[^,;]{0,80},")
#: A base with no figure of its own: "rose 14.6 pct from a year earlier in February".
_BARE_BASE = re.compile(r"(?:from|against|compared\s+with|over)\s+(?:a\s+year\s+(?:earlier|ago|before)|"
                        r"the\s+(?:previous|prior|same)\s+(?:year|month|quarter|period)(?:\s+a\s+year\s+"
                        r"(?:earlier|ago))?|last\s+year|a\s+month\s+(?:earlier|ago|before))"
                        r"(?=\s*(?:,\s*)?(?:in|for|during|over|to)\b)", re.IGNORECASE)
_RELATIVE_AFTER = with_start_filter(r"\b(?:ahead\s+of|(?<!year\s)(?<!period\s)that|which|who|adding|"
                             r"because)\b", re.IGNORECASE)
_SHARED_TO = re.compile(r"\s+to\s+(?:between\s+)?(?:about\s+|around\s+|some\s+|nearly\s+)?\Z",
                        re.IGNORECASE)
_OWN_PERIOD_AFTER = re.compile(r"\s*(?:[a-z]+\s+){0,1}(?:in|at|by|for|during)\s+(?:the\s+)?(?:end\s+of\s+"
                               r"(?:the\s+)?)?(?:(?:19|20)\d\d|(?:January|February|March|April|May|"
                               r"June|July|August|September|October|November|December)\b)",
                               re.IGNORECASE)
_TRAILING_PERIOD = re.compile(
    r"[^\w]{0,3}(?:\w+\s+){0,2}?(?:(?:in|of|for|during)\s+)?(?P<when>(?:the\s+)?(?:(?:19|20)\d\d|"
    r"last\s+year|this\s+year|a\s+year\s+(?:earlier|ago)|January|February|March|April|"
    r"May|June|July|August|September|October|November|December|(?:first|second|third|"
    r"fourth)\s+quarter))\b(?!['’])", re.IGNORECASE)  # "from January's 23.5bn": the next one's


def main_period(art: Article, sent: Sentence, it: Item,
                 clause: tuple[int, int], prev_end: int | None = None) -> str | None:
    """The period of a figure, read in its clause up to the comparison that may follow
    it ("rose to X in March from Y in February": March)."""
    lo, hi = clause[0] - sent.start, clause[1] - sent.start
    if prev_end is not None and clause[0] <= prev_end <= it.start:
        lo = prev_end - sent.start
        trailing = _TRAILING_PERIOD.match(sent.text, lo)
        if trailing and _SHARED_TO.match(sent.text, trailing.end(), it.start - sent.start) \
                and not _OWN_PERIOD_AFTER.match(sent.text, it.end - sent.start):
            trailing = None  # "rising four pct this year to $270bn": the period of both
            # (but "from $1.4bn in 2010 to $2.2bn at the end of 2017": each its own)
        if trailing and trailing.end() <= it.start - sent.start:
            at = trailing.start("when")
            whole = _PERIOD.match(sent.text, at) or _PERIOD.match(
                sent.text, at + len(re.match(r"(?:the\s+)?", sent.text[at:]).group(0)))
            # "from 15.2 billion last year": last year is 15.2's; "in January-June"
            # is one period, skipped whole
            lo = max(trailing.end(), whole.end() if whole else 0)
    m = _COMPARE_WORD.search(sent.text, it.end - sent.start, hi)
    bare = _BARE_BASE.match(sent.text, m.start()) if m is not None else None
    if bare:  # "rose 14.6 pct from a year earlier in the first 20 days of February"
        m = _COMPARE_WORD.search(sent.text, bare.end(), hi)
    stop = hi if m is None else m.start()
    rel = _RELATIVE_AFTER.search(sent.text, it.end - sent.start, stop)
    if rel:  # "jumped 17% ahead of talks on a pact that Bangkok hopes to conclude next year"
        stop = rel.start()
    text = sent.text[lo:stop]
    for aside in _ASIDE_BEFORE.finditer(sent.text, lo, it.start - sent.start):
        # "Sales to Iran, which resumed in March, came to 2.1 billion": the aside's time
        a, b = aside.start() - lo, aside.end() - lo
        text = text[:a] + " " * (b - a) + text[b:]
    if bare and bare.end() <= stop:
        a, b = bare.start() - lo, bare.end() - lo
        text = text[:a] + " " * (b - a) + text[b:]
    return resolve_period(text, art.period_date, it.start - sent.start - lo, it.end - sent.start - lo)
