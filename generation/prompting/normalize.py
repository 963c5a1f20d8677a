"""Text normalisation and tokenisation shared by the prompt parser and the safety check.

Every lexicon term and every fan prompt goes through :func:`normalize` so that they compare equal regardless
of
width (full-width Latin), case, Latin accents or invisible characters. CJK text is kept as characters (it has
no
spaces, so it is matched by substring); Latin, Greek and Cyrillic text is split into word tokens.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Invisible characters used to split words without showing it (zero-width space/joiners, word joiner, BOM,
# soft
# hyphen, Mongolian vowel separator).
ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)

# Letters that NFD does not decompose into base + accent.
_LATIN_FOLD = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})

# One token: a run of Latin, Greek or Cyrillic letters and digits. CJK, kana and hangul are never part of a
# token (they are matched by substring), so "我要看snowboard" still yields the token "snowboard".
TOKEN_RE = re.compile(r"[0-9a-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]+")


def _strip_accent(ch: str) -> str:
    """Drop combining marks from a Latin or Cyrillic letter; leave every other script alone.

    Kana (dakuten) and hangul decompose under NFD too, so a blanket strip would corrupt them.
    """
    if ch.isascii() or not ("\u00c0" <= ch <= "\u024f" or "\u0400" <= ch <= "\u04ff"):
        return ch
    base = unicodedata.normalize("NFD", ch)
    return "".join(c for c in base if not unicodedata.combining(c)) or ch


def normalize(text: str) -> str:
    """NFKC, no zero-width characters, casefolded, Latin/Cyrillic accents stripped, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).translate(ZERO_WIDTH).casefold()
    text = text.translate(_LATIN_FOLD)
    text = "".join(_strip_accent(ch) for ch in text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Token:
    """A word of the normalised text with its character span."""

    text: str
    start: int
    end: int


def tokenize(norm: str) -> list[Token]:
    """Word tokens of already normalised text."""
    return [Token(m.group(), m.start(), m.end()) for m in TOKEN_RE.finditer(norm)]


def is_cjk(ch: str) -> bool:
    """True for Han ideographs, kana and hangul: scripts matched by substring rather than by token."""
    o = ord(ch)
    return (
        0x3040 <= o <= 0x30FF  # hiragana, katakana
        or 0x3400 <= o <= 0x4DBF  # CJK extension A
        or 0x4E00 <= o <= 0x9FFF  # CJK unified ideographs
        or 0xF900 <= o <= 0xFAFF  # compatibility ideographs
        or 0x1100 <= o <= 0x11FF  # hangul jamo
        or 0xAC00 <= o <= 0xD7AF  # hangul syllables
        or 0x3130 <= o <= 0x318F  # hangul compatibility jamo
        or 0x31F0 <= o <= 0x31FF  # katakana extension
    )
