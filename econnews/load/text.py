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

from . import cjk

__all__ = ["Problem", "decode", "detect", "first_line_title", "parse_date", "parse_day",
           "split_front_matter"]

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


#: encodings :func:`detect` may answer: not Latin, where cp1252 would make mojibake
#: (charset-normalizer's answers for Latin text vary: cp1250, latin-1...; those keep
#: the cp1252 reading)
DETECTED = frozenset({
    "cp932", "shift_jis", "shift_jis_2004", "shift_jisx0213", "euc_jp", "euc_jis_2004",
    "euc_jisx0213", "iso2022_jp", "gb2312", "gbk", "gb18030", "hz", "big5", "big5hkscs",
    "cp950", "euc_kr", "cp949", "johab", "iso2022_kr", "cp1251", "koi8_r", "koi8_u",
    "iso8859_5", "mac_cyrillic", "cp866", "cp1253", "iso8859_7", "cp1255", "iso8859_8",
    "cp1256", "iso8859_6", "cp874", "tis_620",
})


def detect(data: bytes | bytearray) -> tuple[str, str] | None:
    """``(text, encoding)`` when charset-normalizer names one of :data:`DETECTED` with
    a language and a clean reading, else None (the caller falls back to cp1252).

    >>> detect("日本の対ロシア輸出は前年比5%増の30億ドルに達した。".encode("shift_jis"))[1]
    'cp932'
    >>> detect("Café exports rose 5%.".encode("cp1252")) is None
    True
    """
    try:
        import charset_normalizer
    except ImportError:  # a declared dependency; without it, the cp1252 reading
        return None
    best = charset_normalizer.from_bytes(bytes(data[:_DETECT_BYTES])).best()
    if best is None or best.encoding not in DETECTED or best.language == "Unknown" \
            or best.chaos > 0.1:
        return None
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return None


_DETECT_BYTES = 1 << 20
#: from this many bytes on, charset-normalizer's East Asian answer settles a doubt
_DETECT_CJK_BYTES = 1024
_CJK = frozenset(cjk.CANDIDATES) | {"shift_jis", "shift_jis_2004", "shift_jisx0213",
                                    "euc_jis_2004", "euc_jisx0213", "iso2022_jp", "gb2312",
                                    "gbk", "hz", "big5hkscs", "cp950", "euc_kr", "johab",
                                    "iso2022_kr"}


def _not_bom(data: bytes | bytearray) -> tuple[str, str]:
    """UTF-8; else a Chinese, Japanese or Korean reading that wins clearly
    (:func:`econnews.load.cjk.guess`); else charset-normalizer's (:func:`detect`);
    else cp1252, then latin-1 — unless that reading looks like East Asian bytes read
    wrongly: then :class:`Problem` ``unknown-encoding`` (never silent mojibake).

    >>> _not_bom("輸出は3.2%増".encode("shift_jis"))
    ('輸出は3.2%増', 'cp932')
    >>> _not_bom("增".encode("gb18030"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    econnews.load.text.Problem: the text is not UTF-8 and its encoding cannot be told ...
    """
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    east = cjk.guess(data)
    if east is not None and not east[2]:
        return east[0], east[1]
    found = detect(data)  # Cyrillic, Greek, Hebrew... (and long East Asian texts)
    if found is not None and (found[1] not in _CJK or (
            east is not None and len(data) >= _DETECT_CJK_BYTES)):
        # an East Asian answer only settles a doubt between East Asian readings: for a
        # Latin text with one '£' (0xA3) it says cp932, a half-width katakana
        return found
    for name in FALLBACKS[1:]:
        try:
            text, encoding = data.decode(name), name
            break
        except UnicodeDecodeError:
            continue
    if cjk.mojibake(text[:_SNIFF_CHARS]) and not _looks_binary(text):  # (binary: said so)
        why = east[2] if east is not None else "its bytes do not read as a Latin text"
        sample = " ".join(text[:40].split())
        raise Problem("unknown-encoding",
                      f"the text is not UTF-8 and its encoding cannot be told ({why}; read as "
                      f"{encoding} it begins {sample!r}); save the file as UTF-8")
    return text, encoding


def decode(data: bytes | bytearray) -> tuple[str, str]:
    """Decode bytes to text and name the encoding used.

    A byte-order mark wins; then UTF-8; then an encoding that charset-normalizer
    recognises with confidence among those that are not Latin (Shift-JIS, EUC-JP,
    GBK, Big5, EUC-KR, cp1251, KOI8-R..., see :func:`detect`); then cp1252, then
    latin-1 (recorded, so a user can see which files were not UTF-8). Line endings become ``\\n``;
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
        text, encoding = _not_bom(data)
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


_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_SLASHED = re.compile(r"(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})")


def parse_day(value: str) -> pd.Timestamp:
    """A calendar day written ``YYYY-MM-DD`` (the form ``--date`` takes), or a
    :class:`Problem` ``bad-date`` that says what is wrong with it.

    >>> parse_day("2005-02-28")
    Timestamp('2005-02-28 00:00:00')
    >>> parse_day("2005-02-30")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    econnews.load.text.Problem: 2005-02-30 is impossible: February 2005 has 28 days
    >>> parse_day("03/02/2005")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    econnews.load.text.Problem: 03/02/2005 is ambiguous (3 February or 2 March?); ...
    """
    import calendar

    s = str(value).strip()
    m = _ISO_DAY.fullmatch(s)
    if m is not None:
        year, month, day = map(int, m.groups())
        if not 1 <= month <= 12:
            raise Problem("bad-date", f"{s} is impossible: there is no month {month}; "
                                      "write the date as YYYY-MM-DD")
        last = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last:
            raise Problem("bad-date", f"{s} is impossible: {calendar.month_name[month]} "
                                      f"{year} has {last} days")
        return pd.Timestamp(year, month, day)
    m = _SLASHED.fullmatch(s)
    if m is not None:
        a, b, c = m.groups()
        if len(a) == 4:
            hint = f"{a}-{int(b):02d}-{int(c):02d}"
            raise Problem("bad-date", f"{s}: write the date with dashes, YYYY-MM-DD "
                                      f"({hint}?)")
        x, y = int(a), int(b)
        year = c if len(c) == 4 else f"(year {c})"
        if x > 12 >= y:
            raise Problem("bad-date", f"{s} is day/month/year; write the date as YYYY-MM-DD: "
                                      f"{year}-{y:02d}-{x:02d}")
        if y > 12 >= x:
            raise Problem("bad-date", f"{s} is month/day/year; write the date as YYYY-MM-DD: "
                                      f"{year}-{x:02d}-{y:02d}")
        names = calendar.month_name
        if x <= 12 and y <= 12:
            raise Problem("bad-date", f"{s} is ambiguous ({x} {names[y]} or {y} {names[x]}?); "
                                      "write the date as YYYY-MM-DD")
    if re.fullmatch(r"\d{4}", s):
        raise Problem("bad-date", f"{s} is a year, not a day; give the day, e.g. {s}-01-01")
    if re.fullmatch(r"\d{4}-\d{1,2}", s):
        raise Problem("bad-date", f"{s} is a month, not a day; give the day, e.g. {s}-01")
    if s.lower() in ("today", "now", "yesterday", "tomorrow"):
        raise Problem("bad-date", f"write the date as YYYY-MM-DD: {s!r} is relative, and the "
                                  "articles need a fixed day")
    raise Problem("bad-date", f"write the date as YYYY-MM-DD, e.g. 2019-01-22 ({s!r} is not "
                              "in that form)")
