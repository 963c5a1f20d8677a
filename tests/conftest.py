"""Shared fixtures: factories for jobs and users, and a worker that records which jobs it was handed."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import translation


def pytest_collection_modifyitems(items):
    """Browser tests last: Playwright's sync API leaves an event loop running in the main thread, after which
    ``asyncio.run`` and Django's ORM (async-unsafe check) refuse to run in that thread."""
    items.sort(key=lambda item: item.get_closest_marker("e2e") is not None)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters (and cached pages) live in the cache, and the active language in the thread: each test
    starts from an empty cache and the default language."""
    cache.clear()
    yield
    cache.clear()
    # LocaleMiddleware leaves a test client request's language active in this thread: later tests would see it.
    translation.deactivate()


@pytest.fixture
def user(db):
    return get_user_model().objects.create_user("fan", "fan@example.org", "pw-fan-123456")


@pytest.fixture
def other_user(db):
    return get_user_model().objects.create_user("other", "other@example.org", "pw-other-123456")


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user("mod", "mod@example.org", "pw-mod-123456", is_staff=True)


@pytest.fixture
def enqueued(monkeypatch):
    """Capture jobs handed to Celery instead of sending them, as (job id, attempt) pairs."""
    sent: list[tuple[str, int]] = []
    monkeypatch.setattr("generation.services.enqueue", lambda job, attempt: sent.append((str(job.pk), attempt)))
    return sent


@pytest.fixture
def published(monkeypatch):
    """Capture published snapshots instead of sending them to the channel layer."""
    snapshots: list[dict] = []
    monkeypatch.setattr("generation.realtime.publish_job", snapshots.append)
    return snapshots
