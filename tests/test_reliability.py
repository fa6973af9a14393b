"""Every input accounted for, under any input and any fault (issue 13).

The fault probes of ``benchmarks/faults.py`` (kill -9 at five moments of a report, two
concurrent reports, disk full, unwritable outputs) run here as tests, one each; the
command line runs a poison folder with ``--jobs 1`` and ``--jobs 2`` under a 3 GB
per-process cap; CSV and Excel cells cannot run as formulas.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from econnews import cli
from econnews.common.files import (
    MARKER,
    atomic_write,
    complete_files,
    neutralise_formulas,
    replace_folder,
)
from econnews.errors import OutputError
from econnews.report import build_report

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from test_load import POISON_COUNTS, POISON_INPUTS, poison_folder  # noqa: E402

from benchmarks import faults  # noqa: E402


def run(capsys, *argv):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------ fault probes


@pytest.fixture(scope="module")
def bench(tmp_path_factory):
    return faults.Bench(tmp_path_factory.mktemp("faults"))


@pytest.mark.slow
@pytest.mark.parametrize("probe", list(faults.PROBES))
def test_fault_probe_holds(bench, probe):
    holds, outcome = faults.PROBES[probe](bench)
    assert holds, f"{probe}: {outcome}"


# ------------------------------------------------------------------ a poison folder


def _capped(*argv: str) -> subprocess.CompletedProcess[str]:
    def cap() -> None:
        three_gb = 3 * 1024 ** 3
        resource.setrlimit(resource.RLIMIT_AS, (three_gb, three_gb))

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "econnews.cli", *argv], capture_output=True,
                          text=True, timeout=600, env=env, preexec_fn=cap)


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_poison_folder_on_the_command_line_under_a_3gb_cap(tmp_path, jobs):
    folder = poison_folder(tmp_path)
    out = tmp_path / "q.csv"
    done = _capped("extract", str(folder), "--jobs", jobs, "--max-size", str(10_000 / 2**20),
                   "-o", str(out))
    assert done.returncode == 0, done.stderr
    summary = done.stderr.strip().splitlines()[-1]
    counts = {name: int(n.replace(",", "")) for n, name in
              re.findall(r"([\d,]+) (articles?|errors?|skipped)\b", summary)}
    articles = counts.get("articles", counts.get("article"))
    errors = counts.get("errors", counts.get("error"))
    assert (articles, errors, counts["skipped"]) == POISON_COUNTS, summary
    assert articles + errors + counts["skipped"] == POISON_INPUTS
    q = pd.read_csv(out)
    assert {"good", "good#2", "terms-of-trade-shock", "copying-chinas-model", "s1", "s2",
            "sub/deep"} == set(q["doc_id"])
    assert "SECRET" not in out.read_text()
    for why in ("zero.txt: link leading outside the folder", "x.txt: a named pipe"):
        assert why in done.stderr


# ------------------------------------------------------------------ atomic writes


def test_a_failed_write_keeps_the_previous_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "q.csv"
    target.write_text("good\n")
    with pytest.raises(RuntimeError), atomic_write(target) as fh:
        fh.write(b"half")
        raise RuntimeError("killed mid-write")
    assert target.read_text() == "good\n" and [p.name for p in tmp_path.iterdir()] == ["q.csv"]


def test_disk_full_is_one_line_and_exit_1(tmp_path, monkeypatch, capsys):
    seed = REPO / "data" / "russia-japan-trade-30bn.txt"
    out = tmp_path / "q.csv"
    assert run(capsys, "extract", seed, "-o", out, "-q")[0] == 0
    before = out.read_bytes()

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    import econnews.common.files as files

    monkeypatch.setattr(files.os, "fsync", full)
    code, _, err = run(capsys, "extract", seed, "-o", out, "-q")
    assert code == 1 and err.count("\n") == 1
    assert "the disk is full" in err and "free some space" in err
    assert out.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["q.csv"]


@pytest.mark.parametrize("argv", [["extract", "-o", "/proc/nope/q.csv"],
                                  ["claims", "-o", "/proc/nope/c.csv"],
                                  ["report", "--out", "/proc/nope"]])
def test_an_unwritable_output_fails_before_the_work(capsys, monkeypatch, argv):
    import econnews.load.articles

    def never(*args, **kwargs):
        raise AssertionError("the work started")

    monkeypatch.setattr(econnews.load.articles, "load_articles", never)
    code, out, err = run(capsys, argv[0], REPO / "data", *argv[1:])
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "cannot write /proc/nope" in err


# ------------------------------------------------------------------ report folders


def _articles(folder: Path, **texts: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def test_files_the_new_report_does_not_write_do_not_stay(tmp_path):
    old = _articles(tmp_path / "old", a="Trade rose to $30 billion.", empty="")
    new = _articles(tmp_path / "new", b="Investment stood at $2.2 billion.")
    out = tmp_path / "report"
    first = build_report(old, out, formats=["svg"], progress=False)
    assert "errors.csv" in first.files
    (out / "charts" / "stale.svg").write_text("<svg/>")
    (out / "charts" / ".x.svg.abc.tmp").write_bytes(b"")
    second = build_report(new, out, formats=["svg"], progress=False)
    on_disk = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert on_disk == set(second.files) | {MARKER}
    assert complete_files(out) == sorted(second.files)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new", "old", "report"]


def test_a_folder_of_other_files_is_not_replaced(tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "thesis.docx").write_text("years of work")
    with pytest.raises(OutputError, match="not an econnews report"):
        build_report(_articles(tmp_path / "a", a="Up 5%."), out, formats=["svg"])
    assert [p.name for p in out.iterdir()] == ["thesis.docx"]


def test_a_second_report_into_the_same_folder_fails_at_once(tmp_path, capsys):
    out = tmp_path / "report"
    with replace_folder(out) as staging:
        (staging / "index.html").write_text("econnews")
        code, _, err = run(capsys, "report", REPO / "data", "--out", out, "-q")
        assert code == 1 and err.count("\n") == 1
        assert "another econnews report is being written" in err
    assert complete_files(out) == ["index.html"]


def test_no_local_absolute_path_in_any_report_file(tmp_path):
    src = _articles(tmp_path / "news", a="Trade rose to $30 billion in 2019.", empty="")
    report = build_report(src, tmp_path / "out", formats=["svg"], progress=False)
    for path in report.files.values():
        data = path.read_bytes()
        assert str(tmp_path).encode() not in data, path.name
    errors = pd.read_csv(report.files["errors.csv"])
    assert errors["path"].tolist() == ["news/empty.txt"]
    assert "1 article read from news" in report.index.read_text()  # a relative name


# ------------------------------------------------------------------ formulas


HOSTILE = {"=HYPERLINK(\"http://x\",\"y\")": "a", "+cmd|' /C calc'!A0": "b", "@SUM(1+1)": "c",
           "-2+3": "d", "\tTAB": "e"}


def _hostile_jsonl(tmp_path: Path) -> Path:
    import json

    lines = [json.dumps({"id": i, "title": i, "source": i, "text": f"Exports rose {n}%."})
             for n, i in enumerate(HOSTILE, 1)]
    lines.append(json.dumps({"id": "-5", "text": "Imports fell 2% to -3 degrees."}))
    path = tmp_path / "hostile.jsonl"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_csv_cells_cannot_run_as_formulas(tmp_path, capsys):
    src = _hostile_jsonl(tmp_path)
    out = tmp_path / "q.csv"
    assert run(capsys, "extract", src, "-o", out, "-q")[0] == 0
    q = pd.read_csv(out, dtype={"doc_id": str}, keep_default_na=False)
    ids, sources = set(q["doc_id"]), set(q["source"])
    for k in HOSTILE:  # (ids lose their surrounding spaces; sources keep them)
        assert any(s.startswith("'") and s[1:].strip() == k.strip() for s in sources), k
    assert {"'=HYPERLINK(\"http://x\",\"y\")", "'@SUM(1+1)", "'-2+3"} <= ids
    assert "-5" in ids  # a plain number stays
    assert set(q.pop("bound")) == {"="}  # econnews' own vocabulary stays as it is
    assert not any(str(c).startswith(("=", "+", "@", "\t", "\r")) for c in q.to_numpy().ravel())
    assert pd.to_numeric(q["value"]).min() == -3  # numbers stay numbers, negative too
    raw = tmp_path / "raw.csv"
    assert run(capsys, "extract", src, "-o", raw, "-q", "--keep-formulas")[0] == 0
    raw_sources = set(pd.read_csv(raw, dtype=str, keep_default_na=False)["source"])
    assert {k.strip() for k in HOSTILE} <= {s.strip() for s in raw_sources}
    pq = tmp_path / "q.parquet"
    assert run(capsys, "extract", src, "-o", pq, "-q")[0] == 0
    assert set(HOSTILE) <= set(pd.read_parquet(pq)["source"])  # Parquet keeps the raw text


def test_report_csvs_neutralise_and_parquet_keeps_raw(tmp_path):
    src = _hostile_jsonl(tmp_path)
    (tmp_path / "=bad.txt").write_text("")
    report = build_report([src, tmp_path / "=bad.txt"], tmp_path / "out", formats=["svg"],
                          progress=False)
    for name in ("quantities.csv", "claims.csv", "errors.csv"):
        frame = pd.read_csv(report.files[name], dtype=str, keep_default_na=False)
        if "bound" in frame:  # econnews' own vocabulary: = ~ > <
            assert set(frame.pop("bound")) <= {"=", "~", ">", "<", ""}
        cells = frame.to_numpy().ravel().tolist()
        assert not any(c.startswith(("=", "+", "@", "\t", "\r")) for c in cells), name
    assert "=HYPERLINK" in pd.read_parquet(report.files["quantities.parquet"])["doc_id"].iloc[0]


def test_xlsx_output_is_neutralised(tmp_path, capsys):
    openpyxl = pytest.importorskip("openpyxl")
    src = _hostile_jsonl(tmp_path)
    out = tmp_path / "q.xlsx"
    assert run(capsys, "extract", src, "-o", out, "-q")[0] == 0
    sheet = openpyxl.load_workbook(out).active
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not any(c.data_type == "f" for c in cells)  # no formula, not even bound "="
    values = [c.value for c in cells]
    assert "'=HYPERLINK(\"http://x\",\"y\")" in values and "=" in values
    back = pd.read_excel(out)
    assert back["value"].min() == -3 and len(back) == len(HOSTILE) + 2


def test_neutralise_formulas_leaves_numbers_and_categories_right():
    t = pd.DataFrame({"bound": pd.Categorical(["=", "~"]), "value": [-1.5, 2.0],
                      "low": pd.array([-1, None], dtype="Int64"), "note": ["-3.5%", "\rx"]})
    out = neutralise_formulas(t)
    assert out["bound"].tolist() == ["=", "~"]
    assert out["value"].tolist() == [-1.5, 2.0] and out["low"].dtype == "Int64"
    assert out["note"].tolist() == ["-3.5%", "'\rx"]
    assert t["note"].tolist() == ["-3.5%", "\rx"]  # the input is not modified


def test_a_carriage_return_in_a_field_does_not_split_a_csv_row(tmp_path, capsys):
    src = tmp_path / "cr.jsonl"
    src.write_text('{"id": "a", "source": "\\rReuters\\rTokyo", "text": "Exports rose 5%."}\n'
                   '{"id": "b", "source": "Kyodo", "text": "Imports fell 2%."}\n')
    out = tmp_path / "q.csv"
    assert run(capsys, "extract", src, "-o", out, "-q")[0] == 0
    q = pd.read_csv(out, keep_default_na=False)
    assert q["doc_id"].tolist() == ["a", "b"]
    assert q["source"].tolist() == ["\nReuters\nTokyo", "Kyodo"]
