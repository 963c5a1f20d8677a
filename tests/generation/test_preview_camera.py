"""The preview's broadcast camera: a tracking shot pans from one place, so its frames are one scene through a
homography (what the time-slice registers), near and far alike."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from generation.engines.preview.render import ClipRenderer
from generation.engines.preview.shot import Shot


def views(sport: str, camera: str = "tracking"):
    spec = {"sport": sport, "seed": 4, "width": 320, "height": 192, "duration_s": 3, "fps": 12, "camera": camera}
    return ClipRenderer(Shot.from_spec(spec), preview_text="P", ai_text="AI", sport_text="s").views


@pytest.mark.parametrize("sport", ["speed-skating", "alpine-skiing", "ski-jumping"])
def test_a_tracking_shot_turns_on_one_spot_so_near_and_far_move_as_one(sport: str) -> None:
    shot = views(sport)
    first, last = shot[0], shot[-1]
    # Scenery round the athlete's path at many depths and heights, all in front of both cameras.
    xs = np.linspace(min(first.target[0], last.target[0]) - 10, max(first.target[0], last.target[0]) + 10, 9)
    grid = np.array([[x, y, z] for x in xs for y in (0.0, 3.0, 12.0) for z in (-40.0, -12.0, -3.0, 2.0)])
    grid[:, 1] += np.interp(grid[:, 0], [first.target[0], last.target[0]], [first.target[1], last.target[1]])
    a, depth_a = first.project(grid)
    b, depth_b = last.project(grid)
    seen = (depth_a < 10) & (depth_b < 10)  # in front of both cameras
    assert seen.sum() >= 40
    h, _ = cv2.findHomography(a[seen], b[seen], 0)
    mapped = cv2.perspectiveTransform(a[seen][None].astype(np.float64), h)[0]
    # A camera that travelled with the athlete would leave near and far points tens of pixels apart.
    assert np.abs(mapped - b[seen]).max() < 0.5


def test_the_far_layers_sweep_as_far_as_a_point_at_infinity_in_the_middle_of_the_picture() -> None:
    shot = views("cross-country-skiing")
    assert np.hypot(*(shot[-1].sweep - shot[0].sweep)) > 50  # the camera did pan
    for before, after in zip(shot, shot[1:], strict=False):
        ahead = before.rotation.T @ np.array([0.0, 0.0, -1.0])  # where the earlier frame looks
        far_point = before.target + ahead * 1e7
        moved = after.project(far_point)[0] - before.project(far_point)[0]
        assert np.allclose(after.sweep - before.sweep, moved, atol=0.5)


def test_other_cameras_keep_their_own_moves() -> None:
    # An orbit circles the athlete: it is not turned into a pan.
    assert all(v.anchor is None for v in views("figure-skating", "orbit"))


@pytest.mark.parametrize("seed", [1, 2, 3, 4])  # seeds 1 and 3 shoot prone, 2 and 4 standing
def test_the_biathlete_and_the_targets_are_both_in_the_picture_at_the_range(seed: int) -> None:
    # The camera looked 45 % of the way to targets 11 m away: the shooter lay cut by the frame's left edge for the
    # second half of every biathlon clip, and the targets were never in the picture.
    from generation.engines.preview.rig import solve

    shot = Shot.from_spec({"sport": "biathlon", "seed": seed})
    renderer = ClipRenderer(shot, preview_text="P", ai_text="AI", sport_text="s")
    motion = renderer.motion
    margin = 0.03 * shot.width
    settled = [k for k, t in enumerate(renderer.motion_times) if t >= motion.t_stop + 0.6]
    assert len(settled) > shot.frames // 3
    for k in settled:
        view, beat = renderer.views[k], renderer.beats[k]
        skeleton = solve(beat.pose, motion.build)
        board = [[motion.targets_x, y, z] for y in (0.2, 1.0) for z in (-1.3, 1.3)]
        points = np.array([*skeleton.joints.values(), *np.add(board, [0.0, 0.0, -2.0])])
        xy, _ = view.project(points)
        assert xy[:, 0].min() >= margin and xy[:, 0].max() <= shot.width - margin, (k, xy[:, 0].round())
        assert xy[:, 1].min() >= margin and xy[:, 1].max() <= shot.height - margin, (k, xy[:, 1].round())
        if motion.prone:  # lying down, the skis lie flat on the snow under the legs
            along = np.cos(beat.gear.ski_pitch) * skeleton.forward + np.sin(beat.gear.ski_pitch) * skeleton.up
            assert abs(along[1]) < 0.25, (k, along.round(2))
