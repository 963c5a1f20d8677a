from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from tests.contest.factories import ContestFactory, EntryFactory, FanFactory, VideoJobFactory


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """Rate-limit counters and cached QR codes live in the cache: each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def moderator(db):
    user = FanFactory().user
    user.groups.add(Group.objects.get_or_create(name="moderators")[0])
    return user


@pytest.fixture
def second_moderator(db):
    user = FanFactory().user
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def contest(db):
    return ContestFactory()


@pytest.fixture
def make_entry(contest):
    """An entry in any state; ``safety`` puts a safety verdict into its job's spec."""

    def make(state="submitted", safety=None, author=None, **fields):
        author = author or FanFactory().user
        spec = {"prompt": "a ski jumper flies", "prompt_en": "A ski jumper flies high", "sport": "ski-jumping"}
        if safety:
            spec["safety"] = safety
        job = VideoJobFactory(owner=author, public=state in ("approved", "shortlisted", "winner"), spec=spec)
        return EntryFactory(contest=contest, author=author, job=job, state=state, **fields)

    return make
