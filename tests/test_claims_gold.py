"""The gold claims labels (benchmarks/gold/claims.jsonl) are well formed: ids and offsets only."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from econnews import schema

REPO = Path(__file__).resolve().parents[1]
GOLD = REPO / "benchmarks" / "gold" / "claims.jsonl"
HELDOUT = REPO / "benchmarks" / "gold" / "heldout.jsonl"
LABELS = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
HELD = [json.loads(line) for line in HELDOUT.read_text(encoding="utf-8").splitlines() if line]


def test_labels_are_ids_offsets_and_fields_no_text():
    assert len(LABELS) >= 100 and len(HELD) >= 10
    keys = {"id", "start", "end", "concept", "party_from", "party_to", "parties",
            "claim_type", "period", "speaker"}
    for g in LABELS + HELD:
        assert set(g) == keys
        assert g["concept"] in schema.CONCEPTS and g["claim_type"] in schema.CLAIM_TYPES
        assert 0 <= g["start"] < g["end"] and g["end"] - g["start"] < 40
        assert all(re.fullmatch(r"[A-Z]{2,5}", p) for p in g["parties"])
        assert {g["party_from"], g["party_to"]} - {None} <= set(g["parties"])
        assert g["period"] is None or re.fullmatch(r"(?:19|20)\d\d(?:Q[1-4]|-\d\d|/\d\d)?",
                                                   g["period"])


@pytest.mark.shared
def test_offsets_point_at_figures_in_the_sampled_stories(shared: Path):
    sys.path.insert(0, str(REPO / "benchmarks" / "gold"))
    import sample

    stories = sample.sample()
    assert len(stories) == 60
    assert sum(i.startswith("reuters21578-") for i in stories) == 40
    held = sample.heldout()
    assert not set(held) & set(stories)
    for g in LABELS + HELD:
        text = (stories.get(g["id"]) or held[g["id"]])["text"]
        figure = text[g["start"]:g["end"]]
        assert re.match(r"[\d$]|one|five|a third", figure), (g["id"], figure)
