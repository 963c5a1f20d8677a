"""The files every engine writes: H.264 MP4, poster JPEG, animated WebP, PNG/WebP images, all labelled."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from generation.engines.base import JobCanceled
from generation.engines.outputs import write_clip, write_image

WIDTH, HEIGHT, FPS, COUNT = 256, 144, 16, 24
METADATA = {"ai_generated": True, "engine": "test-engine", "seed": 7}


def gradient_frames(count: int = COUNT, width: int = WIDTH, height: int = HEIGHT) -> Iterator[np.ndarray]:
    """Frames whose brightness encodes their index, so the poster's position can be read back."""
    xx = np.linspace(0, 60, width, dtype=np.float32)[None, :]
    for i in range(count):
        frame = np.full((height, width, 3), 20 + round(200 * i / max(1, count - 1)), np.uint8)
        frame[: height // 4, :, 0] = (xx * 3).astype(np.uint8)  # some texture for the encoder
        yield frame


@pytest.fixture
def clip(tmp_path: Path) -> dict[str, Path]:
    return write_clip(
        gradient_frames(), tmp_path, fps=FPS, width=WIDTH, height=HEIGHT, metadata=METADATA, frame_count=COUNT
    )


def test_write_clip_returns_the_three_files_in_out_dir(clip: dict[str, Path], tmp_path: Path) -> None:
    assert set(clip) == {"video", "poster", "animation"}
    assert clip["video"] == tmp_path / "video.mp4"
    assert all(path.is_file() and path.parent == tmp_path for path in clip.values())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["poster.jpg", "preview.webp", "video.mp4"]


def test_video_is_h264_yuv420p_with_the_frames_size_and_rate(clip: dict[str, Path]) -> None:
    with av.open(str(clip["video"])) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert stream.codec_context.pix_fmt == "yuv420p"
        assert (stream.width, stream.height) == (WIDTH, HEIGHT)
        assert stream.average_rate == FPS
        decoded = [frame.to_ndarray(format="rgb24") for frame in container.decode(video=0)]
    assert len(decoded) == COUNT
    # Lossy, but the last frame must still be much brighter than the first.
    assert decoded[-1].mean() > decoded[0].mean() + 100


def test_video_carries_ai_generated_label_and_engine_in_container_tags(clip: dict[str, Path]) -> None:
    with av.open(str(clip["video"])) as container:
        tags = container.metadata
    assert "ai_generated=true" in tags["comment"]
    assert "test-engine" in tags["comment"]
    description = json.loads(tags["description"])
    assert description["ai_generated"] is True and description["engine"] == "test-engine"


def test_video_is_faststart_so_browsers_can_stream_it(clip: dict[str, Path]) -> None:
    head = clip["video"].read_bytes()
    assert 0 <= head.find(b"moov") < head.find(b"mdat")


def test_poster_is_a_labelled_jpeg_from_about_sixty_percent(clip: dict[str, Path]) -> None:
    with Image.open(clip["poster"]) as poster:
        assert poster.format == "JPEG" and poster.size == (WIDTH, HEIGHT)
        assert b"AI-generated" in poster.info["comment"]
        assert "trainedAlgorithmicMedia" in str(poster.info["xmp"])
        assert "AI-generated" in poster.getexif()[0x010E]
        level = np.asarray(poster)[HEIGHT // 2 :, :, 1].mean()
    expected = 20 + 200 * round(0.6 * (COUNT - 1)) / (COUNT - 1)
    assert abs(level - expected) < 6


def test_poster_pick_without_frame_count_is_near_sixty_percent(tmp_path: Path) -> None:
    count = 70
    files = write_clip(gradient_frames(count), tmp_path, fps=FPS, width=WIDTH, height=HEIGHT, metadata=METADATA)
    with Image.open(files["poster"]) as poster:
        level = np.asarray(poster)[HEIGHT // 2 :, :, 1].mean()
    index = (level - 20) / 200 * (count - 1)
    assert abs(index - 0.6 * (count - 1)) <= 4


def test_animation_is_a_small_looping_animated_webp(clip: dict[str, Path]) -> None:
    with Image.open(clip["animation"]) as animation:
        assert animation.format == "WEBP"
        assert animation.is_animated
        assert animation.n_frames == COUNT // 2  # 16 fps sampled at 8 fps
        assert animation.info.get("loop") == 0
        assert animation.width <= 320
    assert clip["animation"].stat().st_size < 400_000


def test_full_size_clip_animation_is_320_wide_and_under_400_kb(tmp_path: Path) -> None:
    rng = np.random.default_rng(1)
    noisy = (rng.integers(0, 256, (480, 832, 3), dtype=np.uint8) for _ in range(80))
    files = write_clip(noisy, tmp_path, fps=16, width=832, height=480, metadata=METADATA, frame_count=80)
    with Image.open(files["animation"]) as animation:
        assert animation.size == (320, 185)
        assert animation.n_frames == 40
    assert files["animation"].stat().st_size < 400_000


def test_frames_may_reuse_one_buffer(tmp_path: Path) -> None:
    """Renderers may overwrite their frame buffer after yielding it; the video must still hold each frame."""
    buffer = np.zeros((HEIGHT, WIDTH, 3), np.uint8)

    def reused() -> Iterator[np.ndarray]:
        for i in range(COUNT):
            buffer[...] = 10 * i
            yield buffer

    files = write_clip(reused(), tmp_path, fps=FPS, width=WIDTH, height=HEIGHT, metadata=METADATA)
    with av.open(str(files["video"])) as container:
        levels = [frame.to_ndarray(format="rgb24").mean() for frame in container.decode(video=0)]
    assert np.allclose(levels, [10 * i for i in range(COUNT)], atol=3)


def test_progress_counts_encoded_frames(tmp_path: Path) -> None:
    seen: list[int] = []
    write_clip(
        gradient_frames(), tmp_path, fps=FPS, width=WIDTH, height=HEIGHT, metadata=METADATA, progress=seen.append
    )
    assert seen == list(range(1, COUNT + 1))


def test_failure_mid_stream_leaves_no_files_behind(tmp_path: Path) -> None:
    def canceled_after_five() -> Iterator[np.ndarray]:
        for i, frame in enumerate(gradient_frames()):
            if i == 5:
                raise JobCanceled()
            yield frame

    with pytest.raises(JobCanceled):
        write_clip(canceled_after_five(), tmp_path, fps=FPS, width=WIDTH, height=HEIGHT, metadata=METADATA)
    assert list(tmp_path.iterdir()) == []


def test_wrong_frame_shape_is_rejected(tmp_path: Path) -> None:
    bad = iter([np.zeros((HEIGHT, WIDTH + 2, 3), np.uint8)])
    with pytest.raises(ValueError, match="expected uint8"):
        write_clip(bad, tmp_path, fps=FPS, width=WIDTH, height=HEIGHT, metadata=METADATA)
    assert list(tmp_path.iterdir()) == []


def test_odd_sizes_are_cropped_to_even_for_yuv420p(tmp_path: Path) -> None:
    frames = (np.full((101, 151, 3), 128, np.uint8) for _ in range(4))
    files = write_clip(frames, tmp_path, fps=8, width=151, height=101, metadata=METADATA)
    with av.open(str(files["video"])) as container:
        stream = container.streams.video[0]
        assert (stream.width, stream.height) == (150, 100)


def test_write_image_writes_labelled_png_and_webp(tmp_path: Path) -> None:
    image = Image.new("RGB", (64, 48), (200, 30, 30))
    files = write_image(image, tmp_path, metadata=METADATA)
    assert set(files) == {"image", "webp"}
    with Image.open(files["image"]) as png:
        assert png.format == "PNG" and png.size == (64, 48)
        assert png.text["ai_generated"] == "true"
        assert png.text["engine"] == "test-engine"
        assert "trainedAlgorithmicMedia" in png.text["XML:com.adobe.xmp"]
    with Image.open(files["webp"]) as webp:
        assert webp.format == "WEBP" and webp.size == (64, 48)
        assert "trainedAlgorithmicMedia" in str(webp.info["xmp"])
