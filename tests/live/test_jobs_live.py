"""The job spine against real servers and a real WebSocket client, in both modes.

Embedded: ``manage.py serve`` (Daphne + in-process worker + in-memory layer). Distributed: Daphne, a separate
``celery worker`` process, Redis (broker + channels-redis) and PostgreSQL.
"""

from __future__ import annotations

import asyncio
import json
import signal
import subprocess
import sys
import time

import psutil
import pytest
import websockets

from .client import FINISHED, SiteClient, collect
from .servers import ROOT, distributed_site, embedded_site, spawn, start_worker, stop, wait_ready

pytestmark = [pytest.mark.live, pytest.mark.slow]


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    with embedded_site(tmp_path_factory.mktemp("embedded")) as (url, env):
        yield url


@pytest.fixture(scope="module")
def distributed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("distributed")
    with distributed_site(tmp, WONDER_JOB_STALE_S="3") as (url, env, workers):
        yield url, env, workers, tmp


async def job_streams_to_success(url: str) -> None:
    client = SiteClient(url)
    snapshot = client.start_diagnostic(steps=8, delay_s=0.1)
    assert snapshot["status"] == "queued"
    async with client.connect(snapshot["id"]) as socket:
        messages = await collect(socket)
    statuses = [m["status"] for m in messages]
    seqs = [m["seq"] for m in messages]
    assert statuses[-1] == "succeeded" and "running" in statuses
    assert seqs == sorted(set(seqs)), "seq rises strictly"
    assert any(0 < m["progress"] < 1 for m in messages), "step progress arrives"
    assert messages[-1]["progress"] == 1.0 and messages[-1]["error"] is None


async def reconnect_gets_latest_state_at_once(url: str) -> None:
    client = SiteClient(url)
    snapshot = client.start_diagnostic(steps=10, delay_s=0.15)
    async with client.connect(snapshot["id"]) as socket:
        first = await collect(socket, until=lambda m: m["status"] == "running" and m["progress"] > 0)
    await asyncio.sleep(0.8)  # progress goes on while nobody listens
    async with client.connect(snapshot["id"]) as socket:
        started = time.monotonic()
        latest = json.loads(await asyncio.wait_for(socket.recv(), 5))
        arrived_s = time.monotonic() - started
        rest = await collect(socket) if latest["status"] not in FINISHED else []
    assert arrived_s < 1.0
    assert latest["seq"] > first[-1]["seq"] and latest["progress"] > first[-1]["progress"]
    assert (rest or [latest])[-1]["status"] == "succeeded"


async def bad_sockets_get_close_codes_and_error_frames(url: str) -> None:
    owner = SiteClient(url)
    snapshot = owner.start_diagnostic(steps=1, delay_s=0)
    stranger = SiteClient(url)
    for job_id, cookie, code in [
        ("00000000-0000-0000-0000-000000000000", owner.cookie, 4404),
        ("not-a-uuid", owner.cookie, 4404),
        (snapshot["id"], "", 4403),
    ]:
        async with stranger.connect(job_id, cookie=cookie) as socket:
            with pytest.raises(websockets.ConnectionClosed) as closed:
                await asyncio.wait_for(socket.recv(), 5)
            assert closed.value.rcvd.code == code
    async with owner.connect(snapshot["id"]) as socket:
        await asyncio.wait_for(socket.recv(), 5)
        await socket.send("this is not json")
        error = json.loads(await asyncio.wait_for(socket.recv(), 5))
        assert error["type"] == "error"
        await socket.send(json.dumps({"type": "snapshot"}))
        again = json.loads(await asyncio.wait_for(socket.recv(), 5))
        assert again["type"] == "job" and again["id"] == snapshot["id"], "the connection was kept"


def cancel_then_cancel_again_is_409(url: str) -> None:
    client = SiteClient(url)
    snapshot = client.start_diagnostic(steps=50, delay_s=0.1)
    status, body = client.request(f"/api/jobs/{snapshot['id']}/cancel/", {})
    assert status == 200 and body["status"] == "canceled"
    status, body = client.request(f"/api/jobs/{snapshot['id']}/cancel/", {})
    assert status == 409 and body["error"] == "already_finished"


def test_embedded_job_streams_to_success(embedded):
    asyncio.run(job_streams_to_success(embedded))


def test_embedded_reconnect_gets_latest_state_at_once(embedded):
    asyncio.run(reconnect_gets_latest_state_at_once(embedded))


def test_embedded_bad_sockets(embedded):
    asyncio.run(bad_sockets_get_close_codes_and_error_frames(embedded))


def test_embedded_cancel(embedded):
    cancel_then_cancel_again_is_409(embedded)


def test_selfcheck_command_against_the_running_site(embedded):
    result = subprocess.run(
        [sys.executable, "manage.py", "selfcheck", "--url", embedded],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "status: succeeded" in result.stdout and "job_first_event_ms:" in result.stdout


@pytest.mark.distributed
def test_distributed_job_streams_to_success(distributed):
    asyncio.run(job_streams_to_success(distributed[0]))


@pytest.mark.distributed
def test_distributed_reconnect_gets_latest_state_at_once(distributed):
    asyncio.run(reconnect_gets_latest_state_at_once(distributed[0]))


@pytest.mark.distributed
def test_distributed_bad_sockets(distributed):
    asyncio.run(bad_sockets_get_close_codes_and_error_frames(distributed[0]))


@pytest.mark.distributed
def test_distributed_cancel(distributed):
    cancel_then_cancel_again_is_409(distributed[0])


@pytest.mark.distributed
def test_worker_killed_mid_job_is_redelivered_and_finishes(distributed):
    url, env, workers, tmp = distributed
    client = SiteClient(url)
    snapshot = client.start_diagnostic(steps=20, delay_s=0.1)

    async def scenario() -> list[dict]:
        async with client.connect(snapshot["id"]) as socket:
            seen = await collect(socket, until=lambda m: m["status"] == "running" and m["progress"] >= 0.2)
            stop(workers[0], signal.SIGKILL)  # the whole worker, mid-job, with no chance to clean up
            workers[0] = start_worker(env, tmp, "w2")
            seen += await collect(socket, timeout=90)
        return seen

    messages = asyncio.run(scenario())
    assert messages[-1]["status"] == "succeeded"
    assert any(m["status"] == "queued" for m in messages[1:]), "the job went back in line after the worker died"
    status, final = client.request(f"/api/jobs/{snapshot['id']}/")
    assert status == 200 and final["status"] == "succeeded"


def test_embedded_server_killed_mid_job_finishes_the_job_after_restart(tmp_path):
    with embedded_site(tmp_path) as (url, env):
        client = SiteClient(url)
        snapshot = client.start_diagnostic(steps=30, delay_s=0.1)
        port = url.rsplit(":", 1)[1]

        async def until_running() -> None:
            async with client.connect(snapshot["id"]) as socket:
                await collect(socket, until=lambda m: m["status"] == "running" and m["progress"] > 0)

        asyncio.run(until_running())
        server = next(p for p in psutil.Process().children() if port in " ".join(p.cmdline()))
        server.kill()  # SIGKILL: the in-memory queue and the running job die with the process
        server.wait(10)
        restarted = spawn([sys.executable, "manage.py", "serve", "--port", port], env, tmp_path / "serve2.log")
        try:
            wait_ready(url, process=restarted)
            status, final = client.request(f"/api/jobs/{snapshot['id']}/")
            assert status == 200 and final["status"] in {"queued", "running", "succeeded"}

            async def until_done() -> list[dict]:
                async with client.connect(snapshot["id"]) as socket:
                    return await collect(socket, timeout=60)

            assert asyncio.run(until_done())[-1]["status"] == "succeeded"
        finally:
            stop(restarted)
