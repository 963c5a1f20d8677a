"""``/ws/museum/<slug>/``: tells a museum screen when its playlist changed (publish, unpublish, reorder)."""

from __future__ import annotations

import json
from typing import Any

from channels.generic.websocket import AsyncWebsocketConsumer

from . import services


class MuseumConsumer(AsyncWebsocketConsumer):
    """Anyone may listen (playlists are public); a screen joins its own group and the global one."""

    groups_joined: list[str] = []

    async def connect(self) -> None:
        slug = self.scope["url_route"]["kwargs"]["slug"]
        self.groups_joined = [services.MUSEUM_GROUP, services.screen_group(slug)]
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()
        await self.send(text_data=json.dumps({"type": "hello"}))

    async def disconnect(self, code: int) -> None:
        for group in self.groups_joined:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        await self.send(text_data=json.dumps({"type": "pong"}))

    async def museum_changed(self, event: dict[str, Any]) -> None:
        await self.send(
            text_data=json.dumps({"type": "changed", "reason": event["reason"], "removed": event["removed"]})
        )
