"""Text normalisation and tokenisation shared by the prompt parser and the safety check.

Every lexicon term and every fan prompt goes through :func:`normalize` so that they compare equal regardless
of width (full-width Latin), case, accents or invisible characters: Latin, Greek and Cyrillic accents are
stripped, Arabic-script letter variants are folded (Arabic and Persian yeh and kaf, alef forms, teh marbuta) and
Arabic and Hebrew vowel points removed. Scripts written without spaces (Chinese, Japanese, Korean, Thai, Lao,
Khmer, Burmese) are kept as characters and matched by substring; every other script is split into word tokens.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

# Invisible characters used to split words without showing it (zero-width space/joiners, word joiner, BOM,
# soft
# hyphen, Mongolian vowel separator).
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)

# Letters that NFD does not decompose into base + accent.
_LATIN_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})
# Arabic-script spelling variants that fans use interchangeably (Persian and Urdu keyboards type ی and ک; many
# writers drop hamza on alef), plus vowel points and tatweel, which never change the word.
_ARABIC_FOLD = str.maketrans(
    {"ي": "ی", "ى": "ی", "ئ": "ی", "ك": "ک", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ۀ": "ه", "ؤ": "و"}
    | dict.fromkeys(map(ord, "\u0640"), None)
    | {c: None for c in range(0x064B, 0x0660)}
    | {0x0670: None}
    | {c: None for c in range(0x06D6, 0x06EE)}
    | {c: None for c in range(0x0591, 0x05C8) if c not in (0x05BE, 0x05C0, 0x05C3, 0x05C6)}
)  # fmt: skip

# Letters of the scripts written with spaces between words (Latin incl. Vietnamese, Greek, Cyrillic, Armenian,
# Hebrew, Arabic, Thaana, the Indic scripts, Sinhala, Georgian, Ethiopic, Mongolian) and their combining marks:
# Indic vowel signs are marks, and a word must not break at them.
_SPACED = (
    "0-9a-z\u00b5\u00c0-\u024f\u0300-\u036f\u0370-\u03ff\u0400-\u052f\u0531-\u0587\u0591-\u05bd\u05bf-\u05f2"
    "\u0610-\u061a\u0620-\u0669\u066e-\u06d3\u06d5-\u06ff\u0750-\u077f\u0780-\u07b1\u08a0-\u08ff"
    "\u0900-\u0963\u0966-\u0dff\u10a0-\u10ff\u1200-\u137f\u1800-\u18af\u1e00-\u1fff\ufb1d-\ufdff\ufe70-\ufefc"
)
# One token: a run of those letters and digits. CJK, Thai and the other unspaced scripts are never part of a
# token (they are matched by substring), so "我要看snowboard" still yields the token "snowboard".
TOKEN_RE = re.compile(f"[{_SPACED}]+")
# Ranges of the scripts matched by substring.
_UNSPACED = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1100, 0x11FF),  # hangul jamo
    (0x1780, 0x17FF),  # Khmer
    (0x3040, 0x30FF),  # hiragana, katakana
    (0x3130, 0x318F),  # hangul compatibility jamo
    (0x31F0, 0x31FF),  # katakana extension
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7AF),  # hangul syllables
    (0xF900, 0xFAFF),  # compatibility ideographs
)


def _strip_accent(ch: str) -> str:
    """Drop combining marks from a Latin, Greek or Cyrillic letter; leave every other script alone.

    Kana (dakuten) and hangul decompose under NFD too, so a blanket strip would corrupt them.
    """
    if ch.isascii() or not ("\u00c0" <= ch <= "\u024f" or "\u0370" <= ch <= "\u04ff" or "\u1e00" <= ch <= "\u1fff"):
        return ch
    base = unicodedata.normalize("NFD", ch)
    return "".join(c for c in base if not unicodedata.combining(c)) or ch


def normalize(text: str) -> str:
    """NFKC, no zero-width characters, casefolded, accents and points stripped, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).translate(ZERO_WIDTH).casefold()
    text = text.translate(_LATIN_FOLD).translate(_ARABIC_FOLD)
    text = "".join(_strip_accent(ch) for ch in text)
    return " ".join(text.split())


class Token(NamedTuple):
    """A word of the normalised text with its character span (a tuple: thousands are made per long text)."""

    text: str
    start: int
    end: int


def tokenize(norm: str) -> list[Token]:
    """Word tokens of already normalised text."""
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(norm)]


def is_unspaced(ch: str) -> bool:
    """True for scripts written without spaces (CJK, kana, hangul, Thai, Lao, Khmer, Burmese): matched by substring."""
    o = ord(ch)
    # Most text is below Thai: answer it without scanning the table.
    return o >= 0x0E00 and any(low <= o <= high for low, high in _UNSPACED)
