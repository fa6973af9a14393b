"""Claims: who claims what about whose trade and investment.

A quantity is a number; a claim is what the article says with it.
:func:`find_claims` reads each money figure (and each percent, ratio or
measure tied to an economic concept) in its sentence and records:

* ``concept``: the taxonomy in ``econnews/data/concepts.csv`` (:data:`CONCEPTS`):
  trade (trade, turnover), exports, imports, trade_surplus, trade_deficit,
  investment, fdi, loans (loans, credit, debt), aid, sanctions_cost, gdp, budget,
  reserves, tariffs, prices, and ``other`` for a money figure with no concept word;
* ``parties``: ISO 3166 alpha-3 codes (SUN for the USSR; bloc codes such as EU,
  ASEAN, OPEC from ``places_aliases.csv``), ``party_from`` → ``party_to`` first when
  the direction is stated ("Japanese investment in Russia" is ``JPN,RUS`` with
  from JPN, to RUS), else sorted; for trade_surplus/trade_deficit ``party_from``
  is the side whose balance it is and ``party_to`` the counterpart; when the
  figure's own sentence names no direction, the nearest earlier sentence (up to
  two back) on the same concept fills it in;
* ``claim_type``: ``target`` (proposals, plans, goals), ``forecast`` (expected,
  will, could), ``change`` (the figure is a rise or fall), ``ratio`` (a
  multiplier that is none of these), ``level`` (everything else), and
  ``implied`` for rows derived from two claims (below);
* ``speaker``: who the sentence attributes it to ("X said", "according to X",
  "X told Kyodo"); when the figure belongs to somebody's plan ("Putin's plan
  ... to increase trade by 1.5 times") the plan's owner is the speaker and the
  reporting voice goes to ``reported_by``; "he/it said" is resolved to the last
  named speaker of the article;
* ``hedge``: the hedging or proposal words in the figure's clause;
* ``period``: "2017", "1987/88", "FY1986", "2019Q1", "1987-01", with "last
  year" resolved against the article date; NA when the text does not say.

Titles: an article's text usually starts with its title line.  A claim in the
title that the body repeats (same concept, parties, type, value and unit) is
collapsed into the body's claim, which keeps ``in_title=True``; in general,
repeats within one article are collapsed into their first body mention and
counted in ``mentions``.  So the example article yields exactly three claims
plus one implied row.

Implied figures: a ratio or percent change and a money figure on the same
concept and parties in one article give the other end of the change
(``30e9 / 1.5 = 20e9``), as ``claim_type="implied"`` rows whose ``derived_from``
names the two claim ids and whose ``surface`` spells the arithmetic.

>>> import pandas as pd
>>> text = "Putin proposes to raise trade with Japan 1.5 times, to $30 billion."
>>> q = pd.DataFrame({"doc_id": ["a", "a"], "surface": ["1.5 times", "$30 billion"],
...                   "kind": ["ratio", "money"], "value": [1.5, 3e10], "unit": ["times", "USD"]})
>>> q["start"] = [text.index(s) for s in q["surface"]]
>>> q["end"] = q["start"] + q["surface"].str.len()
>>> c = find_claims({"id": "a", "date": "2019-01-22", "text": text}, q)
>>> c[["concept", "claim_type", "value", "speaker"]].to_string(index=False)
'concept claim_type   value speaker\\n  trade     target     1.5   Putin\\n  trade     target 3.0e+10   Putin\\n  trade    implied 2.0e+10    <NA>'
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .. import schema
from ..common.sentences import sentence_at, split_sentences
from ..errors import EconnewsWarning, InputError, SchemaError
from .parse import (
    OWNER_ROLE,
    UNDIRECTED,
    ConceptMatch,
    Speaker,
    clause_around,
    company_concept,
    company_spans,
    comparison_period,
    drop_non_parties,
    find_concepts,
    find_hedges,
    find_speaker,
    nearest_concept,
    owner_place,
    place_roles,
    proposal_owner,
    relative_changes,
    resolve_period,
)
from .places import Place, find_places
from .story import dateline_span, story_country

__all__ = ["CLAIMS", "CLAIM_TYPES", "COMPARE", "CONCEPTS", "compare", "find_claims"]

# The schemas live in econnews/schema.py; these names stay importable from here.
#: The concept taxonomy (:data:`econnews.schema.CONCEPTS`).
CONCEPTS = schema.CONCEPTS
#: The kinds of claim (:data:`econnews.schema.CLAIM_TYPES`).
CLAIM_TYPES = schema.CLAIM_TYPES
#: One row per claim (:data:`econnews.schema.CLAIMS`).
CLAIMS: dict[str, object] = schema.CLAIMS
#: One row per group of comparable claims (:data:`econnews.schema.COMPARE`).
COMPARE: dict[str, object] = schema.COMPARE

#: Columns :func:`find_claims` needs in a quantities table it is given.
QUANTITY_COLUMNS = ["doc_id", "start", "end", "surface", "kind", "value", "unit"]
#: Quantity kinds that are claims only when tied to a concept word.
_CONCEPT_BOUND_KINDS = {"percent", "ratio", "measure"}
_CHANGE_VERB = re.compile(
    r"\b(grew|grown|rose|risen|increased|jumped|surged|expanded|climbed|fell|fallen|dropped|"
    r"declined|decreased|shrank|shrunk|slumped)\s+(?:by\s+)?(?:some\s+|about\s+)?\Z",
    re.IGNORECASE)
_DOWN_VERBS = {"fell", "fallen", "dropped", "declined", "decreased", "shrank", "shrunk",
               "slumped"}
_TIME_UNIT = re.compile(r"second|minute|hour|day|week|month|year|decade|century")
_SECONDARY_WORDS = re.compile(r"\s*(\S+)\s*(\S+)?")


# ------------------------------------------------------------------ inputs


def _articles_frame(articles: Any) -> pd.DataFrame:
    if isinstance(articles, str):
        frame = pd.DataFrame({"text": [articles]})
    elif isinstance(articles, pd.Series):
        frame = articles.to_frame().T.reset_index(drop=True)
    elif isinstance(articles, Mapping):
        frame = pd.DataFrame([dict(articles)])
    elif isinstance(articles, pd.DataFrame):
        frame = articles
    else:
        raise SchemaError(
            "find_claims expects an articles table (econnews.load_articles), a text string "
            f"or one article as a dict/Series, got {type(articles).__name__}")
    schema.require(frame, ["text"], stage="find_claims")
    return schema.coerce(frame, schema.ARTICLES).reset_index(drop=True)


def _extract_all(arts: pd.DataFrame, timeout: float | None = 60.0) -> pd.DataFrame:
    """Each article's quantities, each within its time budget (``timeout`` seconds,
    checked in the scanner's loops: it holds in threads and Dask workers); an article
    over it gives no quantities and an ``extract-timeout`` ExtractWarning."""
    from ..common.budget import OverBudget, within
    from ..errors import ExtractWarning
    from ..extraction.scan import extract

    parts, late = [], []
    for row in arts.itertuples(index=False):
        text = "" if pd.isna(row.text) else str(row.text)
        doc_id = None if pd.isna(row.id) else str(row.id)
        date = None if pd.isna(row.date) else row.date
        try:
            with within(timeout):
                parts.append(extract(text, doc_id=doc_id, date=date))
        except OverBudget:
            late.append(doc_id)
    if late:
        warnings.warn(f"{len(late)} of {len(arts)} articles could not be extracted "
                      f"(extract-timeout: over the time budget of {timeout:g} s: "
                      f"{', '.join(map(repr, late[:5]))}); pass a larger timeout= "
                      "(or timeout=None)", ExtractWarning, stacklevel=3)
    if not parts:
        return schema.empty(schema.QUANTITIES)
    return pd.concat(parts, ignore_index=True)


# ------------------------------------------------------------------ per article


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    concepts: list[ConceptMatch] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    speaker: Speaker | None = None


@dataclass
class _Article:
    doc_id: str | None
    date: pd.Timestamp | None
    source: str | None
    text: str
    title_end: int
    sentences: list[_Sentence]
    country: str | None = None

    @classmethod
    def read(cls, row: Any, figures: list[tuple[int, int]] | None = None) -> _Article:
        """Sentences with their concepts, parties and speakers; ``figures`` are the
        quantities' spans (a country inside a figure, "33 mln U.S. dlrs", is no party)."""
        text = "" if pd.isna(row.text) else str(row.text)
        title = "" if pd.isna(row.title) else str(row.title).strip()
        title_end = _title_end(text, title)
        date = None if pd.isna(row.date) else pd.Timestamp(row.date)
        skip = list(figures or [])
        line = dateline_span(text)
        if line:
            skip.append(line)  # the dateline city is the story's place, not a party
        sentences = []
        for s, e in split_sentences(text):
            seg = text[s:e]
            companies = company_spans(seg, s)
            concepts = [c for c in find_concepts(seg, s)
                        if not any(a <= c.start and c.end <= b for a, b in companies)]
            concepts = [company_concept(c, text, companies) for c in concepts]
            places = drop_non_parties(_shift(find_places(seg, date=date), s), text,
                                      skip + companies)
            sentences.append(_Sentence(s, e, seg, concepts, places, find_speaker(seg, s)))
        country = story_country(country=_attr(row, "country"), places=_attr(row, "places"),
                                dateline=_attr(row, "dateline"), text=text, date=date)
        return cls(None if pd.isna(row.id) else str(row.id), date,
                   None if pd.isna(row.source) else str(row.source), text, title_end, sentences,
                   country)


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


def _roles_to_parties(roles: dict[str, list[str]]) -> tuple[str | None, str | None, list[str]]:
    src = roles["from"][0] if roles["from"] else None
    dst = next((c for c in roles["to"] if c != src), None)
    rest = sorted({*roles["from"], *roles["to"], *roles["party"]} - {src, dst} - {None})
    ordered = [c for c in (src, dst) if c] + rest
    if src is None or dst is None:  # no full direction: a set of parties, sorted
        ordered = sorted(set(ordered))
    return src, dst, ordered


def _context_roles(art: _Article, idx: int, concept: str) -> dict[str, list[str]] | None:
    """Roles for ``concept`` from the nearest of the two sentences before ``idx``."""
    for j in range(idx - 1, max(-1, idx - 3), -1):
        sent = art.sentences[j]
        for c in sent.concepts:
            if c.concept == concept:
                roles = place_roles(sent.places, c, art.text)
                if any(roles.values()):
                    return roles
    return None


_PREP_BEFORE = re.compile(r"\b(?:to|into|in|on|from|with|by|for|of|against|between|and|at)"
                          r"\s+(?:the\s+)?$", re.IGNORECASE)


def _subject_place(places: list[Place], lo: int, before: int, text: str) -> str | None:
    """The last place in ``text[lo:before]`` not governed by a preposition (the subject)."""
    found = None
    for p in places:
        if lo <= p.start and p.end <= before and not _PREP_BEFORE.search(
                text, max(lo, p.start - 12), p.start):
            found = p.code
    return found


def _claim_type(hedge_kind: str, speaker_hint: str, change: Any, kind: str) -> str:
    if hedge_kind:
        return hedge_kind
    if speaker_hint:
        return speaker_hint
    if isinstance(change, str) and change in schema.CHANGES:
        return "change"
    return "ratio" if kind == "ratio" else "level"


_COMPARE_GAP = re.compile(
    r"\A[^;.]{0,80}?\b(?:from|against|compared\s+(?:with|to)|versus|vs\.?|than|after)\b[^;.]*\Z",
    re.IGNORECASE)
_CHAIN_GAP = re.compile(r"\A[^;.]{0,60}?(?:\band\b|,)[^;.]*\Z")
_COMPARE_WORD = re.compile(r"\b(?:from|against|compared|versus|vs|after|than)\b",
                           re.IGNORECASE)
_CONVERSION_OPEN = re.compile(r"\s*\(\s*(?:about\s+|around\s+|roughly\s+|or\s+)?\Z")
_CONVERSION_NEXT = re.compile(r"\s*[;,/]\s*(?:or\s+)?\Z")
_CONVERSION_CLOSE = re.compile(r"\s*[;,/)]")
_RATE_BEFORE = re.compile(
    r"\bthe\s+(?:U\.S\.\s+)?(?:dollar|dlr|greenback|currency|unit)\b[^;.]{0,60}?\b(?:at|to|below|"
    r"above|around|near|from|against|of|under|over)\s+(?:a\s+)?(?:new\s+)?(?:record\s+)?"
    r"(?:\d+-year\s+)?(?:low|high)?\s*(?:of\s+)?(?:just\s+)?(?:below|above|around|under|"
    r"over|about)?\s*\Z", re.IGNORECASE)
_RATE_AFTER = re.compile(r"\s*(?:to|per|against|a|for)\s+(?:the|one|1|each|a)?\s*"
                         r"(?:U\.S\.\s+)?(?:dollar|dlr)\b", re.IGNORECASE)
_MOVE_OF = re.compile(r"\s+(?:rise|fall|drop|increase|decline|gain|jump|appreciation|"
                      r"depreciation|revaluation|devaluation|slide|plunge)\s+(?:in|of)\s+"
                      r"(?P<what>[^,;.]{0,40})", re.IGNORECASE)
_PRONOUN_SPEAKERS = {"he", "she", "it", "they", "we", "i"}
_SHARE_OF = re.compile(r"\s+of\s+(?P<what>[^,;.]{1,50})")
_HEDGE_RESET = re.compile(r"\b(?:which|who|than|against|compared\s+(?:with|to))\b",
                          re.IGNORECASE)
_GENERIC = {"surplus", "surpluses", "deficit", "deficits"}
_BOTH_SIDES = re.compile(r"\b(?:between|of|by)\s+(?:the\s+)?(?:two|both)\s+"
                         r"(?:countries|nations|sides|states|governments)\b", re.IGNORECASE)
_ELIDED_OWNER = re.compile(r"['’]s\s+(?:to|was|were|is|are|will|would|rose|fell|grew|"
                           r"increased|decreased|declined|widened|narrowed)\b")


_ELIDED_SCALE = re.compile(r"\b(?:billion|million|trillion|bln|mln|bn|tn)\b", re.IGNORECASE)
_BALANCES = {"budget", "current_account", "balance_of_payments", "trade_surplus",
             "trade_deficit"}
_ASIDE = re.compile(r",\s*(?:which|who)\b[^,;]*,")


def _hedges_outside_asides(text: str, lo: int, hi: int) -> tuple[list[str], str]:
    """Hedges in ``text[lo:hi]`` outside a relative aside (", which had accepted the
    offer,"): the aside's words are about something else."""
    parts, pos = [], lo
    for m in _ASIDE.finditer(text, lo, hi):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, hi))
    words: list[str] = []
    kind = ""
    for a, b in parts:
        w, k = find_hedges(text, a, b)
        words += [x for x in w if x not in words]
        if k == "target" or (k == "forecast" and kind != "target"):
            kind = k
    return words, kind


def _generic(c: ConceptMatch, text: str) -> bool:
    """A bare "surplus" or "deficit": the balance of whatever the clause is about."""
    return text[c.start:c.end].lower() in _GENERIC
#: The concepts whose figures make the trade family (the story subject follows them).
FAMILY = {"trade", "exports", "imports", "trade_surplus", "trade_deficit", "investment",
          "fdi", "loans", "aid"}


@dataclass
class _Item:
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


_FX_COLUMNS = ("value_usd", "fx_rate", "fx_date", "fx_source", "fx_status")


def _quantity_items(qs: pd.DataFrame) -> dict[str, list[_Item]]:
    """Every quantity row with offsets as an :class:`_Item`, by doc_id key (one pass
    over the columns: far faster than reading rows one by one)."""
    fx_cols = [c for c in qs.columns if (c in _FX_COLUMNS or c.startswith("value_"))
               and c != "value"]
    n = len(qs)

    def col(name: str) -> list[Any]:
        return qs[name].tolist() if name in qs.columns else [pd.NA] * n

    key = qs["doc_id"].astype("string").fillna("\x00").tolist()
    fx = {c: col(c) for c in fx_cols}
    out: dict[str, list[_Item]] = {}
    for i, (doc, pos, kind, start, end, surface, value, unit, bound, change, per) in \
            enumerate(zip(key, col("_pos"), col("kind"), col("start"), col("end"),
                          col("surface"), col("value"), col("unit"), col("bound"),
                          col("change"), col("per"), strict=True)):
        if pd.isna(start) or pd.isna(end):
            out.setdefault(doc, [])
            continue
        out.setdefault(doc, []).append(_Item(
            pos, None if pd.isna(kind) else str(kind), int(start), int(end), surface, value,
            unit, bound, change, per, {c: fx[c][i] for c in fx_cols}))
    return out


def _items(art: _Article, found: list[_Item]) -> list[_Item]:
    """The article's figures in text order, with the relative changes read here."""
    items = list(found)
    for sent in art.sentences:
        for a, b, surface, pct, change in relative_changes(sent.text, sent.start):
            items = [i for i in items if not (i.start < b and a < i.end)]
            items.append(_Item(pd.NA, "percent", a, b, surface, pct, "percent", "=", change))
    items.sort(key=lambda i: i.start)
    return items


def _conversions(art: _Article, items: list[_Item]) -> dict[int, int]:
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


def _is_rate(art: _Article, it: _Item, clause: tuple[int, int]) -> bool:
    """An exchange rate written as an amount: "152.50 yen", "6.20 francs to the dollar"."""
    if it.kind != "money" or it.unit == "USD":
        return False
    if _RATE_AFTER.match(art.text, it.end):
        return True
    return bool(_RATE_BEFORE.search(art.text[clause[0]:it.start]))


_DEBT_WORD = re.compile(r"debts?|owe[sd]?|owing|borrow\w*", re.IGNORECASE)


_BUYER_VERB = re.compile(r"\s+(?:takes|took|buys|bought|absorbs|absorbed|receives|"
                         r"received|imports|imported|purchases|purchased)\b")
_DONOR_VERB = re.compile(r"\b(?:donat(?:e|es|ed|ing)|give[sn]?|gave|giving|provided?|"
                         r"provides|providing|pledged?|pledges|lent|lend|lends|grant(?:s|ed))\b",
                         re.IGNORECASE)
_RECIPIENT_CUE = re.compile(r"\b(?:donors?['’]?|needs?|needed|receive[sd]?|receiving|got|"
                            r"gets|accept(?:s|ed)?|owes|owed|creditors?)\b", re.IGNORECASE)


def _fill_roles(roles: dict[str, list[str]], concept: str, code: str | None,
                word: str = "", owner: bool = True, context: str = "") -> None:
    """Give a figure's subject the role an owner has for ``concept``: "Japan's exports"
    (from), "West Germany posted a surplus" (its own).  A country's debt is what it
    owes (to); a subject that does not own the concept word (``owner=False``) is only
    a party to aid, loans and investment, whose direction its verb would have to say."""
    if code is None:
        return
    role = "party" if concept in UNDIRECTED else OWNER_ROLE.get(concept, "party")
    last = word.split()[-1] if word else ""
    if concept == "loans" and _DEBT_WORD.fullmatch(last):
        role = "to"
    elif not owner and concept in {"aid", "loans", "investment", "fdi"}:
        role = "party"
        if _DONOR_VERB.fullmatch(last):
            role = "from"  # "the law requires the U.S. to donate ...": the giver
        elif _RECIPIENT_CUE.search(context):
            role = "to"  # "a $1.7bn donors' aid package", "assistance was needed"
    if code not in roles["from"] + roles["to"] + roles["party"]:
        roles[role].append(code)


def _first_subject(places: list[Place], lo: int, before: int, text: str,
                   exclude: list[str]) -> str | None:
    for p in places:
        if lo <= p.start and p.end <= before and p.code not in exclude and not \
                _PREP_BEFORE.search(text, max(lo, p.start - 12), p.start):
            return p.code
    return None


_RESPECTIVE = re.compile(r"\brespective(?:ly)?\b", re.IGNORECASE)


def _respective_periods(art: _Article, rows: list[dict[str, Any]]) -> None:
    """"Exports were 5.1 billion and 4.3 billion dlrs in 1986 and 1985 respectively", "...
    in the respective periods": the figures take the periods named, in order."""
    from .parse import _PERIOD, _period_text

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
        periods = [p for p in (_period_text(m, art.date, years) for m in found) if p]
        if len(periods) == len(group):
            for r, p in zip(group, periods, strict=True):
                r["period"] = p


def _compared_period(art: _Article, sent: _Sentence, end: int, nxt: int,
                     base: Any) -> str | None:
    """A comparison figure's period from its own words (up to the next figure)."""
    tail = sent.text[end - sent.start:min(nxt, sent.end) - sent.start]
    own = resolve_period(tail, art.date, 0, 0)
    return comparison_period(base, tail) or _align_year(own, base, tail)


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


_YEAR_PART = re.compile(r"((?:19|20)\d\d)((?:Q[1-4]|-\d\d)?)")


def _last_two(art: _Article, idx: int) -> list[str]:
    """The two countries named last up to sentence ``idx`` ("the two countries")."""
    seen: list[str] = []
    for sent in reversed(art.sentences[:idx + 1]):
        for p in reversed(sent.places):
            if p.code not in seen:
                seen.append(p.code)
            if len(seen) == 2:
                return sorted(seen)
    return []


_TRAILING_PERIOD = re.compile(
    r"[^\w]{0,3}(?:\w+\s+){0,2}?(?:(?:in|of|for|during)\s+)?(?:the\s+)?(?:(?:19|20)\d\d|"
    r"last\s+year|this\s+year|a\s+year\s+(?:earlier|ago)|January|February|March|April|"
    r"May|June|July|August|September|October|November|December|(?:first|second|third|"
    r"fourth)\s+quarter)\b", re.IGNORECASE)


def _main_period(art: _Article, sent: _Sentence, it: _Item,
                 clause: tuple[int, int], prev_end: int | None = None) -> str | None:
    """The period of a figure, read in its clause up to the comparison that may follow
    it ("rose to X in March from Y in February": March)."""
    lo, hi = clause[0] - sent.start, clause[1] - sent.start
    if prev_end is not None and clause[0] <= prev_end <= it.start:
        lo = prev_end - sent.start
        trailing = _TRAILING_PERIOD.match(sent.text, lo)
        if trailing and trailing.end() <= it.start - sent.start:
            lo = trailing.end()  # "from 15.2 billion last year": last year is 15.2's
    m = _COMPARE_WORD.search(sent.text, it.end - sent.start, hi)
    text = sent.text[lo:hi if m is None else m.start()]
    return resolve_period(text, art.date, it.start - sent.start - lo, it.end - sent.start - lo)


def _concept(art: _Article, sent: _Sentence, clause: tuple[int, int], start: int, end: int,
             last_balance: str | None) -> ConceptMatch | None:
    """The concept word a figure belongs to."""
    cmatch = nearest_concept(sent.concepts, start, end, clause)
    if cmatch is None or not _generic(cmatch, art.text):
        return cmatch
    if last_balance in {"budget", "current_account", "balance_of_payments"}:
        # "reducing the deficit to $230bn" in a budget story
        return ConceptMatch(cmatch.start, cmatch.end, last_balance)
    if cmatch.start >= end and not any(end <= p.start < cmatch.start for p in sent.places):
        # "Transfer payments narrowed to a 140 mln dlr deficit": the bare balance word
        # after the figure is the subject's balance
        before = [c for c in sent.concepts if clause[0] <= c.start and c.end <= start]
        if before:
            return before[-1]
    return cmatch


def _measured(art: _Article, sent: _Sentence, it: _Item, prev: dict[str, Any] | None,
              prev_item: _Item | None) -> ConceptMatch | dict[str, Any] | bool | None:
    """What a percent or ratio measures: None when not a concept's figure ("the 70 pct rise
    of the dollar", "72.1 pct of its trade-weighted index"), the concept word after
    "pct of" ("90 pct of Korea's exports"), the claim a listed share runs on from
    ("..., 72 pct of its appliances"), or True (read it as usual)."""
    move = _MOVE_OF.match(art.text, it.end)
    if move and not find_concepts(move.group("what")):
        return None
    share = _SHARE_OF.match(art.text, it.end)
    if not share or it.kind != "percent":
        return True
    own = [c for c in sent.concepts if share.start("what") <= c.start
           and c.end <= share.end("what")]
    if own:
        return own[0]
    if prev is not None and prev["kind"] == "percent" and prev_item is not None \
            and _CHAIN_GAP.match(art.text[prev_item.end:it.start]):
        return prev
    return None


def _walk_story(art: _Article) -> tuple[dict[int, str | None], dict[int, str | None]]:
    """Per sentence: the last named speaker and the story's subject before it."""
    last_named: str | None = None
    named_before: dict[int, str | None] = {}
    subject_at: dict[int, str | None] = {}
    subject = None
    known: list[str] = []
    for i, sent in enumerate(art.sentences):
        named_before[i] = last_named
        subject_at[i] = subject
        if sent.speaker and sent.speaker.name not in _PRONOUN_SPEAKERS:
            last_named = sent.speaker.name
            known.append(last_named)
        else:
            first = re.match(r"\s*([A-Z][a-z]+)\s+[a-z]", sent.text)
            if first:  # "Tamura read out a summary": a named speaker is the subject again
                name = next((k for k in reversed(known)
                             if k.split()[-1] == first.group(1)), None)
                last_named = name or last_named
        for c in sent.concepts:
            if c.concept in FAMILY:
                code = owner_place(sent.places, c, art.text)
                if code:
                    subject = code
    return named_before, subject_at


def _elided_money(it: _Item, last_money: _Item | None) -> _Item:
    """"Exports rose to a record 6.93 billion from 6.20 billion": an amount whose currency
    the article stated before (the last money figure's unit and rate)."""
    if it.kind != "number" or last_money is None or not _ELIDED_SCALE.search(
            str(it.surface)) or pd.isna(it.value) or float(it.value) < 1e5:
        return it
    fx = dict(last_money.fx)
    rate = fx.get("fx_rate", pd.NA)
    fx["value_usd"] = pd.NA if pd.isna(rate) else float(it.value) * float(rate)
    return _Item(it.pos, "money", it.start, it.end, it.surface, it.value, last_money.unit,
                 it.bound, it.change, it.per, fx)


def _comparison(art: _Article, sent: _Sentence, prev: dict[str, Any] | None,
                prev_item: _Item | None, cmatch: ConceptMatch | None,
                start: int) -> dict[str, Any] | None:
    """The claim a figure is compared with ("from 8.9 billion in April"), or None."""
    if prev is None or prev_item is None or prev["concept"] in {"other", "exchange_rate"}:
        return None
    gap = art.text[prev_item.end:start]
    chained = prev["_compared"] is not None and _CHAIN_GAP.match(gap)
    named = any(prev_item.end <= p.start < start for p in sent.places)
    if (_COMPARE_GAP.match(gap) or chained) and not named and (
            cmatch is None or cmatch == prev["_cmatch"]
            or cmatch.start < prev_item.start or _generic(cmatch, art.text)):
        return prev if prev["_compared"] is None else prev["_compared"]
    return None


def _voice(art: _Article, sent: _Sentence, clause: tuple[int, int], start: int, end: int,
           named: str | None) -> tuple[list[str], str, str | None, str | None, str, bool]:
    """Hedges, their claim type, speaker, reporting voice, the verb's hint and whether the
    figure belongs to somebody's plan."""
    scope = clause[0]
    for m in _HEDGE_RESET.finditer(art.text, clause[0], start):
        scope = m.end()  # "a deficit, which last year reached ...": its own verb
    hedges, hedge_kind = _hedges_outside_asides(art.text, scope, start)
    after = _SECONDARY_WORDS.match(art.text, end, min(len(art.text), sent.end))
    if after:
        more, more_kind = find_hedges(art.text, end, after.end())
        hedges += [h for h in more if h not in hedges]
        hedge_kind = hedge_kind if hedge_kind == "target" else (more_kind or hedge_kind)
    speaker = sent.speaker
    owner = proposal_owner(sent.text, sent.start, start)
    name = reported_by = None
    if speaker is not None:
        name = speaker.name
        if name in _PRONOUN_SPEAKERS:
            name = named
    if owner is not None:
        reported_by, name = name, owner[0]
        if reported_by == name:
            reported_by = None
    hint = speaker.hint if speaker is not None else ""
    return hedges, hedge_kind, name, reported_by, hint, owner is not None


def _row_fx(it: _Item, conv: list[_Item], rate: bool) -> tuple[dict[str, Any], Any]:
    """The fx columns of a claim and the dollars its brackets state."""
    fx = dict(it.fx)
    stated = next((c.value for c in conv if c.unit == "USD"), pd.NA)
    if rate:
        fx = {}  # a rate is no amount: never converted, never summed
    elif conv and pd.isna(fx.get("value_usd", pd.NA)) and not pd.isna(stated):
        fx.update({"value_usd": stated, "fx_source": "article", "fx_status": "same",
                   "fx_rate": stated / it.value if it.value else pd.NA})
    return fx, stated


def _article_claims(art: _Article, found: list[_Item]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    spans = [(s.start, s.end) for s in art.sentences]
    named_before, subject_at = _walk_story(art)
    items = _items(art, found)
    converts = _conversions(art, items)
    by_anchor: dict[int, list[_Item]] = {}
    for k, a in converts.items():
        by_anchor.setdefault(a, []).append(items[k])
    prev: dict[str, Any] | None = None
    prev_item: _Item | None = None
    prev_sentence_period: dict[int, str | None] = {}
    last_money: _Item | None = None
    last_balance: str | None = None
    balance_seen = -1
    for k, it in enumerate(items):
        if it.kind == "money" and k not in converts:
            last_money = it
        it = _elided_money(it, last_money)
        kind = it.kind
        if k in converts or kind not in {"money", *_CONCEPT_BOUND_KINDS}:
            continue
        start, end = it.start, it.end
        idx = sentence_at(spans, start)
        if idx is None:
            continue
        sent = art.sentences[idx]
        if prev is not None and prev["_sentence"] != idx:
            prev = prev_item = None
        while balance_seen < idx:  # the last balance the article named explicitly
            balance_seen += 1
            for c in art.sentences[balance_seen].concepts:
                if c.concept in _BALANCES and not _generic(c, art.text):
                    last_balance = c.concept
        clause = clause_around(sent.text, sent.start, start, end)
        cmatch = _concept(art, sent, clause, start, end, last_balance)
        # a comparison figure takes the concept of the figure it is compared with
        compared = _comparison(art, sent, prev, prev_item, cmatch, start)
        if compared is None and cmatch is None and kind != "money":
            continue
        if kind == "measure" and _TIME_UNIT.search(str(it.unit)):
            continue  # "the first 20 days of February": a span of time, not a claim
        if kind in {"percent", "ratio"} and compared is None:
            measured = _measured(art, sent, it, prev, prev_item)
            if measured is None:
                continue
            cmatch = measured if isinstance(measured, ConceptMatch) else cmatch
            compared = measured if isinstance(measured, dict) else None
        per = None if pd.isna(it.per) else str(it.per)
        rate = compared is None and _is_rate(art, it, clause)
        hedges, hedge_kind, name, reported_by, hint, planned = _voice(
            art, sent, clause, start, end, named_before[idx])
        change = it.change
        if pd.isna(change) and kind in {"ratio", "percent"}:
            verb = _CHANGE_VERB.search(art.text, clause[0], start)
            if verb:  # "has grown 1.5 times": the ratio is a change
                change = "down" if verb.group(1).lower() in _DOWN_VERBS else "up"
        if compared is not None:
            concept = compared["concept"]
            src, dst = compared["party_from"], compared["party_to"]
            parties = compared["_parties"]
            claim_type = "change" if isinstance(change, str) and kind != "money" else "level"
            nxt = items[k + 1].start if k + 1 < len(items) else sent.end
            period = _compared_period(art, sent, end, nxt, compared["period"])
        else:
            concept = cmatch.concept if cmatch else "other"
            if rate:
                concept, per = "exchange_rate", per or "USD"
            elif per and concept in FAMILY | {"other"}:
                concept = "prices"  # "410 dlrs an ounce": a price, never summed as trade
            roles = _roles(art, idx, sent, cmatch, clause, concept, subject_at[idx], start)
            src, dst, parties = _roles_to_parties(roles)
            mirror = {"exports": "imports", "imports": "exports"}.get(concept)
            if mirror and prev is not None and prev_item is not None and \
                    prev["concept"] == mirror and prev["party_from"] and prev["party_to"] \
                    and not any(prev_item.end <= p.start < end for p in sent.places):
                # "imports from the EC worth $5.7bn and exports worth $2.6bn": the other way
                src, dst = prev["party_to"], prev["party_from"]
                parties = [src, dst]
            claim_type = _claim_type(hedge_kind, hint, change, kind)
            if planned and claim_type in {"level", "change", "ratio"}:
                claim_type = "target"  # the figure is part of somebody's plan
            period = _main_period(art, sent, it, clause,
                                  prev_item.end if prev_item is not None else None)
            if period is None and concept in FAMILY:
                # a coordinated clause, or the next sentence, keeps the period told before
                period = prev_sentence_period.get(idx) or prev_sentence_period.get(idx - 1)
        doc = art.doc_id or "text"
        conv = by_anchor.get(k, [])
        fx, stated = _row_fx(it, conv, rate)
        row = {
            "doc_id": art.doc_id, "date": art.date, "source": art.source,
            "concept": concept, "parties": ",".join(parties) or pd.NA,
            "party_from": src, "party_to": dst, "claim_type": claim_type,
            "value": it.value, "unit": it.unit,
            "bound": it.bound, "change": change, "period": period,
            "speaker": name, "hedge": ",".join(hedges) or pd.NA,
            "quantity_index": it.pos, "start": start, "end": end, "surface": it.surface,
            "sentence": sent.text, "derived_from": pd.NA, "claim_id": f"{doc}:{start}",
            "kind": kind, "reported_by": reported_by,
            "in_title": start < art.title_end, "mentions": 1, "implies": pd.NA,
            "stated_usd": stated, "per": per, "country": art.country,
            "conversions": "; ".join(f"{c.unit} {c.value:.6g}" for c in conv) or pd.NA,
            **fx,
            "_sentence": idx, "_cmatch": cmatch, "_compared": compared, "_parties": parties,
            "_clause": clause,
        }
        rows.append(row)
        prev, prev_item = row, it
        if compared is None and period is not None and concept in FAMILY \
                and idx not in prev_sentence_period:
            prev_sentence_period[idx] = period
    _respective_periods(art, rows)
    out = _implied(_collapse(rows))
    for r in out:
        for key in ("_sentence", "_cmatch", "_compared", "_parties", "_clause"):
            r.pop(key, None)
    return out


def _roles(art: _Article, idx: int, sent: _Sentence, cmatch: ConceptMatch | None,
           clause: tuple[int, int], concept: str, story_subject: str | None,
           start: int) -> dict[str, list[str]]:
    """Who is from, to or party for a figure: its sentence first, then the sentences
    just before on the same concept, then the story's subject or country."""
    roles = place_roles(sent.places, cmatch, art.text)
    directional = concept not in UNDIRECTED
    if directional and cmatch and roles["to"] and not roles["from"]:
        subject = _subject_place(sent.places, clause[0], cmatch.start, art.text) or \
            _first_subject(sent.places, sent.start, cmatch.start, art.text, roles["to"])
        if subject and subject not in roles["to"]:
            roles["from"] = [subject]  # "Japan racked up a $3.6bn surplus with the U.S."
    if cmatch and not directional and not roles["from"] and not roles["to"] \
            and len(set(roles["party"])) == 1:
        # "The Soviet Union has agreed to cut its coal prices to Japanese mills": the
        # sentence's subject is a party too
        subject = _subject_place(sent.places, clause[0], cmatch.start, art.text)
        if subject and subject not in roles["party"]:
            roles["party"].insert(0, subject)
    if concept == "exports" and roles["from"] and not roles["to"]:
        for p in sent.places:  # "The U.S. takes 90 pct of Korea's exports": the buyer
            if clause[0] <= p.start < start and p.code not in roles["from"] and \
                    _BUYER_VERB.match(art.text, p.end):
                roles["to"] = [p.code]
    if cmatch is not None:
        for p in sent.places:  # "..., and Korea's to increase to 6.5 billion": elided owner
            if cmatch.end <= p.start and p.end <= start and _ELIDED_OWNER.match(art.text, p.end):
                roles = {"from": [], "to": [], "party": []}
                _fill_roles(roles, concept, p.code)
    one_sided = directional and bool(roles["from"]) != bool(roles["to"]) and concept not in {
        "trade_surplus", "trade_deficit"}  # a balance's counterpart is named, never carried
    if not any(roles.values()) or one_sided:
        ctx = _context_roles(art, idx, concept) if cmatch else None
        if ctx:
            for role in ("from", "to", "party"):
                if not roles[role]:
                    roles[role] = [c for c in ctx[role] if c not in roles["from"] + roles["to"]]
    if not any(roles.values()) and cmatch is not None and _BOTH_SIDES.search(
            art.text, clause[0], clause[1]):
        both = _last_two(art, idx)  # "trade between the two countries"
        if both:
            roles["party"] = both
    if not any(roles.values()) and cmatch is not None:
        # "U.S. imports from Canada fell ..., while exports to Canada dropped": the
        # sentence's subject carries across its coordinated clauses; "West Germany
        # posted a record trade surplus": the subject owns the figure
        first = min(cmatch.start, clause[1])
        subject = _first_subject(sent.places, sent.start, first, art.text, [])
        in_clause = [p.code for p in sent.places if clause[0] <= p.start < first]
        if subject and (not in_clause or subject in in_clause):
            _fill_roles(roles, concept, subject, art.text[cmatch.start:cmatch.end],
                        owner=False, context=art.text[clause[0]:clause[1]])
            for code in in_clause:
                if code not in roles["from"] + roles["to"] + roles["party"]:
                    roles["party"].append(code)
        elif concept not in FAMILY:
            roles["party"] = [p.code for p in sent.places if clause[0] <= p.start < clause[1]]
        else:
            roles["party"] = in_clause
    if not any(roles.values()) and cmatch is None:
        roles["party"] = [p.code for p in sent.places if clause[0] <= p.start < clause[1]]
    if cmatch is not None and concept in FAMILY:
        if not any(roles.values()):
            _fill_roles(roles, concept, story_subject or art.country,
                        art.text[cmatch.start:cmatch.end], owner=False,
                        context=art.text[clause[0]:clause[1]])
        else:
            home = story_subject or art.country
            side = {"exports": ("to", "from"), "imports": ("from", "to"),
                    "trade_surplus": ("to", "from"),
                    "trade_deficit": ("to", "from")}.get(concept)
            if side and roles[side[0]] and not roles[side[1]] and home \
                    and home not in roles[side[0]]:
                roles[side[1]] = [home]  # "exports to the U.S." in a Taiwan story
    return roles


def _collapse(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Merge repeats of one claim in an article into its first body mention."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for r in rows:
        if not r["in_title"]:
            key = (r["concept"], r["parties"], r["claim_type"], r["value"], r["unit"])
            groups.setdefault(key, []).append(r)
    for r in rows:  # a headline figure joins the body claim that gives the same amount
        if r["in_title"]:
            match = next((k for k, g in groups.items() if _title_matches(r, g[0])), None)
            key = match or ("title", r["concept"], r["parties"], r["claim_type"], r["value"],
                            r["unit"])
            groups.setdefault(key, []).append(r)
    out = []
    for group in groups.values():
        body = [r for r in group if not r["in_title"]]
        keep = dict((body or group)[0])
        keep["mentions"] = len(group)
        keep["in_title"] = any(r["in_title"] for r in group)
        if keep["speaker"] is None or keep["speaker"] is pd.NA:
            keep["speaker"] = next((r["speaker"] for r in group if isinstance(r["speaker"], str)),
                                   keep["speaker"])
        out.append(keep)
    out.sort(key=lambda r: r["start"])
    return out


def _title_matches(title: dict[str, Any], body: dict[str, Any]) -> bool:
    """Whether a headline claim is the body claim ``body`` told in fewer words.

    Same value and unit; same concept unless the headline names none; the
    headline's parties (when it names any) among the body claim's.
    """
    if title["value"] != body["value"] or title["unit"] != body["unit"]:
        return False
    if title["concept"] not in {body["concept"], "other"}:
        return False
    tp, bp = title["parties"], body["parties"]
    if isinstance(tp, str):
        return isinstance(bp, str) and set(tp.split(",")) <= set(bp.split(","))
    return True


def _factor(r: dict[str, Any]) -> float | None:
    """The multiplier a ratio or percent-change claim stands for (1.5 times -> 1.5)."""
    value = r["value"]
    if value is None or pd.isna(value) or r["claim_type"] not in {"target", "forecast", "change",
                                                                    "ratio"}:
        return None
    if r["kind"] == "ratio" and value > 0 and value != 1:
        return float(value)
    if r["kind"] == "percent" and r["unit"] == "percent" and r["change"] in schema.CHANGES:
        sign = -1 if r["change"] == "down" else 1
        f = 1 + sign * float(value) / 100
        return f if f > 0 and f != 1 else None
    return None


def _same_clause(r: dict[str, Any], m: dict[str, Any]) -> bool:
    """Whether a change ``r`` and a level ``m`` are stated together in one clause ("rose 29%
    to a record $180 billion", "by 1.5 times, to $30 billion")."""
    if r.get("_sentence") is None or r.get("_sentence") != m.get("_sentence"):
        return False
    lo, hi = r["_clause"]
    return lo <= m["start"] < hi or m.get("_clause") == r["_clause"]


def _implied(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The other end of a change or a plan: a change and a level stated together in one
    clause, or a plan's multiplier and its explicit base (same concept and parties).
    Each multiplier implies one figure at most: the nearest it pairs with."""
    extra = []
    for r in rows:
        f = _factor(r)
        if f is None:
            continue
        best = None
        for m in rows:
            if m["kind"] != "money" or m["concept"] != r["concept"] or m is r:
                continue
            if not (isinstance(r["parties"], str) and isinstance(m["parties"], str)
                    and set(r["parties"].split(",")) == set(m["parties"].split(","))):
                continue  # unknown parties never pair: "trade" alone is too vague
            if m["claim_type"] in {"target", "forecast"} and r["claim_type"] in {
                    "target", "forecast"}:
                how = ("/", "level")  # the base a plan starts from
            elif m["claim_type"] in {"level", "change"} and r["claim_type"] == "change" \
                    and _same_clause(r, m):
                how = ("/", "level")  # "rose 1.5 times to $30bn"
            elif m["claim_type"] == "level" and r["claim_type"] in {"target", "forecast"}:
                how = ("*", "target")  # the level a plan aims at
            else:
                continue
            distance = abs(int(m["start"]) - int(r["start"]))
            if best is None or distance < best[0]:
                best = (distance, m, how)
        if best is None:
            continue
        _, m, (op, implies) = best
        value = m["value"] / f if op == "/" else m["value"] * f
        if r["kind"] == "percent":
            sign = "-" if r["change"] == "down" else "+"
            factor_text = f"(1 {sign} {r['surface']})"
        else:
            factor_text = r["surface"]
        usd = m.get("value_usd", pd.NA)
        if not pd.isna(usd):
            usd = usd / f if op == "/" else usd * f
        extra.append({
            **{k: m.get(k, pd.NA) for k in ("doc_id", "date", "source", "concept", "parties",
                                             "party_from", "party_to", "unit", "fx_rate",
                                             "fx_date", "fx_source", "fx_status", "country")},
            "claim_type": "implied", "value": value, "value_usd": usd, "bound": "~",
            "change": pd.NA, "period": pd.NA, "speaker": pd.NA, "hedge": pd.NA,
            "quantity_index": pd.NA, "start": pd.NA, "end": pd.NA,
            "surface": f"{m['surface']} {op} {factor_text}",
            "sentence": pd.NA, "derived_from": f"{m['claim_id']},{r['claim_id']}",
            "claim_id": f"{m['claim_id']}{op}{r['claim_id'].rsplit(':', 1)[-1]}",
            "kind": "money", "reported_by": pd.NA, "in_title": False, "mentions": 1,
            "implies": implies,
        })
    return rows + extra


# ------------------------------------------------------------------ public


def find_claims(articles: Any, quantities: pd.DataFrame | None = None, *,
                to: str | None = "USD", timeout: float | None = 60.0) -> pd.DataFrame:
    """The claims table: one typed row per claim in each article (see the module doc).

    Requires: ``articles`` with a ``text`` column (also ``id``, ``date``, ``title``,
    ``source`` when present; a single text string or one article as a dict/Series is
    accepted too); ``quantities`` with ``doc_id, start, end, surface, kind, value, unit``
    (``bound``, ``change``, ``value_usd`` used when present), or None to run
    :func:`econnews.extract` on each article.  Adds: the :data:`CLAIMS` columns.
    ``quantity_index`` is the row position in ``quantities`` (when ``quantities`` is None:
    in the per-article ``extract`` tables concatenated in article order).  Neither input
    is modified.  Money figures are always claims (concept ``other`` when no concept
    word is near); percents, ratios and physical measures only when a concept word is
    in their clause; counts, bare numbers and spans of time never.

    Money is converted at each article's date (:func:`econnews.normalize`: ECB daily
    rates, then the Fed's H.10 monthly averages back to 1971): ``value_usd``,
    ``fx_rate``, ``fx_date``, ``fx_source`` and ``fx_status`` come filled by default.
    ``to="EUR"`` (any code :func:`econnews.normalize` knows) adds ``value_eur`` beside
    ``value_usd``; ``to=None`` skips conversion (``value_usd`` is then taken from
    ``quantities`` when they carry it, else NA). Quantities that already carry
    ``value_usd`` keep it (your own ``rates=``).  A bracketed conversion ("24.2 trillion
    pesos ($10.2bn; £5.5bn)") is one claim: the brackets go to ``conversions`` (and
    ``stated_usd``), and give ``value_usd`` (``fx_source`` ``article``) when no rate
    does.  Exchange rates ("152.50 yen to the dollar") get concept ``exchange_rate`` and
    ``per``; they are never converted or summed.

    >>> q = pd.DataFrame({"doc_id": ["x"], "start": [26], "end": [35], "surface": ["$2 billion"],
    ...                   "kind": ["money"], "value": [2e9], "unit": ["USD"]})
    >>> text = "Japanese investment in Russia is $2 billion."
    >>> q.loc[0, ["start", "end"]] = [text.index("$"), len(text) - 1]
    >>> c = find_claims({"id": "x", "text": text}, q)
    >>> c.loc[0, ["concept", "parties", "party_from", "party_to", "claim_type"]].tolist()
    ['investment', 'JPN,RUS', 'JPN', 'RUS', 'level']
    """
    arts = _articles_frame(articles)
    if quantities is None:
        qs = _extract_all(arts, timeout=timeout)
    else:
        schema.require(quantities, QUANTITY_COLUMNS, stage="find_claims")
        qs = quantities
    qs = qs.reset_index(drop=True).assign(_pos=range(len(qs)))
    qs = _convert(qs, arts, to)
    key = qs["doc_id"].astype("string").fillna("\x00")
    ids = arts["id"].astype("string").fillna("\x00")
    if ids.duplicated().any():
        dup = ids[ids.duplicated()].iloc[0]
        raise InputError(f"find_claims: article id {dup!r} appears twice; give each article "
                         "a unique id")
    unknown = sorted(set(key) - set(ids))
    if unknown:
        warnings.warn(f"find_claims: {len(unknown)} doc_id(s) in quantities have no article "
                      f"(e.g. {unknown[0]!r}); their quantities are skipped",
                      EconnewsWarning, stacklevel=2)
    by_doc = _quantity_items(qs) if len(qs) else {}
    rows: list[dict[str, Any]] = []
    for row, doc in zip(arts.itertuples(index=False), ids, strict=True):
        if doc not in by_doc:
            text = "" if pd.isna(row.text) else str(row.text)
            if not relative_changes(text):
                continue  # no figure at all ("grew by a third" is read here, not extracted)
            by_doc[doc] = []
        found = sorted(by_doc[doc], key=lambda i: i.start)
        art = _Article.read(row, [(i.start, i.end) for i in found])
        rows.extend(_article_claims(art, found))
    if not rows:
        return schema.empty(CLAIMS)
    frame = pd.DataFrame(rows)
    frame = frame.astype({c: object for c in frame.columns})
    frame = frame.where(frame.notna(), pd.NA)
    out = schema.coerce(frame, CLAIMS)
    extra = [c for c in frame.columns if c.startswith("value_") and c not in CLAIMS]
    for c in extra:
        out[c] = out[c].astype(schema.FLOAT)
    return out[list(CLAIMS) + extra].reset_index(drop=True)


def _convert(qs: pd.DataFrame, arts: pd.DataFrame, to: str | None) -> pd.DataFrame:
    """The quantities with ``value_usd`` (and ``value_<to>``) at each article's date."""
    if to is None or qs.empty:
        return qs
    from ..normalization.convert import normalize

    target = str(to).strip().upper()
    money = qs["kind"].astype("string") == "money"
    out = qs
    if "date" not in out.columns or out["date"].isna().all():
        dates = dict(zip(arts["id"].astype("string").fillna("\x00"), arts["date"], strict=True))
        out = out.assign(date=out["doc_id"].astype("string").fillna("\x00").map(dates))
    for col in ("low", "high"):
        if col not in out.columns:
            out = out.assign(**{col: out["value"]})
    have = "value_usd" in qs.columns and qs.loc[money.fillna(False), "value_usd"].notna().any()
    targets = [t for t in dict.fromkeys(["USD", target]) if not (t == "USD" and have)]
    for t in targets:
        conv = normalize(out, to=t)
        keep = [f"value_{t.lower()}"]
        if t == "USD":
            keep += ["fx_rate", "fx_date", "fx_source", "fx_status"]
        out = out.assign(**{c: conv[c] for c in keep})
    return out


def _measure(claim_type: str, implies: Any) -> str:
    if claim_type == "implied":
        return implies if isinstance(implies, str) else "level"
    return claim_type


def compare(claims: pd.DataFrame, *, by: Iterable[str] = ("concept", "parties", "period"),
            ) -> pd.DataFrame:
    """Claims on the same concept, parties and period across articles, side by side.

    Groups also on ``measure`` (the claim type, with implied rows counted as what
    they imply, a level or a target: a target is not compared with a level) and on the unit compared: USD when
    ``value_usd`` is known, else the claim's own unit.  Reports ``count``,
    ``articles`` (distinct doc_ids), ``min``/``median``/``max``, ``spread``
    (max / min; NA unless min > 0), ``sources`` ("; "-joined), ``duplicates``
    (rows repeating a value already given for the group by another article of
    the same source: the same wire story run twice) and the ``claim_ids``.

    Requires: ``concept, parties, period, claim_type, value, unit, value_usd,
    source, doc_id, claim_id``.  Adds: the :data:`COMPARE` columns.

    >>> c = pd.DataFrame({"doc_id": ["a", "b", "c"], "source": ["R", "R", "K"],
    ...     "concept": ["trade"] * 3, "parties": ["JPN,RUS"] * 3, "period": ["2018"] * 3,
    ...     "claim_type": ["level", "level", "implied"], "value": [2e10, 2e10, 2.5e10],
    ...     "unit": ["USD"] * 3, "value_usd": [pd.NA] * 3, "claim_id": ["a:1", "b:1", "c:1"]})
    >>> compare(c)[["count", "min", "max", "spread", "duplicates"]].to_string(index=False)
    ' count   min     max  spread  duplicates\\n     3 2.0e+10 2.5e+10    1.25           1'
    """
    need = ["concept", "parties", "period", "claim_type", "value", "unit", "value_usd",
            "source", "doc_id", "claim_id"]
    by = list(by)
    schema.require(claims, [*need, *[b for b in by if b not in need]], stage="compare")
    df = claims.loc[claims["value"].notna()].copy()
    if df.empty:
        return schema.empty(COMPARE)
    usd = df["value_usd"].astype("Float64")
    df["_v"] = usd.where(usd.notna(), df["value"].astype("Float64"))
    df["_unit"] = df["unit"].astype("string").where(usd.isna(), "USD")
    implies = df["implies"] if "implies" in df.columns else pd.Series(pd.NA, index=df.index)
    df["measure"] = [_measure(t, i) for t, i in zip(df["claim_type"].astype(str), implies,
                                                      strict=True)]
    keys = [*by, "measure", "_unit"]
    out = []
    for group_key, g in df.groupby(keys, dropna=False, sort=True, observed=True):
        values = g["_v"].astype(float)
        lo, hi = values.min(), values.max()
        seen: set[tuple[Any, float]] = set()
        dups = 0
        for src, v in zip(g["source"], values, strict=True):
            k = (None if pd.isna(src) else src, round(v, 6))
            if k in seen and k[0] is not None:
                dups += 1
            seen.add(k)
        sources = sorted({str(s) for s in g["source"] if not pd.isna(s)})
        rec = dict(zip(keys, group_key, strict=True))
        rec.update({
            "unit": rec.pop("_unit"), "count": len(g), "articles": g["doc_id"].nunique(),
            "min": lo, "median": float(values.median()), "max": hi,
            "spread": hi / lo if lo > 0 else pd.NA,
            "sources": "; ".join(sources) or pd.NA, "duplicates": dups,
            "claim_ids": ",".join(g["claim_id"].astype(str)),
        })
        out.append(rec)
    frame = pd.DataFrame(out).astype(object)
    frame = frame.where(frame.notna(), pd.NA)
    result = schema.coerce(frame, {**COMPARE, **{b: object for b in by if b not in COMPARE}})
    cols = [*by, *[c for c in COMPARE if c not in by]]
    return result[cols].sort_values(["count", "concept"], ascending=[False, True],
                                    kind="stable").reset_index(drop=True)
