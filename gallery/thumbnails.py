"""Poster thumbnails for the gallery grid: made once from the job's poster, kept beside the media files."""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings

from generation.models import Job

log = logging.getLogger(__name__)
THUMB_WIDTH = 360


def poster_thumbnail(job: Job) -> Path | None:
    """The path of a small JPEG of the job's poster, made on first use; None when the job has no poster."""
    poster = ((job.result or {}).get("files") or {}).get("poster")
    if not poster:
        return None
    source = Path(settings.MEDIA_ROOT) / poster
    target = Path(settings.MEDIA_ROOT) / "thumbs" / f"{job.pk}.jpg"
    if target.is_file():
        return target
    if not source.is_file():
        return None
    from PIL import Image

    try:
        with Image.open(source) as image:
            image = image.convert("RGB")
            image.thumbnail((THUMB_WIDTH, THUMB_WIDTH))
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_suffix(".part")
            image.save(partial, "JPEG", quality=80, optimize=True)
            partial.replace(target)  # atomic: two requests at once never serve half a file
    except OSError:
        log.warning("thumbnail of %s failed", source, exc_info=True)
        return None
    return target
