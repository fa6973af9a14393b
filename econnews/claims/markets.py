"""A figure told through a trading role: "China remained Ecuador's biggest buyer at $1.6bn,
followed by the United States at $1.3bn" (Ecuador's exports to each), "Germany is its
largest supplier, with $4bn" (imports), "Japan, its top trading partner at $9bn" (trade).

The role noun ("buyer", "customer", "export market", "supplier", "trading partner")
carries the concept no concept word names; its possessor is the reporting economy and the
place that holds the role (or, in a list, the place right before each figure) is the
partner.

>>> import econnews as en
>>> c = en.find_claims({"id": "a", "date": "2025-05-14", "text":
...     "China remained Peru's biggest buyer at $1.6 billion, followed by the "
...     "United States at $1.3 billion."})
>>> c[["surface", "concept", "party_from", "party_to"]].values.tolist()
[['$1.6 billion', 'exports', 'PER', 'CHN'], ['$1.3 billion', 'exports', 'PER', 'USA']]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..common.regex import with_start_filter

if TYPE_CHECKING:
    from .article import Article, Sentence

__all__ = ["goods_bought", "market_role"]

_RANK = (r"(?:(?:single|very|own|second|third|fourth|fifth|No\.?\s*\d|number\s+(?:one|two|three)|"
         r"second-|third-|fourth-|fifth-)\s*)?(?:biggest|largest|top|main|leading|major|chief|"
         r"principal|key|most\s+important|single\s+largest|second|third)")
#: The role noun: ``sell`` (the possessor sells to the holder), ``buy`` (buys from it),
#: ``trade`` (trades with it).
_ROLE = with_start_filter(
    rf"\b(?:{_RANK}[\s-]+)?(?:(?P<sell>buyers?|customers?|clients?|export\s+(?:markets?|"
    r"destinations?)|markets?\s+for\s+(?:its|their)\s+(?:exports|goods|products)|"
    r"destinations?\s+for\s+(?:its|their)\s+(?:exports|goods|products)|markets?|"
    r"destinations?)|(?P<buy>suppliers?|sources?\s+of\s+imports|import\s+sources?)|"
    r"(?P<trade>trad(?:ing|e)\s+partners?))\b", re.IGNORECASE)
_RANKED = re.compile(rf"\A{_RANK}\b", re.IGNORECASE)
_OWNER = re.compile(r"['’]s?\s+\Z")
_ITS = re.compile(r"\b(?:its|their)\s+\Z", re.IGNORECASE)
#: Between the role noun and its figure: "at", "with", "worth", ", taking", "buying".
_TO_FIGURE = re.compile(r"\A(?:\s+(?:of|for)\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?"
                        r"(?:\s+(?:in|during|over|for)\s+(?:the\s+)?\w+(?:\s+\w+)?|\s+(?:last|this)\s+"
                        r"\w+)?\s*,?\s*(?:at|with|worth|on|of|"
                        r"(?:taking|buying|importing|accounting\s+for|selling|supplying)"
                        r"(?:\s+(?:[\w'’-]+\s+){0,3}?(?:worth|valued\s+at))?)\s+"
                        r"(?:(?:about|around|some|nearly|almost|roughly|over|more\s+than|"
                        r"just\s+(?:over|under))\s+)?\Z", re.IGNORECASE)
#: "the largest buyer of Nigerian crude": the possessor after the role noun.
_OF_OWNER = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?\Z", re.IGNORECASE)
#: A list's next holder: "followed by the United States at $1.3bn and the EU at $1.1bn".
_LISTED = re.compile(r"\A\s+(?:at|with|on|taking|buying|\()\s*(?:(?:about|around|some|nearly|"
                     r"almost|roughly|over|more\s+than)\s+)?\Z", re.IGNORECASE)
_LIST_GAP = re.compile(r"\A(?:[^.;]|\.\d)*?(?:\bfollowed\s+by\b|\band\b|,|\bthen\b|\bahead\s+of\b|"
                       r"\bwhile\b)(?:[^.;]|\.\d)*\Z", re.IGNORECASE)
_HOLDER_GAP = re.compile(r"\A(?:\s*,?\s*(?:which\s+|who\s+)?(?:is|was|are|were|remained|remains|"
                         r"became|becomes|stayed|stays|ranked\s+as|ranks\s+as|continued\s+to\s+be|"
                         r"has\s+become|had\s+become|overtook\s+\w+(?:\s+\w+)?\s+as)\s+|\s*,\s+)"
                         r"(?:\w+\s+){0,2}?(?:(?:the|a|an)\s+)?[^.;,]{0,50}\Z", re.IGNORECASE)


def _role_of(m: re.Match[str]) -> str:
    return "exports" if m.group("sell") else "imports" if m.group("buy") else "trade"


def market_role(art: Article, sent: Sentence, start: int, end: int,
                home: str | None) -> tuple[str, str | None, str | None, list[str]] | None:
    """``(concept, party_from, party_to, parties)`` of a figure told through a trading
    role in its sentence, or None. ``home`` is the economy a one-sided figure of the
    sentence belongs to (the possessor when "its biggest buyer")."""
    text = art.text
    role = None
    for m in _ROLE.finditer(text, sent.start, start):
        role = m
    if role is None:
        return None
    noun = role.group(0)
    owner = next((p for p in reversed(sent.places) if p.end <= role.start()
                  and _OWNER.match(text[p.end:role.start()])), None)
    if owner is None:  # "India was the largest buyer of Nigerian crude"
        owner = next((p for p in sent.places if role.end() < p.start < start
                      and _OF_OWNER.match(text[role.end():p.start])), None)
    its = _ITS.search(text, max(sent.start, role.start() - 8), role.start())
    plain_market = bool(role.group("sell")) and re.match(r"(?i)markets?$|destinations?$",
                                                         noun.split()[-1]) is not None
    if owner is None and its is None and not _RANKED.match(noun):
        return None  # "the market" alone names no trading role
    if plain_market and owner is None and its is None and not re.search(
            r"(?i)export|for\s+(?:its|their)", noun):
        return None
    seller = owner.code if owner is not None else home
    if seller is None:
        return None
    between = text[role.end():start]
    holder = None
    if _TO_FIGURE.match(between):
        # the role's own figure: its holder is the place before the role
        head = owner.start if owner is not None and owner.end <= role.start() else \
            its.start() if its else role.start()
        holder = next((p for p in reversed(sent.places) if p.end <= head
                       and _HOLDER_GAP.match(text[p.end:head])), None)
    else:
        # a list after it: the place right before this figure
        before = [p for p in sent.places if role.end() <= p.start and p.end <= start]
        if before and _LISTED.match(text[before[-1].end:start]) \
                and _LIST_GAP.match(text[role.end():before[-1].start]):
            holder = before[-1]
    if holder is None or holder.code == seller:
        return None
    concept = _role_of(role)
    if concept == "exports":
        return concept, seller, holder.code, sorted({seller, holder.code})
    if concept == "imports":
        return concept, holder.code, seller, sorted({seller, holder.code})
    return concept, None, None, sorted({seller, holder.code})


_GOODS_AFTER = re.compile(r"\s+(?:worth\s+)?of\s+(?:the\s+)?\Z")
_GOODS_NOUN = re.compile(r"(?:['’]s?)?\s+(?:\w+\s+){0,2}?(?:goods|products|exports|merchandise|"
                         r"produce|machinery|equipment|farm\s+goods)\b", re.IGNORECASE)
_UNNAMED_GOODS = re.compile(r"\s+(?:worth\s+)?of\s+(?:(?:its|their|the\s+country['’]s)\s+)?"
                            r"(?:goods|products|exports|merchandise)\b", re.IGNORECASE)
_BUY_VERB = with_start_filter(r"\b(?:took|takes|bought|buys?|buying|purchased?|purchases|purchasing|"
                              r"imported|imports|absorbed|absorbs)\b", re.IGNORECASE)


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?\Z", re.IGNORECASE)


def goods_bought(art: Article, sent: Sentence, start: int, end: int, clause: tuple[int, int],
                 home: str | None) -> tuple[str, str, str] | None:
    """"Vietnam alone took $27.5bn of Korean goods", "firms signed deals to buy $21bn of
    U.S. goods": ``(concept, seller, buyer)`` — the seller's exports when the story is
    the seller's, else the buyer's imports; ``home`` is the economy the sentence's
    one-sided figures belong to. None when the words are not there."""
    text = art.text
    seller = next((p for p in sent.places if end < p.start <= end + 12
                   and _GOODS_AFTER.match(text, end, p.start)
                   and _GOODS_NOUN.match(text, p.end)), None)
    if not _BUY_VERB.search(text, clause[0], start):
        return None
    origin = next((p for p in sent.places if clause[0] <= p.start < start
                   and _FROM_BEFORE.search(text, max(0, p.start - 12), p.start)), None)
    if seller is None and origin is not None and home is not None and origin.code != home \
            and _UNNAMED_GOODS.match(text, end):
        # "fuel purchases from Russia, which supplied $512m of goods": Russia sold them
        return "exports" if home == origin.code else "imports", origin.code, home
    if seller is not None:
        sold = seller.code
    elif _UNNAMED_GOODS.match(text, end) and home is not None:
        sold = home  # "The United States bought $5.6bn of goods" in a story on Bangladesh
    else:
        return None
    buyer = next((p.code for p in reversed(sent.places)
                  if clause[0] <= p.start < start and p.code != sold), None)
    if buyer is None:
        return None
    concept = "exports" if home == sold else "imports"
    return concept, sold, buyer
