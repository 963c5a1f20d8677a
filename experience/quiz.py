"""The kiosk quiz: its fixed choices (slug -> translatable label) and how answers become a planner profile."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from .planning import VisitorProfile

try:  # the project's sport vocabulary (generation.prompting); the kiosk has its own labels when it is missing
    from generation.prompting.vocab import SPORTS
except ImportError:  # pragma: no cover
    SPORTS = {
        slug: label
        for slug, label in (
            ("alpine-skiing", _("Alpine skiing")),
            ("biathlon", _("Biathlon")),
            ("bobsleigh", _("Bobsleigh")),
            ("cross-country-skiing", _("Cross-country skiing")),
            ("curling", _("Curling")),
            ("figure-skating", _("Figure skating")),
            ("freestyle-skiing", _("Freestyle skiing")),
            ("ice-hockey", _("Ice hockey")),
            ("luge", _("Luge")),
            ("nordic-combined", _("Nordic combined")),
            ("short-track", _("Short track speed skating")),
            ("skeleton", _("Skeleton")),
            ("ski-jumping", _("Ski jumping")),
            ("ski-mountaineering", _("Ski mountaineering")),
            ("snowboard", _("Snowboard")),
            ("speed-skating", _("Speed skating")),
        )
    }

INTERESTS = {
    "fashion": _("Fashion"),
    "fragrance": _("Fragrance"),
    "beauty": _("Beauty"),
    "sport": _("Sport"),
    "technology": _("Technology"),
    "art": _("Art"),
}
MOODS = {
    "calm": _("Calm"),
    "energetic": _("Energetic"),
    "curious": _("Curious"),
    "playful": _("Playful"),
    "festive": _("Festive"),
}
# The planner's explanations translate these lower-case words at run time (experience.planning.explain).
MOOD_WORDS = [gettext_noop("calm"), gettext_noop("energetic"), gettext_noop("curious"), gettext_noop("playful")]
INTEREST_WORDS = [
    gettext_noop("fashion"),
    gettext_noop("fragrance"),
    gettext_noop("beauty"),
    gettext_noop("sport"),
    gettext_noop("technology"),
    gettext_noop("art"),
    gettext_noop("food"),
    gettext_noop("shopping"),
    gettext_noop("fun for children"),
    gettext_noop("festive"),
]
MINUTES = {"20": _("20 min"), "30": _("30 min"), "45": _("45 min"), "60": _("1 hour"), "90": _("1½ hours")}
GROUPS = {"alone": _("On my own"), "friends": _("With friends"), "family": _("Family with children")}
# The usual size of each group, when a visit has no size of its own (visits planned before the quiz asked it).
PARTY_SIZE = {"alone": 1, "friends": 3, "family": 4}
MAX_PARTY = 8
NEEDS = {
    "step_free": _("Step-free routes"),
    "seated": _("Seated experiences"),
    "avoid_strobe": _("No flashing lights"),
    "avoid_loud": _("No loud zones"),
}
NO_SPORT = ""


def wanted_minutes(answers: dict[str, Any]) -> float:
    """The time the visitor said they have."""
    return float(answers.get("minutes") or 45)


def profile(answers: dict[str, Any], *, start_minute: float = 0.0, until_minute: float | None = None) -> VisitorProfile:
    """The planner's visitor profile from validated quiz answers; ``until_minute`` (the installation's closing)
    caps the time budget, so that near closing the plan holds only what still fits."""
    group = answers.get("group") or "alone"
    budget = wanted_minutes(answers)
    if until_minute is not None:
        budget = max(0.0, min(budget, until_minute - start_minute))
    return VisitorProfile(
        interests={interest: 1.0 for interest in answers.get("interests", [])},
        sport=answers.get("sport") or None,
        mood=answers.get("mood") or None,
        budget_minutes=budget,
        group=group,
        party_size=party_size(answers),
        needs=frozenset(answers.get("needs", [])),
        start_minute=start_minute,
    )


def party_size(answers: dict[str, Any]) -> int:
    """How many people visit together: the number asked in the quiz, else the usual size of the group."""
    size = answers.get("party_size")
    if isinstance(size, int) and 1 <= size <= MAX_PARTY:
        return size
    return PARTY_SIZE.get(answers.get("group") or "alone", 1)


def sport_label(slug: str | None) -> str:
    return str(SPORTS.get(slug, slug or ""))
