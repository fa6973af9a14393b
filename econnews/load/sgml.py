"""Parse the Reuters-21578 SGML distribution (private helper of :mod:`econnews.datasets`).

>>> doc = ('<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" NEWID="7" OLDID="1"><DATE>26-FEB-1987 '
...        '15:01:01.79</DATE><TOPICS><D>trade</D></TOPICS><PLACES></PLACES><TEXT>&#2;'
...        '<TITLE>U.S. TRADE</TITLE><DATELINE> WASHINGTON, Feb 26 - </DATELINE><BODY>Trade '
...        'rose 5 pct &lt;AT&amp;T&gt;.\\n Reuter\\n&#3;</BODY></TEXT></REUTERS>')
>>> rec = next(parse_sgml(doc))
>>> rec["id"], rec["date"], rec["text"], rec["topics"]
('reuters21578-7', Timestamp('1987-02-26 15:01:01'), 'Trade rose 5 pct <AT&T>.', ['trade'])
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

import pandas as pd

__all__ = ["SOURCE", "parse_date", "parse_sgml"]

SOURCE = "Reuters newswire 1987 (Reuters-21578, Distribution 1.0)"

_ATTR = re.compile(r'(\w+)="([^"]*)"')
_LISTS = ("topics", "places", "people", "orgs", "exchanges", "companies")
_D = re.compile(r"<D>(.*?)</D>", re.S)
_TAG = re.compile(r"<[A-Z]+\b[^>]*>.*?</[A-Z]+>|<[A-Z]+\b[^>]*>", re.S)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SIGNOFF = re.compile(r"(?:\s*\bReuter\b)+\s*$", re.I)
# the sign-off is looked for in the last characters only: a "$"-anchored pattern
# that starts with \s* would otherwise be tried at every position of the story
_TAIL = 200
_DATE = re.compile(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})\s+\d*?(\d{1,2}):(\d{1,2}):(\d{1,2})")
_MONTHS = {m: i for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1)}


def _element(text: str, tag: str, start: int = 0) -> tuple[str, str, int] | None:
    """(attributes, content, end) of the first ``<tag ...>...</tag>`` from ``start``.

    Plain ``str.find``: a lazy ``(.*?)`` regex over 27 MB of SGML costs seconds.

    >>> _element('<A><TEXT TYPE="BRIEF">x</TEXT>', "TEXT")
    (' TYPE="BRIEF"', 'x', 30)
    """
    opening, closing = "<" + tag, "</" + tag + ">"
    i = text.find(opening, start)
    while i >= 0:  # the tag name must end there (<TEXT> or <TEXT ...>, not <TEXTS>)
        after = text[i + len(opening):i + len(opening) + 1]
        if after and not (after.isalnum() or after == "_"):
            break
        i = text.find(opening, i + 1)
    if i < 0:
        return None
    gt = text.find(">", i)
    end = -1 if gt < 0 else text.find(closing, gt + 1)
    if end < 0:
        return None
    return text[i + len(opening):gt], text[gt + 1:end], end + len(closing)


def _field(body: str, tag: str) -> str | None:
    """The content of the first ``<tag>...</tag>`` (no attributes), or None."""
    i = body.find(f"<{tag}>")
    if i < 0:
        return None
    i += len(tag) + 2
    end = body.find(f"</{tag}>", i)
    return None if end < 0 else body[i:end]


def _clean(s: str) -> str:
    if "&" in s:
        s = html.unescape(s)
    return _CONTROL.sub("", s)


def _drop_signoff(s: str) -> str:
    """``s`` without its trailing "Reuter" sign-off(s).

    >>> _drop_signoff("Trade rose.\\n Reuter\\n REUTER ")
    'Trade rose.'
    """
    start = max(0, len(s) - _TAIL)
    m = _SIGNOFF.search(s, start)
    return s if m is None else s[:m.start()]


def parse_date(raw: str) -> pd.Timestamp | Any:
    """The story's timestamp, to the second; malformed stamps (stray spaces, trailing
    control codes, fields out of range) are read where the day, month and year are.

    >>> parse_date(" 27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM")
    Timestamp('1987-03-27 00:02:59')
    """
    m = _DATE.search(raw or "")
    if m is None:
        return pd.NaT
    day, mon, year, hh, mm, ss = m.groups()
    month = _MONTHS.get(mon.upper())
    if month is None:
        return pd.NaT
    try:
        base = pd.Timestamp(year=int(year), month=month, day=int(day))
    except ValueError:
        return pd.NaT
    # out-of-range clock fields roll over rather than lose the day
    return base + pd.Timedelta(hours=int(hh), minutes=int(mm), seconds=int(ss))


def parse_sgml(text: str, *, path: str = "") -> Iterator[dict[str, Any]]:
    """One article record per ``<REUTERS>`` element of an ``.sgm`` file's text."""
    pos = 0
    while (doc := _element(text, "REUTERS", pos)) is not None:
        head, body, pos = doc
        attrs = dict(_ATTR.findall(head))
        newid = int(attrs.get("NEWID", "0") or 0)
        rec: dict[str, Any] = {"id": f"reuters21578-{newid}",
                               "date": parse_date(_field(body, "DATE") or ""),
                               "raw_date": _clean(_field(body, "DATE") or "").strip()}
        for name in _LISTS:
            inner = _field(body, name.upper()) or ""
            rec[name] = [_clean(d).strip() for d in _D.findall(inner)]
        tm = _element(body, "TEXT")
        text_attrs = dict(_ATTR.findall(tm[0])) if tm else {}
        inner = tm[1] if tm else ""
        title = _field(inner, "TITLE")
        dateline = _field(inner, "DATELINE")
        story = _field(inner, "BODY")
        text_type = text_attrs.get("TYPE", "NORM")
        if story is None and text_type == "UNPROC":
            story = _TAG.sub("", inner)
        story = _drop_signoff(_clean(story or "")).strip("\n ")
        rec["title"] = _drop_signoff(" ".join(_clean(title or "").split())) or None
        rec["dateline"] = " ".join(_clean(dateline or "").split()) or None
        rec["has_body"] = bool(story.strip())
        # a story without a body (a headline-only BRIEF) is its headline
        rec["text"] = story if rec["has_body"] else (rec["title"] or "")
        rec["text_type"] = text_type
        rec["newid"] = newid
        rec["oldid"] = int(attrs.get("OLDID", "0") or 0)
        rec["lewissplit"] = attrs.get("LEWISSPLIT")
        rec["cgisplit"] = attrs.get("CGISPLIT")
        rec["path"] = path
        yield rec
