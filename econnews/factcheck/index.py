"""Finding a claim's official figure fast in a large reference table: by concept and
parties (either side of a mirrored figure), by period (a partial period summed from its
months), and by vintage (the figure known at the claim's date).

>>> idx = Index.bundled()
>>> c = {"concept": "trade_deficit", "parties": "USA,JPN", "party_from": "USA",
...      "party_to": "JPN", "date": pd.Timestamp("1987-04-01")}
>>> f = idx.find(c, "1986")
>>> round(f.rows[0]["value"] / 1e9, 2), f.rows[0]["vintage"]
(55.03, 'census_2024-06')
>>> round(idx.find(c, "1986-01/1986-03").rows[0]["value"] / 1e9, 2)
14.37
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import pandas as pd

from . import reference as _reference

__all__ = ["Found", "Index", "months_of"]

UNDIRECTED = _reference.UNDIRECTED
_OPPOSITE = {"trade_deficit": "trade_surplus", "trade_surplus": "trade_deficit"}
#: a deficit of A with B is B's surplus with A; exports A->B are imports A->B
_MIRROR = {
    "trade_deficit": ("trade_surplus", True),
    "trade_surplus": ("trade_deficit", True),
    "exports": ("imports", False),
    "imports": ("exports", False),
}


def months_of(period: str) -> list[str] | None:
    """The months a partial period covers: ``2016-01/2016-09`` or a quarter ``2019Q1``.

    >>> months_of("2019Q2")
    ['2019-04', '2019-05', '2019-06']
    >>> len(months_of("2016-01/2016-09")), months_of("2016")
    (9, None)
    """
    if m := re.fullmatch(r"(\d{4})Q([1-4])", period):
        y, q = m.group(1), int(m.group(2))
        return [f"{y}-{mm:02d}" for mm in range(3 * q - 2, 3 * q + 1)]
    if m := re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", period):
        y0, m0, y1, m1 = map(int, m.groups())
        out, y, mm = [], y0, m0
        while (y, mm) <= (y1, m1) and len(out) < 240:
            out.append(f"{y}-{mm:02d}")
            y, mm = (y + 1, 1) if mm == 12 else (y, mm + 1)
        return out or None
    return None


def _before(period: str) -> list[str]:
    """The periods a change over ``period`` may be measured from, most usual first."""
    if re.fullmatch(r"\d{4}", period):
        return [str(int(period) - 1)]
    if m := re.fullmatch(r"(\d{4})-(\d{2})", period):
        y, mm = int(m.group(1)), int(m.group(2))
        prev = f"{y - 1}-12" if mm == 1 else f"{y}-{mm - 1:02d}"
        return [prev, f"{y - 1}-{mm:02d}"]
    if m := re.fullmatch(r"(\d{4})Q([1-4])", period):
        return [f"{int(m.group(1)) - 1}Q{m.group(2)}"]
    if m := re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", period):
        y0, m0, y1, m1 = m.groups()
        return [f"{int(y0) - 1}-{m0}/{int(y1) - 1}-{m1}"]
    return []


@dataclass
class Found:
    """What a look-up gives: the rows (or None, with the verdict and note why not), how
    they were found, and a note on their vintage."""

    rows: Any = None
    how: str = ""
    vintage_note: str = ""
    later: bool = False
    verdict: str = "no_reference"
    note: str = ""


class Index:
    """A reference table indexed by concept and parties (see the module docs)."""

    def __init__(self, ref: pd.DataFrame) -> None:
        self.ref = ref.reset_index(drop=True)
        directed = self.ref["party_from"].notna() & self.ref["party_to"].notna() & \
            ~self.ref["concept"].isin(list(UNDIRECTED))
        d = self.ref[directed]
        self._directed = d.groupby([d["concept"].astype(str), d["party_from"].astype(str),
                                    d["party_to"].astype(str)], sort=False).indices
        parties = self.ref["parties"].astype(str).map(lambda p: ",".join(sorted(p.split(","))))
        self._undirected = self.ref.groupby([self.ref["concept"].astype(str), parties],
                                            sort=False).indices
        self._cache: dict[tuple, dict[str, list[dict[str, Any]]]] = {}

    @staticmethod
    @cache
    def bundled() -> Index:
        """The index of the bundled reference (built once)."""
        return Index(_reference.bundled())

    # -------------------------------------------------------------- series by key
    def _group(self, key: tuple) -> dict[str, list[dict[str, Any]]]:
        if key not in self._cache:
            pos = (self._directed if len(key) == 3 else self._undirected).get(key)
            rows = [] if pos is None else self.ref.iloc[pos].to_dict("records")
            by: dict[str, list[dict[str, Any]]] = {}
            for r in rows:
                by.setdefault(r["period"], []).append(r)
            self._cache[key] = by
        return self._cache[key]

    def _series(self, concept: str, frm: Any, to: Any, parties: Any
                ) -> list[tuple[dict[str, list[dict[str, Any]]], float, str]]:
        """(period map, sign, how) for each way the reference may hold this figure."""
        out = []
        if concept in UNDIRECTED or not (isinstance(frm, str) and isinstance(to, str)):
            key = (concept, ",".join(sorted(str(parties).split(","))))
            return [s for s in [(self._group(key), 1.0, "")] if s[0]]
        out.append((self._group((concept, frm, to)), 1.0, ""))
        if concept in _OPPOSITE:
            out.append((self._group((_OPPOSITE[concept], frm, to)), -1.0, ""))
        if concept in _MIRROR:
            other, swap = _MIRROR[concept]
            a, b = (to, frm) if swap else (frm, to)
            how = f"held against the {other.replace('_', ' ')} it mirrors"
            out.append((self._group((other, a, b)), 1.0, how))
            if other in _OPPOSITE:
                out.append((self._group((_OPPOSITE[other], a, b)), -1.0, how))
        return [s for s in out if s[0]]

    def has_pair(self, c: dict[str, Any]) -> bool:
        """Whether the reference holds this concept for these parties at all."""
        return bool(self._series(str(c["concept"]), c.get("party_from"), c.get("party_to"),
                                 c.get("parties")))

    # -------------------------------------------------------------- one period
    def _resolve(self, c: dict[str, Any], period: str) -> tuple[list[dict[str, Any]], str]:
        """All rows (every vintage) for the claim's figure in ``period``, signed for the
        claim's concept; partial periods summed from months."""
        series = self._series(str(c["concept"]), c.get("party_from"), c.get("party_to"),
                              c.get("parties"))
        hows = dict.fromkeys(h for _, _, h in series)
        for how in hows:
            group = [(by, sign) for by, sign, h in series if h == how]
            rows = [dict(r, value=sign * float(r["value"]), concept=str(c["concept"]))
                    for by, sign in group for r in by.get(period, [])]
            if not rows and (months := months_of(period)):
                rows = self._sum(group, months, period, str(c["concept"]))
            if rows:
                return rows, how
        return [], ""

    @staticmethod
    def _sum(group, months: list[str], period: str, concept: str) -> list[dict[str, Any]]:
        by_vintage: dict[Any, dict[str, float]] = {}
        first: dict[Any, dict[str, Any]] = {}
        for by, sign in group:
            for m in months:
                for r in by.get(m, []):
                    v = r.get("vintage")
                    by_vintage.setdefault(v, {})
                    by_vintage[v][m] = by_vintage[v].get(m, 0.0) + sign * float(r["value"])
                    first.setdefault(v, r)
        return [dict(first[v], value=sum(vals.values()), period=period, concept=concept,
                     note=f"summed from the {len(months)} months {months[0]} to {months[-1]}")
                for v, vals in by_vintage.items() if len(vals) == len(months)]

    @staticmethod
    def _pick(rows: list[dict[str, Any]], date: Any) -> tuple[list[dict[str, Any]], str, bool]:
        """The rows of the vintage known at ``date`` (the latest when undated)."""
        vintages: dict[Any, str] = {}
        for r in rows:
            pub = r.get("published")
            vintages[r.get("vintage")] = pub if isinstance(pub, str) else ""
        if len(vintages) == 1 and (date is None or pd.isna(date)):
            return rows, "", False
        day = None if date is None or pd.isna(date) else pd.Timestamp(date).strftime("%Y-%m-%d")
        ordered = sorted(vintages, key=lambda v: vintages[v])
        known = [v for v in ordered if day is None or vintages[v] <= day]
        if known:
            pick, later = known[-1], False
            note = "" if pick == ordered[-1] else f"as known at the claim's date ({pick})"
        else:
            pick, later = ordered[0], True
            note = f"published after the claim ({pick}, {vintages[pick] or 'date unknown'})"
        return [r for r in rows if r.get("vintage") == pick], note, later

    def find(self, c: dict[str, Any], period: str) -> Found:
        """The official figure(s) for the claim's concept, parties and ``period``."""
        rows, how = self._resolve(c, period)
        if not rows:
            return self._missing(c, period)
        picked, note, later = self._pick(rows, c.get("date"))
        return Found(picked, how, note, later)

    def _missing(self, c: dict[str, Any], period: str) -> Found:
        series = self._series(str(c["concept"]), c.get("party_from"), c.get("party_to"),
                              c.get("parties"))
        periods = sorted({p for by, _, _ in series for p in by})
        years = sorted({p[:4] for p in periods})
        span = f"{years[0]}–{years[-1]}" if len(years) > 2 else ", ".join(periods[:6])
        if any(p.startswith(period[:4]) for p in periods):
            kinds = "months" if any(re.fullmatch(r"\d{4}-\d{2}", p) and p.startswith(period[:4])
                                    for p in periods) else "other periods"
            return Found(verdict="not_comparable",
                         note=f"the claim is for {period}; the reference has {kinds} of "
                              f"{period[:4]}, not that period")
        return Found(note=f"no official figure for {period} (the reference has {span})")

    # -------------------------------------------------------------- changes
    @staticmethod
    def _later(row: dict[str, Any], date: Any) -> bool:
        pub = row.get("published")
        if date is None or pd.isna(date) or not isinstance(pub, str):
            return False
        return pub > pd.Timestamp(date).strftime("%Y-%m-%d")

    def change_levels(self, c: dict[str, Any], period: str, before: str | None = None,
                      year_on_year: bool = False) -> Found:
        """Pairs (level of ``period``, level before) of one vintage, most usual first;
        ``before`` names the earlier period when the claim does."""
        now, how = self._resolve(c, period)
        if not now:
            return self._missing(c, period)
        pairs, missing = [], []
        earlier = [before] if before else _before(period)
        if year_on_year:
            earlier = sorted(earlier, key=lambda p: p[4:] != period[4:])
        for start in earlier:
            prev, _ = self._resolve(c, start)
            common = {r.get("vintage") for r in now} & {r.get("vintage") for r in prev}
            if not common:
                missing.append(start)
                continue
            # one vintage for both levels: the latest, since a change quoted at a release
            # is between the new figure and the earlier one as revised by then
            rows = [r for r in now if r.get("vintage") in common]
            v = max(rows, key=lambda r: str(r.get("published") or ""))["vintage"]
            picked, note, later = self._pick([r for r in rows if r.get("vintage") == v], None)
            later = self._later(picked[0], c.get("date"))
            note = f"published after the claim ({v})" if later else ""
            pairs.append((picked[0], next(r for r in prev if r.get("vintage") == v), note, later))
        if not pairs:
            return Found(note=f"no official figure for {', '.join(missing) or 'the period before'} "
                              "to measure the change from")
        return Found([(a, b) for a, b, _, _ in pairs], how, pairs[0][2], pairs[0][3])
