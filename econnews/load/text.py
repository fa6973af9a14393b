"""Bytes to article text: encodings, binary sniffing, front matter, dates.

Private helpers of :mod:`econnews.load`. Every problem is a :class:`Problem`
with a short code that becomes the ``code`` of an error row.

>>> decode("Caf\\xe9 prices rose 5%".encode("cp1252"))
('Café prices rose 5%', 'cp1252')
>>> split_front_matter("---\\ntitle: Trade\\ndate: 2019-01-22\\n---\\nBody")
({'title': 'Trade', 'date': '2019-01-22'}, 'Body')
"""

from __future__ import annotations

import email.utils
import re
import unicodedata
from datetime import datetime
from typing import Any

import pandas as pd

__all__ = ["Problem", "decode", "first_line_title", "parse_date", "split_front_matter"]

#: Tried in order after any byte-order mark; latin-1 decodes every byte, so the
#: chain always ends in text (which the binary sniffing then judges).
FALLBACKS = ("utf-8", "cp1252", "latin-1")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# share of control characters (other than tab/newline/CR/FF) that marks binary data
_BINARY_SHARE = 0.02
_SNIFF_CHARS = 65536


class Problem(Exception):
    """Why one input could not become an article: ``code`` + a message with the fix."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    head = text[:_SNIFF_CHARS]
    if not head:
        return False
    controls = sum(1 for ch in head
                   if ch not in "\t\n\r\f\v" and unicodedata.category(ch) in ("Cc", "Cs"))
    return controls / len(head) > _BINARY_SHARE


def decode(data: bytes | bytearray) -> tuple[str, str]:
    """Decode bytes to text and name the encoding used.

    A byte-order mark wins; then UTF-8, then cp1252, then latin-1 (recorded,
    so a user can see which files were not UTF-8). Line endings become ``\\n``;
    nothing else in the text is changed, so offsets into it stay meaningful.
    A ``bytearray`` (how a large file is read) is emptied once decoded, so that its
    text is held once. Raises :class:`Problem` ``empty`` or ``binary``.

    >>> decode(b"\\xef\\xbb\\xbfHello\\r\\nworld")
    ('Hello\\nworld', 'utf-8-sig')
    """
    if not data or data.isspace():
        raise Problem("empty", "the file is empty (or only whitespace); remove it or add text")
    text = None
    encoding = ""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text, encoding = data.decode(name), name
            except UnicodeDecodeError:
                text = None
            break
    if text is None:
        for name in FALLBACKS:
            try:
                text, encoding = data.decode(name), name
                break
            except UnicodeDecodeError:
                continue
    assert text is not None  # latin-1 decodes anything
    if text.startswith("\ufeff"):
        text = text[1:]
    if _looks_binary(text):
        raise Problem("binary", "the file looks binary, not text (control bytes); "
                                "pass only text, HTML, JSON or CSV files")
    if isinstance(data, bytearray):
        data.clear()  # the caller's buffer (a large file's): from here the text is held once
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text or text.isspace():  # (strip() would copy a large text)
        raise Problem("empty", "the file is empty (or only whitespace); remove it or add text")
    return text, encoding


_FM_LINE = re.compile(r"^([A-Za-z_][\w\- ]*?)\s*:\s*(.*?)\s*$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split ``---``-delimited ``key: value`` front matter off the top of a text.

    Without a closing ``---`` (or ``...``) line there is no front matter and the
    text is returned unchanged. Values lose surrounding quotes; keys are
    lower-cased.

    >>> split_front_matter("No front matter")
    ({}, 'No front matter')
    """
    if not text.startswith("---\n"):
        return {}, text
    end = None
    pos = 4
    while True:
        nl = text.find("\n", pos)
        line = text[pos:] if nl == -1 else text[pos:nl]
        if line.rstrip() in ("---", "..."):
            end = len(text) if nl == -1 else nl + 1
            break
        if nl == -1:
            return {}, text
        pos = nl + 1
    meta: dict[str, str] = {}
    for line in text[4:pos].splitlines():
        m = _FM_LINE.match(line)
        if not m:
            continue
        value = m.group(2)
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        meta[m.group(1).strip().lower().replace(" ", "_").replace("-", "_")] = value
    return meta, text[end:]


def first_line_title(text: str, *, markdown: bool = False) -> str | None:
    """The first non-blank line, whitespace collapsed (``#`` heading marks dropped for .md).

    >>> first_line_title("\\n  Tokyo  rejects Putin's plan \\n\\nBody")
    "Tokyo rejects Putin's plan"
    """
    for line in text.split("\n", 50)[:50]:
        line = " ".join(line.split())
        if markdown:
            line = line.lstrip("#").strip()
        if line:
            return line[:500]
    return None


def _to_naive_utc(ts: pd.Timestamp) -> pd.Timestamp:
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    return ts


def parse_date(value: Any) -> pd.Timestamp | Any:
    """A naive (UTC) timestamp, ``pd.NaT`` for a missing value; :class:`Problem` ``bad-date``.

    Numbers are refused: an epoch in seconds or milliseconds cannot be told apart
    safely.

    >>> parse_date("2019-01-22")
    Timestamp('2019-01-22 00:00:00')
    >>> parse_date("Tue, 22 Jan 2019 10:00:00 +0300")
    Timestamp('2019-01-22 07:00:00')
    >>> parse_date("")
    NaT
    """
    if value is None or value is pd.NaT:
        return pd.NaT
    if isinstance(value, float) and value != value:
        return pd.NaT
    if isinstance(value, pd.Timestamp | datetime):
        try:
            return _to_naive_utc(pd.Timestamp(value)).as_unit("ns")
        except (ValueError, OverflowError) as exc:
            raise Problem("bad-date", f"date {value!r} is out of range: {exc}") from None
    if not isinstance(value, str):
        raise Problem("bad-date", f"date {value!r} is not text; give dates as ISO 8601 "
                                  "strings such as 2019-01-22")
    s = value.strip()
    if not s:
        return pd.NaT
    try:
        ts = pd.Timestamp(s)
    except (ValueError, OverflowError, TypeError):
        try:
            ts = pd.Timestamp(email.utils.parsedate_to_datetime(s))
        except (TypeError, ValueError, IndexError, OverflowError):
            raise Problem("bad-date", f"cannot read the date {value!r}; write it as ISO 8601, "
                                      "e.g. 2019-01-22") from None
    if ts is pd.NaT:
        return pd.NaT
    try:
        return _to_naive_utc(ts).as_unit("ns")
    except (ValueError, OverflowError) as exc:
        raise Problem("bad-date", f"date {value!r} is out of range: {exc}") from None
