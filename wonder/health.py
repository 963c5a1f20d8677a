"""Liveness (``/healthz``) and readiness (``/readyz``: database, broker, channel layer, a live worker, and the prompt
safety classifier loaded)."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse

from generation.models import WorkerBeat
from generation.prompting import safety_model
from wonder.celery import app as celery_app


def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _check_broker() -> None:
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


def _check_worker() -> None:
    window = timedelta(seconds=settings.WONDER_WORKER_BEAT_S * 3)
    if not WorkerBeat.alive(window).exists():
        raise RuntimeError("no worker heartbeat in the last %d s" % window.total_seconds())


async def _check_safety_model() -> None:
    # Loaded at the server's start (wonder/asgi.py): until then the first prompt checks would wait seconds for it.
    if not safety_model.ready():
        raise RuntimeError("the safety classifier is still loading")


async def _check_channel_layer() -> None:
    layer = get_channel_layer()
    channel = await layer.new_channel("readyz.")
    await layer.send(channel, {"type": "readyz.ping"})
    await asyncio.wait_for(layer.receive(channel), timeout=2)


async def readyz(request: HttpRequest) -> JsonResponse:
    checks = {
        "database": sync_to_async(_check_database),
        "broker": sync_to_async(_check_broker),
        "worker": sync_to_async(_check_worker),
        "channel_layer": _check_channel_layer,
        "safety_model": _check_safety_model,
    }
    results = {}
    for name, check in checks.items():
        started = time.perf_counter()
        try:
            await check()
            results[name] = {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}
        except Exception as exc:  # readiness reports every failure rather than stopping at the first
            results[name] = {"ok": False, "error": str(exc) or exc.__class__.__name__}
    ready = all(result["ok"] for result in results.values())
    return JsonResponse(
        {"status": "ready" if ready else "unavailable", "checks": results}, status=200 if ready else 503
    )
