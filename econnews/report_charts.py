"""Which charts a report draws, named one way everywhere (titles, captions, file names).

Claims are grouped by concept, parties and, where the claims give one, direction:
"Japan → Russia exports" and "United Kingdom → EU exports" are series of their own,
"Japan–Russia trade" has no direction. Every name comes from
:mod:`econnews.plot.names`, so a series has one name in its title, its caption and its
file name (``exports_jpn-to-rus_by-year.png``).

>>> c = pd.DataFrame({"concept": ["exports", "trade"], "parties": ["JPN,RUS", "RUS,JPN"],
...                   "party_from": ["JPN", None], "party_to": ["RUS", None],
...                   "value_usd": [6e9, 2e10], "doc_id": ["a", "b"],
...                   "date": pd.to_datetime(["2021-01-20", "2019-01-22"])})
>>> claim_groups(c)["series"].tolist()
['Japan → Russia exports', 'Japan–Russia trade']
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd

from .plot import claims_timeline, compare_claims, plural, quantities_overview
from .plot.names import pair_name, series_name, series_slug

__all__ = ["MAX_GROUP_CHARTS", "YEAR_COLUMN", "charts", "claim_groups", "factcheck_charts",
           "plan"]

#: At most this many claim groups get a timeline; the others get a line saying so.
MAX_GROUP_CHARTS = 12
#: The x column of a chart by the year each figure refers to.
YEAR_COLUMN = "year_referred_to"

Chart = tuple[str, str, Callable[[], Any]]


def _pair_codes(value: object) -> tuple[str, ...]:
    """The parties cell as a sorted tuple of codes ('' or NA: none)."""
    if not isinstance(value, str) or not value.strip():
        return ()
    return tuple(sorted({v.strip().upper() for v in value.split(",") if v.strip()}))


def _directions(claims: pd.DataFrame) -> list[str]:
    """Per row: ``"JPN,RUS"`` (from, to) when the claim has both sides, else ``""``."""
    if "party_from" not in claims or "party_to" not in claims:
        return [""] * len(claims)
    return [f"{f},{t}" if isinstance(f, str) and isinstance(t, str) and f and t else ""
            for f, t in zip(claims["party_from"], claims["party_to"], strict=True)]


def _keys(claims: pd.DataFrame) -> pd.DataFrame:
    """concept, parties ('JPN–RUS'), direction ('JPN,RUS' or '') per claim."""
    return pd.DataFrame({
        "concept": claims["concept"].astype("string").fillna("unknown").to_numpy(),
        "parties": ["–".join(_pair_codes(v)) for v in (claims["parties"] if "parties" in claims
                                                       else [None] * len(claims))],
        "direction": _directions(claims),
    }, index=claims.index)


def claim_groups(claims: pd.DataFrame) -> pd.DataFrame:
    r"""One row per group of comparable claims: the same concept, parties and direction.

    Columns: ``concept``, ``parties`` (codes joined by "–", "" when none is known),
    ``direction`` ("USA,CHN" when the claims say who to whom, else ""), ``series``
    (its name in words), ``claims`` (rows), ``valued`` (stated, not implied, with a USD
    value), ``dated`` (those with a date too), ``articles``. Sorted by ``valued`` then ``claims``,
    largest first.

    >>> c = pd.DataFrame({"concept": ["trade", "trade", "fdi"], "parties": ["JPN,RUS", "RUS,JPN", None],
    ...                   "value_usd": [3e10, 2e10, None], "doc_id": ["a", "b", "c"],
    ...                   "date": pd.to_datetime(["2019-01-22", "2018-05-26", "2019-01-01"])})
    >>> claim_groups(c)[["concept", "parties", "claims", "valued", "dated"]].to_string(index=False)
    'concept parties  claims  valued  dated\n  trade JPN–RUS       2       2      2\n    fdi               1       0      0'
    """
    cols = ["concept", "parties", "direction", "series", "claims", "valued", "dated",
            "articles"]
    if claims.empty or "concept" not in claims:
        return pd.DataFrame(columns=cols)
    frame = _keys(claims)
    stated = claims["claim_type"].astype("string").ne("implied").fillna(True).to_numpy(
        dtype=bool) if "claim_type" in claims else True  # implied rows are not drawn
    frame["valued"] = (claims["value_usd"].notna().to_numpy(dtype=bool) & stated) \
        if "value_usd" in claims else False
    frame["doc"] = claims["doc_id"].astype("string").to_numpy() if "doc_id" in claims else ""
    frame["dated"] = frame["valued"] & (claims["date"].notna().to_numpy(dtype=bool)
                                        if "date" in claims else False)
    out = frame.groupby(["concept", "parties", "direction"], sort=False).agg(
        claims=("valued", "size"), valued=("valued", "sum"), dated=("dated", "sum"),
        articles=("doc", "nunique")).reset_index()
    out["series"] = [_series(c, p, d) for c, p, d in
                     zip(out["concept"], out["parties"], out["direction"], strict=True)]
    out = out.sort_values(["valued", "claims", "concept", "parties", "direction"],
                          ascending=[False, False, True, True, True], kind="stable")
    return out[cols].reset_index(drop=True)


def _series(concept: str, parties: str, direction: str) -> str:
    if direction:
        return series_name(concept, direction, directed=True)
    return series_name(concept, parties.replace("–", ","))


def _slug(concept: str, parties: str, direction: str, kind: str) -> str:
    codes = direction or parties.replace("–", ",")
    return f"{series_slug(concept, codes, directed=bool(direction))}_{kind}"


def _why_not(group: pd.Series, rank: int) -> str | None:
    """Why a group of claims gets no timeline (None: it gets one)."""
    if not group["parties"]:
        return "no parties named, so its claims may be about different relationships"
    if group["valued"] == 0:
        return ("no claim with a money value (percentages and ratios have no common axis "
                "with amounts; they are in the claims table)")
    if group["dated"] == 0:
        return ("no claim with both a date and a money value (undated articles: give "
                "--date YYYY-MM-DD, or a date in the file or its manifest)")
    if group["dated"] < 2:
        return "only one dated claim with a money value: nothing to compare it with"
    if rank >= MAX_GROUP_CHARTS:
        return f"the report charts the {MAX_GROUP_CHARTS} largest groups only"
    return None


def _rows(claims: pd.DataFrame, group: pd.Series) -> pd.DataFrame:
    keys = _keys(claims)
    mask = (keys["concept"].eq(group["concept"]) & keys["parties"].eq(group["parties"])
            & keys["direction"].eq(group["direction"]))
    return claims.loc[mask.to_numpy(dtype=bool)]


def _by_year(rows: pd.DataFrame) -> pd.DataFrame | None:
    """The group's stated claims with ``year_referred_to`` (1 January of the ``period``
    year) and ``reported`` ("Feb 2018 · source"), when every stated money claim names a
    calendar year; else None (the chart then runs on the article dates)."""
    if "period" not in rows or "date" not in rows:
        return None
    stated = rows[rows["value_usd"].notna().to_numpy(dtype=bool)
                  & rows["claim_type"].astype("string").ne("implied").fillna(True)
                  .to_numpy(dtype=bool)]
    years = stated["period"].astype("string").str.fullmatch(r"(19|20)\d\d").fillna(False)
    if len(stated) < 2 or not years.all():
        return None
    out = stated.copy()
    out[YEAR_COLUMN] = pd.to_datetime(out["period"].astype(str) + "-01-01")
    dates = pd.to_datetime(out["date"])
    sources = out["source"].astype("string").fillna("") if "source" in out else ""
    out["reported"] = [f"{d:%b %Y}" + (f" · {s}" if s else "") if pd.notna(d) else (s or None)
                       for d, s in zip(dates, sources, strict=True)]
    return out


def charts(quantities: pd.DataFrame, claims: pd.DataFrame,
           concepts: Sequence[str]) -> list[Chart]:
    """(file name, caption, figure maker) for each chart that has data to show."""
    return plan(quantities, claims, concepts)[0]


def plan(quantities: pd.DataFrame, claims: pd.DataFrame,
         concepts: Sequence[str]) -> tuple[list[Chart], list[str]]:
    """The charts to draw, and a line for every group of claims that gets none.

    A timeline per group of comparable claims (:func:`claim_groups`) with at least
    two dated money claims, largest groups first (by the year each figure refers to
    when every one names a year); a comparison across articles per pair of parties
    whose ``concepts`` claims come from two articles or more (implied figures drawn
    and labelled).
    """
    out: list[Chart] = []
    skipped: list[str] = []
    if len(quantities):
        out.append(("quantities_overview", "What the articles quantify: mentions by kind, "
                    "money by currency and by size", lambda: quantities_overview(quantities)))
    if not {"concept", "claim_type", "value_usd"} <= set(claims.columns):
        return out, skipped
    charted = 0
    for _, g in claim_groups(claims).iterrows():
        what = g["series"]
        reason = _why_not(g, charted)
        if reason is not None:
            skipped.append(f"{what} ({plural(int(g['claims']), 'claim')}): not charted: "
                           f"{reason}.")
            continue
        charted += 1
        group = _rows(claims, g)
        rows = _by_year(group)
        n = plural(int(g["articles"]), "article")
        if rows is not None:
            out.append((_slug(g["concept"], g["parties"], g["direction"], "by-year"),
                        f"{what}: each figure at the year it refers to, labelled with when "
                        f"and where it was reported (from {n})",
                        lambda f=rows, w=what: claims_timeline(
                            f, x=YEAR_COLUMN, label="reported",
                            title=f"{w}, by the year each figure refers to")))
            continue
        out.append((_slug(g["concept"], g["parties"], g["direction"], "timeline"),
                    f"{what}: {plural(int(g['dated']), 'claim')} over time, by type "
                    f"(from {n})",
                    lambda f=group, w=what: claims_timeline(
                        f, title=f"{w}: claims over time")))
    out.extend(_compared(claims, concepts))
    return out, skipped


def _compared(claims: pd.DataFrame, concepts: Sequence[str]) -> list[Chart]:
    wanted = claims["concept"].astype("string").str.lower().isin(
        [c.lower() for c in concepts]).fillna(False).to_numpy(dtype=bool) \
        & claims["value_usd"].notna().to_numpy(dtype=bool)
    mine = claims.loc[wanted]
    pairs = pd.Series(["–".join(_pair_codes(v)) for v in mine["parties"]], index=mine.index,
                      dtype="string") if "parties" in mine else pd.Series(dtype="string")
    words = " and ".join(c.replace("_", " ") for c in concepts)
    out: list[Chart] = []
    for pair in sorted({p for p in pairs if p}):
        docs = mine.loc[pairs == pair, "doc_id"].nunique() if "doc_id" in mine else 0
        if docs < 2:
            continue
        name = pair_name(pair.replace("–", ","))
        out.append((f"{series_slug('-'.join(concepts), pair.replace('–', ','))}_compared",
                    f"{name} {words} claims compared across {plural(docs, 'article')}",
                    lambda p=pair, n=name: compare_claims(
                        claims, concept=list(concepts), parties=p.split("–"), implied=True,
                        title=f"{n} {words}: claims compared")))
    return out


def factcheck_charts(checked: pd.DataFrame, reference: pd.DataFrame | None) -> list[Chart]:
    """A claims-against-official-figures chart for each concept and direction with at
    least one claim compared, most compared first."""
    from .plot import claims_vs_reference

    compared = checked[checked["compared_value"].notna()]
    if compared.empty:
        return []
    keys = (compared.assign(_f=compared["party_from"].fillna(""),
                            _t=compared["party_to"].fillna(""))
            .groupby([compared["concept"].astype("string"), "_f", "_t", "parties"])
            .size().sort_values(ascending=False, kind="stable"))
    out: list[Chart] = []
    for (concept, frm, to, parties), n in keys.items():
        directed = bool(frm and to)
        codes = [frm, to] if directed else str(parties).split(",")
        what = series_name(concept, codes, directed=directed)
        out.append((
            f"{series_slug(concept, codes, directed=directed)}_factcheck",
            f"{what}: {plural(int(n), 'claim')} against the official figures",
            lambda c=concept, p=codes: claims_vs_reference(checked, reference, concept=c,
                                                           parties=p)))
    return out
