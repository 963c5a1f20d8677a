"""Socket paths that no consumer serves."""

from __future__ import annotations

from channels.generic.websocket import AsyncWebsocketConsumer

CLOSE_NOT_FOUND = 4404


class NoSuchSocket(AsyncWebsocketConsumer):
    """The catch-all route: an unknown socket path is refused with close code 4404, not a 500 (channels'
    ``URLRouter`` raises on a path it cannot route)."""

    async def connect(self) -> None:
        await self.close(code=CLOSE_NOT_FOUND)
