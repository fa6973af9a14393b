"""The story-level pass over speakers: a headline "Putin: ..." credits its speaker for the
headline's and the lead's figures; a figure whose sentence names no source takes the
source the story credited before it (or, with none, the first it credits).

>>> import econnews as en
>>> c = en.find_claims({"id": "a", "date": "2024-05-01", "text":
...     "Exports rose 5% in April, the ministry said. Imports fell 3%."})
>>> c[["surface", "speaker", "speaker_by"]].values.tolist()
[['5%', 'the ministry', 'sentence'], ['3%', 'the ministry', 'story_source']]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .voice import PRONOUN_SPEAKERS

if TYPE_CHECKING:
    from .article import Article

__all__ = ["headline_speaker_rows", "story_source_rows"]


def story_source_rows(art: Article, named_before: dict[int, str | None],
                      rows: list[dict[str, Any]]) -> None:
    """A figure whose sentence names no source takes the source the story credited
    before it ("Exports rose 5%, the ministry said. Imports fell 3%." → the ministry),
    or, with none before it, the first source the story credits (a lead attributed in
    the next paragraph); ``speaker_by`` is ``story_source``. ``named_before`` is the last
    source named before each sentence (:func:`~econnews.claims.voice.walk_story`)."""
    first = art.headline_speaker or next(
        (s.speaker.name for s in art.sentences
         if s.speaker is not None and s.speaker.name not in PRONOUN_SPEAKERS), None)
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
