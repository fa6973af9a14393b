"""When a figure is for: its period read from its own clause ("in the first half of the
2024/25 fiscal year", "last month"), then from the clause or sentence before it, then the
period the story reports on; a stock ("cumulative investment") or a yearly rate ("$13bn a
year") takes only its own clause's.

>>> import econnews as en
>>> c = en.find_claims({"id": "a", "date": "2024-05-01", "text":
...     "Exports rose 5% in April, the ministry said. Imports fell 3%."})
>>> c[["surface", "period", "period_by"]].values.tolist()
[['5%', '2024-04', 'clause'], ['3%', '2024-04', 'earlier_sentence']]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..common.regex import with_start_filter
from .bases import comparison_period
from .parse import FAMILY
from .periods import main_period
from .told import fiscal_part, named_unit, relative_fiscal_year, story_period

if TYPE_CHECKING:
    from .article import Item, Sentence
    from .read import _Walk

__all__ = ["TIME_UNITS", "figure_period", "growth_period"]

#: A flow per span of time ("$30 billion a year") is a flow, not a price.
TIME_UNITS = {"year", "month", "quarter", "week", "day", "annum", "annually", "yr"}


#: Words that make a figure a stock ("cumulative investment has passed $43bn", "the total
#: amount of Japanese investments"): no period is carried to it from the story.
_STOCK_CUE = with_start_filter(r"\b(?:cumulative|accumulated|stock|so\s+far|to\s+date|in\s+total|"
                        r"total\s+amount|outstanding|ha(?:s|ve)\s+(?:reached|passed|exceeded|topped)|"
                        r"stands?\s+at|currently|ow(?:es|ed|e|ing)(?!\s+to\b))\b",
                        re.IGNORECASE)  # "stands at about $10bn", "owes China $21bn": a stock
_FISCAL_WORD = re.compile(r"\b(?:fiscal|financial)\s+(?:year|(?:19|20)\d\d)\b", re.IGNORECASE)
_CONSENSUS = re.compile(r"\bhad\s+(?:been\s+)?(?:expected|forecast|predicted|projected)\b|"
                        r"\bexpectations?\b|\bconsensus\b|\bpolled\b", re.IGNORECASE)
_YEAR_EARLIER_AFTER = re.compile(r"\s*(?:[\w-]+\s+){0,2}?(?:a\s+year\s+(?:earlier|ago|before)|"
                                 r"year[- ]ago|in\s+the\s+year[- ]ago\s+period)\b",
                                 re.IGNORECASE)
#: "up 7.88% vis-a-vis the year-ago period": the base of the change, not the figure's time.
_BASE_WORDS = re.compile(r"\s*(?:[\w-]+\s+)?(?:vis-a-vis|vis-à-vis|from|against|over|on|versus|"
                         r"compared\s+(?:with|to))\s", re.IGNORECASE)
_SINCE_YEAR = with_start_filter(r"\b[Ss]ince\s+((?:19|20)\d\d)\b")
_FROM_BEFORE_FIG = re.compile(r"\bfrom\s+(?:an?\s+)?(?:revised\s+)?(?:about\s+|some\s+|around\s+)?\Z",
                              re.IGNORECASE)
_TO_FIGURE_AFTER = re.compile(r"\s+to\s+(?:about\s+|some\s+|around\s+|a\s+record\s+)?(?:[$€£¥]|"
                              r"[A-Z]{1,3}\$|\d)")
_SAME_PERIOD_AFTER = re.compile(r"\s*(?:in|for|during|over)\s+the\s+(?:same|corresponding|"
                                r"comparable|similar)\s+(?:month|period|quarter|months)\s+"
                                r"(?:of|in)\s+(?:19|20)\d\d\b", re.IGNORECASE)
#: One-off deals (a loan extended, stakes bought, aid given) take no period from other
#: sentences: unlike a trade statistic, they are not for the period the story reports on.
_DEALS = frozenset({"investment", "loans", "aid"})
_AFTER_GROWTH = re.compile(r"(?:\s+(?:in|for|during)\s+[\w/-]+(?:\s+[\w/-]+){0,3})?\s*,?\s*after\s+(?:a\s+|an\s+)?(?:annual\s+|yearly\s+)?(?:growth|"
                           r"rise|increase|fall|drop|decline|jump)\s+of\s+\Z", re.IGNORECASE)


def growth_period(w: _Walk, it: Item, sent: Sentence) -> str | None:
    """"more than $18bn in 2017, after growth of 14%": the growth is the same year's."""
    prev, prev_item = w.prev, w.prev_item
    if it.kind not in {"percent", "ratio"} or prev is None or prev_item is None \
            or not sent.start <= prev_item.start or not isinstance(prev["period"], str):
        return None
    return prev["period"] if _AFTER_GROWTH.match(w.art.text, prev_item.end, it.start) else None


def figure_period(w: _Walk, it: Item, sent: Sentence, idx: int, clause: tuple[int, int],
                  concept: str, claim_type: str, per: str | None) -> tuple[str | None, str]:
    """A figure's period and the reading that gave it (``period_by``): its own clause
    first, then the clause or sentence before it, then the period the story reports on; a
    stock or a yearly rate takes only its own clause's."""
    art, prev_item = w.art, w.prev_item
    period = main_period(art, sent, it, clause,
                         prev_item.end if prev_item is not None else None)
    period_by = "clause" if period else "none"
    stated = w.sentence_period.get(idx)
    if stated is None and w.prev is not None and w.prev.get("_sentence") == idx:
        stated = w.prev["period"]  # "expected to exceed $5.5bn in the first four months,
        # against 4.25 billion a year ago": the forecast's months a year back
    if period and isinstance(stated, str) and stated[:4] != period[:4] and ("-" in stated or "Q" in stated) \
            and _YEAR_EARLIER_AFTER.match(art.text, it.end) \
            and not _BASE_WORDS.match(art.text, it.end):
        # "grew 4.2% in the first half of 2019, slower than the 7.5% pace a year earlier":
        # the same months a year back, not the whole year
        period = comparison_period(stated, " a year earlier") or period
    prev = w.prev
    if prev is not None and prev.get("_sentence") == idx and isinstance(prev["period"], str) \
            and _FROM_BEFORE_FIG.search(art.text, max(sent.start, it.start - 30), it.start) \
            and _YEAR_EARLIER_AFTER.match(art.text, it.end):
        # "fell to 1.89 billion in the first 10 days of March from a 1.91 billion surplus a
        # year earlier": the figure before it, a year back
        shifted = comparison_period(prev["period"], " a year earlier")
        if shifted:
            period, period_by = shifted, "comparison"
    since = _SINCE_YEAR.search(sent.text)
    if since and _FROM_BEFORE_FIG.search(art.text, max(sent.start, it.start - 30), it.start) \
            and _TO_FIGURE_AFTER.match(art.text, it.end):
        # "Since 2010, its exports have grown from $482m to $894m": the span's first year
        period, period_by = since.group(1), "clause"
    if period is None and _SAME_PERIOD_AFTER.match(art.text, it.end):
        # "up from 8.6 billion euros in the corresponding month in 2012": the months of
        # the figure it is compared with, in the year it names
        anchor = stated if isinstance(stated, str) else w.sentence_period.get(idx - 1)
        period = comparison_period(anchor, art.text[it.end:it.end + 80])
        period_by = "comparison" if period else "none"
    if concept in FAMILY and _FISCAL_WORD.search(sent.text):
        home = w.home(idx, sent) or art.country
        # "the first half of the 2024/25 fiscal year" in a Kenyan story: July-December 2024
        part = fiscal_part(art.text[clause[0]:clause[1]], home)
        if part is not None:
            period, period_by = part, "clause"
        elif period is None:  # "about $2.5 billion last fiscal year" in a Pakistani story
            period = relative_fiscal_year(sent.text, art.period_date, home)
            period_by = "clause" if period else "none"
    if period is None and concept in FAMILY:
        period = named_unit(art, w.sentence_period, idx, clause)
        period_by = "earlier_sentence" if period else "none"
    if period is None:
        period = growth_period(w, it, sent)
        period_by = "earlier_clause" if period else "none"
    # a stock ("cumulative investment") or a yearly rate ("worth $13bn a year") takes
    # only the period its own clause tells
    cue = _STOCK_CUE.search(art.text, clause[0], clause[1])
    stock = cue or per in TIME_UNITS
    # the stock words after the figure before it are this figure's own ("..., and cumulative
    # investment has passed $43.2bn"), not the earlier figure's ("the cumulative deficit
    # for the first eleven months stands at £36.3bn, £4.5bn higher than ...")
    lo = prev_item.end if prev_item is not None and prev_item.end <= it.start else clause[0]
    if cue is not None and cue.start() < lo:  # (else the first cue is its own, or none is)
        cue = _STOCK_CUE.search(art.text, lo, clause[1])
    own_stock = cue or per in TIME_UNITS
    if period is None and concept in FAMILY and not own_stock:
        # a coordinated clause keeps the period told before in its sentence
        period = w.sentence_period.get(idx)
        period_by = "earlier_clause" if period else "none"
    if period is None and concept in FAMILY - _DEALS and (claim_type in {"level", "change", "ratio"} or (
            claim_type == "forecast" and _CONSENSUS.search(sent.text))) and not stock:
        # "Analysts had expected a surplus of $3.7bn": the forecast of the period reported
        # the next sentence keeps the period told before
        if period is None:
            period = w.sentence_period.get(idx - 1)
            period_by = "earlier_sentence"
        if period is None:  # the story's period (a stock, "cumulative investment", has none)
            story = story_period(art, w.sentence_period, w.told, idx)
            if story is not None:
                period, period_by = story, "story"  # the period the story reports on
        if period is None:
            period_by = "none"
    return period, period_by
