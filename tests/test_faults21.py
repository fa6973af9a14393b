"""Issue 21's smaller faults, one test each: link loops, --max-size nan/inf, --date that
names what is wrong, stale temporary files and report locks, encodings, manifest rows
outside the folder, full-width formulas, and a checked, capped corpus download."""

from __future__ import annotations

import hashlib
import io
import os
import urllib.error
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from econnews import cli, datasets
from econnews.common import files
from econnews.errors import DatasetError, OutputError
from econnews.load import load_articles

STORY = "Japan's exports to Russia rose 5% to $3 billion in 2018.\n"


def collect(path, **kw):
    return load_articles(path, errors="collect", progress=False, **kw)


# ------------------------------------------------------------------ links and manifests


def test_a_link_loop_with_follow_links_reads_each_file_once(tmp_path, capsys):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "sub" / "b.txt").write_text(STORY.replace("5%", "6%"))
    os.symlink(".", tmp_path / "again")
    os.symlink("..", tmp_path / "sub" / "up")
    arts, errs = collect(tmp_path, follow_links=True)
    assert sorted(arts["id"]) == ["a", "sub/b"] and not len(errs)
    reasons = [s["reason"] for s in arts.attrs["skipped"]]
    assert len(reasons) == 2 and all("already read" in r for r in reasons)
    assert cli.main(["extract", str(tmp_path), "--follow-links", "-o",
                     str(tmp_path.parent / "q.csv")]) == 0
    assert "2 articles" in capsys.readouterr().err


def test_a_file_reached_twice_through_links_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    arts, _ = collect(tmp_path, follow_links=True)
    assert arts["id"].tolist() == ["a"]
    assert "same file as" in arts.attrs["skipped"][0]["reason"]


def test_manifest_rows_outside_the_folder_are_listed_as_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "manifest.csv").write_text(
        "file,date\n../../etc/passwd,2019-01-01\n/etc/hosts,2019-01-01\na.txt,2019-01-02\n")
    arts, errs = collect(tmp_path)
    assert arts["id"].tolist() == ["a"] and not len(errs)
    assert arts.loc[0, "date"] == pd.Timestamp("2019-01-02")
    skipped = {Path(s["path"]).name: s["reason"] for s in arts.attrs["skipped"]}
    assert set(skipped) == {"passwd", "hosts"}
    assert all("outside its folder" in r for r in skipped.values())


# ------------------------------------------------------------------ encodings


def test_shift_jis_is_detected_not_mojibake(tmp_path):
    text = "日本の対ロシア輸出は前年比5%増の30億ドルに達した。\n"
    (tmp_path / "jp.txt").write_bytes(text.encode("shift_jis"))
    arts, errs = collect(tmp_path)
    assert not len(errs)
    assert arts.loc[0, "text"] == text and arts.loc[0, "encoding"] in ("cp932", "shift_jis")


@pytest.mark.parametrize(("text", "encoding", "read_as"), [
    # short texts: one to three sentences, where charset-normalizer guesses cp949/cp1252
    ("中国对东盟贸易额增长5%。", "gb18030", "gb18030"),
    ("进口额达到300亿美元。", "gbk", "gb18030"),
    ("今年中国出口增长 5%，达到 3 万亿美元。海关总署周二表示。", "gb18030", "gb18030"),
    ("Apple公司的销售额增长5%。", "gb18030", "gb18030"),
    ("輸出は3.2%増。", "shift_jis", "cp932"),
    ("輸出3.2%増", "shift_jis", "cp932"),
    ("トヨタの輸出は5%増加、アジア向けが伸びた。財務省が発表した。", "shift_jis", "cp932"),
    ("輸出は3.2%増加した。", "euc_jp", "euc_jp"),
    ("去年台灣對美出口成長12%，創下新高。", "big5", "big5"),
    ("무역 흑자는 30억 달러였다.", "euc_kr", "cp949"),
])
def test_short_east_asian_texts_are_read_right(tmp_path, text, encoding, read_as):
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    arts, errs = collect(tmp_path)
    assert not len(errs)
    assert arts.loc[0, "text"] == text and arts.loc[0, "encoding"] == read_as


@pytest.mark.parametrize(("data", "says"), [
    ("增".encode("gb18030"), "'Ôö'"),  # one character: no one can tell
    ("Рост 5%.".encode("cp1251"), "'Ðîñò 5%.'"),  # too short for charset-normalizer
])
def test_text_that_cannot_be_told_is_an_error_row_not_mojibake(tmp_path, data, says):
    (tmp_path / "a.txt").write_bytes(data)
    arts, errs = collect(tmp_path)
    assert not len(arts) and errs["code"].tolist() == ["unknown-encoding"]
    assert says in errs.loc[0, "message"] and "save the file as UTF-8" in errs.loc[0, "message"]


@pytest.mark.parametrize("text", [
    "Größe größer Maße: Die Exporte stiegen um 5 %.",
    "¡¡Hola!! Las exportaciones crecieron un 5%.",
    "A exportação de café caiu 5% em São Paulo e em Brasília.",
    "He said: “Exports rose 5%…” — and “fell”.",
    # long, with one pound sign: charset-normalizer says cp932 (a half-width katakana)
    "Chelsea paid a £15.8m fee for the striker. " + "The club said so. " * 80,
])
def test_latin_texts_stay_cp1252(tmp_path, text):
    (tmp_path / "a.txt").write_bytes(text.encode("cp1252"))
    arts, errs = collect(tmp_path)
    assert not len(errs) and arts.loc[0, "text"] == text
    assert arts.loc[0, "encoding"] == "cp1252"


@pytest.mark.parametrize(("text", "encoding"), [
    ("Экспорт вырос на 5% до 3 млрд долларов.\n", "cp1251"),
    ("Café exports rose 5%.\n", "cp1252"),
])
def test_other_encodings_keep_their_reading(tmp_path, text, encoding):
    (tmp_path / "a.txt").write_bytes(text.encode(encoding))
    arts, _ = collect(tmp_path)
    assert arts.loc[0, "text"] == text and arts.loc[0, "encoding"] == encoding


def test_charset_normalizer_is_a_declared_dependency():
    pyproject = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text()
    deps = pyproject.split("dependencies = [", 1)[1].split("]", 1)[0]
    assert "charset-normalizer" in deps


# ------------------------------------------------------------------ options


@pytest.mark.parametrize("size", ["nan", "inf", "NaN", "0"])
def test_max_size_nan_and_inf_are_usage_errors(capsys, size):
    assert cli.main(["extract", "data", "--max-size", size, "-q"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--max-size" in err[0] and "Traceback" not in err[0]


@pytest.mark.parametrize(("value", "says"), [
    ("15/02/2005", "day/month/year; write the date as YYYY-MM-DD: 2005-02-15"),
    ("03/02/2005", "ambiguous (3 February or 2 March?)"),
    ("2005", "a year, not a day"),
    ("today", "relative"),
    ("2005-02-30", "impossible: February 2005 has 28 days"),
    ("2005-13-01", "no month 13"),
])
def test_date_says_what_is_wrong(capsys, value, says):
    assert cli.main(["extract", "data", "--date", value, "-q"]) == 2
    err = capsys.readouterr().err
    assert says in err and len(err.strip().splitlines()) == 1


def test_a_real_date_is_taken(capsys, tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    out = tmp_path / "q.csv"
    assert cli.main(["extract", str(tmp_path / "a.txt"), "--date", "2008-02-29", "-o",
                     str(out), "-q"]) == 0
    assert "2008-02-29" in out.read_text()


# ------------------------------------------------------------------ leftovers


def test_a_stale_temporary_file_is_removed_by_the_next_write(tmp_path):
    dead = tmp_path / ".q.xlsx.999999999-k1ll3d.tmp"   # its process is gone
    old_style = tmp_path / ".q.xlsx.abcd1234.tmp"       # an older version's, an hour old
    live = tmp_path / f".q.xlsx.{os.getpid()}-busy.tmp"  # a writer that still runs
    for p in (dead, old_style, live):
        p.write_bytes(b"half")
    os.utime(old_style, (0, 0))
    with files.atomic_write(tmp_path / "q.xlsx") as fh:
        fh.write(b"new")
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(["q.xlsx", live.name])


def test_a_killed_writer_leaves_a_temp_the_next_run_removes(tmp_path):
    import subprocess
    import sys

    code = ("import os, signal, econnews.common.files as f\n"
            f"with f.atomic_write({str(tmp_path / 'q.xlsx')!r}) as fh:\n"
            "    fh.write(b'half'); fh.flush(); os.kill(os.getpid(), signal.SIGKILL)\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    subprocess.run([sys.executable, "-c", code], env=env, check=False)
    assert [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]
    with files.atomic_write(tmp_path / "q.xlsx") as fh:
        fh.write(b"whole")
    assert [p.name for p in tmp_path.iterdir()] == ["q.xlsx"]


def test_a_stale_report_lock_of_another_user_is_taken_over(tmp_path, monkeypatch):
    """A killed report of another user left ``.report.lock`` that this user cannot open
    for writing (simulated: the tests may run as root): the lock is taken over."""
    lock = tmp_path / ".report.lock"
    lock.write_text("999999999 ana\n")
    real_open = os.open

    def open_(path, flags, *a):
        if Path(path) == lock and flags & os.O_RDWR and lock.exists():
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *a)

    monkeypatch.setattr(os, "open", open_)
    with files.replace_folder(tmp_path / "report") as staging:
        (staging / "a.txt").write_text("new")
    assert (tmp_path / "report" / "a.txt").read_text() == "new"


def test_a_held_report_lock_names_its_holder(tmp_path):
    import fcntl

    lock = tmp_path / ".report.lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT)
    os.write(fd, b"4242 ana\n")
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        with pytest.raises(OutputError, match=r"process 4242 of ana.*\.report\.lock"), \
                files.replace_folder(tmp_path / "report"):
            pass
    finally:
        os.close(fd)


def test_an_unreadable_stale_lock_is_named_not_permission_denied(tmp_path, monkeypatch):
    lock = tmp_path / ".report.lock"
    lock.write_text("999999999 ana\n")
    real_open = os.open

    def open_(path, flags, *a):
        if Path(path) == lock:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *a)

    monkeypatch.setattr(os, "open", open_)
    with pytest.raises(OutputError, match=r"\.report\.lock was left by .*remove"), \
            files.replace_folder(tmp_path / "report"):
        pass


# ------------------------------------------------------------------ cells


def test_full_width_formula_signs_are_neutralised(tmp_path, capsys):
    t = pd.DataFrame({"title": ["＝1+1", "＋SUM(A1)", "－2+3", "＠cmd", "fine"]})
    out = files.neutralise_formulas(t)["title"].tolist()
    assert out == ["'＝1+1", "'＋SUM(A1)", "'－2+3", "'＠cmd", "fine"]
    (tmp_path / "a.jsonl").write_text('{"id": "＝1+1", "title": "＝HYPERLINK(1)", '
                                      '"text": "Exports rose 5%."}\n')
    q = tmp_path / "q.csv"
    assert cli.main(["extract", str(tmp_path / "a.jsonl"), "-o", str(q), "-q"]) == 0
    assert "'＝1+1" in q.read_text() and "\n＝" not in q.read_text()


# ------------------------------------------------------------------ downloads


@pytest.fixture
def no_data_env(monkeypatch, tmp_path):
    monkeypatch.delenv("ECONNEWS_DATA", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path


def _bbc_zip(extra: dict[str, bytes] | None = None) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for cat in datasets.BBC_CATEGORIES:
            zf.writestr(f"bbc/{cat}/001.txt", f"A {cat} story\n\n{STORY}")
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def _serve(monkeypatch, payload: bytes, *, https: bool = True) -> list[str]:
    asked: list[str] = []

    def fetch(url, dest, **kw):
        asked.append(url)
        if url.startswith("https:") and not https:
            raise urllib.error.URLError("no https here")
        Path(dest).write_bytes(payload)

    monkeypatch.setattr(datasets, "_fetch", fetch)
    return asked


def test_bbc_download_is_https_first_and_checked(no_data_env, monkeypatch):
    payload = _bbc_zip()
    digest = "sha256:" + hashlib.sha256(payload).hexdigest()
    monkeypatch.setitem(datasets.SOURCES["bbc"], "digest", digest)
    asked = _serve(monkeypatch, payload, https=False)
    arts = datasets.bbc()
    assert len(arts) == 5
    assert asked == [datasets.SOURCES["bbc"]["url"], datasets.SOURCES["bbc"]["fallback"]]
    assert asked[0].startswith("https://")


def test_the_pinned_digests_are_set():
    for name, src in datasets.SOURCES.items():
        assert src["url"].startswith("https://"), name
        algo, _, value = src["digest"].partition(":")
        assert algo in ("sha256", "md5") and len(value) in (64, 32), name


def test_an_archive_that_is_not_the_published_one_is_refused(no_data_env, monkeypatch):
    _serve(monkeypatch, _bbc_zip())
    with pytest.raises(DatasetError, match="not the published one"):
        datasets.bbc()
    assert not (datasets.cache_dir() / "bbc").exists()


def test_a_zip_bomb_is_refused_not_unpacked(no_data_env, monkeypatch):
    payload = _bbc_zip({"bbc/tech/bomb.txt": b"0" * (60 * 1024 * 1024)})
    assert len(payload) < 1024 * 1024  # a small archive, a large unpacking
    monkeypatch.setitem(datasets.SOURCES["bbc"], "digest",
                        "sha256:" + hashlib.sha256(payload).hexdigest())
    _serve(monkeypatch, payload)
    with pytest.raises(DatasetError, match="unpacks to more than"):
        datasets.bbc()
    assert not (datasets.cache_dir() / "bbc").exists()
