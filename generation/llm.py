"""The one client for the optional LLM: an OpenAI-compatible ``/chat/completions`` endpoint (Qwen, vLLM, ...).

Off unless ``settings.WONDER_LLM_URL`` is set. Used by the video job (one prompt rewrite per video) and by the
kiosk's narration. Standard library only (``urllib``). Never raises: no LLM, a timeout, an HTTP error or a
malformed answer all return ``None`` with a warning in the log, and callers keep their deterministic text.
"""

from __future__ import annotations

import json
import logging
import re
import urllib.request
from typing import Any

from django.conf import settings

log = logging.getLogger(__name__)

# Bounds on the configured timeout: a typo ("800") must not hold a worker for minutes.
TIMEOUT_BOUNDS_S = (0.5, 30.0)
MAX_RESPONSE_BYTES = 256 * 1024
# Models often wrap an answer in a Markdown code fence (```json ... ```) even when told not to.
_FENCE = re.compile(r"^\s*```[\w-]*\s*\n?(.*?)\n?\s*```\s*$", re.DOTALL)


def configured() -> bool:
    """Whether an LLM endpoint is set."""
    return bool(getattr(settings, "WONDER_LLM_URL", "") or "")


def strip_fences(text: str) -> str:
    """The answer without a surrounding Markdown code fence, trimmed."""
    match = _FENCE.match(text)
    return (match.group(1) if match else text).strip()


def _timeout() -> float:
    try:
        value = float(getattr(settings, "WONDER_LLM_TIMEOUT_S", 8.0))
    except (TypeError, ValueError):
        value = 8.0
    low, high = TIMEOUT_BOUNDS_S
    return min(max(value, low), high)


def chat(system: str, user: str, *, temperature: float = 0.4, max_tokens: int | None = None) -> str | None:
    """The model's answer to one system + user message, fences stripped; ``None`` when there is none to use."""
    if not configured():
        return None
    body: dict[str, Any] = {
        "model": getattr(settings, "WONDER_LLM_MODEL", "") or "",
        "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
        "temperature": temperature,
    }
    if max_tokens:
        body["max_tokens"] = max_tokens
    headers = {"Content-Type": "application/json"}
    key = getattr(settings, "WONDER_LLM_API_KEY", "") or ""
    if key:
        headers["Authorization"] = f"Bearer {key}"
    request = urllib.request.Request(
        settings.WONDER_LLM_URL.rstrip("/") + "/chat/completions",
        data=json.dumps(body).encode(),
        headers=headers,
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=_timeout()) as response:
            answer = json.loads(response.read(MAX_RESPONSE_BYTES))
        text = answer["choices"][0]["message"]["content"]
        if not isinstance(text, str):
            raise TypeError("content is not a string")
    except Exception as exc:  # noqa: BLE001 - any failure means "keep the deterministic text", never an error
        log.warning("LLM call failed: %r", exc)
        return None
    return strip_fences(text)
