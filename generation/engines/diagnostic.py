"""A zero-cost engine that exercises the whole job path: used by ``selfcheck``, tests and benchmarks."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from django.utils.translation import gettext as _

from .base import CancelFn, EngineResult, JobCanceled, ProgressFn
from .outputs import ai_labeller, write_clip

MAX_STEPS = 100
MAX_DELAY_S = 1.0


class DiagnosticEngine:
    name = "diagnostic"

    def generate(
        self, spec: dict[str, Any], *, out_dir: Path, progress: ProgressFn, cancelled: CancelFn
    ) -> EngineResult:
        steps = min(max(int(spec.get("steps", 0)), 0), MAX_STEPS)
        delay = min(max(float(spec.get("delay_s", 0.0)), 0.0), MAX_DELAY_S)
        for step in range(1, steps + 1):
            if cancelled():
                raise JobCanceled()
            time.sleep(delay)
            progress(step / steps, _("Step %(step)d of %(steps)d") % {"step": step, "steps": steps})
        if not spec.get("video"):
            return EngineResult(files={}, metadata={"engine": self.name, "steps": steps, "ai_generated": False})
        # A tiny moving test card through the same writer as real engines: clean master + labelled public files.
        metadata = {"engine": self.name, "steps": steps, "ai_generated": True, "fps": VIDEO_FPS}
        files = write_clip(
            test_card(VIDEO_FRAMES),
            Path(out_dir),
            fps=VIDEO_FPS,
            width=VIDEO_SIZE[0],
            height=VIDEO_SIZE[1],
            metadata=metadata,
            frame_count=VIDEO_FRAMES,
            label=ai_labeller(VIDEO_SIZE[0], VIDEO_SIZE[1], _("AI-generated")),
        )
        return EngineResult(files=files, metadata=metadata)


VIDEO_SIZE, VIDEO_FPS, VIDEO_FRAMES = (320, 180), 8, 16


def test_card(count: int) -> Iterator[np.ndarray]:
    """Grey frames with a white square sliding left to right: cheap, and every frame differs."""
    w, h = VIDEO_SIZE
    for i in range(count):
        frame = np.full((h, w, 3), 96, np.uint8)
        x = int((w - 40) * i / max(1, count - 1))
        frame[h // 2 - 20 : h // 2 + 20, x : x + 40] = 255
        yield frame
