"""Reader: whether a figure is a change, and which way ("fell 3%", "a 4% drop", "17.6%
less than in 2018", "growth in exports slowed to 5.4%"), and when a percent is a share
with no change ("accounting for 62.6% of the total").

>>> from econnews.claims.article import Item
>>> t = "Exports fell 3% to China and 5% to Japan."
>>> figure_change(t, Item(0, "percent", 30, 32, "5%", 5, "percent"), (0, 41),
...               {"kind": "percent", "change": "down"}, Item(0, "percent", 13, 15, "3%", 3,
...                                                             "percent"))
'down'
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ..common.regex import with_start_filter
from .article import Item
from .figures import CHANGE_VERB, DOWN_VERBS

__all__ = ["figure_change"]

#: The rate of change of a flow named before its percent: "growth in exports slowed to 5.4%".
_RATE_OF = with_start_filter(r"\b(growth|rise|increase|decline|fall|drop|contraction|expansion)\s+"
                      r"(?:in|of)\s+(?:[\w’'-]+\s+){0,3}?(?:exports?|imports?|shipments|trade|"
                      r"sales|purchases)\b|\b(?:export|import|trade|shipment)s?\s+(growth)\b",
                      re.IGNORECASE)
_SHARE_BEFORE = re.compile(r"\b(?:accounting|accounted|accounts?|responsible)\s+for\s+|"
                           r"\b(?:making|made|makes?)\s+up\s+|\bshare\s+(?:of|at|to)\s+|"
                           r"\brepresent(?:ing|ed|s)?\s+", re.IGNORECASE)
_THAN = re.compile(r"\s+(less|lower|smaller|fewer|more|higher|bigger|greater|larger)\s+than\b",
                   re.IGNORECASE)
_LESS = {"less", "lower", "smaller", "fewer"}
#: A percent that is a rate of change: "the 7.5% pace", "a 4% drop", "a 6% annual rise".
_MOVE_NOUN = re.compile(r"\s+(?:(?:annual|yearly|monthly|quarterly|year-on-year|on-year|"
                        r"annualised|annualized)\s+)?(pace|growth|increase|rise|gain|jump|climb|"
                        r"expansion|decline|drop|fall|decrease|contraction|slump|slide)\b",
                        re.IGNORECASE)
_MOVE_OF_BEFORE = with_start_filter(r"\b(increase|rise|growth|upsurge|surge|jump|gain|expansion|"
                             r"decline|drop|fall|decrease|contraction|slump|slide|falloff)\s+of\s+"
                             r"(?:about\s+|some\s+|nearly\s+|almost\s+|around\s+|over\s+|"
                             r"more\s+than\s+)?\Z", re.IGNORECASE)
_DOWN_NOUNS = ("decline", "drop", "fall", "decrease", "contraction", "slump", "slide")
_LIST_GAP = re.compile(r"(?:[^.;]|\.(?=\d)){0,60}", re.IGNORECASE)
_NEW_VERB = re.compile(r"\b(?:rose|fell|grew|dropped|declined|increased|decreased|jumped|"
                       r"slumped|climbed|surged|was|were|is|are|reached|totalled|totaled)\b",
                       re.IGNORECASE)


def figure_change(text: str, it: Item, clause: tuple[int, int], prev: dict[str, Any] | None,
                  prev_item: Item | None) -> Any:
    """The direction of change a figure states (``"up"``, ``"down"``) or NA; ``prev`` is
    the claim read just before it in its sentence (None when there is none)."""
    kind, start, end = it.kind, it.start, it.end
    change = _listed_change(text, it, prev, prev_item) if pd.isna(it.change) else it.change
    if pd.isna(change) and kind == "percent" and it.surface[:1] in "+-−–":
        change = "down" if it.surface[:1] != "+" else "up"  # "imports from Japan (-17%)"
    if pd.isna(change) and kind in {"money", "percent"}:
        than = _THAN.match(text, end)
        if than:  # "17.6% less than in 2018", "$4bn more than a year earlier"
            change = "down" if than.group(1).lower() in _LESS else "up"
    if pd.isna(change) and kind == "percent":
        moved = _MOVE_NOUN.match(text, end)
        if moved:  # "slower than the 7.5% pace a year earlier", "a 4% drop in exports"
            change = "down" if moved.group(1).lower().startswith(_DOWN_NOUNS) else "up"
    if pd.isna(change) and kind == "percent":
        noun = _MOVE_OF_BEFORE.search(text, max(clause[0], start - 40), start)
        if noun:  # "recorded an upsurge of 33%", "a decline of 6.1 per cent"
            change = "down" if noun.group(1).lower().startswith(_DOWN_NOUNS) else "up"
    if pd.isna(change) and kind == "percent":
        rate_of = _RATE_OF.search(text, clause[0], start)
        if rate_of:  # "growth in China's shipments slowed to 5.4%", "export growth was 3.8%"
            change = "down" if (rate_of.group(1) or "").lower().startswith(_DOWN_NOUNS) else "up"
    if pd.isna(change) and kind in {"ratio", "percent"} and not (
            kind == "percent" and _SHARE_BEFORE.search(text, max(clause[0], start - 40), start)):
        # "grew 8% in the first half, accounting for 62.6% of the total": a share, no change
        verb = CHANGE_VERB.search(text, clause[0], start)
        if verb:  # "has grown 1.5 times": the ratio is a change
            change = "down" if verb.group(1).lower() in DOWN_VERBS else "up"
    return change


def _listed_change(text: str, it: Item, prev: dict[str, Any] | None,
                   prev_item: Item | None) -> Any:
    """A percent listed after a change keeps its direction: "exports fell 3% to China and
    5% to Japan" (both falls)."""
    if it.kind != "percent" or prev is None or prev_item is None \
            or prev["kind"] != "percent" or not isinstance(prev["change"], str):
        return it.change
    gap = text[prev_item.end:it.start]
    if _LIST_GAP.fullmatch(gap) and re.search(r"\band\b|,", gap) and not _NEW_VERB.search(gap) \
            and not _SHARE_BEFORE.search(gap):  # "..., accounting for 62.6%": a share
        return prev["change"]
    return it.change
