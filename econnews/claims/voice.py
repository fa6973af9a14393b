"""Reader: with what hedge a figure is stated, and so what kind of claim it is; and the
figure's speaker, from :mod:`.speakers`.

Hedges (``hedges.csv``: expected, proposed, target) and the claim type they give.

>>> find_hedges("exports are expected to reach $5bn", 0, 35)
(['expected'], 'forecast')
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .. import schema
from ..common.regex import with_start_filter
from .parse import spaced
from .places import read_csv_data
from .speakers import (
    PRONOUN_SPEAKERS,
    Speaker,
    clean_speaker,
    find_speaker,
    proposal_owner,
)

if TYPE_CHECKING:
    from .article import Article, Sentence

__all__ = ["PRONOUN_SPEAKERS", "Speaker", "clean_speaker", "find_hedges", "find_speaker",
           "proposal_owner", "type_of_claim", "voice"]

@lru_cache(maxsize=1)
def _hedge_rules() -> list[tuple[re.Pattern[str], str]]:
    df = read_csv_data("hedges.csv")
    return [(with_start_filter(rf"\b(?:{spaced(p)})\b", re.IGNORECASE), t)
            for p, t in zip(df["pattern"], df["claim_type"], strict=True)]


@lru_cache(maxsize=1)
def _any_hedge() -> re.Pattern[str]:
    """One pattern that finds a place where some hedge rule matches: most clauses have
    none, and one scan tells so."""
    df = read_csv_data("hedges.csv")
    return with_start_filter(r"\b(?:" + "|".join(f"(?:{spaced(p)})" for p in df["pattern"])
                             + r")\b", re.IGNORECASE)


def find_hedges(text: str, lo: int, hi: int) -> tuple[list[str], str]:
    """Hedge words in ``text[lo:hi]`` and the claim type they signal ('' when none)."""
    words: list[tuple[int, str]] = []
    kind = ""
    segment = text[lo:hi]
    if _any_hedge().search(segment) is None:
        return [], ""
    targets, forecasts = [], []
    for rule, claim_type in _hedge_rules():
        for m in rule.finditer(segment):
            words.append((m.start(), m.group(0).lower()))
            if claim_type == "target":
                targets.append(m.group(0).lower())
            elif claim_type == "forecast":
                forecasts.append(m.group(0).lower())
    if targets and forecasts and all(w.startswith("to ") for w in targets):
        kind = "forecast"  # "Morgan expects the surplus to grow to ...": a forecast
    elif targets:
        kind = "target"
    elif forecasts:
        kind = "forecast"
    words.sort()
    seen: list[str] = []
    for _, w in words:
        if w not in seen:
            seen.append(w)
    return seen, kind


_HEDGE_RESET = with_start_filter(r"\b(?:which|who|than|against|compared\s+(?:with|to)|after)\b|"
                                 r"[,;]\s+(?:and|but|while|whereas)\s+(?=(?:the\s+)?[A-Z])",
                                 re.IGNORECASE)


_ASIDE = re.compile(r",\s*(?:which|who)\b[^,;]*,")


_SECONDARY_WORDS = re.compile(r"\s*(\S+)\s*(\S+)?")


def _hedges_outside_asides(text: str, lo: int, hi: int) -> tuple[list[str], str]:
    """Hedges in ``text[lo:hi]`` outside a relative aside (", which had accepted the
    offer,"): the aside's words are about something else."""
    parts, pos = [], lo
    for m in _ASIDE.finditer(text, lo, hi):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, hi))
    words: list[str] = []
    kind = ""
    for a, b in parts:
        w, k = find_hedges(text, a, b)
        words += [x for x in w if x not in words]
        if k == "target" or (k == "forecast" and kind != "target"):
            kind = k
    return words, kind


def type_of_claim(hedge_kind: str, speaker_hint: str, change: Any,
                  kind: str) -> tuple[str, str]:
    """The claim type and the reading that gave it (``claim_type_by``): ``hedge`` (a
    hedge word: "expected", "proposed"), ``speech_verb`` ("forecast", "pledged"),
    ``change`` (a rise or fall), ``kind`` (a multiplier) or ``default`` (a level).

    >>> type_of_claim("", "", "up", "percent")
    ('change', 'change')
    """
    if hedge_kind:
        return hedge_kind, "hedge"
    if speaker_hint:
        return speaker_hint, "speech_verb"
    if kind == "ratio":  # "doubled", "tripled", "1.5 times": a multiplier, up or down
        return "ratio", "kind"
    if isinstance(change, str) and change in schema.CHANGES:
        return "change", "change"
    return "level", "default"


#: A figure that is an attribute of its noun phrase ("its $13.6bn surplus", "the current
#: $5bn deficit"): the words before it act on the phrase, they do not set the figure.
_ATTRIBUTIVE = re.compile(r"\b(?:its|their|his|her|our|the|last\s+year['’]s|this\s+year['’]s|"
                          r"(?-i:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)['’]s)\s+"
                          r"(?:(?:19|20)\d\d\s+)?(?:current\s+|existing\s+|"
                          r"annual\s+|yearly\s+|record\s+|huge\s+|massive\s+|large\s+)?\Z",
                          re.IGNORECASE)
_SHOULD_BEFORE = with_start_filter(r"\bshould\s+(?:[a-z]+\s+){0,2}\Z")
_BY_YEAR_AFTER = re.compile(r"(?:[^.;]|\.(?=\d)){0,60}?\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b")
_DATA_WORDS = {"the data", "the figures", "the statistics", "the numbers", "data", "figures"}
_DATA_SHOWED = with_start_filter(r"\b(?:the|these|those|its|their)\s+(?:figures|data|statistics|numbers)"
                                 r"\s+(?:showed|show|shows|indicated|suggest(?:ed)?)\b", re.IGNORECASE)


def voice(art: Article, sent: Sentence, clause: tuple[int, int], start: int, end: int,
           named: str | None, source: str | None = None,
           ) -> tuple[list[str], str, str | None, str | None, str, bool, str]:
    """Hedges, their claim type, speaker, reporting voice, the verb's hint, whether the
    figure belongs to somebody's plan, and how the speaker was found (``speaker_by``:
    ``sentence``, ``earlier_sentence`` for "he said", ``plan_owner`` or ``none``)."""
    scope = clause[0]
    for m in _HEDGE_RESET.finditer(art.text, clause[0], start):
        scope = m.end()  # "a deficit, which last year reached ...": its own verb
    if _ATTRIBUTIVE.search(art.text, max(clause[0], start - 40), start):
        scope = start  # "pressure to cut its $13.6bn surplus": the figure is what it is now
    hedges, hedge_kind = _hedges_outside_asides(art.text, scope, start)
    after = _SECONDARY_WORDS.match(art.text, end, min(len(art.text), sent.end))
    if after:
        more, more_kind = find_hedges(art.text, end, after.end())
        hedges += [h for h in more if h not in hedges]
        hedge_kind = hedge_kind if hedge_kind == "target" else (more_kind or hedge_kind)
    if hedge_kind != "target" and _SHOULD_BEFORE.search(art.text, scope, start) \
            and _BY_YEAR_AFTER.match(art.text, end, sent.end):
        hedges, hedge_kind = [*hedges, "should"], "target"  # "should reach $100bn by 2030"
    speaker = sent.speaker
    owner = proposal_owner(sent.text, sent.start, start)
    name = reported_by = None
    by = "none"
    if (speaker is None or speaker.name.lower() in _DATA_WORDS) and (source or named) \
            and _DATA_SHOWED.search(sent.text):
        speaker = None
        name, by = source or named, "earlier_sentence"  # "the figures showed": whose
    if speaker is not None:
        name, by = speaker.name, "sentence"
        if name in PRONOUN_SPEAKERS:
            name, by = named, ("earlier_sentence" if named else "none")
    if owner is not None:
        reported_by, name, by = name, owner[0], "plan_owner"
        if reported_by == name:
            reported_by = None
    hint = speaker.hint if speaker is not None else ""
    if hint and speaker is not None and speaker.start < start \
            and _HEDGE_RESET.search(art.text, speaker.start, start):
        hint = ""  # "Gulf funds have pledged $22bn, and Saudi Arabia's fund has bought
        # stakes for $1.3bn": the pledge is not the purchase
    return hedges, hedge_kind, name, reported_by, hint, owner is not None, by
