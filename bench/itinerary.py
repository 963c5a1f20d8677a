"""Benchmark of the itinerary planner: speed, feasibility and distance from the optimum.

Run as ``python bench/itinerary.py`` (no Django needed). Prints ``name: value unit`` lines:

- ``plan_ms_p95_12_zones``: 95th percentile planning time on the 12-zone demo installation (random visitors
and
  live statuses);
- ``plan_ms_p95_30_zones``: the same on random 30-zone installations;
- ``plan_feasible_rate``: share of all plans above (and of a re-plan of each) that the verifier accepts;
- ``plan_value_gap_pct``: mean value gap to the exact optimum on random 8-zone instances;
- ``plan_value_gap_worst_pct_12_zones``: the worst gap to the exact optimum on the 12-zone demo installation;
- ``crowd_peak_queue_min`` without and with crowd-aware planning: a simulated day of 2,000 visitors planned one
  after another on the demo installation, then the queues their plans really cause (each zone serves ``capacity``
  people at once for ``dwell`` minutes, first come first served): the longest wait anyone gets;
- ``replan_to_phone_ms_p95`` (``--phone``, or ``--phone-only [samples]`` for just this; needs Django): a zone
  closes -> the agent re-plans -> the phone's socket has the new route, in one process (the worker's run and the
  in-memory channel layer of embedded mode; no broker hop).
"""

from __future__ import annotations

import heapq
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from experience.planning import (  # noqa: E402
    Crowd,
    Installation,
    Rules,
    VisitorProfile,
    ZoneSpec,
    ZoneStatus,
    crowd_statuses,
    demo_installation,
    demo_statuses,
    plan_visit,
    replan,
    verify_plan,
)
from experience.planning.exact import plan_exact  # noqa: E402

TAGS = ("fashion", "fragrance", "beauty", "sport", "technology", "art", "food", "shopping", "kids")
SPORTS = (
    "figure-skating",
    "short-track",
    "alpine-skiing",
    "snowboard",
    "ski-jumping",
    "ice-hockey",
    "curling",
)
MOODS = (None, "calm", "energetic", "curious", "playful", "festive", "hungry")
SEED = 2026


def random_zone(rng: random.Random, index: int) -> ZoneSpec:
    if rng.random() < 0.7:
        hours = ((0.0, 600.0),)
    else:
        opening = rng.uniform(0, 200)
        middle = opening + rng.uniform(60, 200)
        hours = ((opening, middle), (middle + rng.uniform(10, 40), 600.0))
    return ZoneSpec(
        id=f"zone-{index}",
        name=f"Zone {index}",
        dwell=rng.choice((3, 5, 6, 8, 10, 12, 15, 20)),
        capacity=rng.randint(1, 30),
        hours=hours,
        x=rng.uniform(0, 60),
        y=rng.uniform(0, 40),
        step_free=rng.random() < 0.85,
        seated=rng.random() < 0.4,
        strobe=rng.random() < 0.15,
        loud=rng.random() < 0.2,
        child_friendly=rng.random() < 0.85,
        tags={tag: round(rng.uniform(0.2, 1.0), 2) for tag in rng.sample(TAGS, rng.randint(1, 3))},
        sports=tuple(rng.sample(SPORTS, rng.randint(0, 2))),
    )


def random_installation(rng: random.Random, n: int) -> Installation:
    zones = tuple(random_zone(rng, i) for i in range(n))
    ids = [zone.id for zone in zones]
    pairs = [tuple(rng.sample(ids, 2)) for _ in range(rng.randint(0, 2))]
    rules = Rules(
        precedence=pairs,
        requires=[tuple(rng.sample(ids, 2))] if rng.random() < 0.2 else (),
        first=(ids[0],) if rng.random() < 0.5 else (),
        last=(ids[-1],) if rng.random() < 0.5 else (),
        mandatory=(ids[0],) if rng.random() < 0.3 else (),
    )
    return Installation(zones=zones, rules=rules, entrance=(30.0, 0.0))


def random_statuses(rng: random.Random, installation: Installation, minute: float) -> dict[str, ZoneStatus]:
    statuses = {}
    for zone in installation.zones:
        statuses[zone.id] = ZoneStatus(
            zone_id=zone.id,
            open=rng.random() < 0.92,
            queue_minutes=rng.choice((0.0, 0.0, rng.uniform(0, 5), rng.uniform(0, 25))),
            baseline_minutes=rng.uniform(0, 5),
            observed_minute=minute - rng.uniform(0, 10),
            occupancy=rng.randint(0, zone.capacity + 3),
        )
    return statuses


def random_visitor(rng: random.Random) -> VisitorProfile:
    group = rng.choice(("alone", "alone", "friends", "family"))
    return VisitorProfile(
        interests={tag: round(rng.random(), 2) for tag in rng.sample(TAGS, rng.randint(1, 4))},
        sport=rng.choice((None,) + SPORTS),
        mood=rng.choice(MOODS),
        budget_minutes=rng.choice((30, 60, 90, 120)),
        group=group,
        party_size=1 if group == "alone" else rng.randint(2, 5),
        needs=frozenset(need for need in ("step_free", "seated", "avoid_strobe", "avoid_loud") if rng.random() < 0.1),
        start_minute=float(rng.randint(0, 450)),
    )


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def timed_plans(rng: random.Random, count: int, make_installation) -> tuple[list[float], int, int]:
    """Plan ``count`` random visitors; returns the times in ms, the plans checked and the valid ones."""
    times, checked, valid = [], 0, 0
    for _ in range(count):
        installation = make_installation()
        visitor = random_visitor(rng)
        statuses = random_statuses(rng, installation, visitor.start_minute)
        began = time.perf_counter()
        plan = plan_visit(visitor, installation, statuses)
        times.append((time.perf_counter() - began) * 1000)
        checked += 1
        valid += not verify_plan(plan, visitor, installation, statuses, start_minute=visitor.start_minute)
        if len(plan.stops) >= 2:
            # A queue jumps and a zone closes half-way: re-plan and check that too.
            done = plan.zone_ids[: len(plan.stops) // 2]
            now = plan.stops[len(done) - 1].end + rng.uniform(0, 5)
            changed = dict(statuses)
            victim = rng.choice(plan.zone_ids)
            changed[victim] = ZoneStatus(victim, open=rng.random() < 0.5, queue_minutes=20, observed_minute=now)
            again = replan(plan, visitor, installation, changed, now_minute=now, completed_zone_ids=done)
            checked += 1
            valid += not verify_plan(again, visitor, installation, changed, start_minute=visitor.start_minute)
    return times, checked, valid


def value_gap(rng: random.Random, count: int, zones: int) -> float:
    gaps = []
    for _ in range(count):
        installation = random_installation(rng, zones)
        visitor = random_visitor(rng)
        statuses = random_statuses(rng, installation, visitor.start_minute)
        heuristic = plan_visit(visitor, installation, statuses)
        best = plan_exact(visitor, installation, statuses)
        if best.value > 0:
            gaps.append(max(0.0, (best.value - heuristic.value) / best.value * 100))
    return statistics.fmean(gaps)


def worst_gap_12_zones(rng: random.Random, count: int) -> float:
    """The largest value gap to the exact optimum over random visitors on the 12-zone demo installation."""
    installation = demo_installation()
    worst = 0.0
    for _ in range(count):
        visitor = random_visitor(rng)
        statuses = random_statuses(rng, installation, visitor.start_minute)
        heuristic = plan_visit(visitor, installation, statuses)
        best = plan_exact(visitor, installation, statuses)
        if best.value > 0:
            worst = max(worst, (best.value - heuristic.value) / best.value * 100)
    return worst


def day_of_visitors(rng: random.Random, count: int) -> list[VisitorProfile]:
    """``count`` visitors arriving through the day (more around midday), in arrival order."""
    visitors = []
    for _ in range(count):
        visitor = random_visitor(rng)
        start = min(max(rng.triangular(0, 540, 240), 0.0), 540.0)
        budget = float(rng.choice((30, 45, 60, 90)))
        visitors.append(
            VisitorProfile(**{**visitor.to_dict(), "start_minute": start, "budget_minutes": budget, "start": None})
        )
    return sorted(visitors, key=lambda visitor: visitor.start_minute)


def simulated_day(visitors: list[VisitorProfile], *, crowd_aware: bool) -> tuple[float, float, float]:
    """Plan every visitor in arrival order, then serve the zones: (peak wait, mean wait, mean plan value)."""
    installation = demo_installation()
    zones = {zone.id: zone for zone in installation.zones}
    crowd = Crowd()
    arrivals: dict[str, list[tuple[float, int]]] = {zone.id: [] for zone in installation.zones}
    values = []
    for visitor in visitors:
        # What the kiosk knows: the usual waits, as staff would report them in the morning.
        statuses = demo_statuses(visitor.start_minute)
        if crowd_aware:
            statuses = crowd_statuses(
                installation,
                statuses,
                crowd,
                start_minute=visitor.start_minute,
                horizon_minutes=visitor.budget_minutes,
                party_size=visitor.party_size,
            )
        plan = plan_visit(visitor, installation, statuses)
        values.append(plan.value)
        crowd.add(plan, visitor.party_size)
        for stop in plan.stops:
            arrivals[stop.zone].append((stop.arrive + stop.wait, visitor.party_size))
    waits = []
    for zone_id, joins in arrivals.items():
        zone = zones[zone_id]
        free = [0.0] * zone.capacity  # when each place frees up
        heapq.heapify(free)
        for join, party in sorted(joins):
            taken = [heapq.heappop(free) for _ in range(min(party, zone.capacity))]
            start = max(join, max(taken))
            for _ in taken:
                heapq.heappush(free, start + zone.dwell)
            waits.append(start - join)
    return max(waits), statistics.fmean(waits), statistics.fmean(values)


def replan_to_phone_ms(samples: int) -> list[float]:
    """Milliseconds from a staff closure to the phone's socket receiving the re-planned route, ``samples`` times."""
    import os
    import tempfile

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wonder.settings")
    tmp = tempfile.mkdtemp(prefix="wonder-bench-")
    os.environ.update(SQLITE_PATH=f"{tmp}/bench.sqlite3", WONDER_VAR_DIR=tmp, MEDIA_ROOT=f"{tmp}/media")
    os.environ["WONDER_KIOSK_DEMO_TIME"] = "11:00"
    import django

    django.setup()
    from asgiref.sync import async_to_sync
    from channels.db import database_sync_to_async
    from channels.routing import URLRouter
    from channels.testing import WebsocketCommunicator
    from django.core.management import call_command

    from experience import services
    from experience.models import Visit, Zone, ZoneStatus
    from experience.routing import websocket_urlpatterns
    from experience.seed import seed_zones
    from generation import runner

    call_command("migrate", verbosity=0)
    seed_zones()
    app = URLRouter(websocket_urlpatterns)
    answers = {"interests": ["fashion", "art"], "sport": None, "mood": "calm", "minutes": 90, "group": "alone"}

    def new_visit() -> tuple[Visit, str]:
        ZoneStatus.objects.update(is_open=True, queue_minutes=0)
        visit = services.start_visit(session_key="bench", language="en")
        visit = services.submit_quiz(visit=visit, answers=answers)
        runner.execute(visit.job_id, attempt=1, worker="bench")
        visit = Visit.objects.get(pk=visit.pk)
        target = next(stop.zone for stop in visit.get_plan().stops if stop.zone != "welcome")
        return visit, target

    def close(target: str) -> None:
        # What the worker does after the staff's click: the closure, then the agent's run (adopted at its end).
        services.set_zone_status(zone=Zone.objects.get(slug=target), is_open=False, queue_minutes=0)
        job_id = Visit.objects.get(token=token_box[0]).job_id
        runner.execute(job_id, attempt=1, worker="bench")

    token_box: list[str] = []

    async def one() -> float:
        visit, target = await database_sync_to_async(new_visit)()
        token_box[:] = [visit.token]
        phone = WebsocketCommunicator(app, f"/ws/visits/{visit.token}/")
        await phone.connect()
        first = await phone.receive_json_from()
        began = time.perf_counter()
        await database_sync_to_async(close)(target)
        while True:
            state = await phone.receive_json_from(timeout=10)
            if state["version"] > first["version"]:
                break
        elapsed = (time.perf_counter() - began) * 1000
        await phone.disconnect()
        return elapsed

    return [async_to_sync(one)() for _ in range(samples)]


def main() -> None:
    if "--phone-only" in sys.argv:
        samples = int(sys.argv[sys.argv.index("--phone-only") + 1]) if sys.argv[-1].isdigit() else 40
        print(f"replan_to_phone_ms_p95: {p95(replan_to_phone_ms(samples)):.1f} ms")
        return
    rng = random.Random(SEED)
    demo = demo_installation()
    times_12, checked_12, valid_12 = timed_plans(rng, 1000, lambda: demo)
    times_30, checked_30, valid_30 = timed_plans(rng, 100, lambda: random_installation(rng, 30))
    gap = value_gap(rng, 200, 8)
    worst_12 = worst_gap_12_zones(rng, 60)
    print(f"plan_ms_p95_12_zones: {p95(times_12):.1f} ms")
    print(f"plan_ms_p95_30_zones: {p95(times_30):.1f} ms")
    print(f"plan_feasible_rate: {round((valid_12 + valid_30) / (checked_12 + checked_30), 4)} ratio")
    print(f"plan_value_gap_pct: {gap:.2f} %")
    print(f"plan_value_gap_worst_pct_12_zones: {worst_12:.2f} %")
    visitors = day_of_visitors(random.Random(SEED + 1), 2000)
    for aware, label in ((False, "without"), (True, "with")):
        peak, mean, value = simulated_day(visitors, crowd_aware=aware)
        print(f"crowd_peak_queue_min_{label}: {peak:.1f} min")
        print(f"crowd_mean_queue_min_{label}: {mean:.2f} min")
        print(f"crowd_mean_plan_value_{label}: {value:.3f} value")
    if "--phone" in sys.argv:
        print(f"replan_to_phone_ms_p95: {p95(replan_to_phone_ms(40)):.1f} ms")


if __name__ == "__main__":
    main()
