"""The official series econnews ships: U.S. trade in goods by partner, Census basis.

``census_trade_by_partner.csv.gz`` (built by ``econnews/data/reference/
build_census_trade.py`` from the Census Bureau's ``country.xlsx``; provenance and checks
in that folder's README) holds, per partner and period (a month or a calendar year,
1985 on), U.S. exports to the partner and general imports from it. :func:`census_trade`
turns it into reference rows (:data:`econnews.schema.REFERENCE`): ``exports`` USA→partner,
``imports`` partner→USA, the U.S. ``trade_deficit`` or ``trade_surplus`` with the
partner, and total ``trade`` (exports plus imports, no direction).

>>> ref = census_trade()
>>> row = ref[(ref["concept"] == "trade_deficit") & (ref["party_to"] == "CHN")
...           & (ref["period"] == "2010")].iloc[0]
>>> round(float(row["value"]) / 1e9, 2), row["vintage"]
(273.04, 'census_2024-06')
"""

from __future__ import annotations

import gzip
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd

from .. import schema

__all__ = ["census_meta", "census_monthly", "census_trade"]

FILE = "census_trade_by_partner.csv.gz"


def _text() -> str:
    path = resources.files("econnews").joinpath("data", "reference", FILE)
    with resources.as_file(path) as p:
        return gzip.decompress(Path(p).read_bytes()).decode("utf-8")


@cache
def census_meta() -> dict[str, str]:
    """The file header's ``key: value`` lines (source, release, url, basis, vintage …).

    >>> census_meta()["url"]
    'https://www.census.gov/foreign-trade/balance/country.xlsx'
    """
    meta: dict[str, str] = {}
    for line in _text().splitlines():
        if not line.startswith("#"):
            break
        if line.startswith("#  "):  # a continuation line
            continue
        key, sep, value = line[1:].strip().partition(": ")
        if sep and key != "columns":
            meta[key.strip()] = value.strip()
    meta["vintage"] = meta.get("vintage", "").split(" ", 1)[0]
    return meta


@cache
def census_monthly() -> pd.DataFrame:
    """The bundled series as read: ``partner, cty_code, period, exports, imports`` in
    millions of dollars.

    >>> t = census_monthly()
    >>> float(t[(t["partner"] == "JPN") & (t["period"] == "1987")]["exports"].iloc[0]) > 0
    True
    """
    from io import StringIO

    return pd.read_csv(StringIO(_text()), comment="#", dtype={"partner": str, "cty_code": str,
                                                             "period": str})


@cache
def _census_trade() -> pd.DataFrame:
    meta = census_meta()
    t = census_monthly()
    t = t[(t["exports"] != 0) | (t["imports"] != 0)]
    p, period = t["partner"].to_numpy(), t["period"].to_numpy()
    ex, im = t["exports"].to_numpy() * 1e6, t["imports"].to_numpy() * 1e6
    bal = ex - im
    n = len(t)

    def block(concept, frm, to, values):
        return pd.DataFrame({"concept": concept, "party_from": frm, "party_to": to,
                             "period": period, "value": values})

    us = ["USA"] * n
    frames = [
        block("exports", us, p, ex),
        block("imports", p, us, im),
        block(pd.Series(bal < 0).map({True: "trade_deficit", False: "trade_surplus"}).to_numpy(),
              us, p, abs(bal)),
        block("trade", [None] * n, [None] * n, ex + im),
    ]
    out = pd.concat(frames, ignore_index=True)
    directed = out["party_from"].notna()
    out["parties"] = (out["party_from"].where(directed, "") + "," + out["party_to"].where(directed, ""))
    both = pd.Series([",".join(sorted(("USA", c))) for c in p])
    out.loc[~directed, "parties"] = both.to_numpy()
    out["unit"] = "USD"
    basis = meta.get("basis", "goods, Census basis, not seasonally adjusted")
    out["basis"] = basis
    out["source"] = meta.get("source", "U.S. Census Bureau")
    out["release"] = meta.get("release")
    out["url"] = meta.get("url")
    out["licence"] = meta.get("licence")
    out["source_kind"] = "official"
    out["note"] = f"{FILE}, built from the Census country.xlsx (sha256 {meta.get('raw file sha256', '?')[:12]}…)"
    out["vintage"] = meta.get("vintage")
    out["published"] = meta.get("published")
    return schema.coerce(out, schema.REFERENCE)


def census_trade() -> pd.DataFrame:
    """The bundled Census series as reference rows (a new table each call).

    >>> len(census_trade()) > 300_000
    True
    """
    return _census_trade().copy()
