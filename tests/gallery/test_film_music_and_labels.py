"""The film people want to watch: labels once, captions clear of the label, cuts on the music's beats, an AAC
soundtrack that fades out, chapters per sport, and a 1080p variant for the museum."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import pytest

from gallery.engines import FilmEngine
from gallery.film import (
    BEAT_S,
    ClipInfo,
    ClipSegment,
    ai_mark,
    cut_times,
    overlaps,
    probe_clip,
    render_film,
    segment_lengths,
)
from gallery.soundtrack import SAMPLE_RATE, music_bed
from generation.engines.preview import PreviewVideoEngine
from generation.engines.preview.overlay import Overlay

W, H, FPS = 256, 144, 16
SPORTS = ("ski-jumping", "ski-jumping", "curling")
PREVIEW_RED = np.array([214, 40, 48])


@pytest.fixture(scope="module")
def clip_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("clips")
    for i, sport in enumerate(dict.fromkeys(SPORTS)):
        spec = {"sport": sport, "seed": 3 + i, "width": W, "height": H, "duration_s": 1.5}
        PreviewVideoEngine().generate(spec, out_dir=root / sport, progress=lambda *a: None, cancelled=lambda: False)
    return root


def clips(root: Path) -> list[ClipInfo]:
    return [ClipInfo(root / s / "video.mp4", f"Clip {k}", "Aiko", "Japan", s) for k, s in enumerate(SPORTS)]


@pytest.fixture(scope="module")
def film(clip_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("film")
    files = render_film(
        clips(clip_dir),
        out,
        title="Your Epic Vibe",
        credits=["Clip 0 — Aiko (Japan)"],
        fps=FPS,
        width=W,
        height=H,
        progress=lambda *a: None,
        cancelled=lambda: False,
    )
    return files


def red_pill_pixels(frame: np.ndarray) -> int:
    """Red pixels where the preview engine burns its "PREVIEW" pill (the clip and the film share the size)."""
    overlay = Overlay(W, H, preview_text="PREVIEW", ai_text="AI-generated", sport_text="x", caption=None)
    pill = overlay.preview
    h, w = pill.rgb.shape[:2]
    box = frame[pill.y : pill.y + h, pill.x : pill.x + w].astype(int)
    return int((np.abs(box - PREVIEW_RED).max(axis=2) < 45).sum())


def test_clip_frames_come_from_the_clean_master_so_the_clips_marks_never_show(film, clip_dir):
    with av.open(str(clip_dir / "curling" / "video.mp4")) as container:
        public = [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]
    assert red_pill_pixels(public[5]) > 12  # the public clip says PREVIEW in red
    with av.open(str(film["video"])) as container:
        frames = [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]
    # No film frame carries the clip's red PREVIEW pill (the film says "preview" once, in its own caption).
    assert max(red_pill_pixels(f) for f in frames) <= 2


def test_the_caption_never_runs_under_the_films_label(clip_dir):
    clip = ClipInfo(clip_dir / "curling" / "video.mp4", "A very long title " * 8, "Somebody " * 6, "Japan", "curling")
    mark = ai_mark(W, H)
    h, w = mark.rgb.shape[:2]
    box = (mark.x, mark.y, mark.x + w, mark.y + h)
    segment = ClipSegment(clip, probe_clip(clip), W, H, FPS, 16, keep_clear=box, chapter="Chapter 1 · Curling")
    x0, y0, x1, y1 = segment.caption_box()
    assert x1 < box[0] or y1 < box[1] or y0 > box[3]
    assert x0 >= 0 and y0 >= 0 and y1 <= H


def test_every_cut_lands_on_a_beat():
    lengths = segment_lengths([37, 80, 23, 50], fps=FPS, title_s=2.5, credits_s=4.1)
    joins = overlaps(lengths, fps=FPS, crossfade_s=0.5)
    for t in cut_times(lengths, joins, FPS):
        assert (t / BEAT_S) == pytest.approx(round(t / BEAT_S))


def test_the_music_marks_each_cut_and_nothing_else_changes():
    plain = music_bed(6.0, tempo=120, cuts_s=[])
    marked = music_bed(6.0, tempo=120, cuts_s=[3.0])
    diff = np.abs(marked - plain).max(axis=1)
    t = np.arange(len(diff)) / SAMPLE_RATE
    assert diff[(t > 2.4) & (t < 3.5)].max() > 0.02
    assert diff[t < 2.4].max() == 0 and diff[t > 4.3].max() == 0


def test_the_film_has_an_aac_soundtrack_as_long_as_the_picture_that_fades_out(film):
    with av.open(str(film["video"])) as container:
        assert "ai_generated=true" in container.metadata["comment"]
        streams = {s.type: s for s in container.streams if s.type in ("audio", "video")}
        assert streams["audio"].codec_context.name == "aac" and streams["audio"].channels == 2
        video_s = float(streams["video"].duration * streams["video"].time_base)
        samples = np.concatenate([f.to_ndarray() for f in container.decode(audio=0)], axis=1)
    assert abs(samples.shape[1] / SAMPLE_RATE - video_s) < 0.1
    rms = lambda a: float(np.sqrt(np.mean(a**2)))  # noqa: E731
    middle = samples[:, len(samples[0]) // 3 : len(samples[0]) // 3 + SAMPLE_RATE]
    assert rms(middle) > 0.01
    assert rms(samples[:, -SAMPLE_RATE // 5 :]) < rms(middle) / 10


def test_chapters_per_run_of_one_sport(film):
    with av.open(str(film["video"])) as container:
        titles = [c["metadata"].get("title") for c in container.chapters()]
    # The opening, ski jumping (two clips), curling, the credits.
    assert titles == ["Your Epic Vibe", "ski-jumping", "curling", "Credits"]
    vtt = film["chapters"].read_text()
    assert vtt.startswith("WEBVTT") and vtt.count(" --> ") == 4


def test_the_engine_makes_a_1080p_museum_variant(settings, clip_dir, tmp_path):
    settings.MEDIA_ROOT = clip_dir
    seen: list[float] = []
    spec = {
        "title": "Winners",
        "clips": [{"path": "curling/video.mp4", "title": "Stone", "creator": "Aiko", "country": "Japan"}],
        "credits": ["Stone — Aiko (Japan)"],
        "width": W,
        "height": H,
        "museum": True,
    }
    result = FilmEngine().generate(
        spec, out_dir=tmp_path, progress=lambda p, s: seen.append(p), cancelled=lambda: False
    )
    with av.open(str(result.files["museum_video"])) as container:
        stream = container.streams.video[0]
        assert (stream.width, stream.height) == (1920, 1080)
        assert any(s.type == "audio" for s in container.streams)
    with av.open(str(result.files["video"])) as container:
        assert (container.streams.video[0].width, container.streams.video[0].height) == (W, H)
    assert seen == sorted(seen) and seen[-1] == 1.0
