"""The museum: what a screen plays (its playlist, an exhibition, else the fallback loop), heartbeats, the socket."""

from __future__ import annotations

from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.urls import reverse
from django.utils import timezone

from gallery import selectors, services
from gallery.models import Collection, CollectionItem, Exhibition, PlaylistItem, Screen
from gallery.routing import websocket_urlpatterns

pytestmark = pytest.mark.django_db


@pytest.fixture
def screen(db):
    return Screen.objects.create(slug="lobby", name="Lobby")


def test_with_nothing_scheduled_the_screen_loops_winners_then_the_latest(screen, make_entry):
    approved = make_entry(state="approved")
    winner = make_entry(state="winner", final_rank=1)
    make_entry(state="submitted")
    source, entries = selectors.screen_playlist(screen)
    assert source == "fallback"
    assert [e.pk for e in entries] == [winner.pk, approved.pk]


def test_a_running_exhibition_wins_over_the_fallback_and_its_order_holds(screen, make_entry):
    a, b, hidden = make_entry(state="approved"), make_entry(state="approved"), make_entry(state="submitted")
    collection = Collection.objects.create(slug="best", title="Best")
    for position, entry in enumerate([b, hidden, a]):
        CollectionItem.objects.create(collection=collection, entry=entry, position=position)
    now = timezone.now()
    Exhibition.objects.create(collection=collection, start=now - timedelta(hours=1), end=now + timedelta(hours=1))
    assert selectors.screen_playlist(screen) == ("exhibition", [b, a])
    services.reorder_collection(collection_id=collection.pk, entry_ids=[a.pk, b.pk])
    assert selectors.screen_playlist(screen)[1] == [a, b]


def test_the_screens_own_playlist_wins(screen, make_entry):
    a, b = make_entry(state="approved"), make_entry(state="approved")
    services.reorder_playlist(screen_slug="lobby", entry_ids=[b.pk, a.pk])
    assert selectors.screen_playlist(screen) == ("playlist", [b, a])
    assert PlaylistItem.objects.count() == 2


def test_playlist_json_has_captions_and_a_qr_code(client, screen, make_entry):
    entry = make_entry(state="winner", final_rank=1)
    data = client.get(reverse("gallery:playlist", args=["lobby"])).json()
    item = data["items"][0]
    assert item["id"] == entry.pk and item["award"].startswith("Winner")
    assert item["prompt"] == "a ski jumper flies" and item["prompt_en"] == "A ski jumper flies high"
    assert item["country"] == "Italy" and item["qr"].startswith("<svg") or "<svg" in item["qr"]
    assert item["video"].startswith("/media/") and data["version"]


def test_heartbeat_records_status_and_the_dashboard_shows_it(client, screen, make_entry, staff):
    from gallery.services import pair_screen

    entry = make_entry(state="approved")
    key = pair_screen(slug="lobby", moderator=staff)
    response = client.post(
        reverse("gallery:heartbeat", args=["lobby"]),
        {"status": "offline", "now_playing": entry.pk, "version": "v1"},
        content_type="application/json",
        headers={"x-screen-key": key},
    )
    assert response.status_code == 200
    screen.refresh_from_db()
    assert screen.status == "offline" and screen.now_playing == entry and screen.is_online()
    client.force_login(staff)
    page = client.get(reverse("gallery:screens")).content.decode()
    assert "Lobby" in page and entry.title in page


def test_the_dashboard_refreshes_its_table_in_place_not_the_whole_page(client, screen, staff):
    client.force_login(staff)
    page = client.get(reverse("gallery:screens")).content.decode()
    assert 'http-equiv="refresh"' not in page  # a timed reload fails WCAG 2.2.1 (axe: meta-refresh)
    assert 'hx-trigger="every 15s"' in page
    table = client.get(reverse("gallery:screens"), headers={"HX-Request": "true"}).content.decode()
    assert table.lstrip().startswith('<div id="screens"') and "Lobby" in table and "<html" not in table


def test_the_service_worker_is_served_with_a_museum_scope(client):
    response = client.get("/museum/sw.js")
    assert response.status_code == 200
    assert response["Service-Worker-Allowed"] == "/museum/"
    assert "javascript" in response["Content-Type"]


def test_the_winners_wall_and_the_screen_page_render(client, screen, make_entry):
    winner = make_entry(state="winner")
    assert winner.title in client.get(reverse("gallery:winners")).content.decode()
    assert 'data-screen="lobby"' in client.get(reverse("gallery:screen", args=["lobby"])).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_screen_socket_hears_unpublish_messages():
    async_to_sync(_listen)()


async def _listen() -> None:
    communicator = WebsocketCommunicator(URLRouter(websocket_urlpatterns), "/ws/museum/lobby/")
    connected, _ = await communicator.connect()
    assert connected
    assert (await communicator.receive_json_from())["type"] == "hello"
    await get_channel_layer().group_send(
        services.MUSEUM_GROUP, {"type": "museum.changed", "reason": "unpublish", "removed": [7]}
    )
    assert await communicator.receive_json_from() == {"type": "changed", "reason": "unpublish", "removed": [7]}
    await communicator.disconnect()
