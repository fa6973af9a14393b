"""Who gives and who takes a figure a country's verb gives: "Britain will give Kenya £48m
in aid", "Japan extended a 30bn yen loan", "China will offer African countries $20bn in
credit lines" (aid, loans and investment read from the giver's verb, not the phrase).

>>> import econnews as en
>>> c = en.find_claims({"id": "a", "date": "2024-06-27",
...     "text": "Britain will give Kenya £48 million in development aid."})
>>> c.loc[0, ["party_from", "party_to"]].tolist()
['GBR', 'KEN']
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..common.regex import with_start_filter

if TYPE_CHECKING:
    from .article import Article, Sentence

__all__ = ["GIVE", "GIVEN", "giver", "verb_concept"]

#: Concepts a giver gives: "Britain will give Kenya £48m in aid", "Japan extended a
#: 30bn yen loan", "China will offer African countries $20bn in credit lines".
GIVEN = {"aid", "loans", "investment", "fdi"}
GIVE = with_start_filter(r"\b(?:give[sn]?|gave|offer(?:s|ed)?|provide[sd]?|extend(?:s|ed)?|"
                   r"grant(?:s|ed)?|lend(?:s)?|lent|pledge[sd]?|promise[sd]?|donate[sd]?|"
                   r"invest(?:s|ed)?|commit(?:s|ted)?)\b", re.IGNORECASE)
_SUBJECT_GAP = re.compile(r"(?:['’]s\s+[\w\s-]{0,40}?|\s+(?:state\s+)?(?:firms|companies|investors|banks|"
                          r"businesses|groups|funds|lenders|officials|government))?\s*(?:,[^,]{0,60},\s*)?(?:(?:will|would|has|have|had|"
                          r"also|is|was|to|plans\s+to|agreed\s+to|said\s+it\s+would)\s+)*\Z",
                          re.IGNORECASE)
#: The prepositions that mark a place as no subject (as parties._PREP_BEFORE, but "and"
#: may join givers: ", and Japan extended a loan").
_GIVER_PREP = re.compile(r"\b(?:to|into|in|on|from|with|by|for|of|against|between|at)"
                         r"\s+(?:the\s+)?$", re.IGNORECASE)
_JOINED = re.compile(r".*\b(?:and|or|then)\s+(?:(?:also|will|would|to)\s+)?\Z", re.DOTALL)
_TAKER_AFTER = re.compile(r"\s+(?:the\s+)?\Z")
_TAKER_PREP = re.compile(r"(?:[^.;]|\.(?=\d)){0,40}?\b(?:to|for|in)\s+(?:the\s+)?\Z", re.IGNORECASE)


def giver(art: Article, sent: Sentence, clause: tuple[int, int],
           start: int) -> tuple[str, str | None] | None:
    """``(giver, taker)`` of a figure given by a country's verb before it ("Britain will
    give Kenya £48m", "Japan ... will provide 25bn yen in loans"), the taker None when the
    sentence does not name it; None when no country gives."""
    text = art.text
    verbs = list(GIVE.finditer(text, clause[0], start))
    if not verbs:
        return None
    verb, giver = verbs[-1], None
    for i in range(len(verbs) - 1, -1, -1):
        # "Japan will lend Ivory Coast 42bn yen ... and give a further 3bn yen": a verb
        # joined by "and" keeps the subject of the first
        if i < len(verbs) - 1 and not _JOINED.match(text, verbs[i + 1].start() - 12,
                                                     verbs[i + 1].start()):
            break
        giver = next((p for p in reversed(sent.places)
                      if clause[0] <= p.start and p.end <= verbs[i].start()
                      and _SUBJECT_GAP.match(text, p.end, verbs[i].start())
                      and not _GIVER_PREP.search(text, max(0, p.start - 12), p.start)), None)
        if giver is not None:
            break
    if giver is None:
        return None
    taker = None
    for m in verbs[i:][::-1]:  # the object of the nearest verb, else of the joined ones
        upto = start if m is verb else verbs[verbs.index(m) + 1].start()
        taker = next((p.code for p in sent.places if m.end() <= p.start < upto
                      and _TAKER_AFTER.match(text, m.end(), p.start) and p.code != giver.code),
                     None)
        if taker is not None:
            break
    if taker is None:
        taker = next((p.code for p in sent.places if start < p.start <= start + 60
                      and _TAKER_PREP.match(text, start, p.start) and p.code != giver.code),
                     None)
    return giver.code, taker


#: Verbs that name what they give: "Japan will lend Ghana $300m" is a loan, "Toyota will
#: invest $1bn" an investment, "donated $5m" aid, "Qatar supplied gas worth $2.3bn to
#: Pakistan" exports.
_NAMING_VERB = with_start_filter(r"\b(?:(?P<loans>lend|lends|lent|loaned)|"
                                 r"(?P<investment>invest(?:s|ed|ing)?)|(?P<aid>donate[sd]?|donating)|"
                                 r"(?P<exports>supplied|supplies|shipped|ships|exported|"
                                 r"sold(?=\s+(?:[\w-]+\s+){0,2}?(?:goods|products|merchandise|produce)\b)))\b"
                                 r"(?P<gap>[^.;:$£€¥\d]{0,70})\Z", re.IGNORECASE)


def verb_concept(text: str, lo: int, start: int) -> tuple[str, int, int] | None:
    """``(concept, start, end)`` of the verb before a money figure that names what it
    gives, when no concept word does, or None.

    >>> verb_concept("Japan will lend Ghana $300 million", 0, 22)
    ('loans', 11, 15)
    >>> verb_concept("Toyota will invest up to $1bn", 0, 25)
    ('investment', 12, 18)
    """
    m = _NAMING_VERB.search(text, max(lo, start - 90), start)
    if m is None:
        return None
    concept = next(k for k in ("loans", "investment", "aid", "exports") if m.group(k))
    if concept == "exports" and not _TO_PLACE.match(text, start):
        return None  # "shipped $2bn of gas to Pakistan"; a firm's shipments name no buyer
    return concept, m.start(concept), m.end(concept)


_TO_PLACE = re.compile(r"(?:[^.;]|\.(?=\d)){0,50}?\bto\s+(?:the\s+)?(?-i:[A-Z])", re.IGNORECASE)
