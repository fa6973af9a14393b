"""Reader: who states a figure ("X said", "according to X", "X told Kyodo", "figures
from the statistics office show") and the owner of a plan ("Putin's plan ... to raise
trade 1.5 times"). The speech verbs are a data file (``speech_verbs.csv``).

>>> find_speaker("Exports rose 5 pct, the ministry said.").name
'the ministry'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..common.regex import with_start_filter
from .parse import spaced, words
from .places import find_places, read_csv_data

__all__ = ["PRONOUN_SPEAKERS", "Speaker", "clean_speaker", "find_speaker", "proposal_owner"]

@dataclass(frozen=True)
class Speaker:
    name: str
    start: int  # article offset of the attribution phrase
    hint: str  # claim type the verb signals ("target", "forecast" or "")
    reported_by: str | None = None


@lru_cache(maxsize=1)
def _speech_rules() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    df = read_csv_data("speech_verbs.csv")
    hints = {}
    for phrase, hint in zip(df["phrase"], df["hint"], strict=True):
        for word in phrase.split("|"):
            hints[word.lower()] = hint
    before = spaced("|".join(df.loc[df["position"] == "before", "phrase"]))
    after = spaced("|".join(df.loc[df["position"] == "after", "phrase"]))
    return (with_start_filter(rf"\b(?:{before})\b"),
            with_start_filter(rf"\b(?:{after})\b", re.IGNORECASE), hints)


_TITLE_WORDS = frozenset(words("""
President Prime Minister Ministers Secretary Chairman Chairwoman Governor Ambassador Director
Deputy Vice Foreign Trade Finance Mr. Mrs. Ms. Dr. Chief Executive General Representative
Spokesman Spokeswoman Senator Sen. Rep. King Queen Chancellor Premier Commissioner
Undersecretary Under Assistant Agriculture Commerce Treasury Industry Economy Economic
Affairs International Party Leader Communist Officer Head Senior Official Officials Adviser
Advisor Economics Minister's Envoy Negotiator Trade's US U.S. State Energy Central Bank
"""))


#: Plural role nouns that make a speaker on their own: "officials said".
_ROLE_NOUNS = frozenset(words("""
officials analysts economists sources diplomats traders experts dealers bankers
executives negotiators ministers spokesmen observers industry figures data statistics
official analyst economist source diplomat trader expert dealer banker spokesman
spokeswoman negotiator
"""))


#: Words that read like a speaker but never are one.
_NEVER_SPEAKERS = frozenset({"the latest", "latest", "the news", "news", "this", "that",
                             "the figure", "the figures", "there"})


_PERSON_TITLES = frozenset(words("""
president minister secretary chairman chairwoman governor ambassador director mr. mrs. ms. dr.
envoy senator sen. rep. representative spokesman spokeswoman chancellor premier commissioner
undersecretary king queen leader officer adviser advisor negotiator economist analyst official
"""))


_BODY_WORDS = frozenset(words("""
Ministry Ministries Bank Institute Commission Office Department Agency Council Association
Corp Corp. Co Co. Inc Inc. Ltd Group Committee Board Bureau Service Federation Union Chamber
Organisation Organization Fund Authority Government Administration Secretariat Centre Center
Exchange Party Parliament Congress Senate House Court Statistics News Kyodo Reuters
Forum Observatory Institute Council Trust Society Foundation
"""))


_TIME_TAIL = with_start_filter(
    r"(?:\s+(?:also|here|today|yesterday|tonight|earlier|later|again|on|last|this|"
    r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|"
    r"morning|afternoon|evening))+$")


_PRONOUNS = {"he", "she", "it", "they", "we", "i", "He", "She", "It", "They", "We", "I"}

#: Words that qualify a data noun without naming a body: "official figures" is the
#: figures, not a body called "official".
_DATA_ADJECTIVES = frozenset(words("""official preliminary provisional latest new final
revised unofficial monthly annual trade the"""))
#: An adverb that ends a would-be speaker phrase: "a factor already noted", "widely
#: expected": the verb is a participle, nobody speaks.
_ADVERB_TAIL = re.compile(r"(?:^|\s)(?:already|widely|previously|generally|long|often|"
                          r"initially|originally|earlier)$")
#: The head noun of a figure, not of a speaker: "the trade balance showed".
_THING_HEAD = with_start_filter(r"\b(?:balance|surplus|deficit|exports|imports|trade|shipments|"
                                r"sales|account|output|production|growth|index|payments|reserves|"
                                r"receipts|earnings|revenues?|inflation|economy|budget)$|"
                                r"\b(?:comparison|breakdown|calculations?)\b", re.IGNORECASE)


_BY_AFTER = re.compile(r"\s+by\b")
#: "Previous results reported from Texas Eastern ...": a data noun before the verb and
#: "from" after it make the verb a participle (the figures' origin), not a statement
_FROM_AFTER = re.compile(r"\s+from\b")
_DATA_NOUN_BEFORE = re.compile(r"\b(?:figures|data|statistics|numbers|results)\s+$",
                               re.IGNORECASE)


_NP_BREAK = with_start_filter(r"[,;:\"“”()]|\s[-–—]\s|\bthat\b|\bwhich\b|\bwho\b|\band\b(?= [a-z])")


_POSSESSIVE_PLAN = re.compile(
    r"((?:[A-Z][\w.-]*\s+){0,4}[A-Z][\w.-]*)['’]s\s+(?:[a-z]+\s+)?"
    r"(proposals?|plans?|offers?|initiatives?|ideas?|targets?|goals?|forecasts?|estimates?|"
    r"projections?|calls?|suggestions?)\b")


@lru_cache(maxsize=4096)
def _is_place_word(word: str) -> bool:
    return bool(find_places(word))


_DATA_FROM_THE = re.compile(r"(?:latest\s+|official\s+|preliminary\s+|provisional\s+)?(?:data|"
                            r"figures|statistics|numbers)\s+(?:from|of|by)\s+the\s+[a-z]",
                            re.IGNORECASE)
_BODY_HEAD = re.compile(r"\b(?:bank|ministry|department|office|agency|bureau|customs|commission|"
                        r"government|authority|institute|service|board|council|administration|"
                        r"secretariat|centre|center)$", re.IGNORECASE)
_DATA_ONLY = re.compile(r"(?:the\s+|these\s+|those\s+|latest\s+|new\s+)*(?:data|figures|statistics|numbers)"
                       r"(?:\s+(?:released|published|issued)\b.*)?", re.IGNORECASE)


@lru_cache(maxsize=8192)
def clean_speaker(np: str) -> str | None:
    """Trim a speaker phrase: drop titles before a personal name, keep bodies whole.

    >>> clean_speaker("Russian President Vladimir Putin")
    'Vladimir Putin'
    >>> clean_speaker("the official representative of the Japanese Foreign Ministry")
    'the official representative of the Japanese Foreign Ministry'
    >>> clean_speaker("it") is None
    True
    >>> clean_speaker("Commerce Department data"), clean_speaker("data from the Ministry of Finance")
    ('Commerce Department', 'the Ministry of Finance')
    """
    np = re.sub(r"\s+", " ", np).strip(" ,.'\"“”’")
    np = re.sub(r"^(?:(?:As|as|But|but|However|And|and|Meanwhile|Also|Now|now|Though|though|"
                r"While|while|So|so|Yet|yet)\s+)+", "", np)
    np = _TIME_TAIL.sub("", np).strip()
    # "its chairman Murat Ozkan": the person the possessive title names
    np = re.sub(r"^(?:its|their|his|her)\s+(?=(?:[a-z-]+\s+){1,3}[A-Z])", "", np)
    # "a senior Taiwanese trade official who asked not to be named": the official
    np = re.sub(r",?\s+(?:who|which)\s+(?:asked|declined|requested|spoke|did\s+not|would\s+not|"
                r"was\s+not|were\s+not|is\s+not|are\s+not)\b.*$", "", np)
    if _ADVERB_TAIL.search(np):
        return None  # "a factor already (noted)": a participle, nobody speaks
    if not np or np in _PRONOUNS or len(np.split()) > 10 or np.lower() in _NEVER_SPEAKERS:
        return None
    if _THING_HEAD.search(np):
        return None  # "Poland's overall trade balance showed": a figure, not a speaker
    if _DATA_ONLY.fullmatch(np):
        return None  # "official figures show": the figures, nobody named
    if re.search(r"\d|\b(?:its|their|his|her|our|we|I|is|was|were|are|has|had|have|an?|"
                 r"(?-i:will|would|could|should|may|might|must|can))\b", np,
                 re.IGNORECASE) and not re.match(r"(?:[Aa]|[Aa]n)\s+\w", np):
        return None  # a clause, not a speaker: "the group cut its 1987 growth rate"
    words = np.split(" ")
    if not any(w[:1].isupper() for w in words) and words[0].lower() not in {
            "the", "a", "an"} and words[-1].lower() not in _ROLE_NOUNS \
            and not (_DATA_FROM_THE.match(np) and _BODY_HEAD.search(np)):
        # "figures from the statistics institute" names a body; "data from the past" none
        return None
    # a personal name after titles: "Trade Minister Hajime Tamura" -> "Hajime Tamura"
    tail: list[str] = []
    for w in reversed(words):
        if w[:1].isupper() and w not in _TITLE_WORDS and not _is_place_word(w):
            tail.insert(0, w)
        else:
            break
    head = words[: len(words) - len(tail)]
    if tail and head and head[-1].lower() in _PERSON_TITLES and not _BODY_WORDS & set(tail):
        return " ".join(tail)
    # "data from the Ministry of Finance", "Commerce Department data": the body whose data
    body = re.sub(r"^(?:the\s+|an?\s+)?(?:latest\s+|official\s+|preliminary\s+|provisional\s+|"
                  r"flash\s+|first\s+)?(?:data|figures|statistics|numbers|estimates?|"
                  r"(?-i:report|release))\s+(?:from|of|by|(?:released|published|"
                  r"compiled|issued)\s+(?:(?:on|this|last|earlier)\s+\w+\s+)?by)\s+", "", np,
                  flags=re.IGNORECASE)
    body = re.sub(r"(?<=\w)\s+(?:data|figures|statistics|numbers)$", "", body)  # lower case:
    if body != np:  # "provisional Finance Ministry figures": the Finance Ministry
        body = re.sub(r"^(?:(?:latest|official|preliminary|provisional|revised|final|"
                      r"seasonally[- ]adjusted|unadjusted)\s+)+(?=[A-Z])", "", body)
    # "the Office for National Statistics" is a name
    if body.lower() in _DATA_ADJECTIVES:
        body = np  # "official figures": the figures are all the text names
    if body and re.search(r"\b(?:[A-Z][\w.&-]+|bank|ministry|department|office|agency|bureau|"
                          r"customs|commission|government|authority|institute|service|board)$",
                          body) and (body[:1].isupper() or body.lower().startswith("the ")
                                     or " " in body or body == "customs"):
        np = body
    # one spelling per body: "The EIU said" and "the EIU said" are one speaker
    return re.sub(r"^(The|A|An) ", lambda m: m.group(1).lower() + " ", np)


#: Verbs that name a speaker only when the sentence has no other: "Economists see the deficit
#: widening to $6bn" (the economists), "The Assembly sees exports rising, its chairman said".
_WEAK_VERBS = frozenset({"see", "sees"})
#: Verbs that never follow their subject ("..., said X" is, "..., attributed X" is not).
_NOT_INVERTED = frozenset({"attributed", "blamed", "showed", "shows", "show", "calculated",
                           "concluded", "ruled", "highlighted", "estimated", "reported",
                           "revealed", "disclosed", "confirmed"})
_QUOTED = re.compile(r"[\"“][^\"”]{3,}[\"”]")
_DATA_NOUN_SPEAKER = with_start_filter(r"\b(?:figures|data|statistics|numbers)\b", re.IGNORECASE)
_SOURCE_TAIL = re.compile(r"\s+(?:released|published|issued|compiled|quoted|cited|seen|obtained|based|"
                          r"showed|shows|posted|on|in|for|at)\b")


#: A relative clause that ends a subject before its verb: "A central bank official, who
#: declined to be named, said".
_SUBORDINATE_SUBJECT = re.compile(r"\b(?:as|while|when|after|because|since|before|but|and)\s+"
                                  r"((?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})\s*$")
#: A sentence opener that is no subject: "In addition, the head of Eskom, ..., said".
_OPENER = re.compile(r"(?:In addition|Meanwhile|However|Separately|Also|Moreover|Furthermore|"
                     r"Earlier|Later|At the same time|By contrast|In contrast|Still|Yet|Besides|"
                     r"Overall|Elsewhere|Nevertheless|Instead|Likewise|Similarly|Indeed|"
                     r"(?:On|Last|This|Early|Late) \w+|In a statement|In (?:19|20)\d\d)",
                     re.IGNORECASE)
_UNNAMED_TAIL = re.compile(r"\s+who\s+(?:asked|declined|requested|spoke|did\s+not|would\s+not)\b"
                           r"[^,]*\s*$")
_RELATIVE_TAIL = re.compile(r",\s*(?:who|which)\s+[^,]*,\s*$")
#: A clause after the verb, not a name: "said the government will send missions".
_CLAUSE_AFTER = re.compile(r"\s*(?:[A-Z][\w.'’-]*\s+|the\s+[\w'’-]+\s+){1,4}(?:will|would|is|was|"
                           r"are|were|has|had|have|could|should|may|might|must|expects?|plans?|"
                           r"wants?)\b")
_ACRONYM = re.compile(r"\s\((?:[A-Z][A-Za-z.&-]{1,11})\)(?=\s)")
_DATA_BY = re.compile(r"^\s*(?:the\s+|an?\s+)?(?:latest\s+|official\s+|preliminary\s+|provisional\s+|"
                      r"recently\s+|newly\s+|just\s+|unadjusted\s+|(?:seasonally\s+)?adjusted\s+|"
                      r"revised\s+|final\s+|monthly\s+|quarterly\s+|annual\s+)?(?:(?:released|published|issued)\s+)?"
                      r"(?:data|figures|statistics|numbers|report|release|survey|estimates?)\s+"
                      r"(?:(?:released|published|issued|compiled|collected|gathered)\s+(?:(?:on|this|last|earlier)\s+"
                      r"\w+\s+)?)?by\s+", re.IGNORECASE)
_AUXILIARY = re.compile(r"\s+(?:had|has|have|would|will|had\s+been|have\s+been)\s*$")
_REPORTEDLY = re.compile(r"\s+(?:reportedly|also|earlier|previously|publicly|repeatedly)\s*$")


def find_speaker(sentence: str, offset: int = 0) -> Speaker | None:
    """Who the sentence attributes its statement to ("X said", "according to X", ...).

    >>> find_speaker("Exports rose 5 pct, Trade Minister Hajime Tamura told reporters.").name
    'Hajime Tamura'
    >>> find_speaker("According to the Commerce Ministry, exports fell.").name
    'the Commerce Ministry'
    >>> find_speaker("Exports fell.") is None
    True
    """
    before, after, hints = _speech_rules()
    # "Export Promotion Bureau (EPB) data showed": the bracketed short name is no break
    if "(" in sentence:
        sentence = _ACRONYM.sub(lambda a: " " * len(a.group(0)), sentence)
    m = after.search(sentence)
    if m:
        rest = sentence[m.end():]
        np = _NP_BREAK.split(rest, maxsplit=1)[0]
        # "according to figures released by the State Statistics Bureau": the body
        np = _DATA_BY.sub("", np)
        # "according to Commerce Department data released on 6 February": the source, not
        # the participle phrase after it
        np = _SOURCE_TAIL.split(np, maxsplit=1)[0]
        name = clean_speaker(np.split(".")[0] if not re.search(r"\b[A-Z]\.", np) else np)
        if name:
            return Speaker(name, m.start() + offset, "")
    verbs = list(before.finditer(sentence))
    if not verbs:
        return None
    quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(sentence)]
    data_speaker = None
    strong = any(v.group(0).lower() not in _WEAK_VERBS for v in verbs)
    for m in verbs:
        if any(a < m.start() < b for a, b in quoted):
            continue  # '"We expect exports of ...," said X': the verb inside the quote
        verb = m.group(0).lower()
        if verb in _WEAK_VERBS and strong:
            continue  # "The Assembly sees exports rising ..., its chairman said": the chairman
        hint = hints.get(verb, "")
        head = sentence[:m.start()]
        # inverted: '..., said Trade Minister X.' / '"...," said X'
        if _BY_AFTER.match(sentence, m.end()) or (
                _FROM_AFTER.match(sentence, m.end()) and _DATA_NOUN_BEFORE.search(head)):
            continue  # "the debt freeze offered by the Paris Club": a passive participle
        if head.rstrip().endswith((",", '"', "”")) or not head.strip():  # ', said X
            if verb in {"told", "tells"}:
                continue  # ", told Reuters ...": whom he told, not who spoke
            if verb in _NOT_INVERTED:  # "Roberto Fendt, attributed March's fall to ...":
                name = _apposed_name(head)  # the subject, never the words after the verb
                if name:
                    return Speaker(name, m.start() + offset, hint)
                continue
            rest = sentence[m.end():]
            np = re.split(r"[,;.](?!\w)|\bthat\b|\bin an?\b|\bon\b", rest, maxsplit=1)[0]
            name = None if _RELATIVE_TAIL.search(head) else clean_speaker(np)
            if name and (re.match(r"\s*(?:[A-Z]|the\b)", rest) or name[:1].isupper()
                         or name.split()[-1].lower() in _ROLE_NOUNS):
                return Speaker(name, m.start() + offset, hint)
            # "A central bank official, who declined to be named, said": the subject
            # before its relative clause
            relative = _RELATIVE_TAIL.search(head)
            if relative:
                chunks = [x for x in _NP_BREAK.split(head[:relative.start()]) if x.strip()]
                name = clean_speaker(chunks[-1]) if chunks else None
            else:
                name = _apposed_name(head)
            clause_after = re.match(r"\s*[a-z]", rest) or _CLAUSE_AFTER.match(rest)
            if name is None and clause_after and head.count(",") >= 2:
                # "Rep. Richard Gephardt, a Missouri Democrat who is seeking ..., said he
                # may offer": the subject before its apposition
                chunks = [c for c in head.split(",") if c.strip()]
                if chunks and _OPENER.fullmatch(chunks[0].strip()):
                    chunks = chunks[1:]  # "In addition, the director of Eskom, a ..., said"
                name = clean_speaker(chunks[0]) if chunks else None
                name = name if name and (name[:1].isupper() or name.split()[-1].lower()
                                         in _ROLE_NOUNS or name.startswith("the ")) else None
            if name and (clause_after or relative):
                # "the director of Cacex, Roberto Fendt, said that ...": the apposed name
                return Speaker(name, m.start() + offset, hint)
            continue
        # "Congressional aides who asked not to be identified said": the aides
        parts = _NP_BREAK.split(_UNNAMED_TAIL.sub("", head))
        np = _AUXILIARY.sub("", _REPORTEDLY.sub("", parts[-1]))
        # "Economists polled by Reuters had expected": who expected
        name = clean_speaker(np)
        sub = _SUBORDINATE_SUBJECT.search(np) if name is None else None
        if sub:  # "The diplomats were meeting as Tokyo announced": Tokyo
            name = clean_speaker(sub.group(1))
        if name is None and np.strip() in _PRONOUNS:
            return Speaker(np.strip().lower(), m.start() + offset, hint)
        if name and _DATA_NOUN_SPEAKER.search(name) and data_speaker is None:
            # "Preliminary figures show ..., a Statistics Department statement said": the
            # body that published them, when the sentence names one
            data_speaker = Speaker(name, m.start() + offset, hint)
            continue
        if name:
            return Speaker(name, m.start() + offset, hint)
    return data_speaker


def _apposed_name(head: str) -> str | None:
    """The capitalised name that ends ``head`` between commas ("the director of Cacex,
    Roberto Fendt,"), or None."""
    named = [x for x in _NP_BREAK.split(head) if x.strip()]
    name = clean_speaker(named[-1]) if named else None
    return name if name and name[:1].isupper() else None


def proposal_owner(sentence: str, offset: int, before: int) -> tuple[str, int] | None:
    """"Putin's plan ... to increase trade": the owner of a plan named before ``before``."""
    found = None
    if "'s" not in sentence and "’s" not in sentence:
        return None  # no possessive, no owner
    for m in _POSSESSIVE_PLAN.finditer(sentence):
        if m.end() + offset <= before:
            name = clean_speaker(m.group(1))
            if name:
                found = (name, m.start() + offset)
    return found


PRONOUN_SPEAKERS = {"he", "she", "it", "they", "we", "i"}
