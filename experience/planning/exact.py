"""An exact planner for small installations, used to measure how far the heuristic is from the optimum.

Dynamic programming over (set of visited zones, last zone) keeping the earliest finish. This is exact because
the value of a set does not depend on the order, and a later finish is never better: walking times are fixed
and queues are first-in-first-out, so the earliest feasible end of every following stop can only get later.
Cost grows as 2^n * n^2: fine up to about 12 candidate zones, too slow for kiosk use.
"""

from __future__ import annotations

from .model import Installation, Plan, VisitorProfile, status_map
from .problem import EPS, Problem
from .solver import Statuses, build_plan


def plan_exact(
    visitor: VisitorProfile,
    installation: Installation,
    statuses: Statuses = None,
    *,
    start_minute: float | None = None,
) -> Plan:
    """The optimal plan (same objective and constraints as ``solver.plan_visit``)."""
    start = visitor.start_minute if start_minute is None else start_minute
    problem = Problem(visitor, installation, status_map(statuses), start_minute=start)
    return build_plan(problem, exact_search(problem), resume=False)


def exact_search(problem: Problem) -> list[int]:
    """The optimal route of ``problem`` (candidate indices in visiting order)."""
    seed = problem.mandatory_seed()
    required = 0
    if seed:  # None: the mandatory zones cannot all be fitted, so they are not required
        for z in seed:
            required |= 1 << z
    n, limit, walk = problem.n, problem.limit + EPS, problem.walk
    # (mask, last) -> (end, previous key)
    states: dict[tuple[int, int], tuple[float, tuple[int, int] | None]] = {}
    layer: list[tuple[int, int]] = []
    for z in range(n):
        if problem.requires_mask[z]:
            continue
        visit = problem.visit(z, problem.t0 + walk[n][z])
        if visit is not None and visit[2] <= limit:
            key = (1 << z, z)
            states[key] = (visit[2], None)
            layer.append(key)
    while layer:
        following: dict[tuple[int, int], tuple[float, tuple[int, int]]] = {}
        for key in layer:
            mask, last = key
            if last in problem.last:
                continue
            t = states[key][0]
            for z in range(n):
                bit = 1 << z
                if mask & bit or z in problem.first:
                    continue
                if problem.after_mask[z] & mask or problem.requires_mask[z] & ~mask:
                    continue
                visit = problem.visit(z, t + walk[last][z])
                if visit is None or visit[2] > limit:
                    continue
                new_key = (mask | bit, z)
                known = following.get(new_key)
                if known is None or visit[2] < known[0]:
                    following[new_key] = (visit[2], key)
        states.update(following)
        layer = list(following)

    best_key, best_value, best_end = None, problem.value(frozenset()) if required == 0 else -1.0, problem.t0
    for key, (end, _) in states.items():
        mask = key[0]
        if mask & required != required:
            continue
        value = problem.value(frozenset(i for i in range(n) if mask >> i & 1))
        if value > best_value + 1e-9 or (value > best_value - 1e-9 and end < best_end - 1e-9):
            best_key, best_value, best_end = key, value, end
    route: list[int] = []
    while best_key is not None:
        route.append(best_key[1])
        best_key = states[best_key][1]
    return route[::-1]
