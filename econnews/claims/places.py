"""Country and bloc mentions in text: names, demonyms, capitals and seats.

Two sources, merged once and cached:

1. ``econnews/data/places_aliases.csv``, our own table (demonyms, capitals and
   seats used as metonyms, "the U.S.", blocs, historical names with date
   windows, and *blockers* such as "Latin America" that must not be read as
   the USA);
2. the short and official country names bundled with country_converter
   (``country_data.tsv``, read with ``keep_default_na=False`` because Namibia's
   ISO2 code is "NA" and country_converter's own constructor fails on pandas 3).

Matching is case-sensitive on whole words, longest alias first, so
"South Korea" beats "Korea" and "Latin American" beats "American".

>>> [(p.surface, p.code) for p in find_places("Japanese investment in Moscow", date="2019-01-22")]
[('Japanese', 'JPN'), ('Moscow', 'RUS')]
>>> [(p.surface, p.code) for p in find_places("Talks in Moscow", date="1987-03-01")]
[('Moscow', 'SUN')]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from ..common.regex import trie_alternation

#: Columns of ``places_aliases.csv``.
ALIAS_COLUMNS = ["alias", "code", "kind", "valid_from", "valid_to"]
KINDS = {"name", "short", "demonym", "capital", "seat", "bloc", "region", "combining", "blocker"}


@dataclass(frozen=True)
class Place:
    """One place mention: offsets into the text, the words, the code and the alias kind."""

    start: int
    end: int
    surface: str
    code: str
    kind: str


def read_csv_data(name: str) -> pd.DataFrame:
    """Read one of the package's data files (``#`` lines are the header comment block)."""
    with resources.files("econnews").joinpath("data", name).open(encoding="utf-8") as fh:
        return pd.read_csv(fh, comment="#", dtype=str, keep_default_na=False)


@lru_cache(maxsize=1)
def alias_table() -> pd.DataFrame:
    """Our alias table, as read from ``places_aliases.csv`` (all columns strings)."""
    return read_csv_data("places_aliases.csv")


@lru_cache(maxsize=1)
def country_names() -> pd.DataFrame:
    """``alias, code`` pairs from country_converter's bundled country names.

    Names with commas or brackets ("Micronesia, Fed. Sts.", "Soviet Union (former)")
    are not how news text writes them and are left out.
    """
    import country_converter

    path = Path(country_converter.__file__).with_name("country_data.tsv")
    df = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False,
                     usecols=["name_short", "name_official", "ISO3"])
    rows = []
    for col in ("name_short", "name_official"):
        for name, code in zip(df[col], df["ISO3"], strict=True):
            if name and code and not re.search(r"[,()]", name):
                rows.append((name, code))
    return pd.DataFrame(rows, columns=["alias", "code"]).drop_duplicates("alias")


@lru_cache(maxsize=1)
def _entries() -> tuple[dict[str, list[tuple[str, str, str, str]]], re.Pattern[str]]:
    """alias -> [(code, kind, valid_from, valid_to)], and one compiled pattern."""
    table: dict[str, list[tuple[str, str, str, str]]] = {}
    for row in alias_table().itertuples(index=False):
        table.setdefault(row.alias, []).append((row.code, row.kind, row.valid_from, row.valid_to))
    for alias, code in country_names().itertuples(index=False):
        table.setdefault(alias, [(code, "name", "", "")])
    for alias in list(table):  # "Cote d'Ivoire", "Curacao": names written without accents
        table.setdefault(_ascii(alias), table[alias])
    for alias in list(table):
        upper = alias.upper()
        if len(alias) >= 4 and upper != alias and upper not in table:
            table[upper] = table[alias]
    names = sorted(table, key=len, reverse=True)
    alternation = trie_alternation(names)  # the longest name first, as sorted above
    # "the U.S." and "U.S.-Japan": no word character may follow, but a final
    # dot in the alias itself is fine; possessive 's is outside the match. (Inside a word
    # the look-behind fails at once; at a word start the trie's branches open with
    # exact letters, which the engine drops on the first: faster than a look-ahead.)
    pattern = re.compile(rf"(?<![\w.])(?:{alternation})(?![\w])")
    return table, pattern


def _ascii(name: str) -> str:
    """``name`` without its accents: ``_ascii("Côte d'Ivoire") == "Cote d'Ivoire"``."""
    if name.isascii():
        return name
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _pick(options: list[tuple[str, str, str, str]], date: str | None) -> tuple[str, str] | None:
    if date is None:  # undated text: the current (open-ended) reading
        current = [o for o in options if not o[3]]
        code, kind, _, _ = (current or options)[0]
        return code, kind
    for code, kind, lo, hi in options:
        if (lo and date < lo) or (hi and date > hi):
            continue
        return code, kind
    return None


_SPACES = str.maketrans({"\n": " ", "\t": " ", "\r": " "})


@lru_cache(maxsize=64)
def _day(date: object) -> str:
    """``date`` as ``YYYY-MM-DD`` (read once for all the sentences of a story)."""
    return pd.Timestamp(date).strftime("%Y-%m-%d")


def find_places(text: str, *, date: object = None) -> list[Place]:
    """Every country or bloc mention in ``text``, in order.

    ``date`` (anything ``pandas.Timestamp`` reads) selects the historical
    reading of aliases whose meaning changed (Moscow: USSR, then Russia).
    Blocker phrases ("Latin America") are matched and dropped.

    >>> [p.code for p in find_places("the U.S. and the EU")]
    ['USA', 'EU']
    >>> [p.code for p in find_places("Latin American debt")]
    ['LATAM']
    """
    day = None
    if date is not None and not (isinstance(date, float) or pd.isna(date)):
        try:
            day = _day(date)
        except TypeError:  # unhashable: read it here
            day = pd.Timestamp(date).strftime("%Y-%m-%d")
    table, pattern = _entries()
    out = []
    # a name broken over a wire line ("South\nAfrica") is the name: line breaks and tabs
    # read as spaces (same length, so offsets hold)
    for m in pattern.finditer(text.translate(_SPACES) if "\n" in text or "\t" in text else text):
        found = text[m.start():m.end()]
        picked = _pick(table[found if found in table else " ".join(found.split())], day)
        if picked is None or not picked[0]:
            continue
        if picked[1] == "combining" and not text.startswith(("-", "–"), m.end()):
            continue  # "Sino-Indian", never a name standing alone ("Franco said")
        out.append(Place(m.start(), m.end(), found, picked[0], picked[1]))
    return out
