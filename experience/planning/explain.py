"""One-line explanations of a planned stop, built from its structured reasons.

The text is English, passed through Django's ``gettext`` when Django is configured (so the kiosk can translate
it) and left as is otherwise (benchmarks, pure tests).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .model import Stop, VisitorProfile

TAG_LABELS = {
    "fashion": "fashion",
    "fragrance": "fragrance",
    "beauty": "beauty",
    "sport": "sport",
    "technology": "technology",
    "art": "art",
    "food": "food",
    "shopping": "shopping",
    "kids": "fun for children",
}


def _(text: str) -> str:
    try:
        from django.core.exceptions import ImproperlyConfigured
        from django.utils.translation import gettext
    except ImportError:
        return text
    try:
        return gettext(text)
    except ImproperlyConfigured:  # Django installed but no settings: nothing to translate with
        return text


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return _("{items} and {last}").format(items=", ".join(words[:-1]), last=words[-1])


def _reason(stop: Stop, code: str) -> Mapping[str, Any] | None:
    return next((reason for reason in stop.reasons if reason.get("code") == code), None)


def explain_stop(stop: Stop, visitor: VisitorProfile) -> str:
    """A one-line explanation of why ``stop`` is in the visitor's plan."""
    because: list[str] = []
    interest = _reason(stop, "interest")
    if interest:
        tags = [_(TAG_LABELS.get(tag, tag)) for tag in interest["tags"]]
        because.append(_("you love {tags}").format(tags=_join(tags)))
    sport = _reason(stop, "sport")
    if sport:
        because.append(_("your favourite sport is {sport}").format(sport=sport["sport"].replace("-", " ")))
    mood = _reason(stop, "mood")
    if mood:
        because.append(_("it suits your {mood} mood").format(mood=_(mood["mood"])))
    if _reason(stop, "family"):
        because.append(_("children love it"))
    if _reason(stop, "seated"):
        because.append(_("you can sit down there"))
    rules = [reason for reason in stop.reasons if reason.get("code") == "rule"]
    minutes = round(stop.end - stop.start)
    queue = round(stop.queue)
    waiting = _("no queue") if queue == 0 else _("about {n} minutes in line").format(n=queue)
    if because:
        lead = _("Because {reasons}, the {zone} is on your route").format(reasons=_join(because), zone=stop.name)
    elif any(reason["rule"] in ("mandatory", "first") for reason in rules):
        lead = _("Every visit begins at the {zone}").format(zone=stop.name)
    elif any(reason["rule"] == "before" for reason in rules):
        lead = _("The {zone} comes first so that the next zones can use it").format(zone=stop.name)
    else:
        lead = _("The {zone} fits nicely into your {budget} minutes").format(
            zone=stop.name, budget=round(visitor.budget_minutes)
        )
    return _("{lead}: {minutes} minutes there, {waiting}.").format(lead=lead, minutes=minutes, waiting=waiting)
