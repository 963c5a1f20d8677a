"""One take-home per visit, from WONDER_PUBLIC_URL: the avatar made during a visit shows the visit's QR code, and
the visit's page on the phone lists the avatar next to the route and the picks."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from avatars.models import Avatar
from experience import services
from experience.models import Visit
from generation import runner
from wonder import public_url

pytestmark = pytest.mark.django_db

PUBLIC = "https://wonder.example"


@pytest.fixture(autouse=True)
def public(settings):
    settings.WONDER_PUBLIC_URL = PUBLIC + "/"


def _make_avatar(client) -> Avatar:
    client.post(reverse("avatars:pick"), {"base": "owl"})
    client.post(reverse("avatars:look"), {"base": "owl", "style": "comic", "sport": "luge"})
    avatar = Avatar.objects.get()
    runner.execute(avatar.job_id, attempt=1, worker="test")
    return avatar


def _qr_link(page: str) -> str:
    return re.search(r'data-testid="take-home-link">([^<]+)<', page).group(1)


def test_an_avatar_made_in_a_visit_shows_the_visits_one_qr(planned_visit, client, enqueued, published):
    visit = planned_visit()
    session = client.session
    session[services.SESSION_KEY] = visit.token
    session.save()
    avatar = _make_avatar(client)
    assert avatar.visit_token == visit.token

    page = client.get(reverse("avatars:result", args=[avatar.pk])).content.decode()
    assert _qr_link(page) == f"{PUBLIC}/me/{visit.token}/"
    assert "one code for your whole visit" in page
    assert Visit.objects.get(pk=visit.pk).finished_at is not None  # kept for that link after the kiosk resets

    client.post("/kiosk/visit/end/")
    phone = client.get(f"/me/{visit.token}/").content.decode()
    assert reverse("avatars:take_home", args=[avatar.token]) in phone and "Your route" in phone


def test_the_booth_on_its_own_shows_the_avatars_link_from_the_public_url(db, client, enqueued, published):
    avatar = _make_avatar(client)
    page = client.get(reverse("avatars:result", args=[avatar.pk])).content.decode()
    assert _qr_link(page) == f"{PUBLIC}/kiosk/avatar/me/{avatar.token}/"


def test_the_visit_take_home_screen_uses_the_public_url(planned_visit, client):
    visit = planned_visit()
    session = client.session
    session[services.SESSION_KEY] = visit.token
    session.save()
    page = client.get("/kiosk/visit/take-home/").content.decode()
    assert f'href="{PUBLIC}/me/{visit.token}/"' in page and "<svg" in page


def test_without_a_public_url_the_request_host_is_used(rf, settings):
    settings.WONDER_PUBLIC_URL = ""
    assert public_url.absolute("/me/x/", rf.get("/", HTTP_HOST="testserver")) == "http://testserver/me/x/"
    with pytest.raises(ValueError):
        public_url.absolute("/me/x/")
