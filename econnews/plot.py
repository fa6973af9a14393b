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
import tempfile
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
    KIND_COLORS,
    OTHER_COLOR,
    REPRODUCIBLE_RC,
    report_style,
)
from .errors import InputError

__all__ = [
    "claims_timeline",
    "compare_claims",
    "export",
    "format_money",
    "money_formatter",
    "quantities_overview",
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


def format_money(value: float, currency: str = "USD", *, digits: int = 3) -> str:
    """A money amount the way a report writes it: ``$20bn``, ``€1.5m``, ``RUB 300k``.

    >>> format_money(3e10), format_money(-2.25e6, "EUR"), format_money(4.2e12, "SEK")
    ('$30bn', '-€2.25m', 'SEK 4.2tn')
    >>> format_money(0)
    '$0'
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
    symbol = SYMBOLS.get(currency)
    if symbol is None:
        return f"{sign}{currency} {number}{suffix}"
    return f"{sign}{symbol}{number}{suffix}"


def money_formatter(currency: str = "USD") -> FuncFormatter:
    """A tick formatter writing amounts as :func:`format_money` does.

    >>> money_formatter()(1.5e9, 0)
    '$1.5bn'
    """
    return FuncFormatter(lambda value, _pos: format_money(value, currency))


def _money_axis(ax: Axes, which: str, values: np.ndarray, *, currency: str,
                log: bool | None) -> bool:
    """Format the ``which`` axis for money; logarithmic when values span orders of magnitude."""
    axis = ax.yaxis if which == "y" else ax.xaxis
    positive = values[np.isfinite(values) & (values > 0)]
    if log is None:
        log = (
            len(positive) == len(values[np.isfinite(values)])
            and len(positive) > 1
            and math.log10(positive.max() / positive.min()) > LOG_SPAN
        )
    if log:
        (ax.set_yscale if which == "y" else ax.set_xscale)("log")
        axis.set_major_locator(LogLocator(base=10))
        axis.set_minor_formatter(NullFormatter())
    axis.set_major_formatter(money_formatter(currency))
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


def _floats(series: pd.Series) -> np.ndarray:
    return pd.to_numeric(series, errors="coerce").to_numpy(dtype=float, na_value=np.nan)


def _figure(ax: Axes | None, size: tuple[float, float] | None = None) -> tuple[Figure, Axes]:
    if ax is not None:
        return ax.figure, ax
    fig = Figure(figsize=size) if size else Figure()
    return fig, fig.add_subplot()


def _source_note(ax: Axes, text: str) -> None:
    """The source line under the axes' x label (inside the layout, never clipped)."""
    width = max(40, int(ax.figure.get_figwidth() * 12.5))
    text = "\n".join(textwrap.wrap(text, width=width, break_on_hyphens=False))
    ax.annotate(
        text, xy=(0, 0), xycoords=("axes fraction", ax.xaxis.label), xytext=(0, -6),
        textcoords="offset points", ha="left", va="top", fontsize=7.5, color="#555555",
        gid="econnews-source", parse_math=False,
    )


def _describe_sources(frame: pd.DataFrame) -> str:
    """'3 articles (Kyodo, TASS, …)' from the doc_id/source columns."""
    n = frame["doc_id"].nunique() if "doc_id" in frame else len(frame)
    names: list[str] = []
    if "source" in frame:
        names = [str(s) for s in frame["source"].dropna().unique()]
    listed = ", ".join(names[:3]) + (", …" if len(names) > 3 else "")
    noun = "article" if n == 1 else "articles"
    return f"{n} {noun}" + (f" ({listed})" if listed else "")


def _title_for(what: str, concept: Any, parties: Any) -> str:
    head = " / ".join(c.capitalize() for c in _as_list(concept)) or "All"
    codes = "–".join(sorted(p.upper() for p in _as_list(parties)))
    return f"{head} {what}" + (f": {codes}" if codes else "")


def _empty(ax: Axes, message: str) -> None:
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center",
            color="#555555", gid="econnews-empty", parse_math=False)
    ax.set_xticks([])
    ax.set_yticks([])


def _short(text: str, width: int = 42) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# ------------------------------------------------------------------- charts


def claims_timeline(
    claims: pd.DataFrame,
    *,
    x: str = "date",
    y: str = "value_usd",
    hue: str = "claim_type",
    concept: str | Iterable[str] | None = None,
    parties: Iterable[str] | None = None,
    label: str | None = "source",
    currency: str = "USD",
    log: bool | None = None,
    max_labels: int = 20,
    title: str | None = None,
    source: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Figure:
    """Claimed values over time: one marker per claim, shaped by claim type.

    Requires the columns ``x`` (default ``date``), ``y`` (default ``value_usd``,
    added by :func:`econnews.normalize`) and ``hue`` (``claim_type``); ``concept``
    and ``parties`` (ISO alpha-3 codes, all must take part) filter on the
    ``concept`` and ``parties`` columns. Points are labelled with ``label``
    (the article's source) when there are at most ``max_labels``. The value axis
    reads ``$20bn`` and turns logarithmic when values span more than two orders
    of magnitude (``log=`` forces it). Claims without a date or value are counted
    in the source line, never dropped silently.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"date": pd.to_datetime(["2018-01-01", "2019-01-01"]),
    ...                   "value_usd": [2e10, 3e10], "claim_type": ["level", "target"]})
    >>> fig = claims_timeline(c, title="Trade")
    >>> "$20bn" in [t.get_text() for t in fig.axes[0].get_yticklabels()]
    True
    """
    schema.require(claims, [x, y, hue], stage="claims_timeline")
    selected = _select(claims, concept=concept, parties=parties)
    xs = selected[x]
    ys = _floats(selected[y])
    ok = xs.notna().to_numpy(dtype=bool) & np.isfinite(ys)
    shown = selected.loc[ok]
    missing = int((~ok).sum())
    with report_style():
        fig, ax = _figure(ax)
        ax.set_title(title or _title_for("claims", concept, parties), loc="left", parse_math=False)
        ax.set_xlabel(x.replace("_", " ").capitalize())
        ax.set_ylabel(f"Claimed value ({currency})")
        if shown.empty:
            _empty(ax, "No claims with a date and a value match this selection")
        else:
            values = ys[ok]
            for ctype, rows in shown.assign(_v=values).groupby(
                shown[hue].astype("string").fillna("unknown"), sort=False
            ):
                ax.scatter(
                    rows[x], rows["_v"], marker=CLAIM_MARKERS.get(ctype, "o"),
                    color=CLAIM_COLORS.get(ctype, OTHER_COLOR), label=ctype, zorder=3,
                    edgecolor="white", linewidth=0.6, s=55, **kwargs,
                )
            if label and label in shown and len(shown) <= max_labels:
                for xv, yv, text in zip(shown[x], values, shown[label], strict=True):
                    if pd.notna(text):
                        note = ax.annotate(_short(str(text), 28), (xv, yv), xytext=(5, 4),
                                           textcoords="offset points", fontsize=7.5,
                                           color="#333333", parse_math=False, clip_on=True)
                        note.set_in_layout(False)
            _money_axis(ax, "y", values, currency=currency, log=log)
            if pd.api.types.is_datetime64_any_dtype(shown[x]):
                first, last = shown[x].min(), shown[x].max()
                pad = max((last - first) * 0.08, pd.Timedelta(days=45))
                ax.set_xlim(first - pad, last + pad)
                locator = mdates.AutoDateLocator(maxticks=8)
                ax.xaxis.set_major_locator(locator)
                ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
            ax.legend(title=hue.replace("_", " "), loc="upper left", bbox_to_anchor=(1.01, 1.0))
        note = source or f"Source: {_describe_sources(selected)}; figures extracted by econnews."
        if missing:
            note += f" {missing} claim(s) without a {x} or {y} not shown."
        _source_note(ax, note)
    return fig


def _row_labels(frame: pd.DataFrame) -> pd.Series:
    """'source · speaker' (falling back to doc_id) for each claim; the concept leads
    when the rows mix concepts, so one row never spans trade and investment."""
    parts = []
    if "source" in frame:
        parts.append(frame["source"].astype("string").map(
            lambda v: _short(v, 26) if isinstance(v, str) else v))
    if "speaker" in frame:
        parts.append(frame["speaker"].astype("string"))
    fallback = (frame["doc_id"].astype("string") if "doc_id" in frame
                else pd.Series([f"claim {i + 1}" for i in range(len(frame))], index=frame.index,
                               dtype="string"))
    out = pd.Series("", index=frame.index, dtype="string")
    for p in parts:
        out = out.str.cat(p.fillna(""), sep=" · ").str.strip(" ·")
    out = out.mask(out.eq(""), fallback).fillna("?")
    if "concept" in frame and frame["concept"].nunique() > 1:
        out = frame["concept"].astype("string").fillna("?").str.cat(out, sep=": ")
    return out


def compare_claims(
    claims: pd.DataFrame,
    *,
    x: str = "value_usd",
    y: str | None = None,
    hue: str = "claim_type",
    concept: str | Iterable[str] | None = None,
    parties: Iterable[str] | None = None,
    currency: str = "USD",
    log: bool | None = None,
    title: str | None = None,
    source: str | None = None,
    ax: Axes | None = None,
    **kwargs: Any,
) -> Figure:
    """The spread of claims on one figure: a row per source/speaker, a dot per claim.

    Requires ``x`` (default ``value_usd``) and ``hue`` (``claim_type``). Rows are
    ``y`` when given, else ``source · speaker`` (falling back to ``doc_id``). A grey
    bar spans each row's claims; range claims (``low``/``high`` columns) draw
    their own bar; implied bases (claim type ``implied``, e.g. $30bn as a 1.5×
    target implies $20bn now) are hollow diamonds.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"source": ["Kyodo", "Kyodo", "TASS"], "value_usd": [3e10, 2e10, 1.8e10],
    ...                   "claim_type": ["target", "implied", "level"]})
    >>> fig = compare_claims(c, title="Russia–Japan trade")
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Kyodo', 'TASS']
    """
    schema.require(claims, [x, hue], stage="compare_claims")
    if y is not None:
        schema.require(claims, [y], stage="compare_claims")
    selected = _select(claims, concept=concept, parties=parties)
    values = _floats(selected[x])
    ok = np.isfinite(values)
    shown = selected.loc[ok].copy()
    shown["_v"] = values[ok]
    shown["_row"] = (selected[y].astype("string").fillna("?") if y else _row_labels(selected))[ok]
    missing = int((~ok).sum())
    with report_style():
        fig, ax = _figure(ax, (7.5, max(2.8, 1.6 + 0.45 * shown["_row"].nunique())))
        ax.set_title(title or _title_for("claims compared", concept, parties), loc="left",
                     parse_math=False)
        ax.set_xlabel(f"Claimed value ({currency})")
        ax.grid(axis="x", visible=True)
        ax.grid(axis="y", visible=False)
        if shown.empty:
            _empty(ax, "No claims with a value match this selection")
        else:
            order = shown.sort_values([c for c in ("date", "_row") if c in shown])["_row"]
            rows = list(dict.fromkeys(order))
            pos = {r: i for i, r in enumerate(rows)}
            shown["_y"] = shown["_row"].map(pos).astype(float)
            spans = shown.groupby("_y")["_v"].agg(["min", "max"])
            ax.hlines(spans.index, spans["min"], spans["max"], color="#bbbbbb", linewidth=3,
                      zorder=1, gid="econnews-spread")
            if {"low", "high"} <= set(shown.columns):
                lo, hi = _floats(shown["low"]), _floats(shown["high"])
                ranged = np.isfinite(lo) & np.isfinite(hi) & (hi > lo)
                if ranged.any():
                    ax.hlines(shown["_y"][ranged], lo[ranged], hi[ranged], color="#555555",
                              linewidth=1.2, zorder=2, gid="econnews-range")
            types = shown[hue].astype("string").fillna("unknown")
            for ctype, grp in shown.groupby(types, sort=False):
                color = CLAIM_COLORS.get(ctype, OTHER_COLOR)
                hollow = ctype == "implied"
                ax.scatter(
                    grp["_v"], grp["_y"], marker=CLAIM_MARKERS.get(ctype, "o"), s=60, zorder=3,
                    facecolors="none" if hollow else color, edgecolors=color,
                    linewidths=1.5 if hollow else 0.6,
                    label="implied base" if hollow else ctype, **kwargs,
                )
            ax.set_yticks(range(len(rows)), labels=[_short(r) for r in rows], parse_math=False)
            ax.set_ylim(len(rows) - 0.5, -0.5)
            _money_axis(ax, "x", shown["_v"].to_numpy(), currency=currency, log=log)
            ax.legend(title=hue.replace("_", " "), loc="upper left", bbox_to_anchor=(1.01, 1.0))
        note = source or f"Source: {_describe_sources(selected)}; figures extracted by econnews."
        if missing:
            note += f" {missing} claim(s) without a {x} not shown."
        _source_note(ax, note)
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
    with report_style():
        if ax is None:
            fig = Figure(figsize=(4.2 * len(panels), 3.9))
            axes = list(fig.subplots(1, len(panels), squeeze=False)[0])
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
        if ax is None:
            fig.suptitle(title or "What the articles quantify", x=0.01, ha="left",
                         fontweight="bold", parse_math=False)
        elif title:
            axes[0].set_title(title, loc="left", parse_math=False)
        n = quantities["doc_id"].nunique() if "doc_id" in quantities else 1
        note = source or (f"Source: {len(quantities)} quantities in {n} article(s); "
                          "extracted by econnews.")
        _source_note(axes[0], note)
    return fig


def _bars(ax: Axes, counts: pd.Series, colors: list[str], **kwargs: Any) -> None:
    labels = [str(i) for i in counts.index]
    ax.barh(labels, counts.to_numpy(dtype=float), color=colors, **kwargs)
    ax.invert_yaxis()
    ax.grid(axis="y", visible=False)
    ax.grid(axis="x", visible=True)
    ax.set_xlabel("Mentions")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
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
    ax.set_xlabel("Amount")
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
    (Type 42), and each file is written to a temporary file in the same folder
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
    fmts = [str(f).lower().lstrip(".") for f in ([formats] if isinstance(formats, str) else formats)]
    bad = [f for f in fmts if f not in EXPORT_METADATA]
    if bad or not fmts:
        raise InputError(f"cannot export format(s) {bad or fmts}; choose from {list(EXPORT_METADATA)}")
    stem = Path(path_stem)
    if stem.suffix.lower().lstrip(".") in EXPORT_METADATA:
        stem = stem.with_suffix("")
    stem.parent.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    import matplotlib as mpl

    for fmt in fmts:
        target = stem.parent / f"{stem.name}.{fmt}"
        meta = dict(EXPORT_METADATA[fmt])
        if metadata and fmt in metadata:
            meta.update(metadata[fmt])
        fd, tmp = tempfile.mkstemp(dir=stem.parent, prefix=f".{stem.name}.", suffix=f".{fmt}.tmp")
        try:
            with os.fdopen(fd, "wb") as fh, mpl.rc_context(REPRODUCIBLE_RC):
                fig.savefig(fh, format=fmt, dpi=dpi, metadata=meta)
                fh.flush()
                os.fsync(fh.fileno())
            os.chmod(tmp, 0o644)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written[fmt] = target
    return written
