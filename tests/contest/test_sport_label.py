"""An entry's sport label: translated, and cheap enough for a page of sixty cards."""

from __future__ import annotations

from unittest import mock

import pytest
from django.utils import translation
from django.utils.translation import trans_real

from .factories import EntryFactory

pytestmark = pytest.mark.django_db


def test_the_sport_label_is_translated_and_unknown_slugs_show_as_themselves():
    entry = EntryFactory(sport="ski-jumping")
    with translation.override("en"):
        english = entry.get_sport_display()
    with translation.override("it"):
        italian = entry.get_sport_display()
    assert english == "Ski jumping"
    assert italian != english and italian  # the Italian catalogue names it
    entry.sport = "a-sport-from-a-newer-release"
    assert entry.get_sport_display() == "a-sport-from-a-newer-release"


def test_a_sport_label_costs_one_translation_lookup_not_one_per_sport():
    # Django's generic get_FOO_display hashes every (slug, lazy label) choice on each call, translating all
    # sixteen labels to label one card: on /contest/ that was a quarter of the page's time.
    entry = EntryFactory(sport="luge")
    counting = mock.patch.object(translation._trans, "gettext", wraps=trans_real.gettext)
    with translation.override("de"), counting as lookups:
        for _ in range(10):
            entry.get_sport_display()
    assert lookups.call_count <= 10
