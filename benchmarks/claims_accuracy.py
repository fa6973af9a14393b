"""Benchmark: how right the claims table is, against hand-labelled gold claims.

Run:  python benchmarks/claims_accuracy.py [--errors] [--all-trade]

The gold set (``benchmarks/gold/claims.jsonl``) labels every trade, investment, aid
and loan claim a fact-checker would list in 40 Reuters-21578 trade stories and 20 BBC
business stories drawn with a fixed seed (``benchmarks/gold/sample.py``).  Each label
is a story id and the character offsets of the figure (the texts stay in
``../shared/corpora``), with concept, parties and direction, claim type, period and
speaker.

Scoring: a returned row is a claim when its concept is in the trade family
(:data:`FAMILY`; implied rows are derived, not read, and left out).  It matches a gold
claim of the same story whose figure overlaps its own (one to one, in text order).
Precision = matches / returned claims, recall = matches / gold claims.  Field
accuracy is over the matches; ``parties`` is right when the set and the direction
(``party_from``, ``party_to``) both are; a speaker is right when one name contains the
other (case-insensitive, a leading "the" ignored).  "every field right" is the share of
*returned* claims that match a gold claim with every field right.

``--heldout`` scores 10 more Reuters trade stories (``benchmarks/gold/heldout.jsonl``),
drawn with another seed and labelled after the rules were tuned on the main set.

It also prints, over every Reuters-21578 story tagged ``trade`` (``--all-trade``: not
just the sample), the share of money claims with ``value_usd`` and of trade-family
claims that name a party, and claims per second end to end on the sample.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "gold"))
import sample as gold_sample  # noqa: E402

GOLD = HERE / "gold" / "claims.jsonl"
HELDOUT = HERE / "gold" / "heldout.jsonl"
#: The concepts a fact-checker lists as trade, investment, aid and loan claims.
FAMILY = {"trade", "exports", "imports", "trade_surplus", "trade_deficit", "investment", "fdi",
          "loans", "aid"}
FIELDS = ["concept", "parties", "claim_type", "period", "speaker"]


def articles(stories: dict[str, dict]) -> pd.DataFrame:
    """An articles table (with Reuters' ``places`` and ``dateline``) from sampled stories."""
    rows = [{"id": i, "date": r.get("date"), "title": r.get("title") or None,
             "source": r.get("source"), "text": r["text"], "dateline": r.get("dateline"),
             "places": list(r.get("places") or [])} for i, r in stories.items()]
    return pd.DataFrame(rows)


def _na(v: object) -> object:
    return None if v is None or (not isinstance(v, (list, str)) and pd.isna(v)) else v


def _speaker_ok(gold: str | None, got: object) -> bool:
    got = _na(got)
    if gold is None or got is None:
        return gold is None and got is None

    def norm(s: str) -> str:
        s = " ".join(str(s).lower().split())
        return s[4:] if s.startswith("the ") else s

    g, p = norm(gold), norm(str(got))
    return g in p or p in g


def field_checks(g: dict, row: pd.Series) -> dict[str, bool]:
    """Which fields of a returned row agree with its gold claim."""
    parties = _na(row["parties"])
    got = sorted(parties.split(",")) if isinstance(parties, str) else []
    direction = (g["party_from"] == _na(row["party_from"])
                 and g["party_to"] == _na(row["party_to"]))
    return {
        "concept": g["concept"] == row["concept"],
        "parties": got == g["parties"] and direction,
        "claim_type": g["claim_type"] == row["claim_type"],
        "period": g["period"] == _na(row["period"]),
        "speaker": _speaker_ok(g["speaker"], row["speaker"]),
    }


def score(gold: list[dict], claims: pd.DataFrame) -> dict:
    """Precision, recall, F1, per-field accuracy and the all-fields-right share."""
    got = claims[claims["concept"].isin(FAMILY) & (claims["claim_type"] != "implied")
                 & claims["start"].notna()]
    by_doc: dict[str, list[dict]] = {}
    for g in gold:
        by_doc.setdefault(g["id"], []).append(g)
    matches, spurious = [], []
    used: set[int] = set()
    for _, row in got.iterrows():
        s, e = int(row["start"]), int(row["end"])
        # overlapping gold claims not yet matched; one value labelled for two concepts
        # ("imports and exports each rose 7%") pairs by concept
        hits = [k for k, g in enumerate(by_doc.get(row["doc_id"], []))
                if id(g) not in used and g["start"] < e and s < g["end"]]
        hit = next((k for k in hits if by_doc[row["doc_id"]][k]["concept"] == row["concept"]),
                   hits[0] if hits else None)
        if hit is None:
            spurious.append(row)
            continue
        g = by_doc[row["doc_id"]][hit]
        used.add(id(g))
        matches.append((g, row, field_checks(g, row)))
    missed = [g for g in gold if id(g) not in used]
    tp = len(matches)
    p = tp / len(got) if len(got) else 0.0
    r = tp / len(gold) if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = {f: sum(m[2][f] for m in matches) / tp if tp else 0.0 for f in FIELDS}
    all_right = sum(all(m[2].values()) for m in matches)
    # the review flag: a returned row is right when it matches a gold claim in every field
    right = {(row["doc_id"], int(row["start"])) for _, row, ok in matches if all(ok.values())}
    flags = got["needs_review"].fillna(False).astype(bool) if "needs_review" in got else \
        pd.Series(False, index=got.index)
    keys = list(zip(got["doc_id"], got["start"].astype(int), strict=True))
    ok_rows = pd.Series([k in right for k in keys], index=got.index)
    clear = ~flags
    wrong = ~ok_rows
    review = {
        "flagged": int(flags.sum()),
        "unflagged": int(clear.sum()),
        "unflagged_right": float(ok_rows[clear].mean()) if clear.any() else 0.0,
        "errors_flagged": float(flags[wrong].mean()) if wrong.any() else 0.0,
    }
    return {"returned": len(got), "gold": len(gold), "matched": tp, "precision": p,
            "recall": r, "f1": f1, "fields": acc,
            "all_right_share": all_right / len(got) if len(got) else 0.0,
            "review": review, "matches": matches, "spurious": spurious, "missed": missed}


def coverage(claims: pd.DataFrame) -> tuple[float, float, int, int]:
    """Share of money claims with value_usd, and of trade-family claims naming a party."""
    read = claims[claims["claim_type"] != "implied"]
    money = read[read["kind"] == "money"]
    family = read[read["concept"].isin(FAMILY)]
    usd = money["value_usd"].notna().mean() if len(money) else 0.0
    party = family["parties"].notna().mean() if len(family) else 0.0
    return float(usd), float(party), len(money), len(family)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true",
                        help="list every miss, spurious row and wrong field")
    parser.add_argument("--heldout", action="store_true",
                        help="score the 10 held-out Reuters stories (labelled after tuning)")
    parser.add_argument("--by", action="store_true",
                        help="field accuracy by the reading that set each field (evidence)")
    parser.add_argument("--set", default=None, choices=sorted(gold_sample.SETS),
                        help="the labelled set to score (dev: the issue-11 sample; "
                             "dev-written: stories written for econnews; test: labelled "
                             "before any issue-19 rule change, scored once at the end)")
    parser.add_argument("--all-trade", action="store_true",
                        help="coverage over every Reuters trade story, not just the sample")
    args = parser.parse_args(argv)
    if not gold_sample.REUTERS.exists() or not gold_sample.BBC.exists():
        print(f"corpora not found under {gold_sample.SHARED}; set ECONNEWS_SHARED",
              file=sys.stderr)
        return 1
    import warnings

    from econnews.claims import find_claims

    warnings.simplefilter("ignore")
    name = args.set or ("heldout" if args.heldout else "dev")
    gold, stories = gold_sample.labelled(name)
    arts = articles(stories)
    find_claims(arts.head(2))  # warm the lexicon caches
    t0 = time.perf_counter()
    claims = find_claims(arts)
    elapsed = time.perf_counter() - t0
    res = score(gold, claims)
    print(f"gold claims: {res['gold']} in {len(arts)} stories; returned trade-family claims: "
          f"{res['returned']}; matched: {res['matched']}")
    print(f"claim precision {res['precision']:.3f}  recall {res['recall']:.3f}  "
          f"F1 {res['f1']:.3f}")
    print("field accuracy (on matched claims): " + "  ".join(
        f"{f} {v:.3f}" for f, v in res["fields"].items()))
    print(f"returned claims with every field right: {res['all_right_share']:.3f}")
    rv = res["review"]
    print(f"needs_review: {rv['flagged']} flagged, {rv['unflagged']} not; every field right "
          f"among rows not flagged {rv['unflagged_right']:.3f}; share of wrong or spurious "
          f"rows that are flagged {rv['errors_flagged']:.3f}")
    print(f"throughput end to end (extract + claims): {len(claims)} rows in {elapsed:.2f} s "
          f"= {len(claims) / elapsed:,.0f} claims/s")
    if args.all_trade:
        trade = gold_sample.reuters_trade()
        all_claims = find_claims(articles(trade))
        label = f"all {len(trade)} Reuters trade stories"
    else:
        all_claims = claims[claims["doc_id"].str.startswith("reuters")]
        label = f"the {arts['id'].str.startswith('reuters').sum()} sampled Reuters trade stories"
    if len(all_claims):
        usd, party, n_money, n_family = coverage(all_claims)
        print(f"on {label}: money claims with value_usd {usd:.3f} (of {n_money}); "
              f"trade-family claims naming a party {party:.3f} (of {n_family})")
    if args.by:
        print("field accuracy by the reading that set it (matched claims):")
        for f in ("concept", "parties", "claim_type", "period", "speaker"):
            col = f"{f}_by"
            tally: dict[str, list[int]] = {}
            for _, row, ok in res["matches"]:
                key = str(row.get(col))
                tally.setdefault(key, [0, 0])
                tally[key][0] += ok[f]
                tally[key][1] += 1
            print(f"  {col}: " + ", ".join(f"{k} {a}/{n}" for k, (a, n) in
                                           sorted(tally.items(), key=lambda kv: -kv[1][1])))
    if args.errors:
        texts = {i: r["text"] for i, r in stories.items()}
        for g in res["missed"]:
            print("MISSED", g["id"], repr(texts[g["id"]][g["start"]:g["end"]]), g)
        for row in res["spurious"]:
            print("SPURIOUS", row["doc_id"], repr(row["surface"]), row["concept"],
                  row["parties"], row["claim_type"], "| review:", row.get("review_reason"))
        for g, row, ok in res["matches"]:
            wrong = [f for f, v in ok.items() if not v]
            if wrong:
                print("WRONG", g["id"], repr(row["surface"]), wrong,
                      "| review:", row.get("review_reason"), "| gold:",
                      {f: g[f] for f in ("concept", "party_from", "party_to", "parties",
                                         "claim_type", "period", "speaker")},
                      "| got:", {f: _na(row[f]) for f in ("concept", "party_from", "party_to",
                                                          "parties", "claim_type", "period",
                                                          "speaker")})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
