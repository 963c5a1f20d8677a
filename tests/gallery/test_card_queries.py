"""Pages of cards (the contest's list, the API's list, the gallery) cost the same few queries however many cards
they show, and load only what a card shows: every fan opens them, so their cost is the site's capacity."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db

PAGES = (reverse("contest:entries"), reverse("gallery:gallery"), "/api/contest/entries/")


def _queries(client, url: str) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries]


@pytest.mark.parametrize("url", PAGES)
def test_a_page_of_cards_costs_the_same_queries_for_two_cards_or_eight(client, make_entry, url):
    for _ in range(2):
        make_entry(state="approved")
    few = len(_queries(client, url))
    for _ in range(6):
        make_entry(state="approved")
    assert len(_queries(client, url)) == few


@pytest.mark.parametrize("url", PAGES)
def test_a_page_of_cards_does_not_load_prompts_or_password_hashes(client, make_entry, url):
    for _ in range(3):
        make_entry(state="approved")
    card_queries = [sql for sql in _queries(client, url) if '"contest_entry"."title"' in sql]
    assert card_queries
    for sql in card_queries:
        assert '"generation_job"."spec"' not in sql  # the prompt and its safety verdict: not on a card
        assert '"auth_user"."password"' not in sql
