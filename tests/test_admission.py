"""AdmissionMiddleware: a bounded number of requests run at once, the rest wait in arrival order; probes skip it."""

from __future__ import annotations

import asyncio

from django.http import HttpResponse
from django.test import RequestFactory

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
        return await asyncio.gather(*(middleware(RequestFactory().get(path)) for path in paths))

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
        slow = asyncio.ensure_future(middleware(RequestFactory().get("/slow/")))
        await asyncio.sleep(0.01)
        probe = await asyncio.wait_for(middleware(RequestFactory().get("/readyz")), timeout=1)
        queued = asyncio.ensure_future(middleware(RequestFactory().get("/other/")))
        await asyncio.sleep(0.05)
        assert not queued.done()  # the one slot is taken
        release.set()
        return probe, await slow, await queued

    probe, slow, queued = asyncio.run(scenario())
    assert probe.content == b"/readyz" and slow.content == b"/slow/" and queued.content == b"/other/"


def test_sync_stacks_pass_straight_through(settings):
    settings.WONDER_MAX_CONCURRENT_REQUESTS = 1
    middleware = AdmissionMiddleware(lambda request: HttpResponse("sync"))
    assert middleware(RequestFactory().get("/")).content == b"sync"
