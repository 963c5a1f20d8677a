"""ASGI entry point: HTTP through Django, WebSockets through channels."""

import asyncio
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wonder.settings")
django_asgi_app = get_asgi_application()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.urls import re_path  # noqa: E402

from experience.routing import websocket_urlpatterns as kiosk_sockets  # noqa: E402
from gallery.routing import websocket_urlpatterns as museum_sockets  # noqa: E402
from generation import realtime  # noqa: E402
from generation.prompting import safety_model  # noqa: E402
from generation.routing import websocket_urlpatterns as job_sockets  # noqa: E402
from wonder.admission import AdmissionGate  # noqa: E402
from wonder.socket_auth import SocketAuthStack  # noqa: E402  (sessions and users off the shared thread)
from wonder.sockets import NoSuchSocket  # noqa: E402

# The prompt-safety classifier loads in the background now, not in the first fan's request; /readyz waits for it.
safety_model.warm_up()

router = ProtocolTypeRouter(
    {
        # Admission control: a bounded number of requests per process, the excess refused early (fast 503).
        "http": AdmissionGate(django_asgi_app),
        "websocket": AllowedHostsOriginValidator(
            SocketAuthStack(
                URLRouter([*job_sockets, *kiosk_sockets, *museum_sockets, re_path(r"", NoSuchSocket.as_asgi())])
            )
        ),
    }
)


async def application(scope, receive, send):
    # The in-memory channel layer lives on this loop; publishers on worker threads hand messages to it.
    realtime.bind_server_loop(asyncio.get_running_loop())
    return await router(scope, receive, send)
