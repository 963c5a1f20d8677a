"""``parse_prompt``: one fan sentence, any language -> sport, subject, mood, style, camera, English prompt.

Deterministic and offline: lexicons (:mod:`.cues`) matched on normalised text (:mod:`.lexicon`), weighted so a
sport's name is decisive and actions ("flying off a ramp on skis") add up to an inferred sport. The same
function serves the web form, the API and ``manage.py parse_prompt``.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from . import cues
from .language import UNDETERMINED, detect_language
from .lexicon import Hit, Lexicon
from .normalize import normalize, tokenize
from .vocab import DEFAULT_CAMERA, EMOTIONS, FALLBACK_CAMERA, SPORTS, STYLES

# The longest prompt we read: a fan sentence is far shorter; anything past this is ignored, which bounds the
# cost of parsing whatever is pasted into the form.
MAX_PROMPT_CHARS = 5000
# A sport needs at least one real cue (an action or equipment word), not just scenery, to be chosen.
MIN_SPORT_SCORE = 1.0
# The fan picked the sport in the form but the text does not say it: likely right, yet unconfirmed.
HINT_CONFIDENCE = 0.5
# Misspelt words count a little less than correctly spelt ones.
FUZZY_DISCOUNT = 0.8
# "@name" refers to a person's avatar; stop at whitespace or punctuation (Latin or CJK).
REFERENCE_RE = re.compile(r"@[^\s@,.;:!?，。、；：！？「」()（）]{1,32}")


@dataclass
class ParsedPrompt:
    """What a fan's sentence asks for; ``to_dict()`` is the DESIGN.md JSON plus ``references``, ``para``."""

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
    # Where the sport came from: "named", "inferred", "hint" or None. Not part of the JSON contract.
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
        }


def _split_terms(terms: str) -> list[str]:
    return [t.strip() for t in terms.split("|") if t.strip()]


@functools.cache
def _lexicons() -> dict[str, Lexicon]:
    """Compiled once per process: a few thousand terms, a few milliseconds."""
    sport_entries = [
        (term, sport, weight)
        for sport, groups in cues.SPORT_CUES.items()
        for weight, terms in groups
        for term in _split_terms(terms)
    ]

    def keyed(table: dict[str, str]) -> list[tuple[str, str, float]]:
        return [(term, key, 1.0) for key, terms in table.items() for term in _split_terms(terms)]

    return {
        "sport": Lexicon(sport_entries, fuzzy_min_weight=cues.NAME),
        "para": Lexicon([(t, "para", 1.0) for t in _split_terms(cues.PARA_CUES)]),
        "emotion": Lexicon(keyed(cues.EMOTION_CUES)),
        "style": Lexicon(keyed(cues.STYLE_CUES)),
        "camera": Lexicon(keyed(cues.CAMERA_CUES)),
        "subject": Lexicon([(t, subject, w) for w, subject, terms in cues.SUBJECT_CUES for t in _split_terms(terms)]),
        "colour": Lexicon(keyed(cues.COLOUR_CUES)),
        "garment": Lexicon(keyed(cues.GARMENT_CUES)),
        "attribute": Lexicon(keyed(cues.ATTRIBUTE_CUES)),
    }


def score_sports(hits: list[Hit]) -> dict[str, float]:
    """Sum of cue weights per sport, each distinct term counted once (repeating a word proves nothing)."""
    best: dict[tuple[str, str], float] = {}
    # A word that is part of another sport's full name elsewhere in the text ("雪车" after "钢架雪车") is that
    # sport's shorthand, not evidence for its own.
    names = {h.term: h.key for h in hits if h.weight >= cues.NAME}
    for h in hits:
        if any(h.term in name and h.term != name and key != h.key for name, key in names.items()):
            continue
        weight = h.weight * (FUZZY_DISCOUNT if h.fuzzy else 1.0)
        best[(h.key, h.term)] = max(best.get((h.key, h.term), 0.0), weight)
    scores: dict[str, float] = defaultdict(float)
    for (sport, _term), weight in best.items():
        scores[sport] += weight
    # Jumping and then skiing cross-country is what Nordic combined is.
    jump, xc = scores.get("ski-jumping", 0.0), scores.get("cross-country-skiing", 0.0)
    if jump >= 0.7 and xc >= MIN_SPORT_SCORE:
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


def _attributes(norm: str, tokens: list) -> list[str]:
    lex = _lexicons()
    colours = sorted(lex["colour"].find(norm, tokens), key=lambda h: h.start)
    garments = sorted(lex["garment"].find(norm, tokens), key=lambda h: h.start)
    found: list[str] = []
    paired: set[int] = set()
    for g in garments:
        # A colour right before or after the garment describes it ("red suit", "tuta rossa", "红色滑雪服").
        near = [c for c in colours if 0 <= g.start - c.end <= 3 or 0 <= c.start - g.end <= 3]
        if near:
            paired.add(id(near[0]))
            found.append(f"{near[0].key} {g.key}")
        else:
            found.append(g.key)
    found.extend(c.key for c in colours if id(c) not in paired)
    found.extend(h.key for h in sorted(lex["attribute"].find(norm, tokens), key=lambda h: h.start))
    return list(dict.fromkeys(found))


def parse_prompt(text: str, *, sport_hint: str | None = None) -> ParsedPrompt:
    """Understand one fan sentence; ``sport_hint`` (picked in the form) wins when the text names no sport."""
    from .expand import default_subject, expand_prompt

    text = (text or "")[:MAX_PROMPT_CHARS]
    references = list(dict.fromkeys(REFERENCE_RE.findall(text)))
    plain = REFERENCE_RE.sub(" ", text)
    norm = normalize(plain)
    tokens = tokenize(norm)
    lex = _lexicons()
    hint = sport_hint if sport_hint in SPORTS else None

    lang = detect_language(plain)
    sport_hits = lex["sport"].find(norm, tokens)
    ranked = _rank_sports(score_sports(sport_hits))
    named = {h.key for h in sport_hits if h.weight >= cues.NAME}
    sport, source, sport_conf = None, None, 0.0
    if ranked and ranked[0][1] >= MIN_SPORT_SCORE:
        sport, top = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0.0
        source = "named" if sport in named else "inferred"
        sport_conf = min(1.0, top / cues.NAME) * (0.6 + 0.4 * (top - second) / top)
    if hint and source != "named":
        sport, source, sport_conf = hint, "hint", HINT_CONFIDENCE

    subject_hits = lex["subject"].find(norm, tokens)
    subjects = sorted(subject_hits, key=lambda h: (-h.weight, h.start))
    attributes = _attributes(norm, tokens)
    if references:
        subject = " and ".join(references)
        attributes = [f"with {h.key}" for h in subjects[:1]] + attributes
    elif subjects:
        subject = subjects[0].key
    else:
        subject = default_subject(sport)

    emotion = _pick(lex["emotion"].find(norm, tokens), list(EMOTIONS))
    # A named style beats the default "cinematic" when both appear ("cinematic anime").
    style_hits = lex["style"].find(norm, tokens)
    specific = [h for h in style_hits if h.key != "cinematic"]
    style = _pick(specific or style_hits, list(STYLES))
    camera_hits = sorted(lex["camera"].find(norm, tokens), key=lambda h: h.start)
    camera = camera_hits[0].key if camera_hits else DEFAULT_CAMERA.get(sport or "", FALLBACK_CAMERA)

    if lang.code == UNDETERMINED and not sport:
        confidence = 0.0
    else:
        detail = 1.0 if (subject_hits or references) else 0.5 if (emotion or style or camera_hits) else 0.0
        confidence = round(0.65 * sport_conf + 0.2 * lang.confidence + 0.15 * detail, 2)

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
        para=bool(lex["para"].find(norm, tokens)),
        sport_source=source,
        text=text,
    )
    parsed.prompt_en = expand_prompt(parsed)
    return parsed
