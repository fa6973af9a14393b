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
    parts = [f"(?i:{re.escape(w)})" if ic else re.escape(w) for w, ic in allw]
    return "(?:" + "|".join(parts) + ")"


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
    parts = [f"(?i:{re.escape(m.surface)})" if m.any_case else re.escape(m.surface) for m in allm]
    return "(?:" + "|".join(parts) + ")"


@cache
def count_abbreviations() -> dict[str, str]:
    """Counted-thing abbreviations ("WAR", "ppg") -> readable names."""
    return {r["surface"]: r["name"] for r in read_table("counts.csv")}
