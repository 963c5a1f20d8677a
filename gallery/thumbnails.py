"""Poster thumbnails for the gallery grid: made once from the job's poster, kept beside the media files."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path
from typing import TYPE_CHECKING

from django.conf import settings
from django.urls import reverse

from generation import media_store
from generation.models import Job

if TYPE_CHECKING:
    from contest.models import Entry

log = logging.getLogger(__name__)
THUMB_WIDTH = 360


def _thumbnail_name(job_id: object) -> str:
    return f"thumbs/{job_id}.jpg"


def poster_src(entry: Entry) -> str:
    """The URL of a public entry's card poster: the thumbnail file once it is made (nginx serves it with no query;
    :func:`generation.services.hide_files` deletes it when the entry is taken back), else the view that makes it."""
    name = _thumbnail_name(entry.job_id)
    if (Path(settings.MEDIA_ROOT) / name).is_file():
        return f"{settings.MEDIA_URL}{name}"
    return reverse("gallery:poster", args=[entry.pk])


def poster_thumbnail(job: Job) -> Path | None:
    """The path of a small JPEG of the job's poster, made on first use; None when the job has no poster."""
    poster = ((job.result or {}).get("files") or {}).get("poster")
    if not poster:
        return None
    target = Path(settings.MEDIA_ROOT) / _thumbnail_name(job.pk)
    if target.is_file():
        return target
    # Fetched from object storage when this machine has no copy of the poster.
    source = media_store.local_path(poster)
    if source is None:
        return None
    from PIL import Image

    # Each writer its own temporary file: two first requests for one poster must not write into the same one.
    partial = target.with_suffix(f".{secrets.token_hex(4)}.part")
    try:
        with Image.open(source) as image:
            image = image.convert("RGB")
            image.thumbnail((THUMB_WIDTH, THUMB_WIDTH))
            target.parent.mkdir(parents=True, exist_ok=True)
            image.save(partial, "JPEG", quality=80, optimize=True)
            partial.replace(target)  # atomic: a reader never sees half a file
    except OSError:
        log.warning("thumbnail of %s failed", source, exc_info=True)
        return None
    finally:
        partial.unlink(missing_ok=True)
    return target
