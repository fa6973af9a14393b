"""The spread of claims on one figure: :func:`compare_claims`."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

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
    _codes,
    _column_words,
    _concept_words,
    _date_words,
    _describe_sources,
    _empty,
    _figure,
    _floats,
    _in_unit,
    _lines,
    _select,
    _set_title,
    _source_note,
    _sources_differ,
    _texts,
    _title_for,
    _value_axis,
    _value_column,
    _who,
)
from .format import format_amount, plural, unit_label
from .labels import _draw_points
from .names import row_pair
from .timeline import _implied_rows


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
    pairs = [row_pair(f, t, v) for f, t, v in zip(
        frame["party_from"] if "party_from" in frame else [None] * n,
        frame["party_to"] if "party_to" in frame else [None] * n,
        frame["parties"], strict=True)] if "parties" in frame else [""] * n
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
    implied: bool = False,
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
    range claims (``low``/``high`` columns) draw their own bar; implied rows (only
    with ``implied=True``, each labelled "implied base $20bn") are
    hollow markers on the row of the claims they come from, named by the
    ``implies`` column: an *implied base* ($30bn as a 1.5× target implies $20bn
    now) or an *implied target* ($20bn now and a 50% rise aim at $30bn). Claims without a
    value, or in another unit, are counted in the source line.

    >>> import pandas as pd
    >>> c = pd.DataFrame({"doc_id": ["a", "a", "b"], "speaker": ["Putin", None, None],
    ...                   "source": ["Kyodo", "Kyodo", "TASS"], "value_usd": [3e10, 2e10, 1.8e10],
    ...                   "claim_type": ["target", "implied", "level"]})
    >>> fig = compare_claims(c, title="Russia–Japan trade", implied=True)
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Putin', 'TASS']
    """
    x = _value_column(x, unit)
    schema.require(claims, [x, hue], stage="compare_claims")
    if y is not None:
        schema.require(claims, [y], stage="compare_claims")
    selected = _select(claims, concept=concept, parties=parties)
    selected, other_units = _in_unit(selected, unit)
    selected, derived = _implied_rows(selected, implied)
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
            _label_implied(ax, shown, axis_unit)
            ax.set_yticks(range(len(rows)), labels=[wrapped[r] for r in rows], parse_math=False)
            ax.set_ylim(len(rows) - 0.5, -0.5)
            _value_axis(ax, "x", shown["_v"].to_numpy(), unit=axis_unit, log=log)
        note = source or f"Source: {_describe_sources(selected)}; figures extracted by econnews."
        if not shown.empty and joined:
            note += " Grey bars join claims on the same concept, parties and period."
        if derived:
            note += f" {plural(derived, 'implied figure')} (derived, not stated) not drawn."
        if missing:
            note += f" {plural(missing, 'claim')} without a {_column_words(x)} not shown."
        if other_units:
            note += f" {plural(other_units, 'claim')} in other units than " \
                    f"{unit_label(axis_unit)} not shown."
        _source_note(ax, note, owned=owned)
    return fig


def _label_implied(ax: Axes, shown: pd.DataFrame, unit: str) -> None:
    """Each implied marker named under it: "implied base $20bn"."""
    if "claim_type" not in shown:
        return
    keys = _claim_keys(shown, "claim_type")
    for key, ctype, xv, yv in zip(keys, _texts(shown["claim_type"]), shown["_v"], shown["_y"],
                                  strict=True):
        if ctype == "implied":
            ax.annotate(f"{key} {format_amount(float(xv), unit)}", (xv, yv), xytext=(0, -9),
                        textcoords="offset points", ha="center", va="top", fontsize=7,
                        color="#333333", parse_math=False, gid="econnews-label",
                        annotation_clip=False).set_in_layout(False)
