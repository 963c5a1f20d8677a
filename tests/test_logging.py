"""Logs carry the job they belong to; LOG_FORMAT=json writes one JSON object per line."""

from __future__ import annotations

import io
import json
import logging

import pytest

from generation import runner
from generation.engines.base import EngineResult
from tests.generation.factories import JobFactory
from wonder.logging import JobContextFilter, JsonFormatter

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_log():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(JobContextFilter())
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.addHandler(handler)
    level = root.level
    root.setLevel(logging.INFO)
    yield stream
    root.removeHandler(handler)
    root.setLevel(level)


def test_every_record_logged_while_a_job_runs_carries_its_id(monkeypatch, published, settings, tmp_path, json_log):
    settings.MEDIA_ROOT = tmp_path

    class Engine:
        def generate(self, spec, *, out_dir, progress, cancelled):
            logging.getLogger("some.engine").warning("engine says hello")
            return EngineResult(files={}, metadata={})

    monkeypatch.setattr(runner, "get_engine", lambda name: Engine())
    job = JobFactory()
    runner.execute(job.pk, attempt=1, worker="w")
    logging.getLogger("elsewhere").warning("after the job")
    records = [json.loads(line) for line in json_log.getvalue().splitlines()]
    engine_record = next(r for r in records if r["message"] == "engine says hello")
    assert engine_record["job_id"] == str(job.pk) and engine_record["level"] == "WARNING"
    assert any(r["message"].startswith("diagnostic job succeeded") for r in records)
    assert records[-1]["message"] == "after the job" and records[-1]["job_id"] == "-"
