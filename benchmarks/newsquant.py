"""Accuracy on NewsQuant and the four Recognizers-derived sets, scored the way CQE scores.

    python benchmarks/newsquant.py            # econnews and quantulum3 side by side
    python benchmarks/newsquant.py --errors   # also list econnews' misses and extras

Scoring (CQE, EMNLP 2023): every gold quantity is matched against the predictions of its
sentence by value (``isclose``, rtol 1e-5; a gold range needs both ends: NewsQuant writes a
movement "from X to Y" as the range X-Y, so econnews' two movement rows are paired
here); a value match counts once per gold; the unit counts when the normalised unit names are equal (the
matched prediction is then used up); change counts when equal. Micro P/R/F1 over the
file. econnews' typed rows are written in CQE's unit vocabulary by ``to_cqe`` below.
The data (../shared/data/newsquant) is third-party and is never copied here.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import need, quantulum_parser, shared_dir

# ISO code -> the currency name CQE's gold uses
CQE_CURRENCY = {
    "USD": "dollar", "JPY": "japanese yen", "EUR": "euro", "GBP": "pound sterling",
    "CNY": "chinese yuan", "AUD": "australian dollar", "CAD": "canadian dollar",
    "HKD": "hong kong dollar", "ILS": "shekel", "MYR": "malaysian ringgit",
    "DKK": "danish krone", "INR": "indian rupee", "RUB": "russian ruble",
    "KRW": "south korean won", "CHF": "swiss franc", "NZD": "new zealand dollar",
    "SGD": "singapore dollar", "ZAR": "south african rand", "TRY": "turkish lira",
    "SEK": "swedish krona", "NOK": "norwegian krone", "BRL": "brazilian real",
    "MXN": "mexican peso", "PHP": "philippine peso", "TWD": "new taiwan dollar",
}
CQE_MEASURE = {"tonne": "metric ton", "year of age": "year of age", "times": "count", "time": "count",
               "fraction": "% -", "wireless generation": "generation wireless"}
CQE_QUANTULUM = {
    "dimensionless": "-", "per cent": "percentage", "united states dollar": "dollar",
    "tonne": "metric ton", "degree angle": "degree", "degree celsius": "celsius",
    "degree fahrenheit": "fahrenheit", "cubic centimetre": "millilitre",
}


def to_cqe(row) -> dict:
    """One econnews quantity row in CQE's vocabulary: value (or (low, high)), unit, change."""
    low, high, value = float(row["low"]), float(row["high"]), float(row["value"])
    name = row["unit_name"] if isinstance(row["unit_name"], str) else None
    kind = row["kind"]
    factor = 1.0
    if kind == "money":
        unit = CQE_CURRENCY.get(row["unit"], (name or str(row["unit"])).lower())
        if name in ("cent", "penny", "sen"):
            # CQE's gold counts hundredths in their own unit; it labels pence "point"
            unit, factor = {"cent": "cent", "penny": "point", "sen": "sen"}[name], 100.0
    elif kind == "percent":
        unit = "percentage"
        if name == "basis point":
            unit, factor = "basis point", 100.0
    elif kind == "ratio":
        unit = CQE_MEASURE.get(name or "times", "count")
        if name == "fraction" and isinstance(row["per"], str):
            return {"value": value, "normalized_unit": f"% {row['per']}",
                    "change": _cqe_change(row)}
    elif kind in ("measure", "count"):
        unit = CQE_MEASURE.get(name, name) if name else "-"
    else:
        unit = "-"
    if isinstance(row["per"], str) and unit != "-":
        unit = f"{unit} per {row['per']}"
    v = (low * factor, high * factor) if not math.isclose(low, high) else value * factor
    change = _cqe_change(row)
    return {"value": v, "normalized_unit": unit.lower(), "change": change}


def _cqe_change(row) -> str:
    """CQE's one "change" field holds a bound or a direction: a bound wins ("up about 19
    per cent" is "~", "climbed more than 3%" is ">"), and a negative amount without a
    direction is "down" ("Stoxx 50 -1.3%")."""
    bound = str(row["bound"])
    if bound != "=":
        return bound
    if isinstance(row["change"], str):
        return row["change"]
    return "down" if float(row["value"]) < 0 else "="


def _gold_value(v: str):
    if isinstance(v, str) and "E" not in v and not v.startswith("-") and "-" in v:
        a, b = v.split("-", 1)
        return (float(a), float(b))
    return float(v)


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def _values_match(g, p) -> bool:
    if isinstance(g, tuple) != isinstance(p, tuple):
        return False
    if isinstance(g, tuple):
        return _close(g[0], p[0]) and _close(g[1], p[1])
    return _close(g, p)


def score(pairs) -> dict:
    """pairs: [(gold list, prediction list)] per sentence -> P/R/F1 for value, value+unit,
    value+change (CQE's counting, reimplemented)."""
    n_gold = n_pred = ok_value = ok_unit = ok_change = 0
    for gold, pred in pairs:
        n_gold += len(gold)
        n_pred += len(pred)
        left = sorted(pred, key=lambda d: d["normalized_unit"])
        budget = len(gold)
        for gq in sorted(gold, key=lambda d: d["normalized_unit"]):
            gv = _gold_value(gq["value"])
            gu = gq["normalized_unit"].lower()
            for pq in list(left):
                if not _values_match(gv, pq["value"]):
                    continue
                if budget > 0:
                    ok_value += 1
                    budget -= 1
                if pq.get("change") == gq.get("change"):
                    ok_change += 1
                if pq["normalized_unit"] == gu:
                    ok_unit += 1
                    left.remove(pq)
                    break

    def prf(tp):
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return round(100 * p, 1), round(100 * r, 1), round(100 * f, 1)

    return {"value": prf(ok_value), "value+unit": prf(ok_unit), "value+change": prf(ok_change),
            "gold": n_gold, "pred": n_pred}


def econnews_predict(text: str) -> list[dict]:
    """econnews' rows in CQE's vocabulary. A movement written "from X to Y" (rows with
    ``role`` from, then to) is one CQE quantity whose value is the pair (X, Y): that is how
    NewsQuant annotates it ("to Y from X" it annotates as two values, as econnews has them)."""
    import econnews

    rows = [r for _, r in econnews.extract(text).iterrows()]
    out = []
    i = 0
    while i < len(rows):
        row = to_cqe(rows[i])
        nxt = rows[i + 1] if i + 1 < len(rows) else None
        roles = (rows[i]["role"], nxt["role"] if nxt is not None else None)
        if roles == ("from", "to"):
            row["value"] = (row["value"], to_cqe(nxt)["value"])
            i += 1
        elif roles == ("to", "from"):
            out.append(row)  # both levels as they are; the pair is read as a whole
            row = to_cqe(nxt)
            i += 1
        out.append(row)
        i += 1
    return out


def quantulum_predict(text: str) -> list[dict]:
    parser = quantulum_parser()
    out = []
    for r in parser.parse(text):
        name = r.unit.name.lower()
        out.append({"value": float(r.value), "normalized_unit": CQE_QUANTULUM.get(name, name),
                    "change": "="})
    return out


MONEY_PERCENT_UNITS = set(CQE_CURRENCY.values()) | {"percentage", "cent", "basis point"}


def _is_money_percent(unit: str) -> bool:
    u = unit.lower()
    return u in MONEY_PERCENT_UNITS or any(u.startswith(c + " per") for c in CQE_CURRENCY.values())


def run(path: Path, show_errors: bool = False) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    name = path.stem
    rows = []
    for system, predict in (("econnews", econnews_predict), ("quantulum3", quantulum_predict)):
        pairs = [(x["quantities"], predict(x["text"])) for x in data]
        res = score(pairs)
        mp = score([
            ([g for g in gold if _is_money_percent(g["normalized_unit"])],
             [p for p in pred if _is_money_percent(p["normalized_unit"])])
            for gold, pred in pairs
        ])
        rows.append((system, res, mp))
        if show_errors and system == "econnews":
            _print_errors(data, pairs)
    print(f"\n{name}: {len(data)} sentences, {rows[0][1]['gold']} gold quantities")
    print(f"{'system':<11} {'metric':<13} {'P':>6} {'R':>6} {'F1':>6}   money+percent P/R/F1")
    has_change = any("change" in q for x in data for q in x["quantities"])
    metrics = ("value", "value+unit", "value+change") if has_change else ("value", "value+unit")
    for system, res, mp in rows:
        for metric in metrics:
            p, r, f = res[metric]
            tail = "    (no money/percent gold)"
            if mp["gold"]:
                mpp, mpr, mpf = mp[metric]
                tail = f"   {mpp:5.1f} {mpr:5.1f} {mpf:5.1f}"
            print(f"{system:<11} {metric:<13} {p:6.1f} {r:6.1f} {f:6.1f}{tail}")


def _print_errors(data, pairs) -> None:
    for x, (gold, pred) in zip(data, pairs, strict=True):
        g = sorted((str(_gold_value(q["value"])), q["normalized_unit"].lower()) for q in gold)
        p = sorted((str(q["value"] if isinstance(q["value"], tuple) else float(q["value"])),
                    q["normalized_unit"]) for q in pred)
        if g != p:
            print("--", x["text"])
            print("   gold:", g)
            print("   ours:", p)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="list econnews' differences on NewsQuant")
    ap.add_argument("--only", default=None, help="one set, e.g. NewsQuant")
    args = ap.parse_args(argv)
    folder = need(shared_dir() / "data" / "newsquant" / "formatted_test_set")
    for name in ("NewsQuant", "currency-model", "dimension-model", "age-model", "temperature-model"):
        if args.only and name != args.only:
            continue
        run(folder / f"{name}.json", show_errors=args.errors and name == "NewsQuant")
    return 0


if __name__ == "__main__":
    sys.exit(main())
