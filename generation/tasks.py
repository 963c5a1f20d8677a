"""Celery adapters for the job runner, and the worker's own heartbeat."""

from __future__ import annotations

import logging
import os
import threading

from celery import shared_task
from celery.signals import worker_ready
from django.conf import settings
from django.db import close_old_connections

from . import runner, services

log = logging.getLogger(__name__)


@shared_task(name="generation.run_job", acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def run_job(job_id: str, attempt: int = 1) -> str | None:
    worker = f"{run_job.request.hostname or 'worker'}:{os.getpid()}"
    try:
        return runner.execute(job_id, attempt=attempt, worker=worker)
    finally:
        close_old_connections()


@shared_task(name="generation.reap_stale_jobs", ignore_result=True)
def reap_stale_jobs() -> list[str]:
    return services.reap_stale_jobs()


def _beat_forever(hostname: str, queues: list[str], stop: threading.Event) -> None:
    """Say the worker is alive (for /readyz) and reap jobs whose own worker went silent."""
    while True:
        try:
            services.record_worker_beat(hostname, queues)
            services.reap_stale_jobs()
        except Exception:
            log.exception("worker heartbeat failed")
        finally:
            close_old_connections()
        if stop.wait(settings.WONDER_WORKER_BEAT_S):
            return


def start_worker_beat(hostname: str, queues: list[str]) -> threading.Event:
    stop = threading.Event()
    threading.Thread(
        target=_beat_forever, args=(hostname, queues, stop), name="wonder-worker-beat", daemon=True
    ).start()
    return stop


@worker_ready.connect
def on_worker_ready(sender=None, **kwargs) -> None:
    queues = sorted(q.name for q in sender.task_consumer.queues) if sender and sender.task_consumer else []
    start_worker_beat(sender.hostname if sender else "worker", queues)
    if settings.WONDER_GPU_QUEUE in queues:
        # Load the models before the first job arrives, not during it.
        from .engines.pipelines import warm_up

        log.info("warmed up: %s", warm_up())
