"""``/ws/kiosk/visits/<token>/``: tells the kiosk screen of a visit when its plan changes (e.g. a zone closed)."""

from __future__ import annotations

import json
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from . import services
from .models import Visit

CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404


@database_sync_to_async
def _state(token: str) -> dict[str, Any] | None:
    visit = Visit.objects.filter(token=token).first()
    return services.visit_state(visit) if visit else None


class KioskVisitConsumer(AsyncWebsocketConsumer):
    """Only the kiosk session that owns the visit may listen; it gets the state on connect, then each change."""

    token: str | None = None

    async def connect(self) -> None:
        token = self.scope["url_route"]["kwargs"]["token"]
        await self.accept()
        session = self.scope.get("session")
        if session is None or session.get(services.SESSION_KEY) != token:
            await self.close(code=CLOSE_FORBIDDEN)
            return
        # Subscribe before reading, so no change can fall between the read and the subscription.
        self.token = token
        await self.channel_layer.group_add(services.visit_group(token), self.channel_name)
        state = await _state(token)
        if state is None:
            await self.close(code=CLOSE_NOT_FOUND)
            return
        await self.send(text_data=json.dumps(state))

    async def disconnect(self, code: int) -> None:
        if self.token:
            await self.channel_layer.group_discard(services.visit_group(self.token), self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        if self.token:
            state = await _state(self.token)
            if state is not None:
                await self.send(text_data=json.dumps(state))

    async def visit_changed(self, event: dict[str, Any]) -> None:
        await self.send(text_data=json.dumps(event["state"]))

    async def visit_step(self, event: dict[str, Any]) -> None:
        """One reasoning line of the agent, live (best effort; the finished run keeps them all)."""
        await self.send(text_data=json.dumps({"type": "step", "index": event["index"], "line": event["line"]}))
