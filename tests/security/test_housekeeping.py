"""Red team, house-keeping: one set of request helpers, no unkeyed address digests in the cache."""

from __future__ import annotations

import hashlib
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from avatars import services as avatars

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"


def _cache_keys() -> list[str]:
    return [str(key) for key in getattr(cache, "_cache", {})]


def test_capture_counter_for_a_network_holds_no_unkeyed_digest_of_its_address():
    """Anyone reading the cache could reverse an unkeyed digest of an IPv4 address by trying them all."""
    unkeyed = hashlib.blake2b(ADDRESS.encode(), digest_size=8).hexdigest()
    try:
        avatars.save_capture(
            session_key="s" * 32, data=b"not a photo", consented_at=timezone.now() - timedelta(seconds=5), ip=ADDRESS
        )
    except Exception:  # the photo is refused after the rate limit is counted; only the counter matters here
        pass
    from wonder import clients

    keys = _cache_keys()
    assert any("capture-ip" in key for key in keys), keys
    assert not any(unkeyed in key for key in keys), keys
    assert any(clients.client_hash(ADDRESS) in key for key in keys), keys


def test_the_client_hash_is_keyed_by_the_secret_key(settings):
    from wonder import clients

    first = clients.client_hash(ADDRESS)
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"
    assert clients.client_hash(ADDRESS) != first
    assert clients.client_hash("") == ""
