"""The install a user gets (issue 14): slim, complete, and what the README says."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
TEST_TOOLS = {"pytest", "playwright", "ruff", "hypothesis", "nbmake"}


def names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\s\[<>=!~;]", r, maxsplit=1)[0].lower().replace("_", "-")
            for r in requirements}


def expand(extra: str) -> set[str]:
    """Every distribution an extra pulls, self-references (econnews[x]) followed."""
    extras = PYPROJECT["project"]["optional-dependencies"]
    out: set[str] = set()
    for req in extras[extra]:
        m = re.match(r"econnews\[([\w,]+)\]", req)
        if m:
            for inner in m.group(1).split(","):
                out |= expand(inner)
        else:
            out |= names([req])
    return out


def test_the_user_install_holds_no_test_tools():
    core = names(PYPROJECT["project"]["dependencies"])
    assert not core & TEST_TOOLS
    assert not expand("notebooks") & TEST_TOOLS
    assert not expand("xlsx") & TEST_TOOLS


def test_the_html_reader_has_what_it_needs():
    # trafilatura's lxml >= 5.2 lost lxml.html.clean: without this, .html cannot be read
    core = names(PYPROJECT["project"]["dependencies"])
    assert {"trafilatura", "lxml-html-clean"} <= core


def test_dev_holds_what_every_test_needs():
    dev = expand("dev")
    assert dev >= TEST_TOOLS
    assert {"jupyterlab", "ipykernel", "jupytext", "dask", "openpyxl"} <= dev


def test_the_html_reader_imports():
    pytest.importorskip("trafilatura")
    import lxml.html.clean  # noqa: F401  (lxml_html_clean provides it on lxml >= 5.2)


def test_version_matches_the_package_metadata():
    from importlib.metadata import version

    import econnews

    assert econnews.__version__ == PYPROJECT["project"]["version"] == version("econnews")
