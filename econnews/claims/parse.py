"""Sentence-level readers used by :mod:`econnews.claims`: which concept words a
sentence holds and which one a figure belongs to, the clause around a figure, the
places in it and their roles, company names, relative changes ("grew by a third").

Each function reads one sentence (with its offset in the article, so that the
positions it returns are article offsets).  The lexicons are the CSV files in
``econnews/data/`` (``concepts.csv``, ``places_aliases.csv``).  Speakers and hedges
are read in :mod:`.voice`, periods in :mod:`.periods`.

>>> [c.concept for c in find_concepts("Japanese investments in Russia")]
['investment']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..common.lexicon import Lexicon
from ..common.regex import with_first_chars, with_start_filter
from ..schema import CONCEPTS
from .places import Place, find_places, read_csv_data

if TYPE_CHECKING:
    import pandas as pd

#: How a place written before the concept word ("Japanese investment", "Japan's imports")
#: relates to the flow, per concept: ``from``, ``to`` or ``party`` (no direction).
OWNER_ROLE = {
    "exports": "from", "investment": "from", "fdi": "from", "loans": "from", "aid": "from",
    "imports": "to", "trade_surplus": "from", "trade_deficit": "from",
    "tariffs": "from", "sanctions_cost": "to",
}


#: How a place after a preposition relates to the flow ("exports to China": ``to``).
PREP_ROLE = {
    "to": "to", "into": "to", "in": "to", "for": "to", "on": "to", "against": "to",
    "toward": "to", "towards": "to",
    "from": "from", "by": "from",
    "with": "party", "between": "party", "within": "party", "among": "party",
    "and": "same", "of": "owner",
}


#: Concepts whose flow has no direction: every place found is just a party.
UNDIRECTED = {"trade", "gdp", "budget", "reserves", "prices", "other"}


@dataclass(frozen=True)
class ConceptMatch:
    start: int
    end: int
    concept: str


def words(text: str) -> list[str]:
    """The whitespace-separated words of a word-list literal."""
    return text.split()


def spaced(pattern: str) -> str:
    r"""A lexicon pattern whose spaces also match the newlines of hard-wrapped text (a
    look-behind, which must keep a fixed width, is left as written).

    >>> print(spaced("trade surplus(?<=s )"))
    trade\s+surplus(?<=s )
    """
    parts = re.split(r"(\(\?<[=!][^()]*\))", pattern)
    return "".join(p if p.startswith("(?<") else p.replace(" ", r"\s+") for p in parts)


@lru_cache(maxsize=1)
def _concept_table() -> pd.DataFrame:
    """``concepts.csv``, its concepts checked against the taxonomy."""
    df = read_csv_data("concepts.csv")
    unknown = sorted(set(df["concept"]) - set(CONCEPTS) - {""})
    if unknown:  # pragma: no cover - guarded by tests on the data file
        raise ValueError(f"concepts.csv: unknown concept(s) {unknown}")
    return df


@lru_cache(maxsize=1)
def _concept_rules() -> tuple[re.Pattern[str], list[str]]:
    df = _concept_table()
    parts = [f"(?P<c{i}>{spaced(p)})" for i, p in enumerate(df["pattern"])]
    # alternation in file order; a longer match at the same position is preferred
    # by sorting each alternative's literal length descending is not possible for
    # regexes, so the file lists specific phrases first
    pattern = with_first_chars(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])",
                               re.IGNORECASE)
    return pattern, list(df["concept"])


@lru_cache(maxsize=1)
def _concept_lexicon() -> tuple[Lexicon, list[str]]:
    """The concept phrases as a :class:`~econnews.common.lexicon.Lexicon` (the same matches as
    :func:`_concept_rules`' pattern, tried only with the phrases a character can begin)."""
    df = _concept_table()
    return Lexicon([spaced(p) for p in df["pattern"]], re.IGNORECASE), list(df["concept"])


def find_concepts(sentence: str, offset: int = 0) -> list[ConceptMatch]:
    """Concept words in ``sentence`` (blockers dropped), positions shifted by ``offset``.

    >>> [(c.concept) for c in find_concepts("The Trade Minister said the trade surplus grew")]
    ['trade_surplus']
    """
    lexicon, concepts = _concept_lexicon()
    out = []
    for m in lexicon.finditer(sentence):
        concept = concepts[int(m.lastgroup[1:])]  # type: ignore[index]
        if concept:
            out.append(ConceptMatch(m.start() + offset, m.end() + offset, concept))
    return out


#: What may stand between a figure and a concept word after it that the figure belongs
#: to: "a $3bn trade surplus", "$5bn of investment", "$2bn worth of U.S. exports"; never a
#: verb or another preposition ("16.4 pct on the trade deficit news").
_ATTACHED_AFTER = re.compile(
    r"(?:\s*\([^()]{0,40}\))?(?:\s*[-–]\s*|\s+)"
    r"(?:(?!(?:on|at|for|to|from|by|with|after|amid|as|than|and|or|but|while|because|since|"
    r"over|under|against|into|is|was|were|are|be|been|being|has|had|have|will|would|could|"
    r"said|says|rose|fell|grew|a\s+year|per|each|every|last|this|next)\b)[\w'’.&-]+\s+){0,4}\Z"
    r"|(?:\s*\([^()]{0,40}\))?(?:\s+(?:a|per|each|every)\s+(?:year|month|week|day|annum)|"
    r"\s+annually|\s+yearly)?\s+(?:worth\s+)?of\s+(?:[\w'’.&-]+\s+){0,5}\Z"
    r"|(?:\s*\([^()]{0,40}\))?(?:\s+(?:a|per|each|every)\s+(?:year|month|week|day|annum)|"
    r"\s+annually|\s+yearly)\s+in\s+(?:[\w'’.&-]+\s+){0,3}\Z",
    re.IGNORECASE)


_ATTACHED_IN = re.compile(r"(?:\s*\([^()]{0,40}\))?(?:\s+(?:a|per|each|every)\s+(?:year|month|week|day|"
                          r"annum)|\s+annually|\s+yearly)?\s+(?:worth\s+)?(?:in|of)\s+"
                          r"(?:(?!and\b|or\b|the\b)[\w'’.&-]+\s+){0,3}\Z", re.IGNORECASE)


#: Income from a flow: "earned 2,150 billion CFA francs from cocoa exports", "brought in
#: $1.8bn from sales abroad": the concept after "from" is the figure's own.
_EARNED = re.compile(r"\b(?:earn(?:s|ed|ing)?|made|mak(?:es|ing)|generat(?:es|ed|ing)|"
                     r"(?:brought|brings?|bringing|raked?|raking|took|takes?|taking)\s+in|"
                     r"receiv(?:es|ed|ing)|derived?|derives|derived|collect(?:s|ed|ing)|"
                     r"fetch(?:es|ed|ing)?)\s+(?:(?:about|around|some|nearly|almost|over|"
                     r"roughly|just|a\s+record|more\s+than|less\s+than)\s+)*\Z", re.IGNORECASE)
_FROM_FLOW = re.compile(r"(?:\s*\([^()]{0,40}\))?\s+from\s+(?:(?!and\b|or\b)[\w'’.&-]+\s+){0,3}\Z",
                        re.IGNORECASE)


#: A figure whose predicate names what it is: "1.4 billion euros is concessional lending",
#: "a further 70 billion yuan would come as investment".
_PREDICATE_NOUN = re.compile(r"(?:\s*\([^()]{0,40}\))?\s+(?:of\s+(?:that|this|which|it)\s+)?"
                             r"(?:is|are|was|were|(?:would|will|is\s+to|are\s+to)\s+be|"
                             r"(?:would|will)\s+come\s+as|comes?\s+as|came\s+as)\s+(?:in\s+)?"
                             r"(?:the\s+form\s+of\s+)?(?:[\w-]+\s+){0,2}\Z", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:its|their|his|her|our|this|that|[A-Z][\w.]*['’]s?)\s+"
                                r"(?:(?:record|current|existing|estimated|projected|annual|"
                                r"planned|proposed|whole|total|entire)\s+)?\Z")


def nearest_concept(concepts: list[ConceptMatch], start: int, end: int,
                    clause: tuple[int, int], text: str | None = None) -> ConceptMatch | None:
    """The concept word closest to the quantity at ``start:end`` within ``clause``.

    Words before the number count their distance once, words after it twice; with the
    article ``text``, a word after the number counts only when attached to it ("a $3bn
    trade surplus", "$5bn of investment"), not across a verb or preposition.
    """
    best, best_d = None, None
    for c in concepts:
        if c.end <= start and c.start >= clause[0]:
            d = start - c.end
        elif c.start >= end and c.end <= clause[1] and (text is None or _ATTACHED_AFTER.match(
                text, end, c.start)):
            d = 2 * (c.start - end) + 10
            if text is not None and _ATTACHED_IN.match(text, end, c.start):
                d = -1  # "$10bn in development aid", "$5bn of investment": its own noun
            elif text is not None and _DETERMINER_BEFORE.search(text, max(0, start - 30), start) \
                    and re.fullmatch(r"(?:\s+[\w'’-]+){0,2}\s+", text[end:c.start]):
                d = -1  # "to cut its 44.5 billion dlr foreign debt": the noun it modifies
        elif c.start >= end and c.end <= clause[1] and text is not None \
                and _PREDICATE_NOUN.match(text, end, c.start):
            d = -1  # "1.4 billion euros is concessional lending", "would come as investment"
        elif c.start >= end and c.end <= clause[1] and text is not None \
                and _FROM_FLOW.match(text, end, c.start) \
                and _EARNED.search(text, max(clause[0], start - 40), start):
            d = -1  # "earned $3.7bn from cocoa exports"
        else:
            continue
        if best_d is None or d < best_d:
            best, best_d = c, d
    return best


_CLAUSE_BREAK = with_start_filter(r";|\bbut\b|\bwhile\b|\bwhereas\b|\bcompared with\b|"
                                  r"\bagainst\b(?= (?:a |an )?\$?\d)|, up from|, down from|\bup from\b|"
                                  r"\bdown from\b|, from\b|\bversus\b|\bvs\b")


@lru_cache(maxsize=256)
def _clause_breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where ``sentence``'s clauses break, read once for all its figures."""
    return tuple(m.span() for m in _CLAUSE_BREAK.finditer(sentence))


def clause_around(sentence: str, offset: int, start: int, end: int) -> tuple[int, int]:
    """Article offsets of the clause of ``sentence`` that holds the quantity."""
    lo, hi = offset, offset + len(sentence)
    for a, b in _clause_breaks(sentence):
        pos = a + offset
        if pos + (b - a) <= start:
            lo = max(lo, b + offset)
        elif pos >= end:
            hi = min(hi, pos)
            break
    return lo, hi


_PREP = re.compile(r"(?:^|.*\s)(to|into|in|for|on|against|toward|towards|from|by|with|within|"
                   r"among|between|and|of)"
                   r"\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$")


#: A preposition right after the concept word governs the place however long the noun
#: phrase before it: "exports to fellow members of the Association ..." (to, not of).
_PREP_FIRST = re.compile(r"\s*(?:of\s+(?:[a-z-]+\s+){1,4})?(to|into|from|with)\s+(?:the\s+)?"
                         r"(?:[a-z-]+\s+){0,3}(?:of\s+(?:the\s+)?)?$")
_CHAIN_GAP = re.compile(r"^(?:['’]s)?\s*(?:-|–|/|and|,)\s*$")


_GOODS_AFTER = re.compile(r"(?:\s+[a-z-]+){0,2}\s+(?:goods|products|manufactures|merchandise|"
                          r"produce|cars|vehicles)\b")  # "imports of EC manufactured goods"
_BOUND_GAP = re.compile(r"[-–]bound\s+(?:[a-z-]+\s+){0,2}", re.IGNORECASE)
_FLOW_WORD = re.compile(r"\b(?:imports?|exports?|shipments|sales|purchases|trade|investment)\b",
                        re.IGNORECASE)  # "imports from Brazil and steady imports from Mexico"
_FIGURE_IN_GAP = re.compile(r"\d[\d.,]*\s*(?:%|pct|per\s*cent|percent|mln|million|bn|billion|"
                            r"trillion)?")
_DEBT_HEAD = re.compile(r"\b(?:debts?|borrowings?|liabilities)\b", re.IGNORECASE)
_OWNER_GAP = re.compile(r"^(?:['’]s)?\s+(?:(?!(?:and|or|but|from|to|in|of|for|by|than)\s)[a-z-]+\s+){0,2}$")


def place_roles(places: list[Place], concept: ConceptMatch | None,
                text: str) -> dict[str, list[str]]:
    """Who is ``from``, ``to`` or just a ``party`` to the concept, from the words around it.

    ``text`` is the whole article (places and concept carry article offsets).
    Returns lists of codes; empty lists when the sentence gives no pattern.
    """
    roles: dict[str, list[str]] = {"from": [], "to": [], "party": []}
    if concept is None:
        return roles
    kind = concept.concept
    owner_role = "party" if kind in UNDIRECTED else OWNER_ROLE.get(kind, "party")
    if kind == "loans" and _DEBT_HEAD.search(text, concept.start, concept.end):
        owner_role = "to"  # "South Korea's foreign debt": what it owes
    # a place just before the concept word: "Japanese investment", "Japan's exports"
    before = [p for p in places if p.end <= concept.start]
    if before and kind in {"exports", "trade"} and _BOUND_GAP.match(text, before[-1].end,
                                                                    concept.start):
        # "China's US-bound shipments": the destination, and its owner before it
        bound = before.pop()
        roles["to" if kind == "exports" else "party"].append(bound.code)
        if before and _OWNER_GAP.match(text[before[-1].end:bound.start]):
            roles["from" if kind == "exports" else "party"].insert(0, before[-1].code)
        return roles
    if before and concept.start - before[-1].end <= 30 and _OWNER_GAP.match(
            text[before[-1].end:concept.start]):
        roles[owner_role].append(before[-1].code)
        # a chain of owners: "Russia-Japan trade", "U.S. and Japanese exports"
        for left, right in zip(before[-2::-1], before[::-1], strict=False):
            if not _CHAIN_GAP.match(text[left.end:right.start]):
                break
            roles["party" if kind not in OWNER_ROLE else owner_role].insert(0, left.code)
    # places after a preposition following the concept word, within 80 characters
    last_role = None
    pos = concept.end
    for p in places:
        if p.start < concept.end:
            continue
        if p.start - pos > 60:
            break
        gap = text[pos:p.start]
        m = _PREP_FIRST.match(gap) or _PREP.search(gap)
        if not m or (re.search(r",\s", gap) and m.group(1) != "and") \
                or (last_role is not None and (_FIGURE_IN_GAP.search(gap)
                                               or _FLOW_WORD.search(gap))):
            break  # "shipments to ASEAN totalled $1.9bn, and the United States took ...": a
            # figure between ends the phrase
        prep = m.group(1)
        role = PREP_ROLE[prep]
        if role == "same":
            role = last_role
            if role is None:
                break
        elif role == "owner":  # "exports of Japan": the owner
            role = owner_role
        if kind in UNDIRECTED:
            role = "party"
        elif kind in {"trade_surplus", "trade_deficit"} and role != "from":
            role = "to"  # the counterpart of a balance: "surplus with the U.S."
        if kind == "imports" and prep in {"in", "into", "to", "for"}:
            role = "to"
        elif kind == "imports" and prep == "of" and (p.kind == "demonym" or _GOODS_AFTER.match(
                text, p.end)):
            role = "from"  # "imports of Japanese cars", "buy $150 billion of American goods"
        elif owner_role == "to" and kind == "loans" and prep in {"to", "with"}:
            role = "from"  # "Egypt's debt to the Soviet Union": the creditor
        roles[role].append(p.code)
        last_role = role
        pos = p.end
    return roles


_CURRENCY_AFTER = with_start_filter(
    r"\s*(?:dlrs?\b|dollars?\b|yen\b|marks?\b|francs?\b|pounds?\b|sterling\b|stg\b|won\b|"
    r"lira\b|lire\b|pesos?\b|crowns?\b|kronor\b|kroner\b|rupees?\b|yuan\b|renminbi\b|"
    r"roubles?\b|rubles?\b|guilders?\b|schillings?\b|rand\b|ringgit\b|baht\b|unit\b|"
    r"currency\b|currencies\b|cents?\b)", re.IGNORECASE)


_MARKET_AFTER = re.compile(
    r"(?:\s*(?:,|and)\s*[A-Z][a-z]+)*\s+(?:traders?|dealers?|brokers?|markets?|bourses?|"
    r"exchanges?|stock|money market|futures|trading|bankers?|analysts?|fixing)\b")


_ACCORD_AFTER = re.compile(
    r"\s+(?:accords?|agreements?|pact|round|club|summit|communique|declaration|"
    r"consensus|meeting|conference|talks|process)\b", re.IGNORECASE)


_NAME_AFTER = re.compile(r"\s+(?:Round|Club|Accord|Agreement|Group|Plan|Declaration)\b")


#: A company name: capitalised words ending in a corporate form ("Pier 1 Imports Inc").
_CORPORATE = (r"(?:Inc|Corp|Corporation|Co|Cos|Ltd|Plc|PLC|AG|SA|NV|BV|SpA|GmbH|KK|Bhd|Group|"
              r"Holdings|Industries|Airlines|Airways|Motors|Bank|Banking|Trust|Securities)\b")
COMPANY = re.compile(r"[A-Z][\w&'’.-]*\s+(?:[A-Z0-9&][\w&'’.-]*\s+){0,5}" + _CORPORATE
                     + r"\.?")
#: Every company name holds a corporate form after a space: one scan tells a sentence
#: has none.
_CORPORATE_FORM = re.compile(r"\s" + _CORPORATE)


_BANK_OF = re.compile(r"\b(?:Bank|Banque|Banco|Bancorp) of\s+$")


def company_spans(sentence: str, offset: int = 0) -> list[tuple[int, int]]:
    """Article offsets of company names in ``sentence`` ("Pier 1 Imports Inc").

    >>> s = "Pier 1 Imports Inc said sales rose."
    >>> [s[a:b] for a, b in company_spans(s)]
    ['Pier 1 Imports Inc']
    """
    if _CORPORATE_FORM.search(sentence) is None:
        return []
    return [(m.start() + offset, m.end() + offset) for m in COMPANY.finditer(sentence)]


_AGENCY_SEAT = re.compile(r"Bank|Agency|Fund|Cooperation|Eximbank|KfW|USAID|JICA|JBIC")


def drop_non_parties(places: list[Place], text: str,
                     skip: list[tuple[int, int]]) -> list[Place]:
    """The places that can be a party to a figure: not a currency's country ("33 mln U.S.
    dlrs", "Canadian dollars"), not a market's city ("London and Paris traders"), not an
    accord's or meeting's name ("the Paris accord", "the Uruguay Round"), not part of a
    company's name or of any span in ``skip`` (the figures themselves, company names, a
    dateline).

    >>> t = "Paris accord talks; 33 mln U.S. dlrs; London dealers said; Japan exports"
    >>> [p.surface for p in drop_non_parties(find_places(t), t, [])]
    ['Japan']
    """
    out = []
    for p in places:
        if p.kind == "seat" and _AGENCY_SEAT.search(p.surface):
            out.append(p)  # "China Development Bank agreed to lend": China lends
            continue
        if any(a <= p.start and p.end <= b for a, b in skip):
            continue
        after = text[p.end:p.end + 60]
        if _CURRENCY_AFTER.match(after):
            continue
        if p.kind in {"capital", "seat"} and (_MARKET_AFTER.match(after)
                                              or _ACCORD_AFTER.match(after)):
            continue
        if _NAME_AFTER.match(after) or _BANK_OF.search(text, max(0, p.start - 12), p.start):
            continue
        out.append(p)
    return out


#: What a concept word becomes when a company owns it ("Bayer's turnover").
COMPANY_CONCEPT = {"trade": "company_sales", "company_sales": "company_sales",
                   "exports": "company_exports", "imports": "company_sales"}


_COMPANY_OWNER = re.compile(
    r"(?:\b(?:company|company['’]s|firm['’]?s?|group['’]s|concern['’]s|corporation['’]s|"
    r"parent|parent company|subsidiary['’]s|its own)|\b(?P<name>[A-Z][\w&.-]+)['’]s)"
    r"\s+(?:[a-z-]+\s+){0,2}$")


_NOT_COMPANIES = frozenset(words("""
Government Ministry Country Nation Community Commission Agency Bureau Office Department
Fund Bank Region State Province Republic Kingdom Union Federation Council Administration
Treasury Congress Parliament World Europe Asia Africa America Today January February March
April May June July August September October November December Monday Tuesday Wednesday
Thursday Friday Saturday Sunday
"""))


@lru_cache(maxsize=4096)
def _is_place(word: str) -> bool:
    return bool(find_places(word))


def company_concept(c: ConceptMatch, text: str,
                    companies: list[tuple[int, int]]) -> ConceptMatch:
    """``c`` as a company concept when a company owns it: "Bayer's turnover", "parent
    company turnover", "Pier 1 Imports Inc's exports"; otherwise ``c`` unchanged.

    >>> t = "Bayer's turnover rose"
    >>> company_concept(find_concepts(t)[0], t, []).concept
    'company_sales'
    >>> t = "Japan's exports rose"
    >>> company_concept(find_concepts(t)[0], t, []).concept
    'exports'
    """
    target = COMPANY_CONCEPT.get(c.concept)
    if target is None:
        return c
    head = text[max(0, c.start - 60):c.start]
    owned = any(0 <= c.start - b <= 4 and re.match(r"['’]s\s*$|\s*$", text[b:c.start])
                for _, b in companies)
    m = _COMPANY_OWNER.search(head)
    if m and m.group("name"):
        name = m.group("name")
        in_place = any(pl.start < m.end("name") <= pl.end for pl in find_places(head))
        owned = owned or (name not in _NOT_COMPANIES and not _is_place(name)
                          and not in_place and not name.isupper())  # "Saudi Arabia's"
    elif m:
        owned = True
    return ConceptMatch(c.start, c.end, target) if owned else c


_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1,
              "two-thirds": 2 / 3, "two thirds": 2 / 3, "three-quarters": 0.75,
              "three quarters": 0.75}


_RELATIVE = with_start_filter(
    r"\b(?P<verb>grew|grown|grow|grows|rose|risen|rise|rises|increased|increase|jumped|surged|"
    r"expanded|expand|climbed|fell|fallen|fall|falls|dropped|declined|decline|decreased|"
    r"shrank|shrunk|slumped|cut|cuts|reduced|reduce|slashed|lowered|boosted|raised|raise)"
    r"(?:\s+\w+){0,3}?\s+by\s+(?P<fig>(?:about\s+|around\s+|nearly\s+|almost\s+|roughly\s+|"
    r"more\s+than\s+|some\s+)?(?:a|one)[- ](?:half|third|quarter|fifth|tenth)|half|"
    r"two[- ]thirds|three[- ]quarters)\b", re.IGNORECASE)


_DOWN = re.compile(r"fell|fallen|fall|dropped|declin|decreas|shr|slump|cut|reduc|slash|lower",
                   re.IGNORECASE)


def relative_changes(sentence: str, offset: int = 0) -> list[tuple[int, int, str, float, str]]:
    """Relative changes written as fractions: "grew by a third", "fell by a quarter", "cut
    by half": ``(start, end, surface, percent, "up"|"down")`` with article offsets.

    >>> relative_changes("Exports to China grew by a third last year.")
    [(22, 32, 'by a third', 33.33333333333333, 'up')]
    """
    out: list[tuple[int, int, str, float, str]] = []
    if " by " not in sentence and "\nby " not in sentence:
        return out
    for m in _RELATIVE.finditer(sentence):
        fig = m.group("fig").lower()
        word = re.sub(r"^(?:about|around|nearly|almost|roughly|more than|some)\s+", "", fig)
        word = re.sub(r"^(?:a|one)[- ]", "", word)
        share = _FRACTIONS.get(word.replace("-", " ") if word not in _FRACTIONS else word)
        if share is None:
            continue
        start = m.start("fig") - 3  # keep "by " in the evidence
        change = "down" if _DOWN.match(m.group("verb")) else "up"
        out.append((start + offset, m.end("fig") + offset, sentence[start:m.end("fig")],
                    share * 100, change))
    return out


def owner_place(places: list[Place], concept: ConceptMatch, text: str) -> str | None:
    """The place written just before a concept word ("Japan's trade surplus", "West German
    imports"): the subject a later sentence's figure may carry on with.

    >>> t = "Japan's trade surplus rose"
    >>> owner_place(find_places(t), find_concepts(t)[0], t)
    'JPN'
    """
    before = [p for p in places if p.end <= concept.start]
    if before and concept.start - before[-1].end <= 30 and _OWNER_GAP.match(
            text[before[-1].end:concept.start]):
        if len(before) > 1 and re.fullmatch(r"\s*(?:[-–/]|and)\s*",
                                            text[before[-2].end:before[-1].start]):
            return None  # "Russo-Turkish trade", "U.S.-Japan trade": a pair, no one owner
        return before[-1].code
    return None


#: The concepts whose figures make the trade family (the story subject follows them).
FAMILY = {"trade", "exports", "imports", "trade_surplus", "trade_deficit", "investment",
          "fdi", "loans", "aid"}
#: The flows with two sides, a seller and a buyer (or the holder of a balance and its
#: partner); one named alone may be a total, or a partner whose other side was missed.
FLOWS = {"exports", "imports", "trade_surplus", "trade_deficit"}
