"""Asking for a video holds the database's write lock only for the quota check and the new row.

On SQLite every transaction takes the write lock when it begins (``transaction_mode`` IMMEDIATE), so whatever runs
inside ``generate_video``'s transaction holds up every other writer of the site: the worker's heartbeat (which
``/readyz`` reads), votes, the running jobs' progress. Understanding the sentence and finding the fan's avatar are
slow (the first request of a process loads the language data) and need no lock, so they run before it is taken.
On the old code a live test saw the worker's heartbeat wait 2.9 s behind one such request on a busy machine, and
``/readyz`` answered 503.
"""

from __future__ import annotations

import pytest
from django.db import connection

from contest import services
from generation.models import Job

# Not wrapped in a test transaction: ``in_atomic_block`` then says whether the code itself opened one.
pytestmark = pytest.mark.django_db(transaction=True)


def test_the_sentence_is_understood_before_the_write_lock_is_taken(monkeypatch, enqueued):
    seen: dict[str, bool] = {}

    def spy(name, real):
        def call(*args, **kwargs):
            seen[name] = connection.in_atomic_block
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(services, "build_video_spec", spy("build_video_spec", services.build_video_spec))
    monkeypatch.setattr(services, "_avatar_image", spy("_avatar_image", services._avatar_image))
    job = services.generate_video(user=None, session_key="s1", text="a curling stone glides", ip="10.0.0.1")
    assert seen == {"build_video_spec": False, "_avatar_image": False}
    assert Job.objects.get().pk == job.pk and job.spec["sport"] == "curling"
