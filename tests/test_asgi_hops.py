"""The HTTP side of wonder/asgi.py: a request crosses between the server's event loop and its thread as few times as
Django allows, and the Celery app builds no result backend per request thread."""

from __future__ import annotations

import asyncio
import threading

import pytest
from asgiref import sync
from django.http import HttpRequest, HttpResponse
from django.urls import path

from tests.test_admission import call


def _page(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok")


async def _async_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse("async ok")


urlpatterns = [path("page/", _page), path("async-page/", _async_page)]


@pytest.fixture
def hops(monkeypatch) -> list[str]:
    """Every switch between the event loop and a thread (each way), by the name of what it runs."""
    seen: list[str] = []
    to_thread, to_loop = sync.SyncToAsync.__call__, sync.AsyncToSync.__call__

    async def counted_to_thread(self, *args, **kwargs):
        seen.append(f"thread: {getattr(self.func, '__qualname__', self.func)}")
        return await to_thread(self, *args, **kwargs)

    def counted_to_loop(self, *args, **kwargs):
        seen.append(f"loop: {getattr(self.awaitable, '__qualname__', self.awaitable)}")
        return to_loop(self, *args, **kwargs)

    monkeypatch.setattr(sync.SyncToAsync, "__call__", counted_to_thread)
    monkeypatch.setattr(sync.AsyncToSync, "__call__", counted_to_loop)
    return seen


def test_a_request_runs_its_middleware_and_view_in_one_trip_to_its_thread(settings, hops):
    """Django's own handler went to the thread for request_started, again for the sync middleware, back to the loop
    for its async innermost handler, to the thread for CSRF's process_view, again for the view (and again to render
    a DRF response), and once more to close the response: six or seven round trips, each a wait for the loop or
    the GIL while the embedded worker runs (py-spy, bench/jobs.py). Three are left: request_started, the chain
    with the view, and closing the response (request_finished)."""
    from wonder.asgi import django_asgi_app

    settings.ROOT_URLCONF = __name__
    response = asyncio.run(call(django_asgi_app, "/page/"))
    assert response["status"] == 200 and response["body"] == b"ok"
    assert len(hops) == 3, hops


def test_async_views_still_answer_through_the_sync_chain(settings):
    from wonder.asgi import django_asgi_app

    settings.ROOT_URLCONF = __name__
    response = asyncio.run(call(django_asgi_app, "/async-page/"))
    assert response["status"] == 200 and response["body"] == b"async ok"


def test_sending_a_task_builds_no_result_backend_per_thread():
    """Each request runs in a thread of its own: a result backend built per thread (Celery's default) cost about
    0.5 ms of every job submitted (py-spy). There is no result backend (the Job row is the result)."""
    from wonder.celery import app

    backends = []
    threads = [threading.Thread(target=lambda: backends.append(app.backend)) for _ in range(2)]
    for thread in threads:
        thread.start()
        thread.join()
    assert backends[0] is backends[1]
