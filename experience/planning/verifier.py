"""An independent check of a plan against the installation, the live statuses and the visitor.

It recomputes everything from the plain data (walking times from positions, waits, queues, hours, rules) and
does not use the solver's compiled problem, so that a mistake in the solver shows up here. The only shared
piece is
``queues.expected_queue``, which is the definition of the queue model rather than a calculation of the solver.

Stops before ``plan.completed`` are history: they happened, so only their arithmetic, accessibility and rules
are checked (a zone may have closed or its queue changed since), and lingering between them is allowed.

Mandatory zones: a plan may leave out a mandatory zone only when no order of the open, accessible mandatory
zones alone (after the history, from the resume point) fits the budget, hours and rules.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .model import Installation, Plan, VisitorProfile, ZoneSpec, ZoneStatus
from .queues import expected_queue

TOLERANCE = 1e-6


@dataclass(frozen=True)
class Violation:
    """One broken constraint: a stable ``code``, an English ``message``, and where (stop index, zone id)."""

    code: str
    message: str
    stop: int | None = None
    zone: str | None = None


def verify_plan(
    plan: Plan,
    visitor: VisitorProfile,
    installation: Installation,
    statuses: Mapping[str, ZoneStatus] | Iterable[ZoneStatus] | None = None,
    *,
    start_minute: float | None = None,
) -> list[Violation]:
    """Every constraint ``plan`` breaks (an empty list when it is valid)."""
    checker = _Checker(plan, visitor, installation, _statuses(statuses), start_minute)
    return checker.run()


def _statuses(statuses: Mapping[str, ZoneStatus] | Iterable[ZoneStatus] | None) -> dict[str, ZoneStatus]:
    if statuses is None:
        return {}
    if isinstance(statuses, Mapping):
        return dict(statuses)
    return {status.zone_id: status for status in statuses}


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= TOLERANCE * max(1.0, abs(a), abs(b))


def _violates_needs(zone: ZoneSpec, visitor: VisitorProfile) -> list[str]:
    broken = []
    if "step_free" in visitor.needs and not zone.step_free:
        broken.append("step_free")
    if "seated" in visitor.needs and not zone.seated:
        broken.append("seated")
    if "avoid_strobe" in visitor.needs and zone.strobe:
        broken.append("avoid_strobe")
    if "avoid_loud" in visitor.needs and zone.loud:
        broken.append("avoid_loud")
    if visitor.group == "family" and not zone.child_friendly:
        broken.append("children")
    return broken


class _Checker:
    def __init__(
        self,
        plan: Plan,
        visitor: VisitorProfile,
        installation: Installation,
        statuses: dict[str, ZoneStatus],
        start_minute: float | None,
    ) -> None:
        self.plan = plan
        self.visitor = visitor
        self.installation = installation
        self.statuses = statuses
        self.start = visitor.start_minute if start_minute is None else start_minute
        self.zones = {zone.id: zone for zone in installation.zones}
        self.origin = visitor.start if visitor.start is not None else installation.entrance
        speed = installation.walk_speed
        if "step_free" in visitor.needs:
            speed = speed * installation.step_free_speed_factor
        if visitor.group == "family":
            speed = speed * installation.family_speed_factor
        self.speed = speed
        self.found: list[Violation] = []

    def add(self, code: str, message: str, stop: int | None = None, zone: str | None = None) -> None:
        self.found.append(Violation(code, message, stop, zone))

    def walking(self, a: tuple[float, float], b: tuple[float, float]) -> float:
        metres = math.hypot(b[0] - a[0], b[1] - a[1]) * self.installation.detour_factor
        return metres / self.speed

    def run(self) -> list[Violation]:
        plan = self.plan
        if not _close(plan.start_minute, self.start):
            self.add("start", f"plan starts at {plan.start_minute}, expected {self.start}")
        if not 0 <= plan.completed <= len(plan.stops):
            self.add("completed", f"completed count {plan.completed} out of range")
        self.check_stops()
        self.check_rules()
        self.check_budget()
        self.check_mandatory()
        return self.found

    def check_stops(self) -> None:
        plan = self.plan
        seen: set[str] = set()
        position = self.origin
        previous_end = self.start
        for i, stop in enumerate(plan.stops):
            zone = self.zones.get(stop.zone)
            if zone is None:
                self.add("unknown_zone", f"no zone {stop.zone!r} in the installation", i, stop.zone)
                previous_end, position = stop.end, position
                continue
            if stop.zone in seen:
                self.add("repeat", f"{stop.zone} is visited twice", i, stop.zone)
            seen.add(stop.zone)
            here = (zone.x, zone.y)
            walk = self.walking(position, here)
            if not _close(stop.walk, walk):
                self.add("walk", f"walk {stop.walk:.3f} min, the floor plan says {walk:.3f}", i, stop.zone)
            history = i < plan.completed
            if history:
                if stop.arrive < previous_end + walk - TOLERANCE:
                    self.add("arrive", "arrives before walking there from the previous stop", i, stop.zone)
            else:
                leave = previous_end
                if i == plan.completed and plan.resume_minute is not None:
                    if plan.resume_minute < previous_end - TOLERANCE:
                        self.add("resume", "resumes before the previous stop ended", i, stop.zone)
                    leave = plan.resume_minute
                if not _close(stop.arrive, leave + walk):
                    self.add("arrive", f"arrives at {stop.arrive:.3f}, expected {leave + walk:.3f}", i, stop.zone)
            if stop.wait < -TOLERANCE or stop.queue < -TOLERANCE:
                self.add("times", "negative wait or queue", i, stop.zone)
            if not _close(stop.start, stop.arrive + stop.wait + stop.queue):
                self.add("times", "start is not arrive + wait + queue", i, stop.zone)
            if not _close(stop.end, stop.start + zone.dwell):
                self.add("times", f"end is not start + dwell ({zone.dwell} min)", i, stop.zone)
            if not history:
                self.check_live(i, stop.zone, zone, stop.arrive + stop.wait, stop.queue, stop.end)
            for need in _violates_needs(zone, self.visitor):
                self.add("accessibility", f"{stop.zone} does not meet the need {need}", i, stop.zone)
            if self.visitor.party_size > zone.capacity:
                self.add(
                    "capacity",
                    f"a party of {self.visitor.party_size} exceeds capacity {zone.capacity}",
                    i,
                    stop.zone,
                )
            previous_end, position = stop.end, here

    def check_live(self, i: int, zone_id: str, zone: ZoneSpec, join: float, queue: float, end: float) -> None:
        status = self.statuses.get(zone_id)
        if status is not None and not status.open:
            self.add("closed", f"{zone_id} is closed", i, zone_id)
        interval = next(((a, b) for a, b in zone.hours if a - TOLERANCE <= join < b), None)
        if interval is None:
            self.add("hours", f"{zone_id} is not open at minute {join:.1f}", i, zone_id)
        elif end > interval[1] + TOLERANCE:
            self.add("hours", f"{zone_id} closes at {interval[1]} before the visit ends at {end:.1f}", i, zone_id)
        expected = expected_queue(zone, status, join, self.visitor.party_size)
        if not _close(queue, expected):
            self.add("queue", f"queue {queue:.3f} min, the queue model expects {expected:.3f}", i, zone_id)

    def check_rules(self) -> None:
        order = [stop.zone for stop in self.plan.stops]
        where = {zone_id: i for i, zone_id in enumerate(order)}
        rules = self.installation.rules
        for before, after in rules.precedence:
            if before in where and after in where and where[before] > where[after]:
                self.add("precedence", f"{before} must come before {after}", where[after], after)
        for dependent, prerequisite in rules.requires:
            if dependent in where and where.get(prerequisite, math.inf) > where[dependent]:
                self.add("requires", f"{dependent} needs {prerequisite} first", where[dependent], dependent)
        for zone_id in rules.first:
            if zone_id in where and where[zone_id] != 0:
                self.add("first", f"{zone_id} must be the first stop", where[zone_id], zone_id)
        for zone_id in rules.last:
            if zone_id in where and where[zone_id] != len(order) - 1:
                self.add("last", f"{zone_id} must be the last stop", where[zone_id], zone_id)

    def check_budget(self) -> None:
        plan = self.plan
        end = plan.stops[-1].end if plan.stops else self.start
        if not _close(plan.total_minutes, end - self.start):
            self.add("total", f"total {plan.total_minutes:.3f} min, the stops say {end - self.start:.3f}")
        if end - self.start > self.visitor.budget_minutes + TOLERANCE:
            self.add("budget", f"takes {end - self.start:.1f} min, the budget is {self.visitor.budget_minutes}")

    def check_mandatory(self) -> None:
        plan = self.plan
        history = list(plan.stops[: plan.completed])
        done = {stop.zone for stop in history}
        eligible = []
        for zone_id in self.installation.rules.mandatory:
            zone = self.zones.get(zone_id)
            status = self.statuses.get(zone_id)
            if zone is None or zone_id in done or (status is not None and not status.open):
                continue
            if _violates_needs(zone, self.visitor) or self.visitor.party_size > zone.capacity:
                continue
            eligible.append(zone)
        present = set(plan.zone_ids)
        missing = [zone for zone in eligible if zone.id not in present]
        if not missing or not self.fits_alone(history, eligible):
            return
        for zone in missing:
            self.add("mandatory", f"{zone.id} is mandatory and could have been fitted", None, zone.id)

    def fits_alone(self, history: Sequence, zones: list[ZoneSpec]) -> bool:
        """Whether some order of ``zones`` alone fits after the history."""
        if history:
            last = self.zones.get(history[-1].zone)
            position = (last.x, last.y) if last is not None else self.origin
            leave = history[-1].end
        else:
            position, leave = self.origin, self.start
        if self.plan.resume_minute is not None:
            leave = max(leave, self.plan.resume_minute)
        prefix = [stop.zone for stop in history]
        orders = [zones] if len(zones) > 6 else itertools.permutations(zones)
        for order in orders:
            if self.fits(prefix, list(order), position, leave):
                return True
        return False

    def fits(self, prefix: list[str], order: list[ZoneSpec], position: tuple[float, float], t: float) -> bool:
        sequence = prefix + [zone.id for zone in order]
        rules = self.installation.rules
        where = {zone_id: i for i, zone_id in enumerate(sequence)}
        for before, after in rules.precedence:
            if before in where and after in where and where[before] > where[after]:
                return False
        for dependent, prerequisite in rules.requires:
            if dependent in where and where.get(prerequisite, math.inf) > where[dependent]:
                return False
        if any(zone_id in where and where[zone_id] != 0 for zone_id in rules.first):
            return False
        if any(zone_id in where and where[zone_id] != len(sequence) - 1 for zone_id in rules.last):
            return False
        for zone in order:
            t = self.earliest_end(zone, t + self.walking(position, (zone.x, zone.y)))
            if t is None or t - self.start > self.visitor.budget_minutes + TOLERANCE:
                return False
            position = (zone.x, zone.y)
        return True

    def earliest_end(self, zone: ZoneSpec, arrive: float) -> float | None:
        status = self.statuses.get(zone.id)
        for opening, closing in zone.hours:
            join = max(arrive, opening)
            if join >= closing:
                continue
            end = join + expected_queue(zone, status, join, self.visitor.party_size) + zone.dwell
            if end <= closing + TOLERANCE:
                return end
        return None
