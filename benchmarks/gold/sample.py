"""The gold claims sample: which stories benchmarks/gold/claims.jsonl labels.

Drawn once with a fixed seed from ../shared/corpora (third-party texts, never copied
here): 40 Reuters-21578 stories tagged ``trade`` (with text) and 20 BBC business
stories, chosen by position in the sorted id lists, not by how econnews reads them.

Run:  python benchmarks/gold/sample.py   (prints the ids)
"""

from __future__ import annotations

import gzip
import json
import os
import random
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("ECONNEWS_SHARED") or ROOT.parent / "shared")
REUTERS = SHARED / "corpora" / "reuters21578" / "reuters21578.jsonl.gz"
BBC = SHARED / "corpora" / "bbc" / "business"
SEED = 11
N_REUTERS = 40
N_BBC = 20


@lru_cache(maxsize=1)
def reuters_trade() -> dict[str, dict]:
    """Every Reuters-21578 story tagged ``trade`` that has text, by id (read once a
    process; every draw below picks from it, so the table is shared: do not change it)."""
    out = {}
    with gzip.open(REUTERS, "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if "trade" in r.get("topics", []) and (r.get("text") or "").strip():
                out[r["id"]] = r
    return out


@lru_cache(maxsize=1)
def bbc_business() -> dict[str, dict]:
    """Every BBC business story, by id ``bbc-business-NNN`` (read once a process)."""
    out = {}
    for path in sorted(BBC.glob("*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:  # one file of the corpus is latin-1
            text = raw.decode("latin-1")
        title = text.split("\n", 1)[0].strip()
        out[f"bbc-business-{path.stem}"] = {"id": f"bbc-business-{path.stem}", "title": title,
                                            "text": text, "date": None, "places": [],
                                            "dateline": None,
                                            "source": "BBC News (2004-2005)"}
    return out


def sample() -> dict[str, dict]:
    """The sampled stories (Reuters first, then BBC), by id."""
    rng = random.Random(SEED)
    reuters = reuters_trade()
    bbc = bbc_business()
    ids = rng.sample(sorted(reuters), N_REUTERS) + rng.sample(sorted(bbc), N_BBC)
    both = {**reuters, **bbc}
    return {i: both[i] for i in ids}


#: Seed of the held-out draw: 10 more Reuters trade stories, labelled after the rules
#: were tuned on the sample above, never used to tune them.
HELDOUT_SEED = 2026
N_HELDOUT = 10


def heldout() -> dict[str, dict]:
    """The held-out stories (Reuters trade stories not in :func:`sample`), by id."""
    reuters = reuters_trade()
    used = set(sample())
    pool = sorted(i for i in reuters if i not in used)
    return {i: reuters[i] for i in random.Random(HELDOUT_SEED).sample(pool, N_HELDOUT)}


#: Seed of the test draw (issue 19): 20 Reuters trade stories and 12 BBC business
#: stories outside the sample and the held-out draw, labelled by a session that wrote
#: no rule, committed before any rule change, scored once at the end.
TEST_SEED = 1919
N_TEST_REUTERS = 20
N_TEST_BBC = 12
#: Stories written for econnews (benchmarks/gold/stories/NAME.jsonl: id, date, title,
#: text, source), in the shapes of current trade coverage, with invented figures.
STORIES = Path(__file__).resolve().parent / "stories"


def written(name: str) -> dict[str, dict]:
    """The stories of ``stories/NAME.jsonl`` (written for econnews), by id."""
    out = {}
    path = STORIES / f"{name}.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            r.setdefault("places", [])
            r.setdefault("dateline", None)
            out[r["id"]] = r
    return out


def _draw(seed: int, n_reuters: int, n_bbc: int, used: set[str]) -> dict[str, dict]:
    """``n_reuters`` Reuters trade and ``n_bbc`` BBC business stories outside ``used``,
    drawn with ``random.Random(seed)`` (Reuters first, as every test draw was made)."""
    reuters, bbc = reuters_trade(), bbc_business()
    rng = random.Random(seed)
    ids = (rng.sample(sorted(i for i in reuters if i not in used), n_reuters)
           + rng.sample(sorted(i for i in bbc if i not in used), n_bbc))
    both = {**reuters, **bbc}
    return {i: both[i] for i in ids}


def _earlier(*draws: Callable[[], dict[str, dict]]) -> set[str]:
    """The ids of the earlier draws, which a new draw must leave out."""
    return {i for draw in draws for i in draw()}


def test_draw() -> dict[str, dict]:
    """The corpus part of the test set: Reuters and BBC stories in no other draw."""
    return _draw(TEST_SEED, N_TEST_REUTERS, N_TEST_BBC, _earlier(sample, heldout))


#: Seed of the second test draw (issue 19, second round): 30 Reuters trade stories and
#: 10 BBC business stories in no earlier draw, labelled by a session that wrote no rule.
TEST2_SEED = 4242
N_TEST2_REUTERS = 30
N_TEST2_BBC = 10


def test2_draw() -> dict[str, dict]:
    """The corpus part of test set 2: Reuters and BBC stories in no earlier draw."""
    return _draw(TEST2_SEED, N_TEST2_REUTERS, N_TEST2_BBC,
                 _earlier(sample, heldout, test_draw))


#: Seed of the third test draw (issue 19, third round): 30 Reuters trade stories and
#: 10 BBC business stories in no earlier draw, labelled by a session that wrote no rule.
TEST3_SEED = 7373
N_TEST3_REUTERS = 30
N_TEST3_BBC = 10


def test3_draw() -> dict[str, dict]:
    """The corpus part of test set 3: Reuters and BBC stories in no earlier draw."""
    return _draw(TEST3_SEED, N_TEST3_REUTERS, N_TEST3_BBC,
                 _earlier(sample, heldout, test_draw, test2_draw))


#: Seed of the fourth test draw (issue 19, fourth round): 24 Reuters trade stories and
#: 8 BBC business stories in no earlier draw, labelled by a session that wrote no rule.
TEST4_SEED = 9191
N_TEST4_REUTERS = 24
N_TEST4_BBC = 8


def test4_draw() -> dict[str, dict]:
    """The corpus part of test set 4: Reuters and BBC stories in no earlier draw."""
    return _draw(TEST4_SEED, N_TEST4_REUTERS, N_TEST4_BBC,
                 _earlier(sample, heldout, test_draw, test2_draw, test3_draw))


#: Seed of the fifth test draw (issue 19, fifth round): 20 Reuters trade stories and
#: 6 BBC business stories in no earlier draw, labelled by a session that wrote no rule.
TEST5_SEED = 5151
N_TEST5_REUTERS = 20
N_TEST5_BBC = 6


def test5_draw() -> dict[str, dict]:
    """The corpus part of test set 5: Reuters and BBC stories in no earlier draw."""
    return _draw(TEST5_SEED, N_TEST5_REUTERS, N_TEST5_BBC,
                 _earlier(sample, heldout, test_draw, test2_draw, test3_draw, test4_draw))


#: Seed of the sixth test draw (issue 19, sixth round): 30 Reuters trade stories and
#: 8 BBC business stories in no earlier draw, labelled by a session that wrote no rule.
TEST6_SEED = 6161
N_TEST6_REUTERS = 30
N_TEST6_BBC = 8


def test6_draw() -> dict[str, dict]:
    """The corpus part of test set 6: Reuters and BBC stories in no earlier draw."""
    return _draw(TEST6_SEED, N_TEST6_REUTERS, N_TEST6_BBC,
                 _earlier(sample, heldout, test_draw, test2_draw, test3_draw, test4_draw,
                          test5_draw))


#: Seed of the seventh test draw (issue 19, seventh round): 30 Reuters trade stories and
#: 8 BBC business stories in no earlier draw, labelled by a session that wrote no rule.
TEST7_SEED = 7171
N_TEST7_REUTERS = 30
N_TEST7_BBC = 8


def test7_draw() -> dict[str, dict]:
    """The corpus part of test set 7: Reuters and BBC stories in no earlier draw."""
    return _draw(TEST7_SEED, N_TEST7_REUTERS, N_TEST7_BBC,
                 _earlier(sample, heldout, test_draw, test2_draw, test3_draw, test4_draw,
                          test5_draw, test6_draw))


#: Seed of the eighth test draw (issue 19, eighth round): 30 Reuters trade stories and
#: 8 BBC business stories in no earlier draw, labelled by a session that wrote no rule.
TEST8_SEED = 8181
N_TEST8_REUTERS = 30
N_TEST8_BBC = 8


def test8_draw() -> dict[str, dict]:
    """The corpus part of test set 8: Reuters and BBC stories in no earlier draw."""
    return _draw(TEST8_SEED, N_TEST8_REUTERS, N_TEST8_BBC,
                 _earlier(sample, heldout, test_draw, test2_draw, test3_draw, test4_draw,
                          test5_draw, test6_draw, test7_draw))


#: The labelled sets: name -> (labels file, stories). ``dev`` and ``heldout`` are the
#: issue-11 sets; ``dev-written`` is written for econnews and read while writing rules;
#: ``test`` was labelled before any issue-19 rule change and is scored once at the end;
#: ``test2``, ``test3``, ``test4``, ``test5``, ``test6``, ``test7`` and ``test8`` likewise,
#: before any rule change of their round.
SETS = {
    "dev": ("claims.jsonl", lambda: sample()),
    "heldout": ("heldout.jsonl", lambda: heldout()),
    "dev-written": ("dev_written.jsonl", lambda: written("dev_written")),
    "test": ("test.jsonl", lambda: {**test_draw(), **written("test_written")}),
    "test2": ("test2.jsonl", lambda: {**test2_draw(), **written("test2_written")}),
    "test3": ("test3.jsonl", lambda: {**test3_draw(), **written("test3_written")}),
    "test4": ("test4.jsonl", lambda: {**test4_draw(), **written("test4_written")}),
    "test5": ("test5.jsonl", lambda: {**test5_draw(), **written("test5_written")}),
    "test6": ("test6.jsonl", lambda: {**test6_draw(), **written("test6_written")}),
    "test7": ("test7.jsonl", lambda: {**test7_draw(), **written("test7_written")}),
    "test8": ("test8.jsonl", lambda: {**test8_draw(), **written("test8_written")}),
}


def labelled(name: str) -> tuple[list[dict], dict[str, dict]]:
    """The gold labels and the stories of one set (see :data:`SETS`)."""
    fname, stories = SETS[name]
    path = Path(__file__).resolve().parent / fname
    gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    return gold, stories()


if __name__ == "__main__":
    import sys

    which = sys.argv[1] if len(sys.argv) > 1 else "dev"
    for i in (SETS[which][1]() if which in SETS else sample()):
        print(i)
