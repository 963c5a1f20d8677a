"""A take-home link claims once: the first account keeps the avatar; nobody else claims, sees or deletes it."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from avatars import services
from avatars.models import Avatar
from generation import runner


@pytest.fixture
def made(db, enqueued, published) -> Avatar:
    avatar = services.start_avatar(session_key="kiosk", base="bear", style="comic", sport="ice-hockey")
    runner.execute(avatar.job.pk, attempt=1, worker="test")
    return Avatar.objects.get(pk=avatar.pk)


def _fan(name: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.create_user(name, f"{name}@example.com", "pw-123456789"))
    return client


def test_a_second_account_cannot_take_a_claimed_avatar_over(made):
    first, second = _fan("first"), _fan("second")
    first.post(reverse("avatars:claim", args=[made.token]))
    owner = Avatar.objects.get().owner
    assert owner.username == "first"

    refused = second.post(reverse("avatars:claim", args=[made.token]))
    assert refused.status_code == 403
    assert Avatar.objects.get().owner == owner
    assert services.avatar_for(get_user_model().objects.get(username="second")) is None


def test_claim_service_refuses_a_second_owner(made, django_user_model):
    one = django_user_model.objects.create_user("one", "one@example.com", "pw-123456789")
    two = django_user_model.objects.create_user("two", "two@example.com", "pw-123456789")
    services.claim_avatar(made, one)
    services.claim_avatar(made, one)  # the owner claiming again is harmless
    with pytest.raises(services.AlreadyClaimed):
        services.claim_avatar(Avatar.objects.get(pk=made.pk), two)


def test_an_anonymous_post_does_not_delete_a_claimed_avatar(made):
    _fan("owner").post(reverse("avatars:claim", args=[made.token]))
    refused = Client().post(reverse("avatars:delete_now", args=[made.token]))
    assert refused.status_code == 403
    assert Avatar.objects.filter(pk=made.pk).exists()


def test_a_claimed_avatar_shows_only_to_its_owner(made):
    owner = _fan("owner")
    owner.post(reverse("avatars:claim", args=[made.token]))
    url = reverse("avatars:take_home", args=[made.token])
    assert owner.get(url).status_code == 200
    stranger = Client().get(url)
    assert stranger.status_code == 403 and "Delete now" not in stranger.content.decode()
    assert owner.post(reverse("avatars:delete_now", args=[made.token])).status_code == 200
    assert not Avatar.objects.exists()


def test_an_unclaimed_avatar_is_deleted_by_its_link(made):
    assert Client().post(reverse("avatars:delete_now", args=[made.token])).status_code == 200
    assert not Avatar.objects.exists()
