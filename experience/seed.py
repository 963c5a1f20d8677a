"""Load the demo installation (zones, statuses) and the recommendation catalogue; safe to run again."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction

from . import illustrations
from .catalogue_data import catalogue_items
from .installation_data import ZONE_TEXTS
from .models import RecommendationItem, Zone, ZoneStatus
from .planning import demo_installation, demo_statuses


@transaction.atomic
def seed_zones() -> int:
    """Create or update the twelve demo zones, their order rules and an initial status. Returns the count."""
    installation = demo_installation()
    rules = installation.rules
    statuses = demo_statuses()
    zones: dict[str, Zone] = {}
    for position, spec in enumerate(installation.zones):
        texts = ZONE_TEXTS.get(spec.id, {})
        zone, _ = Zone.objects.update_or_create(
            slug=spec.id,
            defaults={
                "names": {lang: name for lang, (name, _text) in texts.items()} or {"en": spec.name},
                "texts": {lang: text for lang, (_name, text) in texts.items()} or {"en": spec.description},
                "dwell_minutes": spec.dwell,
                "capacity": spec.capacity,
                "hours": [list(interval) for interval in spec.hours],
                "x": spec.x,
                "y": spec.y,
                "step_free": spec.step_free,
                "seated": spec.seated,
                "strobe": spec.strobe,
                "loud": spec.loud,
                "child_friendly": spec.child_friendly,
                "tags": dict(spec.tags),
                "sports": list(spec.sports),
                "is_first": spec.id in rules.first,
                "is_last": spec.id in rules.last,
                "is_mandatory": spec.id in rules.mandatory,
                "position": position,
                "active": True,
            },
        )
        zones[spec.id] = zone
        status = statuses.get(spec.id)
        # Keep what staff set on a live system; only a missing status gets the demo one.
        ZoneStatus.objects.get_or_create(
            zone=zone,
            defaults={
                "queue_minutes": round(status.queue_minutes) if status else 0,
                "baseline_minutes": round(status.baseline_minutes) if status else 0,
            },
        )
    for before, after in (*rules.precedence, *((b, a) for a, b in rules.requires)):
        zones[before].comes_before.add(zones[after])
    return len(zones)


def seed_catalogue(*, with_images: bool = True) -> int:
    """Create or update the 60 catalogue items, drawing each missing illustration. Returns the count."""
    for data in catalogue_items():
        variant = data.pop("variant")
        item, _ = RecommendationItem.objects.update_or_create(slug=data["slug"], defaults={**data, "active": True})
        if with_images and (not item.image or not item.image.storage.exists(item.image.name)):
            png = illustrations.render(item.category, item.palette, item.slug, variant)
            item.image.save(f"{item.slug}.png", ContentFile(png), save=True)
    return len(catalogue_items())


def seed_installation(*, with_images: bool = True) -> tuple[int, int]:
    """The demo installation and catalogue: (zones, items)."""
    return seed_zones(), seed_catalogue(with_images=with_images)
