"""Short Chinese, Japanese and Korean texts that are not UTF-8: which encoding?

charset-normalizer needs a few hundred bytes to tell GB18030 from Shift-JIS or
EUC-KR; a headline or a sentence of twenty characters is read as cp949 or cp1252
mojibake. :func:`guess` reads the bytes in each East Asian encoding that decodes
them and weighs each reading by what a real text in that language holds:
characters of the common sets (GB2312 level 1, Big5's frequent characters, JIS
level 1 kanji, kana for Japanese, KS X 1001 Hangul in words separated by spaces
for Korean) against rare ones (GBK/Big5 extensions, level 2 kanji, hanja,
half-width katakana, Latin letters glued into double bytes). A reading that wins
clearly is the answer; two close readings are a doubt, named; too few characters,
no answer. :func:`mojibake` then tells the caller whether a Latin reading would be
mojibake.

>>> guess("贸易额增长5%。".encode("gb18030"))[1:]
('gb18030', '')
>>> guess("輸出は3.2%増".encode("shift_jis"))[1:]
('cp932', '')
>>> guess("수출이 5% 증가했다.".encode("euc_kr"))[1:]
('cp949', '')
>>> guess("Café exports rose 5% in São Paulo.".encode("cp1252")) is None
True
"""

from __future__ import annotations

import codecs

__all__ = ["guess", "mojibake"]

#: readings tried, in the order that wins a tie
CANDIDATES = ("gb18030", "cp932", "euc_jp", "big5", "cp949")
#: bytes of a long text that are weighed
_HEAD = 1 << 16
#: a reading is the answer with this score (good - poor) / (good + poor) or more...
_ACCEPT = 0.5
#: ...and this lead over the next reading of another language
_MARGIN = 0.15
_LANG = {"gb18030": "zh", "big5": "zh-tw", "cp932": "ja", "euc_jp": "ja", "cp949": "ko"}
#: a Korean word rarely has more Hangul syllables in a row than this
_KOREAN_RUN = 5


def _kind(ch: str) -> str:
    o = ord(ch)
    if o < 0x80:
        return "ascii"
    if 0x3040 <= o <= 0x30FF:
        return "kana"
    if 0x4E00 <= o <= 0x9FFF:
        return "han"
    if 0xAC00 <= o <= 0xD7A3:
        return "hangul"
    if 0x3000 <= o <= 0x303F or 0xFF01 <= o <= 0xFF5E:
        return "punct"
    return "other"


def _encodes_in(ch: str, codec: str, first: tuple[int, int]) -> bool:
    try:
        b = ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and first[0] <= b[0] <= first[1]


def _common_han(ch: str, encoding: str) -> bool:
    if encoding == "gb18030":
        return _encodes_in(ch, "gb2312", (0xB0, 0xD7))  # level 1: 3,755 characters
    if encoding == "big5":
        return _encodes_in(ch, "big5", (0xA4, 0xC6))  # the 5,401 frequent characters
    if encoding in ("cp932", "euc_jp"):
        return _encodes_in(ch, "euc_jp", (0xB0, 0xCF))  # JIS level 1: 2,965 kanji
    return False  # hanja, in a modern Korean text


def _score(text: str, encoding: str) -> tuple[float, int]:
    """``(score, good)``: score = (good - poor) / (good + poor) over the non-ASCII
    characters of one reading."""
    good = poor = 0
    kana = 0
    run = 0  # Hangul syllables in a row
    prev = ""
    kinds = [_kind(ch) for ch in text]
    for i, (ch, kind) in enumerate(zip(text, kinds, strict=True)):
        if kind == "hangul":
            run += 1
        else:
            run = 0
        if kind == "ascii":
            # a space beside a syllable or an ideograph: Korean writes words so,
            # Chinese and Japanese rarely
            if ch == " ":
                beside = {prev, kinds[i + 1] if i + 1 < len(text) else ""}
                if encoding == "cp949" and "hangul" in beside:
                    good += 1
                elif encoding != "cp949" and beside & {"han", "kana"}:
                    poor += 1
            prev = kind
            continue
        prev = kind
        if kind == "punct":
            good += 1
        elif kind == "kana":
            kana += 1
            if encoding in ("cp932", "euc_jp"):
                good += 1
            else:
                poor += 1
        elif kind == "han":
            if _common_han(ch, encoding):
                good += 1
            else:
                poor += 1
        elif kind == "hangul":
            if encoding == "cp949" and run <= _KOREAN_RUN and _encodes_in(ch, "euc_kr",
                                                                          (0xB0, 0xC8)):
                good += 1
            else:
                poor += 1
        else:
            poor += 1
    if encoding in ("cp932", "euc_jp") and not kana and good >= 4:
        poor += 1  # a Japanese sentence without kana is rare: Chinese wins a tie
    total = good + poor
    return ((good - poor) / total if total else -1.0), good


def _head(data: bytes | bytearray, encoding: str) -> str | None:
    """The first :data:`_HEAD` bytes read strictly in ``encoding`` (a character cut at
    the end is left out), or None if they are not valid there."""
    dec = codecs.getincrementaldecoder(encoding)("strict")
    try:
        return dec.decode(bytes(data[:_HEAD]), final=len(data) <= _HEAD)
    except UnicodeDecodeError:
        return None


def guess(data: bytes | bytearray) -> tuple[str, str, str] | None:
    """``(text, encoding, doubt)`` for bytes that read as Chinese, Japanese or Korean,
    or None when no such reading is plausible. ``doubt`` is empty when one reading
    wins clearly; else it names the readings that could not be told apart (and
    ``text``/``encoding`` are the likelier one's, for the message).

    >>> guess("进口额达到300亿美元。".encode("gbk"))[1]
    'gb18030'
    """
    if not any(b >= 0x80 for b in data[:_HEAD]):
        return None
    readings = []
    for encoding in CANDIDATES:
        text = _head(data, encoding)
        if text is None:
            continue
        score, good = _score(text, encoding)
        readings.append((score, good, encoding, text))
    readings.sort(key=lambda r: -r[0])  # stable: CANDIDATES order breaks ties
    if not readings or readings[0][0] < _ACCEPT:
        return None
    score, good, encoding, text = readings[0]
    rivals = [r for r in readings[1:]
              if _LANG[r[2]][:2] != _LANG[encoding][:2] and r[0] > score - _MARGIN]
    if good < 2:
        return None  # too thin to say: the caller judges the Latin reading
    if rivals:
        names = [encoding] + [r[2] for r in rivals]
        return text, encoding, "it reads as " + " or as ".join(names)
    try:
        full = bytes(data).decode(encoding) if len(data) > _HEAD else text
    except UnicodeDecodeError:
        return None
    return full, encoding, ""


#: typographic characters of Latin texts, which may stand next to any other
_TYPO = frozenset("\u2019\u2018\u201c\u201d\u201e\u2013\u2014\u2026\u00ab\u00bb\u20ac"
                  "\u00a3\u00b0\u00a7\u00a9\u00ae\u00a0\u00b7\u2022\u2122")


def _odd_pair(a: str, b: str) -> bool:
    if a in _TYPO or b in _TYPO:
        return False
    if a.isalpha() and b.isalpha():
        return a.islower() and b.isupper()  # "îÔ": no Latin word is cased so
    return True  # a symbol glued to another non-ASCII character: "Ð¹", "³¤"


def mojibake(text: str) -> bool:
    """True when a Latin (cp1252/latin-1) reading looks like East Asian (or other
    non-Latin) bytes read wrongly: it holds C1 control characters (bytes cp1252 leaves
    undefined); or fewer ASCII letters than non-ASCII characters (a Latin text is mostly
    ASCII letters); or many non-ASCII characters glued in pairs no Latin word has
    (a symbol beside another, a capital after a small letter).

    >>> mojibake("ÖÐ¹ú¶Ô¶«ÃËÃ³Ò×¶îÔö³¤5%¡£")
    True
    >>> mojibake("Café exports rose 5% in São Paulo; Größe, Zürich, « Maße » d’euros.")
    False
    """
    high = [i for i, ch in enumerate(text) if ord(ch) >= 0x80]
    if not high:
        return False
    if any(0x80 <= ord(text[i]) <= 0x9F for i in high):
        return True
    letters = sum(1 for ch in text if ch.isascii() and ch.isalpha())
    if len(high) >= 2 and letters < len(high):
        return True
    odd = sum(1 for i in high if i + 1 < len(text) and ord(text[i + 1]) >= 0x80
              and _odd_pair(text[i], text[i + 1]))
    return odd >= 2 and 4 * odd >= len(high)
