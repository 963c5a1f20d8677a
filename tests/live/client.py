"""A real HTTP + WebSocket client of the running site (the same calls a browser makes)."""

from __future__ import annotations

import asyncio
import http.cookiejar
import json
import os
import time
import urllib.error
import urllib.request
from typing import Any

import websockets

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wonder.settings")

FINISHED = {"succeeded", "failed", "canceled"}


class SiteClient:
    """Keeps its own session cookie, like one browser."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def csrf_token(self) -> str:
        """The CSRF cookie, fetched from a page first if this browser has none (like a browser's first visit)."""
        if not any(c.name == "csrftoken" for c in self.jar):
            self.opener.open(self.base_url + "/", timeout=10).close()
        return next(c.value for c in self.jar if c.name == "csrftoken")

    def request(self, path: str, body: dict | None = None, headers: dict | None = None) -> tuple[int, Any]:
        data = json.dumps(body).encode() if body is not None else None
        headers = {"Content-Type": "application/json", **(headers or {})}
        if data is not None:  # a POST: the site checks CSRF for anyone holding a session
            headers.setdefault("X-CSRFToken", self.csrf_token())
        request = urllib.request.Request(self.base_url + path, data=data, headers=headers)
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as exc:
            return exc.code, json.load(exc)

    def start_diagnostic(self, steps: int, delay_s: float) -> dict[str, Any]:
        import django

        django.setup()
        from generation.api import SELFCHECK_HEADER, selfcheck_token

        status, snapshot = self.request(
            "/api/jobs/diagnostic/", {"steps": steps, "delay_s": delay_s}, {SELFCHECK_HEADER: selfcheck_token()}
        )
        assert status == 201, snapshot
        return snapshot

    @property
    def cookie(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)

    def connect(self, job_id: str, cookie: str | None = None):
        url = self.base_url.replace("http", "ws", 1) + f"/ws/jobs/{job_id}/"
        headers = {"Origin": self.base_url}
        if cookie if cookie is not None else self.cookie:
            headers["Cookie"] = cookie if cookie is not None else self.cookie
        return websockets.connect(url, additional_headers=headers, open_timeout=10)


async def collect(socket, until=lambda m: m["status"] in FINISHED, timeout: float = 60.0) -> list[dict]:
    """Receive snapshots until ``until`` holds for one; returns them all."""
    messages = []
    deadline = time.monotonic() + timeout
    while True:
        raw = await asyncio.wait_for(socket.recv(), timeout=max(deadline - time.monotonic(), 0.1))
        message = json.loads(raw)
        messages.append(message)
        if message.get("type") == "job" and until(message):
            return messages
