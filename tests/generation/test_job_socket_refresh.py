"""An open job socket heals itself: if a message is lost, the row (the truth) reaches the client anyway."""

from __future__ import annotations

import json

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator
from django.db.models import F

from generation.consumers import JobConsumer
from generation.models import Job

from .factories import JobFactory


@pytest.mark.django_db(transaction=True)
def test_a_change_that_was_never_published_still_reaches_an_open_socket(settings, staff):
    settings.WONDER_SOCKET_REFRESH_S = 0.1
    job = JobFactory(status="running")
    async_to_sync(watch_and_heal)(job, staff)


async def watch_and_heal(job: Job, staff) -> None:
    communicator = WebsocketCommunicator(JobConsumer.as_asgi(), f"/ws/jobs/{job.pk}/")
    communicator.scope["url_route"] = {"kwargs": {"job_id": str(job.pk)}}
    communicator.scope["user"] = staff
    connected, _ = await communicator.connect()
    assert connected
    first = json.loads(await communicator.receive_from(timeout=5))
    # The worker's message is lost (e.g. a broker restart): only the row changes.
    await sync_to_async(Job.objects.filter(pk=job.pk).update)(status="succeeded", progress=1.0, seq=F("seq") + 1)
    healed = json.loads(await communicator.receive_from(timeout=5))
    assert healed["seq"] == first["seq"] + 1 and healed["status"] == "succeeded"
    assert await communicator.receive_nothing(timeout=0.3), "nothing more once the job has finished"
    await communicator.disconnect()
