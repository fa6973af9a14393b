"""econnews CLI: thin layer over the API, help with examples, exit codes (issue 4)."""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

import pandas as pd
import pytest

from econnews import cli

REPO = Path(__file__).resolve().parents[1]
SEED = str(REPO / "data" / "russia-japan-trade-30bn.txt")


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = cli._parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_there_are_the_four_documented_commands():
    assert set(subcommands()) == {"extract", "claims", "report", "check"}


@pytest.mark.parametrize("command", sorted(subcommands()))
def test_every_command_has_help_with_examples(capsys, command):
    code, out, _ = run(capsys, command, "--help")
    assert code == 0
    assert "examples:" in out and f"econnews {command}" in out.split("examples:")[1]
    sub = subcommands()[command]
    assert sub.description, f"{command} has no description"
    for action in sub._actions:
        if action.option_strings and action.dest != "help":
            assert action.help, f"{command} {action.option_strings} has no help"


def test_top_level_help_and_no_command(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "examples:" in out
    assert run(capsys)[0] == 2


def test_extract_the_seed_article_prints_a_readable_table(capsys):
    code, out, err = run(capsys, "extract", SEED)
    assert code == 0
    header = out.splitlines()[0].split()
    assert header[:6] == ["surface", "kind", "value", "unit", "bound", "change"]
    assert "$30 billion" in out and "30,000,000,000" in out and "1.5 times" in out
    assert "$2.2 billion" in out  # the summary in data/ (our own words, same figures)
    assert err.startswith("econnews extract: 1 article, ") and " 0 errors, " in err


def test_extract_the_data_folder_shows_doc_ids(capsys):
    code, out, _ = run(capsys, "extract", str(REPO / "data"), "--quiet")
    assert code == 0 and out.splitlines()[0].split()[0] == "doc_id"
    assert "russia-japan-trade-30bn" in out


@pytest.mark.parametrize("suffix", [".parquet", ".csv", ".jsonl"])
def test_output_files(capsys, tmp_path, suffix):
    out_path = tmp_path / f"q{suffix}"
    code, out, _ = run(capsys, "extract", SEED, "-o", str(out_path), "-q")
    assert code == 0 and out == ""
    if suffix == ".parquet":
        back = pd.read_parquet(out_path)
    elif suffix == ".csv":
        back = pd.read_csv(out_path)
    else:
        back = pd.DataFrame([json.loads(line) for line in out_path.read_text().splitlines()])
    assert len(back) >= 3 and {"surface", "start", "end", "sentence", "date"} <= set(back.columns)
    assert 3e10 in set(back["value"])


def test_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Exports rose 5% to $3 billion.")))
    code, out, _ = run(capsys, "extract", "-")
    assert code == 0 and "$3 billion" in out and "3,000,000,000" in out


def test_usage_errors_exit_2(capsys):
    assert run(capsys, "extract", SEED, "-o", "q.docx")[0] == 2
    assert run(capsys, "extract")[0] == 2
    assert run(capsys, "extract", SEED, "--no-such-option")[0] == 2
    assert run(capsys, "extract", SEED, "--jobs", "0")[0] == 2
    code, _, err = run(capsys, "extract", SEED, "--currency-hint", "XYZ1")
    assert code == 2 and "ISO 4217" in err


def test_missing_path_is_a_one_line_error(capsys, tmp_path):
    code, out, err = run(capsys, "extract", str(tmp_path / "nope.txt"))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "no such file or folder" in err and "check the path" in err


def test_unreadable_inputs_fail_only_with_strict(capsys, tmp_path):
    (tmp_path / "good.txt").write_text("Exports rose 5%.")
    (tmp_path / "empty.txt").write_bytes(b"")
    code, _, err = run(capsys, "extract", str(tmp_path))
    assert code == 0 and "empty.txt" in err and "1 error," in err
    assert run(capsys, "extract", str(tmp_path), "--strict")[0] == 1


def test_nothing_readable_is_an_error(capsys, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    code, _, err = run(capsys, "extract", str(tmp_path / "empty.txt"))
    assert code == 1 and "no article could be read" in err


def test_currency_hint_goes_to_the_extractor(capsys, monkeypatch):
    text = b"Exports rose to $3 billion while imports hit US$2 billion."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text)))
    code, out, _ = run(capsys, "extract", "-", "--currency-hint", "aud", "-q")
    assert code == 0
    lines = {line.split()[0] + " " + line.split()[1]: line for line in out.splitlines()[1:]}
    assert "AUD" in lines["$3 billion"]
    assert "USD" in lines["US$2 billion"]


def test_currency_hint_is_passed_through_extract_corpus(capsys, monkeypatch):
    import econnews.extraction.corpus

    seen = []
    real = econnews.extraction.corpus.extract_corpus

    def spy(articles, **opts):
        seen.append(opts.get("currency_hint"))
        return real(articles, **opts)

    monkeypatch.setattr(econnews.extraction.corpus, "extract_corpus", spy)
    assert run(capsys, "extract", SEED, "--currency-hint", "cad", "-q")[0] == 0
    assert run(capsys, "extract", SEED, "-q")[0] == 0
    assert seen == ["CAD", None]
    assert not hasattr(cli, "apply_currency_hint")  # no relabelling after the fact


def test_jobs_gives_the_same_table(capsys, tmp_path):
    for i in range(4):
        (tmp_path / f"a{i}.txt").write_text(f"Exports rose {i + 1}% to ${i + 2} billion.")
    a = tmp_path / "a.csv"
    b = tmp_path / "b.csv"
    assert run(capsys, "extract", str(tmp_path), "-o", str(a), "-q")[0] == 0
    assert run(capsys, "extract", str(tmp_path), "-o", str(b), "-q", "--jobs", "2")[0] == 0
    assert a.read_text() == b.read_text()


def test_claims_command(capsys, tmp_path):
    code, out, err = run(capsys, "claims", SEED)
    assert code == 0 and out.splitlines()[0].split()[0] == "concept"
    assert "trade" in out and " claims, " in err
    assert run(capsys, "claims", SEED, "-o", str(tmp_path / "c.parquet"), "-q")[0] == 0
    assert len(pd.read_parquet(tmp_path / "c.parquet")) >= 1


def test_report_without_paths_lets_build_report_choose_the_data_folder(capsys, monkeypatch,
                                                                       tmp_path):
    import econnews.report

    calls = []

    class FakeReport:
        index = tmp_path / "out" / "index.html"
        errors = pd.DataFrame(columns=["doc_id", "path", "stage", "code", "message"])

        def summary(self):
            return {"articles": 1, "quantities": 4, "claims": 2, "errors": 0, "files": 3}

    def build_report(paths, out_dir, **opts):
        calls.append((paths, out_dir, opts))
        return FakeReport()

    monkeypatch.setattr(econnews.report, "build_report", build_report)
    monkeypatch.chdir(tmp_path)  # no ./data here: the repository's data/ is build_report's
    code, out, err = run(capsys, "report", "--out", "out", "--jobs", "2", "-q")
    assert code == 0 and calls[0][:2] == (None, "out")
    assert calls[0][2] == {"n_jobs": 2, "progress": False, "to": "USD", "date": None,
                           "currency_hint": None, "neutralise": True, "corrections": "auto",
                           "batch_size": 2000}  # the texts of 2,000 articles at a time
    assert out == f"{FakeReport.index}\n" and err == ""
    code, out, err = run(capsys, "report", str(REPO / "data"), "--out", "out")
    assert code == 0 and calls[1][0] == [str(REPO / "data")]
    assert "2 claims" in err and "3 files" in err
    assert run(capsys, "report")[0] == 2  # --out is required
    assert run(capsys, "report", str(tmp_path / "nope"), "--out", "out")[0] == 1


@pytest.mark.slow
def test_report_on_the_repository_data_writes_every_file(capsys, monkeypatch, tmp_path):
    import econnews.report

    built = []
    real = econnews.report.build_report

    def keep(*args, **opts):
        built.append(real(*args, **opts))
        return built[-1]

    monkeypatch.setattr(econnews.report, "build_report", keep)
    out_dir = tmp_path / "report"
    code, out, err = run(capsys, "report", str(REPO / "data"), "--out", str(out_dir))
    assert code == 0
    rep = built[0]
    assert out.strip() == str(rep.index) and rep.index == out_dir / "index.html"
    assert rep.files and all(path.is_file() and path.stat().st_size > 0
                             for path in rep.files.values())
    assert {"index.html", "quantities.csv", "claims.csv"} <= set(rep.files)
    on_disk = {p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*") if p.is_file()}
    assert on_disk == set(rep.files) | {".econnews-report"}  # + the marker (issue 13)
    counts = rep.summary()
    assert counts["articles"] == 22 and counts["errors"] == 0
    assert err.startswith(f"econnews report: {counts['articles']} articles, ")


# ------------------------------------------------------------------ issue 14


def test_version(capsys):
    from econnews import __version__

    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"econnews {__version__}"


UNDATED = "Japan's exports to Russia rose to $3 billion, the ministry said."


def test_extract_to_writes_the_converted_columns(capsys, tmp_path):
    out = tmp_path / "q.csv"
    assert run(capsys, "extract", SEED, "--to", "eur", "-o", str(out), "-q")[0] == 0
    q = pd.read_csv(out)
    money = q[q["kind"] == "money"]
    assert {"value_eur", "fx_rate", "fx_status"} <= set(q.columns)
    assert money["value_eur"].notna().all() and (money["value_eur"] < money["value"]).all()
    plain = tmp_path / "plain.csv"
    assert run(capsys, "extract", SEED, "-o", str(plain), "-q")[0] == 0
    assert "value_usd" not in pd.read_csv(plain).columns  # extract converts only when asked


def test_claims_are_in_dollars_by_default_and_date_fills_undated_articles(capsys, tmp_path):
    src = tmp_path / "undated.txt"
    src.write_text(UNDATED)
    out = tmp_path / "c.csv"
    assert run(capsys, "claims", str(src), "-o", str(out), "-q")[0] == 0
    claims = pd.read_csv(out)
    assert "value_usd" in claims.columns
    assert run(capsys, "claims", str(src), "--date", "2019-01-22", "--to", "JPY",
               "-o", str(out), "-q")[0] == 0
    claims = pd.read_csv(out)
    assert claims["date"].tolist() == ["2019-01-22"]
    assert claims["value_jpy"].notna().all() and claims["value_jpy"].iloc[0] > 3e11


def test_claims_with_a_seed_article_have_dollars_on_every_money_claim(capsys, tmp_path):
    out = tmp_path / "c.csv"
    assert run(capsys, "claims", str(REPO / "data"), "-o", str(out), "-q")[0] == 0
    claims = pd.read_csv(out)
    money = claims[(claims["kind"] == "money") & claims["date"].notna()]
    assert len(money) and money["value_usd"].notna().all()


@pytest.mark.parametrize("argv, message", [
    (["--date", "yesterday"], "--date yesterday: write the date as YYYY-MM-DD"),
    (["--to", "dollars"], "--to dollars: give an ISO 4217 code"),
    (["--max-size", "0"], "--max-size 0: give a size in MB above 0"),
    (["-o", "q.docx"], "use a .parquet, .csv, .jsonl or .xlsx file name"),
])
def test_bad_options_are_one_line_usage_errors(capsys, argv, message):
    code, out, err = run(capsys, "extract", SEED, *argv)
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err


def test_summary_plurals(capsys, tmp_path):
    src = tmp_path / "one.txt"
    src.write_text("Exports rose 5%.")
    code, _, err = run(capsys, "extract", str(src))
    summary = err.splitlines()[-1]  # after the warning that the article has no date
    assert code == 0 and summary.startswith("econnews extract: 1 article, 1 quantity, 0 errors, ")


def test_summary_lists_what_was_skipped_and_why(capsys, tmp_path):
    (tmp_path / "story.txt").write_text("Exports rose 5%.")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / "README.md").write_text("about")
    code, _, err = run(capsys, "extract", str(tmp_path))
    assert code == 0
    assert f"skipped: {tmp_path / 'photo.png'}: unsupported file type" in err
    assert "2 skipped (1 not an article; 1 unsupported file type)" in err.splitlines()[-1]


def test_an_html_file_is_read_or_is_an_error_row(capsys, tmp_path, monkeypatch):
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>Trade</title></head><body><article><p>Japan's "
                    "exports to Russia rose 5% to $3 billion in 2018, the ministry said in "
                    "Tokyo on Tuesday, citing customs data.</p></article></body></html>")
    code, out, _ = run(capsys, "extract", str(page), "-q")
    assert code == 0 and "$3 billion" in out
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    (tmp_path / "story.txt").write_text("Imports fell 2%.")
    code, out, err = run(capsys, "extract", str(tmp_path))
    assert code == 0 and "2%" in out and "[html-reader]" in err


def test_report_index_counts_money_left_without_dollars(tmp_path):
    from econnews.report import build_report

    src = tmp_path / "news"
    src.mkdir()
    (src / "undated.txt").write_text("Russia's exports to Germany rose to 3 billion euros.")
    report = build_report(src, tmp_path / "out", formats=["svg"], progress=False)
    page = report.index.read_text()
    assert "1 of 1 money mentions have no amount in USD: 1 no date" in page
    again = build_report(src, tmp_path / "out", formats=["svg"], progress=False,
                         date="2019-01-22")
    assert "no amount in USD" not in again.index.read_text()


def test_hints_name_the_function_that_makes_the_table():
    import econnews as en
    from econnews.errors import MissingColumnsError

    quantities = en.extract("Trade rose to $30 billion.")
    with pytest.raises(MissingColumnsError, match=r"econnews\.find_claims\(\)"):
        en.plot.claims_timeline(quantities)
    with pytest.raises(MissingColumnsError, match=r"econnews\.load_articles\(\)"):
        en.extract_corpus(pd.DataFrame({"body": ["Up 5%."]}))


def test_an_unparseable_date_is_an_input_error():
    import econnews as en
    from econnews.errors import InputError

    with pytest.raises(InputError, match="date='yesterday'"):
        en.extract("Exports rose 5%.", date="yesterday")


# ------------------------------------------------- issue 22: the command line's traps


def test_undated_articles_get_a_warning_with_the_count_and_the_fix(capsys, tmp_path):
    (tmp_path / "undated.txt").write_text(UNDATED)
    (tmp_path / "dated.txt").write_text("---\ndate: 2019-01-22\n---\n" + UNDATED)
    code, _, err = run(capsys, "claims", str(tmp_path))
    assert code == 0
    line = next(x for x in err.splitlines() if "warning" in x)
    assert "1 of 2 articles have no date" in line and "--date YYYY-MM-DD" in line
    code, _, err = run(capsys, "claims", str(tmp_path), "--date", "2019-01-22")
    assert "no date" not in err
    assert "warning" not in run(capsys, "claims", str(tmp_path), "-q")[2]


def test_report_exits_1_when_no_article_could_be_read(capsys, tmp_path):
    src = tmp_path / "news"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    code, out, err = run(capsys, "report", str(src), "--out", str(tmp_path / "rep"), "-q")
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "no article could be read" in err and "empty.txt" in err
    assert not (tmp_path / "rep" / "index.html").exists()


def test_output_into_a_missing_folder_is_a_one_line_error(capsys, tmp_path):
    target = tmp_path / "no" / "such" / "q.csv"
    code, out, err = run(capsys, "extract", SEED, "-o", str(target))
    assert code == 1 and out == "" and err.count("\n") == 1
    assert "does not exist" in err and "mkdir -p" in err
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize("command", ["extract", "claims", "check"])
def test_a_wrong_option_prints_the_sub_command_usage(capsys, command):
    code, out, err = run(capsys, command, SEED, "--no-such-option")
    assert code == 2 and out == ""
    assert err.startswith(f"usage: econnews {command} ")
    assert f"econnews {command}: error: unrecognized arguments: --no-such-option" in err


def test_to_eur_fx_columns_describe_the_euro_conversion_in_every_table(capsys, tmp_path):
    q, c = tmp_path / "q.csv", tmp_path / "c.csv"
    assert run(capsys, "extract", SEED, "--to", "EUR", "-o", str(q), "-q")[0] == 0
    assert run(capsys, "claims", SEED, "--to", "EUR", "-o", str(c), "-q")[0] == 0
    quantities, claims = pd.read_csv(q), pd.read_csv(c)
    usd_q = quantities[quantities["unit"] == "USD"].iloc[0]
    usd_c = claims[claims["unit"] == "USD"].iloc[0]
    assert usd_q["fx_rate"] == pytest.approx(usd_c["fx_rate"])
    assert usd_c["value_eur"] == pytest.approx(usd_c["value"] * usd_c["fx_rate"])
    assert usd_c["fx_rate"] < 1 and usd_c["value_usd"] == usd_c["value"]  # a euro in 2019


def test_corrections_apply_by_default_from_the_data_folder(capsys, tmp_path):
    import shutil

    src = tmp_path / "data"
    src.mkdir()
    shutil.copy(SEED, src / "seed.txt")
    out = tmp_path / "c.csv"
    assert run(capsys, "claims", str(src), "-o", str(out), "-q")[0] == 0
    claims = pd.read_csv(out, dtype=str, keep_default_na=False)
    cid = claims.loc[claims["surface"] == "$2.2 billion", "claim_id"].iloc[0]
    old = claims.loc[claims["claim_id"] == cid, "period"].iloc[0]
    (src / "corrections.csv").write_text(
        "claim_id,field,old,new,who,when,note\n"
        f"{cid},period,{old},2018,ana,2026-12-05T14:00:00Z,stock at end-2018\n"
        "seed:1,concept,trade,fdi,ana,2026-12-05T14:00:00Z,stale\n")
    code, _, err = run(capsys, "claims", str(src), "-o", str(out))
    claims = pd.read_csv(out, dtype={"period": str})
    row = claims[claims["claim_id"] == cid].iloc[0]
    assert code == 0 and str(row["period"]) == "2018" and row["corrected"] == "period"
    assert "warning: 1 correction in corrections.csv was not applied: seed:1" in err
    other = tmp_path / "none.csv"
    other.write_text("claim_id,field,old,new\n")
    run(capsys, "claims", str(src), "-o", str(out), "-q", "--corrections", str(other))
    assert pd.read_csv(out)["corrected"].isna().all()
    code, _, err = run(capsys, "claims", str(src), "--corrections", str(tmp_path / "x.csv"))
    assert code == 1 and "no such file" in err
