"""The demo installation and catalogue load idempotently, translated into the kiosk's seven languages."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from PIL import Image

from experience.models import RecommendationItem, Zone, ZoneStatus
from experience.planning import demo_installation
from experience.seed import seed_installation

LANGUAGES = ("en", "it", "zh-hans", "ja", "fr", "de", "es")

pytestmark = pytest.mark.django_db


def test_seeding_twice_creates_nothing_new_and_keeps_staff_statuses():
    seed_installation(with_images=False)
    ZoneStatus.objects.filter(zone__slug="cafe").update(is_open=False, queue_minutes=12)
    seed_installation(with_images=False)
    assert Zone.objects.count() == len(demo_installation().zones) == 12
    assert RecommendationItem.objects.count() == 60
    assert ZoneStatus.objects.count() == 12
    cafe = ZoneStatus.objects.get(zone__slug="cafe")
    assert (cafe.is_open, cafe.queue_minutes) == (False, 12)


def test_every_zone_and_item_is_translated_into_the_seven_languages():
    seed_installation(with_images=False)
    for zone in Zone.objects.all():
        assert set(zone.names) == set(LANGUAGES) == set(zone.texts), zone.slug
        assert len({zone.names[lang] for lang in LANGUAGES}) >= 4, zone.slug  # really translated, not copied
    for item in RecommendationItem.objects.all():
        assert set(item.names) == set(LANGUAGES) == set(item.texts), item.slug
    assert Zone.objects.get(slug="fragrance-bar").name_in("ja") == "フレグランスバー"


def test_catalogue_has_twenty_items_per_category():
    seed_installation(with_images=False)
    counts = {c: RecommendationItem.objects.filter(category=c).count() for c in ("outfit", "fragrance", "makeup")}
    assert counts == {"outfit": 20, "fragrance": 20, "makeup": 20}


def test_order_rules_come_from_the_demo_installation():
    seed_installation(with_images=False)
    assert list(Zone.objects.get(slug="avatar-booth").comes_before.values_list("slug", flat=True)) == ["ai-stylist"]
    assert Zone.objects.get(slug="welcome").is_first and Zone.objects.get(slug="welcome").is_mandatory
    assert Zone.objects.get(slug="aigc-video-wall").is_last


def test_the_command_draws_each_illustration_once(media):
    call_command("seed_installation")
    item = RecommendationItem.objects.get(slug="glacier-eau")
    path = media / item.image.name
    with Image.open(path) as image:
        assert image.size == (480, 480) and image.format == "PNG"
    before = {i.slug: i.image.name for i in RecommendationItem.objects.all()}
    call_command("seed_installation")
    assert {i.slug: i.image.name for i in RecommendationItem.objects.all()} == before
    assert len(list((media / "catalogue").iterdir())) == 60
