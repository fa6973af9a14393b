"""Counted nouns after a number: "3,400 people", "five profile slots", "one of the
best wireless speakers", and percentage points after a small number ("0.5 point").

Part of the extractor; :func:`_count` returns a unit dict as :mod:`.units` does.

>>> _count("3,400 new jobs", 5, 3400.0)["name"]
'new job'
"""

from __future__ import annotations

import re

from . import grammar as g
from . import lexicon as lx
from .nouns import _base_adjective, _is_plural_noun, _is_singular_noun, _singular
from .per import _per, _points

_ONE_OF = re.compile(
    r"\s+of\s+(?:the|my|his|her|its|their|our|your|these|those|[A-Z][\w'’]*['’]s?)"
    r"(?:\s+(?:most|very|few|many|more))?(?=\s)"
)
_POINT_AFTER = re.compile(r"\s(?i:points?|pts?)\b")
_P = frozenset("pP")  # (no other letter matches p in any case)
_ABBREV_COUNT = re.compile(r"\s([A-Za-z]{2,4})\b")
_MORE = re.compile(r"\s(?i:more|fewer|additional|extra)(?=\s)")
_MORE_FIRST = frozenset("mMfFaAeE")  # (the first letters of _MORE's words, in either case)
_SCOPE = re.compile(
    r"\s+(?:in|of)\s+(?:the\s+|his\s+|her\s+|its\s+|their\s+|my\s+|our\s+)?"
    r"([A-Za-z][\w-]*(?:\s+[A-Z][\w-]*)?)"
)


def _superlative(of: str, words: list[str]) -> bool:
    """Is the noun phrase after "one of the" a superlative ("most gifted", "hottest")?"""
    return (
        " most" in of.lower()
        or any(w.lower().endswith("est") and _base_adjective(w) != w.lower() for w in words)
        or any(w.lower() in ("best", "worst", "biggest") for w in words)
    )


_NOUN_SOON = re.compile(r"(?:\s+[A-Za-z][\w'’-]*){0,3}?\s+[a-z]{3,}s\b")
_OWNER = re.compile(r"\b([A-Z]\w*)['’]s?(?=\s|$)")
# a people's name in the plural: Americans, Canadians, Europeans, Israelis, Chinese, New Yorkers
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ans|ese|is|ers)$")
_WORD = re.compile(r"[ \t\n-]+([A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z])")


def _count(text: str, pos: int, value: float = 2.0) -> dict | None:
    """A counted noun phrase after the number: '3,400 people', 'five profile slots'."""
    spaced = text[pos : pos + 1].isspace()  # (_ABBREV_COUNT and _POINT_AFTER begin so)
    ab = _ABBREV_COUNT.match(text, pos) if spaced else None
    if ab and ab.group(1) in lx.count_abbreviations():
        return {
            "kind": "count",
            "unit": ab.group(1),
            "name": lx.count_abbreviations()[ab.group(1)],
            "end": ab.end(),
        }
    pm = _POINT_AFTER.match(text, pos) if spaced and text[pos + 1 : pos + 2] in _P else None
    if pm and value <= 5 and not _index_talk(text, pos):
        # "foreign trade added 0.5 point", "knocked off 1.5 points": percentage points
        return _points(pm.end())
    words: list[tuple[str, int]] = []
    p = pos
    owner = None
    of = _ONE_OF.match(text, p) if spaced and (
        text.startswith("of", p + 1) or text[p + 1 : p + 2].isspace()) else None  # (\s+of)
    if of and (value == 1 or _NOUN_SOON.match(text, of.end())):
        # "one of the best wireless speakers": one speaker; "two of Johnson's deputies"
        p = of.end()
        value = 2.0  # the noun after "one of the" is plural
        owner = _OWNER.search(of.group(0))
    mo = _MORE.match(text, p) if text[p : p + 1].isspace() and text[p + 1 : p + 2] in _MORE_FIRST else None
    if mo:
        p = mo.end()
    for _ in range(6):
        wm = _WORD.match(text, p)
        if not wm:
            break
        w = wm.group(1)
        if "\n" in wm.group(0) and not w[0].islower():
            break  # a new line that starts with a capital: a table row or a heading
        lw = w.lower()
        if lw in ("and", "or") and words and _coordinable(words):
            p = wm.end()  # "460 Kia and Hyundai vehicles", "combined digital and physical sales"
            continue
        if lw in g.function_words() and lw not in g.irregular_plurals():
            break
        if lw in lx.number_words():
            break  # "three of its six portfolios": the six is a count of its own
        if not words and wm.group(0).startswith("-") and not _is_plural_noun(lw):
            return None  # "the 13-member European Space Agency": a description
        if lw.endswith(("'s", "’s")):
            w = w[:-2]  # "four of the region's major debtor states": region major debtor state
        if lw.split("-")[0] in ("half", "quarter", "third"):
            break  # "four half-point cuts": the fraction is a quantity of its own
        words.append((w, wm.end()))
        p = wm.end()
    # capitalised words may describe ("four major Japanese steelmakers") but never end it,
    # except a people's name ("1,307,000 Americans")
    if (
        len(words) >= 1
        and _DEMONYM.match(words[0][0])
        and (len(words) == 1 or words[1][0][0].islower())
    ):
        words = words[:1]
    else:
        while words and not words[-1][0][0].islower():
            words.pop()
    best = None
    for i, (w, _end) in enumerate(words):
        lw = w.lower()
        if i == 0 and _DEMONYM.match(w):
            best = i
            break
        if not w[0].islower():
            continue  # a name describes ("850,000 new Ixonos shares"); it is not the noun
        if _is_plural_noun(lw) or (i == 0 and lw in g.irregular_plurals()):
            best = i
            break
    compound = False
    if (
        best is None
        and 2 <= value <= 100
        and float(value).is_integer()
        and text[pos : pos + 1] == " "
        and len(words) >= 2
        and all(w[0].islower() for w, _ in words[:2])
        and _is_singular_noun(words[0][0])
        and _is_singular_noun(words[1][0])
    ):
        # a compound: "a 12 page document", "a 3 cylinder engine" (the reader checks
        # the article before the number: "drill 50 oil wells" is not one)
        best, compound = 0, True
        words = words[:1]
    if best is None or (value == 1 and words and _is_singular_noun(words[0][0])):
        if words and words[0][0].islower() and _is_singular_noun(words[0][0]) and value == 1:
            best = 0
        elif best is None:
            return None
    # adverbs and participles before the noun are description, not the unit
    # ("20 decently sized coal-fired power plants"); gerunds name a kind ("shipping containers")
    lead = 0
    while lead < best and words[lead][0].endswith(("ed", "ly")) and "-" not in words[lead][0]:
        lead += 1
    words = words[lead:]
    best -= lead
    phrase_words = [w for w, _ in words[: best + 1]]
    end = words[best][1]
    noun = phrase_words[-1]
    described = [*(_base_adjective(w) for w in phrase_words[:-1]), _singular(noun)]
    if owner is not None:
        described.insert(0, owner.group(1))  # "two of Johnson's deputies": johnson deputy
    if of is not None and _superlative(of.group(0), phrase_words):
        scope = _SCOPE.match(text, end)
        if scope:  # "one of the hottest luxury cars in the world": hot luxury car world
            described += [w for w in scope.group(1).split() if w.lower() not in g.function_words()]
    name = " ".join(x for x in described if x).lower()
    # the unit is the counted noun as written; its description goes in unit_name
    out = {"kind": "count", "unit": noun, "name": name, "end": end}
    if compound:
        out["compound"] = True
    return _per(text, out)


def _coordinable(words: list[tuple[str, int]]) -> bool:
    """May the words collected so far be coordinated with "and" ("Kia and Hyundai
    vehicles", "combined digital and physical sales", "most gifted and unpredictable
    attackers")? No noun yet, and one modifier at most besides participles and adverbs."""
    if any(_is_plural_noun(w.lower()) for w, _ in words):
        return False
    return len([w for w, _ in words if not w.endswith(("ed", "ly"))]) <= 1


def _index_talk(text: str, pos: int) -> bool:
    """Does the sentence around ``pos`` talk about a stock index (where points are
    index points)?"""
    lo = (pos - 200 if pos > 200 else 0)
    window = text[lo : pos + 120].lower()
    return not g.word_set("index_word").isdisjoint(_INDEX_TOKEN.findall(window))


_INDEX_TOKEN = re.compile(r"[a-z&-]+")
