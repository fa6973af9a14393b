"""The ``econnews`` command: a thin layer over the public API.

Sub-commands: ``extract`` (quantities), ``claims`` (the claims table) and
``report`` (a browsable report folder). Every sub-command reads files, folders,
globs or ``-`` (standard input); tables go to ``-o FILE`` (``.parquet``,
``.csv``, ``.jsonl``, ``.xlsx`` with the ``xlsx`` extra) or, without ``-o``, to
stdout as a readable text table. Progress and a one-line summary (articles, rows,
errors, what was skipped, seconds) go to stderr (``--quiet`` silences them);
``report`` prints the path of the report's ``index.html`` on stdout.

Shared options: ``--to CCY`` (money converted to that currency; default USD for
``claims`` and ``report``, none for ``extract``), ``--date`` (the date of
articles that have none, so their money can be converted), ``--currency-hint``
(what a bare ``$`` or "dollars" means). CSV and Excel cells that begin with ``=``,
``+``, ``-`` or ``@`` get a ``'`` in front (``--keep-formulas`` turns it off).
Output locations are checked before the work starts. Exit codes: 0 done, 1 an
error (one line saying the fix; with ``--strict``, any unreadable input), 2 a
usage error.

>>> main(["extract", "--help"])  # doctest: +ELLIPSIS
usage: econnews extract ...
0
"""

from __future__ import annotations

import argparse
import math
import os
import re
import sys
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .common.writer import plain
from .errors import EconnewsError, EconnewsWarning, InputError

__all__ = ["main"]

OUTPUT_SUFFIXES = (".parquet", ".csv", ".jsonl", ".xlsx")
#: singular of each summary count
_SINGULAR = {"articles": "article", "quantities": "quantity", "claims": "claim",
             "errors": "error", "files": "file", "skipped": "skipped"}
#: columns shown on stdout (the full table goes to -o)
SHOWN = ["doc_id", "surface", "kind", "value", "unit", "bound", "change"]
SHOWN_CLAIMS = ["doc_id", "concept", "parties", "claim_type", "value", "unit", "period",
                "speaker", "surface", "corrected"]
SHOWN_CHECK = ["doc_id", "concept", "parties", "period", "surface", "ref_value", "deviation",
               "verdict"]


class _UsageError(Exception):
    """Bad command-line usage (exit 2)."""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30)


def _common(p: argparse.ArgumentParser, *, output: bool = True,
            default_to: str | None = "USD") -> None:
    if output:
        p.add_argument("-o", "--output", metavar="FILE",
                       help="write the full table to FILE (.parquet, .csv, .jsonl, or .xlsx "
                            "with pip install 'econnews[xlsx]'); default: a text table on "
                            "stdout")
    p.add_argument("--jobs", "-j", type=int, default=None, metavar="N",
                   help="extract (and read claims) with N processes (-1: one per CPU; "
                        "default: chosen for the machine and the input)")
    what = "default USD" if default_to else "default: no conversion"
    p.add_argument("--to", metavar="CCY", default=default_to,
                   help=f"convert money to this ISO 4217 currency at each article's date "
                        f"(value_<ccy> columns; {what})")
    p.add_argument("--date", metavar="YYYY-MM-DD",
                   help="date of the articles that have none (for the exchange rate)")
    p.add_argument("--currency-hint", metavar="CODE",
                   help="ISO 4217 code for amounts written with a bare '$' or 'dollars' "
                        "(e.g. AUD for an Australian paper); default USD")
    p.add_argument("--keep-formulas", action="store_true",
                   help="write CSV/Excel cells that begin with = + - @ as they are "
                        "(default: a ' in front, so spreadsheets do not run them)")
    p.add_argument("--max-size", metavar="MB", type=float, default=64,
                   help="files larger than this are an error row (too-large); default 64")
    p.add_argument("--follow-links", action="store_true",
                   help="read links in folders that lead outside them (skipped by default)")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 if any input could not be read or extracted")
    p.add_argument("--quiet", "-q", action="store_true",
                   help="no progress bar and no summary on stderr")
    p.add_argument("--progress", action="store_true",
                   help="draw the progress bar even when stderr is not a terminal")


def _parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="econnews", formatter_class=_Formatter,
        description="The economic figures in news as typed tables.",
        epilog="examples:\n"
               "  econnews extract data/russia-japan-trade-30bn.txt\n"
               "  econnews extract news/ -o quantities.parquet --jobs 2\n"
               "  econnews claims data -o claims.csv\n"
               "  econnews report data --out report/\n"
               "  econnews check data -o check.csv\n"
               "\nrun 'econnews COMMAND --help' for each command's options")
    parser.add_argument("--version", action="version", version=f"econnews {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser(
        "extract", formatter_class=_Formatter, help="quantities in articles",
        description="Find every quantity (money, percent, ratio, measure, count, number) in "
                    "the articles, one row per mention.\nPATH: .txt/.md/.json/.jsonl/.csv/.html "
                    "files, folders, globs, or - for stdin.",
        epilog="examples:\n"
               "  econnews extract data/russia-japan-trade-30bn.txt\n"
               "  econnews extract data\n"
               "  econnews extract 'news/**/*.txt' -o quantities.parquet --jobs 2\n"
               "  cat article.txt | econnews extract -\n"
               "  econnews extract export.jsonl --currency-hint AUD -o q.csv --strict\n"
               "  econnews extract news/ --to EUR --date 2019-01-22 -o q.xlsx")
    ex.add_argument("paths", nargs="+", metavar="PATH")
    _common(ex, default_to=None)

    cl = sub.add_parser(
        "claims", formatter_class=_Formatter, help="the claims the figures make",
        description="Tie each figure to its concept (trade, investment...), parties, claim type "
                    "and speaker: one row per claim.",
        epilog="examples:\n"
               "  econnews claims data\n"
               "  econnews claims data -o claims.csv\n"
               "  econnews claims news/ -o claims.parquet --jobs 2 --date 2005-03-01\n"
               "  econnews claims data --corrections my-fixes.csv -o claims.csv")
    cl.add_argument("paths", nargs="+", metavar="PATH")
    _common(cl)
    _corrections_option(cl)

    rp = sub.add_parser(
        "report", formatter_class=_Formatter, help="a report folder with tables and charts",
        description="Run the whole pipeline and write a browsable report (index.html, tables, "
                    "charts) into --out, and print the path of its index.html.\nPATH: as for "
                    "extract; without PATH, the seed article and the articles of real\n"
                    "reported figures in the repository's data/ folder.",
        epilog="examples:\n"
               "  econnews report --out report/\n"
               "  econnews report news/ --out report/ --jobs 2 --to EUR")
    rp.add_argument("paths", nargs="*", metavar="PATH")
    rp.add_argument("--out", required=True, metavar="DIR", help="folder to write the report into")
    _common(rp, output=False)
    _corrections_option(rp)

    ck = sub.add_parser(
        "check", formatter_class=_Formatter, help="claims against official figures",
        description="Hold each claim against the official figure for the same concept, "
                    "parties and period, and give a verdict (consistent, overstated, "
                    "understated, basis_differs, no_reference, not_comparable) with the deviation "
                    "and why.\n"
                    "Without --reference, the official figures econnews ships "
                    "(econnews/data/reference/).",
        epilog="examples:\n"
               "  econnews check data\n"
               "  econnews check data -o check.csv\n"
               "  econnews check news/ --reference official.csv -o check.xlsx")
    ck.add_argument("paths", nargs="+", metavar="PATH")
    ck.add_argument("--reference", metavar="FILE",
                    help="a reference table (.csv or .parquet) in the format of "
                         "econnews/data/reference/README.md")
    _common(ck)
    _corrections_option(ck)
    return parser


# ------------------------------------------------------------------ helpers


def _check_output(path: str | None) -> None:
    """Before any work: a known suffix (usage error), the extra it needs, and a place
    that can be written (one-line error)."""
    if path is None:
        return
    if not path.lower().endswith(OUTPUT_SUFFIXES):
        raise _UsageError(f"-o {path}: use a .parquet, .csv, .jsonl or .xlsx file name")
    if path.lower().endswith(".xlsx"):
        try:
            import openpyxl  # noqa: F401
        except ImportError:
            raise InputError(f"-o {path}: Excel output needs openpyxl; pip install "
                             "'econnews[xlsx]', or write .csv") from None
    from .common.files import check_writable

    check_writable(path)
    parent = Path(path).parent
    if not parent.is_dir():  # never created silently (the README's promise)
        from .errors import OutputError

        raise OutputError(f"cannot write {path}: the folder {parent} does not exist; create "
                          f"it first (mkdir -p {parent}) or write elsewhere")


def _check_paths(paths: Sequence[str]) -> None:
    for p in paths:
        if p != "-" and not re.search(r"[*?\[]", p) and not os.path.lexists(p):
            raise InputError(f"no such file or folder: {p}; check the path")


def _write(frame: pd.DataFrame, path: str, *, neutralise: bool = True) -> None:
    """Write a table atomically: a failed write leaves the previous file as it was."""
    from .common.writer import TableWriter

    with TableWriter(path, neutralise=neutralise) as writer:
        writer.write(frame)


def _fmt_value(v: Any) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and v != v):
        return ""
    v = float(v)
    if abs(v) >= 1e4 and v == int(v):
        return f"{v:,.0f}"
    return f"{v:,.6g}"


def _cell(value: Any, width: int = 40) -> str:
    s = " ".join(str(value).split())
    return s if len(s) <= width else s[:width - 1] + "…"


def _text_table(frame: pd.DataFrame, *, multi_doc: bool, columns: Sequence[str] = SHOWN) -> str:
    cols = [c for c in columns if c in frame.columns and (c != "doc_id" or multi_doc)]
    if not len(frame):
        return "(no rows)"
    shown = plain(frame[cols])
    if "value" in shown.columns:
        shown["value"] = frame["value"].map(_fmt_value)
    cells = {c: ["" if v is None or v is pd.NA else _cell(v) for v in shown[c].astype(object)]
             for c in cols}
    widths = {c: max([len(c), *map(len, cells[c])]) for c in cols}
    right = {"value"}

    def line(values: dict[str, str]) -> str:
        return "  ".join(values[c].rjust(widths[c]) if c in right else values[c].ljust(widths[c])
                         for c in cols).rstrip()

    lines = [line({c: c for c in cols})]
    lines += [line({c: cells[c][i] for c in cols}) for i in range(len(shown))]
    return "\n".join(lines)


def _check_currency(code: str | None) -> str | None:
    """The --currency-hint as the extractor reads it (a usage error if it is unknown)."""
    if code is None:
        return None
    from .extraction.scan import check_currency_hint

    try:
        return check_currency_hint(code)
    except InputError:
        raise _UsageError(f"--currency-hint {code}: give an ISO 4217 code such as AUD or "
                          "CAD") from None


def _check_to(code: str | None) -> str | None:
    """The --to currency, upper-cased (a usage error if it is no ISO 4217 code)."""
    if code is None:
        return None
    if not re.fullmatch(r"[A-Za-z]{3}", code):
        raise _UsageError(f"--to {code}: give an ISO 4217 code such as USD or EUR")
    return code.upper()


def _check_date(value: str | None) -> pd.Timestamp | None:
    """The --date as a Timestamp (a usage error if it cannot be read)."""
    if value is None:
        return None
    from .load.text import Problem, parse_day

    try:  # issue 21: YYYY-MM-DD only, and the message says what is wrong
        return parse_day(value)
    except Problem as exc:
        raise _UsageError(f"--date {value}: {exc.message}") from None


def _n_jobs(jobs: int | None) -> int | None:
    """--jobs as extract_corpus takes it: ``None`` (its own choice) where it has one."""
    if jobs is not None:
        return jobs
    import inspect

    from .extraction.corpus import extract_corpus

    param = inspect.signature(extract_corpus).parameters.get("n_jobs")
    return None if param is not None and param.default is None else 1


def _report_errors(errors: pd.DataFrame, quiet: bool) -> None:
    if quiet or not len(errors):
        return
    for row in errors.head(20).itertuples(index=False):
        where = row.path if isinstance(row.path, str) else row.doc_id
        print(f"econnews: {row.stage}: {where}: {row.message} [{row.code}]", file=sys.stderr)
    if len(errors) > 20:
        print(f"econnews: ... and {len(errors) - 20} more errors", file=sys.stderr)


def _progress(args: argparse.Namespace) -> bool | None:
    if args.quiet:
        return False
    return True if args.progress else None


def _emit(frame: pd.DataFrame, args: argparse.Namespace, *, multi_doc: bool,
          columns: Sequence[str] = SHOWN) -> None:
    if args.output:
        _write(frame, args.output, neutralise=not args.keep_formulas)
    else:
        sys.stdout.write(_text_table(frame, multi_doc=multi_doc, columns=columns) + "\n")


def _report_skipped(args: argparse.Namespace) -> None:
    """Each skipped path and why (up to 20), on stderr; README/LICENSE-like files only
    in the summary's count."""
    skipped = [s for s in getattr(args, "skipped", [])
               if not s["reason"].startswith("not an article")]
    if args.quiet or not skipped:
        return
    for item in skipped[:20]:
        print(f"econnews: skipped: {item['path']}: {item['reason']}", file=sys.stderr)
    if len(skipped) > 20:
        print(f"econnews: ... and {len(skipped) - 20} more skipped", file=sys.stderr)


def _plural(n: int, name: str) -> str:
    """``1 quantity``, ``2 quantities``.

    >>> _plural(1, "quantities"), _plural(2, "quantities"), _plural(0, "errors")
    ('1 quantity', '2 quantities', '0 errors')
    """
    return f"{n:,} {_SINGULAR.get(name, name) if n == 1 else name}"


def _summary(args: argparse.Namespace, started: float, **counts: int) -> None:
    if args.quiet:
        return
    parts = ", ".join(_plural(n, name) for name, n in counts.items())
    skipped = getattr(args, "skipped", [])
    if skipped:
        from collections import Counter

        reasons = Counter(s["reason"].split(" (")[0] for s in skipped)
        parts += f", {len(skipped):,} skipped (" + "; ".join(
            f"{n} {why}" for why, n in reasons.most_common()) + ")"
    print(f"econnews {args.command}: {parts}, {time.perf_counter() - started:.1f} s",
          file=sys.stderr)


def _convert(quantities: pd.DataFrame, to: str | None) -> pd.DataFrame:
    """Quantities with ``value_<to>`` … columns (econnews.normalize), or as they are."""
    if to is None:
        return quantities
    from .normalization.convert import normalize

    return normalize(quantities, to=to)


def _claims_in(articles: pd.DataFrame, quantities: pd.DataFrame, to: str | None,
               n_jobs: int | None = None) -> pd.DataFrame:
    """The claims table with amounts in ``to`` (and in USD): find_claims(to=) where it
    takes it, else the quantities converted first (as the report does) and the
    claims converted to ``to`` here, both with econnews.normalize."""
    import inspect

    from . import find_claims
    from .normalization.convert import normalize

    if "to" in inspect.signature(find_claims).parameters:
        from .report import fx_for

        return fx_for(find_claims(articles, quantities, to=to or "USD", n_jobs=n_jobs), to)
    if "value_usd" not in quantities.columns:
        quantities = normalize(quantities, to="USD")
    claims = find_claims(articles, quantities)
    if to is None or f"value_{to.lower()}" in claims.columns or not len(claims) \
            or not {"value", "unit", "date", "kind"} <= set(claims.columns):
        return claims
    frame = claims[["kind", "value", "unit", "date"]].assign(low=claims["value"],
                                                             high=claims["value"])
    converted = normalize(frame, to=to)
    out = claims.copy()
    for c in (f"value_{to.lower()}", "fx_rate", "fx_date", "fx_status"):
        if c in converted and c not in out:
            out[c] = converted[c].to_numpy()
    return out


def _streamed(args: argparse.Namespace, stage: Any, columns: Sequence[str]) -> Any:
    """Issue 21: load → extract → ``stage`` in batches, rows written as they come
    (:mod:`econnews.cli_stream`); the text table on stdout without ``-o``."""
    from .cli_stream import stream

    _check_paths(args.paths)
    done = stream(args, stage, progress=_progress(args), n_jobs=_n_jobs(args.jobs))
    _warn_undated(None, args, undated=done.undated, total=done.articles)
    table = done.table()
    if table is not None:
        sys.stdout.write(_text_table(table, multi_doc=done.articles > 1, columns=columns)
                         + "\n")
    return done


def _cmd_extract(args: argparse.Namespace, started: float) -> int:
    done = _streamed(args, lambda arts, q, before: _convert(q, args.to), SHOWN)
    errors = done.error_table()
    _report_errors(errors, args.quiet)
    _report_skipped(args)
    _summary(args, started, articles=done.articles, quantities=done.quantities,
             errors=len(errors))
    return 1 if args.strict and len(errors) else 0


def _claims_stage(args: argparse.Namespace) -> Any:
    from .cli_stream import offset_quantity_index

    return lambda arts, q, before: offset_quantity_index(
        _claims_in(arts, q, args.to, args.jobs), before)


def _all_claims(args: argparse.Namespace) -> tuple[Any, pd.DataFrame]:
    """Batches in, the claims rows of all batches kept (never the texts) and corrected:
    corrections are matched against the whole claims table (a correction whose claim is
    in no batch is stale, not one in another batch)."""
    from .cli_stream import stream

    _check_paths(args.paths)
    done = stream(args, _claims_stage(args), progress=_progress(args),
                  n_jobs=_n_jobs(args.jobs), keep=True)
    _warn_undated(None, args, undated=done.undated, total=done.articles)
    return done, _corrected(done.table(), args)


def _cmd_claims(args: argparse.Namespace, started: float) -> int:
    from .claims.corrections import default_path

    if args.corrections or default_path(args.paths):
        done, claims = _all_claims(args)
        _emit(claims, args, multi_doc=done.articles > 1, columns=SHOWN_CLAIMS)
        n_claims = len(claims)
    else:  # rows written as each batch is read
        done = _streamed(args, _claims_stage(args), SHOWN_CLAIMS)
        n_claims = done.rows
    errors = done.error_table()
    _report_errors(errors, args.quiet)
    _report_skipped(args)
    _summary(args, started, articles=done.articles, quantities=done.quantities,
             claims=n_claims, errors=len(errors))
    return 1 if args.strict and len(errors) else 0


def _cmd_report(args: argparse.Namespace, started: float) -> int:
    from .cli_stream import BATCH_ARTICLES
    from .report import build_report

    paths = list(args.paths)
    _check_paths(paths)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", EconnewsWarning)
        rep = build_report(paths or None, args.out, n_jobs=_n_jobs(args.jobs),
                           progress=_progress(args), to=args.to or "USD", date=args.date,
                           currency_hint=args.currency_hint,
                           neutralise=not args.keep_formulas,
                           corrections=args.corrections or "auto",
                           batch_size=BATCH_ARTICLES)  # texts held a batch at a time
    _say_warnings(caught, args)
    counts = rep.summary()
    arts = getattr(rep, "articles", None)
    if arts is not None:
        _warn_undated(arts, args)
    args.skipped = list(arts.attrs.get("skipped", [])) if arts is not None else []
    _report_errors(rep.errors, args.quiet)
    _report_skipped(args)
    print(rep.index)
    _summary(args, started, **{k: counts[k] for k in ("articles", "quantities", "claims",
                                                       "errors", "files") if k in counts})
    return 1 if args.strict and counts.get("errors", 0) else 0


def _cmd_check(args: argparse.Namespace, started: float) -> int:
    from .factcheck import check, reference

    ref = reference.load(args.reference) if args.reference else None  # bad file: before work
    done, claims = _all_claims(args)
    checked = check(claims, ref)
    _emit(checked, args, multi_doc=done.articles > 1, columns=SHOWN_CHECK)
    errors = done.error_table()
    _report_errors(errors, args.quiet)
    _report_skipped(args)
    verdicts = checked["verdict"].astype("string").value_counts()
    _summary(args, started, articles=done.articles, claims=len(checked),
             **{k: int(verdicts.get(k, 0))
                for k in ("consistent", "overstated", "understated", "basis_differs")},
             errors=len(errors))
    return 1 if args.strict and len(errors) else 0


# ----------------------------------- issue 22: corrections, undated input, usage


def _corrections_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corrections", metavar="FILE",
                   help="the analyst's corrections to apply (claim_id, field, old, new, who, "
                        "when, note); default: corrections.csv in the data folder, when "
                        "there is one")


def _subparser(parser: argparse.ArgumentParser, name: str | None) -> argparse.ArgumentParser:
    """The sub-command's parser (the top level's when there is none)."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and name in action.choices:
            return action.choices[name]
    return parser


def _say_warnings(caught: Sequence[warnings.WarningMessage], args: argparse.Namespace) -> None:
    """econnews' warnings as one line each on stderr (none with --quiet); others re-emitted."""
    for w in caught:
        if issubclass(w.category, EconnewsWarning):
            if not args.quiet:
                print(f"econnews {args.command}: warning: {w.message}", file=sys.stderr)
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)


def _corrected(claims: pd.DataFrame, args: argparse.Namespace) -> pd.DataFrame:
    """The claims with ``--corrections`` (default: the data folder's corrections.csv)
    applied; corrections that no longer fit their claim are one warning line."""
    from .claims.corrections import apply_corrections, default_path

    path = args.corrections or default_path(args.paths)
    if path is None:
        return claims
    if not Path(path).is_file():
        raise InputError(f"--corrections {path}: no such file; check the path")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", EconnewsWarning)
        out = apply_corrections(claims, path)
    _say_warnings(caught, args)
    return out


def _warn_undated(articles: pd.DataFrame | None, args: argparse.Namespace, *,
                  undated: int | None = None, total: int | None = None) -> None:
    """One line when articles have no date: their money has no exchange rate and their
    claims no date; the fix is --date (or a date in the file or its manifest). Give the
    articles, or the counts (``undated`` of ``total``) of a run read in batches."""
    if articles is not None:
        if not len(articles) or "date" not in articles:
            return
        undated, total = int(articles["date"].isna().sum()), len(articles)
    if args.quiet or not total:
        return
    if undated:
        print(f"econnews {args.command}: warning: {undated:,} of {total:,} "
              f"{'article has' if total == 1 else 'articles have'} no date, so their "
              "money is not converted and their claims are undated; give one with "
              "--date YYYY-MM-DD (or a date: line in front matter, or a manifest.csv)",
              file=sys.stderr)


_COMMANDS = {"extract": _cmd_extract, "claims": _cmd_claims, "report": _cmd_report,
             "check": _cmd_check}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``econnews`` command line; return the exit code (0 ok, 1 error, 2 usage)."""
    parser = _parser()
    try:
        args, extra = parser.parse_known_args(list(sys.argv[1:] if argv is None else argv))
        if extra:  # the sub-command's usage, not the top level's
            _subparser(parser, args.command).error(
                f"unrecognized arguments: {' '.join(extra)}")
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    started = time.perf_counter()
    try:
        if args.jobs is not None and (args.jobs == 0 or args.jobs < -1):
            raise _UsageError(f"--jobs {args.jobs}: give a positive number, or -1 for all CPUs")
        if not math.isfinite(args.max_size) or args.max_size <= 0:  # nan, inf: issue 21
            raise _UsageError(f"--max-size {args.max_size:g}: give a size in MB above 0, "
                              "such as 64 (a number, not nan or inf)")
        args.max_bytes = int(args.max_size * 1024 * 1024)
        args.to = _check_to(args.to)
        args.date = _check_date(args.date)
        args.currency_hint = _check_currency(args.currency_hint)
        if getattr(args, "output", None) is not None:
            _check_output(args.output)
        if args.command == "report":
            from .common.files import check_writable

            check_writable(args.out, folder=True)
        return _COMMANDS[args.command](args, started)
    except _UsageError as exc:
        print(f"econnews {args.command}: error: {exc}", file=sys.stderr)
        return 2
    except EconnewsError as exc:
        print(f"econnews {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("econnews: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a write or read the checks could not foresee
        from .common.files import output_error

        where = exc.filename or getattr(args, "output", None) or getattr(args, "out", "")
        print(f"econnews {args.command}: error: {output_error(exc, where)}", file=sys.stderr)
        return 1
    except MemoryError:
        print(f"econnews {args.command}: error: out of memory; use --jobs 1, --max-size, or "
              "split the input", file=sys.stderr)
        return 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
