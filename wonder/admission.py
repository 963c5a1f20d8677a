"""Admission control under overload, in front of Django: a bounded number of requests per process, the excess
refused early with a fast, translated 503.

At most ``WONDER_MAX_CONCURRENT_REQUESTS`` HTTP requests of a Daphne process run Django code at once. The others
wait for a slot, follow-ups on a page the fan already has (actions, htmx swaps, API calls, posters) before new page
loads, each kind in arrival order. A request that would wait longer than ``WONDER_ADMISSION_MAX_WAIT_S`` is refused
(on arrival, or as soon as follow-ups going ahead push a waiting page load past the limit) with a 503,
``Retry-After`` and ``X-Wonder-Overload: shed``: a page in the fan's language that reloads itself, or JSON under
``/api/``. Under overload nobody waits long, and the requests served stay fast.
Probes and static files skip the line (nginx serves the latter in production).

Why here and not as a Django middleware (where it was first):
- Django runs a middleware that can do both in the mode of the one below it, and ours sat above sync ones, so it
  ran inside each request's own thread and limited nothing. Hundreds of requests then ran at once on one GIL and
  the heaviest pages (/contest/, /gallery/: the most CPU each) took 12-30 s while light API calls came back in a
  second or two, as every thread got its turn (bench/load.py, embedded mode; a py-spy dump showed 440-700 threads
  in the server, most of them rendering templates).
- Even in async mode, every request Django sees starts a thread (its request_started and request_finished signal
  handlers run in one): refusing there cost as much as a small page. Here a refusal is a few bytes written from
  the event loop.
- A slot must be held until the request's code has really ended. Django cancels a request whose client went away,
  but not the thread running its view: a slot released then lets abandoned threads pile up beyond the limit. The
  gate keeps the disconnect from Django while the request runs, so the request runs to its end and its slot is
  held until then; if the server cancels the request anyway, the slot stays taken until the work finishes.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.http.cookie import parse_cookie
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from .metrics import QUEUE_SECONDS, SHED_REQUESTS

# Probes must answer while the process is busy, or an orchestrator restarts a process that is merely loaded.
UNQUEUED_PATHS = ("/healthz", "/readyz", "/metrics")
# A page's own scripts and styles, from WhiteNoise in the embedded site (nginx serves them without Daphne in
# production): a refused script silently breaks a page that was let in, and serving one costs next to nothing.
UNQUEUED_PREFIXES = ("/static/",)
# What a page the fan already has fetches by itself (its posters, media), and the API its scripts use.
FOLLOW_UP_PREFIXES = ("/api/", "/gallery/posters/", "/media/")
# Requests that follow up on a page the fan already has go first; new page loads are refused first.
FOLLOW_UP, NEW_PAGE = 0, 1
SHED_HEADER = b"x-wonder-overload"

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict]]
Send = Callable[[dict], Awaitable[None]]


def _headers(scope: Scope) -> dict[bytes, bytes]:
    return {name.lower(): value for name, value in scope.get("headers", [])}


def follows_up(scope: Scope) -> bool:
    """True for requests made from a page the fan is already on: an action (a vote, a judgement, a form), an htmx
    swap, an API call, or what the page loads by itself. A fresh navigation is the one that can wait for later."""
    headers = _headers(scope)
    if scope.get("method", "GET") not in ("GET", "HEAD") or b"hx-request" in headers:
        return True
    if scope.get("path", "").startswith(FOLLOW_UP_PREFIXES):
        return True
    # Browsers say what a request is for; "navigate" is a new page, anything else is part of one.
    mode = headers.get(b"sec-fetch-mode", b"")
    return bool(mode) and mode != b"navigate"


@dataclass(order=True)
class _Waiter:
    priority: int
    seq: int
    future: asyncio.Future = field(compare=False)
    line_wait_s: float = field(compare=False, default=0.0)  # Slots._line_wait_s when it joined the line
    since: float = field(compare=False, default=0.0)  # the event loop's clock when it joined the line


class Slots:
    """The slots of one process and the line for them; lives on the server's event loop."""

    def __init__(self, limit: int, max_wait_s: float, max_queue: int) -> None:
        self.limit, self.max_wait_s, self.max_queue = limit, max_wait_s, max_queue
        self.running = 0
        self.waiting: list[_Waiter] = []  # a heap; refused or cancelled waiters are skipped when popped
        self.queued = [0, 0]  # live waiters per priority
        self.arrivals = itertools.count()
        # How long a request holds its slot, smoothed: predicts the wait of a new arrival.
        self.service_s = 0.05
        # How far real waits run over that prediction, per kind, smoothed: a busy process serves its line slower
        # than its slots' hold times say, and follow-ups arriving later overtake a page load already in line.
        # Without it most refusals come after a full wasted wait instead of on arrival.
        self.overrun = [1.0, 1.0]

    def _line_wait_s(self, priority: int) -> float:
        """The wait of a new arrival if the line ahead of it moved as fast as the slots' hold times say."""
        ahead = self.queued[FOLLOW_UP] + (self.queued[NEW_PAGE] if priority == NEW_PAGE else 0)
        return (ahead + 1) * self.service_s / self.limit

    def predicted_wait_s(self, priority: int) -> float:
        return self._line_wait_s(priority) * self.overrun[priority]

    def waited(self, priority: int, line_wait_s: float, actual_s: float) -> None:
        """Learn how far a real wait ran over the line's own estimate (``_line_wait_s`` when it joined)."""
        if line_wait_s > 0.01:
            ratio = min(20.0, max(0.5, actual_s / line_wait_s))
            self.overrun[priority] += 0.05 * (ratio - self.overrun[priority])

    async def acquire(self, priority: int) -> bool:
        """Take a slot, waiting in line if need be; False when refused (the line is too long, or the wait ran out)."""
        if self.running < self.limit and not any(self.queued):
            self.running += 1
            return True
        if sum(self.queued) >= self.max_queue or self.predicted_wait_s(priority) > self.max_wait_s:
            return False
        line_wait = self._line_wait_s(priority)  # kept with the waiter, to learn from how long it really waits
        loop = asyncio.get_running_loop()
        if len(self.waiting) > 2 * self.max_queue:
            # Refused waiters deep in the heap leave only when they reach its top: drop them now and then.
            self.waiting = [w for w in self.waiting if not w.future.done()]
            heapq.heapify(self.waiting)
        since = loop.time()
        waiter = _Waiter(priority, next(self.arrivals), loop.create_future(), line_wait, since)
        heapq.heappush(self.waiting, waiter)
        self.queued[priority] += 1
        if priority == FOLLOW_UP and self.queued[NEW_PAGE]:
            self._shed_overtaken(since)
        expiry = loop.call_later(self.max_wait_s, self._expire, waiter)
        try:
            served = await waiter.future
            if served:
                self.waited(priority, line_wait, loop.time() - since)
            return served
        except asyncio.CancelledError:
            # The client left while waiting (which cancels the future too, unless it was settled just before).
            if waiter.future.cancelled():
                self.queued[priority] -= 1
            elif waiter.future.result():  # a slot handed over at that very moment goes to the next in line
                self.release(None)
            raise
        finally:
            expiry.cancel()

    def _shed_overtaken(self, now: float) -> None:
        """Refuse now the new page loads that the follow-ups going ahead of them have pushed past what is left of
        their wait limit: waiting it out first would only make the same refusal slow."""
        per_request = self.service_s / self.limit * self.overrun[NEW_PAGE]
        ahead = self.queued[FOLLOW_UP]
        for waiter in sorted(w for w in self.waiting if w.priority == NEW_PAGE and not w.future.done()):
            if (ahead + 1) * per_request > self.max_wait_s - (now - waiter.since):
                waiter.future.set_result(False)
                self.queued[NEW_PAGE] -= 1
            else:
                ahead += 1

    def _expire(self, waiter: _Waiter) -> None:
        if not waiter.future.done():
            waiter.future.set_result(False)
            self.queued[waiter.priority] -= 1
            self.waited(waiter.priority, waiter.line_wait_s, self.max_wait_s)  # it would have waited longer still

    def release(self, held_s: float | None) -> None:
        """Hand the slot to the first live waiter, else free it."""
        if held_s is not None:
            self.service_s += 0.1 * (held_s - self.service_s)
        if self.queued[NEW_PAGE]:
            # The line moves slower than predicted as often as not: page loads it can no longer serve in time are
            # told now.
            self._shed_overtaken(asyncio.get_running_loop().time())
        while self.waiting:
            waiter = heapq.heappop(self.waiting)
            if not waiter.future.done():
                self.queued[waiter.priority] -= 1
                waiter.future.set_result(True)
                return
        self.running -= 1


class AdmissionGate:
    """ASGI middleware in front of Django's HTTP application (wonder/asgi.py)."""

    def __init__(self, app: Callable[[Scope, Receive, Send], Awaitable[None]]) -> None:
        self.app = app
        self.slots: Slots | None = None  # made at the first request, from the settings of that moment
        self.refusals: dict[tuple[str, bool], bytes] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit = settings.WONDER_MAX_CONCURRENT_REQUESTS
        path = scope.get("path", "")
        if scope["type"] != "http" or not limit or path in UNQUEUED_PATHS or path.startswith(UNQUEUED_PREFIXES):
            return await self.app(scope, receive, send)
        if self.slots is None:
            self.slots = Slots(limit, settings.WONDER_ADMISSION_MAX_WAIT_S, settings.WONDER_ADMISSION_MAX_QUEUE)
        priority = FOLLOW_UP if follows_up(scope) else NEW_PAGE
        arrived = time.perf_counter()
        if not await self.slots.acquire(priority):
            SHED_REQUESTS.labels("follow_up" if priority == FOLLOW_UP else "new_page").inc()
            return await self.refuse(scope, send)
        started = time.perf_counter()
        QUEUE_SECONDS.observe(started - arrived)
        slots = self.slots
        task = asyncio.ensure_future(self.app(scope, _until_the_end(receive), send))

        def done(finished: asyncio.Future) -> None:
            if not finished.cancelled():
                finished.exception()  # retrieved: nobody may be waiting for it any more
            slots.release(time.perf_counter() - started)

        task.add_done_callback(done)
        # Shielded: if the server cancels this request, its code runs on regardless and keeps its slot until it ends.
        await asyncio.shield(task)

    async def refuse(self, scope: Scope, send: Send) -> None:
        """The fast, friendly 503: no Django request, no thread, no database; in the fan's language."""
        headers = _headers(scope)
        language = translation.get_language_from_request(
            SimpleNamespace(
                COOKIES=parse_cookie(headers.get(b"cookie", b"").decode("latin-1")),
                META={"HTTP_ACCEPT_LANGUAGE": headers.get(b"accept-language", b"").decode("latin-1")},
            )
        )
        api = scope.get("path", "").startswith("/api/")
        retry_after = settings.WONDER_ADMISSION_RETRY_AFTER_S
        if (language, api) not in self.refusals:  # made once per language and kind
            with translation.override(language):
                message = _("Lots of fans are here right now. Please try again in a few seconds.")
                if api:
                    body = json.dumps({"error": "overloaded", "message": message, "retry_after_s": retry_after})
                else:
                    context = {"message": message, "LANGUAGE_CODE": language, "refresh_s": retry_after}
                    body = render_to_string("503.html", context)
            self.refusals[(language, api)] = body.encode()
        body = self.refusals[(language, api)]
        content_type = b"application/json" if api else b"text/html; charset=utf-8"
        await send(
            {
                "type": "http.response.start",
                "status": 503,
                "headers": [
                    (b"content-type", content_type),
                    (b"content-length", str(len(body)).encode()),
                    (b"retry-after", str(retry_after).encode()),
                    (b"cache-control", b"no-store"),
                    # Tells a deliberate refusal from a failure in proxy logs and benchmarks (bench/load.py).
                    (SHED_HEADER, b"shed"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _until_the_end(receive: Receive) -> Receive:
    """``receive`` for Django that passes the request body but holds back a later disconnect: Django would cancel
    the request, not the thread running its view, and the slot must stay taken until that thread is done."""
    body_done = False

    async def wrapped() -> dict:
        nonlocal body_done
        if body_done:
            await asyncio.Future()  # never: Django stops listening (cancels this) once its response is sent
        message = await receive()
        if message["type"] == "http.request" and not message.get("more_body", False):
            body_done = True
        return message

    return wrapped
