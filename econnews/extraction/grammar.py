"""The regexes of econnews' quantity grammar, compiled once from the lexicons.

Everything here is built from the data files in ``econnews/data`` so that a new
currency, scale word or cue is a line of CSV, not code. The patterns are
anchored and bounded (no nested unbounded repeats) so that scanning stays
linear in the length of the text.

The number grammar itself (digits, spelled and spoken numbers, and the pass that finds
them) is :mod:`.numerals`; this module holds what is read around a number.

>>> from econnews.extraction.grammar import PERCENT_AFTER, prefix_before
>>> PERCENT_AFTER.match("5 per cent", 1).group(0), prefix_before("paid US$ 5", 9).group(0)
(' per cent', 'US$ ')
"""

from __future__ import annotations

import re
from functools import cache

from ..common.regex import lazy_patterns
from . import lexicon as lx
from .numerals import (  # number words the patterns after a number take
    _APPROX,
    _CARD,
    _FRACTION,
)

# Patterns a reader needs only for some texts are compiled on first use: the module's
# ``__getattr__`` builds one when ``grammar.NAME`` is first read and keeps it as a global
# (later reads cost nothing more). Compiling every pattern was most of the time
# ``import econnews`` spends on its own modules.
_LAZY, __getattr__ = lazy_patterns(globals())


_scale_any = [s.word for s in lx.scales().values() if s.attach in ("any", "spaced")]
_scale_glued = [s.word for s in lx.scales().values() if s.attach in ("any", "attached")]
# after a number: " billion", "-billion", "bn", "M"
SCALE_AFTER = re.compile(
    rf"(?:(?:\s|-)(?:{lx.alternation(_scale_any, any_case=False)}|(?i:billion|million|trillion|thousand|crore|lakh))"
    rf"|{lx.alternation(_scale_glued)})(?![A-Za-z])"
)

#: The non-ASCII characters that match an ASCII letter in a case-insensitive regex.
_FOLDS_TO_ASCII = frozenset("ſ\u212aİı")


class _Guarded:
    """A pattern made of an optional white space or hyphen, then one of ``words`` (each
    literal, matched in any case where its flag says so), then more: ``match`` tries it
    only where one of the words can begin, which a look at two characters decides (the
    regex tries its alternatives one by one: a hundred and more for the currency and
    measure lexicons). The look is a lookahead in front of the pattern: the engine makes
    it at once, in C, and a failed one ends the match. Non-ASCII text is always left to
    the pattern itself.

    >>> SUFFIX_AFTER.match("5 dlrs", 1).group(0), SUFFIX_AFTER.match("5 people", 1)
    (' dlrs', None)
    """

    def __init__(self, pattern: str, words: list[tuple[str, bool]]) -> None:
        self.pattern = pattern
        self._regex: re.Pattern | None = None  # compiled on first use
        self._looking: re.Pattern | None = None  # ... with the lookahead
        exact1: set[str] = set()
        any1: set[str] = set()
        exact2: set[str] = set()
        any2: set[str] = set()
        always = False
        for word, any_case in words:
            head = word[:2]
            if any_case and set(head) & _FOLDS_TO_ASCII:
                always = True  # ("ſ" matches "s" in any case): no cheap test
            if len(word) == 1:
                (any1 if any_case else exact1).add(head.lower() if any_case else head)
            else:
                (any2 if any_case else exact2).add(head.lower() if any_case else head)
        # what may stand where a word begins, each case of a letter spelled out
        starts2 = exact2 | {a + b for h in any2 for a in {h[0], h[0].upper()}
                            for b in {h[1], h[1].upper()}}
        starts1 = exact1 | {c.upper() for c in any1} | any1
        self._lookahead = "" if always else _head_lookahead(starts2, starts1)

    @property
    def regex(self) -> re.Pattern:
        """The pattern, compiled (on first use: most texts never need it)."""
        if self._regex is None:
            self._regex = re.compile(self.pattern)
        return self._regex

    def _compiled(self) -> re.Pattern:
        if self._looking is None:
            self._looking = re.compile(self._lookahead + self.pattern)
        return self._looking

    def match(self, text: str, pos: int = 0) -> re.Match | None:
        """``regex.match(text, pos)``, tried only where one of the words can begin."""
        return (self._looking or self._compiled()).match(text, pos)


def _head_lookahead(starts2: set[str], starts1: set[str]) -> str:
    """A lookahead that holds where a word can begin, at once or after one ASCII white
    space or hyphen: its first two characters are one of ``starts2``, its first is one of
    ``starts1``, or one of the two is not ASCII (there a case-insensitive match may take
    a character for an ASCII letter, and the pattern decides).

    >>> re.match(_head_lookahead({"bn"}, {"$"}), " bn") is not None
    True
    >>> re.match(_head_lookahead({"bn"}, {"$"}), " people") is None
    True
    """
    by_first: dict[str, set[str]] = {}
    for pair in starts2:
        by_first.setdefault(pair[0], set()).add(pair[1])
    heads = [f"{re.escape(a)}[{''.join(re.escape(b) for b in sorted(bs))}]"
             for a, bs in sorted(by_first.items())]
    if starts1:
        heads.append("[" + "".join(re.escape(c) for c in sorted(starts1)) + "]")
    heads += [r"[^\x00-\x7f]", r"[\s\S][^\x00-\x7f]"]
    return r"(?=[ \t\n\r\x0b\x0c\x1c-\x1f-]?(?:" + "|".join(heads) + "))"


CURRENCY_PREFIX = lx.currency_regex("prefix")
CURRENCY_SUFFIX = lx.currency_regex("suffix")
# A currency sign or code right before the number, optionally a space between.
# A capital letter, a space and "$" ("C $6", "S $1mil") is a spaced currency prefix, unless
# the letter names something ("Series C $100 million", "Model S $79,990") or ends an
# abbreviation ("U.S $5": the dollar sign alone decides).
_LETTER_NAMES = (
    "Series",
    "Model",
    "Class",
    "Type",
    "Grade",
    "Group",
    "Tier",
    "Phase",
    "Plan",
    "Part",
    "Category",
    "Vitamin",
    "Section",
    "Division",
    "Level",
    "Option",
    "Schedule",
    "Form",
    "Round",
    "Stage",
    "Block",
    "Unit",
    "Line",
    "Route",
    "Gate",
    "Platform",
    "Pool",
    "League",
    "Formula",
    "Chapter",
    "Article",
    "Annex",
    "Appendix",
    "Exhibit",
    "Figure",
    "Table",
)
_SPACED_LETTER_OK = "".join(rf"(?<!{w}\s)" for w in _LETTER_NAMES) + r"(?<![.'’])"
_LAZY["PREFIX_BEFORE"] = lambda: re.compile(
    rf"(?<![A-Za-z])(?:(?![A-Z]\s\$)|{_SPACED_LETTER_OK}){CURRENCY_PREFIX}\s?$"
)
# The last characters a currency prefix can end with (both cases where its case is free):
# a window search for PREFIX_BEFORE is needed only where one stands right before the
# number (or before the space or final newline that ``\s?$`` allows).
PREFIX_LAST = frozenset(
    ch
    for c in lx.currencies()
    if c.where in ("prefix", "both")
    for ch in ((c.surface[-1].lower(), c.surface[-1].upper()) if c.any_case else (c.surface[-1],))
)
assert " " not in PREFIX_LAST  # (scan._read spares prefix_may_end after a space so)


# ... and their last two characters (a prefix of one character: that one), each case of
# a letter spelled out where its case is free
_PREFIX_END1 = frozenset(
    v for c in lx.currencies() if c.where in ("prefix", "both") and len(c.surface) == 1
    for v in ({c.surface.lower(), c.surface.upper()} if c.any_case else {c.surface})
)
_PREFIX_END2 = frozenset(
    a + b for c in lx.currencies() if c.where in ("prefix", "both") and len(c.surface) >= 2
    for a in ({c.surface[-2].lower(), c.surface[-2].upper()} if c.any_case else {c.surface[-2]})
    for b in ({c.surface[-1].lower(), c.surface[-1].upper()} if c.any_case else {c.surface[-1]})
)


def _prefix_ends_at(text: str, j: int) -> bool:
    """Can a currency prefix end with ``text[j]``? (its last two characters looked up;
    non-ASCII ones are left to the regex)"""
    two = text[max(0, j - 1) : j + 1]
    return (two in _PREFIX_END2 or two[-1:] in _PREFIX_END1 or not two.isascii())


def _longest_prefixes() -> dict[str, int]:
    """Per last two characters (each case where a prefix's case is free), the longest
    currency prefix of two or more characters that ends with them."""
    out: dict[str, int] = {}
    for c in lx.currencies():
        if c.where in ("prefix", "both") and len(c.surface) >= 2:
            a, b = c.surface[-2], c.surface[-1]
            pairs = ({x + y for x in {a.lower(), a.upper()} for y in {b.lower(), b.upper()}}
                     if c.any_case else {a + b})
            for two in pairs:
                out[two] = max(out.get(two, 0), len(c.surface))
    return out


_PREFIX_LONGEST2 = _longest_prefixes()


def prefix_before(text: str, s: int, back: int = 8) -> re.Match | None:
    """``PREFIX_BEFORE.search(text, max(s - back, 0), s)``, searched from the first place
    a prefix can begin (in ASCII text: the longest prefix ending right before ``s``, or
    before the white space ``\\s?$`` allows, found by its last two characters), not from
    every place of the window.

    >>> prefix_before("paid US$ 5", 9).group(0), prefix_before("$1,2$1", 5).start()
    ('US$ ', 4)
    """
    lo = s - back if s > back else 0
    window = text[lo:s]
    if window.isascii():
        first = s
        for end in (s, s - 1, s - 2):
            if end < s and (end < 0 or not text[end].isspace()
                            or (end == s - 2 and text[s - 1] != "\n")):
                break  # "\\s?$": one white space, or one before a final newline
            length = _PREFIX_LONGEST2.get(text[end - 2 : end] if end >= 2 else "", 0)
            if not length and end >= 1 and text[end - 1] in _PREFIX_END1:
                length = 1
            if length and end - length < first:
                first = end - length
        if first == s:
            return None
        lo = first if first > lo else lo
    pattern = globals().get("PREFIX_BEFORE") or __getattr__("PREFIX_BEFORE")
    return pattern.search(text, lo, s)


def prefix_may_end(text: str, s: int) -> bool:
    """Can ``PREFIX_BEFORE.search(text, ..., s)`` match? False only where it cannot (a
    cheap test on the last characters; any non-ASCII one is left to the regex).

    >>> prefix_may_end("paid $5", 6), prefix_may_end("rose to 5", 8)
    (True, False)
    """
    c1 = text[s - 1] if s >= 1 else ""
    if not c1:
        return False
    if c1 in PREFIX_LAST or not c1.isascii():
        return _prefix_ends_at(text, s - 1)
    if not c1.isspace():
        return False
    c2 = text[s - 2] if s >= 2 else ""
    if c2 and (c2 in PREFIX_LAST or not c2.isascii()) and _prefix_ends_at(text, s - 2):
        return True
    if c1 == "\n" and c2 and c2.isspace():  # "$" also matches before a final newline
        c3 = text[s - 3] if s >= 3 else ""
        return bool(c3) and (c3 in PREFIX_LAST or not c3.isascii()) and _prefix_ends_at(
            text, s - 3)
    return False


def ends_in(text: str, s: int, chars: str) -> bool:
    r"""Can a window search ending at ``s``, for a pattern whose match ends with one of
    ``chars`` before ``$``, match? (``$`` also matches before a final newline.)

    >>> ends_in("COVID-", 6, "-"), ends_in("COVID-\n", 7, "-"), ends_in("COVID ", 6, "-")
    (True, True, False)
    """
    c = text[s - 1] if s >= 1 else ""
    if c and c in chars:
        return True
    return c == "\n" and s >= 2 and text[s - 2] in chars


def space_before(text: str, s: int) -> bool:
    r"""Is ``text[s - 1]`` white space? (a pattern that ends with ``\s$`` can match only
    then: a final newline is white space too)

    >>> space_before("to 5", 3), space_before("to5", 2), space_before("", 0)
    (True, False, False)
    """
    return s >= 1 and text[s - 1].isspace()


# "$76 US", "$75 U.S." after a dollar amount.
US_AFTER = re.compile(r"\s(?:US|U\.S\.)(?![A-Za-z])")
SUFFIX_AFTER = _Guarded(
    rf"[\s-]?{CURRENCY_SUFFIX}(?![A-Za-z])",
    [(c.surface, c.any_case) for c in lx.currencies() if c.where in ("suffix", "both")],
)
CENTS_AFTER = re.compile(r"(?:\s?-\s?|\s)?(?:(?i:U\.S\.|US)\s)?(?i:cents?|cts|ct|c)(?![A-Za-z])")

PERCENT_AFTER = re.compile(
    r"(?:\s?-\s?(?=(?i:per|pct))|\s)?(?:(?P<pt>(?i:percentage[\s-]points?|percent(?:age)?[\s-]points?|per\s?cent(?:age)?[\s-]points?|pct[\s-]points?|pp))"
    r"|(?P<bp>(?i:basis[\s-]points?|bps|bp))"
    r"|(?P<pc>%|(?i:per\s?cent|percent|pct|pc|precent|percnt)))(?![A-Za-z])"
)
RATIO_AFTER = re.compile(r"(?:\s?-\s?|\s)?(?i:times|fold)(?![A-Za-z])")
_LAZY["RATIO_WORD"] = lambda: re.compile(rf"(?i:\b{lx.alternation(list(lx.ratio_words()))}\b)(?!-)")
# (wordforms' anchored pass takes FRACTION_WORD's matches to begin at a fraction word or
# at most five characters before the hyphen or white space in front of it: the longest
# num is "three"; HALF_POINT's to begin at its w/w2 or at an "a" and white space before
# it; ONE_IN's at most three characters before the white space in front of "in"/"out of")
_LAZY["FRACTION_WORD"] = lambda: re.compile(
    r"(?=[aAoOtTfFhH])"
    rf"(?:(?i:\b(?P<num>a|an|one|two|three|four)(?:\s+|-)(?P<frac>{lx.alternation(_FRACTION)})(?=\s+of\b))"
    rf"|(?i:\b(?P<num2>one|two|three|four)-(?P<frac2>{lx.alternation(_FRACTION)})\b)"
    rf"|(?i:(?<!first\s)(?<!second\s)(?<!latter\s)(?<!former\s)\b(?P<half>half)\s+(?=of\b|the\b)))"
)
# A fraction of change with no "of" after it: "grew by a third", "fell by a quarter",
# "almost a fourth higher" (a fraction before "of" is a share: FRACTION_WORD).
_LAZY["FRACTION_CHANGE"] = lambda: re.compile(
    r"(?=[bBaAnNrRsSoO])"
    rf"(?i:\b(?P<lead>by|almost|nearly|about|around|roughly|some|over)\s+"
    rf"(?P<body>(?P<num>a|an|one|two|three|four)(?:\s+|-)(?P<frac>{lx.alternation(_FRACTION)}))\b"
    r"(?P<next>(?![\s-]+(?:of|point|percentage)\b)"
    r"(?=\s+(?:higher|lower|more|less|bigger|smaller|larger|up|down|above|below)\b)?))"
)
# "half a point", "a quarter of a percentage point", "half-point", "quarter-point"
_LAZY["HALF_POINT"] = lambda: re.compile(
    r"(?i:\b(?:a\s+)?(?P<w>half|quarter)(?:\s+of)?\s+an?\s+(?:percentage\s+)?point\b"
    r"|\b(?P<w2>half|quarter)[\s-](?:percentage[\s-])?point\b)"
)
# "one in six", "one out of three". (A lookahead of the possible first characters before
# a pattern lets the regex engine skip most positions of a text: several times faster.)
_LAZY["ONE_IN"] = lambda: re.compile(
    r"(?=[oOaA\d])"
    rf"(?i:(?<![\d.,$€£¥])\b(?P<a>one|a|\d{{1,2}})\s+(?:in|out\s+of)\s+(?P<b>{_CARD}|\d{{1,3}})\b(?![.,]\d))"
)
# Cheap necessary conditions for the whole-text passes above (each starts with a literal
# or a character class, which the regex engine skips to in C): a text without a match
# of the condition holds no match of the pass.
#: SPOKEN needs "-point-", "-and-a-half", or "point" between white space
SPOKEN_DASHED_HINT = re.compile(r"-(?i:point-|and-a-half)")
SPOKEN_SPACED_HINT = re.compile(r"\s(?i:point)\s")
#: ONE_IN needs white space, "in" or "out of", white space, then a number
_LAZY["ONE_IN_HINT"] = lambda: re.compile(rf"\s(?i:in|out\s+of)\s+(?i:{_CARD}|\d)")


#: FRACTION_WORD's first two forms need a fraction word after white space or a hyphen
#: (its third, "half of", needs "half")
_LAZY["FRACTION_HINT"] = lambda: re.compile(rf"[\s-](?i:{lx.alternation(_FRACTION)})")
#: FRACTION_CHANGE needs white space, a small number, then a fraction word
_LAZY["FRACTION_CHANGE_HINT"] = lambda: re.compile(
    rf"\s(?i:a|an|one|two|three|four)(?:\s+|-)(?i:{lx.alternation(_FRACTION)})"
)


_LAZY["APPROX_WORD"] = lambda: re.compile(
    rf"(?i:\b(?:(?P<tens>tens|hundreds)\s+of\s+)?(?P<w>{lx.alternation(_APPROX)})\s+of\b)"
)

MEASURE_AFTER = _Guarded(
    rf"(?:\s|-)?{lx.measure_regex()}(?![A-Za-z])",
    [(m.surface, m.any_case) for m in lx.measures()],
)
AGE_AFTER = re.compile(r"(?:\s|-)(?i:years?[\s-]old|year-olds?|yrs?[\s-]old)(?![A-Za-z])")
# The denominator of a rate: "$58 a barrel", "$5 per share", "$80 per sq m", "$5/kg",
# "10 kV/cm". After "per" or "/" any unit of data/measures.csv may follow; after "a"/"an"
# only the words listed (a bare "a" is too common to take more).
_PER_WORDS = (
    r"share|barrel|month|year|annum|week|day|hour|minute|second|century|capita|game|dozen|"
    r"gram|ounce|tonne|ton|gallon|litre|liter|kilogram|kg|pound|head|person|unit|"
    r"square\s(?:foot|metre|meter)|mmBTU|MMBtu"
)
_PER_MEASURE = (
    "(?:"
    + "|".join(
        f"(?i:{re.escape(m.surface)})" if m.any_case else re.escape(m.surface)
        for m in sorted(lx.measures(), key=lambda m: (-len(m.surface), m.surface))
        if len(m.surface) >= 2
    )
    + ")"
)
# (compiled on first use; PER_MAY, its separators and first letters, says where it may match)
_LAZY["PER_AFTER"] = lambda: re.compile(
    rf"(?:\s?-\s?|\s)(?:(?i:per)(?:\s?-\s?|\s)(?P<per>{_PER_MEASURE}|(?i:{_PER_WORDS}))"
    rf"|(?i:a|an)(?:\s?-\s?|\s)(?P<pera>(?i:{_PER_WORDS}))"
    r"(?!\s(?i:earlier|ago|before|later|previously)))"
    rf"(?![A-Za-z])|\s?/(?P<per2>{_PER_MEASURE}|(?i:share|barrel|month|year|day|hour|gram|oz|tonne|ton|kg|bbl))(?![A-Za-z])"
)
PER_MAY = re.compile(r"(?:\s?-\s?|\s)[pPaA]|\s?/")
RANGE_SEP = re.compile(r"(?:-|–|—)(?!\s)|\s(?:-|–|—)\s|–|\s(?i:to|and)\s")

# Left context (searched in a bounded window ending at the number).
CHANGE_AFTER = re.compile(
    rf"\s(?:(?i:price|sales|share|stock|annual|year-on-year|year-over-year|monthly|quarterly)\s)?"
    rf"{lx.alternation(list(lx.cues('change', 'after')), any_case=True)}(?![A-Za-z])"
)
BETWEEN_BEFORE = re.compile(r"(?i:\bbetween)\s$")
ELIDED_BEFORE = re.compile(
    r"(?i:\bfrom|\bto|\bagainst|\bversus|\bvs\.?|\bcompared\swith|\bcompared\sto|\bincluding)\s$"
)
MINUS_BEFORE = re.compile(r"(?:(?<![\w.])[-−]|(?i:\bminus[\s-]|\bnegative\s))$")

# Things that are not quantities.
_MONTH_WORDS = [r["word"] for r in lx.read_table("words.csv") if r["list"] == "month"]
MONTH_BEFORE = re.compile(
    rf"(?i:\b{lx.alternation(_MONTH_WORDS)})\.?,?\s(?:\d{{1,2}}\s?(?:to|-|–|and)\s?)?$"
)
MONTH_AFTER = re.compile(rf"\s(?:of\s)?(?i:{lx.alternation(_MONTH_WORDS)})\b")
TIME_AFTER = re.compile(
    r"(?:[:.]\d\d)?\s?(?i:a\.?m\b\.?|p\.?m\b\.?|am\b|pm\b|gmt\b|utc\b|[ecmp][sd]t\b|hrs\b|h\b)|:\d\d"
)
ORDINAL_AFTER = re.compile(r"(?i:st|nd|rd|th)\b")
FISCAL_AFTER = re.compile(r"/\d{2,4}\b|-\d{2}\b(?!\s?%)")
PHONE = re.compile(r"\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}")

@cache
def _word_lists() -> dict[str, frozenset[str]]:
    """Every list of ``words.csv``, built in one pass over its rows (the first reader to
    ask for any list pays for all: a pass per list cost a look at every row each time)."""
    lists: dict[str, set[str]] = {}
    for r in lx.read_table("words.csv"):
        lists.setdefault(r["list"], set()).add(r["word"])
    return {name: frozenset(words) for name, words in lists.items()}


_NO_WORDS: frozenset[str] = frozenset()


@cache
def function_words() -> frozenset[str]:
    return _word_lists().get("function", _NO_WORDS)


@cache
def word_set(name: str) -> frozenset[str]:
    """One list of ``words.csv`` ("name_after", "index_word", "phrasal", ...).

    >>> "and" in word_set("function"), word_set("no such list")
    (True, frozenset())
    """
    return _word_lists().get(name, _NO_WORDS)


@cache
def name_before_words() -> frozenset[str]:
    return _word_lists().get("name_before", _NO_WORDS)


@cache
def irregular_plurals() -> frozenset[str]:
    return _word_lists().get("irregular_plural", _NO_WORDS)
