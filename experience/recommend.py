"""The recommender: outfits, fragrances and make-up looks for a visitor, from the quiz, the sport and the route.

Items and the visitor are sparse tag vectors. Relevance is their cosine; the list is chosen by maximal marginal
relevance (MMR) so it stays diverse: at least one item per category, at most ``PER_CATEGORY`` of each, never
two near-duplicates. Each pick carries a one-line "Because you ..." in the active language.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from . import quiz
from .planning import VisitorProfile

CATEGORIES = ("outfit", "fragrance", "makeup")
CATEGORY_INTEREST = {"outfit": "fashion", "fragrance": "fragrance", "makeup": "beauty"}
COUNT = 6
PER_CATEGORY = 3
LAMBDA = 0.7
NEAR_DUPLICATE = 0.85
# Every category gets a little weight so each has a best item even for a visitor who only likes sport.
CATEGORY_FLOOR = 0.15
ROUTE_WEIGHT = 0.4

Vector = dict[str, float]


@dataclass
class Candidate:
    """A catalogue item as the recommender sees it."""

    slug: str
    category: str
    tags: Vector
    payload: object = None
    relevance: float = 0.0
    reasons: list[str] = field(default_factory=list)


@dataclass
class Pick:
    slug: str
    category: str
    reason: str
    item: object = None


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    dot = sum(weight * b.get(tag, 0.0) for tag, weight in a.items())
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def visitor_vector(
    visitor: VisitorProfile, route_zone_tags: Iterable[Mapping[str, float]] = ()
) -> tuple[Vector, dict[str, str]]:
    """The visitor's tag vector, and where each feature came from (for the reasons)."""
    vector: Vector = {interest: CATEGORY_FLOOR for interest in CATEGORY_INTEREST.values()}
    source: dict[str, str] = {}
    for zone_tags in route_zone_tags:
        for tag in CATEGORY_INTEREST.values():
            if zone_tags.get(tag, 0.0) >= 0.5:
                vector[tag] = vector.get(tag, 0.0) + ROUTE_WEIGHT * zone_tags[tag]
                source.setdefault(tag, "route")
    for interest, weight in visitor.interests.items():
        if weight > 0:
            vector[interest] = vector.get(interest, 0.0) + float(weight)
            source[interest] = "interest"
    if visitor.mood:
        vector[visitor.mood] = vector.get(visitor.mood, 0.0) + 0.8
        source[visitor.mood] = "mood"
    if visitor.sport:
        vector[f"sport:{visitor.sport}"] = 1.2
        source[f"sport:{visitor.sport}"] = "sport"
        vector["sport"] = max(vector.get("sport", 0.0), 0.5)
        source.setdefault("sport", "sport-general")
    if visitor.group == "family":
        vector["kids"] = vector.get("kids", 0.0) + 0.6
        source["kids"] = "family"
    return vector, source


def _reasons(candidate: Candidate, vector: Vector, source: dict[str, str], route_names: dict[str, str]) -> list[str]:
    """Reason codes, strongest first: ``interest:<tag>``, ``route:<tag>``, ``sport``, ``mood``, ``family``."""
    contributions = sorted(
        ((vector[tag] * weight, tag) for tag, weight in candidate.tags.items() if tag in vector and tag in source),
        reverse=True,
    )
    codes: list[str] = []
    for _value, tag in contributions:
        origin = source[tag]
        code = {"interest": f"interest:{tag}", "route": f"route:{tag}", "sport": "sport", "mood": "mood"}.get(
            origin, "family" if origin == "family" else None
        )
        if code and code not in codes and (not code.startswith("route:") or tag in route_names):
            codes.append(code)
    return codes[:2]


def reason_text(codes: list[str], visitor: VisitorProfile, route_names: dict[str, str]) -> str:
    """The one-line "Because you ..." for these reason codes, in the active language."""
    parts = []
    for code in codes:
        if code.startswith("interest:"):
            parts.append(_("you love %(thing)s") % {"thing": str(quiz.INTERESTS.get(code[9:], code[9:])).lower()})
        elif code.startswith("route:"):
            parts.append(_("your route includes the %(zone)s") % {"zone": route_names[code[6:]]})
        elif code == "sport":
            parts.append(_("your favourite sport is %(sport)s") % {"sport": quiz.sport_label(visitor.sport)})
        elif code == "mood":
            parts.append(_("you feel %(mood)s today") % {"mood": str(quiz.MOODS.get(visitor.mood, "")).lower()})
        elif code == "family":
            parts.append(_("you are here with children"))
    if not parts:
        return _("Because you asked for a complete winter look.")
    if len(parts) == 1:
        return _("Because %(reason)s.") % {"reason": parts[0]}
    return _("Because %(first)s and %(second)s.") % {"first": parts[0], "second": parts[1]}


def recommend(
    candidates: list[Candidate],
    visitor: VisitorProfile,
    route_zones: Iterable[tuple[str, Mapping[str, float]]] = (),
    *,
    count: int = COUNT,
) -> list[Pick]:
    """Up to ``count`` diverse picks, at least one per category present in ``candidates``.

    ``route_zones`` are the planned zones as ``(name, tags)``: a route through the fragrance bar makes fragrances
    more relevant.
    """
    route_zones = list(route_zones)
    vector, source = visitor_vector(visitor, [tags for _name, tags in route_zones])
    route_names: dict[str, str] = {}
    for name, tags in route_zones:
        for tag in CATEGORY_INTEREST.values():
            if tags.get(tag, 0.0) >= 0.5:
                route_names.setdefault(tag, name)
    for candidate in candidates:
        candidate.relevance = cosine(vector, candidate.tags)
        candidate.reasons = _reasons(candidate, vector, source, route_names)

    chosen: list[Candidate] = []

    def score(candidate: Candidate) -> float:
        redundancy = max((cosine(candidate.tags, other.tags) for other in chosen), default=0.0)
        return LAMBDA * candidate.relevance - (1 - LAMBDA) * redundancy

    def allowed(candidate: Candidate) -> bool:
        if candidate in chosen:
            return False
        if sum(other.category == candidate.category for other in chosen) >= PER_CATEGORY:
            return False
        return all(cosine(candidate.tags, other.tags) < NEAR_DUPLICATE for other in chosen)

    present = [category for category in CATEGORIES if any(c.category == category for c in candidates)]
    # First one per category (the category with the best item goes first), then the best of the rest.
    for category in sorted(present, key=lambda cat: -max(c.relevance for c in candidates if c.category == cat)):
        pool = [c for c in candidates if c.category == category and allowed(c)]
        if pool and len(chosen) < count:
            chosen.append(max(pool, key=lambda c: (score(c), c.slug)))
    while len(chosen) < count:
        pool = [c for c in candidates if allowed(c)]
        if not pool:
            break
        chosen.append(max(pool, key=lambda c: (score(c), c.slug)))
    chosen.sort(key=lambda c: (CATEGORIES.index(c.category) if c.category in CATEGORIES else 9, -c.relevance))
    return [Pick(c.slug, c.category, reason_text(c.reasons, visitor, route_names), c.payload) for c in chosen]
