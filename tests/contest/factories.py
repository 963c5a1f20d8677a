"""Factories for the contest: verified fans, open contests, finished videos, entries in any state."""

from __future__ import annotations

from datetime import timedelta

import factory
import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from contest.models import Contest, Entry, Fan
from generation.models import Job


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"fan{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    # Older than the new-account cooldown, so they may vote.
    date_joined = factory.LazyFunction(lambda: timezone.now() - timedelta(days=3))
    password = factory.django.Password("pw-fan-123456")


class FanFactory(factory.django.DjangoModelFactory):
    """A fan with a confirmed e-mail address."""

    class Meta:
        model = Fan
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    display_name = factory.LazyAttribute(lambda f: f.user.username.title())
    country = "IT"
    language = "en"

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self.user, email=self.user.email, verified=True, primary=True)


class ContestFactory(factory.django.DjangoModelFactory):
    """A contest taking entries and votes now."""

    class Meta:
        model = Contest

    slug = factory.Sequence(lambda n: f"contest-{n}")
    title = "Your Epic Vibe"
    submissions_open = factory.LazyFunction(lambda: timezone.now() - timedelta(days=2))
    submissions_close = factory.LazyFunction(lambda: timezone.now() + timedelta(days=5))
    voting_open = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    voting_close = factory.LazyFunction(lambda: timezone.now() + timedelta(days=6))
    results_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=8))
    max_entries_per_fan = 3
    criteria = factory.LazyFunction(lambda: {"creativity": 0.4, "spirit": 0.3, "visual": 0.3})


class VideoJobFactory(factory.django.DjangoModelFactory):
    """A finished 5-second video."""

    class Meta:
        model = Job

    kind = "video"
    engine = "preview"
    queue = "default"
    owner = None
    status = Job.Status.SUCCEEDED
    progress = 1.0
    seq = 3
    spec = factory.LazyFunction(lambda: {"prompt": "a ski jumper flies", "sport": "ski-jumping", "seed": 1})
    result = factory.LazyAttribute(
        lambda j: {
            "files": {"video": f"jobs/{j.spec['sport']}/video.mp4", "poster": f"jobs/{j.spec['sport']}/poster.jpg"},
            "metadata": {"duration_s": 5.0, "sport": j.spec["sport"], "preview": True, "width": 320, "height": 192},
        }
    )


class EntryFactory(factory.django.DjangoModelFactory):
    """An approved (public) entry by its own fan."""

    class Meta:
        model = Entry

    contest = factory.SubFactory(ContestFactory)
    author = factory.LazyFunction(lambda: FanFactory().user)
    job = factory.LazyAttribute(
        lambda e: VideoJobFactory(owner=e.author, public=True, spec={"prompt": "go", "sport": e.sport, "seed": 1})
    )
    title = factory.Sequence(lambda n: f"Entry {n}")
    sport = "ski-jumping"
    state = Entry.State.APPROVED
    rules_accepted = factory.LazyFunction(timezone.now)
    submitted = factory.LazyFunction(timezone.now)


# --- Fixtures shared by the gallery and security tests (their conftest files import them) ---------------------


@pytest.fixture
def contest(db):
    return ContestFactory()


@pytest.fixture
def second_moderator(db):
    user = FanFactory().user
    user.is_staff = True
    user.save()
    return user


@pytest.fixture
def make_entry(contest):
    """An entry in any state; ``safety`` puts a safety verdict into its job's spec, ``result`` sets its job's result
    (else the factory's)."""

    def make(state="submitted", safety=None, author=None, result=None, **fields):
        author = author or FanFactory().user
        spec = {"prompt": "a ski jumper flies", "prompt_en": "A ski jumper flies high", "sport": "ski-jumping"}
        if safety:
            spec["safety"] = safety
        extra = {"result": result} if result is not None else {}
        job = VideoJobFactory(owner=author, public=state in ("approved", "shortlisted", "winner"), spec=spec, **extra)
        return EntryFactory(contest=contest, author=author, job=job, state=state, **fields)

    return make
