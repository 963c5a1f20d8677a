"""The public gallery: only public entries, filters, keyset pagination with the same queries on every page."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from contest.models import Entry
from gallery import selectors

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(make_entry):
    now = timezone.now()
    entries = [
        make_entry(state="approved", submitted=now - timedelta(minutes=i), wilson=(i % 7) / 10) for i in range(30)
    ]
    make_entry(state="submitted")
    make_entry(state="rejected", reject_reason="rules")
    return entries


def _walk(sort: str, size: int = 4) -> list[int]:
    seen, cursor = [], None
    while True:
        page = selectors.gallery_page(filters={}, sort=sort, cursor=cursor, size=size)
        seen += [e.pk for e in page.entries]
        cursor = page.next_cursor
        if cursor is None:
            return seen


@pytest.mark.parametrize("sort,key", [("new", lambda e: (e.submitted, e.pk)), ("top", lambda e: (e.wilson, e.pk))])
def test_cursor_pages_walk_every_public_entry_once_in_order(many, sort, key, settings):
    settings.WONDER_HIDE_COUNTS_DURING_VOTING = False  # "top" is offered only while counts are shown
    expected = [e.pk for e in sorted(Entry.objects.filter(state__in=Entry.PUBLIC), key=key, reverse=True)]
    assert _walk(sort) == expected
    assert len(expected) == 30


def test_page_one_and_page_five_cost_the_same_queries(client, many, django_assert_num_queries):
    cursor, cursors = None, []
    for _ in range(5):
        cursors.append(cursor)
        cursor = selectors.gallery_page(filters={}, sort="new", cursor=cursor, size=5).next_cursor
    counts = []
    for after in (cursors[0], cursors[4]):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("gallery:gallery"), {"after": after or ""})
        assert response.status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    with django_assert_num_queries(counts[0]):
        client.get(reverse("gallery:gallery"), {"after": cursors[2]})


def test_filters_by_country_language_and_style(make_entry):
    kept = make_entry(state="approved")
    kept.job.spec = {**kept.job.spec, "language": "ja", "style": "anime"}
    kept.job.save()
    make_entry(state="approved")
    page = selectors.gallery_page(filters={"language": "ja", "style": "anime", "country": "it"})
    assert [e.pk for e in page.entries] == [kept.pk]
    assert selectors.gallery_page(filters={"country": "FR"}).entries == []


def test_the_gallery_page_lists_public_entries_only(client, many):
    page = client.get(reverse("gallery:gallery")).content.decode()
    assert many[0].title in page
    assert Entry.objects.get(state="submitted").title not in page


def test_the_entry_page_shows_prompt_translation_label_and_report(client, make_entry):
    entry = make_entry(state="approved")
    page = client.get(reverse("gallery:entry", args=[entry.pk])).content.decode()
    for text in ("a ski jumper flies", "A ski jumper flies high", "AI-generated", "Report this entry", "Italy"):
        assert text in page
    assert client.get(reverse("gallery:entry", args=[make_entry().pk])).status_code == 404


@pytest.fixture
def with_poster(make_entry, settings, tmp_path):
    """An approved entry whose job's poster file exists, under a media root of this test's own."""
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    entry = make_entry(state="approved")
    poster = tmp_path / entry.job.result["files"]["poster"]
    poster.parent.mkdir(parents=True)
    Image.new("RGB", (1280, 768), "white").save(poster)
    return entry


def test_posters_are_cached_thumbnails(client, with_poster, tmp_path):
    from PIL import Image

    entry = with_poster
    response = client.get(reverse("gallery:poster", args=[entry.pk]))
    assert response.status_code == 200
    assert "max-age=604800" in response["Cache-Control"]
    with Image.open(tmp_path / "thumbs" / f"{entry.job_id}.jpg") as thumb:
        assert thumb.width == 360


def test_a_made_thumbnail_is_linked_as_a_file_and_dies_with_a_takedown(client, with_poster, settings, tmp_path):
    # Posters are a third of the gallery's requests: once made, nginx (or the media view) serves the file itself,
    # with no database query; before that the card points at the view that makes it.
    from generation.services import hide_files

    entry = with_poster
    view_url = reverse("gallery:poster", args=[entry.pk])
    file_url = f"{settings.MEDIA_URL}thumbs/{entry.job_id}.jpg"
    page = client.get(reverse("gallery:gallery")).content.decode()
    assert f'src="{view_url}"' in page and file_url not in page
    assert client.get(view_url).status_code == 200
    page = client.get(reverse("gallery:gallery")).content.decode()
    assert f'src="{file_url}"' in page and view_url not in page
    hide_files(entry.job_id)
    assert not (tmp_path / "thumbs" / f"{entry.job_id}.jpg").exists()
