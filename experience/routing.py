"""WebSocket routes of the installation."""

from django.urls import path

from .consumers import KioskVisitConsumer, PhoneVisitConsumer

websocket_urlpatterns = [
    path("ws/kiosk/visits/<str:token>/", KioskVisitConsumer.as_asgi()),
    path("ws/visits/<str:token>/", PhoneVisitConsumer.as_asgi()),
]
