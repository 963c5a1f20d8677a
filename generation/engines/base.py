"""The one interface every generation engine implements.

An engine turns a job's ``spec`` (a plain JSON-able dict) into files in ``out_dir``. It reports progress
through ``progress(fraction, stage)`` and stops promptly, raising :class:`JobCanceled`, once ``cancelled()``
returns True. It knows nothing about jobs, Celery or sockets: the job runner adapts it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

ProgressFn = Callable[[float, str], None]
CancelFn = Callable[[], bool]


class JobCanceled(Exception):
    """Raised inside an engine (or by the progress callback) when the job was canceled."""


class EngineError(Exception):
    """A failure the user should read: ``code`` is stable for machines, ``message`` is translated text."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class EngineResult:
    """What an engine produced.

    ``files`` maps a role (``video``, ``poster``, ``animation``, ``image``, ...) to a file inside ``out_dir``.
    ``metadata`` always carries ``ai_generated: True`` and the engine's name, model, seed and steps.
    """

    files: dict[str, Path]
    metadata: dict[str, Any] = field(default_factory=dict)


class Engine(Protocol):
    name: str

    def generate(
        self, spec: dict[str, Any], *, out_dir: Path, progress: ProgressFn, cancelled: CancelFn
    ) -> EngineResult: ...
