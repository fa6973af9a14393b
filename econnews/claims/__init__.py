"""Stage 4, claims: articles (and their quantities) in; the claims table out.

:func:`find_claims` reads what each figure claims: concept, parties (ISO 3166
alpha-3, ordered when the direction is known), claim type, period, speaker, with the
quantity row it came from (:data:`econnews.schema.CLAIMS`); :func:`compare` lines up
claims on the same concept, parties and period across articles.

Modules, one question each: :mod:`.find` (the stage: inputs, conversion, the table),
:mod:`.article` (an article's sentences and figures), :mod:`.read` (the per-article
walk), the readers :mod:`.figures` (concept, comparison, rates), :mod:`.parties`,
:mod:`.totals` (economy-wide totals, a figure's own partner), :mod:`.giving` (who gives
and who takes: "will lend Ghana $300m"), :mod:`.markets` (trading roles: "China remained
Peru's biggest buyer at $1.6bn", goods bought), :mod:`.periods`, :mod:`.bases`
(the period of a figure compared with another), :mod:`.told` (periods the story tells)
and :mod:`.when` (a figure's period, its own clause first), :mod:`.speakers` (who states
it), :mod:`.voice` (hedges, claim type), :mod:`.change` (a rise or a fall, a share),
:mod:`.resolve` (the story-level pass: lists, pointing back, totals), :mod:`.sources` (the
story-level pass over speakers), :mod:`.evidence` (the `*_by` columns and needs_review),
:mod:`.merge`
(one row a claim, implied figures), :mod:`.compare`, and the sentence-level
:mod:`.parse` (concept words, clauses, place roles), :mod:`.places` (country and city
names, aliases), :mod:`.story` (the story's country: metadata, dateline, headline).

>>> from econnews.claims import find_claims
>>> c = find_claims({"id": "a", "date": "2019-01-22",
...                  "text": "Japanese investment in Russia is $2.2 billion."})
>>> c.loc[0, ["concept", "party_from", "party_to"]].tolist()
['investment', 'JPN', 'RUS']
"""

from .evidence import review, reviewed
from .find import CLAIM_TYPES, CLAIMS, COMPARE, CONCEPTS, compare, find_claims

__all__ = ["CLAIMS", "CLAIM_TYPES", "COMPARE", "CONCEPTS", "compare", "find_claims", "review",
           "reviewed"]
