"""A planning problem compiled for search: the zones a visitor can visit, as indices, with their timings and
rules.

Shared by the heuristic solver and the exact reference search, not by the verifier (which recomputes
everything from the plain data so that it can catch mistakes made here).
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Sequence
from typing import Any

from .model import Installation, Stop, VisitorProfile, ZoneSpec, ZoneStatus
from .queues import DRIFT_MINUTES, capacity_wait, expected_queue
from .value import ZoneScore, effective_interests, score_zone, set_value

EPS = 1e-9
# Orderings tried for the mandatory zones; more mandatory zones than this are taken in the given order.
MAX_MANDATORY_PERMUTED = 6

# Visitor need -> (zone attribute, value that violates it).
NEED_FLAGS = {
    "step_free": ("step_free", False),
    "seated": ("seated", False),
    "avoid_strobe": ("strobe", True),
    "avoid_loud": ("loud", True),
}


def walking_speed(visitor: VisitorProfile, installation: Installation) -> float:
    """Metres per minute for this visitor (slower for step-free routes and for families)."""
    speed = installation.walk_speed
    if "step_free" in visitor.needs:
        speed *= installation.step_free_speed_factor
    if visitor.group == "family":
        speed *= installation.family_speed_factor
    return speed


def accessibility_problem(zone: ZoneSpec, visitor: VisitorProfile) -> str | None:
    """The visitor need this zone violates ("children" for a family in an adults-only zone), or None."""
    for need in sorted(visitor.needs):
        attribute, bad = NEED_FLAGS[need]
        if getattr(zone, attribute) == bad:
            return need
    if visitor.group == "family" and not zone.child_friendly:
        return "children"
    return None


class Problem:
    """Candidate zones (indices 0..n-1) and the origin (index n), reachable from ``t0`` until ``limit``."""

    def __init__(
        self,
        visitor: VisitorProfile,
        installation: Installation,
        statuses: dict[str, ZoneStatus],
        *,
        start_minute: float,
        history: Sequence[Stop] = (),
        resume_minute: float | None = None,
        visited_ids: frozenset[str] = frozenset(),
    ) -> None:
        self.visitor = visitor
        self.installation = installation
        self.statuses = statuses
        self.start_minute = start_minute
        self.limit = start_minute + visitor.budget_minutes
        self.history = list(history)
        by_id = {zone.id: zone for zone in installation.zones}
        self.history_zones = [by_id[stop.zone] for stop in self.history]
        history_ids = {zone.id for zone in self.history_zones}
        if self.history_zones:
            last = self.history_zones[-1]
            origin = (last.x, last.y)
            self.t0 = max(resume_minute if resume_minute is not None else -math.inf, self.history[-1].end)
        else:
            origin = visitor.start if visitor.start is not None else installation.entrance
            self.t0 = start_minute if resume_minute is None else max(start_minute, resume_minute)
        self.speed = walking_speed(visitor, installation)
        interests = effective_interests(visitor)
        self.history_scores = [score_zone(zone, visitor, interests) for zone in self.history_zones]
        rules = installation.rules

        # Why each zone that is not a candidate was left out ({"code": ..., ...}).
        self.excluded: dict[str, dict[str, Any]] = {}
        candidates: list[ZoneSpec] = []
        for zone in installation.zones:
            if zone.id in history_ids:
                continue
            if zone.id in visited_ids:
                self.excluded[zone.id] = {"code": "visited"}
                continue
            reason = self._static_exclusion(zone, history_ids)
            if reason is None:
                candidates.append(zone)
            else:
                self.excluded[zone.id] = reason
        self.origin = origin
        self._compile(candidates, rules, history_ids)

    def _static_exclusion(self, zone: ZoneSpec, history_ids: set[str]) -> dict[str, Any] | None:
        status = self.statuses.get(zone.id)
        if status is not None and not status.open:
            return {"code": "closed"}
        need = accessibility_problem(zone, self.visitor)
        if need is not None:
            return {"code": "accessibility", "need": need}
        if self.visitor.party_size > zone.capacity:
            return {"code": "capacity", "capacity": zone.capacity}
        rules = self.installation.rules
        if self.history and zone.id in rules.first:
            return {"code": "rules", "rule": "first"}
        if self.history and self.history[-1].zone in rules.last:
            return {"code": "rules", "rule": "last", "zone": self.history[-1].zone}
        for before, after in rules.precedence:
            if before == zone.id and after in history_ids:
                return {"code": "rules", "rule": "precedence", "zone": after}
        return None

    def _compile(self, candidates: list[ZoneSpec], rules: Any, history_ids: set[str]) -> None:
        # "requires" pointing at a zone nobody can visit any more rules out the dependent zone too.
        ids = {zone.id for zone in candidates}
        for dependent, prerequisite in rules.requires:
            if dependent in ids and prerequisite not in ids and prerequisite not in history_ids:
                self.excluded[dependent] = {"code": "rules", "rule": "requires", "zone": prerequisite}
                return self._compile([z for z in candidates if z.id != dependent], rules, history_ids)
        interests = effective_interests(self.visitor)
        n = len(candidates)
        self.n = n
        self.zones = candidates
        self.index = {zone.id: i for i, zone in enumerate(candidates)}
        self.dwell = [zone.dwell for zone in candidates]
        self.hours = [zone.hours for zone in candidates]
        self.drift = [self._drift(zone) for zone in candidates]
        self.forecast = [self._forecast(zone) for zone in candidates]
        self.scores: list[ZoneScore] = [score_zone(zone, self.visitor, interests) for zone in candidates]
        points = [(zone.x, zone.y) for zone in candidates] + [self.origin]
        scale = self.installation.detour_factor / self.speed
        self.walk = [[math.dist(p, q) * scale for q in points[:n]] for p in points]
        # Bit masks over candidate indices.
        self.after_mask = [0] * n  # zones that must come after i when both are visited
        self.requires_mask = [0] * n  # zones that must come before i (always)
        for before, after in rules.precedence:
            if before in self.index and after in self.index:
                self.after_mask[self.index[before]] |= 1 << self.index[after]
        for dependent, prerequisite in rules.requires:
            if dependent in self.index and prerequisite in self.index:
                self.requires_mask[self.index[dependent]] |= 1 << self.index[prerequisite]
        self.first = {self.index[z] for z in rules.first if z in self.index}
        self.last = {self.index[z] for z in rules.last if z in self.index}
        self.mandatory = [self.index[z] for z in rules.mandatory if z in self.index and z not in history_ids]
        self._value_cache: dict[frozenset[int], float] = {}
        self._visits: list[dict[float, tuple[float, float, float] | None]] = [{} for _ in range(n)]

        # A zone that cannot be finished in time even when walked to directly (the earliest possible arrival,
        # since queues are first-in-first-out) can never be part of a plan.
        keep = []
        for i in range(n):
            visit = self.visit(i, self.t0 + self.walk[n][i])
            if visit is None:
                code = "hours" if self._never_open_in_time(i) else "no_time"
                self.excluded[candidates[i].id] = {"code": code}
            elif visit[2] > self.limit + EPS:
                self.excluded[candidates[i].id] = {"code": "no_time"}
            else:
                keep.append(candidates[i])
        if len(keep) < n:
            self._compile(keep, rules, history_ids)

    def _never_open_in_time(self, i: int) -> bool:
        return all(close - max(opening, self.t0) < self.dwell[i] for opening, close in self.hours[i])

    def _drift(self, zone: ZoneSpec) -> tuple[float, float, float, float] | None:
        """The drift model's parameters for this zone (None when a forecast decides the queue)."""
        status = self.statuses.get(zone.id)
        if status is None:
            return (0.0, 0.0, 0.0, DRIFT_MINUTES)
        if status.forecast is not None:
            return None
        initial = status.queue_minutes + capacity_wait(zone, status, self.visitor.party_size)
        tau = max(DRIFT_MINUTES, initial - status.baseline_minutes)
        return status.baseline_minutes, initial, status.observed_minute, tau

    def _forecast(self, zone: ZoneSpec) -> tuple[list[float], list[float]] | None:
        """A forecast's minutes and waits as two lists, for a binary search (None without a forecast)."""
        status = self.statuses.get(zone.id)
        if status is None or status.forecast is None:
            return None
        return [t for t, _q in status.forecast], [q for _t, q in status.forecast]

    def queue(self, i: int, minute: float) -> float:
        zone = self.zones[i]
        return expected_queue(zone, self.statuses.get(zone.id), minute, self.visitor.party_size)

    def visit(self, i: int, arrive: float) -> tuple[float, float, float] | None:
        """``(join, queue, end)`` for arriving at zone ``i`` at ``arrive``: the earliest join that lets the
        visit end by the close of the same opening interval (None when there is none)."""
        # Remembered: the search times the same stop from the same arrival again and again (routes that share a
        # prefix reach it at bit-identical times; 86 % of calls on kiosk re-plans).
        known = self._visits[i]
        if arrive not in known:
            known[arrive] = self._visit(i, arrive)
        return known[arrive]

    def _visit(self, i: int, arrive: float) -> tuple[float, float, float] | None:
        dwell = self.dwell[i]
        drift = self.drift[i]
        for opening, close in self.hours[i]:
            if close <= arrive:
                continue
            join = arrive if arrive > opening else opening
            if drift is None:
                # queues._interpolate with a binary search: crowd-aware plans forecast every busy zone.
                times, waits = self.forecast[i]
                k = bisect.bisect_left(times, join)
                if k == 0:
                    queue = waits[0]
                elif k == len(times):
                    queue = waits[-1]
                else:
                    t0, t1 = times[k - 1], times[k]
                    queue = waits[k - 1] + (waits[k] - waits[k - 1]) * (join - t0) / (t1 - t0)
            else:
                # expected_queue's drift model inlined: this is the planner's innermost loop.
                baseline, initial, observed, tau = drift
                elapsed = join - observed
                queue = initial if elapsed <= 0 else baseline + (initial - baseline) * math.exp(-elapsed / tau)
            end = join + queue + dwell
            if end <= close + EPS:
                return join, queue, end
        return None

    def end_time(
        self,
        route: Sequence[int],
        position: int = 0,
        at: int = -1,
        time: float | None = None,
        before: float = math.inf,
    ) -> float | None:
        """The end of the last stop of ``route`` when ``route[position:]`` is walked from index ``at`` (origin
        when -1) leaving at ``time`` (``t0`` when None); None when a visit or the budget does not fit, or when
        the route cannot end before ``before``.

        ``before`` lets the search give up on a move early: stops end later and later along a route, so once one
        ends at ``before`` or later the last one cannot end earlier (most moves tried are rejected this way).
        """
        walk = self.walk
        here = self.n if at < 0 else at
        t = self.t0 if time is None else time
        limit = min(self.limit + EPS, before)
        for k in range(position, len(route)):
            z = route[k]
            visit = self.visit(z, t + walk[here][z])
            if visit is None or visit[2] > limit:
                return None
            t = visit[2]
            here = z
        return t if t < before else None

    def ends(self, route: Sequence[int]) -> list[float] | None:
        """The end of every stop of ``route`` (None when it does not fit)."""
        here, t, out = self.n, self.t0, []
        for z in route:
            visit = self.visit(z, t + self.walk[here][z])
            if visit is None or visit[2] > self.limit + EPS:
                return None
            t = visit[2]
            here = z
            out.append(t)
        return out

    def valid(self, route: Sequence[int]) -> bool:
        """Whether ``route`` respects the order rules (timing aside)."""
        seen = 0
        last = len(route) - 1
        for position, z in enumerate(route):
            if self.after_mask[z] & seen or self.requires_mask[z] & ~seen:
                return False
            if (z in self.first and position != 0) or (z in self.last and position != last):
                return False
            seen |= 1 << z
        return True

    def insertion_positions(self, route: Sequence[int], z: int) -> list[int]:
        """The positions where ``z`` can be inserted into the valid ``route`` keeping the order rules: what
        :meth:`valid` would say of each insertion, in one pass instead of one pass per position."""
        if z in self.first:
            return [0] if self.valid([z, *route]) else []
        if z in self.last:
            return [len(route)] if self.valid([*route, z]) else []
        low = 1 if route and route[0] in self.first else 0
        high = len(route) - 1 if route and route[-1] in self.last else len(route)
        # z goes after every zone that must precede it (its prerequisites, and zones whose precedence rules
        # name it), and before every zone its own precedence rules name.
        needs, bit, present = self.requires_mask[z], 1 << z, 0
        for position, w in enumerate(route):
            if self.after_mask[w] & bit or needs >> w & 1:
                low = max(low, position + 1)
            if self.after_mask[z] >> w & 1:
                high = min(high, position)
            present |= 1 << w
        if needs & ~present:
            return []
        return list(range(low, high + 1))

    def value(self, members: frozenset[int]) -> float:
        """The value of the history plus these candidates."""
        cached = self._value_cache.get(members)
        if cached is None:
            cached = set_value(self.history_scores + [self.scores[i] for i in members])
            self._value_cache[members] = cached
        return cached

    def mandatory_seed(self) -> list[int] | None:
        """The quickest valid, feasible order of all candidate mandatory zones ([] when there are none; None
        when they cannot all be fitted, which waives the requirement)."""
        if not self.mandatory:
            return []
        if len(self.mandatory) > MAX_MANDATORY_PERMUTED:
            orders: Any = [self.mandatory]
        else:
            orders = itertools.permutations(self.mandatory)
        best, best_end = None, math.inf
        for order in orders:
            route = list(order)
            if self.valid(route):
                end = self.end_time(route)
                if end is not None and end < best_end:
                    best, best_end = route, end
        return best
