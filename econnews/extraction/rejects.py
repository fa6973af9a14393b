"""What is not a quantity: the numbers the extractor reads and then rules out (dates,
times, years, ordinals, phone numbers, names with digits such as "Boeing 737" or
"COVID-19", votes, scores, splits, addresses, ages, spelled numbers that are pronouns).
Part of the extractor (:mod:`.scan` asks these questions of each numeric core).

>>> _not_a_quantity("on March 3 it rose", 9, 10, " ", " ", False)
True
>>> _is_year("1987"), _is_year("4000")
(True, False)
"""

from __future__ import annotations

import re

from . import grammar as g
from . import lexicon as lx
from .context import _LABEL_MONEY
from .numbers import parse_digits
from .units import _NEXT_WORD, _TIME_UNITS

_SCORE_MAX = 20


def _rejected(
    text: str,
    s: int,
    e: int,
    core: str,
    is_digits: bool,
    start: int,
    pos: int,
    unit: dict,
    prefix: str | None,
    lo2: float | None,
    low: float,
    high: float,
) -> int | None:
    """Where reading resumes when the mention is not a quantity once its unit is known
    (a split, a vote, a model number, a year, a name, a score, an address), else None; the
    number ``core`` is ``text[s:e]`` (``is_digits``: written in digits)."""
    kind = unit["kind"]
    bare = kind in ("number", "count")
    if kind == "skip":
        return _run_end(text, e)
    c = text[start - 1] if start > 0 else ""  # (g.ends_in and g.space_before, inlined)
    if ((c == "-" or (c == "\n" and start >= 2 and text[start - 2] == "-"))
            and _SPLIT_BEFORE.search(text, (start - 12 if start > 12 else 0), start)) or text.startswith("-for-", e):
        return pos  # "a three-for-two stock split", "a 2-for-1 split"
    if (c.isspace() and "vot" in text[(start - 20 if start > 20 else 0) : start].lower()
            and _VOTE_BEFORE.search(text, (start - 20 if start > 20 else 0), start)) or (
        lo2 is not None and kind == "count" and str(unit.get("unit", "")).lower() in _TALLY_NOUNS
    ):
        return pos  # "by a vote of 34 to 2", "a 2-1 decision"
    if is_digits and bare and (
        (text.startswith("-", s + 3) and _MODEL.match(text, s)) or _name_noun_after(text, e)
    ):
        return _run_end(text, e)  # "the 737-800", "its 777 plane"
    if kind == "measure" and is_digits and _is_year(core) and unit.get("name") in _TIME_UNITS:
        return pos  # "the 1986 second half", "1986 year operating loss"
    if bare and prefix is None and lo2 is None:
        if is_digits and _is_year(core) and low == high == parse_digits(core):
            return pos  # a year
        if _name_before(text, start) and not (
            kind == "count" and _TOP_BEFORE.search(text, (start - 5 if start > 5 else 0), start)
        ):
            return pos  # "Game 7", but "the top three seeds" is a count
        if not is_digits and core[0].isupper() and not _sentence_initial(text, s):
            return pos  # "the Kick Six"
    if kind == "measure" and unit.get("adjective"):
        return pos  # "a five-year $700,000 award": a description, not a figure
    if lo2 is not None and _rejected_range(text, e, core, is_digits, start, kind, prefix,
                                           low, high):
        return pos
    if bare and is_digits and text[e : e + 1].isspace() and _ADDRESS_AFTER.match(text, e):
        return pos  # "49 Zorro Ranch Road"
    if not is_digits and text.startswith("-", e) and _HYPHEN_WORD_AFTER.match(text, e) and bare:
        return pos  # "a six-speed gearbox", "a three-bed flat"
    return None


def _rejected_range(
    text: str, e: int, core: str, is_digits: bool, start: int, kind: str, prefix: str | None,
    low: float, high: float
) -> bool:
    """A range that is a score, a span of years or part of a name ("ISO 3888-2"); the first
    number ``core`` ends at ``e``."""
    if is_digits and (
        kind == "number"
        and prefix is None
        and all(float(x).is_integer() and 0 <= x <= _SCORE_MAX for x in (low, high))
        and text[e : e + 1] in "-–"
    ):
        return True  # a score
    if (
        is_digits
        and kind in ("number", "count")
        and len(core) == 4
        and core.isdigit()
        and all(1000 <= x <= 2100 and float(x).is_integer() for x in (low, high))
    ):
        return True  # "between 1600 and 1900": years
    return kind in ("number", "count") and prefix is None and bool(_name_before(text, start))


def _is_age(
    text: str, s: int, e: int, unit: dict, lo2: float | None, value: float, is_digits: bool
) -> bool:
    """A bare number after a person's name and before a comma is an age ("Smith, 52,")."""
    return bool(
        unit["kind"] == "number"
        and is_digits
        and lo2 is None
        and text.startswith(",", e)
        and _AGE_COMMAS.match(text, e)
        and _AGE_NAME.search(text, (s - 40 if s > 40 else 0), s)
        and 0 < value < 120
        and float(value).is_integer()
    )
_PHONE_BEFORE = re.compile(r"(?:\+\d{1,4}|(?i:\btel|\bphone|\bfax|\bmob)\.?:?)[\s\d()-]*$")


_NAME_BEFORE = re.compile(r"(?<![\w.])([A-Z][A-Za-z&]*\.?|[a-z]+[A-Z][A-Za-z]*)\s$")
_LAST_WORD = re.compile(r"(?<![\w&])([\w&]+)\.?\s$")
_LETTER_HYPHEN_BEFORE = re.compile(r"\b([A-Za-z]+)-$")
_HYPHEN_OK = {"sub", "minus", "then", "now", "over", "under", "about", "around", "some", "nearly"}
_NUMBER_SIGN = re.compile(r"(?:#|\b(?i:no|nos|number)\.?\s?)$")
_UNIT_SOON = re.compile(
    r"(?:\s?(?:-\s?)?(?:%|(?i:per\s?cent|percent|pct|pc|times|fold|billion|million|trillion|bn|mln|bln|mn|tn|crore|lakh))(?![A-Za-z]))"
)


_RUN = re.compile(r"[\w.,:/-]*")
_PLUS_PHONE = re.compile(r"\d+[\s-]\d")


def _run_end(text: str, e: int) -> int:
    m = _RUN.match(text, e)
    return m.end() if m else e


#: Every month word (data/words.csv) holds one of these, lower-cased.
_MONTH3 = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
assert all(any(m in w.lower() for m in _MONTH3) for w in g._MONTH_WORDS), "a month word"
_MONTH3_IN = re.compile("|".join(_MONTH3))  # any(m in lb for m in _MONTH3), in one C call
# The characters a match of each pattern after the number can begin with (non-ASCII ones
# are left to the regex): a look at one character spares the regex call at most numbers.
_TIME_FIRST = frozenset(":.aApPgGuUeEcCmMhH")  # g.TIME_AFTER: [:.], \s or a letter of its words
_MONTH_AFTER_FIRST = frozenset("oOjJfFmMaAsSnNdD")  # g.MONTH_AFTER: "of" or a month word
# after white space (taken by TIME_AFTER's and _ERA_AFTER's "\s?") their words must begin
# there: a letter of _TIME_FIRST (or a non-ASCII one), an "A" or a "B"
_ERA_FIRST = frozenset("AB")  # _ERA_AFTER: B.C., BCE, BC, A.D., AD
assert {w[0] for w in g._MONTH_WORDS} <= _MONTH_AFTER_FIRST


_MONTH_LAST = frozenset("o-–d")  # g.ends_in(text, s, "o-–d") for a character not white space


def _is_year(core: str) -> bool:
    return len(core) == 4 and core.isdigit() and 1700 <= int(core) <= 2100


def _not_a_quantity(text: str, s: int, e: int, left: str, right: str, has_prefix: bool) -> bool:
    """Dates, times, ordinals, names with digits, versions, phone numbers, fiscal labels.

    (Each test returns True, so their order is free: the tests of the left and right
    neighbour are skipped where it is white space, which none of them takes, and those
    that rule nothing out after a currency prefix are skipped after one.)
    """
    if left and not left.isspace():
        if left == "+" and _PLUS_PHONE.match(text[s : e + 3]):
            return True  # "+358 9 591 8342": an international phone number
        if (left.isalpha() or left in "_@") and not has_prefix:
            return True  # G20, S23, XC40
        if left in ":/" or (left == "." and s >= 2 and text[s - 2].isdigit()):
            return True
        if left in "'’" and e - s == 2:
            return True  # '87
    # (g.ends_in(text, s, "-"), inlined: this runs for every number)
    if not has_prefix and (left == "-" or (left == "\n" and s >= 2 and text[s - 2] == "-")):
        lh = _LETTER_HYPHEN_BEFORE.search(text, (s - 12 if s > 12 else 0), s)
        if lh is not None and lh.group(1).lower() not in _HYPHEN_OK:
            return True  # COVID-19, F-35, mid-2019
    if right and not right.isspace():
        if right in "./:" and e + 1 < len(text) and text[e + 1].isdigit():
            return True  # 1.2.3, dates 12.03.2019; 1987/88, 12/25; 10:30, 1:36.6
        if right in "sSnNrRtTſ" and g.ORDINAL_AFTER.match(text, e):
            return True
    if right and (right in _TIME_FIRST or not right.isascii() or (right.isspace() and (
        (nx1 := text[e + 1 : e + 2]) in _TIME_FIRST or (nx1 and not nx1.isascii()))
    )) and g.TIME_AFTER.match(text, e):
        return True
    core = text[s:e]
    if not has_prefix and _not_a_quantity_unprefixed(text, s, e, left, right, core):
        return True
    return bool(right and right in "/-" and g.FISCAL_AFTER.match(text, e) and _is_year(core))


def _not_a_quantity_unprefixed(text: str, s: int, e: int, left: str, right: str,
                               core: str) -> bool:
    """The tests of :func:`_not_a_quantity` that only a number without a currency prefix
    takes: eras, phone numbers, number signs, dates."""
    # the windows searched below end at s and hold at most 24 characters: a word a
    # pattern needs must stand in them (none of these words has a letter that another
    # folds to in a case-insensitive match, but for "sep": "ſ" is checked)
    before = text[s - 24 if s > 24 else 0 : s]
    lb = before.lower()
    if (
        (left.isspace() and ("AD" in before or "A.D." in before)
         and _ERA_BEFORE.search(text, (s - 22 if s > 22 else 0), s))
        or ((right in _ERA_FIRST or (right.isspace() and text[e + 1 : e + 2] in _ERA_FIRST))
            and _ERA_AFTER.match(text, e))
    ):
        return True  # "A.D. 1000 and 1260", "500 BC": years
    if ("+" in before or "tel" in lb or "phone" in lb or "fax" in lb
            or "mob" in lb) and _PHONE_BEFORE.search(text, (s - 24 if s > 24 else 0), s):
        return True  # "tel. +358 9 591 8342"
    if (e - s >= 3 and (c3 := text[s + 3 : s + 4])
            and (c3 in ").-" or c3.isspace()) and g.PHONE.match(text, s - 1 if left == "(" else s)):
        return True  # PHONE needs three digits at s, then ")", ".", "-" or white space
    if ((left in "#." or left.isspace() or left in "oOsSrRſ")
            and ("#" in before or "no" in lb or "nu" in lb)
            and _NUMBER_SIGN.search(text, (s - 10 if s > 10 else 0), s)):
        return True
    # (g.ends_in(text, s, "o-–d") or white space: a newline is white space too)
    if ((left.isspace() or left in _MONTH_LAST) and ("ſ" in before or _MONTH3_IN.search(lb))
            and (mb := g.MONTH_BEFORE.search(text, (s - 12 if s > 12 else 0), s))
            and not _UNIT_SOON.match(text, e)):
        word = mb.group(0).strip(" .,").lower()
        if word not in ("may", "mar") or mb.group(0)[0].isupper():
            if core.replace(",", "").isdigit() and (
                int(core.replace(",", "")) <= 31 or _is_year(core)
            ):
                return True
    if core.isdigit() and right.isspace():
        nx = text[e + 1 : e + 2]
        ma = (g.MONTH_AFTER.match(text, e)
              if nx and (nx in _MONTH_AFTER_FIRST or not nx.isascii()) else None)
        if ma and int(core) <= 31:
            word = ma.group(0).strip().split()[-1]
            if word.lower() not in ("may", "mar") or word[0].isupper():
                return True
    return False


def _name_before(text: str, s: int) -> bool:
    """A number right after a proper name is part of it: Boeing 737, Section 427, iPhone 11."""
    if not (s >= 1 and text[s - 1].isspace()):  # (g.space_before, inlined)
        return False  # both patterns end with a space before the number
    nw = _LAST_WORD.search(text, (s - 12 if s > 12 else 0), s)
    if nw is not None and nw.group(1).lower() in g.name_before_words():
        return True
    window = text[(s - 30 if s > 30 else 0) : s]
    # both forms need a capital A-Z: an all-lower-case window holds none
    nb = None if window.islower() else _NAME_BEFORE.search(text, (s - 30 if s > 30 else 0), s)
    if nb is None:
        return False
    word = nb.group(1).rstrip(".")
    lw = word.lower()
    return (
        lw not in g.function_words()
        and lw not in lx.cues("bound", "before")
        and lw not in lx.cues("change", "before")
        and not g.MONTH_BEFORE.search(word + " ")
        and not (word[0].isupper() and _sentence_initial(text, nb.start(1)))
        and not _LABEL_MONEY.match(word)  # "... vs profit 12,438,000 Sales 157.9 mln"
    )


def _sentence_initial(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\"'“‘(":
        j -= 1
    return j < 0 or text[j] in ".!?\n;:"


_ERA_BEFORE = re.compile(r"\b(?:A\.D\.|AD)\s(?:\d{1,4}\s(?:and|to|-|–)\s)?$")
_ERA_AFTER = re.compile(r"\s?(?:B\.C\.|BCE|BC|A\.D\.|AD)(?!\w)")
_TOP_BEFORE = re.compile(r"(?i:\btop)\s$")
_SPLIT_BEFORE = re.compile(r"(?i:\b\w+-for-)$")
_VOTE_BEFORE = re.compile(r"(?i:\bvotes?\s+of|\bvoted)\s+$")
_MODEL = re.compile(r"\d{3}-\d{3}\b")
_TALLY_NOUNS = {
    "decision",
    "vote",
    "ruling",
    "verdict",
    "majority",
    "split",
    "win",
    "victory",
    "defeat",
    "loss",
    "lead",
    "scoreline",
    "draw",
}


def _name_noun_after(text: str, e: int) -> bool:
    nxt = _NEXT_WORD.match(text, e)
    return bool(nxt) and nxt.group(1).lower() in g.word_set("name_after")


_AGE_COMMAS = re.compile(r",\s")
_AGE_NAME = re.compile(r"\b[A-Z][a-z]+,\s$")
_ADDRESS_AFTER = re.compile(
    r"\s(?:[NSEW]\.?\s)?(?:\d+(?:st|nd|rd|th)\s)?(?:[A-Z][a-z]+\s){0,3}"
    r"(?:St|Street|Rd|Road|Ave|Avenue|Way|Blvd|Boulevard|Lane|Ln|Drive|Dr|Place|Pl|Court|Ct)\b"
)
_HYPHEN_WORD_AFTER = re.compile(r"-[A-Za-z]")
_THE_BEFORE = re.compile(r"(?i:\bthe\s)$")
_ONE_RANGE_AFTER = re.compile(r"\s(?:to|or)\s(?:two|three|four|five|\d)")
_ONE_OK_AFTER = re.compile(
    r"\s+(?:of\s+(?:the|his|her|their|its|our|my|your|those|these)\b|[a-z][a-z-]+)"
)
_ONE_BAD_BEFORE = re.compile(
    r"(?i:\b(?:no|any|every|each|which|this|that|the|someone|anyone|no-one|a|another|only|last|same)\s$)"
)


_AT_ONE_POINT = re.compile(r"(?i:at\sone\spoint)\b")


def _lone_word_number(text: str, m: re.Match, value: float) -> bool:
    """A spelled number that is a pronoun or part of an idiom ("no one", "one day")."""
    word = m.group(0).lower()
    if word == "one" and _AT_ONE_POINT.match(text, m.start() - 3 if m.start() >= 3 else 0):
        return True  # "at one point in fiscal 2015": a moment, not a percentage point
    if word in ("one", "an", "a"):
        if _ONE_RANGE_AFTER.match(text, m.end()):
            return False
        if _ONE_BAD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            return True
        after = _ONE_OK_AFTER.match(text, m.end())
        if not after:
            return True
        nxt = after.group(0).split()[0].lower()
        if nxt in g.function_words() and nxt != "of":
            return True
        if nxt.endswith("ing") or nxt.endswith("ed") or nxt in ("another", "way", "thing", "day"):
            return True
    return False
