"""Crowd-aware planning: the visitors the planner has already sent somewhere are a queue it can foresee.

Every plan the kiosk hands out puts people in zones at known times. ``Crowd`` counts them per zone and per time slot
(``SLOT_MINUTES``); ``crowd_statuses`` turns those counts into a queue forecast per zone (``ZoneStatus.forecast``):
the live queue model plus the wait caused by the people already planned to be inside beyond the zone's capacity
(visitors leave at ``capacity / dwell`` a minute, as in ``queues.capacity_wait``). The solver and the verifier read
forecasts already, so a slot that everyone's plans fill up looks slow to the next visitor and the planner sends them
elsewhere or later: plans spread out instead of flooding a quiet zone all at once.

A forecast may not fall faster than a minute per minute (whoever joins a queue later never gets in earlier); the
counts can, so the forecast is raised where needed (``_first_in_first_out``).
"""

from __future__ import annotations

import dataclasses
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping

from .model import Installation, Plan, ZoneStatus
from .queues import expected_queue

SLOT_MINUTES = 5.0


class Crowd:
    """People planned to be inside each zone, per ``SLOT_MINUTES`` slot of the day."""

    def __init__(self, slot_minutes: float = SLOT_MINUTES) -> None:
        self.slot = slot_minutes
        self._inside: dict[str, dict[int, float]] = defaultdict(lambda: defaultdict(float))

    def _slots(self, start: float, end: float) -> range:
        return range(math.floor(start / self.slot), max(math.ceil(end / self.slot), math.floor(start / self.slot) + 1))

    def add(self, plan: Plan, people: int = 1, sign: float = 1.0) -> None:
        """Count ``people`` in every zone of ``plan`` still to come, for the slots of their stay."""
        for stop in plan.stops[plan.completed :]:
            inside = self._inside[stop.zone]
            for slot in self._slots(stop.start, stop.end):
                inside[slot] += sign * people

    def remove(self, plan: Plan, people: int = 1) -> None:
        """Forget a plan (it was replaced by a re-plan, or the visit ended)."""
        self.add(plan, people, sign=-1.0)

    def people(self, zone_id: str, minute: float) -> float:
        """People planned to be inside ``zone_id`` during the slot of ``minute``."""
        return max(self._inside.get(zone_id, {}).get(math.floor(minute / self.slot), 0.0), 0.0)

    @classmethod
    def of(cls, plans: Iterable[tuple[Plan, int]], slot_minutes: float = SLOT_MINUTES) -> Crowd:
        crowd = cls(slot_minutes)
        for plan, people in plans:
            crowd.add(plan, people)
        return crowd


def crowd_statuses(
    installation: Installation,
    statuses: Mapping[str, ZoneStatus],
    crowd: Crowd,
    *,
    start_minute: float,
    horizon_minutes: float,
    party_size: int = 1,
) -> dict[str, ZoneStatus]:
    """The statuses with a queue forecast from ``start_minute`` over ``horizon_minutes`` that includes the wait
    the crowd already planned there causes. Zones no plan sends anyone to keep their live model."""
    result = dict(statuses)
    end = start_minute + horizon_minutes + crowd.slot
    for zone in installation.zones:
        status = statuses.get(zone.id) or ZoneStatus(zone_id=zone.id, observed_minute=start_minute)
        if not status.open or zone.id not in crowd._inside:
            continue
        points = []
        minute = start_minute
        while minute <= end:
            overflow = crowd.people(zone.id, minute) + party_size - zone.capacity
            crowd_wait = max(overflow, 0.0) * zone.dwell / zone.capacity
            points.append((minute, expected_queue(zone, status, minute, party_size) + crowd_wait))
            minute += crowd.slot
        result[zone.id] = dataclasses.replace(status, forecast=_first_in_first_out(points))
    return result


def _first_in_first_out(points: list[tuple[float, float]]) -> tuple[tuple[float, float], ...]:
    """Raise the points where the wait would fall faster than time passes."""
    fixed = [points[0]]
    for minute, wait in points[1:]:
        previous_minute, previous_wait = fixed[-1]
        fixed.append((minute, max(wait, previous_wait - (minute - previous_minute))))
    return tuple(fixed)
