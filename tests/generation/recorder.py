"""A job's side of an engine call in tests: records progress, cancels after ``cancel_after`` denoising steps."""

from __future__ import annotations


class Recorder:
    def __init__(self, cancel_after: int | None = None) -> None:
        self.calls: list[tuple[float, str]] = []
        self.cancel_after = cancel_after

    def progress(self, fraction: float, stage: str) -> None:
        self.calls.append((fraction, stage))

    def cancelled(self) -> bool:
        steps = sum(stage.startswith("Denoising") for _, stage in self.calls)
        return self.cancel_after is not None and steps >= self.cancel_after
