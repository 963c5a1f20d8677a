"""The time-slice poster: one still that shows a clip's motion, the "spacetime slice" of broadcast replays.

Approach:

1. **Frames.** The clip is decoded once (at most ``MAX_FRAMES`` frames, evenly strided).
2. **Camera motion.** Consecutive frames are matched at a small working size with ORB features, and the shift is
   estimated with RANSAC (a similarity fit, of which the median inlier shift is kept), so the athlete and falling
   snow are rejected as outliers; pairs with too few features fall back to phase correlation (shift only). The
   shifts are chained into one common coordinate frame (the first frame's), like a panorama. When the camera barely
   moves (under ``STATIC_MOTION`` of the width) the clip is treated as a fixed camera: no warping, no drift.
3. **Background.** Every frame is warped into the common frame and the background is the per-pixel temporal
   median over a subsample of frames, counting only the frames that cover each pixel: a moving figure occupies
   any one pixel for a minority of frames, so it drops out.
4. **Figure.** Each frame's difference from the background is thresholded, cleaned with morphology, and the largest
   connected component (plus close, sizeable neighbours: skis, poles, stick) is the figure. For a moving camera,
   pixels that stay fixed *on screen* (labels, letterbox bars) are excluded: they are overlays, not the athlete.
5. **Layering.** N instances are picked evenly spaced along the figure's path (by distance travelled, or by time
   if it stays in place) and pasted oldest first with feathered masks; older instances are more transparent and
   desaturated, the last one is solid. A small "AI-generated" mark is added.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av
import cv2
import numpy as np
from PIL import Image

MAX_FRAMES = 96
MEDIAN_FRAMES = 24
WORK_WIDTH = 320
STATIC_MOTION = 0.02
MAX_CANVAS = (3.0, 2.0)  # the panorama is cropped to at most this many frame widths and heights
MIN_INLIERS = 12
DIFF_THRESHOLD = 28
STILL_FRACTION = 0.12  # pairs of frames differing in fewer pixels than this are taken as a still camera


class TimeSliceError(ValueError):
    """The video could not be read or has too few frames."""


@dataclass
class Instance:
    """The figure in one frame: its mask in canvas coordinates, centroid and area."""

    index: int
    mask: np.ndarray  # bool, canvas size
    centroid: tuple[float, float]
    area: int


def read_frames(video_path: Path) -> list[np.ndarray]:
    """RGB frames of the video, evenly strided down to at most ``MAX_FRAMES``."""
    try:
        with av.open(str(video_path)) as container:
            stream = container.streams.video[0]
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


def _pair_transform(a: np.ndarray, b: np.ndarray, orb: cv2.ORB, matcher: cv2.BFMatcher) -> np.ndarray:
    """3x3 shift mapping points of gray frame ``b`` onto gray frame ``a``."""
    # A fixed camera changes only the pixels the figure covers; without this, features or correlation on the
    # moving figure itself would read as a pan.
    if (cv2.absdiff(a, b) > 12).mean() < STILL_FRACTION:
        return np.eye(3)
    ka, da = orb.detectAndCompute(a, None)
    kb, db = orb.detectAndCompute(b, None)
    if da is not None and db is not None and len(ka) >= MIN_INLIERS and len(kb) >= MIN_INLIERS:
        matches = matcher.match(db, da)
        if len(matches) >= MIN_INLIERS:
            pb = np.float32([kb[m.queryIdx].pt for m in matches])
            pa = np.float32([ka[m.trainIdx].pt for m in matches])
            m, inliers = cv2.estimateAffinePartial2D(pb, pa, method=cv2.RANSAC, ransacReprojThreshold=2.0)
            if m is not None and inliers is not None and int(inliers.sum()) >= MIN_INLIERS:
                # Only the shift is kept: our clips' cameras zoom a little and have parallax, and chained
                # zoom/rotation estimates drift into a warped panorama, while chained shifts stay sane.
                keep = inliers.ravel().astype(bool)
                dx, dy = np.median(pa[keep] - pb[keep], axis=0)
                return np.array([[1, 0, dx], [0, 1, dy], [0, 0, 1]], np.float64)
    # Too little texture for features (fresh snow): a pure shift from phase correlation.
    window = cv2.createHanningWindow((a.shape[1], a.shape[0]), cv2.CV_32F)
    (dx, dy), _ = cv2.phaseCorrelate(a.astype(np.float32), b.astype(np.float32), window)
    return np.array([[1, 0, -dx], [0, 1, -dy], [0, 0, 1]], np.float64)


def camera_path(frames: list[np.ndarray]) -> list[np.ndarray]:
    """For each frame, the 3x3 transform from its pixels into the first frame's coordinates (full resolution)."""
    h, w = frames[0].shape[:2]
    scale = min(1.0, WORK_WIDTH / w)
    grays = [
        cv2.cvtColor(cv2.resize(f, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA), cv2.COLOR_RGB2GRAY)
        for f in frames
    ]
    orb = cv2.ORB_create(600)
    matcher = cv2.BFMatcher(cv2.NORM_HAMMING, crossCheck=True)
    to_full = np.diag([1 / scale, 1 / scale, 1.0])
    to_work = np.diag([scale, scale, 1.0])
    chain = [np.eye(3)]
    for a, b in zip(grays, grays[1:], strict=False):
        pair = to_full @ _pair_transform(a, b, orb, matcher) @ to_work
        chain.append(chain[-1] @ pair)
    centre = np.array([w / 2, h / 2, 1.0])
    drift = max(np.hypot(*(t @ centre)[:2] - centre[:2]) for t in chain)
    if drift < STATIC_MOTION * w:
        # A fixed camera: shake-level estimates would only blur the background.
        return [np.eye(3) for _ in frames]
    return chain


def _canvas(transforms: list[np.ndarray], w: int, h: int) -> tuple[np.ndarray, tuple[int, int]]:
    """The offset transform and size of the common canvas covering every frame (capped around the middle)."""
    corners = np.array([[0, 0, 1], [w, 0, 1], [0, h, 1], [w, h, 1]], np.float64).T
    pts = np.hstack([(t @ corners)[:2] for t in transforms])
    x0, y0 = pts.min(axis=1)
    x1, y1 = pts.max(axis=1)
    cw, ch = min(x1 - x0, MAX_CANVAS[0] * w), min(y1 - y0, MAX_CANVAS[1] * h)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    offset = np.array([[1, 0, cw / 2 - cx], [0, 1, ch / 2 - cy], [0, 0, 1]], np.float64)
    return offset, (int(round(cw)) & ~1, int(round(ch)) & ~1)


def background(warped: list[np.ndarray], valid: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Per-pixel median of the frames covering each pixel, and the coverage count."""
    step = max(1, len(warped) // MEDIAN_FRAMES)
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


def segment(
    frame: np.ndarray, valid: np.ndarray, bg: np.ndarray, ignore: np.ndarray | None, index: int
) -> Instance | None:
    """The moving figure in one warped frame, or None."""
    diff = np.abs(frame.astype(np.int16) - bg.astype(np.int16)).max(axis=2).astype(np.uint8)
    diff = cv2.GaussianBlur(diff, (5, 5), 0)
    fg = (diff > DIFF_THRESHOLD) & valid
    if ignore is not None:
        fg &= ~ignore
    fg = fg.astype(np.uint8)
    fg = cv2.morphologyEx(fg, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8))
    fg = cv2.morphologyEx(fg, cv2.MORPH_CLOSE, np.ones((9, 9), np.uint8))
    n, labels, stats, centroids = cv2.connectedComponentsWithStats(fg, connectivity=8)
    if n <= 1:
        return None
    areas = stats[1:, cv2.CC_STAT_AREA]
    best = int(np.argmax(areas)) + 1
    if stats[best, cv2.CC_STAT_AREA] < max(30, 0.0004 * valid.sum()):
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


def pick_instances(instances: list[Instance], slices: int) -> list[Instance]:
    """``slices`` instances evenly spaced along the path travelled (or in time when the figure stays put)."""
    if len(instances) <= slices:
        return instances
    # Drop frames where segmentation clearly failed (a blob far bigger or smaller than the typical figure).
    typical = float(np.median([i.area for i in instances]))
    good = [i for i in instances if 0.35 * typical <= i.area <= 2.5 * typical] or instances
    pts = np.array([i.centroid for i in good])
    travelled = np.concatenate([[0.0], np.cumsum(np.hypot(*np.diff(pts, axis=0).T))])
    size = np.sqrt(typical)
    if travelled[-1] > 2 * size:
        targets = np.linspace(0, travelled[-1], slices)
        chosen = sorted({int(np.argmin(np.abs(travelled - t))) for t in targets})
    else:
        chosen = sorted({round(x) for x in np.linspace(0, len(good) - 1, slices)})
    return [good[c] for c in chosen]


def composite(bg: np.ndarray, warped: list[np.ndarray], chosen: list[Instance]) -> np.ndarray:
    """The background with the chosen figures pasted oldest first, older ones fainter and greyer."""
    out = bg.astype(np.float32)
    n = len(chosen)
    for k, inst in enumerate(chosen):
        age = 1 - k / max(1, n - 1)  # 1 for the oldest, 0 for the newest
        src = warped[inst.index].astype(np.float32)
        grey = src.mean(axis=2, keepdims=True)
        src = src * (1 - 0.55 * age) + grey * 0.55 * age
        alpha = cv2.GaussianBlur(inst.mask.astype(np.float32), (5, 5), 0)[..., None] * (1 - 0.55 * age)
        out = out * (1 - alpha) + src * alpha
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


def _fit(image: np.ndarray, size: tuple[int, int], focus: tuple[float, float]) -> np.ndarray:
    """Scale ``image`` to cover ``size`` and crop around ``focus`` (the middle of the path)."""
    h, w = image.shape[:2]
    tw, th = size
    scale = max(tw / w, th / h)
    resized = cv2.resize(image, (max(tw, round(w * scale)), max(th, round(h * scale))), interpolation=cv2.INTER_AREA)
    rh, rw = resized.shape[:2]
    x = int(np.clip(focus[0] * scale - tw / 2, 0, rw - tw))
    y = int(np.clip(focus[1] * scale - th / 2, 0, rh - th))
    return resized[y : y + th, x : x + tw]


def time_slice(video_path: Path, *, slices: int = 8, out_size: tuple[int, int] | None = None) -> Image.Image:
    """The time-slice still of ``video_path``: ``slices`` instances of the moving figure over the background.

    ``out_size`` (width, height) scales and crops the result; by default it is the common canvas (the clip's own
    size for a fixed camera, wider or taller when the camera pans).
    """
    from .film import ai_mark  # the same label as the film

    frames = read_frames(Path(video_path))
    h, w = frames[0].shape[:2]
    # RANSAC draws from OpenCV's global RNG: seed it so the same clip always gives the same still.
    cv2.setRNGSeed(0)
    transforms = camera_path(frames)
    moving = any(not np.allclose(t, np.eye(3)) for t in transforms)
    if moving:
        offset, (cw, ch) = _canvas(transforms, w, h)
    else:
        offset, (cw, ch) = np.eye(3), (w, h)
    ones = np.ones((h, w), np.uint8)
    # Screen-fixed overlays (labels, letterbox bars) barely change on screen while the camera moves.
    screen_static = None
    if moving:
        grays = np.stack([cv2.cvtColor(f, cv2.COLOR_RGB2GRAY) for f in frames[:: max(1, len(frames) // 24)]])
        screen_static = (grays.std(axis=0) < 4).astype(np.uint8)
        screen_static = cv2.dilate(screen_static, np.ones((7, 7), np.uint8))
    warped, valid, ignore = [], [], []
    for frame, t in zip(frames, transforms, strict=True):
        m = (offset @ t)[:2]
        if moving:
            warped.append(cv2.warpAffine(frame, m, (cw, ch), flags=cv2.INTER_LINEAR, borderValue=0))
            cover = cv2.warpAffine(ones, m, (cw, ch), flags=cv2.INTER_NEAREST, borderValue=0)
            valid.append(cv2.erode(cover, np.ones((5, 5), np.uint8)).astype(bool))
            ignore.append(cv2.warpAffine(screen_static, m, (cw, ch), flags=cv2.INTER_NEAREST).astype(bool))
        else:
            warped.append(frame)
            valid.append(ones.astype(bool))
    bg, _ = background(warped, valid)
    instances = [
        inst
        for i in range(len(warped))
        if (inst := segment(warped[i], valid[i], bg, ignore[i] if ignore else None, i)) is not None
    ]
    chosen = pick_instances(instances, slices)
    result = composite(bg, warped, chosen)
    if out_size is not None:
        if chosen:
            pts = np.array([c.centroid for c in chosen])
            focus = tuple((pts.min(axis=0) + pts.max(axis=0)) / 2)
        else:
            focus = (cw / 2, ch / 2)
        result = _fit(result, out_size, focus)
    result = np.ascontiguousarray(result)
    ai_mark(result.shape[1], result.shape[0]).blend(result)
    return Image.fromarray(result)
