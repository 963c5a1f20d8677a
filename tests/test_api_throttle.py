"""Every API call counts against its caller: past the rate, a 429 with DRF's translated message."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


@pytest.fixture
def low_rates(monkeypatch):
    # DRF reads the rates into the class once, at import; the settings are the documented way in production.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/min", "user": "5/min"})
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"anon": "3/min", "user": "5/min"})


def test_anonymous_callers_are_throttled_per_address(low_rates, db):
    client = APIClient(REMOTE_ADDR="10.0.0.1")
    statuses = [client.post("/api/prompts/parse/", {"text": "a skier"}, format="json").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.post("/api/prompts/parse/", {"text": "a skier"}, format="json", HTTP_ACCEPT_LANGUAGE="de")
    assert refused.status_code == 429 and "Retry-After" in refused
    assert "throttled" not in refused.json()["detail"]  # German, not English
    other = APIClient(REMOTE_ADDR="10.0.0.2")
    assert other.post("/api/prompts/parse/", {"text": "a skier"}, format="json").status_code == 200


def test_signed_in_callers_have_their_own_higher_allowance(low_rates, user):
    client = APIClient(REMOTE_ADDR="10.0.0.1")
    client.force_authenticate(user)
    statuses = [client.post("/api/prompts/parse/", {"text": "a skater"}, format="json").status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
