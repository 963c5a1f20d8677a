"""Red team, moderation: no side door around the audit log, every actor recorded, taken-back media dies."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from contest.models import Entry
from gallery import services as gallery
from gallery.models import ModerationLog, Report
from tests.contest.factories import FanFactory, VideoJobFactory

pytestmark = pytest.mark.django_db


def _logged(entry: Entry, action: str, actor) -> bool:
    return ModerationLog.objects.filter(entry=entry, action=action, actor=actor).exists()


def test_api_approve_writes_the_audit_log_and_tells_the_screens(
    client, moderator, make_entry, published_to_screens, django_capture_on_commit_callbacks
):
    entry = make_entry("submitted")
    client.force_login(moderator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("contest:api-approve", args=[entry.pk]))
    assert response.status_code == 200, response.content
    assert _logged(entry, "approve", moderator)
    assert ("museum", {"type": "museum.changed", "reason": "publish", "removed": []}) in published_to_screens


def test_api_approve_respects_another_moderators_claim(client, moderator, second_moderator, make_entry):
    entry = make_entry("submitted")
    gallery.claim_entry(entry_id=entry.pk, moderator=second_moderator)
    client.force_login(moderator)
    response = client.post(reverse("contest:api-approve", args=[entry.pk]))
    assert response.status_code == 409
    entry.refresh_from_db()
    assert entry.state == Entry.State.SUBMITTED


def test_api_reject_resolves_reports_and_is_audited(client, moderator, make_entry):
    entry = make_entry("approved")
    Report.objects.create(entry=entry, reason=Report.Reason.SPAM)
    client.force_login(moderator)
    response = client.post(
        reverse("contest:api-reject", args=[entry.pk]), {"reason": "unsafe"}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert _logged(entry, "reject", moderator)
    assert not Report.objects.filter(entry=entry, resolved__isnull=True).exists()


@pytest.mark.parametrize(
    ("start", "admin_action", "end", "logged_as"),
    [
        ("submitted", "approve", Entry.State.APPROVED, "approve"),
        ("submitted", "reject_unsafe", Entry.State.REJECTED, "reject"),
        ("approved", "shortlist", Entry.State.SHORTLISTED, "shortlist"),
    ],
)
def test_admin_actions_are_audited_with_the_moderator(
    client, moderator, make_entry, start, admin_action, end, logged_as
):
    entry = make_entry(start)
    client.force_login(moderator)
    response = client.post(
        reverse("admin:contest_entry_changelist"), {"action": admin_action, "_selected_action": [entry.pk]}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.state == end
    assert _logged(entry, logged_as, moderator)


def test_admin_cannot_set_the_state_or_swap_the_job(client, moderator, make_entry):
    entry = make_entry("submitted")
    client.force_login(moderator)
    page = client.get(reverse("admin:contest_entry_change", args=[entry.pk])).content.decode()
    assert 'name="state"' not in page
    assert 'name="job"' not in page
    other_job = VideoJobFactory(owner=entry.author)
    client.post(
        reverse("admin:contest_entry_change", args=[entry.pk]),
        {"state": "approved", "job": str(other_job.pk), "title": entry.title, "contest": entry.contest_id},
    )
    entry.refresh_from_db()
    assert entry.state == Entry.State.SUBMITTED and entry.job_id != other_job.pk


def test_announcing_records_who_announced(moderator, make_entry, contest):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    contest.submissions_close = now - timedelta(hours=2)
    contest.voting_close = now - timedelta(minutes=1)
    contest.save()
    entry = make_entry("shortlisted")
    gallery.announce_results(contest_id=contest.pk, by=moderator)
    contest.refresh_from_db()
    assert contest.announced_by == moderator
    assert _logged(entry, "announce", moderator)


def _real_video(settings, tmp_path) -> dict:
    settings.MEDIA_ROOT = str(tmp_path)
    folder = Path(tmp_path) / "jobs" / "x" / "abc123"
    folder.mkdir(parents=True)
    (folder / "video.mp4").write_bytes(b"\x00" * 64)
    (folder / "poster.jpg").write_bytes(b"\xff\xd8" + b"\x00" * 30)
    return {
        "files": {"video": "jobs/x/abc123/video.mp4", "poster": "jobs/x/abc123/poster.jpg"},
        "metadata": {"duration_s": 5.0},
    }


def test_a_taken_down_video_stops_being_served_at_its_known_url(
    client, moderator, make_entry, settings, tmp_path, django_capture_on_commit_callbacks
):
    entry = make_entry("approved", result=_real_video(settings, tmp_path))
    url = entry.job.public_result()["files"]["video"]
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        gallery.take_down_entry(entry_id=entry.pk, moderator=moderator)
    assert client.get(url).status_code == 404
    assert not (Path(tmp_path) / "jobs" / "x" / "abc123" / "video.mp4").exists()  # nginx serves from disk too
    # The author still has the video, at a new, unguessable address.
    entry.job.refresh_from_db()
    assert (Path(tmp_path) / entry.job.result["files"]["video"]).is_file()


def test_a_rejected_public_video_stops_being_served(
    client, moderator, make_entry, settings, tmp_path, django_capture_on_commit_callbacks
):
    entry = make_entry("approved", result=_real_video(settings, tmp_path))
    url = entry.job.public_result()["files"]["poster"]
    assert client.get(url).status_code == 200  # served before, so the 404 below is the rejection's doing
    with django_capture_on_commit_callbacks(execute=True):
        gallery.reject(entry_id=entry.pk, moderator=moderator, reason="unsafe")
    assert client.get(url).status_code == 404


def test_an_api_draft_can_be_submitted(client, contest):
    fan = FanFactory().user
    job = VideoJobFactory(owner=fan, spec={"sport": "ski-jumping", "prompt": "go"})
    client.force_login(fan)
    made = client.post(
        reverse("contest:api-entries"),
        {"job": str(job.pk), "title": "Later", "submit": False},
        content_type="application/json",
    )
    assert made.status_code == 201 and made.json()["state"] == "draft"
    response = client.post(
        f"/api/contest/entries/{made.json()['id']}/submit/", {"accept_rules": True}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert Entry.objects.get(pk=made.json()["id"]).state == Entry.State.SUBMITTED


def test_a_time_slice_of_a_taken_down_entry_stops_being_served(
    client, moderator, make_entry, settings, tmp_path, django_capture_on_commit_callbacks
):
    entry = make_entry("approved", result=_real_video(settings, tmp_path))
    folder = Path(tmp_path) / "jobs" / "ts" / "xyz789"
    folder.mkdir(parents=True)
    (folder / "image.png").write_bytes(b"\x89PNG" + b"\x00" * 30)
    still = VideoJobFactory(
        kind="timeslice",
        spec={"video": "jobs/x/abc123/video.mp4", "entry": entry.pk},
        result={"files": {"image": "jobs/ts/xyz789/image.png"}, "metadata": {}},
    )
    url = still.public_result()["files"]["image"]
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        gallery.take_down_entry(entry_id=entry.pk, moderator=moderator)
    assert client.get(url).status_code == 404
