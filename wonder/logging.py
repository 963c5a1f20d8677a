"""Logs that carry the job they belong to, as plain text or one JSON object per line (``LOG_FORMAT=json``)."""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterator
from contextvars import ContextVar
from datetime import UTC, datetime

current_job: ContextVar[str] = ContextVar("current_job", default="-")


@contextlib.contextmanager
def job_context(job_id: object) -> Iterator[None]:
    """Every record logged inside (on this thread or task) carries ``job_id``."""
    token = current_job.set(str(job_id))
    try:
        yield
    finally:
        current_job.reset(token)


class JobContextFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "job_id"):
            record.job_id = current_job.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "job_id": getattr(record, "job_id", "-"),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
