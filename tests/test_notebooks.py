"""Every notebook executes headless, is committed without outputs, and matches its twin."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
jupytext = pytest.importorskip("jupytext")

REPO = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))
IDS = [p.stem for p in NOTEBOOKS]


def test_there_are_the_four_notebooks():
    assert IDS == ["01_quickstart", "02_trade_and_investment_claims", "03_report_export",
                   "04_fact_check"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_committed_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    dirty = [i for i, cell in enumerate(nb["cells"]) if cell["cell_type"] == "code"
             and (cell.get("outputs") or cell.get("execution_count") is not None)]
    assert not dirty, f"{path.name}: cells {dirty} carry outputs; strip them before committing"
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_paired_with_py_percent_twin(path):
    twin = path.with_suffix(".py")
    assert twin.is_file(), f"{twin.name} missing: run jupytext --sync {path}"
    ipynb = jupytext.read(path)
    py = jupytext.read(twin)
    cells = [(c.cell_type, c.source.strip()) for c in ipynb.cells]
    assert cells == [(c.cell_type, c.source.strip()) for c in py.cells], (
        f"{path.name} and {twin.name} differ: run jupytext --sync notebooks/*.ipynb")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_states_its_question_first(path):
    first = jupytext.read(path).cells[0]
    assert first.cell_type == "markdown" and "**Question.**" in first.source


# Issue 15: two dollar signs in one markdown cell render as math in JupyterLab ("$30
# billion … $ 2.2 billion" became run-together italics), and an escaped one is not safe
# in every renderer: the notebooks write amounts in words.


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_markdown_has_no_dollar_signs(path):
    for cell in jupytext.read(path).cells:
        if cell.cell_type == "markdown":
            text = re.sub(r"`[^`]*`", "", cell.source)  # code spans are not math
            assert "$" not in text, (f"{path.name}: a '$' in markdown renders as math in "
                                     f"JupyterLab; write the amount in words: {text[:120]!r}")


def execute(path: Path, tmp_path: Path, env: dict[str, str]) -> nbformat.NotebookNode:
    """Run ``path`` in a python3 kernel (this interpreter), from a copy beside data/."""
    nb = nbformat.read(path, as_version=4)
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        client = nbclient.NotebookClient(
            nb, kernel_name="python3", timeout=600,
            resources={"metadata": {"path": str(path.parent)}})
        client.execute()
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    nbformat.write(nb, tmp_path / path.name)  # executed copy; the committed file stays clean
    return nb


def outputs(nb, output_type: str) -> list[dict]:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
            if o["output_type"] == output_type]


def check_clean(nb) -> None:
    errors = outputs(nb, "error")
    assert not errors, [f"{e['ename']}: {e['evalue']}" for e in errors]
    stderr = [o["text"] for o in outputs(nb, "stream") if o["name"] == "stderr"]
    assert not stderr, stderr  # warnings or text progress bars leaking to stderr
    images = [o for kind in ("display_data", "execute_result") for o in outputs(nb, kind)
              if "image/png" in o.get("data", {})]
    assert images, "no chart was drawn"
    # issue 15: every chart carries alt text (nbconvert and screen readers read it)
    alts = [o.get("metadata", {}).get("image/png", {}).get("alt") for o in images]
    assert all(alts), f"{sum(not a for a in alts)} image(s) without alt text"


def kernel_env() -> dict[str, str]:
    """The kernel imports econnews from this checkout, pip-installed or not."""
    path = os.environ.get("PYTHONPATH")
    return {"PYTHONPATH": os.pathsep.join(p for p in (str(REPO), path) if p),
            "MPLBACKEND": "module://matplotlib_inline.backend_inline"}


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_executes_on_repository_data(path, tmp_path, monkeypatch):
    monkeypatch.delenv("ECONNEWS_DATA", raising=False)
    scratch = tmp_path / "tmp"  # the kernel's temporary folder: empty again after the run
    scratch.mkdir()
    exports = tmp_path / "exports"  # notebook 03 keeps its files (issue 22), here not in notebooks/
    nb = execute(path, tmp_path, {**kernel_env(), "TMPDIR": str(scratch),
                                  "ECONNEWS_EXPORTS": str(exports)})
    check_clean(nb)
    assert json.loads(path.read_text(encoding="utf-8"))["cells"][1]["outputs"] == []
    left = sorted(p.name for p in scratch.iterdir())
    assert not left, f"{path.name} left temporary files behind: {left}"
    printed = "".join(o.get("text", "") for o in outputs(nb, "stream"))
    if path.stem == "03_report_export":  # it claims byte-identical exports only when true
        assert "byte-identical: {'png': True, 'svg': True, 'pdf': True}" in printed, printed
        assert "PDF has a title: True · embedded TrueType: True" in printed, printed
        assert f"files in {exports}" in printed and (exports / "report" / "index.html").is_file()


@pytest.mark.slow
def test_exported_notebook_html_has_alt_text_on_every_image(tmp_path, monkeypatch):
    """nbconvert warns "Alternative text is missing" for an image without alt text."""
    from nbconvert import HTMLExporter

    monkeypatch.delenv("ECONNEWS_DATA", raising=False)
    nb = execute(REPO / "notebooks" / "01_quickstart.ipynb", tmp_path, kernel_env())
    html, _ = HTMLExporter().from_notebook_node(nb)
    assert "No description has been provided for this image" not in html
    assert 'alt="Chart: Russia–Japan: trade and investment claims in one article.' in html


@pytest.mark.slow
@pytest.mark.shared
def test_trade_notebook_executes_on_reuters(shared, tmp_path):
    corpora = shared / "corpora"
    if not (corpora / "reuters21578").is_dir():
        pytest.skip(f"{corpora / 'reuters21578'} is absent")
    path = REPO / "notebooks" / "02_trade_and_investment_claims.ipynb"
    nb = execute(path, tmp_path, {**kernel_env(), "ECONNEWS_DATA": str(corpora)})
    check_clean(nb)
    printed = "".join(o["text"] for o in outputs(nb, "stream"))
    assert "1987" in printed  # the articles' date range


def run_in_process(path: Path) -> dict:
    """Execute the notebook's py:percent twin here, from notebooks/, and return its names."""
    twin = path.with_suffix(".py")
    code = "\n\n".join(c.source for c in jupytext.read(twin).cells if c.cell_type == "code")
    code = re.sub(r"(?m)^%", "# %", code)  # IPython magics (%matplotlib inline)
    names: dict = {"__name__": "__notebook__"}
    exec(compile(code, str(twin), "exec"), names)
    return names


def drawn_points(fig) -> int:
    from matplotlib.collections import PathCollection

    return sum(len(c.get_offsets()) for ax in fig.axes for c in ax.collections
               if isinstance(c, PathCollection))


def says_empty(fig) -> bool:
    from matplotlib.text import Text

    return any(t.get_gid() == "econnews-empty" for t in fig.findobj(Text))


@pytest.mark.shared
def test_trade_notebook_charts_each_reuters_story(shared, monkeypatch):
    """Issue 6: on Reuters-21578, notebook 02 charts Japan's surplus, US–Japan trade and
    Soviet–Japanese trade, each with real points (the Soviet–Japanese chart once came out
    empty: its claims never carry the parties JPN,SUN)."""
    corpora = shared / "corpora"
    if not (corpora / "reuters21578").is_dir():
        pytest.skip(f"{corpora / 'reuters21578'} is absent")
    monkeypatch.setenv("ECONNEWS_DATA", str(corpora))
    monkeypatch.chdir(REPO / "notebooks")
    names = run_in_process(REPO / "notebooks" / "02_trade_and_investment_claims.ipynb")
    assert names["REUTERS"] is True
    stories = {
        "timeline": ("Japan's trade surplus", 20),
        "compared": ("US–Japan trade", 10),
        "third": ("Soviet–Japanese trade", 3),
    }
    for name, (title, at_least) in stories.items():
        fig = names[name]
        assert title in fig.axes[0].get_title("left"), name
        assert not says_empty(fig), f"{name}: {title} chart is empty"
        assert drawn_points(fig) >= at_least, f"{name}: {title}: {drawn_points(fig)} points"
    rows = [t.get_text() for t in names["third"].axes[0].get_yticklabels()]
    assert len(rows) == 2 and "Imports" in rows[0] and "Exports" in rows[1], rows  # coal, pipes
    assert set(names["story_claims"]["doc_id"]) == {"reuters21578-2982", "reuters21578-13279"}
