"""Stage 2, extract: a text (or an articles table) in; the quantities table out.

:func:`extract` reads one text and :func:`extract_corpus` every article of a table,
one row a mention (:data:`econnews.schema.QUANTITIES`): kind, fully scaled value,
range, unit, bound, change and the exact offsets of the mention.

Modules, in the order a number is read: :mod:`.scan` (numeric cores, each read in
turn), :mod:`.rejects` (what is not a quantity), :mod:`.ranges` (ranges, scales stated
once), :mod:`.wordforms` (quantities in words alone: "twice", "a third of"),
:mod:`.numbers` (digits and number words), :mod:`.units` (what
follows a number: scale, currency, percent, ratio, measure), :mod:`.counts` (a counted
noun), :mod:`.per` (a rate's denominator), :mod:`.nouns` (plurals and singulars),
:mod:`.cues` (words that set bound and change), :mod:`.context` (what mentions share
across a text), :mod:`.measures` (physical units), :mod:`.numerals` (numbers as
written, and the pass that finds them), :mod:`.grammar` and
:mod:`.lexicon` (compiled patterns and the CSV lexicons in ``econnews/data``),
:mod:`.quantity` (the mention record), :mod:`.table` (the typed table) and
:mod:`.corpus` (many articles, in parallel).

>>> from econnews.extraction import extract
>>> extract("Trade rose 1.5 times to $30 billion.")["surface"].tolist()
['1.5 times', '$30 billion']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .scan import extract

if TYPE_CHECKING:
    from .corpus import ExtractWarning, extract_corpus

__all__ = ["ExtractWarning", "extract", "extract_corpus"]


def __getattr__(name: str) -> object:
    # the corpus runner (and the loaders it imports) loads on first use: ``import
    # econnews`` and ``extract`` on one text stay cheap
    if name in ("ExtractWarning", "extract_corpus"):
        from . import corpus

        return getattr(corpus, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
