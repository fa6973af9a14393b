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


def _rates(fns, texts, rounds: int) -> list[tuple[float, float]]:
    """Best-of-``rounds`` sentences/s for each function, rounds interleaved so that load
    from other processes falls on all of them alike; then the peak memory each adds."""
    for fn in fns:
        fn(texts[0])  # warm caches and lazy imports outside the clock
    best = [float("inf")] * len(fns)
    for _ in range(rounds):
        for i, fn in enumerate(fns):
            t0 = time.perf_counter()
            for t in texts:
                fn(t)
            best[i] = min(best[i], time.perf_counter() - t0)
    out = []
    for i, fn in enumerate(fns):
        tracemalloc.start()
        for t in texts:
            fn(t)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        out.append((len(texts) / best[i], peak / 2**20))
    return out


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
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--adversarial", action="store_true")
    args = ap.parse_args(argv)
    path = need(shared_dir() / "data" / "newsquant" / "formatted_test_set" / "NewsQuant.json")
    texts = [x["text"] for x in json.loads(path.read_text(encoding="utf-8"))]

    import econnews

    parser = quantulum_parser()
    (ours, our_mem), (theirs, their_mem) = _rates(
        [econnews.extract, parser.parse], texts, args.rounds
    )
    print(f"NewsQuant sentences: {len(texts)} (best of {args.rounds} interleaved rounds)")
    print(f"{'system':<11} {'sentences/s':>12} {'peak MiB':>9}")
    print(f"{'econnews':<11} {ours:12.0f} {our_mem:9.1f}")
    print(f"{'quantulum3':<11} {theirs:12.0f} {their_mem:9.1f}")
    print(f"ratio econnews / quantulum3: {ours / theirs:.1f}x")
    if args.adversarial:
        for n in (25_000, 50_000, 100_000):
            text = adversarial(n)
            t0 = time.perf_counter()
            rows = len(econnews.extract(text))
            took = time.perf_counter() - t0
            print(f"adversarial {n:>7} chars: {took:6.3f} s, {rows} rows, "
                  f"{1e6 * took / n:5.2f} us/char (flat = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
