"""A visit's sockets: ``/ws/kiosk/visits/<token>/`` for its kiosk screen, ``/ws/visits/<token>/`` for the
visitor's phone. Both send the visit's full state on connect, then each newer one (a re-plan and why), like the
job sockets; the kiosk's also gets the agent's reasoning lines live."""

from __future__ import annotations

import json
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer

from wonder.sockets import CLOSE_NOT_FOUND

from . import services
from .models import Visit

CLOSE_FORBIDDEN = 4403


@database_sync_to_async
def _state(token: str) -> dict[str, Any] | None:
    visit = Visit.objects.select_related("job").filter(token=token).first()
    return services.visit_state(visit) if visit and not visit.is_expired else None


class KioskVisitConsumer(AsyncWebsocketConsumer):
    """Only the kiosk session that owns the visit may listen; it gets the state on connect, then each change."""

    token: str | None = None

    def allowed(self, token: str) -> bool:
        session = self.scope.get("session")
        return session is not None and session.get(services.SESSION_KEY) == token

    async def connect(self) -> None:
        token = self.scope["url_route"]["kwargs"]["token"]
        await self.accept()
        if not self.allowed(token):
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


class PhoneVisitConsumer(KioskVisitConsumer):
    """The take-home page on the visitor's phone: whoever holds the take-home link (as for the page itself) follows
    the visit live until it expires; reasoning lines stay on the kiosk."""

    def allowed(self, token: str) -> bool:
        return True  # the token is the capability; an unknown or expired visit is closed with 4404 below

    async def visit_step(self, event: dict[str, Any]) -> None:
        return
