"""Benchmark of the itinerary planner: speed, feasibility and distance from the optimum.

Run as ``python bench/itinerary.py`` (no Django needed). Prints ``name: value unit`` lines:

- ``plan_ms_p95_12_zones``: 95th percentile planning time on the 12-zone demo installation (random visitors
and
  live statuses);
- ``plan_ms_p95_30_zones``: the same on random 30-zone installations;
- ``plan_feasible_rate``: share of all plans above (and of a re-plan of each) that the verifier accepts;
- ``plan_value_gap_pct``: mean value gap to the exact optimum on random 8-zone instances.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from experience.planning import (  # noqa: E402
    Installation,
    Rules,
    VisitorProfile,
    ZoneSpec,
    ZoneStatus,
    demo_installation,
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


def main() -> None:
    rng = random.Random(SEED)
    demo = demo_installation()
    times_12, checked_12, valid_12 = timed_plans(rng, 1000, lambda: demo)
    times_30, checked_30, valid_30 = timed_plans(rng, 100, lambda: random_installation(rng, 30))
    gap = value_gap(rng, 200, 8)
    print(f"plan_ms_p95_12_zones: {p95(times_12):.1f} ms")
    print(f"plan_ms_p95_30_zones: {p95(times_30):.1f} ms")
    print(f"plan_feasible_rate: {round((valid_12 + valid_30) / (checked_12 + checked_30), 4)} ratio")
    print(f"plan_value_gap_pct: {gap:.2f} %")


if __name__ == "__main__":
    main()
