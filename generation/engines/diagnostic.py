"""A zero-cost engine that exercises the whole job path: used by ``selfcheck``, tests and benchmarks."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from .base import CancelFn, EngineResult, JobCanceled, ProgressFn

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
        return EngineResult(files={}, metadata={"engine": self.name, "steps": steps, "ai_generated": False})
