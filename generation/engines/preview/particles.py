"""Snow spray and ice shavings thrown by the athlete (world space, gravity and drag), and falling snow
(screen-space layers that drift with the camera). Both are splatted into one half-resolution light map."""

from __future__ import annotations

import cv2
import numpy as np

from .camera import View
from .motion import Emitter, Motion

MAX_PARTICLES = 6000


class Spray:
    """World-space particles emitted by the motion's emitters."""

    def __init__(self, motion: Motion, rng: np.random.Generator) -> None:
        self.motion = motion
        self.rng = rng
        self.pos = np.zeros((0, 3))
        self.vel = np.zeros((0, 3))
        self.life = np.zeros(0)
        self.size = np.zeros(0)

    def step(self, emitters: list[Emitter], dt: float, velocity: np.ndarray) -> None:
        new_pos, new_vel, new_life, new_size = [], [], [], []
        for em in emitters:
            n = int(em.rate * dt + self.rng.uniform())
            if n <= 0:
                continue
            n = min(n, 600)
            jitter = self.rng.normal(0, 1, (n, 3))
            # Particles leave with part of the athlete's own speed, then slow down in the air.
            base = velocity * 0.55 + em.vel
            new_vel.append(base + jitter * em.spread * (1.2 if em.kind == "snow" else 0.8))
            new_pos.append(em.pos + self.rng.normal(0, 0.08, (n, 3)) + self.rng.uniform(0, 1, (n, 1)) * velocity * dt)
            new_life.append(self.rng.uniform(0.35, 1.1, n) * (1.0 if em.kind == "snow" else 0.6))
            new_size.append(self.rng.uniform(0.6, 1.6, n) * (1.0 if em.kind == "snow" else 0.7))
        if new_pos:
            self.pos = np.concatenate([self.pos, *new_pos])[-MAX_PARTICLES:]
            self.vel = np.concatenate([self.vel, *new_vel])[-MAX_PARTICLES:]
            self.life = np.concatenate([self.life, *new_life])[-MAX_PARTICLES:]
            self.size = np.concatenate([self.size, *new_size])[-MAX_PARTICLES:]
        if not len(self.pos):
            return
        self.vel[:, 1] -= 9.81 * 0.55 * dt
        self.vel *= np.exp(-2.2 * dt)
        self.pos += self.vel * dt
        self.life -= dt
        ground = self.motion.ground(self.pos[:, 0])
        alive = (self.life > 0) & (self.pos[:, 1] > ground - 0.3)
        self.pos, self.vel, self.life, self.size = self.pos[alive], self.vel[alive], self.life[alive], self.size[alive]

    def splat(self, light: np.ndarray, view: View, factor: int) -> None:
        if not len(self.pos):
            return
        xy, _ = view.project(self.pos)
        xy = xy / factor
        h, w = light.shape
        x, y = xy[:, 0].astype(np.int32), xy[:, 1].astype(np.int32)
        ok = (x >= 0) & (x < w) & (y >= 0) & (y < h)
        weight = np.clip(self.life[ok] * 1.6, 0, 1) * self.size[ok] * min(1.6, view.zoom) * 0.9
        np.add.at(light, (y[ok], x[ok]), weight)


class Snowfall:
    """Three parallax layers of falling flakes in screen space: far dust, mid flakes, a few near bokeh."""

    def __init__(self, rng: np.random.Generator, amount: float, wind: float) -> None:
        self.layers = []
        for depth, count, size, speed in ((0.25, 500, 0.5, 0.05), (0.6, 220, 0.9, 0.1), (1.4, 30, 2.4, 0.22)):
            n = int(count * amount)
            self.layers.append(
                (depth, size, speed, rng.uniform(0, 1, (n, 2)), rng.uniform(0, 2 * np.pi, n), rng.uniform(0.6, 1, n))
            )
        self.wind = wind

    def splat(self, light: np.ndarray, view: View, t: float) -> None:
        h, w = light.shape
        cam = view.target
        for depth, size, speed, base, phase, bright in self.layers:
            if not len(base):
                continue
            # Flakes fall and sway; the camera's travel shifts them by their depth (parallax).
            x = base[:, 0] + t * self.wind * speed + 0.01 * np.sin(t * 1.7 + phase) - cam[0] * 0.012 * depth
            y = base[:, 1] + t * speed * 1.2 + cam[1] * 0.012 * depth
            xs = (np.mod(x, 1.0) * w).astype(np.int32)
            ys = (np.mod(y, 1.0) * h).astype(np.int32)
            if size < 2:
                np.add.at(light, (ys, xs), bright * size)
            else:
                for px, py, b in zip(xs, ys, bright, strict=False):
                    cv2.circle(light, (int(px), int(py)), int(size + 1), float(0.35 * b), -1, cv2.LINE_AA)


_FILLS: dict[tuple[tuple[int, ...], tuple[int, ...]], np.ndarray] = {}


def composite_light(frame: np.ndarray, light: np.ndarray, colour=(250, 252, 255)) -> np.ndarray:
    """Blend the half-resolution light map over ``frame`` as soft white particles."""
    light = cv2.GaussianBlur(light, (0, 0), 0.9)
    # In 8-bit fixed point (1/255 steps of opacity): a third of the cost of a float blend, the same picture.
    alpha = cv2.resize(cv2.convertScaleAbs(light, alpha=255), (frame.shape[1], frame.shape[0]))
    alpha = cv2.cvtColor(alpha, cv2.COLOR_GRAY2RGB)
    key = (frame.shape, tuple(colour))
    if key not in _FILLS:
        if len(_FILLS) > 8:  # a few frame sizes in practice; never let odd sizes pile up
            _FILLS.clear()
        _FILLS[key] = np.full(frame.shape, colour, np.uint8)
    return cv2.add(frame, cv2.multiply(cv2.subtract(_FILLS[key], frame), alpha, scale=1 / 255))
