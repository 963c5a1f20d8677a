"""Poster thumbnails: made once, atomically, even when many first requests for one poster arrive together."""

from __future__ import annotations

import threading
import uuid
from pathlib import Path

from PIL import Image

from gallery.thumbnails import THUMB_WIDTH, poster_thumbnail
from generation.models import Job


def test_simultaneous_first_requests_all_get_a_whole_thumbnail(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    job = Job(pk=uuid.uuid4(), result={"files": {"poster": "jobs/p/poster.jpg"}})
    poster = Path(settings.MEDIA_ROOT) / "jobs/p/poster.jpg"
    poster.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (1664, 960), (30, 90, 160)).save(poster, "JPEG", quality=95)

    start = threading.Barrier(8)
    results: list[Path | None] = []

    def request() -> None:
        start.wait()
        results.append(poster_thumbnail(job))

    threads = [threading.Thread(target=request) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    target = Path(settings.MEDIA_ROOT) / "thumbs" / f"{job.pk}.jpg"
    assert results == [target] * 8
    with Image.open(target) as thumb:
        thumb.load()  # a truncated or interleaved file fails here
        assert thumb.size[0] == THUMB_WIDTH and abs(thumb.size[1] - THUMB_WIDTH * 960 / 1664) < 1
    assert list(target.parent.iterdir()) == [target]  # no temporary files left behind
