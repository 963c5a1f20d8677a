"""WebSocket routes of the installation (none yet)."""

websocket_urlpatterns: list = []
