"""Text helpers every stage shares: lone surrogates ("\\ud800", valid in JSON) replaced one
for one, so offsets into the text stay right and pyarrow can store the string; and a word
looked for as ``\\bword\\b`` would find it, without compiling a pattern for each word.

>>> without_surrogates("Tokyo\\ud800 $5bn")
'Tokyo\\ufffd $5bn'
>>> holds_word("Mr Yeutter said", "Yeutter"), holds_word("Yeutters", "Yeutter")
(True, False)
"""

from __future__ import annotations

import re

__all__ = ["holds_word", "without_surrogates"]

_SURROGATES = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (the same length)."""
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text


def _wordy(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what a str pattern's \\w matches


def holds_word(text: str, word: str) -> bool:
    """Whether ``re.search(rf"\\b{re.escape(word)}\\b", text)`` would match (a word
    boundary before and after ``word``, in the sense of ``\\b``), found with ``str.find``:
    names met once each are not worth a compiled pattern.

    >>> holds_word("the H.R.S. bill", "H.R.S"), holds_word("a - b", "-")
    (True, False)
    """
    if not word:
        return re.search(r"\b", text) is not None
    first, last, n = _wordy(word[0]), _wordy(word[-1]), len(word)
    i = text.find(word)
    while i >= 0:
        if (i > 0 and _wordy(text[i - 1])) != first \
                and (i + n < len(text) and _wordy(text[i + n])) != last:
            return True
        i = text.find(word, i + 1)
    return False
