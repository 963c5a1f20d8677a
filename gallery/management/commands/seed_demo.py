from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand

DEMO_MODERATOR = "moderator"
DEMO_PASSWORD = "wonder-on-ice"


class Command(BaseCommand):
    help = (
        "Load the demo data of embedded mode and print the demo moderator's login (the documented password with "
        "DEBUG on, a random one kept in var/demo_password with DEBUG off)."
    )

    def handle(self, *args, **options) -> None:
        from contest.demo import demo_password, seed_contest_demo

        moderators, _ = Group.objects.get_or_create(name="moderators")
        user, created = get_user_model().objects.get_or_create(
            username=DEMO_MODERATOR, defaults={"is_staff": True, "email": "moderator@example.org"}
        )
        # With DEBUG off, a demo moderator still holding the README's password gets this installation's own.
        if created or (not settings.DEBUG and user.check_password(DEMO_PASSWORD)):
            user.set_password(demo_password())
            user.save()
        user.groups.add(moderators)

        self.stdout.write(seed_contest_demo(user))
        call_command("seed_installation")
        from gallery.models import Screen

        Screen.objects.get_or_create(slug="lobby", defaults={"name": "Lobby screen"})
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo moderator: log in at /admin/ or /moderation/ as '{DEMO_MODERATOR}' "
                f"with password '{demo_password()}'."
            )
        )
