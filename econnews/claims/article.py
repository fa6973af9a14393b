"""One article as the claims stage reads it: its sentences (with their concept words,
places and speakers), its title line, and its figures as :class:`Item` rows in text
order, with the bracketed conversions that belong to them.

>>> import pandas as pd
>>> row = pd.Series({"id": "a", "date": pd.NA, "title": pd.NA, "source": pd.NA,
...                  "text": "Japan's exports rose. Trade fell."})
>>> [s.text for s in Article.read(row).sentences]
["Japan's exports rose.", 'Trade fell.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..common.sentences import split_sentences
from .parse import (
    ConceptMatch,
    company_concept,
    company_spans,
    drop_non_parties,
    find_concepts,
    relative_changes,
)
from .places import Place, find_places
from .story import dateline_span, described_places, story_country
from .voice import (
    PRONOUN_SPEAKERS,
    Speaker,
    find_speaker,
)


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    concepts: list[ConceptMatch] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    speaker: Speaker | None = None


@dataclass
class Article:
    doc_id: str | None
    date: pd.Timestamp | None
    source: str | None
    text: str
    title_end: int
    sentences: list[Sentence]
    country: str | None = None
    headline_speaker: str | None = None
    #: the date periods are read against: the article's, else the end of the latest year
    #: the text tells of ("in November" in an undated story on 2004's figures is 2004-11)
    period_date: pd.Timestamp | None = None
    period_date_inferred: bool = False
    #: sentences read for their concepts, places and speaker: those up to the last figure
    #: (the ones after it only hold text; no figure's reading looks forward)
    read_upto: int | None = None

    @property
    def upto(self) -> int:
        return len(self.sentences) if self.read_upto is None else self.read_upto

    def first_speaker(self) -> str | None:
        """The first source the story names (a sentence after the last figure is read for
        its speaker only here, and only when none before it names one)."""
        for k, sent in enumerate(self.sentences):
            found = sent.speaker if k < self.upto else find_speaker(sent.text, sent.start)
            if found is not None and found.name not in PRONOUN_SPEAKERS:
                return found.name
        return None

    @classmethod
    def read(cls, row: Any, figures: list[tuple[int, int]] | None = None, *,
             up_to_last_figure: bool = False) -> Article:
        """Sentences with their concepts, parties and speakers; ``figures`` are the
        quantities' spans (a country inside a figure, "33 mln U.S. dlrs", is no party).
        ``up_to_last_figure``: the sentences after the last of them (and of the relative
        changes read here) keep their text only (:attr:`read_upto`)."""
        text = "" if pd.isna(row.text) else str(row.text)
        title = "" if pd.isna(row.title) else str(row.title).strip()
        title_end = _title_end(text, title)
        date = None if pd.isna(row.date) else pd.Timestamp(row.date)
        skip = list(figures or [])
        line = dateline_span(text)
        if line:
            skip.append(line)  # the dateline city is the story's place, not a party
        country = story_country(country=_attr(row, "country"), places=_attr(row, "places"),
                                dateline=_attr(row, "dateline"), text=text, date=date)
        sentences = []
        named: list[str] = []  # countries named so far, for "the kingdom", "that country"
        blocs: list[str] = []  # blocs named so far, for "the bloc"
        spans = split_sentences(text)
        upto = _read_upto(text, spans, figures or []) if up_to_last_figure else None
        for k, (s, e) in enumerate(spans):
            seg = text[s:e]
            if upto is not None and k >= upto:
                sentences.append(Sentence(s, e, seg))
                continue
            companies = company_spans(seg, s)
            concepts = [c for c in find_concepts(seg, s)
                        if not any(a <= c.start and c.end <= b for a, b in companies)]
            concepts = [company_concept(c, text, companies) for c in concepts]
            places = drop_non_parties(_shift(find_places(seg, date=date), s), text,
                                      skip + companies)
            places = described_places(seg, s, places, named, blocs, country)
            described = [(p.start, p.end) for p in places
                         if p.kind in {"description", "bloc_description"}]
            concepts = [c for c in concepts  # "the world's second-largest economy" is a place
                        if not any(a <= c.start and c.end <= b for a, b in described)]
            sentences.append(Sentence(s, e, seg, concepts, places, find_speaker(seg, s)))
        told = None if date is not None else told_year(text)
        return cls(None if pd.isna(row.id) else str(row.id), date,
                   None if pd.isna(row.source) else str(row.source), text, title_end, sentences,
                   country, headline_speaker(title or text[:title_end]),
                   date if told is None else pd.Timestamp(year=told, month=12, day=31),
                   told is not None, upto)


def _read_upto(text: str, spans: list[tuple[int, int]], figures: list[tuple[int, int]]) -> int:
    """How many sentences reach the last figure: the quantities' and the relative changes
    the claims stage reads itself ("grew by a third")."""
    last = max((b for _, b in figures), default=-1)
    k = len(spans)
    while k and spans[k - 1][0] >= last and not relative_changes(text[spans[k - 1][0]:
                                                                       spans[k - 1][1]]):
        k -= 1
    return k


_TOLD_YEAR = re.compile(r"(?<![\d.,$£€])(19[5-9]\d|20[0-4]\d)(?![\d.,]\d)")
_AHEAD = re.compile(r"\b(?:by|until|till|through|to|before|in|for)\s+(?:the\s+end\s+of\s+)?\Z",
                    re.IGNORECASE)


def told_year(text: str) -> int | None:
    """The latest year an undated text tells of as past or present: its years, less those
    it looks ahead to ("by 2030", "a target for 2025" are read by their clauses). None when
    it names none.

    >>> told_year("The deficit for the first eleven months of 2004 was above 2003's.")
    2004
    >>> told_year("Exports rose. The plan aims for $5bn by 2030.") is None
    True
    """
    years = []
    for m in _TOLD_YEAR.finditer(text):
        before = text[max(0, m.start() - 25):m.start()]
        if _AHEAD.search(before) and re.search(r"\b(?:by|until|till|before|target|aim|plan)",
                                               text[max(0, m.start() - 60):m.start()],
                                               re.IGNORECASE):
            continue
        years.append(int(m.group(1)))
    return max(years) if years else None


def _attr(row: Any, name: str) -> Any:
    value = getattr(row, name, None)
    if isinstance(value, float) and pd.isna(value):
        return None
    return value


def _title_end(text: str, title: str) -> int:
    """End offset of the title line when the text repeats it among its first lines, else 0."""
    if not title:
        return 0
    head = text[: len(title) + 400]
    for m in re.finditer(r"[^\n]+", head):
        if m.group(0).strip() == title:
            return m.end()
    return 0


def _shift(places: list[Place], offset: int) -> list[Place]:
    return [Place(p.start + offset, p.end + offset, p.surface, p.code, p.kind) for p in places]


@dataclass
class Item:
    """One figure to read: a row of the quantities table, or a relative change the
    claims stage reads itself ("grew by a third")."""

    pos: Any
    kind: str | None
    start: int
    end: int
    surface: str
    value: Any
    unit: Any
    bound: Any = pd.NA
    change: Any = pd.NA
    per: Any = pd.NA
    fx: dict[str, Any] = field(default_factory=dict)
    low: Any = pd.NA
    high: Any = pd.NA


FX_COLUMNS = ("value_usd", "fx_rate", "fx_date", "fx_source", "fx_status")


def quantity_items(qs: pd.DataFrame) -> dict[str, list[Item]]:
    """Every quantity row with offsets as an :class:`Item`, by doc_id key (one pass
    over the columns: far faster than reading rows one by one)."""
    fx_cols = [c for c in qs.columns if (c in FX_COLUMNS or c.startswith("value_"))
               and c != "value"]
    n = len(qs)

    def col(name: str) -> list[Any]:
        return qs[name].tolist() if name in qs.columns else [pd.NA] * n

    key = qs["doc_id"].astype("string").fillna("\x00").tolist()
    fx = {c: col(c) for c in fx_cols}
    lows, highs = col("low"), col("high")
    out: dict[str, list[Item]] = {}
    for i, (doc, pos, kind, start, end, surface, value, unit, bound, change, per) in \
            enumerate(zip(key, col("_pos"), col("kind"), col("start"), col("end"),
                          col("surface"), col("value"), col("unit"), col("bound"),
                          col("change"), col("per"), strict=True)):
        if pd.isna(start) or pd.isna(end):
            out.setdefault(doc, [])
            continue
        out.setdefault(doc, []).append(Item(
            pos, None if pd.isna(kind) else str(kind), int(start), int(end), surface, value,
            unit, bound, change, per, {c: fx[c][i] for c in fx_cols}, lows[i], highs[i]))
    return out


def items_of(art: Article, found: list[Item]) -> list[Item]:
    """The article's figures in text order, with the relative changes read here."""
    items = list(found)
    for sent in art.sentences:
        for a, b, surface, pct, change in relative_changes(sent.text, sent.start):
            items = [i for i in items if not (i.start < b and a < i.end)]
            items.append(Item(pd.NA, "percent", a, b, surface, pct, "percent", "=", change))
    items.sort(key=lambda i: i.start)
    return items


_CONVERSION_OPEN = re.compile(r"\s*\(\s*(?:about\s+|around\s+|roughly\s+|or\s+)?\Z")


_CONVERSION_NEXT = re.compile(r"\s*[;,/]\s*(?:or\s+)?\Z")


_CONVERSION_CLOSE = re.compile(r"\s*[;,/)]")


def find_conversions(art: Article, items: list[Item]) -> dict[int, int]:
    """Bracketed conversions: item index -> index of the figure it converts
    ("24.2 trillion pesos ($10.2bn; £5.5bn)": both brackets convert the pesos)."""
    out: dict[int, int] = {}
    anchor = last = None
    for k, it in enumerate(items):
        if it.kind != "money":
            anchor = last = None
            continue
        if anchor is not None:
            gap = art.text[items[last].end:it.start]
            closes = _CONVERSION_CLOSE.match(art.text, it.end)
            if closes and ((last == anchor and _CONVERSION_OPEN.match(gap))
                           or (last != anchor and _CONVERSION_NEXT.match(gap))):
                out[k] = anchor
                last = k
                continue
        anchor = last = k
    return out


_HEADLINE_SPEAKER = re.compile(r"\s*(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,2})\s*:\s+\S")
_NOT_SPEAKERS = {"exclusive", "update", "analysis", "factbox", "explainer", "breaking", "corrected",
                 "refile", "insight", "column", "opinion", "interview", "video", "live", "watch",
                 "timeline", "q&a", "poll", "focus", "wrapup", "instant view"}


def headline_speaker(title: str) -> str | None:
    """Who a headline in the form "Putin: Russia-Japan trade should reach $30bn" quotes.

    >>> headline_speaker("Putin: trade with Japan should reach $30 billion")
    'Putin'
    >>> headline_speaker("UPDATE 2: Japan's exports rise") is None
    True
    """
    m = _HEADLINE_SPEAKER.match(title or "")
    if m is None:
        return None
    name = m.group("name")
    first = name.split()[0].lower()
    if first in _NOT_SPEAKERS or name.lower() in _NOT_SPEAKERS or name.isupper() \
            or find_places(name):
        return None
    return name
