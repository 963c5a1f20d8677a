"""The in-process Celery worker of embedded mode (``manage.py serve``): same tasks, ``memory://`` transport."""

from __future__ import annotations

import logging
import socket
import threading

from django.conf import settings

from .services import recover_embedded_jobs
from .tasks import start_worker_beat

log = logging.getLogger(__name__)


def start_embedded_worker(concurrency: int = 2) -> threading.Thread:
    """Run a Celery worker on threads of this process, consuming every queue."""
    from wonder.celery import app

    recovered = recover_embedded_jobs()
    if recovered:
        log.warning("re-sent %d jobs left over from before this start", len(recovered))
    hostname = f"embedded@{socket.gethostname()}"
    own_queues = sorted(set(getattr(settings, "WONDER_ENGINE_QUEUES", {}).values()))
    queues = ["default", settings.WONDER_GPU_QUEUE, *own_queues]

    def run() -> None:
        # The bare WorkController sends no worker_ready signal, so start the heartbeat here.
        start_worker_beat(hostname, queues)
        worker = app.WorkController(
            hostname=hostname,
            pool="threads",
            concurrency=concurrency,
            queues=queues,
            without_heartbeat=True,
            without_mingle=True,
            without_gossip=True,
            # Periodic tasks (e.g. purging biometric data) need beat; embedded mode runs it in-process too.
            beat=True,
            schedule_filename=settings.CELERY_BEAT_SCHEDULE_FILENAME,
            loglevel="WARNING",
        )
        worker.start()

    thread = threading.Thread(target=run, name="wonder-embedded-worker", daemon=True)
    thread.start()
    return thread
