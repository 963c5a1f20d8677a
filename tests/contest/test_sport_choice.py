"""Never guess a sport silently: the form and the API ask the fan when the sentence does not settle it."""

from __future__ import annotations

import html
import json

import pytest

from contest import services
from generation.models import Job
from generation.prompting import SPORTS

pytestmark = pytest.mark.django_db

NO_SPORT = "A quiet snowy village at dawn, a cat sleeping by the fireplace"
TWO_SPORTS = "figure skating or ice hockey, I can't decide"


def test_a_sentence_naming_no_sport_is_not_generated_until_the_fan_picks(client, enqueued):
    response = client.post("/contest/videos/", {"text": NO_SPORT})
    body = html.unescape(response.content.decode())
    assert response.status_code == 422 and "Which sport should it be?" in body
    assert 'class="chip needs-choice"' in body and 'aria-invalid="true"' in body
    assert not Job.objects.exists()


def test_two_competing_sports_are_offered_first_and_nothing_is_generated(client):
    response = client.post("/contest/parse/", {"text": TWO_SPORTS})
    body = html.unescape(response.content.decode())
    assert "Figure skating / Ice hockey" in body
    first_options = body.split('name="sport"')[1].split("</select>")[0]
    assert first_options.index('value="figure-skating"') < first_options.index('value="alpine-skiing"')
    assert client.post("/contest/videos/", {"text": TWO_SPORTS}).status_code == 422
    assert not Job.objects.exists()


def test_the_fans_pick_settles_it(client, enqueued):
    client.post("/contest/videos/", {"text": NO_SPORT, "sport": "curling"})
    spec = Job.objects.get().spec
    assert spec["sport"] == "curling" and spec["light"] == "dawn"


def test_surprise_me_picks_a_sport_openly(client, enqueued):
    client.post("/contest/videos/", {"text": TWO_SPORTS, "sport": "surprise"})
    spec = Job.objects.get().spec
    assert spec["sport"] in ("figure-skating", "ice-hockey") and spec["sport_source"] == "surprise"


def test_a_named_sport_is_never_overridden_by_surprise():
    spec = services.build_video_spec(text="ski jumping at night", sport="surprise")
    assert spec["sport"] == "ski-jumping"


def test_the_chips_show_how_much_was_understood(client):
    body = client.post("/contest/parse/", {"text": "a panda curling under the northern lights"}).content.decode()
    assert "data-understood=" in body and "of your sentence understood" in body


def test_the_api_says_the_sport_needs_a_choice(client):
    response = client.post("/api/contest/videos/", {"text": TWO_SPORTS}, content_type="application/json")
    data = response.json()
    assert response.status_code == 400 and data["error"] == "sport_needed" and data["sport_needs_choice"] is True
    assert data["sport_candidates"] == ["figure-skating", "ice-hockey"]
    assert not Job.objects.exists()


def test_the_api_accepts_surprise(client, enqueued):
    response = client.post(
        "/api/contest/videos/", {"text": NO_SPORT, "sport": "surprise"}, content_type="application/json"
    )
    assert response.status_code == 201 and Job.objects.get().spec["sport"] in SPORTS


def test_the_parse_api_reports_the_choice_and_the_scene(client):
    response = client.post("/api/prompts/parse/", json.dumps({"text": NO_SPORT}), content_type="application/json")
    data = response.json()
    assert data["sport"] is None and data["sport_needs_choice"] is True
    assert data["setting"] == "village" and data["light"] == "dawn" and "sleep" in data["beats"]


def test_the_video_page_shows_translated_names_not_slugs(client, enqueued):
    client.post("/contest/videos/", {"text": "ski jumping at night, then he lands a telemark", "sport": ""})
    job = Job.objects.get()
    body = html.unescape(client.get(f"/contest/videos/{job.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode())
    chips = body.split("What Wonder understood")[1].split("</ul>")[0]
    assert "Ski jumping" in chips and "Night" in chips and "ski-jumping" not in chips
