"""Throughput and memory: econnews and quantulum3 on the same sentences, in one run.

    python benchmarks/speed.py            # NewsQuant's 590 sentences, 5 rounds each
    python benchmarks/speed.py --adversarial   # also hostile and run-on text (issue 12)

Prints sentences per second and the ratio to quantulum3 for econnews read two ways:
``econnews.extract`` called once per sentence (one typed table per call), and
``econnews.extract_corpus`` over a table of the same sentences (one typed table per chunk:
how many texts are read; the issue-12 bar of >= 10x is on this one); and the peak memory
each adds (tracemalloc). With ``--adversarial``: a 25,000-100,000-character string of
digits, "$", commas, "between" and no sentence break (bar: < 1 s and < 500 MB at
100,000), and the run-on ``"$1,2" * n`` (bar: time and memory linear in n), with the
size of the quantities table as CSV. Third-party data is read from ../shared and never
copied here.
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


def _batch_rate(run, n: int, rounds: int) -> tuple[float, float]:
    """Best-of-``rounds`` items/s of ``run()`` (which reads ``n`` texts), and its peak MiB."""
    run()
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return n / best, peak / 2**20


def _hostile(extract, text: str, label: str) -> None:
    """Time (best of 2), rows, peak memory (tracemalloc, a separate run) and CSV size."""
    import io

    took = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        q = extract(text)
        took = min(took, time.perf_counter() - t0)
        del q
    tracemalloc.start()
    q = extract(text)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    buf = io.StringIO()
    q.to_csv(buf, index=False)
    csv_mb = len(buf.getvalue()) / 1e6
    n = len(text)
    print(f"{label}: {took:6.3f} s, {len(q):6d} rows, {1e6 * took / n:5.2f} us/char, "
          f"peak {peak:6.1f} MiB ({peak * 2**20 / n:6.0f} B/char), CSV {csv_mb:6.2f} MB")


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

    import pandas as pd

    import econnews

    table = pd.DataFrame({"id": [str(i) for i in range(len(texts))], "text": texts})

    parser = quantulum_parser()
    (ours, our_mem), (theirs, their_mem) = _rates(
        [econnews.extract, parser.parse], texts, args.rounds
    )
    batch, batch_mem = _batch_rate(lambda: econnews.extract_corpus(table, n_jobs=1,
                                                                   progress=False),
                                   len(texts), args.rounds)
    print(f"NewsQuant sentences: {len(texts)} (best of {args.rounds} interleaved rounds)")
    print(f"{'system':<28} {'sentences/s':>12} {'peak MiB':>9} {'x quantulum3':>13}")
    print(f"{'econnews.extract per text':<28} {ours:12.0f} {our_mem:9.1f} {ours / theirs:12.1f}x")
    print(f"{'econnews.extract_corpus':<28} {batch:12.0f} {batch_mem:9.1f} "
          f"{batch / theirs:12.1f}x")
    print(f"{'quantulum3 parser.parse':<28} {theirs:12.0f} {their_mem:9.1f} {1:12.1f}x")
    print(f"ratio econnews / quantulum3: {batch / theirs:.1f}x (a table per batch), "
          f"{ours / theirs:.1f}x (a table per call)")
    if args.adversarial:
        econnews.extract(adversarial(2000))  # lazy lexicons outside the clock
        print("\nadversarial text (digits, $, commas, 'between', no sentence break)")
        for n in (25_000, 50_000, 100_000):
            _hostile(econnews.extract, adversarial(n), f"adversarial {n:>7} chars")
        print('run-on "$1,2" * n (linear: us/char and bytes/char stay flat)')
        for n in (5_000, 10_000, 20_000, 40_000):
            _hostile(econnews.extract, "$1,2" * n, f'"$1,2" * {n:<6}')
    return 0


if __name__ == "__main__":
    sys.exit(main())
