"""Likes: verified fans only, once per entry (a database constraint), never one's own, only in the window; counters
with F(), flagged fans stored but not counted, rate limits, cooldown, audit, "top" by the Wilson lower bound."""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.db import IntegrityError, transaction
from django.test import override_settings
from django.utils import timezone

from contest import selectors, services
from contest.models import Entry, Vote

from .factories import ContestFactory, EntryFactory, FanFactory

pytestmark = pytest.mark.django_db


def vote(user, entry, value=Vote.LIKE, **kwargs):
    return services.cast_vote(user=user, entry_id=entry.pk, value=value, ip="203.0.113.7", user_agent="UA/1", **kwargs)


def test_a_like_is_counted_and_audited(voter):
    entry = EntryFactory()
    row = vote(voter, entry)
    entry.refresh_from_db()
    assert (entry.likes, entry.dislikes) == (1, 0) and entry.wilson > 0
    assert row.counted and len(row.ip_hash) == 32 and "203.0.113.7" not in row.ip_hash and row.ua_hash and row.created


@pytest.mark.parametrize(
    "case,code",
    [
        ("twice", "already_voted"),
        ("own", "own_entry"),
        ("rejected", "entry_rejected"),
        ("submitted", "entry_not_public"),
        ("closed", "voting_closed"),
        ("unverified", "not_verified"),
        ("new_account", "cooldown"),
    ],
)
def test_refused_votes_have_a_clear_message_and_save_nothing(voter, case, code):
    entry = EntryFactory()
    user = voter
    if case == "twice":
        vote(voter, entry)
    elif case == "own":
        user = entry.author
    elif case in ("rejected", "submitted"):
        Entry.objects.filter(pk=entry.pk).update(state=case, reject_reason="unsafe")
    elif case == "closed":
        entry.contest.voting_close = timezone.now() - timedelta(seconds=1)
        entry.contest.results_at = timezone.now() + timedelta(days=1)
        entry.contest.submissions_close = entry.contest.voting_close
        entry.contest.save()
    elif case == "unverified":
        user = FanFactory(verified=False).user
    elif case == "new_account":
        user = FanFactory(user__date_joined=timezone.now()).user
    before = Vote.objects.count()
    with pytest.raises(services.ContestError) as error:
        vote(user, entry)
    assert error.value.code == code and error.value.message
    assert Vote.objects.count() == before
    entry.refresh_from_db()
    assert entry.likes == before


def test_the_database_itself_refuses_a_second_vote(voter):
    entry = EntryFactory()
    Vote.objects.create(entry=entry, voter=voter, value=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(entry=entry, voter=voter, value=-1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(entry=EntryFactory(), voter=voter, value=5)


def test_flagged_fans_votes_are_stored_but_not_counted(voter):
    entry = EntryFactory()
    vote(voter, entry)
    services.flag_fan(user=voter, flagged=True, reason="vote ring")
    entry.refresh_from_db()
    assert entry.likes == 0 and Vote.objects.get().counted is False
    later = vote(voter, EntryFactory())
    assert later.counted is False and Entry.objects.get(pk=later.entry_id).likes == 0
    services.flag_fan(user=voter, flagged=False)
    entry.refresh_from_db()
    assert entry.likes == 1


@pytest.fixture
def one_window(monkeypatch):
    """The limits count in fixed windows: pin the limiter's clock inside one, or a slow run that crosses a
    minute boundary starts a fresh window and the third vote passes (seen on a loaded machine)."""
    start = timezone.now().replace(second=10, microsecond=0)
    monkeypatch.setattr("wonder.ratelimit.timezone", SimpleNamespace(now=lambda: start))


@override_settings(WONDER_VOTE_RATE_FAN="2/60")
def test_a_fan_voting_too_fast_is_slowed_down(voter, one_window):
    vote(voter, EntryFactory())
    vote(voter, EntryFactory())
    with pytest.raises(services.ContestError) as error:
        vote(voter, EntryFactory())
    assert error.value.code == "rate_limited" and error.value.status == 429


@override_settings(WONDER_VOTE_RATE_IP="2/60")
def test_many_fans_on_one_address_are_slowed_down(one_window):
    entry = EntryFactory()
    vote(FanFactory().user, entry)
    vote(FanFactory().user, entry)
    with pytest.raises(services.ContestError) as error:
        vote(FanFactory().user, entry)
    assert error.value.code == "rate_limited"


def test_top_sorts_by_the_wilson_lower_bound_not_the_raw_share():
    contest = ContestFactory()
    one_for_one = EntryFactory(contest=contest, title="1 of 1")
    nine_of_ten = EntryFactory(contest=contest, title="9 of 10")
    vote(FanFactory().user, one_for_one)
    for i in range(10):
        vote(FanFactory().user, nine_of_ten, Vote.LIKE if i < 9 else Vote.PASS)
    order = [e.title for e in selectors.public_entries(contest, order="top")]
    assert order == ["9 of 10", "1 of 1"]


@override_settings(WONDER_HIDE_COUNTS_DURING_VOTING=True)
def test_counts_are_hidden_while_voting_is_open(client, voter):
    entry = EntryFactory()
    vote(voter, entry)
    assert client.get(f"/api/contest/entries/{entry.pk}/").json()["likes"] is None
    assert "stay hidden until voting closes" in client.get(f"/contest/entries/{entry.pk}/").content.decode()
    with override_settings(WONDER_HIDE_COUNTS_DURING_VOTING=False):
        assert client.get(f"/api/contest/entries/{entry.pk}/").json()["likes"] == 1


def test_voting_from_the_entry_page_with_htmx(client, voter):
    entry = EntryFactory()
    client.force_login(voter)
    response = client.post(f"/contest/entries/{entry.pk}/vote/", {"value": "1"}, headers={"HX-Request": "true"})
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body and "You like this entry" in body
    again = client.post(f"/contest/entries/{entry.pk}/vote/", {"value": "1"}, headers={"HX-Request": "true"})
    assert "You like this entry" in again.content.decode() and Vote.objects.count() == 1
