"""The report style, as a context manager (never applied at import).

>>> import matplotlib as mpl
>>> with report_style():
...     mpl.rcParams["pdf.fonttype"]
42
>>> mpl.rcParams["axes.titleweight"] == "bold"
False
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path

import matplotlib as mpl
import matplotlib.style

#: rcParams that make exported files identical run after run, keep PDF text as
#: embedded TrueType (Type 42) and SVG text as ``<text>`` an editor can change
#: (Illustrator, Inkscape), whatever style is active.
REPRODUCIBLE_RC: dict[str, object] = {
    "svg.hashsalt": "econnews",
    "svg.fonttype": "none",
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
}

#: One colour per quantity kind, shared by charts and the notebook view.
KIND_COLORS: dict[str, str] = {
    "money": "#1f5a96",
    "percent": "#d1495b",
    "ratio": "#edae49",
    "measure": "#00798c",
    "count": "#66a182",
    "number": "#8d6a9f",
}

#: Marker and colour per claim type.
CLAIM_MARKERS: dict[str, str] = {
    "level": "o",
    "target": "^",
    "forecast": "s",
    "implied": "D",
    "implied base": "D",
    "implied target": "^",
    "change": "v",
    "ratio": "P",
}
CLAIM_COLORS: dict[str, str] = {
    "level": "#1f5a96",
    "target": "#d1495b",
    "forecast": "#edae49",
    "implied": "#00798c",
    "implied base": "#00798c",
    "implied target": "#d1495b",
    "change": "#66a182",
    "ratio": "#8d6a9f",
}
#: Claim types drawn as hollow markers: derived from other claims, not stated.
HOLLOW_TYPES = frozenset({"implied", "implied base", "implied target"})
#: Colours for concepts when one chart mixes them (claim type then goes to the marker).
CONCEPT_COLORS: list[str] = ["#1f5a96", "#d1495b", "#00798c", "#edae49", "#66a182",
                             "#8d6a9f", "#2e4057", "#a0a0a0"]
OTHER_COLOR = "#7f7f7f"


@cache
def style_path() -> Path:
    """Path of the shipped ``report.mplstyle`` file."""
    return Path(str(resources.files("econnews") / "data" / "report.mplstyle"))


@contextmanager
def report_style(**overrides: object) -> Iterator[None]:
    """Apply the econnews report style (plus ``overrides``) inside a ``with`` block.

    The previous rcParams come back on exit, even after an exception.
    """
    with mpl.rc_context():
        matplotlib.style.use(style_path())
        mpl.rcParams.update(REPRODUCIBLE_RC)
        if overrides:
            mpl.rcParams.update(overrides)
        yield
