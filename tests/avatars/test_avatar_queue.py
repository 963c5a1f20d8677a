"""Avatar jobs have a queue of their own: a visitor at the booth never waits behind contest videos."""

from __future__ import annotations

import pytest

from avatars import services
from generation.engines import queue_for_engine


@pytest.mark.parametrize("engine", ["avatar-preview", "avatar-faceid"])
def test_avatar_engines_go_to_the_avatar_queue_not_the_video_ones(engine, settings) -> None:
    assert queue_for_engine(engine) == settings.WONDER_AVATAR_QUEUE == "avatar"
    assert queue_for_engine("wan") == settings.WONDER_GPU_QUEUE
    assert queue_for_engine("preview") == "default"


def test_an_avatar_job_is_queued_on_the_avatar_queue(db, enqueued, published) -> None:
    avatar = services.start_avatar(session_key="kiosk", base="owl", style="comic", sport="luge")
    assert avatar.job.queue == "avatar"


def test_the_embedded_worker_consumes_the_avatar_queue(monkeypatch) -> None:
    from generation import embedded

    seen = {}

    class Thread:
        def __init__(self, target, name, daemon) -> None:
            self.target = target

        def start(self) -> None:
            pass

    class App:
        def WorkController(self, **kwargs):  # noqa: N802 (Celery's name)
            seen.update(kwargs)
            return type("W", (), {"start": lambda self: None})()

    monkeypatch.setattr(embedded, "recover_embedded_jobs", lambda: [])
    monkeypatch.setattr(embedded, "start_worker_beat", lambda *a: None)
    monkeypatch.setattr(embedded.threading, "Thread", Thread)
    monkeypatch.setattr("wonder.celery.app", App())
    thread = embedded.start_embedded_worker()
    thread.target()
    assert "avatar" in seen["queues"]
