"""Claims: who claims what about whose trade and investment.

A quantity is a number; a claim is what the article says with it.
:func:`find_claims` reads each money figure (and each percent, ratio or
measure tied to an economic concept) in its sentence and records:

* ``concept``: the taxonomy in ``econnews/data/concepts.csv`` (:data:`CONCEPTS`):
  trade (trade, turnover), exports, imports, trade_surplus, trade_deficit,
  investment, fdi, loans (loans, credit, debt), aid, sanctions_cost, gdp, budget,
  reserves, tariffs, prices, and ``other`` for a money figure with no concept word;
* ``parties``: ISO 3166 alpha-3 codes (SUN for the USSR; bloc codes such as EU,
  ASEAN, OPEC from ``places_aliases.csv``), ``party_from`` → ``party_to`` first when
  the direction is stated ("Japanese investment in Russia" is ``JPN,RUS`` with
  from JPN, to RUS), else sorted; for trade_surplus/trade_deficit ``party_from``
  is the side whose balance it is and ``party_to`` the counterpart; when the
  figure's own sentence names no direction, the nearest earlier sentence (up to
  two back) on the same concept fills it in;
* ``claim_type``: ``target`` (proposals, plans, goals), ``forecast`` (expected,
  will, could), ``change`` (the figure is a rise or fall), ``ratio`` (a
  multiplier that is none of these), ``level`` (everything else), and
  ``implied`` for rows derived from two claims (below);
* ``speaker``: who the sentence attributes it to ("X said", "according to X",
  "X told Kyodo"); when the figure belongs to somebody's plan ("Putin's plan
  ... to increase trade by 1.5 times") the plan's owner is the speaker and the
  reporting voice goes to ``reported_by``; "he/it said" is resolved to the last
  named speaker of the article;
* ``hedge``: the hedging or proposal words in the figure's clause;
* ``period``: "2017", "1987/88", "FY1986", "2019Q1", "1987-01", with "last
  year" resolved against the article date; NA when the text does not say.

Titles: an article's text usually starts with its title line.  A claim in the
title that the body repeats (same concept, parties, type, value and unit) is
collapsed into the body's claim, which keeps ``in_title=True``; in general,
repeats within one article are collapsed into their first body mention and
counted in ``mentions``.  So the example article yields exactly three claims
plus one implied row.

Implied figures: a ratio or percent change and a money figure on the same
concept and parties in one article give the other end of the change
(``30e9 / 1.5 = 20e9``), as ``claim_type="implied"`` rows whose ``derived_from``
names the two claim ids and whose ``surface`` spells the arithmetic.

>>> import pandas as pd
>>> text = "Putin proposes to raise trade with Japan 1.5 times, to $30 billion."
>>> q = pd.DataFrame({"doc_id": ["a", "a"], "surface": ["1.5 times", "$30 billion"],
...                   "kind": ["ratio", "money"], "value": [1.5, 3e10], "unit": ["times", "USD"]})
>>> q["start"] = [text.index(s) for s in q["surface"]]
>>> q["end"] = q["start"] + q["surface"].str.len()
>>> c = find_claims({"id": "a", "date": "2019-01-22", "text": text}, q)
>>> c[["concept", "claim_type", "value", "speaker"]].to_string(index=False)
'concept claim_type   value speaker\\n  trade     target     1.5   Putin\\n  trade     target 3.0e+10   Putin\\n  trade    implied 2.0e+10    <NA>'
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .. import schema
from ..common.sentences import sentence_at, split_sentences
from ..errors import EconnewsWarning, InputError, SchemaError
from .parse import (
    UNDIRECTED,
    ConceptMatch,
    Speaker,
    clause_around,
    find_concepts,
    find_hedges,
    find_speaker,
    nearest_concept,
    place_roles,
    proposal_owner,
    resolve_period,
)
from .places import Place, find_places

__all__ = ["CLAIMS", "CLAIM_TYPES", "COMPARE", "CONCEPTS", "compare", "find_claims"]

# The schemas live in econnews/schema.py; these names stay importable from here.
#: The concept taxonomy (:data:`econnews.schema.CONCEPTS`).
CONCEPTS = schema.CONCEPTS
#: The kinds of claim (:data:`econnews.schema.CLAIM_TYPES`).
CLAIM_TYPES = schema.CLAIM_TYPES
#: One row per claim (:data:`econnews.schema.CLAIMS`).
CLAIMS: dict[str, object] = schema.CLAIMS
#: One row per group of comparable claims (:data:`econnews.schema.COMPARE`).
COMPARE: dict[str, object] = schema.COMPARE

#: Columns :func:`find_claims` needs in a quantities table it is given.
QUANTITY_COLUMNS = ["doc_id", "start", "end", "surface", "kind", "value", "unit"]
#: Quantity kinds that are claims only when tied to a concept word.
_CONCEPT_BOUND_KINDS = {"percent", "ratio", "measure"}
_CHANGE_VERB = re.compile(
    r"\b(grew|grown|rose|risen|increased|jumped|surged|expanded|climbed|fell|fallen|dropped|"
    r"declined|decreased|shrank|shrunk|slumped)\s+(?:by\s+)?(?:some\s+|about\s+)?\Z",
    re.IGNORECASE)
_DOWN_VERBS = {"fell", "fallen", "dropped", "declined", "decreased", "shrank", "shrunk",
               "slumped"}
_TIME_UNIT = re.compile(r"second|minute|hour|day|week|month|year|decade|century")
_SECONDARY_WORDS = re.compile(r"\s*(\S+)\s*(\S+)?")


# ------------------------------------------------------------------ inputs


def _articles_frame(articles: Any) -> pd.DataFrame:
    if isinstance(articles, str):
        frame = pd.DataFrame({"text": [articles]})
    elif isinstance(articles, pd.Series):
        frame = articles.to_frame().T.reset_index(drop=True)
    elif isinstance(articles, Mapping):
        frame = pd.DataFrame([dict(articles)])
    elif isinstance(articles, pd.DataFrame):
        frame = articles
    else:
        raise SchemaError(
            "find_claims expects an articles table (econnews.load_articles), a text string "
            f"or one article as a dict/Series, got {type(articles).__name__}")
    schema.require(frame, ["text"], stage="find_claims")
    return schema.coerce(frame, schema.ARTICLES).reset_index(drop=True)


def _extract_all(arts: pd.DataFrame) -> pd.DataFrame:
    from ..extraction.scan import extract

    parts = []
    for row in arts.itertuples(index=False):
        text = "" if pd.isna(row.text) else str(row.text)
        doc_id = None if pd.isna(row.id) else str(row.id)
        date = None if pd.isna(row.date) else row.date
        parts.append(extract(text, doc_id=doc_id, date=date))
    if not parts:
        return schema.empty(schema.QUANTITIES)
    return pd.concat(parts, ignore_index=True)


# ------------------------------------------------------------------ per article


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    concepts: list[ConceptMatch] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    speaker: Speaker | None = None


@dataclass
class _Article:
    doc_id: str | None
    date: pd.Timestamp | None
    source: str | None
    text: str
    title_end: int
    sentences: list[_Sentence]

    @classmethod
    def read(cls, row: Any) -> _Article:
        text = "" if pd.isna(row.text) else str(row.text)
        title = "" if pd.isna(row.title) else str(row.title).strip()
        title_end = _title_end(text, title)
        date = None if pd.isna(row.date) else pd.Timestamp(row.date)
        sentences = []
        for s, e in split_sentences(text):
            seg = text[s:e]
            sentences.append(_Sentence(s, e, seg, find_concepts(seg, s),
                                       _shift(find_places(seg, date=date), s),
                                       find_speaker(seg, s)))
        return cls(None if pd.isna(row.id) else str(row.id), date,
                   None if pd.isna(row.source) else str(row.source), text, title_end, sentences)


def _title_end(text: str, title: str) -> int:
    """End offset of the title line when the text repeats it among its first lines, else 0."""
    if not title:
        return 0
    head = text[: len(title) + 400]
    for m in re.finditer(r"[^\n]+", head):
        if m.group(0).strip() == title:
            return m.end()
    return 0


def _shift(places: list[Place], offset: int) -> list[Place]:
    return [Place(p.start + offset, p.end + offset, p.surface, p.code, p.kind) for p in places]


def _roles_to_parties(roles: dict[str, list[str]]) -> tuple[str | None, str | None, list[str]]:
    src = roles["from"][0] if roles["from"] else None
    dst = next((c for c in roles["to"] if c != src), None)
    rest = sorted({*roles["from"], *roles["to"], *roles["party"]} - {src, dst} - {None})
    ordered = [c for c in (src, dst) if c] + rest
    if src is None or dst is None:  # no full direction: a set of parties, sorted
        ordered = sorted(set(ordered))
    return src, dst, ordered


def _context_roles(art: _Article, idx: int, concept: str) -> dict[str, list[str]] | None:
    """Roles for ``concept`` from the nearest of the two sentences before ``idx``."""
    for j in range(idx - 1, max(-1, idx - 3), -1):
        sent = art.sentences[j]
        for c in sent.concepts:
            if c.concept == concept:
                roles = place_roles(sent.places, c, art.text)
                if any(roles.values()):
                    return roles
    return None


_PREP_BEFORE = re.compile(r"\b(?:to|into|in|on|from|with|by|for|of|against|between|and|at)"
                          r"\s+(?:the\s+)?$", re.IGNORECASE)


def _subject_place(places: list[Place], lo: int, before: int, text: str) -> str | None:
    """The last place in ``text[lo:before]`` not governed by a preposition (the subject)."""
    found = None
    for p in places:
        if lo <= p.start and p.end <= before and not _PREP_BEFORE.search(
                text, max(lo, p.start - 12), p.start):
            found = p.code
    return found


def _claim_type(hedge_kind: str, speaker_hint: str, change: Any, kind: str) -> str:
    if hedge_kind:
        return hedge_kind
    if speaker_hint:
        return speaker_hint
    if isinstance(change, str) and change in schema.CHANGES:
        return "change"
    return "ratio" if kind == "ratio" else "level"


def _article_claims(art: _Article, qs: pd.DataFrame) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    spans = [(s.start, s.end) for s in art.sentences]
    last_named: str | None = None
    named_before: dict[int, str | None] = {}
    for i, sent in enumerate(art.sentences):
        named_before[i] = last_named
        if sent.speaker and sent.speaker.name not in {"he", "she", "it", "they", "we", "i"}:
            last_named = sent.speaker.name
    has_usd = "value_usd" in qs.columns
    for pos, q in zip(qs["_pos"], qs.itertuples(index=False), strict=True):
        kind = None if pd.isna(q.kind) else str(q.kind)
        if kind not in {"money", *_CONCEPT_BOUND_KINDS} or pd.isna(q.start) or pd.isna(q.end):
            continue
        start, end = int(q.start), int(q.end)
        idx = sentence_at(spans, start)
        if idx is None:
            continue
        sent = art.sentences[idx]
        clause = clause_around(sent.text, sent.start, start, end)
        cmatch = nearest_concept(sent.concepts, start, end, clause)
        if cmatch is None and kind != "money":
            continue
        if kind == "measure" and _TIME_UNIT.search(str(q.unit)):
            continue  # "the first 20 days of February": a span of time, not a claim
        concept = cmatch.concept if cmatch else "other"
        roles = place_roles(sent.places, cmatch, art.text)
        directional = concept not in UNDIRECTED
        if directional and cmatch and roles["to"] and not roles["from"]:
            subject = _subject_place(sent.places, clause[0], cmatch.start, art.text)
            if subject and subject not in roles["to"]:
                roles["from"] = [subject]  # "Japan racked up a $3.6bn surplus with the U.S."
        if cmatch and not directional and not roles["from"] and not roles["to"] \
                and len(set(roles["party"])) == 1:
            # "The Soviet Union has agreed to cut its coal prices to Japanese mills": the
            # sentence's subject is a party too
            subject = _subject_place(sent.places, clause[0], cmatch.start, art.text)
            if subject and subject not in roles["party"]:
                roles["party"].insert(0, subject)
        if not any(roles.values()) or (directional and bool(roles["from"]) != bool(roles["to"])):
            ctx = _context_roles(art, idx, concept) if cmatch else None
            if ctx:
                for role in ("from", "to", "party"):
                    if not roles[role]:
                        roles[role] = [c for c in ctx[role] if c not in roles["from"] + roles["to"]]
        if not any(roles.values()):
            in_clause = [p.code for p in sent.places if clause[0] <= p.start < clause[1]]
            roles["party"] = in_clause or [p.code for p in sent.places]
        src, dst, parties = _roles_to_parties(roles)
        after = _SECONDARY_WORDS.match(art.text, end, min(len(art.text), sent.end))
        hedges, hedge_kind = find_hedges(art.text, clause[0], start)
        if after:
            more, more_kind = find_hedges(art.text, end, after.end())
            hedges += [h for h in more if h not in hedges]
            hedge_kind = hedge_kind if hedge_kind == "target" else (more_kind or hedge_kind)
        speaker = sent.speaker
        owner = proposal_owner(sent.text, sent.start, start)
        name = reported_by = None
        if speaker is not None:
            name = speaker.name
            if name in {"he", "she", "it", "they", "we", "i"}:
                name = named_before[idx]
        if owner is not None:
            reported_by, name = name, owner[0]
            if reported_by == name:
                reported_by = None
        hint = speaker.hint if speaker is not None else ""
        change = getattr(q, "change", pd.NA)
        if pd.isna(change) and kind in {"ratio", "percent"}:
            verb = _CHANGE_VERB.search(art.text, clause[0], start)
            if verb:  # "has grown 1.5 times": the ratio is a change
                change = "down" if verb.group(1).lower() in _DOWN_VERBS else "up"
        claim_type = _claim_type(hedge_kind, hint, change, kind)
        if owner is not None and claim_type in {"level", "change", "ratio"}:
            claim_type = "target"  # the figure is part of somebody's plan
        doc = art.doc_id or "text"
        rows.append({
            "doc_id": art.doc_id, "date": art.date, "source": art.source,
            "concept": concept, "parties": ",".join(parties) or pd.NA,
            "party_from": src, "party_to": dst, "claim_type": claim_type,
            "value": q.value, "unit": q.unit,
            "value_usd": q.value_usd if has_usd else pd.NA,
            "bound": getattr(q, "bound", pd.NA), "change": change,
            "period": resolve_period(sent.text, art.date, start - sent.start, end - sent.start),
            "speaker": name, "hedge": ",".join(hedges) or pd.NA,
            "quantity_index": pos, "start": start, "end": end, "surface": q.surface,
            "sentence": sent.text, "derived_from": pd.NA, "claim_id": f"{doc}:{start}",
            "kind": kind, "reported_by": reported_by,
            "in_title": start < art.title_end, "mentions": 1, "implies": pd.NA,
        })
    return _implied(_collapse(rows))


def _collapse(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Merge repeats of one claim in an article into its first body mention."""
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for r in rows:
        if not r["in_title"]:
            key = (r["concept"], r["parties"], r["claim_type"], r["value"], r["unit"])
            groups.setdefault(key, []).append(r)
    for r in rows:  # a headline figure joins the body claim that gives the same amount
        if r["in_title"]:
            match = next((k for k, g in groups.items() if _title_matches(r, g[0])), None)
            key = match or ("title", r["concept"], r["parties"], r["claim_type"], r["value"],
                            r["unit"])
            groups.setdefault(key, []).append(r)
    out = []
    for group in groups.values():
        body = [r for r in group if not r["in_title"]]
        keep = dict((body or group)[0])
        keep["mentions"] = len(group)
        keep["in_title"] = any(r["in_title"] for r in group)
        if keep["speaker"] is None or keep["speaker"] is pd.NA:
            keep["speaker"] = next((r["speaker"] for r in group if isinstance(r["speaker"], str)),
                                   keep["speaker"])
        out.append(keep)
    out.sort(key=lambda r: r["start"])
    return out


def _title_matches(title: dict[str, Any], body: dict[str, Any]) -> bool:
    """Whether a headline claim is the body claim ``body`` told in fewer words.

    Same value and unit; same concept unless the headline names none; the
    headline's parties (when it names any) among the body claim's.
    """
    if title["value"] != body["value"] or title["unit"] != body["unit"]:
        return False
    if title["concept"] not in {body["concept"], "other"}:
        return False
    tp, bp = title["parties"], body["parties"]
    if isinstance(tp, str):
        return isinstance(bp, str) and set(tp.split(",")) <= set(bp.split(","))
    return True


def _factor(r: dict[str, Any]) -> float | None:
    """The multiplier a ratio or percent-change claim stands for (1.5 times -> 1.5)."""
    value = r["value"]
    if value is None or pd.isna(value) or r["claim_type"] not in {"target", "forecast", "change",
                                                                    "ratio"}:
        return None
    if r["kind"] == "ratio" and value > 0 and value != 1:
        return float(value)
    if r["kind"] == "percent" and r["unit"] == "percent" and r["change"] in schema.CHANGES:
        sign = -1 if r["change"] == "down" else 1
        f = 1 + sign * float(value) / 100
        return f if f > 0 and f != 1 else None
    return None


def _implied(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add the other end of each (money figure, ratio) pair on one concept and parties."""
    extra = []
    for r in rows:
        f = _factor(r)
        if f is None:
            continue
        for m in rows:
            if m["kind"] != "money" or m["concept"] != r["concept"] or m is r:
                continue
            if not (isinstance(r["parties"], str) and isinstance(m["parties"], str)
                    and set(r["parties"].split(",")) == set(m["parties"].split(","))):
                continue  # unknown parties never pair: "trade" alone is too vague
            if m["claim_type"] in {"target", "forecast"} and r["claim_type"] in {
                    "target", "forecast"}:
                op, value, implies = "/", m["value"] / f, "level"  # the base a plan starts from
            elif m["claim_type"] in {"level", "change"} and r["claim_type"] == "change" \
                    and m["sentence"] == r["sentence"]:
                op, value, implies = "/", m["value"] / f, "level"  # "rose 1.5 times to $30bn"
            elif m["claim_type"] == "level" and r["claim_type"] in {"target", "forecast"}:
                op, value, implies = "*", m["value"] * f, "target"  # the level a plan aims at
            else:
                continue
            if r["kind"] == "percent":
                sign = "-" if r["change"] == "down" else "+"
                factor_text = f"(1 {sign} {r['surface']})"
            else:
                factor_text = r["surface"]
            usd = m["value_usd"]
            usd = usd / f if op == "/" else usd * f
            extra.append({
                **{k: m[k] for k in ("doc_id", "date", "source", "concept", "parties",
                                     "party_from", "party_to", "unit")},
                "claim_type": "implied", "value": value, "value_usd": usd, "bound": "~",
                "change": pd.NA, "period": pd.NA, "speaker": pd.NA, "hedge": pd.NA,
                "quantity_index": pd.NA, "start": pd.NA, "end": pd.NA,
                "surface": f"{m['surface']} {op} {factor_text}",
                "sentence": pd.NA, "derived_from": f"{m['claim_id']},{r['claim_id']}",
                "claim_id": f"{m['claim_id']}{op}{r['claim_id'].rsplit(':', 1)[-1]}",
                "kind": "money", "reported_by": pd.NA, "in_title": False, "mentions": 1,
                "implies": implies,
            })
    return rows + extra


# ------------------------------------------------------------------ public


def find_claims(articles: Any, quantities: pd.DataFrame | None = None) -> pd.DataFrame:
    """The claims table: one typed row per claim in each article (see the module doc).

    Requires: ``articles`` with a ``text`` column (also ``id``, ``date``, ``title``,
    ``source`` when present; a single text string or one article as a dict/Series is
    accepted too); ``quantities`` with ``doc_id, start, end, surface, kind, value, unit``
    (``bound``, ``change``, ``value_usd`` used when present), or None to run
    :func:`econnews.extract` on each article.  Adds: the :data:`CLAIMS` columns.
    ``quantity_index`` is the row position in ``quantities`` (when ``quantities`` is None:
    in the per-article ``extract`` tables concatenated in article order).  Neither input
    is modified.  Money figures are always claims (concept ``other`` when no concept
    word is near); percents, ratios and physical measures only when a concept word is
    in their clause; counts, bare numbers and spans of time never.

    >>> q = pd.DataFrame({"doc_id": ["x"], "start": [26], "end": [35], "surface": ["$2 billion"],
    ...                   "kind": ["money"], "value": [2e9], "unit": ["USD"]})
    >>> text = "Japanese investment in Russia is $2 billion."
    >>> q.loc[0, ["start", "end"]] = [text.index("$"), len(text) - 1]
    >>> c = find_claims({"id": "x", "text": text}, q)
    >>> c.loc[0, ["concept", "parties", "party_from", "party_to", "claim_type"]].tolist()
    ['investment', 'JPN,RUS', 'JPN', 'RUS', 'level']
    """
    arts = _articles_frame(articles)
    if quantities is None:
        qs = _extract_all(arts)
    else:
        schema.require(quantities, QUANTITY_COLUMNS, stage="find_claims")
        qs = quantities
    qs = qs.reset_index(drop=True).assign(_pos=range(len(qs)))
    key = qs["doc_id"].astype("string").fillna("\x00")
    ids = arts["id"].astype("string").fillna("\x00")
    if ids.duplicated().any():
        dup = ids[ids.duplicated()].iloc[0]
        raise InputError(f"find_claims: article id {dup!r} appears twice; give each article "
                         "a unique id")
    unknown = sorted(set(key) - set(ids))
    if unknown:
        warnings.warn(f"find_claims: {len(unknown)} doc_id(s) in quantities have no article "
                      f"(e.g. {unknown[0]!r}); their quantities are skipped",
                      EconnewsWarning, stacklevel=2)
    by_doc = dict(iter(qs.groupby(key, sort=False))) if len(qs) else {}
    rows: list[dict[str, Any]] = []
    for row, doc in zip(arts.itertuples(index=False), ids, strict=True):
        if doc not in by_doc:
            continue
        art = _Article.read(row)
        rows.extend(_article_claims(art, by_doc[doc].sort_values("start", kind="stable")))
    if not rows:
        return schema.empty(CLAIMS)
    frame = pd.DataFrame(rows)
    frame = frame.astype({c: object for c in frame.columns})
    frame = frame.where(frame.notna(), pd.NA)
    out = schema.coerce(frame, CLAIMS)
    return out[list(CLAIMS)].reset_index(drop=True)


def _measure(claim_type: str, implies: Any) -> str:
    if claim_type == "implied":
        return implies if isinstance(implies, str) else "level"
    return claim_type


def compare(claims: pd.DataFrame, *, by: Iterable[str] = ("concept", "parties", "period"),
            ) -> pd.DataFrame:
    """Claims on the same concept, parties and period across articles, side by side.

    Groups also on ``measure`` (the claim type, with implied rows counted as what
    they imply, a level or a target: a target is not compared with a level) and on the unit compared: USD when
    ``value_usd`` is known, else the claim's own unit.  Reports ``count``,
    ``articles`` (distinct doc_ids), ``min``/``median``/``max``, ``spread``
    (max / min; NA unless min > 0), ``sources`` ("; "-joined), ``duplicates``
    (rows repeating a value already given for the group by another article of
    the same source: the same wire story run twice) and the ``claim_ids``.

    Requires: ``concept, parties, period, claim_type, value, unit, value_usd,
    source, doc_id, claim_id``.  Adds: the :data:`COMPARE` columns.

    >>> c = pd.DataFrame({"doc_id": ["a", "b", "c"], "source": ["R", "R", "K"],
    ...     "concept": ["trade"] * 3, "parties": ["JPN,RUS"] * 3, "period": ["2018"] * 3,
    ...     "claim_type": ["level", "level", "implied"], "value": [2e10, 2e10, 2.5e10],
    ...     "unit": ["USD"] * 3, "value_usd": [pd.NA] * 3, "claim_id": ["a:1", "b:1", "c:1"]})
    >>> compare(c)[["count", "min", "max", "spread", "duplicates"]].to_string(index=False)
    ' count   min     max  spread  duplicates\\n     3 2.0e+10 2.5e+10    1.25           1'
    """
    need = ["concept", "parties", "period", "claim_type", "value", "unit", "value_usd",
            "source", "doc_id", "claim_id"]
    by = list(by)
    schema.require(claims, [*need, *[b for b in by if b not in need]], stage="compare")
    df = claims.loc[claims["value"].notna()].copy()
    if df.empty:
        return schema.empty(COMPARE)
    usd = df["value_usd"].astype("Float64")
    df["_v"] = usd.where(usd.notna(), df["value"].astype("Float64"))
    df["_unit"] = df["unit"].astype("string").where(usd.isna(), "USD")
    implies = df["implies"] if "implies" in df.columns else pd.Series(pd.NA, index=df.index)
    df["measure"] = [_measure(t, i) for t, i in zip(df["claim_type"].astype(str), implies,
                                                      strict=True)]
    keys = [*by, "measure", "_unit"]
    out = []
    for group_key, g in df.groupby(keys, dropna=False, sort=True, observed=True):
        values = g["_v"].astype(float)
        lo, hi = values.min(), values.max()
        seen: set[tuple[Any, float]] = set()
        dups = 0
        for src, v in zip(g["source"], values, strict=True):
            k = (None if pd.isna(src) else src, round(v, 6))
            if k in seen and k[0] is not None:
                dups += 1
            seen.add(k)
        sources = sorted({str(s) for s in g["source"] if not pd.isna(s)})
        rec = dict(zip(keys, group_key, strict=True))
        rec.update({
            "unit": rec.pop("_unit"), "count": len(g), "articles": g["doc_id"].nunique(),
            "min": lo, "median": float(values.median()), "max": hi,
            "spread": hi / lo if lo > 0 else pd.NA,
            "sources": "; ".join(sources) or pd.NA, "duplicates": dups,
            "claim_ids": ",".join(g["claim_id"].astype(str)),
        })
        out.append(rec)
    frame = pd.DataFrame(out).astype(object)
    frame = frame.where(frame.notna(), pd.NA)
    result = schema.coerce(frame, {**COMPARE, **{b: object for b in by if b not in COMPARE}})
    cols = [*by, *[c for c in COMPARE if c not in by]]
    return result[cols].sort_values(["count", "concept"], ascending=[False, True],
                                    kind="stable").reset_index(drop=True)
