from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

# Fixtures shared with the security tests.
from tests.contest.factories import FanFactory, contest, make_entry, second_moderator  # noqa: F401


@pytest.fixture
def moderator(db):
    user = FanFactory().user
    user.groups.add(Group.objects.get_or_create(name="moderators")[0])
    return user
