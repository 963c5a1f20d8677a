"""Fixed-window rate limits counted in the cache (Redis when distributed, so every process agrees)."""

from __future__ import annotations

from django.conf import settings
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


def wait(key: str, spec: str) -> int:
    """Count one hit like :func:`allow`: 0 while allowed, else the seconds until the window turns (Retry-After)."""
    count, window_s = parse_rate(spec)
    if take(key, count, window_s):
        return 0
    return max(1, window_s - int(timezone.now().timestamp() % window_s))


class RateLimited(Exception):
    """Too many requests: ``retry_after`` seconds until the next one is accepted."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"rate limited for {retry_after} s")
        self.retry_after = retry_after


def check_anonymous_job(*, session_key: str, client_key: str) -> None:
    """Every job an anonymous visitor starts (video, time-slice, avatar) counts per session and per network, so
    one client cannot fill the queue ahead of everyone. Raises :class:`RateLimited`."""
    limits = (
        ("anon-job-session", session_key, settings.WONDER_ANON_JOB_RATE_SESSION),
        ("anon-job-ip", client_key, settings.WONDER_ANON_JOB_RATE_IP),
    )
    for name, who, spec in limits:
        if who:
            seconds = wait(f"{name}:{who}", spec)
            if seconds:
                raise RateLimited(seconds)
