"""What every chart shares: selecting claims, axes, titles, source lines, words."""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Iterable
from typing import Any

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import LogLocator, MaxNLocator, NullFormatter

from .. import schema
from .format import amount_formatter
from .names import concept_name, direction, pair_name

LOG_SPAN = 2.0
"""Orders of magnitude a value axis may span before it goes logarithmic.

>>> LOG_SPAN
2.0
"""


def _value_axis(ax: Axes, which: str, values: np.ndarray, *, unit: str,
                log: bool | None) -> bool:
    """Format the ``which`` axis for amounts in ``unit``.

    Logarithmic when the values span more than :data:`LOG_SPAN` orders of magnitude
    (``log=`` forces it either way); a linear axis of positive amounts starts at
    zero, so that every point can be read against a tick.
    """
    axis = ax.yaxis if which == "y" else ax.xaxis
    finite = values[np.isfinite(values)]
    positive = finite[finite > 0]
    if log is None:
        log = (
            len(positive) == len(finite)
            and len(positive) > 1
            and math.log10(positive.max() / positive.min()) > LOG_SPAN
        )
    if log:
        (ax.set_yscale if which == "y" else ax.set_xscale)("log")
        decades = math.log10(positive.max() / positive.min()) if len(positive) > 1 else 0.0
        # over a few decades, ticks at 1-2-5 so that points read against a number
        axis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0) if decades <= 3
                                          else (1.0,)))
        axis.set_minor_formatter(NullFormatter())
    else:
        axis.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
    axis.set_major_formatter(amount_formatter(unit))
    ax.autoscale_view()
    if not log and len(finite) and finite.min() >= 0:
        (ax.set_ylim if which == "y" else ax.set_xlim)(0, None)
    return bool(log)


# ------------------------------------------------------------------ helpers


def _codes(value: object) -> set[str]:
    """Party codes in a parties cell (a string like 'JPN,RUS', 'EU,JPN', or a list)."""
    if isinstance(value, (list, tuple, set, np.ndarray)):
        return {str(v).upper() for v in value}
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return set()
    return set(re.findall(r"[A-Z]{2,}", str(value).upper()))


def _as_list(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _select(
    claims: pd.DataFrame, *, concept: str | Iterable[str] | None, parties: Iterable[str] | None
) -> pd.DataFrame:
    """Rows about ``concept`` (any of) that involve every one of ``parties``."""
    mask = pd.Series(True, index=claims.index)
    concepts = [c.lower() for c in _as_list(concept)]
    if concepts:
        schema.require(claims, ["concept"], stage="plot")
        mask &= claims["concept"].astype("string").str.lower().isin(concepts).fillna(False)
    wanted = {p.upper() for p in _as_list(parties)}
    if wanted:
        schema.require(claims, ["parties"], stage="plot")
        mask &= claims["parties"].map(lambda v: wanted <= _codes(v)).astype(bool)
    return claims.loc[mask.to_numpy(dtype=bool)]


def _in_unit(frame: pd.DataFrame, unit: str | None) -> tuple[pd.DataFrame, int]:
    """The rows in ``unit`` (all rows when no unit is asked or known), and how many are not."""
    if unit is None or "unit" not in frame:
        return frame, 0
    same = frame["unit"].astype("string").eq(unit).fillna(False).to_numpy(dtype=bool)
    return frame.loc[same], int((~same).sum())


def _floats(series: pd.Series) -> np.ndarray:
    return pd.to_numeric(series, errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def _texts(series: pd.Series) -> list[str | None]:
    """The cells as stripped strings, None for NA or blank (whatever the dtype)."""
    out: list[str | None] = []
    for v in series.tolist():
        text = None if v is None or v is pd.NA or (isinstance(v, float) and math.isnan(v)) \
            else str(v).strip()
        out.append(text or None)
    return out


def _figure(ax: Axes | None, size: tuple[float, float] | None = None) -> tuple[Figure, Axes]:
    if ax is not None:
        return ax.figure, ax
    fig = Figure(figsize=size) if size else Figure()
    return fig, fig.add_subplot()


def _wrap(text: str, width: int, lines: int | None = None) -> str:
    """``text`` on lines of at most ``width`` characters (the last cut with … past ``lines``)."""
    wrapped = textwrap.wrap(text, width=width, break_on_hyphens=False) or [""]
    if lines is not None and len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = _short(wrapped[-1] + " …", width)
    return "\n".join(wrapped)


def _source_note(ax: Axes, text: str, *, owned: bool) -> None:
    """The source line at the foot of the chart, inside the layout (never clipped).

    On a figure the chart made itself it spans the whole width under everything
    else; in an Axes the caller gave, it sits under that Axes' x label.
    """
    fig = ax.figure
    style = {"fontsize": 7.5, "color": "#555555", "gid": "econnews-source", "parse_math": False}
    if owned:
        fig.supxlabel(_wrap(text, int(fig.get_figwidth() * 15)), x=0.01, ha="left", va="bottom",
                      **style)
        return
    ax.annotate(_wrap(text, max(40, int(ax.get_position().width * fig.get_figwidth() * 15))),
                xy=(0, 0), xycoords=("axes fraction", ax.xaxis.label), xytext=(0, -6),
                textcoords="offset points", ha="left", va="top", **style)


def _set_title(ax: Axes, title: str, *, reserve: float = 1.0) -> None:
    """The chart title, left-aligned on the axes and wrapped to fit the figure.

    ``reserve``: inches of the figure's width left of the axes (the tick labels).
    """
    width_in = ax.get_position().width * ax.figure.get_figwidth()
    if ax.get_subplotspec() is not None and ax.get_subplotspec().get_gridspec().ncols == 1:
        width_in = ax.figure.get_figwidth() - reserve
    chars = max(24, int(width_in * 72 / 8.0))  # 12pt bold: about 8pt a character
    ax.set_title(_wrap(title, chars), loc="left", parse_math=False)


def _describe_sources(frame: pd.DataFrame) -> str:
    """'3 articles (Kyodo, TASS, …)' from the doc_id/source columns."""
    n = frame["doc_id"].nunique() if "doc_id" in frame else len(frame)
    names: list[str] = []
    if "source" in frame:
        names = [str(s) for s in frame["source"].dropna().unique()]
    listed = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
    noun = "article" if n == 1 else "articles"
    return f"{n} {noun}" + (f" ({listed})" if listed else "")


def _column_words(name: str) -> str:
    return {"value_usd": "USD value", "value": "value"}.get(name, name.replace("_", " "))


def _concept_words(concepts: Iterable[str], *, start: bool = True) -> str:
    """'Trade', 'Trade and investment', 'GDP', 'Trade, trade surplus and exports'."""
    words = [concept_name(c) for c in concepts]
    if not words:
        return "All" if start else "all"
    text = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return text[:1].upper() + text[1:] if start else text


def _pair(codes: Iterable[str]) -> str:
    """The parties in words, alphabetical: 'Japan–Russia' (see :mod:`.names`)."""
    return pair_name(list(codes))


def _title_for(what: str, concept: Any, parties: Any, selected: pd.DataFrame) -> str:
    """'Japan–Russia trade: claims', 'United States → China trade deficit: claims'
    (the arrow when every selected claim has that direction), 'Aid claims'. The parties
    are the filter's, or the selection's own when every selected claim has the same ones."""
    codes = _as_list(parties)
    if not codes and "parties" in selected and len(selected):
        sets = {frozenset(_codes(v)) for v in selected["parties"]}
        if len(sets) == 1:
            codes = sorted(next(iter(sets)))
    concepts = _as_list(concept)
    if not concepts and "concept" in selected and len(selected):
        own = selected["concept"].astype("string").dropna().unique()
        concepts = [str(own[0])] if len(own) == 1 else []
    if not codes:
        return f"{_concept_words(concepts)} {what}"
    way = direction(selected)
    directed = way is not None and set(way) == {c.upper() for c in codes}
    pair = pair_name(way if directed else codes, directed=directed)
    words = f" {_concept_words(concepts, start=False)}" if concepts else ""
    return f"{pair}{words}: {what}"


def _empty(ax: Axes, message: str) -> None:
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center",
            color="#555555", gid="econnews-empty", parse_math=False)
    ax.set_xticks([])
    ax.set_yticks([])


def _short(text: str, width: int = 42) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _lines(text: str, width: int = 30, lines: int = 3) -> str:
    r"""``text`` wrapped on lines of at most ``width`` characters (never cut mid-word;
    only past ``lines`` lines does the last one end in …).

    >>> _lines("news report on the Putin–Abe talks (source line kept as published)", 30)
    'news report on the Putin–Abe\ntalks (source line kept as\npublished)'
    """
    out: list[str] = []
    for part in str(text).splitlines() or [""]:
        out.extend(textwrap.wrap(part, width=width, break_on_hyphens=False) or [""])
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1].rstrip(" ,;:") + " …"
    return "\n".join(out)


IMPLIED_LABELS: dict[str, str] = {"level": "implied base", "target": "implied target"}
"""What an implied row is, by the ``implies`` column of the claims table.

>>> IMPLIED_LABELS["level"]
'implied base'
"""


def _claim_keys(frame: pd.DataFrame, hue: str) -> pd.Series:
    """The legend key of each claim: its ``hue`` value, with implied rows split into
    ``implied base`` (the level a target or change starts from) and ``implied target``
    (the level a ratio applied to a current level aims at)."""
    keys = frame[hue].astype("string").fillna("unknown")
    if hue == "claim_type":
        implies = frame["implies"].astype("string") if "implies" in frame \
            else pd.Series(pd.NA, index=frame.index, dtype="string")
        named = implies.map(lambda v: IMPLIED_LABELS.get(v, "implied base")
                            if isinstance(v, str) else "implied base").astype("string")
        keys = keys.where(keys != "implied", named)
    return keys


def _date_words(value: object) -> str | None:
    if not isinstance(value, (pd.Timestamp, np.datetime64)) or pd.isna(value):
        return None
    return pd.Timestamp(value).strftime("%d %b %Y").lstrip("0")


def _who(frame: pd.DataFrame, *, distinctive_source: bool) -> list[str | None]:
    """Per row: the speaker; else the article's source when sources tell articles apart."""
    speakers = _texts(frame["speaker"]) if "speaker" in frame else [None] * len(frame)
    sources = _texts(frame["source"]) if "source" in frame and distinctive_source \
        else [None] * len(frame)
    return [s or (_lines(src, 30, 2) if src else None) for s, src in
            zip(speakers, sources, strict=True)]


def _sources_differ(frame: pd.DataFrame) -> bool:
    if "source" not in frame:
        return False
    return frame["source"].astype("string").nunique() > 1


def _is_yearly(dates: pd.Series) -> bool:
    """True when every date is a 1 January: the column stands for years (a period)."""
    stamps = pd.to_datetime(dates.dropna())
    return bool(len(stamps)) and bool(((stamps.dt.month == 1) & (stamps.dt.day == 1)).all())


def _year_axis(ax: Axes, dates: pd.Series) -> None:
    """A year axis for yearly figures: a tick per year (``2018``), each point on its
    year's tick, half a year of room either side (one point: one tick, its year)."""
    first, last = dates.min(), dates.max()
    ax.set_xlim(first - pd.Timedelta(days=183), last + pd.Timedelta(days=183))
    years = last.year - first.year + 1
    ax.xaxis.set_major_locator(mdates.YearLocator(base=max(1, math.ceil(years / 10))))
    ax.xaxis.set_minor_locator(mdates.YearLocator(base=1))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))


def _date_axis(ax: Axes, dates: pd.Series, *, yearly: bool = False) -> None:
    """Dates in one style: years (``2019``) over long spans, else months (``Jan 2019``);
    ``yearly``: a year axis (:func:`_year_axis`)."""
    if yearly:
        _year_axis(ax, dates)
        return
    first, last = dates.min(), dates.max()
    pad = max((last - first) * 0.06, pd.Timedelta(days=20))
    ax.set_xlim(first - pad, last + pad)
    span_years = (last - first + 2 * pad).days / 365.25
    if span_years > 2.5:
        step = max(1, math.ceil(span_years / 8))
        ax.xaxis.set_major_locator(mdates.YearLocator(base=step))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    else:
        months = max(1, math.ceil(span_years * 12 / 6))
        ax.xaxis.set_major_locator(mdates.MonthLocator(interval=months))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))


def _value_column(y: str | None, unit: str | None) -> str:
    return y if y is not None else ("value" if unit is not None else "value_usd")
