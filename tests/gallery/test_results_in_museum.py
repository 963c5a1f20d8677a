"""Announcing the results puts the winners on every museum screen at once, and the winners' film joins the loop."""

from __future__ import annotations

import asyncio
import threading
from datetime import timedelta

import pytest
from channels.layers import InMemoryChannelLayer, get_channel_layer
from django.utils import timezone

from contest import services as contest_services
from gallery import services
from gallery.models import Collection, Exhibition, Screen
from generation import realtime
from generation.models import Job

pytestmark = pytest.mark.django_db


@pytest.fixture
def screen(db):
    return Screen.objects.create(slug="lobby", name="Lobby")


@pytest.fixture
def announced(contest, make_entry, moderator, settings, enqueued, django_capture_on_commit_callbacks):
    settings.WONDER_ARENA_BOOTSTRAP = 20
    contest.winners_count = 2
    contest.voting_close = timezone.now() - timedelta(minutes=1)
    contest.submissions_close = contest.voting_close
    contest.save()
    entries = [make_entry(state="shortlisted", likes=10 * i, dislikes=5) for i in range(1, 4)]
    with django_capture_on_commit_callbacks(execute=True):
        services.announce_results(contest_id=contest.pk, by=moderator)
    return entries


def test_the_winners_become_an_exhibition_on_every_screen(client, screen, announced):
    collection = Collection.objects.get(slug__startswith="winners-")
    exhibition = Exhibition.objects.get(collection=collection)
    assert exhibition.start <= timezone.now() < exhibition.end and not exhibition.screens.exists()
    playlist = client.get(f"/museum/{screen.slug}/playlist.json").json()
    assert playlist["source"] == "exhibition"
    winners = [e for e in announced if e.pk in {i["id"] for i in playlist["items"]}]
    assert len(playlist["items"]) == 2 and len(winners) == 2
    assert all(item["award"].startswith("Winner") for item in playlist["items"])


def test_announcing_queues_the_winners_film(announced):
    film = Job.objects.get(kind="film")
    collection = Collection.objects.get(slug__startswith="winners-")
    assert film.spec["collection"] == collection.pk
    assert len(film.spec["clips"]) == 2
    assert all(clip["creator"] for clip in film.spec["clips"])


def test_the_finished_film_plays_after_the_winners_and_changes_the_version(client, screen, announced):
    before = client.get(f"/museum/{screen.slug}/playlist.json").json()
    film = Job.objects.get(kind="film")
    film.status = Job.Status.SUCCEEDED
    film.finished = timezone.now()
    film.result = {"files": {"video": f"jobs/{film.pk}/r/video.mp4", "poster": f"jobs/{film.pk}/r/poster.jpg"}}
    film.save()
    after = client.get(f"/museum/{screen.slug}/playlist.json").json()
    assert after["version"] != before["version"]
    assert after["items"][-1]["film"] is True and after["items"][-1]["video"].endswith("/video.mp4")
    assert [i["id"] for i in after["items"][:-1]] == [i["id"] for i in before["items"]]


@pytest.fixture
def server_loop(monkeypatch):
    """An event loop that owns the in-memory channel layer, as Daphne's does in the embedded site: publishing and
    receiving on one loop, the way a museum screen's socket receives (an ``asyncio.Queue`` wakes no waiter on
    another loop)."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    monkeypatch.setattr(realtime, "_server_loop", loop)

    def run(coroutine, timeout: float = 10.0):
        # Bounded: a message that never comes fails the test instead of hanging the run.
        return asyncio.run_coroutine_threadsafe(asyncio.wait_for(coroutine, timeout), loop).result(timeout + 1)

    yield run
    loop.call_soon_threadsafe(loop.stop)
    thread.join(5)
    loop.close()


@pytest.fixture(params=[0.0, 0.3], ids=["publish-at-once", "publish-late"])
def publish_delay(request, monkeypatch):
    """The group send may land before or after the screen starts waiting (a loaded machine): both must arrive."""
    if request.param:
        send = InMemoryChannelLayer.group_send

        async def late(self, group, message):
            await asyncio.sleep(request.param)
            await send(self, group, message)

        monkeypatch.setattr(InMemoryChannelLayer, "group_send", late)
    return request.param


def test_screens_are_told_at_once(
    contest, make_entry, moderator, settings, enqueued, django_capture_on_commit_callbacks, server_loop, publish_delay
):
    settings.WONDER_ARENA_BOOTSTRAP = 20
    contest.voting_close = timezone.now() - timedelta(minutes=1)
    contest.submissions_close = contest.voting_close
    contest.save()
    make_entry(state="shortlisted")
    layer = get_channel_layer()
    channel = server_loop(layer.new_channel())
    server_loop(layer.group_add(services.MUSEUM_GROUP, channel))
    with django_capture_on_commit_callbacks(execute=True):
        services.announce_results(contest_id=contest.pk, by=moderator)
    message = server_loop(layer.receive(channel))
    assert message["type"] == "museum.changed" and message["reason"] == "publish"


def test_results_can_not_be_announced_twice(contest, make_entry, moderator, settings, enqueued, announced):
    with pytest.raises(contest_services.ContestError):
        services.announce_results(contest_id=contest.pk, by=moderator)


def test_the_kiosk_attract_loop_shows_the_winners_and_then_their_film(client, announced):
    page = client.get("/kiosk/").content.decode()
    assert "data-attract-reel" in page
    shown = [e for e in announced if e.title in page]
    assert len(shown) == 2  # the two winners, not the third finalist
    film = Job.objects.get(kind="film")
    film.status = Job.Status.SUCCEEDED
    film.finished = timezone.now()
    film.result = {"files": {"video": f"jobs/{film.pk}/r/video.mp4", "poster": f"jobs/{film.pk}/r/poster.jpg"}}
    film.save()
    page = client.get("/kiosk/").content.decode()
    assert f"jobs/{film.pk}/r/video.mp4" in page


def test_before_any_announcement_the_attract_loop_has_no_reel(client, db):
    assert "data-attract-reel" not in client.get("/kiosk/").content.decode()
