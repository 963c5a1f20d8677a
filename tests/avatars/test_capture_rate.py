"""Selfie analysis is rate-limited per visitor session and per network, with a clear message."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from avatars.models import Capture

from .test_capture_flow import upload


def test_a_session_gets_a_few_photos_then_a_clear_wait_message(consented, selfie_bytes, settings) -> None:
    settings.WONDER_CAPTURE_RATE_SESSION = "2/600"
    for _ in range(2):
        assert consented.post(reverse("avatars:capture"), {"photo": upload(selfie_bytes)}).status_code == 302
    refused = consented.post(reverse("avatars:capture"), {"photo": upload(selfie_bytes)})
    assert refused.status_code == 422
    assert "a lot of photos in a short time" in refused.content.decode()
    assert Capture.objects.count() == 1  # the second replaced the first; the refused one stored nothing


def test_the_network_limit_counts_every_session_of_a_kiosk(selfie_bytes, settings, db) -> None:
    settings.WONDER_CAPTURE_RATE_IP = "2/600"
    statuses = []
    for _ in range(3):
        visitor = Client(REMOTE_ADDR="10.1.2.3")
        visitor.post(reverse("avatars:intro"))
        statuses.append(visitor.post(reverse("avatars:capture"), {"photo": upload(selfie_bytes)}).status_code)
    assert statuses == [302, 302, 422]
    other_network = Client(REMOTE_ADDR="10.9.9.9")
    other_network.post(reverse("avatars:intro"))
    assert other_network.post(reverse("avatars:capture"), {"photo": upload(selfie_bytes)}).status_code == 302


def test_the_message_is_translated(consented, selfie_bytes, settings) -> None:
    settings.WONDER_CAPTURE_RATE_SESSION = "0/600"
    refused = consented.post(
        reverse("avatars:capture"), {"photo": upload(selfie_bytes)}, headers={"accept-language": "it"}
    )
    assert refused.status_code == 422
    assert "a lot of photos" not in refused.content.decode()
