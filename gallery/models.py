"""Moderation (reports, claims, the audit log), curation (collections, exhibitions) and the museum's screens.

Writes go through :mod:`gallery.services`; entries themselves belong to :mod:`contest` and change state only
through its services (or, for a take-down, through :func:`gallery.services.take_down_entry`).
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from contest.models import Entry
from generation.prompting.validators import validate_public_text


class Report(models.Model):
    """Someone (a fan, or an anonymous visitor known only by a keyed hash) thinks a public entry should go."""

    class Reason(models.TextChoices):
        OFFENSIVE = "offensive", _("Offensive or hateful")
        VIOLENCE = "violence", _("Violent or dangerous")
        SEXUAL = "sexual", _("Sexual content")
        LIKENESS = "likeness", _("Shows a real person without consent")
        COPYRIGHT = "copyright", _("Copies someone else's work or brand")
        SPAM = "spam", _("Spam or misleading")
        OTHER = "other", _("Something else")

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reporter_hash = models.CharField(max_length=64, blank=True, help_text="Keyed hash of the IP for anonymous ones.")
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    note = models.TextField(_("note"), blank=True, max_length=1000)
    created = models.DateTimeField(default=timezone.now)
    resolved = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created"]
        indexes = [models.Index(fields=["entry", "resolved"], name="report_open_idx")]

    def __str__(self) -> str:
        return f"{self.entry_id}: {self.reason}"


class ModerationClaim(models.Model):
    """One moderator reviews an entry at a time; a claim expires on its own, so a closed tab blocks nobody."""

    TTL = timedelta(minutes=5)

    entry = models.OneToOneField(Entry, on_delete=models.CASCADE, related_name="claim")
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    until = models.DateTimeField()

    def __str__(self) -> str:
        return f"{self.entry_id} by {self.moderator_id} until {self.until:%H:%M}"

    def active(self, now=None) -> bool:
        return self.until > (now or timezone.now())


class ModerationLog(models.Model):
    """The audit log of an entry: who did what, when, and the entry's state before and after."""

    class Action(models.TextChoices):
        APPROVE = "approve", _("Approved")
        REJECT = "reject", _("Rejected")
        KEEP = "keep", _("Kept after reports")
        TAKE_DOWN = "take_down", _("Unpublished everywhere")
        REPORT = "report", _("Reported")
        CLAIM = "claim", _("Opened for review")
        SHORTLIST = "shortlist", _("Shortlisted for the jury")
        UNSHORTLIST = "unshortlist", _("Taken off the shortlist")
        ANNOUNCE = "announce", _("Results announced")

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="moderation_log")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(default=timezone.now, db_index=True)
    action = models.CharField(max_length=16, choices=Action.choices)
    note = models.TextField(blank=True)
    before = models.JSONField(default=dict, blank=True)
    after = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{self.entry_id} {self.action} by {self.actor_id}"


class Collection(models.Model):
    """A curated, ordered set of entries (a theme, a jury pick); exhibitions put it on the museum's screens."""

    slug = models.SlugField(unique=True)
    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("text"), blank=True)
    created = models.DateTimeField(default=timezone.now)
    entries = models.ManyToManyField(Entry, through="CollectionItem", related_name="collections")

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.title


class CollectionItem(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["collection", "entry"], name="collection_entry_once")]

    def __str__(self) -> str:
        return f"{self.collection_id}#{self.position}: {self.entry_id}"


class Screen(models.Model):
    """A museum screen: it plays its playlist and sends a heartbeat; the dashboard shows who went quiet."""

    class Status(models.TextChoices):
        PLAYING = "playing", _("Playing")
        OFFLINE_CACHE = "offline", _("Playing from its cache")
        IDLE = "idle", _("Nothing to play")

    STALE_AFTER = timedelta(seconds=45)

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=80)
    last_heartbeat = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    now_playing = models.ForeignKey(Entry, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    playlist_version = models.CharField(max_length=64, blank=True, help_text="What the screen last reported.")
    # The screen's secret, issued when a moderator pairs it (gallery.services.pair_screen): only its hash is kept.
    key_hash = models.CharField(max_length=64, blank=True, editable=False)
    paired = models.DateTimeField(null=True, blank=True, editable=False)
    paired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        # Screen names appear on the moderators' dashboard and on the screens themselves.
        validate_public_text(self.name)

    @staticmethod
    def hash_key(secret: str) -> str:
        return hashlib.sha256(secret.encode()).hexdigest()

    def key_matches(self, secret: str) -> bool:
        """True only for a paired screen presenting its current secret (compared in constant time)."""
        return bool(self.key_hash and secret) and hmac.compare_digest(self.key_hash, self.hash_key(secret))

    def is_online(self, now=None) -> bool:
        return self.last_heartbeat is not None and (now or timezone.now()) - self.last_heartbeat < self.STALE_AFTER


class Exhibition(models.Model):
    """A collection on show from ``start`` to ``end``, on the chosen screens (none chosen: every screen)."""

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="exhibitions")
    title = models.CharField(_("title"), max_length=120, blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    screens = models.ManyToManyField(Screen, blank=True, related_name="exhibitions")

    class Meta:
        ordering = ["-start"]
        constraints = [models.CheckConstraint(condition=Q(start__lt=F("end")), name="exhibition_dates_in_order")]

    def __str__(self) -> str:
        return self.title or str(self.collection)


class PlaylistItem(models.Model):
    """A screen's own ordered playlist; it wins over exhibitions, which win over the fallback loop."""

    screen = models.ForeignKey(Screen, on_delete=models.CASCADE, related_name="playlist")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="+")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["screen", "entry"], name="playlist_entry_once")]

    def __str__(self) -> str:
        return f"{self.screen_id}#{self.position}: {self.entry_id}"
