"""WebSocket handshakes that never queue behind each other: session and user on a pool of their own.

channels' ``AuthMiddlewareStack`` and ``database_sync_to_async`` run every socket's database work in one shared,
thread-sensitive thread (a socket scope has no per-request thread as an HTTP request has). Under load, every
handshake of the process (session, user, the job row, the first snapshot) and every open socket's periodic
re-read queued in that one thread, and Daphne dropped the handshakes that took longer than its timeout
(bench/load.py: 45 of 45 job sockets failed in the distributed run). Here that work runs on a small pool of threads
reserved for sockets, apart from the request threads, and a handshake costs one hop to it for session and user.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from types import SimpleNamespace
from typing import Any, ParamSpec, TypeVar

from asgiref.sync import SyncToAsync
from channels.consumer import get_handler_name
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.middleware import BaseMiddleware
from channels.sessions import CookieMiddleware, SessionMiddleware
from django.conf import settings
from django.contrib.auth import get_user
from django.db import connections

P = ParamSpec("P")
R = TypeVar("R")

# Sized like a database pool: enough for the reads of many handshakes at once, few enough not to crowd the GIL.
_pool = ThreadPoolExecutor(max_workers=settings.WONDER_SOCKET_DB_THREADS, thread_name_prefix="wonder-socket-db")


class _SocketDatabaseCall(SyncToAsync):
    def thread_handler(self, loop: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().thread_handler(loop, *args, **kwargs)
        finally:
            for connection in connections.all(initialized_only=True):
                # SQLite connections stay open in these few long-lived threads: opening one per call (what
                # database_sync_to_async does with CONN_MAX_AGE=0) cost more than the queries themselves (py-spy,
                # 200 watching sockets). Others go back to their pool after each call, and a connection that saw
                # an error is never reused.
                if connection.vendor != "sqlite" or connection.errors_occurred or connection.in_atomic_block:
                    connection.close()


def socket_db(func: Callable[P, R]) -> Callable[P, Awaitable[R]]:
    """Like ``database_sync_to_async``, on the sockets' own pool of threads."""
    return _SocketDatabaseCall(func, thread_sensitive=False, executor=_pool)


@socket_db
def _user_for(session: Any) -> Any:
    # django.contrib.auth.get_user reads only request.session: the same checks as for a page (backend, session
    # hash), and it loads the session in this thread, so consumers read it later without touching the database.
    return get_user(SimpleNamespace(session=session))


class SocketAuthMiddleware(BaseMiddleware):
    """Puts the signed-in user (or AnonymousUser) in ``scope["user"]``; needs ``SessionMiddleware`` outside it."""

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> Any:
        scope = dict(scope, user=await _user_for(scope["session"]))
        return await super().__call__(scope, receive, send)


def SocketAuthStack(inner: Any) -> Any:  # noqa: N802 (named like channels' AuthMiddlewareStack, which it replaces)
    return CookieMiddleware(SessionMiddleware(SocketAuthMiddleware(inner)))


class PooledSocketConsumer(AsyncWebsocketConsumer):
    """A consumer whose database work goes through ``socket_db`` only.

    channels closes the shared thread's old database connections before every message it dispatches: one hop to
    that one thread per message and per socket, so a snapshot sent to 200 watching sockets queued 200 times there,
    behind everything else the process does in that thread. This consumer never uses that thread (``socket_db``
    closes its own connections around each call), so it dispatches directly.
    """

    async def dispatch(self, message: dict) -> None:
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

    async def websocket_disconnect(self, message: dict) -> None:
        # channels' own version ends with the same hop to the shared thread.
        for group in self.groups:
            await self.channel_layer.group_discard(group, self.channel_name)
        await self.disconnect(message["code"])
        raise StopConsumer()
