"""Reader: who states a figure, with what hedge, and so what kind of claim it is.

Speakers ("X said", "according to X", "X told Kyodo"), the owner of a plan
("Putin's plan ... to raise trade 1.5 times"), hedges (``hedges.csv``: expected,
proposed, target) and the claim type they give.

>>> find_speaker("Exports rose 5 pct, the ministry said.").name
'the ministry'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .. import schema
from .parse import (
    FAMILY,
    owner_place,
    spaced,
    words,
)
from .places import find_places, read_csv_data

if TYPE_CHECKING:
    from .article import Article, Sentence


@dataclass(frozen=True)
class Speaker:
    name: str
    start: int  # article offset of the attribution phrase
    hint: str  # claim type the verb signals ("target", "forecast" or "")
    reported_by: str | None = None


@lru_cache(maxsize=1)
def _hedge_rules() -> list[tuple[re.Pattern[str], str]]:
    df = read_csv_data("hedges.csv")
    return [(re.compile(rf"\b(?:{spaced(p)})\b", re.IGNORECASE), t)
            for p, t in zip(df["pattern"], df["claim_type"], strict=True)]


@lru_cache(maxsize=1)
def _speech_rules() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    df = read_csv_data("speech_verbs.csv")
    hints = {}
    for phrase, hint in zip(df["phrase"], df["hint"], strict=True):
        for word in phrase.split("|"):
            hints[word.lower()] = hint
    before = spaced("|".join(df.loc[df["position"] == "before", "phrase"]))
    after = spaced("|".join(df.loc[df["position"] == "after", "phrase"]))
    return (re.compile(rf"\b(?:{before})\b"), re.compile(rf"\b(?:{after})\b", re.IGNORECASE),
            hints)


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


_TIME_TAIL = re.compile(
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
_THING_HEAD = re.compile(r"\b(?:balance|surplus|deficit|exports|imports|trade|shipments|"
                         r"sales|account|output|production|growth|index|payments|reserves|"
                         r"receipts|earnings|revenues?|inflation|economy|budget)$", re.IGNORECASE)


_NP_BREAK = re.compile(r"[,;:\"“”()]|\s[-–—]\s|\bthat\b|\bwhich\b|\bwho\b|\band\b(?= [a-z])")


_POSSESSIVE_PLAN = re.compile(
    r"((?:[A-Z][\w.-]*\s+){0,4}[A-Z][\w.-]*)['’]s\s+(?:[a-z]+\s+)?"
    r"(proposals?|plans?|offers?|initiatives?|ideas?|targets?|goals?|forecasts?|estimates?|"
    r"projections?|calls?|suggestions?)\b")


@lru_cache(maxsize=4096)
def _is_place_word(word: str) -> bool:
    return bool(find_places(word))


_DATA_ONLY = re.compile(r"(?:the\s+|these\s+|those\s+|latest\s+|new\s+)*(?:data|figures|statistics|numbers)"
                       r"(?:\s+(?:released|published|issued)\b.*)?", re.IGNORECASE)


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
    if re.search(r"\d|\b(?:its|their|his|her|our|we|I|is|was|were|are|has|had|have|an?)\b", np,
                 re.IGNORECASE) and not re.match(r"(?:[Aa]|[Aa]n)\s+\w", np):
        return None  # a clause, not a speaker: "the group cut its 1987 growth rate"
    words = np.split(" ")
    if not any(w[:1].isupper() for w in words) and words[0].lower() not in {
            "the", "a", "an"} and words[-1].lower() not in _ROLE_NOUNS:
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
    body = re.sub(r"^(?:the\s+)?(?:latest\s+|official\s+|preliminary\s+|provisional\s+)?"
                  r"(?:data|figures|statistics|numbers)\s+(?:from|of|by|(?:released|published|"
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


#: Verbs that never follow their subject ("..., said X" is, "..., attributed X" is not).
_NOT_INVERTED = frozenset({"attributed", "blamed", "showed", "shows", "show", "calculated",
                           "concluded", "ruled", "highlighted", "estimated", "reported",
                           "revealed", "disclosed", "confirmed"})
_QUOTED = re.compile(r"[\"“][^\"”]{3,}[\"”]")
_DATA_NOUN_SPEAKER = re.compile(r"\b(?:figures|data|statistics|numbers)\b", re.IGNORECASE)
_SOURCE_TAIL = re.compile(r"\s+(?:released|published|issued|compiled|quoted|cited|seen|obtained|"
                          r"showed|shows|posted|on|in|for|at)\b")


_ACRONYM = re.compile(r"\s\((?:[A-Z][A-Za-z.&-]{1,11})\)(?=\s)")
_DATA_BY = re.compile(r"^\s*(?:the\s+)?(?:latest\s+|official\s+|preliminary\s+|provisional\s+)?"
                      r"(?:data|figures|statistics|numbers)\s+(?:released|published|issued|compiled)"
                      r"\s+(?:(?:on|this|last|earlier)\s+\w+\s+)?by\s+", re.IGNORECASE)
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
    quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(sentence)]
    data_speaker = None
    for m in before.finditer(sentence):
        if any(a < m.start() < b for a, b in quoted):
            continue  # '"We expect exports of ...," said X': the verb inside the quote
        verb = m.group(0).lower()
        hint = hints.get(verb, "")
        head = sentence[:m.start()]
        # inverted: '..., said Trade Minister X.' / '"...," said X'
        if re.match(r"\s+by\b", sentence[m.end():]):
            continue  # "the debt freeze offered by the Paris Club": a passive participle
        if re.search(r"[,\"”]\s*$", head) or not head.strip():
            if verb in {"told", "tells"}:
                continue  # ", told Reuters ...": whom he told, not who spoke
            if verb in _NOT_INVERTED:  # "Roberto Fendt, attributed March's fall to ...":
                name = _apposed_name(head)  # the subject, never the words after the verb
                if name:
                    return Speaker(name, m.start() + offset, hint)
                continue
            rest = sentence[m.end():]
            np = re.split(r"[,;.](?!\w)|\bthat\b|\bin an?\b|\bon\b", rest, maxsplit=1)[0]
            name = clean_speaker(np)
            if name and (re.match(r"\s*(?:[A-Z]|the\b)", rest) or name[:1].isupper()
                         or name.split()[-1].lower() in _ROLE_NOUNS):
                return Speaker(name, m.start() + offset, hint)
            name = _apposed_name(head)
            if name and re.match(r"\s*[a-z]", rest):
                # "the director of Cacex, Roberto Fendt, said that ...": the apposed name
                return Speaker(name, m.start() + offset, hint)
            continue
        parts = _NP_BREAK.split(head)
        np = _AUXILIARY.sub("", _REPORTEDLY.sub("", parts[-1]))
        # "Economists polled by Reuters had expected": who expected
        name = clean_speaker(np)
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
    for m in _POSSESSIVE_PLAN.finditer(sentence):
        if m.end() + offset <= before:
            name = clean_speaker(m.group(1))
            if name:
                found = (name, m.start() + offset)
    return found


def find_hedges(text: str, lo: int, hi: int) -> tuple[list[str], str]:
    """Hedge words in ``text[lo:hi]`` and the claim type they signal ('' when none)."""
    words: list[tuple[int, str]] = []
    kind = ""
    segment = text[lo:hi]
    targets, forecasts = [], []
    for rule, claim_type in _hedge_rules():
        for m in rule.finditer(segment):
            words.append((m.start(), m.group(0).lower()))
            if claim_type == "target":
                targets.append(m.group(0).lower())
            elif claim_type == "forecast":
                forecasts.append(m.group(0).lower())
    if targets and forecasts and all(w.startswith("to ") for w in targets):
        kind = "forecast"  # "Morgan expects the surplus to grow to ...": a forecast
    elif targets:
        kind = "target"
    elif forecasts:
        kind = "forecast"
    words.sort()
    seen: list[str] = []
    for _, w in words:
        if w not in seen:
            seen.append(w)
    return seen, kind


PRONOUN_SPEAKERS = {"he", "she", "it", "they", "we", "i"}


_HEDGE_RESET = re.compile(r"\b(?:which|who|than|against|compared\s+(?:with|to)|after)\b|"
                          r"[,;]\s+(?:and|but|while|whereas)\s+(?=(?:the\s+)?[A-Z])",
                          re.IGNORECASE)


_ASIDE = re.compile(r",\s*(?:which|who)\b[^,;]*,")


_SECONDARY_WORDS = re.compile(r"\s*(\S+)\s*(\S+)?")


def _hedges_outside_asides(text: str, lo: int, hi: int) -> tuple[list[str], str]:
    """Hedges in ``text[lo:hi]`` outside a relative aside (", which had accepted the
    offer,"): the aside's words are about something else."""
    parts, pos = [], lo
    for m in _ASIDE.finditer(text, lo, hi):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, hi))
    words: list[str] = []
    kind = ""
    for a, b in parts:
        w, k = find_hedges(text, a, b)
        words += [x for x in w if x not in words]
        if k == "target" or (k == "forecast" and kind != "target"):
            kind = k
    return words, kind


def type_of_claim(hedge_kind: str, speaker_hint: str, change: Any,
                  kind: str) -> tuple[str, str]:
    """The claim type and the reading that gave it (``claim_type_by``): ``hedge`` (a
    hedge word: "expected", "proposed"), ``speech_verb`` ("forecast", "pledged"),
    ``change`` (a rise or fall), ``kind`` (a multiplier) or ``default`` (a level).

    >>> type_of_claim("", "", "up", "percent")
    ('change', 'change')
    """
    if hedge_kind:
        return hedge_kind, "hedge"
    if speaker_hint:
        return speaker_hint, "speech_verb"
    if kind == "ratio":  # "doubled", "tripled", "1.5 times": a multiplier, up or down
        return "ratio", "kind"
    if isinstance(change, str) and change in schema.CHANGES:
        return "change", "change"
    return "level", "default"


_SOURCE_CUE = re.compile(r"\baccording\s+to\b|\b(?:data|figures|statistics)\s+(?:from|of)\b",
                         re.IGNORECASE)


_FORECASTERS = re.compile(r"\b(?:economists?|analysts?|forecasters?|polled|poll|consensus|"
                          r"strategists?|dealers?|traders?)\b", re.IGNORECASE)
_EXPECTED = re.compile(r"\b(?:expected|expect|expects|expectations?|forecasts?|forecasted|"
                       r"forecasting|predicted|predicts?|projected|anticipated|poll|polled|"
                       r"consensus|estimates?|estimated)\b", re.IGNORECASE)


def walk_story(art: Article) -> tuple[dict[int, str | None], dict[int, str | None],
                                      dict[int, str | None]]:
    """Per sentence: the last named speaker, the story's subject before it, and the last
    named source of figures ("according to X")."""
    source_before: dict[int, str | None] = {}
    last_named: str | None = None
    last_source: str | None = None
    named_before: dict[int, str | None] = {}
    subject_at: dict[int, str | None] = {}
    subject = None
    known: list[str] = []
    for i, sent in enumerate(art.sentences):
        named_before[i] = last_named
        source_before[i] = last_source
        subject_at[i] = subject
        if sent.speaker and sent.speaker.name in PRONOUN_SPEAKERS and known:
            # "After the talks Putin called the level low: ..., he said": the person the
            # sentence names before its pronoun
            head = sent.text[:max(0, sent.speaker.start - sent.start)]
            here = next((k for k in reversed(known) if re.search(
                rf"\b{re.escape(k.split()[-1])}\b", head)), None)
            if here:
                named_before[i] = last_named = here
        forecasters = sent.speaker is not None and last_named is not None \
            and _FORECASTERS.search(sent.speaker.name) is not None \
            and _EXPECTED.search(sent.text) is not None
        if forecasters:
            pass  # "Economists polled by Reuters had expected 6.5%": their forecast, not
            # the source of the figures the story goes on to report
        elif sent.speaker and sent.speaker.name not in PRONOUN_SPEAKERS:
            last_named = sent.speaker.name
            known.append(last_named)
            if _SOURCE_CUE.search(sent.text):  # "according to X": whose figures they are
                last_source = last_named
        else:
            first = re.match(r"\s*([A-Z][a-z]+)\s+[a-z]", sent.text)
            if first:  # "Tamura read out a summary": a named speaker is the subject again
                name = next((k for k in reversed(known)
                             if k.split()[-1] == first.group(1)), None)
                last_named = name or last_named
        for c in sent.concepts:
            if c.concept in FAMILY:
                code = owner_place(sent.places, c, art.text)
                if code:
                    subject = code
    return named_before, subject_at, source_before


#: A figure that is an attribute of its noun phrase ("its $13.6bn surplus", "the current
#: $5bn deficit"): the words before it act on the phrase, they do not set the figure.
_ATTRIBUTIVE = re.compile(r"\b(?:its|their|his|her|our|the|last\s+year['’]s|this\s+year['’]s|"
                          r"(?-i:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)['’]s)\s+"
                          r"(?:(?:19|20)\d\d\s+)?(?:current\s+|existing\s+|"
                          r"annual\s+|yearly\s+|record\s+|huge\s+|massive\s+|large\s+)?\Z",
                          re.IGNORECASE)
_SHOULD_BEFORE = re.compile(r"\bshould\s+(?:[a-z]+\s+){0,2}\Z")
_BY_YEAR_AFTER = re.compile(r"(?:[^.;]|\.(?=\d)){0,60}?\bby\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d\b")
_DATA_WORDS = {"the data", "the figures", "the statistics", "the numbers", "data", "figures"}
_DATA_SHOWED = re.compile(r"\b(?:the|these|those|its|their)\s+(?:figures|data|statistics|numbers)"
                          r"\s+(?:showed|show|shows|indicated|suggest(?:ed)?)\b", re.IGNORECASE)


def voice(art: Article, sent: Sentence, clause: tuple[int, int], start: int, end: int,
           named: str | None, source: str | None = None,
           ) -> tuple[list[str], str, str | None, str | None, str, bool, str]:
    """Hedges, their claim type, speaker, reporting voice, the verb's hint, whether the
    figure belongs to somebody's plan, and how the speaker was found (``speaker_by``:
    ``sentence``, ``earlier_sentence`` for "he said", ``plan_owner`` or ``none``)."""
    scope = clause[0]
    for m in _HEDGE_RESET.finditer(art.text, clause[0], start):
        scope = m.end()  # "a deficit, which last year reached ...": its own verb
    if _ATTRIBUTIVE.search(art.text, max(clause[0], start - 40), start):
        scope = start  # "pressure to cut its $13.6bn surplus": the figure is what it is now
    hedges, hedge_kind = _hedges_outside_asides(art.text, scope, start)
    after = _SECONDARY_WORDS.match(art.text, end, min(len(art.text), sent.end))
    if after:
        more, more_kind = find_hedges(art.text, end, after.end())
        hedges += [h for h in more if h not in hedges]
        hedge_kind = hedge_kind if hedge_kind == "target" else (more_kind or hedge_kind)
    if hedge_kind != "target" and _SHOULD_BEFORE.search(art.text, scope, start) \
            and _BY_YEAR_AFTER.match(art.text, end, sent.end):
        hedges, hedge_kind = [*hedges, "should"], "target"  # "should reach $100bn by 2030"
    speaker = sent.speaker
    owner = proposal_owner(sent.text, sent.start, start)
    name = reported_by = None
    by = "none"
    if (speaker is None or speaker.name.lower() in _DATA_WORDS) and (source or named) \
            and _DATA_SHOWED.search(sent.text):
        speaker = None
        name, by = source or named, "earlier_sentence"  # "the figures showed": whose
    if speaker is not None:
        name, by = speaker.name, "sentence"
        if name in PRONOUN_SPEAKERS:
            name, by = named, ("earlier_sentence" if named else "none")
    if owner is not None:
        reported_by, name, by = name, owner[0], "plan_owner"
        if reported_by == name:
            reported_by = None
    hint = speaker.hint if speaker is not None else ""
    if hint and speaker is not None and speaker.start < start \
            and _HEDGE_RESET.search(art.text, speaker.start, start):
        hint = ""  # "Gulf funds have pledged $22bn, and Saudi Arabia's fund has bought
        # stakes for $1.3bn": the pledge is not the purchase
    return hedges, hedge_kind, name, reported_by, hint, owner is not None, by
