"""Issue 21: a corpus in batches; outputs written as they come; every article counted."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from econnews import cli, cli_stream
from econnews.common.writer import TableWriter
from econnews.extraction.corpus import extract_corpus
from econnews.load import iter_articles, load_articles

REPO = Path(__file__).resolve().parents[1]


def folder(tmp_path: Path, n: int = 12) -> Path:
    root = tmp_path / "news"
    (root / "sub").mkdir(parents=True)
    for i in range(n):
        where = root / "sub" if i % 3 else root
        (where / f"s{i:02d}.txt").write_text(f"Story {i}\nExports rose {i + 1}% to ${i + 2} "
                                             "billion, the ministry said.\n", encoding="utf-8")
    (root / "empty.txt").write_text("", encoding="utf-8")
    (root / "blob.txt").write_bytes(b"\x00\x01\x02" * 50)
    (root / "README.md").write_text("not an article", encoding="utf-8")
    (root / "notes.pdf").write_bytes(b"%PDF")
    return root


def test_batches_hold_every_article_once_with_unique_ids(tmp_path):
    root = folder(tmp_path)
    whole, errs = load_articles(root, errors="collect", progress=False)
    batches = list(iter_articles(root, batch_size=5, errors="collect", progress=False))
    sizes = [len(a) for a, _ in batches]
    assert max(sizes) <= 5 and sum(sizes) == len(whole) == 12
    got = pd.concat([a for a, _ in batches], ignore_index=True)
    assert got["id"].is_unique
    assert sorted(got["id"]) == sorted(whole["id"])
    assert sorted(pd.concat([e for _, e in batches])["code"]) == sorted(errs["code"])
    skipped = [s for a, _ in batches for s in a.attrs["skipped"]]
    assert len(skipped) == len(whole.attrs["skipped"]) == 2
    # inputs = rows + error rows + skipped
    assert sum(sizes) + sum(len(e) for _, e in batches) + len(skipped) == 12 + 2 + 2


def test_load_articles_batch_size_and_a_batch_ends_at_batch_chars(tmp_path):
    root = folder(tmp_path)
    batches = list(load_articles(root, batch_size=100, progress=False, errors="collect"))
    assert [len(a) for a, _ in batches] == [12]
    small = list(iter_articles(root, batch_size=100, batch_chars=100, errors="collect",
                               progress=False))
    assert all(len(a) <= 2 for a, _ in small) and sum(len(a) for a, _ in small) == 12
    with pytest.raises(Exception, match="batch_size"):
        iter_articles(root, batch_size=0)


def test_repeated_ids_across_batches_stay_unique(tmp_path):
    root = tmp_path / "j"
    root.mkdir()
    (root / "a.jsonl").write_text("".join(f'{{"id": "x", "text": "Up {i}%."}}\n'
                                          for i in range(4)), encoding="utf-8")
    (root / "b.jsonl").write_text('{"id": "x", "text": "Down 1%."}\n', encoding="utf-8")
    ids = [i for b in iter_articles(root, batch_size=1, progress=False) for i in b["id"]]
    assert ids == ["x", "x#2", "x#3", "x#4", "x#5"]


def test_an_empty_folder_still_yields_one_typed_batch(tmp_path):
    (tmp_path / "e").mkdir()
    batches = list(iter_articles(tmp_path / "e", errors="collect", progress=False))
    assert len(batches) == 1 and len(batches[0][0]) == 0 and "text" in batches[0][0]


def test_extract_corpus_over_batches_equals_the_whole(tmp_path):
    root = folder(tmp_path)
    whole = extract_corpus(load_articles(root, progress=False), n_jobs=1, progress=False)
    parts = extract_corpus(iter_articles(root, batch_size=4, progress=False), n_jobs=1,
                           progress=False)
    assert not isinstance(parts, pd.DataFrame)
    got = pd.concat(list(parts), ignore_index=True)
    got.attrs = whole.attrs = {}
    pd.testing.assert_frame_equal(got, whole)
    pairs = list(extract_corpus(iter_articles(root, batch_size=4, progress=False,
                                              errors="collect"), errors="collect",
                                n_jobs=1, progress=False))
    assert all(isinstance(p, tuple) and len(p) == 2 for p in pairs)


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl", ".xlsx"])
def test_the_writer_appends_batches_like_one_write(tmp_path, suffix):
    if suffix == ".xlsx":
        pytest.importorskip("openpyxl")
    q = extract_corpus(load_articles(REPO / "data", progress=False), n_jobs=1, progress=False)
    q.attrs = {}
    one, many = tmp_path / f"one{suffix}", tmp_path / f"many{suffix}"
    with TableWriter(one) as w:
        w.write(q)
    with TableWriter(many) as w:
        for k in range(0, len(q), 7):
            w.write(q.iloc[k:k + 7])
    if suffix == ".parquet":
        pd.testing.assert_frame_equal(pd.read_parquet(many), pd.read_parquet(one))
    elif suffix == ".xlsx":
        assert len(pd.read_excel(many)) == len(pd.read_excel(one)) == len(q)
    else:
        assert many.read_bytes() == one.read_bytes()


def test_a_failed_writer_leaves_the_previous_file(tmp_path):
    out = tmp_path / "q.csv"
    out.write_text("previous\n")
    with pytest.raises(RuntimeError), TableWriter(out) as w:
        w.write(pd.DataFrame({"a": [1]}))
        raise RuntimeError("killed")
    assert out.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["q.csv"]


@pytest.mark.parametrize("command", ["extract", "claims"])
@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_cli_output_in_batches_equals_one_batch(tmp_path, monkeypatch, capsys, command, suffix):
    one, many = tmp_path / f"one{suffix}", tmp_path / f"many{suffix}"
    assert cli.main([command, str(REPO / "data"), "-o", str(one), "-q"]) == 0
    monkeypatch.setattr(cli_stream, "BATCH_ARTICLES", 4)
    assert cli.main([command, str(REPO / "data"), "-o", str(many), "-q"]) == 0
    if suffix == ".parquet":
        pd.testing.assert_frame_equal(pd.read_parquet(many), pd.read_parquet(one))
    else:
        assert many.read_bytes() == one.read_bytes()


def test_cli_counts_every_input(tmp_path, capsys):
    root = folder(tmp_path)
    assert cli.main(["extract", str(root), "-o", str(tmp_path / "q.csv")]) == 0
    err = capsys.readouterr().err
    assert "12 articles" in err and "2 errors" in err and "2 skipped" in err


BIG = r'''
import resource, sys
from econnews.load import iter_articles
n = 0
for batch in iter_articles(sys.argv[1], batch_size=1000, batch_chars=4_000_000,
                           progress=False):
    n += len(batch)
print(n, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
'''


def test_loading_in_batches_stays_flat_as_the_folder_doubles(tmp_path):
    """40 MB and 80 MB folders of 2 MB files: the peak RSS of reading them in batches
    does not grow with the folder."""
    para = "Japan's exports to Russia rose 5% to $3 billion in 2018, the ministry said.\n"
    body = para * (2_000_000 // len(para))
    peaks = []
    for n in (20, 40):
        root = tmp_path / f"f{n}"
        root.mkdir()
        for i in range(n):
            (root / f"a{i:03d}.txt").write_text(f"Story {i}\n{body}", encoding="utf-8")
        out = subprocess.run([sys.executable, "-c", BIG, str(root)], capture_output=True,
                             text=True, timeout=600, cwd=REPO)
        assert out.returncode == 0, out.stderr[-2000:]
        count, peak = map(int, out.stdout.split())
        assert count == n
        peaks.append(peak)
    assert peaks[1] < peaks[0] * 1.15 + 20, peaks
