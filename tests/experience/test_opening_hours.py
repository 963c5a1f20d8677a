"""The kiosk's clock is the real one: hours come from the installation's zones; near or after closing the kiosk
says so and plans only what fits; a demo clock only when WONDER_KIOSK_DEMO_TIME asks for it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from experience import selectors, services
from experience.selectors import installation_minute as real_installation_minute

ROME = ZoneInfo("Europe/Rome")

pytestmark = pytest.mark.django_db


def at(monkeypatch, hour: int, minute: int) -> None:
    """The real clock reads ``hour:minute`` today (the autouse fixture pins it at 11:00 otherwise)."""
    moment = datetime(2026, 2, 10, hour, minute, tzinfo=ROME)
    monkeypatch.setattr(selectors, "installation_minute", lambda now=None: real_installation_minute(moment))


def plan_at(planned_visit, monkeypatch, hour: int, minute: int, **answers):
    at(monkeypatch, hour, minute)
    return planned_visit(**answers)


def test_the_clock_is_the_real_time_of_day_outside_the_opening_hours(settings):
    settings.TIME_ZONE = "Europe/Rome"
    assert real_installation_minute(datetime(2026, 2, 10, 18, 30, tzinfo=ROME)) == 510.0
    assert real_installation_minute(datetime(2026, 2, 10, 8, 0, tzinfo=ROME)) == -120.0
    assert real_installation_minute(datetime(2026, 2, 10, 21, 15, tzinfo=ROME)) == 675.0


def test_a_demo_clock_only_when_the_setting_asks(settings):
    settings.WONDER_KIOSK_DEMO_TIME = "11:00"
    assert real_installation_minute(datetime(2026, 2, 10, 23, 0, tzinfo=ROME)) == 60.0


def test_opening_hours_come_from_the_zones(installation):
    assert selectors.opening_hours() == (0.0, 600.0)
    from experience.models import Zone

    Zone.objects.update(hours=[[30, 420]])
    assert selectors.opening_hours() == (30.0, 420.0)
    assert selectors.opening_state(500)["state"] == "closed"


def test_at_half_past_six_the_plan_starts_then_and_skips_zones_closed_at_six(installation, planned_visit, monkeypatch):
    # The Museum Corner closes at 18:00; an art and sport lover would be sent there at 11:00.
    visit = plan_at(planned_visit, monkeypatch, 18, 30, interests=["art", "sport"], sport="luge", minutes=60)
    plan = visit.get_plan()
    assert visit.start_minute == 510.0 and plan.start_minute == 510.0
    assert plan.stops and "museum-corner" not in plan.zone_ids
    assert all(stop.start >= 510 for stop in plan.stops)
    morning = plan_at(planned_visit, monkeypatch, 11, 0, interests=["art", "sport"], sport="luge", minutes=60)
    assert "museum-corner" in morning.get_plan().zone_ids  # the same visitor in the morning: it is the pick


def test_near_closing_the_plan_fits_the_minutes_left_and_the_kiosk_says_so(
    installation, planned_visit, monkeypatch, client
):
    visit = plan_at(planned_visit, monkeypatch, 19, 40, minutes=90)
    plan = visit.get_plan()
    assert plan.budget_minutes == 20.0
    assert plan.stops and plan.stops[-1].end <= 600.0
    session = client.session
    session[services.SESSION_KEY] = visit.token
    session.save()
    page = client.get("/kiosk/visit/plan/").content.decode()
    assert "closes at 20:00" in page and 'data-opening="closing"' in page


def test_the_quiz_and_the_attract_loop_say_when_the_installation_is_closed(installation, monkeypatch, client):
    at(monkeypatch, 21, 0)
    assert 'data-opening="closed"' in client.get("/kiosk/").content.decode()
    client.post("/kiosk/start/", {"language": "en"})
    quiz = client.get("/kiosk/visit/quiz/").content.decode()
    assert "closed now" in quiz and "10:00" in quiz
    at(monkeypatch, 19, 30)
    assert "closes at 20:00" in client.get("/kiosk/visit/quiz/").content.decode()
    at(monkeypatch, 12, 0)
    assert "data-opening" not in client.get("/kiosk/visit/quiz/").content.decode()


def test_after_closing_nothing_is_planned(installation, planned_visit, monkeypatch):
    visit = plan_at(planned_visit, monkeypatch, 20, 30)
    assert visit.get_plan().stops == ()


def test_before_opening_the_route_starts_at_the_opening(installation, planned_visit, monkeypatch):
    visit = plan_at(planned_visit, monkeypatch, 9, 15)
    assert visit.start_minute == 0.0 and visit.get_plan().stops[0].start >= 0.0


def test_bad_demo_time_is_a_clear_error(settings):
    settings.WONDER_KIOSK_DEMO_TIME = "noon"
    with pytest.raises(ValueError):
        real_installation_minute()
