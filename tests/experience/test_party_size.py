"""Party size is asked, not assumed: a family of two is not told a zone for three is too small for them."""

from __future__ import annotations

import pytest

from experience import quiz, services
from experience.forms import QuizForm
from experience.models import Visit

pytestmark = pytest.mark.django_db

BASE = {"interests": ["fashion"], "sport": "", "mood": "calm", "minutes": "60"}


def test_a_group_must_say_how_many_they_are():
    form = QuizForm({**BASE, "group": "family"})
    assert not form.is_valid() and "party_size" in form.errors
    assert not QuizForm({**BASE, "group": "friends", "party_size": "1"}).is_valid()
    assert QuizForm({**BASE, "group": "family", "party_size": "2"}).is_valid()


def test_someone_alone_is_one_whatever_the_form_says():
    form = QuizForm({**BASE, "group": "alone", "party_size": "5"})
    assert form.is_valid() and form.answers()["party_size"] == 1


@pytest.mark.parametrize("bad", ["0", "9", "two", "-1"])
def test_a_bad_party_size_is_refused(bad):
    assert "party_size" in QuizForm({**BASE, "group": "friends", "party_size": bad}).errors


def test_the_planner_gets_the_size_asked():
    assert quiz.profile({**BASE, "group": "family", "party_size": 2}).party_size == 2
    assert quiz.profile({**BASE, "group": "family"}).party_size == 4  # a visit planned before the question existed


def test_a_family_of_two_is_offered_the_ai_stylist(installation, client, run_agent):
    client.post("/kiosk/start/", {"language": "en"})
    answers = {**BASE, "interests": ["fashion", "technology"], "group": "family", "party_size": "2"}
    assert client.post("/kiosk/visit/quiz/", answers).status_code == 302
    visit = run_agent(Visit.objects.get(token=client.session[services.SESSION_KEY]))
    excluded = {step for step in visit.steps if "too small for your group" in step}
    assert not excluded
    assert "ai-stylist" in visit.get_plan().zone_ids


def test_the_quiz_asks_it(installation, client):
    client.post("/kiosk/start/", {"language": "en"})
    page = client.get("/kiosk/visit/quiz/").content.decode()
    assert 'name="party_size"' in page and "How many of you" in page
