"""Loading the lexicons in ``econnews/data`` (read once, cached) and turning them into regexes.

Each data file is a CSV whose leading ``#`` lines document its columns and sources.

>>> scales()["bn"].multiplier
1000000000.0
>>> currency_codes()["EUR"]
'EUR'
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of ``econnews/data/<name>`` as dicts, skipping the ``#`` header comments."""
    raw = resources.files("econnews").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in raw.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(csv.DictReader(io.StringIO("\n".join(lines))))


def alternation(words: list[str], *, any_case: bool = False) -> str:
    """A regex alternation of ``words``, longest first, each escaped.

    >>> alternation(["bn", "billion", "b"])
    '(?:billion|bn|b)'
    """
    body = "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    return f"(?i:{body})" if any_case else f"(?:{body})"


#: The non-ASCII characters a case-insensitive pattern takes for an ASCII letter.
_FOLDS = {"i": "İı", "k": "\u212a", "s": "ſ"}


def _plain(items: list[tuple[str, bool]]) -> str:
    return "(?:" + "|".join(f"(?i:{re.escape(w)})" if ic else re.escape(w) for w, ic in items) + ")"


def grouped_alternation(items: list[tuple[str, bool]], *, after_head: str = "") -> str:
    r"""The alternation of ``items`` (word, any case?), tried in the order given, written
    so that the regex engine enters only the words that can begin at a position: those
    with one first letter are grouped behind one character test (the engine checks an
    alternative's first character in C only when it is a plain character or class,
    never a case-insensitive one, and then tries the alternatives one by one). It
    matches exactly what the plain alternation matches: alternatives of different
    groups can never begin at the same character, and a group keeps its words in order.
    ``after_head`` (a one-character lookbehind test, ``(?<!...).``) follows each
    group's first character; with it, words of non-ASCII first letters are not allowed.

    >>> grouped_alternation([("dlrs", True), ("DM", False), ("$", False)])
    '(?:[Dd](?:(?i:lrs)|(?<=D)M)|\\$)'
    """
    groups: dict[str, tuple[set[str], list[tuple[str, str, bool]]]] = {}
    rest: list[tuple[str, bool]] = []
    for word, any_case in items:
        c = word[:1]
        if not c or not c.isascii():
            if c in "İıſ\u212a" or after_head:
                return _plain(items)  # it folds to an ASCII letter: no groups
            rest.append((word, any_case))  # kept whole, in order, in a group of their own
            continue
        cased = any_case and c.isalpha()
        chars, alts = groups.setdefault(c.lower(), (set(), []))
        chars.update({c.lower(), c.upper(), *_FOLDS.get(c.lower(), "")} if cased else {c})
        alts.append((c, re.escape(word[1:]), cased))
    parts = []
    for chars, alts in _split_exact(groups.values()):
        head = (re.escape(next(iter(chars))) if len(chars) == 1
                else "[" + "".join(re.escape(c) for c in sorted(chars)) + "]") + after_head
        tails = []
        for c, tail, cased in alts:
            if cased:  # the head takes exactly what a case-insensitive first letter takes
                tails.append(f"(?i:{tail})" if tail else "")
            else:  # one character of the head's: looked at again where it has more
                tails.append(tail if len(chars) == 1 else f"(?<={re.escape(c)}){tail}")
        parts.append(head if tails == [""] else head + "(?:" + "|".join(tails) + ")")
    if rest:
        parts.append(_plain(rest))
    return "(?:" + "|".join(parts) + ")"


def _split_exact(groups):
    """A group of exact words only, split by its words' first characters (each group's
    head then a plain character: a pattern of such heads is found by a fast scan)."""
    for chars, alts in groups:
        if any(cased for _, _, cased in alts) or len(chars) == 1:
            yield chars, alts
            continue
        for c in dict.fromkeys(c for c, _, _ in alts):
            yield {c}, [a for a in alts if a[0] == c]


@dataclass(frozen=True)
class Currency:
    surface: str
    iso: str
    where: str
    any_case: bool
    tier: int


@cache
def currencies() -> tuple[Currency, ...]:
    return tuple(
        Currency(r["surface"], r["iso"], r["where"], r["case"] == "any", int(r["tier"]))
        for r in read_table("currencies.csv")
    )


@cache
def currency_codes() -> dict[str, str]:
    """ISO codes the lexicon knows, mapped to themselves."""
    codes = {c.iso: c.iso for c in currencies() if not c.iso.startswith("@")}
    codes.update({r["iso"]: r["iso"] for r in read_table("currency_context.csv")})
    return codes


@cache
def currency_tier(where: str) -> dict[str, int]:
    """surface (lower-cased where matching ignores case) -> tier."""
    out: dict[str, int] = {}
    for c in currencies():
        if c.where in (where, "both"):
            out[c.surface.lower() if c.any_case else c.surface] = c.tier
    return out


@cache
def dateline_currencies() -> dict[str, str]:
    """dateline city (lower case) -> the ISO code of its local dollar."""
    return {r["city"].lower(): r["iso"] for r in read_table("dateline_currencies.csv")}


@cache
def currency_context() -> dict[str, tuple[dict[str, str], str | None]]:
    """family -> ({place word: ISO code}, default code or None)."""
    out: dict[str, tuple[dict[str, str], str | None]] = {}
    for r in read_table("currency_context.csv"):
        cues, default = out.get(r["family"], ({}, None))
        if r["cue"] == "*":
            default = r["iso"]
        else:
            cues[r["cue"]] = r["iso"]
        out[r["family"]] = (cues, default)
    return out


@cache
def currency_lookup(where: str) -> dict[str, str]:
    """surface (lower-cased where matching ignores case) -> ISO code, for prefixes or suffixes."""
    out: dict[str, str] = {}
    for c in currencies():
        if c.where in (where, "both"):
            out[c.surface.lower() if c.any_case else c.surface] = c.iso
    return out


def currency_regex(where: str) -> str:
    exact = [c.surface for c in currencies() if c.where in (where, "both") and not c.any_case]
    loose = [c.surface for c in currencies() if c.where in (where, "both") and c.any_case]
    allw = sorted(
        [(w, False) for w in exact] + [(w, True) for w in loose], key=lambda p: (-len(p[0]), p[0])
    )
    return grouped_alternation(allw)


@dataclass(frozen=True)
class Scale:
    word: str
    multiplier: float
    attach: str


@cache
def scales() -> dict[str, Scale]:
    return {
        r["word"]: Scale(r["word"], float(r["multiplier"]), r["attach"])
        for r in read_table("scales.csv")
    }


@cache
def number_words() -> dict[str, tuple[float, str]]:
    return {r["word"]: (float(r["value"]), r["role"]) for r in read_table("number_words.csv")}


@cache
def cues(field: str, where: str) -> dict[str, str]:
    """phrase (lower case) -> value, for one field (bound/change) and position."""
    return {
        r["phrase"].lower(): r["value"]
        for r in read_table("cues.csv")
        if r["field"] == field and r["where"] == where
    }


@cache
def ratio_words() -> dict[str, tuple[float, str | None]]:
    return {
        r["word"].lower(): (float(r["value"]), r["change"] or None)
        for r in read_table("ratios.csv")
    }


@dataclass(frozen=True)
class Measure:
    surface: str
    name: str
    pint: str
    any_case: bool


@cache
def measures() -> tuple[Measure, ...]:
    return tuple(
        Measure(r["surface"], r["name"], r["pint"], r["case"] == "any")
        for r in read_table("measures.csv")
    )


@cache
def measure_lookup() -> dict[str, Measure]:
    out: dict[str, Measure] = {}
    for m in measures():
        out[m.surface.lower() if m.any_case else m.surface] = m
    return out


def measure_regex() -> str:
    allm = sorted(measures(), key=lambda m: (-len(m.surface), m.surface))
    return grouped_alternation([(m.surface, m.any_case) for m in allm])


@cache
def count_abbreviations() -> dict[str, str]:
    """Counted-thing abbreviations ("WAR", "ppg") -> readable names."""
    return {r["surface"]: r["name"] for r in read_table("counts.csv")}
