"""Speed for large lexicon alternations: the characters a pattern can begin with.

A lexicon compiled into one alternation of many phrases is tried at every position of a
sentence. Prefixing it with a look-ahead on the characters its phrases can begin with
lets the engine skip most positions at once; :func:`first_chars` works those characters
out from the pattern itself, so a new lexicon row never needs a hand-kept list.

>>> sorted(first_chars(r"exports?|imports?|trade(?: surplus)?"))
['E', 'I', 'T', 'e', 'i', 't']
>>> first_chars(r"\\w+ trade") is None
True
>>> p = with_first_chars(r"(?:exports?|imports?)", re.IGNORECASE)
>>> p.pattern.startswith("(?=[")
True
"""

from __future__ import annotations

import re
from typing import Any

try:  # Python 3.11+: the regex parser behind ``re``
    from re import _constants as _C  # type: ignore[attr-defined]
    from re import _parser as _P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]

__all__ = ["Lexicon", "first_chars", "with_first_chars"]

_ZERO_WIDTH = {_C.AT, _C.ASSERT, _C.ASSERT_NOT}


def _first(items: list[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """(first characters, nullable) of a parsed sequence; None when unknown."""
    out: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        chars, nullable = _one(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _one(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    if op == _C.LITERAL:
        c = chr(av)
        return {c.lower(), c.upper()}, False
    if op == _C.IN:
        chars: set[str] = set()
        for sub_op, sub_av in av:
            if sub_op == _C.LITERAL:
                chars |= {chr(sub_av).lower(), chr(sub_av).upper()}
            elif sub_op == _C.RANGE and sub_av[1] - sub_av[0] < 128:
                for code in range(sub_av[0], sub_av[1] + 1):
                    chars |= {chr(code).lower(), chr(code).upper()}
            else:  # a category (\w, \d), a negation or a wide range: anything
                return None, False
        return chars, False
    if op == _C.SUBPATTERN:
        return _first(list(av[-1]))
    if op == _C.BRANCH:
        out: set[str] = set()
        nullable = False
        for alt in av[1]:
            chars_alt, null_alt = _first(list(alt))
            if chars_alt is None:
                return None, False
            out |= chars_alt
            nullable = nullable or null_alt
        return out, nullable
    if op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
        lo, _hi, item = av
        chars_rep, null_rep = _first(list(item))
        return chars_rep, (lo == 0 or null_rep)
    return None, False


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters (both cases) a match of ``pattern`` can begin with, or None when any
    character may begin one (a class such as ``\\w``, or a pattern that can match empty)."""
    try:
        parsed = _P.parse(pattern)
    except Exception:  # pragma: no cover - a pattern ``re`` rejects fails elsewhere
        return None
    chars, nullable = _first(list(parsed))
    if chars is None or nullable or not chars:
        return None
    return frozenset(chars)


def with_first_chars(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``pattern`` compiled with a look-ahead on its first characters when they are known
    (the same matches, found faster)."""
    chars = first_chars(pattern)
    if chars is None:
        return re.compile(pattern, flags)
    cls = "".join(re.escape(c) for c in sorted(chars))
    return re.compile(f"(?=[{cls}]){pattern}", flags)


class Lexicon:
    """An ordered alternation of named phrase patterns, matched like one compiled
    ``(?<!guard)(?:(?P<n0>p0)|(?P<n1>p1)|...)(?!guard)`` pattern but tried, at each place a
    phrase can start, only with the phrases that can begin with the character found there.
    ``finditer`` gives the same matches as the single pattern (leftmost, first phrase in
    order, no overlap); ``lastgroup`` names the phrase.

    >>> lex = Lexicon(["trade surplus", "trade", "exports?"], re.IGNORECASE)
    >>> [(m.group(0), m.lastgroup) for m in lex.finditer("Trade rose; exports fell")]
    [('Trade', 'p1'), ('exports', 'p2')]
    """

    def __init__(self, patterns: list[str], flags: int = 0, guard: str = r"[\w-]") -> None:
        self._before, self._after = f"(?<!{guard})", f"(?!{guard})"
        parts = [f"(?P<p{i}>{p})" for i, p in enumerate(patterns)]
        self.pattern = re.compile(self._before + "(?:" + "|".join(parts) + ")" + self._after,
                                  flags)
        firsts = [first_chars(p) for p in patterns]
        self._by_char: dict[str, re.Pattern[str]] | None = None
        if all(f is not None for f in firsts):
            chars = sorted(set().union(*firsts)) if firsts else []  # type: ignore[arg-type]
            self._starts = re.compile(self._before + "[" + "".join(re.escape(c) for c in chars)
                                      + "]", flags)
            self._by_char = {}
            for c in chars:
                mine = [parts[i] for i, f in enumerate(firsts) if f is not None and c in f]
                self._by_char[c] = re.compile(
                    self._before + "(?:" + "|".join(mine) + ")" + self._after, flags)

    def finditer(self, text: str) -> list[re.Match[str]]:
        """Every match in ``text``, left to right."""
        if self._by_char is None:
            return list(self.pattern.finditer(text))
        out: list[re.Match[str]] = []
        end = 0
        for s in self._starts.finditer(text):
            pos = s.start()
            if pos < end:
                continue
            m = self._by_char[text[pos]].match(text, pos)
            if m is not None:
                out.append(m)
                end = m.end()
        return out
