"""Economy-wide totals and a figure's own partner: "total exports rose 5%" and "trade
with the rest of the world" have one party, the reporting economy; "a surplus of $31bn
with A, $12bn with B" gives each value its own partner; "the imbalance in Japan's
favour" is Japan's surplus.

>>> from econnews.claims.parse import ConceptMatch
>>> is_total("Total exports rose 3%", ConceptMatch(6, 13, "exports"), 21, 21)
True
"""

from __future__ import annotations

import re

from ..common.regex import with_start_filter
from .parse import ConceptMatch
from .places import Place

__all__ = ["favoured", "is_total", "own_partner", "total_roles"]


_TOTAL_BEFORE = with_start_filter(r"\b(?:total|overall|global|worldwide|aggregate|combined)\s+"
                           r"(?:[a-z-]+\s+)?\Z", re.IGNORECASE)
_TOTAL_AFTER = re.compile(r"(?:[^.;]|\.(?=\d)){0,60}?\b(?:to|with|from)\s+(?:the\s+)?(?:rest\s+of\s+the\s+"
                          r"world|world(?!['’])(?:\s+as\s+a\s+whole)?|all\s+(?:countries|destinations|"
                          r"markets|partners)|(?:countries|markets|destinations|partners)\s+"
                          r"(?:other\s+than|outside))\b|(?:[^.;]|\.(?=\d)){0,40}?\bworldwide\b", re.IGNORECASE)
#: The side of a flow that is the reporting economy's own (for a total).
_OWN_SIDE = {"exports": "from", "imports": "to", "trade_surplus": "from", "trade_deficit": "from",
             "investment": "from", "fdi": "to"}


def is_total(text: str, cmatch: ConceptMatch | None, end: int, clause_end: int) -> bool:
    """Whether a figure is an economy-wide total: "total exports rose 5%", "trade with the
    rest of the world", "exports to the world as a whole".

    >>> from econnews.claims.parse import ConceptMatch
    >>> is_total("Total exports rose 3%", ConceptMatch(6, 13, "exports"), 21, 21)
    True
    """
    if cmatch is None:
        return False
    if _TOTAL_BEFORE.search(text, max(0, cmatch.start - 30), cmatch.start) or re.search(
            r"\b(?:total|overall|global|worldwide)\s+(?:[\w-]+\s+){0,3}(?:trade\s+)?balance\b"
            r"[^.;,]{0,30}\Z", text[max(0, cmatch.start - 70):cmatch.start], re.IGNORECASE):
        return True
    return bool(_TOTAL_AFTER.match(text, cmatch.end, clause_end))


def total_roles(roles: dict[str, list[str]], concept: str,
                home: str | None) -> dict[str, list[str]]:
    """A total's one party: the reporting economy (its own side of the flow, else the
    story's subject or country); a partner carried in from elsewhere is dropped."""
    side = _OWN_SIDE.get(concept, "party")
    own = roles.get(side) or ([] if side == "party" else roles["party"][:1])
    if side == "party":
        own = (roles["from"] + roles["to"] + roles["party"])[:1]
    code = own[0] if own else home
    out: dict[str, list[str]] = {"from": [], "to": [], "party": []}
    if code:
        out[side].append(code)
    return out


_OWN_PARTNER = re.compile(r"\s*(?:of\s+(?:it|that|them|the\s+total)\s+)?(?:,\s*)?"
                          r"(?:with|to|from|in|into|for)\s+(?:the\s+)?"
                          r"(?:(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)['’]s\s+)?\Z",
                          re.IGNORECASE)  # "with Southeast Asia's ASEAN bloc"
_PARTNER_BEFORE = re.compile(r"(?:,?\s+(?:was\s+|is\s+)?(?:the|its)\s+(?:(?:single|second|third)[- ]?)?"
                             r"(?:largest|biggest|top|main|leading)\s+(?:source|investor|buyer|"
                             r"market|supplier|lender|donor|partner|destination)(?:\s+of\s+\w+)?)?"
                             r"\s+(?:at|with|on)\s+(?:about\s+|around\s+|some\s+)?\Z",
                             re.IGNORECASE)  # "with Singapore the largest source at $5.4bn"
_PREP_SIDE = {"exports": {"to": "to", "from": "from", "for": "to", "in": "to", "into": "to"},
              "imports": {"from": "from", "to": "to", "in": "to", "into": "to"},
              "investment": {"in": "to", "into": "to", "to": "to", "from": "from", "for": "to"},
              "fdi": {"in": "to", "into": "to", "to": "to", "from": "from"},
              "loans": {"to": "to", "for": "to", "from": "from"},
              "aid": {"to": "to", "for": "to", "from": "from"}}


def own_partner(text: str, places: list[Place], start: int, end: int, nxt: int,
                concept: str) -> tuple[str, str] | None:
    """The partner a figure names for itself in a list: "a surplus of $31bn with China,
    $12bn with the U.S." (the place right after it), "followed by Japan at $12bn" (right
    before it); ``(role, code)`` or None."""
    for p in places:
        if end <= p.start < nxt and p.kind != "description":
            m = _OWN_PARTNER.match(text, end, p.start)
            if m is None:
                continue
            prep = re.match(r"\s*(?:of\s+(?:it|that|them|the\s+total)\s+)?(?:,\s*)?"
                            r"(with|to|from|in|into|for)\b", m.group(0),
                            re.IGNORECASE).group(1).lower()  # type: ignore[union-attr]
            if concept in {"trade_surplus", "trade_deficit"}:
                return ("to", p.code) if prep in {"with", "to"} else None
            if concept == "trade":
                return ("party", p.code) if prep == "with" else None
            role = _PREP_SIDE.get(concept, {}).get(prep)
            return (role, p.code) if role else None
    before = [p for p in places if p.end <= start]
    if before and concept in {"exports", "imports", "trade"} \
            and before[-1].kind != "description" \
            and _BRACKET_BEFORE.match(text, before[-1].end, start):
        # "imports from Japan (-17 percent), Brazil (-15 percent) and Norway": each its own
        return ({"exports": "to", "imports": "from"}.get(concept, "party"), before[-1].code)
    if before and _PARTNER_BEFORE.match(text, before[-1].end, start) and \
            re.search(r"\bfollowed\s+by\s+(?:the\s+)?\Z|,\s*(?:the\s+)?\Z|\b(?:and|with)\s+(?:the\s+)?\Z",
                      text[max(0, before[-1].start - 20):before[-1].start]):
        side = {"trade_surplus": "to", "trade_deficit": "to", "trade": "party",
                "exports": "to", "imports": "from", "fdi": "from", "investment": "from",
                "loans": "from", "aid": "from"}.get(concept)
        return (side, before[-1].code) if side else None
    return None


_BRACKET_BEFORE = re.compile(r"\s*\(\s*(?:up\s+|down\s+|both\s+)?\+?\s*\Z", re.IGNORECASE)


_FAVOUR = re.compile(r"\bin\s+(?:the\s+)?(?P<who>[\w.'’ -]{2,40}?)(?:['’]s?)?\s+favou?r\b",
                     re.IGNORECASE)


def favoured(text: str, places: list[Place], lo: int, hi: int) -> str | None:
    """The party a balance is "in the favour" of ("the imbalance in Japan's favour",
    "in the emirate's favour"): its code, or None."""
    m = _FAVOUR.search(text, lo, hi)
    if m is None:
        return None
    return next((p.code for p in places if m.start("who") <= p.start < m.end("who") + 2),
                None)
