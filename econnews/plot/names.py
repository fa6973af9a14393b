"""The words charts use: one name for a concept, one for a pair of parties, everywhere.

A concept is written as words ("GDP", "trade deficit", "FDI"), never as its code
capitalised ("Gdp"). A pair of parties is named by its countries' short names: in
alphabetical order with an en dash when the claims give no direction ("Japan–Russia
trade"), with an arrow where every claim has the same one ("Japan → Russia exports",
"United States → China trade deficit": the deficit of the first with the second).
Titles, legends, labels, captions and file names all come from here, so one series
never has two names.

>>> concept_name("gdp"), concept_name("trade_deficit"), concept_name("fdi", start=True)
('GDP', 'trade deficit', 'FDI')
>>> pair_name(["RUS", "JPN"]), pair_name(["USA", "CHN"], directed=True)
('Japan–Russia', 'United States → China')
>>> series_name("exports", ["JPN", "RUS"], directed=True)
'Japan → Russia exports'
>>> series_slug("trade_deficit", ["USA", "CHN"], directed=True)
'trade-deficit_usa-to-chn'
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

__all__ = ["concept_name", "direction", "pair_name", "party_name", "series_name",
           "series_slug"]

#: Concepts whose code is not simply its words.
CONCEPT_WORDS: dict[str, str] = {
    "gdp": "GDP", "fdi": "FDI", "sanctions_cost": "cost of sanctions",
    "current_account": "current account", "balance_of_payments": "balance of payments",
    "exchange_rate": "exchange rate", "company_sales": "company sales",
    "company_exports": "company exports", "company_profit": "company profit",
    "trade_surplus": "trade surplus", "trade_deficit": "trade deficit",
}
#: Parties whose country_converter short name is not the one news uses.
PARTY_WORDS: dict[str, str] = {
    "USA": "United States", "GBR": "United Kingdom", "RUS": "Russia", "KOR": "South Korea",
    "PRK": "North Korea", "EU": "EU", "ASEAN": "ASEAN", "CHN": "China", "IRN": "Iran",
    "VNM": "Vietnam", "TWN": "Taiwan", "SYR": "Syria", "VEN": "Venezuela", "LAO": "Laos",
}


def concept_name(concept: object, *, start: bool = False) -> str:
    """A concept in words; ``start=True`` capitalises it for the head of a title.

    >>> concept_name("trade", start=True), concept_name(None)
    ('Trade', 'claims')
    """
    if concept is None or (isinstance(concept, float) and math.isnan(concept)) \
            or concept is pd.NA:
        return "claims"
    code = str(concept)
    words = CONCEPT_WORDS.get(code.lower(), code.replace("_", " "))
    if start and words[:1].islower():
        words = words[:1].upper() + words[1:]
    return words


@lru_cache(maxsize=1)
def _short_names() -> dict[str, str]:
    import country_converter

    path = Path(country_converter.__file__).with_name("country_data.tsv")
    table = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False,
                        usecols=["name_short", "ISO3"])
    return {code: name for name, code in zip(table["name_short"], table["ISO3"], strict=True)
            if code and name}


def party_name(code: str) -> str:
    """A party code as news names it: ``JPN`` → ``Japan``, ``EU`` → ``EU``.

    >>> party_name("JPN"), party_name("RUS"), party_name("XYZ")
    ('Japan', 'Russia', 'XYZ')
    """
    code = str(code).strip().upper()
    return PARTY_WORDS.get(code) or _short_names().get(code) or code


def _codes(value: object) -> list[str]:
    """Party codes in a cell ('JPN,RUS', 'JPN RUS', a list), in the order written."""
    if isinstance(value, (list, tuple, set, np.ndarray)):
        items = [str(v).upper() for v in value]
    elif value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        items = []
    else:
        items = re.findall(r"[A-Z]{2,}", str(value).upper())
    return list(dict.fromkeys(items))


def pair_name(codes: Iterable[str] | str, *, directed: bool = False) -> str:
    """The parties in words: ``Japan–Russia`` (alphabetical), or with ``directed=True``
    ``United States → China`` in the order given (from, to).

    >>> pair_name("JPN,RUS"), pair_name(["GBR"]), pair_name([])
    ('Japan–Russia', 'United Kingdom', '')
    """
    names = [party_name(c) for c in _codes(codes)]
    if directed and len(names) == 2:
        return " → ".join(names)
    return "–".join(sorted(names))


def direction(frame: pd.DataFrame) -> list[str] | None:
    """``[from, to]`` when every row of ``frame`` has the same two, else None.

    >>> direction(pd.DataFrame({"party_from": ["USA", "USA"], "party_to": ["CHN", "CHN"]}))
    ['USA', 'CHN']
    >>> direction(pd.DataFrame({"party_from": ["USA", None], "party_to": ["CHN", "CHN"]})) is None
    True
    """
    if not len(frame) or "party_from" not in frame or "party_to" not in frame:
        return None
    pairs = {(f, t) for f, t in zip(frame["party_from"], frame["party_to"], strict=True)}
    if len(pairs) != 1:
        return None
    frm, to = next(iter(pairs))
    if not (isinstance(frm, str) and isinstance(to, str) and frm and to):
        return None
    return [frm, to]


def row_pair(row_from: object, row_to: object, parties: object) -> str:
    """One row's pair: directed when the row has both sides, else its parties.

    >>> row_pair("JPN", "RUS", "JPN,RUS"), row_pair(None, None, "RUS,JPN")
    ('Japan → Russia', 'Japan–Russia')
    """
    if isinstance(row_from, str) and isinstance(row_to, str) and row_from and row_to:
        return pair_name([row_from, row_to], directed=True)
    return pair_name(parties)


def series_name(concept: object, codes: Iterable[str] | str, *, directed: bool = False,
                start: bool = True) -> str:
    """A series in words: the pair, then the concept ("Japan–Russia trade").

    >>> series_name("gdp", "JPN,RUS"), series_name("trade", [])
    ('Japan–Russia GDP', 'Trade')
    """
    pair = pair_name(codes, directed=directed)
    if not pair:
        return concept_name(concept, start=start)
    return f"{pair} {concept_name(concept)}"


def series_slug(concept: object, codes: Iterable[str] | str, *, directed: bool = False) -> str:
    """A file name part for a series, from the same pieces: ``trade_jpn-rus``,
    ``exports_jpn-to-rus``.

    >>> series_slug("trade", "RUS,JPN"), series_slug("loans", ["IND"])
    ('trade_jpn-rus', 'loans_ind')
    """
    codes = _codes(codes)
    pair = "-to-".join(codes) if directed and len(codes) == 2 else "-".join(sorted(codes))
    concept_part = str(concept).lower().replace("_", "-") if concept is not None else "claims"
    return "_".join(p for p in (concept_part, pair.lower()) if p)
