"""/metrics: request latency by route, and the job system read from the database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.generation.factories import JobFactory

pytestmark = pytest.mark.django_db


def metric_lines(client, **headers) -> list[str]:
    response = client.get("/metrics", headers=headers)
    assert response.status_code == 200
    return response.content.decode().splitlines()


def test_job_metrics_come_from_the_database(client, settings):
    settings.DEBUG = True
    now = timezone.now()
    JobFactory(queue="gpu")
    JobFactory(queue="gpu")
    JobFactory(status="running", kind="video")
    for seconds in (2, 4, 6):
        JobFactory(status="succeeded", kind="video", started=now - timedelta(seconds=seconds), finished=now)
    JobFactory(status="failed", kind="video", finished=now)
    lines = metric_lines(client)
    assert 'wonder_queue_length{queue="gpu"} 2.0' in lines
    assert 'wonder_jobs_running{kind="video"} 1.0' in lines
    assert 'wonder_jobs_finished_last_hour{kind="video",status="failed"} 1.0' in lines
    assert 'wonder_job_duration_seconds_last_hour{kind="video",quantile="0.5"} 4.0' in lines


def test_request_latency_is_labelled_by_route_not_by_path(client, settings):
    settings.DEBUG = True
    client.get("/healthz")
    client.get("/api/jobs/00000000-0000-0000-0000-000000000000/")
    text = "\n".join(metric_lines(client))
    assert 'route="healthz",status="2xx"' in text
    assert 'route="api/jobs/<uuid:job_id>/",status="4xx"' in text
    assert "00000000-0000" not in text


def test_metrics_need_the_token_when_one_is_set(client, settings):
    settings.WONDER_METRICS_TOKEN = "s3cret"
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert metric_lines(client, Authorization="Bearer s3cret")


def test_metrics_are_hidden_in_production_without_a_token(client, settings):
    settings.DEBUG = False
    settings.WONDER_METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 404
