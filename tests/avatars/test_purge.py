"""Biometric data is deleted on time (frozen clock): within the TTL of the capture whatever the job does, on kiosk
reset, and on "Delete now"."""

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


def test_unused_capture_is_purged_within_the_ttl_of_the_capture(capture, clock) -> None:
    # The purge runs every minute, so a capture is due one minute early: deleted by 15:00 however it falls.
    clock.advance(minutes=13, seconds=59)
    assert services.purge_expired()["captures"] == 0
    assert capture.photo_path.exists()
    clock.advance(seconds=1)
    assert services.purge_expired()["captures"] == 1
    assert not capture.photo_path.exists()
    assert not Capture.objects.exists()


def test_starting_an_avatar_does_not_extend_the_photos_life(capture, clock, enqueued) -> None:
    clock.advance(minutes=10)
    services.start_avatar(session_key="visit", capture=capture, style="cartoon", sport="luge")
    assert Capture.objects.get().expires_at == capture.expires_at <= capture.created + timedelta(minutes=15)


@pytest.mark.parametrize("state", [Job.Status.QUEUED, Job.Status.RUNNING])
def test_a_job_that_cannot_finish_in_time_fails_and_the_photo_goes_anyway(capture, clock, enqueued, state) -> None:
    avatar = services.start_avatar(session_key="visit", capture=capture, style="cartoon", sport="luge")
    Job.objects.filter(pk=avatar.job_id).update(status=state, language="it")
    clock.advance(minutes=15)  # stuck behind other jobs: the promise still holds
    assert services.purge_expired()["captures"] == 1
    assert not capture.photo_path.exists() and not Capture.objects.exists()
    job = Job.objects.get(pk=avatar.job_id)
    assert job.status == Job.Status.FAILED and job.error_code == "photo_expired"
    assert "15" in job.error


def test_the_engine_refuses_a_photo_past_its_deadline(capture, clock) -> None:
    from avatars.engines import usable_capture
    from generation.engines.base import EngineError

    assert usable_capture({"capture": str(capture.pk)}) == capture
    clock.advance(minutes=14)
    with pytest.raises(EngineError) as refused:
        usable_capture({"capture": str(capture.pk)})
    assert refused.value.code == "photo_expired"


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


def test_capture_expiry_follows_the_purge_schedule(settings) -> None:
    # The deadline leaves room for one purge period, whatever the schedule says (not a copy of its 60 s).
    from avatars.models import capture_expiry

    created = datetime(2026, 1, 1, tzinfo=UTC)
    ttl = timedelta(minutes=settings.WONDER_BIOMETRIC_TTL_MIN)
    schedule = {**settings.CELERY_BEAT_SCHEDULE}
    schedule["avatars-purge-expired"] = {**schedule["avatars-purge-expired"], "schedule": 30.0}
    settings.CELERY_BEAT_SCHEDULE = schedule
    assert capture_expiry(created) == created + ttl - min(timedelta(seconds=30), ttl / 4)
    schedule["avatars-purge-expired"] = {**schedule["avatars-purge-expired"], "schedule": 90.0}
    assert capture_expiry(created) == created + ttl - min(timedelta(seconds=90), ttl / 4)
