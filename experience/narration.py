"""Optional LLM narration: rewords the solver's stop explanations warmly in the visitor's language.

Off unless ``settings.WONDER_LLM_URL`` is set (an OpenAI-compatible ``/chat/completions`` endpoint, e.g. Qwen).
Never raises and never touches the plan: any error or an unusable answer returns ``None`` and the kiosk keeps
the deterministic explanations.
"""

from __future__ import annotations

import json
import logging
import urllib.request
from typing import Any

from django.conf import settings

from .planning import Plan, VisitorProfile

log = logging.getLogger(__name__)

MAX_LINE = 200
SYSTEM_PROMPT = (
    "You are the friendly AI guide of a winter-sports installation. For each stop of the visitor's route you get "
    "a factual one-line explanation. Rewrite each as one warm sentence starting with 'Because you' (in the "
    "visitor's language), keeping every fact (zone name, minutes, queue). If the visitor wrote a note, you may "
    "refer to it. Answer with a JSON list of strings, one per stop, same order, nothing else."
)


def narrate(
    plan: Plan, explanations: list[str], visitor: VisitorProfile, language: str, text: str = ""
) -> list[str] | None:
    """The LLM's reworded explanations, or ``None`` (no LLM configured, or its answer was unusable)."""
    base = getattr(settings, "WONDER_LLM_URL", "") or ""
    if not base or not explanations:
        return None
    user = json.dumps(
        {"language": language, "note": text[:500], "stops": [s.name for s in plan.stops], "lines": explanations},
        ensure_ascii=False,
    )
    body = {
        "model": settings.WONDER_LLM_MODEL,
        "messages": [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}],
        "temperature": 0.4,
    }
    headers = {"Content-Type": "application/json"}
    if settings.WONDER_LLM_API_KEY:
        headers["Authorization"] = f"Bearer {settings.WONDER_LLM_API_KEY}"
    request = urllib.request.Request(
        base.rstrip("/") + "/chat/completions", data=json.dumps(body).encode(), headers=headers
    )
    try:
        timeout = min(max(float(settings.WONDER_LLM_TIMEOUT_S), 0.5), 30.0)
        with urllib.request.urlopen(request, timeout=timeout) as response:
            answer: Any = json.loads(response.read(256 * 1024))
        lines = json.loads(answer["choices"][0]["message"]["content"])
    except Exception as exc:  # any failure keeps the deterministic text
        log.warning("LLM narration unavailable: %r", exc)
        return None
    if (
        not isinstance(lines, list)
        or len(lines) != len(explanations)
        or not all(isinstance(line, str) and 0 < len(line.strip()) <= MAX_LINE for line in lines)
    ):
        log.warning("LLM narration ignored: unusable answer")
        return None
    return [line.strip() for line in lines]
