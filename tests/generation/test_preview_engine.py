"""The preview engine: procedural clips for every sport and style, deterministic, labelled, cancelable."""

from __future__ import annotations

import json
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

from generation.engines.base import EngineResult, JobCanceled
from generation.engines.preview import PreviewVideoEngine
from generation.engines.preview.render import ClipRenderer
from generation.engines.preview.shot import Shot
from generation.engines.preview.sports import SPORTS
from generation.engines.preview.styles import STYLES

SMALL = {"width": 320, "height": 192, "fps": 8}


def generate(spec: dict, out_dir: Path, progress=None, cancelled=None) -> EngineResult:
    return PreviewVideoEngine().generate(
        spec,
        out_dir=out_dir,
        progress=progress or (lambda fraction, stage: None),
        cancelled=cancelled or (lambda: False),
    )


def decode(path: Path) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [frame.to_ndarray(format="rgb24") for frame in container.decode(video=0)]


def render(spec: dict, picks: list[int]) -> list[np.ndarray]:
    """Selected frames straight from the renderer (no encoding), for fast pixel comparisons."""
    shot = Shot.from_spec(spec)
    renderer = ClipRenderer(
        shot, preview_text="PREVIEW", ai_text="AI-generated", sport_text=shot.sport or "Winter scene"
    )
    out = {}
    for i, frame in enumerate(renderer.frames()):
        if i in picks:
            out[i] = frame
        if i >= max(picks):
            break
    return [out[i] for i in picks]


@pytest.fixture(scope="module")
def default_clip(tmp_path_factory) -> EngineResult:
    """The contest default: 5 s, 832x480, 16 fps, nothing but a prompt."""
    out = tmp_path_factory.mktemp("default")
    return generate({"prompt": "A grandma in a red scarf skiing down the mountain", "seed": 11}, out)


def test_default_clip_has_80_frames_of_832x480_at_16_fps(default_clip: EngineResult) -> None:
    with av.open(str(default_clip.files["video"])) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert (stream.width, stream.height) == (832, 480)
        assert stream.average_rate == 16
    assert len(decode(default_clip.files["video"])) == 80


def test_result_files_and_metadata_label_the_clip_as_ai_generated_preview(default_clip: EngineResult) -> None:
    assert set(default_clip.files) == {"video", "poster", "animation"}
    assert all(path.is_file() for path in default_clip.files.values())
    meta = default_clip.metadata
    assert meta["ai_generated"] is True and meta["engine"] == "preview" and meta["preview"] is True
    assert meta["seed"] == 11
    # The prompt names no sport: the engine renders the fan's scene, never a guessed sport.
    assert meta["sport"] is None and meta["style"] == "cinematic"
    assert (meta["fps"], meta["frames"], meta["width"], meta["height"]) == (16, 80, 832, 480)
    with av.open(str(default_clip.files["video"])) as container:
        assert json.loads(container.metadata["description"])["engine"] == "preview"
    with Image.open(default_clip.files["animation"]) as animation:
        assert animation.is_animated


def test_every_frame_shows_the_ai_label_in_the_bottom_right_corner(tmp_path: Path) -> None:
    spec = {"sport": "ice-hockey", "seed": 2, **SMALL, "duration_s": 1}
    labelled = render(spec, [0, 4, 7])
    shot = Shot.from_spec(spec)
    renderer = ClipRenderer(shot, preview_text="PREVIEW", ai_text="AI-generated", sport_text="x")
    x0, y0, x1, y1 = renderer.overlay.ai_box
    for frame in labelled:
        box = frame[y0:y1, x0:x1].astype(int)
        # White text on a dark pill: both very bright and very dark pixels inside the label box.
        assert (box.min(axis=2) > 200).mean() > 0.04
        assert (box.max(axis=2) < 110).mean() > 0.2


def test_same_seed_gives_identical_decoded_frames(tmp_path: Path) -> None:
    spec = {"sport": "figure-skating", "style": "watercolor", "seed": 5, "duration_s": 1, **SMALL}
    a = decode(generate(spec, tmp_path / "a").files["video"])
    b = decode(generate(spec, tmp_path / "b").files["video"])
    assert len(a) == len(b) == 8
    assert all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))


def test_different_seeds_give_variations() -> None:
    spec = {"sport": "alpine-skiing", "duration_s": 1, **SMALL}
    a = render({**spec, "seed": 1}, [6])[0].astype(int)
    b = render({**spec, "seed": 2}, [6])[0].astype(int)
    assert np.abs(a - b).mean() > 3


def test_sports_differ_substantially_from_each_other() -> None:
    frames = {s: render({"sport": s, "seed": 3, "duration_s": 2, **SMALL}, [10])[0].astype(np.int16) for s in SPORTS}
    names = list(frames)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            diff = np.abs(frames[a] - frames[b]).mean()
            assert diff > 4, f"{a} and {b} look alike (mean abs diff {diff:.1f})"


@pytest.mark.parametrize("style", STYLES)
def test_every_sport_renders_in_every_style(style: str) -> None:
    for sport in SPORTS:
        (frame,) = render(
            {"sport": sport, "style": style, "seed": 1, "duration_s": 0.5, "width": 192, "height": 112, "fps": 8}, [3]
        )
        assert frame.shape == (112, 192, 3) and frame.dtype == np.uint8
        assert frame.std() > 5, f"{sport}/{style} is a flat image"


def test_styles_change_the_look_clearly() -> None:
    base = {"sport": "snowboard", "seed": 4, "duration_s": 1, **SMALL}
    cinematic = render({**base, "style": "cinematic"}, [5])[0].astype(int)
    for style in STYLES[1:]:
        other = render({**base, "style": style}, [5])[0].astype(int)
        assert np.abs(cinematic - other).mean() > 8, style
    ink = render({**base, "style": "ink-wash"}, [5])[0].astype(int)
    # Ink wash is monochrome: the channels barely differ.
    assert np.abs(ink[..., 0] - ink[..., 2]).mean() < 25


def test_progress_is_monotonic_and_ends_at_one(tmp_path: Path) -> None:
    seen: list[tuple[float, str]] = []
    generate({"sport": "curling", "duration_s": 1, **SMALL}, tmp_path, progress=lambda f, s: seen.append((f, s)))
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions)
    assert fractions[-1] == pytest.approx(1.0)
    assert any("8/8" in stage for _, stage in seen)


def test_cancel_mid_render_raises_and_leaves_no_video(tmp_path: Path) -> None:
    calls = {"n": 0}

    def cancelled() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(JobCanceled):
        generate({"sport": "luge", "duration_s": 2, **SMALL}, tmp_path, cancelled=cancelled)
    assert calls["n"] == 4  # stopped at the first check that said so
    assert not (tmp_path / "video.mp4").exists()
    assert list(tmp_path.iterdir()) == []


def test_avatar_image_is_composited_as_the_face(tmp_path: Path) -> None:
    avatar = tmp_path / "me.png"
    Image.new("RGB", (64, 64), (255, 0, 255)).save(avatar)  # a magenta face nobody else has
    spec = {
        "sport": "cross-country-skiing",
        "seed": 1,
        "duration_s": 1,
        "camera": "close-up",
        "width": 416,
        "height": 240,
        "fps": 8,
    }
    with_face = render({**spec, "avatar_image": str(avatar)}, [4])[0].astype(int)
    without = render(spec, [4])[0].astype(int)

    def magenta(img):
        return ((img[..., 0] > 170) & (img[..., 1] < 90) & (img[..., 2] > 170)).sum()

    assert magenta(with_face) > 60
    assert magenta(without) == 0


def test_subject_changes_the_figure() -> None:
    spec = {"sport": "figure-skating", "seed": 1, "duration_s": 1, **SMALL}
    human = render({**spec, "subject": "a skater"}, [4])[0].astype(int)
    panda = render({**spec, "subject": "a panda"}, [4])[0].astype(int)
    robot = render({**spec, "subject": "a robot"}, [4])[0].astype(int)
    assert np.abs(human - panda).mean() > 0.3
    assert np.abs(panda - robot).mean() > 0.3


def test_unknown_values_fall_back_to_defaults() -> None:
    shot = Shot.from_spec({"sport": "quidditch", "style": "baroque", "camera": "wobble", "emotion": "hangry"})
    # An unknown sport is no sport (a sport-less scene), not a silent alpine skiing.
    assert (shot.sport, shot.style, shot.camera) == (None, "cinematic", "tracking")
    assert (shot.width, shot.height, shot.fps, shot.frames) == (832, 480, 16, 80)
    (frame,) = render({"emotion": "hangry", "duration_s": 0.5, **SMALL}, [1])
    assert frame.shape == (192, 320, 3)
