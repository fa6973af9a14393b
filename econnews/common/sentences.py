"""Sentence spans in news text, as offsets into the original string.

A small rule-based splitter written for wire copy and web articles:

* a sentence ends at ``.``, ``!`` or ``?`` (optionally followed by closing
  quotes or brackets) when whitespace and then an upper-case letter, a digit,
  an opening quote or the end of the text follow;
* it does not end after abbreviations (``U.S.``, ``Corp.``, ``Mr.``, ``Feb.``,
  ``dlrs.``), single initials (``John F. Kennedy``) or inside decimals
  (``1.5``);
* a single newline inside a sentence is not a boundary (Reuters hard-wraps
  its lines at ~65 characters), but a blank line, or a newline followed by an
  indented line (Reuters' paragraph mark), always is.

>>> text = "The U.S. Trade Representative said exports rose 1.5 pct.\\nMr. Smith\\nagreed."
>>> [text[s:e] for s, e in split_sentences(text)]
['The U.S. Trade Representative said exports rose 1.5 pct.', 'Mr. Smith\\nagreed.']
"""

from __future__ import annotations

import bisect
import math
import re
from functools import lru_cache

#: Words that end with a full stop without ending the sentence (lower-cased,
#: without the final dot): titles and other words that stand before a name or a
#: number.  Unit abbreviations ("pct.", "dlrs.") are not here: in wire copy they
#: end sentences.
ABBREVIATIONS = frozenset(
    str.split("""
    mr mrs ms dr prof sen rep gov gen col lt capt sgt st mt jr sr messrs rev hon ca
    jan feb mar apr jun jul aug sep sept oct nov dec
    no nos vol fig approx est dept govt vs etc cf al
    """)
)
#: Company suffixes: a sentence ends after them only when a typical sentence
#: opener follows ("... Marubeni Corp. The deal ...").
COMPANY_SUFFIXES = frozenset(str.split("corp inc co ltd plc cos bros llc nv ag sa spa bhd pty"))
_OPENERS = frozenset(str.split("The It He She They We But This In A An That Its Their"))

# a candidate end: terminal punctuation, optional closing quotes/brackets, then white space
# or the end of the text (a paragraph ends before white space): "1.5" and "U.S.-Japan" are
# never candidates (:func:`_is_boundary` would reject them first thing). Written with the
# first mark alone ("[.!?][.!?]*", not "[.!?]+"): the engine then skips to it in C, a
# third faster over a long text than the repeat tried at every position
_END = re.compile(r"""[.!?][.!?]*["'”’)\]]*(?!\S)""")
# a paragraph break: blank line, or newline followed by indentation
_PARA = re.compile(r"\n[ \t\u00a0]*\n\s*|\n[ \t\u00a0]{2,}")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.&'-]*)$")
_WORD_CHARS_STR = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.&'-"


def _word_before(text: str, dot: int) -> str | None:
    """The word ``_WORD_BEFORE.search(text, max(0, dot - 40), dot)`` finds (or None),
    read back from ``dot``: the run of its characters that ends there (or before a final
    newline, where ``$`` also matches), from its first letter on.

    >>> _word_before("in the U.S. It", 10), _word_before("rose 5.", 6)
    ('U.S', None)
    """
    lo = max(0, dot - 40)
    end = dot - 1 if dot > lo and text[dot - 1] == "\n" else dot
    window = text[lo:end]
    run = window[len(window.rstrip(_WORD_CHARS_STR)):]  # the run of its characters (in C)
    return run.lstrip(".&'-") or None  # from its first letter: the run holds no other


def _is_boundary(text: str, end: int, dot: int, limit: int) -> bool:
    """Whether the punctuation run ``text[dot:end]`` closes a sentence."""
    if end < limit and not text[end].isspace():
        return False  # "1.5", "U.S.-Japan", "e.g.," (as below, without the slice)
    rest = text[end:min(limit, end + 40)]
    ws = len(rest) - len(rest.lstrip())
    if ws == 0 and rest:
        return False  # "1.5", "U.S.-Japan", "e.g.,"
    nxt = rest[ws:ws + 1]
    if nxt and not (nxt.isupper() or nxt.isdigit() or nxt in "\"'“‘([$£€¥"):
        return False  # next word lower-case: "the U.S. trade gap"
    if text[dot] != ".":
        return True
    before = text[dot - 1] if dot > 0 else ""
    if not (before in ".&'-\n" or (before.isascii() and before.isalpha())) or not before:
        return True  # a figure, a bracket or a sign before the stop: no word ends there
    word = _word_before(text, dot)
    if word is None:
        return True
    if len(word) == 1 and word.isupper():
        return False  # an initial: "John F. Kennedy"
    following = rest[ws:].split(None, 1)[0] if rest[ws:].strip() else ""
    if "." in word or word.lower() in COMPANY_SUFFIXES:  # "U.S", "U.K", "Corp"
        # "the U.S. It" is ambiguous; a following pronoun/article signals a
        # new sentence, a following capitalised noun usually does not
        return not following or following in _OPENERS
    return word.lower().rstrip("'") not in ABBREVIATIONS


def split_sentences(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of each sentence in ``text``, whitespace trimmed.

    ``text[start:end]`` is the sentence exactly as written (newlines kept).

    >>> split_sentences("Japan Oil Corp. and Inpex Corp. signed.  Sales fell 2.5%.")
    [(0, 39), (41, 57)]
    >>> split_sentences("")
    []
    """
    return list(_split_cached(text))


@lru_cache(maxsize=256)
def _split_cached(text: str) -> tuple[tuple[int, int], ...]:
    if "\n" not in text and not _END.search(text, 0, len(text) - 1):
        # one paragraph with no stop before its last character (a search that ends there
        # finds any candidate that begins earlier): one sentence, as _loop_spans finds
        n = len(text)
        if n and not text[0].isspace() and not text[-1].isspace():
            return ((0, n),)  # (most texts: nothing to trim)
        return _trimmed(text, ((0, n),))
    return _trimmed(text, _loop_spans(text))


def _loop_spans(text: str) -> list[tuple[int, int]]:
    """The sentence spans of ``text``, untrimmed: each boundary the stops mark."""
    spans: list[tuple[int, int]] = []
    paragraphs = iter(_paragraphs(text))
    start, p_end = next(paragraphs)
    # one pass over the whole text: a candidate holds no white space, so it never spans a
    # paragraph break (which starts with a newline, as white space as the end of a text)
    for m in _END.finditer(text):
        dot = m.start()
        while dot >= p_end:
            spans.append((start, p_end))
            start, p_end = next(paragraphs)
        end = m.end()
        if end == p_end or (p_end - end <= 40 and text[end:p_end].isspace()):
            # only white space follows in its paragraph (looked at when short: a slice
            # copies): a boundary or not, the spans come out the same once trimmed
            continue
        if _is_boundary(text, end, dot, p_end):
            spans.append((start, end))
            start = end
    spans.append((start, p_end))
    spans.extend(paragraphs)
    return spans


def _trimmed(text: str, spans) -> tuple[tuple[int, int], ...]:
    """``spans`` without the white space at their ends; those with nothing else dropped."""
    out = []
    for s, e in spans:
        seg = text[s:e]
        kept = seg.strip()
        if kept:  # the first character kept is the first that is not white space
            lead = s + seg.find(kept[0])
            out.append((lead, lead + len(kept)))
    return tuple(out)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    if "\n" not in text:  # every paragraph break starts with a newline
        return [(0, len(text))]
    out = []
    pos = 0
    for m in _PARA.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def sentence_at(spans: list[tuple[int, int]], offset: int) -> int | None:
    """Index of the span containing ``offset`` (or the last one starting before it);
    ``spans`` as :func:`split_sentences` gives them (ordered, not overlapping).

    >>> sentence_at([(0, 5), (7, 12)], 8)
    1
    >>> sentence_at([], 3) is None
    True
    """
    i = bisect.bisect_right(spans, (offset, math.inf)) - 1
    return i if i >= 0 else None
