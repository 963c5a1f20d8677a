"""What a museum screen is sent: its playlist as JSON, each item with its captions and a QR code to its page."""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.cache import cache
from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from contest.models import Entry
from generation.models import Job
from generation.prompting.vocab import SPORTS
from wonder import public_url as qr

from . import selectors
from .models import Exhibition, Screen


def _qr(url: str) -> str:
    """QR codes are the slowest part of a playlist: cached per URL, they never change."""
    key = f"gallery:qr:{url}"
    svg = cache.get(key)
    if svg is None:
        svg = str(qr.qr_svg(url))
        cache.set(key, svg, 7 * 86400)
    return svg


def _award(entry: Entry) -> str:
    if entry.state == Entry.State.WINNER:
        return _("Winner") + (f" · #{entry.final_rank}" if entry.final_rank else "")
    if entry.state == Entry.State.SHORTLISTED:
        return _("Shortlisted")
    return ""


def item_json(request: HttpRequest, entry: Entry) -> dict[str, Any]:
    result = entry.job.public_result() or {}
    files = result.get("files", {})
    spec = entry.job.spec or {}
    fan = getattr(entry.author, "fan", None)
    url = request.build_absolute_uri(reverse("gallery:entry", args=[entry.pk]))
    prompt, prompt_en = spec.get("prompt", ""), spec.get("prompt_en", "")
    return {
        "id": entry.pk,
        "title": entry.title,
        "creator": fan.display_name if fan else "",
        "country": fan.country.name if fan and fan.country else "",
        "flag": fan.country.unicode_flag if fan and fan.country else "",
        "sport": str(SPORTS.get(entry.sport, entry.sport)),
        "award": _award(entry),
        "prompt": prompt,
        "prompt_en": prompt_en if prompt_en and prompt_en != prompt else "",
        "language": spec.get("language", ""),
        "video": files.get("video"),
        "poster": files.get("poster"),
        "url": url,
        "qr": _qr(url),
    }


def film_for(screen: Screen, now=None) -> Job | None:
    """The newest finished film of the collection an exhibition shows on this screen now (the winners' film after
    an announcement), or None."""
    now = now or timezone.now()
    exhibition = (
        Exhibition.objects.filter(start__lte=now, end__gt=now)
        .filter(Q(screens=screen) | Q(screens__isnull=True))
        .order_by("-start", "-pk")
        .first()
    )
    if exhibition is None:
        return None
    return (
        Job.objects.filter(kind="film", status=Job.Status.SUCCEEDED, spec__collection=exhibition.collection_id)
        .order_by("-finished")
        .first()
    )


def film_json(film: Job) -> dict[str, Any] | None:
    files = (film.public_result() or {}).get("files", {})
    if not files.get("video"):
        return None
    return {
        "id": f"film-{film.pk}",
        "film": True,
        "title": str((film.spec or {}).get("title") or _("Your Epic Vibe")),
        "creator": "",
        "country": "",
        "flag": "",
        "sport": "",
        "award": _("The film"),
        "prompt": "",
        "prompt_en": "",
        "language": "",
        # The 1080p museum variant when the film job made one.
        "video": files.get("museum_video") or files.get("video"),
        "poster": files.get("museum_poster") or files.get("poster"),
        "url": "",
        "qr": "",
    }


def playlist_json(request: HttpRequest, screen: Screen) -> dict[str, Any]:
    source, entries = selectors.screen_playlist(screen)
    items = [item_json(request, entry) for entry in entries if entry.job.public_result()]
    film = film_for(screen) if source != "playlist" else None
    film_item = film_json(film) if film is not None else None
    version = selectors.playlist_version(entries)
    if film_item is not None:
        # The film plays after the winners; a new film changes the version, so screens reload and cache it.
        items.append(film_item)
        version = hashlib.sha1(f"{version}:{film.pk}".encode()).hexdigest()[:16]  # noqa: S324  (a version tag)
    return {
        "screen": screen.slug,
        "source": source,
        "version": version,
        "ai_label": _("AI-generated"),
        "items": items,
    }


def attract_reel(now=None) -> dict[str, Any] | None:
    """What the kiosk's attract loop shows once results are out: the winners' film (the web version) and the
    winners themselves, from the newest running winners' exhibition; None before any announcement."""
    now = now or timezone.now()
    exhibition = (
        Exhibition.objects.filter(start__lte=now, end__gt=now, collection__slug__startswith="winners-")
        .select_related("collection")
        .order_by("-start", "-pk")
        .first()
    )
    if exhibition is None:
        return None
    winners = [
        entry
        for entry in Entry.objects.filter(
            pk__in=exhibition.collection.items.values("entry_id"), state=Entry.State.WINNER
        )
        .select_related("job", "author__fan")
        .order_by("final_rank", "pk")
        if entry.job.public_result()
    ]
    film = (
        Job.objects.filter(kind="film", status=Job.Status.SUCCEEDED, spec__collection=exhibition.collection_id)
        .order_by("-finished")
        .first()
    )
    files = (film.public_result() or {}).get("files", {}) if film is not None else {}
    return {
        "title": exhibition.collection.title,
        "film": files.get("video"),
        "film_poster": files.get("poster"),
        "winners": [
            {
                "title": entry.title,
                "creator": entry.author.fan.display_name if hasattr(entry.author, "fan") else "",
                "country": entry.author.fan.country.name
                if hasattr(entry.author, "fan") and entry.author.fan.country
                else "",
                "poster": (entry.job.public_result() or {}).get("files", {}).get("poster"),
                "video": (entry.job.public_result() or {}).get("files", {}).get("video"),
                "rank": entry.final_rank,
            }
            for entry in winners
        ],
    }
