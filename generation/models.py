"""The job: the one record of truth for every slow thing (a video, an avatar, an itinerary agent run)."""

from __future__ import annotations

import statistics
import uuid
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import media_store


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")
        CANCELED = "canceled", _("Canceled")

    FINISHED = frozenset({Status.SUCCEEDED, Status.FAILED, Status.CANCELED})
    # The state machine; "running -> queued" is a re-delivery after a worker was lost.
    TRANSITIONS: dict[str, frozenset[str]] = {
        Status.QUEUED: frozenset({Status.RUNNING, Status.FAILED, Status.CANCELED}),
        Status.RUNNING: frozenset({Status.SUCCEEDED, Status.FAILED, Status.CANCELED, Status.QUEUED}),
        Status.SUCCEEDED: frozenset(),
        Status.FAILED: frozenset(),
        Status.CANCELED: frozenset(),
    }

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=32, db_index=True)
    engine = models.CharField(max_length=32)
    queue = models.CharField(max_length=32, default="default")
    spec = models.JSONField(default=dict, blank=True, help_text="What the engine is asked to make.")
    engine_params = models.JSONField(default=dict, blank=True, help_text="Model, seed, steps ... as run.")
    language = models.CharField(max_length=16, default="en", help_text="Language of the stage texts.")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="jobs"
    )
    session_key = models.CharField(max_length=64, blank=True, db_index=True)
    public = models.BooleanField(default=False, help_text="Anyone may watch (e.g. a published entry).")

    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    progress = models.FloatField(default=0.0)
    stage = models.CharField(max_length=120, blank=True)
    seq = models.PositiveIntegerField(default=0)
    error_code = models.CharField(max_length=64, blank=True)
    error = models.TextField(blank=True)
    result = models.JSONField(null=True, blank=True)

    created = models.DateTimeField(default=timezone.now, db_index=True)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)
    heartbeat = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    worker = models.CharField(max_length=200, blank=True)

    # Not a column: the snapshot the last change made through generation.services published (None until then).
    # A request answering with the state it just created reuses it instead of counting the queue a second time.
    published_snapshot: dict[str, Any] | None = None

    class Meta:
        ordering = ["-created"]
        indexes = [models.Index(fields=["queue", "status", "created"], name="job_queue_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__gte=0) & models.Q(progress__lte=1), name="job_progress_0_1"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["queued", "running", "succeeded", "failed", "canceled"]),
                name="job_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.id} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED

    def can_move_to(self, status: str) -> bool:
        return status in self.TRANSITIONS[self.status]

    def can_view(self, user: Any, session_key: str | None) -> bool:
        """Owner (user or visitor session), staff, or anyone once the job is public."""
        if self.public or (user is not None and user.is_authenticated and user.is_staff):
            return True
        if self.owner_id is not None and user is not None and user.is_authenticated:
            return self.owner_id == user.pk
        return bool(self.session_key) and self.session_key == session_key

    def can_control(self, user: Any, session_key: str | None) -> bool:
        """Owner or staff: being allowed to watch a public job is not being allowed to cancel it."""
        if user is not None and user.is_authenticated and user.is_staff:
            return True
        if self.owner_id is not None:
            return user is not None and user.is_authenticated and self.owner_id == user.pk
        return bool(self.session_key) and self.session_key == session_key

    def queue_position(self) -> int | None:
        """1 for the next job to start, 2 for the one after, ...; None unless queued."""
        if self.status != self.Status.QUEUED:
            return None
        ahead = Job.objects.filter(queue=self.queue, status=self.Status.QUEUED, created__lt=self.created).count()
        return ahead + 1

    def eta_seconds(self, position: int | None) -> float | None:
        typical = typical_duration_s(self.kind)
        if self.status == self.Status.QUEUED:
            return round((position or 1) * typical, 1) if typical else None
        if self.status == self.Status.RUNNING and self.started:
            elapsed = (timezone.now() - self.started).total_seconds()
            if self.progress >= 0.05:
                return round(max(elapsed / self.progress - elapsed, 0.0), 1)
            return round(max(typical - elapsed, 0.0), 1) if typical else None
        return None

    def snapshot(self) -> dict[str, Any]:
        """The full state sent over the socket and the API (DESIGN.md contract)."""
        position = self.queue_position()
        return {
            "type": "job",
            "id": str(self.id),
            "kind": self.kind,
            "seq": self.seq,
            "status": self.status,
            "progress": round(self.progress, 4),
            "stage": self.stage,
            "queue_position": position,
            "eta_s": self.eta_seconds(position),
            "preview_url": _media_url((self.result or {}).get("files", {}).get("poster")) if self.result else None,
            "result": self.public_result(),
            "error": {"code": self.error_code, "message": self.error} if self.error_code else None,
        }

    def public_result(self) -> dict[str, Any] | None:
        if self.status != self.Status.SUCCEEDED or self.result is None:
            return None
        files = {role: _media_url(path) for role, path in self.result.get("files", {}).items()}
        return {"files": files, "metadata": self.result.get("metadata", {})}

    def public_file_url(self, role: str) -> str | None:
        """The URL of one of a finished job's files (``video``, ``poster``...), as in :meth:`public_result`."""
        if self.status != self.Status.SUCCEEDED or self.result is None:
            return None
        return _media_url(self.result.get("files", {}).get(role))

    @property
    def poster_url(self) -> str | None:
        return self.public_file_url("poster")


def _media_url(relative_path: str | None) -> str | None:
    return media_store.url(relative_path) if relative_path else None


_DURATION_CACHE: dict[str, tuple[float, float]] = {}


def typical_duration_s(kind: str, sample: int = 20, cache_s: float = 5.0) -> float | None:
    """Median run time of the latest finished jobs of a kind; cached briefly, it is read on every publish."""
    now = timezone.now().timestamp()
    cached = _DURATION_CACHE.get(kind)
    if cached and now - cached[1] < cache_s:
        return cached[0] or None
    rows = (
        Job.objects.filter(kind=kind, status=Job.Status.SUCCEEDED, started__isnull=False, finished__isnull=False)
        .order_by("-finished")
        .values_list("started", "finished")[:sample]
    )
    durations = [(finished - started).total_seconds() for started, finished in rows]
    value = statistics.median(durations) if durations else 0.0
    _DURATION_CACHE[kind] = (value, now)
    return value or None


class WorkerBeat(models.Model):
    """Last sign of life of each Celery worker: /readyz and the reaper read it."""

    hostname = models.CharField(max_length=200, primary_key=True)
    queues = models.CharField(max_length=200, blank=True)
    last_seen = models.DateTimeField()

    def __str__(self) -> str:
        return self.hostname

    @classmethod
    def alive(cls, within: timedelta) -> models.QuerySet[WorkerBeat]:
        return cls.objects.filter(last_seen__gte=timezone.now() - within)
