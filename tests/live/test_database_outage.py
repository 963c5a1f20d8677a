"""PostgreSQL goes down under the running distributed stack: friendly 503s, no traceback, and a full recovery."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .client import SiteClient, collect
from .servers import ROOT, distributed_site, free_port

pytestmark = [pytest.mark.live, pytest.mark.slow, pytest.mark.distributed]

SERVICES = ROOT / "deploy/dev-services.sh"


def get(url: str, **headers: str) -> tuple[int, str, dict[str, str]]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode(), dict(exc.headers)


def postgres(services: dict[str, str], *args: str) -> None:
    """pg_ctl on this test's own cluster (as the postgres user when root, like dev-services.sh)."""
    pg_bin = sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
    command = [str(pg_bin / "pg_ctl"), "-D", f"{services['WONDER_SERVICES_DIR']}/pg", *args]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, timeout=60)


@pytest.fixture
def own_services(monkeypatch):
    """A PostgreSQL and a Redis of this test's own: stopping them must not disturb anything else."""
    # Not under pytest's tmp dir: its parents are private to root, and PostgreSQL runs as its own user.
    folder = tempfile.mkdtemp(prefix="wonder-outage-")
    services = {
        "WONDER_SERVICES_DIR": folder,
        "WONDER_PG_PORT": str(free_port()),
        "WONDER_REDIS_PORT": str(free_port()),
    }
    for name, value in services.items():
        monkeypatch.setenv(name, value)
    yield services
    subprocess.run([str(SERVICES), "stop"], env={**os.environ, **services}, capture_output=True, timeout=60)
    shutil.rmtree(folder, ignore_errors=True)


def test_database_outage_gives_friendly_503s_then_recovers(tmp_path, own_services):
    with distributed_site(tmp_path) as (url, env, workers):
        assert get(url + "/")[0] == 200

        postgres(own_services, "stop", "-m", "immediate")

        status, body, headers = get(url + "/", **{"Accept-Language": "it"})
        assert status == 503, body[:500]
        assert headers.get("Retry-After") == "30"
        assert "Traceback" not in body and "psycopg" not in body and own_services["WONDER_PG_PORT"] not in body
        assert "<html" in body and "breve pausa" in body  # the friendly page, in the visitor's language

        status, body, _ = get(url + "/api/contest/entries/")
        assert status == 503 and json.loads(body)["error"] == "unavailable"

        assert get(url + "/healthz")[0] == 200  # the process is alive: no restart wanted
        status, body, _ = get(url + "/readyz")
        assert status == 503 and json.loads(body)["checks"]["database"]["ok"] is False

        postgres(
            own_services,
            "start",
            "-w",
            "-l",
            f"{own_services['WONDER_SERVICES_DIR']}/pg.log",
            "-o",
            f"-p {own_services['WONDER_PG_PORT']} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off",
        )

        deadline = time.monotonic() + 30
        while get(url + "/")[0] != 200:
            assert time.monotonic() < deadline, "the site did not come back after the database did"
            time.sleep(0.5)

        # The worker lived through the outage: a new job runs to the end.
        assert all(worker.poll() is None for worker in workers)
        client = SiteClient(url)
        snapshot = client.start_diagnostic(steps=3, delay_s=0.05)

        async def watch() -> list[dict]:
            async with client.connect(snapshot["id"]) as socket:
                return await collect(socket, timeout=60)

        assert asyncio.run(watch())[-1]["status"] == "succeeded"
