"""A staff queue report ages: it is dated when it was made, counts less and less, then not at all."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from experience import planning, selectors
from experience.models import Zone, ZoneStatus

pytestmark = pytest.mark.django_db


def _report(minutes_ago: float, queue: int = 30, baseline: int = 2) -> planning.ZoneStatus:
    zone = Zone.objects.get(slug="avatar-booth")
    ZoneStatus.objects.update_or_create(
        zone=zone,
        defaults={
            "queue_minutes": queue,
            "baseline_minutes": baseline,
            "updated_at": timezone.now() - timedelta(minutes=minutes_ago),
        },
    )
    return selectors.statuses(120.0)["avatar-booth"]


def _expected_wait(status: planning.ZoneStatus) -> float:
    spec = Zone.objects.get(slug="avatar-booth").to_spec("en")
    return planning.expected_queue(spec, status, 120.0)


def test_a_fresh_report_counts_fully(installation):
    status = _report(0)
    assert status.observed_minute == pytest.approx(120.0, abs=0.05) and _expected_wait(status) == pytest.approx(
        30, abs=0.01
    )


def test_an_older_report_counts_less(installation):
    fresh, older = _expected_wait(_report(0)), _expected_wait(_report(20))
    assert _report(20).observed_minute == pytest.approx(100.0, abs=0.05)
    assert 2 < older < fresh


def test_a_stale_report_counts_not_at_all(installation):
    status = _report(selectors.QUEUE_REPORT_MAX_AGE_MIN + 1)
    assert status.queue_minutes == 2.0 and _expected_wait(status) == pytest.approx(2.0)


def test_no_report_means_no_queue(installation):
    assert selectors.statuses(120.0)["cafe"].queue_minutes == 0.0
