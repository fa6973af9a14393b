"""English noun and adjective forms the readers of counted nouns need: plurals,
singulars, and the base form of a comparative or superlative.

>>> _singular("fishermen"), _is_plural_noun("tonnes"), _base_adjective("hottest")
('fisherman', True, 'hot')

The word functions are cached: pure functions of a word, and words recur across texts.
"""

from __future__ import annotations

import functools
import re

from . import grammar as g

_ADJ_BASE = {
    "best": "good",
    "better": "good",
    "worst": "bad",
    "worse": "bad",
    "most": "",
    "more": "",
    "least": "",
    "less": "",
}


@functools.lru_cache(maxsize=4096)
def _base_adjective(word: str) -> str:
    """The plain form of a comparative or superlative modifier ('smaller' -> 'small',
    'hottest' -> 'hot', 'earliest' -> 'early', 'best' -> 'good'); other words as they are."""
    low = word.lower()
    if low in _ADJ_BASE:
        return _ADJ_BASE[low]
    for suffix in ("iest", "ier"):
        if low.endswith(suffix) and len(low) > len(suffix) + 2:
            return low[: -len(suffix)] + "y"
    for suffix in ("est", "er"):
        if suffix == "er" and low not in g.word_set("comparative"):
            continue  # most words in -er before a noun are nouns: passenger, consumer
        if low.endswith(suffix) and len(low) > len(suffix) + 2 and low not in _NOT_COMPARATIVE:
            stem = low[: -len(suffix)]
            if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "ls":
                return stem[:-1]  # hottest -> hot
            if (stem[-1] in "gvcz" and not stem.endswith("ng")) or stem.endswith(("ur", "ar")):
                return stem + "e"  # largest -> large, bravest -> brave, securer -> secure
            if suffix == "est" and _SILENT_E.search(stem):
                return stem + "e"  # latest -> late, closest -> close, safest -> safe
            return stem
    return word


_SILENT_E = re.compile(r"(?:^|[^aeiou])[aeiou][^aeiouwxy]$")
_NOT_COMPARATIVE = frozenset(
    [
        "harvest",
        "contest",
        "request",
        "protest",
        "arrest",
        "conquest",
        "inquest",
        "manifest",
        "suggest",
        "digest",
        "invest",
        "behest",
        "unrest",
        "interest",
        "honest",
        "modest",
        "forest",
        "biggest",
        "other",
        "over",
        "under",
        "inner",
        "outer",
        "upper",
        "lower",
        "former",
        "latter",
        "after",
        "never",
        "silver",
        "copper",
        "paper",
        "power",
        "water",
        "winter",
        "summer",
        "member",
        "number",
        "chamber",
    ]
)


_IRREGULAR = {
    "children": "child",
    "men": "man",
    "women": "woman",
    "fishermen": "fisherman",
    "policemen": "policeman",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
}
_NOT_PLURAL = re.compile(r"(?:ss|us|is|ous|ics|'s)$")


_MEN = re.compile(r"[a-z]{3,}men$")
_NOT_MEN = frozenset(["specimen", "abdomen", "regimen", "acumen", "stamen"])


@functools.lru_cache(maxsize=4096)
def _is_plural_noun(w: str) -> bool:
    if w in g.irregular_plurals() or (_MEN.match(w) and w not in _NOT_MEN):
        return True  # "60 commercial fishermen", "two congressmen"
    return len(w) > 3 and w.endswith("s") and not _NOT_PLURAL.search(w) and w.isalpha()


@functools.lru_cache(maxsize=4096)
def _is_singular_noun(w: str) -> bool:
    lw = w.lower()
    return (
        len(lw) > 2
        and lw.isalpha()
        and lw not in g.function_words()
        and not lw.endswith(("ed", "ing", "ly"))
    )


@functools.lru_cache(maxsize=4096)
def _singular(w: str) -> str:
    lw = w.lower()
    if lw in _IRREGULAR:
        return _IRREGULAR[lw]
    if _MEN.match(lw) and lw not in _NOT_MEN:
        return w[:-3] + w[-3:].replace("men", "man")
    if lw in g.irregular_plurals():
        return w
    if lw.endswith("ies") and len(lw) > 4:
        return w[:-3] + "y"
    if lw.endswith(("ches", "shes", "xes", "sses", "uses")):
        return w[:-2]
    if lw.endswith("s") and not lw.endswith("ss"):
        return w[:-1]
    return w
