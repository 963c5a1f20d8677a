"""Reports and take-downs: anyone may report (rate-limited), reported entries return to the queue, one click
unpublishes an entry everywhere and tells the museum screens after commit."""

from __future__ import annotations

import pytest
from django.urls import reverse

from gallery import selectors, services
from gallery.models import ModerationLog, Report

pytestmark = pytest.mark.django_db


def test_a_visitor_reports_a_public_entry_and_it_returns_to_the_queue(client, make_entry):
    entry = make_entry(state="approved")
    response = client.post(reverse("gallery:report", args=[entry.pk]), {"reason": "offensive", "note": "rude"})
    assert response.status_code == 302
    report = Report.objects.get(entry=entry)
    assert report.reporter is None and report.reporter_hash
    assert [e.pk for e in selectors.moderation_queue()] == [entry.pk]
    assert ModerationLog.objects.filter(entry=entry, action="report").exists()


def test_reports_are_rate_limited(make_entry, user, settings, monkeypatch):
    monkeypatch.setattr(services, "REPORTS_PER_HOUR", 2)
    entry = make_entry(state="approved")
    for _ in range(2):
        services.report_entry(entry_id=entry.pk, user=user, ip="1.2.3.4", reason="spam")
    with pytest.raises(services.GalleryError) as refused:
        services.report_entry(entry_id=entry.pk, user=user, ip="1.2.3.4", reason="spam")
    assert refused.value.status == 429


def test_only_public_entries_can_be_reported(make_entry, user):
    entry = make_entry(state="submitted")
    with pytest.raises(services.GalleryError):
        services.report_entry(entry_id=entry.pk, user=user, ip="", reason="spam")


def test_a_report_needs_a_reason_from_the_list(make_entry, user):
    with pytest.raises(services.GalleryError):
        services.report_entry(entry_id=make_entry(state="approved").pk, user=user, ip="", reason="meh")


def test_take_down_unpublishes_everywhere_and_tells_the_screens(
    make_entry, moderator, monkeypatch, django_capture_on_commit_callbacks
):
    sent = []
    monkeypatch.setattr("generation.realtime.publish", lambda group, message: sent.append((group, message)))
    entry = make_entry(state="approved")
    with django_capture_on_commit_callbacks(execute=True):
        services.take_down_entry(entry_id=entry.pk, moderator=moderator, note="court order")
    entry.refresh_from_db()
    entry.job.refresh_from_db()
    assert entry.state == "submitted" and not entry.job.public
    assert ("museum", {"type": "museum.changed", "reason": "unpublish", "removed": [entry.pk]}) in sent
    log = ModerationLog.objects.get(entry=entry, action="take_down")
    assert log.before["public"] is True and log.after["public"] is False
    # Back in the queue, waiting for a decision.
    assert entry.pk in [e.pk for e in selectors.moderation_queue()]


def test_nothing_reaches_the_screens_when_the_transaction_rolls_back(make_entry, moderator, monkeypatch):
    sent = []
    monkeypatch.setattr("generation.realtime.publish", lambda group, message: sent.append(group))
    entry = make_entry(state="submitted")
    with pytest.raises(services.GalleryError):
        services.take_down_entry(entry_id=entry.pk, moderator=moderator)
    assert sent == []
