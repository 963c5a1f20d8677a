"""Optional LLM narration: rewords the solver's stop explanations warmly in the visitor's language.

Off unless ``settings.WONDER_LLM_URL`` is set (:mod:`generation.llm`, the client shared with the video job).
Never raises and never touches the plan: any error or an unusable answer returns ``None`` and the kiosk keeps
the deterministic explanations.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from generation import llm

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
    if not explanations:
        return None
    user = json.dumps(
        {"language": language, "note": text[:500], "stops": [s.name for s in plan.stops], "lines": explanations},
        ensure_ascii=False,
    )
    answer = llm.chat(SYSTEM_PROMPT, user)
    if answer is None:
        return None
    try:
        lines: Any = json.loads(answer)
    except ValueError as exc:
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
