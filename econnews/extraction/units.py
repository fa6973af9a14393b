"""What follows a number: scale words, currency, percent, ratio, measure (a counted noun
is :mod:`.counts`' reading, a rate's denominator :mod:`.per`'s).

Part of the extractor (:mod:`econnews.extract`); every function reads ``text`` from a
position and returns a small dict describing the unit it found, or None.

>>> _unit("a 5% rise", 3, None, None, 5.0, False)["unit"]
'percent'
"""

from __future__ import annotations

import functools
import re

from ..common.sentences import sentence_at, split_sentences
from . import grammar as g
from . import lexicon as lx
from . import measures as _measures
from .counts import _count
from .cues import _DIGIT_NEXT, _change_before
from .nouns import _is_plural_noun
from .per import _per, _points

_DOLLAR_CODES = {"USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "ZWL", "MXN", "BRL"}
_LOOSE_SCALES = {"m", "M", "b", "B"}

_LOOSE_NEXT = re.compile(r"\s([A-Za-z]{2,})")
_SPACED_LETTER_SCALE = re.compile(r"(?<=\S)\s(?:m|mn|bn|b|k)(?![A-Za-z])")


_STERLING = re.compile(r"\s(?i:sterling|stg)\b")
_STRAY_US = re.compile(r"US(?=\s+(?i:million|billion|trillion|mn|bn|mln|bln)\b)")


def _scales(text: str, pos: int, has_prefix: bool) -> tuple[float, int, list[str]]:
    if not has_prefix and g.SCALE_AFTER.match(text, pos) is None:
        return 1.0, pos, []  # (most figures: the loop below would stop at once)
    mult = 1.0
    words: list[str] = []
    if has_prefix:
        stray = _STRAY_US.match(text, pos)
        if stray:
            pos = stray.end()  # "$ 585US million": a stray US before the scale
    for _ in range(2):
        sm = g.SCALE_AFTER.match(text, pos)
        if not sm and has_prefix:
            sm = _SPACED_LETTER_SCALE.match(text, pos)
        if not sm:
            break
        word = sm.group(0).strip(" \t\r\n-")
        sc = lx.scales().get(word) or lx.scales().get(word.lower())
        if sc is None:
            break
        if word in _LOOSE_SCALES and not has_prefix:
            # "1.2m tons", "2B users" are scales; "100m" alone is metres
            nxt = _LOOSE_NEXT.match(text, sm.end())
            if not nxt or (nxt.group(1).lower() in g.function_words() and nxt.group(1) != "of"):
                break
        if mult >= 1e6 and sc.multiplier >= 1e6:
            # "1.143 billion mln stg" is a slip, not 1e15: keep the first scale
            words.append(word)
            pos = sm.end()
            continue
        mult *= sc.multiplier
        words.append(word)
        pos = sm.end()
    return mult, pos, words


def _currency(surface: str, where: str, hint: str | PlaceHint | None, text: str = ""
              ) -> str | None:
    table = lx.currency_lookup(where)
    code = table.get(surface) or table.get(surface.lower())
    if code is None:
        return None
    if code.startswith("@"):
        return _context_currency(text, code[1:])
    low = surface.lower()
    hint = resolved(hint)
    if not hint and low in _DOLLAR_WORDS:
        hint = _article_dollar(text)
    if not hint and (surface == "$" or low in _DOLLAR_WORDS or low in _RUPEE_WORDS):
        hint = place_currency(text)
    if hint:
        if surface == "$" or low in _DOLLAR_WORDS:
            if hint in _DOLLAR_CODES:
                return hint
        if low in _RUPEE_WORDS and hint in _RUPEE_CODES:
            return hint
        if surface == "¥" and hint in ("CNY", "JPY"):
            return hint
        if low == "pesos" and hint != "USD":
            return hint
    return code


_DOLLAR_WORDS = frozenset(["dollars", "dollar", "dlrs", "dlr", "dls"])
_RUPEE_WORDS = frozenset(["rs", "rs.", "rupees", "rupee"])
_RUPEE_CODES = {"INR", "PKR", "LKR", "NPR"}


@functools.lru_cache(maxsize=32)
def place_currency(text: str, title: str = "") -> str | None:
    """The local currency a bare "$"/"dollars" or "Rs"/"rupees" means in a story about
    one country, from the place words of ``currency_context.csv`` families ``dollar``
    and ``rupee``: together they must name exactly one currency, and that one must be
    named in the ``title`` or at least twice in ``text`` (one passing mention, "three
    times the size of Hong Kong's", does not make a story about Hong Kong). A story that
    also names the United States names two, and a bare "$" stays USD.

    >>> place_currency("The Sydney company said profit rose to $45 million in Australia.")
    'AUD'
    >>> place_currency("Ottawa and Washington agreed on $5 billion in Canada.") is None
    True
    >>> place_currency("Its market is three times Hong Kong's, at $44bn.") is None
    True
    """
    counts: dict[str, int] = {}
    for piece, weight in ((title, 2), (text, 1)):
        if piece == "":
            continue  # (most calls have no title)
        for m in _place_regex().finditer(piece):
            code = _place_codes()[m.group(0)]
            counts[code] = counts.get(code, 0) + weight
    if len(counts) != 1:
        return None
    code, n = counts.popitem()
    return None if code == "USD" or n < 2 else code


class PlaceHint:
    """The hint :func:`place_currency` gives a text (and title), worked out when a reader
    first needs one: at a currency word or a cent. A corpus reader passes it for a text
    without a dateline; most texts never ask, and the place-word pass costs more than a
    short text's reading of its figures.

    >>> PlaceHint("The Sydney company said profit rose in Australia.").code()
    'AUD'
    """

    __slots__ = ("_code", "_text", "_title")

    def __init__(self, text: str, title: str = "") -> None:
        self._text: str | None = text
        self._title, self._code = title, None

    def code(self) -> str | None:
        if self._text is not None:
            self._code = (place_currency(self._text, self._title) if self._title
                          else place_currency(self._text))
            self._text = None  # (asked once: the text is not kept)
        return self._code


def resolved(hint: str | PlaceHint | None) -> str | None:
    """The currency code a hint names (a :class:`PlaceHint` worked out now).

    >>> resolved("CAD"), resolved(PlaceHint("Sales rose in Toronto, Canada."))
    ('CAD', 'CAD')
    """
    return hint.code() if type(hint) is PlaceHint else hint


@functools.cache
def _place_codes() -> dict[str, str]:
    out: dict[str, str] = {}
    for family in ("dollar", "rupee"):
        out.update(lx.currency_context().get(family, ({}, None))[0])
    return out


@functools.cache
def _place_regex() -> re.Pattern:
    # a place word not after a word character or a point: grouped by first letter, the
    # test after that letter (so that the engine finds the letters by a fast scan)
    words = sorted(set(_place_codes()), key=lambda w: (-len(w), w))
    return re.compile(
        lx.grouped_alternation([(w, False) for w in words], after_head=r"(?<![\w.].)")
        + r"(?![\w])"
    )


_QUALIFIERS = ("Australian", "Canadian", "New Zealand", "N.Z.", "Hong Kong", "H.K.", "HK",
               "Singapore", "Taiwan", "U.S.", "US", "American")
# "\b" before the qualifier, tested after its first letter (a fast scan finds those)
_QUALIFIED_DOLLAR = re.compile(
    "(?P<q>" + lx.grouped_alternation([(w, False) for w in _QUALIFIERS], after_head=r"(?<!\w.)")
    + r")\s+(?i:dlrs?|dollars?)\b"
)
_QUALIFIER_CODE = {
    "australian": "AUD",
    "canadian": "CAD",
    "new zealand": "NZD",
    "n.z.": "NZD",
    "hong kong": "HKD",
    "h.k.": "HKD",
    "hk": "HKD",
    "singapore": "SGD",
    "taiwan": "TWD",
    "u.s.": "USD",
    "us": "USD",
    "american": "USD",
}


@functools.lru_cache(maxsize=32)
def _article_dollar(text: str) -> str | None:
    """The dollar an article means by a bare "dlrs": the one it names, if it names
    exactly one ("... in H.K. Dlrs ... rose to 249.03 billion dlrs")."""
    named = {_QUALIFIER_CODE[m.group("q").lower()] for m in _QUALIFIED_DOLLAR.finditer(text)}
    return named.pop() if len(named) == 1 else None


@functools.lru_cache(maxsize=32)
def _context_currency(text: str, family: str) -> str | None:
    """The code an ambiguous currency name has in this article: its earliest place word."""
    cues, default = lx.currency_context().get(family, ({}, None))
    best = None
    m = _context_regex(family).search(text)
    if m is not None:
        best = {k.lower(): v for k, v in cues.items()}.get(m.group(0).lower())
    return best or default


@functools.cache
def _context_regex(family: str) -> re.Pattern:
    cues, _ = lx.currency_context().get(family, ({}, None))
    if not cues:
        return re.compile(r"(?!x)x")
    return re.compile(r"\b" + lx.alternation(list(cues), any_case=True) + r"\b")


_PERCENT_RATIO_FIRST = frozenset("%pPbBtTfF")


def _unit(
    text: str, pos: int, prefix: str | None, hint: str | PlaceHint | None, value: float,
    scaled: bool,
) -> dict | None:
    """What follows the number: percent, ratio, currency, measure, counted noun."""
    c = text[pos : pos + 1]
    if prefix is None and (not c or (c.isascii() and not (c.isalpha() or c.isspace() or c in "-%$"))):
        return None  # ",", ")", "." or the end: no unit of the lexicons begins so
    # PERCENT_AFTER and RATIO_AFTER begin with at most three characters of white space and
    # a hyphen, then "%" or one of these letters: where none of the next four characters
    # is one (in ASCII text: no other letter matches them in any case) neither can match
    head = text[pos : pos + 4]
    maybe = prefix is None and (not head.isascii() or not _PERCENT_RATIO_FIRST.isdisjoint(head))
    pm = g.PERCENT_AFTER.match(text, pos) if maybe else None  # (after a prefix: money)
    if pm:
        if pm.group("bp"):
            return _points(pm.end(), name="basis point", factor=0.01)
        if pm.group("pt"):
            return _points(pm.end())
        return _per(
            text,
            {
                "kind": "percent",
                "unit": "percent",
                "name": "percentage",
                "end": pm.end(),
                "rangeable": True,
            },
        )
    if maybe:
        rm = g.RATIO_AFTER.match(text, pos)
        if rm and _occasions(text, rm.end(), value) and not _change_before(text, pos - 1):
            return _per(text, {"kind": "count", "unit": "times", "name": "time", "end": rm.end()})
        if rm:
            return _per(text, {"kind": "ratio", "unit": "times", "name": "times", "end": rm.end()})
    sm = g.SUFFIX_AFTER.match(text, pos)
    if sm:
        surf = sm.group(0).strip(" \t\r\n-")
        code = _currency(surf, "suffix", hint, text)
        low = surf.lower()
        ok = code is not None
        if ok and low == "pounds" and not scaled and prefix is None:
            ok = bool(_STERLING.match(text, sm.end()))
        tier = lx.currency_tier("suffix").get(surf, lx.currency_tier("suffix").get(low, 0))
        if ok and tier == 5 and not scaled and prefix is None:
            ok = False  # "the 10,000 mark", "a crown"; but "a 181 mln crown surplus"
        if ok and low in ("won", "marks", "dong", "lei", "rand") and sm.group(0)[:1] == "-":
            ok = False
        if ok and low == "c":
            ok = False
        if (
            ok
            and (surf == "$" or (prefix and surf.isupper() and len(surf) == 3))
            and _DIGIT_NEXT.match(text, sm.end())
        ):
            ok = False  # "10 $20", "EUR 184 million USD 259.7 m": it belongs to the next amount
        if ok:
            end = sm.end()
            if low in ("pounds", "pound"):
                st = _STERLING.match(text, end)
                end = st.end() if st else end
            code = prefix or code
            factor = 0.01 if low in ("pence", "p", "sen") else 1.0
            name = {"pence": "penny", "p": "penny", "sen": "sen"}.get(low)
            out = {
                "kind": "money",
                "unit": code,
                "name": name,
                "end": end,
                "factor": factor,
                "rangeable": True,
            }
            return _per(text, out)
    if prefix is not None:
        end = pos
        us = g.US_AFTER.match(text, pos)
        if us and prefix == "USD":
            end = us.end()
        return _per(
            text, {"kind": "money", "unit": prefix, "name": None, "end": end, "rangeable": True}
        )
    # (c is text[pos : pos + 1]: the first look _letter_unit takes, here; most fail it)
    gated = _letter_unit(text, pos, value) if c == "G" or c in _LETTER_FIRST or (
        c.isspace() and text[pos + 1 : pos + 2] in _LETTER_FIRST) else None
    if gated is not None:
        return _per(text, gated) if gated["kind"] != "count" else gated
    head = text[pos : pos + 4]  # (CENTS_AFTER's word begins within four characters)
    cm = g.CENTS_AFTER.match(text, pos) if (
        not head.isascii() or not _CENTS_FIRST.isdisjoint(head)) else None
    if cm and (cm.group(0).strip().lower() != "c" or cm.group(0)[0] != " "):
        hint = resolved(hint)
        code = hint if hint in _DOLLAR_CODES else "USD"
        return _per(
            text,
            {
                "kind": "money",
                "unit": code,
                "name": "cent",
                "end": cm.end(),
                "factor": 0.01,
                "rangeable": True,
            },
        )
    return _measure_or_count(text, pos, value)


# Unit symbols too short or too ambiguous to take on sight ("2.5 F", "12 C", "18 R",
# "661 kt", "150 kn"): data/unit_fields.csv lists their readings, each needing a word of
# its field in the same sentence (words.csv field_<field> lists) or, for physical units,
# a rate written with a slash ("1.3 A/cm2").
@functools.cache
def _letter_units() -> dict[str, tuple[tuple[str, str, str, str | None], ...]]:
    out: dict[str, list] = {}
    for r in lx.read_table("unit_fields.csv"):
        out.setdefault(r["surface"], []).append(
            (r["field"], r["kind"], r["unit"], r["name"] or None)
        )
    return {k: tuple(v) for k, v in out.items()}


_LETTER_AFTER = re.compile(r"(?P<sp>\s?)(?P<u>kts|kt|kn|[ACFRVb])(?![\w&'’-])")
_LETTER_FIRST = frozenset("ACFRVbk")  # the letters _LETTER_AFTER's unit can begin with
_CENTS_FIRST = frozenset("cCuU")  # ... CENTS_AFTER's word ("cents", "US cents")
_Y = frozenset("yY")  # ... AGE_AFTER's second character ("-year-old", " yrs old")
# "5G", "3G and 4G networks": a small integer with a glued G is a wireless generation
# ("256GB" and "5GHz" are not: a letter follows)
_GENERATION_AFTER = re.compile(r"G(?![\w&'’])")
_FIELD_TOKEN = re.compile(r"[a-z][a-z-]*")


def _sentence_words(text: str, pos: int) -> frozenset[str]:
    """The lower-case words of the sentence around ``pos`` (at most 300 characters each way)."""
    spans = split_sentences(text)
    i = sentence_at(spans, pos)
    a, b = spans[i] if i is not None else (0, len(text))
    a, b = max(a, pos - 300), min(b, pos + 300)
    return frozenset(_FIELD_TOKEN.findall(text[a:b].lower()))


def _letter_unit(text: str, pos: int, value: float) -> dict | None:
    """A short unit symbol read by its context: '2.5 F' beside 'capacitor' is farads, '12 C
    melting point' Celsius, '18 R' a price in South Africa rand, '150 kn' a price in kuna,
    '661 kt' the speed of sound in knots, '5G' a wireless generation.

    >>> _letter_unit("The capacitor holds 2.5 F.", 23, 2.5)["name"]
    'farad'
    >>> _letter_unit("Group F", 5, 1.0) is None
    True
    """
    if (
        pos < len(text)
        and text[pos] == "G"
        and pos > 0
        and text[pos - 1].isdigit()
        and float(value).is_integer()
        and 1 <= value <= 6
        and _GENERATION_AFTER.match(text, pos)
    ):
        return {"kind": "count", "unit": "G", "name": "wireless generation", "end": pos + 1}
    c = text[pos : pos + 1]
    if c not in _LETTER_FIRST and not (c.isspace() and text[pos + 1 : pos + 2] in _LETTER_FIRST):
        return None  # _LETTER_AFTER: at most one white space, then one of these letters
    lm = _LETTER_AFTER.match(text, pos)
    if lm is None:
        return None
    surf = lm.group("u")
    slash = text.startswith("/", lm.end()) and g.PER_AFTER.match(text, lm.end()) is not None
    words = _sentence_words(text, pos)
    for field, kind, unit, name in _letter_units()[surf]:
        fits = bool(words & g.word_set(f"field_{field}")) or (slash and kind == "measure")
        if not fits:
            continue
        if kind == "money":
            code = _context_currency(text, unit[1:]) if unit.startswith("@") else unit
            if code is None:
                continue
            return {"kind": "money", "unit": code, "name": None, "end": lm.end(), "rangeable": True}
        return {"kind": kind, "unit": unit, "name": name, "end": lm.end(), "rangeable": True}
    return None


_NEXT_WORD = re.compile(r"\s*([A-Za-z&'-]+|[.,;:!?)]|$)")


def _occasions(text: str, pos: int, value: float) -> bool:
    """An integer "N times" not followed by a comparison counts occasions ("rates were
    raised five times this year"), not a multiplier ("three times the size")."""
    if not float(value).is_integer() or value < 2:
        return False
    m = _NEXT_WORD.match(text, pos)
    nxt = m.group(1).lower() if m else ""
    return nxt in ("", ".", ",", ";", ":", "!", "?", ")") or nxt in g.word_set("occasion_follow")


_TIME_UNITS = {
    "year",
    "month",
    "week",
    "day",
    "hour",
    "minute",
    "second",
    "decade",
    "century",
    "quarter",
}
_ADJ_NEXT = re.compile(r"\s(?:[a-z]|\$)")


def _measure_or_count(text: str, pos: int, value: float) -> dict | None:
    am = g.AGE_AFTER.match(text, pos) if text[pos + 1 : pos + 2] in _Y else None
    if am:
        return {"kind": "measure", "unit": "year", "name": "year of age", "end": am.end()}
    mm = g.MEASURE_AFTER.match(text, pos)
    if mm:
        surf = mm.group(0).strip(" \t\r\n-")
        meas = lx.measure_lookup().get(surf) or lx.measure_lookup().get(surf.lower())
        if meas is not None and not (surf == "PS" and mm.group(0)[:1] != " "):
            adjective = (
                mm.group(0)[:1] == "-"
                and meas.name in _TIME_UNITS
                and bool(_ADJ_NEXT.match(text, mm.end()))
            )
            return _per(
                text,
                {
                    "kind": "measure",
                    "unit": meas.pint,
                    "name": meas.name,
                    "end": mm.end(),
                    "rangeable": True,
                    "adjective": adjective,
                },
            )
    if pos < len(text) and text[pos] == "m" and not text[pos + 1 : pos + 2].isalpha():
        return {
            "kind": "measure",
            "unit": "meter",
            "name": "metre",
            "end": pos + 1,
            "rangeable": True,
        }
    hit = _measures.lookup(text, pos)
    if hit is not None:
        end, name, pint_unit = hit
        if _unit_word_modifies(text, pos, end, name, value):
            return _count(text, pos, value)  # "36 league games": games
        return {"kind": "measure", "unit": pint_unit, "name": name, "end": end, "rangeable": True}
    if pos < len(text) and text[pos].isalpha():
        return {"kind": "skip", "end": pos}
    return _count(text, pos, value)


_PLURAL_NEXT = re.compile(r" ([a-z]{3,}s)\b")


def _unit_word_modifies(text: str, pos: int, end: int, name: str, value: float) -> bool:
    """Is a word of quantulum3's unit lexicon, in the singular after a number above one, a
    modifier of the noun that follows ("36 league games")? Durations are not ("10 year
    bonds"), nor econnews' own units ("15 inch screens" measure the screens)."""
    word = text[pos:end].strip()
    if value <= 1 or not float(value).is_integer() or name in _TIME_UNITS:
        return False
    if not word.isalpha() or not word.islower():
        return False
    if word != name:
        return False  # a symbol ("50mph winds") or a plural ("3 miles runs") is the unit
    nxt = _PLURAL_NEXT.match(text, end)
    return nxt is not None and _is_plural_noun(nxt.group(1))



# --------------------------------------------------------------------------- ranges
