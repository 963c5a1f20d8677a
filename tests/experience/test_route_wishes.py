"""The visitor changes the plan by touch ("add the café", "we're running late", "skip the queues") or, with an LLM,
by a typed wish; the agent re-plans live and the verifier still has the last word. Bad input changes nothing."""

from __future__ import annotations

import json

import pytest

from experience import services, wishes
from experience.models import Visit, Zone, ZoneStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def at_kiosk(planned_visit, client):
    """A kiosk browser with a planned visit (no café in it)."""
    visit = planned_visit(interests=["fashion", "beauty"], sport=None, minutes=90)
    assert "cafe" not in visit.get_plan().zone_ids
    session = client.session
    session[services.SESSION_KEY] = visit.token
    session.save()
    return visit


def _choose(client, run_agent, visit: Visit, **data) -> Visit:
    response = client.post("/kiosk/visit/plan/change/", data)
    assert response.status_code == 302 and response["Location"] == "/kiosk/visit/plan/"
    visit = Visit.objects.select_related("job").get(pk=visit.pk)
    return run_agent(visit) if visit.job.status == "queued" else visit


def test_the_plan_page_offers_the_touch_choices(at_kiosk, client):
    page = client.get("/kiosk/visit/plan/").content.decode()
    for code in ("cafe", "late", "skip_queue"):
        assert f'data-choice="{code}"' in page
    assert 'name="wish"' not in page  # no LLM configured: touch only


def test_add_the_cafe(at_kiosk, client, run_agent):
    visit = _choose(client, run_agent, at_kiosk, choice="cafe")
    assert visit.plan_version == 2 and "cafe" in visit.get_plan().zone_ids
    assert visit.plan_note == {"code": "wish", "wish": "cafe"}
    assert visit.steps[0].startswith("You asked for the café")
    assert "as you asked" in client.get("/kiosk/visit/plan/").content.decode()


def test_running_late_takes_time_off(at_kiosk, client, run_agent):
    before = at_kiosk.get_plan().budget_minutes
    visit = _choose(client, run_agent, at_kiosk, choice="late")
    assert visit.get_plan().budget_minutes == before - wishes.LATE_MINUTES


def test_skip_the_queue_leaves_out_long_waits(at_kiosk, client, run_agent):
    busy = next(stop.zone for stop in at_kiosk.get_plan().stops if stop.zone != "welcome")
    ZoneStatus.objects.update_or_create(zone=Zone.objects.get(slug=busy), defaults={"queue_minutes": 12})
    visit = _choose(client, run_agent, at_kiosk, choice="skip_queue")
    assert busy not in visit.get_plan().zone_ids


@pytest.mark.parametrize("data", [{"choice": "teleport"}, {"choice": ""}, {"wish": "   "}, {}])
def test_bad_input_changes_nothing(at_kiosk, client, run_agent, data):
    visit = _choose(client, run_agent, at_kiosk, **data)
    assert visit.plan_version == 1 and visit.job_id == at_kiosk.job_id


def test_a_typed_wish_without_an_llm_changes_nothing(at_kiosk, client, run_agent):
    visit = _choose(client, run_agent, at_kiosk, wish="I want a coffee")
    assert visit.plan_version == 1


def test_a_typed_wish_goes_through_the_llm_as_constraints(at_kiosk, client, run_agent, settings, monkeypatch):
    settings.WONDER_LLM_URL = "http://llm.invalid/v1"
    asked = []

    def chat(system, user, **kwargs):
        asked.append(json.loads(user))
        return '{"add": ["cafe", "moon-base"], "late_minutes": 999, "max_queue": true}'

    monkeypatch.setattr("generation.llm.chat", chat)
    assert 'name="wish"' in client.get("/kiosk/visit/plan/").content.decode()
    visit = _choose(client, run_agent, at_kiosk, wish="un caffè per favore")
    assert asked[0]["wish"] == "un caffè per favore" and "cafe" in asked[0]["zones"]
    # Only the known zone survives; the out-of-range minutes and the non-number are dropped.
    assert visit.answers["wishes"] == {"add": ["cafe"]}
    assert "cafe" in visit.get_plan().zone_ids


@pytest.mark.parametrize(
    "answer", ["not json", "[1, 2]", '{"add": "cafe"}', '{"late_minutes": -5}', '{"add": [42]}', "null"]
)
def test_unusable_llm_answers_are_ignored(settings, monkeypatch, answer):
    settings.WONDER_LLM_URL = "http://llm.invalid/v1"
    monkeypatch.setattr("generation.llm.chat", lambda *a, **k: answer)
    assert wishes.from_text("coffee", "en", {"cafe": "Alpine Cafe"}) == {}


def test_wishes_add_up():
    merged = wishes.merge({"add": ["cafe"], "late_minutes": 15}, {"add": ["shop"], "late_minutes": 15, "max_queue": 5})
    assert merged == {"add": ["cafe", "shop"], "late_minutes": 30, "max_queue": 5}
    assert wishes.merge(merged, {"late_minutes": 50})["late_minutes"] == wishes.MAX_LATE_MINUTES
