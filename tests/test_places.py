"""Places (econnews.claims.places) and the alias table's integrity."""

from __future__ import annotations

import itertools

import pycountry
import pytest

from econnews.claims.places import KINDS, alias_table, country_names, find_places

# (text, date, expected codes in order)
CASES = [
    ("Japanese investment in Russia", "2019-01-22", ["JPN", "RUS"]),
    ("Tokyo and Moscow agreed", "2019-01-22", ["JPN", "RUS"]),
    ("Tokyo and Moscow agreed", "1987-03-01", ["JPN", "SUN"]),
    ("the Kremlin said", "2019-01-22", ["RUS"]),
    ("the Kremlin said", "1987-03-01", ["SUN"]),
    ("Soviet grain imports", "1987-03-01", ["SUN"]),
    ("the U.S. and Washington", None, ["USA", "USA"]),
    ("U.S.-Japan trade", None, ["USA", "JPN"]),
    ("Japan's exports", None, ["JPN"]),
    ("JAPAN TRADE SURPLUS", None, ["JPN"]),
    ("Beijing and Brussels", None, ["CHN", "EU"]),
    ("the European Community and the EC", "1987-03-01", ["EU", "EU"]),
    ("ASEAN and OPEC members", None, ["ASEAN", "OPEC"]),
    ("South Korea, not Korea's north", None, ["KOR", "KOR"]),
    ("Latin American debt", None, ["LATAM"]),  # a region is a party (issue 19)
    ("Sino-Indian trade; Franco said", None, ["CHN", "IND"]),  # a combining form needs its hyphen
    ("the Indo-Pacific and the Middle East", None, ["MIDEAST"]),
    ("North American markets", None, []),
    ("Bonn said", "1987-03-01", ["DEU"]),
    ("Bonn said", "2019-01-01", []),
    ("Namibia and Germany", None, ["NAM", "DEU"]),  # Namibia's ISO2 is "NA"
    ("talks with us and US officials", None, ["USA"]),  # lower-case "us" is no place
]


@pytest.mark.parametrize(("text", "date", "codes"), CASES, ids=[f"{c[0]} ({c[1]})" for c in CASES])
def test_find_places(text: str, date: str | None, codes: list[str]) -> None:
    assert [p.code for p in find_places(text, date=date)] == codes


def test_offsets_point_at_the_words() -> None:
    text = "Trade between Russia and Japan"
    for p in find_places(text):
        assert text[p.start:p.end] == p.surface


def test_undated_text_takes_the_current_reading() -> None:
    assert [p.code for p in find_places("Moscow")] == ["RUS"]


# ---------------------------------------------------------------- data integrity

def _valid_iso3(code: str) -> bool:
    return (pycountry.countries.get(alpha_3=code) is not None
            or pycountry.historic_countries.get(alpha_3=code) is not None)


def test_alias_table_shape() -> None:
    table = alias_table()
    assert list(table.columns) == ["alias", "code", "kind", "valid_from", "valid_to"]
    assert set(table["kind"]) <= KINDS
    assert (table["alias"].str.strip() == table["alias"]).all()
    assert (table["alias"] != "").all()


def test_alias_codes_are_iso3_or_declared_blocs() -> None:
    table = alias_table()
    blocs = set(table.loc[table["kind"].isin(["bloc", "region"]), "code"])
    for row in table.itertuples(index=False):
        if row.kind == "blocker":
            assert row.code == "", row
        elif row.code not in blocs:
            assert _valid_iso3(row.code), row


def test_alias_windows_do_not_overlap() -> None:
    table = alias_table()
    for alias, group in table.groupby("alias"):
        windows = sorted((r.valid_from or "0000", r.valid_to or "9999")
                         for r in group.itertuples(index=False))
        for (_, hi), (lo, _) in itertools.pairwise(windows):
            assert hi < lo, f"{alias}: overlapping date windows {windows}"
        for lo, hi in windows:
            assert lo <= hi, alias


def test_country_converter_names_are_read() -> None:
    names = dict(zip(country_names()["alias"], country_names()["code"], strict=True))
    assert names["Namibia"] == "NAM"
    assert names["Japan"] == "JPN"
    assert all(_valid_iso3(c) or c in {"XKX", "BA1", "CHI", "EAT", "EAZ", "ANT"}
               for c in names.values())
