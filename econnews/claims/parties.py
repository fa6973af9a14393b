"""Reader: who a figure's parties are, and in which role (``from``, ``to``, ``party``).

The figure's own phrase and clause first (:func:`econnews.claims.parse.place_roles`),
then the clause's subject, the sentences just before on the same concept, "the two
countries", and last the story's subject or country.

>>> roles_to_parties({"from": ["JPN"], "to": ["RUS"], "party": []})
('JPN', 'RUS', ['JPN', 'RUS'])
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..common.regex import with_start_filter
from .giving import GIVE, GIVEN, giver
from .parse import (
    FAMILY,
    FLOWS,
    OWNER_ROLE,
    UNDIRECTED,
    ConceptMatch,
    owner_place,
    place_roles,
)
from .places import Place, read_csv_data
from .story import pair_words

if TYPE_CHECKING:
    from .article import Article, Sentence

_PREP_BEFORE = re.compile(r"\b(?:to|into|in|on|from|with|by|for|of|against|between|and|at)"
                          r"\s+(?:the\s+)?$", re.IGNORECASE)



_ELIDED_OWNER = re.compile(r"['’]s\s+(?:to|was|were|is|are|will|would|rose|fell|grew|"
                           r"increased|decreased|declined|widened|narrowed)\b")


_DEBT_WORD = re.compile(r"debts?|owe[sd]?|owing|borrow\w*", re.IGNORECASE)


_BUYER_VERB = re.compile(r"(?:\s*,[^,.;]{0,80},)?"  # "Switzerland, through which traders route it, took"
                         r"\s+(?:(?:members|countries|nations|states|buyers|importers|consumers)\s+)?"
                         r"(?:alone\s+)?(?:takes|took|taking|take|buys|buy|bought|buying|absorbs|absorbed|"
                         r"absorbing|receives|received|receiving|imports|imported|importing|"
                         r"purchases|purchased|purchasing)\b")


_WHICH_AFTER = re.compile(r",\s*(?:which|who)\b")
_SUPPLIER_VERB = re.compile(r"\s+(?:alone\s+)?(?:supplies|supplied|provides|provided|sells|sold|"
                            r"ships|shipped|accounts\s+for|accounted\s+for)\b")


_DONOR_VERB = re.compile(r"\b(?:donat(?:e|es|ed|ing)|give[sn]?|gave|giving|provided?|"
                         r"provides|providing|pledged?|pledges|lent|lend|lends|grant(?:s|ed))\b",
                         re.IGNORECASE)


_RECIPIENT_CUE = re.compile(r"\b(?:donors?['’]?|needs?|needed|receive[sd]?|receiving|got|"
                            r"gets|accept(?:s|ed)?|owes|owed|creditors?|attract(?:s|ed|ing)?|"
                            r"drew|draws|drawn|secured|lured|won|wins)\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _lenders() -> re.Pattern[str]:
    df = read_csv_data("lenders.csv")
    return re.compile(r"(?<![\w-])(?:" + "|".join(df["pattern"]) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _currency_economies() -> dict[str, str]:
    df = read_csv_data("currency_economies.csv")
    return dict(zip(df["currency"], df["economy"], strict=True))


#: A data source named by its nationality ("according to Russian customs data", "the
#: Australian Bureau of Statistics said", "Indian commerce ministry figures").
_SOURCE_AFTER = re.compile(
    r"\s+(?:(?:government|official|state|national|federal)\s+)?(?:customs|trade\s+ministry|"
    r"commerce\s+ministry|finance\s+ministry|economy\s+ministry|statistics|statistical|"
    r"ministry|data|figures|bureau|office|agency|department|officials|authorities)\b",
    re.IGNORECASE)


def reporting_economies(art: Article, sent: Sentence, units: list[str],
                        story_subject: str | None,
                        story_units: list[str] | None = None) -> list[tuple[str, str]]:
    """The economies a figure with one side named may belong to, nearest evidence first,
    each with its reading: the sentence's data source by nationality (``source``:
    "according to Russian customs data, exports to Turkey rose"), the national currency
    the sentence's figures are told in (``currency``: "dairy exports to China fell to
    $NZ4.1 billion"), the story's subject, the currency most of the story's figures are
    told in (``story_currency``), the story's country.

    >>> from econnews.claims.article import Article
    >>> import pandas as pd
    >>> row = pd.Series({"id": "a", "date": pd.NA, "title": pd.NA, "source": pd.NA,
    ...                  "text": "Citing Russian customs data, exports to Turkey rose 5%."})
    >>> art = Article.read(row, [])
    >>> reporting_economies(art, art.sentences[0], [], None)[0]
    ('RUS', 'source')
    """
    out: list[tuple[str, str]] = []
    for p in sent.places:
        if p.kind == "demonym" and _SOURCE_AFTER.match(art.text, p.end):
            out.append((p.code, "source"))
    table = _currency_economies()
    for u in units:
        code = table.get(u)
        if code:
            out.append((code, "currency"))
    if story_subject:
        out.append((story_subject, "story_subject"))
    # the national currency most of the story's figures are told in; when that is a
    # shared one (CFA francs, euros) it names no economy, and a currency told less
    # often (a loan in yen to Ivory Coast) is not the story's either
    told = [u for u in story_units or [] if u != "USD" and len(u) == 3 and u.isupper()]
    most = max(sorted(set(told)), key=told.count) if told else None
    if most in table:
        out.append((table[most], "story_currency"))
    if art.country:
        out.append((art.country, "story_country"))
    return out


_ITS = with_start_filter(r"\b(?:its|their)\s+(?:[a-z-]+\s+)?\Z", re.IGNORECASE)
_TRADE_FLOWS = FLOWS | {"trade"}


_OPENING_PHRASE = re.compile(r"\s*(?:By|In|After|Before|While|When|Despite|Through|With)\s+"
                             r"(?:\w+ing\s+)?(?:[\w-]+\s+){0,2}?its\b", re.IGNORECASE)


def _its_owner(art: Article, sent: Sentence, cmatch: ConceptMatch) -> str | None:
    """The owner "its" points to before a concept word: the place that owns an earlier
    concept of the sentence ("Japan's exports to India were $12.8bn and its imports ...",
    "China's exports fell 4.6%, and its global trade surplus narrowed"), or None."""
    if not _ITS.search(art.text, max(0, cmatch.start - 25), cmatch.start):
        return None
    found = next((o for c in reversed(sent.concepts) if c.end <= cmatch.start
                  and (o := owner_place(sent.places, c, art.text))), None)
    if found is None and _OPENING_PHRASE.match(art.text, sent.start, cmatch.start):
        # "By stressing its record trade deficit of $170bn, the U.S. was ...": the subject
        # the opening phrase leads to
        comma = art.text.find(",", cmatch.end, sent.end)
        found = next((p.code for p in sent.places if comma >= 0 and comma < p.start
                      and re.fullmatch(r",\s*(?:the\s+)?", art.text[comma:p.start])), None)
    return found


def roles_to_parties(roles: dict[str, list[str]]) -> tuple[str | None, str | None, list[str]]:
    """``(party_from, party_to, parties)`` from the roles; a side named by two places
    ("shipments to Turkey and Afghanistan together") has no single party."""
    src = roles["from"][0] if len(set(roles["from"])) == 1 else None
    dst = next((c for c in roles["to"] if c != src), None) \
        if len(set(roles["to"]) - {src}) == 1 else None
    rest = sorted({*roles["from"], *roles["to"], *roles["party"]} - {src, dst} - {None})
    ordered = [c for c in (src, dst) if c] + rest
    if src is None or dst is None:  # no full direction: a set of parties, sorted
        ordered = sorted(set(ordered))
    return src, dst, ordered


def _context_roles(art: Article, idx: int, concept: str,
                   own: dict[str, list[str]] | None = None) -> dict[str, list[str]] | None:
    """Roles for ``concept`` from the nearest of the two sentences before ``idx``: from a
    figure's phrase there, or from a mention with no figure when the figure's own phrase
    names the same owner ("complained about Japanese investments in Russia. The total
    amount of Japanese investments is $2.2bn")."""
    for j in range(idx - 1, max(-1, idx - 3), -1):
        sent = art.sentences[j]
        if len({p.code for p in sent.places if _LISTED_VALUE.match(art.text, p.end)}) >= 2 \
                and any(c.concept == concept for c in sent.concepts):
            return None  # a breakdown by partner ("$231m to the U.S., followed by Britain
            # at $98m, India at $74m"): the next figure is no one partner's
        found = []
        for c in sent.concepts:
            if c.concept != concept:
                continue
            roles = place_roles(sent.places, c, art.text)
            if not any(roles.values()):
                continue
            if _FIGURE_AFTER.match(art.text, c.end, min(sent.end, c.end + 120)) \
                    or _FIGURE_BEFORE.search(art.text, max(sent.start, c.start - 40), c.start):
                found.append(roles)  # a figure's own partner
            elif own and any(own[k] and own[k] == roles[k] for k in ("from", "to")):
                found.append(roles)  # the same owner's flow, told again with its figure
            # else a mention in passing ("as shipments to China held up")
        if found:
            # "Shipments to ASEAN grew 4.1%, while exports to the EU jumped 17%": two
            # partners, and the next figure is neither's
            kinds = {tuple(sorted(set(r["from"] + r["to"] + r["party"]))) for r in found}
            named = {c for k in kinds for c in k}
            others = {p.code for p in sent.places if p.code not in named
                      and _PARTNER_PREP.search(art.text, max(sent.start, p.start - 12), p.start)}
            if len(kinds) > 1 or others or any(len(set(r["to"])) > 1 or len(set(r["from"])) > 1
                                               for r in found):
                return None  # "Shipments to the EU totalled $98m and those to the U.S. $64m"
            return found[0]
    return None


_PARTNER_PREP = re.compile(r"\b(?:to|from|with)\s+(?:the\s+)?\Z", re.IGNORECASE)
#: A place with its own value in a list: "Britain at $98 million", "India, $74 million".
_LISTED_VALUE = re.compile(r"\s*(?:,|\bat|\bwith|\bon|\btaking|\()\s*(?:about\s+|some\s+|nearly\s+)?"
                           r"(?:[$€£¥]|[A-Z]{1,3}\$|\d)|\s+(?:[$€£¥]|[A-Z]{1,3}\$)\d")  # "the U.S. $64m"
_FIGURE_BEFORE = re.compile(r"\d[^;,]*\Z")
_FIGURE_AFTER = re.compile(r"[^;]*?(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|"
                           r"ten|half|doubled?|tripled?)\b)", re.IGNORECASE)


def _subject_place(places: list[Place], lo: int, before: int, text: str) -> str | None:
    """The last place in ``text[lo:before]`` not governed by a preposition (the subject)."""
    found = None
    for p in places:
        if lo <= p.start and p.end <= before and not _PREP_BEFORE.search(
                text, max(lo, p.start - 12), p.start):
            found = p.code
    return found


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
        elif concept == "loans" and not GIVE.search(context):
            role = "to"  # "credit lines to Peru more than doubled" in a Lima story: a
            # country's loans are what it borrowed unless its clause says it lends
    if code not in roles["from"] + roles["to"] + roles["party"]:
        roles[role].append(code)


def _first_subject(places: list[Place], lo: int, before: int, text: str,
                   exclude: list[str]) -> str | None:
    for p in places:
        if lo <= p.start and p.end <= before and p.code not in exclude and not \
                _PREP_BEFORE.search(text, max(lo, p.start - 12), p.start):
            return p.code
    return None


def last_two(art: Article, idx: int) -> list[str]:
    """The two countries named last up to sentence ``idx`` ("the two countries")."""
    seen: list[str] = []
    for sent in reversed(art.sentences[:idx + 1]):
        for p in reversed(sent.places):
            if p.code not in seen:
                seen.append(p.code)
            if len(seen) == 2:
                return sorted(seen)
    return []


#: The readings that can set a claim's parties, from the figure's own words outward
#: (``parties_by``; "+" joins two when a second filled the other side).
PARTIES_BY = ["phrase", "clause_subject", "clause", "sentence_subject", "comparison", "mirror",
              "respective",
              "earlier_sentence", "story_pair", "source", "currency", "story_subject",
              "story_currency", "story_country", "none"]


def read_roles(art: Article, idx: int, sent: Sentence, cmatch: ConceptMatch | None,
           clause: tuple[int, int], concept: str, story_subject: str | None,
           start: int, homes: list[tuple[str, str]] | None = None,
           ) -> tuple[dict[str, list[str]], str]:
    """Who is from, to or party for a figure, and which reading said so (see
    :data:`PARTIES_BY`): its phrase first, then its clause and sentence, then the
    sentences just before on the same concept, then the story's subject or country."""
    roles = place_roles(sent.places, cmatch, art.text)
    by = "phrase" if any(roles.values()) else "none"
    if cmatch is not None and concept in GIVEN and not (roles["from"] and roles["to"]):
        given = giver(art, sent, clause, start)
        if given is not None and (not roles["from"] or roles["from"] == [given[0]]):
            by_giver, taker = given
            roles = {"from": [by_giver], "to": [taker] if taker else [
                c for c in roles["to"] + roles["party"] if c != by_giver][:1], "party": []}
            by = "phrase"
    directional = concept not in UNDIRECTED
    own_side = OWNER_ROLE.get(concept) if directional else None
    if cmatch is not None and own_side and not roles[own_side]:
        owner = _its_owner(art, sent, cmatch)
        if owner and owner not in roles["from"] + roles["to"]:
            # "China's overall exports fell 4.6%, and its global trade surplus narrowed"
            roles[own_side] = [owner]
            by = "sentence_subject"
    if directional and cmatch and roles["to"] and not roles["from"]:
        subject = _subject_place(sent.places, clause[0], cmatch.start, art.text) or \
            _first_subject(sent.places, sent.start, cmatch.start, art.text, roles["to"]) or \
            next((p.code for p in sent.places if p.end <= cmatch.start and p.code not in roles[
                "to"] and _WHICH_AFTER.match(art.text, p.end)), None)
        # "Commenting on Japan, which is running an $80bn surplus with the U.S.": Japan
        if subject and subject not in roles["to"]:
            roles["from"] = [subject]  # "Japan racked up a $3.6bn surplus with the U.S."
            by = "clause_subject"
    if cmatch and not directional and not roles["from"] and not roles["to"] \
            and len(set(roles["party"])) == 1:
        # "The Soviet Union has agreed to cut its coal prices to Japanese mills": the
        # sentence's subject is a party too
        subject = _subject_place(sent.places, clause[0], cmatch.start, art.text)
        if subject and subject not in roles["party"]:
            roles["party"].insert(0, subject)
            by = "clause_subject"
    if concept == "exports" and not roles["to"]:
        for p in sent.places:  # "The U.S. takes 90 pct of Korea's exports": the buyer
            if clause[0] <= p.start < start and p.code not in roles["from"] and \
                    _BUYER_VERB.match(art.text, p.end):
                roles["to"] = [p.code]
                by = "clause_subject"
    if concept == "imports" and not roles["from"]:
        for p in sent.places:  # "China supplied 21.6% of imports": the origin
            if clause[0] <= p.start < start and _SUPPLIER_VERB.match(art.text, p.end):
                roles = {"from": [p.code], "to": [c for c in roles["to"] if c != p.code],
                         "party": []}
                by = "clause_subject"
    if cmatch is not None:
        for p in sent.places:  # "..., and Korea's to increase to 6.5 billion": elided owner
            if cmatch.end <= p.start and p.end <= start and _ELIDED_OWNER.match(art.text, p.end):
                roles = {"from": [], "to": [], "party": []}
                _fill_roles(roles, concept, p.code)
                by = "phrase"
    one_sided = directional and bool(roles["from"]) != bool(roles["to"]) and concept not in {
        "trade_surplus", "trade_deficit"}  # a balance's counterpart is named, never carried
    if not any(roles.values()) or one_sided:
        ctx = _context_roles(art, idx, concept, roles) if cmatch else None
        if ctx:
            by = "earlier_sentence"
            for role in ("from", "to", "party"):
                if not roles[role]:
                    roles[role] = [c for c in ctx[role] if c not in roles["from"] + roles["to"]]
    if not any(roles.values()) and cmatch is not None and pair_words(
            art.text, clause[0], clause[1]):
        both = last_two(art, idx)  # "trade between the two countries"
        if both:
            roles["party"] = both
            by = "story_pair"
    if not any(roles.values()) and cmatch is not None:
        # "U.S. imports from Canada fell ..., while exports to Canada dropped": the
        # sentence's subject carries across its coordinated clauses; "West Germany
        # posted a record trade surplus": the subject owns the figure
        first = min(cmatch.start, clause[1])
        subject = _first_subject(sent.places, sent.start, first, art.text, [])
        in_clause = [p.code for p in sent.places if clause[0] <= p.start < first]
        by = "clause" if in_clause else "none"
        if subject and (not in_clause or subject in in_clause):
            by = "clause_subject" if subject in in_clause else "sentence_subject"
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
        by = "clause" if roles["party"] else "none"
    if cmatch is not None and concept in FAMILY:
        homes = _candidate_homes(art, sent, cmatch, concept, story_subject, homes)
        roles, by = _home_fill(art, sent, cmatch, clause, concept, roles, by, homes)
    if concept == "aid" and not roles["from"] and not roles["to"] \
            and len(set(roles["party"])) == 1 and not GIVE.search(
                art.text, clause[0], clause[1]) and not _DONOR_VERB.search(
                art.text, clause[0], clause[1]):
        # "a $1.7bn aid package" in a story on Indonesia: with no giver in sight, the one
        # economy named is the one aided
        roles = {"from": [], "to": roles["party"][:1], "party": []}
    if concept in {"trade_surplus", "trade_deficit"} and not roles["from"] \
            and not roles["to"] and len(set(roles["party"])) == 1:
        # "to turn around last year's record 169 billion dlrs trade deficit" with America
        # the only party: a balance with one party is that economy's own
        roles = {"from": roles["party"][:1], "to": [], "party": []}
    return roles, by


def _candidate_homes(art: Article, sent: Sentence, cmatch: ConceptMatch, concept: str,
                     story_subject: str | None,
                     homes: list[tuple[str, str]] | None) -> list[tuple[str, str]]:
    """The reporting economies a figure's missing side may take, nearest first."""
    if homes is None:
        homes = [(c, b) for c, b in ((story_subject, "story_subject"),
                                     (art.country, "story_country")) if c]
    owner = _its_owner(art, sent, cmatch)
    if owner:  # "Japan's exports to India were $12.8bn and its imports from India $4.9bn"
        homes = [(owner, "sentence_subject"), *homes]
    if concept not in _TRADE_FLOWS:  # whose currency says whose trade statistics, not
        homes = [h for h in homes if "currency" not in h[1]]  # who lends or invests
    return homes


def _home_fill(art: Article, sent: Sentence, cmatch: ConceptMatch, clause: tuple[int, int],
               concept: str, roles: dict[str, list[str]], by: str,
               homes: list[tuple[str, str]]) -> tuple[dict[str, list[str]], str]:
    """A trade-family figure with no party, or one side only, takes the reporting
    economy (see :func:`reporting_economies`) where the concept says which side it is."""
    if not any(roles.values()):
        home, home_by = homes[0] if homes else (None, "none")
        _fill_roles(roles, concept, home, art.text[cmatch.start:cmatch.end], owner=False,
                    context=art.text[clause[0]:clause[1]])
        if concept == "fdi" and roles["party"] == [home] and home:
            roles = {"from": [], "to": [home], "party": []}  # "FDI rose 8.5%": inflows
        return roles, (home_by if any(roles.values()) else by)
    named = roles["from"] + roles["to"] + roles["party"]
    home, home_by = next(((c, b) for c, b in homes if c not in named), (None, "none"))
    side = {"exports": ("to", "from"), "imports": ("from", "to"),
            "trade_surplus": ("to", "from"), "trade_deficit": ("to", "from"),
            "investment": ("to", "from"), "fdi": ("to", "from"),
            "loans": ("to", "from"), "aid": ("to", "from")}.get(concept)
    if concept in {"loans", "aid"} and side and _lenders().search(art.text, clause[0],
                                                                 clause[1]):
        side = None  # "The World Bank approved a $1.2bn loan to Kenya": the lender is no
        # country, so not the story's
    if concept == "loans" and side and _OWN_DEBT.search(art.text, max(clause[0], cmatch.start - 40),
                                                        cmatch.end):
        side = None  # "to cut its 44.5 billion dlr foreign debt": owed to many creditors,
        # not to the story's country
    if side and roles[side[0]] and not roles[side[1]] and home \
            and home not in roles[side[0]]:
        roles[side[1]] = [home]  # "exports to the U.S." in a Taiwan story
    elif concept in {"investment", "fdi", "loans", "aid"} and roles["from"] \
            and not roles["to"] and home and home not in roles["from"]:
        roles["to"] = [home]  # "China at $7.4bn" in a story on investment in Indonesia
    elif concept == "trade" and home and len(set(named)) == 1 and _with_partner(
            sent, named[0], clause, art.text):
        roles["party"].append(home)  # "two-way trade with India" in an Australian story
    else:
        return roles, by
    return roles, by + "+" + home_by


_OWN_DEBT = re.compile(r"\b(?:foreign|external|overseas|sovereign|public|national|total|"
                       r"outstanding)\s+(?:\w+\s+)?(?:debts?|borrowings?|liabilities)\b",
                       re.IGNORECASE)
_WITH_BEFORE = re.compile(r"\b(?:with|and)\s+(?:the\s+)?\Z", re.IGNORECASE)


def _with_partner(sent: Sentence, code: str, clause: tuple[int, int], text: str) -> bool:
    """Whether trade's one named party is its partner ("trade with India"), not its owner
    ("India's trade")."""
    return any(p.code == code and clause[0] <= p.start < clause[1] and _WITH_BEFORE.search(
        text, max(0, p.start - 12), p.start) for p in sent.places)
