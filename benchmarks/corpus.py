"""Benchmark: the whole Reuters-21578 corpus through econnews (issue 4).

Reports, as JSON on stdout:

* loading: the 21,578 SGML stories (seconds, articles, has_body, duplicates
  flagged exact / near);
* a sample (every k-th story with a body): econnews serial, econnews with
  ``--jobs`` processes (and whether the two tables are identical), and
  quantulum3 0.10 on the same texts (articles/s and mentions found);
* the whole corpus with ``--jobs`` processes: articles/s, quantities, errors;
* a 50 MB text file through ``load_articles`` (an article, not a crash);
* peak RSS of this process and of its worker processes (the bar: < 1 GB, issue 12);
* for the whole corpus also the CPU seconds it took, over all processes (the wall time
  on idle cores is about cpu_seconds / jobs; issue 12's bar: <= 12 s with --jobs 2).

Run:  /work/venv/bin/python benchmarks/corpus.py --jobs 2 [--sample 500] [--no-full]
      python benchmarks/corpus.py --folder 200 --file-mb 1 --jobs 2   # issue 21: peak RSS
      of ``econnews extract FOLDER -o q.parquet`` on 200, then 400, articles of 1 MB;
      ``--stream``: the same command over half of Reuters-21578, then all of it
Needs ../shared/corpora/reuters21578/sgm (or $ECONNEWS_SHARED); not a unit test.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import pandas as pd  # noqa: E402

from econnews import datasets  # noqa: E402
from econnews.extraction.corpus import extract_corpus  # noqa: E402
from econnews.load.articles import load_articles  # noqa: E402


def peak_rss_mb() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"self_mb": round(own, 1), "largest_child_mb": round(kids, 1)}


def _cpu_seconds() -> float:
    """User + system CPU seconds of this process and of its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn, *args, **kwargs):
    start = time.perf_counter()
    out = fn(*args, **kwargs)
    return out, time.perf_counter() - start


def quantulum3_rate(texts: list[str]) -> dict[str, float]:
    from quantulum3 import classifier, parser

    classifier.USE_CLF = False
    warnings.filterwarnings("ignore")
    found = 0
    start = time.perf_counter()
    for t in texts:
        # quantulum3 raises on some inputs; count those as nothing found
        with contextlib.suppress(Exception):
            found += len(parser.parse(t))
    secs = time.perf_counter() - start
    return {"seconds": round(secs, 2), "articles_per_s": round(len(texts) / secs, 1),
            "mentions": found}


def make_folder(dest: Path, n: int, mb: float, shared: Path) -> Path:
    """``n`` articles of ``mb`` megabytes each: BBC business stories (from ../shared,
    never copied into the repository) run together, else one paragraph repeated."""
    dest.mkdir(parents=True, exist_ok=True)
    src = sorted((shared / "corpora" / "bbc" / "business").glob("*.txt"))
    texts = [p.read_text("latin-1") for p in src] or [
        "Japan's exports to Russia rose 5% to $3 billion in 2018, the ministry said."]
    k = 0
    for i in range(n):
        parts, size = [f"Story {i}"], 0
        while size < mb * 1_000_000:
            parts.append(texts[k % len(texts)])
            size += len(parts[-1])
            k += 1
        (dest / f"a{i:05d}.txt").write_text("\n\n".join(parts), encoding="utf-8")
    return dest


def folder_run(folder: Path, jobs: int, cap_gb: float = 3.0) -> dict[str, object]:
    """``econnews extract FOLDER -o q.parquet --jobs J`` under an address-space cap:
    exit code, seconds, the peak RSS of the command and of its largest worker, and
    whether every article is accounted for."""
    import subprocess

    out_file = folder.parent / f"{folder.name}.parquet"
    code = (
        "import json, os, resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "p = subprocess.Popen([sys.executable, '-m', 'econnews.cli', 'extract', sys.argv[1],"
        " '-o', sys.argv[2], '--jobs', sys.argv[3], '-q'], stderr=subprocess.PIPE, text=True)\n"
        "_, rc, ru = os.wait4(p.pid, 0)\n"
        "kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(json.dumps({'exit': os.waitstatus_to_exitcode(rc), 'seconds':"
        " round(time.perf_counter() - t, 1), 'peak_rss_mb': round(ru.ru_maxrss / 1024),"
        " 'err': p.stderr.read()[-300:]}))\n")
    cap = int(cap_gb * 1024**3)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.run([sys.executable, "-c", code, str(folder), str(out_file), str(jobs)],
                          capture_output=True, text=True, env=env,
                          preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (cap, cap)))
    res = json.loads(proc.stdout.strip().splitlines()[-1])
    n = len(list(folder.glob("*.txt"))) + sum(
        p.read_text(encoding="utf-8").count("\n") for p in folder.glob("*.jsonl"))
    if res["exit"] == 0:
        q = pd.read_parquet(out_file, columns=["doc_id"])
        res["articles_with_rows"] = int(q["doc_id"].nunique())
        res["quantities"] = len(q)
        out_file.unlink()
    res.update(articles=n, cap_gb=cap_gb,
               mb=round(sum(p.stat().st_size for p in folder.glob("*.*")) / 1e6))
    return res


def reuters_stream(arts: pd.DataFrame, jobs: int, tmp: Path) -> dict[str, object]:
    """The command line over Reuters-21578 as JSONL files of 1,000 stories: half of the
    corpus, then all of it (peak RSS, every story accounted for)."""
    out: dict[str, object] = {}
    cols = ["id", "date", "title", "text"]
    frame = arts[cols].assign(date=arts["date"].astype("string"))
    for part in ("half", "all"):
        folder = tmp / f"reuters-{part}"
        folder.mkdir()
        rows = frame.iloc[: len(frame) // 2] if part == "half" else frame
        for k in range(0, len(rows), 1000):
            rows.iloc[k:k + 1000].to_json(folder / f"r{k // 1000:03d}.jsonl", orient="records",
                                          lines=True, force_ascii=False)
        out[part] = folder_run(folder, jobs)
        shutil.rmtree(folder)
    return out


def folder_main(args: argparse.Namespace) -> int:
    """``--folder N``: peak RSS of the command line on N and 2N articles of --file-mb."""
    report: dict[str, object] = {"jobs": args.jobs, "file_mb": args.file_mb}
    with tempfile.TemporaryDirectory() as tmp:
        for n in (args.folder, 2 * args.folder):
            folder = make_folder(Path(tmp) / f"f{n}", n, args.file_mb, Path(args.shared))
            report[f"{n}_files"] = folder_run(folder, args.jobs)
            shutil.rmtree(folder)
    print(json.dumps(report, indent=2))
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=os.environ.get("ECONNEWS_SHARED",
                                                       str(REPO.parent / "shared")))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--sample", type=int, default=500)
    ap.add_argument("--no-full", action="store_true", help="skip the whole-corpus run")
    ap.add_argument("--big-mb", type=int, default=50, help="size of the big-text load test")
    ap.add_argument("--folder", type=int, default=0, metavar="N",
                    help="instead: the command line on a folder of N, then 2N, articles of "
                         "--file-mb MB each (peak RSS under a 3 GB cap; issue 21)")
    ap.add_argument("--file-mb", type=float, default=1.0)
    ap.add_argument("--stream", action="store_true",
                    help="also: econnews extract over half of Reuters-21578, then all of it, "
                         "as JSONL files (peak RSS; issue 21)")
    args = ap.parse_args()
    if args.folder:
        return folder_main(args)
    sgm = Path(args.shared) / "corpora" / "reuters21578" / "sgm"
    if not sgm.is_dir():
        print(f"benchmark skipped: {sgm} is absent (set ECONNEWS_SHARED)", file=sys.stderr)
        return 0
    report: dict[str, object] = {"jobs": args.jobs, "cpus": os.cpu_count()}

    arts, secs = timed(datasets.reuters21578, sgm, progress=False)
    report["load"] = {"seconds": round(secs, 2), "articles": len(arts),
                      "with_body": int(arts["has_body"].sum()),
                      "duplicates": arts["duplicate_kind"].value_counts().to_dict()}

    body = arts[arts["has_body"]]
    step = max(1, len(body) // args.sample)
    sample = body.iloc[::step].head(args.sample)
    # warm-up on other texts (lexicons, models); then the parallel run first: the
    # extractor caches per text, and forked workers would inherit a serial run's cache
    extract_corpus(body.iloc[1::step].head(5), progress=False, errors="collect")
    parallel, p_secs = timed(extract_corpus, sample, n_jobs=args.jobs, progress=False,
                             errors="collect")
    serial, s_secs = timed(extract_corpus, sample, progress=False, errors="collect")
    identical = serial[0].equals(parallel[0]) and serial[1].equals(parallel[1])
    report["sample"] = {
        "articles": len(sample),
        "econnews_serial": {"seconds": round(s_secs, 2),
                            "articles_per_s": round(len(sample) / s_secs, 1),
                            "quantities": len(serial[0]), "errors": len(serial[1])},
        "econnews_parallel": {"seconds": round(p_secs, 2),
                              "articles_per_s": round(len(sample) / p_secs, 1)},
        "serial_equals_parallel": bool(identical),
        "quantulum3": quantulum3_rate(sample["text"].tolist()),
    }

    if not args.no_full:
        cpu0 = _cpu_seconds()
        (q, errs), f_secs = timed(extract_corpus, arts, n_jobs=args.jobs, progress=None,
                                  errors="collect")
        cpu = _cpu_seconds() - cpu0
        report["full"] = {"articles": len(arts), "seconds": round(f_secs, 1),
                          # CPU seconds of this process and its workers: on a machine
                          # shared with other work, cpu / jobs is what the wall time
                          # would be on idle cores
                          "cpu_seconds": round(cpu, 1),
                          "cpu_seconds_per_job": round(cpu / max(1, args.jobs), 1),
                          "articles_per_s": round(len(arts) / f_secs, 1),
                          "quantities": len(q), "errors": len(errs),
                          "error_codes": errs["code"].value_counts().to_dict()}
        del q

    if args.stream:
        with tempfile.TemporaryDirectory() as tmp:
            report["reuters_streamed_cli"] = reuters_stream(arts, args.jobs, Path(tmp))

    with tempfile.TemporaryDirectory() as tmp:
        para = "Japan's exports to Russia rose 5% to $3 billion in 2018, the ministry said.\n"
        big = Path(tmp) / "big.txt"
        with open(big, "w", encoding="utf-8") as fh:
            fh.write("A big file\n")
            fh.write(para * (args.big_mb * 1_000_000 // len(para)))
        (loaded, errs), b_secs = timed(load_articles, big, errors="collect", progress=False)
        report["big_text"] = {"mb": round(big.stat().st_size / 1e6, 1),
                              "seconds": round(b_secs, 2), "rows": len(loaded),
                              "errors": len(errs),
                              "text_intact": bool(len(loaded) and
                                                  len(loaded.loc[0, "text"]) == big.stat().st_size)}
    report["peak_rss"] = peak_rss_mb()
    print(json.dumps(report, indent=2, default=str))
    return 0 if identical else 1


if __name__ == "__main__":
    pd.set_option("mode.copy_on_write", True) if pd.__version__ < "3" else None
    raise SystemExit(main())
