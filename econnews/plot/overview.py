"""What a corpus holds: :func:`quantities_overview`."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import LogLocator, MaxNLocator, NullFormatter

from .. import schema
from .._style import (
    KIND_COLORS,
    report_style,
)
from ..errors import InputError
from .base import _empty, _floats, _source_note
from .format import money_formatter, plural

_PANELS = ("kind", "currency", "size")


def quantities_overview(
    quantities: pd.DataFrame,
    *,
    panels: Sequence[str] = _PANELS,
    top: int = 8,
    title: str | None = None,
    source: str | None = None,
    ax: Axes | Sequence[Axes] | None = None,
    **kwargs: Any,
) -> Figure:
    """What a corpus holds: mentions by kind, money by currency, and money sizes.

    Requires ``kind``, ``unit`` and ``value`` (the quantities table); the size
    panel uses ``value_usd`` when :func:`econnews.normalize` has added it, else
    the USD amounts only. ``panels`` picks and orders the panels; ``ax`` is one
    Axes per panel. ``**kwargs`` go to the bar calls.

    >>> import econnews as en
    >>> q = en.extract("Trade rose 1.5 times to $30 billion; exports fell 5%.")
    >>> fig = quantities_overview(q, panels=["kind"])
    >>> fig.axes[0].get_title("left")
    'Mentions by kind'
    """
    schema.require(quantities, ["kind", "unit", "value"], stage="quantities_overview")
    unknown = [p for p in panels if p not in _PANELS]
    if unknown or not panels:
        raise InputError(f"unknown panel(s) {unknown or panels}; choose from {list(_PANELS)}")
    owned = ax is None
    with report_style():
        if ax is None:
            fig, axes = _panel_grid(len(panels))
        else:
            axes = [ax] if isinstance(ax, Axes) else list(ax)
            if len(axes) != len(panels):
                raise InputError(f"got {len(axes)} Axes for {len(panels)} panel(s) {list(panels)}")
            fig = axes[0].figure
        kinds = quantities["kind"].astype("string")
        money = quantities.loc[kinds.eq("money").fillna(False).to_numpy(dtype=bool)]
        for name, a in zip(panels, axes, strict=True):
            if name == "kind":
                counts = kinds.value_counts().reindex(schema.KINDS, fill_value=0)
                counts = counts[counts > 0]  # a kind with no mention gets no empty bar
                _bars(a, counts, [KIND_COLORS[k] for k in counts.index], **kwargs)
                a.set_title("Mentions by kind", loc="left")
            elif name == "currency":
                counts = money["unit"].astype("string").fillna("?").value_counts()
                if len(counts) > top:
                    counts = pd.concat([counts.iloc[:top],
                                        pd.Series({"other": counts.iloc[top:].sum()})])
                _bars(a, counts, [KIND_COLORS["money"]] * len(counts), **kwargs)
                a.set_title("Money mentions by currency", loc="left")
            else:
                _sizes(a, money)
        if owned:
            fig.suptitle(title or "What the articles quantify", x=0.01, ha="left",
                         fontweight="bold", parse_math=False)
        elif title:
            axes[0].set_title(title, loc="left", parse_math=False)
        n = quantities["doc_id"].nunique() if "doc_id" in quantities else 1
        note = source or (f"Source: {plural(len(quantities), 'quantity', 'quantities')} in "
                          f"{plural(n, 'article')}; extracted by econnews.")
        _source_note(axes[0], note, owned=owned)
    return fig


def _panel_grid(n: int) -> tuple[Figure, list[Axes]]:
    """A figure of ``n`` panels that stays legible printed 6.4in wide: one row of
    up to two panels, and for three a full-width third panel under the first two."""
    if n <= 2:
        fig = Figure(figsize=(max(4.6, 3.75 * n), 3.6))
        return fig, list(fig.subplots(1, n, squeeze=False)[0])
    fig = Figure(figsize=(7.5, 6.4))
    grid = fig.add_gridspec(2, n - 1)
    axes = [fig.add_subplot(grid[0, i]) for i in range(n - 1)]
    return fig, [*axes, fig.add_subplot(grid[1, :])]


def _bars(ax: Axes, counts: pd.Series, colors: list[str], **kwargs: Any) -> None:
    labels = [str(i) for i in counts.index]
    ax.barh(labels, counts.to_numpy(dtype=float), color=colors, **kwargs)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.set_xlabel("Mentions")
    ax.xaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    top = float(counts.max()) if len(counts) else 0.0
    ax.set_xlim(0, max(1.0, top * 1.15))  # room for the count written after each bar
    for i, v in enumerate(counts.to_numpy()):
        ax.annotate(f"{int(v):,}", (v, i), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=8)
    if not len(counts):
        _empty(ax, "None")


def _sizes(ax: Axes, money: pd.DataFrame) -> None:
    if "value_usd" in money and money["value_usd"].notna().any():
        values, what = _floats(money["value_usd"]), "in USD"
    else:
        usd = money["unit"].astype("string").eq("USD").fillna(False).to_numpy(dtype=bool)
        values, what = _floats(money["value"])[usd], "USD amounts only"
    values = values[np.isfinite(values) & (values > 0)]
    ax.set_title(f"Money sizes ({what})", loc="left")
    ax.set_xlabel("Amount in USD (log scale)")
    ax.set_ylabel("Mentions")
    if not len(values):
        _empty(ax, "No money amounts")
        return
    lo, hi = math.floor(math.log10(values.min())), math.ceil(math.log10(values.max()))
    bins = np.logspace(lo, max(hi, lo + 1), 2 * max(hi - lo, 1) + 1)
    ax.hist(values, bins=bins, color=KIND_COLORS["money"], edgecolor="white")
    ax.set_xscale("log")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_locator(LogLocator(base=10, numticks=6))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.xaxis.set_major_formatter(money_formatter("USD"))
