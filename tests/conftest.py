"""Shared test fixtures (generic: other test modules may add theirs here)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import matplotlib
import pytest

# Headless plotting everywhere, set before any pyplot import.
matplotlib.use("Agg", force=True)

REPO = Path(__file__).resolve().parents[1]
# Tests run against the checkout even when econnews is not pip-installed.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def shared_dir() -> Path:
    """The third-party data folder: $ECONNEWS_SHARED, else ../shared beside the repo."""
    return Path(os.environ.get("ECONNEWS_SHARED", REPO.parent / "shared"))


@pytest.fixture
def shared() -> Path:
    """Path of ../shared; skips the test with a clear message when it is absent."""
    path = shared_dir()
    if not path.is_dir():
        pytest.skip(f"third-party data folder {path} is absent (set ECONNEWS_SHARED)")
    return path


@pytest.fixture(autouse=True)
def _close_figures():
    """Close every pyplot figure a test opened, pass or fail."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


@pytest.fixture
def repo() -> Path:
    """Root of the checkout (data/, notebooks/, econnews/)."""
    return REPO


# ---------------------------------------------- charts legible in a printed report


def _drawn_texts(fig) -> list[tuple[str, object]]:
    """(text, window extent) of every text the figure draws (tick labels in view only)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    hidden = set()
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            lo, hi = sorted(axis.get_view_interval())
            span = (hi - lo) * 1e-9
            for tick in axis.get_major_ticks():
                if not lo - span <= tick.get_loc() <= hi + span:
                    hidden.add(id(tick.label1))  # a tick outside the axis is not drawn
    return [(t.get_text(), t.get_window_extent(renderer)) for t in fig.findobj(Text)
            if t.get_visible() and t.get_text().strip() and id(t) not in hidden]


def _assert_legible(fig) -> None:
    """Everything drawn lies inside the figure and no two texts overlap."""
    texts = _drawn_texts(fig)
    w, h = fig.get_figwidth(), fig.get_figheight()
    tight = fig.get_tightbbox()
    assert tight.x0 >= -0.01 and tight.y0 >= -0.01 and tight.x1 <= w + 0.01 \
        and tight.y1 <= h + 0.01, f"cut off at the figure's edge: {tight} in {w}x{h}in"
    clashes = [(a, b) for i, (a, ba) in enumerate(texts) for b, bb in texts[i + 1:]
               if ba.overlaps(bb) and ba.intersection(ba, bb).width > 1
               and ba.intersection(ba, bb).height > 1]
    assert not clashes, f"overlapping texts: {clashes}"


@pytest.fixture
def drawn_texts():
    """``drawn_texts(fig)``: (text, window extent) of every text the figure draws."""
    return _drawn_texts


@pytest.fixture
def assert_legible():
    """``assert_legible(fig)``: no text cut off at the figure's edge, none on another."""
    return _assert_legible
