"""Benchmark: claims per second over the Reuters-21578 sample (../shared, third-party data).

Run:  /work/venv/bin/python benchmarks/claims.py [--repeat N] [--trade]

Times ``econnews.find_claims`` on the 200-story sample (or, with ``--trade``, on the
trade stories tagged Japan or USSR), once with the quantities given (the claims stage
alone) and once end to end (``extract`` included), and prints claims per second.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("ECONNEWS_SHARED") or ROOT.parent / "shared")
SAMPLE = SHARED / "corpora" / "reuters21578" / "sample.jsonl"


def load(trade_only: bool) -> pd.DataFrame:
    with SAMPLE.open(encoding="utf-8") as fh:
        stories = pd.DataFrame([json.loads(line) for line in fh])
    if trade_only:
        mask = (stories["topics"].map(lambda t: "trade" in t)
                & stories["places"].map(lambda p: "japan" in p or "ussr" in p))
        stories = stories[mask]
    return stories[["id", "date", "title", "source", "text"]].reset_index(drop=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (best is reported)")
    parser.add_argument("--trade", action="store_true", help="only the Japan/USSR trade stories")
    args = parser.parse_args(argv)
    if not SAMPLE.exists():
        print(f"Reuters sample not found at {SAMPLE}; set ECONNEWS_SHARED", file=sys.stderr)
        return 1
    import econnews
    from econnews.claims import find_claims

    arts = load(args.trade)
    quantities = pd.concat([econnews.extract(t, doc_id=i, date=d) for i, d, t in
                            zip(arts["id"], arts["date"], arts["text"], strict=True)],
                           ignore_index=True)
    find_claims(arts.head(3))  # warm the lexicon caches
    for label, given in (("claims stage (quantities given)", quantities),
                         ("end to end (extract + claims)", None)):
        best = float("inf")
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            claims = find_claims(arts, given)
            best = min(best, time.perf_counter() - t0)
        print(f"{label}: {len(arts)} articles, {len(claims)} claims in {best:.2f} s "
              f"= {len(claims) / best:,.0f} claims/s, {len(arts) / best:,.1f} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
