"""One kiosk browser, visitor after visitor: each visit has its own session, and nothing of one reaches the next."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from avatars import services as avatar_services
from avatars.models import Avatar
from experience import services
from experience.models import Visit
from generation import runner

pytestmark = pytest.mark.django_db

KIOSK_PAGES = ("/kiosk/", "/kiosk/language/", "/kiosk/visit/quiz/", "/kiosk/avatar/", "/kiosk/avatar/pick/")


def _start(client: Client, language: str = "en") -> Visit:
    response = client.post("/kiosk/start/", {"language": language})
    assert response.status_code == 302
    return Visit.objects.get(token=client.session[services.SESSION_KEY])


def test_touch_to_begin_starts_a_fresh_session_without_the_last_visitors_consent(installation, client):
    first = _start(client)
    client.post(reverse("avatars:intro"))  # the first visitor agreed to the camera
    assert avatar_services.has_consent(client.session) is not None
    first_key = client.session.session_key

    second = _start(client)
    assert client.session.session_key != first_key
    assert second.session_key == client.session.session_key != first.session_key
    assert avatar_services.has_consent(client.session) is None
    assert client.get(reverse("avatars:capture"))["Location"] == reverse("avatars:intro")


def test_ending_a_visit_flushes_the_session_and_detaches_its_avatars(installation, client, enqueued, published):
    visit = _start(client)
    client.post(reverse("avatars:pick"), {"base": "owl"})
    client.post(reverse("avatars:look"), {"base": "owl", "style": "comic", "sport": "luge"})
    avatar = Avatar.objects.get()
    runner.execute(avatar.job_id, attempt=1, worker="test")
    result_url = reverse("avatars:result", args=[avatar.pk])
    assert client.get(result_url).status_code == 200
    old_key = client.session.session_key

    client.post("/kiosk/visit/end/")
    assert client.session.session_key != old_key
    assert services.SESSION_KEY not in client.session
    # The avatar's screen showed the visit's take-home code, so the visit lives on for that link, detached.
    visit.refresh_from_db()
    assert visit.session_key == "" and visit.finished_at is not None
    avatar.refresh_from_db()
    assert avatar.session_key == ""  # reachable through its take-home link only
    assert avatar_services.avatar_for(old_key) is None
    # Back on the kiosk: the avatar page of the last visitor goes to the attract loop, and so does the quiz.
    assert client.get(result_url)["Location"] == "/kiosk/"
    assert client.get("/kiosk/visit/quiz/")["Location"] == "/kiosk/"


def test_avatar_booth_used_without_a_visit_is_still_detached_at_the_end(client, db, enqueued, published):
    client.post(reverse("avatars:pick"), {"base": "fox"})
    client.post(reverse("avatars:look"), {"base": "fox", "style": "comic", "sport": "luge"})
    avatar = Avatar.objects.get()
    client.post("/kiosk/visit/end/")
    avatar.refresh_from_db()
    assert avatar.session_key == ""
    assert client.get(reverse("avatars:result", args=[avatar.pk]))["Location"] == "/kiosk/"


@pytest.mark.parametrize("path", KIOSK_PAGES)
def test_kiosk_pages_are_never_stored_by_the_browser(installation, client, path):
    _start(client)
    response = client.get(path)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_kiosk_pages_carry_the_idle_reset(installation, client):
    _start(client)
    for path in ("/kiosk/visit/quiz/", "/kiosk/avatar/", "/kiosk/avatar/pick/", "/kiosk/language/"):
        page = client.get(path).content.decode()
        assert 'data-end-url="/kiosk/visit/end/"' in page and 'class="idle"' in page, path
    assert "data-idle-s" not in client.get("/kiosk/").content.decode()  # the attract loop is where it goes


def test_avatar_pages_follow_the_visits_language_not_the_browsers(installation, client):
    _start(client, "it")
    page = client.get(reverse("avatars:intro"), headers={"accept-language": "ja"}).content.decode()
    assert '<html lang="it"' in page


def test_the_idle_setting_of_the_screen_survives_visits(installation, client, settings):
    settings.DEBUG = True
    client.get("/kiosk/?idle=7")
    _start(client)
    assert 'data-idle-s="7"' in client.get("/kiosk/visit/quiz/").content.decode()
    client.post("/kiosk/visit/end/")
    _start(client)
    assert 'data-idle-s="7"' in client.get("/kiosk/visit/quiz/").content.decode()
