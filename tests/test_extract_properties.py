"""Properties of the extractor that hold for any string (hypothesis)."""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import econnews as en
from econnews import schema

# text made of the pieces the grammar cares about, so that the search reaches it
PIECES = st.sampled_from([
    "$", " ", "1", "2", "0", ",", ".", "-", "–", "%", "bn", "billion", "mln", "dlrs", "yen",
    "between ", " and ", " to ", "about ", "rose ", "fell ", "times", "half", "a ", "one",
    "thirty", "pct", "per cent", "€", "£", "¥", "Rs ", "EUR", "crore", "lakh", "(", ")",
    "\n", "k", "m", "/", ":", "year-old", "people", "km", "x20ac", "PS", "US$", "×", "𝟙",
])
TEXT = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=80).map("".join))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_any_string_gives_a_valid_table(text):
    q = en.extract(text)
    schema.validate(q, schema.QUANTITIES)
    for r in q.itertuples():
        assert text[r.start:r.end] == r.surface
        assert math.isfinite(r.value) and math.isfinite(r.low) and math.isfinite(r.high)
        assert r.low <= r.value <= r.high
        assert r.sent_start <= r.start and r.end <= r.sent_end
    starts = q["start"].tolist()
    assert starts == sorted(starts)


@settings(max_examples=50, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=40).map("".join), st.integers(1, 30))
def test_mentions_do_not_depend_on_what_comes_far_before(text, pad):
    """Shifting a text right by a paragraph shifts every offset by that much."""
    prefix = "Nothing here.\n\n" * pad
    a = en.extract(text)
    b = en.extract(prefix + text)
    assert (b["start"] - len(prefix)).tolist() == a["start"].tolist()
