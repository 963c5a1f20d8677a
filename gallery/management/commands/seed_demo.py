from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand

DEMO_MODERATOR = "moderator"
DEMO_PASSWORD = "wonder-on-ice"


class Command(BaseCommand):
    help = "Load the demo data of embedded mode and print the demo moderator's login (DEBUG only)."

    def handle(self, *args, **options) -> None:
        moderators, _ = Group.objects.get_or_create(name="moderators")
        if not settings.DEBUG:
            self.stdout.write("DEBUG is off: no demo accounts are created.")
            return
        user, created = get_user_model().objects.get_or_create(
            username=DEMO_MODERATOR, defaults={"is_staff": True, "email": "moderator@example.org"}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(moderators)
        from contest.demo import seed_contest_demo

        self.stdout.write(seed_contest_demo(user))
        call_command("seed_installation")
        from gallery.models import Screen

        Screen.objects.get_or_create(slug="lobby", defaults={"name": "Lobby screen"})
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo moderator: log in at /admin/ or /moderation/ as '{DEMO_MODERATOR}' "
                f"with password '{DEMO_PASSWORD}'."
            )
        )
