"""Issue 21: the command line's ``report`` and ``check`` read their articles in batches
(the texts of one batch at a time; the claims rows of all batches kept) and write the
same bytes as the pipeline run in one piece, corrections included."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from econnews import cli, cli_stream
from econnews.extraction.corpus import extract_corpus
from econnews.factcheck import check
from econnews.load import load_articles
from econnews.report import build_report
from econnews.report_batches import read

REPO = Path(__file__).resolve().parents[1]


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def small_batches(monkeypatch):
    """Batches of 4 articles: the 19 articles of data/ in 5 batches."""
    monkeypatch.setattr(cli_stream, "BATCH_ARTICLES", 4)
    return 4


@pytest.fixture
def data(tmp_path):
    """data/ with a corrections.csv fixing the first claim's concept."""
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder)
    first = read([folder], to="USD")[2].iloc[0]
    pd.DataFrame([{"claim_id": first["claim_id"], "field": "concept", "old": first["concept"],
                   "new": "investment", "who": "ana", "when": "2026-01-02",
                   "note": "a test"}]).to_csv(folder / "corrections.csv", index=False)
    return folder


def test_report_in_batches_writes_the_bytes_of_one_piece(tmp_path, capsys, small_batches,
                                                         data):
    assert cli.main(["report", str(data), "--out", str(tmp_path / "cli"), "-q"]) == 0
    whole = build_report([data], tmp_path / "whole")  # the one-piece read
    assert "text" in whole.articles
    got, want = files(tmp_path / "cli"), files(tmp_path / "whole")
    assert sorted(got) == sorted(want)
    assert [name for name in want if got[name] != want[name]] == []
    assert "investment" in (tmp_path / "cli" / "claims.csv").read_text(encoding="utf-8")


def test_check_in_batches_writes_the_bytes_of_one_piece(tmp_path, capsys, small_batches,
                                                        data):
    out = tmp_path / "check.csv"
    assert cli.main(["check", str(data), "-o", str(out), "-q"]) == 0
    # the one-piece pipeline, as the command ran it before it read batches
    articles = load_articles(data, progress=False)
    quantities = extract_corpus(articles, progress=False)
    args = cli._parser().parse_args(["check", str(data), "-q"])
    want = check(cli._corrected(cli._claims_in(articles, quantities, None), args))
    cli._write(want, str(tmp_path / "want.csv"))
    assert out.read_bytes() == (tmp_path / "want.csv").read_bytes()
    text = capsys.readouterr()
    assert "Traceback" not in text.err


def test_batched_tables_hold_no_text_and_count_every_article(tmp_path):
    (tmp_path / "a.txt").write_text("Japan's exports to Russia rose 5% to $3 billion in 2018.\n")
    (tmp_path / "b.txt").write_text("Exports to China fell 2% to $1 billion in 2019.\n")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    arts, q, claims, errs = read([tmp_path], to="USD", batch_size=1)
    assert "text" not in arts and sorted(arts["id"]) == ["a", "b"]
    assert errs["code"].tolist() == ["binary"]
    assert len(arts) + len(errs) == 3
    # quantity_index points into the whole quantities table
    index = claims["quantity_index"].dropna().astype(int)  # (implied claims have none)
    assert len(index) and index.between(0, len(q) - 1).all()
    assert (q["doc_id"].to_numpy()[index] == claims.loc[index.index, "doc_id"]).all()
