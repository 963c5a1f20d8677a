"""Celery adapters of the kiosk's periodic work."""

from __future__ import annotations

from celery import shared_task

from . import services


@shared_task(name="experience.purge_visits", ignore_result=True)
def purge_visits() -> int:
    """Wipe expired take-home visits and abandoned kiosk visits (schedule it every few minutes)."""
    return services.purge_visits()
