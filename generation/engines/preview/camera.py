"""The virtual broadcast camera: where it looks in each frame, and how world points land on screen."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np
from scipy.ndimage import gaussian_filter1d

from .rig import rot_x, rot_y

DISTANCE = 16.0  # metres from the camera to what it looks at

PAN_HALF_ANGLE = 0.4  # radians: the widest a fixed camera swings either side of the clip's middle

CAMERA_MODES = ("tracking", "aerial", "close-up", "slow-motion", "zoom", "orbit", "static")


@dataclass
class View:
    """One frame's camera: looks at ``target`` (world metres) with ``zoom`` and an orbit ``yaw``/``pitch``."""

    target: np.ndarray
    zoom: float
    yaw: float
    pitch: float
    width: int
    height: int
    velocity: np.ndarray  # screen pixels per frame the world moves by (for blur and speed lines)
    distance: float = DISTANCE  # metres from the camera to ``target``
    # A pan from a fixed point (:func:`pan_from_fixed_point`): the far layers (sky, mountains, hills) are drawn as
    # in ``anchor``, the clip's middle view, moved by ``sweep``, the screen pixels a point at infinity moved by.
    anchor: View | None = field(default=None, repr=False, compare=False)
    sweep: np.ndarray = field(default_factory=lambda: np.zeros(2), repr=False, compare=False)
    # The rotation for the (yaw, pitch) it was built for: a frame projects thousands of points through one view,
    # and the renderer nudges yaw and pitch after planning, so the cache is keyed rather than built once.
    _rotation: tuple[float, float, np.ndarray, np.ndarray] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def scale(self) -> float:
        """Pixels per metre."""
        return self.height / 480 * 74 * self.zoom

    @property
    def rotation(self) -> np.ndarray:
        return self._rotations()[0]

    def _rotations(self) -> tuple[np.ndarray, np.ndarray]:
        cached = self._rotation
        if cached is None or cached[0] != self.yaw or cached[1] != self.pitch:
            # Negative turn: a positive yaw shows the athlete (travelling +x) from the front three-quarters.
            r = rot_x(self.pitch) @ rot_y(-self.yaw)
            cached = self._rotation = (self.yaw, self.pitch, r, np.ascontiguousarray(r.T))
        return cached[2], cached[3]

    def project(self, points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """World ``(..., 3)`` points to screen ``(..., 2)`` pixels and a depth (bigger is nearer the camera)."""
        q = (np.asarray(points, dtype=np.float64) - self.target) @ self._rotations()[1]
        depth = q[..., 2]
        s = self.scale * self.perspective(depth)
        xy = np.empty(q.shape[:-1] + (2,))
        xy[..., 0] = self.width * 0.5 + q[..., 0] * s
        xy[..., 1] = self.height * 0.55 - q[..., 1] * s
        return xy, depth

    def perspective(self, depth):
        """Size factor at ``depth`` (1 at the target; a long lens ``distance`` metres away)."""
        return self.distance / (self.distance - np.minimum(depth, self.distance * 0.8))

    @property
    def far(self) -> View:
        """The view whose place the far layers are drawn for (before ``sweep``)."""
        return self.anchor or self


def normalise_mode(camera: str | None) -> str:
    text = (camera or "tracking").lower().replace("_", "-").replace(" ", "-")
    aliases = {
        "closeup": "close-up",
        "close": "close-up",
        "slowmo": "slow-motion",
        "slow": "slow-motion",
        "drone": "aerial",
        "overhead": "aerial",
        "birds-eye": "aerial",
        "zoom-in": "zoom",
        "dolly": "zoom",
        "pan": "tracking",
        "follow": "tracking",
        "fixed": "static",
        "360": "orbit",
    }
    text = aliases.get(text, text)
    return text if text in CAMERA_MODES else "tracking"


def plan_views(
    focus: np.ndarray,
    *,
    mode: str,
    width: int,
    height: int,
    base_zoom: float,
    fps: int,
    rng: np.random.Generator,
) -> list[View]:
    """Camera for every frame from the focus point's path ``(frames, 3)``: smoothed like an operator's pan."""
    n = len(focus)
    frac = np.linspace(0.0, 1.0, n)
    ease = frac * frac * (3 - 2 * frac)
    sigma = (0.16 if mode != "static" else 0.06) * fps
    smooth = gaussian_filter1d(focus, sigma=max(sigma, 0.5), axis=0, mode="nearest") if n > 1 else focus
    # Look a little ahead of the athlete (0.12 s of travel), like an operator leading the pan.
    lead = np.gradient(smooth, axis=0) * fps * 0.12 if n > 1 else np.zeros_like(focus)
    target = smooth + lead * np.array([1.0, 0.3, 0.0])
    zoom = np.full(n, base_zoom)
    yaw = np.full(n, 0.32 + rng.uniform(-0.12, 0.12))
    pitch = np.full(n, 0.06)
    if mode == "aerial":
        zoom *= 0.62
        pitch[:] = 0.62
        yaw += 0.25
    elif mode == "close-up":
        zoom *= 1.9
        target = target + np.array([0.0, 0.55, 0.0])
    elif mode == "zoom":
        zoom *= 0.7 + 1.1 * ease
    elif mode == "orbit":
        yaw = -0.9 + 1.8 * ease + rng.uniform(-0.1, 0.1)
        pitch[:] = 0.18
    elif mode == "static":
        centre = focus[int(n * 0.6)]
        spread = np.ptp(focus[:, :2], axis=0)
        zoom *= float(np.clip(min(9.0 / max(spread[0], 1e-3), 6.0 / max(spread[1], 1e-3)), 0.45, 1.0))
        target = np.repeat(centre[None, :] + np.array([0.0, 0.6, 0.0]), n, axis=0)
    elif mode == "slow-motion":
        zoom *= 1.25
    # A hand-held breath: tiny deterministic drift so even a static shot feels filmed.
    phase = rng.uniform(0, 6.28, 2)
    drift = (
        0.04
        / zoom[:, None]
        * np.stack([np.sin(frac * 5.1 + phase[0]), np.sin(frac * 3.7 + phase[1]), np.zeros(n)], axis=-1)
    )
    target = target + drift

    views: list[View] = []
    for i in range(n):
        views.append(View(target[i], float(zoom[i]), float(yaw[i]), float(pitch[i]), width, height, np.zeros(2)))
    measure_velocity(views, focus)
    return views


def measure_velocity(views: list[View], focus: np.ndarray) -> None:
    """Set each view's ``velocity``: how far the world at the focus point moved on screen since the last frame."""
    for i in range(1, len(views)):
        a, _ = views[i].project(focus[i - 1])
        b, _ = views[i - 1].project(focus[i - 1])
        views[i].velocity = a - b
    if views:
        views[0].velocity = np.zeros(2)


def pan_from_fixed_point(views: list[View], focus: np.ndarray, path: np.ndarray | None = None) -> None:
    """Turn ``views`` that travel with the athlete into a broadcast camera on the course side that stays put and
    only pans and tilts to follow them, with a fixed lens.

    It stands behind the middle view, far enough back that the whole clip is a swing of at most
    ``PAN_HALF_ANGLE`` either side, and looks at each view's target. A turning camera sees no parallax: every
    frame is the same scene through a homography (what the time-slice registers), so the far layers, painted
    flat, move as far as a point at infinity does (``sweep``) instead of scrolling at their own depth's speed.

    The camera is placed from ``path`` (default ``focus``): where the athlete goes without the fan's beats, so
    that a fall late in the clip leaves its first seconds exactly as they were.
    """
    if len(views) < 2:
        return
    path = focus if path is None else path
    middle = len(views) // 2
    mid = views[middle]
    reach = float(np.linalg.norm(path - path[middle], axis=1).max())
    distance = max(DISTANCE, reach / np.tan(PAN_HALF_ANGLE))
    back = mid.rotation.T @ np.array([0.0, 0.0, 1.0])  # from the target toward the camera
    eye = path[middle] + back * distance
    focal = mid.scale * distance  # pixels per unit of tangent: the lens never zooms
    anchor = replace(mid, target=path[middle].copy(), distance=distance)
    looked = -back  # where the middle of the path is seen from: the first frame's far layers start from it
    sweep = np.zeros(2)
    for view in views:
        to_eye = eye - view.target
        length = float(np.linalg.norm(to_eye))
        u = to_eye / length
        view.yaw, view.pitch = float(np.arctan2(u[0], u[2])), float(np.arcsin(np.clip(u[1], -1.0, 1.0)))
        view.distance = length
        view.zoom = mid.zoom * distance / length
        view.anchor = anchor
        # A flat layer cannot bend as a turning lens bends the sky: from frame to frame it follows what is in the
        # middle of the picture, where the last frame looked. Summed from the first frame, so that a beat late in
        # the clip changes nothing before it.
        seen = view.rotation @ looked
        sweep = sweep + focal * np.array([seen[0], -seen[1]]) / max(-seen[2], 1e-6)
        view.sweep = sweep
        looked = -u
    measure_velocity(views, focus)
