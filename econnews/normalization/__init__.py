"""Stage 3, normalize: a quantities (or claims) table in; the same rows with the
amounts in one currency (and, on request, in constant prices or as pint units) out.

:func:`normalize` adds ``value_<ccy>``, ``fx_rate``, ``fx_date``, ``fx_source`` and
``fx_status`` at each article's date; :func:`deflate` puts amounts into constant
prices; :func:`to_pint` gives pint-pandas columns.

Modules: :mod:`.convert` (the stage functions and unit-aware CSV/Parquet I/O),
:mod:`.rates` (exchange-rate tables: ECB daily, Fed H.10 monthly), :mod:`.fx_units_gen`
(generator of the currency part of the pint registry, :mod:`econnews.units`),
:mod:`.h10_gen` (generator of ``data/fx_h10_monthly.csv`` from the Fed's H.10 release).

>>> import econnews as en
>>> from econnews.normalization import normalize
>>> q = en.extract("Sales were 100 million euros.", date="2019-01-22")
>>> round(float(normalize(q, to="USD").loc[0, "value_usd"]) / 1e6)
114
"""

from .convert import deflate, normalize, to_pint

__all__ = ["deflate", "normalize", "to_pint"]
