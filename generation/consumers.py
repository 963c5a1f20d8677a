"""``/ws/jobs/<uuid>/``: the job's snapshot on connect, then every newer one."""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

from django.conf import settings

from wonder.socket_auth import PooledSocketConsumer, socket_db
from wonder.sockets import CLOSE_NOT_FOUND

from . import realtime
from .models import Job

CLOSE_FORBIDDEN = 4403


@socket_db
def _open(job_id: str, user: Any, session_key: str | None) -> tuple[int | None, dict[str, Any] | None]:
    """The row, the permission check and the first snapshot in one trip to the database thread:
    (close code or None, snapshot)."""
    try:
        job = Job.objects.filter(pk=uuid.UUID(job_id)).first()
    except ValueError:
        job = None
    if job is None:
        return CLOSE_NOT_FOUND, None
    if not job.can_view(user, session_key):
        return CLOSE_FORBIDDEN, None
    return None, job.snapshot()


@socket_db
def _snapshot(job_id: str) -> dict[str, Any] | None:
    job = Job.objects.filter(pk=job_id).first()
    return job.snapshot() if job else None


class JobConsumer(PooledSocketConsumer):
    job_id: str | None = None
    last_seq = -1
    refresher: asyncio.Task | None = None

    async def connect(self) -> None:
        requested = self.scope["url_route"]["kwargs"]["job_id"]
        try:
            group = realtime.job_group(uuid.UUID(requested))
        except ValueError:
            group = None
        # Subscribe before reading, so no change can fall between the read and the subscription. Nothing reaches
        # the client before the permission check: channel messages wait until connect() has returned, and
        # job_snapshot() forwards only once job_id is set.
        if group:
            await self.channel_layer.group_add(group, self.channel_name)
        session = self.scope.get("session")
        refused, snapshot = await _open(requested, self.scope.get("user"), session.session_key if session else None)
        # Accept first: a custom close code can only be sent on an open socket.
        await self.accept()
        if refused:
            if group:
                await self.channel_layer.group_discard(group, self.channel_name)
            await self.close(code=refused)
            return
        self.job_id = snapshot["id"]
        await self._forward(snapshot["seq"], json.dumps(snapshot))
        if snapshot["status"] not in Job.FINISHED:
            self.refresher = asyncio.create_task(self._refresh_until_finished())

    async def disconnect(self, code: int) -> None:
        if self.refresher:
            self.refresher.cancel()
        if self.job_id:
            await self.channel_layer.group_discard(realtime.job_group(self.job_id), self.channel_name)

    async def _refresh_until_finished(self) -> None:
        """Re-read the row now and then while the job is active: the layer delivers at most once, and a broker
        restart can drop a subscription, but the row is the truth, so an open socket never stays stale for long."""
        while True:
            await asyncio.sleep(settings.WONDER_SOCKET_REFRESH_S)
            if await self._send_current():
                return

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        """Clients may ask for the current snapshot or ping; anything else gets an error frame."""
        try:
            message = json.loads(text_data) if text_data is not None else None
            kind = message.get("type") if isinstance(message, dict) else None
        except ValueError:
            kind = None
        if kind == "ping":
            await self.send(text_data=json.dumps({"type": "pong"}))
        elif kind == "snapshot":
            await self._send_current(force=True)
        else:
            await self.send(
                text_data=json.dumps(
                    {"type": "error", "error": "bad_message", "message": 'Send {"type": "snapshot"} or ping.'}
                )
            )

    async def job_snapshot(self, event: dict[str, Any]) -> None:
        if self.job_id:
            await self._forward(event["seq"], event["text"])

    async def _send_current(self, force: bool = False) -> bool:
        """Send the row's snapshot if it is newer (or ``force``); True once the job has finished."""
        snapshot = await _snapshot(self.job_id)
        if snapshot is None:
            return True
        await self._forward(snapshot["seq"], json.dumps(snapshot), force=force)
        return snapshot["status"] in Job.FINISHED

    async def _forward(self, seq: int, text: str, force: bool = False) -> None:
        # Publishers on different threads may deliver out of order: never step a client back in time.
        if seq <= self.last_seq and not force:
            return
        self.last_seq = max(self.last_seq, seq)
        await self.send(text_data=text)
