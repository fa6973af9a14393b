"""Generator for ``econnews/data/fx_h10_monthly.csv`` (Federal Reserve H.10 monthly rates).

The file is *derived*, committed, and checked by ``tests/test_fx_h10.py``, which
regenerates it from ``../shared/data/fed-h10/monthly.csv`` (when that folder is
present) and diffs.  Regenerate after the shared copy is refreshed::

    python -m econnews.normalization.h10_gen [path/to/monthly.csv]

Source: Board of Governors of the Federal Reserve System, statistical release H.10 /
G.5A, monthly averages 1971 on, as gathered from FRED by the "exchange-rates" data
package (datasets/exchange-rates); public domain (PDDL 1.0).  Every value is units of
the foreign currency per 1 US dollar.  The country names become the ISO 4217 code of
the currency of the period (:data:`COUNTRY_CODES`); Venezuela is left out (three
redenominations make its series jump).  The output is wide: one row a month
(``month`` = ``YYYY-MM``), one column a currency, values copied as published, empty
where the series has no value.

>>> COUNTRY_CODES["Germany"], COUNTRY_CODES["Euro"]
('DEM', 'EUR')
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

#: H.10 series name -> ISO 4217 code of the currency it quotes (the fed-h10 README).
COUNTRY_CODES = {
    "Australia": "AUD", "Austria": "ATS", "Belgium": "BEF", "Brazil": "BRL", "Canada": "CAD",
    "China": "CNY", "Denmark": "DKK", "Euro": "EUR", "Finland": "FIM", "France": "FRF",
    "Germany": "DEM", "Greece": "GRD", "Hong Kong": "HKD", "India": "INR", "Ireland": "IEP",
    "Italy": "ITL", "Japan": "JPY", "Malaysia": "MYR", "Mexico": "MXN", "Netherlands": "NLG",
    "New Zealand": "NZD", "Norway": "NOK", "Portugal": "PTE", "Singapore": "SGD",
    "South Africa": "ZAR", "South Korea": "KRW", "Spain": "ESP", "Sri Lanka": "LKR",
    "Sweden": "SEK", "Switzerland": "CHF", "Taiwan": "TWD", "Thailand": "THB",
    "United Kingdom": "GBP",
}
#: Series left out, with the reason.
LEFT_OUT = {"Venezuela": "three redenominations (2008, 2018): the series jumps"}

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT.parent / "shared" / "data" / "fed-h10" / "monthly.csv"
TARGET = Path(__file__).resolve().parents[1] / "data" / "fx_h10_monthly.csv"

HEADER = """\
# Federal Reserve H.10 exchange rates: monthly averages, units of currency per 1 USD.
# Source: Board of Governors of the Federal Reserve System, release H.10 / G.5A, via FRED,
# as packaged by datasets/exchange-rates (monthly.csv); public domain (PDDL 1.0).
# Derived by econnews/normalization/h10_gen.py: one row a month (month = YYYY-MM), one
# column a currency (ISO 4217 of the currency of the period); empty = no value published.
# Venezuela left out (redenominations). Do not edit: regenerate.
"""


def generate(source: Path | str = SOURCE) -> str:
    """The text of ``fx_h10_monthly.csv`` built from the H.10 ``monthly.csv`` at ``source``."""
    table: dict[str, dict[str, str]] = {}
    with open(source, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            country = row["Country"].strip()
            if country in LEFT_OUT:
                continue
            code = COUNTRY_CODES.get(country)
            if code is None:
                raise ValueError(f"H.10 series {country!r} has no ISO code in COUNTRY_CODES")
            value = row["Exchange rate"].strip()
            if value:
                table.setdefault(row["Date"][:7], {})[code] = value
    codes = sorted(set(COUNTRY_CODES.values()))
    out = io.StringIO()
    out.write(HEADER)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["month", *codes])
    for month in sorted(table):
        writer.writerow([month, *(table[month].get(c, "") for c in codes)])
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Write the derived file (from ``argv[0]`` or ``../shared``)."""
    args = sys.argv[1:] if argv is None else argv
    source = Path(args[0]) if args else SOURCE
    if not source.exists():
        print(f"H.10 source not found at {source}", file=sys.stderr)
        return 1
    TARGET.write_text(generate(source), encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
