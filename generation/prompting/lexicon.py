"""A compiled multilingual term table and the matcher that finds its terms in a prompt.

Terms are written normalised (see :mod:`.normalize`). The syntax is deliberately tiny:

- ``"figure skat*"``: Latin/Cyrillic words matched as consecutive tokens; a trailing ``*`` makes a word a
prefix.
- ``"花样滑冰"``: any term containing CJK, kana or hangul is matched as a plain substring (no spaces in those
  languages, and Korean particles attach to the word).
- ``"skiing~"``: a trailing ``~`` makes a light single word typo-tolerant like the heavy ones ("skying").

Matching is plain dictionary lookups and ``str.find``: no regex alternation, so cost is linear in the text
times the (small) number of terms and cannot blow up. Optional fuzzy matching tolerates one or two typos
("snowbord", "curlling", "skying") on strong single-word terms, with a capped number of comparisons.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz.distance import OSA

from .normalize import Token, is_unspaced, normalize, tokenize

# Fuzzy matching compares at most this many distinct unknown tokens per text (bounded cost on huge inputs).
FUZZY_TOKEN_BUDGET = 64
FUZZY_MIN_LEN = 5
# Two typos are tolerated only in long words: in short ones two edits turn most words into others.
FUZZY_TWO_EDITS_LEN = 9
# Arabic and Hebrew attach conjunctions, prepositions and the article to the next word ("والتزلج" = "and the
# skiing"); a word that matches nothing is tried again without them, longest first (normalised spellings).
_PROCLITICS = {
    "arabic": ("وال", "بال", "فال", "کال", "لل", "ال", "و", "ف", "ب", "ل", "ک"),
    "hebrew": ("וה", "וב", "ול", "ומ", "וש", "שה", "שב", "של", "כש", "ה", "ו", "ב", "ל", "מ", "ש", "כ"),
}
MIN_STEM = 2
# Inflection tolerance (``Lexicon(inflections=True)``): terms this long or longer, endings this short or shorter.
MIN_STEM_TERM, MAX_ENDING = 5, 4


def stems(word: str) -> list[str]:
    """``word`` without its attached Arabic or Hebrew prefixes (empty for other scripts)."""
    first = word[:1]
    script = "arabic" if "\u0600" <= first <= "\u06ff" else "hebrew" if "\u0590" <= first <= "\u05ff" else None
    if script is None:
        return []
    return [word[len(p) :] for p in _PROCLITICS[script] if word.startswith(p) and len(word) - len(p) >= MIN_STEM]


@dataclass(frozen=True)
class Hit:
    """One occurrence of a lexicon term in a text."""

    key: str
    term: str
    found: str
    start: int
    end: int
    weight: float
    fuzzy: bool = False


@dataclass(frozen=True)
class _Entry:
    term: str
    words: tuple[str, ...]
    key: str
    weight: float


def osa_distance(a: str, b: str, limit: int) -> int:
    """Edit distance counting swapped letters as one typo (OSA), or ``limit + 1`` once above ``limit``."""
    return OSA.distance(a, b, score_cutoff=limit)


def _word_matches(pattern: str, word: str) -> bool:
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    return word == pattern


def _word_or_stem_matches(pattern: str, word: str) -> bool:
    if _word_matches(pattern, word):
        return True
    # Only Arabic and Hebrew words have attached prefixes to try without.
    return "\u0590" <= word[:1] <= "\u06ff" and any(_word_matches(pattern, stem) for stem in stems(word))


class Lexicon:
    """Terms mapped to keys with weights, matched against normalised text.

    ``fuzzy_min_weight``: single-word, non-prefix Latin terms at least this heavy (and ``FUZZY_MIN_LEN`` long)
    also match tokens one typo away (two for words of eight letters or more). ``None`` disables fuzzy
    matching.
    """

    def __init__(
        self,
        entries: Iterable[tuple[str, str, float]],
        *,
        fuzzy_min_weight: float | None = None,
        inflections: bool = False,
    ):
        # Unspaced-script terms by their first character: only those whose first character occurs are searched.
        self._substrings: dict[str, list[_Entry]] = {}
        self._by_word: dict[str, list[_Entry]] = {}
        self._by_prefix: dict[str, list[_Entry]] = {}
        # With ``inflections``, a one-word term of MIN_STEM_TERM letters or more also matches the word with a short
        # ending ("sunset" -> "sunsets", "batımı" -> "batımında"): for the scene and beats, where most languages
        # inflect and a miss costs the fan's idea, while a stray match only adds a detail.
        self._stems: dict[str, list[_Entry]] = {}
        # Fuzzy candidates by (first letter, length): a word is compared only with terms of a length in reach.
        self._fuzzy: dict[tuple[str, int], list[_Entry]] = {}
        # Many languages' files list the same word ("curling", "snowboard"): one entry each, at its highest weight.
        unique: dict[tuple[str, str], float] = {}
        for term, key, weight in entries:
            unique[(term, key)] = max(weight, unique.get((term, key), weight))
        for (term, key), weight in unique.items():
            norm = normalize(term)
            fuzzy_marked = norm.endswith("~")
            norm = norm.rstrip("~")
            if not norm:
                continue
            if any(is_unspaced(ch) for ch in norm):
                self._substrings.setdefault(norm[0], []).append(_Entry(norm, (norm,), key, weight))
                continue
            words = tuple(norm.replace("-", " ").split())
            entry = _Entry(" ".join(words), words, key, weight)
            first = words[0]
            if first.endswith("*"):
                self._by_prefix.setdefault(first[:-1], []).append(entry)
            else:
                self._by_word.setdefault(first, []).append(entry)
                if inflections and len(words) == 1 and len(first) >= MIN_STEM_TERM:
                    self._stems.setdefault(first, []).append(entry)
                eligible = fuzzy_min_weight is not None and (weight >= fuzzy_min_weight or fuzzy_marked)
                if eligible and len(words) == 1 and len(first) >= FUZZY_MIN_LEN:
                    self._fuzzy.setdefault((first[0], len(first)), []).append(entry)
        self._prefix_lengths = sorted({len(p) for p in self._by_prefix})

    def find(self, norm: str, tokens: list[Token] | None = None, *, nested: bool = False) -> list[Hit]:
        """All hits in normalised text; hits strictly inside a longer one are dropped unless ``nested``."""
        if tokens is None:
            tokens = tokenize(norm)
        hits = self._find_substrings(norm) + self._find_tokens(norm, tokens)
        return hits if nested else _drop_contained(hits)

    def _find_substrings(self, norm: str) -> list[Hit]:
        hits = []
        if not self._substrings:
            return hits
        for first in set(norm).intersection(self._substrings):
            for e in self._substrings[first]:
                pos = norm.find(e.term)
                while pos >= 0:
                    hits.append(Hit(e.key, e.term, e.term, pos, pos + len(e.term), e.weight))
                    pos = norm.find(e.term, pos + 1)
        return hits

    def _candidates(self, word: str) -> list[_Entry]:
        found = self._exact_candidates(word)
        if not found:
            for stem in stems(word):
                found = self._exact_candidates(stem)
                if found:
                    break
        return found

    def _exact_candidates(self, word: str) -> list[_Entry]:
        found = list(self._by_word.get(word, ()))
        if self._stems and not found:
            for cut in range(1, MAX_ENDING + 1):
                if len(word) - cut < MIN_STEM_TERM:
                    break
                found.extend(self._stems.get(word[:-cut], ()))
        for n in self._prefix_lengths:
            if n > len(word):
                break
            found.extend(self._by_prefix.get(word[:n], ()))
        return found

    def _find_tokens(self, norm: str, tokens: list[Token]) -> list[Hit]:
        hits: list[Hit] = []
        unmatched: dict[str, list[Token]] = {}
        for i, tok in enumerate(tokens):
            candidates = self._candidates(tok.text)
            if not candidates and len(tok.text) >= FUZZY_MIN_LEN - 1:
                unmatched.setdefault(tok.text, []).append(tok)
            for e in candidates:
                if len(e.words) > len(tokens) - i:
                    continue
                rest = tokens[i + 1 : i + len(e.words)]
                if all(_word_or_stem_matches(p, t.text) for p, t in zip(e.words[1:], rest, strict=True)):
                    end = (rest[-1] if rest else tok).end
                    hits.append(Hit(e.key, e.term, norm[tok.start : end], tok.start, end, e.weight))
        if self._fuzzy:
            hits.extend(self._find_fuzzy(unmatched))
        return hits

    def _find_fuzzy(self, unmatched: dict[str, list[Token]]) -> list[Hit]:
        hits = []
        for word in list(unmatched)[:FUZZY_TOKEN_BUDGET]:
            # Typos are tolerated in Latin, Greek and Cyrillic words only: elsewhere one edit is often another word.
            if word[0] >= "\u0530":
                continue
            limit = 2 if len(word) >= FUZZY_TWO_EDITS_LEN else 1
            for length in range(len(word) - limit, len(word) + limit + 1):
                for e in self._fuzzy.get((word[0], length), ()):
                    if osa_distance(word, e.term, limit) <= limit:
                        for tok in unmatched[word]:
                            hits.append(Hit(e.key, e.term, word, tok.start, tok.end, e.weight, fuzzy=True))
        return hits


def _drop_contained(hits: list[Hit]) -> list[Hit]:
    """Drop hits lying strictly inside a longer hit ("ski" inside "ski jumping", "滑冰" inside "花样滑冰")."""
    max_end_at: dict[int, int] = {}
    for h in hits:
        max_end_at[h.start] = max(max_end_at.get(h.start, 0), h.end)
    # For each start, the furthest end reached by any hit starting strictly before it (linear, not quadratic).
    reach_before: dict[int, int] = {}
    reach = -1
    for start in sorted(max_end_at):
        reach_before[start] = reach
        reach = max(reach, max_end_at[start])
    return [h for h in hits if not (reach_before[h.start] >= h.end or max_end_at[h.start] > h.end)]
