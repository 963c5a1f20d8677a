"""``parse_prompt``: one fan sentence, any language -> sport, subject, mood, style, camera, English prompt.

Pure, deterministic and offline (no network call, ever: the optional LLM rewrite runs once per video, in the
job, see :mod:`.llm`). Word lists, one file per language (:mod:`.lexicon_files`), are matched on normalised text
(:mod:`.lexicon`), weighted so a sport's name is decisive and actions ("flying off a ramp on skis") add up to an
inferred sport. Besides the DESIGN.md keys it keeps the fan's scene (setting, light, weather and up to three
action beats in the order told), and it never guesses a sport silently: when the text names none, or two
compete, ``sport`` is null, ``sport_candidates`` lists the contenders and ``sport_needs_choice`` is true. The
same function serves the web form, the API and ``manage.py parse_prompt``.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Container
from dataclasses import dataclass, field
from typing import Any

from . import lexicon_files
from .language import detect_language, function_word_languages
from .lexicon import Hit, Lexicon
from .normalize import is_unspaced, normalize, tokenize
from .vocab import DEFAULT_CAMERA, EMOTIONS, FALLBACK_CAMERA, MAX_PROMPT_CHARS, SETTINGS, SPORTS, STYLES, WEATHERS

# A sport needs at least one real cue (an action or equipment word), not just scenery, to be chosen.
MIN_SPORT_SCORE = 1.0
# Two sports whose scores are this close both stay candidates, and the fan is asked to pick.
AMBIGUOUS_RATIO = 0.85
MAX_CANDIDATES = 3
MAX_BEATS = 3
# Misspelt words count a little less than correctly spelt ones.
FUZZY_DISCOUNT = 0.8
# "@name" refers to a person's avatar; stop at whitespace or punctuation (Latin or CJK).
REFERENCE_RE = re.compile(r"@[^\s@,.;:!?，。、；：！？「」()（）]{1,32}")


@dataclass
class ParsedPrompt:
    """What a fan's sentence asks for; ``to_dict()`` is the DESIGN.md JSON plus the fields it allows adding."""

    language: str
    sport: str | None
    subject: str
    attributes: list[str]
    emotion: str | None
    style: str | None
    camera: str
    confidence: float
    prompt_en: str = ""
    references: list[str] = field(default_factory=list)
    para: bool = False
    setting: str | None = None
    light: str | None = None
    weather: str | None = None
    beats: list[str] = field(default_factory=list)
    sport_candidates: list[str] = field(default_factory=list)
    # Where the sport came from: "named", "inferred", "hint", "surprise" or None. Not part of the JSON contract.
    sport_source: str | None = None
    text: str = field(default="", repr=False)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object printed by ``manage.py parse_prompt --json`` and returned by the API."""
        return {
            "language": self.language,
            "sport": self.sport,
            "subject": self.subject,
            "attributes": list(self.attributes),
            "emotion": self.emotion,
            "style": self.style,
            "camera": self.camera,
            "confidence": self.confidence,
            "prompt_en": self.prompt_en,
            "references": list(self.references),
            "para": self.para,
            "setting": self.setting,
            "light": self.light,
            "weather": self.weather,
            "beats": list(self.beats),
            "sport_candidates": list(self.sport_candidates),
            "sport_needs_choice": self.sport_needs_choice,
        }

    @property
    def sport_needs_choice(self) -> bool:
        """True when the text does not settle the sport: the fan must pick one (or ask for a surprise)."""
        return self.sport is None


@functools.cache
def _lexicons() -> dict[str, Lexicon]:
    """Compiled once per process from every language's file: a few thousand terms, a few milliseconds."""
    tables = ("emotion", "style", "camera", "subject", "colour", "garment", "attribute", "para")
    lexicons = {name: Lexicon(lexicon_files.table_entries(name)) for name in tables}
    for name in ("setting", "light", "weather", "beat"):
        lexicons[name] = Lexicon(lexicon_files.table_entries(name), inflections=True)
    lexicons["sport"] = Lexicon(lexicon_files.sport_entries(), fuzzy_min_weight=lexicon_files.NAME)
    return lexicons


def score_sports(hits: list[Hit]) -> dict[str, float]:
    """Sum of cue weights per sport, each distinct word of the text counted once: repeating a word proves nothing,
    and two lists' spellings of one word ("curling", "curling*") are still one word."""
    best: dict[tuple[str, str], float] = {}
    # A word that is part of another sport's full name elsewhere in the text ("雪车" after "钢架雪车") is that
    # sport's shorthand, not evidence for its own.
    names = {h.term: h.key for h in hits if h.weight >= lexicon_files.NAME}
    for h in hits:
        if any(h.term in name and h.term != name and key != h.key for name, key in names.items()):
            continue
        weight = h.weight * (FUZZY_DISCOUNT if h.fuzzy else 1.0)
        best[(h.key, h.found)] = max(best.get((h.key, h.found), 0.0), weight)
    scores: dict[str, float] = defaultdict(float)
    for (sport, _term), weight in best.items():
        scores[sport] += weight
    # Jumping and then skiing cross-country is what Nordic combined is; once it is named, its parts describe it.
    jump, xc = scores.get("ski-jumping", 0.0), scores.get("cross-country-skiing", 0.0)
    if (jump >= 0.7 and xc >= MIN_SPORT_SCORE) or scores.get("nordic-combined", 0.0) >= lexicon_files.NAME:
        scores["nordic-combined"] += jump + xc
    return dict(scores)


def sport_scores(text: str) -> dict[str, float]:
    """Sport scores for raw text (for the safety check: in biathlon a rifle is equipment, not a threat)."""
    norm = normalize(text)
    return score_sports(_lexicons()["sport"].find(norm, tokenize(norm)))


def _rank_sports(scores: dict[str, float]) -> list[tuple[str, float]]:
    order = list(SPORTS)
    return sorted(scores.items(), key=lambda kv: (-kv[1], order.index(kv[0])))


def _pick(hits: list[Hit], order: list[str]) -> str | None:
    """The key with most distinct terms; ties go to the earlier-mentioned one."""
    if not hits:
        return None
    terms: dict[str, set[str]] = defaultdict(set)
    first: dict[str, int] = {}
    for h in hits:
        terms[h.key].add(h.term)
        first.setdefault(h.key, h.start)
    return min(terms, key=lambda k: (-len(terms[k]), first[k], order.index(k)))


def _attributes(found: dict[str, list[Hit]]) -> list[str]:
    colours = sorted(found["colour"], key=lambda h: h.start)
    garments = sorted(found["garment"], key=lambda h: h.start)
    found_list: list[str] = []
    paired: set[int] = set()
    for g in garments:
        # A colour right before or after the garment describes it ("red suit", "tuta rossa", "红色滑雪服").
        near = [c for c in colours if 0 <= g.start - c.end <= 3 or 0 <= c.start - g.end <= 3]
        if near:
            paired.add(id(near[0]))
            found_list.append(f"{near[0].key} {g.key}")
        else:
            found_list.append(g.key)
    found_list.extend(c.key for c in colours if id(c) not in paired)
    found_attributes = sorted(found["attribute"], key=lambda h: h.start)
    return list(dict.fromkeys([*found_list, *(h.key for h in found_attributes)]))


def _ambiguous(ranked: list[tuple[str, float]], named: set[str]) -> list[str]:
    """The sports that compete with the leader closely enough that the fan should choose (empty if none).

    A rival competes when its score comes close to the leader's, or when the text names both sports ("curling or
    hockey?", "luge vs skeleton"): the fan wrote two sports and only they know which one they meant.
    """
    if len(ranked) < 2:
        return []
    top_sport, top = ranked[0]
    # Nordic combined is scored as jumping plus cross-country: its parts are not rivals.
    parts = {"ski-jumping", "cross-country-skiing"} if top_sport == "nordic-combined" else set()
    rivals = [
        sport
        for sport, score in ranked[1:]
        if sport not in parts
        and score >= MIN_SPORT_SCORE
        and (score >= AMBIGUOUS_RATIO * top or (top_sport in named and sport in named))
    ]
    return [top_sport, *rivals][:MAX_CANDIDATES] if rivals else []


def _first(hits: list[Hit]) -> str | None:
    """The key mentioned first (the fan's own order)."""
    return min(hits, key=lambda h: h.start).key if hits else None


def _beats(hits: list[Hit]) -> list[str]:
    """Up to ``MAX_BEATS`` action beats in the order the fan tells them, each once."""
    return list(dict.fromkeys(h.key for h in sorted(hits, key=lambda h: h.start)))[:MAX_BEATS]


def _coverage(norm: str, tokens: list, hits: list[Hit], function_words: Container[str]) -> float:
    """Share of the content of the sentence that some cue explains (function words and numbers left out).

    A spaced-script word counts as one unit, a character of an unspaced script (Chinese, Thai ...) as half.
    """
    covered = [False] * len(norm)
    for h in hits:
        covered[h.start : h.end] = [True] * (h.end - h.start)
    total = understood = 0.0
    for tok in tokens:
        if tok.text in function_words or tok.text.isdigit():
            continue
        total += 1
        understood += any(covered[tok.start : tok.end])
    for i, ch in enumerate(norm):
        if is_unspaced(ch):
            total += 0.5
            understood += 0.5 * covered[i]
    return round(understood / total, 2) if total else 0.0


def parse_prompt(text: str, *, sport_hint: str | None = None) -> ParsedPrompt:
    """Understand one fan sentence; ``sport_hint`` (picked in the form) wins when the text does not name a sport."""
    from .expand import default_subject, template_prompt

    text = (text or "")[:MAX_PROMPT_CHARS]
    references = list(dict.fromkeys(REFERENCE_RE.findall(text)))
    plain = REFERENCE_RE.sub(" ", text)
    norm = normalize(plain)
    tokens = tokenize(norm)
    lex = _lexicons()
    hint = sport_hint if sport_hint in SPORTS else None
    found = {name: lexicon.find(norm, tokens) for name, lexicon in lex.items()}

    lang = detect_language(plain)
    ranked = _rank_sports(score_sports(found["sport"]))
    named = {h.key for h in found["sport"] if h.weight >= lexicon_files.NAME}
    sport, source, candidates = None, None, []
    if ranked and ranked[0][1] >= MIN_SPORT_SCORE:
        candidates = _ambiguous(ranked, named)
        if not candidates:
            sport = ranked[0][0]
            source = "named" if sport in named else "inferred"
    if hint and (source != "named" or candidates):
        sport, source, candidates = hint, "hint", []

    subjects = sorted(found["subject"], key=lambda h: (-h.weight, h.start))
    attributes = _attributes(found)
    if references:
        subject = " and ".join(references)
        attributes = [f"with {h.key}" for h in subjects[:1]] + attributes
    elif subjects:
        subject = subjects[0].key
    else:
        subject = default_subject(sport)

    emotion = _pick(found["emotion"], list(EMOTIONS))
    # A named style beats the default "cinematic" when both appear ("cinematic anime").
    specific = [h for h in found["style"] if h.key != "cinematic"]
    style = _pick(specific or found["style"], list(STYLES))
    camera_hits = sorted(found["camera"], key=lambda h: h.start)
    camera = camera_hits[0].key if camera_hits else DEFAULT_CAMERA.get(sport or "", FALLBACK_CAMERA)

    # Honest confidence: the share of the sentence we understood, not how many slots got filled. Whether the
    # sport is settled is said separately (``sport_needs_choice``).
    confidence = _coverage(
        norm, tokens, [h for hits in found.values() for h in hits], frozenset(function_word_languages())
    )

    parsed = ParsedPrompt(
        language=lang.code,
        sport=sport,
        subject=subject,
        attributes=attributes,
        emotion=emotion,
        style=style,
        camera=camera,
        confidence=confidence,
        references=references,
        para=bool(found["para"]),
        setting=_pick(found["setting"], list(SETTINGS)),
        light=_first(found["light"]),
        weather=_pick(found["weather"], list(WEATHERS)),
        beats=_beats(found["beat"]),
        sport_candidates=candidates,
        sport_source=source,
        text=text,
    )
    parsed.prompt_en = template_prompt(parsed)
    return parsed
