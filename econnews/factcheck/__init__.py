"""Stage 5, fact-check: a claims table (and a reference of official figures) in; each
claim beside the official figure for its concept, parties and period, with a verdict, out.

:func:`check` adds ``ref_value``, ``ref_period``, ``ref_basis``, ``ref_source``,
``ref_vintage``, ``deviation``, ``tolerance`` and ``verdict``
(:data:`econnews.schema.VERDICTS`: consistent, overstated, understated, basis_differs,
no_reference, not_comparable) to every claim.
:mod:`.reference` reads reference tables: the official figures econnews ships
(:func:`~.reference.bundled`), a user's CSV or Parquet (:func:`~.reference.load`), or
the claims of official texts (:func:`~.reference.from_claims`).

The bundled reference: the Census Bureau's series of U.S. trade in goods by partner,
monthly and annual from 1985 (:mod:`.series`), and 20 balances as first published.

Modules: :mod:`.verdict` (tolerance rules and verdicts), :mod:`.basis` (what a claim's
figure measures), :mod:`.index` (finding the figure, its period and vintage),
:mod:`.reference`, :mod:`.series` and :mod:`.summary` (coverage).

>>> import econnews as en
>>> c = en.find_claims({"id": "a", "date": "2019-03-07",
...     "text": "The U.S. trade deficit with China hit $410 billion in 2018."})
>>> en.check(c).loc[0, ["verdict", "ref_period"]].tolist()
['consistent', '2018']
"""

from . import reference, series
from .summary import coverage, coverage_line
from .verdict import check, claim_basis, tolerance

__all__ = ["check", "claim_basis", "coverage", "coverage_line", "reference", "series",
           "tolerance"]
