"""Entering a finished video, the guarded entry state machine, and nothing public before approval."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from contest import services
from contest.models import Entry
from generation.models import Job

from .factories import ContestFactory, EntryFactory, FanFactory, VideoJobFactory

pytestmark = pytest.mark.django_db


def enter(user, job, **kwargs):
    return services.enter_contest(
        user=user,
        job_id=job.pk,
        title=kwargs.pop("title", "My jump"),
        accept_rules=kwargs.pop("accept_rules", True),
        **kwargs,
    )


def test_a_verified_fan_enters_a_finished_video_which_waits_for_review(contest, fan):
    job = VideoJobFactory(owner=fan)
    entry = enter(fan, job)
    assert entry.state == Entry.State.SUBMITTED and entry.contest == contest and entry.sport == "ski-jumping"
    assert entry.rules_accepted and not Job.objects.get(pk=job.pk).public


@pytest.mark.parametrize(
    "change,code",
    [
        ({"title": "   "}, "title_required"),
        ({"accept_rules": False}, "rules_not_accepted"),
        ({"title": "x" * 81}, "title_too_long"),
    ],
)
def test_bad_entry_input_is_refused_and_nothing_saved(contest, fan, change, code):
    with pytest.raises(services.ContestError) as error:
        enter(fan, VideoJobFactory(owner=fan), **change)
    assert error.value.code == code and error.value.message
    assert not Entry.objects.exists()


def test_unverified_fans_cannot_enter(contest):
    user = FanFactory(verified=False).user
    with pytest.raises(services.ContestError, match="confirm your e-mail"):
        enter(user, VideoJobFactory(owner=user))


def test_only_ones_own_finished_video_of_an_allowed_sport_and_length(contest, fan, other_user):
    with pytest.raises(services.ContestError) as error:
        enter(fan, VideoJobFactory(owner=other_user))
    assert error.value.code == "not_your_video"
    with pytest.raises(services.ContestError) as error:
        enter(fan, VideoJobFactory(owner=fan, status=Job.Status.RUNNING, result=None))
    assert error.value.code == "video_not_ready"
    contest.allowed_sports = ["curling"]
    contest.save()
    with pytest.raises(services.ContestError) as error:
        enter(fan, VideoJobFactory(owner=fan))
    assert error.value.code == "sport_not_allowed"
    contest.allowed_sports, contest.max_video_s = [], 4
    contest.save()
    with pytest.raises(services.ContestError) as error:
        enter(fan, VideoJobFactory(owner=fan))
    assert error.value.code == "bad_length"


def test_the_same_video_cannot_be_entered_twice(contest, fan):
    job = VideoJobFactory(owner=fan)
    enter(fan, job)
    with pytest.raises(services.ContestError) as error:
        enter(fan, job)
    assert error.value.code == "already_entered" and Entry.objects.count() == 1


def test_entries_outside_the_submission_window_are_refused(fan):
    ContestFactory(submissions_close=timezone.now() - timedelta(minutes=1))
    with pytest.raises(services.ContestError) as error:
        enter(fan, VideoJobFactory(owner=fan))
    assert error.value.code == "submissions_closed"


def test_approval_makes_the_entry_and_its_video_public(contest, fan, staff):
    entry = enter(fan, VideoJobFactory(owner=fan))
    services.approve_entry(entry_id=entry.pk, moderator=staff)
    entry.refresh_from_db()
    assert entry.state == Entry.State.APPROVED and entry.decided_by == staff and entry.job.public


def test_rejection_needs_a_reason_and_is_final(contest, fan, staff):
    entry = enter(fan, VideoJobFactory(owner=fan))
    with pytest.raises(services.ContestError) as error:
        services.reject_entry(entry_id=entry.pk, moderator=staff, reason="")
    assert error.value.code == "reason_required"
    services.reject_entry(entry_id=entry.pk, moderator=staff, reason="off_topic", note="Tennis is not a winter sport")
    entry.refresh_from_db()
    assert entry.state == Entry.State.REJECTED and entry.reject_note.startswith("Tennis") and not entry.job.public
    with pytest.raises(services.ContestError) as error:
        services.approve_entry(entry_id=entry.pk, moderator=staff)
    assert error.value.code == "invalid_transition"


def test_rejecting_an_approved_entry_takes_its_video_down(staff):
    entry = EntryFactory()
    services.reject_entry(entry_id=entry.pk, moderator=staff, reason="unsafe")
    assert not Job.objects.get(pk=entry.job_id).public


@pytest.mark.parametrize(
    "path,allowed",
    [
        (["submitted", "approved", "shortlisted", "winner"], True),
        (["submitted", "shortlisted"], False),
        (["approved"], False),
    ],
)
def test_the_state_machine_only_allows_its_moves(path, allowed):
    entry = Entry(state=Entry.State.DRAFT)
    ok = True
    for state in path:
        ok = ok and entry.can_move_to(state)
        entry.state = state
    assert ok is allowed


def test_the_page_of_an_entry_is_hidden_until_approved(client, contest, fan, staff):
    entry = enter(fan, VideoJobFactory(owner=fan))
    assert client.get(f"/contest/entries/{entry.pk}/").status_code == 404
    assert client.get("/api/contest/entries/").json() == []
    services.approve_entry(entry_id=entry.pk, moderator=staff)
    page = client.get(f"/contest/entries/{entry.pk}/").content.decode()
    assert 'property="og:video"' in page and 'property="og:image"' in page and "poster.jpg" in page
    assert [e["id"] for e in client.get("/api/contest/entries/").json()] == [entry.pk]


def test_entering_from_the_video_page(client, contest, fan):
    job = VideoJobFactory(owner=fan)
    client.force_login(fan)
    page = client.get(f"/contest/videos/{job.pk}/").content.decode()
    assert "Enter the contest" in page and "/contest/s/" in page and "Try again with a new seed" in page
    response = client.post(f"/contest/videos/{job.pk}/enter/", {"title": "Flying grandma", "accept_rules": "on"})
    entry = Entry.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/contest/entries/{entry.pk}/"
    other = VideoJobFactory(owner=fan)
    response = client.post(f"/contest/videos/{other.pk}/enter/", {"title": "Again"})
    assert response.status_code == 422 and "accept the contest rules" in response.content.decode()


def test_a_shared_link_shows_the_video_with_open_graph_tags(client, fan):
    job = VideoJobFactory(owner=fan)
    client.force_login(fan)
    page = client.get(f"/contest/videos/{job.pk}/").content.decode()
    link = page.split('id="share-url" readonly value="')[1].split('"')[0]
    client.logout()
    shared = client.get(link.replace("http://testserver", ""))
    body = shared.content.decode()
    assert shared.status_code == 200 and 'property="og:video" content="http://testserver/media/jobs/' in body
    assert client.get("/contest/s/forged-token/").status_code == 404


def test_history_lists_the_fans_videos_with_their_entries(client, contest, fan):
    entered, fresh = VideoJobFactory(owner=fan), VideoJobFactory(owner=fan)
    enter(fan, entered, title="Entered one")
    client.force_login(fan)
    page = client.get("/contest/me/").content.decode()
    assert "Entered one" in page and f"/contest/videos/{fresh.pk}/#enter" in page
