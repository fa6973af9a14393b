"""Notebook pages: each ``notebooks/*.py`` (the py:percent twin) read by jupytext,
executed on the default data, and handed to mkdocs-jupyter as an ``.ipynb``.

Execution is offline: the notebooks read the repository's ``data/`` (``ECONNEWS_DATA``
is unset for the run, so notebook 02 and 04 do not reach for Reuters-21578), and
notebook 03 exports into a temporary folder (``ECONNEWS_EXPORTS``), not into the
repository. Two notebooks run at a time. ``ECONNEWS_DOCS_EXECUTE=0`` skips the
execution (a quicker local build): the pages then say that their outputs are absent.
"""

from __future__ import annotations

import logging
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jupytext
import mkdocs_gen_files
import nbclient
import nbformat

log = logging.getLogger("mkdocs.plugins.econnews.notebooks")
ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
EXECUTE = os.environ.get("ECONNEWS_DOCS_EXECUTE", "1") != "0"


def _note(executed: bool) -> nbformat.NotebookNode:
    text = ("*Rendered from [`notebooks/{name}`]: executed when this site was built, on "
            "the repository's `data/`; the claims browser's widgets need a running kernel "
            "and show here as text.*" if executed else
            "*Rendered from [`notebooks/{name}`] **without executing it** (the site was "
            "built with `ECONNEWS_DOCS_EXECUTE=0`): run it in JupyterLab to see its "
            "outputs.*")
    return nbformat.v4.new_markdown_cell(text)


def _run(path: Path, exports: str) -> nbformat.NotebookNode:
    nb = jupytext.read(path)
    if EXECUTE:
        nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    note = _note(EXECUTE)
    note.source = note.source.replace("[`notebooks/{name}`]", f"`notebooks/{path.name}`")
    nb.cells.insert(1, note)
    return nb


def main() -> None:
    paths = sorted(NOTEBOOKS.glob("[0-9]*.py"))
    saved = {k: os.environ.get(k) for k in ("ECONNEWS_DATA", "ECONNEWS_EXPORTS")}
    exports = tempfile.mkdtemp(prefix="econnews-docs-exports-")
    os.environ.pop("ECONNEWS_DATA", None)
    os.environ["ECONNEWS_EXPORTS"] = exports  # the kernels inherit it
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            notebooks = list(pool.map(lambda p: _run(p, exports), paths))
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    for path, nb in zip(paths, notebooks, strict=True):
        with mkdocs_gen_files.open(f"notebooks/{path.stem}.ipynb", "w") as f:
            nbformat.write(nb, f)


main()
