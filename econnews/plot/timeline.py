"""Claims over time: :func:`claims_timeline`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from .. import schema
from .._style import (
    report_style,
)
from .base import (
    _claim_keys,
    _column_words,
    _date_axis,
    _describe_sources,
    _empty,
    _figure,
    _floats,
    _in_unit,
    _is_yearly,
    _select,
    _set_title,
    _source_note,
    _texts,
    _title_for,
    _value_axis,
    _value_column,
)
from .format import format_amount, plural, unit_label
from .labels import _draw_points, _number_points, _place_labels, _point_labels


def claims_timeline(
    claims: pd.DataFrame,
    *,
    x: str = "date",
    y: str | None = None,
    hue: str = "claim_type",
    concept: str | Iterable[str] | None = None,
    parties: Iterable[str] | None = None,
    label: str | None = "auto",
    unit: str | None = None,
    currency: str = "USD",
    log: bool | None = None,
    max_labels: int = 20,
    implied: bool = False,
    title: str | None = None,
    source: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Figure:
    """Claimed values over time: one marker per claim, shaped by claim type.

    Requires the columns ``x`` (default ``date``), ``y`` and ``hue``
    (``claim_type``). ``y`` defaults to ``value_usd`` (added by
    :func:`econnews.normalize`, axis in ``currency``); with ``unit=`` (e.g.
    ``"metric_ton"``, ``"JPY"``) it defaults to ``value`` and only the rows whose
    ``unit`` column says so are drawn. ``concept`` and ``parties`` (ISO alpha-3
    codes, all must take part) filter on the ``concept`` and ``parties`` columns.

    Points are labelled when there are at most ``max_labels``: ``label="auto"``
    names who made the claim (the speaker, else the source when sources differ;
    led by the pair of parties when the points mix pairs), a column name uses that
    column, None draws none; labels go where they overlap nothing, and a point whose
    label finds no room (or every point, past ``max_labels``) is numbered and listed
    in the source line. Implied rows (derived, not stated) are drawn only with
    ``implied=True``, each labelled with what it is ("implied base $20bn"). The value axis
    reads ``$20bn``, starts at zero, and turns logarithmic when values span more
    than two orders of magnitude (``log=`` forces it). Claims without a date or
    value, or in another unit, are counted in the source line, never dropped
    silently.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"date": pd.to_datetime(["2018-01-01", "2019-01-01"]),
    ...                   "value_usd": [2e10, 3e10], "claim_type": ["level", "target"]})
    >>> fig = claims_timeline(c, title="Trade")
    >>> "$20bn" in [t.get_text() for t in fig.axes[0].get_yticklabels()]
    True
    """
    y = _value_column(y, unit)
    listed = ""
    schema.require(claims, [x, y, hue], stage="claims_timeline")
    if label not in (None, "auto"):
        schema.require(claims, [label], stage="claims_timeline")
    selected = _select(claims, concept=concept, parties=parties)
    selected, other_units = _in_unit(selected, unit)
    selected, derived = _implied_rows(selected, implied)
    xs = selected[x]
    ys = _floats(selected[y])
    ok = xs.notna().to_numpy(dtype=bool) & np.isfinite(ys)
    shown = selected.loc[ok]
    missing = int((~ok).sum())
    axis_unit = unit or currency
    owned = ax is None
    with report_style():
        fig, ax = _figure(ax)
        _set_title(ax, title or _title_for("claims", concept, parties, selected))
        ax.set_xlabel("Date reported" if x == "date" else x.replace("_", " ").capitalize())
        ax.set_ylabel(f"Claimed value ({unit_label(axis_unit)})")
        if shown.empty:
            _empty(ax, "No claims with a date and a value match this selection")
        else:
            values = ys[ok]
            _draw_points(ax, shown.assign(_v=values), x=x, y="_v", hue=hue, size=55,
                         **kwargs)
            is_date = pd.api.types.is_datetime64_any_dtype(shown[x])
            if is_date:
                _date_axis(ax, shown[x], yearly=x != "date" and _is_yearly(shown[x]))
            logged = _value_axis(ax, "y", values, unit=axis_unit, log=log)
            if not logged:  # headroom, so that the highest point can carry its label
                low, high = ax.get_ylim()
                ax.set_ylim(low, high + (high - low) * 0.08)
            xnum = np.asarray(mdates.date2num(shown[x].to_numpy()) if is_date
                              else _floats(shown[x]), dtype=float)
            texts = _implied_labels(shown, values, _point_labels(shown, label), axis_unit)
            taken: list[tuple[float, float, float, float]] = []
            left = _place_labels(ax, xnum, values, texts, taken=taken) \
                if len(shown) <= max_labels else list(range(len(texts)))
            listed = _number_points(ax, xnum, values, texts, left, placed=taken)
        note = source or f"Source: {_describe_sources(selected)}; figures extracted by econnews."
        if not shown.empty and listed:
            note += f" {listed}"
        if derived:
            note += f" {plural(derived, 'implied figure')} (derived, not stated) not drawn."
        if missing:
            note += f" {plural(missing, 'claim')} without a {_column_words(x)} or " \
                    f"{_column_words(y)} not shown."
        if other_units:
            note += f" {plural(other_units, 'claim')} in other units than " \
                    f"{unit_label(axis_unit)} not shown."
        _source_note(ax, note, owned=owned)
    return fig


def _implied_rows(frame: pd.DataFrame, implied: bool) -> tuple[pd.DataFrame, int]:
    """The rows to draw, and how many implied rows were left out (``implied=False``)."""
    if implied or "claim_type" not in frame:
        return frame, 0
    derived = frame["claim_type"].astype("string").eq("implied").fillna(False)
    return frame.loc[~derived.to_numpy(dtype=bool)], int(derived.sum())


def _implied_labels(frame: pd.DataFrame, values: np.ndarray, labels: list[str | None],
                    unit: str) -> list[str | None]:
    """The labels, with each implied row named by what it is and its amount."""
    if "claim_type" not in frame:
        return labels
    keys = _claim_keys(frame, "claim_type").tolist()
    return [f"{k} {format_amount(float(v), unit)}" if t == "implied" else lab
            for k, t, v, lab in zip(keys, _texts(frame["claim_type"]), values, labels,
                                    strict=True)]
