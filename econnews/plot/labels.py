"""Labels beside points, placed where they overlap nothing, and the points themselves."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from .._style import (
    CLAIM_COLORS,
    CLAIM_MARKERS,
    CONCEPT_COLORS,
    HOLLOW_TYPES,
    OTHER_COLOR,
)
from .base import _claim_keys, _lines, _sources_differ, _texts, _who
from .names import concept_name, row_pair

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
        pairs = [row_pair(f, t, v) for f, t, v in zip(
            frame["party_from"] if "party_from" in frame else [None] * len(frame),
            frame["party_to"] if "party_to" in frame else [None] * len(frame),
            frame["parties"], strict=True)]
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
                  *, fontsize: float = 7.5,
                  taken: list[tuple[float, float, float, float]] | None = None) -> list[int]:
    """Annotate each point with its label where it overlaps no other label or point.

    Tries right-above, right-below, left-above, left-below of the point (left
    first in the right third of the axes) and skips a label that fits nowhere
    inside the axes. Positions are estimated in axes fractions from the axes'
    current limits and the figure size, before the layout is drawn. Returns the
    positions of the labels left out (see :func:`_number_points`). ``taken``: boxes
    (axes fractions) already used, extended with the boxes placed here.
    """
    fig = ax.figure
    trans = ax.transScale + ax.transLimits
    pts = trans.transform(np.column_stack([xs, ys]))
    box = ax.get_position()
    width_pt = fig.get_figwidth() * 72 * box.width * 0.92
    height_pt = fig.get_figheight() * 72 * box.height * 0.92
    char_w, line_h = fontsize * 0.58 / width_pt, fontsize * 1.3 / height_pt
    mark_w, mark_h = 5.0 / width_pt, 5.0 / height_pt
    occupied = taken if taken is not None else []
    occupied.extend((px - mark_w, py - mark_h, px + mark_w, py + mark_h) for px, py in pts)
    skipped: list[int] = []
    order = sorted(range(len(labels)), key=lambda i: (pts[i][0], -pts[i][1]))
    for i in order:
        text = labels[i]
        if not text:
            continue
        px, py = pts[i]
        rows = text.split("\n")
        w, h = max(len(r) for r in rows) * char_w, line_h * len(rows)
        spots = [("left", "bottom"), ("left", "top"), ("right", "bottom"), ("right", "top")]
        if px > 0.66:
            spots = spots[2:] + spots[:2]
        # a short label (a number) may also sit further out
        reach = (1, 2, 3) if len(text) <= 3 else (1,)
        for (ha, va), k in ((spot, k) for k in reach for spot in spots):
            gap_x, gap_y = 6.0 * k / width_pt, 3.0 * k / height_pt
            x0 = px + gap_x if ha == "left" else px - gap_x - w
            y0 = py + gap_y if va == "bottom" else py - gap_y - h
            cand = (x0, y0, x0 + w, y0 + h)
            inside = cand[0] >= -0.01 and cand[2] <= 1.01 and cand[1] >= -0.01 and cand[3] <= 1.01
            if inside and not any(cand[0] < o[2] and o[0] < cand[2] and cand[1] < o[3]
                                  and o[1] < cand[3] for o in occupied):
                occupied.append(cand)
                note = ax.annotate(
                    text, (xs[i], ys[i]), xytext=(6 * k if ha == "left" else -6 * k,
                                                  3 * k if va == "bottom" else -3 * k),
                    textcoords="offset points", ha=ha, va=va, fontsize=fontsize,
                    color="#333333", parse_math=False, annotation_clip=False,
                    gid="econnews-label")
                note.set_in_layout(False)
                break
        else:
            skipped.append(i)
    return sorted(skipped)


def _number_points(ax: Axes, xs: np.ndarray, ys: np.ndarray, labels: list[str | None],
                   which: list[int],
                   placed: list[tuple[float, float, float, float]] | None = None) -> str:
    """Number the points ``which`` (their labels found no room, or there were too many
    to label) and return the list for the source line: "Numbered points: 1 = …; 2 = …".

    Every point with a label is then labelled or listed."""
    which = [i for i in which if labels[i]]
    if not which:
        return ""
    numbers: list[str | None] = [None] * len(labels)
    for n, i in enumerate(which, start=1):
        numbers[i] = str(n)
    taken = [] if placed is None else placed
    left = _place_labels(ax, xs, ys, numbers, fontsize=7.0, taken=taken)
    for i in left:  # no free spot even for a number: beside the marker all the same
        ax.annotate(numbers[i], (xs[i], ys[i]), xytext=(4, 4), textcoords="offset points",
                    fontsize=7.0, color="#333333", gid="econnews-label",
                    annotation_clip=False).set_in_layout(False)
    return "Numbered points: " + "; ".join(
        f"{n} = {' '.join(str(labels[i]).split())}" for n, i in enumerate(which, start=1)) + "."


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
        labels += [f"concept: {concept_name(c)}" for c in names]
        title += " · concept"
    ax.legend(handles, labels, title=title, loc="upper left", bbox_to_anchor=(1.01, 1.0))
