"""How much of the camera's true travel the time-slice's registration recovers, on the 16 sports' preview clips.

    python bench/timeslice_registration.py [--sports alpine-skiing curling ...]

The preview renderer knows its camera: ``View.velocity`` is how far the world at the athlete's depth moves on screen
from one frame to the next. This script renders each sport's default clip (5 s, 832x480, tracking camera, the same
specs as ``bench/montage.py``), reads its clean master as ``gallery.timeslice.make_slice`` does, runs
``gallery.timeslice.camera_path`` on the frames, and compares how far the point under the athlete (the middle of
the frame, 55 % down) moves in the registered coordinates with how far the ground truly moved. The truth is used
only here, to measure; the time-slice never sees it.

``--layers`` adds, per sport, how fast each horizontal band of the picture (top to bottom) moves on screen as a
share of the ground's true speed under the athlete: the best whole-pixel shift of the band between two frames an
eighth of a second apart (quarter size, exhaustive search), median over five pairs. A band that matches best
without moving (featureless snow or ice, or shading fixed to the screen) reads ``0``.

Prints per sport on stderr (true travel, recovered travel, ratio, mean per-step error) and ``name: value unit``
lines: ``timeslice_registration_ratio_median`` and ``timeslice_registration_ratio_min``, the share of the true
travel recovered along its direction (1.0 is perfect; far below 1 piles the athlete's poses on top of each other,
below 0 is the wrong way) and ``timeslice_registration_s`` (median seconds per clip). Issue 15's
``timeslice_figures_min`` cannot reach its target while the ratio is low.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wonder.settings")

import django  # noqa: E402

django.setup()

import cv2  # noqa: E402
import numpy as np  # noqa: E402

from gallery import timeslice  # noqa: E402
from generation import masters  # noqa: E402
from generation.engines.preview import PreviewVideoEngine  # noqa: E402
from generation.engines.preview.engine import SPORT_NAMES  # noqa: E402
from generation.engines.preview.render import ClipRenderer  # noqa: E402
from generation.engines.preview.shot import Shot  # noqa: E402


def true_travel(spec: dict) -> np.ndarray:
    """``(frames, 2)``: where a point of the ground under the athlete in the first frame is on screen in each frame,
    relative to where it started (pixels), from the renderer's own camera."""
    views = ClipRenderer(Shot.from_spec(spec), preview_text="PREVIEW", ai_text="AI", sport_text="sport").views
    # The first view's velocity is zero (plan_views), so the sum starts at the first frame's place.
    return np.cumsum([v.velocity for v in views], axis=0)


def measure(sport: str, spec: dict, out: Path) -> tuple[float, float, float]:
    """(ratio, mean step error in pixels, seconds) for one sport's clip."""
    PreviewVideoEngine().generate(spec, out_dir=out, progress=lambda *a: None, cancelled=lambda: False)
    master = masters.master_for_video(out / "video.mp4")
    if master is None:
        raise SystemExit(f"{sport}: the preview engine kept no clean master")
    frames = timeslice.read_frames(master)
    truth = true_travel(spec)
    stride = max(1, -(-len(truth) // timeslice.MAX_FRAMES))  # as read_frames strides the decoded frames
    # The registered path of a ground point moves opposite to the ground on screen.
    truth = -truth[::stride][: len(frames)]
    started = time.perf_counter()
    transforms = timeslice.camera_path(frames)
    seconds = time.perf_counter() - started
    h, w = frames[0].shape[:2]
    point = np.array([w / 2, 0.55 * h, 1.0])
    recovered = np.array([(t @ point)[:2] / (t @ point)[2] - point[:2] for t in transforms])
    # The share of the true travel recovered along its direction (negative when the registration goes the wrong
    # way; a length ratio would hide that).
    ratio = float(recovered[-1] @ truth[-1] / max(1e-6, truth[-1] @ truth[-1]))
    step_error = float(np.abs(np.diff(recovered, axis=0) - np.diff(truth, axis=0)).mean())
    print(
        f"# {sport}: true travel {truth[-1].round(0)} px, recovered {recovered[-1].round(0)} px, ratio {ratio:.2f},"
        f" step error {step_error:.1f} px, {seconds:.2f} s",
        file=sys.stderr,
    )
    return ratio, step_error, seconds


LAYERS = ((0.0, 0.25), (0.25, 0.45), (0.45, 0.65), (0.65, 0.85), (0.85, 1.0))


def band_shift(a: np.ndarray, b: np.ndarray, rows: tuple[int, int], reach: tuple[int, int]) -> np.ndarray:
    """The whole-pixel (dx, dy) that best maps band ``rows`` of grey frame ``a`` onto ``b`` (mean absolute
    difference), searched within ``reach``."""
    h, w = a.shape
    y0, y1 = rows
    band = a[y0:y1].astype(np.float32)
    best = (np.inf, 0, 0)
    for dy in range(-reach[1], reach[1] + 1):
        if y0 + dy < 0 or y1 + dy > h:
            continue
        other = b[y0 + dy : y1 + dy].astype(np.float32)
        for dx in range(-reach[0], reach[0] + 1):
            if dx >= 0:
                error = float(np.abs(band[:, : w - dx] - other[:, dx:]).mean())
            else:
                error = float(np.abs(band[:, -dx:] - other[:, : w + dx]).mean())
            if error < best[0]:
                best = (error, dx, dy)
    return np.array(best[1:], float)


def layers(sport: str, spec: dict, out: Path) -> list[float]:
    """Each band's on-screen speed as a share of the true ground speed under the athlete (see ``--layers``)."""
    master = masters.master_for_video(out / "video.mp4")
    frames = timeslice.read_frames(master)
    truth = true_travel(spec)
    stride = max(1, -(-len(truth) // timeslice.MAX_FRAMES))
    truth = truth[::stride][: len(frames)]
    quarter = [
        cv2.cvtColor(cv2.resize(f, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA), cv2.COLOR_RGB2GRAY)
        for f in frames
    ]
    h = quarter[0].shape[0]
    shares: list[list[float]] = [[] for _ in LAYERS]
    for k in np.linspace(2, len(frames) - 3, 5).astype(int):
        # How far the ground under the athlete moves on screen between the two frames, at quarter size.
        true_step = (truth[k + 1] - truth[k]) / 4
        speed = float(np.hypot(*true_step))
        if speed < 1:
            continue
        reach = (int(2 * abs(true_step[0])) + 4, int(2 * abs(true_step[1])) + 4)
        for j, (f0, f1) in enumerate(LAYERS):
            shift = band_shift(quarter[k], quarter[k + 1], (int(f0 * h), int(f1 * h)), reach)
            shares[j].append(float(shift @ true_step) / speed**2)
    result = [statistics.median(s) if s else float("nan") for s in shares]
    print(
        f"# {sport}: band speed / true ground speed, top to bottom: {' '.join(f'{r:.2f}' for r in result)}",
        file=sys.stderr,
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sports", nargs="*", default=sorted(SPORT_NAMES))
    parser.add_argument("--layers", action="store_true", help="also how fast each band of the picture moves")
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, sport in enumerate(sorted(SPORT_NAMES)):
            if sport in args.sports:
                results.append(measure(sport, {"sport": sport, "seed": i}, Path(tmp) / sport))
                if args.layers:
                    layers(sport, {"sport": sport, "seed": i}, Path(tmp) / sport)
    ratios = [r for r, _, _ in results]
    print(f"timeslice_registration_ratio_median: {statistics.median(ratios):.2f}")
    print(f"timeslice_registration_ratio_min: {min(ratios):.2f}")
    print(f"timeslice_registration_s: {statistics.median(s for _, _, s in results):.2f} s")


if __name__ == "__main__":
    main()
