"""The package shows the pipeline (issue 10): one subpackage per stage, each saying what
it takes and returns; few top-level modules; no long functions; no import cycle at
module level; one public name, one thing."""

from __future__ import annotations

import ast
import importlib
import inspect
import subprocess
import sys
from pathlib import Path

import pytest

import econnews as en

PACKAGE = Path(en.__file__).resolve().parent
STAGES = {
    "load": "load_articles",
    "extraction": "extract",
    "normalization": "normalize",
    "claims": "find_claims",
    "factcheck": "check",
}
MAX_FUNCTION_LINES = 120
MAX_TOP_LEVEL_MODULES = 16


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_each_stage_is_a_subpackage_that_exports_its_function(stage):
    package = importlib.import_module(f"econnews.{stage}")
    assert Path(package.__file__).name == "__init__.py", f"econnews.{stage} is no folder"
    assert STAGES[stage] in package.__all__
    function = getattr(package, STAGES[stage])
    # the package's function is the one the top level exports
    assert function is getattr(en, STAGES[stage])
    doc = inspect.getdoc(package) or ""
    assert "in;" in doc and "out" in doc, f"econnews.{stage} does not say what it takes and gives"
    assert ">>>" in doc


def test_few_top_level_modules():
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top


def test_no_function_is_over_120_lines():
    long = []
    for name, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long.append(f"{name}.{node.name}: {length} lines")
    assert not long, long


def _module_level_imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The econnews modules ``name`` imports when it is executed (not inside functions)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    is_package = path.name == "__init__.py"
    package = name if is_package else name.rsplit(".", 1)[0]
    found: set[str] = set()
    for node in tree.body:  # module level only (and not under `if TYPE_CHECKING`)
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if not target.startswith("econnews"):
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in known else target)
    found.discard(name)
    return {m for m in found if m in known}


def test_no_import_cycle_at_module_level():
    modules = _modules()
    graph = {n: _module_level_imports(n, p, set(modules)) for n, p in modules.items()}
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> None:
        state[n] = 1
        stack.append(n)
        for m in sorted(graph[n]):
            if state.get(m) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*stack[stack.index(m):], m]))
            if m not in state:
                visit(m)
        stack.pop()
        state[n] = 2

    for n in sorted(graph):
        if n not in state:
            visit(n)


def test_dir_shows_only_the_public_api():
    names = set(dir(en))
    assert names == {*en.__all__, "__version__"}
    for leaked in ("Any", "annotations", "importlib", "accessor", "extraction"):
        assert leaked not in names


@pytest.mark.parametrize("name", ["extract", "normalize", "load_articles", "find_claims",
                                  "extract_corpus", "show", "to_pint", "deflate"])
def test_no_public_name_is_both_a_module_and_a_function(name):
    # importing every module first must not turn a public function into a module
    code = (
        "import importlib, pkgutil, econnews as en\n"
        "for m in pkgutil.walk_packages(en.__path__, 'econnews.'):\n"
        "    if m.name != 'econnews.dask':\n"
        "        importlib.import_module(m.name)\n"
        f"import inspect; print(inspect.isfunction(en.{name}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=PACKAGE.parent, check=False)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip() == "True"
    assert not (PACKAGE / f"{name}.py").exists() and not (PACKAGE / name).is_dir()


def test_one_sentence_splitter():
    """Extract, claims and display read sentences through econnews.common.sentences only."""
    offenders = []
    for name, path in _modules().items():
        if name == "econnews.common.sentences":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and "sentence" in node.name and (
                "split" in node.name or "spans" in node.name
            ):
                offenders.append(f"{name}.{node.name}")
    assert not offenders, offenders


WIRE = (
    "TOKYO, March 3 - Japan's trade surplus with the U.S. rose to 5.3 billion dlrs in\n"
    "February from 4.2 billion in January, the Finance Ministry said. Exports to the\n"
    "U.S. grew 12 pct.\n"
    "    Imports from the U.S. fell 3.1 pct to 1.9 billion dlrs.\n\n"
    "Mr. Tanaka of Marubeni Corp. said investment in Russia was 2.2 billion dlrs."
)


def test_a_quantity_and_its_claim_share_one_sentence_span():
    claims = en.find_claims({"id": "w", "date": "1987-03-03", "text": WIRE})
    quantities = en.extract(WIRE)
    assert len(claims) >= 3
    for claim in claims.dropna(subset=["start"]).itertuples():
        q = quantities[quantities["start"] == claim.start].iloc[0]
        assert claim.sentence == q["sentence"] == WIRE[q["sent_start"]:q["sent_end"]]
