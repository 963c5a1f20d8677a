"""Moderation: claims, decisions through contest's services, the audit log, queue order, bulk, the console."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from contest.models import Entry
from gallery import selectors, services
from gallery.models import ModerationClaim, ModerationLog, Report
from tests.contest.factories import FanFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_claimed_entry_is_refused_to_a_second_moderator(make_entry, moderator, second_moderator):
    entry = make_entry()
    services.claim_entry(entry_id=entry.pk, moderator=moderator)
    with pytest.raises(services.GalleryError) as refused:
        services.claim_entry(entry_id=entry.pk, moderator=second_moderator)
    assert refused.value.code == "claimed"
    assert moderator.get_username() in refused.value.message
    with pytest.raises(services.GalleryError):
        services.approve(entry_id=entry.pk, moderator=second_moderator)


def test_an_expired_claim_can_be_taken_over(make_entry, moderator, second_moderator):
    entry = make_entry()
    services.claim_entry(entry_id=entry.pk, moderator=moderator)
    ModerationClaim.objects.update(until=timezone.now() - timedelta(seconds=1))
    claim = services.claim_entry(entry_id=entry.pk, moderator=second_moderator)
    assert claim.moderator == second_moderator


def test_approving_logs_who_when_and_the_state_before_and_after(make_entry, moderator):
    entry = make_entry()
    services.claim_entry(entry_id=entry.pk, moderator=moderator)
    services.approve(entry_id=entry.pk, moderator=moderator, note="lovely")
    entry.refresh_from_db()
    assert entry.state == Entry.State.APPROVED and entry.job.public
    log = ModerationLog.objects.get(entry=entry)
    assert (log.actor, log.action, log.note) == (moderator, "approve", "lovely")
    assert log.before["state"] == "submitted" and log.after["state"] == "approved"
    assert not ModerationClaim.objects.exists()


def test_rejecting_keeps_the_reason_the_fan_sees(make_entry, moderator, client):
    entry = make_entry()
    services.reject(entry_id=entry.pk, moderator=moderator, reason="off_topic", note="Please show a sport.")
    entry.refresh_from_db()
    assert (entry.state, entry.reject_reason) == ("rejected", "off_topic")
    client.force_login(entry.author)
    page = client.get(reverse("contest:entry", args=[entry.pk])).content.decode()
    assert "Not about winter sports" in page and "Please show a sport." in page


def test_the_queue_puts_flagged_then_reported_then_new_accounts_first(make_entry):
    old = timezone.now() - timedelta(days=60)
    plain = make_entry(author=FanFactory(user=UserFactory(date_joined=old)).user)
    newcomer = make_entry(author=FanFactory(user=UserFactory(date_joined=timezone.now())).user)
    flagged = make_entry(
        safety={"action": "flag", "category": "violence", "matches": ["blood"]},
        author=FanFactory(user=UserFactory(date_joined=old)).user,
    )
    reported = make_entry(state="approved", author=FanFactory(user=UserFactory(date_joined=old)).user)
    Report.objects.create(entry=reported, reason="offensive")
    Report.objects.create(entry=reported, reason="spam")
    make_entry(state="approved")  # public, not reported: not in the queue
    queue = selectors.moderation_queue()
    assert [e.pk for e in queue] == [reported.pk, flagged.pk, newcomer.pk, plain.pk]
    assert queue[0].open_reports == 2


def test_keeping_a_reported_entry_closes_its_reports(make_entry, moderator):
    entry = make_entry(state="approved")
    Report.objects.create(entry=entry, reason="spam")
    services.keep(entry_id=entry.pk, moderator=moderator)
    assert selectors.moderation_queue() == []
    entry.refresh_from_db()
    assert entry.is_public


def test_bulk_approve_reports_each_failure(make_entry, moderator):
    a, b, done = make_entry(), make_entry(), make_entry(state="rejected", reject_reason="rules")
    count, errors = services.bulk_moderate(entry_ids=[a.pk, b.pk, done.pk], moderator=moderator, action="approve")
    assert count == 2 and len(errors) == 1
    assert set(Entry.objects.filter(state="approved").values_list("pk", flat=True)) == {a.pk, b.pk}


def test_the_console_is_for_moderators_only(client, user):
    client.force_login(user)
    response = client.get(reverse("gallery:moderation"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_console_shows_prompts_with_flagged_words_and_the_shortcuts(client, moderator, make_entry):
    make_entry(safety={"action": "flag", "category": "violence", "matches": ["flies"]})
    client.force_login(moderator)
    page = client.get(reverse("gallery:moderation")).content.decode()
    assert '<mark class="flagged">flies</mark>' in page
    assert "A ski jumper <mark" in page  # the English expansion, highlighted too
    assert "<kbd>j</kbd>" in page and "System check" in page
    assert 'class="reveal" data-revealed="false"' in page


def test_deciding_over_htmx_returns_the_redrawn_card(client, moderator, make_entry):
    entry = make_entry()
    client.force_login(moderator)
    response = client.post(
        reverse("gallery:decide", args=[entry.pk]), {"action": "reject", "reason": "quality"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "decided" in response.content.decode()
    entry.refresh_from_db()
    assert entry.state == "rejected"


def test_claim_view_answers_409_with_who_has_it(client, moderator, second_moderator, make_entry):
    entry = make_entry()
    services.claim_entry(entry_id=entry.pk, moderator=second_moderator)
    client.force_login(moderator)
    response = client.post(reverse("gallery:claim", args=[entry.pk]))
    assert response.status_code == 409
    assert response.json()["code"] == "claimed"


def test_the_console_shows_a_taken_down_entry_with_its_history(client, moderator, make_entry):
    entry = make_entry(state="approved")
    services.take_down_entry(entry_id=entry.pk, moderator=moderator)
    client.force_login(moderator)
    page = client.get(reverse("gallery:moderation")).content.decode()
    assert "Unpublished everywhere" in page and entry.title in page
