"""econnews: the economic figures in news as typed pandas tables and charts.

>>> import econnews as en
>>> q = en.extract("Trade rose 1.5 times to $30 billion.")
>>> q["surface"].tolist(), q["unit"].tolist()
(['1.5 times', '$30 billion'], ['times', 'USD'])

The pipeline, one stage per module: :mod:`econnews.load` (articles in),
:mod:`econnews.extract` (quantities), :mod:`econnews.normalize` (one currency),
:mod:`econnews.claims` (what the numbers claim), :mod:`econnews.plot` and
:mod:`econnews.display` (charts and notebook views), :mod:`econnews.report` (a
report folder), :mod:`econnews.cli`. Table schemas are in :mod:`econnews.schema`,
coded errors and warnings in :mod:`econnews.errors`.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

# ``extract`` and ``normalize`` are both a stage module and its
# function; import the function eagerly so that the package attribute is
# always the callable, whatever gets imported first. Importing ``accessor`` registers
# the ``df.econnews`` pandas accessor.
from . import accessor as accessor
from .extract import extract as extract
from .normalize import deflate as deflate
from .normalize import normalize as normalize
from .normalize import to_pint as to_pint

# public name -> (module, attribute); modules load on first use so that
# ``import econnews`` stays fast and a missing optional dependency only
# matters for the stage that needs it.
_EXPORTS: dict[str, tuple[str, str | None]] = {
    "extract": ("econnews.extract", "extract"),
    "extract_corpus": ("econnews.corpus", "extract_corpus"),
    "load_articles": ("econnews.load", "load_articles"),
    "errors_table": ("econnews.load", "errors_table"),
    "normalize": ("econnews.normalize", "normalize"),
    "to_pint": ("econnews.normalize", "to_pint"),
    "deflate": ("econnews.normalize", "deflate"),
    "find_claims": ("econnews.claims", "find_claims"),
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


def __getattr__(name: str) -> Any:
    try:
        module_name, attr = _EXPORTS[name]
    except KeyError:
        raise AttributeError(f"module 'econnews' has no attribute {name!r}") from None
    module = importlib.import_module(module_name)
    value = module if attr is None else getattr(module, attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
