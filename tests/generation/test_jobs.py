"""The job spine without a server: state machine, seq, snapshots, queue, claiming, reaping, the runner."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from django.utils import timezone

from generation import runner, services
from generation.engines.base import EngineError, EngineResult
from generation.models import Job

from .factories import JobFactory

pytestmark = pytest.mark.django_db


def test_create_job_is_queued_published_and_enqueued_after_commit(
    enqueued, published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = services.create_job(kind="diagnostic", spec={"steps": 1}, session_key="s1")
    assert job.status == "queued" and job.seq == 1 and job.queue == "default"
    assert enqueued == [(str(job.pk), 1)]
    assert published[0]["status"] == "queued" and published[0]["queue_position"] == 1


def test_gpu_engines_route_to_the_gpu_queue(enqueued, settings):
    settings.WONDER_ENGINES = {**settings.WONDER_ENGINES, "video": "wan"}
    assert services.create_job(kind="video", spec={}).queue == "gpu"
    settings.WONDER_ENGINES = {**settings.WONDER_ENGINES, "video": "preview"}
    assert services.create_job(kind="video", spec={}).queue == "default"


def test_every_change_bumps_seq_and_publishes_a_full_snapshot(published, django_capture_on_commit_callbacks):
    job = JobFactory(status="running")
    with django_capture_on_commit_callbacks(execute=True):
        services.report_progress(job.pk, 0.5, "Half way")
        services.succeed_job(job.pk, result={"files": {}, "metadata": {}}, engine_params={})
    assert [s["seq"] for s in published] == [2, 3]
    assert published[0]["progress"] == 0.5 and published[0]["stage"] == "Half way"
    assert published[1]["status"] == "succeeded" and published[1]["progress"] == 1.0
    expected_keys = {"type", "id", "kind", "seq", "status", "progress", "stage", "queue_position", "eta_s"}
    assert expected_keys | {"preview_url", "result", "error"} <= set(published[1])


@pytest.mark.parametrize(
    "start,to,allowed",
    [
        ("queued", "running", True),
        ("queued", "canceled", True),
        ("queued", "succeeded", False),
        ("running", "succeeded", True),
        ("running", "queued", True),
        ("succeeded", "running", False),
        ("failed", "canceled", False),
        ("canceled", "running", False),
    ],
)
def test_state_machine(published, start, to, allowed):
    job = JobFactory(status=start)
    if allowed:
        assert services.change_job(job.pk, to=to).status == to
    else:
        with pytest.raises(services.InvalidTransition):
            services.change_job(job.pk, to=to)
        job.refresh_from_db()
        assert job.status == start and job.seq == 1


def test_progress_of_a_job_that_stopped_running_is_refused(published):
    job = JobFactory(status="canceled")
    with pytest.raises(services.InvalidTransition):
        services.report_progress(job.pk, 0.3, "late")


def test_queue_position_and_eta_from_recent_durations(published):
    now = timezone.now()
    for seconds in (10, 20, 30):
        JobFactory(status="succeeded", started=now - timedelta(seconds=seconds), finished=now, kind="timed")
    first = JobFactory(kind="timed", created=now - timedelta(seconds=3))
    second = JobFactory(kind="timed", created=now - timedelta(seconds=2))
    JobFactory(kind="timed", queue="gpu", created=now - timedelta(seconds=5))  # another queue: not ahead
    snapshot = second.snapshot()
    assert first.snapshot()["queue_position"] == 1
    assert snapshot["queue_position"] == 2
    assert snapshot["eta_s"] == pytest.approx(40.0)


def test_jobs_behind_a_started_job_are_told_their_new_position(published, django_capture_on_commit_callbacks):
    now = timezone.now()
    first = JobFactory(created=now - timedelta(seconds=2))
    second = JobFactory(created=now - timedelta(seconds=1))
    with django_capture_on_commit_callbacks(execute=True):
        services.claim_job(first.pk, attempt=1, worker="w1")
    update = [s for s in published if s["id"] == str(second.pk)]
    assert update and update[-1]["queue_position"] == 1 and update[-1]["seq"] == 2


def test_claim_starts_a_fresh_delivery_once(published):
    job = JobFactory()
    claimed = services.claim_job(job.pk, attempt=1, worker="w1")
    assert claimed.status == "running" and claimed.attempts == 1 and claimed.worker == "w1"
    # The same message again while the job runs is a re-delivery after a crash: taken over, counted.
    again = services.claim_job(job.pk, attempt=1, worker="w2")
    assert again.attempts == 2 and again.worker == "w2"
    # A message from an older attempt is stale.
    assert services.claim_job(job.pk, attempt=1, worker="w3") is None


def test_claim_speaks_the_fans_language_not_the_workers(published, django_capture_on_commit_callbacks):
    job = JobFactory(language="it")
    with django_capture_on_commit_callbacks(execute=True):
        assert services.claim_job(job.pk, attempt=1, worker="w1").stage == "Avvio in corso"
    assert published[-1]["stage"] == "Avvio in corso"


def test_claim_ignores_finished_and_canceled_jobs(published):
    assert services.claim_job(JobFactory(status="canceled").pk, attempt=1, worker="w") is None
    assert services.claim_job(JobFactory(status="succeeded").pk, attempt=1, worker="w") is None


def test_claim_past_the_attempt_limit_fails_with_a_clear_message(published, settings):
    settings.WONDER_JOB_MAX_ATTEMPTS = 2
    job = JobFactory(status="running", attempts=2)
    assert services.claim_job(job.pk, attempt=2, worker="w") is None
    job.refresh_from_db()
    assert job.status == "failed" and job.error_code == "worker_lost" and "stopped unexpectedly" in job.error


def test_reaper_requeues_a_job_whose_heartbeat_stopped(
    published, enqueued, settings, django_capture_on_commit_callbacks
):
    settings.WONDER_JOB_STALE_S = 30
    stale = JobFactory(status="running", attempts=1, heartbeat=timezone.now() - timedelta(seconds=60))
    fresh = JobFactory(status="running", attempts=1, heartbeat=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reap_stale_jobs() == [str(stale.pk)]
    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.status == "queued" and fresh.status == "running"
    assert enqueued == [(str(stale.pk), 2)]
    # The re-sent message starts it; the original message, if it ever comes back, is stale.
    assert services.claim_job(stale.pk, attempt=2, worker="w2").status == "running"
    assert services.claim_job(stale.pk, attempt=1, worker="w1") is None


def test_reaper_fails_a_job_out_of_attempts(published, enqueued, settings):
    settings.WONDER_JOB_MAX_ATTEMPTS = 2
    job = JobFactory(status="running", attempts=2, heartbeat=timezone.now() - timedelta(hours=1))
    services.reap_stale_jobs()
    job.refresh_from_db()
    assert job.status == "failed" and job.error_code == "worker_lost" and not enqueued


class FakeEngine:
    """An engine whose behaviour each test sets: it records the calls it gets."""

    def __init__(self, action):
        self.action = action

    def generate(self, spec, *, out_dir, progress, cancelled):
        return self.action(spec, out_dir, progress, cancelled)


def run_with(monkeypatch, action, **job_fields) -> Job:
    monkeypatch.setattr(runner, "get_engine", lambda name: FakeEngine(action))
    job = JobFactory(**job_fields)
    runner.execute(job.pk, attempt=1, worker="test")
    job.refresh_from_db()
    return job


def test_runner_records_success_with_files_under_media(monkeypatch, published, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    def action(spec, out_dir, progress, cancelled):
        (out_dir / "video.mp4").write_bytes(b"x")
        return EngineResult(files={"video": out_dir / "video.mp4"}, metadata={"engine": "fake", "seed": 7})

    job = run_with(monkeypatch, action)
    assert job.status == "succeeded" and job.engine_params == {"engine": "fake", "seed": 7}
    path = job.result["files"]["video"]
    assert path.startswith(f"jobs/{job.pk}/") and (tmp_path / path).exists()
    assert job.snapshot()["result"]["files"]["video"] == f"/media/{path}"


def test_runner_turns_engine_errors_into_a_failed_job_with_the_message(monkeypatch, published, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    def action(spec, out_dir, progress, cancelled):
        raise EngineError("out_of_memory", "The GPU ran out of memory.")

    job = run_with(monkeypatch, action)
    assert (job.status, job.error_code, job.error) == ("failed", "out_of_memory", "The GPU ran out of memory.")
    assert job.snapshot()["error"] == {"code": "out_of_memory", "message": "The GPU ran out of memory."}


def test_runner_hides_unexpected_exceptions_behind_a_friendly_message(monkeypatch, published, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path

    def action(spec, out_dir, progress, cancelled):
        raise KeyError("secret internals")

    job = run_with(monkeypatch, action)
    assert job.status == "failed" and job.error_code == "internal_error" and "secret" not in job.error


def test_runner_reports_a_full_disk_clearly(monkeypatch, published, settings, tmp_path, caplog):
    settings.MEDIA_ROOT = tmp_path

    def action(spec, out_dir, progress, cancelled):
        (out_dir / "video.partial.mp4").write_bytes(b"half")
        raise OSError(28, "No space left on device")

    job = run_with(monkeypatch, action)
    assert job.status == "failed" and job.error_code == "disk_full"
    assert "no space left on the media disk" in caplog.text  # operators see it, not only the fan
    assert not (tmp_path / "jobs" / str(job.pk)).exists()  # not even the job's empty folder


def test_cancel_during_a_run_stops_the_engine_and_keeps_canceled(monkeypatch, published, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.WONDER_PROGRESS_INTERVAL_S = 0
    steps = []

    def action(spec, out_dir, progress, cancelled):
        for step in range(10):
            if step == 3:
                services.cancel_job(Job.objects.get(kind="diagnostic"))
            progress(step / 10, f"step {step}")
            steps.append(step)
        raise AssertionError("the engine should have been stopped")

    job = run_with(monkeypatch, action)
    assert job.status == "canceled" and steps == [0, 1, 2]
    assert not any(tmp_path.glob("jobs/*/*/*")), "a canceled job leaves no files"


def test_progress_is_throttled_but_state_changes_are_not(
    monkeypatch, published, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    settings.WONDER_PROGRESS_INTERVAL_S = 60

    def action(spec, out_dir, progress, cancelled):
        for step in range(50):
            progress(step / 50, f"step {step}")
        return EngineResult(files={}, metadata={})

    with django_capture_on_commit_callbacks(execute=True):
        job = run_with(monkeypatch, action)
    statuses = [s["status"] for s in published]
    assert job.status == "succeeded"
    assert statuses.count("running") <= 2, "50 steps within the interval make at most one progress message"
    assert statuses[-1] == "succeeded"


def test_embedded_restart_resends_queued_jobs_and_requeues_running_ones(
    published, enqueued, django_capture_on_commit_callbacks
):
    queued = JobFactory()
    running = JobFactory(status="running", attempts=1, heartbeat=timezone.now())
    done = JobFactory(status="succeeded")
    with django_capture_on_commit_callbacks(execute=True):
        recovered = services.recover_embedded_jobs()
    assert set(recovered) == {str(queued.pk), str(running.pk)}
    assert sorted(enqueued) == sorted([(str(queued.pk), 1), (str(running.pk), 2)])
    running.refresh_from_db()
    done.refresh_from_db()
    assert running.status == "queued" and done.status == "succeeded"


def test_running_jobs_share_one_heartbeat_thread_that_lets_go_of_a_job_once_it_ends(settings, monkeypatch):
    """Each job started (and joined) a heartbeat thread of its own: ~2 ms of a short job under load, for a beat
    due only every few seconds. One thread per process now keeps every running job's heartbeat fresh."""
    settings.WONDER_JOB_HEARTBEAT_S = 0.01
    touched: list[str] = []
    monkeypatch.setattr("generation.services.touch_heartbeat", touched.append)
    monkeypatch.setattr(runner, "_heartbeats", runner.Heartbeats())  # a thread of this test's interval

    def beating() -> list[str]:
        return sorted(t.name for t in threading.enumerate() if t.name.startswith("job-heartbeat"))

    before = len(beating())
    with runner.heartbeat("a"), runner.heartbeat("b"):
        deadline = time.monotonic() + 5
        while not {"a", "b"} <= set(touched) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert {"a", "b"} <= set(touched) and len(beating()) == before + 1
    touched.clear()
    time.sleep(0.05)
    assert touched == []


def test_the_heartbeat_thread_survives_a_database_error_and_ends_when_no_job_runs(settings, monkeypatch):
    """An error outside a job's own beat (closing connections) ended the shared thread: every running job then
    stopped beating until another job started, and the reaper would take them for dead. Idle, the thread kept
    waking (and touching the database) forever."""
    settings.WONDER_JOB_HEARTBEAT_S = 0.01
    touched: list[str] = []
    monkeypatch.setattr("generation.services.touch_heartbeat", touched.append)
    closes = {"n": 0}

    def flaky_close() -> None:
        closes["n"] += 1
        if closes["n"] == 1:
            raise RuntimeError("database went away")

    monkeypatch.setattr(runner, "close_old_connections", flaky_close)
    beats = runner.Heartbeats()
    monkeypatch.setattr(runner, "_heartbeats", beats)
    with runner.heartbeat("a"):
        deadline = time.monotonic() + 5
        while closes["n"] < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        touched.clear()
        time.sleep(0.05)
        assert "a" in touched  # still beating after the error
    deadline = time.monotonic() + 5
    while beats.thread is not None and time.monotonic() < deadline:
        time.sleep(0.01)
    assert beats.thread is None
