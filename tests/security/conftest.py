from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from tests.contest.factories import ContestFactory, EntryFactory, FanFactory, VideoJobFactory


@pytest.fixture
def contest(db):
    return ContestFactory()


@pytest.fixture
def moderator(db):
    """Staff (the API's moderator endpoints and the admin want staff) in the moderators group."""
    user = FanFactory().user
    user.is_staff = True
    user.is_superuser = True
    user.save()
    user.groups.add(Group.objects.get_or_create(name="moderators")[0])
    return user


@pytest.fixture
def second_moderator(db):
    user = FanFactory().user
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def make_entry(contest):
    def make(state="submitted", author=None, result=None, **fields):
        author = author or FanFactory().user
        extra = {"result": result} if result is not None else {}
        job = VideoJobFactory(
            owner=author, public=state in ("approved", "shortlisted", "winner"), spec={"sport": "ski-jumping"}, **extra
        )
        return EntryFactory(contest=contest, author=author, job=job, state=state, **fields)

    return make


@pytest.fixture
def published_to_screens(monkeypatch):
    """Messages sent to museum screens (channel groups), instead of the channel layer."""
    sent: list[tuple[str, dict]] = []
    monkeypatch.setattr("generation.realtime.publish", lambda group, message: sent.append((group, message)))
    return sent
