"""Optional LLM rewrite of a video's English prompt, once per video, in the job (never while the fan types).

Off unless ``settings.WONDER_LLM_URL`` is set (:mod:`generation.llm`, the client shared with the kiosk). The
answer must be one English paragraph within ``ACCEPTED_WORDS``, keep every ``@name``, and pass the same prompt
safety check as the fan's words; otherwise ``None`` and the job keeps the deterministic template.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from generation import llm

from .safety import check_prompt

log = logging.getLogger(__name__)

ACCEPTED_WORDS = (40, 160)

SYSTEM_PROMPT = (
    "You write prompts for a text-to-video model that makes short clips of Winter Games sports. "
    "Rewrite the user's idea as ONE English paragraph of 80 to 100 words covering: subject and appearance, "
    "the sport's signature motion, the setting, light and weather, the story beats in their order, snow or ice "
    "physics, broadcast camera work and visual style. Keep every @name exactly as written (they are references "
    "to a person's avatar). Do not add real athletes' names, text, logos or anything unsafe. "
    "Answer with the paragraph only."
)
FACT_KEYS = ("language", "sport", "subject", "attributes", "emotion", "style", "camera", "setting", "light")


def _user_message(spec: dict[str, Any]) -> str:
    facts = {k: spec.get(k) for k in (*FACT_KEYS, "weather", "beats", "references", "para")}
    return (
        f"Fan's words: {spec.get('prompt', '')}\nParsed: {json.dumps(facts, ensure_ascii=False)}\n"
        f"Draft prompt: {spec.get('prompt_en', '')}"
    )


def refine_video_prompt(spec: dict[str, Any]) -> str | None:
    """The LLM's English prompt for this video's spec, or ``None`` (no LLM, or an unusable or unsafe answer)."""
    answer = llm.chat(SYSTEM_PROMPT, _user_message(spec), max_tokens=320)
    if answer is None:
        return None
    text = " ".join(answer.strip().strip('"').split())
    low, high = ACCEPTED_WORDS
    words = len(text.split())
    if not low <= words <= high:
        log.warning("LLM prompt rewrite has %d words (accepted %d-%d), using the template", words, low, high)
        return None
    missing = [ref for ref in spec.get("references") or [] if ref not in text]
    if missing:
        log.warning("LLM prompt rewrite dropped %s, using the template", missing)
        return None
    verdict = check_prompt(text)
    fan_category = (spec.get("safety") or {}).get("category")
    if verdict.action == "block" or (verdict.action == "flag" and verdict.category != fan_category):
        log.warning("LLM prompt rewrite failed the safety check (%s), using the template", verdict.category)
        return None
    return text
