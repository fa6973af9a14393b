"""Benchmark: are the fact-check verdicts right, and how many trade claims get one?

Run:  python benchmarks/factcheck_accuracy.py [--show-misses]

Two figures, both on real text:

* **verdict accuracy** against ``benchmarks/gold/factcheck.jsonl``: claims of the
  Reuters-21578 trade stories (read from ``../shared/corpora``, never copied here) and of
  the repository's ``data/``, each labelled (before tuning) with the verdict a careful
  checker would give: ``consistent``, ``overstated``, ``understated``, ``basis_differs``,
  or ``none`` (no figure to check it against: ``no_reference`` or ``not_comparable``).
  Also counted: over/understated verdicts on claims labelled ``basis_differs`` (the bar
  is 0).
* **coverage** on the Reuters-21578 trade stories: of the money-level trade claims
  naming the United States and one other country with a period, the share that gets a
  verdict (consistent, overstated, understated or basis_differs).

Each gold line: ``id`` (story), ``start`` (offset of the figure in the story's text as
the claims table gives it), ``verdict`` and ``why`` (the labeller's reason, in our words).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from benchmarks._common import need, shared_dir  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold" / "factcheck.jsonl"
TRADE = {"trade", "exports", "imports", "trade_deficit", "trade_surplus"}
VERDICT = {"consistent", "overstated", "understated", "basis_differs"}


def reuters_trade_stories() -> pd.DataFrame:
    """The Reuters-21578 stories tagged ``trade`` that have a body."""
    import econnews as en

    corpora = need(shared_dir() / "corpora" / "reuters21578").parent
    os.environ.setdefault("ECONNEWS_DATA", str(corpora.resolve()))
    corpus = en.datasets.reuters21578(download=False)
    trade = corpus["topics"].map(lambda t: t is not None and "trade" in list(t))
    return corpus[trade & corpus["has_body"].fillna(False).astype(bool)].reset_index(drop=True)


def us_and_one_other(parties: object) -> bool:
    codes = set(parties.split(",")) if isinstance(parties, str) else set()
    return "USA" in codes and len(codes) == 2


def population(checked: pd.DataFrame) -> pd.Series:
    """Money-level trade claims naming the U.S. and one other country, with a period."""
    return ((checked["claim_type"].astype("string") == "level")
            & (checked["kind"].astype("string") == "money")
            & checked["concept"].astype("string").isin(TRADE)
            & checked["parties"].map(us_and_one_other) & checked["period"].notna())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show-misses", action="store_true", help="list the wrong verdicts")
    args = ap.parse_args(argv)
    import econnews as en

    stories = reuters_trade_stories()
    reuters = en.check(en.find_claims(stories))
    default = en.check(en.find_claims(en.load_articles(ROOT / "data")))
    checked = pd.concat([reuters, default], ignore_index=True)

    pop = population(reuters)
    got = reuters.loc[pop, "verdict"].astype("string").isin(VERDICT)
    print(f"Reuters-21578 trade stories: {len(stories)} stories, {len(reuters)} claims; "
          f"{int(pop.sum())} money-level trade claims naming the U.S. and one other country "
          f"with a period, {int(got.sum())} with a verdict: coverage {got.mean():.1%}")
    print("  verdicts there:", reuters.loc[pop, "verdict"].astype("string").value_counts()
          .to_dict())
    wide = ((reuters["claim_type"].astype("string") == "level")
            & (reuters["kind"].astype("string") == "money")
            & reuters["concept"].astype("string").isin(TRADE)
            & reuters["parties"].notna() & reuters["period"].notna())
    got_wide = reuters.loc[wide, "verdict"].astype("string").isin(VERDICT)
    codes = reuters.loc[wide, "parties"].astype(str).str.split(",")
    us_only = int(codes.map(lambda c: c == ["USA"]).sum())
    no_us = int(codes.map(lambda c: "USA" not in c).sum())
    print(f"  all money-level trade claims with a country and a period: {int(wide.sum())}, "
          f"{int(got_wide.sum())} with a verdict ({got_wide.mean():.1%}); of the others, "
          f"{no_us} name no U.S. side and {us_only} are U.S. totals (no world series bundled)")

    gold = pd.read_json(GOLD, lines=True)
    by_key = checked.dropna(subset=["start"]).assign(start=lambda t: t["start"].astype(int))
    by_key = by_key.drop_duplicates(["doc_id", "start"]).set_index(["doc_id", "start"])
    rows = []
    for g in gold.to_dict("records"):
        key = (g["id"], int(g["start"]))
        verdict = str(by_key.loc[key, "verdict"]) if key in by_key.index else "missing"
        said = verdict if verdict in VERDICT else "none"
        rows.append({**g, "got": verdict, "said": said, "right": said == g["verdict"]})
    res = pd.DataFrame(rows)
    wrong_basis = res[(res["verdict"] == "basis_differs")
                      & res["said"].isin(["overstated", "understated"])]
    print(f"Verdict accuracy: {res['right'].sum()}/{len(res)} = {res['right'].mean():.1%} "
          f"({int((res['got'] == 'missing').sum())} gold claims not found by the claims stage); "
          f"over/understated on a basis difference: {len(wrong_basis)}")
    print("  by gold verdict:", res.groupby("verdict")["right"].agg(["sum", "count"])
          .apply(lambda r: f"{r['sum']}/{r['count']}", axis=1).to_dict())
    if args.show_misses:
        for r in res[~res["right"]].to_dict("records"):
            print(f"  {r['id']}@{r['start']}: gold {r['verdict']}, got {r['got']} ({r['why']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
