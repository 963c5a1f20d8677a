"""The value function: how much a visitor is expected to enjoy a set of zones.

For each zone ``z`` and visitor ``v``:

- a mood factor ``m(z)``: the product of ``MOODS[v.mood]["flags"]`` for the zone's flags (a calm visitor
prefers
  seated zones and avoids loud ones, ...);
- an interest contribution per tag ``t``: ``m(z) * mood_tag(t) * interest(v, t) * z.tags[t]``, where a
favourite
  sport implies some interest in ``sport`` and a family some in ``kids``;
- a base appeal ``m(z) * BASE_VALUE`` (every zone is worth a little) and a sport bonus ``m(z) * SPORT_BONUS``
when
  the zone is about the visitor's favourite sport.

Similar zones have diminishing value: per tag, the contributions of the visited zones are sorted from largest
to smallest and the k-th counts ``SIMILARITY_DECAY ** k`` (a second fashion zone is worth half as much
fashion). The value of a set does not depend on the visiting order, which keeps the search simple and exact DP
possible.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from .model import VisitorProfile, ZoneSpec

BASE_VALUE = 0.15
SPORT_BONUS = 0.6
SIMILARITY_DECAY = 0.5
# A favourite sport or children in the party imply at least this much interest in "sport" / "kids".
IMPLIED_INTEREST = 0.5
# An interest contribution at least this large is worth naming as a reason.
REASON_THRESHOLD = 0.15

MOODS: dict[str, dict[str, dict[str, float]]] = {
    "calm": {"tags": {"art": 1.2}, "flags": {"seated": 1.3, "loud": 0.6, "strobe": 0.8}},
    "energetic": {"tags": {"sport": 1.3, "technology": 1.1}, "flags": {"loud": 1.15, "seated": 0.85}},
    "curious": {"tags": {"technology": 1.3, "art": 1.2}, "flags": {}},
    "playful": {"tags": {"kids": 1.3, "sport": 1.1, "art": 1.1}, "flags": {}},
    "festive": {"tags": {"shopping": 1.2, "sport": 1.2, "food": 1.1}, "flags": {"loud": 1.1}},
    "hungry": {"tags": {"food": 2.0}, "flags": {}},
}


@dataclass(frozen=True)
class ZoneScore:
    """A zone's value parts for one visitor (before the similarity discount)."""

    zone_id: str
    factor: float
    base: float
    sport: float
    tags: dict[str, float] = field(default_factory=dict)
    reasons: tuple[dict[str, Any], ...] = ()

    @property
    def standalone(self) -> float:
        return self.base + self.sport + sum(self.tags.values())


def effective_interests(visitor: VisitorProfile) -> dict[str, float]:
    """The visitor's interest weights, with the interests implied by their sport and group."""
    interests = {tag: max(0.0, float(weight)) for tag, weight in visitor.interests.items()}
    if visitor.sport:
        interests["sport"] = max(interests.get("sport", 0.0), IMPLIED_INTEREST)
    if visitor.group == "family":
        interests["kids"] = max(interests.get("kids", 0.0), IMPLIED_INTEREST)
    return interests


def score_zone(zone: ZoneSpec, visitor: VisitorProfile, interests: dict[str, float] | None = None) -> ZoneScore:
    """The value parts of one zone for one visitor, with the reasons that make it attractive."""
    if interests is None:
        interests = effective_interests(visitor)
    mood = MOODS.get(visitor.mood or "", {"tags": {}, "flags": {}})
    factor = 1.0
    for flag, multiplier in mood["flags"].items():
        if getattr(zone, flag):
            factor *= multiplier
    tags = {}
    for tag, weight in zone.tags.items():
        contribution = factor * mood["tags"].get(tag, 1.0) * interests.get(tag, 0.0) * weight
        if contribution > 0:
            tags[tag] = contribution
    sport = factor * SPORT_BONUS if visitor.sport and visitor.sport in zone.sports else 0.0
    reasons: list[dict[str, Any]] = []
    named = sorted((tag for tag, c in tags.items() if c >= REASON_THRESHOLD), key=lambda t: (-tags[t], t))
    if named:
        reasons.append({"code": "interest", "tags": named[:3]})
    if sport:
        reasons.append({"code": "sport", "sport": visitor.sport})
    lifted = [tag for tag in named if mood["tags"].get(tag, 1.0) > 1.0]
    if visitor.mood and (factor > 1.0 or lifted):
        reasons.append({"code": "mood", "mood": visitor.mood})
    if visitor.group == "family" and "kids" in tags:
        reasons.append({"code": "family"})
    if zone.seated and "seated" in visitor.needs:
        reasons.append({"code": "seated"})
    return ZoneScore(zone.id, factor, factor * BASE_VALUE, sport, tags, tuple(reasons))


def set_value(scores: Iterable[ZoneScore]) -> float:
    """The value of visiting all these zones (order does not matter)."""
    total = 0.0
    per_tag: dict[str, list[float]] = {}
    for score in scores:
        total += score.base + score.sport
        for tag, contribution in score.tags.items():
            per_tag.setdefault(tag, []).append(contribution)
    for contributions in per_tag.values():
        contributions.sort(reverse=True)
        weight = 1.0
        for contribution in contributions:
            total += weight * contribution
            weight *= SIMILARITY_DECAY
    return total


def attribute(scores: Sequence[ZoneScore]) -> list[dict[str, Any]]:
    """Each zone's share of ``set_value(scores)``, as a score breakdown (same order as ``scores``).

    Within a tag the largest contribution counts in full and the smaller ones are discounted, so the discount
    falls on the zones that repeat what another zone already offers better.
    """
    shares = [
        {
            "base": s.base,
            "sport": s.sport,
            "interest": {},
            "mood_factor": s.factor,
            "similarity_discount": 0.0,
        }
        for s in scores
    ]
    tags = sorted({tag for s in scores for tag in s.tags})
    for tag in tags:
        ranked = sorted((i for i, s in enumerate(scores) if tag in s.tags), key=lambda i: (-scores[i].tags[tag], i))
        weight = 1.0
        for i in ranked:
            full = scores[i].tags[tag]
            shares[i]["interest"][tag] = weight * full
            shares[i]["similarity_discount"] += (1.0 - weight) * full
            weight *= SIMILARITY_DECAY
    for share in shares:
        share["value"] = share["base"] + share["sport"] + sum(share["interest"].values())
    return shares
