"""``/ws/kiosk/visits/<token>/``: only the kiosk session owning the visit listens; it gets the state on connect
and a push when the plan changes."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.auth import AuthMiddlewareStack
from channels.layers import get_channel_layer
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.contrib.sessions.backends.db import SessionStore

from experience import services
from experience.routing import websocket_urlpatterns
from tests.experience.factories import VisitFactory

pytestmark = pytest.mark.django_db(transaction=True)

APP = AuthMiddlewareStack(URLRouter(websocket_urlpatterns))


@pytest.fixture(autouse=True)
def in_memory_layer(settings):
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}


def _session_for(token: str | None) -> str:
    session = SessionStore()
    if token:
        session[services.SESSION_KEY] = token
    session.create()
    return session.session_key


async def _connect(token: str, session_key: str) -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(
        APP, f"/ws/kiosk/visits/{token}/", headers=[(b"cookie", f"sessionid={session_key}".encode())]
    )
    connected, _ = await communicator.connect()
    assert connected
    return communicator


def test_the_owning_kiosk_gets_the_state_then_each_change():
    visit = VisitFactory(plan_version=1)
    async_to_sync(_owner_listens)(visit.token, _session_for(visit.token))


async def _owner_listens(token: str, session_key: str) -> None:
    communicator = await _connect(token, session_key)
    assert await communicator.receive_json_from() == {
        "type": "visit",
        "version": 1,
        "job": None,
        "status": None,
        "note": None,
        "changed_ms": None,
    }
    state = {"type": "visit", "version": 2, "job": "abc", "note": {"code": "closed", "zone": "cafe"}}
    await get_channel_layer().group_send(services.visit_group(token), {"type": "visit.changed", "state": state})
    assert await communicator.receive_json_from() == state
    await communicator.disconnect()


def test_another_session_is_refused():
    visit = VisitFactory()
    assert async_to_sync(_close_code)(visit.token, _session_for("someone-else")) == 4403


async def _close_code(token: str, session_key: str) -> int:
    communicator = await _connect(token, session_key)
    return (await communicator.receive_output())["code"]
