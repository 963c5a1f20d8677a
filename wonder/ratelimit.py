"""Fixed-window rate limits counted in the cache (Redis when distributed, so every process agrees)."""

from __future__ import annotations

from django.core.cache import cache
from django.utils import timezone


def parse_rate(spec: str) -> tuple[int, int]:
    """``"60/60"`` -> (60 hits, 60 seconds); a bare count means per minute."""
    count, _slash, window = spec.partition("/")
    return int(count), int(window or 60)


def take(key: str, limit: int, window_s: int) -> bool:
    """Count one hit on ``key``: True while it stays under ``limit`` hits per ``window_s``."""
    bucket = f"rl:{key}:{int(timezone.now().timestamp() // window_s)}"
    cache.add(bucket, 0, window_s + 5)
    try:
        count = cache.incr(bucket)
    except ValueError:  # evicted between add and incr
        cache.set(bucket, 1, window_s + 5)
        count = 1
    return count <= limit


def allow(key: str, spec: str) -> bool:
    """``take`` with a ``"count/seconds"`` setting."""
    return take(key, *parse_rate(spec))
