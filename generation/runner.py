"""Runs one job on a worker: claim it, run its engine with throttled progress and a cancel check, record the end.

The Celery task is a thin adapter around :func:`execute`.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import secrets
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import close_old_connections
from django.utils import translation
from django.utils.translation import gettext as _

from wonder.logging import job_context

from . import llm, masters, media_store, services
from .engines import get_engine
from .engines.base import EngineError, EngineResult, JobCanceled
from .models import Job
from .prompting.llm import refine_video_prompt

log = logging.getLogger(__name__)


class JobProgress:
    """The ``progress`` and ``cancelled`` callables handed to an engine.

    Step progress is coalesced to one publish per interval (each is a database write and a message);
    status changes never pass through here, so none is ever dropped.
    """

    def __init__(self, job_id: Any, interval_s: float | None = None) -> None:
        self.job_id = job_id
        self.interval_s = settings.WONDER_PROGRESS_INTERVAL_S if interval_s is None else interval_s
        self._last_publish = 0.0
        self._last_check = 0.0
        self._canceled = False

    def __call__(self, fraction: float, stage: str) -> None:
        now = time.monotonic()
        if now - self._last_publish < self.interval_s:
            return
        self._last_publish = now
        try:
            services.report_progress(self.job_id, fraction, str(stage))
        except services.InvalidTransition:
            self._canceled = True
            raise JobCanceled() from None

    def cancelled(self) -> bool:
        now = time.monotonic()
        if not self._canceled and now - self._last_check >= self.interval_s:
            self._last_check = now
            self._canceled = not Job.objects.filter(pk=self.job_id, status=Job.Status.RUNNING).exists()
        return self._canceled


class Heartbeats:
    """One thread per process keeps the heartbeat of every job the process runs fresh, so the reaper leaves them
    alone. A thread per job cost a start and a join on every job (~2 ms of a short job under load, py-spy) for a
    beat due only every few seconds."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.jobs: set[Any] = set()
        self.thread: threading.Thread | None = None

    def add(self, job_id: Any) -> None:
        with self.lock:
            self.jobs.add(job_id)
            # Also after a fork: the child has the set but not the thread.
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self.beat_while_running, name="job-heartbeats", daemon=True)
                self.thread.start()

    def discard(self, job_id: Any) -> None:
        with self.lock:
            self.jobs.discard(job_id)

    def beat_while_running(self) -> None:
        """Beat every running job until none runs; then end (the next job's ``add`` starts a new thread)."""
        while True:
            time.sleep(settings.WONDER_JOB_HEARTBEAT_S)
            with self.lock:
                jobs = list(self.jobs)
                if not jobs:
                    # Decided under the lock: an ``add`` after this sees no thread and starts one.
                    self.thread = None
                    return
            for job_id in jobs:
                try:
                    services.touch_heartbeat(job_id)
                except Exception:  # a missed beat is harmless; the next one retries
                    log.exception("heartbeat of job %s failed", job_id)
            try:
                close_old_connections()
            except Exception:  # the thread must outlive a database hiccup: every running job depends on it
                log.exception("heartbeat thread could not close its database connections")


_heartbeats = Heartbeats()


@contextlib.contextmanager
def heartbeat(job_id: Any) -> Iterator[None]:
    """Keep the job's heartbeat fresh while the engine works, so the reaper leaves it alone."""
    _heartbeats.add(job_id)
    try:
        yield
    finally:
        _heartbeats.discard(job_id)


def job_output_dir(job: Job) -> Path:
    """A fresh folder per attempt, with a random name: output URLs are not guessable."""
    return Path(settings.MEDIA_ROOT) / "jobs" / str(job.pk) / secrets.token_urlsafe(9)


def result_payload(result: EngineResult) -> dict[str, Any]:
    media_root = Path(settings.MEDIA_ROOT).resolve()
    files = {role: Path(path).resolve().relative_to(media_root).as_posix() for role, path in result.files.items()}
    return {"files": files, "metadata": result.metadata}


def refine_prompt_once(job: Job) -> dict[str, Any]:
    """A video's spec with the optional LLM rewrite of its prompt, asked once per video and kept on the row.

    A re-delivered job (a worker died) reuses the first answer instead of asking again.
    """
    spec = job.spec
    if job.kind != "video" or "prompt_refined" in spec or not llm.configured():
        return spec
    refined = refine_video_prompt(spec)
    spec = {**spec, "prompt_refined": refined is not None}
    if refined:
        spec |= {"prompt_en_template": spec.get("prompt_en", ""), "prompt_en": refined}
    Job.objects.filter(pk=job.pk).update(spec=spec)
    return spec


def execute(job_id: Any, *, attempt: int, worker: str) -> str | None:
    """Run one delivery of a job; returns the final status, or None when the delivery was stale."""
    with job_context(job_id):
        return _execute(job_id, attempt=attempt, worker=worker)


def _execute(job_id: Any, *, attempt: int, worker: str) -> str | None:
    job = services.claim_job(job_id, attempt=attempt, worker=worker)
    if job is None:
        log.info("stale delivery (attempt %s) ignored", attempt)
        return None
    log.info("%s job started on %s (attempt %s, engine %s)", job.kind, worker, job.attempts, job.engine)
    out_dir = job_output_dir(job)
    progress = JobProgress(job.pk)
    published = False
    with translation.override(job.language), heartbeat(job.pk):
        try:
            engine = get_engine(job.engine)
            out_dir.mkdir(parents=True, exist_ok=True)
            spec = refine_prompt_once(job)
            result = engine.generate(spec, out_dir=out_dir, progress=progress, cancelled=progress.cancelled)
            params = {k: result.metadata[k] for k in ("engine", "model", "seed", "steps") if k in result.metadata}
            payload = result_payload(result)
            # Uploaded before the success is recorded: a fan never gets a URL that is not there yet.
            media_store.publish(out_dir)
            published = True
            done = services.succeed_job(job.pk, result=payload, engine_params=params)
            log.info("%s job succeeded in %.2f s", done.kind, (done.finished - done.started).total_seconds())
            return done.status
        except Exception as exc:
            # No result is kept from a run that did not succeed: not on disk, not in object storage.
            shutil.rmtree(out_dir, ignore_errors=True)
            masters.delete_for(out_dir)
            with contextlib.suppress(OSError):  # jobs/<uuid>/ itself, unless an earlier attempt left outputs
                out_dir.parent.rmdir()
            if published:
                _unpublish(out_dir)
            return _end_unsuccessfully(job.pk, exc)


def _unpublish(out_dir: Path) -> None:
    try:
        media_store.delete_tree(media_store.name_of(out_dir))
    except media_store.StorageUnavailable:
        log.exception("could not delete the published files of %s", out_dir)


def _end_unsuccessfully(job_id: Any, exc: Exception) -> str:
    """Record why a run stopped: canceled, a message the engine chose, a full disk, an unreachable media storage,
    or a generic failure."""
    if isinstance(exc, JobCanceled | services.InvalidTransition):
        return _cancel_if_running(job_id)
    if isinstance(exc, EngineError):
        return _fail(job_id, exc.code, exc.message)
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        log.error("job %s failed: no space left on the media disk (%s)", job_id, exc)
        return _fail(job_id, "disk_full", _("The server ran out of storage space. Please try again later."))
    if isinstance(exc, media_store.StorageUnavailable):
        log.error("job %s failed: media storage unavailable: %s", job_id, exc)
        message = _("Your creation could not be saved to the media storage. Please try again later.")
        return _fail(job_id, "storage_unavailable", message)
    log.exception("job %s failed", job_id, exc_info=exc)
    return _fail(job_id, "internal_error", _("Something went wrong while making this. Please try again."))


def _cancel_if_running(job_id: Any) -> str:
    """The engine stopped because the job was canceled (or noticed it was): make sure the row says so."""
    job = Job.objects.get(pk=job_id)
    if job.status == Job.Status.RUNNING:
        job = services.change_job(job_id, to=Job.Status.CANCELED, stage=_("Canceled"))
    return job.status


def _fail(job_id: Any, code: str, message: str) -> str:
    try:
        return services.fail_job(job_id, code=code, message=message).status
    except services.InvalidTransition as exc:  # canceled meanwhile: the user's choice stands
        return exc.job.status
