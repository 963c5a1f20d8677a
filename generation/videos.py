"""From one sentence to a queued video job: understand it, check it, and hand it to the video engine."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Any

from .models import Job
from .prompting import check_prompt, parse_prompt
from .services import create_job

MAX_PROMPT_CHARS = 500


@dataclass
class VideoRequest:
    text: str
    sport_hint: str | None = None
    style: str | None = None
    emotion: str | None = None
    seed: int | None = None


def build_video_spec(request: VideoRequest) -> dict[str, Any]:
    """The engine's input: the fan's text, what we understood of it (chips may override), and a seed."""
    parsed = parse_prompt(request.text, sport_hint=request.sport_hint).to_dict()
    for name in ("style", "emotion"):
        if getattr(request, name):
            parsed[name] = getattr(request, name)
    return {
        **parsed,
        "prompt": request.text,
        "seed": request.seed if request.seed is not None else secrets.randbelow(2**31),
    }


def start_video_job(request: VideoRequest, *, owner: Any = None, session_key: str = "") -> Job:
    """Queue a video for a prompt that passed ``check_prompt`` (the form checks it and shows the message)."""
    spec = build_video_spec(request)
    verdict = check_prompt(request.text)
    spec["safety"] = {"action": verdict.action, "category": verdict.category, "matches": verdict.matches}
    return create_job(kind="video", spec=spec, owner=owner, session_key=session_key)
