"""Every table econnews produces, with its columns and their pandas dtypes.

One module holds them all so that a stage, a test or a user can check a frame
against the contract in ``DESIGN.md``:

>>> from econnews import schema
>>> list(schema.QUANTITIES)[:4]
['doc_id', 'start', 'end', 'surface']
>>> schema.empty(schema.QUANTITIES).dtypes["value"]
Float64Dtype()

The tables, by the stage that makes them:

=====================  ===========================================================
``ARTICLES``           ``econnews.load_articles`` (plus ``ARTICLE_EXTRAS``)
``QUANTITIES``         the contract of ``econnews.extract``
``EXTRACTED``          what ``econnews.extract`` returns: ``QUANTITIES`` + extras
``CORPUS_QUANTITIES``  what ``econnews.extract_corpus`` returns
``NORMALIZED``         the columns ``econnews.normalize`` adds (``normalized_columns``)
``CLAIMS``             ``econnews.find_claims``
``COMPARE``            ``econnews.claims.compare``
``REFERENCE``          official figures (``econnews.factcheck.reference``)
``CHECK``              ``econnews.check``: ``CLAIMS`` + ``CHECK_ADDED``
``ERRORS``             error rows of every stage (``econnews.load.errors_table``)
=====================  ===========================================================
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

from .errors import MissingColumnsError, SchemaError

__all__ = [
    "ARTICLES",
    "ARTICLE_EXTRAS",
    "BOOL",
    "BOUNDS",
    "CHANGES",
    "CHECK",
    "CHECK_ADDED",
    "CLAIMS",
    "CLAIM_TYPES",
    "COMPARE",
    "CONCEPTS",
    "CORPUS_QUANTITIES",
    "DATETIME",
    "ERRORS",
    "EXTRACTED",
    "FLOAT",
    "FX_SOURCES",
    "FX_STATUSES",
    "INT",
    "KINDS",
    "NORMALIZED",
    "QUANTITIES",
    "REFERENCE",
    "ROLES",
    "STRING",
    "VERDICTS",
    "category",
    "coerce",
    "empty",
    "normalized_columns",
    "require",
    "validate",
]

KINDS = ["money", "percent", "ratio", "measure", "count", "number"]
BOUNDS = ["=", "~", ">", "<"]
CHANGES = ["up", "down"]

STRING = pd.StringDtype()
INT = pd.Int64Dtype()
FLOAT = pd.Float64Dtype()
BOOL = pd.BooleanDtype()
DATETIME = "datetime64[ns]"


def category(values: Iterable[str]) -> pd.CategoricalDtype:
    """A categorical dtype with a fixed set of categories, listed in the order given.

    >>> category(["up", "down"]).categories.tolist()
    ['up', 'down']
    """
    return pd.CategoricalDtype(list(values), ordered=False)


#: One row per quantity mention (``econnews.extract``).
QUANTITIES: dict[str, object] = {
    "doc_id": STRING,
    "start": INT,
    "end": INT,
    "surface": STRING,
    "kind": category(KINDS),
    "value": FLOAT,
    "low": FLOAT,
    "high": FLOAT,
    "unit": STRING,
    "bound": category(BOUNDS),
    "change": category(CHANGES),
    "sentence": STRING,
    "sent_start": INT,
    "sent_end": INT,
    "date": DATETIME,
}

#: One row per article (``econnews.load_articles``).
ARTICLES: dict[str, object] = {
    "id": STRING,
    "date": DATETIME,
    "title": STRING,
    "source": STRING,
    "url": STRING,
    "text": STRING,
}

#: Which level of a movement a row is: the old one (``from``) or the new one (``to``):
#: "fell from $36,040 to $34,935", "narrowed to 138,285 lots from 212,577". The two rows
#: of a movement are neighbours in the table.
ROLES = ["from", "to"]

#: What ``econnews.extract`` returns: the contract's columns, then ``unit_name`` (a
#: readable unit name: "US Dollar", "barrel per day", a count's description "record
#: goal"), ``per`` (the denominator of a rate: "$58 a barrel" -> "barrel", "$80 per sq
#: m" -> "square metre"; for a fraction, its whole: "a third of the population" ->
#: "population") and ``role`` (``ROLES``).
EXTRACTED: dict[str, object] = {
    **QUANTITIES,
    "unit_name": STRING,
    "per": STRING,
    "role": category(ROLES),
}

#: What ``econnews.extract_corpus`` returns: ``EXTRACTED`` plus the article's ``source``.
CORPUS_QUANTITIES: dict[str, object] = {**EXTRACTED, "source": STRING}

#: One row per input that could not be read or processed.
ERRORS: dict[str, object] = {
    "doc_id": STRING,
    "path": STRING,
    "stage": STRING,
    "code": STRING,
    "message": STRING,
}


#: The columns every articles table has after the ``ARTICLES`` ones: the file read,
#: how its text was decoded, and the id of the article it repeats (``flag_duplicates``).
ARTICLE_EXTRAS: dict[str, object] = {
    "path": STRING,
    "encoding": STRING,
    "duplicate_of": STRING,
    "duplicate_kind": category(["exact", "near"]),
}

# ------------------------------------------------------------------ normalize

#: Where a rate came from: the bundled ECB reference rates, the ``rates=`` table
#: (``user`` as soon as one leg of the conversion came from it), or the bundled
#: Federal Reserve H.10 monthly averages (``H10``: 1971 on, where the ECB has no rate);
#: in the claims table also ``article``: the dollar amount the article itself gives in
#: brackets ("24.2 trillion pesos ($10.2bn)"), used when no rate converts the figure.
FX_SOURCES = ["ECB", "user", "H10", "article"]

#: How a money row was converted (``econnews.normalize``):
#:
#: ``same``         already in the target currency (rate 1, no source; ``fx_date`` is
#:                  the row's date, NaT if it has none);
#: ``exact``        a rate for the article's own day;
#: ``nearest``      the day had no ECB fixing (weekend, TARGET holiday): the closest
#:                  EARLIER business day, at most ``NEAREST_MAX_DAYS`` calendar
#:                  days back; ``fx_date`` says which;
#: ``no_rate``      no rate: a currency the source does not know, one it did not
#:                  publish on the (nearest) business day -- e.g. RUB after 2022-03-01,
#:                  which is never bridged with an older rate -- or no business day
#:                  within the bound;
#: ``out_of_range`` the day lies outside the ECB file (before 1999-01-04 or after its
#:                  last day) and neither a user rate nor the H.10 table covers it;
#: ``no_date``      the row has no date and none was given;
#: ``monthly_average`` no ECB rate for the day (before 1999-01-04, or a currency the ECB
#:                  lacks): the Federal Reserve H.10 average of the day's month
#:                  (``fx_source`` ``H10``, ``fx_date`` the month's first day), not
#:                  the day's own rate;
#: ``latest``       the day lies after the last bundled rate: the latest rate there
#:                  is (``fx_date`` says which day or month); ``normalize`` warns once
#:                  with the count of such rows.
#:
#: Rows that are not money pass through with NA in every new column.
FX_STATUSES = ["same", "exact", "nearest", "no_rate", "out_of_range", "no_date",
               "monthly_average", "latest"]


def normalized_columns(to: str = "USD") -> dict[str, object]:
    """The columns ``econnews.normalize(q, to=to)`` adds, with their dtypes.

    >>> list(normalized_columns("EUR"))
    ['value_eur', 'low_eur', 'high_eur', 'fx_rate', 'fx_date', 'fx_source', 'fx_status']
    """
    t = to.lower()
    return {
        f"value_{t}": FLOAT,
        f"low_{t}": FLOAT,
        f"high_{t}": FLOAT,
        "fx_rate": FLOAT,
        "fx_date": DATETIME,
        "fx_source": category(FX_SOURCES),
        "fx_status": category(FX_STATUSES),
    }


#: The columns ``normalize(q)`` adds (target USD) -> dtype.
NORMALIZED: dict[str, object] = normalized_columns("USD")

# --------------------------------------------------------------------- claims

CONCEPTS = [
    "trade",
    "exports",
    "imports",
    "trade_surplus",
    "trade_deficit",
    "investment",
    "fdi",
    "loans",
    "aid",
    "sanctions_cost",
    "gdp",
    "budget",
    "reserves",
    "tariffs",
    "prices",
    "current_account",
    "balance_of_payments",
    "exchange_rate",
    "company_sales",
    "company_exports",
    "company_profit",
    "other",
]
"""The concept taxonomy, in documentation order.

``econnews/data/concepts.csv`` names the words of each concept with these names;
``other`` is a money figure with no concept word near it.

>>> CONCEPTS[:5]
['trade', 'exports', 'imports', 'trade_surplus', 'trade_deficit']
>>> "fdi" in CONCEPTS and "other" in CONCEPTS
True
"""

CLAIM_TYPES = ["level", "target", "forecast", "change", "ratio", "implied"]
"""The kinds of claim: ``implied`` rows are derived from two claims (a ratio and a level).

>>> CLAIM_TYPES
['level', 'target', 'forecast', 'change', 'ratio', 'implied']
"""

CLAIMS: dict[str, object] = {
    "doc_id": STRING,
    "date": DATETIME,
    "source": STRING,
    "concept": category(CONCEPTS),
    "parties": STRING,
    "party_from": STRING,
    "party_to": STRING,
    "claim_type": category(CLAIM_TYPES),
    "value": FLOAT,
    "unit": STRING,
    "value_usd": FLOAT,
    "bound": category(BOUNDS),
    "change": category(CHANGES),
    "period": STRING,
    "speaker": STRING,
    "hedge": STRING,
    "quantity_index": INT,
    "start": INT,
    "end": INT,
    "surface": STRING,
    "sentence": STRING,
    "derived_from": STRING,
    "claim_id": STRING,
    "kind": category(KINDS),
    "reported_by": STRING,
    "in_title": BOOL,
    "mentions": INT,
    "implies": STRING,
    "fx_rate": FLOAT,
    "fx_date": DATETIME,
    "fx_source": category(FX_SOURCES),
    "fx_status": category(FX_STATUSES),
    "stated_usd": FLOAT,
    "conversions": STRING,
    "per": STRING,
    "country": STRING,
    "value_low": FLOAT,
    "value_high": FLOAT,
    "concept_by": STRING,
    "parties_by": STRING,
    "claim_type_by": STRING,
    "period_by": STRING,
    "speaker_by": STRING,
    "evidence": STRING,
    "needs_review": BOOL,
    "review_reason": STRING,
}
"""One row per claim (``econnews.find_claims``): column name -> pandas dtype.

Columns after ``claim_id`` are
extras: the quantity's ``kind``, the reporting voice ``reported_by`` when it
differs from the speaker, ``in_title``, the number of ``mentions`` in the article, and
for implied rows what they stand for (``implies``: "level" = the base a plan or a
rise starts from, "target" = the level a plan aims at); then how ``value_usd`` was
converted (``fx_*``, as :func:`econnews.normalize` gives them), the dollar amount the
article itself states in brackets (``stated_usd``) and every bracketed conversion
(``conversions``: "USD 1.02e+10; GBP 5.5e+09"), the denominator of a rate (``per``:
"tonne", "USD" for an exchange rate), and the story's ``country`` (from metadata,
a dateline or the text).  A range ("between $43bn and $45bn", "three to four pct") keeps
both ends in ``value_low`` and ``value_high`` (equal for a point).  The evidence: for
each of concept, parties, claim type, period and speaker a ``*_by`` column names the
reading that set it (``phrase``, ``clause_subject``, ``earlier_sentence``,
``story_pair``, ``headline``, ``default``, ... : see ``econnews.claims.evidence``), and
``evidence`` gives the words each came from ("concept=trade surplus@120-133; ...").
``needs_review`` is set by rule when a field came from outside the figure's sentence
or was defaulted, and ``review_reason`` says which.

>>> list(CLAIMS)[:8]
['doc_id', 'date', 'source', 'concept', 'parties', 'party_from', 'party_to', 'claim_type']
>>> str(CLAIMS["value_usd"]), str(CLAIMS["needs_review"])
('Float64', 'boolean')
"""

COMPARE: dict[str, object] = {
    "concept": category(CONCEPTS),
    "parties": STRING,
    "period": STRING,
    "measure": STRING,
    "unit": STRING,
    "count": INT,
    "articles": INT,
    "min": FLOAT,
    "median": FLOAT,
    "max": FLOAT,
    "spread": FLOAT,
    "sources": STRING,
    "duplicates": INT,
    "claim_ids": STRING,
}
"""One row per group of comparable claims (``econnews.claims.compare``).

>>> list(COMPARE)[:6]
['concept', 'parties', 'period', 'measure', 'unit', 'count']
"""

# ------------------------------------------------------------------ fact-check

#: What :func:`econnews.check` says of a claim beside the official figure.
VERDICTS = [
    "consistent", "overstated", "understated", "basis_differs", "no_reference", "not_comparable",
]

#: One row per official figure (``econnews.factcheck.reference``): the concept and
#: parties with their direction (``party_from`` -> ``party_to``, as in the claims table:
#: for a deficit or surplus, ``party_from`` is the side whose balance it is), the period
#: ("2018", "2019Q1", "1987-01", "FY2018"), the value in ``unit`` (an ISO 4217 code for
#: money), the statistical basis ("goods, Census basis"), and where it comes from;
#: ``vintage`` names the release state of the figure (``first_published``,
#: ``census_2024-06``) and ``published`` the date it became known (ISO date).
REFERENCE: dict[str, object] = {
    "concept": STRING,
    "parties": STRING,
    "party_from": STRING,
    "party_to": STRING,
    "period": STRING,
    "value": FLOAT,
    "unit": STRING,
    "basis": STRING,
    "source": STRING,
    "release": STRING,
    "url": STRING,
    "licence": STRING,
    "source_kind": STRING,
    "note": STRING,
    "vintage": STRING,
    "published": STRING,
}

#: The columns :func:`econnews.check` adds to a claims table.
CHECK_ADDED: dict[str, object] = {
    "ref_value": FLOAT,
    "ref_unit": STRING,
    "ref_period": STRING,
    "ref_basis": STRING,
    "ref_source": STRING,
    "ref_url": STRING,
    "ref_vintage": STRING,
    "compared_value": FLOAT,
    "deviation": FLOAT,
    "tolerance": FLOAT,
    "verdict": category(VERDICTS),
    "checked_as": STRING,
    "check_note": STRING,
}

#: A checked claims table: the claims columns, then what the check adds.
CHECK: dict[str, object] = {**CLAIMS, **CHECK_ADDED}

# -------------------------------------------------------------------- helpers


def empty(columns: Mapping[str, object]) -> pd.DataFrame:
    """An empty frame with exactly these columns and dtypes.

    >>> empty(ERRORS).dtypes.astype(str).tolist()
    ['string', 'string', 'string', 'string', 'string']
    """
    return pd.DataFrame({name: pd.Series([], dtype=dtype) for name, dtype in columns.items()})


def to_datetimes(col: pd.Series, name: str = "date") -> pd.Series:
    """A column of dates as naive UTC timestamps, whatever mix of forms it holds.

    ISO 8601 in any of its forms ("1987-03-23T05:30:02", "2017-09-08", with or without
    an offset) is read first; any other form a value takes ("March 3, 2005") is read
    on its own, so one table can mix them. A value that is no date at all becomes NaT
    with an :class:`~econnews.errors.EconnewsWarning` naming it, never silently.

    >>> to_datetimes(pd.Series(["1987-03-23T05:30:02", "2017-09-08", None])).tolist()
    [Timestamp('1987-03-23 05:30:02'), Timestamp('2017-09-08 00:00:00'), NaT]
    """
    if isinstance(col.dtype, pd.DatetimeTZDtype):
        out = col.dt.tz_convert("UTC").dt.tz_localize(None)
    elif pd.api.types.is_datetime64_dtype(col.dtype):
        out = col
    else:
        out = pd.to_datetime(col, errors="coerce", format="ISO8601", utc=True)
        missed = out.isna() & col.notna()
        if missed.any():
            out = out.astype(object)
            out[missed] = pd.to_datetime(col[missed], errors="coerce", format="mixed",
                                         utc=True)
            out = pd.to_datetime(out, utc=True)
            bad = out.isna() & col.notna()
            if bad.any():
                import warnings

                from .errors import EconnewsWarning

                warnings.warn(f"{bad.sum()} value(s) of column {name!r} are no date "
                              f"(e.g. {col[bad].iloc[0]!r}); they are read as missing",
                              EconnewsWarning, stacklevel=3)
        out = out.dt.tz_localize(None)
    return out.astype(DATETIME)


def coerce(frame: pd.DataFrame, columns: Mapping[str, object]) -> pd.DataFrame:
    """Return a copy of ``frame`` with the schema's columns cast to their dtypes.

    Columns the schema names but the frame lacks are added as all-NA; extra
    columns are kept after the schema's own, in their original order.

    >>> t = coerce(pd.DataFrame({"note": ["x"], "code": ["empty"]}), ERRORS)
    >>> list(t.columns), t.loc[0, "path"]
    (['doc_id', 'path', 'stage', 'code', 'message', 'note'], <NA>)
    """
    out = {}
    n = len(frame)
    for name, dtype in columns.items():
        if name in frame.columns:
            col = frame[name]
            out[name] = to_datetimes(col, name) if dtype == DATETIME else col.astype(dtype)
        else:
            out[name] = pd.Series(
                [pd.NA] * n if dtype != DATETIME else [pd.NaT] * n, index=frame.index, dtype=dtype
            )
    extra = [c for c in frame.columns if c not in columns]
    result = pd.DataFrame(out, index=frame.index)
    for c in extra:
        result[c] = frame[c]
    return result


def require(frame: pd.DataFrame, columns: Iterable[str], *, stage: str) -> None:
    """Raise :class:`MissingColumnsError` naming every column ``stage`` needs but lacks.

    >>> require(pd.DataFrame({"value": [1.0]}), ["kind", "value", "unit"], stage="normalize")
    Traceback (most recent call last):
    ...
    econnews.errors.MissingColumnsError: [E001] normalize needs the column(s) 'kind', 'unit'; ...
    """
    if not isinstance(frame, pd.DataFrame):
        raise SchemaError(f"{stage} expects a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise MissingColumnsError(stage, missing)


def validate(
    frame: pd.DataFrame, columns: Mapping[str, object], *, stage: str = "validate"
) -> None:
    """Check that ``frame`` has every schema column with the schema's dtype.

    >>> validate(empty(QUANTITIES), QUANTITIES)
    >>> validate(pd.DataFrame({"code": [1]}), {"code": STRING}, stage="check")
    Traceback (most recent call last):
    ...
    econnews.errors.SchemaError: [E002] check: wrong dtypes: code: int64 (expected string)
    """
    require(frame, columns, stage=stage)
    wrong = []
    for name, dtype in columns.items():
        got = frame[name].dtype
        ok = pd.api.types.is_datetime64_dtype(got) if dtype == DATETIME else got == dtype
        if not ok:
            wrong.append(f"{name}: {got} (expected {dtype})")
    if wrong:
        raise SchemaError(f"{stage}: wrong dtypes: " + "; ".join(wrong))
