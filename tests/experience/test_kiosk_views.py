"""Every kiosk step renders in the seven languages; bad input gets a clear message; the journey needs a visit."""

from __future__ import annotations

import pytest

from experience import services
from experience.installation_data import ZONE_TEXTS
from experience.models import Visit, VisitStats
from generation.models import Job

LANGUAGES = ("en", "it", "zh-hans", "ja", "fr", "de", "es")

pytestmark = pytest.mark.django_db


def _start(client, language: str = "en") -> Visit:
    response = client.post("/kiosk/start/", {"language": language})
    assert response.status_code == 302 and response["Location"] == "/kiosk/visit/quiz/"
    return Visit.objects.get(token=client.session[services.SESSION_KEY])


QUIZ = {
    "interests": ["fashion", "art"],
    "sport": "snowboard",
    "mood": "playful",
    "minutes": "30",
    "group": "family",
    "party_size": "3",
}


def test_attract_and_language_pages_need_no_visit(installation, client):
    attract = client.get("/kiosk/")
    assert attract.status_code == 200 and b"Wonder on Ice" in attract.content
    assert b'href="/kiosk/language/"' in attract.content
    languages = client.get("/kiosk/language/").content.decode()
    for name in ("English", "Italiano", "简体中文", "日本語", "Français", "Deutsch", "Español"):
        assert name in languages


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_step_renders_in_the_visitors_language(installation, client, run_agent, language):
    visit = _start(client, language)
    quiz = client.get("/kiosk/visit/quiz/")
    assert quiz.status_code == 200 and f'lang="{language}"' in quiz.content.decode()
    assert b'name="interests"' in quiz.content and b'value="ski-jumping"' in quiz.content

    response = client.post("/kiosk/visit/quiz/", QUIZ)
    assert response.status_code == 302 and response["Location"] == "/kiosk/visit/plan/"
    visit.refresh_from_db()
    assert visit.answers["sport"] == "snowboard" and visit.job.language == language

    live = client.get("/kiosk/visit/plan/").content.decode()
    assert f'data-job-id="{visit.job_id}"' in live and 'class="reasoning"' in live

    run_agent(visit)
    plan_page = client.get("/kiosk/visit/plan/").content.decode()
    assert f'lang="{language}"' in plan_page
    assert ZONE_TEXTS["welcome"][language][0] in plan_page
    assert plan_page.count('<li class="stop') >= 2

    picks = client.get("/kiosk/visit/for-you/").content.decode()
    assert picks.count('<li class="card') == 6 and f'lang="{language}"' in picks
    assert "/kiosk/avatar/?next=/kiosk/visit/for-you/" in picks

    home = client.get("/kiosk/visit/take-home/").content.decode()
    assert "<svg" in home and f"/me/{visit.token}/" in home and f'lang="{language}"' in home


def test_an_empty_quiz_gets_a_clear_message_and_starts_nothing(installation, client):
    _start(client, "en")
    response = client.post("/kiosk/visit/quiz/", {})
    assert response.status_code == 422
    html = response.content.decode()
    assert "Please answer the questions marked in orange." in html
    assert "Tap at least one thing you love." in html and "Tap how much time you have." in html
    assert not Job.objects.exists()


def test_unknown_choices_are_refused(installation, client):
    _start(client)
    response = client.post("/kiosk/visit/quiz/", {**QUIZ, "sport": "quidditch", "needs": ["teleport"]})
    assert response.status_code == 422 and not Job.objects.exists()


def test_journey_pages_without_a_visit_go_back_to_the_attract_loop(db, client):
    for path in ("/kiosk/visit/quiz/", "/kiosk/visit/plan/", "/kiosk/visit/for-you/", "/kiosk/visit/take-home/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"] == "/kiosk/", path
    htmx = client.get("/kiosk/visit/plan/", headers={"HX-Request": "true"})
    assert htmx["HX-Redirect"] == "/kiosk/"


def test_itinerary_partial_for_htmx_is_only_the_swappable_part(installation, client, run_agent):
    visit = _start(client)
    client.post("/kiosk/visit/quiz/", QUIZ)
    run_agent(visit)
    partial = client.get("/kiosk/visit/plan/", headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in partial and 'class="itinerary-state"' in partial and 'class="timeline"' in partial


def test_starting_again_ends_the_previous_unfinished_visit(installation, client):
    first = _start(client)
    second = _start(client, "de")
    assert not Visit.objects.filter(pk=first.pk).exists() and second.language == "de"
    assert VisitStats.objects.get().started == 2 and VisitStats.objects.get().reset == 1


def test_short_idle_timeout_is_a_debug_only_query_parameter(installation, client, settings):
    settings.DEBUG = True
    client.get("/kiosk/?idle=7")
    _start(client)
    assert b'data-idle-s="7"' in client.get("/kiosk/visit/quiz/").content
    settings.DEBUG = False
    client.get("/kiosk/?idle=3")
    assert b'data-idle-s="7"' in client.get("/kiosk/visit/quiz/").content


def test_default_idle_timeout_comes_from_the_setting(installation, client, settings):
    settings.WONDER_KIOSK_IDLE_S = 90
    _start(client)
    assert b'data-idle-s="90"' in client.get("/kiosk/visit/quiz/").content
