"""Crowd-aware planning: the planner counts the visitors it already sent to each zone per time slot and spreads the
next ones, instead of sending everyone to the same quiet zone at once."""

from __future__ import annotations

import pytest

from experience import planning, selectors, services
from experience.planning import (
    Crowd,
    VisitorProfile,
    crowd_statuses,
    demo_installation,
    demo_statuses,
    plan_visit,
    verify_plan,
)

FAN = VisitorProfile(interests={"fashion": 1.0, "beauty": 1.0}, budget_minutes=60, start_minute=120.0)


def _plan_many(count: int, *, aware: bool) -> list[planning.Plan]:
    installation, crowd, plans = demo_installation(), Crowd(), []
    for _ in range(count):
        statuses = demo_statuses(120.0)
        if aware:
            statuses = crowd_statuses(installation, statuses, crowd, start_minute=120.0, horizon_minutes=60)
        plan = plan_visit(FAN, installation, statuses)
        assert not verify_plan(plan, FAN, installation, statuses)  # the verifier sees the same forecast
        crowd.add(plan)
        plans.append(plan)
    return plans


def _most_at_once(plans: list[planning.Plan], zone: str) -> int:
    crowd = Crowd.of((plan, 1) for plan in plans)
    return int(max(crowd.people(zone, minute) for minute in range(100, 200)))


def test_identical_visitors_are_spread_instead_of_flooding_one_zone():
    blind, aware = _plan_many(12, aware=False), _plan_many(12, aware=True)
    assert len({tuple(plan.zone_ids) for plan in blind}) == 1  # everyone gets the same route
    assert len({tuple((s.zone, round(s.start)) for s in plan.stops) for plan in aware}) > 1
    # The Make-up Studio seats 4: without the crowd twelve people are sent into it in the same slot.
    assert _most_at_once(blind, "makeup-studio") == 12
    assert _most_at_once(aware, "makeup-studio") < 12


def test_the_forecast_never_falls_faster_than_time():
    installation, crowd = demo_installation(), Crowd()
    for _ in range(30):
        crowd.add(plan_visit(FAN, installation, demo_statuses(120.0)))
    statuses = crowd_statuses(installation, demo_statuses(120.0), crowd, start_minute=120.0, horizon_minutes=90)
    forecast = statuses["makeup-studio"].forecast
    assert forecast is not None and max(q for _t, q in forecast) > 50
    for (t0, q0), (t1, q1) in zip(forecast, forecast[1:], strict=False):
        assert q1 - q0 >= -(t1 - t0) - 1e-9


def test_removing_a_plan_frees_its_slots():
    plan = plan_visit(FAN, demo_installation(), demo_statuses(120.0))
    crowd = Crowd()
    crowd.add(plan, 3)
    stop = plan.stops[1]
    assert crowd.people(stop.zone, stop.start) == 3
    crowd.remove(plan, 3)
    assert crowd.people(stop.zone, stop.start) == 0


@pytest.mark.django_db
def test_the_kiosk_plans_with_todays_crowd(installation, planned_visit, django_capture_on_commit_callbacks):
    first = planned_visit(interests=["beauty"], sport=None)
    zone = first.get_plan().stops[1].zone
    assert selectors.crowd(exclude=first).people(zone, first.get_plan().stops[1].start) == 0
    crowd = selectors.crowd()
    assert crowd.people(zone, first.get_plan().stops[1].start) == 3  # the factory's party of three
    from tests.experience.factories import VisitFactory

    second = VisitFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_quiz(visit=second, answers={**second.answers, "interests": ["beauty"], "sport": None})
    statuses = {s["zone_id"]: s for s in second.job.spec["statuses"]}
    assert statuses[zone]["forecast"] is not None
