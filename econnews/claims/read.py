"""The per-article walk: every figure of one article read into a claim row, each field
answered by its reader (:mod:`.figures`, :mod:`.parties`, :mod:`.periods`,
:mod:`.voice`) with the reading that answered it (the ``*_by`` evidence columns), then
repeats collapsed, implied figures added (:mod:`.merge`) and each row's review flag
set (:mod:`.evidence`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..common.regex import with_start_filter
from ..common.sentences import sentence_at
from .article import Article, Item, Sentence, find_conversions, items_of
from .bases import compared_period, prior_period, respective_periods
from .change import figure_change
from .evidence import evidence_text, hundredths_doubt, review
from .figures import (
    BALANCES,
    compared_with,
    concept_of,
    elided_money,
    is_generic,
    is_rate,
    row_fx,
    what_measured,
)
from .giving import GIVEN, verb_concept
from .markets import goods_bought, market_role
from .merge import add_implied, collapse
from .parse import (
    FAMILY,
    ConceptMatch,
    clause_around,
)
from .parties import read_roles, reporting_economies, roles_to_parties
from .resolve import (
    anaphor,
    anaphor_parties,
    listed_partner,
    partners,
    respective_parties,
    sibling,
)
from .sources import headline_speaker_rows, story_source_rows, walk_story
from .voice import (
    type_of_claim,
    voice,
)
from .when import TIME_UNITS, figure_period, growth_period

#: Quantity kinds that are claims only when tied to a concept word.
_CONCEPT_BOUND_KINDS = {"percent", "ratio", "measure"}
_TIME_UNIT = re.compile(r"second|minute|hour|day|week|month|year|decade|century")
#: Units no trade, investment, aid or loan figure is told in: "170 km of railroads".
_NO_FLOW_UNIT = re.compile(r"meter|metre|mile|foot|feet|inch|yard|hectare|acre|square|watt|volt|"
                           r"hertz|byte|bit|celsius|fahrenheit|kelvin|degree|calorie|joule")
_OWN_PLACE_AFTER = re.compile(r"\s*(?:worth\s+)?(?:of\s+\w+\s+)?(?:to|from|with|in)\s+(?:the\s+)?\Z",
                             re.IGNORECASE)
_CHANGE_TO_LEVEL = re.compile(r"\s*(?:to|at)\s+(?:an?\s+)?(?:record\s+|new\s+|provisional\s+|"
                              r"estimated\s+|revised\s+)?(?:about\s+|some\s+|around\s+|nearly\s+)?",
                              re.IGNORECASE)
_SPAN_BEFORE = re.compile(r"\b(?:first|last|past|next|final|previous|remaining|opening)\s+\Z",
                          re.IGNORECASE)
_PART_OF_YEAR = re.compile(r"quarters?|halves|half", re.IGNORECASE)
_RATE_LIST_GAP = re.compile(r"\s*(?:,|and|or|,\s*and)\s*")
_BASE_BEFORE = with_start_filter(
    r"\b(?:after\s+(?:reaching|hitting|totall?ing|touching)|(?:up|down)\s+from|from|below|above|"
    r"compared\s+(?:with|to)(?:\s+an?)?(?:\s+\w+)?\s+of|compared\s+with|against|versus|currently(?:\s+at)?|previously[- ](?:pledged|promised|"
    r"announced)|(?:last|the\s+previous|the\s+prior)\s+year['’]s)\s+(?:an?\s+)?(?:estimated\s+)?"
    r"(?:about|some|around|nearly|almost|roughly|just\s+over|just\s+under)?\s*\Z",
    re.IGNORECASE)
_BALANCE_AFTER = re.compile(r"\s*(?:trade\s+)?(surplus|deficit)\b", re.IGNORECASE)
#: "aimed to bring the surplus below $100bn": the bound is the goal, not a base
_AIMED_BOUND = re.compile(r"\b(?:bring|cut|reduce|lower|keep|push|lift|raise|hold)\b[^,;.]{0,40}?\b"
                          r"(?:below|under|above|over)\s+\Z", re.IGNORECASE)
_PRIVATE = ("_undated", "_sentence", "_cmatch", "_compared", "_parties", "_clause", "_places",
            "_sent_start", "_unit_doubt")


@dataclass
class _Walk:
    """What the walk through one article carries from figure to figure."""

    art: Article
    items: list[Item]
    converts: dict[int, int]
    by_anchor: dict[int, list[Item]]
    named_before: dict[int, str | None]
    subject_at: dict[int, str | None]
    spans: list[tuple[int, int]]
    source_before: dict[int, str | None] = field(default_factory=dict)
    prev: dict[str, Any] | None = None
    prev_item: Item | None = None
    sentence_period: dict[int, str | None] = field(default_factory=dict)
    last_family: dict[str, Any] | None = None  # the last trade-family claim read
    #: (sentence, buyer) -> seller of the exports read in a sentence so far
    buyers: dict[tuple[int, str], str] = field(default_factory=dict)
    told: dict[int, str | None] = field(default_factory=dict)
    fdi_from: int | None = None  # the first sentence that names FDI
    last_money: Item | None = None
    last_balance: str | None = None
    balance_seen: int = -1
    home_at: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    told_units: list[tuple[int, str]] | None = None  # (start, unit) of the stated figures

    @classmethod
    def start(cls, art: Article, found: list[Item]) -> _Walk:
        items = items_of(art, found)
        converts = find_conversions(art, items)
        by_anchor: dict[int, list[Item]] = {}
        for k, a in converts.items():
            by_anchor.setdefault(a, []).append(items[k])
        named_before, subject_at, source_before = walk_story(art)
        return cls(art, items, converts, by_anchor, named_before, subject_at,
                   [(s.start, s.end) for s in art.sentences], source_before)

    def homes(self, idx: int, sent: Sentence) -> list[tuple[str, str]]:
        """The economies a one-sided figure of sentence ``idx`` may belong to (see
        :func:`~econnews.claims.parties.reporting_economies`), read once a sentence."""
        if idx not in self.home_at:
            if self.told_units is None:  # "$48bn (£25.5bn)": the outlet's own conversion
                self.told_units = sorted((i.start, str(i.unit)) for k, i in enumerate(self.items)
                                         if isinstance(i.unit, str) and k not in self.converts)
            told = self.told_units
            lo = bisect.bisect_left(told, (sent.start, ""))
            hi = bisect.bisect_left(told, (sent.end, ""))
            self.home_at[idx] = reporting_economies(
                self.art, sent, [u for _, u in told[lo:hi]], self.subject_at[idx],
                [u for _, u in told])
        return self.home_at[idx]

    def home(self, idx: int, sent: Sentence) -> str | None:
        """The economy a one-sided figure of sentence ``idx`` most likely belongs to."""
        return next((c for c, _ in self.homes(idx, sent)), None)

    def prev_balance(self, idx: int) -> dict[str, Any] | None:
        """The last claim read if it is a balance of sentence ``idx`` (a balance's partner
        is never another balance's)."""
        r = self.last_family
        return r if r is not None and r["_sentence"] == idx and r["concept"] in {
            "trade_surplus", "trade_deficit"} else None

    def balance_until(self, idx: int) -> str | None:
        """The last balance the article named explicitly, up to sentence ``idx``."""
        while self.balance_seen < idx:
            self.balance_seen += 1
            for c in self.art.sentences[self.balance_seen].concepts:
                if c.concept in BALANCES and not is_generic(c, self.art.text):
                    self.last_balance = c.concept
        return self.last_balance


def article_claims(art: Article, found: list[Item]) -> list[dict[str, Any]]:
    """The claim rows of one article (private ``_`` keys dropped), in text order."""
    w = _Walk.start(art, found)
    rows: list[dict[str, Any]] = []
    for k, it in enumerate(w.items):
        if it.kind == "money" and k not in w.converts:
            w.last_money = it
        it = elided_money(it, w.last_money)
        row = _read_figure(w, k, it)
        if row is None:
            continue
        row["_unit_doubt"] = hundredths_doubt(w.items, k)  # "Shr 95 cts vs 1.20"
        rows.append(row)
        if row["concept"] in FAMILY:
            w.last_family = row
        if row["concept"] == "exports" and isinstance(row["party_to"], str) \
                and isinstance(row["party_from"], str):
            w.buyers.setdefault((row["_sentence"], row["party_to"]), row["party_from"])
        twin = sibling(w, row, it)
        if twin is not None:
            rows.append(twin)
        w.prev, w.prev_item = row, it
        idx = row["_sentence"]
        if row["_compared"] is None and row["period"] is not None \
                and row["period_by"] != "comparison" \
                and row["concept"] in FAMILY and idx not in w.sentence_period \
                and row["claim_type"] in {"level", "change", "ratio"} \
                and not _BASE_BEFORE.search(art.text, max(row["_sent_start"], it.start - 60),
                                            it.start):
            # "The deficit compared with a deficit of 1.76 billion dlrs in February 1986":
            # a base's period is not the one the next sentences report on
            w.sentence_period[idx] = row["period"]
    respective_periods(art, rows)
    respective_parties(art, rows)
    headline_speaker_rows(art, rows)
    story_source_rows(art, w.named_before, rows)
    out = add_implied(collapse(rows))
    for r in out:
        r["evidence"] = evidence_text(r)
        r["needs_review"], r["review_reason"] = review(r)
    flagged = {(r.get("start"), r.get("concept")) for r in out if r["needs_review"]}
    for r in out:
        base = r.get("_compared")
        if not r["needs_review"] and isinstance(base, dict) \
                and (base.get("start"), base.get("concept")) in flagged:
            # "China's exports rose to $1.12bn from $904m": read with the figure it is
            # compared with, so as doubtful as that one
            r["needs_review"], r["review_reason"] = True, "compared with a flagged figure"
        for key in _PRIVATE:
            r.pop(key, None)
    return out


def _what(w: _Walk, k: int, it: Item, sent: Sentence, idx: int, clause: tuple[int, int],
          ) -> tuple[ConceptMatch | None, str, dict[str, Any] | None] | None:
    """The concept word a figure belongs to (and how it was found), or the claim it is
    compared with; None when the figure is no claim."""
    art, kind = w.art, it.kind
    cmatch, concept_by = concept_of(art, sent, clause, it.start, it.end,
                                    w.balance_until(idx))
    # a comparison figure takes the concept of the figure it is compared with
    compared = compared_with(art, sent, w.prev, w.prev_item, cmatch, it.start, it.kind)
    if compared is None and cmatch is None:
        cmatch = anaphor(w, it, idx, clause)
        concept_by = "anaphor" if cmatch is not None else concept_by
    if compared is None and cmatch is None and kind != "money":
        return None
    if kind in {"ratio", "percent", "measure"} and _PART_OF_YEAR.search(it.surface) \
            and _SPAN_BEFORE.search(art.text, max(0, it.start - 12), it.start):
        return None  # "in the first three quarters": a span of time, not a fraction
    if kind == "measure" and (_TIME_UNIT.search(str(it.unit))
                              or _NO_FLOW_UNIT.search(str(it.unit))):
        return None  # "the first 20 days of February": a span of time, not a claim
    if kind in {"percent", "ratio"} and compared is None and cmatch is not None \
            and cmatch.concept == "other":
        return None  # "bank bill yields rose to 16.4 pct": no amount of anything we read
    if kind in {"percent", "ratio"} and compared is None:
        measured = what_measured(art, sent, it, w.prev, w.prev_item)
        if measured is None:
            return None
        if isinstance(measured, ConceptMatch):
            cmatch, concept_by = measured, ("phrase" if measured is cmatch else "share_of")
        elif isinstance(measured, dict):
            compared, concept_by = measured, "list"
    if compared is not None and concept_by != "list":
        concept_by = "comparison"
    return cmatch, concept_by, compared


def _read_figure(w: _Walk, k: int, it: Item) -> dict[str, Any] | None:
    """One figure read into a claim row, or None when it is no claim."""
    art, kind, start, end = w.art, it.kind, it.start, it.end
    if k in w.converts or kind not in {"money", *_CONCEPT_BOUND_KINDS}:
        return None
    idx = sentence_at(w.spans, start)
    if idx is None:
        return None
    sent = art.sentences[idx]
    if w.prev is not None and w.prev["_sentence"] != idx:
        w.prev = w.prev_item = None
    clause = clause_around(sent.text, sent.start, start, end)
    what = _what(w, k, it, sent, idx, clause)
    if what is None:
        return None
    cmatch, concept_by, compared = what
    per = None if pd.isna(it.per) else str(it.per)
    rate = compared is None and (is_rate(art, it, clause) or (
        w.prev is not None and w.prev_item is not None and w.prev["concept"] == "exchange_rate"
        and it.kind == "money" and _RATE_LIST_GAP.fullmatch(art.text, w.prev_item.end, start)))
    # "the dollar could fall towards 1.77 marks and 140 yen": both rates
    hedges, hedge_kind, name, reported_by, hint, planned, speaker_by = voice(
        art, sent, clause, start, end, w.named_before[idx], w.source_before.get(idx))
    change = figure_change(art.text, it, clause, w.prev, w.prev_item)
    if compared is not None:
        f = _compared_fields(w, k, it, sent, compared, change, cmatch)
    else:
        f = _own_fields(w, it, sent, idx, clause, cmatch, rate, per, hedge_kind, hint,
                        planned, change)
        per = f.pop("per")
    f["concept_by"] = f.get("concept_by") or concept_by
    if f["concept_by"] == "anaphor":
        anaphor_parties(w, f, sent, idx, clause, it)
    conv = w.by_anchor.get(k, [])
    fx, stated = row_fx(it, conv, rate)
    doc = art.doc_id or "text"
    low = it.value if pd.isna(it.low) else it.low
    high = it.value if pd.isna(it.high) else it.high
    return {
        "doc_id": art.doc_id, "date": art.date, "source": art.source,
        "concept": f["concept"], "parties": ",".join(f["parties"]) or pd.NA,
        "party_from": f["src"], "party_to": f["dst"], "claim_type": f["claim_type"],
        "value": it.value, "unit": it.unit,
        "bound": it.bound, "change": change, "period": f["period"],
        "speaker": name, "hedge": ",".join(hedges) or pd.NA,
        "quantity_index": it.pos, "start": start, "end": end, "surface": it.surface,
        "sentence": sent.text, "derived_from": pd.NA, "claim_id": f"{doc}:{start}",
        "kind": kind, "reported_by": reported_by,
        "in_title": start < art.title_end, "mentions": 1, "implies": pd.NA,
        "stated_usd": stated, "per": per, "country": art.country,
        "conversions": "; ".join(f"{c.unit} {c.value:.6g}" for c in conv) or pd.NA,
        **fx,
        "value_low": low, "value_high": high,
        "concept_by": f["concept_by"], "parties_by": f["parties_by"],
        "claim_type_by": f["claim_type_by"], "period_by": f["period_by"],
        "speaker_by": speaker_by if name else "none",
        "_sentence": idx, "_cmatch": cmatch, "_compared": compared,
        "_parties": f["parties"], "_clause": clause,
        "_places": [p for p in sent.places if p.code in f["parties"]],
        "_sent_start": sent.start, "_undated": art.period_date_inferred,
    }


#: A part of a sum told before: "of that", "of the package", "of which".
_WHOLE = (r"(?:that|this|which|the\s+(?:package|pledge|sum|amount|total|money|funds?|financing|"
          r"programme|program|deal|commitment))\b")
_FURTHER = re.compile(r"\b(?:a\s+further|another|the\s+rest|the\s+remaining|the\s+remainder)\s+"
                      r"(?:of\s+)?(?:about\s+|some\s+)?\Z", re.IGNORECASE)
_PART_OF = re.compile(rf"\s+of\s+{_WHOLE}", re.IGNORECASE)
_PART_OF_FIRST = re.compile(rf"\s*(?:Of|Out\s+of)\s+{_WHOLE}", re.IGNORECASE)
_NEW_VERB_PAST = re.compile(r"\b(?:rose|fell|grew|reached|totalled|totaled|was\s+up|was\s+down)\b",
                            re.IGNORECASE)


def _pair_from_previous(w: _Walk, it: Item, sent: Sentence, idx: int, concept: str,
                        src: Any, dst: Any, parties: list[Any], parties_by: str,
                        ) -> tuple[Any, Any, list[Any], str]:
    """The parties a figure takes from the figure before it in its sentence: the mirror of
    exports told just before imports, or the pair of a change the level completes."""
    art, prev, prev_item = w.art, w.prev, w.prev_item
    mirror = {"exports": "imports", "imports": "exports"}.get(concept)
    if mirror and prev is not None and prev_item is not None and \
            prev["concept"] == mirror and prev["party_from"] and prev["party_to"] \
            and not any(prev_item.end <= p.start < it.end and p.code not in {
                prev["party_from"], prev["party_to"]} for p in sent.places) \
            and not any(it.end <= p.start < sent.end and _OWN_PLACE_AFTER.match(
                art.text, it.end, p.start) for p in sent.places):
        # "imports from the EC worth $5.7bn and exports worth $2.6bn", "exported $500m of
        # goods to the United States and imported $1.5bn worth": the other way
        src, dst = prev["party_to"], prev["party_from"]
        parties, parties_by = [src, dst], prev["parties_by"]
    if prev is not None and prev_item is not None and prev["_sentence"] == idx \
            and prev["concept"] == concept and prev["kind"] == "percent" \
            and isinstance(prev["party_from"], str) and isinstance(prev["party_to"], str) \
            and (src is None or dst is None) \
            and set(parties) <= {prev["party_from"], prev["party_to"]} \
            and _CHANGE_TO_LEVEL.fullmatch(art.text, prev_item.end, it.start):
        # "exports plunged 52 pct to 265 mln crowns": the level of the flow that changed
        src, dst = prev["party_from"], prev["party_to"]
        parties, parties_by = [src, dst], prev["parties_by"]
    return src, dst, parties, parties_by


_FROM_LEVEL = re.compile(r"\bfrom\s+(?:an?\s+)?(?:revised\s+|about\s+|some\s+)?\Z", re.IGNORECASE)


def _compared_fields(w: _Walk, k: int, it: Item, sent: Sentence, compared: dict[str, Any],
                     change: Any, cmatch: ConceptMatch | None = None) -> dict[str, Any]:
    """A comparison figure's fields: the compared claim's concept and parties, a period
    of its own."""
    kind = it.kind
    nxt = w.items[k + 1].start if k + 1 < len(w.items) else sent.end
    period = compared_period(w.art, sent, it.end, nxt, compared["period"], it.start)
    if period is not None and period == compared["period"] \
            and compared.get("period_by") != "clause" and _FROM_LEVEL.search(
                w.art.text, max(sent.start, it.start - 30), it.start):
        # "Total exports expanded to 10.44 billion from 9.85 billion in February" with
        # February told before: the month is the rise's, the level it rose from the one
        # before
        period = prior_period(period) or period
    if period is None:
        period = growth_period(w, it, sent)
    is_change = isinstance(change, str) and kind != "money"
    concept = compared["concept"]
    own = cmatch
    if own is not None and {own.concept, concept} == {"trade_surplus", "trade_deficit"} \
            and own.end <= it.start and re.fullmatch(r"\s+(?:of\s+)?(?:about\s+|some\s+)?",
                                                     w.art.text[own.end:it.start]):
        concept = own.concept  # "a deficit of 71.3 mln ..., compared with a surplus of 468.6"
    elif concept in {"trade_surplus", "trade_deficit"}:
        after = _BALANCE_AFTER.match(w.art.text, it.end)
        if after:  # "a 3.5 billion deficit after a 2.54 billion dlr surplus": its own
            concept = "trade_surplus" if after.group(1).lower() == "surplus" else "trade_deficit"
    return {"concept": concept, "src": compared["party_from"],
            "dst": compared["party_to"], "parties": compared["_parties"],
            "claim_type": "change" if is_change else "level",
            "claim_type_by": "change" if is_change else "comparison",
            "period": period, "period_by": "comparison" if period else "none",
            "parties_by": compared["parties_by"]}


def _own_fields(w: _Walk, it: Item, sent: Sentence, idx: int, clause: tuple[int, int],
                cmatch: ConceptMatch | None, rate: bool, per: str | None, hedge_kind: str,
                hint: str, planned: bool, change: Any) -> dict[str, Any]:
    """A figure's fields read from its own phrase, clause and story."""
    art = w.art
    concept = cmatch.concept if cmatch else "other"
    concept_by = None
    if w.fdi_from is None:
        w.fdi_from = next((j for j, s in enumerate(art.sentences[:art.upto])
                           if any(c.concept == "fdi" for c in s.concepts)), len(art.sentences))
    if concept == "investment" and w.fdi_from <= idx:
        concept, concept_by = "fdi", "story_concept"  # "investors" in a story on FDI
    if rate:
        concept, per, concept_by = "exchange_rate", per or "USD", "rate"
    elif per and per not in TIME_UNITS and concept in FAMILY | {"other"}:
        concept, concept_by = "prices", "per_unit"  # "410 dlrs an ounce": a price
    named = verb_concept(art.text, clause[0], it.start) if it.kind == "money" and not rate \
        and (cmatch is None or (concept_by != "comparison" and cmatch.end <= it.start)) else None
    if named is not None and (cmatch is None or named[1] >= cmatch.end):
        # "Japan will lend Ivory Coast 42bn yen": a loan; "Taiwanese firms have invested
        # $430m ..., and Taipei will lend $150m": the nearer verb names the second
        concept, concept_by = named[0], "verb"
        cmatch = ConceptMatch(named[1], named[2], concept)
    roles, parties_by = read_roles(art, idx, sent, cmatch, clause, concept,
                                   w.subject_at[idx], it.start, w.homes(idx, sent))
    concept, roles, parties_by = partners(w, it, sent, idx, clause, cmatch, concept, roles,
                                           parties_by)
    src, dst, parties = roles_to_parties(roles)
    bought = goods_bought(art, sent, it.start, it.end, clause, w.home(idx, sent)) \
        if it.kind == "money" else None
    if bought is not None:  # "Vietnam took $27.5bn of Korean goods": Korea's exports
        concept, src, dst = bought
        parties, parties_by, concept_by = [src, dst], "phrase", "phrase"
    partnerless = {"exports": dst is None, "imports": src is None,
                   "trade": len(set(parties)) < 2}.get(concept, False)
    if (concept == "other" and it.kind == "money") or (it.kind == "percent" and partnerless):
        held = market_role(art, sent, it.start, it.end, w.home(idx, sent))
        if held is not None and held[0] in {concept, "exports", "imports", "trade"} \
                and (concept == "other" or held[0] == concept):
            # "China remained Peru's biggest buyer at $1.6bn", "its biggest market,
            # taking 15.8% of exports, followed by Japan at 9.6%"
            concept, src, dst, parties = held
            parties_by, concept_by = "phrase", "role"
    prev = w.prev
    pair = w.last_family
    if concept in {"trade_surplus", "trade_deficit"} and src is not None and dst is None \
            and pair is not None and pair["_sentence"] == idx and pair is not w.prev_balance(idx):
        both = {c for c in (pair["party_from"], pair["party_to"], *str(pair["parties"]).split(","))
                if isinstance(c, str) and c not in {"", "<NA>"}}
        if len(both) == 2 and src in both:
            # "Two-way trade between Paraguay and Taiwan reached $176m, with the South
            # American country running a surplus of $60m": with the pair's other member
            dst = next(c for c in both if c != src)
            parties = [src, dst]
    seller = w.buyers.get((idx, src)) if concept == "exports" and src is not None else None
    if seller is not None and dst != seller \
            and parties_by.split("+")[0] in {"clause_subject", "sentence_subject"}:
        # "China took $176m of Uruguay's goods, while sales to Brazil rose 12%": the buyer
        # of the first clause is not the seller of the second
        src = seller
        parties = [c for c in (src, dst) if isinstance(c, str)]
    if concept == "other" and it.kind == "money" and prev is not None \
            and prev["_sentence"] == idx and prev["concept"] in FAMILY - {"trade"}:
        listed = listed_partner(w, it, idx, prev["concept"], w.home(idx, sent))
        if listed is not None and listed[0] in {"from", "to"}:
            # "The United States bought $5.6bn of goods and Germany $4.8bn", "China bought
            # $11.9bn of Peru's goods, followed by the U.S. at $4.3bn": the list's claim
            concept, concept_by, parties_by = prev["concept"], "list", "phrase"
            src, dst = prev["party_from"], prev["party_to"]
            src, dst = (listed[1], dst) if listed[0] == "from" else (src, listed[1])
            parties = [c for c in (src, dst) if isinstance(c, str)]
    src, dst, parties, parties_by = _pair_from_previous(w, it, sent, idx, concept, src, dst,
                                                        parties, parties_by)
    claim_type, type_by = type_of_claim(hedge_kind, hint, change, it.kind)
    if planned and claim_type in {"level", "change", "ratio"}:
        claim_type, type_by = "target", "plan_owner"  # part of somebody's plan
    whole = w.last_family
    if claim_type in {"level", "forecast"} and whole is not None \
            and whole["claim_type"] == "target" and whole["_sentence"] in {idx - 1, idx} \
            and (_PART_OF.match(art.text, it.end) or _PART_OF_FIRST.match(sent.text) or (
                _FURTHER.search(art.text, max(sent.start, it.start - 25), it.start)
                and w.prev is not None and w.prev["_sentence"] == idx
                and w.prev["claim_type"] == "target")) \
            and not _NEW_VERB_PAST.search(
                art.text, clause[0], it.start):
        # "China will provide 360 billion yuan ... About 210 billion yuan of that would be
        # credit lines", "Of the package, 1.4 billion euros is concessional lending"
        claim_type, type_by = "target", "plan_owner"
        if concept in GIVEN and whole["concept"] in GIVEN and set(parties) <= {
                whole["party_from"], whole["party_to"]}:
            src = src or whole["party_from"]  # a part of the package is given by its giver
            dst = dst or whole["party_to"]  # to its taker
            if src == dst:
                src = whole["party_from"]
                dst = whole["party_to"]
            parties = [c for c in (src, dst) if isinstance(c, str)]
            parties_by = "earlier_sentence"  # the package's, read in the sentence before
    if claim_type in {"forecast", "target"} and _BASE_BEFORE.search(
            art.text, max(clause[0], it.start - 45), it.start) and not _AIMED_BOUND.search(
            art.text, max(clause[0], it.start - 45), it.start):
        # "is expected to reach $55bn, below last year's $57bn", "to $1bn from about
        # $0.5bn", "currently about A$1.4bn": the figure now, not the one hoped for
        claim_type, type_by = ("change" if isinstance(change, str) else "level"), "comparison"
    period, period_by = figure_period(w, it, sent, idx, clause, concept, claim_type, per)
    return {"concept": concept, "concept_by": concept_by, "per": per, "src": src,
            "dst": dst, "parties": parties, "parties_by": parties_by,
            "claim_type": claim_type, "claim_type_by": type_by, "period": period,
            "period_by": period_by}
