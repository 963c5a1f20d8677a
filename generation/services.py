"""Every change to a job goes through here: change the row, bump ``seq``, publish the snapshot after commit."""

from __future__ import annotations

import logging
import secrets
from datetime import datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from . import media_store, realtime
from .engines import engine_for_kind, queue_for_engine
from .models import Job, WorkerBeat

log = logging.getLogger(__name__)


class InvalidTransition(Exception):
    """The job is not in a state that allows the requested change."""

    def __init__(self, job: Job, to: str) -> None:
        super().__init__(f"job {job.id} cannot go from {job.status} to {to}")
        self.job = job
        self.to = to


def create_job(
    *,
    kind: str,
    spec: dict[str, Any],
    owner: Any = None,
    session_key: str = "",
    engine: str | None = None,
    public: bool = False,
) -> Job:
    """Create a queued job and hand it to a worker once the transaction commits."""
    engine = engine or engine_for_kind(kind)
    job = Job.objects.create(
        kind=kind,
        engine=engine,
        queue=queue_for_engine(engine),
        spec=spec,
        owner=owner if owner is not None and owner.is_authenticated else None,
        session_key=session_key or "",
        public=public,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        stage=_("Waiting in line"),
        seq=1,
    )
    job.published_snapshot = snapshot = job.snapshot()
    transaction.on_commit(lambda: (realtime.publish_job(snapshot), enqueue(job, attempt=1)))
    return job


def enqueue(job: Job, *, attempt: int) -> None:
    from .tasks import run_job  # the task module imports this one

    run_job.apply_async(args=[str(job.id), attempt], queue=job.queue)


def hide_files(job_id: Any) -> Job:
    """Move a finished job's files to a fresh random folder, so the URLs anyone has seen stop answering at once.

    For media that was public and is taken back (an entry rejected or taken down): the owner keeps the video at its
    new address, nginx (which serves the files from disk) and the media view answer 404 for the old one. Derived
    thumbnails are removed; they are made again from the new poster if the job becomes public again.
    """
    job = Job.objects.get(pk=job_id)
    files = dict((job.result or {}).get("files") or {})
    if not files:
        return job
    folder = f"jobs/{job.pk}/{secrets.token_urlsafe(9)}"
    moved = {}
    for role, name in files.items():
        new_name = f"{folder}/{PurePosixPath(name).name}"
        media_store.move_file(name, new_name)
        moved[role] = new_name
    (Path(settings.MEDIA_ROOT) / "thumbs" / f"{job.pk}.jpg").unlink(missing_ok=True)
    return change_job(job.pk, result={**job.result, "files": moved})


def change_job(job_id: Any, *, to: str | None = None, require: str | None = None, **fields: Any) -> Job:
    """Apply a change under a row lock, bump ``seq`` and publish the new snapshot after commit.

    ``to`` is a new status (checked against the state machine); ``require`` demands the current status.
    Raises ``InvalidTransition`` when the job is not in a state that allows the change.
    """
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job_id)
        was = job.status
        if require is not None and job.status != require:
            raise InvalidTransition(job, to or require)
        if to is not None and (to != job.status or job.is_finished):
            if not job.can_move_to(to):
                raise InvalidTransition(job, to)
            job.status = to
            if to in Job.FINISHED:
                job.finished = timezone.now()
        for name, value in fields.items():
            setattr(job, name, value)
        job.seq += 1
        job.save()
        job.published_snapshot = snapshot = job.snapshot()
        transaction.on_commit(lambda: realtime.publish_job(snapshot))
    if was == Job.Status.QUEUED and job.status != Job.Status.QUEUED:
        _refresh_queue(job.queue)
    return job


def _refresh_queue(queue: str, first: int = 10) -> None:
    """A job left the queue, so the ones behind it moved up: send the first few their new position."""
    waiting = list(
        Job.objects.filter(queue=queue, status=Job.Status.QUEUED)
        .order_by("created")
        .values_list("pk", flat=True)[:first]
    )
    if not waiting:
        return
    Job.objects.filter(pk__in=waiting, status=Job.Status.QUEUED).update(seq=F("seq") + 1)
    for waiting_job in Job.objects.filter(pk__in=waiting, status=Job.Status.QUEUED):
        realtime.publish_job(waiting_job.snapshot())


def claim_job(job_id: Any, *, attempt: int, worker: str) -> Job | None:
    """Mark the job running on ``worker`` for this delivery, or return None if the message is stale.

    A message whose attempt is behind the job's was superseded (the reaper re-sent it); a job still marked
    running under the same attempt is a re-delivery after its worker died, so this worker takes it over.
    """
    now = timezone.now()
    with transaction.atomic():
        job = Job.objects.select_for_update().filter(pk=job_id).first()
        if job is None or job.is_finished:
            return None
        fresh_start = job.status == Job.Status.QUEUED and job.attempts == attempt - 1
        takeover = job.status == Job.Status.RUNNING and job.attempts == attempt
        if not (fresh_start or takeover):
            return None
        was = job.status
        job.attempts = attempt if fresh_start else job.attempts + 1
        # The worker has no request: the fan's language comes from the job.
        with translation.override(job.language):
            if job.attempts > settings.WONDER_JOB_MAX_ATTEMPTS:
                return _fail_lost(job)
            job.stage = _("Starting")
        job.status = Job.Status.RUNNING
        job.started = job.started or now
        job.heartbeat = now
        job.worker = worker
        job.seq += 1
        job.save()
        snapshot = job.snapshot()
        transaction.on_commit(lambda: realtime.publish_job(snapshot))
    if was == Job.Status.QUEUED:
        _refresh_queue(job.queue)
    return job


def _fail_lost(job: Job) -> None:
    """Give up on a job whose workers keep dying; the caller holds the row lock."""
    job.status = Job.Status.FAILED
    job.finished = timezone.now()
    job.error_code = "worker_lost"
    job.error = _("The worker making this stopped unexpectedly several times. Please try again.")
    job.stage = _("Failed")
    job.seq += 1
    job.save()
    snapshot = job.snapshot()
    transaction.on_commit(lambda: realtime.publish_job(snapshot))
    return None


def report_progress(job_id: Any, progress: float, stage: str) -> Job:
    """Step progress from a running engine; raises ``InvalidTransition`` once the job stopped running."""
    return change_job(
        job_id,
        require=Job.Status.RUNNING,
        progress=min(max(float(progress), 0.0), 1.0),
        stage=stage[:120],
        heartbeat=timezone.now(),
    )


def succeed_job(job_id: Any, *, result: dict[str, Any], engine_params: dict[str, Any]) -> Job:
    return change_job(
        job_id,
        to=Job.Status.SUCCEEDED,
        require=Job.Status.RUNNING,
        progress=1.0,
        stage=_("Done"),
        result=result,
        engine_params=engine_params,
    )


def fail_job(job_id: Any, *, code: str, message: str) -> Job:
    return change_job(job_id, to=Job.Status.FAILED, stage=_("Failed"), error_code=code, error=message)


def cancel_job(job: Job) -> Job:
    """Cancel now: the row says canceled at once, and a running engine stops at its next step."""
    return change_job(job.pk, to=Job.Status.CANCELED, stage=_("Canceled"))


def touch_heartbeat(job_id: Any) -> bool:
    """Internal liveness only (not part of the snapshot): no ``seq`` bump, no publish."""
    return bool(Job.objects.filter(pk=job_id, status=Job.Status.RUNNING).update(heartbeat=timezone.now()))


def record_worker_beat(hostname: str, queues: list[str]) -> None:
    WorkerBeat.objects.update_or_create(
        hostname=hostname, defaults={"queues": ",".join(queues), "last_seen": timezone.now()}
    )


def reap_stale_jobs(*, heartbeat_before: datetime | None = None) -> list[str]:
    """Re-queue (or fail, past the attempt limit) running jobs whose heartbeat stopped. Returns their ids."""
    cutoff = heartbeat_before or timezone.now() - timedelta(seconds=settings.WONDER_JOB_STALE_S)
    reaped = []
    stale_ids = list(
        Job.objects.filter(status=Job.Status.RUNNING, heartbeat__lt=cutoff).values_list("pk", flat=True)[:100]
    )
    for job_id in stale_ids:
        with transaction.atomic():
            job = Job.objects.select_for_update().get(pk=job_id)
            if job.status != Job.Status.RUNNING or job.heartbeat is None or job.heartbeat >= cutoff:
                continue
            log.warning("job %s lost its worker %s (attempt %s)", job.pk, job.worker, job.attempts)
            with translation.override(job.language):
                if job.attempts >= settings.WONDER_JOB_MAX_ATTEMPTS:
                    _fail_lost(job)
                else:
                    job.status = Job.Status.QUEUED
                    job.progress = 0.0
                    job.stage = _("Retrying after a worker stopped")
                    job.worker = ""
                    job.seq += 1
                    job.save()
                    snapshot = job.snapshot()
                    attempt = job.attempts + 1
                    transaction.on_commit(
                        lambda job=job, snapshot=snapshot, attempt=attempt: (
                            realtime.publish_job(snapshot),
                            enqueue(job, attempt=attempt),
                        )
                    )
            reaped.append(str(job.pk))
    return reaped


def recover_embedded_jobs() -> list[str]:
    """Embedded mode keeps its queue in memory: after a restart, queued jobs have no message and running jobs
    no worker. Send the queued ones again and re-queue (or fail) the running ones. Returns their ids."""
    queued = list(Job.objects.filter(status=Job.Status.QUEUED).order_by("created"))
    for job in queued:
        enqueue(job, attempt=job.attempts + 1)
    return [str(job.pk) for job in queued] + reap_stale_jobs(heartbeat_before=timezone.now() + timedelta(days=1))
