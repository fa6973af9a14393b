"""A lexicon of phrase patterns matched like one alternation, each phrase tried only where
the text's first characters let it begin (the concept words of the claims stage).

>>> lex = Lexicon(["trade surplus", "trade", "exports?"], re.IGNORECASE)
>>> [(m.group(0), m.lastgroup) for m in lex.finditer("Trade rose; exports fell")]
[('Trade', 'p1'), ('exports', 'p2')]
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Any

from .regex import _C, _P, _chars_of, _heads, _pairs_of, trie_alternation

__all__ = ["Lexicon"]

Words = frozenset[str]
#: What a text must hold for a phrase to match in it: any one of several lists, each of
#: sets of words (lower case) of which the text holds one word from every set.
Conditions = list[list[Words]]


def _required(items: list[tuple[Any, Any]]) -> Conditions | None:
    """What a match of the parsed sequence always holds (:data:`Conditions`): its words
    of three letters or more, and for an alternation its alternatives'; None when nothing
    is known."""
    if len(items) == 1 and items[0][0] == _C.BRANCH:
        alts = [_required(list(alt)) for alt in items[0][1][1]]
        return None if any(a is None for a in alts) else [c for a in alts for c in a]  # type: ignore[union-attr]
    found: list[Words] = []
    run = ""
    for op, av in [*items, (None, None)]:
        if op == _C.LITERAL:
            run += chr(av).lower()
            continue
        if len(run) >= 3:
            found.append(frozenset({run}))
        run = ""
        sub: Conditions | None = None
        if op == _C.SUBPATTERN or op == _C.BRANCH:
            sub = _required(list(av[-1]) if op == _C.SUBPATTERN else [(op, av)])
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT) and av[0] >= 1:
            sub = _required(list(av[2]))
        if sub and len(sub) == 1:
            found.extend(sub[0])
        elif sub and all(sub):  # one of the alternatives: a word of each one's first set
            found.append(frozenset().union(*(c[0] for c in sub)))
    return [found] if found else None


def _order(m: re.Match[str]) -> int:
    """The place in the lexicon of the phrase ``m`` matched (its group is ``p<place>``)."""
    return int(m.lastgroup[1:])  # type: ignore[index]


def _longest_heads(parsed: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The first five letters a phrase can begin with (fewer candidates to try than four),
    or four where five are too many to list."""
    five = _heads(parsed, 5, 1000)
    return five if five is not None and "" not in five else _heads(parsed, 4, 400)


def _holds(low: str, conditions: Conditions) -> bool:
    return any(all(any(w in low for w in words) for words in c) for c in conditions)


class Lexicon:
    """An ordered alternation of named phrase patterns, matched like one compiled
    ``(?<!guard)(?:(?P<n0>p0)|(?P<n1>p1)|...)(?!guard)`` pattern but tried, at each place a
    phrase can start, only with the phrases that can begin with the two characters found
    there (or, where those are not known, with the first).  ``finditer`` gives the same
    matches as the single pattern (leftmost, first phrase in order, no overlap);
    ``lastgroup`` names the phrase.  The patterns for each pair of characters are compiled
    when the text first shows it.

    >>> lex = Lexicon(["trade surplus", "trade", "exports?"], re.IGNORECASE)
    >>> [(m.group(0), m.lastgroup) for m in lex.finditer("Trade rose; exports fell")]
    [('Trade', 'p1'), ('exports', 'p2')]
    """

    def __init__(self, patterns: list[str], flags: int = 0, guard: str = r"[\w-]") -> None:
        self._before, self._after, self._flags = f"(?<!{guard})", f"(?!{guard})", flags
        self._parts = [f"(?P<p{i}>{p})" for i, p in enumerate(patterns)]
        parsed = [list(_P.parse(p, flags)) for p in patterns]
        self._firsts = [_chars_of(p) for p in parsed]
        self._pairs = [_pairs_of(p) for p in parsed]
        self._by_key: dict[str, re.Pattern[str] | None] = {}  # two characters of text -> pattern
        self._compiled: dict[tuple[int, ...], re.Pattern[str]] = {}
        self._starts: re.Pattern[str] | None = None
        if all(f is not None for f in self._firsts):
            chars = sorted(set().union(*self._firsts)) if patterns else []  # type: ignore[arg-type]
            self._starts = re.compile(self._before + "[" + "".join(re.escape(c) for c in chars)
                                      + "]", flags)
        self._gated: set[int] = set()  # phrases looked for only behind the gate
        self._gate, self._narrow = self._narrowing(parsed, flags)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The single pattern the lexicon matches like (compiled when first asked for)."""
        return re.compile(self._wrap(range(len(self._parts))), self._flags)

    def _narrowing(self, patterns: list[list[tuple[Any, Any]]], flags: int
                   ) -> tuple[Conditions, re.Pattern[str] | None]:
        """Phrases that can begin with almost anything ("(?:[a-z]+ )?export earnings") are
        only looked for in a text that holds their words (the gate: "export" and one of
        "earnings", "receipts", ...); the other phrases begin with one of a few thousand
        runs of five (or four) letters, which one scan finds. (None when a phrase has neither.)"""
        gate: Conditions = []
        heads: set[str] = set()
        for i, parsed in enumerate(patterns):
            first = None if self._pairs[i] is None else _longest_heads(parsed)
            if first is not None and "" not in first:
                heads |= first
                continue
            needs = _required(parsed)
            if needs is None:
                return [], None
            gate.extend(needs)
            self._gated.add(i)
        if not heads:
            return gate, None
        # run over the text in lower case (ASCII only: there lower() is case folding),
        # which a case-sensitive pattern scans twice as fast
        return gate, re.compile(self._before + "(?=" + trie_alternation(heads) + ")",
                                flags & ~re.IGNORECASE)

    def _wrap(self, members: Any) -> str:
        return self._before + "(?:" + "|".join(self._parts[i] for i in members) + ")" + self._after

    def _key_pattern(self, key: str) -> re.Pattern[str] | None:
        """The pattern of the phrases that can begin with ``key`` (two characters of text),
        less the gated ones (:attr:`gated` holds those)."""
        if not key[0].isascii():  # a case-folded letter ("K", the kelvin sign): all phrases
            pat: re.Pattern[str] | None = self.pattern
        else:
            low = key.lower()
            two = len(key) == 2 and key.isascii()
            members = tuple(i for i, (f, p) in enumerate(zip(self._firsts, self._pairs,
                                                              strict=True))
                            if (low in p if two and p is not None else key[0] in f)  # type: ignore[operator]
                            and i not in self._gated)
            pat = self._compiled.get(members) if members else None
            if members and pat is None:
                pat = self._compiled[members] = re.compile(self._wrap(members), self._flags)
        self._by_key[key] = pat
        return pat

    @cached_property
    def gated(self) -> re.Pattern[str] | None:
        """The pattern of the gated phrases, tried besides the key's in a text that holds
        their words (None when there are none)."""
        members = sorted(self._gated)
        return re.compile(self._wrap(members), self._flags) if members else None

    def prepare(self) -> None:
        """Compile now every pattern :meth:`finditer` would compile when a text first shows
        its pair of characters (before worker processes are forked, so that they inherit
        them)."""
        pairs = set().union(*(p for p in self._pairs if p is not None))
        firsts = set().union(*(f for f in self._firsts if f is not None))
        keys = [*pairs, *firsts, *(c + "\x00" for c in firsts)]  # a pair no phrase begins
        for key in keys:
            self._key_pattern(key)
        _ = self.gated

    def finditer(self, text: str) -> list[re.Match[str]]:
        """Every match in ``text``, left to right."""
        if self._starts is None:
            return list(self.pattern.finditer(text))
        starts, scanned, gated = self._starts, text, self.gated
        if self._narrow is not None and text.isascii():  # (case folds are ASCII's own)
            low = text.lower()
            if not _holds(low, self._gate):
                starts, scanned, gated = self._narrow, low, None
        by_key = self._by_key
        out: list[re.Match[str]] = []
        end = 0
        for s in starts.finditer(scanned):
            pos = s.start()
            if pos < end:
                continue
            key = text[pos:pos + 2]
            pat = by_key[key] if key in by_key else self._key_pattern(key)
            m = None if pat is None else pat.match(text, pos)
            if gated is not None and key[0].isascii():  # (else pat holds every phrase)
                # the phrase first in order wins, as in the single alternation
                g = gated.match(text, pos)
                if g is not None and (m is None or _order(g) < _order(m)):
                    m = g
            if m is not None:
                out.append(m)
                end = m.end()
        return out
