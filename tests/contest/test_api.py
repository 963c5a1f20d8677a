"""The contest API with token auth: generate, enter, vote, arena, boards, errors as {error, message}; the schema."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from contest.models import Comparison, Entry, Vote
from generation.models import Job

from .factories import EntryFactory, VideoJobFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(fan):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=fan).key}")
    return client


def test_generate_then_enter_through_the_api(api, fan, contest, enqueued):
    response = api.post("/api/contest/videos/", {"text": "a biathlete in the snow"}, format="json")
    assert response.status_code == 201 and response.json()["status"] == "queued"
    assert Job.objects.get().owner == fan
    job = VideoJobFactory(owner=fan)
    response = api.post(
        "/api/contest/entries/", {"job": str(job.pk), "title": "Biathlon", "accept_rules": True}, format="json"
    )
    assert response.status_code == 201 and response.json()["state"] == "submitted"
    quotas = api.get("/api/contest/quotas/").json()
    assert quotas["generations"]["used"] == 2 and quotas["entries"]["left"] == 2


@pytest.mark.parametrize("text", ["", "   ", "x" * 5000, "\x00\x01\x02 ski"])
def test_bad_prompts_are_refused_with_nothing_saved(api, text):
    response = api.post("/api/contest/videos/", {"text": text}, format="json")
    assert response.status_code == 400 and not Job.objects.exists()


def test_vote_twice_and_on_ones_own_entry(api, fan):
    entry = EntryFactory()
    assert api.post(f"/api/contest/entries/{entry.pk}/vote/", {"value": 1}, format="json").status_code == 201
    again = api.post(f"/api/contest/entries/{entry.pk}/vote/", {"value": 1}, format="json")
    assert again.status_code == 409 and again.json()["error"] == "already_voted" and again.json()["message"]
    own = EntryFactory(author=fan)
    assert api.post(f"/api/contest/entries/{own.pk}/vote/", {}, format="json").json()["error"] == "own_entry"
    assert Vote.objects.count() == 1


def test_anonymous_cannot_vote(client):
    entry = EntryFactory()
    assert client.post(f"/api/contest/entries/{entry.pk}/vote/").status_code in (401, 403)


def test_arena_pair_and_judgement(api, contest):
    EntryFactory(contest=contest)
    EntryFactory(contest=contest)
    pair = api.get("/api/contest/arena/pair/").json()
    response = api.post("/api/contest/arena/judgements/", {"pair": pair["pair"], "choice": "tie"}, format="json")
    assert response.status_code == 201 and Comparison.objects.get().outcome == "tie"
    assert api.get("/api/contest/arena/pair/").status_code == 204
    assert api.get("/api/contest/boards/").status_code == 200


def test_moderation_endpoints_are_staff_only(api, staff):
    entry = EntryFactory(state=Entry.State.SUBMITTED)
    assert api.post(f"/api/contest/entries/{entry.pk}/approve/").status_code == 403
    moderator = APIClient()
    moderator.force_authenticate(staff)
    assert moderator.post(f"/api/contest/entries/{entry.pk}/approve/").json()["state"] == "approved"


def test_the_schema_documents_the_contest_api(client):
    schema = client.get("/api/schema/").content.decode()
    for path in [
        "/api/contest/entries/",
        "/api/contest/entries/{entry_id}/vote/",
        "/api/contest/arena/pair/",
        "/api/contest/arena/judgements/",
        "/api/contest/boards/",
        "/api/contest/results/",
        "/api/contest/entries/{entry_id}/scores/",
    ]:
        assert path in schema


def test_the_entry_list_costs_the_same_queries_for_3_or_30_entries(contest):
    client = APIClient()

    def queries_for(total: int) -> int:
        while Entry.objects.count() < total:
            EntryFactory(contest=contest, state="approved")
        with CaptureQueriesContext(connection) as captured:
            assert len(client.get("/api/contest/entries/").json()) == total
        return len(captured)

    assert queries_for(3) == queries_for(30)
