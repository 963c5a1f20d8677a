"""A job's ``spec`` checked and completed with defaults: everything the renderer needs to know."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any

from .camera import normalise_mode
from .sports import DEFAULT_SPORT, SPORTS
from .styles import normalise_style

MAX_DURATION_S = 15.0
MAX_SIDE = 1920


@dataclass(frozen=True)
class Shot:
    sport: str
    subject: str
    attributes: tuple[str, ...]
    emotion: str
    style: str
    camera: str
    seed: int
    prompt: str
    duration_s: float
    width: int
    height: int
    fps: int
    avatar_image: str | None

    @property
    def frames(self) -> int:
        return max(1, round(self.duration_s * self.fps))

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> Shot:
        sport = str(spec.get("sport") or DEFAULT_SPORT).strip().lower().replace("_", "-").replace(" ", "-")
        if sport not in SPORTS:
            sport = DEFAULT_SPORT
        prompt = str(spec.get("prompt") or "")
        seed = spec.get("seed")
        if seed is None:
            # No seed given: still deterministic for the same request.
            seed = zlib.crc32(f"{sport}|{prompt}|{spec.get('subject')}".encode())
        width = _even(spec.get("width"), 832)
        height = _even(spec.get("height"), 480)
        attributes = spec.get("attributes") or ()
        if isinstance(attributes, str):
            attributes = (attributes,)
        return cls(
            sport=sport,
            subject=str(spec.get("subject") or ""),
            attributes=tuple(str(a) for a in attributes),
            emotion=str(spec.get("emotion") or "neutral").strip().lower(),
            style=normalise_style(spec.get("style")),
            camera=normalise_mode(spec.get("camera")),
            seed=int(seed) % (2**63),
            prompt=prompt,
            duration_s=min(max(float(spec.get("duration_s") or 5.0), 0.1), MAX_DURATION_S),
            width=width,
            height=height,
            fps=min(max(int(spec.get("fps") or 16), 4), 60),
            avatar_image=str(spec["avatar_image"]) if spec.get("avatar_image") else None,
        )


def _even(value: Any, default: int) -> int:
    v = int(value or default)
    return min(max(v - v % 2, 64), MAX_SIDE)
