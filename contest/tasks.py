"""Celery adapters: recompute arena boards after enough new judgements, and on a timer (never per request)."""

from __future__ import annotations

from celery import shared_task
from django.db import close_old_connections

from . import services
from .models import ArenaBoard, Comparison, Entry


@shared_task(name="contest.refresh_board", ignore_result=True)
def refresh_board(contest_id: int, sport: str) -> int:
    try:
        return services.refresh_board(contest_id=contest_id, sport=sport).comparisons
    finally:
        close_old_connections()


@shared_task(name="contest.refresh_boards", ignore_result=True)
def refresh_boards() -> int:
    """The timer: refit every board whose judgements changed since it was computed."""
    refreshed = 0
    try:
        done = {(b.contest_id, b.sport): b.comparisons for b in ArenaBoard.objects.all()}
        live = Comparison.objects.filter(counted=True, contest__announced__isnull=True)
        counts: dict[tuple[int, str], int] = {}
        for contest_id, sport in live.values_list("contest_id", "sport"):
            counts[(contest_id, sport)] = counts.get((contest_id, sport), 0) + 1
        for key, count in counts.items():
            if count != done.get(key) and Entry.objects.filter(contest_id=key[0], sport=key[1]).exists():
                services.refresh_board(contest_id=key[0], sport=key[1])
                refreshed += 1
    finally:
        close_old_connections()
    return refreshed
