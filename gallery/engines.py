"""Engines of the gallery app: the collection film and the time-slice poster, run as jobs like any other."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.utils.translation import gettext

from generation import media_store
from generation.engines.base import CancelFn, EngineError, EngineResult, ProgressFn
from generation.engines.outputs import write_image
from generation.engines.preview.engine import SPORT_NAMES

from .film import ClipInfo, clip_frames, credits_seconds, expected_frames, probe_clip, render_film
from .timeslice import TimeSliceError, time_slice


def media_file(relative: str) -> Path | None:
    """A local copy of ``relative`` (fetched from object storage when needed), or None when it points outside
    MEDIA_ROOT (a spec is data, not a trusted path) or is nowhere to be found."""
    return media_store.local_path(str(relative))


def sport_name(value: str) -> str:
    """The translated name of a sport slug; anything else as given."""
    return gettext(SPORT_NAMES[value]) if value in SPORT_NAMES else value


MUSEUM_SIZE = (1920, 1080)


class FilmEngine:
    """Spec ``{"title", "clips": [{"path", "title", "creator", "country", "sport"}], "credits": [...], "museum"}``;
    with ``museum`` true, a 1920x1080 variant for the museum's screens is made too (``museum_video``, ...)."""

    name = "film"

    def generate(
        self, spec: dict[str, Any], *, out_dir: Path, progress: ProgressFn, cancelled: CancelFn
    ) -> EngineResult:
        clips = []
        for item in spec.get("clips") or []:
            title = str(item.get("title") or "")
            path = media_file(item.get("path") or "")
            if path is None:
                raise EngineError(
                    "clip_unreadable",
                    gettext("The clip “%(title)s” could not be read. Remove it from the collection and try again.")
                    % {"title": title},
                )
            clips.append(
                ClipInfo(
                    path=path,
                    title=title,
                    creator=str(item.get("creator") or ""),
                    country=str(item.get("country") or ""),
                    sport=sport_name(str(item.get("sport") or "")),
                )
            )
        title = str(spec.get("title") or gettext("Your Epic Vibe"))
        credits = [str(c) for c in spec.get("credits") or []]
        fps = int(spec.get("fps") or 16)
        metadata: dict[str, Any] = {
            "ai_generated": True,
            "engine": self.name,
            "model": "montage",
            "seed": 0,
            "steps": 0,
        }
        museum = bool(spec.get("museum"))
        # With the museum's 1080p variant the web version takes the first third of the bar (a sixth of the pixels).
        web_share = 0.3 if museum else 1.0

        def web_progress(fraction: float, stage: str) -> None:
            progress(web_share * fraction, stage)

        files = render_film(
            clips,
            out_dir,
            title=title,
            credits=credits,
            fps=fps,
            width=int(spec.get("width") or 832),
            height=int(spec.get("height") or 480),
            progress=web_progress,
            cancelled=cancelled,
            metadata={"clips": len(clips)},
        )
        if museum:

            def museum_progress(fraction: float, stage: str) -> None:
                progress(
                    web_share + (1 - web_share) * fraction, gettext("Museum version: %(stage)s") % {"stage": stage}
                )

            big = render_film(
                clips,
                Path(out_dir) / "museum",
                title=title,
                credits=credits,
                fps=fps,
                width=MUSEUM_SIZE[0],
                height=MUSEUM_SIZE[1],
                progress=museum_progress,
                cancelled=cancelled,
                metadata={"clips": len(clips), "variant": "museum-1080p"},
            )
            files.update({f"museum_{role}": path for role, path in big.items() if role != "animation"})
        # Probing reads only headers: cheap enough to do again for the metadata.
        frames = expected_frames(
            [clip_frames(probe_clip(c), fps) for c in clips], fps=fps, credits_s=credits_seconds(len(credits))
        )
        metadata.update(title=title, clips=len(clips), fps=fps, frames=frames, duration_s=frames / fps)
        return EngineResult(files=files, metadata=metadata)


class TimeSliceEngine:
    """Spec ``{"video": path under MEDIA_ROOT, "slices": 8}`` -> ``image.png`` + ``image.webp``."""

    name = "timeslice"

    def generate(
        self, spec: dict[str, Any], *, out_dir: Path, progress: ProgressFn, cancelled: CancelFn
    ) -> EngineResult:
        path = media_file(spec.get("video") or "")
        progress(0.0, gettext("Finding the motion"))
        slices = min(max(int(spec.get("slices") or 8), 2), 16)
        try:
            if path is None:
                raise TimeSliceError("outside media")
            image = time_slice(path, slices=slices)
        except TimeSliceError as exc:
            raise EngineError("clip_unreadable", gettext("This clip could not be read.")) from exc
        metadata = {"ai_generated": True, "engine": self.name, "model": "timeslice", "seed": 0, "steps": 0}
        metadata.update(slices=slices, width=image.width, height=image.height, source=str(spec.get("video")))
        files = write_image(image, Path(out_dir), metadata=metadata)
        progress(1.0, gettext("Done"))
        return EngineResult(files=files, metadata=metadata)
