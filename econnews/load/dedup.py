"""Duplicate stories in an articles table: the same story filed twice, or nearly.

Private helper of :mod:`econnews.load` (the public function is
:func:`econnews.load.flag_duplicates`). The definitions, all of them here:

story
    The article's ``title`` and ``text`` *folded*: lower case, every run of
    characters that are not letters or digits made one space. The folded title
    goes before the folded text unless the text already starts with it (a
    ``.txt`` file whose first line is its title), so a story reads the same
    whether its headline came in a field or as the first line.
exact
    Two stories are equal once folded: case, spacing, punctuation and line
    breaks aside, the same words in the same order, headline included.
near
    Not exact, but the sets of word 3-shingles (every run of three consecutive
    words) of the two stories have a Jaccard similarity of at least
    ``threshold`` (:data:`NEAR_THRESHOLD`, 0.7). One word changed in an n-word
    story gives about (n - 5) / (n + 1): 0.94 for 100 words, 0.85 for 40, 0.71
    for 20; a story cut by a fifth about 0.8. Why 0.7: in Reuters-21578 the
    pairs from 0.7 up (within the window) are, in every sample read, the same
    story re-filed -- corrected, re-headlined, cut or extended; below 0.7
    distinct items cut from one template appear (two funds' payout notices at
    0.68, "raises" and "lowers" the same price at 0.51). A story of fewer than
    :data:`NEAR_MIN_WORDS` (30) words, headline included, can only be an exact
    duplicate: in a short item one changed word -- a company's name, a figure --
    is often the whole news (two companies' dividend notices cut from one
    template differ in nothing else), and at 20 words one change still scores
    0.71. Near similarity reads each story's first :data:`NEAR_MAX_CHARS`
    characters (exact equality always reads the whole text).
window
    Two articles are duplicates only when their dates are at most ``window``
    apart (:data:`WINDOW`, three days): a wire story is re-filed within hours
    (a correction, a repeat, a new headline) or after a weekend, while the same
    template on another day is another event (Reuters-21578 repeats "Fed adds
    reserves via customer repurchases" and "Bundesbank leaves credit policies
    unchanged" word for word weeks apart). When either date is missing the
    window does not apply; ``window=None`` turns it off.
earliest
    By ``date``, then table order; an article without a date counts as later
    than every dated one.

``duplicate_of`` is the id of the earliest earlier article within the window
whose story is exactly equal (``duplicate_kind`` ``"exact"``), failing that of
the earliest earlier article within the window whose story is near
(``"near"``); NA for an article that repeats nothing. A near duplicate points
at an article it is itself near to, so a chain of revisions may point one step
back rather than to the first. Nothing is dropped: keep one row per story with
``articles[articles["duplicate_of"].isna()]``.

Near pairs are found without comparing every pair: a MinHash signature of
:data:`PERMUTATIONS` values per distinct story, cut into :data:`BANDS` bands of
three (locality-sensitive hashing: two stories at similarity 0.7 share a band
with probability 0.9998, at 0.8 all but certainly, at 0.2 with 0.15); every
candidate pair is then checked with its exact Jaccard similarity, so the
threshold is exact. The hashes are fixed (no per-process seed): the same table
gives the same flags in every run. Time and memory grow linearly with the total
number of words (Reuters-21578, 2.8 million words: one to two seconds).

>>> import pandas as pd
>>> story = ("Japan's exports to Russia rose 12.5 pct to 3.1 billion dlrs in 1986, the trade "
...          "ministry said. Imports fell 4.2 pct to 2.4 billion dlrs, leaving a surplus of "
...          "700 mln dlrs, up from 310 mln a year earlier, officials said on Tuesday.")
>>> t = pd.DataFrame({"id": ["a", "b", "c"], "text": [
...     story, story.upper(), story.replace("3.1 billion", "3.2 billion")]})
>>> flag(t)[["duplicate_of", "duplicate_kind"]].values.tolist()
[[<NA>, nan], ['a', 'exact'], ['a', 'near']]
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from .. import schema

__all__ = ["BANDS", "DUPLICATE_KINDS", "NEAR_MAX_CHARS", "NEAR_MIN_WORDS", "NEAR_THRESHOLD",
           "PERMUTATIONS", "SHINGLE", "WINDOW", "flag", "fold", "fold_digest", "jaccard",
           "near_pairs", "shingles", "story_fold", "words"]

#: Jaccard similarity of word 3-shingle sets from which two stories are near duplicates.
NEAR_THRESHOLD = 0.7
#: Words per shingle.
SHINGLE = 3
#: Stories with fewer words can only be exact duplicates.
NEAR_MIN_WORDS = 30
#: Dates further apart than this are never duplicates (when both are known).
WINDOW = pd.Timedelta(days=3)
#: Near-duplicate similarity reads at most this many characters of each story.
NEAR_MAX_CHARS = 200_000
#: MinHash values per story, and the bands (of PERMUTATIONS // BANDS values) they form.
PERMUTATIONS = 60
BANDS = 20
#: In a band bucket holding more stories than this, each is paired with this many before it.
BUCKET_CAP = 100
#: The kinds of ``duplicate_kind``.
DUPLICATE_KINDS = ["exact", "near"]
KIND_DTYPE = schema.category(DUPLICATE_KINDS)

_NON_WORD = re.compile(r"[\W_]+")
# ASCII letters and digits stay, every other byte becomes a space
_ASCII = bytes(c if chr(c).isalnum() else 32 for c in range(128)) + b" " * 128
_BLOCK = 1 << 20
_PAD = "\x00"  # a token no folded text holds: fills the shingles of a short story
_U64 = np.uint64
_MULT = (_U64(0x9E3779B97F4A7C15), _U64(0xC2B2AE3D27D4EB4F), _U64(0x165667B19E3779F9),
         _U64(0x27D4EB2F165667C5), _U64(0x94D049BB133111EB))
_SEED = 20250127  # fixed: the signatures (and so the candidates) are the same every run


def words(text: str) -> list[str]:
    """The words of ``text`` folded: lower case, split at every non-letter/digit.

    >>> words("U.S. trade -- rose 5%!")
    ['u', 's', 'trade', 'rose', '5']
    """
    if text.isascii():  # the same result, several times faster than the regex
        return text.lower().encode("ascii").translate(_ASCII).decode("ascii").split()
    return _NON_WORD.sub(" ", text.lower()).split()


def fold(text: str) -> str:
    """Lower case, every run of non-letters/digits one space, trimmed.

    >>> fold("  U.S. trade -- rose 5%!")
    'u s trade rose 5'
    """
    return " ".join(words(text))


def fold_digest(text: str, *, head: str = "") -> bytes | None:
    """Digest of ``head + " " + fold(text)`` (``head`` already folded; None if no word).

    Long texts are folded a block at a time, cut at whitespace, so a 50 MB article
    costs a few MB, not a list of its words; the digest is the same whatever the
    block size.

    >>> fold_digest("Trade, up!") == fold_digest("trade up")
    True
    """
    digest = hashlib.blake2b(digest_size=16)
    empty = not head
    if head:
        digest.update(head.encode("utf-8"))
    pos, n = 0, len(text)
    while pos < n:
        end = min(pos + _BLOCK, n)
        if end < n:
            cut = max(text.rfind(" ", pos, end), text.rfind("\n", pos, end))
            if cut < pos:  # no break in this block: run on to the next one
                nxt = min((i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0),
                          default=n - 1)
                cut = nxt
            end = cut + 1
        block = fold(text[pos:end])
        if block:
            digest.update((block if empty else " " + block).encode("utf-8"))
            empty = False
        pos = end
    return None if empty else digest.digest()


def _starts_with(story: str, head: str) -> bool:
    return story.startswith(head) and (len(story) == len(head) or story[len(head)] == " ")


def _head(title: Any, text: str) -> str:
    """The folded title when the (long) text does not already start with it, else ''."""
    head = fold(title) if isinstance(title, str) else ""
    if not head:
        return ""
    cut = 4 * len(title) + 256
    start = fold(text[:cut])
    if _starts_with(start, head) and (len(start) > len(head) or len(text) <= cut):
        return ""
    return head


def _story_words(title: Any, text: str) -> list[str]:
    body = words(text)
    head = words(title) if isinstance(title, str) else []
    return body if not head or body[:len(head)] == head else head + body


def story_fold(title: Any, text: str) -> str:
    """The folded story: the folded text, after the folded title unless it starts with it.

    >>> story_fold("Trade up", "Trade up\\nExports rose.")
    'trade up exports rose'
    >>> story_fold("TRADE UP", "Exports rose.")
    'trade up exports rose'
    """
    return " ".join(_story_words(title, text))


def _story_key(title: Any, text: str) -> tuple[bytes | None, list[str]]:
    """(exact key, the words compared for near duplicates) of one story."""
    if len(text) <= NEAR_MAX_CHARS:
        story = _story_words(title, text)
        if not story:
            return None, []
        return hashlib.blake2b(" ".join(story).encode("utf-8"), digest_size=16).digest(), story
    head = _head(title, text)
    key = fold_digest(text, head=head)
    return key, f"{head} {fold(text[:NEAR_MAX_CHARS])}".split()


# ------------------------------------------------------------------ MinHash


def _mix(x: np.ndarray) -> np.ndarray:
    """A 64-bit finaliser (splitmix64's): spreads every input bit over the output."""
    x = x ^ (x >> _U64(30))
    x = x * _U64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> _U64(27))
    x = x * _U64(0x94D049BB133111EB)
    return x ^ (x >> _U64(31))


def _token_hashes(tokens: Sequence[str]) -> np.ndarray:
    """A stable 64-bit hash per token (the same in every process and run)."""
    array = np.empty(len(tokens), dtype=object)
    array[:] = tokens
    codes, uniques = pd.factorize(array, sort=False)
    table = np.fromiter(
        (int.from_bytes(hashlib.blake2b(u.encode("utf-8"), digest_size=8).digest(), "little")
         for u in uniques), dtype=np.uint64, count=len(uniques))
    return table[codes]


def shingles(stories: Sequence[list[str]], k: int = SHINGLE) -> tuple[np.ndarray, np.ndarray]:
    """(shingle hashes of all stories one after another, shingles per story).

    Every story (a non-empty list of words) gets ``max(len - k + 1, 1)``
    shingles; a story of fewer than ``k`` words is one shingle of all its words.
    """
    lengths = np.fromiter((len(w) for w in stories), dtype=np.int64, count=len(stories))
    pad = [_PAD] * (k - 1)
    flat: list[str] = []
    for w in stories:
        flat += w
        flat += pad
    if not flat:
        return np.empty(0, np.uint64), np.zeros(len(stories), np.int64)
    h = _token_hashes(flat)
    n = len(h) - (k - 1)
    with np.errstate(over="ignore"):
        s = h[:n] * _MULT[0]
        for j in range(1, k):
            s = s + h[j:n + j] * _MULT[j]
        s = _mix(s)
    counts = np.maximum(lengths - k + 1, 1)
    starts = np.concatenate(([0], np.cumsum(lengths + k - 1)[:-1]))
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    return s[np.repeat(starts, counts) + offsets], counts


def minhash(hashes: np.ndarray, counts: np.ndarray, *, perms: int = PERMUTATIONS) -> np.ndarray:
    """The MinHash signature (``len(counts)`` × ``perms``, 32-bit) of each story's shingles.

    Each "permutation" is ``(h ^ a) * b`` on the top 32 bits of the shingle hash
    (``b`` odd): cheap, and for signatures that only propose candidates it is enough.
    """
    rng = np.random.default_rng(_SEED)
    mult = rng.integers(1, 2**32, size=perms, dtype=np.uint64).astype(np.uint32) | np.uint32(1)
    xor = rng.integers(0, 2**32, size=perms, dtype=np.uint64).astype(np.uint32)
    top = (hashes >> _U64(32)).astype(np.uint32)
    idx = np.concatenate(([0], np.cumsum(counts)[:-1]))
    sig = np.empty((len(counts), perms), dtype=np.uint32)
    buf = np.empty_like(top)
    with np.errstate(over="ignore"):
        for p in range(perms):
            np.bitwise_xor(top, xor[p], out=buf)
            np.multiply(buf, mult[p], out=buf)
            sig[:, p] = np.minimum.reduceat(buf, idx)
    return sig


def candidates(sig: np.ndarray, *, bands: int = BANDS, cap: int = BUCKET_CAP) -> np.ndarray:
    """Pairs (i, j), i < j, of stories sharing at least one band of their signatures."""
    n, perms = sig.shape
    rows = perms // bands
    found = []
    with np.errstate(over="ignore"):
        for b in range(bands):
            band = sig[:, b * rows:(b + 1) * rows]
            key = np.zeros(n, dtype=np.uint64)
            for j in range(rows):
                key = _mix(key + band[:, j].astype(np.uint64) * _MULT[j % len(_MULT)])
            order = np.argsort(key, kind="stable")
            sk = key[order]
            for d in range(1, cap + 1):
                same = sk[d:] == sk[:-d]
                if not same.any():
                    break
                a, c = order[:-d][same], order[d:][same]
                found.append(np.stack([np.minimum(a, c), np.maximum(a, c)], axis=1))
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    pairs = np.concatenate(found).astype(np.int64)
    codes = np.unique(pairs[:, 0] * n + pairs[:, 1])
    return np.stack([codes // n, codes % n], axis=1)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard similarity of two sorted arrays of distinct values.

    >>> jaccard(np.array([1, 2, 3]), np.array([2, 3, 4]))
    0.5
    """
    inter = np.intersect1d(a, b, assume_unique=True).size
    union = a.size + b.size - inter
    return inter / union if union else 1.0


def near_pairs(stories: Sequence[list[str]], *, threshold: float = NEAR_THRESHOLD
               ) -> list[tuple[int, int, float]]:
    """(i, j, similarity) for every pair of stories at least ``threshold`` similar."""
    if len(stories) < 2:
        return []
    hashes, counts = shingles(stories)
    sig = minhash(hashes, counts)
    pairs = candidates(sig)
    if not len(pairs):
        return []
    # the signatures estimate the similarity; only plausible pairs are checked exactly
    estimate = (sig[pairs[:, 0]] == sig[pairs[:, 1]]).mean(axis=1)
    pairs = pairs[estimate >= threshold - 0.25]
    bounds = np.concatenate(([0], np.cumsum(counts)))
    sets: dict[int, np.ndarray] = {}

    def shingle_set(i: int) -> np.ndarray:
        if i not in sets:
            sets[i] = np.unique(hashes[bounds[i]:bounds[i + 1]])
        return sets[i]

    out = []
    for i, j in pairs.tolist():
        sim = jaccard(shingle_set(i), shingle_set(j))
        if sim >= threshold:
            out.append((i, j, sim))
    return out


# ------------------------------------------------------------------ flagging


def _ranks(articles: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """(rank of each row: date then table order, undated last; date as int64 ns or -1)."""
    n = len(articles)
    if "date" in articles.columns:
        dates = pd.to_datetime(articles["date"], errors="coerce")
        if getattr(dates.dt, "tz", None) is not None:
            dates = dates.dt.tz_convert("UTC").dt.tz_localize(None)
        known = dates.notna().to_numpy()
        ns = np.where(known, dates.to_numpy(dtype="datetime64[ns]", na_value=np.datetime64(0, "ns"))
                      .astype(np.int64), -1)
    else:
        known = np.zeros(n, dtype=bool)
        ns = np.full(n, -1, dtype=np.int64)
    order = np.lexsort((np.arange(n), np.where(known, ns, np.iinfo(np.int64).max)))
    rank = np.empty(n, dtype=np.int64)
    rank[order] = np.arange(n)
    return rank, ns


class _Group:
    """The rows of one exact story, earliest first, with their dates for the window."""

    __slots__ = ("dated", "rows")

    def __init__(self) -> None:
        self.rows: list[int] = []
        self.dated: list[int] = []  # dates (ns) of the dated rows, a prefix of ``rows``

    def earliest(self, rank: np.ndarray, ns: np.ndarray, j: int, window: int | None) -> int | None:
        """The earliest row ranked before row ``j`` within the window of ``j``'s date."""
        if not self.rows:
            return None
        if window is None or ns[j] < 0:
            first = self.rows[0]
        else:
            pos = bisect.bisect_left(self.dated, ns[j] - window)
            if pos >= len(self.rows):
                return None
            first = self.rows[pos]
        return first if rank[first] < rank[j] else None


def flag(articles: pd.DataFrame, *, threshold: float | None = NEAR_THRESHOLD,
         window: pd.Timedelta | None = WINDOW) -> pd.DataFrame:
    """A copy of ``articles`` with ``duplicate_of`` and ``duplicate_kind`` (module docs)."""
    schema.require(articles, ["id", "text"], stage="flag_duplicates")
    if threshold is not None and (isinstance(threshold, bool)
                                  or not isinstance(threshold, int | float)
                                  or not 0 < threshold <= 1):
        from ..errors import InputError

        raise InputError(f"threshold={threshold!r}: give a similarity in (0, 1], or None "
                         "for exact duplicates only")
    win = None if window is None else int(pd.Timedelta(window).value)
    n = len(articles)
    rank, ns = _ranks(articles)
    titles = articles["title"].tolist() if "title" in articles.columns else [None] * n
    ids = articles["id"].tolist()
    key_of: list[int | None] = [None] * n
    groups: dict[bytes, int] = {}
    members: list[_Group] = []
    stories: list[list[str]] = []  # the words of each distinct story
    for i, (title, text) in enumerate(zip(titles, articles["text"].tolist(), strict=True)):
        if not isinstance(text, str) or not text.strip():
            continue
        key, story = _story_key(title, text)
        if key is None:
            continue
        if key not in groups:
            groups[key] = len(members)
            members.append(_Group())
            stories.append(story)
        key_of[i] = groups[key]
    for i in sorted((i for i in range(n) if key_of[i] is not None), key=lambda i: rank[i]):
        g = members[key_of[i]]  # type: ignore[index]
        g.rows.append(i)
        if ns[i] >= 0:
            g.dated.append(int(ns[i]))

    dup: list[Any] = [None] * n
    kind: list[Any] = [None] * n
    for i in range(n):
        if key_of[i] is not None:
            found = members[key_of[i]].earliest(rank, ns, i, win)  # type: ignore[index]
            if found is not None:
                dup[i], kind[i] = ids[found], "exact"
    if threshold is not None and len(members) > 1:
        neighbours: dict[int, list[int]] = {}
        long = [k for k, w in enumerate(stories) if len(w) >= NEAR_MIN_WORDS]
        for a, b, _ in near_pairs([stories[k] for k in long], threshold=threshold):
            a, b = long[a], long[b]
            neighbours.setdefault(a, []).append(b)
            neighbours.setdefault(b, []).append(a)
        for i in range(n):
            if kind[i] is not None or key_of[i] not in neighbours:
                continue
            best = None
            for other in neighbours[key_of[i]]:  # type: ignore[index]
                found = members[other].earliest(rank, ns, i, win)
                if found is not None and (best is None or rank[found] < rank[best]):
                    best = found
            if best is not None:
                dup[i], kind[i] = ids[best], "near"
    out = articles.copy()
    out["duplicate_of"] = pd.array(dup, dtype=schema.STRING)
    out["duplicate_kind"] = pd.Categorical(kind, dtype=KIND_DTYPE)
    return out
