"""The time-slice poster: a known moving square on a textured background, a preview clip, and the engine."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from gallery.engines import TimeSliceEngine
from gallery.timeslice import time_slice
from generation import runner, services
from generation.engines.base import EngineError
from generation.engines.outputs import write_clip
from generation.engines.preview import PreviewVideoEngine

W, H, SIDE, ROW = 192, 112, 14, 50


def background() -> np.ndarray:
    # Smooth texture: survives H.264 without turning into noise that would look like motion.
    y, x = np.mgrid[0:H, 0:W]
    tex = 110 + 40 * np.sin(x / 9.0) * np.cos(y / 7.0)
    return np.stack([tex, tex * 0.9 + 20, 200 - tex * 0.5], axis=-1).clip(0, 255).astype(np.uint8)


@pytest.fixture(scope="module")
def square_clip(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("square")
    bg = background()

    def frames():
        for i in range(40):
            frame = bg.copy()
            x = 8 + i * 4
            frame[ROW : ROW + SIDE, x : x + SIDE] = (230, 30, 30)
            yield frame

    write_clip(frames(), out, fps=16, width=W, height=H, metadata={"engine": "test"}, frame_count=40)
    return out / "video.mp4"


def test_the_square_appears_at_several_places_on_a_clean_background(square_clip):
    # Without the light trail, which by design joins the copies along the path (tested below).
    image = np.asarray(time_slice(square_clip, slices=6, trail=False))
    assert image.shape == (H, W, 3)
    diff = np.abs(image.astype(int) - background().astype(int)).max(axis=2)
    band = (diff[ROW - 4 : ROW + SIDE + 4] > 15).astype(np.uint8)  # the oldest instance is faint by design
    count, _, stats, _ = cv2.connectedComponentsWithStats(band)
    instances = [s for s in stats[1:] if s[cv2.CC_STAT_AREA] > SIDE * SIDE // 3]
    assert len(instances) >= 6
    # Away from the path (and the AI label in the corner) the background is the original one.
    assert np.median(diff[: ROW - 8]) < 8 and np.percentile(diff[: ROW - 8], 99) < 40
    # Between two instances the background is clean too: no ghost trail.
    xs = sorted(int(s[cv2.CC_STAT_LEFT]) for s in instances)
    gap = (xs[0] + SIDE + 3, xs[1] - 3)
    assert gap[1] > gap[0] and np.percentile(diff[ROW : ROW + SIDE, gap[0] : gap[1]], 95) < 40


def test_a_light_trail_runs_between_the_copies_along_the_path(square_clip):
    plain = np.asarray(time_slice(square_clip, slices=6, trail=False)).astype(int)
    lit = np.asarray(time_slice(square_clip, slices=6)).astype(int)
    centre = ROW + SIDE // 2
    brighter = (lit[centre] - plain[centre]).sum(axis=1)
    # Along the path, between the first and the last copy, the trail brightens the picture...
    assert (brighter[20 : W - 30] > 30).mean() > 0.8
    # ...and nowhere far from the path.
    assert np.abs(lit[: ROW - 12] - plain[: ROW - 12]).max() < 3


def test_newest_instance_is_solid_and_the_oldest_faded(square_clip):
    image = np.asarray(time_slice(square_clip, slices=4)).astype(int)
    redness = image[ROW + SIDE // 2, :, 0] - image[ROW + SIDE // 2, :, 1]
    assert redness[-30:].max() > 150  # the last square, at full strength
    assert 10 < redness[:30].max() < 150  # the first square, faded


@pytest.fixture(scope="module")
def preview_clip(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("preview")
    spec = {"sport": "figure-skating", "camera": "static", "seed": 3, "width": 256, "height": 144, "duration_s": 2}
    PreviewVideoEngine().generate(spec, out_dir=out, progress=lambda *a: None, cancelled=lambda: False)
    return out


def test_a_preview_clip_gives_an_image_of_the_asked_size(preview_clip):
    image = time_slice(preview_clip / "video.mp4", out_size=(200, 120))
    assert isinstance(image, Image.Image) and image.size == (200, 120)


@pytest.fixture
def slice_settings(settings, preview_clip):
    settings.WONDER_EXTRA_ENGINES = {**settings.WONDER_EXTRA_ENGINES, "timeslice": "gallery.engines.TimeSliceEngine"}
    settings.WONDER_ENGINES = {**settings.WONDER_ENGINES, "timeslice": "timeslice"}
    settings.WONDER_PROGRESS_INTERVAL_S = 0
    settings.MEDIA_ROOT = preview_clip.parent
    return settings


def test_the_engine_writes_labelled_images(slice_settings, preview_clip, tmp_path):
    spec = {"video": f"{preview_clip.name}/video.mp4"}
    result = TimeSliceEngine().generate(spec, out_dir=tmp_path, progress=lambda *a: None, cancelled=lambda: False)
    assert result.metadata["ai_generated"] is True and result.metadata["engine"] == "timeslice"
    with Image.open(result.files["image"]) as png:
        assert png.info["ai_generated"] == "true"
    with pytest.raises(EngineError):
        TimeSliceEngine().generate(
            {"video": "nope.mp4"}, out_dir=tmp_path, progress=lambda *a: None, cancelled=lambda: False
        )


@pytest.mark.django_db
def test_a_timeslice_job_runs_through_the_runner(slice_settings, preview_clip, published, enqueued):
    job = services.create_job(kind="timeslice", spec={"video": f"{preview_clip.name}/video.mp4"}, session_key="v")
    assert runner.execute(job.pk, attempt=1, worker="test") == "succeeded"
    job.refresh_from_db()
    assert (Path(slice_settings.MEDIA_ROOT) / job.result["files"]["image"]).exists()


# --- Real clips: every sport, the clean master, a tiny Wan clip ------------------------------------------------


@pytest.fixture(scope="module")
def sport_clips(tmp_path_factory) -> dict[str, Path]:
    from generation.engines.preview.engine import SPORT_NAMES

    root = tmp_path_factory.mktemp("sports")
    clips = {}
    for i, sport in enumerate(sorted(SPORT_NAMES)):
        spec = {"sport": sport, "seed": i, "width": 256, "height": 144, "duration_s": 1.5}
        PreviewVideoEngine().generate(spec, out_dir=root / sport, progress=lambda *a: None, cancelled=lambda: False)
        clips[sport] = root / sport / "video.mp4"
    return clips


def test_every_sport_gives_a_slice_with_the_figure_in_it(sport_clips):
    from gallery.timeslice import make_slice

    for sport, clip in sport_clips.items():
        made = make_slice(clip, slices=6)
        assert made.from_master, sport
        assert made.poses >= 1 and made.figures >= 1, sport
        assert made.image.width >= 256 and made.image.height >= 100, sport


def test_the_slice_is_made_from_the_clean_master_so_no_mark_is_ghosted(sport_clips, tmp_path):
    import shutil

    from gallery.timeslice import make_slice
    from generation import masters

    clip = sport_clips["cross-country-skiing"]
    made = make_slice(clip, slices=6)
    # The same master beside a different public file (another clip, with its own burnt-in marks): the public
    # file's pixels never enter the slice, so the picture is the same.
    twin = tmp_path / "twin" / "video.mp4"
    twin.parent.mkdir()
    shutil.copy(sport_clips["curling"], twin)
    masters.path_for(twin.parent).parent.mkdir(parents=True)
    shutil.copy(masters.master_for_video(clip), masters.path_for(twin.parent))
    again = make_slice(twin, slices=6)
    assert np.array_equal(np.asarray(made.image), np.asarray(again.image))


@pytest.mark.ml
def test_a_tiny_wan_clip_gives_a_picture_without_crashing(settings, tmp_path):
    from generation.engines import pipelines
    from generation.engines.wan import WanVideoEngine
    from tests.generation.tiny_models import TINY_WAN_SIZE, build_tiny_wan

    pipelines.clear_cache()
    settings.WONDER_WAN_MODEL = str(build_tiny_wan(tmp_path / "model"))
    settings.WONDER_WAN_LORA = ""
    settings.WONDER_DEVICE = "cpu"
    settings.WONDER_MODELS_ALLOW_DOWNLOAD = False
    try:
        result = WanVideoEngine().generate(
            {"prompt_en": "a skier", "seed": 1, "steps": 2, **TINY_WAN_SIZE},
            out_dir=tmp_path / "clip",
            progress=lambda *a: None,
            cancelled=lambda: False,
        )
    finally:
        pipelines.clear_cache()
    image = time_slice(result.files["video"], slices=6)
    assert isinstance(image, Image.Image) and image.width >= 32 and image.height >= 32


@pytest.mark.parametrize("sport", ["cross-country-skiing", "ice-hockey"])
def test_the_registration_follows_a_tracking_shot_as_far_as_the_camera_truly_panned(sport, tmp_path):
    # The athlete stays in the middle of a tracking shot while the scenery streams past: registering on the
    # athlete, or on scenery that moved at its own depth's speed, put every pose on the same spot.
    from gallery.timeslice import camera_path, read_frames
    from generation import masters
    from generation.engines.preview.render import ClipRenderer
    from generation.engines.preview.shot import Shot

    spec = {"sport": sport, "seed": 3, "width": 416, "height": 240, "duration_s": 3, "fps": 16}
    PreviewVideoEngine().generate(spec, out_dir=tmp_path, progress=lambda *a: None, cancelled=lambda: False)
    frames = read_frames(masters.master_for_video(tmp_path / "video.mp4"))
    views = ClipRenderer(Shot.from_spec(spec), preview_text="P", ai_text="AI", sport_text="s").views
    assert len(frames) == len(views)
    # How far the ground under the athlete truly moved on screen, from the renderer's own camera.
    truth = -np.sum([v.velocity for v in views], axis=0)
    point = np.array([208.0, 132.0, 1.0])
    last = camera_path(frames)[-1] @ point
    recovered = last[:2] / last[2] - point[:2]
    assert np.hypot(*truth) > 150
    assert 0.8 < recovered @ truth / (truth @ truth) < 1.2


def test_the_registration_pans_with_sparse_scenery_past_a_sharp_athlete_held_still_on_screen():
    # Snow with a few soft marks streaming past, and in the middle what a tracking camera holds still: an athlete
    # with a sharp outline, here a checkerboard, that has more texture than all the scenery. Judged on all the
    # texture, "no motion" fitted best and the camera seemed not to move (0 of 234 px on the old code).
    from gallery.timeslice import camera_path

    w, h, n, step = 320, 176, 40, 6
    rng = np.random.default_rng(0)
    scenery = np.full((h, w + n * step), 225, np.uint8)
    for x, y in zip(rng.uniform(0, scenery.shape[1], 24), rng.uniform(10, h - 10, 24), strict=True):
        cv2.ellipse(scenery, (int(x), int(y)), (7, 4), 0, 0, 360, 150, -1)
    scenery = cv2.GaussianBlur(scenery, (0, 0), 1.5)
    athlete = ((np.indices((64, 64)).sum(axis=0) // 8) % 2 * 255).astype(np.uint8)
    frames = []
    for i in range(n):
        frame = scenery[:, i * step : i * step + w].copy()
        frame[56:120, 128:192] = athlete
        frames.append(cv2.cvtColor(frame, cv2.COLOR_GRAY2RGB))
    cv2.setRNGSeed(0)
    last = camera_path(frames)[-1] @ np.array([160.0, 88.0, 1.0])
    travelled = last[:2] / last[2] - [160.0, 88.0]
    assert travelled[0] > 0.75 * step * (n - 1) and abs(travelled[1]) < 5


def write_tracking_clip(out: Path, pan: int, gain: float) -> Path:
    """A camera panning ``pan`` px a frame across a textured scene behind a red square that it keeps near the
    middle of the picture (the square gains ``gain`` px a frame on it), through a strong vignette (a screen-fixed
    shading, as the preview's grades have)."""
    n = 48
    wide = W + pan * n
    if pan < 12:
        y, x = np.mgrid[0:H, 0:wide]
        tex = 120 + 45 * np.sin(x / 7.0 + np.sin(y / 11.0)) * np.cos(y / 6.0 + x / 23.0)
    else:  # smooth noise: in waves 44 px apart, a fast pan would look like a short one the other way
        noise = cv2.GaussianBlur(np.random.default_rng(1).normal(0, 1, (H, wide)), (0, 0), 3)
        tex = 120 + 45 * noise / noise.std()
    scene = np.stack([tex * 0.8 + 30, tex, 230 - tex * 0.6], axis=-1).clip(0, 255)
    yy, xx = np.mgrid[0:H, 0:W]
    r = np.hypot((xx - W / 2) / (W / 2), (yy - H / 2) / (H / 2)) / np.sqrt(2)
    vignette = (1 - 0.8 * np.clip((r - 0.15) / 0.85, 0, 1) ** 1.2)[..., None]

    def frames():
        for i in range(n):
            frame = scene[:, pan * i : pan * i + W].copy()
            sx = int(60 + gain * i)
            frame[ROW : ROW + SIDE, sx : sx + SIDE] = (230, 30, 30)
            yield (frame * vignette).astype(np.uint8)

    write_clip(frames(), out, fps=16, width=W, height=H, metadata={"engine": "test"}, frame_count=n)
    return out / "video.mp4"


@pytest.fixture(scope="module")
def tracking_clip(tmp_path_factory) -> Path:
    return write_tracking_clip(tmp_path_factory.mktemp("tracking"), pan=6, gain=1.5)


def red_squares(made) -> int:
    # Red against the scenery, whose red never tops its green or blue by that much; the oldest copies are faded
    # and cooled by design, and evened out of the vignette with the rest.
    r, g, b = np.moveaxis(np.asarray(made.image).astype(int), -1, 0)
    red = (r > 110) & (r > g + 50) & (r > b + 40)
    count, _, stats, _ = cv2.connectedComponentsWithStats(red.astype(np.uint8))
    return len([s for s in stats[1:] if s[cv2.CC_STAT_AREA] > SIDE * SIDE // 4])


def test_a_panning_vignetted_clip_shows_the_square_at_several_places(tracking_clip):
    from gallery.timeslice import make_slice

    made = make_slice(tracking_clip, slices=6, trail=False)
    assert red_squares(made) >= 5
    # Every pose is the square, not a patch of scenery.
    assert made.figures == red_squares(made)


def test_a_fast_pan_still_shows_the_square_at_several_places(tmp_path):
    # Bobsleigh's camera pans 70 px a frame: the neighbours each frame was compared with (a fixed number of frames
    # away) then covered opposite halves of it, no pixel had two, and the last 30 frames had no figure at all.
    from gallery.timeslice import make_slice

    made = make_slice(write_tracking_clip(tmp_path, pan=24, gain=0.5), slices=6, trail=False)
    assert red_squares(made) >= 5
    assert made.figures == red_squares(made)


def test_poses_are_spread_over_the_travel_not_over_a_standing_figure_s_wobble():
    # A skater glides 380 px, then stands while the arms move: a centroid wobbling 30 px a frame counted as travel,
    # so most poses were picked while standing, on top of each other (figure skating's slice had 3 figures of 6).
    from gallery.timeslice import Instance, pick_instances

    mask = np.zeros((4, 4), bool)
    gliding = [Instance(i, mask, (20.0 * i, 100.0), 400) for i in range(20)]
    standing = [Instance(20 + i, mask, (380.0 + (15 if i % 2 else -15), 100.0), 400) for i in range(20)]
    picked = pick_instances(gliding + standing, 6)
    xs = sorted(p.centroid[0] for p in picked)
    distinct = 1 + int(np.sum(np.diff(xs) > 2 * np.sqrt(400 / np.pi)))
    assert len(picked) == 6 and distinct >= 5  # 3 on the old code: 0, 200 and four poses within 30 px of 380


def test_a_blob_seen_for_a_moment_apart_from_the_rest_of_the_track_is_not_a_pose():
    # The biathlete skis in and lies down to shoot; lying still, they no longer stand out from the frames around
    # them, and two frames later the track jumped to a patch of scenery far away, which became two of the six poses.
    from gallery.timeslice import Instance, pick_instances

    mask = np.zeros((4, 4), bool)
    skiing = [Instance(i, mask, (25.0 * i, 100.0), 400) for i in range(31)]
    blip = [Instance(56 + i, mask, (1300.0, 10.0), 300) for i in range(2)]
    picked = pick_instances(skiing + blip, 6)
    assert len(picked) == 6 and all(p.index < 31 for p in picked)


def test_the_scenery_behind_the_poses_keeps_an_even_brightness_through_a_vignette(tmp_path):
    # A vignette stays put on the screen while the camera pans: the frames the scenery was filled from each had a
    # darker edge, and the mosaic showed them like the edges of cards in a stack.
    from gallery.timeslice import make_slice

    n, pan, wide = 40, 8, W + 8 * 40
    rng = np.random.default_rng(2)
    scene = np.full((H, wide), 150, np.uint8)
    for x, y in zip(rng.uniform(0, wide, 40), rng.uniform(ROW + SIDE + 8, H, 40), strict=True):  # plain above
        cv2.ellipse(scene, (int(x), int(y)), (6, 3), 0, 0, 360, 70, -1)
    scene = cv2.GaussianBlur(scene, (0, 0), 1.2)
    yy, xx = np.mgrid[0:H, 0:W]
    r = np.hypot((xx - W / 2) / (W / 2), (yy - H / 2) / (H / 2)) / np.sqrt(2)
    vignette = (1 - 0.5 * np.clip((r - 0.35) / 0.65, 0, 1) ** 1.6)[..., None]

    def frames():
        for i in range(n):
            frame = cv2.cvtColor(scene[:, pan * i : pan * i + W], cv2.COLOR_GRAY2RGB)
            sx = int(80 + 0.5 * i)
            frame[ROW : ROW + SIDE, sx : sx + SIDE] = (230, 30, 30)
            yield (frame * vignette).astype(np.uint8)

    write_clip(frames(), tmp_path, fps=16, width=W, height=H, metadata={"engine": "test"}, frame_count=n)
    made = make_slice(tmp_path / "video.mp4", slices=6, trail=False)
    # The plain snow above the path, each row relative to its own middle (the vignette also darkens the top rows,
    # the same in every frame, which leaves no edges), then each column's typical level.
    band = made.background[: ROW - 10].astype(np.float32).mean(axis=2)
    seen = ~(made.background[: ROW - 10] == (200, 215, 230)).all(axis=2)
    band /= np.array([np.median(row[ok]) for row, ok in zip(band, seen, strict=True)])[:, None]
    columns = [float(np.median(band[:, x][seen[:, x]])) for x in range(band.shape[1]) if seen[:, x].sum() >= 20]
    assert len(columns) > 1.5 * W
    assert max(columns) - min(columns) < 0.08, (min(columns), max(columns))


@pytest.mark.slow
@pytest.mark.parametrize("sport", ["bobsleigh", "biathlon"])
def test_a_default_preview_clip_shows_at_least_five_of_six_poses_as_distinct_figures(sport, tmp_path):
    # The two sports with the fewest (3 and 4) before: the sled's fast pan lost the figure, the shooter lay cut by
    # the frame's edge, and a flickering blob became two poses. Default size and length, the bench's seeds.
    from gallery.timeslice import make_slice
    from generation.engines.preview.engine import SPORT_NAMES

    spec = {"sport": sport, "seed": sorted(SPORT_NAMES).index(sport)}
    PreviewVideoEngine().generate(spec, out_dir=tmp_path, progress=lambda *a: None, cancelled=lambda: False)
    made = make_slice(tmp_path / "video.mp4", slices=6)
    assert made.poses == 6 and made.figures >= 5
