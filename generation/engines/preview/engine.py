"""The preview engine: a procedural, CPU-only winter-sports clip for every prompt, labelled "PREVIEW"."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from django.utils.translation import gettext

from generation import media_store

from ..base import CancelFn, EngineResult, JobCanceled, ProgressFn
from ..outputs import write_clip
from .render import ClipRenderer
from .shot import Shot

log = logging.getLogger(__name__)

# Share of the progress bar for rendering+encoding the frames; the poster and the animation take the rest.
FRAMES_SHARE = 0.95


def gettext_noop(message: str) -> str:
    """Marks a string for translation (``makemessages`` finds it) without needing settings at import."""
    return message


SPORT_NAMES = {
    "alpine-skiing": gettext_noop("Alpine skiing"),
    "biathlon": gettext_noop("Biathlon"),
    "bobsleigh": gettext_noop("Bobsleigh"),
    "cross-country-skiing": gettext_noop("Cross-country skiing"),
    "curling": gettext_noop("Curling"),
    "figure-skating": gettext_noop("Figure skating"),
    "freestyle-skiing": gettext_noop("Freestyle skiing"),
    "ice-hockey": gettext_noop("Ice hockey"),
    "luge": gettext_noop("Luge"),
    "nordic-combined": gettext_noop("Nordic combined"),
    "short-track": gettext_noop("Short track"),
    "skeleton": gettext_noop("Skeleton"),
    "ski-jumping": gettext_noop("Ski jumping"),
    "ski-mountaineering": gettext_noop("Ski mountaineering"),
    "snowboard": gettext_noop("Snowboard"),
    "speed-skating": gettext_noop("Speed skating"),
}


class PreviewVideoEngine:
    """Renders the spec's sport (or, with none, a sport-less winter scene), subject, mood, style, camera and
    scene (setting, light, weather, action beats) as a short MP4 with poster and animation."""

    name = "preview"

    def generate(
        self, spec: dict[str, Any], *, out_dir: Path, progress: ProgressFn, cancelled: CancelFn
    ) -> EngineResult:
        avatar = media_store.spec_file(spec.get("avatar_image"))
        if spec.get("avatar_image") and avatar is None:
            log.warning("the avatar %s is gone; the clip is made without it", spec["avatar_image"])
        shot = Shot.from_spec({**spec, "avatar_image": str(avatar) if avatar else None})
        progress(0.0, gettext("Setting the scene"))
        renderer = ClipRenderer(
            shot,
            preview_text=gettext("PREVIEW"),
            ai_text=gettext("AI-generated"),
            # No sport chosen: the clip is the fan's winter scene, named as such, never a guessed sport.
            sport_text=gettext(SPORT_NAMES[shot.sport]) if shot.sport else gettext("Winter scene"),
        )
        total = shot.frames
        # Clean frames out of the renderer; write_clip keeps them as the master and labels the public copy.
        renderer.labelled = False

        def label(frame: np.ndarray, index: int) -> np.ndarray:
            return renderer.overlay.apply(frame, index / shot.fps, shot.duration_s)

        def frames() -> Iterator[np.ndarray]:
            for frame in renderer.frames():
                # Checked before every frame, so a cancel lands within one frame's time.
                if cancelled():
                    raise JobCanceled()
                yield frame

        def encoded(count: int) -> None:
            progress(
                FRAMES_SHARE * count / total,
                gettext("Rendering frame %(current)d/%(total)d") % {"current": count, "total": total},
            )

        metadata = {
            "ai_generated": True,
            "engine": self.name,
            "model": "procedural",
            "preview": True,
            "seed": shot.seed,
            "steps": 0,
            "sport": shot.sport,
            "style": shot.style,
            "emotion": shot.emotion,
            "camera": shot.camera,
            "setting": shot.setting,
            "light": shot.light,
            "weather": shot.weather,
            "beats": list(shot.beats),
            "fps": shot.fps,
            "frames": total,
            "width": shot.width,
            "height": shot.height,
            "duration_s": total / shot.fps,
        }
        files = write_clip(
            frames(),
            Path(out_dir),
            fps=shot.fps,
            width=shot.width,
            height=shot.height,
            metadata=metadata,
            frame_count=total,
            progress=encoded,
            label=label,
        )
        progress(1.0, gettext("Done"))
        return EngineResult(files=files, metadata=metadata)
