from django.urls import path

from .consumers import MuseumConsumer

websocket_urlpatterns = [
    path("ws/museum/<slug:slug>/", MuseumConsumer.as_asgi()),
]
