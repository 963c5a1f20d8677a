"""Red team, blind means blind: the arena pair names nobody, and ordering by score is not offered while counts are
hidden (the order would give the hidden counts away)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from tests.contest.factories import EntryFactory, FanFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(contest):
    left = EntryFactory(contest=contest, title="Giulia's golden flight")
    right = EntryFactory(contest=contest, title="Mia on the big hill")
    for entry, name, country in ((left, "Giulia", "IT"), (right, "Mia", "NO")):
        entry.author.fan.display_name = name
        entry.author.fan.country = country
        entry.author.fan.save()
    return left, right


def _judge() -> Client:
    client = Client()
    client.force_login(FanFactory().user)
    return client


def test_the_api_pair_carries_no_author_country_or_title(pair):
    response = _judge().get("/api/contest/arena/pair/")
    assert response.status_code == 200
    body = response.json()
    for side in ("left", "right"):
        assert not {"author", "country", "title"} & set(body[side]), body[side]
    text = response.content.decode()
    for word in ("Giulia", "Mia", "Norway", "Italy", "golden flight", "big hill"):
        assert word not in text


def test_the_arena_page_names_nobody(pair):
    page = _judge().get("/contest/arena/").content.decode()
    assert 'data-side="left"' in page
    for word in ("Giulia", "golden flight", "big hill"):
        assert word not in page


def test_top_order_is_not_offered_while_counts_are_hidden(contest):
    older_favourite = EntryFactory(contest=contest, wilson=0.9, likes=40, submitted=timezone.now() - timedelta(hours=3))
    newer = EntryFactory(contest=contest, wilson=0.1, likes=1, submitted=timezone.now())
    ids = [row["id"] for row in Client().get("/api/contest/entries/?order=top").json()]
    assert ids == [newer.pk, older_favourite.pk]  # newest first: the score order would leak the hidden counts


def test_the_gallery_offers_no_top_order_while_counts_are_hidden(contest):
    older_favourite = EntryFactory(contest=contest, wilson=0.9, likes=40, submitted=timezone.now() - timedelta(hours=3))
    newer = EntryFactory(contest=contest, wilson=0.1, likes=1, submitted=timezone.now())
    page = Client().get("/gallery/?sort=top").content.decode()
    assert 'value="top"' not in page
    assert page.index(f"/gallery/entries/{newer.pk}/") < page.index(f"/gallery/entries/{older_favourite.pk}/")
