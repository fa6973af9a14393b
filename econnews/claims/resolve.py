"""The story-level pass over a figure's parties: what its own sentence leaves open is
resolved from the story around it. A list's later items take their own partner ("a surplus
of $31bn with China, $12bn with the U.S."; "the one with Vietnam to $40bn"), a figure that
points back ("those to the U.S.", "Brazil accounted for $188bn") takes the last trade
claim's concept and owner, a total keeps one party, a balance "in X's favour" is X's
surplus, "owes China $7bn" names the lender, and one value shared by two coordinated
concepts ("imports and exports each rose 7%") becomes two claims.

>>> bool(_LISTED_GAP.match(" at ")), bool(_ANAPHOR.search("while those to the U.S. fell"))
(True, True)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pandas as pd

from .article import Article, Item, Sentence
from .parse import FAMILY, FLOWS, ConceptMatch
from .parties import read_roles, roles_to_parties
from .totals import favoured, is_total, own_partner, total_roles

if TYPE_CHECKING:
    from .read import _Walk


_ANAPHOR = re.compile(r"\b(?:those|that|the\s+ones?)(?=\s+(?:to|from|with|in|into)\b)"
                      r"|(?<=\s)(?:accounted\s+for|made\s+up|took|takes|contributed)\b",
                      re.IGNORECASE)


def anaphor(w: _Walk, it: Item, idx: int, clause: tuple[int, int]) -> ConceptMatch | None:
    """A figure that names its concept only by pointing back: "Shipments to China jumped
    21%, while those to the U.S. fell 6.2%", "Brazil accounted for $188bn" (of the trade
    just told): a concept word of the last trade-family claim, at the pointing words."""
    last = w.last_family
    if last is None or last["_sentence"] < idx - 1:
        return None
    found = list(_ANAPHOR.finditer(w.art.text, clause[0], it.start))
    if not found:
        return None
    m = found[-1]
    return ConceptMatch(m.start(), m.end(), last["concept"])


def anaphor_parties(w: _Walk, f: dict[str, Any], sent: Sentence, idx: int,
                     clause: tuple[int, int], it: Item) -> None:
    """An item that points back ("those to the U.S.", "Brazil accounted for $188bn") has
    the pointed-to claim's owner and its own partner, nobody else."""
    home = w.subject_at[idx] or w.art.country
    if f["src"] or f["dst"]:
        f["parties"] = [c for c in (f["src"], f["dst"]) if c]
        return
    own = [p.code for p in sent.places if clause[0] <= p.start < it.start]
    f["parties"] = sorted({*own[-1:], *([home] if home else [])})


_OWES = re.compile(r"\bow(?:es|ed|e|ing)\s+(?:the\s+)?", re.IGNORECASE)


def partners(w: _Walk, it: Item, sent: Sentence, idx: int, clause: tuple[int, int],
              cmatch: ConceptMatch | None, concept: str, roles: dict[str, list[str]],
              parties_by: str) -> tuple[str, dict[str, list[str]], str]:
    """The parties read beyond the roles of the concept word: a balance "in X's favour"
    (X's surplus), an economy-wide total (one party), a list's own partner ("$12bn with
    the U.S.")."""
    art = w.art
    if concept not in FAMILY or cmatch is None:
        return concept, roles, parties_by
    home = w.subject_at[idx] or art.country
    if concept == "loans":
        lender = _OWES.search(art.text, clause[0], clause[1])
        code = lender and next((p.code for p in sent.places if p.start == lender.end()), None)
        if code:  # "Sri Lanka owes China $7.4bn": China lent it
            debtor = [c for c in roles["from"] + roles["to"] + roles["party"] if c != code]
            return concept, {"from": [code], "to": debtor[:1] or ([home] if home and home != code
                                                                  else []), "party": []}, "phrase"
    if concept in {"trade_deficit", "trade_surplus"}:
        who = favoured(art.text, sent.places, clause[0], clause[1])
        if who:
            others = [c for c in roles["from"] + roles["to"] + roles["party"] if c != who]
            if not others and home and home != who:
                others = [home]
            return "trade_surplus", {"from": [who], "to": others[:1], "party": []}, "phrase"
    prev = w.prev
    if "+story" in parties_by and prev is not None and prev["_sentence"] == idx \
            and prev["concept"] == concept and not prev["parties_by"].startswith(
                ("story", "earlier")):
        # "U.S. imports from Mexico rose 5%, while imports from China fell 20%": the
        # parallel clause keeps the first clause's importer, not the story's country
        for side, code in (("from", prev["party_from"]), ("to", prev["party_to"])):
            other = roles["to" if side == "from" else "from"]
            if isinstance(code, str) and code not in other and roles[side] != [code] \
                    and len(roles[side]) == 1 and roles[side][0] == home:
                roles = {**roles, side: [code]}
                parties_by = parties_by.split("+")[0]
    if is_total(art.text, cmatch, it.end, clause[1]):
        if any(total_roles(roles, concept, None).values()):
            return concept, total_roles(roles, concept, home), "total"
        # "Total exports rose 5%" with no owner named: the reporting economy's
        code, code_by = next(iter(w.homes(idx, sent)), (None, "none"))
        return concept, total_roles(roles, concept, code), f"total+{code_by}"
    nxt = next((x.start for x in w.items if x.start >= it.end), sent.end)
    own = own_partner(art.text, sent.places, it.start, it.end, min(nxt, sent.end), concept)
    listed = own is None
    if own is None:
        own = listed_partner(w, it, idx, concept, home)
    if own is None:
        return concept, roles, parties_by
    role, code = own
    everyone = roles["from"] + roles["to"] + roles["party"]
    if roles.get(role) == [code] or (role == "party" and code in everyone):
        return concept, roles, parties_by
    roles = {r: [c for c in v if c != code] for r, v in roles.items()}
    if role == "party":
        keep = [c for c in everyone if c == home][:1] or [c for c in everyone if c != code][:1]
        roles = {"from": [], "to": [], "party": [*keep, code]}
    else:
        roles[role] = [code]
        other = {"from": "to", "to": "from"}[role]
        prev = w.prev
        same_list = prev is not None and prev["_sentence"] == idx and prev["concept"] == concept \
            and isinstance(prev.get(f"party_{role}"), str) and prev[f"party_{role}"] != code
        kept = prev.get(f"party_{other}") if prev is not None and (listed or same_list) else None
        if isinstance(kept, str) and kept != code:
            # "Vietnam alone took $27.5bn of Korean goods, followed by Singapore at $6.3bn":
            # the list's other side stays the first item's (Korea), not its subject
            roles[other] = [kept]
        if not roles[other] and (concept in FLOWS or (
                concept in {"investment", "fdi"} and role == "from")):
            # "followed by Australia at 12 per cent" in a New Zealand story: the list's
            # own side is the reporting economy's
            home_code = next((c for c, _ in w.homes(idx, sent) if c != code), None)
            if home_code:
                roles[other] = [home_code]
    return concept, roles, "phrase"



_COORDINATED = re.compile(r"\s*(?:,|and|or|&|as\s+well\s+as)\s*(?:both\s+|its\s+|their\s+)?",
                          re.IGNORECASE)


def sibling(w: _Walk, row: dict[str, Any], it: Item) -> dict[str, Any] | None:
    """The second claim of one value shared by two coordinated concepts ("imports and
    exports each rose 7%": the imports claim beside the exports one), or None."""
    cm = row["_cmatch"]
    if cm is None or row["_compared"] is not None or row["concept"] not in FAMILY:
        return None
    art = w.art
    idx = row["_sentence"]
    sent = art.sentences[idx]
    other = next((c for c in sent.concepts if c.concept in FAMILY and c.concept != cm.concept
                  and c.concept not in {"trade"} and cm.concept not in {"trade"}
                  and ((c.end <= cm.start and _COORDINATED.fullmatch(art.text, c.end, cm.start))
                       or (cm.end <= c.start and c.end <= it.start
                           and _COORDINATED.fullmatch(art.text, cm.end, c.start)))), None)
    if other is None:
        return None
    clause = row["_clause"]
    roles, parties_by = read_roles(art, idx, sent, other, clause, other.concept,
                                   w.subject_at[idx], it.start)
    concept, roles, parties_by = partners(w, it, sent, idx, clause, other, other.concept,
                                           roles, parties_by)
    src, dst, parties = roles_to_parties(roles)
    doc = art.doc_id or "text"
    return {**row, "concept": concept, "parties": ",".join(parties) or pd.NA,
            "party_from": src, "party_to": dst, "parties_by": parties_by,
            "concept_by": "coordination", "claim_id": f"{doc}:{it.start}+{concept}",
            "_cmatch": other, "_parties": parties,
            "_places": [p for p in sent.places if p.code in parties]}


_LISTED_GAP = re.compile(r"\s*(?:,\s*)?(?:(?:was|were|is|are|came|ranked|stood)\s+)?"
                         r"(?:(?:second|third|fourth|fifth|next)\s+)?(?:(?:at|to|with|on|for)\s+|"
                         r"(?<=\w)\s+)"
                         r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+)?\Z", re.IGNORECASE)


def listed_partner(w: _Walk, it: Item, idx: int, concept: str,
                    home: str | None) -> tuple[str, str] | None:
    """A list's later item names its partner just before its figure: "the deficit with
    Mexico widened to $171.8bn, the one with Vietnam to $123.5bn", "Singapore was the
    largest investor with $4.3bn, followed by South Korea at $2.9bn"; the partner takes
    the role the list's first item gave its own partner."""
    prev, prev_item = w.prev, w.prev_item
    if prev is None or prev_item is None or prev["_sentence"] != idx \
            or prev["concept"] != concept:
        return None
    sent = w.art.sentences[idx]
    between = [p for p in sent.places if prev_item.end <= p.start and p.end <= it.start
               and p.kind != "description"]
    if not between or not _LISTED_GAP.match(w.art.text, between[-1].end, it.start):
        return None
    code = between[-1].code
    for role in ("to", "from", "party"):
        side = [c for c in str(prev["parties"]).split(",")] if role == "party" else \
            [prev["party_to"] if role == "to" else prev["party_from"]]
        partner = [c for c in side if isinstance(c, str) and c != home]
        if partner and role != "party":
            return role, code
    if concept in {"trade_surplus", "trade_deficit", "exports"}:
        return "to", code
    if concept in {"imports", "investment", "fdi", "loans", "aid"}:
        return "from", code
    return "party", code


_RESPECTIVELY = re.compile(r"\brespectively\b", re.IGNORECASE)
#: The side of a flow its partner takes.
_PARTNER_SIDE = {"exports": "party_to", "imports": "party_from", "trade_surplus": "party_to",
                 "trade_deficit": "party_to"}


def respective_parties(art: Article, rows: list[dict[str, Any]]) -> None:
    """"Exports to China and Japan rose 4.5% and 2.2% respectively": each figure of the
    coordinated run takes the partner named in its place, not the first one for all."""
    by_sentence: dict[int, list[dict[str, Any]]] = {}
    for r in rows:
        if r["concept"] in _PARTNER_SIDE and r["_compared"] is None:
            by_sentence.setdefault(r["_sentence"], []).append(r)
    for idx, group in by_sentence.items():
        sent = art.sentences[idx]
        if len(group) < 2 or not _RESPECTIVELY.search(sent.text):
            continue
        run = [group[-1]]  # the figures joined by "and" / "," just before "respectively"
        for r in reversed(group[:-1]):
            if r["concept"] != run[0]["concept"] or not _AND_ONLY.fullmatch(
                    art.text, r["end"], run[0]["start"]):
                break
            run.insert(0, r)
        if len(run) < 2:
            continue
        side = _PARTNER_SIDE[run[0]["concept"]]
        other = "party_from" if side == "party_to" else "party_to"
        owners = {r[other] for r in run}
        lo = max((r["end"] for r in group if r["end"] <= run[0]["start"]), default=sent.start)
        named: list[str] = []
        for p in sent.places:
            if lo <= p.start and p.end <= run[0]["start"] and p.kind != "demonym" \
                    and p.code not in named and p.code not in owners:
                named.append(p.code)
        if len(named) != len(run):
            continue
        for r, code in zip(run, named, strict=True):
            if r[side] == code:
                continue
            r[side] = code
            r["_parties"] = [c for c in (r["party_from"], r["party_to"]) if c]
            r["parties"] = ",".join(r["_parties"])
            r["parties_by"] = "respective"


_AND_ONLY = re.compile(r"\s*(?:,\s*)?(?:and\s+)?", re.IGNORECASE)
