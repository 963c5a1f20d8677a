"""The itinerary planner on hand-built cases: rules, needs, live status, budget, determinism, re-planning."""

from __future__ import annotations

import json
import math

import pytest

from experience.planning import (
    Installation,
    Plan,
    Rules,
    VisitorProfile,
    ZoneSpec,
    ZoneStatus,
    demo_installation,
    demo_statuses,
    expected_queue,
    explain_stop,
    plan_visit,
    replan,
    verify_plan,
)
from experience.planning.exact import plan_exact
from experience.planning.queues import DRIFT_MINUTES

START = 120.0


def visitor(**changes) -> VisitorProfile:
    fields = {
        "interests": {"fragrance": 1.0, "fashion": 0.8, "technology": 0.6, "art": 0.5},
        "sport": "figure-skating",
        "mood": "curious",
        "budget_minutes": 90,
        "start_minute": START,
    }
    fields.update(changes)
    return VisitorProfile(**fields)


def plan_demo(profile: VisitorProfile, statuses=None, **kwargs) -> Plan:
    installation = demo_installation()
    statuses = demo_statuses(START) if statuses is None else statuses
    plan = plan_visit(profile, installation, statuses, **kwargs)
    assert verify_plan(plan, profile, installation, statuses, start_minute=profile.start_minute) == []
    return plan


def line(*zones: ZoneSpec, rules: Rules = Rules()) -> Installation:
    return Installation(zones=zones, rules=rules, entrance=(0.0, 0.0))


def test_avatar_booth_comes_before_the_stylist_even_when_the_stylist_is_nearer():
    zones = (
        ZoneSpec("stylist", "Stylist", dwell=5, capacity=5, x=5, y=0, tags={"fashion": 1.0}),
        ZoneSpec("avatar", "Avatar", dwell=5, capacity=5, x=40, y=0, tags={"technology": 1.0}),
    )
    installation = line(*zones, rules=Rules(precedence=(("avatar", "stylist"),)))
    profile = VisitorProfile(interests={"fashion": 1.0, "technology": 1.0}, budget_minutes=60)
    plan = plan_visit(profile, installation)
    assert plan.zone_ids == ["avatar", "stylist"]
    assert verify_plan(plan, profile, installation) == []


def test_demo_plan_keeps_avatar_before_stylist_and_video_wall_last():
    profile = visitor(interests={"fashion": 1.0, "technology": 1.0, "art": 0.8}, budget_minutes=120)
    plan = plan_demo(profile)
    ids = plan.zone_ids
    assert {"avatar-booth", "ai-stylist", "aigc-video-wall"} <= set(ids)
    assert ids.index("avatar-booth") < ids.index("ai-stylist")
    assert ids[-1] == "aigc-video-wall"
    assert ids[0] == "welcome"


def test_step_free_visitor_is_never_routed_through_a_zone_with_steps():
    installation = demo_installation()
    profile = visitor(interests={"sport": 1.0, "kids": 1.0}, needs=frozenset({"step_free"}), budget_minutes=120)
    plan = plan_demo(profile)
    assert "ice-rink-photo" not in plan.zone_ids
    assert all(installation.zone(zone_id).step_free for zone_id in plan.zone_ids)
    # The same fan without the need does go to the rink.
    assert "ice-rink-photo" in plan_demo(visitor(interests={"sport": 1.0, "kids": 1.0}, budget_minutes=120)).zone_ids


def test_other_needs_and_children_exclude_zones():
    installation = demo_installation()
    profile = visitor(needs=frozenset({"avoid_strobe", "avoid_loud"}), group="family", party_size=3)
    plan = plan_demo(profile)
    for zone_id in plan.zone_ids:
        zone = installation.zone(zone_id)
        assert not zone.strobe and not zone.loud and zone.child_friendly


def test_closed_zone_is_excluded_and_the_trace_says_why():
    statuses = demo_statuses(START)
    assert "fragrance-bar" in plan_demo(visitor(), statuses).zone_ids
    statuses["fragrance-bar"] = ZoneStatus("fragrance-bar", open=False, observed_minute=START)
    events = []
    plan = plan_demo(visitor(), statuses, trace=lambda kind, data: events.append((kind, data)))
    assert "fragrance-bar" not in plan.zone_ids
    options = dict(events)["options weighed"]
    excluded = {item["zone"]: item["excluded"]["code"] for item in options["excluded"]}
    assert excluded["fragrance-bar"] == "closed"


def test_trace_streams_understanding_then_options_then_plan():
    events = []
    plan = plan_demo(visitor(), trace=lambda kind, data: events.append((kind, data)))
    kinds = [kind for kind, _ in events]
    # The search speaks between the options and the plan: its starting routes, the better ones, its totals.
    assert kinds[:2] == ["understanding", "options weighed"] and kinds[-2:] == ["searched", "plan"]
    assert set(kinds[2:-2]) <= {"candidate", "improved"} and kinds.count("candidate") == 4
    understanding, options, final = events[0][1], events[1][1], events[-1][1]
    assert understanding["budget_minutes"] == 90
    assert options["options"][0]["score"] >= options["options"][-1]["score"]
    assert final["order"] == plan.zone_ids
    json.dumps([data for _, data in events])


def test_a_growing_queue_changes_the_plan():
    profile = visitor(interests={"fragrance": 1.0, "beauty": 0.3}, budget_minutes=30, sport=None, mood=None)
    calm = plan_demo(profile)
    assert "fragrance-bar" in calm.zone_ids
    statuses = demo_statuses(START)
    statuses["fragrance-bar"] = ZoneStatus(
        "fragrance-bar", queue_minutes=40, baseline_minutes=30, observed_minute=START
    )
    busy = plan_demo(profile, statuses)
    assert "fragrance-bar" not in busy.zone_ids


def test_tight_budget_gives_fewer_stops():
    short = plan_demo(visitor(budget_minutes=30))
    long = plan_demo(visitor(budget_minutes=120))
    assert len(short.stops) < len(long.stops)
    assert short.total_minutes <= 30 + 1e-6
    assert short.value < long.value


def test_zero_budget_gives_an_empty_plan():
    plan = plan_demo(visitor(budget_minutes=0))
    assert plan.stops == () and plan.total_minutes == 0


def test_output_is_deterministic():
    first = plan_demo(visitor()).to_dict()
    assert all(plan_demo(visitor()).to_dict() == first for _ in range(3))


def test_heuristic_matches_the_exact_optimum_on_the_demo():
    for budget in (30, 60, 90):
        profile = visitor(budget_minutes=budget)
        heuristic = plan_demo(profile)
        best = plan_exact(profile, demo_installation(), demo_statuses(START))
        assert heuristic.value <= best.value + 1e-9
        assert heuristic.value >= 0.97 * best.value


def test_replan_keeps_completed_stops_and_avoids_the_closed_zone():
    installation = demo_installation()
    profile = visitor(budget_minutes=90)
    plan = plan_demo(profile)
    done = plan.zone_ids[:2]
    statuses = demo_statuses(START)
    upcoming = plan.zone_ids[3]
    statuses[upcoming] = ZoneStatus(upcoming, open=False, observed_minute=START + 10)
    now = plan.stops[1].end + 2
    again = replan(plan, profile, installation, statuses, now_minute=now, completed_zone_ids=done)
    assert [(s.zone, s.arrive, s.end) for s in again.stops[:2]] == [(s.zone, s.arrive, s.end) for s in plan.stops[:2]]
    assert again.completed == 2 and again.resume_minute == now
    assert upcoming not in again.zone_ids
    assert again.stops[2].arrive == pytest.approx(now + again.stops[2].walk)
    assert verify_plan(again, profile, installation, statuses, start_minute=START) == []


def test_replan_after_a_queue_grows_still_verifies_and_never_repeats():
    installation = demo_installation()
    profile = visitor(budget_minutes=120)
    plan = plan_demo(profile)
    statuses = demo_statuses(START)
    for zone_id in plan.zone_ids[2:]:
        statuses[zone_id] = ZoneStatus(zone_id, queue_minutes=25, observed_minute=START + 20)
    again = replan(plan, profile, installation, statuses, now_minute=START + 20, completed_zone_ids=plan.zone_ids[:3])
    assert len(set(again.zone_ids)) == len(again.zone_ids)
    assert again.zone_ids[:3] == plan.zone_ids[:3]
    assert verify_plan(again, profile, installation, statuses, start_minute=START) == []


def test_waits_for_a_zone_that_opens_later():
    zones = (ZoneSpec("cafe", "Cafe", dwell=15, capacity=40, hours=((60.0, 540.0),), x=10, tags={"food": 1.0}),)
    installation = line(*zones)
    profile = VisitorProfile(interests={"food": 1.0}, budget_minutes=60, start_minute=50)
    plan = plan_visit(profile, installation)
    (stop,) = plan.stops
    assert stop.arrive < 60 and stop.arrive + stop.wait == pytest.approx(60) and stop.end == pytest.approx(75)
    assert verify_plan(plan, profile, installation) == []


def test_zone_closing_before_the_dwell_ends_is_not_planned():
    zones = (ZoneSpec("theatre", "Theatre", dwell=20, capacity=40, hours=((0.0, 130.0),), tags={"sport": 1.0}),)
    profile = VisitorProfile(interests={"sport": 1.0}, budget_minutes=60, start_minute=115)
    assert plan_visit(profile, line(*zones)).stops == ()


def test_party_larger_than_capacity_is_excluded_and_full_zone_adds_a_wait():
    zones = (
        ZoneSpec("booth", "Booth", dwell=6, capacity=2, x=3, tags={"technology": 1.0}),
        ZoneSpec("mirror", "Mirror", dwell=10, capacity=4, x=6, tags={"fashion": 1.0}),
    )
    installation = line(*zones)
    party = VisitorProfile(interests={"technology": 1.0, "fashion": 1.0}, group="friends", party_size=3)
    assert plan_visit(party, installation).zone_ids == ["mirror"]
    full = {"mirror": ZoneStatus("mirror", occupancy=4)}
    plan = plan_visit(party, installation, full)
    # 4 inside + 3 arriving - 4 places = 3 people of overflow, leaving at 4 per 10 minutes.
    assert plan.stops[0].queue == pytest.approx(7.5 * math.exp(-plan.stops[0].arrive / DRIFT_MINUTES))
    assert verify_plan(plan, party, installation, full) == []


def test_requires_rule_and_first_rule():
    zones = (
        ZoneSpec("welcome", "Welcome", dwell=2, capacity=9, x=1),
        ZoneSpec("a", "A", dwell=5, capacity=9, x=20, tags={"art": 0.2}),
        ZoneSpec("b", "B", dwell=5, capacity=9, x=2, tags={"art": 1.0}),
    )
    rules = Rules(requires=(("b", "a"),), first=("welcome",), mandatory=("welcome",))
    installation = line(*zones, rules=rules)
    profile = VisitorProfile(interests={"art": 1.0}, budget_minutes=60)
    plan = plan_visit(profile, installation)
    assert plan.zone_ids == ["welcome", "a", "b"]
    assert verify_plan(plan, profile, installation) == []
    closed = {"a": ZoneStatus("a", open=False)}
    assert plan_visit(profile, installation, closed).zone_ids == ["welcome"]


def test_queue_model_drifts_back_to_baseline_and_follows_forecasts():
    zone = ZoneSpec("z", "Z", dwell=10, capacity=5)
    status = ZoneStatus("z", queue_minutes=20, baseline_minutes=5, observed_minute=100)
    assert expected_queue(zone, status, 90) == 20
    assert expected_queue(zone, status, 100 + DRIFT_MINUTES) == pytest.approx(5 + 15 * math.exp(-1))
    assert expected_queue(zone, None, 50) == 0
    rising = ZoneStatus("z", queue_minutes=0, baseline_minutes=10, observed_minute=0)
    assert 0 < expected_queue(zone, rising, 10) < expected_queue(zone, rising, 20) < 10
    forecast = ZoneStatus("z", forecast=((0, 0), (30, 12), (60, 2)))
    assert [expected_queue(zone, forecast, t) for t in (-5, 15, 45, 90)] == [0, 6, 7, 2]
    with pytest.raises(ValueError):
        ZoneStatus("z", forecast=((0, 30), (10, 0)))  # falls faster than time passes


def test_queues_never_let_a_later_arrival_in_earlier():
    zone = ZoneSpec("z", "Z", dwell=10, capacity=5)
    status = ZoneStatus("z", queue_minutes=90, baseline_minutes=0, occupancy=9, observed_minute=0)
    starts = [t + expected_queue(zone, status, t, 2) for t in range(0, 200)]
    assert all(b >= a - 1e-9 for a, b in zip(starts, starts[1:], strict=False))


def test_explanations_name_the_matching_interest():
    profile = visitor(interests={"fragrance": 1.0}, sport=None, mood=None, budget_minutes=30)
    plan = plan_demo(profile)
    stop = next(s for s in plan.stops if s.zone == "fragrance-bar")
    assert {"code": "interest", "tags": ["fragrance"]} in stop.reasons
    text = explain_stop(stop, profile)
    assert text.startswith("Because you love fragrance") and "Fragrance Bar" in text
    assert all(explain_stop(s, profile) for s in plan.stops)
    welcome = plan.stops[0]
    assert welcome.zone == "welcome" and {"code": "rule", "rule": "first"} in welcome.reasons


def test_stop_values_add_up_and_similar_zones_are_discounted():
    plan = plan_demo(visitor(interests={"fashion": 1.0, "beauty": 1.0}, budget_minutes=120))
    assert plan.value == pytest.approx(sum(stop.value for stop in plan.stops))
    assert any(stop.score["similarity_discount"] > 0 for stop in plan.stops)


def test_everything_round_trips_through_json():
    installation = demo_installation()
    profile = visitor(needs=frozenset({"seated"}), start=(3.0, 4.0))
    statuses = demo_statuses(START)
    plan = plan_visit(profile, installation, statuses)
    assert Installation.from_dict(json.loads(json.dumps(installation.to_dict()))) == installation
    assert VisitorProfile.from_dict(json.loads(json.dumps(profile.to_dict()))) == profile
    assert Plan.from_dict(json.loads(json.dumps(plan.to_dict()))) == plan
    status = ZoneStatus("shop", queue_minutes=3, forecast=((0, 1), (10, 2)))
    assert ZoneStatus.from_dict(json.loads(json.dumps(status.to_dict()))) == status


def test_demo_installation_is_plausible():
    installation = demo_installation()
    assert len(installation.zones) == 12
    for zone in installation.zones:
        assert 0 <= zone.x <= 60 and 0 <= zone.y <= 40
        assert zone.name and zone.description and zone.dwell > 0
    assert installation.rules.first == ("welcome",) and installation.rules.last == ("aigc-video-wall",)


def test_insertion_positions_agree_with_the_order_rules_on_random_routes():
    """The one-pass insertion check says exactly what ``Problem.valid`` says of each insertion."""
    import itertools
    import random

    from experience.planning.problem import Problem

    rng = random.Random(4)
    ids = [f"z{i}" for i in range(7)]
    zones = tuple(ZoneSpec(zone_id, zone_id, dwell=1, capacity=9, x=i) for i, zone_id in enumerate(ids))
    checked = 0
    for _ in range(300):
        rules = Rules(
            precedence=tuple(tuple(rng.sample(ids, 2)) for _ in range(rng.randint(0, 3))),
            requires=tuple(tuple(rng.sample(ids, 2)) for _ in range(rng.randint(0, 2))),
            first=(rng.choice(ids),) if rng.random() < 0.4 else (),
            last=(rng.choice(ids),) if rng.random() < 0.4 else (),
        )
        problem = Problem(VisitorProfile(budget_minutes=600), line(*zones, rules=rules), {}, start_minute=0)
        indices = list(range(problem.n))
        for size in range(0, 5):
            for route in itertools.islice(itertools.permutations(indices, size), 40):
                if not problem.valid(list(route)):
                    continue
                for z in set(indices) - set(route):
                    brute = [p for p in range(size + 1) if problem.valid([*route[:p], z, *route[p:]])]
                    assert problem.insertion_positions(list(route), z) == brute, (rules, route, z)
                    checked += 1
    assert checked > 1000
