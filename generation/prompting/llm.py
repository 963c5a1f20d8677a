"""Optional LLM rewrite of the template prompt through an OpenAI-compatible ``/chat/completions`` endpoint.

Off unless ``settings.WONDER_LLM_URL`` is set. Uses only the standard library (``urllib``). Never raises: any
error, timeout, malformed answer, or an answer outside ``ACCEPTED_WORDS`` returns ``None`` with a warning in
the
log, and the caller keeps the template text.
"""

from __future__ import annotations

import json
import logging
import urllib.request
from typing import TYPE_CHECKING

from django.conf import settings

if TYPE_CHECKING:
    from .parse import ParsedPrompt

log = logging.getLogger(__name__)

ACCEPTED_WORDS = (40, 160)
# Bounds on the configured timeout: a typo ("800") must not hang a web request for minutes.
TIMEOUT_BOUNDS_S = (0.5, 30.0)
MAX_RESPONSE_BYTES = 256 * 1024

SYSTEM_PROMPT = (
    "You write prompts for a text-to-video model that makes short clips of Winter Games sports. "
    "Rewrite the user's idea as ONE English paragraph of 80 to 100 words covering: subject and appearance, "
    "the sport's signature motion, snow or ice physics, broadcast camera work, light, and visual style. "
    "Keep every @name exactly as written (they are references to a person's avatar). "
    "Do not add real athletes' names, text, logos or anything unsafe. Answer with the paragraph only."
)


def _timeout() -> float:
    try:
        value = float(getattr(settings, "WONDER_LLM_TIMEOUT_S", 8.0))
    except (TypeError, ValueError):
        value = 8.0
    low, high = TIMEOUT_BOUNDS_S
    return min(max(value, low), high)


def _user_message(parsed: ParsedPrompt, template: str) -> str:
    facts = json.dumps({k: v for k, v in parsed.to_dict().items() if k != "prompt_en"}, ensure_ascii=False)
    return f"Fan's words: {parsed.text}\nParsed: {facts}\nDraft prompt: {template}"


def llm_rewrite(parsed: ParsedPrompt, template: str) -> str | None:
    """The LLM's 80-100 word prompt, or ``None`` when no LLM is configured or its answer is unusable."""
    base = getattr(settings, "WONDER_LLM_URL", "") or ""
    if not base:
        return None
    body = {
        "model": getattr(settings, "WONDER_LLM_MODEL", "") or "",
        "messages": [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": _user_message(parsed, template)},
        ],
        "temperature": 0.4,
        "max_tokens": 320,
    }
    headers = {"Content-Type": "application/json"}
    key = getattr(settings, "WONDER_LLM_API_KEY", "") or ""
    if key:
        headers["Authorization"] = f"Bearer {key}"
    request = urllib.request.Request(
        base.rstrip("/") + "/chat/completions", data=json.dumps(body).encode(), headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=_timeout()) as response:
            answer = json.loads(response.read(MAX_RESPONSE_BYTES))
        text = answer["choices"][0]["message"]["content"]
        if not isinstance(text, str):
            raise TypeError("content is not a string")
    except Exception as exc:  # noqa: BLE001 - any failure means "use the template", never an error page
        log.warning("LLM prompt rewrite failed, using the template: %s", exc)
        return None
    text = " ".join(text.strip().strip('"').split())
    words = len(text.split())
    low, high = ACCEPTED_WORDS
    if not low <= words <= high:
        log.warning("LLM prompt rewrite has %d words (accepted %d-%d), using the template", words, low, high)
        return None
    return text
