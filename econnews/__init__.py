"""econnews: the economic figures in news as typed pandas tables and charts.

>>> import econnews as en
>>> q = en.extract("Trade rose 1.5 times to $30 billion.")
>>> q["surface"].tolist(), q["unit"].tolist()
(['1.5 times', '$30 billion'], ['times', 'USD'])

The pipeline, one subpackage per stage: :mod:`econnews.load` (articles in),
:mod:`econnews.extraction` (quantities), :mod:`econnews.normalization` (one
currency), :mod:`econnews.claims` (what the numbers claim), :mod:`econnews.factcheck` (claims
against official figures); then
:mod:`econnews.plot`, :mod:`econnews.display` and :mod:`econnews.report` (charts,
notebook views, a report folder) and :mod:`econnews.cli`. What stages share is in
:mod:`econnews.common`; table schemas are in :mod:`econnews.schema`, coded errors and
warnings in :mod:`econnews.errors`, the pint registry in :mod:`econnews.units`.
"""

from __future__ import annotations

import importlib as _importlib
from typing import TYPE_CHECKING

__version__ = "0.1.0"

# Importing ``accessor`` registers the ``df.econnews`` pandas accessor; ``extract`` is
# used by nearly every caller, so it loads eagerly (the rest, ``normalize`` included, on
# first use: ``import econnews`` plus a first ``extract`` stays cheap).
from . import accessor as _accessor  # noqa: F401
from .extraction.scan import extract as extract

if TYPE_CHECKING:  # what the lazy names are, for static readers (type checkers, the API docs)
    from . import claims as claims
    from . import datasets as datasets
    from . import errors as errors
    from . import plot as plot
    from . import report as report
    from . import schema as schema
    from . import units as units
    from .claims.find import find_claims as find_claims
    from .display import show as show
    from .extraction.corpus import extract_corpus as extract_corpus
    from .factcheck import reference as reference
    from .factcheck.verdict import check as check
    from .load.articles import errors_table as errors_table
    from .load.articles import load_articles as load_articles
    from .normalization.convert import deflate as deflate
    from .normalization.convert import normalize as normalize
    from .normalization.convert import to_pint as to_pint

# public name -> (module, attribute); the rest load on first use so that
# ``import econnews`` stays fast and a missing optional dependency only
# matters for the stage that needs it.
_EXPORTS: dict[str, tuple[str, str | None]] = {
    "extract": ("econnews.extraction.scan", "extract"),
    "extract_corpus": ("econnews.extraction.corpus", "extract_corpus"),
    "load_articles": ("econnews.load.articles", "load_articles"),
    "errors_table": ("econnews.load.articles", "errors_table"),
    "normalize": ("econnews.normalization.convert", "normalize"),
    "to_pint": ("econnews.normalization.convert", "to_pint"),
    "deflate": ("econnews.normalization.convert", "deflate"),
    "find_claims": ("econnews.claims.find", "find_claims"),
    "check": ("econnews.factcheck.verdict", "check"),
    "reference": ("econnews.factcheck.reference", None),
    "show": ("econnews.display", "show"),
    "plot": ("econnews.plot", None),
    "report": ("econnews.report", None),
    "datasets": ("econnews.datasets", None),
    "claims": ("econnews.claims", None),
    "schema": ("econnews.schema", None),
    "units": ("econnews.units", None),
    "errors": ("econnews.errors", None),
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    try:
        module_name, attr = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'econnews' has no attribute {name!r}") from None
    module = _importlib.import_module(module_name)
    value = module if attr is None else getattr(module, attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return [*__all__, "__version__"]
