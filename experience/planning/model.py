"""The data of itinerary planning: zones, their live status, visitors, plans.

Times are minutes since the start of the installation's visit day (``Installation.day_start``), as floats.
Positions are metres on the installation's floor plan. Every class is a frozen dataclass with ``to_dict()``
and
``from_dict()`` that round-trip through JSON.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

GROUPS = ("alone", "friends", "family")
NEEDS = ("step_free", "seated", "avoid_strobe", "avoid_loud")


def _pairs(value: Iterable[Iterable[Any]]) -> tuple[tuple[Any, Any], ...]:
    return tuple((a, b) for a, b in value)


@dataclass(frozen=True)
class ZoneSpec:
    """One zone of the installation: what it offers, how long it takes, when and for whom it is open.

    ``hours`` are half-open intervals ``[open, close)`` in minutes; a visit must join the queue while the zone
    is open and finish its dwell by the close of that same interval. ``tags`` weigh 0..1 how much the zone is
    about each interest; ``sports`` are the sport slugs it is especially about (a bonus for fans of that
    sport).
    """

    id: str
    name: str
    dwell: float
    capacity: int
    hours: tuple[tuple[float, float], ...] = ((0.0, 24 * 60.0),)
    x: float = 0.0
    y: float = 0.0
    step_free: bool = True
    seated: bool = False
    strobe: bool = False
    loud: bool = False
    child_friendly: bool = True
    tags: Mapping[str, float] = field(default_factory=dict)
    sports: tuple[str, ...] = ()
    description: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "hours", tuple(sorted(_pairs(self.hours))))
        object.__setattr__(self, "sports", tuple(self.sports))
        object.__setattr__(self, "tags", dict(self.tags))
        if self.dwell <= 0:
            raise ValueError(f"zone {self.id}: dwell must be positive")
        if self.capacity < 1:
            raise ValueError(f"zone {self.id}: capacity must be at least 1")
        previous_close = -math.inf
        for opening, closing in self.hours:
            if closing <= opening or opening < previous_close:
                raise ValueError(f"zone {self.id}: hours must be sorted, non-overlapping, non-empty intervals")
            previous_close = closing

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "dwell": self.dwell,
            "capacity": self.capacity,
            "hours": [list(interval) for interval in self.hours],
            "x": self.x,
            "y": self.y,
            "step_free": self.step_free,
            "seated": self.seated,
            "strobe": self.strobe,
            "loud": self.loud,
            "child_friendly": self.child_friendly,
            "tags": dict(self.tags),
            "sports": list(self.sports),
            "description": self.description,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ZoneSpec:
        data = dict(data)
        data["hours"] = _pairs(data.get("hours", ((0.0, 24 * 60.0),)))
        data["sports"] = tuple(data.get("sports", ()))
        return cls(**data)


@dataclass(frozen=True)
class ZoneStatus:
    """What the installation staff or sensors report about a zone at ``observed_minute``.

    ``open`` False means closed for the rest of the plan (until a newer status says otherwise).
    ``queue_minutes`` is the wait reported now; ``baseline_minutes`` the typical wait it drifts back to;
    ``occupancy`` the people inside now. ``forecast``, when given, is a list of ``(minute, queue)`` points
    that replaces the drift model (see ``queues.expected_queue``); it may not fall faster than one minute per
    minute, because nobody who joins a queue later can get in earlier.
    """

    zone_id: str
    open: bool = True
    queue_minutes: float = 0.0
    observed_minute: float = 0.0
    baseline_minutes: float = 0.0
    occupancy: int = 0
    forecast: tuple[tuple[float, float], ...] | None = None

    def __post_init__(self) -> None:
        if self.queue_minutes < 0 or self.baseline_minutes < 0 or self.occupancy < 0:
            raise ValueError(f"status {self.zone_id}: queue, baseline and occupancy must not be negative")
        if self.forecast is not None:
            points = tuple(sorted((float(t), float(q)) for t, q in self.forecast))
            if not points:
                raise ValueError(f"status {self.zone_id}: an empty forecast")
            for (t0, q0), (t1, q1) in zip(points, points[1:], strict=False):
                if t1 <= t0 or q1 < 0 or q0 < 0 or (q1 - q0) < -(t1 - t0) - 1e-9:
                    raise ValueError(
                        f"status {self.zone_id}: forecast minutes must increase, queues stay >= 0 and fall "
                        "at most one minute per minute"
                    )
            object.__setattr__(self, "forecast", points)

    def to_dict(self) -> dict[str, Any]:
        return {
            "zone_id": self.zone_id,
            "open": self.open,
            "queue_minutes": self.queue_minutes,
            "observed_minute": self.observed_minute,
            "baseline_minutes": self.baseline_minutes,
            "occupancy": self.occupancy,
            "forecast": None if self.forecast is None else [list(point) for point in self.forecast],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ZoneStatus:
        data = dict(data)
        if data.get("forecast") is not None:
            data["forecast"] = _pairs(data["forecast"])
        return cls(**data)


@dataclass(frozen=True)
class Rules:
    """Order rules between zones.

    - ``precedence``: pairs ``(a, b)``: when both are visited, ``a`` comes before ``b``.
    - ``requires``: pairs ``(b, a)``: ``b`` may only be visited after ``a`` was.
    - ``first`` / ``last``: a zone in these may only be visited as the very first / last stop.
    - ``mandatory``: zones every plan includes, whenever they can be fitted at all (see ``verifier``).
    """

    precedence: tuple[tuple[str, str], ...] = ()
    requires: tuple[tuple[str, str], ...] = ()
    first: tuple[str, ...] = ()
    last: tuple[str, ...] = ()
    mandatory: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "precedence", _pairs(self.precedence))
        object.__setattr__(self, "requires", _pairs(self.requires))
        for name in ("first", "last", "mandatory"):
            object.__setattr__(self, name, tuple(getattr(self, name)))

    def to_dict(self) -> dict[str, Any]:
        return {
            "precedence": [list(pair) for pair in self.precedence],
            "requires": [list(pair) for pair in self.requires],
            "first": list(self.first),
            "last": list(self.last),
            "mandatory": list(self.mandatory),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Rules:
        return cls(**dict(data))


@dataclass(frozen=True)
class Installation:
    """The zones, the floor plan's walking model and the order rules.

    Walking minutes between two points = straight-line distance x ``detour_factor`` / speed, where the speed
    is
    ``walk_speed`` (metres per minute) times ``step_free_speed_factor`` for visitors who need step-free routes
    and times ``family_speed_factor`` for families with children (both when both apply).
    """

    zones: tuple[ZoneSpec, ...]
    rules: Rules = field(default_factory=Rules)
    walk_speed: float = 70.0
    detour_factor: float = 1.25
    step_free_speed_factor: float = 0.7
    family_speed_factor: float = 0.8
    entrance: tuple[float, float] = (0.0, 0.0)
    name: str = ""
    day_start: str = "10:00"

    def __post_init__(self) -> None:
        object.__setattr__(self, "zones", tuple(self.zones))
        object.__setattr__(self, "entrance", tuple(self.entrance))
        ids = [zone.id for zone in self.zones]
        if len(set(ids)) != len(ids):
            raise ValueError("zone ids must be unique")
        if self.walk_speed <= 0:
            raise ValueError("walk_speed must be positive")

    def zone(self, zone_id: str) -> ZoneSpec:
        """The zone with this id (KeyError when there is none)."""
        for zone in self.zones:
            if zone.id == zone_id:
                return zone
        raise KeyError(zone_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "zones": [zone.to_dict() for zone in self.zones],
            "rules": self.rules.to_dict(),
            "walk_speed": self.walk_speed,
            "detour_factor": self.detour_factor,
            "step_free_speed_factor": self.step_free_speed_factor,
            "family_speed_factor": self.family_speed_factor,
            "entrance": list(self.entrance),
            "name": self.name,
            "day_start": self.day_start,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Installation:
        data = dict(data)
        data["zones"] = tuple(ZoneSpec.from_dict(zone) for zone in data["zones"])
        data["rules"] = Rules.from_dict(data.get("rules", {}))
        data["entrance"] = tuple(data.get("entrance", (0.0, 0.0)))
        return cls(**data)


@dataclass(frozen=True)
class VisitorProfile:
    """A visitor (or a party visiting together) as the kiosk understood them.

    ``interests`` weigh 0..1 per interest tag. ``group`` is one of ``GROUPS``; ``family`` means with children.
    ``needs`` are a subset of ``NEEDS`` and are hard: a zone that violates one is never planned.
    ``start`` is where the visit starts (None: the installation's entrance).
    """

    interests: Mapping[str, float] = field(default_factory=dict)
    sport: str | None = None
    mood: str | None = None
    budget_minutes: float = 60.0
    group: str = "alone"
    party_size: int = 1
    needs: frozenset[str] = frozenset()
    start: tuple[float, float] | None = None
    start_minute: float = 0.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "interests", dict(self.interests))
        object.__setattr__(self, "needs", frozenset(self.needs))
        if self.start is not None:
            object.__setattr__(self, "start", tuple(self.start))
        if self.group not in GROUPS:
            raise ValueError(f"group must be one of {GROUPS}")
        unknown = self.needs - set(NEEDS)
        if unknown:
            raise ValueError(f"unknown needs: {sorted(unknown)}")
        if self.party_size < 1 or self.budget_minutes < 0:
            raise ValueError("party_size must be >= 1 and budget_minutes >= 0")

    def to_dict(self) -> dict[str, Any]:
        return {
            "interests": dict(self.interests),
            "sport": self.sport,
            "mood": self.mood,
            "budget_minutes": self.budget_minutes,
            "group": self.group,
            "party_size": self.party_size,
            "needs": sorted(self.needs),
            "start": None if self.start is None else list(self.start),
            "start_minute": self.start_minute,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> VisitorProfile:
        data = dict(data)
        data["needs"] = frozenset(data.get("needs", ()))
        if data.get("start") is not None:
            data["start"] = tuple(data["start"])
        return cls(**data)


@dataclass(frozen=True)
class Stop:
    """One planned visit.

    ``arrive`` = previous end (or the plan's start) + ``walk``; ``wait`` is idle time until the zone opens;
    ``queue`` the expected queue when joining it at ``arrive + wait``; ``start`` = arrive + wait + queue;
    ``end`` = start + the zone's dwell. ``value`` is this stop's share of the plan's value; ``score`` breaks
    it down and ``reasons`` say why it was chosen (structured, for narration elsewhere).
    """

    zone: str
    name: str
    walk: float
    arrive: float
    wait: float
    queue: float
    start: float
    end: float
    value: float = 0.0
    reasons: tuple[Mapping[str, Any], ...] = ()
    score: Mapping[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "zone": self.zone,
            "name": self.name,
            "walk": self.walk,
            "arrive": self.arrive,
            "wait": self.wait,
            "queue": self.queue,
            "start": self.start,
            "end": self.end,
            "value": self.value,
            "reasons": [dict(reason) for reason in self.reasons],
            "score": dict(self.score),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Stop:
        data = dict(data)
        data["reasons"] = tuple(dict(reason) for reason in data.get("reasons", ()))
        return cls(**data)


@dataclass(frozen=True)
class Plan:
    """An itinerary: the stops in order, from ``start_minute``.

    The first ``completed`` stops are history (already visited, kept by ``replan``); when set, the visit
    resumes at ``resume_minute`` from the last completed zone. ``total_minutes`` runs from ``start_minute`` to
    the last end; ``value`` is the sum of the stops' values.
    """

    stops: tuple[Stop, ...]
    start_minute: float
    budget_minutes: float
    total_minutes: float
    value: float
    completed: int = 0
    resume_minute: float | None = None

    @property
    def zone_ids(self) -> list[str]:
        return [stop.zone for stop in self.stops]

    def to_dict(self) -> dict[str, Any]:
        return {
            "stops": [stop.to_dict() for stop in self.stops],
            "start_minute": self.start_minute,
            "budget_minutes": self.budget_minutes,
            "total_minutes": self.total_minutes,
            "value": self.value,
            "completed": self.completed,
            "resume_minute": self.resume_minute,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Plan:
        data = dict(data)
        data["stops"] = tuple(Stop.from_dict(stop) for stop in data["stops"])
        return cls(**data)


def status_map(
    statuses: Mapping[str, ZoneStatus] | Iterable[ZoneStatus] | None,
) -> dict[str, ZoneStatus]:
    """Statuses keyed by zone id, from a mapping, an iterable or None (no status: open, no queue)."""
    if statuses is None:
        return {}
    if isinstance(statuses, Mapping):
        return dict(statuses)
    return {status.zone_id: status for status in statuses}
