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


def test_a_relative_econnews_data_is_read_from_where_it_was_set(tmp_path, monkeypatch):
    # README: `export ECONNEWS_DATA=...` in the repository root, then the notebook
    # kernel runs in notebooks/: the relative path must still point at the data
    from econnews import datasets
    from econnews.errors import DatasetError

    root = tmp_path / "repo"
    (root / "notebooks").mkdir(parents=True)
    (tmp_path / "shared" / "corpora").mkdir(parents=True)
    monkeypatch.setenv("ECONNEWS_DATA", "../shared/corpora")
    monkeypatch.setenv("PWD", str(root))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(root / "notebooks")
    dirs = datasets.data_dirs()
    assert dirs[0] == tmp_path / "shared" / "corpora"
    monkeypatch.setenv("ECONNEWS_DATA", "../nowhere")
    with pytest.raises(DatasetError) as err:
        datasets.bbc(download=False)
    message = str(err.value)
    assert str(tmp_path / "nowhere" / "bbc") in message  # every path tried is named
    assert str(root / "nowhere" / "bbc") in message
    assert "absolute path" in message
