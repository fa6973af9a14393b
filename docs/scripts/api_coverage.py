"""Which public names the API reference must show, and whether it shows them.

The public names are those of ``econnews.__all__`` and of each stage subpackage's
``__all__`` (``STAGES``). The reference pages (``docs/api/*.md``) show an object with a
mkdocstrings directive, ``::: dotted.path``; a public name is covered when some
directive's target is the same object at run time. Used by the build (``hooks.py``:
a gap is a warning, which ``mkdocs build --strict`` turns into a failure) and by
``tests/test_docs_site.py``.
"""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path
from typing import Any

#: Modules whose ``__all__`` is the public API the reference must cover.
STAGES = [
    "econnews",
    "econnews.load",
    "econnews.extraction",
    "econnews.normalization",
    "econnews.claims",
    "econnews.factcheck",
    "econnews.common",
    "econnews.plot",
]

DIRECTIVE = re.compile(r"^:::\s+([\w.]+)\s*$", re.MULTILINE)


def public_names() -> list[tuple[str, str]]:
    """(module, name) for every name of every ``STAGES`` module's ``__all__``."""
    out = []
    for module_name in STAGES:
        module = importlib.import_module(module_name)
        out.extend((module_name, name) for name in module.__all__)
    return out


def resolve(dotted: str) -> Any:
    """The object a dotted path names: the longest importable module, then attributes."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise ImportError(dotted)


def directives(api_dir: Path) -> dict[str, str]:
    """Every ``::: target`` of the reference pages: target -> page file name."""
    found: dict[str, str] = {}
    for page in sorted(api_dir.glob("*.md")):
        for target in DIRECTIVE.findall(page.read_text(encoding="utf-8")):
            found.setdefault(target, page.name)
    return found


def missing(api_dir: Path) -> list[str]:
    """Public names (``module.name``) that no directive of the reference pages shows."""
    shown = {id(resolve(t)) for t in directives(api_dir)}
    return [f"{m}.{n}" for m, n in public_names()
            if id(getattr(importlib.import_module(m), n)) not in shown]


def attribute_docstrings() -> dict[tuple[str, str], str | None]:
    """The docstring griffe reads for each public constant (not module, class or callable)."""
    import griffe

    loaded = griffe.load("econnews", resolve_aliases=False, allow_inspection=False)
    out: dict[tuple[str, str], str | None] = {}
    for module_name, name in public_names():
        obj = getattr(importlib.import_module(module_name), name)
        if inspect.ismodule(obj) or inspect.isclass(obj) or callable(obj):
            continue
        node = loaded[module_name.removeprefix("econnews").lstrip(".") or ()] \
            if module_name != "econnews" else loaded
        member = node[name]
        while member.is_alias:
            member = member.target
        out[(module_name, name)] = member.docstring.value if member.docstring else None
    return out


def docstring_problems() -> list[str]:
    """Public names without a docstring, or whose docstring has no example (``>>>``)."""
    problems = []
    constants = attribute_docstrings()
    for module_name, name in public_names():
        obj = getattr(importlib.import_module(module_name), name)
        doc = constants[(module_name, name)] if (module_name, name) in constants \
            else inspect.getdoc(obj)
        if not doc:
            problems.append(f"{module_name}.{name} has no docstring")
        elif ">>>" not in doc:
            problems.append(f"{module_name}.{name}'s docstring has no example (>>>)")
    return problems
