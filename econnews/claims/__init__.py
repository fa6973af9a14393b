"""Stage 4, claims: articles (and their quantities) in; the claims table out.

:func:`find_claims` reads what each figure claims: concept, parties (ISO 3166
alpha-3, ordered when the direction is known), claim type, period, speaker, with the
quantity row it came from (:data:`econnews.schema.CLAIMS`); :func:`compare` lines up
claims on the same concept, parties and period across articles.

Modules: :mod:`.find` (the stage), :mod:`.parse` (concepts, hedges, speakers,
periods, place roles in a clause, company names, comparison periods), :mod:`.places`
(country and city names, aliases), :mod:`.story` (the story's country: metadata,
dateline, headline).

>>> from econnews.claims import find_claims
>>> c = find_claims({"id": "a", "date": "2019-01-22",
...                  "text": "Japanese investment in Russia is $2.2 billion."})
>>> c.loc[0, ["concept", "party_from", "party_to"]].tolist()
['investment', 'JPN', 'RUS']
"""

from .find import CLAIM_TYPES, CLAIMS, COMPARE, CONCEPTS, compare, find_claims

__all__ = ["CLAIMS", "CLAIM_TYPES", "COMPARE", "CONCEPTS", "compare", "find_claims"]
