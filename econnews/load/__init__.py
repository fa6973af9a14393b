"""Stage 1, load: files, folders, globs and exports in; one articles table out.

Takes paths (``.txt``/``.md``/``.json``/``.jsonl``/``.csv``/``.html``, folders read
recursively, globs, ``-`` for standard input) and returns the articles table
(:data:`econnews.schema.ARTICLES`: ``id``, ``date``, ``title``, ``source``, ``url``,
``text`` …). Whatever cannot be read becomes an error record, never a silent drop.

Modules: :mod:`.articles` (walking inputs, the table, error records), :mod:`.text`
(decoding, front matter, dates), :mod:`.fields` (field names of JSON/CSV exports),
:mod:`.sgml` (Reuters-21578 SGML), :mod:`.dedup` (exact and near duplicates),
:mod:`.stream` (the articles in batches, for a corpus larger than memory).

>>> import econnews.load as load
>>> arts = load.load_articles("data/russia-japan-trade-30bn.txt")
>>> arts.loc[0, "id"]
'russia-japan-trade-30bn'
"""

from .articles import LoadWarning, errors_table, flag_duplicates, load_articles
from .stream import iter_articles

__all__ = ["LoadWarning", "errors_table", "flag_duplicates", "iter_articles", "load_articles"]
