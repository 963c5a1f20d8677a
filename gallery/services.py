"""Every write of the gallery: claim, approve, reject, keep, take down, report, reorder, screen heartbeats.

Plain functions with keyword arguments, one transaction each; entry state changes go through
:mod:`contest.services`, and each decision is written to the audit log in the same transaction. Museum screens are
told after commit (over the channel layer), so they never show what the database has already taken back.
"""

from __future__ import annotations

import logging
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from contest import services as contest
from contest.models import Entry
from generation import realtime
from generation import services as jobs
from generation.models import Job
from generation.prompting.validators import unsafe_text_message
from wonder import ratelimit
from wonder.clients import client_hash

from .models import (
    Collection,
    CollectionItem,
    Exhibition,
    ModerationClaim,
    ModerationLog,
    PlaylistItem,
    Report,
    Screen,
)

log = logging.getLogger(__name__)

MODERATORS_GROUP = "moderators"
MUSEUM_GROUP = "museum"
REPORTS_PER_HOUR = getattr(settings, "WONDER_REPORTS_PER_HOUR", 10)


class GalleryError(contest.ContestError):
    """A refused moderation or report; same shape as the contest's errors, so views handle both alike."""


def is_moderator(user: Any) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return user.is_staff or user.groups.filter(name=MODERATORS_GROUP).exists()


def screen_group(slug: str) -> str:
    return f"museum.{slug}"


def notify_screens(*, reason: str, removed: list[int] | None = None, screen: str | None = None) -> None:
    """After commit, tell museum screens (one, or all) to fetch their playlist again; ``removed`` drop at once."""
    message = {"type": "museum.changed", "reason": reason, "removed": list(removed or [])}
    group = screen_group(screen) if screen else MUSEUM_GROUP
    transaction.on_commit(lambda: realtime.publish(group, message))


def _state(entry: Entry) -> dict[str, Any]:
    """What the audit log keeps of an entry, before and after a decision."""
    return {
        "state": entry.state,
        "public": entry.is_public,
        "reject_reason": entry.reject_reason,
        "reject_note": entry.reject_note,
    }


def _log(entry: Entry, *, actor: Any, action: str, before: dict, note: str = "") -> ModerationLog:
    return ModerationLog.objects.create(
        entry=entry, actor=actor, action=action, before=before, after=_state(entry), note=(note or "").strip()
    )


def _locked(entry_id: int) -> Entry:
    entry = Entry.objects.select_for_update().filter(pk=entry_id).first()
    if entry is None:
        raise GalleryError("no_such_entry", _("There is no such entry."), status=404)
    return entry


def _check_claim(entry_id: int, moderator: Any) -> None:
    claim = ModerationClaim.objects.select_related("moderator").filter(entry_id=entry_id).first()
    if claim is not None and claim.active() and claim.moderator_id != moderator.pk:
        raise GalleryError(
            "claimed",
            _("%(name)s is reviewing this entry.") % {"name": claim.moderator.get_username()},
            status=409,
        )


def _resolve_reports(entry_id: int, moderator: Any) -> int:
    return Report.objects.filter(entry_id=entry_id, resolved__isnull=True).update(
        resolved=timezone.now(), resolved_by=moderator
    )


# --- Claims ----------------------------------------------------------------------------------------------------


def claim_entry(*, entry_id: int, moderator: Any) -> ModerationClaim:
    """Take (or renew) the review of an entry; refused while another moderator's claim is running."""
    now = timezone.now()
    with transaction.atomic():
        entry = _locked(entry_id)  # the entry's row lock serialises two moderators claiming at once
        claim = ModerationClaim.objects.select_related("moderator").filter(entry=entry).first()
        if claim is not None and claim.active(now) and claim.moderator_id != moderator.pk:
            raise GalleryError(
                "claimed",
                _("%(name)s is reviewing this entry.") % {"name": claim.moderator.get_username()},
                status=409,
            )
        claim, _created = ModerationClaim.objects.update_or_create(
            entry=entry, defaults={"moderator": moderator, "until": now + ModerationClaim.TTL}
        )
    return claim


def release_claim(*, entry_id: int, moderator: Any) -> None:
    ModerationClaim.objects.filter(entry_id=entry_id, moderator=moderator).delete()


# --- Decisions -------------------------------------------------------------------------------------------------


def approve(*, entry_id: int, moderator: Any, note: str = "") -> Entry:
    """Approve a submitted entry (contest's service), log it, free the claim and refresh the screens."""
    with transaction.atomic():
        _check_claim(entry_id, moderator)
        before = _state(_locked(entry_id))
        entry = contest.approve_entry(entry_id=entry_id, moderator=moderator)
        _resolve_reports(entry_id, moderator)
        _log(entry, actor=moderator, action=ModerationLog.Action.APPROVE, before=before, note=note)
        release_claim(entry_id=entry_id, moderator=moderator)
        notify_screens(reason="publish")
    return entry


def reject(*, entry_id: int, moderator: Any, reason: str, note: str = "") -> Entry:
    """Reject an entry with a reason its fan sees (contest's service); a public one leaves every screen."""
    with transaction.atomic():
        _check_claim(entry_id, moderator)
        before = _state(_locked(entry_id))
        entry = contest.reject_entry(entry_id=entry_id, moderator=moderator, reason=reason, note=note)
        _resolve_reports(entry_id, moderator)
        _log(entry, actor=moderator, action=ModerationLog.Action.REJECT, before=before, note=note)
        release_claim(entry_id=entry_id, moderator=moderator)
        if before["public"]:
            notify_screens(reason="unpublish", removed=[entry_id])
            _withdraw_derived(entry_id)
    return entry


def keep(*, entry_id: int, moderator: Any, note: str = "") -> Entry:
    """A reported public entry is fine: close its reports, so it leaves the queue; it stays public."""
    with transaction.atomic():
        _check_claim(entry_id, moderator)
        entry = _locked(entry_id)
        if not entry.is_public:
            raise GalleryError("not_public", _("Only a public entry can be kept."), status=409)
        before = _state(entry)
        _resolve_reports(entry_id, moderator)
        _log(entry, actor=moderator, action=ModerationLog.Action.KEEP, before=before, note=note)
        release_claim(entry_id=entry_id, moderator=moderator)
    return entry


def take_down_entry(*, entry_id: int, moderator: Any, note: str = "") -> Entry:
    """Unpublish an entry everywhere at once: back to "waiting for review", its video private, screens told.

    Contest's state machine has no "public -> submitted" move (rejection is final), so this one move is made here,
    under the same row lock and audited; see the report to contest's owner.
    """
    with transaction.atomic():
        entry = _locked(entry_id)
        if not entry.is_public:
            raise GalleryError("not_public", _("This entry is not public."), status=409)
        before = _state(entry)
        entry.state = Entry.State.SUBMITTED
        entry.decided = timezone.now()
        entry.decided_by = moderator
        entry.save(update_fields=["state", "decided", "decided_by"])
        if not Entry.objects.filter(job_id=entry.job_id, state__in=Entry.PUBLIC).exists():
            contest.withdraw_media(entry.job_id)
        _log(entry, actor=moderator, action=ModerationLog.Action.TAKE_DOWN, before=before, note=note)
        notify_screens(reason="unpublish", removed=[entry_id])
        _withdraw_derived(entry_id)
    return entry


def _withdraw_derived(entry_id: int) -> None:
    """After commit, the time-slice stills made from an entry taken back move too: their URLs die with the video's."""

    def move() -> None:
        for job_id in Job.objects.filter(kind="timeslice", spec__entry=entry_id).values_list("pk", flat=True):
            try:
                jobs.hide_files(job_id)
            except Exception:  # the decision stands; an operator sees which still may still answer
                log.exception("could not move the files of time-slice job %s", job_id)

    transaction.on_commit(move)


def shortlist(*, entry_id: int, moderator: Any, shortlisted: bool = True, note: str = "") -> Entry:
    """Put an approved entry on the jury's shortlist (or take it off), with the moderator in the audit log."""
    with transaction.atomic():
        _check_claim(entry_id, moderator)
        before = _state(_locked(entry_id))
        entry = contest.shortlist_entry(entry_id=entry_id, moderator=moderator, shortlisted=shortlisted)
        action = ModerationLog.Action.SHORTLIST if shortlisted else ModerationLog.Action.UNSHORTLIST
        _log(entry, actor=moderator, action=action, before=before, note=note)
    return entry


def announce_results(*, contest_id: int, by: Any) -> list[Entry]:
    """Publish a contest's results (contest's service) and log, for every ranked entry, who announced them."""
    with transaction.atomic():
        before = {e.pk: _state(e) for e in Entry.objects.filter(contest_id=contest_id, state=Entry.State.SHORTLISTED)}
        ranked = contest.announce_results(contest_id=contest_id, by=by)
        for entry in ranked:
            _log(
                entry,
                actor=by,
                action=ModerationLog.Action.ANNOUNCE,
                before=before.get(entry.pk, {}),
                note=f"#{entry.final_rank}",
            )
        show_winners(contest_id=contest_id, by=by)
        notify_screens(reason="publish")
    return ranked


WINNERS_EXHIBITION_DAYS = 30


def show_winners(*, contest_id: int, by: Any) -> Collection:
    """The contest's winners (best first) as a collection on every museum screen from now on, and the film of it
    queued once the announcement commits: screens reload at once, and the film joins their loop when it is done."""
    from contest.models import Contest

    contest = Contest.objects.get(pk=contest_id)
    winners = list(Entry.objects.filter(contest_id=contest_id, state=Entry.State.WINNER).order_by("final_rank", "pk"))
    collection, _created = Collection.objects.update_or_create(
        slug=f"winners-{contest.slug}"[:50],
        defaults={
            "title": _("Winners · %(contest)s") % {"contest": contest.title},
            "text": _("The winners of %(contest)s, as announced.") % {"contest": contest.title},
        },
    )
    CollectionItem.objects.filter(collection=collection).delete()
    CollectionItem.objects.bulk_create(
        [CollectionItem(collection=collection, entry=entry, position=i) for i, entry in enumerate(winners)]
    )
    now = timezone.now()
    Exhibition.objects.create(
        collection=collection,
        title=collection.title,
        start=now,
        end=now + timedelta(days=WINNERS_EXHIBITION_DAYS),
    )
    if winners and by is not None and getattr(by, "is_authenticated", False):
        collection_id = collection.pk
        transaction.on_commit(lambda: _start_winners_film(collection_id, by))
    return collection


def _start_winners_film(collection_id: int, by: Any) -> None:
    try:
        start_film(collection_id=collection_id, moderator=by)
    except contest.ContestError:  # no winner has a published video: the winners play without a film
        pass


BULK_ACTIONS = ("approve", "reject", "keep", "take_down")


def bulk_moderate(
    *, entry_ids: list[int], moderator: Any, action: str, reason: str = "", note: str = ""
) -> tuple[int, list[str]]:
    """Apply one decision to many entries, each in its own transaction; returns (done, error messages)."""
    if action not in BULK_ACTIONS:
        raise GalleryError("bad_action", _("Choose an action."))
    done, errors = 0, []
    for entry_id in entry_ids:
        try:
            if action == "approve":
                approve(entry_id=entry_id, moderator=moderator, note=note)
            elif action == "reject":
                reject(entry_id=entry_id, moderator=moderator, reason=reason, note=note)
            elif action == "keep":
                keep(entry_id=entry_id, moderator=moderator, note=note)
            else:
                take_down_entry(entry_id=entry_id, moderator=moderator, note=note)
            done += 1
        except contest.ContestError as exc:
            errors.append(f"#{entry_id}: {exc.message}")
    return done, errors


# --- Reports ---------------------------------------------------------------------------------------------------


def report_entry(*, entry_id: int, user: Any, ip: str, reason: str, note: str = "") -> Report:
    """Anyone may report a public entry (rate-limited per account or network); it goes back to the queue."""
    if reason not in Report.Reason.values:
        raise GalleryError("reason_required", _("Choose a reason for your report."))
    if message := unsafe_text_message(note or "", public=False):
        raise GalleryError("unsafe_text", message)
    authenticated = user is not None and user.is_authenticated
    who = f"user:{user.pk}" if authenticated else f"ip:{client_hash(ip)}"
    if not ratelimit.take(f"report:{who}", REPORTS_PER_HOUR, 3600):
        raise GalleryError("too_many_reports", _("You have sent many reports. Please try again later."), status=429)
    with transaction.atomic():
        entry = _locked(entry_id)
        if not entry.is_public:
            raise GalleryError("not_public", _("This entry is not public."), status=404)
        report = Report.objects.create(
            entry=entry,
            reporter=user if authenticated else None,
            reporter_hash="" if authenticated else client_hash(ip),
            reason=reason,
            note=(note or "").strip()[:1000],
        )
        _log(
            entry,
            actor=user if authenticated else None,
            action=ModerationLog.Action.REPORT,
            before=_state(entry),
            note=report.get_reason_display(),
        )
    return report


# --- Curation and screens --------------------------------------------------------------------------------------


def reorder_collection(*, collection_id: int, entry_ids: list[int]) -> None:
    """Set the order of a collection's entries (drag to reorder); entries not named keep their place after."""
    with transaction.atomic():
        items = {i.entry_id: i for i in CollectionItem.objects.select_for_update().filter(collection_id=collection_id)}
        order = [e for e in entry_ids if e in items] + sorted(
            set(items) - set(entry_ids), key=lambda e: items[e].position
        )
        for position, entry_id in enumerate(order):
            items[entry_id].position = position
        CollectionItem.objects.bulk_update(items.values(), ["position"])
        notify_screens(reason="reorder")


def reorder_playlist(*, screen_slug: str, entry_ids: list[int]) -> None:
    """Replace a screen's own playlist with these entries, in this order."""
    with transaction.atomic():
        screen = Screen.objects.select_for_update().get(slug=screen_slug)
        PlaylistItem.objects.filter(screen=screen).delete()
        PlaylistItem.objects.bulk_create(
            PlaylistItem(screen=screen, entry_id=entry_id, position=position)
            for position, entry_id in enumerate(dict.fromkeys(entry_ids))
        )
        notify_screens(reason="reorder", screen=screen.slug)


def pair_screen(*, slug: str, moderator: Any) -> str:
    """Issue a screen's secret (a moderator pairs the physical screen by opening the link it is part of).

    Only its hash is stored; pairing again retires the previous secret. Returns the secret, shown once.
    """
    secret = secrets.token_urlsafe(24)
    with transaction.atomic():
        screen = Screen.objects.select_for_update().filter(slug=slug).first()
        if screen is None:
            raise GalleryError("no_such_screen", _("There is no such screen."), status=404)
        screen.key_hash = Screen.hash_key(secret)
        screen.paired = timezone.now()
        screen.paired_by = moderator
        screen.save(update_fields=["key_hash", "paired", "paired_by"])
    return secret


def record_heartbeat(
    *, slug: str, status: str, now_playing: int | None = None, version: str = "", key: str = ""
) -> Screen:
    """A screen's sign of life: what it plays and whether from the network or its cache. Only the paired screen,
    holding its secret, may send it (the public page's CSRF token proves nothing)."""
    if status not in Screen.Status.values:
        status = Screen.Status.PLAYING
    with transaction.atomic():
        screen = Screen.objects.select_for_update().filter(slug=slug).first()
        if screen is None:
            raise GalleryError("no_such_screen", _("There is no such screen."), status=404)
        if not screen.key_matches(key):
            raise GalleryError("not_paired", _("This screen is not paired. Ask a moderator to pair it."), status=403)
        screen.last_heartbeat = timezone.now()
        screen.status = status
        screen.now_playing_id = now_playing if now_playing and Entry.objects.filter(pk=now_playing).exists() else None
        screen.playlist_version = (version or "")[:64]
        screen.save(update_fields=["last_heartbeat", "status", "now_playing", "playlist_version"])
    return screen


# --- The film and the time-slice poster (jobs) ----------------------------------------------------------------


def _creator(entry: Entry) -> tuple[str, str]:
    fan = getattr(entry.author, "fan", None)
    name = fan.display_name if fan else entry.author.get_username()
    country = fan.country.name if fan and fan.country else ""
    return str(name), str(country)


def start_film(*, collection_id: int, moderator: Any) -> Job:
    """Turn a collection into "Your Epic Vibe": its public entries in order, captions and credits, as a job."""
    collection = Collection.objects.get(pk=collection_id)
    items = (
        CollectionItem.objects.filter(collection=collection, entry__state__in=Entry.PUBLIC)
        .select_related("entry__job", "entry__author__fan")
        .order_by("position", "pk")
    )
    clips, credits = [], []
    for item in items:
        video = ((item.entry.job.result or {}).get("files") or {}).get("video")
        if not video:
            continue
        name, country = _creator(item.entry)
        clips.append(
            {"path": video, "title": item.entry.title, "creator": name, "country": country, "sport": item.entry.sport}
        )
        credits.append(f"{item.entry.title} — {name}" + (f" ({country})" if country else ""))
    if not clips:
        raise contest.ContestError("empty_collection", _("This collection has no published videos yet."), status=409)
    return jobs.create_job(
        kind="film",
        spec={
            "title": collection.title,
            "clips": clips,
            "credits": credits,
            "collection": collection.pk,
            # The museum's screens play the 1080p variant.
            "museum": True,
        },
        owner=moderator,
    )


def start_time_slice(*, entry_id: int, owner: Any, session_key: str, ip: str = "") -> Job:
    """A stroboscopic still of a public entry's clip, as a job anyone watching the entry may start (rate-limited
    per session and network for visitors without an account)."""
    entry = Entry.objects.select_related("job").get(pk=entry_id, state__in=Entry.PUBLIC)
    if owner is None or not owner.is_authenticated:
        try:
            ratelimit.check_anonymous_job(session_key=session_key, client_key=client_hash(ip))
        except ratelimit.RateLimited as exc:
            raise contest.too_fast(exc.retry_after) from None
    video = ((entry.job.result or {}).get("files") or {}).get("video")
    if not video:
        raise contest.ContestError("no_video", _("This entry has no video to slice."), status=409)
    return jobs.create_job(
        kind="timeslice", spec={"video": video, "entry": entry.pk}, owner=owner, session_key=session_key
    )
