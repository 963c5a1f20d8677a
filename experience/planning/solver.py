"""Plan a visitor's route: an orienteering problem with time windows, solved by a fast deterministic
heuristic.

Objective: the largest ``value.set_value`` of the visited zones (ties: the earlier finish), subject to the
time budget, opening hours (join the queue while open, finish the dwell before that interval closes, waiting
for an opening is allowed), the expected queue at arrival (``queues.expected_queue``), walking times, the
order rules, accessibility needs (hard: such zones are never candidates), no repeats and capacity (a full zone
is an added wait; a party larger than the zone never goes in).

Search: several greedy insertions (best value gain per added minute, with different weightings of time), each
improved by local search (relocate and 2-opt to save time, then swap one zone for a better one, then insert
again), followed by an iterated local search that removes a few stops at random (fixed seed) and rebuilds.
Mandatory zones are placed first, in the quickest feasible order, and never removed.
"""

from __future__ import annotations

import dataclasses
import random
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from .model import Installation, Plan, Stop, VisitorProfile, ZoneStatus, status_map
from .problem import EPS, Problem
from .value import attribute, effective_interests

Trace = Callable[[str, dict[str, Any]], None]
Statuses = Mapping[str, ZoneStatus] | Iterable[ZoneStatus] | None

# Exponents on the added minutes in the greedy ratio gain / minutes**alpha: 1 is value per minute, lower
# favours big-value zones, higher favours quick ones. Each gives one starting route.
ALPHAS = (1.0, 0.5, 2.0, 0.0)
# Minutes added to the denominator so that a zone on the way (almost no added time) does not score infinity.
SMOOTHING = 1.0
QUICK_QUEUE_MINUTES = 2.0


def plan_visit(
    visitor: VisitorProfile,
    installation: Installation,
    statuses: Statuses = None,
    *,
    start_minute: float | None = None,
    trace: Trace | None = None,
    seed: int = 0,
) -> Plan:
    """The best route found for ``visitor`` starting at ``start_minute`` (default: ``visitor.start_minute``).

    ``trace(kind, data)``, when given, is called with "understanding", "options weighed" and "plan" as the
    reasoning proceeds. The result is deterministic for a given ``seed``.
    """
    start = visitor.start_minute if start_minute is None else start_minute
    problem = Problem(visitor, installation, status_map(statuses), start_minute=start)
    _trace_understanding(trace, problem, {})
    _trace_options(trace, problem)
    route = search(problem, seed=seed, trace=trace)
    plan = build_plan(problem, route, resume=False)
    _trace_plan(trace, problem, plan, route)
    return plan


def replan(
    current_plan: Plan,
    visitor: VisitorProfile,
    installation: Installation,
    statuses: Statuses = None,
    *,
    now_minute: float,
    completed_zone_ids: Iterable[str],
    trace: Trace | None = None,
    seed: int = 0,
) -> Plan:
    """Re-plan the rest of a visit at ``now_minute`` after a zone closed or a queue changed.

    The stops of ``current_plan`` whose zones are in ``completed_zone_ids`` are kept unchanged, in their
    order, as history; the rest is planned afresh from the last completed zone (or the start) within the same
    budget counted from ``current_plan.start_minute``. Completed zones missing from the plan are never planned
    again.
    """
    done = set(completed_zone_ids)
    known = {zone.id for zone in installation.zones}
    history = [stop for stop in current_plan.stops if stop.zone in done and stop.zone in known]
    elsewhere = frozenset(done - {stop.zone for stop in history})
    problem = Problem(
        visitor,
        installation,
        status_map(statuses),
        start_minute=current_plan.start_minute,
        history=history,
        resume_minute=now_minute,
        visited_ids=elsewhere,
    )
    _trace_understanding(trace, problem, {"now_minute": now_minute, "completed": [stop.zone for stop in history]})
    _trace_options(trace, problem)
    route = search(problem, seed=seed, trace=trace)
    plan = build_plan(problem, route, resume=True)
    _trace_plan(trace, problem, plan, route)
    return plan


# --- search -------------------------------------------------------------------------------------------------


def search(problem: Problem, *, seed: int = 0, iterations: int | None = None, trace: Trace | None = None) -> list[int]:
    """The best route (candidate indices in visiting order) the heuristic finds.

    ``trace``, when given, hears the search as it happens: each starting route ("candidate"), each better route
    found later ("improved") and the totals ("searched").
    """
    began = time.perf_counter()
    seed_route = problem.mandatory_seed()
    locked = frozenset(seed_route or ())
    start = list(seed_route or ())
    best: list[int] | None = None
    tried = 0
    optima: Optima = {}
    for alpha in ALPHAS:
        route = _improve(problem, _fill(problem, start, alpha), locked, alpha, optima)
        tried += 1
        if trace is not None:
            trace(
                "candidate",
                _route_data(problem, route, alpha=alpha, best=best is None or _better(problem, route, best)),
            )
        if best is None or _better(problem, route, best):
            best = route
    assert best is not None
    if iterations is None:
        # Fewer rounds for big installations keep a 30-zone plan well under a second.
        iterations = 40 if problem.n <= 14 else 12
    rng = random.Random(seed)
    current = best
    # The search is deterministic, and a perturbation often repeats an earlier one (the current route changes
    # rarely and only a few stops are removed): where it ended is remembered, not searched for again.
    filled: dict[tuple[tuple[int, ...], float], list[int]] = {}
    for round_ in range(iterations):
        if len(current) <= len(locked):
            break
        alpha = ALPHAS[round_ % len(ALPHAS)]
        perturbed = (tuple(_perturb(problem, current, locked, rng)), alpha)
        route = filled.get(perturbed)
        if route is None:
            route = filled[perturbed] = _improve(
                problem, _fill(problem, list(perturbed[0]), alpha), locked, alpha, optima
            )
        tried += 1
        if _better(problem, route, current) or rng.random() < 0.1:
            current = route
        if _better(problem, current, best):
            best = current
            if trace is not None:
                trace("improved", _route_data(problem, best, round=round_ + 1))
    if trace is not None:
        trace("searched", {"routes": tried, "ms": (time.perf_counter() - began) * 1000, **_route_data(problem, best)})
    return best


def _route_data(problem: Problem, route: Sequence[int], **extra: Any) -> dict[str, Any]:
    value, end = _key(problem, route)
    return {"zones": [problem.zones[i].id for i in route], "value": value, "end": end, **extra}


def _key(problem: Problem, route: Sequence[int]) -> tuple[float, float]:
    ends = problem.ends(route)
    assert ends is not None
    return problem.value(frozenset(route)), (ends[-1] if ends else problem.t0)


def _better(problem: Problem, a: Sequence[int], b: Sequence[int]) -> bool:
    value_a, end_a = _key(problem, a)
    value_b, end_b = _key(problem, b)
    if value_a > value_b + 1e-9:
        return True
    return value_a > value_b - 1e-9 and end_a < end_b - 1e-9


def _fill(problem: Problem, route: list[int], alpha: float) -> list[int]:
    """Greedy insertion: add the zone with the best gain per added minute, at its best place, until none
    fits."""
    route = list(route)
    while True:
        ends = problem.ends(route)
        assert ends is not None
        members = frozenset(route)
        base_value = problem.value(members)
        base_end = ends[-1] if ends else problem.t0
        gains = [(problem.value(members | {z}) - base_value, z) for z in range(problem.n) if z not in members]
        # The denominator is at least 1, so a zone's score is at most its gain: in order of falling gain, the
        # search can stop at the first gain below the best score (most insertions are never timed). Ties go to
        # the lower index, as in index order.
        gains.sort(key=lambda item: (-item[0], item[1]))
        best_score, best_route, best_z = 0.0, None, -1
        for gain, z in gains:
            if gain <= EPS or gain < best_score:
                break
            inserted = _best_insertion(problem, route, ends, z)
            if inserted is None:
                continue
            new_route, end = inserted
            score = gain / (max(end - base_end, 0.0) + SMOOTHING) ** alpha
            if score > best_score or (score == best_score and best_route is not None and z < best_z):
                best_score, best_route, best_z = score, new_route, z
        if best_route is None:
            return route
        route = best_route


def _best_insertion(problem: Problem, route: list[int], ends: list[float], z: int) -> tuple[list[int], float] | None:
    """``z`` inserted where the route ends earliest, with that end (None when it fits nowhere)."""
    best, best_end = None, float("inf")
    for p in problem.insertion_positions(route, z):
        new_route = route[:p] + [z] + route[p:]
        if p:
            end = problem.end_time(new_route, p, route[p - 1], ends[p - 1], before=best_end)
        else:
            end = problem.end_time(new_route, before=best_end)
        if end is not None:
            best, best_end = new_route, end
    return None if best is None else (best, best_end)


# A route's local optimum for an alpha, and how many rounds of local search reached it.
Optima = dict[tuple[tuple[int, ...], float], tuple[list[int], int]]

IMPROVE_ROUNDS = 20


def _improve(
    problem: Problem, route: list[int], locked: frozenset[int], alpha: float, optima: Optima | None = None
) -> list[int]:
    """Local search: shorten the route, fill the time saved, and swap zones for better ones, until stuck.

    ``optima`` remembers where earlier searches from each route they passed through ended: the search is
    deterministic, so from a route seen before it ends in the same place (restarts of the iterated search
    mostly revisit the same few routes).
    """
    optima = {} if optima is None else optima
    passed: list[tuple[int, ...]] = []
    for round_ in range(IMPROVE_ROUNDS):
        known = optima.get((tuple(route), alpha))
        if known is not None and round_ + known[1] <= IMPROVE_ROUNDS:
            route, rounds = known[0], round_ + known[1]
            break
        passed.append(tuple(route))
        route = _fill(problem, _shorten(problem, route), alpha)
        swapped = _swap(problem, route, locked)
        if swapped is None:
            rounds = round_ + 1
            break
        route = swapped
    else:
        return route  # stopped by the round limit, not stuck: nothing to remember
    for number, seen in enumerate(passed):
        optima.setdefault((seen, alpha), (route, rounds - number))
    return route


def _shorten(problem: Problem, route: list[int]) -> list[int]:
    """Relocate single stops and reverse segments while that makes the route end earlier."""
    ends = problem.ends(route)
    assert ends is not None
    end = ends[-1] if ends else problem.t0
    improved = True
    while improved:
        improved = False
        size = len(route)
        for i in range(size):
            for j in range(size):
                if i == j:
                    continue
                moved = route[:i] + route[i + 1 :]
                moved.insert(j, route[i])
                candidate_end = _end_if_better(problem, moved, ends, min(i, j), end)
                if candidate_end is not None:
                    route, end, improved = moved, candidate_end, True
                    break
            if improved:
                break
        if not improved:
            for i in range(size - 1):
                for j in range(i + 2, size + 1):
                    reversed_route = route[:i] + route[i:j][::-1] + route[j:]
                    candidate_end = _end_if_better(problem, reversed_route, ends, i, end)
                    if candidate_end is not None:
                        route, end, improved = reversed_route, candidate_end, True
                        break
                if improved:
                    break
        if improved:
            ends = problem.ends(route)
            assert ends is not None
    return route


def _end_if_better(problem: Problem, route: list[int], ends: list[float], changed: int, end: float) -> float | None:
    """The end of ``route`` if it is valid and ends before ``end`` (else None). ``route`` equals the route that
    ``ends`` times up to position ``changed``, so only the stops from there on are timed again."""
    if not problem.valid(route):
        return None
    if changed == 0:
        return problem.end_time(route, before=end - 1e-9)
    return problem.end_time(route, changed, route[changed - 1], ends[changed - 1], before=end - 1e-9)


def _swap(problem: Problem, route: list[int], locked: frozenset[int]) -> list[int] | None:
    """The best exchange of one visited zone for an unvisited one that raises the value (None when none)."""
    members = frozenset(route)
    base_value = problem.value(members)
    best_gain, best_end, best = 1e-9, float("inf"), None
    for i, u in enumerate(route):
        if u in locked:
            continue
        reduced = route[:i] + route[i + 1 :]
        if not problem.valid(reduced):
            continue
        reduced_ends = problem.ends(reduced)
        assert reduced_ends is not None
        without = members - {u}
        for v in range(problem.n):
            if v in members:
                continue
            gain = problem.value(without | {v}) - base_value
            if gain < best_gain - 1e-12:
                continue
            inserted = _best_insertion(problem, reduced, reduced_ends, v)
            if inserted is None:
                continue
            new_route, end = inserted
            if gain > best_gain + 1e-12 or end < best_end:
                best_gain, best_end, best = gain, end, new_route
    return best


def _perturb(problem: Problem, route: list[int], locked: frozenset[int], rng: random.Random) -> list[int]:
    """Remove a few unlocked stops at random (a segment or scattered ones), keeping the order rules."""
    removable = [i for i, z in enumerate(route) if z not in locked]
    count = rng.randint(1, min(3, len(removable)))
    if rng.random() < 0.5:
        drop = set(rng.sample(removable, count))
    else:
        first = rng.randrange(len(removable))
        drop = set(removable[first : first + count])
    kept = [z for i, z in enumerate(route) if i not in drop]
    # Dropping a prerequisite also drops what needs it.
    while not problem.valid(kept):
        seen = 0
        for position, z in enumerate(kept):
            if problem.requires_mask[z] & ~seen:
                del kept[position]
                break
            seen |= 1 << z
        else:
            break
    return kept


# --- plan building and explanations -------------------------------------------------------------------------


def build_plan(problem: Problem, route: Sequence[int], *, resume: bool) -> Plan:
    """The plan for visiting ``route`` (candidate indices) after the problem's history, with values and
    reasons."""
    zones = problem.history_zones + [problem.zones[i] for i in route]
    shares = attribute(problem.history_scores + [problem.scores[i] for i in route])
    stops: list[Stop] = []
    for stop, share in zip(problem.history, shares, strict=False):
        stops.append(dataclasses.replace(stop, value=share["value"], score=share))
    here, t = problem.n, problem.t0
    rules = problem.installation.rules
    visited = {zone.id for zone in zones}
    for offset, z in enumerate(route):
        zone = problem.zones[z]
        walk = problem.walk[here][z]
        arrive = t + walk
        visit = problem.visit(z, arrive)
        assert visit is not None
        join, queue, end = visit
        share = shares[len(problem.history) + offset]
        reasons = list(problem.scores[z].reasons)
        reasons.extend(_rule_reasons(zone.id, rules, visited))
        if queue <= QUICK_QUEUE_MINUTES:
            reasons.append({"code": "short_queue", "minutes": round(queue)})
        reasons.append({"code": "time", "dwell": zone.dwell, "budget": problem.visitor.budget_minutes})
        stops.append(
            Stop(
                zone=zone.id,
                name=zone.name,
                walk=walk,
                arrive=arrive,
                wait=join - arrive,
                queue=queue,
                start=join + queue,
                end=end,
                value=share["value"],
                reasons=tuple(reasons),
                score=share,
            )
        )
        here, t = z, end
    last_end = stops[-1].end if stops else problem.start_minute
    return Plan(
        stops=tuple(stops),
        start_minute=problem.start_minute,
        budget_minutes=problem.visitor.budget_minutes,
        total_minutes=last_end - problem.start_minute,
        value=sum(stop.value for stop in stops),
        completed=len(problem.history),
        resume_minute=problem.t0 if resume else None,
    )


def _rule_reasons(zone_id: str, rules: Any, visited: set[str]) -> list[dict[str, Any]]:
    reasons: list[dict[str, Any]] = []
    if zone_id in rules.mandatory:
        reasons.append({"code": "rule", "rule": "mandatory"})
    if zone_id in rules.first:
        reasons.append({"code": "rule", "rule": "first"})
    if zone_id in rules.last:
        reasons.append({"code": "rule", "rule": "last"})
    for before, after in rules.precedence:
        if before == zone_id and after in visited:
            reasons.append({"code": "rule", "rule": "before", "zone": after})
    for dependent, prerequisite in rules.requires:
        if prerequisite == zone_id and dependent in visited:
            reasons.append({"code": "rule", "rule": "before", "zone": dependent})
    return reasons


# --- trace --------------------------------------------------------------------------------------------------


def _trace_understanding(trace: Trace | None, problem: Problem, extra: dict[str, Any]) -> None:
    if trace is None:
        return
    visitor = problem.visitor
    interests = effective_interests(visitor)
    trace(
        "understanding",
        {
            "interests": sorted(interests.items(), key=lambda item: (-item[1], item[0])),
            "sport": visitor.sport,
            "mood": visitor.mood,
            "group": visitor.group,
            "party_size": visitor.party_size,
            "needs": sorted(visitor.needs),
            "budget_minutes": visitor.budget_minutes,
            "start_minute": problem.start_minute,
            "walk_speed_m_per_min": problem.speed,
            **extra,
        },
    )


def _trace_options(trace: Trace | None, problem: Problem) -> None:
    if trace is None:
        return
    options = []
    for i, zone in enumerate(problem.zones):
        score = problem.scores[i]
        options.append({"zone": zone.id, "name": zone.name, "score": score.standalone, "reasons": list(score.reasons)})
    options.sort(key=lambda option: (-option["score"], option["zone"]))
    excluded = [
        {"zone": zone_id, "name": problem.installation.zone(zone_id).name, "excluded": reason}
        for zone_id, reason in problem.excluded.items()
    ]
    trace("options weighed", {"options": options, "excluded": excluded})


def _trace_plan(trace: Trace | None, problem: Problem, plan: Plan, route: Sequence[int]) -> None:
    if trace is None:
        return
    chosen = set(route)
    left_out = [
        {"zone": zone.id, "name": zone.name, "excluded": {"code": "trade_off"}}
        for i, zone in enumerate(problem.zones)
        if i not in chosen
    ]
    trace(
        "plan",
        {
            "order": plan.zone_ids,
            "value": plan.value,
            "total_minutes": plan.total_minutes,
            "left_out": left_out,
            "plan": plan.to_dict(),
        },
    )
