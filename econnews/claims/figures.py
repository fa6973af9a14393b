"""Reader: what one figure is: the concept word it belongs to, the figure it is compared
with ("from 8.9 billion in April"), what a percent measures, an amount whose currency
was stated before, an exchange rate written as an amount, and its dollar columns.

>>> import re
>>> bool(_COMPARE_GAP.match(" in March from "))
True
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ..common.regex import with_start_filter
from .article import Article, Item, Sentence
from .parse import (
    FAMILY,
    ConceptMatch,
    find_concepts,
    nearest_concept,
)

_GENERIC = {"surplus", "surpluses", "deficit", "deficits"}


def is_generic(c: ConceptMatch, text: str) -> bool:
    """A bare "surplus" or "deficit": the balance of whatever the clause is about."""
    return text[c.start:c.end].lower() in _GENERIC


BALANCES = {"budget", "current_account", "balance_of_payments", "trade_surplus",
             "trade_deficit"}


_OBJECT_GAP = re.compile(r"\s+(?:in|into|to(?!\s+(?:increase|raise|boost|double|triple|lift|cut|"
                         r"reduce|expand|grow|bring|reach|push|take|make|help|promote|buy|sell|"
                         r"narrow|widen|balance|diversify)\b)|for|of|from|with|across|on)\s+"
                         r"(?:the\s+|its\s+|their\s+)?(?:[\w'’.-]+\s+){0,3}\Z",
                         re.IGNORECASE)  # "investors to increase trade to $1bn": trade


def _phrase_head(text: str, concepts: list[ConceptMatch], cmatch: ConceptMatch,
                 clause: tuple[int, int]) -> ConceptMatch:
    """The head of the noun phrase a concept word ends: "Japanese investment in the Russian
    economy" is investment (the economy is where it goes), "exports of goods to the
    EU market" exports."""
    head = cmatch
    for c in reversed([c for c in concepts if clause[0] <= c.start and c.end <= head.start]):
        if _OBJECT_GAP.match(text, c.end, head.start) and c.concept != head.concept:
            head = c
        else:
            break
    return head


#: An aside between a subject and its verb: "Indo-Peruvian trade, driven by gold shipments,
#: reached $4.3bn", "The current account surplus, which includes trade in services as well
#: as goods, climbed to $7.38bn": its words are not the figure's concept.
_ASIDE_BY = re.compile(r",\s*(?:(?:driven|led|helped|boosted|hit|hurt|fuel?led|supported|dragged|"
                       r"weighed|buoyed|propped|lifted)\s+(?:down\s+|up\s+)?by\b|which\s+"
                       r"(?:includes?|excludes?|covers?|measures?|comprises?)\b)[^;]{0,80}?,",
                       re.IGNORECASE)


_BASE_CLAUSE = re.compile(r"\b(?:compared\s+with|against|versus|vs\.?)\s*\Z", re.IGNORECASE)


def concept_of(art: Article, sent: Sentence, clause: tuple[int, int], start: int, end: int,
             last_balance: str | None) -> tuple[ConceptMatch | None, str]:
    """The concept word a figure belongs to, and the reading that found it: ``phrase``
    (a concept word in the figure's clause), ``story_balance`` (a bare "deficit" in a
    story that named its balance before), or ``none``."""
    asides = [(m.start(), m.end()) for m in _ASIDE_BY.finditer(art.text, clause[0], start)]
    concepts = [c for c in sent.concepts
                if not any(a <= c.start and c.end <= b for a, b in asides)] if asides \
        else sent.concepts
    cmatch = nearest_concept(concepts, start, end, clause, art.text)
    if cmatch is None and _BASE_CLAUSE.search(art.text, max(sent.start, clause[0] - 20),
                                              clause[0]):
        # "January exports compared with a December figure of 15.0 billion guilders": the
        # figure a comparison clause gives is the main clause's concept
        before = [c for c in concepts if sent.start <= c.start and c.end <= clause[0]]
        cmatch = before[-1] if before else None
    if cmatch is None:
        return None, "none"
    cmatch = _phrase_head(art.text, sent.concepts, cmatch, clause)
    if not is_generic(cmatch, art.text):
        return cmatch, "phrase"
    if last_balance in {"budget", "current_account", "balance_of_payments"}:
        # "reducing the deficit to $230bn" in a budget story
        return ConceptMatch(cmatch.start, cmatch.end, last_balance), "story_balance"
    if cmatch.start >= end and not any(end <= p.start < cmatch.start for p in sent.places):
        # "Transfer payments narrowed to a 140 mln dlr deficit": the bare balance word
        # after the figure is the subject's balance
        before = [c for c in sent.concepts if clause[0] <= c.start and c.end <= start]
        if before:
            return before[-1], "phrase"
    return cmatch, "phrase"


_MOVE_OF = re.compile(r"\s+(?:rise|fall|drop|increase|decline|gain|jump|appreciation|"
                      r"depreciation|revaluation|devaluation|slide|plunge)\s+(?:in|of)\s+"
                      r"(?P<what>[^,;.]{0,40})", re.IGNORECASE)


_TIME_WHAT = re.compile(r"(?:the\s+)?(?:January|February|March|April|May|June|July|August|"
                        r"September|October|November|December|(?:19|20)\d\d|(?:first|second|"
                        r"third|fourth|last|latest|past)|quarter|year|month|week)\b", re.IGNORECASE)
_SHARE_OF = re.compile(r"\s+of\s+(?P<what>[^,;.]{1,50})")


_CHAIN_GAP = re.compile(r"\A(?:[^;.]|\.(?=\d)){0,60}?(?:\band\b|,)(?:[^;.]|\.(?=\d))*\Z")


_CLAUSE_END = re.compile(r";|\.\s|,\s*(?:while|but|whereas)\b")


#: A subject that names a flow with a word the concept list leaves ambiguous ("sales"):
#: the flow a share of total exports or imports is the share of.
_FLOW_SUBJECT = {
    "exports": re.compile(r"\b(sales|shipments|deliveries)\s+(?:to|abroad)\b", re.IGNORECASE),
    "imports": re.compile(r"\b(purchases|shipments|deliveries)\s+from\b", re.IGNORECASE),
}


def what_measured(art: Article, sent: Sentence, it: Item, prev: dict[str, Any] | None,
              prev_item: Item | None) -> ConceptMatch | dict[str, Any] | bool | None:
    """What a percent or ratio measures: None when not a concept's figure ("the 70 pct rise
    of the dollar", "72.1 pct of its trade-weighted index"), the concept word after
    "pct of" ("90 pct of Korea's exports"), the claim a listed share runs on from
    ("..., 72 pct of its appliances"), or True (read it as usual)."""
    move = _MOVE_OF.match(art.text, it.end)
    if move and _TIME_WHAT.match(move.group("what")):
        move = None  # "a 5% rise in May": when, not what
    if move and not find_concepts(move.group("what")):
        return None
    if move:  # "driven by a 23 pct gain in automobile product exports": the rise's noun
        own = [c for c in sent.concepts if move.start("what") <= c.start
               and c.end <= move.end("what")]
        if own:
            return own[0]
    share = _SHARE_OF.match(art.text, it.end)
    if not share or it.kind != "percent":
        return True
    own = [c for c in sent.concepts if share.start("what") <= c.start
           and c.end <= share.end("what")]
    if own:
        subject = [c for c in sent.concepts if c.concept == own[0].concept and c.end <= it.start
                   and sent.start <= c.start and not _CLAUSE_END.search(art.text, c.end, it.start)]
        if subject:  # "Shipments to the bloc accounted for 17% of Korea's total exports":
            return subject[-1]  # the share of the flow the subject names
        flow = _FLOW_SUBJECT.get(own[0].concept)
        head = flow.search(art.text, sent.start, it.start) if flow else None
        if head and not _CLAUSE_END.search(art.text, head.end(), it.start):
            # "Sales to other EU members accounted for 71% of total exports": sales to them
            return ConceptMatch(head.start(1), head.end(1), own[0].concept)
        return own[0]
    if prev is not None and prev["kind"] == "percent" and prev_item is not None \
            and _CHAIN_GAP.match(art.text[prev_item.end:it.start]):
        return prev
    if prev is not None and prev.get("_cmatch") is not None and prev["concept"] in FAMILY \
            and prev_item is not None and not any(
                prev_item.end <= c.start < it.start for c in sent.concepts) \
            and re.match(r"(?:the\s+)?(?:total|whole|sum|overall\s+figure)\b|(?:it|that|this)\b",
                         share.group("what"),
                         re.IGNORECASE):
        # "Exports rose to 40.9 billion dinars, with the EU taking 73% of the total"
        return prev["_cmatch"]
    return None


_COMPARE_GAP = re.compile(
    r"\A(?:[^;.]|\.(?=\d)){0,80}?\bfrom\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December|(?:19|20)\d\d|last\s+year|the\s+previous\s+\w+|"
    r"the\s+(?:first|second|third|fourth)\s+quarter)['’]s?\s+(?:revised\s+|about\s+|some\s+)?\Z|"
    r"\A(?:[^;.]|\.(?=\d)){0,80}?\b(?:from(?!\s+(?:the\s+)?[A-Z])|against|compared\s+(?:with|to)|versus|vs\.?|"
    r"than|after)\b(?:[^;.]|\.(?=\d)){0,45}\Z",
    re.IGNORECASE)


_NEW_LEVEL = re.compile(r"\bfrom\s+(?:a\s+year\s+(?:earlier|ago|before)|the\s+(?:previous|prior|"
                        r"same)\s+\w+(?:\s+\w+)?|last\s+\w+)\s*,?\s+to\s+(?:a\s+|an\s+)?"
                        r"(?:record\s+|new\s+)?\Z", re.IGNORECASE)


def compared_with(art: Article, sent: Sentence, prev: dict[str, Any] | None,
                prev_item: Item | None, cmatch: ConceptMatch | None,
                start: int, kind: str | None = None) -> dict[str, Any] | None:
    """The claim a figure is compared with ("from 8.9 billion in April"), or None."""
    if prev is None or prev_item is None or prev["concept"] in {"other", "exchange_rate"}:
        return None
    gap = art.text[prev_item.end:start]
    if _NEW_LEVEL.search(gap):
        return None  # "narrowed 44% in April from a year earlier to $6.5bn": the new level
    # "from 8.9 billion in April and 7.2 billion a year earlier": a chain of bases of one
    # kind ("..., from January's 23.52 billion and 42 pct above ..." is a change of its own)
    chained = prev["_compared"] is not None and _CHAIN_GAP.match(gap) \
        and (kind is None or kind == prev_item.kind)
    named = any(prev_item.end <= p.start < start for p in sent.places)
    if (_COMPARE_GAP.match(gap) or chained) and not named and (
            cmatch is None or cmatch == prev["_cmatch"]
            or cmatch.start < prev_item.start or is_generic(cmatch, art.text)):
        return prev if prev["_compared"] is None else prev["_compared"]
    return None


_ELIDED_SCALE = re.compile(r"\b(?:billion|million|trillion|bln|mln|bn|tn)\b", re.IGNORECASE)


def elided_money(it: Item, last_money: Item | None) -> Item:
    """"Exports rose to a record 6.93 billion from 6.20 billion": an amount whose currency
    the article stated before (the last money figure's unit and rate)."""
    if it.kind != "number" or last_money is None or not _ELIDED_SCALE.search(
            str(it.surface)) or pd.isna(it.value) or float(it.value) < 1e5:
        return it
    fx = dict(last_money.fx)
    rate = fx.get("fx_rate", pd.NA)
    fx["value_usd"] = pd.NA if pd.isna(rate) else float(it.value) * float(rate)
    return Item(it.pos, "money", it.start, it.end, it.surface, it.value, last_money.unit,
                 it.bound, it.change, it.per, fx, it.low, it.high)


_RATE_BEFORE = re.compile(
    r"\bthe\s+(?:U\.S\.\s+|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+)?(?:dollar|dlr|greenback|currency|unit|"
    r"pound|rupee|peso|rand|franc|krona|krone|lira|ringgit|rupiah|baht|won|real|rouble|ruble)\b"
    r"(?:[^;.]|\.(?=\d))"
    r"{0,60}?\b(?:at|to|towards?|below|"
    r"above|around|near|from|against|of|under|over)\s+(?:a\s+)?(?:new\s+)?(?:record\s+)?"
    r"(?:\d+-year\s+)?(?:low|high)?\s*(?:of\s+)?(?:just\s+)?(?:below|above|around|under|"
    r"over|about)?\s*\Z", re.IGNORECASE)


_RATE_AFTER = re.compile(r"\s*(?:to|per|against|a|for)\s+(?:the|one|1|each|a)?\s*"
                         r"(?:U\.S\.\s+)?(?:dollar|dlr)\b", re.IGNORECASE)


_DOLLAR_RATE = re.compile(r"(?:US)?\$\s?\d\.\d{3,4}")
_PER_CURRENCY = re.compile(r"\s*(?:against|per|to)\s+(?:the|one|1|each|a)?\s*(?:euro|pound|sterling|"
                           r"yen|yuan|franc|mark|rupee|won|real)\b", re.IGNORECASE)


_CURRENCY_NAMED = re.compile(r"\b(?:dollar|dlr|currency|sterling|pound|greenback)\b"
                             r"(?:[^.;]|\.(?=\d|\s+[a-z]|[A-Z]\.))*\Z", re.IGNORECASE)
_CENTS = re.compile(r"\b(?:cts|cents?)\b", re.IGNORECASE)


def is_rate(art: Article, it: Item, clause: tuple[int, int]) -> bool:
    """An exchange rate written as an amount: "152.50 yen", "6.20 francs to the dollar"."""
    if it.kind == "money" and it.unit == "USD":
        # "the greenback hit $1.3516", "$1.2871 against the euro": dollars per a currency
        return bool(_DOLLAR_RATE.fullmatch(str(it.surface)) or _PER_CURRENCY.match(art.text, it.end)
                    or (_CENTS.search(str(it.surface)) and _RATE_BEFORE.search(
                        art.text[clause[0]:it.start])))
    if it.kind != "money":
        return False
    if _RATE_AFTER.match(art.text, it.end):
        return True
    if _CENTS.search(str(it.surface)) and _CURRENCY_NAMED.search(
            art.text, max(0, it.start - 150), it.start):
        return True  # "the Canadian dollar ... after closing at 76.58 cts": its price
    return bool(_RATE_BEFORE.search(art.text[clause[0]:it.start]))


def row_fx(it: Item, conv: list[Item], rate: bool) -> tuple[dict[str, Any], Any]:
    """The fx columns of a claim and the dollars its brackets state."""
    fx = dict(it.fx)
    stated = next((c.value for c in conv if c.unit == "USD"), pd.NA)
    if rate:
        fx = {}  # a rate is no amount: never converted, never summed
    elif conv and pd.isna(fx.get("value_usd", pd.NA)) and not pd.isna(stated):
        fx.update({"value_usd": stated, "fx_source": "article", "fx_status": "same",
                   "fx_rate": stated / it.value if it.value else pd.NA})
    return fx, stated


CHANGE_VERB = with_start_filter(
    r"\b(grew|grown|rose|risen|increased|jumped|surged|expanded|climbed|fell|fallen|dropped|"
    r"declined|decreased|shrank|shrunk|slumped)\s+(?:by\s+)?(?:some\s+|about\s+)?\Z",
    re.IGNORECASE)


DOWN_VERBS = {"fell", "fallen", "dropped", "declined", "decreased", "shrank", "shrunk",
               "slumped"}
