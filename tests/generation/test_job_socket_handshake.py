"""Job socket handshakes (session, user, row, first snapshot) run on the sockets' own threads: they never wait for
the one shared sync thread that channels' defaults send every socket's database work to."""

from __future__ import annotations

import asyncio
import json
import threading

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.test import Client

from generation.models import Job
from wonder.asgi import application

from .factories import JobFactory


def _socket(job: Job, cookie: str) -> WebsocketCommunicator:
    headers = [(b"host", b"testserver"), (b"origin", b"http://testserver"), (b"cookie", cookie.encode())]
    return WebsocketCommunicator(application, f"/ws/jobs/{job.pk}/", headers=headers)


def _cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


async def _while_the_shared_thread_is_busy(scenario):
    """Run ``scenario`` while the shared thread (thread-sensitive sync_to_async outside a request) is blocked."""
    busy = threading.Event()
    blocker = asyncio.ensure_future(sync_to_async(busy.wait)())
    await asyncio.sleep(0.05)
    try:
        return await scenario()
    finally:
        busy.set()
        await blocker


@pytest.mark.django_db(transaction=True)
def test_the_owner_gets_the_snapshot_while_the_shared_sync_thread_is_busy(user):
    job = JobFactory(owner=user, status="running")
    cookie = _cookie(user)

    async def scenario():
        socket = _socket(job, cookie)
        connected, _ = await socket.connect(timeout=3)
        snapshot = json.loads(await socket.receive_from(timeout=3))
        await socket.disconnect()
        return connected, snapshot

    connected, snapshot = asyncio.run(_while_the_shared_thread_is_busy(scenario))
    assert connected and snapshot["id"] == str(job.pk) and snapshot["status"] == "running"


@pytest.mark.django_db(transaction=True)
def test_someone_else_is_refused_with_4403_while_the_shared_sync_thread_is_busy(user, other_user):
    job = JobFactory(owner=user, status="running")
    cookie = _cookie(other_user)

    async def scenario():
        socket = _socket(job, cookie)
        connected, _ = await socket.connect(timeout=3)
        closed = await socket.receive_output(timeout=3)
        await socket.disconnect()
        return connected, closed

    connected, closed = asyncio.run(_while_the_shared_thread_is_busy(scenario))
    assert connected and closed == {"type": "websocket.close", "code": 4403}


@pytest.mark.django_db(transaction=True)
def test_an_unknown_job_is_closed_with_4404(user):
    cookie = _cookie(user)
    missing = JobFactory.build(owner=user)

    async def scenario():
        socket = _socket(missing, cookie)
        connected, _ = await socket.connect(timeout=3)
        closed = await socket.receive_output(timeout=3)
        await socket.disconnect()
        return connected, closed

    connected, closed = asyncio.run(scenario())
    assert connected and closed == {"type": "websocket.close", "code": 4404}
