"""GET /api/jobs/<id>/, POST /api/jobs/<id>/cancel/ and the diagnostic job endpoint."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from generation.api import SELFCHECK_HEADER, selfcheck_token

from .factories import JobFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return APIClient()


def session_owned_job(client, **fields):
    client.get("/healthz")  # any request; then give the client a session
    session = client.session
    session.save()
    client.cookies["sessionid"] = session.session_key
    return JobFactory(session_key=session.session_key, **fields)


def test_owner_reads_the_snapshot(client, published):
    job = session_owned_job(client)
    response = client.get(f"/api/jobs/{job.pk}/")
    assert response.status_code == 200 and response.json()["id"] == str(job.pk)


def test_unknown_job_is_404(client):
    assert client.get(f"/api/jobs/{uuid.uuid4()}/").status_code == 404


def test_someone_elses_job_is_403_but_staff_and_public_may_read(client, other_user, staff):
    job = JobFactory(owner=other_user, session_key="")
    assert client.get(f"/api/jobs/{job.pk}/").status_code == 403
    client.force_authenticate(staff)
    assert client.get(f"/api/jobs/{job.pk}/").status_code == 200
    client.force_authenticate(None)
    job.public = True
    job.save()
    assert client.get(f"/api/jobs/{job.pk}/").status_code == 200


def test_a_public_job_may_be_watched_but_not_canceled_by_others(client, other_user, published):
    job = JobFactory(owner=other_user, public=True)
    assert client.post(f"/api/jobs/{job.pk}/cancel/").status_code == 403


def test_owner_cancels_a_queued_job(client, published):
    job = session_owned_job(client)
    response = client.post(f"/api/jobs/{job.pk}/cancel/")
    assert response.status_code == 200 and response.json()["status"] == "canceled"


def test_cancel_of_a_finished_job_is_409_with_a_message(client, published):
    job = session_owned_job(client, status="succeeded")
    response = client.post(f"/api/jobs/{job.pk}/cancel/")
    body = response.json()
    assert response.status_code == 409 and body["error"] == "already_finished"
    assert "already finished" in body["message"] and body["job"]["status"] == "succeeded"


def test_cancel_message_is_translated(client, published):
    job = session_owned_job(client, status="succeeded")
    response = client.post(f"/api/jobs/{job.pk}/cancel/", HTTP_ACCEPT_LANGUAGE="it")
    assert response.status_code == 409 and "already finished" not in response.json()["message"]


def test_diagnostic_jobs_need_staff_or_a_selfcheck_token(client, enqueued, staff):
    assert client.post("/api/jobs/diagnostic/", {"steps": 1}, format="json").status_code == 403
    bad = client.post("/api/jobs/diagnostic/", {"steps": 1}, format="json", **{f"HTTP_{'X_WONDER_SELFCHECK'}": "x"})
    assert bad.status_code == 403
    ok = client.post(
        "/api/jobs/diagnostic/", {"steps": 1}, format="json", headers={SELFCHECK_HEADER: selfcheck_token()}
    )
    assert ok.status_code == 201 and ok.json()["status"] == "queued"
    client.force_authenticate(staff)
    assert client.post("/api/jobs/diagnostic/", {"steps": 500}, format="json").status_code == 400


def test_starting_a_job_counts_the_queue_once_and_answers_what_it_published(
    client, enqueued, published, django_capture_on_commit_callbacks
):
    """The snapshot the API answers with is the one published at creation: the queue is counted once per request
    (it was counted twice, a third of the request's time in py-spy)."""
    JobFactory()  # one job ahead in the queue
    with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/jobs/diagnostic/", {"steps": 0}, format="json", headers={SELFCHECK_HEADER: selfcheck_token()}
        )
    counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"] and "generation_job" in q["sql"]]
    assert response.status_code == 201 and len(counts) == 1
    assert response.json() == published[-1] and response.json()["queue_position"] == 2


def test_schema_documents_the_job_endpoints(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200 and b"/api/jobs/{job_id}/cancel/" in response.content


def test_the_parse_api_uses_the_same_parser_as_the_command(client):
    response = client.post("/api/prompts/parse/", {"text": "@大聖 高台からスキーでジャンプ"}, format="json")
    body = response.json()
    assert response.status_code == 200
    assert (body["language"], body["sport"]) == ("ja", "ski-jumping")
    assert body["safety"]["action"] == "allow" and 80 <= len(body["prompt_en"].split()) <= 100


def test_the_parse_api_refuses_empty_and_huge_prompts_clearly(client):
    assert "text" in client.post("/api/prompts/parse/", {"text": "   "}, format="json").json()
    huge = client.post("/api/prompts/parse/", {"text": "a" * 5000}, format="json")
    assert huge.status_code == 400 and "500" in str(huge.json()["text"])
