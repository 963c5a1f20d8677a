"""Biometric data is deleted on time (frozen clock): TTL after the job ends, on kiosk reset, and on "Delete now"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone

from avatars import services
from avatars.models import Avatar, Capture
from avatars.tasks import purge_expired
from generation.models import Job

T0 = datetime(2026, 2, 10, 12, 0, tzinfo=UTC)


@pytest.fixture
def clock(monkeypatch):
    """A clock that only moves when told: ``clock.now``, ``clock.advance(minutes=...)``."""

    class Clock:
        now = T0

        def advance(self, **delta) -> None:
            self.now += timedelta(**delta)

    clock = Clock()
    monkeypatch.setattr(timezone, "now", lambda: clock.now)
    return clock


@pytest.fixture
def capture(db, clock, selfie_bytes, settings):
    settings.WONDER_BIOMETRIC_TTL_MIN = 15
    return services.save_capture(session_key="visit", data=selfie_bytes, consented_at=clock.now)[0]


def finish(job: Job, when: datetime) -> None:
    Job.objects.filter(pk=job.pk).update(status=Job.Status.SUCCEEDED, finished=when)


def test_unused_capture_is_purged_after_the_ttl(capture, clock) -> None:
    clock.advance(minutes=14, seconds=59)
    assert services.purge_expired()["captures"] == 0
    assert capture.photo_path.exists()
    clock.advance(seconds=1)
    assert services.purge_expired()["captures"] == 1
    assert not capture.photo_path.exists()
    assert not Capture.objects.exists()


def test_capture_lives_ttl_after_its_job_ends(capture, clock, enqueued) -> None:
    avatar = services.start_avatar(session_key="visit", capture=capture, style="cartoon", sport="luge")
    clock.advance(minutes=20)  # the job is still queued: keep the photo it needs
    assert services.purge_expired()["captures"] == 0
    finish(avatar.job, clock.now)
    clock.advance(minutes=14)
    assert services.purge_expired()["captures"] == 0
    clock.advance(minutes=1)
    assert services.purge_expired()["captures"] == 1
    avatar.refresh_from_db()
    assert avatar.capture is None  # the avatar (stylised output) stays; the selfie is gone


def test_stuck_job_does_not_keep_the_photo_forever(capture, clock, enqueued) -> None:
    services.start_avatar(session_key="visit", capture=capture, style="cartoon", sport="luge")
    clock.advance(minutes=15 * services.HARD_LIMIT_TTLS)
    assert services.purge_expired()["captures"] == 1


def test_kiosk_reset_purges_the_session_at_once(capture) -> None:
    assert services.purge_session("visit") == 1
    assert not capture.photo_path.exists()
    assert services.purge_session("") == 0


def test_unclaimed_avatar_expires_claimed_one_stays(capture, clock, enqueued, user, settings) -> None:
    settings.WONDER_AVATAR_KEEP_H = 48
    kept = services.start_avatar(session_key="visit", capture=capture, style="comic", sport="luge")
    gone = services.start_avatar(session_key="visit", base="owl", style="comic", sport="luge")
    services.claim_avatar(kept, user)
    for avatar in (kept, gone):
        finish(avatar.job, clock.now)
    clock.advance(hours=48)
    assert services.purge_expired()["avatars"] == 1
    assert list(Avatar.objects.values_list("pk", flat=True)) == [kept.pk]


def test_delete_now_removes_avatar_files_and_photo(capture, clock, enqueued, settings) -> None:
    avatar = services.start_avatar(session_key="visit", capture=capture, style="comic", sport="luge")
    folder = settings.MEDIA_ROOT / "jobs" / str(avatar.job.pk)
    folder.mkdir(parents=True)
    (folder / "image.png").write_bytes(b"x")
    services.delete_avatar(avatar)
    assert not folder.exists() and not capture.photo_path.exists()
    assert not Avatar.objects.exists() and not Capture.objects.exists()
    assert Job.objects.get().status == Job.Status.CANCELED  # a running job is stopped, not pulled from under it


def test_orphan_files_are_swept(capture, clock, tmp_path) -> None:
    stray = capture.photo_path.parent / "0123abcd.jpg"
    stray.write_bytes(b"x")
    assert services.purge_expired(now=datetime.now(UTC) + timedelta(hours=1))["orphans"] == 1
    assert not stray.exists()


def test_celery_task_runs_the_purge(capture, clock) -> None:
    clock.advance(minutes=16)
    assert purge_expired.run() == {"captures": 1, "avatars": 0, "orphans": 0}
