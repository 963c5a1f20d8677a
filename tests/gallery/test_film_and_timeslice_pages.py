"""Moderators turn a collection into the film; anyone can make a time-slice poster of a public entry."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from gallery.models import Collection, CollectionItem
from generation import runner
from generation.engines.preview import PreviewVideoEngine
from generation.models import Job

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path) -> Path:
    """A real 1 s clip where the contest factories say the entries' videos are."""
    settings.MEDIA_ROOT = tmp_path
    spec = {"sport": "ski-jumping", "seed": 3, "width": 192, "height": 112, "duration_s": 1}
    out = tmp_path / "jobs" / "ski-jumping"
    PreviewVideoEngine().generate(spec, out_dir=out, progress=lambda *a: None, cancelled=lambda: False)
    return tmp_path


@pytest.fixture
def collection(make_entry, media) -> Collection:
    collection = Collection.objects.create(slug="best", title="Best of the week")
    for position, title in enumerate(["Second", "First"]):
        entry = make_entry(state="approved", title=title)
        CollectionItem.objects.create(collection=collection, entry=entry, position=1 - position)
    CollectionItem.objects.create(collection=collection, entry=make_entry(state="submitted"), position=5)
    return collection


def test_a_moderator_makes_the_film_of_a_collection_in_order(client, moderator, collection, media, published, enqueued):
    client.force_login(moderator)
    page = client.get("/moderation/films/")
    assert page.status_code == 200 and "Best of the week" in page.content.decode()
    response = client.post("/moderation/films/", {"collection": collection.pk})
    job = Job.objects.get(kind="film")
    assert response.status_code == 302 and response["Location"] == f"/moderation/films/{job.pk}/"
    assert [clip["title"] for clip in job.spec["clips"]] == ["First", "Second"], "in order, published only"
    runner.execute(job.pk, attempt=1, worker="test")
    job.refresh_from_db()
    assert job.status == "succeeded", job.error
    video = job.result["files"]["video"]
    assert (media / video).exists() and job.result["metadata"]["clips"] == 2
    film_page = client.get(f"/moderation/films/{job.pk}/").content.decode()
    assert f"/media/{video}" in film_page and "AI-generated" in film_page


def test_an_empty_collection_gets_a_message_and_no_job(client, moderator, media):
    empty = Collection.objects.create(slug="empty", title="Empty")
    client.force_login(moderator)
    response = client.post("/moderation/films/", {"collection": empty.pk}, follow=True)
    assert "no published videos yet" in response.content.decode() and not Job.objects.filter(kind="film").exists()


def test_the_film_page_is_for_moderators_only(client, collection):
    assert client.get("/moderation/films/").status_code == 302


def test_anyone_makes_a_time_slice_of_a_public_entry_and_only_they_watch_it(
    client, make_entry, media, published, enqueued
):
    entry = make_entry(state="approved")
    response = client.post(f"/gallery/entries/{entry.pk}/timeslice/")
    job = Job.objects.get(kind="timeslice")
    assert response.status_code == 302 and response["Location"] == f"/gallery/timeslices/{job.pk}/"
    assert client.get(response["Location"]).status_code == 200
    assert Client().get(response["Location"]).status_code == 403
    runner.execute(job.pk, attempt=1, worker="test")
    job.refresh_from_db()
    assert job.status == "succeeded", job.error
    assert (media / job.result["files"]["image"]).exists()


def test_no_time_slice_of_an_unpublished_entry(client, make_entry, media):
    entry = make_entry(state="submitted")
    assert client.post(f"/gallery/entries/{entry.pk}/timeslice/").status_code == 404
