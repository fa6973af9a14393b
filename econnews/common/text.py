"""Text every stage can store: lone surrogates ("\\ud800", valid in JSON) are replaced one
for one, so offsets into the text stay right and pyarrow can store the string.

>>> without_surrogates("Tokyo\\ud800 $5bn")
'Tokyo\\ufffd $5bn'
"""

from __future__ import annotations

import re

__all__ = ["without_surrogates"]

_SURROGATES = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate replaced by U+FFFD (the same length)."""
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text
