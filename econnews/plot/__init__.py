"""Report charts from the quantities and claims tables, and reproducible export.

One module per chart family, as seaborn splits its charts: :mod:`.timeline`
(claims over time), :mod:`.compare` (the spread of claims across articles),
:mod:`.factcheck` (claims beside the official series), :mod:`.overview` (what a
corpus quantifies); :mod:`.output` writes the files, :mod:`.format` the numbers,
:mod:`.names` the words (concepts, pairs of parties), :mod:`.base` and
:mod:`.labels` what the charts share.

Every chart function has seaborn's shape, ``(data, *, x=, y=, hue=, ax=None,
**kwargs)``, draws in the econnews report style (applied only inside the call),
puts a title and a source line on the chart, and returns the Figure. Extra
``**kwargs`` go on to the matplotlib call that draws the points.

>>> import pandas as pd
>>> claims = pd.DataFrame({
...     "doc_id": ["a", "a", "b"], "source": ["Kyodo", "Kyodo", "TASS"],
...     "date": pd.to_datetime(["2019-01-22", "2019-01-22", "2018-09-12"]),
...     "concept": ["trade"] * 3, "parties": ["JPN RUS"] * 3,
...     "claim_type": ["target", "implied", "level"],
...     "value_usd": [3e10, 2e10, 1.8e10]})
>>> fig = claims_timeline(claims, concept="trade", parties=("RUS", "JPN"))
>>> fig.axes[0].get_title("left")
'Japan–Russia trade: claims'
>>> format_money(2e10)
'$20bn'
"""

from __future__ import annotations

from .base import IMPLIED_LABELS, LOG_SPAN
from .compare import compare_claims
from .factcheck import claims_vs_reference
from .format import (
    SYMBOLS,
    amount_formatter,
    format_amount,
    format_money,
    format_number,
    money_formatter,
    plural,
    unit_label,
)
from .output import EXPORT_METADATA, chart_title, export, is_blank
from .overview import quantities_overview
from .timeline import claims_timeline

__all__ = [
    "EXPORT_METADATA",
    "IMPLIED_LABELS",
    "LOG_SPAN",
    "SYMBOLS",
    "amount_formatter",
    "chart_title",
    "claims_timeline",
    "claims_vs_reference",
    "compare_claims",
    "export",
    "format_amount",
    "format_money",
    "format_number",
    "is_blank",
    "money_formatter",
    "plural",
    "quantities_overview",
    "unit_label",
]
