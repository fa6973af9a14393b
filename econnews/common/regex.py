"""Speed for large alternations: the characters a pattern can begin with.

A lexicon compiled into one alternation of many phrases is tried at every position of a
sentence. Prefixing it with a look-ahead on the characters its phrases can begin with
lets the engine skip most positions at once; :func:`first_chars` (and :func:`first_pairs`,
the first two) work those characters out from the pattern itself, so a new lexicon row
never needs a hand-kept list. :func:`with_start_filter` puts such a look-ahead in front of
a pattern, :func:`trie_alternation` writes a list of words as a trie. The phrase lexicon
that picks its phrases by the characters of the text is :class:`~econnews.common.lexicon.Lexicon`.

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
from collections.abc import Callable
from typing import Any

try:  # Python 3.11+: the regex parser behind ``re``
    from re import _constants as _C  # type: ignore[attr-defined]
    from re import _parser as _P  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _C  # type: ignore[no-redef]
    import sre_parse as _P  # type: ignore[no-redef]

__all__ = [
    "first_chars",
    "first_pairs",
    "lazy_patterns",
    "trie_alternation",
    "with_first_chars",
    "with_start_filter",
]

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
    return _chars_of(list(parsed))


def _chars_of(parsed: list[tuple[Any, Any]]) -> frozenset[str] | None:
    chars, nullable = _first(parsed)
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


_ASCII = [chr(i) for i in range(128)]
_CATEGORIES = {_C.CATEGORY_SPACE: r"\s", _C.CATEGORY_DIGIT: r"\d", _C.CATEGORY_WORD: r"\w"}
#: Private-use characters standing for ``\\s``, ``\\d``, ``\\w`` in the heads a start filter
#: writes out (they match non-ASCII characters too, so they are not spelled out there).
_STAND_INS = {"\ue000": r"\s", "\ue001": r"\d", "\ue002": r"\w"}
_STAND_IN_OF = {cat: ch for ch, cat in _STAND_INS.items()}


def _class_chars(av: Any, strict: bool = False) -> set[str] | None:
    """The ASCII characters (lower case) a parsed character class matches; None when it
    is not a plain list of characters, ranges and ``\\s``/``\\d``/``\\w`` (``strict``:
    those three as stand-ins, as they match non-ASCII characters too)."""
    out: set[str] = set()
    for op, a in av:
        if op == _C.LITERAL:
            out.add(chr(a))
        elif op == _C.RANGE and a[1] - a[0] < 128:
            out |= {chr(c) for c in range(a[0], a[1] + 1)}
        elif op == _C.CATEGORY and a in _CATEGORIES:
            if strict:
                out.add(_STAND_IN_OF[_CATEGORIES[a]])
            else:
                out |= {c for c in _ASCII if re.match(_CATEGORIES[a], c)}
        else:
            return None
    return {c.lower() for c in out}


def _escaped(ch: str) -> str:
    return _STAND_INS.get(ch) or re.escape(ch)


def _joined(heads: set[str], tails: set[str], k: int) -> set[str]:
    out = {h for h in heads if len(h) >= k}
    out.update((h + t)[:k] for h in heads if len(h) < k for t in tails)
    return out


def _repeats(one: set[str], lo: int, hi: int, k: int, limit: int) -> set[str] | None:
    """The heads of an item with heads ``one`` repeated ``lo`` to ``hi`` times (past ``k``
    times, more repeats add nothing to the first ``k`` characters)."""
    first, last = (min(lo, k), k) if hi >= k else (lo, hi)
    out: set[str] = set()
    acc = {""}
    for n in range(last + 1):
        if n >= first:
            out |= acc
        if n < last:
            acc = _joined(acc, one, k)
            if len(acc) > limit:
                return None
    return out


def _heads(items: list[tuple[Any, Any]], k: int, limit: int,
           strict: bool = False) -> set[str] | None:
    """The first ``k`` characters (lower case) a match of the parsed sequence can begin
    with, shorter where a match ends sooner; None when unknown or more than ``limit``."""
    out = {""}
    for op, av in items:
        need = k - min(map(len, out))  # the characters still to read, at most
        if need <= 0:
            break
        step: set[str] | None
        if op == _C.AT or op in _ZERO_WIDTH:
            continue
        if op == _C.LITERAL:
            step = {chr(av).lower()}
        elif op == _C.IN:
            step = _class_chars(av, strict)
        elif op == _C.SUBPATTERN:
            step = _heads(list(av[-1]), need, limit, strict)
        elif op == _C.BRANCH:
            alts = [_heads(list(alt), need, limit, strict) for alt in av[1]]
            step = None if any(a is None for a in alts) else set().union(*alts)  # type: ignore[arg-type]
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, getattr(_C, "POSSESSIVE_REPEAT", None)):
            lo, hi, item = av
            one = _heads(list(item), need, limit, strict)
            if one is None:
                return None
            step = _repeats(one, lo, hi, need, limit)
            if step is None:
                return None
        else:
            return None
        if step is None:
            return None
        out = _joined(out, step, k)
        if len(out) > limit:
            return None
    return out


def first_pairs(pattern: str, flags: int = 0, limit: int = 64) -> frozenset[str] | None:
    """The pairs of characters (lower case) a match of ``pattern`` can begin with, or None
    when there are more than ``limit``, when a match can be shorter than two characters,
    or when they cannot be read off the pattern.

    >>> sorted(first_pairs(r"exports?|imports?|trade(?: surplus)?"))
    ['ex', 'im', 'tr']
    >>> first_pairs(r"(?:[a-z]+ )?exports") is None
    True
    """
    try:
        parsed = list(_P.parse(pattern, flags))
    except Exception:  # pragma: no cover - a pattern ``re`` rejects fails elsewhere
        return None
    return _pairs_of(parsed, limit)


def _pairs_of(parsed: list[tuple[Any, Any]], limit: int = 64) -> frozenset[str] | None:
    heads = _heads(parsed, 2, limit)
    if heads is None or any(len(h) < 2 for h in heads):
        return None
    return frozenset(heads)


def _branch_start(items: list[tuple[Any, Any]],
                  k: int) -> tuple[frozenset[str], frozenset[str]] | None:
    """How a match of the parsed sequence ``items`` can start: (its first ``k`` characters,
    lower case, where it opens at a word start; where it opens anywhere); None when that is
    not known."""
    boundary = False
    for n, (op, av) in enumerate(items):
        if op == _C.AT:
            boundary = boundary or av == _C.AT_BOUNDARY
            continue
        if op in _ZERO_WIDTH:
            continue
        if op == _C.SUBPATTERN or op == _C.BRANCH:
            alts = [list(av[-1])] if op == _C.SUBPATTERN else [list(a) for a in av[1]]
            if not boundary and all(_first(a)[0] is not None and not _first(a)[1]
                                    for a in alts):
                parts = [_branch_start(a, k) for a in alts]
                if all(p is not None for p in parts):
                    return (frozenset().union(*(p[0] for p in parts)),  # type: ignore[index]
                            frozenset().union(*(p[1] for p in parts)))  # type: ignore[index]
        heads = None
        for size in range(k, 0, -1):  # as many characters as can be listed, else fewer
            heads = _heads(items[n:], size, 400, strict=True)
            if heads is not None and "" not in heads:
                break
        if heads is None or "" in heads:
            return None
        if boundary and all(h[0].isalnum() or h[0] == "_" for h in heads):
            return frozenset(heads), frozenset()
        return frozenset(), frozenset(heads)
    return None


def _char_class(chars: frozenset[str]) -> str:
    return "[" + "".join(_escaped(c) for c in sorted(chars)) + "]"


def with_start_filter(pattern: str, flags: int = 0, guard: str = "") -> re.Pattern[str]:
    r"""``pattern`` compiled behind a look-ahead that every match meets where it starts: one
    of the characters a match can begin with, in either case; or, when those are many, the
    first four characters (fewer where four are too many to list), at a word start for the
    alternatives that open with ``\b``, the first of them exact (:func:`literal_first`).
    The same matches, found faster: the engine skips most positions at once, and tries the
    whole pattern at fewer. Unchanged when no such look-ahead is known. ``guard``, a
    look-behind every match meets (``pattern`` opens with it: ``(?<![\w-])``), goes first,
    and the look-ahead then tries the first characters: past the guard, the inside of
    words is skipped already.

    >>> p = with_start_filter(r"\b(?:last|next)\s+year\b|(?<!\d)(?:19|20)\d\d", re.IGNORECASE)
    >>> p.pattern.startswith("(?=(?-i:[12LNln]))")
    True
    >>> [m.group(0) for m in p.finditer("Next year, not 1987 or x2001")]
    ['Next year', '1987', '2001']
    """
    try:
        parsed = list(_P.parse(pattern, flags))
    except Exception:  # pragma: no cover - a pattern ``re`` rejects fails below
        return re.compile(pattern, flags)
    if re.match(r"\(\?[aiLmsux]+\)", pattern):  # global flags must open the pattern
        return re.compile(pattern, flags)
    first = parsed[0] if parsed else (None, None)
    if first[0] in (_C.MAX_REPEAT, _C.MIN_REPEAT) and first[1][0] >= 1:
        first = (list(first[1][2]) or [(None, None)])[0]
    if first[0] in (_C.LITERAL, _C.IN):  # the engine skips to a first character or class
        return re.compile(pattern, flags)  # itself, faster than behind a look-ahead
    start = _branch_start(parsed, 4)
    if start is None:
        return re.compile(pattern, flags)
    bounded, free = start

    def heads(found: frozenset[str]) -> str:  # case-blind: a superset of what may follow
        return literal_first(found)

    firsts = {h[0] for h in bounded | free}
    if guard:
        parts = [heads(bounded | free)]
    elif len(firsts) <= 16:  # a class of a few letters skips most places fastest on its own
        parts = [_first_class(firsts)]
    else:  # the first two letters, at a word start where the alternative opens with one
        parts = ([r"\b" + heads(bounded)] if bounded else []) + ([heads(free)] if free else [])
    tail = "\n)" if flags & re.VERBOSE else ")"  # a closing comment line ends before it
    return re.compile(f"{guard}(?={'|'.join(parts)})(?:{pattern}{tail}", flags)


#: The characters other than an ASCII letter's own two cases that match it in a pattern
#: compiled with ``re.IGNORECASE`` (tests/test_common_regex.py checks every code point).
CASE_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _first_class(firsts: set[str]) -> str:
    """A class of the ``firsts`` (lower case) in every case, as exact characters: a
    case-blind class folds the case of each character it tries."""
    if any(not c.isascii() and c.lower() != c.upper() for c in firsts):
        return "(?i:" + _char_class(frozenset(firsts)) + ")"  # another script's cases
    chars = {c for f in firsts for c in ([f, f.upper(), *CASE_FOLDS.get(f, "")]
                                         if f.isascii() and f.isalpha() else [f])}
    return "(?-i:" + _char_class(frozenset(chars)) + ")"


def literal_first(heads: frozenset[str] | set[str]) -> str:
    r"""An alternation matching, case-blind, any of the lower-case ``heads``, written so
    that each alternative opens with one exact character (each case of the head's first
    letter apart, and the other characters that fold to it): the engine drops an
    alternative on its first character without folding case, twice as fast as one
    case-blind alternation in a look-ahead tried at every place of a text.

    >>> p = re.compile("(?=" + literal_first({"th", "fi"}) + ")")
    >>> [m.start() for m in p.finditer("The fit, with")]
    [0, 4, 11]
    """
    by_first: dict[str, set[str]] = {}
    for h in heads:
        by_first.setdefault(h[0], set()).add(h[1:])
    alts = []
    for first in sorted(by_first):
        rests = by_first[first]
        rest = "" if rests == {""} else "(?i:" + trie_alternation(rests) + ")"
        if first.isascii() and first.isalpha():
            cases = [first, first.upper(), *CASE_FOLDS.get(first, "")]
            alts.extend(f"(?-i:{_escaped(c)}){rest}" for c in cases)  # exact, whatever flags
        else:  # a digit, a sign, a class; or a letter of another script, in every case
            alts.append(f"(?{'i' if first.lower() != first.upper() else '-i'}:"
                        f"{_escaped(first)}){rest}")
    return "(?:" + "|".join(alts) + ")"


def trie_alternation(words: list[str] | set[str]) -> str:
    """An alternation of the literal ``words`` written as a trie: the engine follows the
    text down one branch instead of trying every word in turn. At each place it matches the
    longest word that lets the rest of the pattern match, as an alternation of the words
    sorted longest first does.

    >>> p = re.compile(f"(?:{trie_alternation(['US', 'USA', 'UK'])})(?!\\\\w)")
    >>> p.pattern
    '(?:U(?:K|S(?:A)?))(?!\\\\w)'
    >>> [m.group(0) for m in p.finditer("USA, UK and US")]
    ['USA', 'UK', 'US']
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        kids = sorted(ch for ch in node if ch)
        if not kids:
            return ""
        ends = [ch for ch in kids if list(node[ch]) == [""]]  # one class for the last letters
        alts = [_escaped(ch) + emit(node[ch]) for ch in kids if ch not in ends or len(ends) < 2]
        if len(ends) > 1:
            alts.append("[" + "".join(_escaped(ch) for ch in ends) + "]")
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


def lazy_patterns(namespace: dict[str, Any]
                  ) -> tuple[dict[str, Callable[[], re.Pattern[str]]], Callable[[str], Any]]:
    """Patterns a module compiles on first use: the table its builders go in, and the
    module ``__getattr__`` that builds one when ``module.NAME`` is first read and keeps it
    as a global of ``namespace`` (later reads cost nothing more).

    >>> ns = {"__name__": "demo"}
    >>> lazy, getattr_ = lazy_patterns(ns)
    >>> lazy["WORD"] = lambda: re.compile("[a-z]+")
    >>> getattr_("WORD").pattern, "WORD" in ns, "WORD" in lazy
    ('[a-z]+', True, False)
    """
    table: dict[str, Callable[[], re.Pattern[str]]] = {}

    def module_getattr(name: str) -> Any:
        try:
            build = table.pop(name)
        except KeyError:
            raise AttributeError(f"module {namespace['__name__']!r} has no attribute "
                                 f"{name!r}") from None
        value = namespace[name] = build()
        return value

    return table, module_getattr
