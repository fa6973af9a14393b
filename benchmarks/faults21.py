"""Fault probes of issue 21, added to ``benchmarks/faults.py``'s table: probe -> outcome.

Each probe runs the real command line or API in a child process (``python -c``) on
files made in the work folder, and says whether the fault is handled:

* the time budget (``timeout=1`` on a pathological article: an ``extract-timeout`` row
  within 3 s) in a ``threading.Thread``, with ``--jobs 2``, on a
  ``distributed.LocalCluster`` and in ``find_claims``; the caller's ``ITIMER_REAL``;
* bounded memory: a folder of 1 MB articles through ``econnews extract -o q.parquet``
  under a 3 GB address-space cap, every article accounted for, and one large file whose
  text is held once; ``report`` and ``check`` in batches of 4 articles write the bytes
  of one batch;
* the smaller faults: a link loop with ``--follow-links``, ``--max-size nan``/``inf``,
  ``--date`` mistakes named, a kill -9 during ``-o q.xlsx`` (the next run removes the
  temporary file), another user's stale ``.report.lock`` (named, taken over), Shift-JIS
  text and one-sentence GB18030 / Shift-JIS files, manifest rows outside the folder, a full-width ``＝1+1`` cell, and the BBC
  download (https first, digest pinned, a 1 MB zip that unpacks to 60 MB refused).

Run through ``python benchmarks/faults.py`` (``--only 21`` for these alone).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
STORY = "Japan's exports to Russia rose 5% to $3 billion in 2018, the ministry said.\n"
#: a text the scanner needs over ten seconds for without a budget
PATHOLOGICAL = '"$1,2" * 60_000'


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.setdefault("MPLBACKEND", "Agg")
    return env


def _py(code: str, *args: str, cap_gb: float | None = None, timeout: float = 600
        ) -> subprocess.CompletedProcess[str]:
    def limit() -> None:
        if cap_gb is not None:
            import resource

            cap = int(cap_gb * 1024**3)
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                          timeout=timeout, env=_env(), preexec_fn=limit, cwd=REPO)


def _cli(*argv: str, **kw: Any) -> subprocess.CompletedProcess[str]:
    return _py("import sys; from econnews.cli import main; sys.exit(main(sys.argv[1:]))",
               *argv, **kw)


def _last_json(out: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    lines = out.stdout.strip().splitlines()
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"exit {out.returncode}: {out.stderr.strip()[-300:]}")
    return json.loads(lines[-1])


# ------------------------------------------------------------------ the time budget

_BUDGET = r"""
import json, sys, threading, time, warnings
import pandas as pd
import econnews as en
from econnews.extraction.corpus import extract_corpus
en.extract("12 kilopascals, 5 miles per hour, $3 billion, half a point")  # libraries loaded
if sys.argv[1] == "find_claims":  # and the claims stage's tables, exchange rates included
    en.find_claims(pd.DataFrame({"id": ["w"], "date": pd.to_datetime(["2019-01-22"]),
                                 "text": ["Japan's exports to Russia rose to $3 billion."]}))
where = sys.argv[1]
arts = pd.DataFrame({"id": ["slow", "ok"], "text": [PATHOLOGICAL, "Exports rose 5% to $3 billion."]})
out = {}
def run():
    t0 = time.perf_counter()
    if where == "find_claims":
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            c = en.find_claims(arts, timeout=1)
        out["codes"] = ["extract-timeout" for x in w if "extract-timeout" in str(x.message)]
        out["rows_for"] = sorted(set(c["doc_id"]))
    elif where == "dask":
        import dask, dask.dataframe as dd, distributed
        from econnews import dask as edask
        with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                      dashboard_address=None) as cluster, \
                distributed.Client(cluster):
            t0 = time.perf_counter()
            q, e = dask.compute(*edask.extract(dd.from_pandas(arts, npartitions=1),
                                               errors="collect", timeout=1))
        out["codes"], out["rows_for"] = e["code"].tolist(), sorted(set(q["doc_id"]))
    else:
        q, e = extract_corpus(arts, n_jobs=2 if where == "jobs2" else 1, chunk_size=1,
                              timeout=1, errors="collect", progress=False)
        out["codes"], out["rows_for"] = e["code"].tolist(), sorted(set(q["doc_id"]))
    out["seconds"] = round(time.perf_counter() - t0, 2)
if where == "thread":
    th = threading.Thread(target=run); th.start(); th.join()
elif where == "itimer":
    import signal
    signal.signal(signal.SIGALRM, lambda *a: None)
    signal.setitimer(signal.ITIMER_REAL, 10.0)
    run()
    out["itimer_left"] = round(signal.getitimer(signal.ITIMER_REAL)[0], 1)
else:
    run()
print(json.dumps(out))
""".replace("PATHOLOGICAL", PATHOLOGICAL)


def budget_probe(where: str) -> Callable[[Any], tuple[bool, str]]:
    def probe(b: Any) -> tuple[bool, str]:
        out = _last_json(_py(_BUDGET, where))
        holds = out["codes"] == ["extract-timeout"] and out["rows_for"] == ["ok"] \
            and out["seconds"] < 3
        extra = ""
        if where == "itimer":
            holds = holds and 5 < out["itimer_left"] < 10
            extra = f"; the caller's timer still runs ({out['itimer_left']} s left of 10)"
        return holds, (f"{', '.join(out['codes']) or 'no error row'} after {out['seconds']} s; "
                       f"rows for {out['rows_for']}{extra}")
    return probe


# ------------------------------------------------------------------ memory

#: wire copy with a figure or two a sentence (a story repeated: quick to write and read)
_PROSE = ("The ministry said trade between the two countries rose to 5 billion dollars "
          "last year, while officials in both capitals expected further growth in the "
          "coming months as new agreements on energy, transport and farming take effect.\n")


def folder_memory(b: Any, n: int = 8, mb: float = 1.0) -> tuple[bool, str]:
    folder = b.work / f"mem-{n}"
    folder.mkdir(exist_ok=True)
    para = _PROSE * int(mb * 1_000_000 // len(_PROSE))
    for i in range(n):
        (folder / f"a{i:04d}.txt").write_text(f"Story {i}\n{para}", encoding="utf-8")
    (folder / "empty.txt").write_text("")
    code = r"""
import json, resource, subprocess, sys
out = subprocess.run([sys.executable, "-m", "econnews.cli", "extract", sys.argv[1], "-o",
                      sys.argv[2], "--jobs", "2"], capture_output=True, text=True)
import pandas as pd
q = pd.read_parquet(sys.argv[2]) if out.returncode == 0 else None
print(json.dumps({"exit": out.returncode, "err": out.stderr.strip().splitlines()[-1:],
                  "docs": 0 if q is None else int(q["doc_id"].nunique()),
                  "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024}))
"""
    out = _last_json(_py(code, str(folder), str(b.work / "mem.parquet"), cap_gb=3))
    summary = out["err"][0] if out["err"] else ""
    holds = out["exit"] == 0 and out["docs"] == n and out["peak_mb"] < 1500 \
        and f"{n} articles" in summary and "1 error" in summary
    return holds, (f"{n} x {mb:g} MB under a 3 GB cap: exit {out['exit']}, peak RSS "
                   f"{out['peak_mb']} MB (largest process), {out['docs']} articles with rows; "
                   f"{summary}")


def one_large_file(b: Any, mb: int = 50) -> tuple[bool, str]:
    big = b.work / "big.txt"
    with open(big, "w", encoding="utf-8") as fh:
        fh.write("A big file\n" + STORY * (mb * 1_000_000 // len(STORY)))
    code = r"""
import json, resource, sys
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
import econnews  # noqa
from econnews.load import load_articles
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
a = load_articles(sys.argv[1], max_bytes=None, progress=False)
rest = int(open("/proc/self/statm").read().split()[1]) * 4096 // 1024
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"base_kb": base, "peak_kb": peak, "rest_kb": rest, "rows": len(a)}))
"""
    out = _last_json(_py(code, str(big)))
    size_mb = big.stat().st_size / 2**20
    peak = (out["peak_kb"] - out["base_kb"]) / 1024
    rest = (out["rest_kb"] - out["base_kb"]) / 1024
    holds = out["rows"] == 1 and rest < 1.5 * size_mb
    return holds, (f"{size_mb:.0f} MB file: {peak / size_mb:.1f}x its size at the peak "
                   f"(while decoding and tabling), {rest / size_mb:.1f}x once loaded")


# ------------------------------------------------------------------ smaller faults

def link_loop(b: Any) -> tuple[bool, str]:
    root = b.work / "loop"
    (root / "sub").mkdir(parents=True, exist_ok=True)
    (root / "a.txt").write_text(STORY)
    (root / "sub" / "b.txt").write_text(STORY.replace("5%", "6%"))
    for link, to in ((root / "again", "."), (root / "sub" / "up", "..")):
        if not link.is_symlink():
            os.symlink(to, link)
    out = _cli("extract", str(root), "--follow-links", "-o", str(b.work / "loop.csv"))
    summary = out.stderr.strip().splitlines()[-1] if out.stderr.strip() else ""
    holds = out.returncode == 0 and "2 articles" in summary and "2 skipped" in summary
    return holds, f"exit {out.returncode}: {summary}"


def max_size(b: Any) -> tuple[bool, str]:
    lines = []
    ok = True
    for v in ("nan", "inf"):
        out = _cli("extract", "data", "--max-size", v, "-q")
        err = out.stderr.strip().splitlines()
        ok = ok and out.returncode == 2 and len(err) == 1 and "Traceback" not in out.stderr
        lines.append(f"{v}: exit {out.returncode}")
    return ok, "; ".join(lines) + f"; {err[0] if err else ''}"


def date_option(b: Any) -> tuple[bool, str]:
    cases = {"15/02/2005": "2005-02-15", "03/02/2005": "ambiguous", "2005": "a year",
             "today": "relative", "2005-02-30": "impossible"}
    said = []
    ok = True
    for value, word in cases.items():
        out = _cli("extract", "data", "--date", value, "-q")
        ok = ok and out.returncode == 2 and word in out.stderr
        said.append(out.stderr.strip().split(f"--date {value}: ", 1)[-1][:58])
    good = _cli("extract", str(REPO / "data" / "russia-japan-trade-30bn.txt"), "--date",
                "2008-02-29", "-q")
    ok = ok and good.returncode == 0
    return ok, f"refused, each named: {' | '.join(said)}; 2008-02-29 taken (exit {good.returncode})"


_KILL_XLSX = r"""
import os, signal, sys
import econnews.common.writer as w
real = w.TableWriter.write
def write(self, frame):
    real(self, frame); self._fh.flush(); os.kill(os.getpid(), signal.SIGKILL)
w.TableWriter.write = write
from econnews.cli import main
sys.exit(main(sys.argv[1:]))
"""


def killed_xlsx(b: Any) -> tuple[bool, str]:
    folder = b.work / "xlsx"
    folder.mkdir(exist_ok=True)
    target = folder / "q.xlsx"
    first = _py(_KILL_XLSX, "extract", "data", "-o", str(target), "-q")
    left = sorted(p.name for p in folder.iterdir() if p.suffix == ".tmp")
    again = _cli("extract", "data", "-o", str(target), "-q")
    after = sorted(p.name for p in folder.iterdir() if p.suffix == ".tmp")
    holds = first.returncode == -9 and bool(left) and again.returncode == 0 and not after \
        and target.is_file()
    return holds, (f"killed (exit {first.returncode}) left {', '.join(left) or 'nothing'}; "
                   f"the next run (exit {again.returncode}) left {len(after)} temporary file(s)")


_OTHER_USERS_LOCK = r"""
import os, sys
from pathlib import Path
lock = Path(sys.argv[1]).parent / ".report.lock"
real = os.open
def open_(path, flags, *a):  # as for another user's 0644 file: no writing
    if Path(path) == lock and flags & os.O_RDWR and lock.exists():
        raise PermissionError(13, "Permission denied", str(path))
    return real(path, flags, *a)
os.open = open_
from econnews.cli import main
sys.exit(main(["report", "data", "--out", sys.argv[1], "-q"]))
"""


def stale_lock(b: Any) -> tuple[bool, str]:
    folder = b.work / "shared-folder"
    folder.mkdir(exist_ok=True)
    (folder / ".report.lock").write_text("999999 ana\n")  # a killed report of user ana
    out = _py(_OTHER_USERS_LOCK, str(folder / "report"))
    holds = out.returncode == 0 and (folder / "report" / "index.html").is_file()
    return holds, (f"exit {out.returncode}; the lock of ana's killed report was taken over"
                   if holds else f"exit {out.returncode}: {out.stderr.strip()[-200:]}")


def shift_jis(b: Any) -> tuple[bool, str]:
    text = "日本の対ロシア輸出は前年比5%増の30億ドルに達した。\n"
    path = b.work / "jp.txt"
    path.write_bytes(text.encode("shift_jis"))
    code = ("import json, sys; from econnews.load import load_articles\n"
            "a = load_articles(sys.argv[1])\n"
            "print(json.dumps({'ok': a.loc[0, 'text'] == sys.argv[2], "
            "'enc': a.loc[0, 'encoding']}))")
    out = _last_json(_py(code, str(path), text))
    return out["ok"], f"read as {out['enc']}, text {'intact' if out['ok'] else 'MOJIBAKE'}"


def short_east_asian(b: Any) -> tuple[bool, str]:
    """One-sentence GB18030 and Shift-JIS files are read right; one character that
    cannot be told is an error row, never mojibake."""
    texts = {"gb.txt": ("中国对东盟贸易额增长5%。", "gb18030"),
             "sj.txt": ("輸出は3.2%増。", "shift_jis"), "one.txt": ("增", "gb18030")}
    folder = b.work / "short-cjk"
    folder.mkdir(exist_ok=True)
    for name, (text, enc) in texts.items():
        (folder / name).write_bytes(text.encode(enc))
    code = ("import json, sys; from econnews.load import load_articles\n"
            "a, e = load_articles(sys.argv[1], errors='collect', progress=False)\n"
            "print(json.dumps({'rows': {p.rsplit('/', 1)[-1]: [t, c] for p, t, c in "
            "zip(a['path'], a['text'], a['encoding'])}, 'errors': {p.rsplit('/', 1)[-1]: c "
            "for p, c in zip(e['path'], e['code'])}}))")
    out = _last_json(_py(code, str(folder)))
    rows, errs = out["rows"], out["errors"]
    holds = (rows.get("gb.txt", [""])[0] == texts["gb.txt"][0]
             and rows.get("sj.txt", [""])[0] == texts["sj.txt"][0]
             and errs == {"one.txt": "unknown-encoding"})
    return holds, (f"gb.txt as {rows.get('gb.txt', ['', '-'])[1]}, sj.txt as "
                   f"{rows.get('sj.txt', ['', '-'])[1]}; one character: {errs}")


_BATCHES = r"""
import contextlib, io, json, shutil, sys
from pathlib import Path
from econnews import cli, cli_stream
work = Path(sys.argv[2])
data = work / "data"
shutil.copytree(sys.argv[1], data, dirs_exist_ok=True)
(data / "bad.txt").write_bytes(b"\x00\x01 not text")
out = {}
for size, tag in ((4, "batches"), (10**6, "one")):
    cli_stream.BATCH_ARTICLES = size
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        out[tag] = [cli.main(["check", str(data), "-o", str(work / f"check-{tag}.csv")]),
                    cli.main(["report", str(data), "--out", str(work / f"report-{tag}"), "-q"])]
    out[tag + "_summary"] = [x for x in err.getvalue().splitlines() if "articles," in x][-1:]
files = lambda d: {p.relative_to(d).as_posix(): p.read_bytes() for p in sorted(d.rglob("*"))
                   if p.is_file()}
a, b = files(work / "report-batches"), files(work / "report-one")
out["report_differs"] = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
out["report_files"] = len(a)
out["check_same"] = (work / "check-batches.csv").read_bytes() == (work / "check-one.csv").read_bytes()
print(json.dumps(out))
"""


def _data_articles() -> int:
    """How many articles data/ holds (the binary file added beside them is an error row)."""
    from econnews import load_articles

    return len(load_articles(REPO / "data"))


def report_check_batches(b: Any) -> tuple[bool, str]:
    """``econnews check`` and ``report`` over data/ (+ a binary file) in batches of 4
    articles write the bytes of a run in one batch; every input accounted for."""
    folder = b.work / "batches"
    folder.mkdir(exist_ok=True)
    out = _last_json(_py(_BATCHES, str(REPO / "data"), str(folder)))
    summary = (out["batches_summary"] or [""])[0]
    holds = (out["batches"] == out["one"] == [0, 0] and out["check_same"]
             and not out["report_differs"] and "1 error" in summary
             and summary.split(": ", 1)[-1].split(",")[0] == f"{_data_articles()} articles")
    return holds, (f"check.csv {'identical' if out['check_same'] else 'DIFFERS'}, report "
                   f"{out['report_files']} files, differing: {out['report_differs'] or 'none'}; "
                   f"{summary.split(', 1 skipped')[0]}")


def manifest_outside(b: Any) -> tuple[bool, str]:
    root = b.work / "manifest"
    root.mkdir(exist_ok=True)
    (root / "a.txt").write_text(STORY)
    (root / "manifest.csv").write_text("file,date\n../../etc/passwd,2019-01-01\na.txt,2019-01-02\n")
    out = _cli("extract", str(root), "-o", str(b.work / "m.csv"))
    said = [line for line in out.stderr.splitlines() if "passwd" in line]
    holds = out.returncode == 0 and bool(said) and "outside" in said[0]
    return holds, said[0] if said else f"exit {out.returncode}, not listed"


def full_width(b: Any) -> tuple[bool, str]:
    src = b.work / "fw.jsonl"
    src.write_text('{"id": "＝1+1", "title": "＝HYPERLINK(1)", "text": "Up 5%."}\n',
                   encoding="utf-8")
    q = b.work / "fw.csv"
    out = _cli("extract", str(src), "-o", str(q), "-q")
    cell = q.read_text(encoding="utf-8").splitlines()[1].split(",")[0] if q.exists() else ""
    return out.returncode == 0 and cell == "'＝1+1", f"the doc_id cell is written {cell!r}"


_DOWNLOAD = r"""
import hashlib, io, json, sys, urllib.error, zipfile
from pathlib import Path
from econnews import datasets
from econnews.errors import DatasetError
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
    for cat in datasets.BBC_CATEGORIES:
        zf.writestr(f"bbc/{cat}/001.txt", "A story\n\nUp 5%.")
    zf.writestr("bbc/tech/bomb.txt", b"0" * (60 * 2**20))
payload = buf.getvalue()
asked = []
def fetch(url, dest, **kw):
    asked.append(url)
    Path(dest).write_bytes(payload)
datasets._fetch = fetch
out = {"zip_kb": len(payload) // 1024}
try:
    datasets.bbc()
except DatasetError as e:
    out["pinned"] = str(e)[:90]
datasets.SOURCES["bbc"]["digest"] = "sha256:" + hashlib.sha256(payload).hexdigest()
try:
    datasets.bbc()
except DatasetError as e:
    out["capped"] = str(e)[:90]
out["first_url"] = asked[0]
out["cached"] = (datasets.cache_dir() / "bbc").exists()
print(json.dumps(out))
"""


def download(b: Any) -> tuple[bool, str]:
    os.environ["XDG_CACHE_HOME"] = str(b.work / "cache")
    local = os.environ.pop("ECONNEWS_DATA", None)  # CI points at ../shared: download anyway
    try:
        out = _last_json(_py(_DOWNLOAD))
    finally:
        del os.environ["XDG_CACHE_HOME"]
        if local is not None:
            os.environ["ECONNEWS_DATA"] = local
    holds = out["first_url"].startswith("https://") and "not the published one" in \
        out.get("pinned", "") and "unpacks to more than" in out.get("capped", "") \
        and not out["cached"]
    return holds, (f"https first ({out['first_url'][:30]}...); another archive refused by its "
                   f"digest; a {out['zip_kb']} KB zip unpacking to 60 MB refused: "
                   f"{out.get('capped', 'NOT REFUSED')[:60]}")


PROBES21: dict[str, Callable[[Any], tuple[bool, str]]] = {
    "budget: timeout=1 in a thread": budget_probe("thread"),
    "budget: timeout=1 with --jobs 2": budget_probe("jobs2"),
    "budget: timeout=1 on a Dask LocalCluster": budget_probe("dask"),
    "budget: timeout=1 in find_claims": budget_probe("find_claims"),
    "budget: the caller's ITIMER_REAL": budget_probe("itimer"),
    "memory: extract FOLDER -o q.parquet": folder_memory,
    "memory: one large file held once": one_large_file,
    "memory: report and check in batches": report_check_batches,
    "--follow-links with a link loop": link_loop,
    "--max-size nan / inf": max_size,
    "--date mistakes named": date_option,
    "kill -9 during -o q.xlsx, then a rerun": killed_xlsx,
    "another user's stale .report.lock": stale_lock,
    "Shift-JIS text": shift_jis,
    "short GB18030 / Shift-JIS text": short_east_asian,
    "manifest row outside the folder": manifest_outside,
    "full-width ＝1+1 in CSV": full_width,
    "BBC download: https, digest, unpack cap": download,
}
