"""Demo data for embedded mode (``manage.py seed_demo``): an open contest, a few verified fans, six approved entries
with real preview clips (small and short, so seeding stays quick), a jury, and a first arena board. Idempotent."""

from __future__ import annotations

import contextlib
import os
import secrets
from datetime import timedelta
from pathlib import Path
from typing import Any

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone

from generation import runner
from generation.models import Job

from . import services
from .models import Comparison, Contest, Entry, Fan

DEMO_PASSWORD = "wonder-on-ice"
DEMO_CONTEST = "winter-vibes-2026"
# (fan e-mail, display name, country, title, sport, sentence)
DEMO_ENTRIES = [
    (
        "giulia@wonder.invalid",
        "Giulia",
        "IT",
        "Nonna takes flight",
        "ski-jumping",
        "A grandma in a red scarf flies off the ski jump",
    ),
    ("kenji@wonder.invalid", "Kenji", "JP", "Cherry blossom jump", "ski-jumping", "桜の中で高台からスキージャンプ"),
    (
        "lea@wonder.invalid",
        "Léa",
        "FR",
        "Van Gogh leap",
        "ski-jumping",
        "A ski jumper soaring through a Van Gogh starry night",
    ),
    (
        "giulia@wonder.invalid",
        "Giulia",
        "IT",
        "Ice poem",
        "figure-skating",
        "A figure skater spins under the northern lights",
    ),
    (
        "kenji@wonder.invalid",
        "Kenji",
        "JP",
        "Anime axel",
        "figure-skating",
        "アニメ風のフィギュアスケーターがトリプルアクセル",
    ),
    (
        "lea@wonder.invalid",
        "Léa",
        "FR",
        "Watercolour waltz",
        "figure-skating",
        "Watercolour pair skaters waltz on a frozen lake",
    ),
]
# Fans with no entries who have judged a few pairs already, so the board is not empty on a fresh install.
DEMO_VOTERS = [
    ("mia@wonder.invalid", "Mia", "DE"),
    ("sam@wonder.invalid", "Sam", "GB"),
    ("lin@wonder.invalid", "Lin", "CN"),
]
CLIP = {"width": 320, "height": 192, "duration_s": 2.0, "fps": 12}


def demo_password() -> str:
    """The demo accounts' password: the documented one while DEBUG is on; with DEBUG off (`make run` on an
    installation's own machine) a random one, made once and kept in ``var/demo_password``, so nobody logs in with a
    password printed in the README."""
    if settings.DEBUG:
        return DEMO_PASSWORD
    path = Path(settings.VAR_DIR) / "demo_password"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        with (
            contextlib.suppress(FileExistsError),
            os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w") as handle,
        ):
            handle.write(secrets.token_urlsafe(12) + "\n")
    return path.read_text().strip()


def _fan(email: str, name: str, country: str) -> Any:
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=email.split("@")[0],
        defaults={"email": email, "date_joined": timezone.now() - timedelta(days=7)},
    )
    if created or (not settings.DEBUG and user.check_password(DEMO_PASSWORD)):
        user.set_password(demo_password())
        user.save()
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    Fan.objects.get_or_create(user=user, defaults={"display_name": name, "country": country})
    return user


def _render(owner: Any, sport: str, sentence: str, seed: int) -> Job:
    """Make the clip now, in this process, with the preview engine (no worker needed)."""
    spec = {**services.build_video_spec(text=sentence, sport=sport, seed=seed), **CLIP, "sport": sport}
    job = Job.objects.create(kind="video", engine="preview", queue="default", spec=spec, owner=owner, seq=1)
    runner.execute(job.pk, attempt=1, worker="seed_demo")
    return Job.objects.get(pk=job.pk)


def seed_contest_demo(moderator: Any) -> str:
    from gallery import services as moderation  # approvals go through the audited moderation action

    now = timezone.now()
    contest, _created = Contest.objects.get_or_create(
        slug=DEMO_CONTEST,
        defaults={
            "title": "Your Epic Vibe 2026",
            "description": "Make a winter-sports video from one sentence; the best ones go to the museum.",
            "submissions_open": now - timedelta(days=3),
            "submissions_close": now + timedelta(days=30),
            "voting_open": now - timedelta(days=2),
            "voting_close": now + timedelta(days=31),
            "results_at": now + timedelta(days=35),
            "criteria": {"creativity": 0.4, "spirit": 0.3, "visual": 0.3},
        },
    )
    jury, _created = Group.objects.get_or_create(name=services.JURY_GROUP)
    moderator.groups.add(jury)
    # Moderators review entries in the admin until the moderation console exists (Gallery issue).
    moderators, _created = Group.objects.get_or_create(name="moderators")
    moderators.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="contest",
            codename__in=["view_entry", "change_entry", "view_fan", "change_fan", "view_vote", "view_comparison"],
        )
    )
    moderator.groups.add(moderators)
    made = 0
    for index, (email, name, country, title, sport, sentence) in enumerate(DEMO_ENTRIES):
        author = _fan(email, name, country)
        if Entry.objects.filter(contest=contest, title=title).exists():
            continue
        job = _render(author, sport, sentence, seed=1000 + index)
        if job.status != Job.Status.SUCCEEDED:
            continue
        entry = services.enter_contest(user=author, job_id=job.pk, title=title, accept_rules=True, contest=contest)
        moderation.approve(entry_id=entry.pk, moderator=moderator, note="demo data")
        made += 1
    voters = [_fan(*voter) for voter in DEMO_VOTERS]
    with transaction.atomic():
        if not Comparison.objects.filter(contest=contest).exists():
            _demo_judgements(contest, voters)
    return (
        f"Demo contest '{contest.title}': {made} new entries; demo fans log in as "
        f"{DEMO_VOTERS[0][0]} (or any demo fan) with password '{demo_password()}'."
    )


def _demo_judgements(contest: Contest, voters: list[Any]) -> None:
    """Each demo voter judges every pair once, so each entry has enough comparisons to be ranked."""
    for sport in sorted({e[4] for e in DEMO_ENTRIES}):
        entries = list(Entry.objects.filter(contest=contest, sport=sport, state__in=Entry.PUBLIC).order_by("pk"))
        for v, voter in enumerate(voters):
            for i, a in enumerate(entries):
                for b in entries[i + 1 :]:
                    outcome = ("a", "b", "a", "tie")[(i + v + b.pk) % 4]
                    Comparison.objects.create(
                        contest=contest, sport=sport, a=a, b=b, outcome=outcome, voter=voter, a_shown_left=True
                    )
        for entry in entries:
            Entry.objects.filter(pk=entry.pk).update(
                comparisons=Comparison.objects.filter(counted=True, a=entry).count()
                + Comparison.objects.filter(counted=True, b=entry).count()
            )
        services.refresh_board(contest_id=contest.pk, sport=sport)
