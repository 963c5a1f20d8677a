"""Request admission under overload, and a friendly 503 instead of a traceback when the database is unreachable."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from .metrics import QUEUE_SECONDS

log = logging.getLogger(__name__)
RETRY_AFTER_S = 30
# Probes must answer while the process is busy, or an orchestrator restarts a process that is merely loaded.
UNQUEUED_PATHS = ("/healthz", "/readyz", "/metrics")


class AdmissionMiddleware:
    """At most ``WONDER_MAX_CONCURRENT_REQUESTS`` requests of a Daphne process run Django code at once; the others
    wait their turn in arrival order (asyncio's semaphore is fair).

    Without it, an overloaded process gives every waiting request a thread, and hundreds of threads share one GIL:
    everything slows down together and the heaviest pages pass the clients' timeout (bench/load.py). Waiting in
    line keeps each request's own run short, and the wait shows in ``wonder_http_queue_seconds``.
    """

    sync_capable = True
    async_capable = True

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response
        self.limit = settings.WONDER_MAX_CONCURRENT_REQUESTS
        self.slots: asyncio.Semaphore | None = None
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest):
        if not self.is_async or not self.limit:  # a WSGI server or the test client bounds its own threads
            return self.get_response(request)
        return self._admit(request)

    async def _admit(self, request: HttpRequest) -> HttpResponse:
        if request.path in UNQUEUED_PATHS:
            return await self.get_response(request)
        if self.slots is None:  # created on the server's loop, at the first request
            self.slots = asyncio.Semaphore(self.limit)
        waited = time.perf_counter()
        async with self.slots:
            QUEUE_SECONDS.observe(time.perf_counter() - waited)
            return await self.get_response(request)


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        log.error("database unavailable on %s: %s", request.path, exception)
        message = _("Wonder is taking a short break. Please try again in a minute.")
        if request.path.startswith("/api/"):
            response: HttpResponse = JsonResponse({"error": "unavailable", "message": message}, status=503)
        else:
            # Rendered without the request: context processors would reach for the database again.
            response = HttpResponse(render_to_string("503.html", {"message": message}), status=503)
        response["Retry-After"] = str(RETRY_AFTER_S)
        return response
