"""Claims beside the official series: :func:`claims_vs_reference`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from .. import schema
from .._style import (
    CLAIM_COLORS,
    CLAIM_MARKERS,
    OTHER_COLOR,
    report_style,
)
from .base import (
    _as_list,
    _describe_sources,
    _empty,
    _figure,
    _floats,
    _set_title,
    _short,
    _source_note,
    _value_axis,
)
from .format import unit_label
from .labels import _number_points, _place_labels
from .names import series_name


def _period_year(period: object) -> float | None:
    """A period string as a position on a year axis, a year's figures on its tick
    ("2018" -> 2018, "FY2018" -> 2018, "2019Q3" -> 2019.5, "1987-03" -> 1987.17);
    None when it is not a period."""
    text = str(period) if isinstance(period, str) else ""
    m = re.fullmatch(r"(?:FY)?(\d{4})(?:/\d{2})?", text)
    if m:
        return float(m.group(1))
    m = re.fullmatch(r"(\d{4})Q([1-4])", text)
    if m:
        return int(m.group(1)) + (int(m.group(2)) - 1) / 4
    m = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if m:
        return int(m.group(1)) + (int(m.group(2)) - 1) / 12
    return None


_MONTH_YEAR = re.compile(r",?\s*(?:January|February|March|April|May|June|July|August|"
                         r"September|October|November|December)\s+\d{4}")


def _verdict_label(name: object, verdict: object, deviation: object) -> str | None:
    """'Smith: overstated, +19%' for a claim off the official figure; the name alone
    for a consistent one."""
    who = None if name is None or pd.isna(name) else _short(str(name), 28)
    if str(verdict) in ("overstated", "understated") and not pd.isna(deviation):
        said = f"{verdict}, {float(deviation):+.0%}"
        return f"{who}: {said}" if who else said
    return who


def _one_vintage(series: pd.DataFrame, shown: pd.DataFrame) -> pd.DataFrame:
    """One line of official figures: the vintage that judged most of the claims shown (else
    the latest), the claims' kind of period (years unless the claims are for months), and
    the years around the claims (the series runs from 1985)."""
    if "vintage" in series and series["vintage"].notna().any():
        judged = shown["ref_vintage"].dropna() if "ref_vintage" in shown else pd.Series([])
        keep = judged.mode().iloc[0] if not judged.empty else \
            series.sort_values("published", na_position="first")["vintage"].iloc[-1]
        series = series[series["vintage"] == keep]
    monthly = shown["period"].astype("string").str.fullmatch(r"\d{4}-\d{2}").fillna(False)
    form = r"\d{4}-\d{2}" if len(shown) and monthly.all() else r"(?:FY)?\d{4}(?:Q[1-4]|/\d{2})?"
    series = series[series["period"].astype("string").str.fullmatch(form).fillna(False)]
    if len(shown) and len(series) > 12:
        years = shown["period"].map(_period_year).dropna()
        x = series["period"].map(_period_year)
        series = series[(x >= years.min() - 2) & (x <= years.max() + 2)]
    return series


def claims_vs_reference(
    data: pd.DataFrame,
    reference: pd.DataFrame | None = None,
    *,
    concept: str | None = None,
    parties: Iterable[str] | None = None,
    hue: str = "claim_type",
    label: str | None = "speaker",
    band: float = 0.05,
    title: str | None = None,
    source: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Figure:
    """Claims beside the official series: the official figures as a line, each claim as
    a point at its period (shaped and coloured by ``hue``, labelled by ``label``) with
    its tolerance as an error bar, and a band of ``band`` (5%) around the official line.

    ``data`` is a table from :func:`econnews.check` (it needs ``ref_period``,
    ``compared_value`` and ``tolerance``); ``reference`` the official figures (default:
    the bundled ones). ``concept`` and ``parties`` pick one series: by default the
    concept and parties with the most checked claims. The source line names the
    articles and the official source; claims with no comparable official figure are
    counted there, never dropped silently.

    >>> import econnews as en
    >>> c = en.find_claims({"id": "a", "date": "2019-03-07", "source": "Wire",
    ...     "text": "The U.S. trade deficit with China hit $410 billion in 2018."})
    >>> fig = claims_vs_reference(en.check(c))
    >>> " ".join(fig.axes[0].get_title("left").split())
    'United States → China trade deficit: claims against official figures'
    """
    from ..factcheck import reference as _reference

    schema.require(data, ["concept", "parties", "period", "compared_value", "tolerance",
                          "verdict", hue], stage="claims_vs_reference")
    ref = _reference.bundled() if reference is None else _reference.validate(reference)
    checked = data[data["compared_value"].notna()]
    if concept is None or parties is None:
        pool = checked if not checked.empty else data
        keys = pool.groupby([pool["concept"].astype("string"), pool["parties"]],
                            dropna=True).size().sort_values(ascending=False)
        if concept is None and not keys.empty:
            concept = str(keys.index[0][0])
        if parties is None and not keys.empty:
            parties = str(keys.index[0][1]).split(",")
    wanted = [p.strip() for p in _as_list(parties)] if parties is not None else []
    same = (data["concept"].astype("string") == str(concept)) & data["parties"].map(
        lambda p: isinstance(p, str) and set(p.split(",")) == set(wanted))
    rows = data[same]
    shown = rows[rows["compared_value"].notna() & rows["period"].map(_period_year).notna()]
    direction = wanted
    if not rows.empty and isinstance(rows["party_from"].iloc[0], str) \
            and isinstance(rows["party_to"].iloc[0], str):
        direction = [rows["party_from"].iloc[0], rows["party_to"].iloc[0]]
    series = ref[(ref["concept"] == str(concept)) & ref["parties"].map(
        lambda p: isinstance(p, str) and set(p.split(",")) == set(wanted))]
    if len(direction) == 2 and series["party_from"].notna().any():
        series = series[(series["party_from"] == direction[0])
                        & (series["party_to"] == direction[1])]
    series = _one_vintage(series, shown)
    series = series.assign(_x=series["period"].map(_period_year)).dropna(subset=["_x"])
    series = series.sort_values("_x")
    unit = str(series["unit"].iloc[0]) if not series.empty else "USD"
    owned = ax is None
    what = series_name(concept, direction if len(direction) == 2 else wanted,
                       directed=len(direction) == 2) if concept else "Claims"
    listed = ""
    with report_style():
        fig, ax = _figure(ax)
        _set_title(ax, title or f"{what}: claims against official figures")
        ax.set_xlabel("Period the figure is for")
        ax.set_ylabel(f"Value ({unit_label(unit)})")
        if series.empty and shown.empty:
            _empty(ax, "No official figures and no comparable claims for this selection")
        else:
            values = np.concatenate([_floats(series["value"]) * (1 + band),
                                     _floats(shown["compared_value"])
                                     + _floats(shown["tolerance"])])
            if not series.empty:
                xs, ys = series["_x"].to_numpy(float), _floats(series["value"])
                ax.fill_between(xs, ys * (1 - band), ys * (1 + band), color="#bbbbbb",
                                alpha=0.35, linewidth=0, label=f"official ±{band:.0%}")
                ax.plot(xs, ys, color="#333333", marker="_", markersize=14, linewidth=1.6,
                        label="official figure", zorder=2)
            for ctype, group in shown.groupby(shown[hue].astype("string").fillna("unknown"),
                                              sort=False):
                gx = group["period"].map(_period_year).to_numpy(float)
                gy = _floats(group["compared_value"])
                ax.errorbar(gx, gy, yerr=_floats(group["tolerance"]), fmt="none",
                            ecolor=CLAIM_COLORS.get(ctype, OTHER_COLOR), elinewidth=1,
                            capsize=3, zorder=3)
                ax.scatter(gx, gy, marker=CLAIM_MARKERS.get(ctype, "o"),
                           color=CLAIM_COLORS.get(ctype, OTHER_COLOR), edgecolor="white",
                           linewidth=0.6, s=60, zorder=4, label=f"claim: {ctype}", **kwargs)
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{int(v)}"))
            _value_axis(ax, "y", values, unit=unit, log=False)
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
            listed = _label_claims(ax, shown, label)
        releases = series["release"].astype("string").str.split(", released").str[0]
        official = "; ".join(dict.fromkeys(
            f"{s}, {_MONTH_YEAR.sub('', r)}" if isinstance(r, str) and r else str(s)
            for s, r in zip(series["source"], releases, strict=True))) \
            or "none for this selection"
        note = source or (f"Claims: {_describe_sources(rows)}, figures extracted by econnews. "
                          f"Official: {official}.")
        if listed:
            note += f" {listed}"
        left_out = len(rows) - len(shown)
        if left_out:
            note += f" {left_out} {'claim' if left_out == 1 else 'claims'} with no " \
                    "comparable official figure not shown."
        _source_note(ax, note, owned=owned)
    return fig


def _label_claims(ax: Axes, shown: pd.DataFrame, label: str | None) -> str:
    """Each claim labelled with who said it (else its source) and, when it is off, by how
    much; a label with no room is numbered and listed (the returned text)."""
    if label is None or shown.empty:
        return ""
    names = shown[label].astype("string") if label in shown else \
        pd.Series(pd.NA, index=shown.index, dtype="string")
    if "source" in shown:
        names = names.fillna(shown["source"].astype("string"))
    texts = [_verdict_label(n, v, d) for n, v, d in
             zip(names, shown["verdict"], shown["deviation"], strict=True)]
    xs = shown["period"].map(_period_year).to_numpy(float)
    ys = _floats(shown["compared_value"])
    taken: list[tuple[float, float, float, float]] = []
    left = _place_labels(ax, xs, ys, texts, taken=taken) if len(shown) <= 20 \
        else list(range(len(texts)))
    return _number_points(ax, xs, ys, texts, left, placed=taken)
