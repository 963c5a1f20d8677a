"""Admission control (wonder/admission.py): a bounded number of requests run at once, the rest wait their turn or
get a fast, translated 503 with Retry-After; follow-ups on an open page go first; probes skip the line."""

from __future__ import annotations

import asyncio
import json
import threading
import time

from asgiref.sync import sync_to_async
from django.core.handlers.asgi import ASGIHandler
from django.http import HttpResponse
from django.urls import path

from wonder.admission import FOLLOW_UP, NEW_PAGE, AdmissionGate, Slots


def scope(path: str, method: str = "GET", headers: dict[str, str] | None = None) -> dict:
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"testserver"), *((k.lower().encode(), v.encode()) for k, v in (headers or {}).items())],
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }


async def call(app, path: str, method: str = "GET", headers: dict[str, str] | None = None) -> dict:
    """One request through an ASGI app: returns status, headers and body."""
    sent: list[dict] = []
    requests = [{"type": "http.request", "body": b"", "more_body": False}]

    async def receive() -> dict:
        if requests:
            return requests.pop()
        await asyncio.Future()  # the client stays connected

    async def send(message: dict) -> None:
        sent.append(message)

    await app(scope(path, method, headers), receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return {"status": start["status"], "headers": dict(start["headers"]), "body": body}


class Recorder:
    """A stand-in for Django: records when each request starts, holds /slow/ until released."""

    def __init__(self) -> None:
        self.order: list[str] = []
        self.running = 0
        self.most = 0
        self.release: asyncio.Event | None = None

    async def __call__(self, scope, receive, send) -> None:
        self.running += 1
        self.most = max(self.most, self.running)
        self.order.append(scope["path"])
        if scope["path"] == "/slow/":
            await self.release.wait()
        else:
            await asyncio.sleep(0.02)
        self.running -= 1
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": scope["path"].encode()})


def test_requests_beyond_the_limit_wait_their_turn_in_order(settings):
    settings.WONDER_MAX_CONCURRENT_REQUESTS = 2
    app = Recorder()
    gate = AdmissionGate(app)
    paths = [f"/api/page/{i}/" for i in range(8)]

    async def burst():
        return await asyncio.gather(*(call(gate, path) for path in paths))

    responses = asyncio.run(burst())
    assert all(response["status"] == 200 for response in responses)
    assert app.most == 2
    assert app.order == paths  # first come, first served


def test_probes_do_not_wait_behind_a_busy_process(settings):
    settings.WONDER_MAX_CONCURRENT_REQUESTS = 1
    settings.WONDER_ADMISSION_MAX_WAIT_S = 5
    app = Recorder()
    gate = AdmissionGate(app)

    async def scenario():
        app.release = asyncio.Event()
        slow = asyncio.ensure_future(call(gate, "/slow/"))
        await asyncio.sleep(0.01)
        probe = await asyncio.wait_for(call(gate, "/readyz"), timeout=1)
        queued = asyncio.ensure_future(call(gate, "/other/"))
        await asyncio.sleep(0.05)
        assert not queued.done()  # the one slot is taken
        app.release.set()
        return probe, await slow, await queued

    probe, slow, queued = asyncio.run(scenario())
    assert probe["body"] == b"/readyz" and slow["body"] == b"/slow/" and queued["body"] == b"/other/"


def test_a_request_the_server_cancels_keeps_its_slot_until_its_view_has_finished(settings):
    """Cancelling a request does not stop its view's thread: the slot stays taken until the thread ends, or
    abandoned threads pile up beyond the limit (hundreds in bench/load.py, all sharing one GIL)."""
    settings.WONDER_MAX_CONCURRENT_REQUESTS = 1
    settings.WONDER_ADMISSION_MAX_WAIT_S = 5
    release = threading.Event()
    started: list[str] = []

    def blocking(path: str) -> None:
        started.append(path)
        if path == "/first/":
            release.wait(5)

    async def app(scope, receive, send):
        await sync_to_async(blocking, thread_sensitive=False)(scope["path"])
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": scope["path"].encode()})

    gate = AdmissionGate(app)

    async def scenario():
        first = asyncio.ensure_future(call(gate, "/first/"))
        await asyncio.sleep(0.05)
        first.cancel()  # e.g. the server gave up on it; its thread is still in the view
        second = asyncio.ensure_future(call(gate, "/second/"))
        await asyncio.sleep(0.2)
        running_before_release = list(started)
        release.set()
        response = await asyncio.wait_for(second, timeout=5)
        return running_before_release, response

    running_before_release, response = asyncio.run(scenario())
    assert running_before_release == ["/first/"]
    assert response["body"] == b"/second/"


def test_django_never_hears_of_a_disconnect_while_the_request_runs(settings):
    """Django cancels a request when its client disconnects, not the thread running the view; the gate keeps the
    disconnect from Django, so the request runs to its end and holds its slot until then."""
    settings.WONDER_MAX_CONCURRENT_REQUESTS = 1
    heard: list[str] = []

    async def app(scope, receive, send):
        heard.append((await receive())["type"])  # the body
        listener = asyncio.ensure_future(receive())  # as Django's listen_for_disconnect does
        await asyncio.sleep(0.1)
        heard.append("disconnect" if listener.done() else "nothing")
        listener.cancel()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    async def scenario():
        messages = [{"type": "http.disconnect"}, {"type": "http.request", "body": b"", "more_body": False}]

        async def receive():
            return messages.pop()

        async def send(message):
            pass

        await AdmissionGate(app)(scope("/page/"), receive, send)

    asyncio.run(scenario())
    assert heard == ["http.request", "nothing"]


def _one_slot_taken(settings, max_wait_s: float = 0.05) -> tuple[AdmissionGate, Recorder]:
    settings.WONDER_MAX_CONCURRENT_REQUESTS = 1
    settings.WONDER_ADMISSION_MAX_WAIT_S = max_wait_s
    app = Recorder()
    return AdmissionGate(app), app


def test_overload_is_refused_fast_with_a_translated_503_page_and_retry_after(settings):
    settings.WONDER_ADMISSION_RETRY_AFTER_S = 7
    gate, app = _one_slot_taken(settings)

    async def scenario():
        app.release = asyncio.Event()
        slow = asyncio.ensure_future(call(gate, "/slow/"))
        await asyncio.sleep(0.01)
        started = time.perf_counter()
        english = await call(gate, "/gallery/")
        italian = await call(gate, "/gallery/", headers={"Accept-Language": "it"})
        elapsed = time.perf_counter() - started
        app.release.set()
        await slow
        return english, italian, elapsed

    english, italian, elapsed = asyncio.run(scenario())
    assert elapsed < 1.0  # refused within the wait budget, not after the client's own timeout
    assert app.order == ["/slow/"]  # the refused requests never reached Django
    for response in (english, italian):
        assert response["status"] == 503 and response["headers"][b"retry-after"] == b"7"
        assert response["headers"][b"x-wonder-overload"] == b"shed"
        assert response["headers"][b"content-type"].startswith(b"text/html")
        assert b'http-equiv="refresh" content="7"' in response["body"]
    assert "This page reloads by itself." in english["body"].decode()
    body = italian["body"].decode()
    assert '<html lang="it">' in body and "This page reloads by itself." not in body


def test_a_page_already_let_in_always_gets_its_scripts_and_styles(settings):
    """A page's static files are never refused: a 503 for contest.js left a finished video's page without its share
    and enter form (tests/e2e/test_accessibility.py, on a loaded machine, after two 4 s requests had raised the
    gate's service time). nginx serves them without Daphne in production; here they skip the line the same way."""
    gate, app = _one_slot_taken(settings)

    async def scenario():
        app.release = asyncio.Event()
        slow = asyncio.ensure_future(call(gate, "/slow/"))
        await asyncio.sleep(0.01)
        script = await asyncio.wait_for(call(gate, "/static/js/contest.js"), timeout=1)
        page = await call(gate, "/gallery/")
        app.release.set()
        await slow
        return script, page

    script, page = asyncio.run(scenario())
    assert script["status"] == 200 and script["body"] == b"/static/js/contest.js"
    assert page["status"] == 503  # the page itself is still refused under overload


def test_overload_under_api_is_answered_in_json(settings):
    gate, app = _one_slot_taken(settings)

    async def scenario():
        app.release = asyncio.Event()
        slow = asyncio.ensure_future(call(gate, "/slow/"))
        await asyncio.sleep(0.01)
        refused = await call(gate, "/api/contest/boards/")
        app.release.set()
        await slow
        return refused

    refused = asyncio.run(scenario())
    assert refused["status"] == 503 and refused["headers"][b"retry-after"] == b"5"
    assert refused["headers"][b"content-type"] == b"application/json"
    body = json.loads(refused["body"])
    assert body["error"] == "overloaded" and body["retry_after_s"] == 5 and body["message"]


def test_follow_ups_on_an_open_page_go_before_new_page_loads(settings):
    gate, app = _one_slot_taken(settings, max_wait_s=5)

    async def scenario():
        app.release = asyncio.Event()
        slow = asyncio.ensure_future(call(gate, "/slow/"))
        await asyncio.sleep(0.01)
        waiting = [
            asyncio.ensure_future(call(gate, "/contest/")),  # a new page
            asyncio.ensure_future(call(gate, "/api/contest/entries/1/vote/", method="POST")),
            asyncio.ensure_future(call(gate, "/gallery/", headers={"HX-Request": "true"})),
            asyncio.ensure_future(call(gate, "/gallery/posters/3.jpg")),
        ]
        await asyncio.sleep(0.01)
        app.release.set()
        await asyncio.gather(slow, *waiting)

    asyncio.run(scenario())
    assert app.order == ["/slow/", "/api/contest/entries/1/vote/", "/gallery/", "/gallery/posters/3.jpg", "/contest/"]


def test_a_new_page_that_follow_ups_push_past_the_wait_limit_is_refused_at_once(settings):
    # One slot, a 1 s limit; a request is taken to hold its slot 0.05 s until the gate has measured otherwise, so
    # 20 follow-ups ahead of a new page load fill its whole second.
    gate, app = _one_slot_taken(settings, max_wait_s=1.0)

    async def scenario(follow_ups: int):
        app.release = asyncio.Event()
        slow = asyncio.ensure_future(call(gate, "/slow/"))
        await asyncio.sleep(0.01)
        started = time.perf_counter()
        page = asyncio.ensure_future(call(gate, "/contest/"))
        await asyncio.sleep(0.01)
        votes = [
            asyncio.ensure_future(call(gate, f"/api/contest/entries/{i}/vote/", method="POST"))
            for i in range(follow_ups)
        ]
        done, _ = await asyncio.wait([page], timeout=0.5)
        answered_s = time.perf_counter() - started if done else None
        app.release.set()
        await asyncio.gather(slow, *votes, page)
        return page.result(), answered_s, [v.result()["status"] for v in votes]

    # Pushed past its second by the votes that went ahead: refused now, not when its second has run out.
    refused, answered_s, votes = asyncio.run(scenario(follow_ups=20))
    assert answered_s is not None and answered_s < 0.5
    assert refused["status"] == 503 and refused["headers"][b"x-wonder-overload"] == b"shed"
    assert votes == [200] * 20  # the follow-ups themselves are all served
    # With room left in its second, the page load waits its turn and is served.
    app.order.clear()
    served, _, _ = asyncio.run(scenario(follow_ups=5))
    assert served["status"] == 200 and app.order[-1] == "/contest/"


def test_once_waits_run_over_the_line_estimate_page_loads_are_refused_on_arrival_not_after_a_wasted_wait():
    async def scenario():
        slots = Slots(limit=1, max_wait_s=1.0, max_queue=200)
        slots.running, slots.service_s = 1, 0.1  # the one slot is taken; a request holds it about 0.1 s
        line = [asyncio.ensure_future(slots.acquire(NEW_PAGE)) for _ in range(6)]
        await asyncio.sleep(0)
        assert slots.queued[NEW_PAGE] == 6  # by the line's own estimate the sixth waits 0.6 s: let in
        admitted_before = slots.predicted_wait_s(NEW_PAGE) <= slots.max_wait_s
        # Page loads have been waiting four times what the line estimated (slower service, follow-ups overtaking).
        for _ in range(40):
            slots.waited(NEW_PAGE, 0.1, 0.4)
        started = time.perf_counter()
        refused = not await slots.acquire(NEW_PAGE)
        elapsed = time.perf_counter() - started
        for waiter in line:
            waiter.cancel()
        return admitted_before, refused, elapsed

    admitted_before, refused, elapsed = asyncio.run(scenario())
    assert admitted_before  # the same seventh arrival would have joined the line before
    assert refused and elapsed < 0.05  # now it is told at once


def test_a_page_load_the_line_falls_too_far_behind_for_is_refused_when_a_slot_frees_not_at_its_limit():
    async def scenario():
        slots = Slots(limit=1, max_wait_s=1.0, max_queue=200)
        slots.running, slots.service_s = 1, 0.1  # the one slot is taken; a request holds it about 0.1 s
        loop = asyncio.get_running_loop()
        started = loop.time()
        page = asyncio.ensure_future(slots.acquire(NEW_PAGE))
        await asyncio.sleep(0)
        votes = [asyncio.ensure_future(slots.acquire(FOLLOW_UP)) for _ in range(3)]
        await asyncio.sleep(0)
        assert not page.done()  # three votes of 0.1 s ahead of it: 0.4 s, well within its second
        # The slot is held far longer than estimated; when it frees at 0.7 s, the three votes still go first and
        # the page load cannot start before about 1.1 s.
        await asyncio.sleep(0.7)
        slots.release(None)
        await asyncio.sleep(0)
        answered = page.done()
        answered_s = loop.time() - started
        for waiter in [page, *votes]:
            waiter.cancel()
        return answered and not page.result(), answered_s

    refused, answered_s = asyncio.run(scenario())
    assert refused and answered_s < 0.9  # told when the slot freed, not when its second ran out


def test_waiters_that_left_the_line_do_not_pile_up_in_it():
    async def scenario():
        slots = Slots(limit=1, max_wait_s=1.0, max_queue=2)
        slots.running = 1
        for _ in range(10):  # each joins the line and leaves it (refused, gone) before its turn
            waiter = asyncio.ensure_future(slots.acquire(NEW_PAGE))
            await asyncio.sleep(0)
            waiter.cancel()
            await asyncio.sleep(0)
        return len(slots.waiting), slots.queued

    held, queued = asyncio.run(scenario())
    assert queued == [0, 0] and held <= 2 * 2 + 1


def test_a_full_line_is_refused_at_once(settings):
    gate, app = _one_slot_taken(settings, max_wait_s=5)
    settings.WONDER_ADMISSION_MAX_QUEUE = 1

    async def scenario():
        app.release = asyncio.Event()
        slow = asyncio.ensure_future(call(gate, "/slow/"))
        await asyncio.sleep(0.01)
        queued = asyncio.ensure_future(call(gate, "/one/"))
        await asyncio.sleep(0.01)
        started = time.perf_counter()
        refused = await call(gate, "/two/")
        elapsed = time.perf_counter() - started
        app.release.set()
        return refused, elapsed, await queued, await slow

    refused, elapsed, queued, slow = asyncio.run(scenario())
    assert refused["status"] == 503 and elapsed < 0.5
    assert queued["body"] == b"/one/" and slow["body"] == b"/slow/"


def _slow_page(request):
    time.sleep(0.3)
    return HttpResponse("done")


urlpatterns = [path("slow-page/", _slow_page)]


def test_the_limit_holds_in_front_of_the_real_django_stack(settings):
    """Django's own ASGI handler with the project's middleware behind the gate (as in wonder/asgi.py): the limit
    applies before a request gets a thread. As a Django middleware above sync ones it limited nothing."""
    settings.ROOT_URLCONF = __name__
    settings.DEBUG = False
    settings.WONDER_MAX_CONCURRENT_REQUESTS = 1
    settings.WONDER_ADMISSION_MAX_WAIT_S = 0.05
    gate = AdmissionGate(ASGIHandler())

    async def burst():
        return await asyncio.gather(*(call(gate, "/slow-page/") for _ in range(3)))

    statuses = sorted(response["status"] for response in asyncio.run(burst()))
    assert statuses == [200, 503, 503]


def test_the_site_application_puts_the_gate_in_front_of_django():
    from wonder.asgi import router

    assert isinstance(router.application_mapping["http"], AdmissionGate)
