"""Shared helpers for the benchmarks: where third-party data lives, and quantulum3 set up
the way econnews uses it (classifier off)."""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """``../shared`` beside the repository (or ``$ECONNEWS_SHARED``)."""
    return Path(os.environ.get("ECONNEWS_SHARED", ROOT.parent / "shared"))


def need(path: Path) -> Path:
    """Exit cleanly, with a message, when third-party data is absent."""
    if not path.exists():
        print(f"skipped: {path} is absent (third-party data lives in ../shared; see DESIGN.md)")
        sys.exit(0)
    return path


def quantulum_parser():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import quantulum3.classifier as clf

        clf.USE_CLF = False
        from quantulum3 import parser

    return parser
