"""Hands job snapshots to the channel layer from any thread, without paying a new event loop per message.

The in-memory layer (embedded mode) belongs to the server's event loop: messages must be handed to that loop.
Other layers (channels-redis) are driven from one long-lived background loop per process, because each
``async_to_sync`` call costs several milliseconds.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
from concurrent.futures import Future
from typing import Any

from channels.layers import InMemoryChannelLayer, get_channel_layer

log = logging.getLogger(__name__)

_server_loop: asyncio.AbstractEventLoop | None = None
_own_loop: asyncio.AbstractEventLoop | None = None
_own_loop_lock = threading.Lock()


def job_group(job_id: Any) -> str:
    return f"job.{job_id}"


def bind_server_loop(loop: asyncio.AbstractEventLoop) -> None:
    """Called from inside the ASGI server: its loop owns the in-memory channel layer."""
    global _server_loop
    _server_loop = loop


def _background_loop() -> asyncio.AbstractEventLoop:
    global _own_loop
    with _own_loop_lock:
        if _own_loop is None or not _own_loop.is_running():
            loop = asyncio.new_event_loop()
            started = threading.Event()

            def run() -> None:
                asyncio.set_event_loop(loop)
                loop.call_soon(started.set)
                loop.run_forever()

            threading.Thread(target=run, name="wonder-publisher", daemon=True).start()
            started.wait()
            _own_loop = loop
        return _own_loop


def _target_loop(layer: Any) -> asyncio.AbstractEventLoop:
    if isinstance(layer, InMemoryChannelLayer) and _server_loop is not None and _server_loop.is_running():
        return _server_loop
    return _background_loop()


def _log_failure(future: Future) -> None:
    if not future.cancelled() and future.exception() is not None:
        log.warning("publishing a job snapshot failed: %r", future.exception())


def publish(group: str, message: dict[str, Any]) -> None:
    """Send ``message`` to ``group``; returns at once. Delivery is at most once: send full snapshots."""
    layer = get_channel_layer()
    if layer is None:
        return
    loop = _target_loop(layer)
    try:
        running = asyncio.get_running_loop()
    except RuntimeError:
        running = None
    if running is loop:
        loop.create_task(layer.group_send(group, message))
        return
    asyncio.run_coroutine_threadsafe(layer.group_send(group, message), loop).add_done_callback(_log_failure)


def publish_job(snapshot: dict[str, Any]) -> None:
    # Serialised once here rather than once per watching socket.
    message = {"type": "job.snapshot", "seq": snapshot["seq"], "text": json.dumps(snapshot)}
    publish(job_group(snapshot["id"]), message)
