"""Avatar actions: consent, capture, making an avatar, and forgetting — the one place their rules live.

Views, tasks and other apps call these functions:

- :func:`give_consent` / :func:`has_consent`: the camera never starts before the visitor agreed.
- :func:`save_capture`: check and analyse a selfie, keep it privately for ``WONDER_BIOMETRIC_TTL_MIN`` minutes.
- :func:`start_avatar`: an ``avatar`` job (engine from ``WONDER_ENGINES["avatar"]``) for a capture or a drawn base.
- :func:`avatar_for`: "@me" in the contest — the path of a fan's latest finished avatar portrait.
- :func:`purge_expired` (periodic task), :func:`purge_session` (kiosk reset), :func:`delete_avatar` ("Delete now").
"""

from __future__ import annotations

import logging
import secrets
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from generation import media_store
from generation import services as jobs
from generation.models import Job
from wonder import ratelimit
from wonder.clients import client_hash

from . import faces
from .bases import BASES
from .models import Avatar, Capture, biometric_ttl, capture_expiry, private_dir
from .stylize import STYLES

log = logging.getLogger(__name__)

CONSENT_KEY = "avatars.consent_at"
SPORT_SLUGS = (
    "alpine-skiing", "biathlon", "bobsleigh", "cross-country-skiing", "curling", "figure-skating",
    "freestyle-skiing", "ice-hockey", "luge", "nordic-combined", "short-track", "skeleton", "ski-jumping",
    "ski-mountaineering", "snowboard", "speed-skating",
)  # fmt: skip
PHOTO_QUALITY = 92


def avatar_keep() -> timedelta:
    """How long an unclaimed avatar (the stylised output) and its take-home link live."""
    hours = getattr(settings, "WONDER_AVATAR_KEEP_H", None)
    if hours is None:
        hours = getattr(settings, "WONDER_TAKE_HOME_TTL_H", 48)
    return timedelta(hours=float(hours))


# --- consent -----------------------------------------------------------------------------------------------


def give_consent(session: Any) -> datetime:
    """Record, in the visitor's session, that they agreed to the capture; returns when."""
    now = timezone.now()
    session[CONSENT_KEY] = now.isoformat()
    return now


def has_consent(session: Any) -> datetime | None:
    value = session.get(CONSENT_KEY)
    return parse_datetime(value) if value else None


def withdraw_consent(session: Any) -> None:
    session.pop(CONSENT_KEY, None)


# --- capture -----------------------------------------------------------------------------------------------


def save_capture(
    *, session_key: str, data: bytes, consented_at: datetime, ip: str = ""
) -> tuple[Capture, faces.Analysis]:
    """Check, analyse and privately store a selfie. Raises ``faces.PhotoRejected``; nothing is stored then."""
    # Face analysis is the costliest thing a visitor can trigger: a few tries per visit, more per kiosk network.
    if not ratelimit.allow(f"capture:{session_key}", settings.WONDER_CAPTURE_RATE_SESSION) or (
        ip and not ratelimit.allow(f"capture-ip:{client_hash(ip)}", settings.WONDER_CAPTURE_RATE_IP)
    ):
        raise faces.PhotoRejected("rate_limited", _("That was a lot of photos in a short time. Please wait a minute."))
    image = faces.open_photo(data)
    analysis = faces.analyse(image)
    folder = private_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    # Random names: nothing about the person, nothing guessable.
    photo_name = f"{secrets.token_hex(16)}.jpg"
    embedding_name = f"{secrets.token_hex(16)}.npy" if analysis.face.embedding is not None else ""
    now = timezone.now()
    try:
        image.save(folder / photo_name, format="JPEG", quality=PHOTO_QUALITY)
        if embedding_name:
            np.save(folder / embedding_name, analysis.face.embedding.astype(np.float32), allow_pickle=False)
        with transaction.atomic():
            _drop_unused_captures(session_key)
            capture = Capture.objects.create(
                session_key=session_key,
                consented_at=consented_at,
                created=now,
                expires_at=capture_expiry(now),
                photo_name=photo_name,
                embedding_name=embedding_name,
                face_box=analysis.relative_box(*image.size),
                detector=analysis.detector,
                notes=analysis.notes,
            )
    except BaseException:
        (folder / photo_name).unlink(missing_ok=True)
        if embedding_name:
            (folder / embedding_name).unlink(missing_ok=True)
        raise
    log.info("avatar capture stored (detector %s, %d face(s))", analysis.detector, analysis.face_count)
    return capture, analysis


def _drop_unused_captures(session_key: str) -> None:
    """A retake replaces the previous photo at once: keep no more biometric data than needed."""
    for old in Capture.objects.filter(session_key=session_key, avatars__isnull=True):
        _purge_capture(old)


def capture_for_session(capture_id: Any, session_key: str | None) -> Capture | None:
    """The visitor's own capture, or None (someone else's, or already purged)."""
    if not session_key:
        return None
    try:
        return Capture.objects.filter(pk=capture_id, session_key=session_key).first()
    except (ValueError, TypeError):
        return None


# --- avatars -----------------------------------------------------------------------------------------------


def start_avatar(
    *,
    session_key: str,
    style: str,
    sport: str,
    name: str = "",
    capture: Capture | None = None,
    base: str = "",
    user: Any = None,
    ip: str = "",
    visit_token: str = "",
) -> Avatar:
    """Create the avatar and its job. Exactly one of ``capture`` and ``base``; raises ``ValueError`` otherwise, and
    :class:`wonder.ratelimit.RateLimited` when a visitor without an account starts jobs too fast."""
    if (capture is None) == (not base):
        raise ValueError("an avatar needs either a capture or a drawn base")
    if base and base not in BASES:
        raise ValueError(f"unknown base {base!r}")
    if style not in STYLES or sport not in SPORT_SLUGS:
        raise ValueError("unknown style or sport")
    owner = user if user is not None and user.is_authenticated else None
    if owner is None:
        ratelimit.check_anonymous_job(session_key=session_key, client_key=client_hash(ip))
    with transaction.atomic():
        avatar = Avatar.objects.create(
            session_key=session_key,
            owner=owner,
            capture=capture,
            base=base,
            style=style,
            sport=sport,
            name=name.strip()[:24],
            visit_token=visit_token,
            expires_at=timezone.now() + avatar_keep(),
        )
        spec = {
            "capture": str(capture.pk) if capture else None,
            "base": base,
            "style": style,
            "sport": sport,
            "name": avatar.name,
            "seed": secrets.randbelow(2**31),
        }
        avatar.job = jobs.create_job(kind="avatar", spec=spec, owner=owner, session_key=session_key)
        avatar.save(update_fields=["job"])
    return avatar


class AlreadyClaimed(Exception):
    """The avatar belongs to another account: its take-home link no longer claims or deletes it."""


def claim_avatar(avatar: Avatar, user: Any) -> Avatar:
    """Attach a take-home avatar to a signed-in fan, for "@me"; a claimed avatar no longer expires.

    A take-home link claims once: the first account keeps the avatar, and a second one (whoever else saw or
    scanned the QR code) gets ``AlreadyClaimed``. The check and the write are one conditional UPDATE, so two
    claims racing each other cannot both win.
    """
    claimed = Avatar.objects.filter(pk=avatar.pk, owner__isnull=True).update(owner=user, expires_at=None)
    avatar.refresh_from_db(fields=["owner", "expires_at"])
    if not claimed and avatar.owner_id != user.pk:
        raise AlreadyClaimed(str(avatar.pk))
    return avatar


def may_delete(avatar: Avatar, user: Any) -> bool:
    """Whether this request may "Delete now": anyone holding the take-home link while nobody claimed the avatar
    (the link is the visitor's key), only its owner once an account claimed it."""
    if avatar.owner_id is None:
        return True
    return user is not None and getattr(user, "is_authenticated", False) and avatar.owner_id == user.pk


def avatars_of_visit(visit_token: str) -> list[Avatar]:
    """The avatars made during a kiosk visit, newest first (for the visit's take-home page)."""
    if not visit_token:
        return []
    return list(Avatar.objects.filter(visit_token=visit_token).select_related("job").order_by("-created"))


def avatar_for(user_or_session: Any) -> Path | None:
    """The fan's latest finished avatar portrait (a square stylised PNG), or None.

    ``user_or_session`` is a user (their claimed or own avatars) or a session key string. The file is the
    non-biometric output of the avatar job (``files["portrait"]``), never the selfie; pass it to the video engine
    as ``spec["avatar_image"]``.
    """
    if isinstance(user_or_session, str):
        if not user_or_session:
            return None
        candidates = Avatar.objects.filter(session_key=user_or_session)
    elif getattr(user_or_session, "is_authenticated", False):
        candidates = Avatar.objects.filter(owner=user_or_session)
    else:
        return None
    candidates = candidates.filter(job__status=Job.Status.SUCCEEDED).select_related("job").order_by("-created")
    for avatar in candidates[:5]:
        path = avatar.file("portrait")
        if path is not None:
            return path
    return None


# --- forgetting --------------------------------------------------------------------------------------------


def _purge_capture(capture: Capture) -> None:
    capture.delete_files()
    capture.delete()


def photo_expired_message() -> str:
    """Why an avatar job failed when the photo's time ran out (in the active language)."""
    return _(
        "Your photo was deleted %(minutes)d minutes after it was taken, as promised, before your avatar could be "
        "made. Please take a new one."
    ) % {"minutes": settings.WONDER_BIOMETRIC_TTL_MIN}


def expire_capture(capture: Capture) -> None:
    """The capture's time is up: fail the avatar jobs still waiting for it or using it, then delete it.

    A job that could not finish in time fails with a clear message in its visitor's language; a worker still
    running it notices at its next step (the row is no longer running) and keeps nothing.
    """
    unfinished = Job.objects.filter(avatar__capture=capture).exclude(status__in=Job.FINISHED)
    for job in unfinished:
        with translation.override(job.language):
            message = photo_expired_message()
        try:
            jobs.fail_job(job.pk, code="photo_expired", message=message)
        except jobs.InvalidTransition:  # finished meanwhile: nothing to fail
            pass
    _purge_capture(capture)


def purge_expired(now: datetime | None = None) -> dict[str, int]:
    """Delete biometric data past its hard deadline and unclaimed avatars past theirs; returns the counts."""
    now = now or timezone.now()
    captures = 0
    for capture in Capture.objects.filter(expires_at__lte=now):
        expire_capture(capture)
        captures += 1
    avatars = 0
    for avatar in Avatar.objects.filter(owner__isnull=True, expires_at__lte=now).select_related("job"):
        delete_avatar(avatar)
        avatars += 1
    # Files with no row (a crash between writing and saving) are biometric too: sweep them by age.
    orphans = _sweep_orphans(now)
    if captures or avatars or orphans:
        log.info("avatar purge: %d capture(s), %d avatar(s), %d orphan file(s)", captures, avatars, orphans)
    return {"captures": captures, "avatars": avatars, "orphans": orphans}


def _sweep_orphans(now: datetime) -> int:
    folder = private_dir()
    if not folder.is_dir():
        return 0
    known = set()
    for photo, embedding in Capture.objects.values_list("photo_name", "embedding_name"):
        known.update({photo, embedding})
    cutoff = (now - biometric_ttl()).timestamp()
    removed = 0
    for path in folder.iterdir():
        if path.is_file() and path.name not in known and path.stat().st_mtime < cutoff:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def purge_session(session_key: str) -> int:
    """Kiosk reset: delete every selfie, crop and embedding of this visit now; returns how many captures.

    The avatars already made (stylised outputs) stay reachable through their take-home links until they expire.
    """
    if not session_key:
        return 0
    count = 0
    for capture in Capture.objects.filter(session_key=session_key):
        _purge_capture(capture)
        count += 1
    return count


def end_session(session_key: str) -> int:
    """A kiosk visit ended: purge its photos now and detach its avatars from the kiosk browser's session.

    The avatars stay reachable through their take-home links (and the visit's), never through the kiosk again:
    the next visitor on that browser, or anyone reusing the old session key, sees none of them. Returns how many
    avatars were detached.
    """
    if not session_key:
        return 0
    purge_session(session_key)
    return Avatar.objects.filter(session_key=session_key).update(session_key="")


def delete_avatar(avatar: Avatar) -> None:
    """ "Delete now": the avatar, its files, and the selfie and embedding it was made from."""
    if avatar.capture_id is not None:
        capture = Capture.objects.filter(pk=avatar.capture_id).first()
        if capture is not None:
            _purge_capture(capture)
    job = avatar.job
    # A job still queued or running is canceled, and its row kept: the worker may still be writing to it.
    was_finished = job is not None and job.is_finished
    if job is not None:
        if not was_finished:
            try:
                job = jobs.cancel_job(job)
            except jobs.InvalidTransition as exc:
                job = exc.job
        # Local files and the copies in object storage: biometric-derived, so really gone.
        media_store.delete_tree(f"jobs/{job.pk}")
    avatar.delete()
    if was_finished:
        job.delete()
