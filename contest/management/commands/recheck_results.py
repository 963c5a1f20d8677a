"""``python manage.py recheck_results <contest slug>``: recompute a published result from its frozen inputs."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from contest import services
from contest.models import Contest


class Command(BaseCommand):
    help = "Recompute a contest's published result from its frozen inputs and say whether it still holds."

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug")

    def handle(self, *args, slug: str, **options) -> None:
        contest = Contest.objects.filter(slug=slug).first()
        if contest is None:
            raise CommandError(f"no contest {slug!r}")
        try:
            check = services.recheck_results(contest_id=contest.pk)
        except services.ContestError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(f"inputs intact: {'yes' if check.inputs_intact else 'NO'}")
        self.stdout.write(f"same places and scores: {'yes' if check.same_places else 'NO'}")
        for line in check.differences:
            self.stdout.write(f"  {line}")
        if not check.ok:
            raise CommandError("the published result does not hold")
        self.stdout.write(self.style.SUCCESS("the published result holds"))
