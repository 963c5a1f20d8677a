"""A job's ``spec`` checked and completed with defaults: everything the renderer needs to know."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any

from generation.prompting.vocab import BEATS, LIGHTS, SETTINGS, WEATHERS

from .camera import normalise_mode
from .sports import SPORTS
from .styles import normalise_style

MAX_DURATION_S = 15.0
MAX_SIDE = 1920
MAX_BEATS = 3


@dataclass(frozen=True)
class Shot:
    sport: str | None  # None: a winter scene with no sport in it (the engine never guesses one)
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
    # The fan's scene (vocabulary slugs of ``generation.prompting.vocab``, or None): where, in what light and
    # weather, and up to three action beats in the order told.
    setting: str | None = None
    light: str | None = None
    weather: str | None = None
    beats: tuple[str, ...] = ()

    @property
    def frames(self) -> int:
        return max(1, round(self.duration_s * self.fps))

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> Shot:
        sport: str | None = _slug(spec.get("sport"))
        if sport not in SPORTS:
            sport = None
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
            setting=_known(spec.get("setting"), SETTINGS),
            light=_known(spec.get("light"), LIGHTS),
            weather=_known(spec.get("weather"), WEATHERS),
            beats=_beats(spec.get("beats")),
        )


def _slug(value: Any) -> str:
    return str(value or "").strip().lower().replace("_", "-").replace(" ", "-")


def _known(value: Any, vocabulary: dict) -> str | None:
    """The slug if the vocabulary has it; anything else (a newer parser's word, a typo) is ignored."""
    slug = _slug(value) if isinstance(value, str) else ""
    return slug if slug in vocabulary else None


def _beats(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return ()
    known = [b for b in (_known(v, BEATS) for v in value) if b]
    return tuple(dict.fromkeys(known))[:MAX_BEATS]


def _even(value: Any, default: int) -> int:
    v = int(value or default)
    return min(max(v - v % 2, 64), MAX_SIDE)
