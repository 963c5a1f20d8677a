"""Avatars: the biometric capture (short-lived, private) and the avatar made from it (the stylised output).

A :class:`Capture` holds what a selfie leaves behind: the photo and, with insightface, the face embedding, both in
private files with random names (never under MEDIA_ROOT), plus the face box. It is purged within ``TTL`` minutes of
the capture, whatever its avatar job is doing (see :mod:`avatars.services`). An :class:`Avatar` is the stylised
result: a poster and a round-friendly portrait written by the job; it keeps no biometric data and lives as long as a
take-home link.
"""

from __future__ import annotations

import secrets
import uuid
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from generation import media_store
from generation.models import Job


def private_dir() -> Path:
    """Where selfies and embeddings live: outside MEDIA_ROOT, so no public URL can ever reach them."""
    return Path(getattr(settings, "WONDER_AVATAR_PRIVATE_DIR", "") or Path(settings.VAR_DIR) / "private" / "avatars")


def biometric_ttl() -> timedelta:
    return timedelta(minutes=settings.WONDER_BIOMETRIC_TTL_MIN)


def purge_period() -> timedelta:
    """How often the periodic purge runs, read from its schedule (so the two cannot drift apart)."""
    return timedelta(seconds=settings.CELERY_BEAT_SCHEDULE["avatars-purge-expired"]["schedule"])


def capture_expiry(created: datetime) -> datetime:
    """When a capture taken at ``created`` is purged: early enough that the periodic purge, however it falls,
    deletes it within ``WONDER_BIOMETRIC_TTL_MIN`` of the capture, whatever its avatar job is doing."""
    ttl = biometric_ttl()
    return created + ttl - min(purge_period(), ttl / 4)


def new_token() -> str:
    return secrets.token_urlsafe(18)


class Capture(models.Model):
    """One selfie and what face analysis found in it. Biometric: private and short-lived."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session_key = models.CharField(max_length=64, db_index=True)
    created = models.DateTimeField(default=timezone.now)
    consented_at = models.DateTimeField(help_text="When the visitor agreed to the capture.")
    # Purged at this time (capture_expiry): a hard ceiling that no job extends (services.purge_expired).
    expires_at = models.DateTimeField(db_index=True)
    # Random file names relative to private_dir(); never derived from anything about the person.
    photo_name = models.CharField(max_length=80)
    embedding_name = models.CharField(max_length=80, blank=True)
    # The chosen face as fractions of the photo (x0, y0, x1, y1): enough to crop, nothing to identify.
    face_box = models.JSONField(default=list)
    detector = models.CharField(max_length=32, blank=True)
    notes = models.JSONField(default=list, blank=True, help_text="Codes of non-blocking analysis remarks.")

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"capture {self.id}"

    @property
    def photo_path(self) -> Path:
        return private_dir() / self.photo_name

    @property
    def embedding_path(self) -> Path | None:
        return private_dir() / self.embedding_name if self.embedding_name else None

    def delete_files(self) -> None:
        for path in (self.photo_path, self.embedding_path):
            if path is not None:
                path.unlink(missing_ok=True)


class Avatar(models.Model):
    """A visitor's avatar: a style and sport applied to a capture (or to a drawn base), made by a job."""

    class Style(models.TextChoices):
        CARTOON = "cartoon", _("Cartoon")
        WATERCOLOUR = "watercolour", _("Watercolour")
        COMIC = "comic", _("Comic book")
        POP_ART = "pop-art", _("Pop art")
        SKETCH = "sketch", _("Pencil sketch")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    token = models.CharField(max_length=40, unique=True, default=new_token, help_text="The take-home link.")
    session_key = models.CharField(max_length=64, blank=True, db_index=True)
    # The kiosk visit it was made in: the visit's one take-home page (one QR per visit) lists it.
    visit_token = models.CharField(max_length=32, blank=True, db_index=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="avatars"
    )
    capture = models.ForeignKey(Capture, null=True, blank=True, on_delete=models.SET_NULL, related_name="avatars")
    base = models.CharField(max_length=32, blank=True, help_text="A drawn base avatar (the no-camera path).")
    style = models.CharField(max_length=16, choices=Style.choices, default=Style.CARTOON)
    sport = models.CharField(max_length=32)
    name = models.CharField(max_length=24, blank=True)
    job = models.OneToOneField(Job, null=True, blank=True, on_delete=models.SET_NULL, related_name="avatar")
    created = models.DateTimeField(default=timezone.now, db_index=True)
    expires_at = models.DateTimeField(null=True, blank=True, help_text="Deleted then unless a fan claimed it.")

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(style__in=["cartoon", "watercolour", "comic", "pop-art", "sketch"]),
                name="avatar_style_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"avatar {self.id} ({self.style}, {self.sport})"

    def belongs_to(self, user, session_key: str | None) -> bool:
        if user is not None and user.is_authenticated and self.owner_id == user.pk:
            return True
        return bool(self.session_key) and self.session_key == session_key

    def file(self, role: str) -> Path | None:
        """A local copy of the output file for ``role`` (``image``, ``portrait``, ``webp``) once the job succeeded."""
        relative = self._stored_name(role)
        return media_store.local_path(relative) if relative else None

    def url(self, role: str) -> str | None:
        relative = self._stored_name(role)
        # Checked without fetching the file: a web server in front of object storage has no local copy.
        return media_store.url(relative) if relative and media_store.exists(relative) else None

    def _stored_name(self, role: str) -> str | None:
        if self.job is None or self.job.status != Job.Status.SUCCEEDED or not self.job.result:
            return None
        return self.job.result.get("files", {}).get(role) or None

    @property
    def urls(self) -> dict[str, str | None]:
        """Public URLs of the outputs (random, unguessable paths), for templates."""
        return {role: self.url(role) for role in ("image", "webp", "portrait")}
