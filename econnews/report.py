"""A report folder from articles: tables, charts and an ``index.html`` to browse them.

:func:`build_report` runs the whole pipeline (load → extract → normalize →
claims → charts) and writes::

    out_dir/
      index.html                 summary, charts, claims table (all text escaped)
      quantities.csv  .parquet   the quantities table (with the USD columns)
      claims.csv      .parquet   the claims table
      errors.csv                 inputs that could not be read (only if any)
      charts/<name>.png .svg .pdf

Every file is written atomically, and the same input gives the same bytes (no
dates or random ids in any file), so a report can be diffed and committed.

``econnews report [PATH...] --out DIR`` on the command line calls it; without
paths it reads the repository's own articles:

>>> default_data_dir().name, (default_data_dir() / "manifest.csv").is_file()
('data', True)
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import __version__
from .common.files import (
    atomic_write,
    check_writable,
    neutralise_formulas,
    public_path,
    replace_folder,
)
from .display import table_html
from .errors import InputError
from .plot import export, format_money, is_blank, plural
from .plot.names import concept_name
from .report_charts import charts, claim_groups, factcheck_charts, plan

__all__ = ["Report", "build_report", "claim_groups", "default_data_dir", "fx_for"]

#: Claim columns shown in the report's table, when present.
CLAIM_COLUMNS = ["doc_id", "date", "source", "concept", "parties", "claim_type", "period",
                 "value_usd", "speaker", "hedge", "needs_review", "review_reason", "surface",
                 "sentence"]


def default_data_dir() -> Path:
    """The repository's ``data/`` folder (the seed article and the articles of real reported
    figures written for econnews)."""
    return Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Report:
    """What :func:`build_report` wrote: the folder, each file, and the tables."""

    out_dir: Path
    files: dict[str, Path]
    articles: pd.DataFrame = field(repr=False)
    quantities: pd.DataFrame = field(repr=False)
    claims: pd.DataFrame = field(repr=False)
    errors: pd.DataFrame = field(repr=False)
    checked: pd.DataFrame | None = field(default=None, repr=False)

    @property
    def index(self) -> Path:
        """Path of ``index.html``."""
        return self.files["index.html"]

    def summary(self) -> dict[str, int]:
        """Counts of articles, quantities, claims, input errors and files."""
        out = {"articles": len(self.articles), "quantities": len(self.quantities),
               "claims": len(self.claims), "errors": len(self.errors),
               "files": len(self.files)}
        if self.checked is not None and "verdict" in self.checked:
            out["checked"] = int(self.checked["ref_value"].notna().sum())
        return out


# ------------------------------------------------------------------ writing


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy safe to write: no attrs, list cells as text, mixed object columns as text."""
    out = frame.copy()
    out.attrs = {}
    for name in out.columns:
        col = out[name]
        if col.dtype == object:
            out[name] = col.map(lambda v: "; ".join(map(str, v))
                                if isinstance(v, (list, tuple, set)) else v)
            kinds = {type(v) for v in out[name].dropna()}
            if len(kinds) > 1 or (kinds and not kinds <= {str}):
                out[name] = out[name].astype("string")
    return out


def _write_table(frame: pd.DataFrame, out_dir: Path, name: str, *,
                 neutralise: bool = True) -> dict[str, Path]:
    plain = _plain(frame)
    paths = {}
    csv = out_dir / f"{name}.csv"
    with atomic_write(csv) as fh:
        safe = neutralise_formulas(plain) if neutralise else plain
        fh.write(safe.to_csv(index=False, date_format="%Y-%m-%d").encode("utf-8"))
    paths[csv.name] = csv
    parquet = out_dir / f"{name}.parquet"
    with atomic_write(parquet) as fh:
        plain.to_parquet(fh, index=False)
    paths[parquet.name] = parquet
    return paths


# ------------------------------------------------------------------- charts
# which charts, and their names: econnews/report_charts.py

_charts, _plan, _factcheck_charts = charts, plan, factcheck_charts


def _factcheck_html(checked: pd.DataFrame | None) -> list[str]:
    """The fact-check section: verdict counts, then each compared claim beside its
    official figure (escaped), with the notes that say why."""
    if checked is None or not len(checked):
        return []
    from .factcheck.summary import coverage_line

    counts = checked["verdict"].astype("string").value_counts()
    words = {"no_reference": "with no official figure to compare",
             "not_comparable": "not comparable (a sector, a share, a part of the year "
                               "or no period)",
             "basis_differs": "on another basis than the official figure"}
    said = "; ".join(f"{plural(int(n), 'claim')} {words.get(str(v), str(v))}"
                     for v, n in counts.items() if n)
    parts = ['<section id="fact-check"><h2>Fact-check against official figures</h2>',
             f"<p>{html.escape(said)}. Each claim is held against the official figure for "
             "the same concept, parties and period (all verdicts in <code>check.csv</code>); "
             "how far it may be off follows its own wording (rounding, “about”, “more "
             "than”, ranges).</p>",
             f'<p class="coverage">Coverage: {html.escape(coverage_line(checked))}.</p>']
    compared = checked[checked["ref_value"].notna()]
    if compared.empty:
        parts.append('<p class="muted">No claim here has an official figure to compare '
                     "with.</p>")
    else:
        def off(d: Any) -> str | None:
            return None if pd.isna(d) else ("0.0%" if abs(float(d)) < 5e-4
                                            else f"{float(d):+.1%}")

        shown = pd.DataFrame({
            "source": compared["source"], "speaker": compared["speaker"],
            "claim": compared["surface"], "for": compared["ref_period"],
            "official figure": [f"{float(v):+.1f}%" if str(u) == "percent"
                                else format_money(float(v), str(u), digits=5)
                                for v, u in zip(compared["ref_value"], compared["ref_unit"],
                                                strict=True)],
            "vintage": compared.get("ref_vintage"),
            "off by": compared["deviation"].map(off),
            "verdict": compared["verdict"].astype("string").str.replace("_", " "),
            "official source": compared["ref_source"], "note": compared["check_note"],
        }).reset_index(drop=True)
        parts.append(f'<div class="wide">{table_html(shown, max_rows=200, index=False)}</div>')
    parts.append("</section>")
    return parts


# --------------------------------------------------------------------- html


def _without_money(money: pd.DataFrame, to: str) -> list[str]:
    """A summary line counting money rows left without an amount in ``to``, by reason
    (``fx_status``: no date, no rate for the day …)."""
    column = f"value_{to.lower()}"
    if column not in money or "fx_status" not in money or not len(money):
        return []
    left = money[money[column].isna().to_numpy(dtype=bool)]
    if not len(left):
        return []
    reasons = left["fx_status"].astype("string").fillna("unknown").str.replace("_", " ")
    return [f"<li>{len(left):,} of {len(money):,} money mentions have no amount in "
            f"{html.escape(to.upper())}: {_counts(reasons)} (left out of the charts)</li>"]


def _summary_lines(articles: pd.DataFrame, claims: pd.DataFrame) -> list[str]:
    """Summary items: undated articles (and the fix), corrections applied and stale."""
    out = []
    undated = int(articles["date"].isna().sum()) if "date" in articles else 0
    if undated:
        out.append(f"<li>{undated:,} of {plural(len(articles), 'article')} have no date: their "
                   "money has no exchange rate and their claims no date (give <code>--date "
                   "YYYY-MM-DD</code>, or a date in the file or its manifest)</li>")
    done = claims.attrs.get("corrections", [])
    if done:
        applied = sum(o["status"] == "applied" for o in done)
        out.append(f"<li>{plural(applied, 'correction')} by the analyst applied from "
                   "corrections.csv (marked ✎ in the claims table)</li>")
        for o in done:
            if o["status"] not in ("applied", "already"):
                out.append(f'<li class="stale">correction not applied: '
                           f"{html.escape(o['claim_id'])} {html.escape(o['field'])} → "
                           f"{html.escape(o['new'])}: {html.escape(o['why'])}</li>")
    if "needs_review" in claims and len(claims):
        n = int(claims["needs_review"].fillna(False).astype(bool).sum())
        if n:
            out.append(f"<li>{plural(n, 'claim')} of {len(claims):,} flagged <em>needs review</em> "
                       "(a field read from outside the figure's sentence, or a default; the "
                       "reason is in review_reason)</li>")
    return out


def _counts(series: pd.Series) -> str:
    counts = series.astype("string").fillna("unknown").value_counts()
    return ", ".join(f"{int(n):,} {html.escape(str(k))}" for k, n in counts.items()) or "none"


_CSS = (
    "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;"
    "padding:0 1.5em;color:#222;line-height:1.5;max-width:74em}"
    "section>p,section>ul,h1,h2{max-width:60em}figure{margin:1.5em 0;max-width:60em}"
    "img{max-width:100%;height:auto;border:1px solid #eee}figcaption{color:#555;"
    "font-size:.9em}table{border-collapse:collapse;font-size:.85em;width:100%}"
    "td,th{border-bottom:1px solid #eee;text-align:left;vertical-align:top;padding:3px 6px}"
    "th{background:#f6f6f6}details summary{cursor:pointer;color:#1f5a96}"
    ".muted{color:#666}.num,.date{text-align:right;white-space:nowrap}"
    "td.sentence{min-width:22em}td{overflow-wrap:break-word}"
    "td.corrected{background:#e6f4ea}.wide{overflow-x:auto;max-width:100%}"
)

#: Sentences longer than this are collapsed in the claims table (<details>).
SENTENCE_PREVIEW = 90


def _cell(value: object) -> str:
    if value is None or value is pd.NA or value is pd.NaT or (
            isinstance(value, float) and value != value):
        return ""
    if isinstance(value, pd.Timestamp):
        return html.escape(value.date().isoformat() if value == value.normalize()
                           else value.isoformat())
    return html.escape(str(value))


def _sentence_cell(value: object) -> str:
    """A sentence, collapsed behind its first words when long (the full text one click away)."""
    text = _cell(value)
    raw = str(value) if text else ""
    if len(raw) <= SENTENCE_PREVIEW:
        return text
    head = raw[:SENTENCE_PREVIEW].rsplit(" ", 1)[0]
    return f"<details><summary>{html.escape(head)} …</summary>{text}</details>"


def _claims_table(claims: pd.DataFrame, *, max_rows: int = 200) -> str:
    """The claims as a full-width HTML table; long sentences collapsed; all text escaped."""
    cols = [c for c in CLAIM_COLUMNS if c in claims.columns]
    shown = claims.head(max_rows)
    out = ['<div class="wide"><table><thead><tr>']
    out += [f"<th>{html.escape(c.replace('_', ' '))}</th>" for c in cols]
    out.append("</tr></thead><tbody>")
    marks = [set(str(v).split(",")) if isinstance(v, str) else set()
             for v in (shown["corrected"] if "corrected" in shown else [None] * len(shown))]
    for row, fixed in zip(shown[cols].itertuples(index=False), marks, strict=True):
        out.append("<tr>")
        for col, value in zip(cols, row, strict=True):
            field = "value" if col == "value_usd" else col
            if field in fixed or (col == "parties" and fixed & {"party_from", "party_to"}):
                cell = "" if pd.isna(value) else (html.escape(format_money(float(value)))
                                                  if col == "value_usd" else _cell(value))
                out.append(f'<td class="corrected" title="corrected by the analyst '
                           f'(corrections.csv)">{cell} ✎</td>')
            elif col == "sentence":
                out.append(f'<td class="sentence">{_sentence_cell(value)}</td>')
            elif col == "date":
                out.append(f'<td class="date">{_cell(value)}</td>')
            elif col == "value_usd":
                cell = "" if pd.isna(value) else html.escape(format_money(float(value)))
                out.append(f'<td class="num">{cell}</td>')
            else:
                out.append(f"<td>{_cell(value)}</td>")
        out.append("</tr>")
    out.append("</tbody></table></div>")
    if len(claims) > len(shown):
        out.append(f'<p class="muted">The first {len(shown):,} of {len(claims):,} claims; '
                   "all are in claims.csv.</p>")
    return "".join(out)


def _sources_table(articles: pd.DataFrame) -> str:
    """Each article with its date, title, publisher and source link (escaped)."""
    out = ["<table><thead><tr><th>date</th><th>article</th><th>source</th>"
           "<th>statement by</th><th>note</th></tr></thead><tbody>"]
    rows = articles.sort_values("date", kind="stable") if "date" in articles else articles
    for _, a in rows.iterrows():
        url = a.get("url")
        source = _cell(a.get("source"))
        if isinstance(url, str) and url.startswith(("http://", "https://")):
            source = (f'<a href="{html.escape(url, quote=True)}" rel="nofollow noopener">'
                      f"{source or html.escape(url)}</a>")
        out.append(f"<tr><td class=\"date\">{_cell(a.get('date'))}</td>"
                   f"<td>{_cell(a.get('title'))}</td>"
                   f"<td>{source}</td><td>{_cell(a.get('statement_by'))}</td>"
                   f"<td>{_cell(a.get('note'))}</td></tr>")
    out.append("</tbody></table>")
    return "".join(out)


def _index_html(*, title: str, inputs: list[str], articles: pd.DataFrame,
                quantities: pd.DataFrame, claims: pd.DataFrame, errors: pd.DataFrame,
                charts: list[tuple[str, str, dict[str, Path]]], tables: dict[str, Path],
                out_dir: Path, skipped: Sequence[str] = (), to: str = "USD",
                checked: pd.DataFrame | None = None) -> str:
    esc = html.escape
    rel = lambda p: esc(p.relative_to(out_dir).as_posix())  # noqa: E731
    money = quantities[quantities["kind"].astype("string").eq("money").fillna(False)] \
        if "kind" in quantities else quantities
    total_usd = (float(money["value_usd"].sum()) if "value_usd" in money else float("nan"))
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head><body>",
        f"<h1>{esc(title)}</h1>",
        '<section id="summary"><h2>Summary</h2><ul>',
        f"<li>{plural(len(articles), 'article')} read from {esc(', '.join(inputs))}"
        + (f"; {len(errors):,} input(s) could not be read (see errors.csv)" if len(errors)
           else "") + "</li>",
        f"<li>{plural(len(quantities), 'quantity', 'quantities')}: "
        + (_counts(quantities["kind"]) if "kind" in quantities else "none") + "</li>",
    ]
    if total_usd == total_usd and total_usd > 0:
        parts.append(f"<li>money mentions add up to {esc(format_money(total_usd))} in USD "
                     "(a size check, not a meaningful total)</li>")
    parts.extend(_without_money(money, to))
    parts.append(f"<li>{plural(len(claims), 'claim')}"
                 + (": " + _counts(claims["concept"].astype("string").map(
                     concept_name, na_action="ignore")) if "concept" in claims and len(claims)
                    else "") + "</li>")
    if "claim_type" in claims and len(claims):
        parts.append(f"<li>claim types: {_counts(claims['claim_type'])}</li>")
    parts.extend(_summary_lines(articles, claims))
    parts.append("</ul></section>")
    if len(articles) and ("url" in articles or "source" in articles):
        parts.append('<section id="sources"><h2>Articles and their sources</h2>')
        parts.append(_sources_table(articles))
        parts.append("</section>")
    parts.append('<section id="charts"><h2>Charts</h2>')
    if not charts:
        parts.append('<p class="muted">No chart: nothing to plot in these articles.</p>')
    for name, caption, files in charts:
        img = files.get("png") or files.get("svg")
        links = " · ".join(f'<a href="{rel(p)}">{esc(fmt.upper())}</a>'
                           for fmt, p in files.items())
        if img is not None:
            parts.append(f'<figure id="{esc(name)}"><img src="{rel(img)}" '
                         f'alt="Chart: {esc(caption)}">'
                         f"<figcaption>{esc(caption)} — {links}</figcaption></figure>")
        else:
            parts.append(f"<p>{esc(caption)} — {links}</p>")
    if skipped:
        parts.append('<h3 id="not-charted">Claims without a chart</h3><ul>')
        parts.extend(f"<li>{esc(line)}</li>" for line in skipped)
        parts.append("</ul>")
    parts.append("</section>")
    parts.extend(_factcheck_html(checked))
    parts.append('<section id="tables"><h2>Tables</h2><ul>')
    for name, path in tables.items():
        parts.append(f'<li><a href="{rel(path)}">{esc(name)}</a></li>')
    parts.append("</ul></section>")
    parts.append('<section id="claims"><h2>Claims</h2>')
    if len(claims):
        parts.append(_claims_table(claims))
    else:
        parts.append('<p class="muted">No claims found.</p>')
    parts.append("</section>")
    if len(errors):
        parts.append('<section id="errors"><h2>Inputs not read</h2>')
        parts.append(table_html(errors, max_rows=100, index=False))
        parts.append("</section>")
    parts.append(f'<p class="muted">Made with econnews {esc(__version__)}. Figures are '
                 "extracted automatically from the articles; check each against its "
                 "sentence before quoting it.</p>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


# -------------------------------------------------------------------- build


def build_report(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None = None,
    out_dir: str | os.PathLike[str] = "report",
    *,
    concepts: Sequence[str] = ("trade", "investment"),
    formats: Sequence[str] = ("png", "svg", "pdf"),
    dpi: int = 200,
    n_jobs: int | None = 1,
    progress: bool | None = None,
    title: str = "econnews report",
    to: str = "USD",
    date: Any = None,
    currency_hint: str | None = None,
    neutralise: bool = True,
    reference: str | os.PathLike[str] | pd.DataFrame | None = None,
    corrections: str | os.PathLike[str] | pd.DataFrame | None = "auto",
    batch_size: int | None = None,
) -> Report:
    """Run the pipeline over ``paths`` and write a browsable report into ``out_dir``.

    ``paths``: files, folders or globs (default: the repository's ``data/``).
    ``concepts``: the claim concepts that get a timeline (and the comparison chart).
    ``formats``/``dpi``: chart files (see :func:`econnews.plot.export`). ``n_jobs``
    and ``progress`` go to :func:`econnews.extract_corpus`. ``to``: the currency
    money is converted to (``value_usd`` …); ``date``: the date of articles that
    have none; ``currency_hint``: what a bare ``$`` means. ``reference``: the official
    figures the claims are checked against (``check.csv``, a fact-check section and a
    chart per pair; a reference file or table, default the bundled figures, see
    :func:`econnews.check`). ``corrections``: the analyst's fixes (a file or table;
    ``"auto"``: the inputs' ``corrections.csv``; None: none), marked in the page.
    ``neutralise``: CSV cells
    that begin with ``=``, ``+``, ``-``, ``@`` get a ``'`` so spreadsheets do not run
    them (Parquet keeps the raw text). Inputs that cannot be read are listed in
    ``errors.csv`` and in the page, never dropped silently. ``batch_size``: read the
    articles that many at a time, each batch's texts dropped once read (memory then
    depends on the batch, not the corpus; the files are the same, and
    ``report.articles`` has no ``text``; see :mod:`econnews.report_batches`).

    The report is built in a folder beside ``out_dir`` and swapped in at the end
    (:func:`econnews.common.files.replace_folder`): after any fault ``out_dir``
    holds the previous complete report or the new one; files the new report does
    not write do not stay; a second report into the same folder at the same time
    fails at once. Returns a :class:`Report` (``report.files`` maps each relative
    name to its path).
    """
    from .factcheck import check
    from .factcheck import reference as _reference
    from .report_batches import read as read_tables

    if paths is None:
        data = default_data_dir()
        if not data.is_dir():
            raise InputError(f"no default data folder at {data}; pass the article files or "
                             "folders to report on")
        inputs: list[str | os.PathLike[str]] = [data]
    elif isinstance(paths, (str, os.PathLike)):
        inputs = [paths]
    else:
        inputs = list(paths)
    if not inputs:
        raise InputError("no input paths given; pass article files or folders")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} exists and is not a folder; choose another path")
    check_writable(out, folder=True)
    fill_date = _check_date(date)
    ref = _reference.load(reference) if isinstance(reference, (str, os.PathLike)) else (
        None if reference is None else _reference.validate(reference))

    with replace_folder(out) as stage:
        articles, quantities, claims, errors = read_tables(
            inputs, to=to, batch_size=batch_size, fill_date=fill_date, n_jobs=n_jobs,
            progress=progress, currency_hint=currency_hint)
        errors = _public_paths(errors, inputs)
        if not len(articles):
            raise InputError(_nothing_read(errors, inputs))
        claims = _apply_corrections(claims, corrections, inputs)
        checked = check(claims, ref)

        files: dict[str, Path] = {}
        tables = {}
        for name, frame in (("quantities", quantities), ("claims", claims),
                            ("check", checked)):
            tables.update(_write_table(frame, stage, name, neutralise=neutralise))
        if len(errors):
            path = stage / "errors.csv"
            plain = _plain(errors)
            with atomic_write(path) as fh:
                fh.write((neutralise_formulas(plain) if neutralise else plain)
                         .to_csv(index=False).encode("utf-8"))
            tables[path.name] = path
        files.update(tables)

        drawn = []
        planned, skipped = _plan(quantities, claims, concepts)
        for name, caption, make in planned + _factcheck_charts(checked, ref):
            fig = make()
            if is_blank(fig):  # never write a chart with nothing on it
                skipped.append(f"{caption}: not charted: nothing to draw.")
                continue
            written = export(fig, stage / "charts" / name, formats, dpi=dpi)
            drawn.append((name, caption, written))
            files.update({f"charts/{p.name}": p for p in written.values()})

        page = _index_html(title=title, inputs=[public_path(p, inputs) for p in inputs],
                           articles=articles, quantities=quantities, claims=claims,
                           errors=errors, charts=drawn, skipped=skipped, tables=tables,
                           out_dir=stage, to=to, checked=checked)
        index = stage / "index.html"
        with atomic_write(index) as fh:
            fh.write(page.encode("utf-8"))
        files["index.html"] = index
    final = {name: out / p.relative_to(stage) for name, p in files.items()}
    return Report(out_dir=out, files=dict(sorted(final.items())), articles=articles,
                  quantities=quantities, claims=claims, errors=errors, checked=checked)


def _check_date(date: Any) -> pd.Timestamp | None:
    """The ``date=`` for undated articles as a Timestamp; an unreadable one is an
    :class:`InputError`."""
    if date is None:
        return None
    from .load.text import Problem, parse_date

    try:
        stamp = parse_date(date)
    except Problem as p:
        raise InputError(f"date={date!r}: {p.message}") from None
    return None if stamp is pd.NaT else stamp


def _claims(find_claims: Callable[..., pd.DataFrame], articles: pd.DataFrame,
            quantities: pd.DataFrame, to: str, n_jobs: int | None = None) -> pd.DataFrame:
    """find_claims with amounts in ``to`` and ``n_jobs`` processes (each passed on where
    find_claims takes it)."""
    import inspect

    params = inspect.signature(find_claims).parameters
    kwargs: dict[str, Any] = {"n_jobs": n_jobs} if "n_jobs" in params else {}
    if "to" in params:
        return find_claims(articles, quantities, to=to, **kwargs)
    return find_claims(articles, quantities, **kwargs)


def _public_paths(errors: pd.DataFrame, roots: Sequence[str | os.PathLike[str]]
                  ) -> pd.DataFrame:
    """The errors table with its ``path`` column free of local absolute paths."""
    if not len(errors) or "path" not in errors:
        return errors
    out = errors.copy()
    out["path"] = pd.array([p if not isinstance(p, str) else public_path(p, roots)
                            for p in out["path"]], dtype=errors["path"].dtype)
    return out


# ------------------------------------------------ issue 22: corrections, fx, nothing read


def _nothing_read(errors: pd.DataFrame, inputs: Sequence[str | os.PathLike[str]]) -> str:
    """The one line for a report over inputs where no article could be read."""
    where = ", ".join(public_path(p, inputs) for p in inputs)
    if len(errors):
        first = errors.iloc[0]
        return (f"no article could be read from {where} ({plural(len(errors), 'input')} not "
                f"read; first: {first['path']}: {first['message']}); nothing to report")
    return (f"no article found in {where}; give .txt, .md, .json, .jsonl, .csv or .html "
            "files or folders that hold them")


def _apply_corrections(claims: pd.DataFrame, corrections: Any,
                       inputs: Sequence[str | os.PathLike[str]]) -> pd.DataFrame:
    """The claims with the analyst's corrections (``"auto"``: the inputs' corrections.csv)."""
    from .claims.corrections import apply_corrections, default_path

    if isinstance(corrections, str) and corrections == "auto":
        corrections = default_path(inputs)
    if corrections is None or "claim_id" not in claims:
        return claims
    if not isinstance(corrections, pd.DataFrame) and not Path(corrections).is_file():
        raise InputError(f"corrections file {corrections} does not exist; check the path")
    return apply_corrections(claims, corrections)


def fx_for(claims: pd.DataFrame, to: str | None) -> pd.DataFrame:
    """The claims with ``fx_rate``, ``fx_date``, ``fx_source`` and ``fx_status`` describing
    the conversion to ``to`` (as :func:`econnews.normalize` gives them for the
    quantities), not to USD: ``value_usd`` stays, ``value_<to>`` is the one the
    ``fx_*`` columns explain. USD or None: the table as it is.

    >>> c = pd.DataFrame({"kind": ["money"], "value": [1e9], "unit": ["USD"],
    ...                   "date": pd.to_datetime(["2019-01-22"]), "value_usd": [1e9],
    ...                   "fx_rate": [1.0], "fx_status": ["identity"]})
    >>> out = fx_for(c, "EUR")
    >>> round(float(out["fx_rate"].iloc[0]), 4), round(float(out["value_eur"].iloc[0]) / 1e9, 4)
    (0.8807, 0.8807)
    """
    if to is None or to.upper() == "USD" or not len(claims) \
            or not {"kind", "value", "unit", "date"} <= set(claims.columns):
        return claims
    from .normalization.convert import normalize

    frame = claims[["kind", "value", "unit", "date"]].assign(low=claims["value"],
                                                             high=claims["value"])
    converted = normalize(frame, to=to)
    out = claims.copy()
    for col in (f"value_{to.lower()}", "fx_rate", "fx_date", "fx_source", "fx_status"):
        if col in converted:
            out[col] = converted[col].set_axis(out.index)
    return out
