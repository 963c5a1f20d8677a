"""Benchmarks of the gallery's media jobs; prints ``name: value unit`` lines (notes go to stderr).

- ``montage_s_10``: ``render_film`` of 10 default (5 s, 832x480, 16 fps) preview clips, each a different sport,
  into a 832x480 film with title card, captions, crossfades and credits; wall seconds, median of 2. The clips are
  rendered first and not timed.
- ``timeslice_s``: ``time_slice`` of one 5 s 832x480 preview clip (tracking camera), wall seconds, median of 2.
- ``timeslice_figures_min``: over the 16 sports' default preview clips (5 s, 832x480, tracking camera), the fewest
  distinct figure copies (connected components of the pasted foreground) in a slice with N = 6 poses.
- ``timeslice_athlete_figures_min``: the same, counting only poses that are the athlete: a pose counts when its
  mask reaches the athlete's true place (the pelvis) in its frame, from the preview renderer's own camera (used
  here only, to check; the time-slice never sees it). A patch of misregistered scenery pasted as a "figure" counts
  in ``timeslice_figures_min`` but not here.

``--slices-only`` prints only the two figure counts; ``--seed-offset K`` makes them on other clips (sport ``i`` of the
sorted 16 with seed ``K + i``; 0, the default, gives the clips the figures are quoted on).
- ``montage_soundtrack_s``: of ``montage_s_10``, the music bed's synthesis and the AAC mux (timed separately once).
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

import numpy as np  # noqa: E402

from gallery import timeslice  # noqa: E402
from gallery.film import ClipInfo, render_film  # noqa: E402
from gallery.soundtrack import SAMPLE_RATE, music_bed  # noqa: E402
from gallery.timeslice import make_slice, time_slice  # noqa: E402
from generation.engines.outputs import mux_audio  # noqa: E402
from generation.engines.preview import PreviewVideoEngine  # noqa: E402
from generation.engines.preview.engine import SPORT_NAMES  # noqa: E402
from generation.engines.preview.render import ClipRenderer  # noqa: E402
from generation.engines.preview.shot import Shot  # noqa: E402


def athlete_figures(made: timeslice.Slice, spec: dict) -> int:
    """Distinct figure copies in ``made`` made only of poses whose mask reaches the athlete's true place."""
    renderer = ClipRenderer(Shot.from_spec(spec), preview_text="P", ai_text="AI", sport_text="s")
    stride = max(1, -(-len(renderer.views) // timeslice.MAX_FRAMES))  # as read_frames strides
    true = np.zeros_like(made.foreground)
    for pose, pasted in zip(made.chosen, made.pasted, strict=True):
        k = pose.index * stride
        (x, y), _ = renderer.views[k].project(renderer.beats[k].pose.pos)  # the pelvis
        ys, xs = np.nonzero(pose.mask)
        reach = 0.5 * np.sqrt(len(xs))
        s = timeslice.SEGMENT_SCALE
        if len(xs) and np.hypot(xs - x * s, ys - y * s).min() <= reach:
            true |= pasted
    typical = float(np.median([m.sum() for m in made.pasted])) if made.pasted else 0.0
    return timeslice.count_figures(true, 0.2 * typical) if true.any() else 0


SPORTS = (
    "ski-jumping",
    "alpine-skiing",
    "figure-skating",
    "speed-skating",
    "snowboard",
    "biathlon",
    "bobsleigh",
    "curling",
    "ice-hockey",
    "luge",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--slices-only", action="store_true", help="only the time-slice figure counts")
    parser.add_argument("--seed-offset", type=int, default=0, help="slice clips of other seeds (out of sample)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if not args.slices_only:
            timed(root)
        slice_figures(root, args.seed_offset)


def timed(root: Path) -> None:
    """``montage_s_10``, ``timeslice_s`` and ``montage_soundtrack_s``."""
    clips = []
    for i, sport in enumerate(SPORTS):
        out = root / sport
        PreviewVideoEngine().generate(
            {"sport": sport, "seed": i}, out_dir=out, progress=lambda *a: None, cancelled=lambda: False
        )
        clips.append(ClipInfo(out / "video.mp4", f"Clip {i + 1}", f"Fan {i + 1}", "Italy", sport))
    print(f"rendered {len(clips)} clips", file=sys.stderr)
    runs = []
    for run in range(2):
        start = time.perf_counter()
        render_film(
            clips,
            root / f"film{run}",
            title="Your Epic Vibe",
            credits=[c.creator for c in clips],
            progress=lambda *a: None,
            cancelled=lambda: False,
        )
        runs.append(time.perf_counter() - start)
    print(f"montage_s_10: {statistics.median(runs):.2f} s")
    runs = []
    for _ in range(2):
        start = time.perf_counter()
        time_slice(clips[0].path)
        runs.append(time.perf_counter() - start)
    print(f"timeslice_s: {statistics.median(runs):.2f} s")

    start = time.perf_counter()
    music = music_bed(53.0, tempo=120, cuts_s=[2.0 + 4.5 * k for k in range(11)])
    mux_audio(root / "film0" / "video.mp4", music, sample_rate=SAMPLE_RATE)
    print(f"montage_soundtrack_s: {time.perf_counter() - start:.2f} s")


def slice_figures(root: Path, seed_offset: int = 0) -> None:
    """``timeslice_figures_min`` and ``timeslice_athlete_figures_min`` over the 16 sports' default clips."""
    counts, athletes = {}, {}
    for i, sport in enumerate(sorted(SPORT_NAMES)):
        out = root / "slices" / sport
        spec = {"sport": sport, "seed": seed_offset + i}
        PreviewVideoEngine().generate(spec, out_dir=out, progress=lambda *a: None, cancelled=lambda: False)
        made = make_slice(out / "video.mp4", slices=6)
        counts[sport] = made.figures
        athletes[sport] = athlete_figures(made, spec)
        print(f"# {sport}: {made.figures} figures, {athletes[sport]} of the athlete", file=sys.stderr)
    print(f"timeslice_figures_min: {min(counts.values())} figures")
    print(f"timeslice_athlete_figures_min: {min(athletes.values())} figures")


if __name__ == "__main__":
    main()
