"""The extractor's fast paths (issue 24) read exactly what the plain regexes read: the
numeric cores in two passes, the guarded currency-suffix and measure patterns, and the
cheap necessary conditions in front of the whole-text word passes."""

from __future__ import annotations

import random
import re

import pytest

from econnews.extraction import grammar as g
from econnews.extraction import numerals as num

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
    assert _spans(num.cores(text)) == _spans(num.CORE.finditer(text))


def test_guarded_patterns_match_as_their_regex_everywhere():
    for text in _texts():
        for guarded in (g.SUFFIX_AFTER, g.MEASURE_AFTER):
            for pos in range(len(text) + 1):
                a, b = guarded.regex.match(text, pos), guarded.match(text, pos)
                assert (a and a.span()) == (b and b.span()), (text, pos)


def test_word_pass_conditions_hold_wherever_the_pass_matches():
    for text in _texts():
        if num.SPOKEN_CORE.search(text):
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
    for letter, variants in num._FOLD.items():
        assert {c for c in variants} == {c for c in map(chr, range(0x3000))
                                         if re.fullmatch(f"(?i:{letter})", c)}


# issue 24, second session: the cheap tests in front of single regex calls
_WORDS = ["one", "ONE", "a", "An", "half", "HALF an", "hundred", "million", "thousand",
          "twenty", "two", "ſix", "SİX", "sıx", "seventy-one", "and", "a half", "the", "to",
          "said", "ninety", "eleven", "zero", "A\u00a0million", "an\tthousand", "-", ",", "\n",
          "5", "x", "$", "US$", "EUR", "eur", "Rs.", "C $", "R", "PS", "Y=", "DM", "kr", "¥",
          "minus", "MINUS", "Negative", "−", "- ", "am", "p.m.", "GMT", "hrs", "h", ":30",
          ".30", "(555)", "555-123-4567", "of June", "Oct", "ſept", "DEC", "AD", "A.D.",
          "BC", "B.C.", "pct", "dlrs", "mln", "tonnes", "people", "%", ")", ".", ";"]


def _soup(n: int = 3000) -> list[str]:
    rnd = random.Random(242)
    return [" ".join(rnd.choice(_WORDS) for _ in range(rnd.randrange(1, 25))) for _ in range(n)]


def test_cores_are_what_core_finditer_finds_in_word_soup():
    # the spelled-number pass looks at two letters first ("to", "said" are skipped)
    for text in _soup():
        assert _spans(num.cores(text)) == _spans(num.CORE.finditer(text)), text


def test_cheap_window_tests_hold_wherever_their_regex_matches():
    from econnews.extraction import rejects as r

    unit_patterns = _unit_patterns()
    for text in _soup() + _texts():
        for s in range(len(text) + 1):
            if g.PREFIX_BEFORE.search(text, max(0, s - 8), s):
                assert g.prefix_may_end(text, s), (text, s)
            if g.MINUS_BEFORE.search(text, max(0, s - 10), s) and g.space_before(text, s):
                window = text[max(0, s - 10) : s]
                assert not window.isascii() or "-" in window or "minus" in window.lower() \
                    or "negative" in window.lower(), (text, s)
            right = text[s : s + 1]
            if g.TIME_AFTER.match(text, s):
                assert right in r._TIME_FIRST or right.isspace() or not right.isascii()
            if r._ERA_AFTER.match(text, s):
                assert right in "AB" or right.isspace()
            if g.MONTH_AFTER.match(text, s):
                nx = text[s + 1 : s + 2]
                assert nx in r._MONTH_AFTER_FIRST or not nx.isascii(), (text, s)
            if g.PHONE.match(text, s) and text[s : s + 1].isdigit():
                c3 = text[s + 3 : s + 4]
                assert c3 in ").-" or c3.isspace(), (text, s)
            # units._unit gives up at punctuation or the end: no pattern it tries (without
            # a currency prefix) can match there
            c = text[s : s + 1]
            if not c or (c.isascii() and not (c.isalpha() or c.isspace() or c in "-%$")):
                hit = [p.pattern for p in unit_patterns if p.match(text, s)]
                assert not hit, (text, s, hit)


def _unit_patterns() -> list[re.Pattern]:
    from econnews.extraction import counts, measures, units

    return [g.PERCENT_AFTER, g.RATIO_AFTER, g.SUFFIX_AFTER.regex, g.CENTS_AFTER, g.AGE_AFTER,
            g.MEASURE_AFTER.regex, units._LETTER_AFTER, units._GENERATION_AFTER,
            measures._WORDS, counts._ABBREV_COUNT, counts._POINT_AFTER, counts._ONE_OF,
            counts._MORE, counts._WORD]


def _lexicon_probes(items: list[tuple[str, bool]]) -> list[str]:
    """Each word as written, in other cases and with the letters that fold to ASCII ones,
    before the characters that end or extend a match."""
    rnd = random.Random(2424)
    folds = {"s": "ſ", "k": "\u212a", "i": "ı", "I": "İ", "S": "ſ", "K": "\u212a"}
    out = []
    for word, _ in items:
        for form in {word, word.lower(), word.upper(), word.title(), word.swapcase(),
                     "".join(folds.get(c, c) for c in word)}:
            out.append(form + rnd.choice(["", "s", " ", "x", ".", "1", "-", "S"]))
    return out


@pytest.mark.parametrize("where", ["prefix", "suffix", "measures"])
def test_grouped_lexicon_alternations_match_as_the_plain_ones(where):
    """``lexicon.grouped_alternation`` (issue 24: a first-letter test in front of each
    group of words) matches what the plain alternation of the same words matches, at
    every position and with what follows the match deciding (the engine backtracks into
    the alternation in the same order)."""
    from econnews.extraction import lexicon as lx

    if where == "measures":
        items = [(m.surface, m.any_case)
                 for m in sorted(lx.measures(), key=lambda m: (-len(m.surface), m.surface))]
    else:
        cur = [c for c in lx.currencies() if c.where in (where, "both")]
        items = sorted([(c.surface, c.any_case) for c in cur], key=lambda p: (-len(p[0]), p[0]))
    grouped, plain = lx.grouped_alternation(items), lx._plain(items)
    assert grouped != plain  # the groups are used
    for tail in ("", r"(?![A-Za-z])", r"\s?$"):
        a, b = re.compile(grouped + tail), re.compile(plain + tail)
        text = " ".join(_lexicon_probes(items)) + " " + " ".join(_texts()[:40])
        for pos in range(len(text)):
            ma, mb = a.match(text, pos), b.match(text, pos)
            assert (ma and ma.span()) == (mb and mb.span()), (where, tail, text[pos:pos + 20])


def test_spoken_cores_are_what_the_whole_text_pass_finds():
    """``wordforms.spoken_cores`` tries SPOKEN_CORE only before "point" and "and-a-half"
    (issue 24): the same matches as ``SPOKEN_CORE.finditer`` over the whole text."""
    from econnews.extraction.wordforms import spoken_cores

    rnd = random.Random(2425)
    pieces = ["six", "SIX", "ſix", "seventeen", "twenty-one", "12", "1234", "0", "-", " ", "  ",
              "\n", "point", "POINT", "poınt", "-point-", " point ", "two", "oh", "zero",
              "percent", " billion", "and-a-half", "-and-a-half", "x", ".", "at one point"]
    texts = _texts()[:40] + [
        "".join(rnd.choice(pieces) for _ in range(rnd.randint(1, 40))) for _ in range(3000)
    ]
    for text in texts:
        want = [m.span() for m in num.SPOKEN_CORE.finditer(text)]
        assert [m.span() for m in spoken_cores(text)] == want, text


def _prefix_soup() -> list[str]:
    """Currency prefixes of every length glued, spaced and cased every way, between
    digits, letters and line breaks (where the search from the first possible start
    could miss a longer prefix, a case-free one or one before a final newline)."""
    from econnews.extraction import lexicon as lx

    surfaces = [c.surface for c in lx.currencies() if c.where in ("prefix", "both")]
    rnd = random.Random(2425)
    parts = surfaces + [s.lower() for s in surfaces] + [s.upper() for s in surfaces] + [
        " ", "\n", " \n", "1", "2,", "A", "x", "Series ", "U.S. ", "-", "ſ", "é"]
    return ["".join(rnd.choice(parts) for _ in range(rnd.randint(1, 12))) + rnd.choice(
        ["5", "", "\n", " "]) for _ in range(3000)]


def test_prefix_before_is_the_window_search():
    for text in _prefix_soup() + _soup() + _texts():
        for s in range(len(text) + 1):
            for back in (8, 9):
                want = g.PREFIX_BEFORE.search(text, max(0, s - back), s)
                got = g.prefix_before(text, s, back)
                assert (want and want.span()) == (got and got.span()), (text, s, back)


def test_one_hint_pass_finds_what_the_word_lists_find():
    """scan._ANY_HINT finds a text exactly when one of the three hint lists' words occurs
    in it (the word-only passes are skipped on the pass's answer)."""
    from econnews.extraction import scan

    words = (*scan._FRACTION_HINTS, *scan._RATIO_HINTS, *scan._APPROX_HINTS)
    rnd = random.Random(7)
    pieces = [*words, *(w[:-1] for w in words), *(w[1:] for w in words), " ", "x", "by ",
              "hal", "f", "s"]
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(0, 6)))
             for _ in range(3000)]
    for text in texts:
        low = text.lower()
        assert (scan._ANY_HINT.search(low) is not None) == any(w in low for w in words), text


def test_movement_gaps_begin_and_end_with_white_space():
    """context._movements skips a pair whose gap is shorter than four characters or does
    not begin and end with white space: neither gap pattern can match it."""
    from econnews.extraction import context as c

    rnd = random.Random(11)
    pieces = [" ", "  ", "\n", "to", "TO", "from", "From", "about", "more than", ",", "(",
              "x", "rose", " to ", " from ", "\t"]
    gaps = ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(0, 8)))
            for _ in range(4000)] + [" to ", " from ", "  to\n", " rose to about "]
    for gap in gaps:
        text = "5" + gap + "6"
        for pattern in (c._GAP_TO, c._GAP_FROM):
            if pattern.fullmatch(text, 1, 1 + len(gap)):
                assert len(gap) >= 4 and gap[0].isspace() and gap[-1].isspace(), gap


def test_unit_letter_gates_hold_wherever_their_regex_matches():
    """units._unit tries CENTS_AFTER, AGE_AFTER and _LETTER_AFTER only where a look at the
    next characters says their word can begin there."""
    from econnews.extraction import units

    rnd = random.Random(5)
    pieces = ["5", " ", "  ", "-", " - ", "\u00a0", "\n", "c", "C", "cents", "cts", "ct",
              "US", "U.S.", "us", "year", "years", "Year", "yrs", "YRS", "-old", " old", "old",
              "kts", "kt", "kn", "A", "C", "F", "R", "V", "b", "k", "x", "ſ", "é", ".", ","]
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 9)))
             for _ in range(4000)]
    texts += ["5 cents", "5 US cents", "5 - c", "5-year-old", "5 yrs old", "5 kts", "5 A",
              "5\u00a0cents", "5 U.S. cts", "5 -cts", "5 years-old"]
    for text in texts:
        for s in range(len(text) + 1):
            head = text[s : s + 4]
            if g.CENTS_AFTER.match(text, s):
                assert not head.isascii() or not units._CENTS_FIRST.isdisjoint(head), (text, s)
            if g.AGE_AFTER.match(text, s):
                assert text[s + 1 : s + 2] in units._Y, (text, s)
            if units._LETTER_AFTER.match(text, s):
                c = text[s : s + 1]
                assert c in units._LETTER_FIRST or (
                    c.isspace() and text[s + 1 : s + 2] in units._LETTER_FIRST), (text, s)


def test_count_bracket_and_prefix_gates_hold_wherever_their_regex_matches():
    """Issue 24, eighth session: the count reader's four patterns, the bracketed amount
    after a unit and the scale word are tried only where a look at the next characters
    says they can match; the prefix search is spared after a space with no prefix's last
    character before it."""
    from econnews.extraction import counts, per

    rnd = random.Random(8)
    pieces = ["5", " ", "  ", "\n", "\t", "-", "of", "Of", "OF", "of the", "more", "MORE",
              "Fewer", "extra", "additional", "points", "PTS", "pt", "P", "p", "bn", "BN",
              "(", ")", "($4)", "( US $4.46 )", "million", "$", "Rs", "C", "€", "ſ", "é",
              "\u00a0", ",", ".", "x", "cars", "kg"]
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(1, 9)))
             for _ in range(4000)]
    texts += ["5 of the cars", "5  of the cars", "5\nof their", "5 more cars", "5 points",
              "5 ($4)", "5 (US $4.46) per share", "5 bn", "paid $ 5", "Rs 5", "x C $5"]
    for text in texts:
        for s in range(len(text) + 1):
            spaced = text[s : s + 1].isspace()
            if counts._ABBREV_COUNT.match(text, s) or counts._POINT_AFTER.match(text, s):
                assert spaced, (text, s)
            if counts._POINT_AFTER.match(text, s):
                assert text[s + 1 : s + 2] in counts._P, (text, s)
            if counts._ONE_OF.match(text, s):
                assert spaced and (text.startswith("of", s + 1)
                                   or text[s + 1 : s + 2].isspace()), (text, s)
            if counts._MORE.match(text, s):
                assert spaced and text[s + 1 : s + 2] in counts._MORE_FIRST, (text, s)
            if per._BRACKETED_AMOUNT.match(text, s):
                assert "(" in text[s : s + 2], (text, s)
            if text[s - 1 : s] == " " and not (
                    s >= 2 and (text[s - 2] in g.PREFIX_LAST or not text[s - 2].isascii())):
                assert not g.prefix_may_end(text, s), (text, s)


def test_one_sentence_texts_split_as_the_loop_splits_them():
    """common.sentences: a text without a newline or a stop before its last character
    is one sentence without the loop; the loop gives the same spans."""
    from econnews.common import sentences as st

    rnd = random.Random(9)
    pieces = ["Sales rose", " ", "  ", "5.5", "U.S.", ".", "!", "?", "\"", ")", "Mr.", "It",
              "the", "\t", "x", "Corp.", " The", "e.g.", "”"]
    texts = ["".join(rnd.choice(pieces) for _ in range(rnd.randrange(0, 10)))
             for _ in range(3000)] + ["", " ", "Up 5%.", " Up 5%. ", "Up. Down."]
    for text in texts:
        if "\n" in text:
            continue
        st._split_cached.cache_clear()
        fast = st.split_sentences(text)
        assert fast == list(st._trimmed(text, st._loop_spans(text))), text


def test_unit_words_begin_with_a_first_word_the_gate_knows():
    """measures._lookup_words returns at once for a word no unit begins with: every
    symbol and surface that names a unit begins with one of ``_first_words``."""
    from econnews.extraction import measures

    symbols, surfaces = measures._units()
    first_symbol, first_surface = measures._first_words()
    for key, (name, _) in symbols.items():
        if name:
            assert key.split(" ")[0] in first_symbol
    for key, (name, _) in surfaces.items():
        if name:
            assert key.split(" ")[0] in first_surface
    assert measures.lookup("5 square kilometres", 1)[1] == "square kilometre"
    assert measures.lookup("5 people", 1) is None
