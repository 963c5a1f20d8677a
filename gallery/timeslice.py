"""The time-slice poster: one still that lays the athlete's successive poses along their path, the "spacetime
slice" of broadcast replays, on clips with a moving camera.

1. **Frames.** Decoded from the clip's clean master (:mod:`generation.masters`: no burnt-in "PREVIEW", caption or
   "AI-generated", so no mark is ever ghosted into the picture), evenly strided to at most ``MAX_FRAMES``. A clip
   without a master (made before masters existed) is read from its public file, and marks that stay fixed on
   screen while the camera moves are masked out.
2. **Registration.** Consecutive frames are matched at a small working size with ORB features. In a tracking shot
   the athlete stays still on screen and their sharp outline can hold more features than the blurred scenery
   streaming past, so two motions are looked for: the strongest (RANSAC homography, similarity, median shift), and
   the same again among the matches it leaves out. With a phase-correlation shift, the previous step's motion and
   no motion, the candidate that best lays one frame over the other wins, judged on the texture that does not stay
   put on the screen (the athlete a tracking camera follows would vote for no motion). The steps are chained into
   the first frame's coordinates, like a panorama; a camera that barely moves is treated as fixed (no warping, no
   drift).
3. **Changes.** Each frame is compared with four neighbours warped onto it (a third of a second or more away, or
   nearer when the camera pans fast: about a fifth and two fifths of a frame width away), forgiving a misfit of
   ``TOLERANCE`` pixels: a pixel has changed when it differs from all but one of the neighbours that cover it. A
   neighbour's own athlete, warped onto the frame, is outvoted.
4. **Figure.** The changed pixels are cleaned with morphology; up to four blobs per frame (each with its close,
   sizeable neighbours: skis, poles, stick) are candidates, and a Viterbi path through the frames picks the one
   that is big and moves smoothly on screen. A blob cut by the frame's edge is never pasted. A fixed camera
   compares each frame with the clip's median frame.
5. **Poses.** ``slices`` instances are picked within the longest run of frames that one canvas can hold, evenly
   spaced by distance travelled, each as far as possible from overlapping the ones already picked, so the copies
   read as distinct figures. Blobs the track went through for only a moment, apart from the rest, are not poses.
6. **Composite.** The frames are first evened out by the shading that stays put on the screen (a vignette darkens
   every frame's edge, which would show in the mosaic like the edges of stacked cards), fitted on how the same
   scenery's brightness changes as it pans across the screen. A soft light trail is drawn through the figure's
   whole path over the background, then the picked figures are pasted oldest first with feathered masks (older
   ones a little fainter and cooler), and the "AI-generated" mark is added once.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path

import av
import cv2
import numpy as np
from PIL import Image

from generation import masters

MAX_FRAMES = 96
MEDIAN_FRAMES = 16
WORK_WIDTH = 320
SEGMENT_SCALE = 0.5  # figures are found on a half-size canvas: the same blobs for a quarter of the work
STATIC_MOTION = 0.02
MAX_CANVAS = (3.0, 2.0)  # the panorama is cropped to at most this many frame widths and heights
MIN_INLIERS = 12
DIFF_THRESHOLD = 28
TOLERANCE = 2  # segmentation-canvas pixels of misregistration forgiven when frames are compared
STILL_FRACTION = 0.12  # pairs of frames differing in fewer pixels than this are taken as a still camera
# A homography between two frames 1/16 s apart is nearly a shift: more zoom or tilt than this is a bad fit.
MAX_STEP_ZOOM = 0.05
MAX_STEP_PERSPECTIVE = 4e-4  # per working-size pixel
TRAIL_COLOUR = np.array([255, 236, 190], np.float32)  # warm white


class TimeSliceError(ValueError):
    """The video could not be read or has too few frames."""


@dataclass
class Instance:
    """The figure in one frame: its mask on the segmentation canvas, centroid (full canvas pixels) and area."""

    index: int
    mask: np.ndarray  # bool, segmentation canvas size
    centroid: tuple[float, float]
    area: int


@dataclass
class Slice:
    """A time-slice and what it is made of: ``figures`` is the number of distinct figure copies (connected
    components of the pasted foreground) in ``image``."""

    image: Image.Image
    background: np.ndarray
    foreground: np.ndarray  # bool, image size: where figures were pasted
    figures: int
    from_master: bool
    chosen: list[Instance] = field(default_factory=list)  # the poses: frame index and mask in that frame
    pasted: list[np.ndarray] = field(default_factory=list)  # each pose's mask on the canvas (before ``out_size``)

    @property
    def poses(self) -> int:
        return len(self.chosen)


def read_frames(video_path: Path) -> list[np.ndarray]:
    """RGB frames of the video, evenly strided down to at most ``MAX_FRAMES``."""
    try:
        with av.open(str(video_path)) as container:
            stream = container.streams.video[0]
            stream.thread_type = "AUTO"
            total = stream.frames or 0
            stride = max(1, -(-total // MAX_FRAMES)) if total else 1
            frames = [f.to_ndarray(format="rgb24") for i, f in enumerate(container.decode(stream)) if i % stride == 0]
    except (OSError, av.FFmpegError, IndexError) as exc:
        raise TimeSliceError(f"cannot read {video_path}") from exc
    if len(frames) < 3:
        raise TimeSliceError(f"{video_path}: too few frames")
    return _without_letterbox(frames[:MAX_FRAMES])


def _without_letterbox(frames: list[np.ndarray]) -> list[np.ndarray]:
    """The frames with black bars at the top and bottom cut off (they would streak across a panorama)."""
    brightest = np.max([f.max(axis=(1, 2)) for f in frames[:: max(1, len(frames) // 8)]], axis=0)
    rows = np.nonzero(brightest > 24)[0]
    if len(rows) == 0:
        return frames
    top, bottom = int(rows[0]), int(rows[-1]) + 1
    if bottom - top < 0.5 * len(brightest):
        return frames
    return [f[top:bottom] for f in frames]


def _plausible(h: np.ndarray | None) -> bool:
    """A frame-to-frame homography that is nearly a shift: little zoom, rotation or perspective change."""
    if h is None or not np.all(np.isfinite(h)) or abs(h[2, 2]) < 1e-9:
        return False
    h = h / h[2, 2]
    linear = h[:2, :2]
    return (
        abs(np.sqrt(abs(np.linalg.det(linear))) - 1) < MAX_STEP_ZOOM
        and np.abs(linear - np.eye(2)).max() < 2 * MAX_STEP_ZOOM
        and np.abs(h[2, :2]).max() < MAX_STEP_PERSPECTIVE
    )


def _alignment_error(a: np.ndarray, b: np.ndarray, h: np.ndarray, edges: np.ndarray) -> float:
    """How badly ``h`` lays gray frame ``b`` over ``a``: the mean absolute difference on ``a``'s textured pixels
    that ``b`` covers, trimmed of its worst fifth (the athlete, falling snow)."""
    height, width = a.shape
    warped = cv2.warpPerspective(b, h, (width, height), flags=cv2.INTER_LINEAR, borderValue=0)
    cover = cv2.warpPerspective(np.ones_like(b), h, (width, height), flags=cv2.INTER_NEAREST, borderValue=0) > 0
    keep = cover & edges
    if keep.sum() < 0.01 * keep.size:
        return float("inf")
    diff = np.sort(cv2.absdiff(a, warped)[keep])
    return float(diff[: max(1, int(0.8 * len(diff)))].mean())


def _pair_transform(
    a: np.ndarray,
    b: np.ndarray,
    orb: cv2.ORB,
    matcher: cv2.BFMatcher,
    features: dict | None = None,
    previous: np.ndarray | None = None,
    still: np.ndarray | None = None,
) -> np.ndarray:
    """3x3 homography mapping points of gray frame ``b`` onto gray frame ``a`` (working size).

    Candidates: the RANSAC homography of ORB matches, a RANSAC similarity of the same matches, the median shift
    of the matches (each also for the matches the strongest motion leaves out), a phase-correlation shift, the
    ``previous`` step's motion (a pan is smooth), and no motion. Our clips have parallax, pan blur and smooth snow,
    where any one estimator fails now and then; the candidate that best lays ``b`` over ``a`` wins, judged away
    from ``still`` (the pixels of ``a`` that stay put on the screen, :func:`_screen_fixed`) when enough is left.
    """
    candidates = [np.eye(3)] if previous is None else [np.eye(3), previous]
    # Each frame's features are found once, though every frame but the ends is in two pairs.
    features = {} if features is None else features
    for gray in (a, b):
        if id(gray) not in features:
            features[id(gray)] = orb.detectAndCompute(gray, None)
    ka, da = features[id(a)]
    kb, db = features[id(b)]
    if da is not None and db is not None and len(ka) >= MIN_INLIERS and len(kb) >= MIN_INLIERS:
        matches = matcher.match(db, da)
        pb = np.float32([kb[m.queryIdx].pt for m in matches])
        pa = np.float32([ka[m.trainIdx].pt for m in matches])
        # Two motions: a tracking camera keeps the athlete still on screen, and their sharp outline often has
        # more features than the blurred scenery streaming past; so the scenery's motion is looked for again
        # among what the strongest motion leaves out.
        for _ in range(2):
            if len(pb) < MIN_INLIERS:
                break
            found, inliers = _motion_candidates(pa, pb)
            candidates.extend(found)
            if inliers is None:
                break
            pa, pb = pa[~inliers], pb[~inliers]
    window = cv2.createHanningWindow((a.shape[1], a.shape[0]), cv2.CV_32F)
    (dx, dy), _ = cv2.phaseCorrelate(a.astype(np.float32), b.astype(np.float32), window)
    candidates.append(np.array([[1, 0, -dx], [0, 1, -dy], [0, 0, 1]], np.float64))
    grad = cv2.magnitude(cv2.Sobel(a, cv2.CV_32F, 1, 0), cv2.Sobel(a, cv2.CV_32F, 0, 1))
    edges = grad > max(20.0, float(np.percentile(grad, 60)))
    if still is not None:
        # What stays put on the screen (the athlete a tracking camera follows) says nothing of the camera's motion.
        moving = edges & ~still
        if moving.sum() >= 0.01 * moving.size:
            edges = moving
    errors = [_alignment_error(a, b, h, edges) for h in candidates]
    best = int(np.argmin(errors))
    # The motion so far wins ties: a fixed camera must not drift on shake-level estimates, and a pan goes on
    # through frames too blurred or bare to tell (the athlete it keeps still on screen then fits "no motion").
    steady = 1 if previous is not None else 0
    if errors[steady] <= errors[best] * 1.02:
        return candidates[steady]
    return candidates[best]


def _motion_candidates(pa: np.ndarray, pb: np.ndarray) -> tuple[list[np.ndarray], np.ndarray | None]:
    """Transforms taking the matched points ``pb`` onto ``pa``: a RANSAC homography, a RANSAC similarity and the
    median shift, as far as they are plausible for one frame step; and which matches the homography explains."""
    out = []
    # OpenCV's USAC (locally optimised RANSAC): when the second motion is looked for, what is left may be mostly
    # stray matches, on which plain RANSAC runs to its 2000-iteration cap (60 ms a pair, against 0.5 ms).
    h, found = cv2.findHomography(pb, pa, cv2.USAC_FAST, 2.0)
    inliers = None if found is None else found.ravel() > 0
    if inliers is not None and int(inliers.sum()) >= MIN_INLIERS and _plausible(h):
        out.append(h / h[2, 2])
    m, kept = cv2.estimateAffinePartial2D(pb, pa, method=cv2.RANSAC, ransacReprojThreshold=2.0)
    if m is not None and kept is not None and int(kept.sum()) >= MIN_INLIERS:
        h = np.vstack([m, [0, 0, 1]])
        if _plausible(h):
            out.append(h)
    dx, dy = np.median(pa - pb, axis=0)
    out.append(np.array([[1, 0, dx], [0, 1, dy], [0, 0, 1]], np.float64))
    return out, inliers


def camera_path(frames: list[np.ndarray]) -> list[np.ndarray]:
    """For each frame, the 3x3 homography from its pixels into the first frame's coordinates (full resolution)."""
    h, w = frames[0].shape[:2]
    scale = min(1.0, WORK_WIDTH / w)
    grays = [
        cv2.cvtColor(cv2.resize(f, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA), cv2.COLOR_RGB2GRAY)
        for f in frames
    ]
    orb = cv2.ORB_create(800)
    matcher = cv2.BFMatcher(cv2.NORM_HAMMING, crossCheck=True)
    to_full = np.diag([1 / scale, 1 / scale, 1.0])
    to_work = np.diag([scale, scale, 1.0])
    chain = [np.eye(3)]
    features: dict = {}
    previous = None
    stills = _screen_fixed(grays)
    for k, (a, b) in enumerate(zip(grays, grays[1:], strict=False)):
        previous = _pair_transform(a, b, orb, matcher, features, previous, stills[k])
        pair = to_full @ previous @ to_work
        step = chain[-1] @ pair
        chain.append(step / step[2, 2])
    centre = np.array([w / 2, h / 2, 1.0])
    drift = max(np.hypot(*_apply(t, centre) - centre[:2]) for t in chain)
    if drift < STATIC_MOTION * w:
        # A fixed camera: shake-level estimates would only blur the background.
        return [np.eye(3) for _ in frames]
    return chain


STILL_WINDOW = 4  # frames either side over which the screen-fixed picture is taken


def _screen_fixed(grays: list[np.ndarray]) -> list[np.ndarray]:
    """For each gray frame, where it shows what stays put on the screen for about half a second: the median of
    the frames around it, without registering them, keeps the athlete a tracking camera follows (and any
    vignette) and loses the scenery streaming past."""
    stack = np.stack(grays)
    out = []
    for k in range(len(grays)):
        window = stack[max(0, k - STILL_WINDOW) : k + STILL_WINDOW + 1]
        median = np.median(window, axis=0).astype(np.uint8)
        out.append(cv2.absdiff(grays[k], median) < 10)
    return out


def _apply(t: np.ndarray, point: np.ndarray) -> np.ndarray:
    p = t @ point
    return p[:2] / p[2]


def _canvas(transforms: list[np.ndarray], w: int, h: int) -> tuple[np.ndarray, tuple[int, int]]:
    """The offset transform and size of the common canvas covering every frame (capped around the middle)."""
    corners = np.array([[0, 0, 1], [w, 0, 1], [0, h, 1], [w, h, 1]], np.float64).T
    pts = np.hstack([(t @ corners)[:2] / (t @ corners)[2] for t in transforms])
    x0, y0 = pts.min(axis=1)
    x1, y1 = pts.max(axis=1)
    cw, ch = min(x1 - x0, MAX_CANVAS[0] * w), min(y1 - y0, MAX_CANVAS[1] * h)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    offset = np.array([[1, 0, cw / 2 - cx], [0, 1, ch / 2 - cy], [0, 0, 1]], np.float64)
    return offset, (max(2, int(round(cw)) & ~1), max(2, int(round(ch)) & ~1))


def background(warped: list[np.ndarray], valid: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Per-pixel median of the frames covering each pixel, and the coverage count."""
    step = max(1, -(-len(warped) // MEDIAN_FRAMES))
    stack = np.stack(warped[::step])
    cover = np.stack(valid[::step])
    # Uncovered pixels are set to 255 so that they sort last; the median is then the element at (count - 1) // 2
    # of the sorted column (a covered 255 ties with them, which gives the same value).
    stack[~cover] = 255
    stack.sort(axis=0)
    count = cover.sum(axis=0)
    pick = np.clip((count - 1) // 2, 0, None)
    bg = np.take_along_axis(stack, pick[None, ..., None].repeat(3, axis=-1), axis=0)[0]
    bg[count == 0] = (200, 215, 230)
    return bg, count


CANDIDATES = 4  # blobs per frame that the figure's track may go through


def candidates(changed: np.ndarray, valid: np.ndarray, ignore: np.ndarray | None, index: int) -> list[Instance]:
    """The blobs of one frame's ``changed`` pixels (segmentation canvas) that may be the figure, likeliest first:
    each the component with its close, sizeable neighbours (skis, poles, stick); ``area`` is negative for a blob
    cut by the frame's edge, which a tracking camera rarely does to its athlete."""
    fg = changed & valid
    if ignore is not None:
        fg &= ~ignore
    fg = fg.astype(np.uint8)
    fg = cv2.morphologyEx(fg, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    fg = cv2.morphologyEx(fg, cv2.MORPH_CLOSE, np.ones((7, 7), np.uint8))
    n, labels, stats, centroids = cv2.connectedComponentsWithStats(fg, connectivity=8)
    h, w = changed.shape
    smallest = max(12, 0.0004 * valid.sum())
    order = sorted(range(1, n), key=lambda label: -stats[label, cv2.CC_STAT_AREA])
    found: list[Instance] = []
    taken: set[int] = set()
    for best in order:
        if len(found) == CANDIDATES or stats[best, cv2.CC_STAT_AREA] < smallest:
            break
        if best in taken:
            continue
        reach = 0.75 * np.hypot(stats[best, cv2.CC_STAT_WIDTH], stats[best, cv2.CC_STAT_HEIGHT])
        keep = [best]
        least = 0.08 * stats[best, cv2.CC_STAT_AREA]
        for label in range(1, n):
            if label != best and label not in taken and stats[label, cv2.CC_STAT_AREA] >= least:
                if np.hypot(*(centroids[label] - centroids[best])) <= reach:
                    keep.append(label)
        taken.update(keep)
        mask = np.isin(labels, keep)
        ys, xs = np.nonzero(mask)
        cut = xs.min() <= 1 or ys.min() <= 1 or xs.max() >= w - 2 or ys.max() >= h - 2
        found.append(Instance(index, mask, (float(xs.mean()), float(ys.mean())), -len(xs) if cut else len(xs)))
    return found


def track(frames: list[list[Instance]], diagonal: float) -> list[Instance]:
    """One blob per frame (or none), chosen so that the figure is big and moves smoothly on screen: a Viterbi
    path through the frames' candidates. Misfitted scenery flickers from place to place between frames; the
    athlete does not. A blob cut by the frame's edge keeps its negative ``area``."""
    steps = [(i, found) for i, found in enumerate(frames) if found]
    if not steps:
        return []

    def unary(found: list[Instance]) -> np.ndarray:
        areas = np.array([abs(c.area) for c in found], np.float64)
        cut = np.array([c.area < 0 for c in found])
        return -np.log(areas / areas.max() + 1e-3) + 1.5 * cut

    costs = unary(steps[0][1])
    back: list[np.ndarray] = []
    for (i0, before), (i1, after) in zip(steps, steps[1:], strict=False):
        a = np.array([c.centroid for c in before])
        b = np.array([c.centroid for c in after])
        jump = np.hypot(*(b[None, :, :] - a[:, None, :]).transpose(2, 0, 1)) / (diagonal * 0.05 * (i1 - i0))
        total = costs[:, None] + np.minimum(jump, 6.0) ** 2
        back.append(np.argmin(total, axis=0))
        costs = total.min(axis=0) + unary(after)
    pick = int(np.argmin(costs))
    chosen = [pick]
    for pointers in reversed(back):
        pick = int(pointers[pick])
        chosen.append(pick)
    chosen.reverse()
    return [found[k] for (_, found), k in zip(steps, chosen, strict=True)]


def differs(frame: np.ndarray, other: np.ndarray, tolerance: int = 0) -> np.ndarray:
    """Where RGB ``frame`` differs from ``other`` by more than ``DIFF_THRESHOLD``, forgiving ``other`` a shift of up
    to ``tolerance`` pixels: a pixel differs only if no colour within that reach of it in ``other`` is close."""
    if tolerance:
        reach = np.ones((2 * tolerance + 1, 2 * tolerance + 1), np.uint8)
        diff = cv2.max(cv2.subtract(frame, cv2.dilate(other, reach)), cv2.subtract(cv2.erode(other, reach), frame))
    else:
        diff = cv2.absdiff(frame, other)
    b, g, r = cv2.split(diff)
    return cv2.GaussianBlur(cv2.max(cv2.max(b, g), r), (5, 5), 0) > DIFF_THRESHOLD


def within_reach(instances: list[Instance], span: tuple[float, float]) -> list[Instance]:
    """The longest run of consecutive ``instances`` whose centroids fit in a ``span`` (width, height) box: a fast
    athlete crosses more scenery than one picture can hold, and poses off the canvas would be lost."""
    best = (0, 0)
    start = 0
    pts = np.array([i.centroid for i in instances]).reshape(-1, 2)
    for end in range(len(instances)):
        while np.any(np.ptp(pts[start : end + 1], axis=0) > span):
            start += 1
        if end + 1 - start > best[1] - best[0]:
            best = (start, end + 1)
    return instances[best[0] : best[1]]


def pick_instances(instances: list[Instance], slices: int) -> list[Instance]:
    """``slices`` instances along the path: aimed at even spacing by distance travelled (or by time when the
    figure stays put), each nudged to the nearby frame whose figure overlaps the already picked ones least.

    Centroids are in canvas coordinates; a figure is taken as a disc of its own area for the overlap test.
    """
    if len(instances) <= slices:
        return instances
    # Drop frames where segmentation clearly failed (a blob far bigger or smaller than the typical figure), and
    # blobs the track went through for a moment, apart from the rest of it (a figure lying still for a while
    # stands out from nothing, and the track jumps to whatever flickers).
    typical = float(np.median([i.area for i in instances]))
    good = _lasting([i for i in instances if 0.35 * typical <= i.area <= 2.5 * typical]) or instances
    if len(good) <= slices:
        return good
    pts = np.array([i.centroid for i in good])
    radius = np.sqrt(np.array([i.area for i in good]) / np.pi)
    # Distance along the smoothed path: the wobble of a figure standing still must not count as travel.
    smooth = _smoothed(pts, 7)
    travelled = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(smooth, axis=0).T))])
    if travelled[-1] > 4 * float(np.median(radius)):
        targets = [int(np.argmin(np.abs(travelled - t))) for t in np.linspace(0, travelled[-1], slices)]
    else:
        targets = [round(x) for x in np.linspace(0, len(good) - 1, slices)]
    chosen: list[int] = []
    window = max(1, len(good) // (2 * slices))

    def overlap(c: int) -> float:
        if not chosen:
            return 0.0
        gaps = np.hypot(*(pts[chosen] - pts[c]).T) - (radius[chosen] + radius[c])
        return float(np.clip(-gaps, 0, None).sum())

    for target in targets:
        # Candidates near the target, after the last pick: time order is kept.
        lo = max(target - window, chosen[-1] + 1 if chosen else 0)
        hi = min(len(good) - 1, target + window)
        if lo > hi:
            continue
        chosen.append(min(range(lo, hi + 1), key=lambda c: (overlap(c), abs(c - target))))
    return [good[c] for c in chosen]


RUN_GAP = 4  # frames without the figure that split its track into runs
LEAST_RUN = 3  # frames: a shorter run apart from the rest of the track is flicker, not the figure


def _lasting(instances: list[Instance]) -> list[Instance]:
    """``instances`` (in time order) without the runs of fewer than ``LEAST_RUN`` frames, more than ``RUN_GAP``
    frames apart from the rest; all of them when every run is that short."""
    runs: list[list[Instance]] = []
    for inst in instances:
        if runs and inst.index - runs[-1][-1].index <= RUN_GAP:
            runs[-1].append(inst)
        else:
            runs.append([inst])
    return [i for run in runs if len(run) >= LEAST_RUN for i in run] or instances


def _smoothed(path: np.ndarray, frames: int) -> np.ndarray:
    """``path`` (points, one per frame) averaged over ``frames`` frames (an odd number): limbs that move, or a
    partial mask, wobble a figure's centroid from frame to frame."""
    k = min(frames, len(path)) | 1
    padded = np.pad(path, ((k // 2, k // 2), (0, 0)), mode="edge")
    return np.stack([np.convolve(padded[:, d], np.ones(k) / k, "valid") for d in (0, 1)], axis=1)


def _trail(canvas: np.ndarray, path: np.ndarray, thickness: float) -> np.ndarray:
    """``canvas`` with a soft glowing line through ``path`` (full canvas pixels), brightest at the newest end."""
    if len(path) < 2:
        return canvas
    h, w = canvas.shape[:2]
    smooth = _smoothed(path, 5)
    glow = np.zeros((h, w), np.float32)
    n = len(smooth)
    for j in range(n - 1):
        strength = 0.35 + 0.65 * (j + 1) / (n - 1)
        p0 = tuple(int(round(v)) for v in smooth[j])
        p1 = tuple(int(round(v)) for v in smooth[j + 1])
        cv2.line(glow, p0, p1, strength, max(1, int(round(thickness))), cv2.LINE_AA)
    core = glow.copy()
    sigma = max(1.5, thickness * 1.5)
    halo = cv2.GaussianBlur(glow, (0, 0), sigma)
    alpha = np.clip(0.55 * core + 0.9 * halo, 0, 0.85)[..., None]
    return canvas * (1 - alpha) + TRAIL_COLOUR * alpha


def composite(
    base: np.ndarray, figures: list[tuple[np.ndarray, np.ndarray]], path: np.ndarray, *, trail: bool = True
) -> np.ndarray:
    """``base`` with the light trail along ``path``, then the ``(pixels, mask)`` figures (canvas-sized, oldest
    first) pasted with feathered edges, older ones fainter and cooler."""
    out = base.astype(np.float32)
    if figures and trail:
        typical = float(np.median([m.sum() for _, m in figures]))
        out = _trail(out, path, max(1.5, np.sqrt(typical) / 14))
    n = len(figures)
    for k, (pixels, mask) in enumerate(figures):
        ys, xs = np.nonzero(mask)
        if not len(xs):
            continue
        # Only round the figure: the feathering (a 5x5 blur) reaches 2 px past its mask, the canvas is far bigger.
        y0, y1 = max(0, ys.min() - 3), ys.max() + 4
        x0, x1 = max(0, xs.min() - 3), xs.max() + 4
        age = 1 - k / max(1, n - 1)  # 1 for the oldest, 0 for the newest
        src = pixels[y0:y1, x0:x1].astype(np.float32)
        grey = src.mean(axis=2, keepdims=True)
        cool = grey * np.array([0.92, 0.97, 1.08], np.float32)
        src = src * (1 - 0.4 * age) + cool * 0.4 * age
        alpha = cv2.GaussianBlur(mask[y0:y1, x0:x1].astype(np.float32), (5, 5), 0)[..., None] * (1 - 0.4 * age)
        out[y0:y1, x0:x1] = out[y0:y1, x0:x1] * (1 - alpha) + src * alpha
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


def _fit(image: np.ndarray, size: tuple[int, int], focus: tuple[float, float]) -> tuple[np.ndarray, tuple]:
    """Scale ``image`` to cover ``size`` and crop around ``focus`` (the middle of the path); also returns the
    (scale, x, y) used, so masks can follow."""
    h, w = image.shape[:2]
    tw, th = size
    scale = max(tw / w, th / h)
    rw, rh = max(tw, round(w * scale)), max(th, round(h * scale))
    resized = cv2.resize(image, (rw, rh), interpolation=cv2.INTER_AREA)
    x = int(np.clip(focus[0] * scale - tw / 2, 0, rw - tw))
    y = int(np.clip(focus[1] * scale - th / 2, 0, rh - th))
    return resized[y : y + th, x : x + tw], ((rw, rh), x, y)


def count_figures(foreground: np.ndarray, min_area: float) -> int:
    """Connected components of a foreground mask at least ``min_area`` pixels big: the distinct figure copies."""
    n, _, stats, _ = cv2.connectedComponentsWithStats(foreground.astype(np.uint8), connectivity=8)
    return int(sum(1 for s in stats[1:] if s[cv2.CC_STAT_AREA] >= min_area))


SHADING_GRID = 40  # columns of the coarse grid the shading is fitted on


def _coarse(image: np.ndarray) -> np.ndarray:
    """``image`` in gray on the shading grid."""
    h, w = image.shape[:2]
    size = (SHADING_GRID, max(4, round(SHADING_GRID * h / w)))
    gray = cv2.cvtColor(image, cv2.COLOR_RGB2GRAY) if image.ndim == 3 else image
    return cv2.resize(gray, size, interpolation=cv2.INTER_AREA)


@functools.cache
def _shading_basis(gh: int, gw: int) -> np.ndarray:
    """``(gh, gw, 6)``: 1, x, y, x², xy, y² over the shading grid, x and y from -1 to 1 (built once per size)."""
    gy, gx = np.mgrid[0:gh, 0:gw]
    x, y = gx / (gw - 1) * 2 - 1, gy / (gh - 1) * 2 - 1
    basis = np.stack([np.ones_like(x), x, y, x * x, x * y, y * y], axis=-1).astype(np.float64)
    basis.flags.writeable = False
    return basis


def _match_shading(coarse: np.ndarray, view: np.ndarray, cover: np.ndarray) -> np.ndarray:
    """``view`` (a neighbour warped onto a frame) with its brightness matched to the frame (``coarse``: the frame
    on the shading grid, :func:`_coarse`) by a smooth gain.

    A vignette or a pool of light stays put on the screen while the scenery pans under it: the same patch of
    snow is darker at the frame's edge than where a neighbour saw it in the middle. The ratio of two such
    shadings is smooth, so a quadratic in x and y of the log-ratio, fitted on a coarse grid and refitted without
    its outliers (the athletes), takes it out.
    """
    h, w = view.shape[:2]
    gh, gw = coarse.shape
    f, v = coarse, _coarse(view)
    full = _coarse(cover) >= 1
    if full.sum() < 12:
        return view
    basis = _shading_basis(gh, gw)
    ratio = np.log((f.astype(np.float64) + 8) / (v.astype(np.float64) + 8))
    keep = full.copy()
    coef = np.zeros(6)
    for _ in range(2):
        coef = np.linalg.lstsq(basis[keep], ratio[keep], rcond=None)[0]
        residual = np.abs(ratio - basis @ coef)
        spread = max(float(np.median(residual[keep])) * 3, 0.02)
        keep = full & (residual <= spread)
        if keep.sum() < 12:
            break
    if not np.all(np.isfinite(coef)):
        return view
    # The gain is smooth: computed on the grid and scaled up.
    gain = np.exp(np.clip(basis @ coef, -1.5, 1.5)).astype(np.float32)
    gain = cv2.resize(gain, (w, h), interpolation=cv2.INTER_LINEAR)
    return cv2.multiply(view, cv2.merge([gain, gain, gain]), dtype=cv2.CV_8U)


NEIGHBOUR_PAN = (0.2, 0.4)  # the most frame widths the camera may pan between a frame and its near, far neighbours


def _neighbours(centres: np.ndarray, k: int, d: int, width: float) -> list[int]:
    """The frames that frame ``k`` is compared with, on either side: a near one ``d`` frames away and a far one
    ``2 d`` away, or nearer where the camera pans more than ``NEIGHBOUR_PAN`` frame widths in that time. ``centres``
    are the frames' middles in common coordinates.

    The pan, not the time, is what moves a tracked athlete on against the scenery; and a bobsleigh's camera pans
    a twelfth of the frame every frame, so that frames ``d`` either side would cover opposite halves of the frame
    and no pixel would be seen by two of them.
    """
    n = len(centres)
    out = []
    for side in (-1, 1):
        m = 0
        for most, pan in ((d, NEIGHBOUR_PAN[0] * width), (2 * d, NEIGHBOUR_PAN[1] * width)):
            m += 1
            while m < most and 0 <= k + side * m < n and np.hypot(*(centres[k + side * m] - centres[k])) < pan:
                m += 1
            if not 0 <= k + side * m < n:
                break
            out.append(k + side * m)
    return out


def _changes(
    small: list[np.ndarray], transforms: list[np.ndarray], scale: float
) -> list[tuple[np.ndarray, np.ndarray]]:
    """For each frame, where it shows something the scenery does not, and where that can be told: compared with a
    few neighbouring frames (:func:`_neighbours`) warped onto it, a pixel has changed when it differs from all but
    one of the neighbours that cover it (at least two).

    Short hops keep the warps accurate (no panorama-wide drift), and each comparison forgives a small misfit
    (``TOLERANCE``): crowds and fences are fine texture that a pixel's misregistration would light up. Far enough
    apart, the athlete a tracking camera keeps in the middle of the screen has moved on against the scenery, and a
    neighbour's own athlete, warped onto the frame, is outvoted by the others.
    """
    n = len(small)
    d = max(2, n // 12)
    h, w = small[0].shape[:2]
    to_small, to_full = np.diag([scale, scale, 1.0]), np.diag([1 / scale, 1 / scale, 1.0])
    ones = np.ones((h, w), np.uint8)
    middle = np.array([w / 2 / scale, h / 2 / scale, 1.0])
    centres = np.array([_apply(t, middle) for t in transforms])
    out = []
    for k in range(n):
        neighbours = _neighbours(centres, k, d, w / scale)
        inverse = np.linalg.inv(transforms[k])
        votes = np.zeros((h, w), np.uint8)
        covers = np.zeros((h, w), np.uint8)
        coarse = _coarse(small[k])
        for j in neighbours:
            m = to_small @ inverse @ transforms[j] @ to_full
            view = cv2.warpPerspective(small[j], m, (w, h), flags=cv2.INTER_LINEAR, borderValue=0)
            cover = cv2.warpPerspective(ones, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
            covers += cover
            view = _match_shading(coarse, view, cover)
            votes += differs(small[k], view, TOLERANCE) & (cover > 0)
        out.append((votes >= np.maximum(2, covers.astype(np.int16) - 1), covers >= 2))
    return out


def _shading_terms(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Smooth functions of the place on the screen (``u``, ``v`` from -1 to 1), all 0 in the middle: a vignette is
    flat there and falls off toward the edges and corners."""
    return np.stack([u, v, u * u, u * v, v * v, u**4, u * u * v * v, v**4], axis=-1)


def screen_shading(small: list[np.ndarray], transforms: list[np.ndarray], scale: float) -> np.ndarray | None:
    """The gain that a vignette or a pool of light lays on every frame by its place on the screen, on the shading
    grid (1 in the middle of the screen), or None when the camera does not pan far enough to tell.

    The same scenery, panned from the middle of the screen to its edge, gets darker by the ratio of the gains
    there: a least-squares fit of :func:`_shading_terms` to the log-ratios of every cell that two frames a few
    steps apart both see, refitted without its outliers (the athletes, falling snow). Bright cells are left out:
    the film shoulder of the preview's styles is not a gain.
    """
    coarse = [_coarse(f).astype(np.float64) for f in small]
    gh, gw = coarse[0].shape
    sh, sw = small[0].shape[:2]
    to_grid = np.diag([gw / sw * scale, gh / sh * scale, 1.0])  # full-size pixels to grid cells
    gy, gx = np.mgrid[0:gh, 0:gw].astype(np.float64) + 0.5
    cells = np.stack([gx, gy], axis=-1).reshape(-1, 1, 2)
    here = _shading_terms((gx / gw * 2 - 1).ravel(), (gy / gh * 2 - 1).ravel())
    rows, values, shifts = [], [], []
    n = len(small)
    for k in range(n):
        for j in (k + 2, k + 5):  # a few steps on: the scenery has moved across the screen, not changed
            if j >= n:
                continue
            into_j = to_grid @ np.linalg.inv(transforms[j]) @ transforms[k] @ np.linalg.inv(to_grid)
            there = cv2.perspectiveTransform(cells, into_j).reshape(-1, 2)
            inside = np.all((there >= 0.5) & (there <= (gw - 0.5, gh - 0.5)), axis=1)
            seen = cv2.remap(
                coarse[j].astype(np.float32),
                (there[:, 0] - 0.5).astype(np.float32).reshape(gh, gw),
                (there[:, 1] - 0.5).astype(np.float32).reshape(gh, gw),
                cv2.INTER_LINEAR,
            ).ravel()
            mine = coarse[k].ravel()
            keep = inside & (mine > 16) & (mine < 215) & (seen > 16) & (seen < 215)
            if keep.sum() < 12:
                continue
            far = _shading_terms(there[keep, 0] / gw * 2 - 1, there[keep, 1] / gh * 2 - 1)
            rows.append(here[keep] - far)
            values.append(np.log(mine[keep]) - np.log(seen[keep]))
            shifts.append(np.hypot(*(there[keep] - cells.reshape(-1, 2)[keep]).T).mean() / gw)
    if not rows or max(shifts) < 0.1:
        return None
    a, b = np.vstack(rows), np.concatenate(values)
    keep = np.ones(len(b), bool)
    for _ in range(3):
        # A little ridge: a camera that only pans sideways cannot tell how the shading changes up the screen, and
        # those terms must then stay near 0 rather than take whatever the noise says.
        kept = a[keep]
        normal = kept.T @ kept
        ridge = 0.01 * float(np.trace(normal)) / len(normal)
        coef = np.linalg.solve(normal + ridge * np.eye(len(normal)), kept.T @ b[keep])
        residual = np.abs(b - a @ coef)
        keep = residual <= max(3 * float(np.median(residual[keep])), 0.01)
    gain = np.exp(np.clip(here @ coef, -1.0, 0.3)).reshape(gh, gw)
    return gain.astype(np.float32)


def make_slice(
    video_path: Path, *, slices: int = 8, out_size: tuple[int, int] | None = None, trail: bool = True
) -> Slice:
    """The time-slice of ``video_path`` (a public clip: its clean master is used when there is one) with what it is
    made of; see :func:`time_slice`."""
    from .film import ai_mark  # the same label as the film

    video_path = Path(video_path)
    master = masters.master_for_video(video_path)
    frames = read_frames(master or video_path)
    h, w = frames[0].shape[:2]
    # RANSAC draws from OpenCV's global RNG: seed it so the same clip always gives the same still.
    cv2.setRNGSeed(0)
    transforms = camera_path(frames)
    moving = any(not np.allclose(t, np.eye(3)) for t in transforms)
    s = SEGMENT_SCALE
    sw, sh = max(2, round(w * s)), max(2, round(h * s))
    small = [cv2.resize(f, (sw, sh), interpolation=cv2.INTER_AREA) for f in frames]
    # Without a master, marks burnt into the public file barely change on screen while the camera moves.
    ignore = None
    if moving and master is None:
        grays = np.stack([cv2.cvtColor(f, cv2.COLOR_RGB2GRAY) for f in small[:: max(1, len(small) // 24)]])
        ignore = cv2.dilate((grays.std(axis=0) < 4).astype(np.uint8), np.ones((5, 5), np.uint8)).astype(bool)
    if moving:
        changes = _changes(small, transforms, s)
    else:
        everywhere = np.ones((sh, sw), bool)
        bg_small, _ = background(small, [everywhere] * len(small))
        changes = [(differs(frame, bg_small), everywhere) for frame in small]
    found = [candidates(changed, valid, ignore, i) for i, (changed, valid) in enumerate(changes)]
    instances = []
    for inst in track(found, float(np.hypot(sw, sh))):
        if inst.area < 0:
            continue  # cut by the frame's edge: the best this frame had, but no pose to paste
        # The centroid moves into the common (first frame's, full-size) coordinates; the mask stays the frame's.
        x, y = _apply(transforms[inst.index], np.array([inst.centroid[0] / s, inst.centroid[1] / s, 1.0]))
        instances.append(Instance(inst.index, inst.mask, (float(x), float(y)), int(inst.area / (s * s))))
    # Leave room round the poses for the figures themselves and for scenery on either side.
    span = ((MAX_CANVAS[0] - 0.6) * w, (MAX_CANVAS[1] - 0.6) * h)
    chosen = pick_instances(within_reach(instances, span), slices)
    used = [c.index for c in chosen] or [len(frames) // 2]
    offset, (cw, ch) = _canvas([transforms[i] for i in used], w, h) if moving else (np.eye(3), (w, h))
    warps = {i: offset @ transforms[i] for i in range(len(frames))}
    masks_full = {
        c.index: cv2.resize(c.mask.astype(np.uint8), (w, h), interpolation=cv2.INTER_LINEAR).astype(bool)
        for c in chosen
    }
    # A vignette stays put on the screen while the scenery pans under it: without it, every frame's darker edge
    # would show in the mosaic like the edge of a card in a stack.
    shading = screen_shading(small, transforms, s) if moving else None
    unshaded = (
        None if shading is None else cv2.merge([cv2.resize(1 / shading, (w, h), interpolation=cv2.INTER_CUBIC)] * 3)
    )

    def shown(i: int) -> np.ndarray:
        return frames[i] if unshaded is None else cv2.multiply(frames[i], unshaded, dtype=cv2.CV_8U)

    # The scenery: the middle pick's own frame, sharp, with what it does not cover filled from the frames nearest
    # to it in time, each without its own athlete (so no copy appears twice).
    reference = used[len(used) // 2]
    base = np.zeros((ch, cw, 3), np.uint8)
    covered = np.zeros((ch, cw), bool)
    # Every other frame is plenty to fill the edges, at half the warping.
    fill_order = sorted(range(0, len(frames), 2), key=lambda i: (abs(i - reference), i)) if moving else []
    fill_order = [reference, *[i for i in fill_order if i != reference]]
    figure_masks = {inst.index: inst.mask for inst in instances}
    grow = np.ones((9, 9), np.uint8)
    for i in fill_order:
        usable = np.ones((h, w), np.uint8)
        if i != reference and i in figure_masks:
            athlete = cv2.resize(figure_masks[i].astype(np.uint8), (w, h), interpolation=cv2.INTER_NEAREST)
            usable[cv2.dilate(athlete, grow) > 0] = 0
        area = cv2.warpPerspective(usable, warps[i], (cw, ch), flags=cv2.INTER_NEAREST, borderValue=0).astype(bool)
        area &= ~covered
        if not area.any():
            continue
        # Replicated borders: the frame's edge pixels would otherwise be blended with black, a dark line per frame.
        view = cv2.warpPerspective(
            shown(i), warps[i], (cw, ch), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
        )
        base[area] = view[area]
        covered |= area
        if covered.all():
            break
    base[~covered] = (200, 215, 230)
    figures = []
    for c in chosen:
        pixels = cv2.warpPerspective(shown(c.index), warps[c.index], (cw, ch), flags=cv2.INTER_LINEAR)
        mask = cv2.warpPerspective(masks_full[c.index].astype(np.uint8), warps[c.index], (cw, ch)) > 0
        figures.append((pixels, mask))
    last = chosen[-1].index if chosen else -1
    path = np.array([_apply(offset, np.array([*i.centroid, 1.0])) for i in instances if i.index <= last])
    result = composite(base, figures, path.reshape(-1, 2), trail=trail)
    foreground = np.zeros((ch, cw), bool)
    for _, mask in figures:
        foreground |= mask
    if out_size is not None:
        if chosen:
            pts = path if len(path) else np.array([[cw / 2, ch / 2]])
            focus = tuple((pts.min(axis=0) + pts.max(axis=0)) / 2)
        else:
            focus = (cw / 2, ch / 2)
        result, ((rw, rh), x, y) = _fit(result, out_size, focus)
        base = cv2.resize(base, (rw, rh), interpolation=cv2.INTER_AREA)[y : y + out_size[1], x : x + out_size[0]]
        foreground = cv2.resize(foreground.astype(np.uint8), (rw, rh), interpolation=cv2.INTER_NEAREST)
        foreground = foreground[y : y + out_size[1], x : x + out_size[0]].astype(bool)
    result = np.ascontiguousarray(result)
    ai_mark(result.shape[1], result.shape[0]).blend(result)
    typical = float(np.median([m.sum() for _, m in figures])) if figures else 0.0
    scale_area = foreground.size / max(1, cw * ch)
    count = count_figures(foreground, 0.2 * typical * scale_area) if figures else 0
    return Slice(
        Image.fromarray(result),
        base,
        foreground,
        count,
        master is not None,
        chosen,
        [mask for _, mask in figures],
    )


def time_slice(
    video_path: Path, *, slices: int = 8, out_size: tuple[int, int] | None = None, trail: bool = True
) -> Image.Image:
    """The time-slice still of ``video_path``: ``slices`` instances of the moving figure over the background.

    ``out_size`` (width, height) scales and crops the result; by default it is the common canvas (the clip's own
    size for a fixed camera, wider or taller when the camera pans).
    """
    return make_slice(video_path, slices=slices, out_size=out_size, trail=trail).image
