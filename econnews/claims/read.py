"""The per-article walk: every figure of one article read into a claim row, each field
answered by its reader (:mod:`.figures`, :mod:`.parties`, :mod:`.periods`,
:mod:`.voice`), then repeats collapsed and implied figures added (:mod:`.merge`).
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ..common.sentences import sentence_at
from .article import Article, Item, find_conversions, items_of
from .figures import (
    BALANCES,
    CHANGE_VERB,
    DOWN_VERBS,
    compared_with,
    concept_of,
    elided_money,
    is_generic,
    is_rate,
    row_fx,
    what_measured,
)
from .merge import add_implied, collapse
from .parse import (
    FAMILY,
    ConceptMatch,
    clause_around,
)
from .parties import read_roles, roles_to_parties
from .periods import (
    compared_period,
    main_period,
    respective_periods,
)
from .voice import (
    type_of_claim,
    voice,
    walk_story,
)

#: Quantity kinds that are claims only when tied to a concept word.
_CONCEPT_BOUND_KINDS = {"percent", "ratio", "measure"}


_TIME_UNIT = re.compile(r"second|minute|hour|day|week|month|year|decade|century")


def article_claims(art: Article, found: list[Item]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    spans = [(s.start, s.end) for s in art.sentences]
    named_before, subject_at = walk_story(art)
    items = items_of(art, found)
    converts = find_conversions(art, items)
    by_anchor: dict[int, list[Item]] = {}
    for k, a in converts.items():
        by_anchor.setdefault(a, []).append(items[k])
    prev: dict[str, Any] | None = None
    prev_item: Item | None = None
    prev_sentence_period: dict[int, str | None] = {}
    last_money: Item | None = None
    last_balance: str | None = None
    balance_seen = -1
    for k, it in enumerate(items):
        if it.kind == "money" and k not in converts:
            last_money = it
        it = elided_money(it, last_money)
        kind = it.kind
        if k in converts or kind not in {"money", *_CONCEPT_BOUND_KINDS}:
            continue
        start, end = it.start, it.end
        idx = sentence_at(spans, start)
        if idx is None:
            continue
        sent = art.sentences[idx]
        if prev is not None and prev["_sentence"] != idx:
            prev = prev_item = None
        while balance_seen < idx:  # the last balance the article named explicitly
            balance_seen += 1
            for c in art.sentences[balance_seen].concepts:
                if c.concept in BALANCES and not is_generic(c, art.text):
                    last_balance = c.concept
        clause = clause_around(sent.text, sent.start, start, end)
        cmatch = concept_of(art, sent, clause, start, end, last_balance)
        # a comparison figure takes the concept of the figure it is compared with
        compared = compared_with(art, sent, prev, prev_item, cmatch, start)
        if compared is None and cmatch is None and kind != "money":
            continue
        if kind == "measure" and _TIME_UNIT.search(str(it.unit)):
            continue  # "the first 20 days of February": a span of time, not a claim
        if kind in {"percent", "ratio"} and compared is None:
            measured = what_measured(art, sent, it, prev, prev_item)
            if measured is None:
                continue
            cmatch = measured if isinstance(measured, ConceptMatch) else cmatch
            compared = measured if isinstance(measured, dict) else None
        per = None if pd.isna(it.per) else str(it.per)
        rate = compared is None and is_rate(art, it, clause)
        hedges, hedge_kind, name, reported_by, hint, planned = voice(
            art, sent, clause, start, end, named_before[idx])
        change = it.change
        if pd.isna(change) and kind in {"ratio", "percent"}:
            verb = CHANGE_VERB.search(art.text, clause[0], start)
            if verb:  # "has grown 1.5 times": the ratio is a change
                change = "down" if verb.group(1).lower() in DOWN_VERBS else "up"
        if compared is not None:
            concept = compared["concept"]
            src, dst = compared["party_from"], compared["party_to"]
            parties = compared["_parties"]
            claim_type = "change" if isinstance(change, str) and kind != "money" else "level"
            nxt = items[k + 1].start if k + 1 < len(items) else sent.end
            period = compared_period(art, sent, end, nxt, compared["period"])
        else:
            concept = cmatch.concept if cmatch else "other"
            if rate:
                concept, per = "exchange_rate", per or "USD"
            elif per and concept in FAMILY | {"other"}:
                concept = "prices"  # "410 dlrs an ounce": a price, never summed as trade
            roles = read_roles(art, idx, sent, cmatch, clause, concept, subject_at[idx], start)
            src, dst, parties = roles_to_parties(roles)
            mirror = {"exports": "imports", "imports": "exports"}.get(concept)
            if mirror and prev is not None and prev_item is not None and \
                    prev["concept"] == mirror and prev["party_from"] and prev["party_to"] \
                    and not any(prev_item.end <= p.start < end for p in sent.places):
                # "imports from the EC worth $5.7bn and exports worth $2.6bn": the other way
                src, dst = prev["party_to"], prev["party_from"]
                parties = [src, dst]
            claim_type = type_of_claim(hedge_kind, hint, change, kind)
            if planned and claim_type in {"level", "change", "ratio"}:
                claim_type = "target"  # the figure is part of somebody's plan
            period = main_period(art, sent, it, clause,
                                  prev_item.end if prev_item is not None else None)
            if period is None and concept in FAMILY:
                # a coordinated clause, or the next sentence, keeps the period told before
                period = prev_sentence_period.get(idx) or prev_sentence_period.get(idx - 1)
        doc = art.doc_id or "text"
        conv = by_anchor.get(k, [])
        fx, stated = row_fx(it, conv, rate)
        row = {
            "doc_id": art.doc_id, "date": art.date, "source": art.source,
            "concept": concept, "parties": ",".join(parties) or pd.NA,
            "party_from": src, "party_to": dst, "claim_type": claim_type,
            "value": it.value, "unit": it.unit,
            "bound": it.bound, "change": change, "period": period,
            "speaker": name, "hedge": ",".join(hedges) or pd.NA,
            "quantity_index": it.pos, "start": start, "end": end, "surface": it.surface,
            "sentence": sent.text, "derived_from": pd.NA, "claim_id": f"{doc}:{start}",
            "kind": kind, "reported_by": reported_by,
            "in_title": start < art.title_end, "mentions": 1, "implies": pd.NA,
            "stated_usd": stated, "per": per, "country": art.country,
            "conversions": "; ".join(f"{c.unit} {c.value:.6g}" for c in conv) or pd.NA,
            **fx,
            "_sentence": idx, "_cmatch": cmatch, "_compared": compared, "_parties": parties,
            "_clause": clause,
        }
        rows.append(row)
        prev, prev_item = row, it
        if compared is None and period is not None and concept in FAMILY \
                and idx not in prev_sentence_period:
            prev_sentence_period[idx] = period
    respective_periods(art, rows)
    out = add_implied(collapse(rows))
    for r in out:
        for key in ("_sentence", "_cmatch", "_compared", "_parties", "_clause"):
            r.pop(key, None)
    return out
