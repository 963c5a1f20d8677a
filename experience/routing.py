"""WebSocket routes of the installation."""

from django.urls import path

from .consumers import KioskVisitConsumer

websocket_urlpatterns = [
    path("ws/kiosk/visits/<str:token>/", KioskVisitConsumer.as_asgi()),
]
