from __future__ import annotations

import pytest
from django.core.cache import cache

from .factories import ContestFactory, FanFactory


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters live in the cache: each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def contest(db):
    return ContestFactory()


@pytest.fixture
def fan(db):
    return FanFactory().user


@pytest.fixture
def voter(db):
    return FanFactory().user
