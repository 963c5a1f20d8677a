"""Clean masters: every video engine keeps its unlabelled frames privately; the public files are always labelled."""

from __future__ import annotations

from pathlib import Path

import av
import numpy as np
import pytest

from generation import masters, media_store
from generation.engines.diagnostic import DiagnosticEngine
from generation.engines.outputs import ai_label
from generation.engines.preview import PreviewVideoEngine
from generation.engines.preview.overlay import Overlay
from generation.engines.wan import WanVideoEngine
from tests.generation.tiny_models import TINY_WAN_SIZE, build_tiny_wan

SMALL = {"width": 320, "height": 192, "fps": 8, "duration_s": 1}


def decode(path: Path) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [frame.to_ndarray(format="rgb24") for frame in container.decode(video=0)]


def no_progress(*args) -> None:
    return None


def label_box_is_label(box: np.ndarray) -> bool:
    """White text on a dark pill: both very bright and very dark pixels in the box."""
    box = box.astype(int)
    return (box.min(axis=2) > 200).mean() > 0.04 and (box.max(axis=2) < 110).mean() > 0.2


@pytest.fixture
def media(settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.WONDER_MASTERS_ROOT = tmp_path / "masters"
    return Path(settings.MEDIA_ROOT)


def test_preview_master_is_outside_media_root_and_out_dir_holds_only_labelled_files(media: Path) -> None:
    out = media / "jobs" / "abc" / "r1"
    result = PreviewVideoEngine().generate(
        {"sport": "ice-hockey", "seed": 2, **SMALL}, out_dir=out, progress=no_progress, cancelled=lambda: False
    )

    master = masters.master_for_video("jobs/abc/r1/video.mp4")
    assert master is not None and master.is_file()
    assert Path(media) not in master.parents
    # Nothing that publish() would upload, or the media URL serve, is unlabelled.
    assert sorted(p.name for p in out.iterdir()) == ["poster.jpg", "preview.webp", "video.mp4"]
    assert master == masters.path_for(out)
    assert set(result.files) == {"video", "poster", "animation"}


def test_preview_public_frames_carry_the_label_and_the_master_frames_do_not(media: Path) -> None:
    out = media / "jobs" / "abc" / "r2"
    PreviewVideoEngine().generate(
        {"sport": "ice-hockey", "seed": 2, **SMALL}, out_dir=out, progress=no_progress, cancelled=lambda: False
    )
    public = decode(out / "video.mp4")
    clean = decode(masters.path_for(out))
    assert len(public) == len(clean) == 8
    overlay = Overlay(320, 192, preview_text="PREVIEW", ai_text="AI-generated", sport_text="x", caption=None)
    x0, y0, x1, y1 = overlay.ai_box
    for labelled, master in zip(public, clean, strict=True):
        assert label_box_is_label(labelled[y0:y1, x0:x1])
        assert not label_box_is_label(master[y0:y1, x0:x1])
    # Away from the marks, the two are the same picture (up to the encoder).
    middle = (slice(60, 130), slice(100, 220))
    assert np.abs(public[4][middle].astype(int) - clean[4][middle].astype(int)).mean() < 4


def test_preview_without_masters_root_override_still_never_writes_master_into_out_dir(tmp_path: Path) -> None:
    out = tmp_path / "bench" / "clip"
    PreviewVideoEngine().generate(
        {"sport": "curling", "seed": 1, **SMALL}, out_dir=out, progress=no_progress, cancelled=lambda: False
    )
    assert sorted(p.name for p in out.iterdir()) == ["poster.jpg", "preview.webp", "video.mp4"]
    assert masters.master_for_video(out / "video.mp4") == masters.path_for(out)


def test_diagnostic_video_has_a_clean_master_and_a_labelled_public_clip(media: Path) -> None:
    out = media / "jobs" / "d" / "r"
    result = DiagnosticEngine().generate({"video": True}, out_dir=out, progress=no_progress, cancelled=lambda: False)
    public = decode(result.files["video"])
    clean = decode(masters.path_for(out))
    mark = ai_label(320, 180, "AI-generated")
    h, w = mark.rgb.shape[:2]
    corner = (slice(mark.y, mark.y + h), slice(mark.x, mark.x + w))
    assert label_box_is_label(public[0][corner])
    assert not label_box_is_label(clean[0][corner])
    assert result.metadata["ai_generated"] is True


def test_cancel_mid_render_leaves_no_master(media: Path) -> None:
    out = media / "jobs" / "c" / "r"
    calls = iter(range(100))
    from generation.engines.base import JobCanceled

    with pytest.raises(JobCanceled):
        PreviewVideoEngine().generate(
            {"sport": "luge", "seed": 1, **SMALL}, out_dir=out, progress=no_progress, cancelled=lambda: next(calls) > 3
        )
    assert not masters.path_for(out).exists()
    assert not any(masters.path_for(out).parent.glob("*.mp4"))


def test_deleting_a_jobs_media_deletes_its_masters(media: Path) -> None:
    out = media / "jobs" / "gone" / "r"
    PreviewVideoEngine().generate(
        {"sport": "luge", "seed": 1, **SMALL}, out_dir=out, progress=no_progress, cancelled=lambda: False
    )
    assert masters.path_for(out).is_file()
    media_store.delete_tree("jobs/gone")
    assert not masters.path_for(out).exists()
    assert not out.exists()


def test_master_lookup_refuses_paths_that_climb_out(media: Path) -> None:
    assert masters.master_for_video("jobs/../../etc/video.mp4") is None


@pytest.mark.ml
def test_wan_public_frames_are_labelled_and_its_master_is_clean(settings, media: Path, tmp_path: Path) -> None:
    from generation.engines import pipelines

    pipelines.clear_cache()
    settings.WONDER_WAN_MODEL = str(build_tiny_wan(tmp_path / "model"))
    settings.WONDER_WAN_LORA = ""
    settings.WONDER_DEVICE = "cpu"
    settings.WONDER_MODELS_ALLOW_DOWNLOAD = False
    out = media / "jobs" / "w" / "r"
    try:
        WanVideoEngine().generate(
            {"prompt_en": "a luger", "seed": 7, "steps": 2, **TINY_WAN_SIZE},
            out_dir=out,
            progress=no_progress,
            cancelled=lambda: False,
        )
    finally:
        pipelines.clear_cache()
    public, clean = decode(out / "video.mp4"), decode(masters.path_for(out))
    assert len(public) == len(clean) == 9
    # The label's dark pill sits over the bottom rows of the public frames only.
    bottom = (slice(48, 62), slice(0, 64))
    differs = [np.abs(p[bottom].astype(int) - c[bottom].astype(int)).mean() for p, c in zip(public, clean, strict=True)]
    assert min(differs) > 10
    top = (slice(0, 30), slice(0, 64))
    assert np.abs(public[0][top].astype(int) - clean[0][top].astype(int)).mean() < 6


def test_a_masters_bucket_gets_the_master_serves_it_to_another_machine_and_loses_it_with_the_job(
    settings, media: Path, tmp_path: Path
) -> None:
    # A private masters storage apart from this machine's masters folder: what a GPU worker writes there, a CPU
    # worker without the local copy fetches, and deleting the job's media deletes it there too.
    bucket = tmp_path / "bucket"
    settings.STORAGES = {
        **settings.STORAGES,
        "masters": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(bucket)}},
    }
    out = media / "jobs" / "far" / "r"
    DiagnosticEngine().generate({"video": True}, out_dir=out, progress=no_progress, cancelled=lambda: False)
    stored = bucket / "jobs" / "far" / "r" / masters.MASTER_NAME
    assert stored.is_file()
    local = masters.path_for(out)
    local.unlink()
    fetched = masters.master_for_video("jobs/far/r/video.mp4")
    assert fetched == local and fetched.read_bytes() == stored.read_bytes()
    media_store.delete_tree("jobs/far")
    assert not stored.exists() and not local.exists()


def test_a_write_failing_on_a_full_disk_closes_the_master_at_once_and_quietly(media: Path, monkeypatch) -> None:
    # The public video's writer hit a full disk while the master's writer, a generator suspended mid-clip, was
    # left for the garbage collector: closing it then failed too, and Python printed "Exception ignored in
    # generator _labelled" long after the job had failed (seen in the disk-full test's log).
    import errno
    import gc
    import sys

    from generation.engines import outputs

    def full(*args) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    closing = outputs._Mp4Writer.close

    def close(self, flush: bool) -> None:
        closing(self, flush)
        if not flush:
            full()  # the trailer of a partial file on the same full disk

    ignored = []
    monkeypatch.setattr(sys, "unraisablehook", ignored.append)
    monkeypatch.setattr(outputs._Mp4Writer, "close", close)
    frames = (np.full((64, 96, 3), 120, np.uint8) for _ in range(20))
    out = media / "clip"
    with pytest.raises(OSError) as failed:
        outputs.write_clip(
            frames, out, fps=8, width=96, height=64, metadata={"engine": "test"}, progress=full, label=lambda f, i: f
        )
    assert failed.value.errno == errno.ENOSPC
    del failed
    gc.collect()
    assert ignored == []
    assert not list(out.glob("*")) and not list(masters.path_for(out).parent.glob("*.partial*"))
