"""The queue model: how long a visitor is expected to wait at a zone when joining its queue at a given minute.

Without a forecast, the reported wait drifts back to the zone's typical (baseline) wait exponentially::

    w(t) = b + (w0 - b) * exp(-(t - t0) / tau)        for t >= t0 (and w0 before t0)

where ``t0`` is when the status was observed, ``w0`` the wait then and ``b`` the baseline: a long queue
shrinks, an empty zone fills up again. ``tau`` is ``DRIFT_MINUTES``, raised to ``w0 - b`` when the queue is
longer than that, so the queue never drains faster than one minute per minute: whoever joins later never gets
in earlier (the planner relies on this "first in, first out" property for its time arithmetic).

Capacity is treated as an added wait, not an exclusion: when the people inside now plus the arriving party
exceed the capacity, the overflow must wait for places to free up. Visitors leave at about ``capacity /
dwell`` people a minute, so the overflow adds ``overflow * dwell / capacity`` minutes to ``w0``, and drifts
away with the queue. A party larger than the capacity can never go in together: the planner excludes such
zones.

With a forecast (``(minute, queue)`` points), the wait is the forecast linearly interpolated, held flat before
the first and after the last point; the forecast is expected to include any capacity wait.
"""

from __future__ import annotations

import math

from .model import ZoneSpec, ZoneStatus

DRIFT_MINUTES = 15.0


def capacity_wait(zone: ZoneSpec, status: ZoneStatus, party_size: int) -> float:
    """Minutes the party waits for places when the zone is full now (0 when there is room)."""
    overflow = status.occupancy + party_size - zone.capacity
    return max(0, overflow) * zone.dwell / zone.capacity


def expected_queue(zone: ZoneSpec, status: ZoneStatus | None, minute: float, party_size: int = 1) -> float:
    """The expected wait in minutes for a party joining the zone's queue at ``minute``."""
    if status is None:
        return 0.0
    if status.forecast is not None:
        return _interpolate(status.forecast, minute)
    baseline = status.baseline_minutes
    initial = status.queue_minutes + capacity_wait(zone, status, party_size)
    elapsed = minute - status.observed_minute
    if elapsed <= 0:
        return initial
    tau = max(DRIFT_MINUTES, initial - baseline)
    return baseline + (initial - baseline) * math.exp(-elapsed / tau)


def _interpolate(points: tuple[tuple[float, float], ...], minute: float) -> float:
    if minute <= points[0][0]:
        return points[0][1]
    for (t0, q0), (t1, q1) in zip(points, points[1:], strict=False):
        if minute <= t1:
            return q0 + (q1 - q0) * (minute - t0) / (t1 - t0)
    return points[-1][1]
