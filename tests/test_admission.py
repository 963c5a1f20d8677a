"""AdmissionMiddleware: a bounded number of requests run at once, the rest wait their turn or get a fast 503; probes
skip it."""

from __future__ import annotations

import asyncio
import json
import threading
import time

from asgiref.sync import sync_to_async
from django.http import HttpResponse
from django.test import AsyncClient, AsyncRequestFactory
from django.urls import path

from wonder.middleware import AdmissionMiddleware


def test_requests_beyond_the_limit_wait_their_turn_in_order(settings):
    settings.WONDER_MAX_CONCURRENT_REQUESTS = 2
    running, most, order = 0, 0, []

    async def view(request):
        nonlocal running, most
        running += 1
        most = max(most, running)
        order.append(request.path)
        await asyncio.sleep(0.02)
        running -= 1
        return HttpResponse("ok")

    middleware = AdmissionMiddleware(view)
    paths = [f"/page/{i}/" for i in range(8)]

    async def burst():
        return await asyncio.gather(*(middleware(AsyncRequestFactory().get(path)) for path in paths))

    responses = asyncio.run(burst())
    assert all(response.status_code == 200 for response in responses)
    assert most == 2
    assert order == paths  # first come, first served


def test_probes_do_not_wait_behind_a_busy_process(settings):
    settings.WONDER_MAX_CONCURRENT_REQUESTS = 1
    release = None

    async def view(request):
        if request.path == "/slow/":
            await release.wait()
        return HttpResponse(request.path)

    middleware = AdmissionMiddleware(view)

    async def scenario():
        nonlocal release
        release = asyncio.Event()
        slow = asyncio.ensure_future(middleware(AsyncRequestFactory().get("/slow/")))
        await asyncio.sleep(0.01)
        probe = await asyncio.wait_for(middleware(AsyncRequestFactory().get("/readyz")), timeout=1)
        queued = asyncio.ensure_future(middleware(AsyncRequestFactory().get("/other/")))
        await asyncio.sleep(0.05)
        assert not queued.done()  # the one slot is taken
        release.set()
        return probe, await slow, await queued

    probe, slow, queued = asyncio.run(scenario())
    assert probe.content == b"/readyz" and slow.content == b"/slow/" and queued.content == b"/other/"


def test_sync_stacks_pass_straight_through(settings):
    settings.WONDER_MAX_CONCURRENT_REQUESTS = 1
    middleware = AdmissionMiddleware(lambda request: HttpResponse("sync"))
    assert middleware(AsyncRequestFactory().get("/")).content == b"sync"


def test_a_client_that_leaves_keeps_its_slot_until_its_view_has_finished(settings):
    """Cancelling a request (the client timed out) does not stop its view's thread: the slot stays taken until the
    thread ends, or abandoned threads pile up beyond the limit (hundreds in bench/load.py, all sharing one GIL)."""
    settings.WONDER_MAX_CONCURRENT_REQUESTS = 1
    settings.WONDER_ADMISSION_MAX_WAIT_S = 5
    release = threading.Event()
    started: list[str] = []

    def blocking(request):
        started.append(request.path)
        if request.path == "/first/":
            release.wait(5)
        return HttpResponse(request.path)

    async def view(request):
        return await sync_to_async(blocking, thread_sensitive=False)(request)

    middleware = AdmissionMiddleware(view)

    async def scenario():
        first = asyncio.ensure_future(middleware(AsyncRequestFactory().get("/first/")))
        await asyncio.sleep(0.05)
        first.cancel()  # the client gave up; its thread is still in the view
        second = asyncio.ensure_future(middleware(AsyncRequestFactory().get("/second/")))
        await asyncio.sleep(0.2)
        running_before_release = list(started)
        release.set()
        response = await asyncio.wait_for(second, timeout=5)
        return running_before_release, response

    running_before_release, response = asyncio.run(scenario())
    assert running_before_release == ["/first/"]
    assert response.content == b"/second/"


def _hold_one_slot(settings, max_wait_s: float = 0.05):
    settings.WONDER_MAX_CONCURRENT_REQUESTS = 1
    settings.WONDER_ADMISSION_MAX_WAIT_S = max_wait_s
    gate = {}

    async def view(request):
        if request.path == "/slow/":
            await gate["release"].wait()
        return HttpResponse(request.path)

    return AdmissionMiddleware(view), gate


def test_overload_is_refused_fast_with_a_translated_503_page_and_retry_after(settings):
    settings.DEBUG = False
    settings.WONDER_ADMISSION_RETRY_AFTER_S = 7
    middleware, gate = _hold_one_slot(settings)

    async def scenario():
        gate["release"] = asyncio.Event()
        slow = asyncio.ensure_future(middleware(AsyncRequestFactory().get("/slow/")))
        await asyncio.sleep(0.01)
        started = time.perf_counter()
        english = await middleware(AsyncRequestFactory().get("/gallery/"))
        italian = await middleware(AsyncRequestFactory().get("/gallery/", headers={"Accept-Language": "it"}))
        elapsed = time.perf_counter() - started
        gate["release"].set()
        await slow
        return english, italian, elapsed

    english, italian, elapsed = asyncio.run(scenario())
    assert elapsed < 1.0  # refused within the wait budget, not after the client's own timeout
    for response in (english, italian):
        assert response.status_code == 503 and response["Retry-After"] == "7"
        assert response["X-Wonder-Overload"] == "shed"
        assert response["Content-Type"].startswith("text/html")
        assert b'http-equiv="refresh" content="7"' in response.content
    assert "This page reloads by itself." in english.content.decode()
    body = italian.content.decode()
    assert '<html lang="it">' in body and "This page reloads by itself." not in body


def test_overload_under_api_is_answered_in_json(settings):
    middleware, gate = _hold_one_slot(settings)

    async def scenario():
        gate["release"] = asyncio.Event()
        slow = asyncio.ensure_future(middleware(AsyncRequestFactory().get("/slow/")))
        await asyncio.sleep(0.01)
        refused = await middleware(AsyncRequestFactory().get("/api/contest/boards/"))
        gate["release"].set()
        await slow
        return refused

    refused = asyncio.run(scenario())
    assert refused.status_code == 503 and refused["Retry-After"] == "5"
    body = json.loads(refused.content)
    assert body["error"] == "overloaded" and body["retry_after_s"] == 5 and body["message"]


def test_follow_ups_on_an_open_page_go_before_new_page_loads(settings):
    middleware, gate = _hold_one_slot(settings, max_wait_s=5)
    order = []

    async def view(request):
        if request.path == "/slow/":
            await gate["release"].wait()
        order.append(request.path)
        return HttpResponse(request.path)

    middleware.get_response = view

    async def scenario():
        gate["release"] = asyncio.Event()
        slow = asyncio.ensure_future(middleware(AsyncRequestFactory().get("/slow/")))
        await asyncio.sleep(0.01)
        waiting = [
            asyncio.ensure_future(middleware(AsyncRequestFactory().get("/contest/"))),  # a new page
            asyncio.ensure_future(middleware(AsyncRequestFactory().post("/api/contest/entries/1/vote/"))),
            asyncio.ensure_future(middleware(AsyncRequestFactory().get("/gallery/", headers={"HX-Request": "true"}))),
            asyncio.ensure_future(middleware(AsyncRequestFactory().get("/gallery/posters/3.jpg"))),
        ]
        await asyncio.sleep(0.01)
        gate["release"].set()
        await asyncio.gather(slow, *waiting)

    asyncio.run(scenario())
    assert order == ["/slow/", "/api/contest/entries/1/vote/", "/gallery/", "/gallery/posters/3.jpg", "/contest/"]


def test_a_full_line_is_refused_at_once(settings):
    middleware, gate = _hold_one_slot(settings, max_wait_s=5)
    settings.WONDER_ADMISSION_MAX_QUEUE = 1
    middleware.max_queue = 1

    async def scenario():
        gate["release"] = asyncio.Event()
        slow = asyncio.ensure_future(middleware(AsyncRequestFactory().get("/slow/")))
        await asyncio.sleep(0.01)
        queued = asyncio.ensure_future(middleware(AsyncRequestFactory().get("/one/")))
        await asyncio.sleep(0.01)
        started = time.perf_counter()
        refused = await middleware(AsyncRequestFactory().get("/two/"))
        elapsed = time.perf_counter() - started
        gate["release"].set()
        return refused, elapsed, await queued, await slow

    refused, elapsed, queued, slow = asyncio.run(scenario())
    assert refused.status_code == 503 and elapsed < 0.5
    assert queued.content == b"/one/" and slow.content == b"/slow/"


def _slow_page(request):
    time.sleep(0.3)
    return HttpResponse("done")


urlpatterns = [path("slow-page/", _slow_page)]


def test_the_limit_holds_in_the_real_middleware_stack(settings):
    """Loaded as Daphne loads it (async handler, sync middleware below): the limit applies before a request gets a
    thread. As a sync-capable middleware it used to run inside each request's thread and limited nothing."""
    settings.ROOT_URLCONF = __name__
    settings.DEBUG = False
    settings.WONDER_MAX_CONCURRENT_REQUESTS = 1
    settings.WONDER_ADMISSION_MAX_WAIT_S = 0.05

    async def burst():
        client = AsyncClient()
        return await asyncio.gather(*(client.get("/slow-page/") for _ in range(3)))

    statuses = sorted(response.status_code for response in asyncio.run(burst()))
    assert statuses == [200, 503, 503]
