"""The extractor's fast paths (issue 24) read exactly what the plain regexes read: the
numeric cores in two passes, the guarded currency-suffix and measure patterns, and the
cheap necessary conditions in front of the whole-text word passes."""

from __future__ import annotations

import random
import re

import pytest

from econnews.extraction import grammar as g

_TRICKY = [
    "Putin proposed to raise trade to $30 billion, by 1.5 times, up from 20 bln dlrs.",
    "ONE HUNDRED AND TWENTY tonnes; ſix thouſand barrels a day; SİX, sıx, \u212ailo",
    "half a million people, a Billion yen, twenty-one km/h, 3 x 10^5 units, 5×10^3",
    "six-point-two percent, one in six, ONE OUT OF TEN, a quarter of the market, by a third",
    "EUR 105.8 ( 83.4 ) million, Rs 5,000 crore, 2.5 mln stg, 12 DLRS, 40 Kms, 7 p",
    "1,23,456.78 and 1 1/2 and 8-1/8 and .5 and 3⁄4 and 10 000 and 1987/88",
    "",
    "x",
]


def _texts() -> list[str]:
    rnd = random.Random(24)
    alphabet = "onetwhrfivsxzAaIİıſK\u212a $€-_.,1234567890/×^ \n"
    return _TRICKY + ["".join(rnd.choice(alphabet) for _ in range(120)) for _ in range(400)]


def _spans(matches) -> list[tuple]:
    return [(m.span(), m.group("digits"), m.group("words")) for m in matches]


@pytest.mark.parametrize("text", _texts()[:60])
def test_cores_are_what_core_finditer_finds(text):
    assert _spans(g.cores(text)) == _spans(g.CORE.finditer(text))


def test_guarded_patterns_match_as_their_regex_everywhere():
    for text in _texts():
        for guarded in (g.SUFFIX_AFTER, g.MEASURE_AFTER):
            for pos in range(len(text) + 1):
                a, b = guarded.regex.match(text, pos), guarded.match(text, pos)
                assert (a and a.span()) == (b and b.span()), (text, pos)


def test_word_pass_conditions_hold_wherever_the_pass_matches():
    for text in _texts():
        if g.SPOKEN_CORE.search(text):
            assert g.SPOKEN_DASHED_HINT.search(text) or g.SPOKEN_SPACED_HINT.search(text)
        if g.ONE_IN.search(text):
            assert g.ONE_IN_HINT.search(text)
        if g.FRACTION_WORD.search(text):
            assert "half" in text.lower() or g.FRACTION_HINT.search(text)
        if g.FRACTION_CHANGE.search(text):
            assert g.FRACTION_CHANGE_HINT.search(text)


def test_case_folds_the_fast_paths_rely_on():
    # the non-ASCII characters a case-insensitive regex matches to an ASCII letter
    folds = {c for c in map(chr, range(0x80, 0x3000)) if re.fullmatch("(?i:[a-z])", c)}
    assert folds <= set(g._FOLDS_TO_ASCII)
    for letter, variants in g._FOLD.items():
        assert {c for c in variants} == {c for c in map(chr, range(0x3000))
                                         if re.fullmatch(f"(?i:{letter})", c)}
