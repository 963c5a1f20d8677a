from __future__ import annotations

from django.core.management.base import BaseCommand

from experience.seed import seed_installation


class Command(BaseCommand):
    help = "Load the demo installation (zones in seven languages) and the recommendation catalogue; idempotent."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--no-images", action="store_true", help="Skip drawing the catalogue illustrations.")

    def handle(self, *args, no_images: bool = False, **options) -> None:
        zones, items = seed_installation(with_images=not no_images)
        self.stdout.write(self.style.SUCCESS(f"Installation: {zones} zones, {items} catalogue items."))
