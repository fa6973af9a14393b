"""Scale-out: the same corpus extraction on Dask (optional dependency ``dask[distributed]``).

``extract(ddf)`` maps :func:`econnews.extract_corpus` over the partitions of a
Dask DataFrame of articles and returns a lazy Dask DataFrame of quantities whose
``meta`` is ``schema.CORPUS_QUANTITIES`` (:data:`econnews.extraction.corpus.OUTPUT`: what
:func:`econnews.extract` returns plus ``source``).
Parquet in, Parquet out::

    import dask.dataframe as dd
    from econnews.dask import extract
    extract(dd.read_parquet("articles/")).to_parquet("quantities/")

Time budget: ``timeout=`` (60 s by default, as in :func:`econnews.extract_corpus`) is
each article's budget on the workers too: the scanner checks a per-thread deadline in
its loops, so it holds in a worker's threads; an article over it is an
``extract-timeout`` error row (``errors="collect"``).

Errors: with ``errors="raise"`` (default) a failing article fails the task and
Dask raises (a warning could not reach you from the workers); with
``errors="collect"`` you get ``(quantities, errors)``, two Dask DataFrames built
from one pass over each partition (compute them together with
``dask.compute(q, e)``).

>>> import dask.dataframe as dd, pandas as pd
>>> arts = pd.DataFrame({"id": ["a", "b"], "text": ["Exports hit $30 billion.", "None."]})
>>> extract(dd.from_pandas(arts, npartitions=2)).compute()["surface"].tolist()
['$30 billion']
"""

from __future__ import annotations

from functools import partial
from typing import Any, Literal

import pandas as pd

from . import schema
from .errors import InputError
from .extraction.corpus import OUTPUT, extract_corpus
from .extraction.scan import check_currency_hint

__all__ = ["extract", "meta"]


def meta() -> pd.DataFrame:
    """The empty quantities frame used as ``meta`` (``schema.CORPUS_QUANTITIES``).

    >>> list(meta().columns)[-3:]
    ['per', 'role', 'source']
    """
    return schema.empty(OUTPUT)


def _partition(pdf: pd.DataFrame, hint: str | None = None, timeout: float | None = 60.0
               ) -> tuple[pd.DataFrame, pd.DataFrame]:
    return extract_corpus(pdf, n_jobs=1, progress=False, errors="collect", currency_hint=hint,
                          timeout=timeout)


def _quantities(pdf: pd.DataFrame, hint: str | None = None, timeout: float | None = 60.0
                ) -> pd.DataFrame:
    q = extract_corpus(pdf, n_jobs=1, progress=False, errors="raise", currency_hint=hint,
                       timeout=timeout)
    q.attrs.clear()
    return q


def extract(ddf: Any, *, errors: Literal["raise", "collect"] = "raise",
            currency_hint: str | None = None, timeout: float | None = 60.0) -> Any:
    """Quantities of a Dask DataFrame of articles, as a lazy Dask DataFrame.

    Requires ``id`` and ``text`` columns (``date``, ``source``, ``path`` used
    when present). Row order within the result follows the partitions, then
    the articles, then the text, like the serial result. ``currency_hint`` goes
    to :func:`econnews.extract` for every article. ``timeout`` is each article's
    time budget in seconds, as in :func:`econnews.extract_corpus` (checked in the
    scanner's loops, so it holds in worker threads): an article over it is an
    ``extract-timeout`` error row (``errors="collect"``) or fails the task
    (``errors="raise"``).
    """
    import dask
    import dask.dataframe as dd

    if not isinstance(ddf, dd.DataFrame):
        raise InputError(f"econnews.dask.extract takes a dask DataFrame, got {type(ddf).__name__}; "
                         "use econnews.extract_corpus for pandas")
    schema.require(ddf._meta, ["id", "text"], stage="econnews.dask.extract")
    if errors not in ("raise", "collect"):
        raise InputError(f"errors={errors!r}: use 'raise' or 'collect' with Dask")
    currency_hint = check_currency_hint(currency_hint)  # a bad code fails here, not in every task
    timeout = _check_timeout(timeout)
    if errors == "raise":
        return ddf.map_partitions(partial(_quantities, hint=currency_hint, timeout=timeout),
                                  meta=meta(), enforce_metadata=False, align_dataframes=False)
    parts = [dask.delayed(_partition)(p, currency_hint, timeout) for p in ddf.to_delayed()]
    q = dd.from_delayed([dask.delayed(_first)(p) for p in parts], meta=meta(),
                        verify_meta=False)
    e = dd.from_delayed([dask.delayed(_second)(p) for p in parts],
                        meta=schema.empty(schema.ERRORS), verify_meta=False)
    return q, e


def _check_timeout(timeout: float | None) -> float | None:
    """A bad ``timeout=`` fails at once, not in every task.

    >>> _check_timeout(1)
    1.0
    """
    if timeout is not None and (isinstance(timeout, bool)
                                or not isinstance(timeout, int | float) or not timeout > 0):
        raise InputError(f"timeout={timeout!r}: give a number of seconds, or None")
    return None if timeout is None else float(timeout)


def _first(pair: tuple[pd.DataFrame, pd.DataFrame]) -> pd.DataFrame:
    out = pair[0].copy()
    out.attrs.clear()
    return out


def _second(pair: tuple[pd.DataFrame, pd.DataFrame]) -> pd.DataFrame:
    return pair[1]


# ------------------------------------------------------------------ claims (issue 11)


def claims_meta(to: str | None = "USD") -> pd.DataFrame:
    """The empty claims frame used as ``meta`` by :func:`find_claims` (``schema.CLAIMS``,
    plus ``value_<to>`` when ``to`` is another currency than USD).

    >>> list(claims_meta("EUR").columns)[-1]
    'value_eur'
    """
    frame = schema.empty(schema.CLAIMS)
    if to is not None and str(to).strip().upper() != "USD":
        frame[f"value_{str(to).strip().lower()}"] = pd.Series([], dtype=schema.FLOAT)
    return frame


def _claims(pdf: pd.DataFrame, to: str | None = "USD", timeout: float | None = 60.0
            ) -> pd.DataFrame:
    from .claims.find import find_claims as _find_claims

    out = _find_claims(pdf, to=to, timeout=timeout, n_jobs=1)  # Dask runs the partitions
    out.attrs.clear()
    return out


def find_claims(ddf: Any, *, to: str | None = "USD", timeout: float | None = 60.0) -> Any:
    """The claims table of a Dask DataFrame of articles, as a lazy Dask DataFrame.

    Runs :func:`econnews.find_claims` (extraction included) on each partition, like
    :func:`extract`; ``meta`` is :func:`claims_meta`. Requires ``id`` and ``text``
    columns (``date``, ``title``, ``source``, ``country``, ``places``, ``dateline`` used
    when present). ``to`` and ``timeout`` (each article's time budget for extraction) as
    in :func:`econnews.find_claims`. Rows follow the
    partitions, then the articles; ``quantity_index`` counts within each partition.

    >>> import dask.dataframe as dd, pandas as pd
    >>> arts = pd.DataFrame({"id": ["a", "b"], "date": ["1987-03-02", "1987-03-03"],
    ...                      "text": ["Japan's exports rose to 20 billion dlrs.", "None."]})
    >>> find_claims(dd.from_pandas(arts, npartitions=2)).compute()[
    ...     ["concept", "parties", "value_usd"]].values.tolist()
    [['exports', 'JPN', 20000000000.0]]
    """
    import dask.dataframe as dd

    if not isinstance(ddf, dd.DataFrame):
        raise InputError("econnews.dask.find_claims takes a dask DataFrame, got "
                         f"{type(ddf).__name__}; use econnews.find_claims for pandas")
    schema.require(ddf._meta, ["id", "text"], stage="econnews.dask.find_claims")
    if to is not None and not (isinstance(to, str) and len(to.strip()) == 3):
        raise InputError(f"to={to!r} is not an ISO 4217 currency code such as 'USD'")
    timeout = _check_timeout(timeout)
    return ddf.map_partitions(partial(_claims, to=to, timeout=timeout), meta=claims_meta(to),
                              enforce_metadata=False, align_dataframes=False)


__all__ += ["claims_meta", "find_claims"]
