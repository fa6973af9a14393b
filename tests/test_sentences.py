"""The sentence splitter (econnews.common.sentences): cases as a table, ids = the texts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from econnews.common.sentences import sentence_at, split_sentences

# (text, expected sentences): grouped by what they guard against
CASES = [
    # abbreviations that do not end a sentence
    ("The U.S. trade deficit widened. Japan's surplus grew.",
     ["The U.S. trade deficit widened.", "Japan's surplus grew."]),
    ("Inpex Corp. and Marubeni Corp. signed a deal. It is worth $1 billion.",
     ["Inpex Corp. and Marubeni Corp. signed a deal.", "It is worth $1 billion."]),
    ("Mr. Putin just noted a number. The diplomat said so.",
     ["Mr. Putin just noted a number.", "The diplomat said so."]),
    ("John F. Kennedy spoke. Trade rose.", ["John F. Kennedy spoke.", "Trade rose."]),
    ("Exports rose 1.5 pct. Imports fell 2.5 pct.", ["Exports rose 1.5 pct.", "Imports fell 2.5 pct."]),
    ("The deal was signed on Feb. 26 in Tokyo. Talks end today.",
     ["The deal was signed on Feb. 26 in Tokyo.", "Talks end today."]),
    ("Sales at Nippon Corp. The company said more.",
     ["Sales at Nippon Corp.", "The company said more."]),
    ("It traded with the U.K. and the U.S. on Monday.",
     ["It traded with the U.K. and the U.S. on Monday."]),
    # Reuters hard wraps, paragraph indents and blank lines
    ("Exports of American wine rose 14.9\nper cent last year, the Wine\nInstitute said.",
     ["Exports of American wine rose 14.9\nper cent last year, the Wine\nInstitute said."]),
    ("Japan's surplus grew\n    The ministry said more", ["Japan's surplus grew", "The ministry said more"]),
    ("A headline without a stop\n\nThe body starts here.",
     ["A headline without a stop", "The body starts here."]),
    # quotes and other terminators
    ("\u201cMr. Putin just noted a number.\u201d The diplomat agreed.",
     ["\u201cMr. Putin just noted a number.\u201d", "The diplomat agreed."]),
    ("Will trade grow? Nobody knows!", ["Will trade grow?", "Nobody knows!"]),
    ("Trade rose (see table.) Then it fell.", ["Trade rose (see table.)", "Then it fell."]),
    ("", []),
    ("   \n  ", []),
    # issue 10: the one splitter extract, claims and display share; wire copy
    ("The surplus was 5.3 billion dlrs. Exports rose.",
     ["The surplus was 5.3 billion dlrs.", "Exports rose."]),
    ("Sales fell 5 pct. in 1986 from 1985.", ["Sales fell 5 pct. in 1986 from 1985."]),
    ("TOKYO, March 3 - Japan's surplus rose. It fell later.",
     ["TOKYO, March 3 - Japan's surplus rose.", "It fell later."]),
    ("Shr 12 cts vs 10 cts\n    Net 613,986 vs 534,093\n    Revs 1.2 mln vs 1.1 mln",
     ["Shr 12 cts vs 10 cts", "Net 613,986 vs 534,093", "Revs 1.2 mln vs 1.1 mln"]),
    # ... and web text
    ("Climbers on Mt. Fuji spent $2 mln. A U.N. report said so.",
     ["Climbers on Mt. Fuji spent $2 mln.", "A U.N. report said so."]),
    ("Trade with the U.S. rose 3%, e.g. in cars. It grew.",
     ["Trade with the U.S. rose 3%, e.g. in cars.", "It grew."]),
    ("Exports rose to $1.5bn. Imports fell...", ["Exports rose to $1.5bn.", "Imports fell..."]),
    ("Web paragraph one ends here.\nWeb paragraph two starts here.",
     ["Web paragraph one ends here.", "Web paragraph two starts here."]),
    ('He said: "Trade will double." Then he left.',
     ['He said: "Trade will double."', "Then he left."]),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_split(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


@pytest.mark.shared
def test_example_article_title_is_its_own_sentence(example_text: str) -> None:
    spans = split_sentences(example_text)
    first = example_text[spans[0][0]:spans[0][1]]
    assert first.startswith("Tokyo rejects") and first.endswith("$30 billion")
    sentences = [example_text[s:e] for s, e in spans]
    assert "The total amount of Japanese investments is $ 2.2 billion." in sentences


@given(st.lists(st.sampled_from(["Trade rose 1.5 pct.", "Mr. Abe said", "the U.S.", "\n",
                                 "\n\n", "    ", "Inpex Corp.", "It fell!", "$ 2.2 billion"]),
                max_size=12))
def test_spans_are_ordered_trimmed_and_cover_all_words(parts: list[str]) -> None:
    text = " ".join(parts)
    spans = split_sentences(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        last = e
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(text.split()) == "".join(covered.split())


def test_sentence_at() -> None:
    spans = [(0, 10), (12, 20)]
    assert sentence_at(spans, 0) == 0
    assert sentence_at(spans, 15) == 1
    assert sentence_at(spans, 11) == 0  # in the gap: the sentence before


@pytest.fixture(scope="module")
def example_text() -> str:
    """The publisher's verbatim text of the model article (../shared/examples/ only)."""
    import os
    from pathlib import Path

    shared = Path(os.environ.get("ECONNEWS_SHARED")
                  or Path(__file__).resolve().parents[2] / "shared")
    path = shared / "examples" / "russia-japan-trade-30bn.txt"
    if not path.is_file():
        pytest.skip(f"the model article's verbatim text {path} is absent (third-party text, "
                    "kept in ../shared/examples/ only; set ECONNEWS_SHARED)")
    return path.read_text(encoding="utf-8")
