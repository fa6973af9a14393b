"""The words around a mention that set its bound ("about", "more than") or mark it as a
change ("rose", "cut by", "a 3 percent drop"). Part of the extractor.

>>> _tail_words("prices rose about ", 18)
['prices', 'rose', 'about']
"""

from __future__ import annotations

import functools
import re

from . import grammar as g
from . import lexicon as lx
from .quantity import _Q

_UP_TO_AFTER = re.compile(r"\s(?i:up\s+to|down\s+to)\b")
_FILLERS = frozenset(
    [
        "a",
        "an",
        "by",
        "of",
        "another",
        "some",
        "nearly",
        "about",
        "almost",
        "around",
        "roughly",
        "just",
        "only",
    ]
)


def _tail_words(text: str, end: int, span: int = 60) -> list[str]:
    """The lower-cased words right before ``end`` (nothing but spaces between them and it)."""
    start = end - span if end > span else 0
    if start == end or not text[end - 1].isspace():
        return []
    return list(_tail_tuple(text, start, end))


@functools.lru_cache(maxsize=4096)
def _tail_tuple(text: str, start: int, end: int) -> tuple[str, ...]:
    # the readings of one mention ask for the same words several times (cached: a
    # string's hash is computed once, so the key costs little even for a long text;
    # scan.add_rows clears the cache after each text, so that it holds no old text)
    # str.split() cuts where ``\S+`` tokens end (both use Unicode white space)
    words = text[start:end].lower().split()  # lower-casing makes no white space, takes none
    if start > 0 and words and not text[start - 1].isspace():
        words = words[1:]  # a cut word
    return tuple(words)


_SPACED_DASH = re.compile(r"\s[-–](?=\d)")
_CHANGE_NOUNS = frozenset(
    [
        "growth",
        "expansion",
        "cutback",
        "contraction",
        "reduction",
        "slump",
        "slowdown",
        "hike",
        "rise",
        "increase",
        "decline",
        "drop",
        "fall",
        "gain",
        "jump",
        "cut",
    ]
)


def _words_before(text: str, pos: int) -> list[str]:
    """``_tail_words`` without the bound words next to the number ("from about" -> from).

    >>> _words_before("prices rose from about ", 23)
    ['prices', 'rose', 'from']
    """
    words = _tail_words(text, pos)
    while words and words[-1] in lx.cues("bound", "before"):
        words.pop()
    return words


def _after_change(text: str, pos: int, word: str, *, reach: int = 5, nouns: bool = False) -> bool:
    """Is the number at ``pos`` introduced by ``word`` shortly after a change word? 'fell
    from X', 'has risen since 1986 from X' (word "from"); 'narrowed to X' (word "to").
    Change nouns ("a rise from") count only with ``nouns``."""
    words = _words_before(text, pos)
    if not words or words[-1] != word:
        return False
    changes = lx.cues("change", "before")
    return any(w in changes and (nouns or w not in _CHANGE_NOUNS) for w in words[-reach - 1 : -1])


def _from_after_change(text: str, pos: int) -> bool:
    """'fell from X', 'has risen since 1986 from X', 'raised interest rates from X': a
    from-to that moves a level (the verbs that take "by" for a change take "from" too)."""
    words = _words_before(text, pos)  # (once: what _after_change(text, pos, "from") reads)
    if not words or words[-1] != "from":
        return False
    changes = lx.cues("change", "before")
    if any(w in changes and w not in _CHANGE_NOUNS for w in words[-6:-1]):
        return True  # _after_change(text, pos, "from")
    verbs = lx.cues("change", "before_by")
    return any(w in verbs for w in words[-6:-1])


def _change_before(text: str, pos: int) -> bool:
    """Is the number at ``pos`` introduced as a change ("rose", "cut ... by", "up")?"""
    words = _words_before(text, pos)
    if words and words[-1] == "by":
        return True
    while words and words[-1] in _FILLERS:
        words.pop()
    return bool(words) and words[-1] in lx.cues("change", "before")


@functools.cache
def _bound_ends() -> frozenset[str]:
    """The last words of the bound phrases: a phrase of the words before a number can be
    one only if the last of them is one of these."""
    return frozenset(p.rsplit(" ", 1)[-1] for p in lx.cues("bound", "before"))


@functools.cache
def _left_cue_words() -> frozenset[str]:
    """The words :func:`_left_cues` reads when they come last before a number: a bound
    phrase's last word, a filler, a change word (without one of them it sets nothing)."""
    return _bound_ends() | _FILLERS | frozenset(lx.cues("change", "before"))


def _left_cues(text: str, q: _Q) -> None:
    """Bound and change from the words before the mention ("rose about", "more than")."""
    c = text[q.start - 1] if q.start > 0 else ""
    if c == "~":
        q.bound = "~"
        return
    if c == "+" and q.kind in ("percent", "money"):
        q.change = "up"  # "+5%"
        return
    words = _tail_words(text, q.start)
    if not words or words[-1] not in _left_cue_words():
        return  # (most mentions: no cue ends right before them, and nothing below applies)
    bounds = lx.cues("bound", "before")
    for k in (3, 2, 1) if words[-1] in _bound_ends() else ():
        if len(words) >= k and " ".join(words[-k:]) in bounds:
            q.bound = bounds[" ".join(words[-k:])]
            words = words[:-k]
            break
    if q.kind not in ("money", "percent", "measure", "count", "number"):
        return
    changes = lx.cues("change", "before")
    stripped: list[str] = []
    while words and words[-1] in _FILLERS and len(stripped) < 2:
        stripped.append(words.pop())
    if words and words[-1] in changes:
        verb = words[-1]
        if verb in ("up", "off", "down") and len(words) > 1 and words[-2] in g.word_set("phrasal"):
            return  # "racked up a surplus", "pay off a bill"
        if "of" in stripped and verb in ("gain", "gains"):
            return  # "a pretax gain of 7.2 mln dlrs" is a profit, not a rise
        q.change = changes[verb]
    elif "by" in stripped and q.kind in ("money", "percent"):
        # "cut spending by $2 billion", "raised its forecast by 2%" (not "boosted by two factors")
        by_verbs = {**changes, **lx.cues("change", "before_by")}
        for w in reversed(words[-4:]):
            if w in by_verbs:
                q.change = by_verbs[w]
                break


_DIGIT_NEXT = re.compile(r"\s?\d")
_DETERMINERS = frozenset(
    ["a", "an", "the", "its", "their", "his", "her", "my", "our", "this", "that", "these", "those"]
)
_POSTPOSED = {"up", "higher", "above", "down", "lower", "below"}


def _right_cues(text: str, q: _Q) -> None:
    if q.change is None and q.kind in ("percent", "money") and text[q.end : q.end + 1].isspace():
        cm = g.CHANGE_AFTER.match(text, q.end)  # (it begins with white space)
        if cm:
            word = cm.group(0).split()[-1].lower()
            if word in _POSTPOSED and (q.kind != "percent" or _UP_TO_AFTER.match(text, q.end)):
                return  # "13.8 % up on the year", but not "$5 up front" or "5% up to"
            q.change = lx.cues("change", "after").get(word)


# ------------------------------------------------------------------- word-only forms
