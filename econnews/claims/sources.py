"""The story-level pass over speakers: the speaker and subject each sentence follows
(:func:`walk_story`); a headline "Putin: ..." credits its speaker for the headline's and
the lead's figures; a figure whose sentence names no source takes the
source the story credited before it (or, with none, the first it credits).

>>> import econnews as en
>>> c = en.find_claims({"id": "a", "date": "2024-05-01", "text":
...     "Exports rose 5% in April, the ministry said. Imports fell 3%."})
>>> c[["surface", "speaker", "speaker_by"]].values.tolist()
[['5%', 'the ministry', 'sentence'], ['3%', 'the ministry', 'story_source']]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from ..common.regex import with_start_filter
from ..common.text import holds_word
from .parse import FAMILY, owner_place
from .speakers import PRONOUN_SPEAKERS

if TYPE_CHECKING:
    from .article import Article, Sentence

__all__ = ["headline_speaker_rows", "story_source_rows", "walk_story"]


def story_source_rows(art: Article, named_before: dict[int, str | None],
                      rows: list[dict[str, Any]]) -> None:
    """A figure whose sentence names no source takes the source the story credited
    before it ("Exports rose 5%, the ministry said. Imports fell 3%." → the ministry),
    or, with none before it, the first source the story credits (a lead attributed in
    the next paragraph); ``speaker_by`` is ``story_source``. ``named_before`` is the last
    source named before each sentence (:func:`walk_story`)."""
    first = art.headline_speaker or art.first_speaker()
    for r in rows:
        if r["speaker"] is None:
            name = named_before.get(r["_sentence"]) or first
            if name:
                r["speaker"], r["speaker_by"] = name, "story_source"


def headline_speaker_rows(art: Article, rows: list[dict[str, Any]]) -> None:
    """A headline "Putin: ..." credits its speaker for the headline's figures and the
    lead's (the first sentence after the title) that name nobody else."""
    if not art.headline_speaker:
        return
    lead = next((i for i, s in enumerate(art.sentences) if s.end > art.title_end), 0)
    for r in rows:
        if r["speaker"] is None and (r["in_title"] or r["_sentence"] == lead):
            r["speaker"], r["speaker_by"] = art.headline_speaker, "headline"


_SOURCE_CUE = with_start_filter(r"\baccording\s+to\b|\b(?:data|figures|statistics)\s+(?:from|of)\b",
                                re.IGNORECASE)


_FORECASTERS = re.compile(r"\b(?:economists?|analysts?|forecasters?|polled|poll|consensus|"
                          r"strategists?|dealers?|traders?)\b", re.IGNORECASE)
_EXPECTED = with_start_filter(r"\b(?:expected|expect|expects|expectations?|forecasts?|forecasted|"
                       r"forecasting|predicted|predicts?|projected|anticipated|poll|polled|"
                       r"consensus|estimates?|estimated)\b", re.IGNORECASE)


def walk_story(art: Article) -> tuple[dict[int, str | None], dict[int, str | None],
                                      dict[int, str | None]]:
    """Per sentence: the last named speaker, the story's subject before it, and the last
    named source of figures ("according to X")."""
    source_before: dict[int, str | None] = {}
    last_named: str | None = None
    last_source: str | None = None
    named_before: dict[int, str | None] = {}
    subject_at: dict[int, str | None] = {}
    subject = None
    known: list[str] = []
    for i, sent in enumerate(art.sentences[:art.upto]):  # no figure after: no reading
        named_before[i] = last_named
        source_before[i] = last_source
        subject_at[i] = subject
        if sent.speaker and sent.speaker.name in PRONOUN_SPEAKERS:
            # "After the talks Putin called the level low: ..., he said": the person the
            # sentence names before its pronoun; "South Korea unveiled the plan. It said
            # ...": the country the sentence before opens with
            head = sent.text[:max(0, sent.speaker.start - sent.start)]
            here = next((k for k in reversed(known) if holds_word(head, k.split()[-1])),
                        None)
            if here is None and i and _BARE_PRONOUN.fullmatch(head):
                here = _opening_place(art.sentences[i - 1])
            if here:
                named_before[i] = last_named = here
        forecasters = sent.speaker is not None and last_named is not None \
            and _FORECASTERS.search(sent.speaker.name) is not None \
            and _EXPECTED.search(sent.text) is not None
        if forecasters:
            pass  # "Economists polled by Reuters had expected 6.5%": their forecast, not
            # the source of the figures the story goes on to report
        elif sent.speaker and sent.speaker.name not in PRONOUN_SPEAKERS:
            last_named = sent.speaker.name
            known.append(last_named)
            if _SOURCE_CUE.search(sent.text):  # "according to X": whose figures they are
                last_source = last_named
        else:
            first = re.match(r"\s*([A-Z][a-z]+)\s+[a-z]", sent.text)
            if first:  # "Tamura read out a summary": a named speaker is the subject again
                name = next((k for k in reversed(known)
                             if k.split()[-1] == first.group(1)), None)
                last_named = name or last_named
        for c in sent.concepts:
            if c.concept in FAMILY:
                code = owner_place(sent.places, c, art.text)
                if code:
                    subject = code
    return named_before, subject_at, source_before


_BARE_PRONOUN = re.compile(r"\s*(?:It|They)\s+(?:also\s+|has\s+|had\s+)?")


def _opening_place(sent: Sentence) -> str | None:
    """The place a sentence with no speaker opens with, as its subject ("South Korea
    unveiled the plan"), or None."""
    if sent.speaker is not None or not sent.places:
        return None
    first = sent.places[0]
    lead = sent.text[:first.start - sent.start]
    after = sent.text[first.end - sent.start:]
    if lead.strip(" \n\t\"“") in {"", "The"} and re.match(r"\s+[a-z]", after):
        return first.surface
    return None
