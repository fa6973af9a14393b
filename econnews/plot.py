"""Report charts from the quantities and claims tables, and reproducible export.

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
'Trade claims: JPN–RUS'
>>> format_money(2e10)
'$20bn'
"""

from __future__ import annotations

import math
import os
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter

from . import schema
from ._style import (
    CLAIM_COLORS,
    CLAIM_MARKERS,
    CONCEPT_COLORS,
    HOLLOW_TYPES,
    KIND_COLORS,
    OTHER_COLOR,
    report_style,
)
from .common.files import atomic_write
from .errors import InputError

__all__ = [
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

#: Currency symbols used on axes; other currencies are written as their code.
SYMBOLS: dict[str, str] = {
    "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "CNY": "CN¥", "RUB": "₽",
    "INR": "₹", "KRW": "₩", "CHF": "CHF ", "CAD": "C$", "AUD": "A$",
}
_SCALES = [(1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")]

#: Orders of magnitude a value axis may span before it goes logarithmic.
LOG_SPAN = 2.0

#: File formats :func:`export` writes, with the metadata that keeps bytes stable.
EXPORT_METADATA: dict[str, dict[str, Any]] = {
    "png": {"Software": "econnews"},
    "svg": {"Date": None},
    "pdf": {"CreationDate": None, "ModDate": None},
}


# ---------------------------------------------------------------- formatting


def format_number(value: float, *, digits: int = 3) -> str:
    """A number the way a report writes it: ``4.9m``, ``400k``, ``1.5bn``, ``12``.

    >>> format_number(4.9e6), format_number(4e5), format_number(12), format_number(-2.5e9)
    ('4.9m', '400k', '12', '-2.5bn')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    sign = "-" if value < 0 else ""
    size = abs(float(value))
    number, suffix = f"{size:.{digits}g}", ""
    for scale, name in _SCALES:
        if size >= scale * 0.9995:
            number, suffix = f"{size / scale:.{digits}g}", name
            break
    if "e" in number:  # beyond trillions: keep it readable, not 1e+03tn
        number = f"{size / 1e12:,.0f}"
    return f"{sign}{number}{suffix}"


def format_money(value: float, currency: str = "USD", *, digits: int = 3) -> str:
    """A money amount the way a report writes it: ``$20bn``, ``€1.5m``, ``RUB 300k``.

    >>> format_money(3e10), format_money(-2.25e6, "EUR"), format_money(4.2e12, "SEK")
    ('$30bn', '-€2.25m', 'SEK 4.2tn')
    >>> format_money(0)
    '$0'
    """
    text = format_number(value, digits=digits)
    if not text:
        return ""
    sign, number = ("-", text[1:]) if text.startswith("-") else ("", text)
    symbol = SYMBOLS.get(currency)
    if symbol is None:
        return f"{sign}{currency} {number}"
    return f"{sign}{symbol}{number}"


def _is_currency(unit: object) -> bool:
    """True for an ISO 4217-shaped code (``USD``, ``JPY``): the axis is then money."""
    return isinstance(unit, str) and re.fullmatch(r"[A-Z]{3}", unit) is not None


def unit_label(unit: str) -> str:
    """How an axis names a unit: the currency code, or pint's name in words.

    >>> unit_label("USD"), unit_label("metric_ton"), unit_label("barrel / day")
    ('USD', 'metric tons', 'barrels per day')
    """
    if _is_currency(unit):
        return unit
    import pint

    from .units import ureg

    try:
        name = f"{ureg.Unit(unit):P}"
    except (pint.PintError, AttributeError, TypeError, ValueError, SyntaxError):
        return unit  # a unit pint does not know is shown as written
    head, _, per = name.replace("_", " ").partition("/")
    head = head.strip()
    plural = head if head.endswith("s") or head in {"", "percent", "times"} else head + "s"
    return f"{plural} per {per.strip()}" if per else plural


def format_amount(value: float, unit: str = "USD", *, digits: int = 3) -> str:
    """Money as :func:`format_money`; other units as a number and the unit's name.

    >>> format_amount(2e10), format_amount(4.9e6, "metric_ton")
    ('$20bn', '4.9m metric tons')
    """
    if _is_currency(unit):
        return format_money(value, unit, digits=digits)
    text = format_number(value, digits=digits)
    return f"{text} {unit_label(unit)}" if text else ""


def money_formatter(currency: str = "USD") -> FuncFormatter:
    """A tick formatter writing amounts as :func:`format_money` does.

    >>> money_formatter()(1.5e9, 0)
    '$1.5bn'
    """
    return FuncFormatter(lambda value, _pos: format_money(value, currency))


def amount_formatter(unit: str = "USD") -> FuncFormatter:
    """Ticks for a value axis: money with its symbol, other units as bare ``4.9m``.

    >>> amount_formatter("metric_ton")(4e5, 0), amount_formatter("JPY")(5e11, 0)
    ('400k', '¥500bn')
    """
    if _is_currency(unit):
        return money_formatter(unit)
    return FuncFormatter(lambda value, _pos: format_number(value))


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


def _concept_words(concepts: Iterable[str]) -> str:
    """'Trade', 'Trade and investment', 'Trade, trade surplus and exports'."""
    words = [str(c).replace("_", " ") for c in concepts]
    if not words:
        return "All"
    text = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return text[:1].upper() + text[1:]


def _pair(codes: Iterable[str]) -> str:
    return "–".join(sorted(str(c).upper() for c in codes))


def _title_for(what: str, concept: Any, parties: Any, selected: pd.DataFrame) -> str:
    """'Trade claims: JPN–RUS'; the parties are the filter's, or the selection's own
    when every selected claim has the same ones."""
    codes = _as_list(parties)
    if not codes and "parties" in selected and len(selected):
        sets = {frozenset(_codes(v)) for v in selected["parties"]}
        if len(sets) == 1:
            codes = sorted(next(iter(sets)))
    return f"{_concept_words(_as_list(concept))} {what}" + (f": {_pair(codes)}" if codes else "")


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


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``1 claim``, ``3 claims``, ``2 quantities`` (``many`` for irregular plurals).

    >>> plural(1, "claim"), plural(3, "claim"), plural(2, "quantity", "quantities")
    ('1 claim', '3 claims', '2 quantities')
    """
    word = noun if n == 1 else (many or noun + "s")
    return f"{n:,} {word}"


#: What an implied row is, by the ``implies`` column of the claims table.
IMPLIED_LABELS: dict[str, str] = {"level": "implied base", "target": "implied target"}


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


# ------------------------------------------------------------------- labels


def _point_labels(frame: pd.DataFrame, label: str | None) -> list[str | None]:
    """The text beside each timeline point.

    ``"auto"``: who made the claim (the speaker, else the article's source when
    sources differ), led by the parties when the points mix several pairs; an
    implied row, whose marker already says what it is, and a repeat of a label
    already given in the same article get none.
    """
    if label is None or len(frame) == 0:
        return [None] * len(frame)
    if label != "auto":
        return [_lines(t, 22, 3) if t else None for t in _texts(frame[label])]
    who = [_lines(w, 30, 2) if w else None
           for w in _who(frame, distinctive_source=_sources_differ(frame))]
    if "period" in frame:  # the year a figure refers to, which is not the date it was said
        who = [f"{d} · {w}" if d and w else (w or (f"for {d}" if d else None))
               for d, w in zip(_texts(frame["period"]), who, strict=True)]
    if "parties" in frame:
        pairs = [_pair(_codes(v)) for v in frame["parties"]]
        if len(set(pairs)) > 1:
            who = [f"{p} · {w}" if w and p else (w or p or None) for p, w in
                   zip(pairs, who, strict=True)]
    types = _texts(frame["claim_type"]) if "claim_type" in frame else [None] * len(frame)
    docs = _texts(frame["doc_id"]) if "doc_id" in frame else [None] * len(frame)
    seen: set[tuple[str | None, str]] = set()
    out: list[str | None] = []
    for text, ctype, doc in zip(who, types, docs, strict=True):
        if not text or ctype == "implied" or (doc, text) in seen:
            out.append(None)
            continue
        seen.add((doc, text))
        out.append(text)
    return out


def _place_labels(ax: Axes, xs: np.ndarray, ys: np.ndarray, labels: list[str | None],
                  *, fontsize: float = 7.5) -> int:
    """Annotate each point with its label where it overlaps no other label or point.

    Tries right-above, right-below, left-above, left-below of the point (left
    first in the right third of the axes) and skips a label that fits nowhere
    inside the axes. Positions are estimated in axes fractions from the axes'
    current limits and the figure size, before the layout is drawn. Returns the
    number of labels left out.
    """
    fig = ax.figure
    trans = ax.transScale + ax.transLimits
    pts = trans.transform(np.column_stack([xs, ys]))
    box = ax.get_position()
    width_pt = fig.get_figwidth() * 72 * box.width * 0.92
    height_pt = fig.get_figheight() * 72 * box.height * 0.92
    char_w, line_h = fontsize * 0.58 / width_pt, fontsize * 1.3 / height_pt
    mark_w, mark_h = 5.0 / width_pt, 5.0 / height_pt
    occupied = [(px - mark_w, py - mark_h, px + mark_w, py + mark_h) for px, py in pts]
    skipped = 0
    order = sorted(range(len(labels)), key=lambda i: (pts[i][0], -pts[i][1]))
    for i in order:
        text = labels[i]
        if not text:
            continue
        px, py = pts[i]
        rows = text.split("\n")
        w, h = max(len(r) for r in rows) * char_w, line_h * len(rows)
        gap_x, gap_y = 6.0 / width_pt, 3.0 / height_pt
        spots = [("left", "bottom"), ("left", "top"), ("right", "bottom"), ("right", "top")]
        if px > 0.66:
            spots = spots[2:] + spots[:2]
        for ha, va in spots:
            x0 = px + gap_x if ha == "left" else px - gap_x - w
            y0 = py + gap_y if va == "bottom" else py - gap_y - h
            cand = (x0, y0, x0 + w, y0 + h)
            inside = cand[0] >= -0.01 and cand[2] <= 1.01 and cand[1] >= -0.01 and cand[3] <= 1.01
            if inside and not any(cand[0] < o[2] and o[0] < cand[2] and cand[1] < o[3]
                                  and o[1] < cand[3] for o in occupied):
                occupied.append(cand)
                note = ax.annotate(
                    text, (xs[i], ys[i]), xytext=(6 if ha == "left" else -6,
                                                  3 if va == "bottom" else -3),
                    textcoords="offset points", ha=ha, va=va, fontsize=fontsize,
                    color="#333333", parse_math=False, annotation_clip=False,
                    gid="econnews-label")
                note.set_in_layout(False)
                break
        else:
            skipped += 1
    return skipped


# ------------------------------------------------------------------- charts


def _draw_points(ax: Axes, frame: pd.DataFrame, *, x: str, y: str, hue: str, size: float,
                 **kwargs: Any) -> None:
    """One scatter per legend key, with the legend beside the axes.

    The marker and colour say the claim type (implied rows hollow, named ``implied
    base`` or ``implied target``); when the claims mix concepts, the colour says
    the concept instead and a second legend lists the concepts, so a trade figure
    is never read as an investment one.
    """
    keys = _claim_keys(frame, hue)
    concepts = frame["concept"].astype("string").fillna("other") \
        if "concept" in frame else pd.Series("", index=frame.index)
    mixed = concepts.nunique() > 1
    palette = {c: CONCEPT_COLORS[i % len(CONCEPT_COLORS)]
               for i, c in enumerate(dict.fromkeys(concepts))}
    if hue != "claim_type":  # another column: a colour per value, in order of appearance
        key_colors = {k: CONCEPT_COLORS[i % len(CONCEPT_COLORS)]
                      for i, k in enumerate(dict.fromkeys(keys))}
    else:
        key_colors = {k: CLAIM_COLORS.get(k, OTHER_COLOR) for k in dict.fromkeys(keys)}
    for (ctype, concept), grp in frame.groupby([keys, concepts], sort=False):
        color = palette[concept] if mixed else key_colors[ctype]
        hollow = ctype in HOLLOW_TYPES
        ax.scatter(grp[x], grp[y], marker=CLAIM_MARKERS.get(ctype, "o"), s=size, zorder=3,
                   facecolors="none" if hollow else color,
                   edgecolors=color if hollow else "white",
                   linewidths=1.5 if hollow else 0.6, label=ctype,
                   gid=f"econnews-concept-{concept}" if mixed else None, **kwargs)
    from matplotlib.lines import Line2D

    def handle(marker: str, color: str, hollow: bool) -> Line2D:
        return Line2D([], [], linestyle="none", marker=marker, markersize=7,
                      markerfacecolor="none" if hollow else color,
                      markeredgecolor=color, markeredgewidth=1.5 if hollow else 0.6)

    types = list(dict.fromkeys(keys))
    handles = [handle(CLAIM_MARKERS.get(k, "o"), "#555555" if mixed else key_colors[k],
                      k in HOLLOW_TYPES) for k in types]
    labels = list(types)
    title = hue.replace("_", " ")
    if mixed:  # one legend (kept inside the layout): the types, then the concepts' colours
        names = list(palette)
        handles += [handle("s", palette[c], False) for c in names]
        labels += [f"concept: {_concept_words([c]).lower()}" for c in names]
        title += " · concept"
    ax.legend(handles, labels, title=title, loc="upper left", bbox_to_anchor=(1.01, 1.0))


def _date_axis(ax: Axes, dates: pd.Series) -> None:
    """Dates in one style: years (``2019``) over long spans, else months (``Jan 2019``)."""
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
    column, None draws none; labels go where they overlap nothing. The value axis
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
    schema.require(claims, [x, y, hue], stage="claims_timeline")
    if label not in (None, "auto"):
        schema.require(claims, [label], stage="claims_timeline")
    selected = _select(claims, concept=concept, parties=parties)
    selected, other_units = _in_unit(selected, unit)
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
                _date_axis(ax, shown[x])
            logged = _value_axis(ax, "y", values, unit=axis_unit, log=log)
            if len(shown) <= max_labels:
                if not logged:  # headroom, so that the highest point can carry its label
                    low, high = ax.get_ylim()
                    ax.set_ylim(low, high + (high - low) * 0.08)
                xnum = (mdates.date2num(shown[x].to_numpy()) if is_date
                        else _floats(shown[x]))
                _place_labels(ax, np.asarray(xnum, dtype=float), values,
                              _point_labels(shown, label))
        note = source or f"Source: {_describe_sources(selected)}; figures extracted by econnews."
        if missing:
            note += f" {plural(missing, 'claim')} without a {_column_words(x)} or " \
                    f"{_column_words(y)} not shown."
        if other_units:
            note += f" {plural(other_units, 'claim')} in other units than " \
                    f"{unit_label(axis_unit)} not shown."
        _source_note(ax, note, owned=owned)
    return fig


def _row_labels(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """(row key, row label) per claim for :func:`compare_claims`.

    A row is one article (``doc_id``; each claim its own row without one), split
    by concept when the claims mix concepts, so an implied base sits on the row of
    the claims it comes from. Its label is two lines: ``22 Jan 2019[ · Concept]``
    and ``[pair · ]who`` (concept and pair when the claims mix them), ``who`` being
    the first named speaker among the row's claims, else the article's source when
    sources differ, else the article id; two articles with the same label get a
    third line, their id.
    """
    n = len(frame)
    docs = _texts(frame["doc_id"]) if "doc_id" in frame else [None] * n
    docs = [d if d is not None else f"claim {i + 1}" for i, d in enumerate(docs)]
    mixed = "concept" in frame and frame["concept"].astype("string").nunique() > 1
    concepts = _texts(frame["concept"]) if mixed else [None] * n
    keys = [f"{c}\x00{d}" if c else d for c, d in zip(concepts, docs, strict=True)]
    who = _who(frame, distinctive_source=_sources_differ(frame))
    dates = [_date_words(v) for v in frame["date"]] if "date" in frame else [None] * n
    starts = _floats(frame["start"]) if "start" in frame else np.zeros(n)
    types = _texts(frame["claim_type"]) if "claim_type" in frame else [None] * n
    first: dict[str, tuple[float, str]] = {}
    for key, name, start, ctype in zip(keys, who, starts, types, strict=True):
        if name and ctype != "implied":
            pos = start if np.isfinite(start) else math.inf
            if key not in first or pos < first[key][0]:
                first[key] = (pos, name)
    pairs = [_pair(_codes(v)) for v in frame["parties"]] if "parties" in frame else [""] * n
    show_pair = len(set(pairs)) > 1
    # in a chart of one article, a row with no named speaker is labelled by the
    # article's source rather than its id (with several, the id tells them apart)
    sources = _texts(frame["source"]) if "source" in frame and len(set(docs)) == 1 \
        else [None] * n
    source_of = {d: _lines(s, 30, 2) for d, s in zip(docs, sources, strict=True) if s}
    label_of: dict[str, str] = {}
    doc_of: dict[str, str] = {}
    for key, concept, doc, date, pair in zip(keys, concepts, docs, dates, pairs, strict=True):
        if key in label_of:
            continue
        head = (date, _concept_words([concept]) if concept else None)
        name = first[key][1] if key in first else (source_of.get(doc) or doc)
        who = (pair if show_pair else None, name)
        label_of[key] = "\n".join(" · ".join(p for p in line if p) for line in (head, who)
                                  if any(line))
        doc_of[key] = doc
    counts: dict[str, int] = {}
    for text in label_of.values():
        counts[text] = counts.get(text, 0) + 1
    for key, text in label_of.items():
        if counts[text] > 1 and doc_of[key] not in text.split("\n")[-1]:
            label_of[key] = f"{text}\n{doc_of[key]}"  # two articles, one label: add the id
    index = frame.index
    return (pd.Series(keys, index=index, dtype="string"),
            pd.Series([label_of[k] for k in keys], index=index, dtype="string"))


def _basis(frame: pd.DataFrame) -> pd.Series:
    """What each claim is measured on: concept, parties (as a set) and period.

    Two claims on one basis can be joined by a bar; a one-year level and a
    five-year target, or trade and investment, cannot. A claim whose period is
    unknown has a basis of its own (its span cannot be checked), except an implied
    base, which shares the basis of the stated target it was derived from (the gap
    between them is the plan's size).

    >>> c = pd.DataFrame({"concept": ["trade"] * 4, "parties": ["JPN,RUS", "RUS,JPN", "JPN,RUS", "JPN,RUS"],
    ...                   "period": ["2018", "2018", None, None],
    ...                   "claim_type": ["level", "level", "target", "implied"],
    ...                   "claim_id": ["a:1", "b:1", "c:1", "c:1/c:2"], "derived_from": [None, None, None, "c:1,c:2"]})
    >>> _basis(c).tolist()
    ['trade|JPN,RUS|2018', 'trade|JPN,RUS|2018', 'trade|JPN,RUS|?c:1', 'trade|JPN,RUS|?c:1']
    """
    n = len(frame)
    concepts = _texts(frame["concept"]) if "concept" in frame else [None] * n
    parties = [",".join(sorted(_codes(v))) for v in frame["parties"]] \
        if "parties" in frame else [""] * n
    periods = _texts(frame["period"]) if "period" in frame else [None] * n
    types = _texts(frame["claim_type"]) if "claim_type" in frame else [None] * n
    ids = _texts(frame["claim_id"]) if "claim_id" in frame else [None] * n
    sources = _texts(frame["derived_from"]) if "derived_from" in frame else [None] * n
    docs = _texts(frame["doc_id"]) if "doc_id" in frame else [None] * n
    linked = "derived_from" in frame and "claim_id" in frame
    planned = {i for i, t in zip(ids, types, strict=True) if i and t in ("target", "forecast")}
    out = []
    for k, (c, p, d, t, i, src) in enumerate(zip(concepts, parties, periods, types, ids,
                                                 sources, strict=True)):
        if d is None:
            own = i or f"row{k}"
            if t == "implied" and src:
                own = next((s for s in src.split(",") if s in planned), own)
            elif not linked and t in ("implied", "target", "forecast") and docs[k]:
                own = f"plan:{docs[k]}"  # no derivation recorded: the article's own plan
            d = f"?{own}"
        out.append(f"{c or '?'}|{p}|{d}")
    return pd.Series(out, index=frame.index)


def compare_claims(
    claims: pd.DataFrame,
    *,
    x: str | None = None,
    y: str | None = None,
    hue: str = "claim_type",
    concept: str | Iterable[str] | None = None,
    parties: Iterable[str] | None = None,
    unit: str | None = None,
    currency: str = "USD",
    log: bool | None = None,
    title: str | None = None,
    source: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Figure:
    """The spread of claims on one figure: a row per article, a dot per claim.

    Requires ``x`` and ``hue`` (``claim_type``). ``x`` defaults to ``value_usd``
    (axis in ``currency``); with ``unit=`` (e.g. ``"metric_ton"``) to ``value``,
    drawing only the rows whose ``unit`` column says so. Rows are ``y`` when given,
    else one per article (and concept, when the claims mix concepts), labelled
    ``date · who`` (see :func:`_row_labels`). A grey bar joins a row's claims on the
    same basis (concept, parties and period, see :func:`_basis`), never a one-year
    level and a multi-year target;
    range claims (``low``/``high`` columns) draw their own bar; implied rows are
    hollow markers on the row of the claims they come from, named by the
    ``implies`` column: an *implied base* ($30bn as a 1.5× target implies $20bn
    now) or an *implied target* ($20bn now and a 50% rise aim at $30bn). Claims without a
    value, or in another unit, are counted in the source line.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a", "a", "b"], "speaker": ["Putin", None, None],
    ...                   "source": ["Kyodo", "Kyodo", "TASS"], "value_usd": [3e10, 2e10, 1.8e10],
    ...                   "claim_type": ["target", "implied", "level"]})
    >>> fig = compare_claims(c, title="Russia–Japan trade")
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Putin', 'TASS']
    """
    x = _value_column(x, unit)
    schema.require(claims, [x, hue], stage="compare_claims")
    if y is not None:
        schema.require(claims, [y], stage="compare_claims")
    selected = _select(claims, concept=concept, parties=parties)
    selected, other_units = _in_unit(selected, unit)
    values = _floats(selected[x])
    ok = np.isfinite(values)
    shown = selected.loc[ok].copy()
    shown["_v"] = values[ok]
    if y is not None:
        keys = labels = selected[y].astype("string").fillna("?")
    else:
        keys, labels = _row_labels(selected)
    shown["_key"], shown["_label"] = keys[ok], labels[ok]
    missing = int((~ok).sum())
    axis_unit = unit or currency
    owned = ax is None
    wrapped = {k: _lines(t, 30, 4)
               for k, t in zip(shown["_key"], shown["_label"], strict=True)}
    n_lines = sum(t.count("\n") + 1 for t in wrapped.values())
    with report_style():
        fig, ax = _figure(ax, (7.5, max(3.0, 1.9 + 0.2 * n_lines + 0.14 * len(wrapped))))
        longest = max((len(line) for t in wrapped.values() for line in t.splitlines()),
                      default=0)
        _set_title(ax, title or _title_for("claims compared", concept, parties, selected),
                   reserve=0.4 + longest * 9 * 0.6 / 72)
        ax.set_xlabel(f"Claimed value ({unit_label(axis_unit)})")
        ax.grid(axis="x", visible=True)
        ax.grid(axis="y", visible=False)
        joined = False
        if shown.empty:
            _empty(ax, "No claims with a value match this selection")
        else:
            order = shown.sort_values([c for c in ("date", "_label") if c in shown])["_key"]
            rows = list(dict.fromkeys(order))
            pos = {r: i for i, r in enumerate(rows)}
            shown["_y"] = shown["_key"].map(pos).astype(float)
            shown["_basis"] = _basis(shown)
            spans = shown.groupby(["_y", "_basis"])["_v"].agg(["min", "max"])
            spans = spans[spans["max"] > spans["min"]]
            joined = len(spans) > 0
            if joined:
                ax.hlines(spans.index.get_level_values("_y"), spans["min"], spans["max"],
                          color="#bbbbbb", linewidth=3, zorder=1, gid="econnews-spread")
            if {"low", "high"} <= set(shown.columns):
                lo, hi = _floats(shown["low"]), _floats(shown["high"])
                ranged = np.isfinite(lo) & np.isfinite(hi) & (hi > lo)
                if ranged.any():
                    ax.hlines(shown["_y"][ranged], lo[ranged], hi[ranged], color="#555555",
                              linewidth=1.2, zorder=2, gid="econnews-range")
            _draw_points(ax, shown, x="_v", y="_y", hue=hue, size=60, **kwargs)
            ax.set_yticks(range(len(rows)), labels=[wrapped[r] for r in rows], parse_math=False)
            ax.set_ylim(len(rows) - 0.5, -0.5)
            _value_axis(ax, "x", shown["_v"].to_numpy(), unit=axis_unit, log=log)
        note = source or f"Source: {_describe_sources(selected)}; figures extracted by econnews."
        if not shown.empty and joined:
            note += " Grey bars join claims on the same concept, parties and period."
        if missing:
            note += f" {plural(missing, 'claim')} without a {_column_words(x)} not shown."
        if other_units:
            note += f" {plural(other_units, 'claim')} in other units than " \
                    f"{unit_label(axis_unit)} not shown."
        _source_note(ax, note, owned=owned)
    return fig


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


# ------------------------------------------------------------------- export


def chart_title(fig: Figure) -> str:
    r"""The chart's title on one line: the figure's suptitle, else the first axes' title.

    >>> from matplotlib.figure import Figure
    >>> fig = Figure(); ax = fig.add_subplot(); _ = ax.set_title("Russia–Japan\ntrade", loc="left")
    >>> chart_title(fig)
    'Russia–Japan trade'
    """
    texts = []
    if fig._suptitle is not None:
        texts.append(fig._suptitle.get_text())
    for ax in fig.axes:
        texts.extend(ax.get_title(loc) for loc in ("left", "center", "right"))
    for text in texts:
        if text and text.strip():
            return " ".join(text.split())
    return ""


def is_blank(fig: Figure) -> bool:
    """True when every axes of ``fig`` holds only the 'nothing to show' message.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"date": pd.to_datetime(["2019-01-22"]), "value_usd": [3e10],
    ...                   "claim_type": ["target"], "concept": ["trade"]})
    >>> is_blank(claims_timeline(c, concept="investment")), is_blank(claims_timeline(c))
    (True, False)
    """
    axes = fig.axes
    if not axes:
        return True
    return all(any(t.get_gid() == "econnews-empty" for t in ax.texts) for ax in axes)


def export(
    fig: Figure,
    path_stem: str | os.PathLike[str],
    formats: Iterable[str] = ("png", "svg", "pdf"),
    *,
    dpi: int = 200,
    metadata: Mapping[str, Mapping[str, Any]] | None = None,
) -> dict[str, Path]:
    """Write ``fig`` as ``path_stem.png``/``.svg``/``.pdf``; return ``{format: path}``.

    The files are reproducible (the same figure gives the same bytes: fixed
    metadata, no dates, a fixed SVG hash salt), PDF text is embedded TrueType
    (Type 42), SVG text stays ``<text>`` (editable, with the style's font stack),
    SVG and PDF carry the chart's title (:func:`chart_title`) as document title, a
    chart with nothing drawn (:func:`is_blank`) is refused, and each file is written to a temporary file in the same folder
    and moved into place, so a crash never leaves half a file. Parent folders
    are created. ``metadata`` overrides the per-format metadata.

    >>> import tempfile, pathlib
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(); _ = fig.add_subplot().plot([1, 2])
    >>> with tempfile.TemporaryDirectory() as d:
    ...     paths = export(fig, pathlib.Path(d) / "chart", formats=["svg"])
    ...     sorted(p.name for p in paths.values())
    ['chart.svg']
    """
    if is_blank(fig):
        raise InputError("this chart has no data to show (it says 'No claims … match'); "
                         "pick a selection with claims before exporting it")
    title = chart_title(fig)
    fmts = [str(f).lower().lstrip(".") for f in ([formats] if isinstance(formats, str) else formats)]
    bad = [f for f in fmts if f not in EXPORT_METADATA]
    if bad or not fmts:
        raise InputError(f"cannot export format(s) {bad or fmts}; choose from {list(EXPORT_METADATA)}")
    stem = Path(path_stem)
    if stem.suffix.lower().lstrip(".") in EXPORT_METADATA:
        stem = stem.with_suffix("")
    stem.parent.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}

    with report_style():
        # a figure's layout (constrained layout) moves by a hair at every draw: settle it
        # once here and keep it, so that every export of this figure has the same bytes
        fig.draw_without_rendering()
        if fig.get_layout_engine() is not None:
            fig.set_layout_engine("none")
    for fmt in fmts:
        target = stem.parent / f"{stem.name}.{fmt}"
        meta = dict(EXPORT_METADATA[fmt])
        if title and fmt in ("svg", "pdf"):
            meta["Title"] = title  # the document title an editor shows (not "Matplotlib …")
        if metadata and fmt in metadata:
            meta.update(metadata[fmt])
        with atomic_write(target) as fh, report_style():  # report_style has REPRODUCIBLE_RC
            fig.savefig(fh, format=fmt, dpi=dpi, metadata=meta)
        written[fmt] = target
    return written


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
    >>> fig.axes[0].get_title("left")
    'Trade deficit: USA → CHN, claims against official figures'
    """
    from .factcheck import reference as _reference

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
    pair = " → ".join(direction) if len(direction) == 2 else "–".join(sorted(wanted))
    what = _concept_words([str(concept)]).capitalize() if concept else "Claims"
    with report_style():
        fig, ax = _figure(ax)
        _set_title(ax, title or f"{what}: {pair}, claims against official figures")
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
            if len(shown) <= 20:
                names = shown[label] if label and label in shown else [None] * len(shown)
                _place_labels(ax, shown["period"].map(_period_year).to_numpy(float),
                              _floats(shown["compared_value"]),
                              [_verdict_label(n, v, d) for n, v, d in
                               zip(names, shown["verdict"], shown["deviation"], strict=True)])
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{int(v)}"))
            _value_axis(ax, "y", values, unit=unit, log=False)
            ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0))
        releases = series["release"].astype("string").str.split(", released").str[0]
        official = "; ".join(dict.fromkeys(
            f"{s}, {_MONTH_YEAR.sub('', r)}" if isinstance(r, str) and r else str(s)
            for s, r in zip(series["source"], releases, strict=True))) \
            or "none for this selection"
        note = source or (f"Claims: {_describe_sources(rows)}, figures extracted by econnews. "
                          f"Official: {official}.")
        left_out = len(rows) - len(shown)
        if left_out:
            note += f" {left_out} {'claim' if left_out == 1 else 'claims'} with no " \
                    "comparable official figure not shown."
        _source_note(ax, note, owned=owned)
    return fig
