"""Griffe extension: econnews' docstrings (reStructuredText-flavoured prose) as Markdown.

The docstrings are written for ``help()`` and doctest: ``:func:`name``` roles, doctest
blocks (``>>>``) in the prose, and ``#:`` comments above module constants. For the site:

- a role becomes inline code (``:func:`~econnews.plot.export``` -> `export`);
- a doctest block becomes a fenced ``pycon`` block (Markdown would read ``>>>`` as a
  quote);
- an rST simple table (``====  ====`` borders) becomes a Markdown table, or a list when
  it has no header row;
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


BORDER = re.compile(r"^=+( +=+)+\s*$")


def _table(lines: list[str]) -> list[str]:
    """An rST simple table (its border lines included) as Markdown lines."""
    starts = [m.start() for m in re.finditer(r"=+", lines[0])]
    borders = [i for i, line in enumerate(lines) if BORDER.match(line)]
    header_end = borders[1] if len(borders) > 2 else None
    rows: list[list[str]] = []
    header: list[str] | None = None
    for i, line in enumerate(lines):
        if BORDER.match(line) or not line.strip():
            continue
        cells = [line[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True)]
        if header_end is not None and i < header_end:
            header = cells
            continue
        if rows and not cells[0]:  # a continuation line
            rows[-1] = [f"{old} {new}".strip() for old, new in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
    rows = [[ROLE.sub(_role, c).replace("|", "\\|") for c in row] for row in rows]
    if header is None:
        return [f"- {row[0]}: " + " ".join(row[1:]) for row in rows]
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
            *("| " + " | ".join(row) + " |" for row in rows)]


def to_markdown(text: str) -> str:
    """Roles to inline code, doctest blocks to fenced ``pycon`` blocks, rST tables to
    Markdown."""
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip()
        if BORDER.match(line):
            j = i + 1
            borders = 1
            while j < len(lines) and borders < 3:
                if BORDER.match(lines[j]):
                    borders += 1
                    if j + 1 >= len(lines) or not lines[j + 1].strip():
                        break
                j += 1
            if out and out[-1].strip():
                out.append("")
            out.extend([*_table(lines[i:j + 1]), ""])
            i = j + 1
            continue
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
