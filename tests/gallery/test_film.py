"""The collection film: exact length, size, title card, crossfades, progress, cancel, unreadable clips, job."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import pytest

from gallery.engines import FilmEngine
from gallery.film import ClipInfo, clip_frames, credits_seconds, expected_frames, probe_clip, render_film
from generation import runner, services
from generation.engines.base import EngineError, JobCanceled
from generation.engines.preview import PreviewVideoEngine

W, H, FPS = 192, 112, 16
SPORTS = ("ski-jumping", "figure-skating", "alpine-skiing")


@pytest.fixture(scope="module")
def clip_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("film-clips")
    for sport in SPORTS:
        spec = {"sport": sport, "seed": 7, "width": W, "height": H, "duration_s": 1}
        PreviewVideoEngine().generate(spec, out_dir=root / sport, progress=lambda *a: None, cancelled=lambda: False)
    return root


def clips(root: Path) -> list[ClipInfo]:
    return [ClipInfo(root / s / "video.mp4", f"Clip {s}", "Aiko", "Japan", s) for s in SPORTS]


def decode(path: Path) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]


@pytest.fixture(scope="module")
def film(clip_dir, tmp_path_factory):
    out = tmp_path_factory.mktemp("film")
    seen: list[float] = []
    files = render_film(
        clips(clip_dir),
        out,
        title="Your Epic Vibe",
        credits=["Aiko (Japan)", "Luca (Italy)"],
        fps=FPS,
        width=W,
        height=H,
        progress=lambda p, s: seen.append(p),
        cancelled=lambda: False,
    )
    return files, decode(files["video"]), seen


def test_the_film_lasts_exactly_the_expected_frames(film, clip_dir):
    files, frames, _ = film
    lengths = [clip_frames(probe_clip(c), FPS) for c in clips(clip_dir)]
    assert lengths == [16, 16, 16]
    total = expected_frames(lengths, fps=FPS, credits_s=credits_seconds(2))
    # title 40 + clips 48 + credits 3.7 s rounded up to whole 8-frame beats (64), less four one-beat crossfades
    assert total == 40 + 48 + 64 - 4 * 8
    assert len(frames) == total
    assert frames[0].shape == (H, W, 3)
    assert files["poster"].exists() and files["animation"].exists()


def test_it_opens_on_a_title_card_not_on_the_first_clip(film, clip_dir):
    _, frames, _ = film
    first_clip = decode(clip_dir / SPORTS[0] / "video.mp4")[0]
    assert np.abs(frames[0].astype(int) - first_clip.astype(int)).mean() > 20


def test_crossfade_frames_blend_their_neighbours(clip_dir, tmp_path):
    # Two plain colour cards joined by a crossfade: every blended pixel lies between the two sides.
    from gallery.film import crossfaded

    a = [np.full((8, 8, 3), 20, np.uint8) for _ in range(10)]
    b = [np.full((8, 8, 3), 220, np.uint8) for _ in range(10)]
    out = list(crossfaded([a, b], [4]))
    assert len(out) == 16
    blended = [int(f[0, 0, 0]) for f in out[6:10]]
    assert all(20 < v < 220 for v in blended) and blended == sorted(blended)
    assert int(out[5][0, 0, 0]) == 20 and int(out[10][0, 0, 0]) == 220


def test_progress_is_monotonic_and_ends_at_one(film):
    _, frames, seen = film
    assert seen == sorted(seen) and seen[-1] == 1.0
    assert len(seen) >= len(frames)


def test_cancel_raises_and_leaves_no_video(clip_dir, tmp_path):
    calls = iter(range(10_000))
    with pytest.raises(JobCanceled):
        render_film(
            clips(clip_dir),
            tmp_path,
            title="T",
            credits=[],
            fps=FPS,
            width=W,
            height=H,
            progress=lambda *a: None,
            cancelled=lambda: next(calls) > 30,
        )
    assert not list(tmp_path.glob("*.mp4"))


def test_an_unreadable_clip_is_named_in_the_error(clip_dir, tmp_path):
    bad = tmp_path / "bad.mp4"
    bad.write_bytes(b"not a video at all")
    broken = [*clips(clip_dir)[:1], ClipInfo(bad, "Broken dreams", "X", "Y", "luge")]
    with pytest.raises(EngineError) as info:
        render_film(broken, tmp_path / "out", title="T", credits=[], progress=lambda *a: None, cancelled=lambda: False)
    assert info.value.code == "clip_unreadable" and "Broken dreams" in info.value.message
    missing = [ClipInfo(tmp_path / "nope.mp4", "Gone", "X", "Y")]
    with pytest.raises(EngineError):
        render_film(missing, tmp_path / "out", title="T", credits=[], progress=lambda *a: None, cancelled=lambda: False)


@pytest.fixture
def film_settings(settings, clip_dir):
    settings.WONDER_EXTRA_ENGINES = {**settings.WONDER_EXTRA_ENGINES, "film": "gallery.engines.FilmEngine"}
    settings.WONDER_ENGINES = {**settings.WONDER_ENGINES, "film": "film"}
    settings.WONDER_PROGRESS_INTERVAL_S = 0
    settings.MEDIA_ROOT = clip_dir
    return settings


def film_spec(*sports: str) -> dict:
    return {
        "title": "Your Epic Vibe",
        "width": W,
        "height": H,
        "clips": [
            {"path": f"{s}/video.mp4", "title": f"Clip {s}", "creator": "Aiko", "country": "Japan", "sport": s}
            for s in sports
        ],
        "credits": ["Aiko (Japan)"],
    }


def test_the_engine_reports_metadata(film_settings, tmp_path):
    result = FilmEngine().generate(
        film_spec(*SPORTS[:2]), out_dir=tmp_path, progress=lambda *a: None, cancelled=lambda: False
    )
    meta = result.metadata
    assert meta["ai_generated"] is True and meta["engine"] == "film" and meta["clips"] == 2
    assert len(decode(result.files["video"])) == meta["frames"]
    assert meta["duration_s"] == meta["frames"] / 16


def test_a_clip_outside_media_is_refused(film_settings, tmp_path):
    spec = film_spec(SPORTS[0])
    spec["clips"][0]["path"] = "../../etc/passwd"
    with pytest.raises(EngineError) as info:
        FilmEngine().generate(spec, out_dir=tmp_path, progress=lambda *a: None, cancelled=lambda: False)
    assert info.value.code == "clip_unreadable"


@pytest.mark.django_db
def test_a_film_job_runs_through_the_runner(film_settings, published, enqueued, django_capture_on_commit_callbacks):
    job = services.create_job(kind="film", spec=film_spec(SPORTS[0]), session_key="moderator")
    with django_capture_on_commit_callbacks(execute=True):
        assert runner.execute(job.pk, attempt=1, worker="test") == "succeeded"
    job.refresh_from_db()
    video = Path(film_settings.MEDIA_ROOT) / job.result["files"]["video"]
    assert len(decode(video)) == job.result["metadata"]["frames"]
    assert any(s["stage"].startswith("Editing frame") for s in published if s["id"] == str(job.pk))


@pytest.mark.django_db
def test_a_film_job_with_a_broken_clip_fails_with_its_name(film_settings, published, enqueued):
    spec = film_spec(SPORTS[0])
    spec["clips"][0]["path"] = "missing/video.mp4"
    job = services.create_job(kind="film", spec=spec, session_key="moderator")
    assert runner.execute(job.pk, attempt=1, worker="test") == "failed"
    job.refresh_from_db()
    assert job.error_code == "clip_unreadable" and "Clip ski-jumping" in job.error
