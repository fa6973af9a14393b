"""Griffe extension: econnews' docstrings (reStructuredText-flavoured prose) as Markdown.

The docstrings are written for ``help()`` and doctest: ``:func:`name``` roles, doctest
blocks (``>>>``) in the prose, and ``#:`` comments above module constants. For the site:

- a role becomes inline code (``:func:`~econnews.plot.export``` -> `export`);
- a doctest block becomes a fenced ``pycon`` block (Markdown would read ``>>>`` as a
  quote);
- a constant without a docstring takes the ``#:`` comment lines above it.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

ROLE = re.compile(r":(?:py:)?(?:func|mod|class|data|attr|meth|exc|obj|const):`~?([^`]+)`")


def _role(match: re.Match[str]) -> str:
    text = match.group(0)
    target = match.group(1)
    if "`~" in text:
        target = target.rsplit(".", 1)[-1]
    return f"`{target}`"


def to_markdown(text: str) -> str:
    """Roles to inline code and doctest blocks to fenced ``pycon`` blocks."""
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip()
        if stripped.startswith(">>>"):
            indent = line[: len(line) - len(stripped)]
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i][len(indent):] if lines[i].startswith(indent)
                             else lines[i].lstrip())
                i += 1
            if out and out[-1].strip():
                out.append("")
            out.extend([f"{indent}```pycon", *(f"{indent}{b}" for b in block),
                        f"{indent}```", ""])
            continue
        out.append(ROLE.sub(_role, line))
        i += 1
    return "\n".join(out).rstrip() + "\n"


class RstToMarkdown(griffe.Extension):
    """Rewrite every docstring of the loaded package once it is loaded."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        self._walk(pkg, set())

    # griffe < 2 calls this one
    def on_package_loaded(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        self._walk(pkg, set())

    def _walk(self, obj: griffe.Object, seen: set[str]) -> None:
        if obj.path in seen:
            return
        seen.add(obj.path)
        if obj.is_attribute and obj.docstring is None:
            comment = _comment_above(obj)
            if comment:
                obj.docstring = griffe.Docstring(comment, parent=obj)
        if obj.docstring is not None and not getattr(obj.docstring, "_econnews_md", False):
            obj.docstring.value = to_markdown(obj.docstring.value)
            obj.docstring._econnews_md = True  # type: ignore[attr-defined]
        for member in obj.members.values():
            if not member.is_alias:
                self._walk(member, seen)


def _comment_above(obj: griffe.Object) -> str | None:
    """The ``#:`` comment lines just above an attribute's first line, joined."""
    try:
        lines = obj.lines_collection[obj.filepath]
    except (KeyError, AttributeError, griffe.BuiltinModuleError):
        return None
    if not obj.lineno:
        return None
    found: list[str] = []
    n = obj.lineno - 2  # 0-based index of the line above
    while n >= 0 and lines[n].lstrip().startswith("#:"):
        found.insert(0, lines[n].lstrip()[2:].strip())
        n -= 1
    return " ".join(found) or None
