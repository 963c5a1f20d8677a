"""Who is asking: the request helpers every app uses (client address, user agent, session key, keyed hash).

One home, so that rate limits, vote-farm checks and anonymous reports all see the same client, and no counter or
row ever holds a raw address or an unkeyed digest of one (an unkeyed digest of an IPv4 address is reversed by
trying all 2**32 of them).
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address. Behind nginx, Daphne runs with ``--proxy-headers`` and puts the forwarded one here."""
    return request.META.get("REMOTE_ADDR", "") or ""


def user_agent(request: HttpRequest) -> str:
    return request.headers.get("User-Agent", "")[:400]


def session_key(request: HttpRequest, *, create: bool = True) -> str:
    """The visitor's session key, saving a new session first when there is none yet (and ``create`` is set)."""
    if not request.session.session_key and create:
        request.session.save()
    return request.session.session_key or ""


def client_hash(value: str) -> str:
    """A keyed hash of an address or user agent: enough to spot a farm of votes, useless to identify anyone."""
    if not value:
        return ""
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]


def int_id(value: str | None) -> int | None:
    """A database id from a form field, or None: ASCII digits only ("²".isdigit() is true, and int() refuses it)
    and at most 18 of them (SQLite and PostgreSQL overflow past 2**63)."""
    if value is None or not (value.isascii() and value.isdigit()) or len(value) > 18:
        return None
    return int(value)


def client_key(request: HttpRequest) -> str:
    """The keyed hash of the request's address: the name rate-limit counters use for "this network"."""
    return client_hash(client_ip(request))
