"""Rebuild ``census_trade_by_partner.csv.gz`` from the Census Bureau's ``country.xlsx``.

The raw file is the U.S. Census Bureau's table of U.S. trade in goods by partner
(https://www.census.gov/foreign-trade/balance/country.xlsx: one row per partner and
year, monthly imports ``IJAN..IDEC`` and exports ``EJAN..EDEC`` with the annual totals
``IYR``/``EYR``, in millions of dollars, Census basis, not seasonally adjusted). It is a
U.S. government work in the public domain; it stays out of the repository (1.8 MB) and
this script reads it from a path. The copy the bundled table was built from, its
checksum and the checks made against published figures are in ``README.md``.

Run from the repository root::

    python -m econnews.data.reference.build_census_trade PATH/TO/country.xlsx [--check]

``--check`` rebuilds in memory and exits 1 when the result differs from the bundled file
(the test ``tests/test_check_series.py`` does the same where the raw file is present,
named by ``ECONNEWS_CENSUS_COUNTRY_XLSX`` or found in ``../shared/data/census/``).

>>> sorted(PARTNER_FIXES)[:2]
['Bosnia and Herzegovina', 'Burma']
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import re
import sys
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
OUT = HERE / "census_trade_by_partner.csv.gz"
#: the copy the bundled table was built from (see README.md)
RAW_SHA256 = "4b16c664bfc35e4c3bc3b9f169e372e522dd0cb8a1150669d5a83d672eaf8149"
MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
#: Census aggregates kept, with the code the claims table uses for them
AGGREGATES = {"0003": "EU"}
#: Census names the country_converter regexes do not read (or read wrongly)
PARTNER_FIXES = {
    "Bosnia and Herzegovina": "BIH",
    "Burma": "MMR",
    "Congo, Democratic Republic of the": "COD",
    "Congo, Republic of the": "COG",
    "Korea, South": "KOR",
    "Korea, North": "PRK",
    "Macau": "MAC",
    "Micronesia": "FSM",
    "Niger": "NER",
    "Nigeria": "NGA",
    "Dominica": "DMA",
    "Dominican Republic": "DOM",
    "Guinea": "GIN",
    "Equatorial Guinea": "GNQ",
    "Guinea-Bissau": "GNB",
    "Papua New Guinea": "PNG",
    "Sudan": "SDN",
    "South Sudan": "SSD",
    "West Bank admin. by Israel": "PSE",
    "Gaza Strip admin. by Israel": "PSE",
    "Czechoslovakia": "CSK",
    "Yugoslavia (former)": "YUG",
    "Serbia and Montenegro": "SCG",
    "Kosovo": "XKX",
}
HEADER = """\
# census_trade_by_partner.csv.gz: U.S. trade in goods by partner, Census basis, not seasonally adjusted.
# source: U.S. Census Bureau, Foreign Trade Division
# release: "U.S. Trade in Goods by Country" (country.xlsx), the FT-900 series by partner
# url: https://www.census.gov/foreign-trade/balance/country.xlsx
# basis: goods, Census basis (exports f.a.s. value, general imports customs value), not seasonally adjusted
# vintage: {vintage} (revised series as published with the data for {last}; earlier years as revised since)
# published: {published}
# licence: public domain (U.S. government work)
# raw file sha256: {sha}
# built by: python -m econnews.data.reference.build_census_trade country.xlsx
# columns: partner (ISO 3166 alpha-3, or EU for the Census European Union aggregate),
#          cty_code (Census Schedule C code), period (YYYY: calendar year; YYYY-MM: month),
#          exports (U.S. exports to the partner), imports (U.S. general imports from it),
#          both in millions of U.S. dollars to 0.1 million as Census publishes them.
#          The U.S. balance with the partner is exports - imports.
"""


def _iso_lookup() -> list[tuple[re.Pattern[str], str]]:
    import country_converter

    path = Path(country_converter.__file__).with_name("country_data.tsv")
    df = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, usecols=["regex", "ISO3"])
    return [(re.compile(r, re.IGNORECASE), c) for r, c in zip(df["regex"], df["ISO3"], strict=True)]


def partner_code(name: str, lookup: list[tuple[re.Pattern[str], str]]) -> str | None:
    """ISO alpha-3 of a Census partner name, or None when it names no single country."""
    if name in PARTNER_FIXES:
        return PARTNER_FIXES[name]
    hits = {c for pattern, c in lookup if pattern.search(name)}
    return hits.pop() if len(hits) == 1 else None


def build(raw: Path) -> tuple[bytes, str]:
    """The gzip-free CSV text of the bundled table, and the raw file's SHA-256."""
    data = raw.read_bytes()
    sha = hashlib.sha256(data).hexdigest()
    df = pd.read_excel(io.BytesIO(data), sheet_name="country", dtype={"CTY_CODE": str})
    df["CTY_CODE"] = df["CTY_CODE"].str.zfill(4)
    world = df[df["CTY_CODE"] == "0004"].set_index("year")
    last_year = int(df["year"].max())
    published_months = [m for m in MONTHS if float(world.loc[last_year, f"I{m}"]) != 0.0]
    last = f"{last_year}-{MONTHS.index(published_months[-1]) + 1:02d}"
    lookup = _iso_lookup()
    rows: list[tuple[str, str, str, float, float]] = []
    for rec in df.to_dict("records"):
        code = rec["CTY_CODE"]
        partner = AGGREGATES.get(code) if code < "1000" else partner_code(str(rec["CTYNAME"]), lookup)
        if partner is None:
            continue
        year = int(rec["year"])
        months = MONTHS if year < last_year else published_months
        for i, m in enumerate(months, start=1):
            rows.append((partner, code, f"{year}-{i:02d}", rec[f"E{m}"], rec[f"I{m}"]))
        if year < last_year:
            rows.append((partner, code, str(year), rec["EYR"], rec["IYR"]))
    out = pd.DataFrame(rows, columns=["partner", "cty_code", "period", "exports", "imports"])
    for col in ("exports", "imports"):
        out[col] = out[col].astype(float).round(1)
    # two Census codes for one ISO code (West Bank and Gaza; a country's old and new
    # code in the year it changed): add them up
    out = (out.groupby(["partner", "period"], as_index=False, sort=True)
              .agg({"cty_code": lambda s: "+".join(sorted(set(s))), "exports": "sum",
                    "imports": "sum"}))
    out = out[["partner", "cty_code", "period", "exports", "imports"]]
    published = {"2024-06": "2024-08-06"}.get(last, f"after the data for {last}")
    text = HEADER.format(vintage=f"census_{last}", last=last, published=published, sha=sha)
    text += out.to_csv(index=False, float_format="%.1f", lineterminator="\n")
    return text.encode("utf-8"), sha


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) the bundled table; 0 when all is well."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("raw", type=Path, help="the Census country.xlsx")
    ap.add_argument("--check", action="store_true", help="compare with the bundled file")
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args(argv)
    text, sha = build(args.raw)
    note = "" if sha == RAW_SHA256 else f" (not the copy of README.md: {RAW_SHA256})"
    print(f"raw file sha256 {sha}{note}")
    if args.check:
        same = gzip.decompress(args.output.read_bytes()) == text
        print("the bundled table is what the raw file builds" if same else
              f"{args.output.name} differs from what the raw file builds")
        return 0 if same else 1
    # mtime=0: the same raw file always gives the same bytes
    args.output.write_bytes(gzip.compress(text, mtime=0))
    print(f"wrote {args.output} ({args.output.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
