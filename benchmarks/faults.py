"""Fault probes for what econnews writes: probe -> outcome, and whether each holds.

    python benchmarks/faults.py            # every probe, a table on stdout; exit 1 if one fails
    python benchmarks/faults.py --keep     # keep the work folder to look at
    python benchmarks/faults.py --only 21  # only issue 21's probes (benchmarks/faults21.py)

Probes (issue 13):

* ``kill -9`` at five moments of ``econnews report`` (while extracting, after the
  first table file, after the first chart, while ``index.html`` is written, right
  after the swap): the ``--out`` folder must hold the old complete report or the new
  complete one, byte for byte, and the next report must leave no stray folder;
* two reports into one ``--out`` at the same time (the first made slow and the
  second the real command line; and two started together): the second fails at
  once with one line, or both run one after the other; the folder ends complete;
* disk full while ``extract -o q.csv`` and ``report`` write: exit 1 with one line,
  the previous output intact, no temporary file left. A small tmpfs is mounted when
  this runs as root and may mount; otherwise a file-size limit (RLIMIT_FSIZE, with
  SIGXFSZ ignored) makes writes fail the same way (``EFBIG``);
* an output location that cannot be written: one line, exit 1, before the work.

The kill is the child killing itself with SIGKILL at the chosen moment (a wrapper
around the function that marks it), which is what ``kill -9`` from outside does at
that instant. No hook is built into econnews for this.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

#: the child: build report ``src`` -> ``out`` (svg charts), dying at ``moment``
CHILD = r"""
import os, signal, sys, time
from contextlib import contextmanager
from pathlib import Path

import econnews.common.files as files
import econnews.extraction.corpus as corpus
import econnews.report as report

moment, src, out = sys.argv[1:4]


def die():
    os.kill(os.getpid(), signal.SIGKILL)


if moment == "extracting":
    def extract_corpus(*args, **kwargs):
        die()
    corpus.extract_corpus = extract_corpus
elif moment == "slow":
    real_extract = corpus.extract_corpus
    def extract_corpus(*args, **kwargs):
        time.sleep(4)
        return real_extract(*args, **kwargs)
    corpus.extract_corpus = extract_corpus
elif moment in ("first-table", "index"):
    real_write = report.atomic_write
    written = []
    @contextmanager
    def atomic_write(path):
        with real_write(path) as fh:
            yield fh
            if moment == "index" and Path(path).name == "index.html":
                fh.flush()
                die()
        written.append(path)
        if moment == "first-table":
            die()
    report.atomic_write = atomic_write
elif moment == "first-chart":
    real_export = report.export
    def export(*args, **kwargs):
        real_export(*args, **kwargs)
        die()
    report.export = export
elif moment == "after-swap":
    real_exchange = files._exchange
    def exchange(a, b):
        real_exchange(a, b)
        die()
    files._exchange = exchange

try:
    report.build_report([src], out, formats=["svg"], progress=False)
except Exception as exc:  # as the command line does: one line, exit 1
    print(exc, file=sys.stderr)
    sys.exit(1)
"""

ARTICLES_OLD = {
    "a.txt": "Japan and Russia\nJapan's exports to Russia rose 5% to $3 billion in 2018.",
    "b.txt": "Trade talks\nPutin proposed to raise trade with Japan to $30 billion.",
    "empty.txt": "",  # an unreadable input: the old report has errors.csv
}
ARTICLES_NEW = {
    "a.txt": "Japan and Russia\nJapan's exports to Russia fell 2% to $2.5 billion in 2019.",
    "c.txt": "Investment\nJapanese investment in Russia stood at $2.2 billion, Abe said.",
}


def _write_corpus(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text + ("\n" if text else ""), encoding="utf-8")
    dated = [n for n, t in files.items() if t]
    (folder / "manifest.csv").write_text(
        "file,date\n" + "".join(f"{n},2019-01-22\n" for n in dated), encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, str] | None:
    """{relative path: sha256} of every file, or None when there is no folder."""
    if not folder.is_dir():
        return None
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _strays(target: Path) -> list[str]:
    return sorted(p.name for p in target.parent.iterdir()
                  if p.name.startswith(f".{target.name}.") or p.name.endswith(".tmp"))


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.setdefault("MPLBACKEND", "Agg")
    return env


def _cli(*argv: str, fsize: int | None = None, timeout: float = 300
         ) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        if fsize is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))

    return subprocess.run([sys.executable, "-m", "econnews.cli", *argv], capture_output=True,
                          text=True, timeout=timeout, env=_env(), preexec_fn=limit)


def _child(moment: str, src: Path, out: Path) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-c", CHILD, moment, str(src), str(out)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=_env())


class Bench:
    """A work folder with the old and new corpora and their reference reports."""

    def __init__(self, work: Path) -> None:
        from econnews.report import build_report

        self.work = work
        self.old = _write_corpus(work / "old", ARTICLES_OLD)
        self.new = _write_corpus(work / "new", ARTICLES_NEW)
        build_report([self.old], work / "ref-old", formats=["svg"], progress=False)
        build_report([self.new], work / "ref-new", formats=["svg"], progress=False)
        self.snap_old = snapshot(work / "ref-old")
        self.snap_new = snapshot(work / "ref-new")
        assert self.snap_old != self.snap_new and "errors.csv" in self.snap_old

    def target(self, name: str) -> Path:
        """A folder holding the old complete report."""
        out = self.work / name / "report"
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(self.work / "ref-old", out)
        return out

    def state(self, folder: Path) -> str:
        snap = snapshot(folder)
        if snap == self.snap_old:
            return "old complete"
        if snap == self.snap_new:
            return "new complete"
        return "missing" if snap is None else "MIXED/INCOMPLETE"


# ------------------------------------------------------------------ probes


def kill_probe(moment: str) -> Callable[[Bench], tuple[bool, str]]:
    def probe(b: Bench) -> tuple[bool, str]:
        out = b.target(f"kill-{moment}")
        proc = _child(moment, b.new, out)
        _, err = proc.communicate(timeout=300)
        killed = proc.returncode == -signal.SIGKILL
        state = b.state(out)
        strays = _strays(out)
        # the next report cleans what the killed one left beside the folder
        again = _child("none", b.new, out)
        _, again_err = again.communicate(timeout=300)
        after = b.state(out) if again.returncode == 0 else f"next run failed: {again_err}"
        left = _strays(out)
        holds = killed and state in ("old complete", "new complete") \
            and after == "new complete" and not left
        how = "killed" if killed else f"not killed (exit {proc.returncode}: {err.strip()[-200:]})"
        return holds, (f"{how}; --out holds the {state} report; left beside it: "
                       f"{', '.join(strays) or 'nothing'}; after the next report: "
                       f"{after}, {', '.join(left) or 'nothing'} beside")
    return probe


def concurrent_slow(b: Bench) -> tuple[bool, str]:
    out = b.target("concurrent-slow")
    first = _child("slow", b.new, out)
    time.sleep(2.5)  # the first holds the lock (it sleeps 4 s while extracting)
    started = time.perf_counter()
    second = _cli("report", str(b.old), "--out", str(out), "-q")
    took = time.perf_counter() - started
    first.communicate(timeout=300)
    lines = second.stderr.strip().splitlines()
    state = b.state(out)
    holds = (first.returncode == 0 and second.returncode == 1 and len(lines) == 1
             and "another econnews report" in lines[0] and state == "new complete")
    return holds, (f"first exit {first.returncode}, second exit {second.returncode} after "
                   f"{took:.1f} s: {lines[0] if lines else '(no message)'}; --out holds the "
                   f"{state} report")


def concurrent_together(b: Bench) -> tuple[bool, str]:
    out = b.target("concurrent-together")
    procs = [_child("none", b.new, out) for _ in range(2)]
    results = [(p.returncode, err.strip().splitlines()[-1] if err.strip() else "")
               for p in procs for _, err in [p.communicate(timeout=300)]]
    state = b.state(out)
    ok_codes = all(rc == 0 or (rc == 1 and "another econnews report" in err)
                   for rc, err in results)
    holds = ok_codes and any(rc == 0 for rc, _ in results) and state == "new complete" \
        and not _strays(out)
    return holds, (f"exits {[rc for rc, _ in results]}; --out holds the {state} report, "
                   f"{len(_strays(out))} stray file(s)")


@contextlib.contextmanager
def _small_disk(work: Path, size_kb: int):
    """A small tmpfs (root) or None; unmounted at the end."""
    mnt = work / "tmpfs"
    mnt.mkdir(exist_ok=True)
    mounted = False
    if os.geteuid() == 0 and shutil.which("mount"):
        r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs",
                            str(mnt)], capture_output=True)
        mounted = r.returncode == 0
    try:
        yield mnt if mounted else None
    finally:
        if mounted:
            subprocess.run(["umount", str(mnt)], capture_output=True)


def _fill(folder: Path, leave: int) -> None:
    """Fill the disk holding ``folder`` until ``leave`` bytes are free."""
    st = os.statvfs(folder)
    free = st.f_bavail * st.f_frsize
    with contextlib.suppress(OSError), open(folder / ".filler", "wb") as fh:
        fh.write(b"\0" * max(0, free - leave))


def disk_full_extract(b: Bench) -> tuple[bool, str]:
    big = b.work / "big"
    _write_corpus(big, {f"s{i}.txt": ARTICLES_NEW["a.txt"] + f" Story {i}." for i in range(40)})
    with _small_disk(b.work, 2048) as disk:
        folder = disk if disk is not None else b.work / "disk-full-extract"
        folder.mkdir(exist_ok=True)
        q = folder / "q.csv"
        first = _cli("extract", str(b.old / "a.txt"), "-o", str(q), "-q")
        before = q.read_bytes() if q.exists() else b""
        if disk is not None:
            _fill(folder, 4096)
            run = _cli("extract", str(big), "-o", str(q), "-q")
            how = "tmpfs"
        else:
            run = _cli("extract", str(big), "-o", str(q), "-q", fsize=len(before) + 2048)
            how = "RLIMIT_FSIZE"
        lines = run.stderr.strip().splitlines()
        intact = q.exists() and q.read_bytes() == before
        temps = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    holds = (first.returncode == 0 and bool(before) and run.returncode == 1 and len(lines) == 1
             and "cannot write" in lines[0] and intact and not temps)
    return holds, (f"{how}: exit {run.returncode}, {len(lines)} line: "
                   f"{lines[0] if lines else '(none)'}; previous q.csv "
                   f"{'intact' if intact else 'CHANGED'}; {len(temps)} temp file(s)")


def disk_full_report(b: Bench) -> tuple[bool, str]:
    with _small_disk(b.work, 1024) as disk:
        if disk is not None:
            out = disk / "report"
            shutil.copytree(b.work / "ref-old", out)
            _fill(disk, 8192)
            run = _cli("report", str(b.new), "--out", str(out), "-q")
            how = "tmpfs"
        else:
            out = b.target("disk-full-report")
            run = _cli("report", str(b.new), "--out", str(out), "-q", fsize=4096)
            how = "RLIMIT_FSIZE"
        lines = run.stderr.strip().splitlines()
        state = b.state(out)
        strays = _strays(out)
    holds = (run.returncode == 1 and len(lines) == 1 and "cannot write" in lines[0]
             and state == "old complete" and not strays)
    return holds, (f"{how}: exit {run.returncode}, {len(lines)} line: "
                   f"{lines[0] if lines else '(none)'}; --out holds the {state} report; "
                   f"{len(strays)} stray(s)")


def unwritable(b: Bench) -> tuple[bool, str]:
    started = time.perf_counter()
    one = _cli("extract", str(b.new), "-o", "/proc/nope/q.csv", "-q")
    two = _cli("report", str(b.new), "--out", "/proc/nope", "-q")
    took = time.perf_counter() - started
    lines = one.stderr.strip().splitlines() + two.stderr.strip().splitlines()
    holds = one.returncode == two.returncode == 1 and len(lines) == 2 \
        and all("cannot write" in line for line in lines)
    return holds, f"exits {one.returncode}, {two.returncode} in {took:.1f} s: {lines[0] if lines else ''}"


PROBES: dict[str, Callable[[Bench], tuple[bool, str]]] = {
    "kill -9 while extracting": kill_probe("extracting"),
    "kill -9 after the first table file": kill_probe("first-table"),
    "kill -9 after the first chart": kill_probe("first-chart"),
    "kill -9 while index.html is written": kill_probe("index"),
    "kill -9 right after the swap": kill_probe("after-swap"),
    "two reports, the first slow": concurrent_slow,
    "two reports started together": concurrent_together,
    "disk full: extract -o q.csv": disk_full_extract,
    "disk full: report": disk_full_report,
    "unwritable -o / --out": unwritable,
}


sys.path.insert(0, str(Path(__file__).resolve().parent))
from faults21 import PROBES21  # noqa: E402  (issue 21's probes)

PROBES.update(PROBES21)


def run_probes(work: Path, names: list[str] | None = None) -> list[tuple[str, bool, str]]:
    bench = Bench(work)
    rows = []
    for name, probe in PROBES.items():
        if names and name not in names:
            continue
        try:
            holds, outcome = probe(bench)
        except Exception as exc:  # a probe that breaks is a probe that does not hold
            holds, outcome = False, f"probe error: {type(exc).__name__}: {exc}"
        rows.append((name, holds, outcome))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument("--only", choices=["13", "21"],
                    help="only the probes of issue 13 (writing) or of issue 21")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="econnews-faults-"))
    names = None
    if args.only:
        names = [n for n in PROBES if (n in PROBES21) == (args.only == "21")]
    try:
        rows = run_probes(work, names)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"work folder: {work}")
    width = max(len(r[0]) for r in rows)
    print(f"{'probe'.ljust(width)}  holds  outcome")
    for name, holds, outcome in rows:
        print(f"{name.ljust(width)}  {'yes' if holds else 'NO '}    {outcome}")
    print(f"\n{sum(h for _, h, _ in rows)} of {len(rows)} probes hold")
    return 0 if all(h for _, h, _ in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
