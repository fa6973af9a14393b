"""The first-character look-ahead keeps every match of a lexicon alternation."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from econnews.claims.parse import _concept_lexicon, _concept_rules
from econnews.common.regex import Lexicon, first_chars, with_first_chars


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
