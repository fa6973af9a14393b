"""Benchmark: claims per second over the Reuters-21578 sample (../shared, third-party data).

Run:  /work/venv/bin/python benchmarks/claims.py [--repeat N] [--trade] [--unseen --rounds N]
      [--jobs N]

Times ``econnews.find_claims`` on the 200-story sample (or, with ``--trade``, on the
trade stories tagged Japan or USSR), once with the quantities given (the claims stage
alone) and once end to end (``extract`` included), and prints claims per second.

Repeated runs over the same stories find them in econnews' per-text caches (the sentence
splits of the last 256 texts, the extractor's per-phrase caches), which flatters the
figure. ``--unseen`` (issue 24) times stories the process has not read: each round is a
fresh process that warms up on 200 other Reuters-21578 stories and then reads the sample
once (the claims stage after the sample's quantities were extracted, as in a pipeline;
end to end in a second fresh process); best of ``--rounds``, wall and CPU seconds.
``--jobs N`` reads the claims in N processes (``find_claims(n_jobs=N)``; default 1: the
figures are one process's unless asked); ``--jobs auto`` leaves the choice to
``find_claims`` (``n_jobs=None``, what a user gets: one process per CPU from 200,000
characters of text, which the sample holds). CPU seconds are summed over the processes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
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


def warm_stories(sample: pd.DataFrame, n: int = 200) -> pd.DataFrame:
    """``n`` Reuters-21578 stories with text that are not in ``sample`` (every 40th)."""
    seen = set(sample["id"].astype(str))
    rows = []
    with gzip.open(SHARED / "corpora" / "reuters21578" / "reuters21578.jsonl.gz", "rt",
                   encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            r = json.loads(line)
            if i % 40 == 0 and r["id"] not in seen and (r.get("text") or "").strip():
                rows.append({k: r.get(k) for k in ("id", "date", "title", "text")})
            if len(rows) == n:
                break
    return pd.DataFrame(rows).assign(source="Reuters-21578")


def _jobs(value: str) -> int | None:
    return None if value == "auto" else int(value)


def _label(jobs: int | None) -> str:
    return "processes as find_claims chooses" if jobs is None else \
        f"{jobs} process{'es' if jobs > 1 else ''}"


def _cpu() -> float:
    """CPU seconds of this process and of the worker processes it has waited for."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _with_jobs(find_claims, jobs: int | None):
    """``find_claims`` with ``n_jobs=jobs`` (an older econnews without it: as it is, when
    one process is asked for)."""
    import inspect

    if "n_jobs" in inspect.signature(find_claims).parameters:
        return lambda *a, **k: find_claims(*a, n_jobs=jobs, **k)
    if jobs != 1:
        raise SystemExit("this econnews has no find_claims(n_jobs=)")
    return find_claims


def child(path: str, trade: bool, jobs: int | None) -> None:
    """One timed pass over stories this process has not read (``--unseen``)."""
    import econnews
    from econnews.claims import find_claims

    find_claims = _with_jobs(find_claims, jobs)

    arts = load(trade)
    warm = warm_stories(arts)
    find_claims(warm)  # lexicons, caches and compiled patterns, on other stories
    given = None
    if path == "stage":
        given = pd.concat([econnews.extract(t, doc_id=i, date=d) for i, d, t in
                           zip(arts["id"], arts["date"], arts["text"], strict=True)],
                          ignore_index=True)
    t0, c0 = time.perf_counter(), _cpu()
    claims = find_claims(arts, given)
    print(json.dumps({"wall": time.perf_counter() - t0, "cpu": _cpu() - c0,
                      "claims": len(claims), "articles": len(arts)}))


def unseen(rounds: int, trade: bool, jobs: int | None) -> None:
    """Best of ``rounds`` fresh processes for each path (see the module doc)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for path, label in (("stage", "claims stage (quantities given)"),
                        ("e2e", "end to end (extract + claims)")):
        runs = []
        for _ in range(rounds):
            cmd = [sys.executable, __file__, "--child", path, "--jobs",
                   "auto" if jobs is None else str(jobs)] + (
                ["--trade"] if trade else [])
            out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                                 check=True)
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        best = min(runs, key=lambda r: r["wall"])
        cpu = min(r["cpu"] for r in runs)
        print(f"{label}, unseen, {_label(jobs)}: "
              f"{best['articles']} articles, {best['claims']} claims in "
              f"{best['wall']:.2f} s wall = {best['claims'] / best['wall']:,.0f} claims/s "
              f"({cpu:.2f} CPU-s = {best['claims'] / cpu:,.0f} claims per CPU-s)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (best is reported)")
    parser.add_argument("--trade", action="store_true", help="only the Japan/USSR trade stories")
    parser.add_argument("--unseen", action="store_true",
                        help="time stories each fresh process has not read (issue 24)")
    parser.add_argument("--rounds", type=int, default=3, help="fresh processes per path")
    parser.add_argument("--jobs", type=_jobs, default=1,
                        help="processes (find_claims n_jobs); auto: find_claims chooses")
    parser.add_argument("--child", choices=["stage", "e2e"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not SAMPLE.exists():
        print(f"Reuters sample not found at {SAMPLE}; set ECONNEWS_SHARED", file=sys.stderr)
        return 1
    if args.child:
        child(args.child, args.trade, args.jobs)
        return 0
    if args.unseen:
        unseen(args.rounds, args.trade, args.jobs)
        return 0
    import econnews
    from econnews.claims import find_claims

    find_claims = _with_jobs(find_claims, args.jobs)
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
        print(f"{label}, {_label(args.jobs)}: {len(arts)} articles, {len(claims)} claims in {best:.2f} s "
              f"= {len(claims) / best:,.0f} claims/s, {len(arts) / best:,.1f} articles/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
