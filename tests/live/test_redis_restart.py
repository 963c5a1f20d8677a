"""Redis restarted mid-job (distributed mode): the job still finishes, sockets reconnect and show the right state."""

from __future__ import annotations

import asyncio
import subprocess
import time

import pytest
import redis

from .client import SiteClient, collect
from .servers import distributed_site

pytestmark = [pytest.mark.live, pytest.mark.slow, pytest.mark.distributed]


def restart_redis(url: str) -> None:
    port = url.rsplit(":", 1)[1].split("/")[0]
    redis.Redis(port=int(port)).shutdown(nosave=True)
    subprocess.run(
        [
            "redis-server",
            "--port",
            port,
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--daemonize",
            "yes",
        ],
        check=True,
    )
    for _ in range(50):
        try:
            if redis.Redis(port=int(port)).ping():
                return
        except redis.ConnectionError:
            time.sleep(0.1)


def test_redis_restart_mid_job(tmp_path):
    with distributed_site(tmp_path) as (url, env, workers):
        client = SiteClient(url)
        snapshot = client.start_diagnostic(steps=100, delay_s=0.1)  # 10 s, so Redis restarts mid-job

        async def scenario() -> tuple[list[dict], list[dict], list[dict]]:
            async with client.connect(snapshot["id"]) as kept:
                before = await collect(kept, until=lambda m: m["status"] == "running" and m["progress"] > 0.1)
                restart_redis(env["REDIS_URL"])
                # A client reconnecting after the restart gets the current state at once, then the rest...
                async with client.connect(snapshot["id"]) as fresh:
                    after = await collect(fresh, timeout=60)
                # ...and a socket that stayed open through the restart keeps receiving.
                through = await collect(kept, timeout=30)
            return before, after, through

        before, after, through = asyncio.run(scenario())
        # How long the layer takes to reconnect varies, so the job may be running or done by now; either way the
        # new socket starts from the current row, never from before the restart.
        assert after[0]["seq"] > before[-1]["seq"]
        assert after[-1]["status"] == "succeeded"
        assert through[-1]["status"] == "succeeded"
