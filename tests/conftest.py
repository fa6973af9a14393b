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
