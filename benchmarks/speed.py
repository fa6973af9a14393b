"""Throughput and memory: econnews and quantulum3 on the same sentences, in one run.

    python benchmarks/speed.py            # NewsQuant's 590 sentences, 3 rounds each
    python benchmarks/speed.py --adversarial   # also a 100,000-character hostile string

Prints sentences per second for each, the ratio, and the peak memory each adds
(tracemalloc). Third-party data is read from ../shared and never copied here.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import need, quantulum_parser, shared_dir


def _rate(fn, texts, rounds: int) -> tuple[float, float]:
    fn(texts[0])  # warm caches and lazy imports outside the clock
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    tracemalloc.start()
    for t in texts:
        fn(t)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return len(texts) / best, peak / 2**20


def adversarial(n: int = 100_000, seed: int = 0) -> str:
    rnd = random.Random(seed)
    parts = ["$", "1", ",", "0", "5", " ", "between ", "and ", "-", ".", "bn", "%", "to "]
    out = []
    size = 0
    while size < n:
        p = rnd.choice(parts)
        out.append(p)
        size += len(p)
    return "".join(out)[:n]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--adversarial", action="store_true")
    args = ap.parse_args(argv)
    path = need(shared_dir() / "data" / "newsquant" / "formatted_test_set" / "NewsQuant.json")
    texts = [x["text"] for x in json.loads(path.read_text(encoding="utf-8"))]

    import econnews

    parser = quantulum_parser()
    ours, our_mem = _rate(econnews.extract, texts, args.rounds)
    theirs, their_mem = _rate(parser.parse, texts, args.rounds)
    print(f"NewsQuant sentences: {len(texts)} (best of {args.rounds} rounds)")
    print(f"{'system':<11} {'sentences/s':>12} {'peak MiB':>9}")
    print(f"{'econnews':<11} {ours:12.0f} {our_mem:9.1f}")
    print(f"{'quantulum3':<11} {theirs:12.0f} {their_mem:9.1f}")
    print(f"ratio econnews / quantulum3: {ours / theirs:.1f}x")
    if args.adversarial:
        for n in (25_000, 50_000, 100_000):
            text = adversarial(n)
            t0 = time.perf_counter()
            rows = len(econnews.extract(text))
            print(f"adversarial {n:>7} chars: {time.perf_counter() - t0:6.3f} s, {rows} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
