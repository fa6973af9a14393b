"""Numbers as written: digits ("3,400", "1.5", "8-1/8"), spelled ("two million", "one and
a half") and read aloud ("six-point-two"), and the pass that finds them in a text
(:func:`cores`). Part of the extractor's grammar (:mod:`.grammar` re-exports these names).

>>> [m.group(0) for m in cores("one of 3,400 firms paid 1.5 times")]
['one', '3,400', '1.5']
>>> from econnews.extraction.numerals import NUMBER, SPELLED
>>> bool(NUMBER.fullmatch("1,234.5")), SPELLED.fullmatch("one and a half").group(0)
(True, 'one and a half')
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..common.regex import lazy_patterns
from . import lexicon as lx

# Patterns a reader needs only for some texts are compiled when ``numerals.NAME`` is first
# read (as in :mod:`.grammar`).
_LAZY, __getattr__ = lazy_patterns(globals())

_NUMWORDS = lx.number_words()
_CARDINAL = [w for w, (_, role) in _NUMWORDS.items() if role in ("unit", "teen", "tens")]
_BIG = [w for w, (_, role) in _NUMWORDS.items() if role in ("hundred", "scale", "dozen")]
_FRACTION = [w for w, (_, role) in _NUMWORDS.items() if role == "fraction"]
_APPROX = [w for w, (_, role) in _NUMWORDS.items() if role == "approx"]

_W = lx.alternation(_CARDINAL + _BIG)
_BIGALT = lx.alternation(_BIG)

# Digits: 1,234,567.89 | 1234.5 | .5 ; an optional glued fraction "8-1/8", "3 1/2".
DIGITS = r"(?:\d{1,2}(?:,\d\d)+,\d{3}(?![\d,])(?:\.\d+)?)|(?:\d{1,2}⁄\d{1,3}|\d/(?:2|3|4|8|16|32|64|128)(?![\d/]))|(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]?\d)|\d+)(?:\.\d+|\s\.\d+(?![\d.]))?(?:(?:-|\s)\d{1,2}/\d{1,2}(?!\d))?(?:\s?[×x]\s?10\^?[−-]?\d{1,3}(?![\d.]))?|\.\d+"
_LAZY["NUMBER"] = lambda: re.compile(DIGITS)

# Spelled numbers: "thirty", "one hundred and twenty", "two-and-a-half", "a billion",
# "half a billion", "one and a half".
_CARD = lx.alternation(_CARDINAL)
# a spelled number starts with a cardinal ("thirty billion") or with "a"/"half a" before a
# big word ("a billion", "half a million"); a big word alone ("several hundred") is not one
SPELLED_BODY = (
    rf"(?:(?:a|an|half\s+an?)\s+{_BIGALT}|{_CARD})"
    # "and" joins only after a hundred or a scale word: "one hundred and twenty", never
    # "two and three billion" (that is a range)
    rf"(?:(?:(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and)?(?:\s+|-){_W}){{0,6}}"
    r"(?:(?:\s+|-)and(?:\s+|-)a(?:\s+|-)half)?"
)
_LAZY["SPELLED"] = lambda: re.compile(rf"(?i:\b{SPELLED_BODY}\b)")

# A number read aloud (broadcast transcripts): "12-point-34", "six-point-two",
# "20-and-a-half"; spaced ("six point two") only before a scale or percent word, where
# "at one point two companies" cannot be meant.
_DIGIT_WORDS = lx.alternation(["zero", "oh", *[w for w, (v, r) in _NUMWORDS.items()
                                                 if r == "unit" and v < 10]])
_SPOKEN_WHOLE = rf"(?:\d{{1,3}}|{_CARD}(?:-{_CARD})?)"
SPOKEN = (
    rf"(?:{_SPOKEN_WHOLE}-point-(?:\d+|{_DIGIT_WORDS}(?:-{_DIGIT_WORDS}){{0,5}})"
    rf"|{_SPOKEN_WHOLE}\s+point\s+(?:\d+|{_DIGIT_WORDS}(?:\s+{_DIGIT_WORDS}){{0,5}})"
    r"(?=\s+(?:percent|per\s?cent|billion|million|trillion|thousand)\b)"
    r"|\d{1,3}-and-a-half)"
)
# A numeric core: digits, or a spelled number. The lookahead (a digit, a point, or a
# letter a number word begins with) spares trying the alternations at most positions:
# it halves the time of this, the extractor's widest pass.
_FIRST = "".join(sorted({w[0].lower() for w in [*_CARDINAL, "a", "an", "half"]}))
_FIRST = _FIRST + _FIRST.upper()
_LAZY["CORE"] = lambda: re.compile(
    rf"(?=[\d.{_FIRST}])(?:(?P<digits>{DIGITS})|(?P<words>\b(?i:{SPELLED_BODY})\b))"
)
# CORE's two branches as passes of their own, merged by :func:`cores` into what
# ``CORE.finditer`` yields: a digit core is found from a plain character class (the
# regex engine skips to it in C), a spelled one only where a word starts.
_DIGITS_CORE = re.compile(rf"(?P<digits>{DIGITS})(?P<words>(?!))?")
# The spelled branch with its first words written letter by letter in both cases, the
# case-insensitive regex's exact equivalent (the engine's case folding also takes "K",
# "ı", "İ", "ſ" for k, i, s): an alternative that starts with a character class is
# skipped at once where its letter is absent, one in any case is entered each time.
_FOLD = {"k": "kK\u212a", "i": "iIİı", "s": "sSſ"}


def _caseless(word: str) -> str:
    return "".join(
        f"[{_FOLD.get(c.lower(), c.lower() + c.upper())}]" if c.isascii() and c.isalpha()
        else re.escape(c) for c in word
    )


def _caseless_alternation(words: list[str]) -> str:
    """:func:`lexicon.alternation` (longest first) with each word letter by letter."""
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(f"(?-i:{_caseless(w)})" for w in ordered) + ")"


_SPELLED_HEAD = rf"(?:(?:a|an|half\s+an?)\s+{_BIGALT}|{_CARD})"
assert SPELLED_BODY.startswith(_SPELLED_HEAD)
_SPELLED_BODY_CASELESS = (
    rf"(?:(?:(?-i:[aA])|(?-i:[aA][nN])|(?-i:[hH][aA][lL][fF])\s+(?-i:[aA])(?-i:[nN])?)\s+"
    rf"{_BIGALT}|{_caseless_alternation(_CARDINAL)})" + SPELLED_BODY[len(_SPELLED_HEAD):]
)
_WORDS_CORE = re.compile(
    rf"\b(?=[{_FIRST}])(?P<digits>(?!))?(?P<words>(?i:{_SPELLED_BODY_CASELESS})\b)"
)
# The same, found from the non-word character before the number (a character class the
# engine skips to in C); the match is then taken again with _WORDS_CORE where it begins.
# Its lookahead is the first two letters a spelled number can begin with: the first as
# _FIRST has it (as CORE's lookahead, and _WORDS_CORE's, take it), the second in every case
# the case-insensitive body takes. "the", "for" and "on" still pass; "to", "said", "of"
# and "sales" no longer try the alternation (the one-letter class first: most positions
# fail it, and it costs less than the two-letter test).
_SPELLED_HEADS = "|".join(sorted(
    {f"[{w[0].lower()}{w[0].upper()}]{_caseless(w[1])}" for w in [*_CARDINAL, "half"]}
    | {"[aA][nN]?\\s"}
))
assert all(w[0] in _FIRST for w in _CARDINAL)
assert all(len(w) >= 2 for w in _CARDINAL)
# (compiled on first use: only text that is not ASCII needs it, see :func:`_word_cores`)
_LAZY["_WORDS_AFTER_GAP"] = lambda: re.compile(
    rf"\W(?=[{_FIRST}])(?={_SPELLED_HEADS})(?P<words>(?i:{_SPELLED_BODY_CASELESS})\b)"
)


# --------------------------------------------------------------------------- anchors
# A pass over the whole text with a pattern that begins with a case-insensitive word
# tries it at every position. Where every match holds one of a few words, a substring
# search of the lower-cased text (in C) finds them, and the pattern is tried only where a
# match holding one can begin: the same matches as ``finditer``, for ASCII text (where
# lower-casing maps each letter to the one the case-insensitive pattern takes; other text
# keeps the whole-text pass).


def anchored(pattern: re.Pattern, text: str, starts: list[int]) -> list[re.Match]:
    """``list(pattern.finditer(text))`` when every match begins at one of ``starts``.

    >>> [m.group(0) for m in anchored(re.compile("ab|b"), "abab b", [0, 1, 2, 5])]
    ['ab', 'ab', 'b']
    """
    out: list[re.Match] = []
    end = 0
    match = pattern.match
    for p in sorted(set(starts)):
        if p >= end and (m := match(text, p)) is not None:
            out.append(m)
            end = m.end()
    return out


def finds(low: str, words: tuple[str, ...]) -> list[int]:
    """Every index where one of ``words`` occurs in ``low`` (overlaps included)."""
    out: list[int] = []
    for w in words:
        i = low.find(w)
        while i >= 0:
            out.append(i)
            i = low.find(w, i + 1)
    return out


def space_start(text: str, i: int) -> int:
    """Where the run of white space that ends at ``i`` begins (``i`` when there is none)."""
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def firsts(words: list[str]) -> tuple[str, ...]:
    """The words no other one begins: every word begins with one of them."""
    return tuple(sorted(w for w in set(words) if not any(o != w and w.startswith(o)
                                                           for o in words)))


_CARDINAL_FIRSTS = firsts(_CARDINAL)
_BIG_FIRSTS = firsts(_BIG)


# In a short text the first words are found in one pass of this pattern (grouped by first
# letter: the engine skips to those letters in C) rather than a str.find pass per word,
# whose calls then cost more than the scanning. It finds a word only where no word
# character stands before it (a lookbehind after its first letter: in "money" or "often"
# the match fails there at once), where finds() takes any occurrence: one inside a word
# follows a letter, where neither a spelled number nor the "a" before a big word can begin.
_FIRSTS_AT = re.compile(lx.grouped_alternation(
    [(w, False) for w in sorted({*_CARDINAL_FIRSTS, *_BIG_FIRSTS}, key=lambda w: (-len(w), w))],
    after_head=r"(?<![a-z0-9_].)"))
assert not {w[0] for w in _CARDINAL_FIRSTS} & set("bdhm") and {w[0] for w in _BIG_FIRSTS} <= set("bdhmt")
_BIG_T = tuple(w for w in _BIG_FIRSTS if w[0] == "t")  # "thousand", "trillion"
_SHORT = 400  # characters: below this the single pass is the cheaper


def _word_core_starts(text: str, low: str) -> list[int]:
    """Where a spelled number can begin (for :func:`anchored`): at a cardinal ("thirty"),
    or at the "a", "an" or "half a(n)" and white space before a big word ("a million"),
    the heads of ``_SPELLED_BODY_CASELESS``."""
    if len(low) < _SHORT:
        starts, bigs = [], []
        for m in _FIRSTS_AT.finditer(low):  # (none inside a word: no \b before it there)
            b = m.start()
            c = low[b]
            if c in "bdhm" or (c == "t" and low.startswith(_BIG_T, b)):
                bigs.append(b)
            else:
                starts.append(b)  # a cardinal
    else:
        starts, bigs = finds(low, _CARDINAL_FIRSTS), finds(low, _BIG_FIRSTS)
    for b in bigs:
        j = space_start(text, b)
        if j == b:
            continue
        for q in (j - 1, j - 2):  # "a", "an": a match from here begins with "a" (a cardinal
            if q >= 0 and low[q] == "a":  # word is longer, and found above where it begins)
                starts.append(q)
                k = space_start(text, q)
                if 4 <= k < q and low.startswith("half", k - 4):
                    starts.append(k - 4)  # "half"
    return starts


def _word_cores(text: str, low: str | None = None) -> Iterator[re.Match]:
    """``_WORDS_CORE.finditer(text)``: a spelled number starts the text or follows a
    non-word character (in ASCII text tried only where :func:`_word_core_starts` says one
    can begin; ``low`` is ``text.lower()``)."""
    if text.isascii():
        return iter(anchored(_WORDS_CORE, text,
                             _word_core_starts(text, text.lower() if low is None else low)))
    return _unicode_word_cores(text)


def _unicode_word_cores(text: str) -> Iterator[re.Match]:
    """:func:`_word_cores` for text that is not ASCII (where lower-casing may not map a
    letter to the one a case-insensitive match takes)."""
    pos = 0
    if text[:1] and text[0] in _FIRST:
        m = _WORDS_CORE.match(text, 0)
        if m is not None:
            yield m
            pos = m.end()
    match = _WORDS_CORE.match
    gap = globals().get("_WORDS_AFTER_GAP") or __getattr__("_WORDS_AFTER_GAP")
    for f in gap.finditer(text, pos):
        m = match(text, f.start("words"))
        if m is not None:  # always: the same pattern where \b holds
            yield m


_DIGIT_START = re.compile(r"[\d.](?:(?<=\.)(?=\d)|(?<!\.))")  # "5", ".5": a class first
# the two passes cannot cut into each other's matches: a spelled number holds no digit or
# point, and a digit core no letter a spelled number begins with (checked here)
assert not set(_FIRST) & set("x×"), "a digit core's letters begin no spelled number"


def _digit_cores(text: str) -> Iterator[re.Match]:
    search, match = _DIGIT_START.search, _DIGITS_CORE.match
    pos = 0
    while (c := search(text, pos)) is not None:
        m = match(text, c.start())
        if m is None:
            pos = c.start() + 1
        else:
            yield m
            pos = m.end()


def cores(text: str, low: str | None = None) -> Iterator[re.Match]:
    """The numeric cores of ``text`` in order, as ``CORE.finditer`` finds them (groups
    ``digits`` and ``words``), in a fraction of its time (``low``: ``text.lower()``, if
    the caller has it).

    >>> [m.group(0) for m in cores("one of 3,400 firms paid 1.5 times")]
    ['one', '3,400', '1.5']
    """
    words = _word_cores(text, low)
    w = next(words, None)
    if w is None:  # (most texts: the digit pass itself, no generator around it)
        return _digit_cores(text)
    return _merged(w, words, _digit_cores(text))


def _merged(w: re.Match, words: Iterator[re.Match], digits: Iterator[re.Match]
            ) -> Iterator[re.Match]:
    """The spelled cores (``w``, then ``words``) and the digit cores, in order."""
    for d in digits:
        while w is not None and w.start() < d.start():
            yield w
            w = next(words, None)
        yield d
    if w is not None:
        yield w
        yield from words


# A number read aloud, read in a pass of its own where "point" or "and-a-half" occurs
# (groups named as in CORE, so that the same reader takes it).
_LAZY["SPOKEN_CORE"] = lambda: re.compile(rf"(?P<digits>(?!))?(?P<words>(?i:\b{SPOKEN}\b))")
