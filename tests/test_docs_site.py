"""The documentation site covers the public API (issue 23).

Every name of ``econnews.__all__`` and of each stage's ``__all__`` is on a page of the
API reference (``docs/api/*.md``, a ``::: dotted.path`` directive whose target is that
object) with a docstring holding an example; the examples of public constants, which
live in attribute docstrings that ``--doctest-modules`` cannot see, run here; every
directive resolves; the gallery draws every chart function. The strict build itself is
CI's docs step (``mkdocs build --strict``), which checks the same through
``docs/scripts/hooks.py``.

Skipped, with the install to make, where the docs tools (``.[docs]``) are absent: the
docstring checks read the docstrings as the site's generator (griffe) reads them.
"""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"

pytestmark = pytest.mark.skipif(
    any(importlib.util.find_spec(m) is None for m in ("mkdocs", "mkdocstrings", "griffe")),
    reason="the docs tools are not installed: pip install -e '.[docs]' (mkdocs, "
           "mkdocstrings[python])",
)


@pytest.fixture(scope="module")
def coverage():
    sys.path.insert(0, str(DOCS / "scripts"))
    try:
        import api_coverage
    finally:
        sys.path.remove(str(DOCS / "scripts"))
    return api_coverage


def test_every_public_name_is_on_an_api_reference_page(coverage):
    missing = coverage.missing(DOCS / "api")
    assert not missing, f"not in the API reference (docs/api/*.md, '::: name'): {missing}"
    assert len(coverage.public_names()) > 50


def test_every_api_directive_resolves(coverage):
    for target, page in coverage.directives(DOCS / "api").items():
        try:
            coverage.resolve(target)
        except (ImportError, AttributeError) as exc:
            pytest.fail(f"docs/api/{page}: '::: {target}' names nothing ({exc})")


def test_every_public_name_has_a_docstring_with_an_example(coverage):
    assert coverage.docstring_problems() == []


def test_the_examples_of_public_constants_run(coverage):
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    parser = doctest.DocTestParser()
    docs = coverage.attribute_docstrings()
    assert docs, "no public constant found"
    for (module_name, name), text in docs.items():
        module = importlib.import_module(module_name)
        test = parser.get_doctest(text or "", dict(vars(module)), f"{module_name}.{name}",
                                  module.__file__, 0)
        assert test.examples, f"{module_name}.{name}: no example"
        result = runner.run(test)
        assert result.failed == 0, f"{module_name}.{name}: an example fails"


def test_the_gallery_draws_every_chart_function():
    from econnews import plot

    source = (DOCS / "scripts" / "gen_gallery.py").read_text(encoding="utf-8")
    drawn = set(re.findall(r"plot\.(\w+)\(", source))
    modules = re.search(r"CHART_MODULES = \(([^)]*)\)", source).group(1)
    charts = [n for n in plot.__all__ if callable(getattr(plot, n))
              and getattr(plot, n).__module__.rsplit(".", 1)[-1] in modules]
    assert len(charts) >= 4
    assert set(charts) <= drawn, f"chart functions without a gallery entry: {set(charts) - drawn}"


def test_the_readme_says_how_to_build_the_docs():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "pip install -e '.[docs]' && mkdocs build --strict" in readme
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "mkdocs build --strict" in ci and ".[docs]" in ci
