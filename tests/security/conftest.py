from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

# Fixtures shared with the gallery tests.
from tests.contest.factories import FanFactory, contest, make_entry, second_moderator  # noqa: F401


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
def published_to_screens(monkeypatch):
    """Messages sent to museum screens (channel groups), instead of the channel layer."""
    sent: list[tuple[str, dict]] = []
    monkeypatch.setattr("generation.realtime.publish", lambda group, message: sent.append((group, message)))
    return sent
