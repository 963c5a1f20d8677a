"""Django's SQLite backend (embedded mode), with closed connections kept for the next request instead of closed.

Under ASGI, Django runs each request's sync code in a thread of its own and closes that thread's connection when the
request ends (``CONN_MAX_AGE`` would instead leave one open per finished thread). A new SQLite connection reads and
parses the whole schema before its first statement: about 1.5 ms of every request, more than its queries (timeline of
a POST /api/jobs/diagnostic/, issue 16). Here a connection that is closed in a clean state goes back to a small
pool of this process, and the next thread that connects takes it from there.

Only clean connections are kept: none inside a transaction or an atomic block, none that saw an error. In-memory
databases (the tests') never reach the pool: closing them is already a no-op.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from django.db.backends.sqlite3 import base

# Enough for the requests that run at once (WONDER_MAX_CONCURRENT_REQUESTS) and the worker's threads; more are closed.
POOL_SIZE = 8


class _Pool:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.idle: dict[str, list[Any]] = {}
        self.pid = os.getpid()

    def take(self, name: str) -> Any | None:
        with self.lock:
            if self.pid != os.getpid():  # a forked child never shares its parent's connections
                self.idle, self.pid = {}, os.getpid()
            idle = self.idle.get(name)
            return idle.pop() if idle else None

    def give(self, name: str, connection: Any) -> bool:
        with self.lock:
            idle = self.idle.setdefault(name, [])
            if self.pid != os.getpid() or len(idle) >= POOL_SIZE:
                return False
            idle.append(connection)
            return True


pool = _Pool()


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        if not self.is_in_memory_db():
            kept = pool.take(str(self.settings_dict["NAME"]))
            if kept is not None:
                kept.execute("PRAGMA foreign_keys = ON")  # as a new one has it, whatever its last user did
                return kept
        return super().get_new_connection(conn_params)

    def _close(self) -> None:
        connection = self.connection
        clean = (
            connection is not None
            and not self.in_atomic_block
            and not self.errors_occurred
            and not connection.in_transaction
            and not self.is_in_memory_db()
        )
        if clean and pool.give(str(self.settings_dict["NAME"]), connection):
            return
        super()._close()  # type: ignore[misc]  # Django has it; django-stubs does not declare it
