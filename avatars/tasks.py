"""Celery adapters for avatar privacy (schedule: ``avatars.purge_expired`` every minute in CELERY_BEAT_SCHEDULE)."""

from __future__ import annotations

from celery import shared_task

from . import services


@shared_task(name="avatars.purge_expired", ignore_result=True)
def purge_expired() -> dict[str, int]:
    """Delete selfies, embeddings and unclaimed avatars past their deadlines."""
    return services.purge_expired()
