"""What a sport's motion function hands the renderer for one instant, and the easing it is built from.

A :class:`Motion` owns a course (the venue kind, a ground profile, fixed props such as gates) and answers
:meth:`Motion.beat` for any time: the athlete's pose and gear, where the camera should look, where snow or ice
is thrown, and moving props (a puck, a stone, a sled).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .rig import Arm, Build, Pose, solve

G = 9.81


@dataclass
class Gear:
    """Equipment drawn on the figure. ``feet``: skis, board, skates, boots. ``hands``: poles, stick, broom,
    rifle or nothing; ``rifle_on_back`` keeps a biathlon rifle slung."""

    feet: str = "boots"
    hands: str = ""
    ski_pitch: float = 0.0  # tips up (radians), relative to the pelvis
    ski_spread: float = 0.0  # V-style: tips apart (radians)
    pole_angle: tuple[float, float] = (0.35, 0.35)  # from straight down toward the back, per hand
    tool_angle: float = 0.0  # stick / broom / rifle direction in the body's sagittal plane
    rifle_on_back: bool = False
    backpack: bool = False
    bib: bool = True


@dataclass
class Prop:
    """A thing in the world that is not the athlete: ``kind`` picks how it is drawn (see ``props.py``)."""

    kind: str
    pos: np.ndarray
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class Emitter:
    """Throws ``rate`` particles per second from ``pos`` around ``vel`` (metres, m/s)."""

    pos: np.ndarray
    vel: np.ndarray
    rate: float
    spread: float = 1.5
    kind: str = "snow"  # snow or ice


@dataclass
class Beat:
    """The renderer's input for one instant."""

    pose: Pose
    gear: Gear
    focus: np.ndarray
    velocity: np.ndarray
    emitters: list[Emitter] = field(default_factory=list)
    props: list[Prop] = field(default_factory=list)
    crew: list[tuple[Pose, Gear]] = field(default_factory=list)
    flash: float = 0.0  # 0..1 a bright moment (goal, hit, landing) for the grade


class Motion:
    """Base of every sport. Subclasses set ``venue``, ``profile`` and ``fixtures`` and implement ``beat``."""

    venue = "slope"  # slope, jump, trail, ridge, rink, oval, sheet, channel
    view_pitch = 0.06
    view_yaw = 0.32
    zoom = 1.0
    slow_focus = 0.55  # where in the clip the slow-motion camera centres (the signature moment)

    def __init__(self, duration: float, rng: np.random.Generator, build: Build) -> None:
        self.duration = duration
        self.rng = rng
        self.build = build
        self.jitter = float(rng.uniform(-0.04, 0.04))  # timing offset per seed
        self.profile = (np.array([-1000.0, 1000.0]), np.array([0.0, 0.0]))
        self.fixtures: list[Prop] = []

    def ground(self, x: np.ndarray | float) -> np.ndarray:
        return np.interp(x, self.profile[0], self.profile[1])

    def slope_at(self, x: float) -> float:
        """Ground angle (radians, positive uphill toward +x)."""
        return float(np.arctan2(self.ground(x + 0.5) - self.ground(x - 0.5), 1.0))

    def phase(self, t: float) -> float:
        """Clip progress 0..1 with this seed's small timing offset."""
        return float(np.clip(t / self.duration + self.jitter, 0.0, 1.0))

    def beat(self, t: float) -> Beat:  # pragma: no cover - abstract
        raise NotImplementedError

    def plant(self, pose: Pose, ground_y: float, clearance: float = 0.08) -> Pose:
        """Move ``pose`` vertically so its lowest ankle sits ``clearance`` above ``ground_y``."""
        pose.pos = np.asarray(pose.pos, dtype=float)
        pose.pos[1] = 0.0
        sk = solve(pose, self.build)
        low = min(sk.joints["ankle_l"][1], sk.joints["ankle_r"][1])
        pose.pos[1] = ground_y + clearance - low
        return pose

    def ankles(self, pose: Pose) -> tuple[np.ndarray, np.ndarray]:
        sk = solve(pose, self.build)
        return sk.joints["ankle_l"], sk.joints["ankle_r"]


# --- easing ------------------------------------------------------------------------------------------------


def clamp01(x: float) -> float:
    return min(max(x, 0.0), 1.0)


def span(u: float, a: float, b: float) -> float:
    """0 before ``a``, 1 after ``b``, linear between."""
    return clamp01((u - a) / (b - a))


def smooth(x: float) -> float:
    x = clamp01(x)
    return x * x * (3 - 2 * x)


def ease_out(x: float) -> float:
    x = clamp01(x)
    return 1 - (1 - x) ** 3


def ease_in(x: float) -> float:
    x = clamp01(x)
    return x**3


def lerp(a: Any, b: Any, w: float) -> Any:
    return a + (b - a) * w


def mix_arm(a: Arm, b: Arm, w: float) -> Arm:
    return Arm(lerp(a.flex, b.flex, w), lerp(a.abduct, b.abduct, w), lerp(a.elbow, b.elbow, w))


def foot(x: float = 0.0, y: float = -0.88, z: float = 0.12) -> np.ndarray:
    return np.array([x, y, z])


def mix_feet(a: tuple[np.ndarray, np.ndarray], b: tuple[np.ndarray, np.ndarray], w: float):
    return (lerp(a[0], b[0], w), lerp(a[1], b[1], w))


def vec(x: float, y: float, z: float = 0.0) -> np.ndarray:
    return np.array([x, y, z], dtype=float)


def profile_from(points: list[tuple[float, float]], step: float = 0.5) -> tuple[np.ndarray, np.ndarray]:
    """A ground profile sampled every ``step`` metres through ``points`` with smooth (cosine) joins."""
    px = np.array([p[0] for p in points], float)
    py = np.array([p[1] for p in points], float)
    xs = np.arange(px[0], px[-1] + step, step)
    idx = np.clip(np.searchsorted(px, xs, side="right") - 1, 0, len(px) - 2)
    w = (xs - px[idx]) / (px[idx + 1] - px[idx])
    # Linear segments, then a light smoothing so slope breaks look like shaped snow, not kinks.
    ys = py[idx] + (py[idx + 1] - py[idx]) * w
    kernel = np.hanning(9)
    kernel /= kernel.sum()
    ys = np.convolve(np.pad(ys, 4, mode="edge"), kernel, mode="valid")
    return xs, ys
