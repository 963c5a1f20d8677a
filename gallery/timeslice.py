"""The time-slice poster: one still that lays the athlete's successive poses along their path, the "spacetime
slice" of broadcast replays, on clips with a moving camera.

1. **Frames.** Decoded from the clip's clean master (:mod:`generation.masters`: no burnt-in "PREVIEW", caption or
   "AI-generated", so no mark is ever ghosted into the picture), evenly strided to at most ``MAX_FRAMES``. A clip
   without a master (made before masters existed) is read from its public file, and marks that stay fixed on
   screen while the camera moves are masked out.
2. **Registration.** Consecutive frames are matched at a small working size with ORB features (ratio test). A
   travelling camera sees its scenery at several depths moving differently (near ground sweeps by, far hills
   hardly move) and keeps the athlete still on screen, so motions are peeled off one by one with RANSAC (affine
   maps, which take a ground plane's shear); of those spread across the frame, the fastest is the ground the
   athlete is on. Without one, candidates (homography, similarity, median shift, phase correlation, the previous
   step) compete on how well they lay one frame over the other. The steps are chained as shifts of the ground in
   the middle of the view; a camera that barely moves is treated as fixed (no warping, no drift).
3. **Background.** For each frame, the median of a few neighbours warped onto it through the steps between
   (far enough that the athlete has moved on against the scenery).
4. **Figure.** Each frame's difference from its background is thresholded and cleaned with morphology (with a
   moving camera: without the slow shading, and without what swept across the screen with the scenery, i.e.
   parallax leftovers). The figure is the largest blob, or with a moving camera the blob lying most where blobs
   keep turning up on screen (a tracked athlete stays about put), plus close, sizeable neighbours (skis, poles).
5. **Poses.** ``slices`` instances are picked along the path: evenly spaced by distance travelled (over the middle
   stretch that fits the canvas when the athlete went far), each as far as possible from overlapping the ones
   already picked, so the copies read as distinct figures.
6. **Composite.** A soft light trail is drawn through the figure's whole path over the middle pose's frame (its
   edges filled from a few others), then the picked figures are pasted oldest first with feathered masks (older
   ones a little fainter and cooler), framed around the copies, and the "AI-generated" mark is added once.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av
import cv2
import numpy as np
from PIL import Image

from generation import masters

MAX_FRAMES = 96  # every frame of a 5 s, 16 fps clip: a fast pan moves the view a tenth of a frame per step
MEDIAN_FRAMES = 16
WORK_WIDTH = 416
SEGMENT_SCALE = 0.5  # figures are found on a half-size canvas: the same blobs for a quarter of the work
STATIC_MOTION = 0.02
MAX_CANVAS = (3.0, 2.0)  # the panorama is cropped to at most this many frame widths and heights
MIN_INLIERS = 12
DIFF_THRESHOLD = 28
SHADING_SCALE = 16  # segmentation-canvas pixels: shading broader than this is not the figure
STILL_FRACTION = 0.12  # pairs of frames differing in fewer pixels than this are taken as a still camera
# A map between two frames 1/16 s apart moves the frame's corners alike, up to the shear a travelling camera's
# ground plane shows (near ground sweeps by faster than far): a corner straying further than this share of the
# frame height from the centre's motion, or a frame area changed by more than MAX_STEP_AREA, is a bad fit.
MAX_STEP_WARP = 0.45
MAX_STEP_AREA = 0.3
MATCH_RATIO = 0.8  # Lowe's ratio test: a match must be clearly better than the runner-up
# A plane of the scenery must spread over this share of the frame's width: the athlete's own matches never do.
PLANE_SPREAD = 0.3
GROUND_ROW = 0.65  # share of a frame's height down to where its motion is measured: the ground under the athlete
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
    poses: int
    from_master: bool


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


def _plausible(h: np.ndarray | None, width: int, height: int) -> bool:
    """A frame-to-frame homography a moving camera can make: the frame stays a convex, unflipped quad of about
    its own area, and its corners move about as its centre does (shear from ground-plane parallax allowed)."""
    if h is None or not np.all(np.isfinite(h)) or abs(h[2, 2]) < 1e-9:
        return False
    h = h / h[2, 2]
    corners = np.array([[0, 0, 1], [width, 0, 1], [width, height, 1], [0, height, 1]], np.float64)
    mapped = corners @ h.T
    if np.any(mapped[:, 2] <= 1e-6):
        return False
    quad = mapped[:, :2] / mapped[:, 2:]
    centre = h @ np.array([width / 2, height / 2, 1.0])
    shift = centre[:2] / centre[2] - [width / 2, height / 2]
    if np.abs(quad - corners[:, :2] - shift).max() > MAX_STEP_WARP * height:
        return False
    edges = np.roll(quad, -1, axis=0) - quad
    turns = edges[:, 0] * np.roll(edges, -1, axis=0)[:, 1] - edges[:, 1] * np.roll(edges, -1, axis=0)[:, 0]
    area = 0.5 * abs(float(np.sum(quad[:, 0] * np.roll(quad[:, 1], -1) - np.roll(quad[:, 0], -1) * quad[:, 1])))
    return bool(np.all(turns > 0)) and abs(area / (width * height) - 1) < MAX_STEP_AREA


def _alignment_error(a: np.ndarray, b: np.ndarray, h: np.ndarray, edges: np.ndarray) -> float:
    """How badly ``h`` lays gray frame ``b`` over ``a``: the mean absolute difference on ``a``'s textured pixels
    that ``b`` covers, trimmed of its worst fifth (the athlete, falling snow)."""
    height, width = a.shape
    warped = cv2.warpPerspective(b, h, (width, height), flags=cv2.INTER_LINEAR, borderValue=0)
    cover = cv2.warpPerspective(np.ones_like(b), h, (width, height), flags=cv2.INTER_NEAREST, borderValue=0) > 0
    keep = cover & edges
    if keep.sum() < 0.02 * keep.size:
        return float("inf")
    diff = np.sort(cv2.absdiff(a, warped)[keep])
    return float(diff[: max(1, int(0.8 * len(diff)))].mean())


def _ground_plane(pb: np.ndarray, pa: np.ndarray, width: int, height: int) -> np.ndarray | None:
    """The motion of the scenery from matched points ``pb`` -> ``pa`` (3x3), or None.

    A travelling camera sees its scenery at several depths, each moving its own way (near ground sweeps by, far
    hills hardly move), and a tracking camera keeps the athlete still on screen. Motions are peeled off one by one
    with RANSAC, the best supported first; of those that spread across the frame (the athlete's own matches never
    spread that wide), the one moving fastest is the nearest: the ground the athlete is on.
    """
    left = np.ones(len(pa), bool)
    planes = []
    for _ in range(3):
        if left.sum() < 2 * MIN_INLIERS:
            break
        # Affine, not a full homography: it takes the shear of a ground plane sweeping by, and a chain of them
        # cannot blow up in perspective.
        m, inliers = cv2.estimateAffine2D(pb[left], pa[left], method=cv2.RANSAC, ransacReprojThreshold=2.5)
        if m is None or inliers is None:
            break
        h = np.vstack([m, [0.0, 0.0, 1.0]])
        found = np.flatnonzero(left)[inliers.ravel().astype(bool)]
        if len(found) < MIN_INLIERS:
            break
        left[found] = False
        spread = np.subtract(*np.percentile(pa[found, 0], [90, 10]))
        if len(found) >= 2 * MIN_INLIERS and spread >= PLANE_SPREAD * width and _plausible(h, width, height):
            moved = h @ [width / 2, GROUND_ROW * height, 1.0]
            planes.append((float(np.hypot(moved[0] - width / 2, moved[1] - GROUND_ROW * height)), len(planes), h))
    return max(planes)[2] if planes else None


def _high_pass(gray: np.ndarray) -> np.ndarray:
    """The gray frame without its slow shading (vignette, sky gradient), which does not move with the scenery."""
    g = gray.astype(np.float32)
    return g - cv2.GaussianBlur(g, (0, 0), 6)


def _pair_transform(
    a: np.ndarray,
    b: np.ndarray,
    orb: cv2.ORB,
    matcher: cv2.BFMatcher,
    features: dict | None = None,
    prior: np.ndarray | None = None,
) -> np.ndarray:
    """3x3 homography mapping points of gray frame ``b`` onto gray frame ``a`` (working size).

    Candidates: the RANSAC homography of ORB matches, a RANSAC similarity of the same matches, the median shift
    of the matches, a phase-correlation shift, the ``prior`` (the previous step: a camera moves smoothly) and its
    phase-correlation refinement, and no motion. Our clips have parallax, pan blur and smooth snow, where any one
    estimator fails now and then; the candidate that best lays ``b`` over ``a`` wins.
    """
    height, width = a.shape
    candidates = [np.eye(3)]
    # Each frame's features are found once, though every frame but the ends is in two pairs.
    features = {} if features is None else features
    for gray in (a, b):
        if id(gray) not in features:
            features[id(gray)] = orb.detectAndCompute(gray, None)
    ka, da = features[id(a)]
    kb, db = features[id(b)]
    if da is not None and db is not None and len(ka) >= MIN_INLIERS and len(kb) >= MIN_INLIERS:
        pairs = matcher.knnMatch(db, da, k=2)
        matches = [p[0] for p in pairs if len(p) == 2 and p[0].distance < MATCH_RATIO * p[1].distance]
        if len(matches) >= MIN_INLIERS:
            pb = np.float32([kb[m.queryIdx].pt for m in matches])
            pa = np.float32([ka[m.trainIdx].pt for m in matches])
            ground = _ground_plane(pb, pa, width, height)
            if ground is not None:
                return ground
            h, inliers = cv2.findHomography(pb, pa, cv2.RANSAC, 2.0)
            if inliers is not None and int(inliers.sum()) >= MIN_INLIERS and _plausible(h, width, height):
                candidates.append(h / h[2, 2])
            m, inliers = cv2.estimateAffinePartial2D(pb, pa, method=cv2.RANSAC, ransacReprojThreshold=2.0)
            if m is not None and inliers is not None and int(inliers.sum()) >= MIN_INLIERS:
                h = np.vstack([m, [0, 0, 1]])
                if _plausible(h, width, height):
                    candidates.append(h)
            dx, dy = np.median(pa - pb, axis=0)
            candidates.append(np.array([[1, 0, dx], [0, 1, dy], [0, 0, 1]], np.float64))
    window = cv2.createHanningWindow((width, height), cv2.CV_32F)
    high_a = _high_pass(a)
    (dx, dy), _ = cv2.phaseCorrelate(high_a, _high_pass(b), window)
    candidates.append(np.array([[1, 0, -dx], [0, 1, -dy], [0, 0, 1]], np.float64))
    if prior is not None and _plausible(prior, width, height):
        candidates.append(prior)
        ahead = cv2.warpPerspective(b, prior, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
        (dx, dy), _ = cv2.phaseCorrelate(high_a, _high_pass(ahead), window)
        candidates.append(np.array([[1, 0, -dx], [0, 1, -dy], [0, 0, 1]], np.float64) @ prior)
    grad = cv2.magnitude(cv2.Sobel(a, cv2.CV_32F, 1, 0), cv2.Sobel(a, cv2.CV_32F, 0, 1))
    edges = grad > max(20.0, float(np.percentile(grad, 60)))
    errors = [_alignment_error(a, b, h, edges) for h in candidates]
    best = int(np.argmin(errors))
    # No motion wins ties: a fixed camera must not drift on shake-level estimates.
    if errors[0] <= errors[best] * 1.02:
        return np.eye(3)
    return candidates[best]


def camera_steps(frames: list[np.ndarray]) -> list[np.ndarray]:
    """For each pair of consecutive frames, the 3x3 map from the later frame's pixels onto the earlier's (full
    resolution)."""
    h, w = frames[0].shape[:2]
    scale = min(1.0, WORK_WIDTH / w)
    grays = [
        cv2.cvtColor(cv2.resize(f, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA), cv2.COLOR_RGB2GRAY)
        for f in frames
    ]
    # A low corner threshold: pan-blurred snow has soft corners, and the ratio test weeds out the weak matches.
    orb = cv2.ORB_create(1000, fastThreshold=5, edgeThreshold=15)
    matcher = cv2.BFMatcher(cv2.NORM_HAMMING)
    to_full = np.diag([1 / scale, 1 / scale, 1.0])
    to_work = np.diag([scale, scale, 1.0])
    steps = []
    features: dict = {}
    prior = None
    for a, b in zip(grays, grays[1:], strict=False):
        prior = _pair_transform(a, b, orb, matcher, features, prior)
        steps.append(to_full @ prior @ to_work)
    # A camera moves smoothly: a step far off its neighbours' (where the athlete's own motion won) takes theirs.
    centre = np.array([w / 2, GROUND_ROW * h, 1.0])
    shifts = np.array([_apply(t, centre) - centre[:2] for t in steps])
    for k, shift in enumerate(shifts):
        usual = np.median(shifts[max(0, k - 2) : k + 3], axis=0)
        if np.hypot(*(shift - usual)) > max(0.01 * w, 0.3 * np.hypot(*usual)):
            steps[k] = np.array([[1, 0, usual[0]], [0, 1, usual[1]], [0, 0, 1]], np.float64)
    return steps


def camera_path(steps: list[np.ndarray], w: int, h: int) -> list[np.ndarray]:
    """For each frame, the 3x3 map from its pixels into the first frame's coordinates (full resolution): the
    chained shifts of the ground in the middle of the view (where a tracked athlete is).

    Only the shifts are chained: a travelling camera sweeps its ground by with a shear and zoom that change over the
    clip, and chained into one frame's perspective they blow up; shifts place each frame where its middle was.
    """
    centre = np.array([w / 2, GROUND_ROW * h, 1.0])
    chain = [np.eye(3)]
    for step in steps:
        dx, dy = _apply(step, centre) - centre[:2]
        chain.append(chain[-1] @ np.array([[1, 0, dx], [0, 1, dy], [0, 0, 1]], np.float64))
    drift = max(np.hypot(*_apply(t, centre) - centre[:2]) for t in chain)
    if drift < STATIC_MOTION * w:
        # A fixed camera: shake-level estimates would only blur the background.
        return [np.eye(3) for _ in chain]
    return chain


def _between(steps: list[np.ndarray], j: int, k: int) -> np.ndarray:
    """The map from frame ``j``'s pixels onto frame ``k``'s, through the steps between them."""
    m = np.eye(3)
    for i in range(min(j, k), max(j, k)):
        m = m @ steps[i]
    return m if j > k else np.linalg.inv(m)


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


def _shading(image: np.ndarray) -> np.ndarray:
    """The slow shading of ``image``: shrunk by ``SHADING_SCALE`` and grown back (a cheap wide blur)."""
    h, w = image.shape[:2]
    tiny = cv2.resize(image, (max(1, w // SHADING_SCALE), max(1, h // SHADING_SCALE)), interpolation=cv2.INTER_AREA)
    return cv2.resize(tiny, (w, h), interpolation=cv2.INTER_LINEAR)


def difference_mask(
    frame: np.ndarray, valid: np.ndarray, bg: np.ndarray, ignore: np.ndarray | None, detail_only: bool = False
) -> np.ndarray:
    """Where a frame (segmentation canvas) differs from its background: a cleaned uint8 mask. ``detail_only``
    compares the two without their slow shading (a moving camera's vignette and grade do not move with the
    scenery, so registered neighbours bring them along in the wrong place)."""
    a, b = frame.astype(np.float32), bg.astype(np.float32)
    if detail_only:
        a, b = a - _shading(a), b - _shading(b)
    diff = np.clip(np.abs(a - b).max(axis=2), 0, 255).astype(np.uint8)
    diff = cv2.GaussianBlur(diff, (5, 5), 0)
    fg = (diff > DIFF_THRESHOLD) & valid
    if ignore is not None:
        fg &= ~ignore
    fg = fg.astype(np.uint8)
    fg = cv2.morphologyEx(fg, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    return cv2.morphologyEx(fg, cv2.MORPH_CLOSE, np.ones((7, 7), np.uint8))


def segment(
    frame: np.ndarray,
    valid: np.ndarray,
    bg: np.ndarray,
    ignore: np.ndarray | None,
    index: int,
    fg: np.ndarray | None = None,
    where: np.ndarray | None = None,
) -> Instance | None:
    """The moving figure in one frame (segmentation canvas), or None: the largest blob that differs from the
    background, or with ``where`` (a weight per pixel: where the figure tends to be on screen) the blob that
    weighs most there."""
    fg = difference_mask(frame, valid, bg, ignore) if fg is None else fg
    n, labels, stats, centroids = cv2.connectedComponentsWithStats(fg, connectivity=8)
    if n <= 1:
        return None
    areas = stats[1:, cv2.CC_STAT_AREA]
    if where is None:
        best = int(np.argmax(areas)) + 1
    else:
        weight = np.bincount(labels.ravel(), weights=where.ravel(), minlength=n)[1:]
        best = int(np.argmax(weight)) + 1
    if stats[best, cv2.CC_STAT_AREA] < max(12, 0.0004 * valid.sum()):
        return None
    bx, by, bw, bh = stats[best, :4]
    reach = 0.75 * np.hypot(bw, bh)
    keep = [best]
    for label in range(1, n):
        if label != best and stats[label, cv2.CC_STAT_AREA] >= 0.08 * stats[best, cv2.CC_STAT_AREA]:
            if np.hypot(*(centroids[label] - centroids[best])) <= reach:
                keep.append(label)
    mask = np.isin(labels, keep)
    ys, xs = np.nonzero(mask)
    return Instance(index, mask, (float(xs.mean()), float(ys.mean())), int(mask.sum()))


def pick_instances(instances: list[Instance], slices: int, reach: float | None = None) -> list[Instance]:
    """``slices`` instances along the path: aimed at even spacing by distance travelled (or by time when the
    figure stays put), each nudged to the nearby frame whose figure overlaps the already picked ones least.

    Centroids are in canvas coordinates; a figure is taken as a disc of its own area for the overlap test. A path
    longer than ``reach`` (canvas pixels) is sampled over its middle stretch of that length, so that every copy
    lands on the canvas, spaced wide enough to read as distinct figures.
    """
    if len(instances) <= slices:
        return instances
    # Drop frames where segmentation clearly failed (a blob far bigger or smaller than the typical figure).
    typical = float(np.median([i.area for i in instances]))
    good = [i for i in instances if 0.35 * typical <= i.area <= 2.5 * typical] or instances
    if len(good) <= slices:
        return good
    pts = np.array([i.centroid for i in good])
    radius = np.sqrt(np.array([i.area for i in good]) / np.pi)
    # Distance along the path, measured on a running median of the centroids: a frame whose blob went astray
    # must not count as a long way travelled.
    k = min(5, len(pts)) | 1
    padded = np.pad(pts, ((k // 2, k // 2), (0, 0)), mode="edge")
    steady = np.median(np.stack([padded[i : i + len(pts)] for i in range(k)]), axis=0)
    travelled = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(steady, axis=0).T))])
    if reach is not None and travelled[-1] > reach:
        middle = travelled[-1] / 2
        inside = [k for k, d in enumerate(travelled) if abs(d - middle) <= reach / 2]
        inside = inside or [int(np.argmin(np.abs(travelled - middle)))]
        good, pts, radius = [good[k] for k in inside], pts[inside], radius[inside]
        travelled = travelled[inside] - travelled[inside][0]
        if len(good) <= slices:
            return good
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


def _trail(canvas: np.ndarray, path: np.ndarray, thickness: float) -> np.ndarray:
    """``canvas`` with a soft glowing line through ``path`` (full canvas pixels), brightest at the newest end."""
    if len(path) < 2:
        return canvas
    h, w = canvas.shape[:2]
    # Smooth the centroid wobble (limbs move the centroid) before drawing.
    k = min(5, len(path))
    kernel = np.ones(k) / k
    smooth = np.stack([np.convolve(np.pad(path[:, d], k // 2, mode="edge"), kernel, "valid") for d in (0, 1)], 1)
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
        age = 1 - k / max(1, n - 1)  # 1 for the oldest, 0 for the newest
        src = pixels.astype(np.float32)
        grey = src.mean(axis=2, keepdims=True)
        cool = grey * np.array([0.92, 0.97, 1.08], np.float32)
        src = src * (1 - 0.4 * age) + cool * 0.4 * age
        alpha = cv2.GaussianBlur(mask.astype(np.float32), (5, 5), 0)[..., None] * (1 - 0.4 * age)
        out = out * (1 - alpha) + src * alpha
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


def _local_backgrounds(
    small: list[np.ndarray], transforms: list[np.ndarray], steps: list[np.ndarray], scale: float
) -> list[tuple[np.ndarray, np.ndarray]]:
    """For each frame, its background seen from its own viewpoint: the median of a few neighbouring frames (a
    third of a second or more away) warped onto it, and where at least two of them cover it.

    Short hops keep the warps accurate (no panorama-wide drift); far enough apart, the athlete a tracking camera
    keeps in the middle of the screen has moved on against the scenery, so the median shows the scenery. A fast
    pan gets there sooner: a neighbour also counts as far enough once the view has moved a fifth of a frame, so it
    still overlaps the frame.
    """
    n = len(small)
    d = max(2, n // 12)
    h, w = small[0].shape[:2]
    to_small, to_full = np.diag([scale, scale, 1.0]), np.diag([1 / scale, 1 / scale, 1.0])
    ones = np.ones((h, w), np.uint8)
    centre = np.array([w / scale / 2, h / scale / 2, 1.0])
    where = np.array([_apply(t, centre) for t in transforms])
    hop = 0.2 * w / scale
    out = []
    for k in range(n):
        neighbours: list[int] = []
        for side in (-1, 1):
            for reach in (1, 2):
                j = k + side
                while 0 <= j < n and abs(j - k) < reach * d and np.hypot(*(where[j] - where[k])) < reach * hop:
                    j += side
                if 0 <= j < n and j not in neighbours:
                    neighbours.append(j)
        views, covers = [], []
        for j in neighbours:
            m = to_small @ _between(steps, j, k) @ to_full
            views.append(cv2.warpPerspective(small[j], m, (w, h), flags=cv2.INTER_LINEAR, borderValue=0))
            covers.append(cv2.warpPerspective(ones, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0).astype(bool))
        bg, count = background(views, covers)
        out.append((bg, count >= min(2, len(neighbours))))
    return out


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
    steps = camera_steps(frames)
    transforms = camera_path(steps, w, h)
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
        locals_ = _local_backgrounds(small, transforms, steps, s)
    else:
        everywhere = np.ones((sh, sw), bool)
        bg_small, _ = background(small, [everywhere] * len(small))
        locals_ = [(bg_small, everywhere)] * len(small)
    masks = [
        difference_mask(f, valid, bg_small, ignore, detail_only=moving)
        for f, (bg_small, valid) in zip(small, locals_, strict=True)
    ]
    where = None
    if moving:
        # What a travelling camera's registration leaves behind (poles, boards and trees off the ground plane,
        # seen with parallax) sweeps across the screen with the scenery; the athlete it tracks stays about put. A
        # pixel that changed a lot on screen since the frames a third of a second either side is scenery.
        gap = max(1, len(small) // 16)
        for i, mask in enumerate(masks):
            near = [small[j] for j in (i - gap, i + gap) if 0 <= j < len(small)]
            swept = np.min([np.abs(small[i].astype(np.int16) - f).max(axis=2) for f in near], axis=0)
            swept = cv2.GaussianBlur(swept.astype(np.uint8), (5, 5), 0) > 2 * DIFF_THRESHOLD
            mask[swept] = 0
            masks[i] = cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
        # A tracking camera keeps the athlete in about the same place on screen while the scenery sweeps through:
        # where the frames differ from their backgrounds most often is where the athlete is (parallax leftovers of
        # poles and boards pass by), so each frame's figure is its blob that lies most there.
        where = cv2.GaussianBlur(np.mean(masks, axis=0).astype(np.float32), (0, 0), 4) ** 2
    instances = []
    for i, (frame, (bg_small, valid)) in enumerate(zip(small, locals_, strict=True)):
        inst = segment(frame, valid, bg_small, ignore, i, masks[i], where)
        if inst is not None:
            # The centroid moves into the common (first frame's, full-size) coordinates; the mask stays the frame's.
            x, y = _apply(transforms[i], np.array([inst.centroid[0] / s, inst.centroid[1] / s, 1.0]))
            instances.append(Instance(i, inst.mask, (float(x), float(y)), int(inst.area / (s * s))))
    # Tracked by the camera, the copies span the path plus one frame: the path may take two thirds of the canvas.
    chosen = pick_instances(instances, slices, reach=(MAX_CANVAS[0] - 1) * w * 0.9)
    used = [c.index for c in chosen] or [len(frames) // 2]
    offset, (cw, ch) = _canvas([transforms[i] for i in used], w, h) if moving else (np.eye(3), (w, h))
    warps = {i: offset @ transforms[i] for i in range(len(frames))}
    masks_full = {
        c.index: cv2.resize(c.mask.astype(np.uint8), (w, h), interpolation=cv2.INTER_LINEAR).astype(bool)
        for c in chosen
    }
    # The scenery: the middle pick's own frame, sharp, with what it does not cover filled from the frames nearest
    # to it in time, each without its own athlete (so no copy appears twice).
    reference = used[len(used) // 2]
    base = np.zeros((ch, cw, 3), np.uint8)
    covered = np.zeros((ch, cw), bool)
    # A few frames are plenty to fill the edges, in big pieces: thin strips from many frames would show every
    # seam of the scenery's parallax.
    fill_step = max(2, len(frames) // 10)
    fill_order = sorted(range(reference % fill_step, len(frames), fill_step), key=lambda i: (abs(i - reference), i))
    fill_order = fill_order if moving else []
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
        view = cv2.warpPerspective(frames[i], warps[i], (cw, ch), flags=cv2.INTER_LINEAR, borderValue=0)
        base[area] = view[area]
        covered |= area
        if covered.all():
            break
    base[~covered] = (200, 215, 230)
    figures = []
    for c in chosen:
        pixels = cv2.warpPerspective(frames[c.index], warps[c.index], (cw, ch), flags=cv2.INTER_LINEAR)
        mask = cv2.warpPerspective(masks_full[c.index].astype(np.uint8), warps[c.index], (cw, ch)) > 0
        figures.append((pixels, mask))
    last = chosen[-1].index if chosen else -1
    path = np.array([_apply(offset, np.array([*i.centroid, 1.0])) for i in instances if i.index <= last])
    result = composite(base, figures, path.reshape(-1, 2), trail=trail)
    foreground = np.zeros((ch, cw), bool)
    for _, mask in figures:
        foreground |= mask
    if moving and foreground.any():
        # Framed around the copies: the rest of a travelling camera's canvas is mostly the edges of frames.
        ys, xs = np.nonzero(foreground)
        x0, x1 = int(max(0, xs.min() - 0.2 * w)), int(min(cw, xs.max() + 0.2 * w)) & ~1
        y0, y1 = int(max(0, ys.min() - 0.25 * h)), int(min(ch, ys.max() + 0.25 * h)) & ~1
        result, base, foreground = result[y0:y1, x0:x1], base[y0:y1, x0:x1], foreground[y0:y1, x0:x1]
        path = path.reshape(-1, 2) - [x0, y0]
        cw, ch = x1 - x0, y1 - y0
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
    return Slice(Image.fromarray(result), base, foreground, count, len(chosen), master is not None)


def time_slice(
    video_path: Path, *, slices: int = 8, out_size: tuple[int, int] | None = None, trail: bool = True
) -> Image.Image:
    """The time-slice still of ``video_path``: ``slices`` instances of the moving figure over the background.

    ``out_size`` (width, height) scales and crops the result; by default it is the common canvas (the clip's own
    size for a fixed camera, wider or taller when the camera pans).
    """
    return make_slice(video_path, slices=slices, out_size=out_size, trail=trail).image
