"""Request admission under overload, and a friendly 503 instead of a traceback when the database is unreachable."""

from __future__ import annotations

import asyncio
import heapq
import itertools
import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from asgiref.sync import iscoroutinefunction, markcoroutinefunction
from django.conf import settings
from django.core.handlers.asgi import ASGIRequest
from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .metrics import QUEUE_SECONDS, SHED_REQUESTS

log = logging.getLogger(__name__)
RETRY_AFTER_S = 30
# Probes must answer while the process is busy, or an orchestrator restarts a process that is merely loaded.
UNQUEUED_PATHS = ("/healthz", "/readyz", "/metrics")
# What a page the fan already has fetches by itself (its posters, media, static files).
FOLLOW_UP_PREFIXES = ("/api/", "/gallery/posters/", "/media/", "/static/")
# Requests that follow up on a page the fan already has go first; new page loads are refused first.
FOLLOW_UP, NEW_PAGE = 0, 1


def follows_up(request: HttpRequest) -> bool:
    """True for requests made from a page the fan is already on: an action (a vote, a judgement, a form), an htmx
    swap, an API call, or what the page loads by itself. A fresh navigation is the one that can wait for later."""
    if request.method not in ("GET", "HEAD") or "HX-Request" in request.headers:
        return True
    if request.path.startswith(FOLLOW_UP_PREFIXES):
        return True
    # Browsers say what a request is for; "navigate" is a new page, anything else is part of one.
    mode = request.headers.get("Sec-Fetch-Mode")
    return bool(mode) and mode != "navigate"


@dataclass(order=True)
class _Waiter:
    priority: int
    seq: int
    future: asyncio.Future = field(compare=False)


class AdmissionMiddleware:
    """At most ``WONDER_MAX_CONCURRENT_REQUESTS`` requests of a Daphne process run Django code at once; the others
    wait for a slot, follow-ups on a page the fan already has (actions, htmx, API, posters) before new page loads,
    and each kind in arrival order. A request that would wait longer than ``WONDER_ADMISSION_MAX_WAIT_S`` is
    refused at once with a translated 503 and ``Retry-After`` (JSON under ``/api/``), so under overload nobody
    waits long: the excess is shed early and the requests served stay fast.

    Async only, on purpose: Django runs a middleware that can do both in the mode of the one below it, and
    RequestMetricsMiddleware (and others further down) are sync, so this class ran in each request's own thread,
    after the thread had been started, and limited nothing. Hundreds of requests then ran at once, sharing one GIL,
    and the heaviest pages (/contest/, /gallery/: the most CPU each) took 12-30 s while light API calls still came
    back in a second or two, as every thread got its turn (bench/load.py, embedded mode; py-spy showed 440-700
    threads in the server, most in template rendering and gettext). Under WSGI (and Django's sync test client),
    where a request is not on the server's event loop, it lets requests through: that server bounds its threads.

    A slot is held until the request's code has really finished. A client that gives up cancels the request's
    task, but not the thread running its view: releasing the slot then (as this class did before) let hundreds of
    abandoned threads run at once, which share one GIL, and the heaviest pages took 30 s (bench/load.py,
    embedded mode; the py-spy dump showed 440-700 threads in the server).
    """

    sync_capable = False
    async_capable = True

    def __init__(self, get_response: Callable) -> None:
        self.get_response = get_response
        self.limit = settings.WONDER_MAX_CONCURRENT_REQUESTS
        self.max_wait_s = settings.WONDER_ADMISSION_MAX_WAIT_S
        self.max_queue = settings.WONDER_ADMISSION_MAX_QUEUE
        self.retry_after_s = settings.WONDER_ADMISSION_RETRY_AFTER_S
        self.running = 0
        self.waiting: list[_Waiter] = []  # a heap; refused or cancelled waiters are skipped when popped
        self.queued = [0, 0]  # live waiters per priority
        self.arrivals = itertools.count()
        # How long a request holds its slot, smoothed: predicts the wait of a new arrival.
        self.service_s = 0.05
        self.refusals: dict[tuple[str, bool], bytes] = {}
        self.is_async = iscoroutinefunction(get_response)
        if self.is_async:
            markcoroutinefunction(self)

    def __call__(self, request: HttpRequest):
        if not self.is_async or not self.limit:  # a WSGI server or the test client bounds its own threads
            return self.get_response(request)
        return self._admit(request)

    async def _admit(self, request: HttpRequest) -> HttpResponse:
        if request.path in UNQUEUED_PATHS or not isinstance(request, ASGIRequest):
            return await self.get_response(request)
        arrived = time.perf_counter()
        if self.running < self.limit and not any(self.queued):
            self.running += 1
        else:
            priority = FOLLOW_UP if follows_up(request) else NEW_PAGE
            if not await self._wait_for_slot(priority):
                SHED_REQUESTS.labels("follow_up" if priority == FOLLOW_UP else "new_page").inc()
                return self.refusal(request)
        QUEUE_SECONDS.observe(time.perf_counter() - arrived)
        return await self._run(request)

    def predicted_wait_s(self, priority: int) -> float:
        ahead = self.queued[FOLLOW_UP] + (self.queued[NEW_PAGE] if priority == NEW_PAGE else 0)
        return (ahead + 1) * self.service_s / self.limit

    async def _wait_for_slot(self, priority: int) -> bool:
        """Queue for a slot; False when refused (the line is too long, or the wait ran out)."""
        if sum(self.queued) >= self.max_queue or self.predicted_wait_s(priority) > self.max_wait_s:
            return False
        loop = asyncio.get_running_loop()
        waiter = _Waiter(priority, next(self.arrivals), loop.create_future())
        heapq.heappush(self.waiting, waiter)
        self.queued[priority] += 1
        expiry = loop.call_later(self.max_wait_s, self._expire, waiter)
        try:
            return await waiter.future
        except asyncio.CancelledError:
            # The client left while waiting (which cancels the future too, unless it was settled just before).
            if waiter.future.cancelled():
                self.queued[priority] -= 1
            elif waiter.future.result():  # a slot handed over at that very moment goes to the next in line
                self._release()
            raise
        finally:
            expiry.cancel()

    def _expire(self, waiter: _Waiter) -> None:
        if not waiter.future.done():
            waiter.future.set_result(False)
            self.queued[waiter.priority] -= 1

    def _release(self) -> None:
        """Hand the slot to the first live waiter, else free it."""
        while self.waiting:
            waiter = heapq.heappop(self.waiting)
            if not waiter.future.done():
                self.queued[waiter.priority] -= 1
                waiter.future.set_result(True)
                return
        self.running -= 1

    async def _run(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()

        def done(_task: asyncio.Future) -> None:
            if not _task.cancelled():
                _task.exception()  # retrieved: a request nobody waits for any more must not log "never retrieved"
            self.service_s += 0.1 * (time.perf_counter() - started - self.service_s)
            self._release()

        task = asyncio.ensure_future(self.get_response(request))
        task.add_done_callback(done)
        # Shielded: if the client leaves, its view's thread runs on regardless, and keeps its slot until it ends.
        return await asyncio.shield(task)

    def refusal(self, request: HttpRequest) -> HttpResponse:
        """The fast, friendly 503: cheap to make (no database, no session), in the fan's language."""
        language = translation.get_language_from_request(request)
        api = request.path.startswith("/api/")
        if (language, api) not in self.refusals:
            # Made once per language and kind: refusals come by the hundred per second when they come at all, on
            # the event loop that must keep serving everyone else.
            with translation.override(language):
                message = _("Lots of fans are here right now. Please try again in a few seconds.")
                if api:
                    body = json.dumps({"error": "overloaded", "message": message, "retry_after_s": self.retry_after_s})
                else:
                    context = {"message": message, "LANGUAGE_CODE": language, "refresh_s": self.retry_after_s}
                    body = render_to_string("503.html", context)
            self.refusals[(language, api)] = body.encode()
        content_type = "application/json" if api else "text/html; charset=utf-8"
        response = HttpResponse(self.refusals[(language, api)], status=503, content_type=content_type)
        response["Retry-After"] = str(self.retry_after_s)
        response["Cache-Control"] = "no-store"
        # Tells a deliberate refusal from a failure in proxy logs and benchmarks (bench/load.py).
        response["X-Wonder-Overload"] = "shed"
        return response


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
