"""Claims: who claims what about whose trade and investment.

A quantity is a number; a claim is what the article says with it.
:func:`find_claims` reads each money figure (and each percent, ratio or
measure tied to an economic concept) in its sentence and records:

* ``concept``: the taxonomy in ``econnews/data/concepts.csv`` (:data:`CONCEPTS`):
  trade (trade, turnover), exports, imports, trade_surplus, trade_deficit,
  investment, fdi, loans (loans, credit, debt), aid, sanctions_cost, gdp, budget,
  reserves, tariffs, prices, and ``other`` for a money figure with no concept word;
* ``parties``: ISO 3166 alpha-3 codes (SUN for the USSR; bloc codes such as EU,
  ASEAN, OPEC from ``places_aliases.csv``), ``party_from`` → ``party_to`` first when
  the direction is stated ("Japanese investment in Russia" is ``JPN,RUS`` with
  from JPN, to RUS), else sorted; for trade_surplus/trade_deficit ``party_from``
  is the side whose balance it is and ``party_to`` the counterpart; when the
  figure's own sentence names no direction, the nearest earlier sentence (up to
  two back) on the same concept fills it in;
* ``claim_type``: ``target`` (proposals, plans, goals), ``forecast`` (expected,
  will, could), ``change`` (the figure is a rise or fall), ``ratio`` (a
  multiplier that is none of these), ``level`` (everything else), and
  ``implied`` for rows derived from two claims (below);
* ``speaker``: who the sentence attributes it to ("X said", "according to X",
  "X told Kyodo"); when the figure belongs to somebody's plan ("Putin's plan
  ... to increase trade by 1.5 times") the plan's owner is the speaker and the
  reporting voice goes to ``reported_by``; "he/it said" is resolved to the last
  named speaker of the article;
* ``hedge``: the hedging or proposal words in the figure's clause;
* ``period``: "2017", "1987/88", "FY1986", "2019Q1", "1987-01", with "last
  year" resolved against the article date; NA when the text does not say.

Titles: an article's text usually starts with its title line.  A claim in the
title that the body repeats (same concept, parties, type, value and unit) is
collapsed into the body's claim, which keeps ``in_title=True``; in general,
repeats within one article are collapsed into their first body mention and
counted in ``mentions``.  So the example article yields exactly three claims
plus one implied row.

Implied figures: a ratio or percent change and a money figure on the same
concept and parties in one article give the other end of the change
(``30e9 / 1.5 = 20e9``), as ``claim_type="implied"`` rows whose ``derived_from``
names the two claim ids and whose ``surface`` spells the arithmetic.

>>> import pandas as pd
>>> text = "Putin proposes to raise trade with Japan 1.5 times, to $30 billion."
>>> q = pd.DataFrame({"doc_id": ["a", "a"], "surface": ["1.5 times", "$30 billion"],
...                   "kind": ["ratio", "money"], "value": [1.5, 3e10], "unit": ["times", "USD"]})
>>> q["start"] = [text.index(s) for s in q["surface"]]
>>> q["end"] = q["start"] + q["surface"].str.len()
>>> c = find_claims({"id": "a", "date": "2019-01-22", "text": text}, q)
>>> c[["concept", "claim_type", "value", "speaker"]].to_string(index=False)
'concept claim_type   value speaker\\n  trade     target     1.5   Putin\\n  trade     target 3.0e+10   Putin\\n  trade    implied 2.0e+10    <NA>'
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any

import pandas as pd

from .. import schema
from ..common.frame import typed_frame, with_columns
from ..common.text import without_surrogates
from ..errors import EconnewsWarning, ExtractWarning, InputError, SchemaError
from .article import Article, quantity_items
from .compare import compare
from .jobs import auto_jobs, run, split
from .parse import relative_changes
from .read import article_claims

__all__ = ["CLAIMS", "CLAIM_TYPES", "COMPARE", "CONCEPTS", "compare", "find_claims"]


# The schemas live in econnews/schema.py; these names stay importable from here.
CONCEPTS = schema.CONCEPTS
"""The concept taxonomy (:data:`econnews.schema.CONCEPTS`).

>>> CONCEPTS[:3]
['trade', 'exports', 'imports']
"""


CLAIM_TYPES = schema.CLAIM_TYPES
"""The kinds of claim (:data:`econnews.schema.CLAIM_TYPES`).

>>> CLAIM_TYPES[:3]
['level', 'target', 'forecast']
"""


CLAIMS: dict[str, object] = schema.CLAIMS
"""One row per claim (:data:`econnews.schema.CLAIMS`): column name -> dtype.

>>> [c for c in CLAIMS if c.endswith("_by") and c != "reported_by"]
['concept_by', 'parties_by', 'claim_type_by', 'period_by', 'speaker_by']
"""


COMPARE: dict[str, object] = schema.COMPARE
"""One row per group of comparable claims (:data:`econnews.schema.COMPARE`).

>>> "spread" in COMPARE
True
"""


#: Columns :func:`find_claims` needs in a quantities table it is given.
QUANTITY_COLUMNS = ["doc_id", "start", "end", "surface", "kind", "value", "unit"]


def _articles_frame(articles: Any) -> pd.DataFrame:
    if isinstance(articles, str):
        frame = pd.DataFrame({"text": [without_surrogates(articles)]})
    elif isinstance(articles, pd.Series):
        frame = articles.to_frame().T.reset_index(drop=True)
    elif isinstance(articles, Mapping):
        one = {k: without_surrogates(v) if isinstance(v, str) else v
               for k, v in articles.items()}  # a lone surrogate no table can store
        frame = pd.DataFrame([one])
    elif isinstance(articles, pd.DataFrame):
        frame = articles
    else:
        raise SchemaError(
            "find_claims expects an articles table (econnews.load_articles), a text string "
            f"or one article as a dict/Series, got {type(articles).__name__}")
    schema.require(frame, ["text"], stage="find_claims")
    return schema.coerce(frame, schema.ARTICLES).reset_index(drop=True)


def _extract_all(arts: pd.DataFrame, timeout: float | None = 60.0
                 ) -> tuple[pd.DataFrame, list[str | None]]:
    """Each article's quantities, each within its time budget (``timeout`` seconds,
    checked in the scanner's loops: it holds in threads and Dask workers), and the ids of
    the articles over it (they give no quantities; :func:`find_claims` warns). Each article
    is read with the place hint ``extract_corpus`` passes (a Singapore story's "dollars"
    are SGD). The rows are those of :func:`econnews.extract` on each article in turn, in
    one typed table built once (a table per article costs more than reading it)."""
    from ..common.budget import OverBudget, within
    from ..extraction.corpus import place_hint
    from ..extraction.scan import add_rows, check_currency_hint, new_columns
    from ..extraction.table import frame

    cols = new_columns()
    late = []
    for row in arts.itertuples(index=False):
        text = "" if pd.isna(row.text) else without_surrogates(str(row.text))
        doc_id = None if pd.isna(row.id) else str(row.id)
        date = None if pd.isna(row.date) else pd.Timestamp(row.date)
        dateline = getattr(row, "dateline", None)
        title = None if pd.isna(row.title) else str(row.title)
        before = len(cols["start"])
        try:
            with within(timeout):
                hint = place_hint(None if dateline is None or pd.isna(dateline) else dateline,
                                  title, text)
                add_rows(cols, text, doc_id=doc_id, date=date, hint=check_currency_hint(hint))
        except OverBudget:
            for values in cols.values():  # the article's rows, some written: none kept
                del values[before:]
            late.append(doc_id)
    if not cols["start"]:
        return schema.empty(schema.QUANTITIES), late
    return frame(cols), late


def find_claims(articles: Any, quantities: pd.DataFrame | None = None, *,
                to: str | None = "USD", corrections: Any = None,
                timeout: float | None = 60.0, n_jobs: int | None = None) -> pd.DataFrame:
    """The claims table: one typed row per claim in each article (see the module doc).

    Requires: ``articles`` with a ``text`` column (also ``id``, ``date``, ``title``,
    ``source`` when present; a single text string or one article as a dict/Series is
    accepted too); ``quantities`` with ``doc_id, start, end, surface, kind, value, unit``
    (``bound``, ``change``, ``value_usd`` used when present), or None to run
    :func:`econnews.extract` on each article.  Adds: the :data:`CLAIMS` columns.
    ``quantity_index`` is the row position in ``quantities`` (when ``quantities`` is None:
    in the per-article ``extract`` tables concatenated in article order).  Neither input
    is modified.  Money figures are always claims (concept ``other`` when no concept
    word is near); percents, ratios and physical measures only when a concept word is
    in their clause; counts, bare numbers and spans of time never.

    Money is converted at each article's date (:func:`econnews.normalize`: ECB daily
    rates, then the Fed's H.10 monthly averages back to 1971): ``value_usd``,
    ``fx_rate``, ``fx_date``, ``fx_source`` and ``fx_status`` come filled by default.
    ``to="EUR"`` (any code :func:`econnews.normalize` knows) adds ``value_eur`` beside
    ``value_usd``; ``to=None`` skips conversion (``value_usd`` is then taken from
    ``quantities`` when they carry it, else NA). Quantities that already carry
    ``value_usd`` keep it (your own ``rates=``).  A bracketed conversion ("24.2 trillion
    pesos ($10.2bn; £5.5bn)") is one claim: the brackets go to ``conversions`` (and
    ``stated_usd``), and give ``value_usd`` (``fx_source`` ``article``) when no rate
    does.  Exchange rates ("152.50 yen to the dollar") get concept ``exchange_rate`` and
    ``per``; they are never converted or summed.

    ``n_jobs`` processes read the articles (-1: one per CPU); the rows are the same as
    one process reads.  None (the default) uses one process below about 200,000
    characters of text, or where worker processes do not start by fork, else one per CPU
    (:mod:`econnews.claims.jobs`).

    >>> q = pd.DataFrame({"doc_id": ["x"], "start": [26], "end": [35], "surface": ["$2 billion"],
    ...                   "kind": ["money"], "value": [2e9], "unit": ["USD"]})
    >>> text = "Japanese investment in Russia is $2 billion."
    >>> q.loc[0, ["start", "end"]] = [text.index("$"), len(text) - 1]
    >>> c = find_claims({"id": "x", "text": text}, q)
    >>> c.loc[0, ["concept", "parties", "party_from", "party_to", "claim_type"]].tolist()
    ['investment', 'JPN,RUS', 'JPN', 'RUS', 'level']
    """
    arts = _articles_frame(articles)
    ids = arts["id"].astype("string").fillna("\x00")
    if ids.duplicated().any():
        dup = ids[ids.duplicated()].iloc[0]
        raise InputError(f"find_claims: article id {dup!r} appears twice; give each article "
                         "a unique id")
    qs = None
    if quantities is not None:
        schema.require(quantities, QUANTITY_COLUMNS, stage="find_claims")
        qs = _convert(_positions(quantities), arts, to)
        unknown = sorted(set(qs["doc_id"].astype("string").fillna("\x00")) - set(ids))
        if unknown:
            warnings.warn(f"find_claims: {len(unknown)} doc_id(s) in quantities have no "
                          f"article (e.g. {unknown[0]!r}); their quantities are skipped",
                          EconnewsWarning, stacklevel=2)
    jobs = auto_jobs([len(t) if isinstance(t, str) else 0 for t in arts["text"]], n_jobs)
    chunks = [(a, q, to, timeout) for a, q in split(arts, qs, ids, jobs)]
    parts = run(_chunk_rows, chunks, jobs) if jobs > 1 else [_chunk_rows(*c) for c in chunks]
    rows: list[dict[str, Any]] = []
    late: list[str | None] = []
    offset = 0  # extracted here: positions in the per-article tables concatenated
    for part_rows, part_late, extracted in parts:
        if offset:
            for r in part_rows:
                if not pd.isna(r["quantity_index"]):
                    r["quantity_index"] += offset
        offset += extracted
        rows.extend(part_rows)
        late.extend(part_late)
    if late:
        warnings.warn(f"{len(late)} of {len(arts)} articles could not be extracted "
                      f"(extract-timeout: over the time budget of {timeout:g} s: "
                      f"{', '.join(map(repr, late[:5]))}); pass a larger timeout= "
                      "(or timeout=None)", ExtractWarning, stacklevel=2)
    if not rows:
        return schema.empty(CLAIMS)
    out = _table(rows)
    from .corrections import apply_corrections  # the analyst's fixes (corrections.csv)

    return apply_corrections(out, corrections) if corrections is not None else out


def _table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The typed claims table of ``rows``: the :data:`CLAIMS` columns, then the amounts in
    other currencies (``value_eur``, ...), built column by column from the rows."""
    names = dict.fromkeys(k for r in rows for k in r)
    extra = {c: schema.FLOAT for c in names if c.startswith("value_") and c not in CLAIMS}
    return typed_frame({name: [r.get(name) for r in rows] for name in [*CLAIMS, *extra]},
                       {**CLAIMS, **extra})


def _positions(qs: pd.DataFrame) -> pd.DataFrame:
    """``qs`` with a fresh index and each row's position (``quantity_index``) in ``_pos``."""
    return qs.reset_index(drop=True).assign(_pos=range(len(qs)))


def _chunk_rows(arts: pd.DataFrame, qs: pd.DataFrame | None, to: str | None,
                timeout: float | None) -> tuple[list[dict[str, Any]], list[str | None], int]:
    """The claim rows of ``arts`` (a worker's chunk, or all of them), the ids of articles
    over the time budget, and how many quantities were extracted here (0 when ``qs`` was
    given: its positions are the caller's)."""
    late: list[str | None] = []
    extracted = 0
    if qs is None:
        found, late = _extract_all(arts, timeout=timeout)
        qs = _convert(_positions(found), arts, to)
        extracted = len(qs)
    by_doc = quantity_items(qs) if len(qs) else {}
    ids = arts["id"].astype("string").fillna("\x00")
    rows: list[dict[str, Any]] = []
    for row, doc in zip(arts.itertuples(index=False), ids, strict=True):
        if doc not in by_doc:
            text = "" if pd.isna(row.text) else str(row.text)
            if not relative_changes(text):
                continue  # no figure at all ("grew by a third" is read here, not extracted)
            by_doc[doc] = []
        found_items = sorted(by_doc[doc], key=lambda i: i.start)
        art = Article.read(row, [(i.start, i.end) for i in found_items], up_to_last_figure=True)
        rows.extend(article_claims(art, found_items))
    return rows, late, extracted


def _convert(qs: pd.DataFrame, arts: pd.DataFrame, to: str | None) -> pd.DataFrame:
    """The quantities with ``value_usd`` (and ``value_<to>``) at each article's date."""
    if to is None or qs.empty:
        return qs
    from ..normalization.convert import normalize

    target = str(to).strip().upper()
    money = qs["kind"].astype("string") == "money"
    out = qs
    if "date" not in out.columns or out["date"].isna().all():
        dates = dict(zip(arts["id"].astype("string").fillna("\x00"), arts["date"], strict=True))
        out = out.assign(date=out["doc_id"].astype("string").fillna("\x00").map(dates))
    for col in ("low", "high"):
        if col not in out.columns:
            out = out.assign(**{col: out["value"]})
    have = "value_usd" in qs.columns and qs.loc[money.fillna(False), "value_usd"].notna().any()
    targets = [t for t in dict.fromkeys(["USD", target]) if not (t == "USD" and have)]
    for t in targets:
        conv = normalize(out, to=t)
        keep = [f"value_{t.lower()}"]
        if t == "USD":
            keep += ["fx_rate", "fx_date", "fx_source", "fx_status"]
        out = with_columns(out, {c: conv[c].array for c in keep})  # (read, never changed)
    return out
