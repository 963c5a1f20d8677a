from __future__ import annotations

import asyncio
import http.cookiejar
import json
import time
import urllib.error
import urllib.request
from typing import Any

import websockets
from django.core.management.base import BaseCommand, CommandError

from generation.api import SELFCHECK_HEADER, selfcheck_token


class Command(BaseCommand):
    help = "Run a diagnostic job end to end against the running site (HTTP, worker, socket) and print latencies."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--url", default="http://127.0.0.1:8000", help="Base URL of the running site.")
        parser.add_argument("--steps", type=int, default=5)
        parser.add_argument("--timeout", type=float, default=30.0)

    def handle(self, *args, url: str, steps: int, timeout: float, **options) -> None:
        url = url.rstrip("/")
        try:
            figures = asyncio.run(asyncio.wait_for(run_selfcheck(url, steps), timeout))
        except (OSError, urllib.error.URLError, websockets.WebSocketException) as exc:
            raise CommandError(f"selfcheck could not reach {url}: {exc}") from exc
        except TimeoutError:
            raise CommandError(f"selfcheck: no finished job within {timeout:.0f} s") from None
        for name, value in figures.items():
            self.stdout.write(f"{name}: {value}")
        if figures["status"] != "succeeded" or figures["readyz"] != "ready":
            raise CommandError("selfcheck failed")


async def run_selfcheck(url: str, steps: int) -> dict[str, Any]:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    loop = asyncio.get_running_loop()

    def fetch(path: str, body: dict | None = None) -> tuple[int, dict]:
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Content-Type": "application/json", SELFCHECK_HEADER: selfcheck_token()}
        request = urllib.request.Request(url + path, data=data, headers=headers)
        try:
            with opener.open(request, timeout=10) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as exc:
            return exc.code, json.load(exc)

    started = time.perf_counter()
    health, _ = await loop.run_in_executor(None, fetch, "/healthz")
    health_ms = (time.perf_counter() - started) * 1000
    _, ready = await loop.run_in_executor(None, fetch, "/readyz")

    submitted = time.perf_counter()
    status, snapshot = await loop.run_in_executor(
        None, fetch, "/api/jobs/diagnostic/", {"steps": steps, "delay_s": 0.02}
    )
    if status != 201:
        raise websockets.InvalidHandshake(f"starting the diagnostic job answered {status}: {snapshot}")
    created_ms = (time.perf_counter() - submitted) * 1000
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    ws_url = url.replace("http", "ws", 1) + f"/ws/jobs/{snapshot['id']}/"
    first_ms = None
    seqs = []
    async with websockets.connect(ws_url, additional_headers={"Cookie": cookie, "Origin": url}) as socket:
        while True:
            message = json.loads(await socket.recv())
            first_ms = first_ms or (time.perf_counter() - submitted) * 1000
            seqs.append(message["seq"])
            if message["status"] in ("succeeded", "failed", "canceled"):
                break
    return {
        "healthz": health,
        "healthz_ms": round(health_ms, 1),
        "readyz": ready.get("status"),
        "job_id": snapshot["id"],
        "job_create_ms": round(created_ms, 1),
        "job_first_event_ms": round(first_ms, 1),
        "job_done_ms": round((time.perf_counter() - submitted) * 1000, 1),
        "events": len(seqs),
        "seq_rising": all(a < b for a, b in zip(seqs, seqs[1:], strict=False)),
        "status": message["status"],
    }
