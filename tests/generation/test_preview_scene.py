"""The preview engine draws the fan's scene (issue 12): setting, light, weather and action beats, and renders a
sport-less winter scene when the spec has no sport, instead of a guessed alpine skiing."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from generation.engines.base import EngineResult
from generation.engines.preview import PreviewVideoEngine, events
from generation.engines.preview.render import ClipRenderer
from generation.engines.preview.shot import Shot
from generation.engines.preview.stroll import Stroll
from generation.prompting.vocab import BEATS, LIGHTS, SETTINGS, WEATHERS

SMALL = {"width": 320, "height": 192, "fps": 8}


def renderer(spec: dict) -> ClipRenderer:
    shot = Shot.from_spec(spec)
    return ClipRenderer(shot, preview_text="PREVIEW", ai_text="AI-generated", sport_text=shot.sport or "Winter scene")


def render(spec: dict, picks: list[int], clean: bool = True) -> list[np.ndarray]:
    """Selected frames straight from the renderer, without the burnt-in labels (``clean``)."""
    r = renderer(spec)
    r.labelled = not clean
    out = {}
    for i, frame in enumerate(r.frames()):
        if i in picks:
            out[i] = frame.astype(np.int16)
        if i >= max(picks):
            break
    return [out[i] for i in picks]


def generate(spec: dict, out_dir: Path) -> EngineResult:
    return PreviewVideoEngine().generate(
        spec, out_dir=out_dir, progress=lambda fraction, stage: None, cancelled=lambda: False
    )


# --- no silent sport ----------------------------------------------------------------------------------------


def test_a_spec_without_a_sport_is_a_sportless_scene_not_alpine_skiing() -> None:
    r = renderer({"seed": 1, "duration_s": 1, **SMALL})
    assert r.shot.sport is None
    assert isinstance(r.motion, Stroll) and r.motion.venue == "field"
    # No sport venue: no gates, flags, kickers or nets, and the figure walks in boots with nothing in hand.
    assert r.motion.fixtures == []
    assert (r.beats[0].gear.feet, r.beats[0].gear.hands) == ("boots", "")
    alpine = render({"sport": "alpine-skiing", "seed": 1, "duration_s": 1, **SMALL}, [4])[0]
    (scene,) = render({"seed": 1, "duration_s": 1, **SMALL}, [4])
    assert np.abs(alpine - scene).mean() > 5


def test_a_sportless_clip_stays_labelled_as_an_ai_preview(tmp_path: Path) -> None:
    result = generate({"prompt": "a quiet snowy village at dawn", "seed": 2, "duration_s": 1, **SMALL}, tmp_path)
    meta = result.metadata
    assert meta["sport"] is None
    assert meta["preview"] is True and meta["ai_generated"] is True and meta["engine"] == "preview"
    r = renderer({"seed": 2, "duration_s": 1, **SMALL})
    (frame,) = render({"seed": 2, "duration_s": 1, **SMALL}, [3], clean=False)
    x0, y0, x1, y1 = r.overlay.ai_box
    box = frame[y0:y1, x0:x1]
    assert (box.min(axis=2) > 200).mean() > 0.04 and (box.max(axis=2) < 110).mean() > 0.2


# --- light --------------------------------------------------------------------------------------------------


BASE = {"sport": "cross-country-skiing", "seed": 5, "duration_s": 1, **SMALL}


def test_night_is_much_darker_than_daylight() -> None:
    day = render({**BASE, "light": "daylight"}, [4])[0]
    night = render({**BASE, "light": "night"}, [4])[0]
    moon = render({**BASE, "light": "moonlight"}, [4])[0]
    assert night.mean() < day.mean() - 60
    assert moon.mean() < day.mean() - 40


def test_northern_lights_put_moving_green_curtains_in_the_sky() -> None:
    spec = {"seed": 5, "duration_s": 1.5, **SMALL}  # sport-less: a level camera with plenty of sky
    night = render({**spec, "light": "night"}, [4, 10])
    aurora = render({**spec, "light": "northern-lights"}, [4, 10])
    sky = slice(12, 60)  # below the letterbox bar, above the hills

    def greenness(frame: np.ndarray) -> float:
        return float((frame[sky, :, 1] - frame[sky, :, 0]).mean())

    assert greenness(aurora[0]) > greenness(night[0]) + 8
    # The curtains move: the sky changes between frames more than a plain night sky does.
    assert np.abs(aurora[0][sky] - aurora[1][sky]).mean() > np.abs(night[0][sky] - night[1][sky]).mean() + 1


@pytest.mark.parametrize("light", ["sunset", "dawn"])
def test_sunset_and_dawn_grade_the_sky_warm(light: str) -> None:
    day = render({**BASE, "light": "daylight"}, [4])[0]
    warm = render({**BASE, "light": light}, [4])[0]
    sky = slice(12, 50)

    def warmth(frame: np.ndarray) -> float:
        return float((frame[sky, :, 0] - frame[sky, :, 2]).mean())

    assert warmth(warm) > warmth(day) + 40


def test_spotlights_and_fireworks_light_up_a_dark_scene() -> None:
    night = render({**BASE, "light": "night"}, [6])[0]
    spots = render({**BASE, "light": "spotlights"}, [6])[0]
    assert spots.mean() > night.mean() + 3
    spec = {"seed": 5, "duration_s": 3, **SMALL}
    plain = render({**spec, "light": "night"}, list(range(24)))
    fireworks = render({**spec, "light": "fireworks"}, list(range(24)))

    # Coloured bursts: in some frame the sky has many pixels far from the plain night's.
    bursts = max(int((np.abs(f - p).max(axis=2)[12:100] > 60).sum()) for f, p in zip(fireworks, plain, strict=True))
    assert bursts > 100


# --- weather ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("sport", ["alpine-skiing", "cross-country-skiing"])
def test_the_snow_around_the_athletes_line_has_marks_with_real_contrast(sport: str) -> None:
    # Blank snow says nothing of how fast the ground goes by, to the eye or to the time-slice's registration.
    r = renderer({"sport": sport, "seed": 1, **SMALL})
    for k in (5, 35):
        scene = r.scene.render(r.views[k], k / SMALL["fps"]).astype(np.float32).mean(axis=2)
        h = scene.shape[0]
        band = scene[int(0.6 * h) : int(0.9 * h)]
        assert (band < np.median(band) - 40).mean() > 0.005


@pytest.mark.parametrize("sport", ["alpine-skiing", "ski-jumping", "snowboard"])
def test_the_finished_frame_keeps_the_marks_on_the_snow(sport: str) -> None:
    # The grade and the default (cinematic) style come after the scene: a bloom that lifted all bright snow to
    # white wiped out the marks, the ski tracks and the athlete's shadow (62 % of a default alpine frame at 250+).
    r = renderer({"sport": sport, "seed": 1, **SMALL})
    r.labelled = False
    for k in (5, 20, 35):
        frame = r.render(k, float(r.times[k]), r.beats[k], r.views[k]).astype(np.float32).mean(axis=2)
        h = frame.shape[0]
        band = frame[int(0.3 * h) : int(0.9 * h)]
        assert (band >= 250).mean() < 0.25, "the snow is not blown out to white"
        assert (band < np.median(band) - 25).mean() > 0.005, "the snow's marks survive the grade and the style"


def test_fog_lowers_the_contrast_of_the_background() -> None:
    clear = render({**BASE, "weather": "clear", "setting": "forest"}, [4])[0]
    fog = render({**BASE, "weather": "fog", "setting": "forest"}, [4])[0]
    band = slice(20, 110)
    assert fog[band].std() < clear[band].std() * 0.8


def test_falling_snow_moves_from_frame_to_frame_and_a_blizzard_is_thicker() -> None:
    spec = {"seed": 5, "duration_s": 6, "camera": "static", "light": "night", **SMALL}
    picks = [40, 41]  # the sport-less figure has stopped walking: only the snow moves
    clear = render({**spec, "weather": "clear"}, picks)
    snow = render({**spec, "weather": "snowfall"}, picks)
    blizzard = render({**spec, "weather": "blizzard"}, picks)
    assert np.abs(clear[0] - clear[1]).mean() < 0.5
    assert np.abs(snow[0] - snow[1]).mean() > np.abs(clear[0] - clear[1]).mean() + 1
    assert (blizzard[0].min(axis=2) > 150).mean() > (snow[0].min(axis=2) > 150).mean() + 0.02


# --- setting ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("setting", sorted(SETTINGS))
def test_every_setting_changes_the_picture(setting: str) -> None:
    plain = render(BASE, [4])[0]
    other = render({**BASE, "setting": setting}, [4])[0]
    assert np.abs(plain - other).mean() > 1.0, setting


def test_a_village_at_night_has_lit_windows() -> None:
    def warm_lights(frame: np.ndarray) -> int:
        r, g, b = frame[..., 0], frame[..., 1], frame[..., 2]
        return int(((r > 200) & (g > 150) & (b < 150) & (r - b > 80)).sum())

    night = render({**BASE, "light": "night"}, [4])[0]
    village = render({**BASE, "light": "night", "setting": "village"}, [4])[0]
    assert warm_lights(village) > warm_lights(night) + 40


# --- beats --------------------------------------------------------------------------------------------------


def test_beats_are_spread_over_the_clip_in_the_order_told() -> None:
    windows = events.plan(("slip", "fall", "laugh"), 5.0)
    assert [w.beat for w in windows] == ["slip", "fall", "laugh"]
    assert windows[0].start > 0.5  # the scene shows before anything happens
    assert all(a.end <= b.start + 1e-9 for a, b in zip(windows, windows[1:], strict=False))
    assert windows[-1].end <= 5.0


@pytest.mark.parametrize("beat", ["slip", "fall", "spin", "jump", "flip", "wave", "bow", "celebrate", "telemark"])
def test_a_beat_changes_the_pose_in_its_window_and_not_before(beat: str) -> None:
    spec = {"sport": "cross-country-skiing", "seed": 3, "duration_s": 3, **SMALL}
    plain, with_beat = renderer(spec), renderer({**spec, "beats": [beat]})
    (window,) = with_beat.windows
    before = [i for i, t in enumerate(with_beat.times) if t < window.start]
    inside = [i for i, t in enumerate(with_beat.times) if window.start + 0.2 < t < window.end - 0.2]
    assert before and inside

    def joints(r: ClipRenderer, i: int) -> np.ndarray:
        from generation.engines.preview.rig import solve

        sk = solve(r.beats[i].pose, r.look.build)
        return np.array([sk.joints[k] for k in sorted(sk.joints)])

    for i in before:
        assert np.array_equal(joints(plain, i), joints(with_beat, i))
    moved = max(float(np.abs(joints(plain, i) - joints(with_beat, i)).max()) for i in inside)
    assert moved > 0.25, f"{beat} barely moves the figure ({moved:.2f} m)"


@pytest.mark.parametrize("beat", ["slip", "fall", "spin", "flip"])
def test_frames_well_before_a_beat_are_the_same_pixels(beat: str) -> None:
    # The beat draws from its own random stream, so spray and snow are untouched; only the camera, smoothed
    # like an operator's pan, may start to anticipate a fall a fraction of a second early.
    spec = {"sport": "cross-country-skiing", "seed": 3, "duration_s": 6, **SMALL}
    (window,) = renderer({**spec, "beats": [beat]}).windows
    early = int((window.start - 0.7) * SMALL["fps"])
    assert early >= 1
    assert np.array_equal(render(spec, [early])[0], render({**spec, "beats": [beat]}, [early])[0])


def test_a_fall_lies_down_until_the_get_up() -> None:
    r = renderer({"sport": "cross-country-skiing", "seed": 3, "duration_s": 4, "beats": ["fall", "get-up"], **SMALL})
    fall, up = r.windows
    lying = [i for i, t in enumerate(r.times) if fall.end - 0.3 < t < fall.end]
    back_up = [i for i, t in enumerate(r.times) if t > up.start + 1.0]
    assert lying and back_up
    assert all(r.beats[i].pose.pitch < -1.2 for i in lying)
    assert all(abs(r.beats[i].pose.pitch) < 0.3 for i in back_up)


def test_sleep_lies_still_with_z_puffs_over_the_head() -> None:
    spec = {"seed": 3, "duration_s": 4, **SMALL}
    r = renderer({**spec, "beats": ["sleep"]})
    (window,) = r.windows
    late = [i for i, t in enumerate(r.times) if window.start + 1.5 < t < window.end]
    assert all(r.beats[i].pose.pitch < -1.3 for i in late)
    positions = np.array([r.beats[i].pose.pos for i in late])
    assert np.ptp(positions, axis=0).max() < 0.05  # still
    i = late[len(late) // 2]
    awake, asleep = render(spec, [i])[0], render({**spec, "beats": ["sleep"]}, [i])[0]
    assert np.abs(awake - asleep).mean() > 1


@pytest.mark.parametrize("beat", ["laugh", "cheer", "applaud"])
def test_crowd_beats_bring_a_reacting_crowd(beat: str) -> None:
    spec = {"sport": "figure-skating", "seed": 2, "duration_s": 3, **SMALL}
    r = renderer({**spec, "beats": [beat]})
    (window,) = r.windows
    mid = int(round((window.start + window.end) / 2 * SMALL["fps"]))
    plain, crowd = render(spec, [mid])[0], render({**spec, "beats": [beat]}, [mid])[0]
    assert np.abs(plain - crowd).mean() > 2
    # Spectators react: the same crowd differs between two moments of the beat.
    a, b = render({**spec, "beats": [beat]}, [mid - 2, mid])
    quiet_a, quiet_b = render(spec, [mid - 2, mid])
    assert np.abs(a - b).mean() > np.abs(quiet_a - quiet_b).mean()


# --- robustness ---------------------------------------------------------------------------------------------


def test_unknown_scene_values_are_ignored() -> None:
    spec = {**BASE, "setting": "moon-base", "light": "disco", "weather": "acid-rain", "beats": ["moonwalk", 3, None]}
    shot = Shot.from_spec(spec)
    assert (shot.setting, shot.light, shot.weather, shot.beats) == (None, None, None, ())
    assert np.array_equal(render(spec, [5])[0], render(BASE, [5])[0])
    assert Shot.from_spec({**BASE, "beats": "slip"}).beats == ("slip",)
    assert len(Shot.from_spec({**BASE, "beats": ["slip", "fall", "laugh", "cheer"]}).beats) == 3


def test_a_full_scene_is_deterministic_for_a_seed(tmp_path: Path) -> None:
    spec = {
        "sport": "curling",
        "subject": "a panda",
        "setting": "frozen-lake",
        "light": "northern-lights",
        "weather": "snowfall",
        "beats": ["slip", "laugh"],
        "seed": 9,
        "duration_s": 2,
        **SMALL,
    }
    a = render(spec, [3, 9, 15])
    b = render(spec, [3, 9, 15])
    assert all(np.array_equal(x, y) for x, y in zip(a, b, strict=True))
    meta = generate(spec, tmp_path).metadata
    assert (meta["setting"], meta["light"], meta["weather"], meta["beats"]) == (
        "frozen-lake",
        "northern-lights",
        "snowfall",
        ["slip", "laugh"],
    )


def test_every_vocabulary_value_renders() -> None:
    tiny = {"width": 160, "height": 96, "fps": 4, "duration_s": 2}
    beats = list(BEATS)
    for k, (setting, light) in enumerate(zip(sorted(SETTINGS), list(LIGHTS) * 2, strict=False)):
        spec = {
            **tiny,
            "seed": k,
            "setting": setting,
            "light": light,
            "weather": list(WEATHERS)[k % len(WEATHERS)],
            "beats": beats[(k * 2) % len(beats) : (k * 2) % len(beats) + 2],
            "sport": [None, "curling", "luge", "ski-jumping"][k % 4],
        }
        frames = render(spec, [3, 6])
        assert all(f.shape == (96, 160, 3) and f.std() > 3 for f in frames), spec
    for beat in beats:
        (frame,) = render({**tiny, "seed": 1, "beats": [beat]}, [5])
        assert frame.std() > 3, beat
