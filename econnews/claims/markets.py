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

if TYPE_CHECKING:
    from .article import Article, Sentence

__all__ = ["market_role"]

_RANK = (r"(?:(?:single|very|own|second|third|fourth|fifth|No\.?\s*\d|number\s+(?:one|two|three)|"
         r"second-|third-|fourth-|fifth-)\s*)?(?:biggest|largest|top|main|leading|major|chief|"
         r"principal|key|most\s+important|single\s+largest|second|third)")
#: The role noun: ``sell`` (the possessor sells to the holder), ``buy`` (buys from it),
#: ``trade`` (trades with it).
_ROLE = re.compile(
    rf"\b(?:{_RANK}[\s-]+)?(?:(?P<sell>buyers?|customers?|clients?|export\s+(?:markets?|"
    r"destinations?)|markets?\s+for\s+(?:its|their)\s+(?:exports|goods|products)|"
    r"destinations?\s+for\s+(?:its|their)\s+(?:exports|goods|products)|markets?|"
    r"destinations?)|(?P<buy>suppliers?|sources?\s+of\s+imports|import\s+sources?)|"
    r"(?P<trade>trad(?:ing|e)\s+partners?))\b", re.IGNORECASE)
_RANKED = re.compile(rf"\A{_RANK}\b", re.IGNORECASE)
_OWNER = re.compile(r"['’]s?\s+\Z")
_ITS = re.compile(r"\b(?:its|their)\s+\Z", re.IGNORECASE)
#: Between the role noun and its figure: "at", "with", "worth", ", taking", "buying".
_TO_FIGURE = re.compile(r"\A(?:\s+of\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?"
                        r"(?:\s+(?:in|during|over|for)\s+(?:the\s+)?\w+(?:\s+\w+)?|\s+(?:last|this)\s+"
                        r"\w+)?\s*,?\s*(?:at|with|worth|on|of|"
                        r"(?:taking|buying|importing|accounting\s+for|selling|supplying)"
                        r"(?:\s+(?:[\w'’-]+\s+){0,3}?(?:worth|valued\s+at))?)\s+"
                        r"(?:(?:about|around|some|nearly|almost|roughly|over|more\s+than|"
                        r"just\s+(?:over|under))\s+)?\Z", re.IGNORECASE)
#: "the largest buyer of Nigerian crude": the possessor after the role noun.
_OF_OWNER = re.compile(r"\s+of\s+(?:the\s+)?\Z", re.IGNORECASE)
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
                homes: list[str]) -> tuple[str, str | None, str | None, list[str]] | None:
    """``(concept, party_from, party_to, parties)`` of a figure told through a trading
    role in its sentence, or None. ``homes`` are the economies a one-sided figure of the
    sentence may belong to, nearest first (the possessor when "its biggest buyer")."""
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
    seller = owner.code if owner is not None else (homes[0] if homes else None)
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
