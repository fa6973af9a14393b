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

if TYPE_CHECKING:
    from .article import Article, Sentence

__all__ = ["GIVE", "GIVEN", "giver"]

#: Concepts a giver gives: "Britain will give Kenya £48m in aid", "Japan extended a
#: 30bn yen loan", "China will offer African countries $20bn in credit lines".
GIVEN = {"aid", "loans", "investment", "fdi"}
GIVE = re.compile(r"\b(?:give[sn]?|gave|offer(?:s|ed)?|provide[sd]?|extend(?:s|ed)?|"
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
_TAKER_AFTER = re.compile(r"\s+(?:the\s+)?\Z")
_TAKER_PREP = re.compile(r"[^.;]{0,40}?\b(?:to|for|in)\s+(?:the\s+)?\Z", re.IGNORECASE)


def giver(art: Article, sent: Sentence, clause: tuple[int, int],
           start: int) -> tuple[str, str | None] | None:
    """``(giver, taker)`` of a figure given by a country's verb before it ("Britain will
    give Kenya £48m", "Japan ... will provide 25bn yen in loans"), the taker None when the
    sentence does not name it; None when no country gives."""
    text = art.text
    verb = None
    for m in GIVE.finditer(text, clause[0], start):
        verb = m
    if verb is None:
        return None
    giver = next((p for p in reversed(sent.places)
                  if clause[0] <= p.start and p.end <= verb.start()
                  and _SUBJECT_GAP.match(text, p.end, verb.start())
                  and not _GIVER_PREP.search(text, max(0, p.start - 12), p.start)), None)
    if giver is None:
        return None
    taker = next((p.code for p in sent.places if verb.end() <= p.start < start
                  and _TAKER_AFTER.match(text, verb.end(), p.start) and p.code != giver.code),
                 None)
    if taker is None:
        taker = next((p.code for p in sent.places if start < p.start <= start + 60
                      and _TAKER_PREP.match(text, start, p.start) and p.code != giver.code),
                     None)
    return giver.code, taker
