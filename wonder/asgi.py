"""ASGI entry point: HTTP through Django, WebSockets through channels."""

import asyncio
import os

import django
from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIHandler

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wonder.settings")
django.setup(set_prefix=False)


class SyncChainASGIHandler(ASGIHandler):
    """Django's ASGI handler with the middleware chain built in its sync mode and entered in one trip to the
    request's thread.

    Our middleware is sync (some only sync), and under ASGI Django's innermost handler is async whatever the chain:
    every request went to its thread for the middleware, back to the event loop for that handler, to the thread
    again for CSRF's process_view, for the view and for rendering the response. Each crossing waits for the loop
    or the GIL, which the embedded worker holds while it runs a job (py-spy, bench/jobs.py). Async views (readyz)
    still work: the sync chain runs them through ``async_to_sync``, as it does under WSGI.
    """

    def load_middleware(self, is_async: bool = False) -> None:
        super().load_middleware(is_async=False)
        # thread_sensitive: the request's own thread, as for any sync code Django runs for it (one per request).
        self._middleware_chain = sync_to_async(self._middleware_chain, thread_sensitive=True)


django_asgi_app = SyncChainASGIHandler()

from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402
from django.urls import re_path  # noqa: E402

from experience.routing import websocket_urlpatterns as kiosk_sockets  # noqa: E402
from gallery.routing import websocket_urlpatterns as museum_sockets  # noqa: E402
from generation import realtime  # noqa: E402
from generation.routing import websocket_urlpatterns as job_sockets  # noqa: E402
from wonder.admission import AdmissionGate  # noqa: E402
from wonder.socket_auth import SocketAuthStack  # noqa: E402  (sessions and users off the shared thread)
from wonder.sockets import NoSuchSocket  # noqa: E402

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
