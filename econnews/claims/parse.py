"""Sentence-level readers used by :mod:`econnews.claims`.

Each function reads one sentence (with its offset in the article, so that the
positions it returns are article offsets) and answers one question: which
concept words are there, which countries and in which role, who is speaking,
which hedges, which period.  The lexicons are the CSV files in
``econnews/data/`` (``concepts.csv``, ``speech_verbs.csv``, ``hedges.csv``,
``places_aliases.csv``).

>>> [c.concept for c in find_concepts("Japanese investments in Russia")]
['investment']
>>> resolve_period("exports rose in fiscal 1987/88", pd.Timestamp("1988-05-01"), 30)
'1987/88'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from ..schema import CONCEPTS
from .places import Place, find_places, read_csv_data

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
    "with": "party", "between": "party", "and": "same", "of": "owner",
}
#: Concepts whose flow has no direction: every place found is just a party.
UNDIRECTED = {"trade", "gdp", "budget", "reserves", "prices", "other"}


@dataclass(frozen=True)
class ConceptMatch:
    start: int
    end: int
    concept: str


@dataclass(frozen=True)
class Speaker:
    name: str
    start: int  # article offset of the attribution phrase
    hint: str  # claim type the verb signals ("target", "forecast" or "")
    reported_by: str | None = None


# ---------------------------------------------------------------- lexicons


def _words(text: str) -> list[str]:
    """The whitespace-separated words of a word-list literal."""
    return text.split()


def _spaced(pattern: str) -> str:
    """A lexicon pattern whose spaces also match the newlines of hard-wrapped text."""
    return pattern.replace(" ", r"\s+")


@lru_cache(maxsize=1)
def _concept_rules() -> tuple[re.Pattern[str], list[str]]:
    df = read_csv_data("concepts.csv")
    unknown = sorted(set(df["concept"]) - set(CONCEPTS) - {""})
    if unknown:  # pragma: no cover - guarded by tests on the data file
        raise ValueError(f"concepts.csv: unknown concept(s) {unknown}")
    parts = [f"(?P<c{i}>{_spaced(p)})" for i, p in enumerate(df["pattern"])]
    # alternation in file order; a longer match at the same position is preferred
    # by sorting each alternative's literal length descending is not possible for
    # regexes, so the file lists specific phrases first
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)
    return pattern, list(df["concept"])


@lru_cache(maxsize=1)
def _hedge_rules() -> list[tuple[re.Pattern[str], str]]:
    df = read_csv_data("hedges.csv")
    return [(re.compile(rf"\b(?:{_spaced(p)})\b", re.IGNORECASE), t)
            for p, t in zip(df["pattern"], df["claim_type"], strict=True)]


@lru_cache(maxsize=1)
def _speech_rules() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    df = read_csv_data("speech_verbs.csv")
    hints = {}
    for phrase, hint in zip(df["phrase"], df["hint"], strict=True):
        for word in phrase.split("|"):
            hints[word.lower()] = hint
    before = _spaced("|".join(df.loc[df["position"] == "before", "phrase"]))
    after = _spaced("|".join(df.loc[df["position"] == "after", "phrase"]))
    return (re.compile(rf"\b(?:{before})\b"), re.compile(rf"\b(?:{after})\b", re.IGNORECASE),
            hints)


# ---------------------------------------------------------------- concepts


def find_concepts(sentence: str, offset: int = 0) -> list[ConceptMatch]:
    """Concept words in ``sentence`` (blockers dropped), positions shifted by ``offset``.

    >>> [(c.concept) for c in find_concepts("The Trade Minister said the trade surplus grew")]
    ['trade_surplus']
    """
    pattern, concepts = _concept_rules()
    out = []
    for m in pattern.finditer(sentence):
        group = next(k for k, v in m.groupdict().items() if v is not None)
        concept = concepts[int(group[1:])]
        if concept:
            out.append(ConceptMatch(m.start() + offset, m.end() + offset, concept))
    return out


def nearest_concept(concepts: list[ConceptMatch], start: int, end: int,
                    clause: tuple[int, int]) -> ConceptMatch | None:
    """The concept word closest to the quantity at ``start:end`` within ``clause``.

    Words before the number count their distance once, words after it twice.
    """
    best, best_d = None, None
    for c in concepts:
        if c.end <= start and c.start >= clause[0]:
            d = start - c.end
        elif c.start >= end and c.end <= clause[1]:
            d = 2 * (c.start - end) + 10
        else:
            continue
        if best_d is None or d < best_d:
            best, best_d = c, d
    return best


# ---------------------------------------------------------------- clauses

_CLAUSE_BREAK = re.compile(r";|\bbut\b|\bwhile\b|\bwhereas\b|\bcompared with\b|"
                           r"\bagainst\b(?= (?:a |an )?\$?\d)|, up from|, down from|\bup from\b|"
                           r"\bdown from\b|, from\b|\bversus\b|\bvs\b")


def clause_around(sentence: str, offset: int, start: int, end: int) -> tuple[int, int]:
    """Article offsets of the clause of ``sentence`` that holds the quantity."""
    lo, hi = offset, offset + len(sentence)
    for m in _CLAUSE_BREAK.finditer(sentence):
        pos = m.start() + offset
        if pos + (m.end() - m.start()) <= start:
            lo = max(lo, m.end() + offset)
        elif pos >= end:
            hi = min(hi, pos)
            break
    return lo, hi


# ---------------------------------------------------------------- places

_PREP = re.compile(r"\b(to|into|in|for|on|against|toward|towards|from|by|with|between|and|of)"
                   r"\s+(?:the\s+)?(?:[a-z-]+\s+){0,2}$")
_CHAIN_GAP = re.compile(r"^(?:['’]s)?\s*(?:-|–|/|and|,)\s*$")
_OWNER_GAP = re.compile(r"^(?:['’]s)?\s+(?:[a-z-]+\s+){0,2}$")


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
    # a place just before the concept word: "Japanese investment", "Japan's exports"
    before = [p for p in places if p.end <= concept.start]
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
        m = _PREP.search(gap)
        if not m or (re.search(r",\s", gap) and m.group(1) != "and"):
            break
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
        elif kind == "imports" and prep == "of" and p.kind == "demonym":
            role = "from"  # "imports of Japanese cars", "buy $150 billion of American goods"
        roles[role].append(p.code)
        last_role = role
        pos = p.end
    return roles


# ---------------------------------------------------------------- speakers

_TITLE_WORDS = frozenset(_words("""
President Prime Minister Ministers Secretary Chairman Chairwoman Governor Ambassador Director
Deputy Vice Foreign Trade Finance Mr. Mrs. Ms. Dr. Chief Executive General Representative
Spokesman Spokeswoman Senator Sen. Rep. King Queen Chancellor Premier Commissioner
Undersecretary Under Assistant Agriculture Commerce Treasury Industry Economy Economic
Affairs International Party Leader Communist Officer Head Senior Official Officials Adviser
Advisor Economics Minister's Envoy Negotiator Trade's US U.S. State Energy Central Bank
"""))
#: Plural role nouns that make a speaker on their own: "officials said".
_ROLE_NOUNS = frozenset(_words("""
officials analysts economists sources diplomats traders experts dealers bankers
executives negotiators ministers spokesmen observers industry figures data statistics
"""))
#: Words that read like a speaker but never are one.
_NEVER_SPEAKERS = frozenset({"the latest", "latest", "the news", "news", "this", "that",
                             "the figure", "the figures", "there"})
_PERSON_TITLES = frozenset(_words("""
president minister secretary chairman chairwoman governor ambassador director mr. mrs. ms. dr.
envoy senator sen. rep. representative spokesman spokeswoman chancellor premier commissioner
undersecretary king queen leader officer adviser advisor negotiator economist analyst official
"""))
_BODY_WORDS = frozenset(_words("""
Ministry Ministries Bank Institute Commission Office Department Agency Council Association
Corp Corp. Co Co. Inc Inc. Ltd Group Committee Board Bureau Service Federation Union Chamber
Organisation Organization Fund Authority Government Administration Secretariat Centre Center
Exchange Party Parliament Congress Senate House Court Statistics News Kyodo Reuters
Forum Observatory Institute Council Trust Society Foundation
"""))
_TIME_TAIL = re.compile(
    r"(?:\s+(?:also|here|today|yesterday|tonight|earlier|later|again|on|last|this|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|"
    r"morning|afternoon|evening))+$")
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "He", "She", "It", "They", "We", "I"}
_NP_BREAK = re.compile(r"[,;:\"“”()]|\bthat\b|\bwhich\b|\bwho\b|\band\b(?= [a-z])")
_POSSESSIVE_PLAN = re.compile(
    r"((?:[A-Z][\w.-]*\s+){0,4}[A-Z][\w.-]*)['’]s\s+(?:[a-z]+\s+)?"
    r"(proposals?|plans?|offers?|initiatives?|ideas?|targets?|goals?|forecasts?|estimates?|"
    r"projections?|calls?|suggestions?)\b")


def clean_speaker(np: str) -> str | None:
    """Trim a speaker phrase: drop titles before a personal name, keep bodies whole.

    >>> clean_speaker("Russian President Vladimir Putin")
    'Vladimir Putin'
    >>> clean_speaker("the official representative of the Japanese Foreign Ministry")
    'the official representative of the Japanese Foreign Ministry'
    >>> clean_speaker("it") is None
    True
    """
    np = re.sub(r"\s+", " ", np).strip(" ,.'\"“”’")
    np = re.sub(r"^(?:As|as|But|However|And|Meanwhile|Also)\s+", "", np)
    if not np or np in _PRONOUNS or len(np.split()) > 10 or np.lower() in _NEVER_SPEAKERS:
        return None
    np = _TIME_TAIL.sub("", np).strip()
    if re.search(r"\d|\b(?:its|their|his|her|our|we|I|is|was|were|are|has|had|have|an?)\b", np,
                 re.IGNORECASE) and not re.match(r"(?:a|an)\s+[a-z]", np):
        return None  # a clause, not a speaker: "the group cut its 1987 growth rate"
    words = np.split(" ")
    if not any(w[:1].isupper() for w in words) and words[0].lower() not in {
            "the", "a", "an"} and words[-1].lower() not in _ROLE_NOUNS:
        return None
    # a personal name after titles: "Trade Minister Hajime Tamura" -> "Hajime Tamura"
    tail: list[str] = []
    for w in reversed(words):
        if w[:1].isupper() and w not in _TITLE_WORDS and not find_places(w):
            tail.insert(0, w)
        else:
            break
    head = words[: len(words) - len(tail)]
    if tail and head and head[-1].lower() in _PERSON_TITLES and not _BODY_WORDS & set(tail):
        return " ".join(tail)
    # one spelling per body: "The EIU said" and "the EIU said" are one speaker
    return re.sub(r"^(The|A|An) ", lambda m: m.group(1).lower() + " ", np)


def find_speaker(sentence: str, offset: int = 0) -> Speaker | None:
    """Who the sentence attributes its statement to ("X said", "according to X", ...).

    >>> find_speaker("Exports rose 5 pct, Trade Minister Hajime Tamura told reporters.").name
    'Hajime Tamura'
    >>> find_speaker("According to the Commerce Ministry, exports fell.").name
    'the Commerce Ministry'
    >>> find_speaker("Exports fell.") is None
    True
    """
    before, after, hints = _speech_rules()
    m = after.search(sentence)
    if m:
        rest = sentence[m.end():]
        np = _NP_BREAK.split(rest, maxsplit=1)[0]
        name = clean_speaker(np.split(".")[0] if not re.search(r"\b[A-Z]\.", np) else np)
        if name:
            return Speaker(name, m.start() + offset, "")
    for m in before.finditer(sentence):
        verb = m.group(0).lower()
        hint = hints.get(verb, "")
        head = sentence[:m.start()]
        # inverted: '..., said Trade Minister X.' / '"...," said X'
        if re.search(r"[,\"”]\s*$", head) or not head.strip():
            rest = sentence[m.end():]
            np = re.split(r"[,;.](?!\w)|\bthat\b|\bin an?\b|\bon\b", rest, maxsplit=1)[0]
            name = clean_speaker(np)
            if name and re.match(r"\s*(?:[A-Z]|the\b)", rest):
                return Speaker(name, m.start() + offset, hint)
            continue
        parts = _NP_BREAK.split(head)
        np = parts[-1]
        name = clean_speaker(np)
        if name is None and np.strip() in _PRONOUNS:
            return Speaker(np.strip().lower(), m.start() + offset, hint)
        if name:
            return Speaker(name, m.start() + offset, hint)
    return None


def proposal_owner(sentence: str, offset: int, before: int) -> tuple[str, int] | None:
    """"Putin's plan ... to increase trade": the owner of a plan named before ``before``."""
    found = None
    for m in _POSSESSIVE_PLAN.finditer(sentence):
        if m.end() + offset <= before:
            name = clean_speaker(m.group(1))
            if name:
                found = (name, m.start() + offset)
    return found


# ---------------------------------------------------------------- hedges


def find_hedges(text: str, lo: int, hi: int) -> tuple[list[str], str]:
    """Hedge words in ``text[lo:hi]`` and the claim type they signal ('' when none)."""
    words: list[tuple[int, str]] = []
    kind = ""
    segment = text[lo:hi]
    targets, forecasts = [], []
    for rule, claim_type in _hedge_rules():
        for m in rule.finditer(segment):
            words.append((m.start(), m.group(0).lower()))
            if claim_type == "target":
                targets.append(m.group(0).lower())
            elif claim_type == "forecast":
                forecasts.append(m.group(0).lower())
    if targets and forecasts and all(w.startswith("to ") for w in targets):
        kind = "forecast"  # "Morgan expects the surplus to grow to ...": a forecast
    elif targets:
        kind = "target"
    elif forecasts:
        kind = "forecast"
    words.sort()
    seen: list[str] = []
    for _, w in words:
        if w not in seen:
            seen.append(w)
    return seen, kind


# ---------------------------------------------------------------- periods

_MONTHS = {m: i for i, m in enumerate(_words(
    "january february march april may june july august september october november december"),
    start=1)}
_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
             "fourth": 4, "4th": 4, "final": 4, "last": 4}
_PERIOD = re.compile(
    r"""
    (?P<fy>(?:fiscal|financial|FY)\s*(?:year\s+)?(?P<fy1>(?:19|20)\d\d)(?:/(?P<fy2>\d\d(?:\d\d)?))?)
    | (?P<split>(?<![\d/-])(?P<sy1>(?:19|20)\d\d)[/-](?P<sy2>\d\d)(?![\d/-]))
    | (?P<q>(?P<qn>first|second|third|fourth|final|1st|2nd|3rd|4th)\s+(?:quarter|qtr)
        (?:\s+(?:of\s+)?(?P<qy>(?:19|20)\d\d))?)
    | (?P<mq>\b(?P<m1>January|April|July|October)\s*[-/–]\s*(?:March|June|September|December)
        \s+(?:quarter|qtr)(?:\s+(?:of\s+)?(?P<mqy>(?:19|20)\d\d))?)
    | (?P<qq>\bQ(?P<qqn>[1-4])\s*(?P<qqy>(?:19|20)\d\d)?)
    | (?P<month>\b(?P<mname>January|February|March|April|May|June|July|August|September|October|
        November|December)(?:\s+(?P<my>(?:19|20)\d\d))?\b)
    | (?P<rel>\b(?:a\s+)?year[- ]ago\b|\b(?:a\s+)?year\s+(?:earlier|before)\b|
        \b(?:last|this|next|previous|past|current|the\s+previous)\s+year\b)
    | (?P<year>(?<![\d.,$])(?:19[5-9]\d|20[0-4]\d)(?![\d.,]\d))
    """,
    re.VERBOSE | re.IGNORECASE,
)


def _period_text(m: re.Match[str], date: pd.Timestamp | None, years: list[int]) -> str | None:
    g = m.groupdict()
    base = date.year if date is not None else None
    if g["fy"]:
        y1 = int(g["fy1"])
        if g["fy2"]:
            return f"{y1}/{g['fy2'][-2:]}"
        return f"FY{y1}"
    if g["split"]:
        return f"{g['sy1']}/{g['sy2']}"
    if g["q"]:
        year = int(g["qy"]) if g["qy"] else (years[0] if years else base)
        return f"{year}Q{_QUARTERS[g['qn'].lower()]}" if year else None
    if g["mq"]:
        year = int(g["mqy"]) if g["mqy"] else (years[0] if years else base)
        q = {"january": 1, "april": 2, "july": 3, "october": 4}[g["m1"].lower()]
        return f"{year}Q{q}" if year else None
    if g["qq"]:
        year = int(g["qqy"]) if g["qqy"] else (years[0] if years else base)
        return f"{year}Q{g['qqn']}" if year else None
    if g["month"]:
        if g["mname"] == "May" and not g["my"]:
            return None  # the modal verb
        month = _MONTHS[g["mname"].lower()]
        if g["my"]:
            return f"{g['my']}-{month:02d}"
        if date is None:
            return None
        # a month name without a year: the latest such month up to two months
        # after the article date ("in April" in a March story is this April)
        year = date.year if month <= date.month + 2 else date.year - 1
        return f"{year}-{month:02d}"
    if g["rel"]:
        word = re.sub(r"\s+", " ", g["rel"].lower())
        if date is None:
            return None
        if word in {"this year", "current year"}:
            return str(date.year)
        if word == "next year":
            return str(date.year + 1)
        # last/previous/past year, year-ago, a year earlier: relative to the
        # sentence's own year when it names one ("in 1986 ... the previous year")
        ref = years[0] if years and word.startswith(("previous", "the previous", "year")) else base
        return str(ref - 1)
    if g["year"]:
        return g["year"]
    return None


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
    matches = list(_PERIOD.finditer(sentence))
    years = [int(m.group("year")) for m in matches if m.group("year")]
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


# ---------------------------------------------------------------- non-parties

_CURRENCY_AFTER = re.compile(
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
COMPANY = re.compile(
    r"[A-Z][\w&'’.-]*\s+(?:[A-Z0-9&][\w&'’.-]*\s+){0,5}"
    r"(?:Inc|Corp|Corporation|Co|Cos|Ltd|Plc|PLC|AG|SA|NV|BV|SpA|GmbH|KK|Bhd|Group|Holdings|"
    r"Industries|Airlines|Airways|Motors|Bank|Banking|Trust|Securities)\b\.?")
_BANK_OF = re.compile(r"\b(?:Bank|Banque|Banco|Bancorp) of\s+$")


def company_spans(sentence: str, offset: int = 0) -> list[tuple[int, int]]:
    """Article offsets of company names in ``sentence`` ("Pier 1 Imports Inc").

    >>> s = "Pier 1 Imports Inc said sales rose."
    >>> [s[a:b] for a, b in company_spans(s)]
    ['Pier 1 Imports Inc']
    """
    return [(m.start() + offset, m.end() + offset) for m in COMPANY.finditer(sentence)]


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


# ---------------------------------------------------------------- company figures

#: What a concept word becomes when a company owns it ("Bayer's turnover").
COMPANY_CONCEPT = {"trade": "company_sales", "company_sales": "company_sales",
                   "exports": "company_exports", "imports": "company_sales"}
_COMPANY_OWNER = re.compile(
    r"(?:\b(?:company|company['’]s|firm['’]?s?|group['’]s|concern['’]s|corporation['’]s|"
    r"parent|parent company|subsidiary['’]s|its own)|\b(?P<name>[A-Z][\w&.-]+)['’]s)"
    r"\s+(?:[a-z-]+\s+){0,2}$")
_NOT_COMPANIES = frozenset(_words("""
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
        owned = owned or (name not in _NOT_COMPANIES and not _is_place(name)
                          and not name.isupper())
    elif m:
        owned = True
    return ConceptMatch(c.start, c.end, target) if owned else c


# ---------------------------------------------------------------- comparison figures

_REL_BEFORE = re.compile(
    r"\A[^;]{0,40}?\b(?:(?P<ago>a\s+year\s+(?:earlier|ago|before)|year[- ]ago|"
    r"the\s+(?:previous|preceding|prior)\s+year|(?:in\s+)?the\s+year\s+before|last\s+year)|"
    r"the\s+same\s+(?:month|period|quarter|time)(?:\s+(?:of|in|a))?\s+(?:(?P<year>(?:19|20)\d\d)|"
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
    ym = re.match(r"(?:FY)?((?:19|20)\d\d)(.*)$", period)
    if ym is None:
        return None
    year = int(m.group("year")) if m.group("year") else int(ym.group(1)) - 1
    rest = ym.group(2)
    if re.match(r"/\d\d$", rest):  # a split year 1987/88 -> 1986/87
        return f"{year}/{(year + 1) % 100:02d}"
    return f"{'FY' if period.startswith('FY') else ''}{year}{rest}"


# ---------------------------------------------------------------- relative changes

_FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1,
              "two-thirds": 2 / 3, "two thirds": 2 / 3, "three-quarters": 0.75,
              "three quarters": 0.75}
_RELATIVE = re.compile(
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
        return before[-1].code
    return None
