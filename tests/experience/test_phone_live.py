"""The take-home page on the phone follows the visit live: a zone closes, the agent re-plans, and the phone's socket
gets the new state with the reason, as a job socket would; the page's partial shows the new route and why."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.auth import AuthMiddlewareStack
from channels.db import database_sync_to_async
from channels.routing import URLRouter
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from experience import services
from experience.models import Visit, Zone
from experience.routing import websocket_urlpatterns
from generation import runner

pytestmark = pytest.mark.django_db(transaction=True)

APP = AuthMiddlewareStack(URLRouter(websocket_urlpatterns))


@pytest.fixture(autouse=True)
def in_memory_layer(settings):
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}


@pytest.fixture
def taken_home(planned_visit) -> Visit:
    """A planned visit the visitor took home; the kiosk has let go of it."""
    visit = planned_visit(interests=["fashion"], sport=None)
    Visit.objects.filter(pk=visit.pk).update(finished_at=timezone.now(), session_key="")
    return Visit.objects.select_related("job").get(pk=visit.pk)


def _close_a_zone_and_run_the_agent(visit: Visit) -> str:
    target = next(stop.zone for stop in visit.get_plan().stops if stop.zone != "welcome")
    services.set_zone_status(zone=Zone.objects.get(slug=target), is_open=False, queue_minutes=0)
    runner.execute(Visit.objects.get(pk=visit.pk).job_id, attempt=1, worker="t")
    return target


async def _phone_sees_the_replan(visit: Visit) -> tuple[dict, list[dict], str]:
    phone = WebsocketCommunicator(APP, f"/ws/visits/{visit.token}/")
    connected, _ = await phone.connect()
    assert connected
    first = await phone.receive_json_from()
    target = await database_sync_to_async(_close_a_zone_and_run_the_agent)(visit)
    states = []
    while not states or states[-1]["version"] == first["version"]:
        states.append(await phone.receive_json_from(timeout=5))
    await phone.disconnect()
    return first, states, target


def test_a_zone_closes_and_the_phone_gets_the_new_route_and_why(taken_home, client):
    first, states, target = async_to_sync(_phone_sees_the_replan)(taken_home)
    assert first["version"] == 1 and first["status"] == "succeeded"
    assert states[0]["status"] == "queued" and states[0]["note"] == {"code": "closed", "zone": target}
    final = states[-1]
    assert final["version"] == 2 and final["status"] == "succeeded" and final["changed_ms"]
    visit = Visit.objects.get(pk=taken_home.pk)
    assert target not in visit.get_plan().zone_ids  # adopted without any screen asking for it

    partial = client.get(f"/me/{visit.token}/", headers={"hx-request": "true"}).content.decode()
    assert "<html" not in partial and "has just closed" in partial
    assert f'data-version="{visit.plan_version}"' in partial


def test_the_phone_socket_needs_a_live_visit():
    async def code(token: str) -> int:
        phone = WebsocketCommunicator(APP, f"/ws/visits/{token}/")
        await phone.connect()
        return (await phone.receive_output())["code"]

    assert async_to_sync(code)("no-such-visit") == 4404


def test_the_phone_page_subscribes_to_its_visit(taken_home, client):
    page = client.get(f"/me/{taken_home.token}/").content.decode()
    assert f'data-visit-socket="/ws/visits/{taken_home.token}/"' in page and "me.js" in page
