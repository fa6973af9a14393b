"""The first-character look-ahead keeps every match of a lexicon alternation."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from econnews.claims.parse import _concept_lexicon, _concept_rules
from econnews.common.lexicon import Lexicon
from econnews.common.regex import (
    first_chars,
    first_pairs,
    trie_alternation,
    with_first_chars,
    with_start_filter,
)


def test_first_chars_of_common_shapes() -> None:
    assert first_chars(r"(?:re-)?exports?") == frozenset("rReE")
    assert first_chars(r"(?:the )?trade") == frozenset("tT")
    assert first_chars(r"[A-C]x|\d+") is None        # a digit class: any character
    assert first_chars(r"(?:a)?") is None             # may match empty


_CONCEPT = _concept_rules()[0]
_PLAIN = re.compile(_CONCEPT.pattern.split(")", 1)[1], re.IGNORECASE)  # without the look-ahead
_WORDS = ["trade", "surplus", "exports", "Imports", "the", "deficit", "investment", "aid",
          "loans", "-", "re-exports", "current account", "Trade Minister", "FDI", "of", ","]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=12))
def test_the_look_ahead_finds_what_the_plain_pattern_finds(words: list[str]) -> None:
    text = " ".join(words)
    got = [(m.start(), m.end(), m.lastgroup) for m in _CONCEPT.finditer(text)]
    want = [(m.start(), m.end(), m.lastgroup) for m in _PLAIN.finditer(text)]
    assert got == want
    by_char = [(m.start(), m.end(), "c" + m.lastgroup[1:])
               for m in _concept_lexicon()[0].finditer(text)]
    assert by_char == want


def test_with_first_chars_compiles_unknown_patterns_unchanged() -> None:
    assert with_first_chars(r"\w+").pattern == r"\w+"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abtrdeoxpsi -", max_size=40))
def test_a_lexicon_matches_like_its_single_pattern(text: str) -> None:
    lex = Lexicon(["trade surplus", "trade", "exports?", "(?:re-)?exports? to", "aid|assistance"],
                  re.IGNORECASE)
    assert [(m.span(), m.lastgroup) for m in lex.finditer(text)] == \
        [(m.span(), m.lastgroup) for m in lex.pattern.finditer(text)]


_CONCEPT_WORDS = [*_WORDS, "coffee export earnings", "earnings from", "sales to the U.S.",
                  "\u212aorea", "ſurplus", "expoſts", "trade\u00a0surplus", "Exp", "e"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CONCEPT_WORDS), max_size=12))
def test_the_concept_lexicon_matches_like_its_single_pattern(words: list[str]) -> None:
    # pairs of characters pick the phrases; case-folded letters (the kelvin sign, the long
    # s) and non-ASCII spaces fall back to the single pattern, never to a crash
    lex = _concept_lexicon()[0]
    text = " ".join(words)
    assert [(m.span(), m.lastgroup) for m in lex.finditer(text)] == \
        [(m.span(), m.lastgroup) for m in lex.pattern.finditer(text)]


def test_first_pairs_of_common_shapes() -> None:
    assert first_pairs(r"(?:re-)?exports?|trade") == frozenset({"re", "ex", "tr"})
    assert first_pairs(r"[Aa]id|FDI", re.IGNORECASE) == frozenset({"ai", "fd"})
    assert first_pairs(r"a|ab") is None                  # a match of one character
    assert first_pairs(r"\w+ trade") is None             # too many pairs


_PERIOD_WORDS = ["the emirate", "bilateral", "its", "last", "year", "the", "first", "quarter", "1987", "1987/88", "fiscal", "in",
                 "January", "to", "March", "May", "H1", "Q3", "a", "ago", "since", "x1990",
                 "months", "six", "-", ",", "21st", "half"]


def _without_look_ahead(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern a start filter was put in front of: its guard and look-ahead taken off."""
    text = pattern.pattern
    while text.startswith(("(?=", "(?<")):  # a guard, then the look-ahead
        depth = 0
        for i, ch in enumerate(text):
            if text[i - 1:i] != "\\":
                depth += {"(": 1, ")": -1}.get(ch, 0)
            if depth == 0:
                text = text[i + 1:]
                break
    assert text.startswith("(?:"), pattern.pattern
    return re.compile(text, pattern.flags)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PERIOD_WORDS), max_size=14), st.sampled_from([" ", "", "\n"]))
def test_a_start_filter_keeps_every_match(words: list[str], sep: str) -> None:
    from econnews.claims.periods import _PERIOD
    from econnews.claims.story import _descriptions
    from econnews.claims.voice import _hedge_rules

    text = sep.join(words)
    for rule in [_PERIOD, _descriptions(), *(r for r, _ in _hedge_rules())]:
        plain = _without_look_ahead(rule)
        assert [(m.span(), m.groupdict()) for m in rule.finditer(text)] == \
            [(m.span(), m.groupdict()) for m in plain.finditer(text)]


def test_with_start_filter_shapes() -> None:
    assert with_start_filter(r"\bplans?\b|\bwill\b").pattern.startswith("(?=(?-i:[PWpw]))")
    many = with_start_filter(r"\b(?:ab|bc|cd|de|ef|fg|gh|hi|ij|jk|kl|lm|mn|no|op|pq|qr)\b")
    # two letters at a word start, the first exact in each of its cases
    assert many.pattern.startswith(r"(?=\b(?:(?-i:a)(?i:b)|(?-i:A)(?i:b)|")
    assert with_start_filter(r".x").pattern == r".x"            # no filter known
    assert with_start_filter(r"\bin\s\d").pattern.startswith("(?=(?-i:[Ii\u0130\u0131]))")
    verbose = with_start_filter("\\b(?:year)  # a comment\n", re.VERBOSE)
    assert verbose.search("this year").group(0) == "year"
    kelvin = with_start_filter(r"\bkm\b", re.IGNORECASE)      # case folds still match
    assert kelvin.search("5 \u212am") is not None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["US", "USA", "U.S.", "UK", "U", "Sudan", "South Sudan",
                                 "South", "Africa", "South Africa", " ", ",", "x"]), max_size=10))
def test_a_trie_alternation_matches_like_the_sorted_one(words: list[str]) -> None:
    names = ["US", "USA", "U.S.", "UK", "Sudan", "South Sudan", "South Africa"]
    text = " ".join(words)
    trie = re.compile(rf"(?<![\w.])(?:{trie_alternation(names)})(?!\w)")
    flat = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(n) for n in sorted(
        names, key=len, reverse=True)) + r")(?!\w)")
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in flat.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["coffee", "export", "earnings", "exports", "the", "-", "e",
                                 "Export", "earn", "é"]), max_size=10))
def test_gated_phrases_keep_their_order_in_the_lexicon(words: list[str]) -> None:
    # a phrase that can begin with any word is tried apart from the ones a pair of
    # characters picks; where both match at one place, the one first in order wins
    lex = Lexicon(["export", "(?:[a-z]+ )?export earnings", "exports?", "earn(?:ings)?"],
                  re.IGNORECASE)
    text = " ".join(words)
    assert [(m.span(), m.lastgroup) for m in lex.finditer(text)] == \
        [(m.span(), m.lastgroup) for m in lex.pattern.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab_ .-é1\u0301", max_size=10), st.text(alphabet="ab_ .-é1\u0301",
                                                               max_size=3))
def test_holds_word_is_a_search_for_the_word_between_boundaries(text: str, word: str) -> None:
    from econnews.common.text import holds_word

    assert holds_word(text, word) == (re.search(rf"\b{re.escape(word)}\b", text) is not None)


def test_the_case_folds_are_every_character_that_matches_an_ascii_letter_case_blind():
    from econnews.common.regex import CASE_FOLDS

    letter = re.compile("[a-z]", re.IGNORECASE)
    found: dict[str, str] = {}
    for code in range(0x80, 0x110000):
        ch = chr(code)
        if letter.match(ch):
            for c in "abcdefghijklmnopqrstuvwxyz":
                if re.match(c, ch, re.IGNORECASE):
                    found[c] = found.get(c, "") + ch
    assert found == CASE_FOLDS


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="tThHeEkK\u212asS\u017fiI\u0130\u0131éÉ1 -", max_size=12))
def test_literal_first_matches_like_a_case_blind_alternation(text: str) -> None:
    from econnews.common.regex import literal_first

    heads = {"th", "te", "k", "si", "é", "1 ", "is"}
    want = re.compile("(?=(?i:" + "|".join(sorted(heads)) + "))")
    for flags in (0, re.IGNORECASE):
        got = re.compile("(?=" + literal_first(heads) + ")", flags)
        assert [m.start() for m in got.finditer(text)] == [m.start() for m in want.finditer(text)]
