"""What a museum screen is sent: its playlist as JSON, each item with its captions and a QR code to its page."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from contest.models import Entry
from generation.prompting.vocab import SPORTS
from wonder import public_url as qr

from . import selectors
from .models import Screen


def _qr(url: str) -> str:
    """QR codes are the slowest part of a playlist: cached per URL, they never change."""
    key = f"gallery:qr:{url}"
    svg = cache.get(key)
    if svg is None:
        svg = str(qr.svg(url))
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


def playlist_json(request: HttpRequest, screen: Screen) -> dict[str, Any]:
    source, entries = selectors.screen_playlist(screen)
    return {
        "screen": screen.slug,
        "source": source,
        "version": selectors.playlist_version(entries),
        "ai_label": _("AI-generated"),
        "items": [item_json(request, entry) for entry in entries if entry.job.public_result()],
    }
