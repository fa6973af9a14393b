"""Reproducible files from a chart: :func:`export`, :func:`chart_title`, :func:`is_blank`."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from matplotlib.figure import Figure

from .._style import (
    report_style,
)
from ..common.files import atomic_write
from ..errors import InputError

EXPORT_METADATA: dict[str, dict[str, Any]] = {
    "png": {"Software": "econnews"},
    "svg": {"Date": None},
    "pdf": {"CreationDate": None, "ModDate": None},
}
"""File formats :func:`export` writes, with the metadata that keeps bytes stable.

>>> sorted(EXPORT_METADATA)
['pdf', 'png', 'svg']
"""


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
    >>> from econnews.plot import claims_timeline
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
