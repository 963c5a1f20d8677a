"""Engine registry: job kinds choose an engine by settings; engines are built once per process."""

from __future__ import annotations

import threading

from django.conf import settings
from django.utils.module_loading import import_string

from .base import Engine

ENGINE_CLASSES = {
    "diagnostic": "generation.engines.diagnostic.DiagnosticEngine",
    "preview": "generation.engines.preview.PreviewVideoEngine",
    "wan": "generation.engines.wan.WanVideoEngine",
    "image": "generation.engines.diffusion_image.DiffusionImageEngine",
}


def engine_classes() -> dict[str, str]:
    """Engines of this app plus those other apps declare in ``WONDER_EXTRA_ENGINES`` (generation imports no app)."""
    return {**ENGINE_CLASSES, **settings.WONDER_EXTRA_ENGINES}


_instances: dict[str, Engine] = {}
_lock = threading.Lock()


def engine_for_kind(kind: str) -> str:
    try:
        return settings.WONDER_ENGINES[kind]
    except KeyError:
        raise ValueError(f"unknown job kind {kind!r}: add it to WONDER_ENGINES") from None


def queue_for_engine(name: str) -> str:
    """The Celery queue of an engine's jobs: its own queue when settings give it one, else GPU or default."""
    own = getattr(settings, "WONDER_ENGINE_QUEUES", {}).get(name)
    if own:
        return own
    return settings.WONDER_GPU_QUEUE if name in settings.WONDER_GPU_ENGINES else "default"


def get_engine(name: str) -> Engine:
    with _lock:
        if name not in _instances:
            _instances[name] = import_string(engine_classes()[name])()
        return _instances[name]
