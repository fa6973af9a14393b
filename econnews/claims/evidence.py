"""The evidence of a claim row and its review flag.

Every field of a claim is answered by one reading, named in its ``*_by`` column:

============== ==================================================================
column         readings, from the figure's own words outward
============== ==================================================================
concept_by     ``phrase`` (a concept word in the figure's clause), ``share_of``
               ("90 pct of Korea's exports"), ``comparison`` (the figure it is
               compared with), ``list`` (a list's earlier share), ``rate``,
               ``per_unit`` (a price), ``story_balance`` (a bare "deficit" in a
               story that named its balance), ``role`` (a trading role: "China
               remained Peru's biggest buyer at $1.6bn"), ``verb`` (a verb that names
               what it gives: "Japan will lend Ghana $300m"), ``none`` (concept
               ``other``)
parties_by     ``phrase``, ``clause_subject``, ``clause``, ``sentence_subject``,
               ``earlier_sentence``, ``story_pair`` ("the two countries"),
               ``source`` (the sentence's data source: "Russian customs data"),
               ``currency`` (the national currency its figures are told in),
               ``story_subject``, ``story_country`` (metadata, dateline, headline),
               ``none``; "+" joins a second reading that filled the other side
claim_type_by  ``hedge``, ``speech_verb``, ``change``, ``kind``, ``plan_owner``,
               ``comparison``, ``default``
period_by      ``clause``, ``comparison``, ``respective``, ``earlier_clause``,
               ``earlier_sentence``, ``none``
speaker_by     ``sentence``, ``earlier_sentence`` ("he said"), ``plan_owner``,
               ``headline``, ``story_source`` (the source the story credited
               before the figure, or its first), ``none``
============== ==================================================================

:func:`review` sets ``needs_review`` when a field came from outside the figure's
sentence or was guessed, with a short ``review_reason``; a comparison figure ("from $904m")
is flagged with the figure it is compared with ("compared with a flagged figure").

>>> review({"concept": "trade", "concept_by": "phrase", "parties": "JPN,RUS",
...         "parties_by": "earlier_sentence", "claim_type": "level", "period_by": "clause",
...         "speaker_by": "sentence", "kind": "money"})
(True, 'parties from an earlier sentence')
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from .parse import FAMILY, FLOWS

__all__ = ["REVIEW_PARTIES", "evidence_text", "hundredths_doubt", "review", "reviewed"]

#: Parties readings that look outside the figure's sentence, and what a reviewer is told.
#: ``story_subject`` (the owner of the story's last trade figure: "Japan's surplus rose ...
#: Exports grew 5%") is not flagged: alone it was right on 23 of 24 rows of the
#: development sets (benchmarks/gold/README.md, "Review flag").
REVIEW_PARTIES = {
    "earlier_sentence": "parties from an earlier sentence",
    "story_pair": "parties: the pair the story is about",
    "story_country": "parties: the story's country",
    "currency": "parties: the economy of the figures' currency",
    "story_currency": "parties: the economy of the story's currency",
}
_REVIEW_CONCEPT = {
    "anaphor": "concept from an earlier figure (\"the one with\", \"those to\")",
    "story_balance": "concept from an earlier sentence",
    "list": "concept from a list's first item",
    "story_concept": "concept from the story (FDI)",
}
#: Concepts whose claims have two sides (who sells and who buys, who gives and who gets).
_DIRECTED = {"exports", "imports", "trade_surplus", "trade_deficit", "investment", "fdi",
             "loans", "aid"}
_REVIEW_PERIOD = {"earlier_sentence": "period from an earlier sentence",
                  "story": "period: the one the story reports on"}


_DATA_NOUN = re.compile(r"^(?:the\s+|official\s+|latest\s+)*(?:data|figures|statistics|numbers)\b")


def review(row: dict[str, Any]) -> tuple[bool, str | None]:
    """Whether a claim row needs a person to check it, and why (``None`` when not).

    >>> review({"concept": "exports", "parties": "JPN,CHN", "parties_by": "phrase",
    ...         "period_by": "none", "claim_type": "level"})
    (True, 'no period stated')
    """
    if row.get("claim_type") == "implied":
        return False, None
    reasons: list[str] = []
    concept = row.get("concept")
    for part in str(row.get("parties_by") or "none").split("+"):
        if part in REVIEW_PARTIES:
            reasons.append(REVIEW_PARTIES[part])
            break
    if not reasons and str(row.get("parties_by") or "").endswith("+story_subject"):
        # "exports to China rose 4%" in a story on Thailand: the seller is the story's
        # subject, right on 23 of 31 development rows
        reasons.append("parties: one side is the story's subject")
    if concept in FAMILY and _na(row.get("parties")):
        reasons.append("no party named")
    elif concept == "trade" and row.get("parties_by") != "total" \
            and "," not in str(row.get("parties")):
        reasons.append("trade with one party named")
    if row.get("concept_by") in _REVIEW_CONCEPT:
        reasons.append(_REVIEW_CONCEPT[row["concept_by"]])
    if row.get("period_by") in _REVIEW_PERIOD:
        reasons.append(_REVIEW_PERIOD[row["period_by"]])
    elif concept in FAMILY and row.get("period_by") == "none" \
            and row.get("claim_type") in {"level", "change", "ratio"}:
        reasons.append("no period stated")
    first_by = str(row.get("parties_by") or "").split("+")[0]
    if first_by in {"clause_subject", "sentence_subject", "clause"} and not reasons:
        reasons.append("parties from the clause's subject")
    elif concept in FLOWS and first_by not in {"total", "respective"} \
            and not _na(row.get("parties")) and "," not in str(row.get("parties")) \
            and not reasons and not (first_by == "phrase" and row.get("period_by") in {
                "clause", "comparison"}):
        # "Thailand's exports rose 9.4% in July": the owner in the figure's own phrase and
        # the period in its own clause read a total right on 72 of 78 development rows;
        # a flow with one side from anywhere else may have lost its partner
        reasons.append("one side of the flow not named")
    if row.get("claim_type_by") == "hedge" and row.get("claim_type") in {"forecast", "target"}:
        reasons.append(f"claim type: {row['claim_type']}, from a hedge word")
    speaker = str(row.get("speaker") or "").lower()
    if row.get("speaker_by") != "none" and _DATA_NOUN.search(speaker):
        reasons.append("speaker: the data, not who published them")
    if row.get("_undated") and not _na(row.get("period")):
        reasons.append("period: the story is undated (read against the latest year it names)")
    if row.get("speaker_by") == "earlier_sentence":
        reasons.append("speaker from an earlier sentence")
    if row.get("_unit_doubt"):
        reasons.append(row["_unit_doubt"])
    return (True, "; ".join(reasons)) if reasons else (False, None)


_BARE_NUMBER = re.compile(r"[+-]?(?:\d[\d,]*)?\.?\d+")


def _bare(surface: object) -> float | None:
    """The number a surface without a unit writes ("40.6", "1,200"), else None."""
    if not isinstance(surface, str) or not _BARE_NUMBER.fullmatch(surface):
        return None
    return float(surface.replace(",", ""))


def hundredths_doubt(items: list[Any], k: int) -> str | None:
    """A review reason for a bare number the extractor read as hundredths of the amount
    beside it ("Shr 95 cts vs 1.20": 1.20 cents) where that reading looks doubtful: the
    amount is more than ten times its size, so the currency's main unit (1.20 dlrs) would
    be the nearer reading. ``items``: the article's figures in text order (they have
    ``kind``, ``unit``, ``surface``, ``value``, ``start``, ``end``).

    >>> from types import SimpleNamespace as F
    >>> shr = [F(kind="money", unit="USD", surface="95 cts", value=0.95, start=4, end=10),
    ...        F(kind="money", unit="USD", surface="1.20", value=0.012, start=14, end=18)]
    >>> hundredths_doubt(shr, 1)
    'unit: 1.20 read as hundredths, like the figure beside it, but over ten times smaller than 95 cts'
    """
    it = items[k]
    written = _bare(it.surface)
    if it.kind != "money" or written is None or pd.isna(it.value) or written == 0 \
            or abs(float(it.value) - written * 0.01) > 1e-9 * abs(written):
        return None  # not a bare number read as hundredths
    for j in (k - 1, k + 1):
        nb = items[j] if 0 <= j < len(items) else None
        if nb is None or nb.kind != "money" or nb.unit != it.unit or pd.isna(nb.value) \
                or max(nb.start - it.end, it.start - nb.end) > 40 or _bare(nb.surface) is not None:
            continue
        if abs(float(it.value)) * 10 < abs(float(nb.value)):
            return (f"unit: {it.surface} read as hundredths, like the figure beside it, "
                    f"but over ten times smaller than {nb.surface}")
        return None
    return None


def _na(v: Any) -> bool:
    return v is None or (not isinstance(v, str | list) and pd.isna(v)) or v == ""


def evidence_text(row: dict[str, Any]) -> Any:
    """The words each field came from, "field=words@start-end" joined by "; " (article
    offsets): the concept word of the figure's phrase and the places of its parties."""
    parts = []
    cm, sent_start, text = row.get("_cmatch"), row.get("_sent_start"), row.get("sentence")
    if cm is not None and sent_start is not None and isinstance(text, str) \
            and row.get("concept_by") == "phrase":
        word = text[cm.start - sent_start:cm.end - sent_start]
        parts.append(f"concept={word}@{cm.start}-{cm.end}")
    for p in row.get("_places") or []:
        parts.append(f"party={p.surface}@{p.start}-{p.end}")
    return "; ".join(parts) or pd.NA


def reviewed(claims: pd.DataFrame) -> pd.DataFrame:
    """The claims no rule flagged for review (``needs_review`` false), for charts and
    checks that should rest only on figures read wholly from their own sentence.

    >>> import econnews as en
    >>> c = en.find_claims({"id": "a", "date": "2019-01-22", "text":
    ...     "Japan's exports to Russia rose to $7 billion in 2018. The surplus was $2 billion."})
    >>> len(c), len(reviewed(c))
    (2, 1)
    """
    if "needs_review" not in claims.columns:
        return claims.copy()
    flagged = claims["needs_review"].astype("boolean").fillna(False).astype(bool)
    return claims.loc[~flagged].copy()
