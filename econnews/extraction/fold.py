"""The text the extractor reads: the article as if NFKC-normalised, with a map back to
the original offsets.

News text arrives with no-break, narrow no-break and thin spaces between a number and
its scale ("$30\\u00a0billion"), zero-width characters inside numbers (pasted from web
pages), full-width digits and signs ("＄３０"), Arabic-Indic digits and "٪", and now and
then a lone surrogate from a broken decoder. :func:`fold` returns the text the grammar
reads, in which

* every Unicode space and every full-width form becomes the ASCII character that is
  its NFKC form ("＄３０" is "$30"; superscripts stay: "km²" is a unit as written);
* every decimal digit of any script becomes its ASCII digit, and the Arabic percent,
  decimal and thousands signs (``٪ ٫ ٬``) become ``% . ,``;
* zero-width characters and soft hyphens are dropped;
* a lone surrogate becomes U+FFFD (never an error);

and ``where``, the original offset of every folded character (``None`` when nothing was
dropped, so that offsets are the same). Rows keep offsets into the ORIGINAL text.

>>> folded, where = fold("＄３０\\u00a0billion")
>>> folded, where
('$30 billion', None)
>>> folded, where = fold("1\\u200b000 tonnes")
>>> folded, original_span(where, 0, 5, 14)
('1000 tonnes', (0, 6))
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "original_span", "safe"]

# zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen, LTR/RTL marks
_DROPPED = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f"
_DROP = re.compile(f"[{_DROPPED}]")
_ARABIC_SIGNS = {"\u066a": "%", "\u066b": ".", "\u066c": ","}


class _Table(dict):
    """``str.translate`` table built lazily, one entry per character first seen."""

    def __missing__(self, code: int):
        ch = chr(code)
        out: str | int | None = code
        if 0xD800 <= code <= 0xDFFF:
            out = "\ufffd"
        elif ch in _ARABIC_SIGNS:
            out = _ARABIC_SIGNS[ch]
        else:
            digit = unicodedata.decimal(ch, None)
            if digit is not None:
                out = str(digit)
            elif unicodedata.category(ch) == "Zs" or 0xFF01 <= code <= 0xFF5E:
                # spaces and full-width forms; not superscripts ("km²" is a unit as
                # written) nor letters such as "º" whose NFKC form is a plain letter
                nf = unicodedata.normalize("NFKC", ch)
                if len(nf) == 1 and nf.isascii():
                    out = nf
        self[code] = out
        return out


_TABLE = _Table()
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _changes(ch: str) -> bool:
    """Whether :func:`fold` changes or drops the character ``ch``."""
    return _TABLE[ord(ch)] != ord(ch) or ch in _DROPPED


def fold(text: str) -> tuple[str, list[int] | None]:
    """The text as the grammar reads it and where each of its characters came from
    (``None``: the same offsets). ASCII text comes back as it is, at no cost."""
    if text.isascii():
        return text, None
    if not any(map(_changes, set(_NON_ASCII.findall(text)))):
        return text, None  # the common case: "’", "€", "—" fold to themselves
    folded = text.translate(_TABLE)
    if _DROP.search(folded) is None:
        return folded, None
    where: list[int] = []
    keep: list[str] = []
    last = 0
    for m in _DROP.finditer(folded):
        keep.append(folded[last:m.start()])
        where.extend(range(last, m.start()))
        last = m.end()
    keep.append(folded[last:])
    where.extend(range(last, len(folded)))
    return "".join(keep), where


def original_span(where: list[int] | None, start: int, end: int, n: int) -> tuple[int, int]:
    """Offsets in the original text of the folded span ``[start, end)``; ``n`` is the
    original text's length."""
    if where is None:
        return start, end
    a = where[start] if start < len(where) else n
    b = where[end - 1] + 1 if 0 < end <= len(where) else (n if end > 0 else a)
    return a, b


def safe(text: str) -> str:
    """``text`` with any lone surrogate replaced by U+FFFD (what Arrow strings can hold).

    >>> safe("a\\ud800b")
    'a\\ufffdb'
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


_SURROGATE = re.compile("[\ud800-\udfff]")
