"""The installation as data (zones, their live status), anonymous kiosk visits, the recommendation catalogue and
anonymous daily counters.

Visitor-facing texts (zone names, catalogue texts) are data, translated per language in JSON fields keyed by
language code (``{"en": "...", "it": "..."}``); the English text is the fallback.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .planning import Plan, ZoneSpec

FALLBACK_LANGUAGE = "en"


def translated(texts: dict[str, str] | None, language: str | None) -> str:
    """The text in ``language`` (or its base language), else English, else any."""
    texts = texts or {}
    language = (language or FALLBACK_LANGUAGE).lower()
    for code in (language, language.split("-")[0], FALLBACK_LANGUAGE):
        if texts.get(code):
            return texts[code]
    return next(iter(texts.values()), "")


class Zone(models.Model):
    """One zone of the installation: what it offers, for how long, when, for whom, and where on the floor plan."""

    slug = models.SlugField(unique=True)
    names = models.JSONField(default=dict, help_text=_('Name per language, e.g. {"en": "Fragrance Bar"}.'))
    texts = models.JSONField(default=dict, blank=True, help_text=_("One-line description per language."))
    dwell_minutes = models.FloatField(help_text=_("Typical minutes spent inside."))
    capacity = models.PositiveIntegerField(help_text=_("People inside at once."))
    hours = models.JSONField(
        default=list,
        help_text=_("Opening intervals in minutes after the day's start (10:00), e.g. [[0, 360], [390, 600]]."),
    )
    x = models.FloatField(default=0.0, help_text=_("Metres east of the floor plan's origin."))
    y = models.FloatField(default=0.0, help_text=_("Metres north of the floor plan's origin."))
    step_free = models.BooleanField(default=True)
    seated = models.BooleanField(default=False, help_text=_("Visitors can sit for the whole experience."))
    strobe = models.BooleanField(default=False, help_text=_("Flashing lights."))
    loud = models.BooleanField(default=False)
    child_friendly = models.BooleanField(default=True)
    tags = models.JSONField(default=dict, blank=True, help_text=_('Interest weights 0..1, e.g. {"fashion": 1.0}.'))
    sports = models.JSONField(default=list, blank=True, help_text=_("Sport slugs this zone is especially about."))
    # Order rules (experience.planning.Rules), editable per zone.
    is_first = models.BooleanField(default=False, help_text=_("May only be the first stop."))
    is_last = models.BooleanField(default=False, help_text=_("May only be the last stop."))
    is_mandatory = models.BooleanField(default=False, help_text=_("Every plan includes it when it fits."))
    comes_before = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="comes_after", help_text=_("Visited before these.")
    )
    position = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["position", "slug"]
        constraints = [
            models.CheckConstraint(condition=models.Q(dwell_minutes__gt=0), name="zone_dwell_positive"),
            models.CheckConstraint(condition=models.Q(capacity__gte=1), name="zone_capacity_positive"),
        ]

    def __str__(self) -> str:
        return self.name_in(FALLBACK_LANGUAGE) or self.slug

    def name_in(self, language: str | None) -> str:
        return translated(self.names, language) or self.slug

    def text_in(self, language: str | None) -> str:
        return translated(self.texts, language)

    def to_spec(self, language: str | None) -> ZoneSpec:
        """The planner's view of this zone, named in ``language``."""
        return ZoneSpec(
            id=self.slug,
            name=self.name_in(language),
            dwell=self.dwell_minutes,
            capacity=self.capacity,
            hours=tuple(tuple(interval) for interval in self.hours) or ((0.0, 24 * 60.0),),
            x=self.x,
            y=self.y,
            step_free=self.step_free,
            seated=self.seated,
            strobe=self.strobe,
            loud=self.loud,
            child_friendly=self.child_friendly,
            tags=self.tags,
            sports=tuple(self.sports),
            description=self.text_in(language),
        )


class ZoneStatus(models.Model):
    """A zone's live status, set by staff (the latest change; ``ZoneStatusChange`` keeps the history)."""

    zone = models.OneToOneField(Zone, on_delete=models.CASCADE, primary_key=True, related_name="status")
    is_open = models.BooleanField(default=True)
    queue_minutes = models.PositiveSmallIntegerField(default=0)
    baseline_minutes = models.PositiveSmallIntegerField(default=0, help_text=_("The usual wait it drifts back to."))
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        verbose_name_plural = "zone statuses"

    def __str__(self) -> str:
        return f"{self.zone.slug}: {'open' if self.is_open else 'closed'}, {self.queue_minutes} min"


class ZoneStatusChange(models.Model):
    """Audit trail: who set which status when."""

    zone = models.ForeignKey(Zone, on_delete=models.CASCADE, related_name="status_changes")
    is_open = models.BooleanField()
    queue_minutes = models.PositiveSmallIntegerField()
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    changed_at = models.DateTimeField(default=timezone.now, db_index=True)
    replanned_visits = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-changed_at"]

    def __str__(self) -> str:
        return f"{self.zone.slug} {'open' if self.is_open else 'closed'} {self.queue_minutes} min at {self.changed_at}"


def new_token() -> str:
    return secrets.token_urlsafe(18)


class Visit(models.Model):
    """One anonymous kiosk visit. No personal data: quiz answers, the plan and the recommendations only."""

    token = models.CharField(max_length=32, unique=True, default=new_token, editable=False)
    # The kiosk browser's session: only it may follow the visit live.
    session_key = models.CharField(max_length=64, blank=True, db_index=True)
    language = models.CharField(max_length=16, default="en")
    answers = models.JSONField(default=dict, blank=True)
    job = models.ForeignKey(
        "generation.Job", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", help_text="Latest run."
    )
    plan = models.JSONField(null=True, blank=True, help_text="The latest verified plan shown to the visitor.")
    plan_job_id = models.UUIDField(null=True, blank=True, help_text="The job whose plan is shown.")
    plan_version = models.PositiveIntegerField(default=0)
    plan_note = models.JSONField(default=dict, blank=True, help_text="Why the plan last changed (codes).")
    plan_changed_at = models.DateTimeField(null=True, blank=True, help_text="When the shown plan was adopted.")
    explanations = models.JSONField(default=list, blank=True)
    steps = models.JSONField(default=list, blank=True, help_text="The agent's reasoning lines.")
    recommendations = models.JSONField(default=list, blank=True)
    # The visit's own clock: minute of the installation day when planning started, and when that was.
    start_minute = models.FloatField(default=0.0)
    planned_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(default=timezone.now, db_index=True)
    last_seen = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True, help_text="The visitor took the plan home.")
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"visit {self.token[:6]}… ({self.language})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.expires_at is None:
            self.expires_at = self.created + timedelta(hours=settings.WONDER_TAKE_HOME_TTL_H)
        super().save(*args, **kwargs)

    @property
    def is_expired(self) -> bool:
        return timezone.now() >= self.expires_at

    def get_plan(self) -> Plan | None:
        return Plan.from_dict(self.plan) if self.plan else None

    def now_minute(self, now: Any = None) -> float:
        """Minutes of the installation day now, on this visit's clock (started when planning started)."""
        if self.planned_at is None:
            return self.start_minute
        elapsed = ((now or timezone.now()) - self.planned_at).total_seconds() / 60
        return self.start_minute + max(elapsed, 0.0)

    def tour_over(self, now: Any = None) -> bool:
        plan = self.get_plan()
        return plan is None or not plan.stops or plan.stops[-1].end <= self.now_minute(now)


class RecommendationItem(models.Model):
    """A catalogue item: an outfit, a fragrance or a make-up look, with tags the recommender weighs."""

    class Category(models.TextChoices):
        OUTFIT = "outfit", _("Outfit")
        FRAGRANCE = "fragrance", _("Fragrance")
        MAKEUP = "makeup", _("Make-up")

    slug = models.SlugField(unique=True)
    category = models.CharField(max_length=16, choices=Category.choices, db_index=True)
    names = models.JSONField(default=dict)
    texts = models.JSONField(default=dict, blank=True)
    tags = models.JSONField(default=dict, blank=True, help_text=_('Weights 0..1 per tag, e.g. {"sport": 0.8}.'))
    notes = models.JSONField(default=list, blank=True, help_text=_("Notes, shades or materials (slugs)."))
    palette = models.JSONField(default=list, blank=True, help_text=_("Hex colours of the illustration."))
    image = models.ImageField(upload_to="catalogue/", blank=True)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["category", "slug"]

    def __str__(self) -> str:
        return self.name_in(FALLBACK_LANGUAGE) or self.slug

    def name_in(self, language: str | None) -> str:
        return translated(self.names, language) or self.slug

    def text_in(self, language: str | None) -> str:
        return translated(self.texts, language)


class VisitStats(models.Model):
    """Anonymous counts per day: all that remains of a wiped visit."""

    day = models.DateField(unique=True)
    started = models.PositiveIntegerField(default=0)
    planned = models.PositiveIntegerField(default=0)
    replanned = models.PositiveIntegerField(default=0)
    finished = models.PositiveIntegerField(default=0)
    reset = models.PositiveIntegerField(default=0)
    expired = models.PositiveIntegerField(default=0)

    COUNTERS = ("started", "planned", "replanned", "finished", "reset", "expired")

    class Meta:
        ordering = ["-day"]
        verbose_name_plural = "visit stats"

    def __str__(self) -> str:
        return f"{self.day}: {self.started} started, {self.finished} finished"

    @classmethod
    def bump(cls, counter: str, by: int = 1) -> None:
        """Add to today's counter without a read-modify-write race."""
        if counter not in cls.COUNTERS:
            raise ValueError(counter)
        day = timezone.localdate()
        cls.objects.get_or_create(day=day)
        cls.objects.filter(day=day).update(**{counter: F(counter) + by})
