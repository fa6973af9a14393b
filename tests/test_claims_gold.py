"""The gold claims labels (benchmarks/gold/*.jsonl) are well formed: ids, offsets and
fields only; the sets are disjoint; offsets point at figures in their stories."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from econnews import schema

REPO = Path(__file__).resolve().parents[1]
GOLD_DIR = REPO / "benchmarks" / "gold"
FILES = ["claims.jsonl", "heldout.jsonl", "dev_written.jsonl", "test.jsonl",
         "default_data.jsonl"]
LABELS = {f: [json.loads(line) for line in (GOLD_DIR / f).read_text(encoding="utf-8")
              .splitlines() if line.strip()] for f in FILES}
KEYS = {"id", "start", "end", "concept", "party_from", "party_to", "parties", "claim_type",
        "period", "speaker"}
#: 2017 · 1987-01 · 2019Q1 · 1987/88 · FY1986 · 2016-01/2016-09 (a partial period)
PERIOD = re.compile(r"(?:FY)?(?:19|20)\d\d(?:Q[1-4]|-\d\d|/\d\d)?"
                    r"|(?:19|20)\d\d-\d\d/(?:19|20)\d\d-\d\d")


@pytest.mark.parametrize("name", FILES)
def test_labels_are_ids_offsets_and_fields_no_text(name: str):
    labels = LABELS[name]
    assert len(labels) >= {"claims.jsonl": 100, "heldout.jsonl": 10, "test.jsonl": 100,
                           "dev_written.jsonl": 150, "default_data.jsonl": 40}[name]
    for g in labels:
        assert set(g) - {"surface"} == KEYS, g
        assert g["concept"] in schema.CONCEPTS and g["claim_type"] in schema.CLAIM_TYPES
        assert 0 <= g["start"] < g["end"] and g["end"] - g["start"] < 60
        assert "surface" not in g or len(g["surface"]) == g["end"] - g["start"]
        assert all(re.fullmatch(r"[A-Z]{2,8}", p) for p in g["parties"]), g
        assert {g["party_from"], g["party_to"]} - {None} <= set(g["parties"])
        assert g["period"] is None or PERIOD.fullmatch(g["period"]), g


def test_sets_share_no_story():
    ids = {f: {g["id"] for g in LABELS[f]} for f in FILES}
    for i, a in enumerate(FILES):
        for b in FILES[i + 1:]:
            assert not ids[a] & ids[b], (a, b, sorted(ids[a] & ids[b])[:3])


def test_written_sets_hold_their_own_stories():
    sys.path.insert(0, str(GOLD_DIR))
    import sample

    for name in ("dev-written",):
        gold, stories = sample.labelled(name)
        for g in gold:
            assert stories[g["id"]]["text"][g["start"]:g["end"]] == g["surface"]


@pytest.mark.shared
def test_offsets_point_at_figures_in_the_sampled_stories(shared: Path):
    sys.path.insert(0, str(GOLD_DIR))
    import sample

    stories = sample.sample()
    assert len(stories) == 60
    assert sum(i.startswith("reuters21578-") for i in stories) == 40
    held = sample.heldout()
    assert not set(held) & set(stories)
    for g in LABELS["claims.jsonl"] + LABELS["heldout.jsonl"]:
        text = (stories.get(g["id"]) or held[g["id"]])["text"]
        figure = text[g["start"]:g["end"]]
        assert re.match(r"[\d$]|one|five|a third", figure), (g["id"], figure)
