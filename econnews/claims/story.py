"""Where a story is from: its country, read from metadata, a dateline, or the text.

A figure whose sentence names no country takes the story's country.  That country
comes, first to last, from the article's own metadata (a ``country`` column, Reuters'
``places`` tags, a ``dateline`` column), then from a dateline at the start of the
text ("BEIJING —", "TOKYO, March 3 -").  Without either, the country the headline
(the text's first line) names.  The subject set earlier in the story ("Japan's trade
surplus ... The surplus fell") is read by :mod:`.find` as it walks the sentences.

>>> story_country(text="TOKYO, March 3 - Exports rose.", date="1987-03-03")
'JPN'
>>> story_country(places=["west-germany"], dateline="FRANKFURT, April 27 -")
'DEU'
>>> dateline_span("BEIJING (Reuters) — China's exports rose.")
(0, 20)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

import pandas as pd

from ..common.regex import with_start_filter
from .parse import spaced
from .places import Place, find_places, read_csv_data

__all__ = ["dateline_span", "story_country"]

_DATELINE = re.compile(
    r"""\A\s*
    (?P<place>[A-Z][A-Z.'’ -]{2,40}?(?:,\s*[A-Z][\w.'’ -]{1,30}?)?)   # city (, country)
    (?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))?  # , March 3
    \s*(?:\((?:Reuters|AP|AFP|Xinhua|Kyodo|Bloomberg|dpa|UPI)\)\s*)?
    (?:-|—|–|--)\s+""",
    re.VERBOSE)


def dateline_span(text: str) -> tuple[int, int] | None:
    """``(start, end)`` of a wire dateline opening ``text`` ("TOKYO, March 3 -"), or None.

    >>> dateline_span("Exports rose - a lot.") is None
    True
    """
    m = _DATELINE.match(text)
    if m is None or not m.group("place").split(",")[0].strip().isupper():
        return None
    return m.start("place"), m.end()


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    df = read_csv_data("dateline_cities.csv")
    return {c.lower(): code for c, code in zip(df["city"], df["code"], strict=True)}


def _place_code(words: str, date: Any = None) -> str | None:
    """The country a dateline or a tag names ("TOKYO", "Kashikojima, Japan", "west-germany")."""
    words = " ".join(words.replace("-", " ").split()).strip(" ,-—–")
    if not words:
        return None
    parts = [p.strip() for p in words.split(",") if p.strip()]
    for part in reversed(parts):  # "TAUPO, New Zealand": the country after the city
        for form in (part, part.title(), part.upper()):
            found = [p for p in find_places(form, date=date) if p.kind != "bloc"]
            if found:
                return found[0].code
        code = _cities().get(part.lower())
        if code:
            return code
    return None


def _tags(places: Any) -> list[str]:
    if places is None or (isinstance(places, float) and pd.isna(places)):
        return []
    if isinstance(places, str):
        return [p for p in re.split(r"[,;|]\s*", places) if p]
    if isinstance(places, Iterable):
        return [str(p) for p in places if isinstance(p, str) and p]
    return []


def story_country(*, country: Any = None, places: Any = None, dateline: Any = None,
                  text: str = "", date: Any = None) -> str | None:
    """The story's country code, or None (see the module doc for the order of sources).

    ``places`` (Reuters tags such as ``["usa", "japan"]``) gives the country when it
    holds exactly one, else the one the dateline names among them.
    """
    if isinstance(country, str) and country.strip():
        code = _place_code(country, date)
        if code:
            return code
        if re.fullmatch(r"[A-Z]{3}", country.strip()):
            return country.strip()
    tagged = [c for c in (_place_code(t, date) for t in _tags(places)) if c]
    line = dateline if isinstance(dateline, str) and dateline.strip() else None
    if line is None:
        span = dateline_span(text or "")
        line = text[span[0]:span[1]] if span else None
    from_line = _place_code(re.sub(r"(?:-|—|–)\s*$", "", line), date) if line else None
    if len(set(tagged)) == 1:
        return tagged[0]
    if from_line and (not tagged or from_line in tagged):
        return from_line
    if tagged:
        return tagged[0]
    # no metadata and no dateline: the country the headline (the first line) names
    head = (text or "").lstrip().split("\n", 1)[0][:200]
    named = [p for p in find_places(head, date=date) if p.kind != "bloc"]
    return named[0].code if named else None


@lru_cache(maxsize=1)
def _descriptions() -> re.Pattern[str]:
    df = read_csv_data("descriptions.csv")
    parts = [f"(?P<{r}{i}>{spaced(p)})" for i, (p, r) in enumerate(zip(df["pattern"], df["refers"],
                                                                strict=True))]
    return with_start_filter(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])",
                             re.IGNORECASE, guard=r"(?<![\w-])")


_OWNER_AFTER = re.compile(r"['’]s?\s")
#: Regions a description such as "the continent" can stand for.
_REGIONS = {"AFRICA", "ASIA", "EUROPE", "LATAM"}

_CLAUSE_BREAK = with_start_filter(r";|,\s*(?:while|but|whereas|although)\b|\bwhile\b")

#: Place kinds that name one country (a description resolves to the last of these).
_COUNTRY_KINDS = {"name", "short", "demonym", "capital", "seat", "combining", "description"}


_PREP_END = re.compile(r"\b(?:to|from|with|in|into|for|by|on)\s+\Z", re.IGNORECASE)


def described_places(sentence: str, offset: int, places: list[Place],
                     named: list[str], blocs: list[str] | None = None,
                     home: str | None = None) -> list[Place]:
    """``places`` with the countries a sentence names by description ("the Gulf emirate",
    "that country", "the world's second-largest economy": the last country the story
    named before it) added as places of kind ``description``; ``named`` (the countries
    named so far, oldest first) is extended in place.  A description with no country
    named before it stays unresolved.  Pair words ("bilateral", "the two countries")
    are read by the parties reader, not here.

    >>> named = ["QAT"]
    >>> [(p.surface, p.code) for p in described_places("The emirate's exports", 0, [], named)]
    [('The emirate', 'QAT')]
    """
    blocs = [] if blocs is None else blocs
    found = []
    for m in _descriptions().finditer(sentence):
        kind = m.lastgroup or ""  # the description's own group closes last
        if not kind.startswith(("country", "bloc", "home", "region")):
            continue
        start, end = m.start() + offset, m.end() + offset
        overlap = [p for p in places if p.start < end and start < p.end]
        if overlap and not all(start <= p.start and p.end <= end and p.code in _REGIONS
                               for p in overlap):
            continue
        if overlap and not kind.startswith("region"):
            # "the South American country": a country of the region, not the region
            places = [p for p in places if p not in overlap]
        # "Brazil's exports to the world's second-largest economy", "the emirate's exports
        # to France": a description is none of the countries its own sentence names
        bloc = kind.startswith("bloc")
        if kind.startswith("region"):
            regions = [c for c in blocs if c in _REGIONS] + [
                p.code for p in places if p.kind == "region" and p.code in _REGIONS
                and p.end <= start]
            if regions:
                found.append(Place(start, end, m.group(0), regions[-1], "bloc_description"))
            continue
        # the clause the description stands in ("Brazil's exports to the world's second-
        # largest economy rose, while Chinese shipments to Brazil slipped": Brazil only)
        lo = max([b.end() for b in _CLAUSE_BREAK.finditer(sentence, 0, m.start())] or [0])
        nxt = _CLAUSE_BREAK.search(sentence, m.end())
        hi = nxt.start() if nxt else len(sentence)
        # a demonym after it often names the same country ("shipments to the world's
        # second-largest economy dropped as Chinese buyers cut orders"): not excluded
        # and the sentence's owners before it ("India's exports rose 2%, while shipments to
        # the world's second-largest economy fell": not India)
        its = re.match(r"its\b", m.group(0), re.IGNORECASE) is not None
        here = set() if bloc else {p.code for p in places
                                   if (lo + offset <= p.start < hi + offset
                                       and not (p.kind == "demonym" and p.start >= end)
                                       and not (its and p.end <= start
                                                and p is not _clause_subject(places, lo + offset)))
                                   or (p.end <= start and not its  # "its western neighbour"
                                       and _OWNER_AFTER.match(sentence, p.end - offset))}
        pool = [*(c for c in blocs if c not in _REGIONS),
                *(p.code for p in places if p.kind == "bloc" and p.end <= start)] \
            if bloc else [*named, *(p.code for p in places  # and named earlier in its sentence
                                    if p.end <= start and p.kind in _COUNTRY_KINDS)]
        # a bloc description is the story's own bloc (the first named: "the bloc's deficit
        # with China" in an EU story), a country one the country it names most
        left = [c for c in pool if c not in here]
        if not bloc and re.match(r"its\b", m.group(0), re.IGNORECASE) and home in left[:-1] + left[-1:] \
                and len(set(left)) > 1:
            left = [c for c in left if c != home]  # "its eastern neighbour": not its own country
        kinds = None if bloc else description_kind(m.group(0))
        if kinds is not None:  # "the city-state": Singapore or Hong Kong, nothing else
            # named in its own sentence is allowed only when no other fits ("Singaporean
            # firms ... after investment from the city-state reached $8.3bn")
            earlier = [p.code for p in places if p.end <= start and p.kind in _COUNTRY_KINDS]
            typed = [c for c in left if c in kinds] or [
                c for c in [*pool, *earlier] if c in kinds
                and c not in _owners_before(places, sentence, offset, start)]
            left = typed
        code = (left[0] if left else None) if bloc else _most_named(left)
        if kinds is not None and home in left and not re.match(r"its\b", m.group(0), re.I) \
                and not _PREP_END.search(sentence, 0, m.start()):
            # "the landlocked country's trade" in a Bishkek story: Kyrgyzstan (but "imports
            # from the East Asian country" is a partner's)
            code = home
        if kind.startswith("home") and home and (home in left or (home in pool and not any(
                p.code == home and lo + offset <= p.start and p.end <= start for p in places))):
            # "the country's total exports" in a Hanoi story: Vietnam's (also when a later
            # clause names it again: "..., and Mexico posted a deficit")
            code = home
        appos = next((p for p in places if p.end <= start and p.kind != "region"
                      and re.fullmatch(r",\s*", sentence[p.end - offset:m.start()])), None)
        if appos is not None and not bloc and not _OWNER_AFTER.match(sentence, m.end()) \
                and (kinds is None or appos.code in kinds):
            code = appos.code  # "Uganda, the East African nation,": the name it follows
        if code:
            found.append(Place(start, end, m.group(0), code,
                               "bloc_description" if kind.startswith("bloc") else "description"))
    places = _bloc_regions(sentence, offset, places, [c for c in blocs if c not in _REGIONS])
    out = sorted([*places, *found], key=lambda p: p.start)
    named.extend(p.code for p in out if p.kind in _COUNTRY_KINDS)
    blocs.extend(p.code for p in out if p.kind in {"bloc", "bloc_description"}
                 or (p.kind == "region" and p.code in _REGIONS))
    return out


def _clause_subject(places: list[Place], lo: int) -> Place | None:
    """The first place of a clause (its subject): "Kenya sold goods to China, leaving the
    nation with a deficit with its biggest supplier": "its" is Kenya's, China stays."""
    return next((p for p in places if p.start >= lo), None)


@lru_cache(maxsize=1)
def _region_blocs() -> dict[str, frozenset[str]]:
    """region code -> the blocs whose members the region's word may name (region_blocs.csv)."""
    out: dict[str, set[str]] = {}
    for row in read_csv_data("region_blocs.csv").itertuples(index=False):
        out.setdefault(row.region, set()).add(row.bloc)
    return {k: frozenset(v) for k, v in out.items()}


_REGION_OF_BLOC = re.compile(r"['’]s?\s+(?:the\s+)?\Z")
_MEMBERS_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:countries|nations|members|member\s+states|states|"
                            r"partners|economies|neighbou?rs)\b", re.IGNORECASE)


def _bloc_regions(sentence: str, offset: int, places: list[Place],
                  earlier: list[str]) -> list[Place]:
    """Region words that stand for a bloc: "Southeast Asia's ASEAN bloc" is ASEAN alone (the
    region word is dropped); "the four South American countries" after the story named
    Mercosur are Mercosur's members (kind ``bloc_description``)."""
    table = _region_blocs()
    out = []
    for p in places:
        if p.kind != "region" or p.code not in table:
            out.append(p)
            continue
        if any(q.kind == "bloc" and q.code in table[p.code] and q.start >= p.end
               and _REGION_OF_BLOC.match(sentence[p.end - offset:q.start - offset])
               for q in places):
            continue
        told = [c for c in [*earlier, *(q.code for q in places if q.kind == "bloc"
                                        and q.end <= p.start)] if c in table[p.code]]
        if told and _MEMBERS_AFTER.match(sentence, p.end - offset):
            out.append(Place(p.start, p.end, p.surface, told[-1], "bloc_description"))
            continue
        out.append(p)
    return out


@lru_cache(maxsize=1)
def _description_kinds() -> list[tuple[re.Pattern[str], frozenset[str]]]:
    df = read_csv_data("description_kinds.csv")
    return [(re.compile(spaced(p), re.IGNORECASE), frozenset(c.split()))
            for p, c in zip(df["pattern"], df["codes"], strict=True)]


def description_kind(words: str) -> frozenset[str] | None:
    """The countries a description can stand for (``description_kinds.csv``), or None
    when its words say nothing of the kind.

    >>> sorted(description_kind("the city-state"))
    ['HKG', 'MAC', 'MCO', 'SGP']
    >>> description_kind("that country") is None
    True
    """
    return next((codes for rx, codes in _description_kinds() if rx.search(words)), None)


def _owners_before(places: list[Place], sentence: str, offset: int, start: int) -> set[str]:
    """Countries that own a phrase before ``start`` ("Brazil's exports to ...")."""
    return {p.code for p in places if p.end <= start
            and _OWNER_AFTER.match(sentence, p.end - offset)}


def _most_named(codes: list[str]) -> str | None:
    """The country the story names most ("the city-state" in a Singapore story), the one
    named last on a tie."""
    if not codes:
        return None
    counts: dict[str, int] = {}
    for c in codes:
        counts[c] = counts.get(c, 0) + 1
    best = max(counts.values())
    return next(c for c in reversed(codes) if counts[c] == best)


def pair_words(text: str, lo: int, hi: int) -> bool:
    """Whether ``text[lo:hi]`` names the story's pair without naming it ("bilateral
    trade", "the two countries", "both sides", "our trade" in a quote).

    >>> pair_words("Bilateral trade rose 12%", 0, 24)
    True
    """
    return any((m.lastgroup or "").startswith("pair")
               for m in _descriptions().finditer(text, lo, hi))
