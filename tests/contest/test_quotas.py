"""Daily video quotas and per-contest entry quotas: shown before they are hit, enforced when they are."""

from __future__ import annotations

import pytest
from django.test import override_settings

from contest import selectors, services
from generation.models import Job

from .factories import EntryFactory, VideoJobFactory

pytestmark = pytest.mark.django_db


@override_settings(WONDER_GENERATIONS_PER_DAY=2)
def test_a_fan_sees_what_is_left_and_is_stopped_at_the_limit(client, fan, enqueued):
    client.force_login(fan)
    assert "2 of 2 videos left today" in client.get("/").content.decode()
    client.post("/contest/videos/", {"text": "a curling stone glides"})
    assert "1 of 2 videos left today" in client.get("/").content.decode()
    client.post("/contest/videos/", {"text": "a curling stone glides"})
    response = client.post("/contest/videos/", {"text": "a curling stone glides"})
    assert response.status_code == 422 and "all 2 videos for today" in response.content.decode()
    assert Job.objects.count() == 2


@override_settings(WONDER_ANON_GENERATIONS_PER_DAY=1)
def test_visitors_get_a_few_tries_then_are_asked_to_sign_in(client, enqueued):
    assert client.post("/contest/videos/", {"text": "a luge rider"}).status_code == 302
    response = client.post("/contest/videos/", {"text": "a luge rider"})
    assert response.status_code == 422 and "Sign in to make more" in response.content.decode()
    assert Job.objects.count() == 1


@override_settings(WONDER_GENERATIONS_PER_DAY=1)
def test_a_video_that_failed_on_our_side_gives_the_try_back(client, fan, enqueued):
    client.force_login(fan)
    client.post("/contest/videos/", {"text": "a curling stone glides"})
    assert "0 of 1 videos left today" in client.get("/").content.decode()
    Job.objects.update(status=Job.Status.FAILED, error={"code": "disk_full", "message": "full"})
    assert "1 of 1 videos left today" in client.get("/").content.decode()
    assert client.post("/contest/videos/", {"text": "a curling stone glides"}).status_code == 302


def test_a_video_made_before_signing_in_comes_along(client, fan, enqueued):
    client.post("/contest/videos/", {"text": "a snowboarder spins"})
    job = Job.objects.get()
    assert job.owner is None
    client.post("/accounts/login/", {"login": fan.email, "password": "pw-fan-123456"})
    job.refresh_from_db()
    assert job.owner == fan


def test_entry_quota_counts_entries_but_not_rejected_ones(contest, fan, staff):
    for _ in range(2):
        EntryFactory(contest=contest, author=fan)
    rejected = EntryFactory(contest=contest, author=fan)
    services.reject_entry(entry_id=rejected.pk, moderator=staff, reason="quality")
    quota = selectors.entry_quota(user=fan, contest=contest)
    assert (quota.limit, quota.used, quota.left) == (3, 2, 1)
    services.enter_contest(user=fan, job_id=VideoJobFactory(owner=fan).pk, title="Third", accept_rules=True)
    with pytest.raises(services.ContestError) as error:
        services.enter_contest(user=fan, job_id=VideoJobFactory(owner=fan).pk, title="Fourth", accept_rules=True)
    assert error.value.code == "entry_quota_exceeded" and "all 3 entries" in error.value.message


def test_a_blocked_prompt_is_refused_by_the_service_too(fan, enqueued):
    from generation.prompting import check_prompt

    blocked = next(
        t
        for t in ["a skier with a gun shooting people", "kill the skater", "nude skater"]
        if check_prompt(t).action == "block"
    )
    with pytest.raises(services.ContestError) as error:
        services.generate_video(user=fan, session_key="", text=blocked)
    assert error.value.code == "blocked_prompt" and not Job.objects.exists()
