"""The fan's light (``vocab.LIGHTS``): sky colours and a grade for each, and the sky shows that move (aurora
curtains, fireworks, sweeping spotlights). Everything that does not move is baked once per clip; what moves is
computed at a quarter of the frame's resolution and added in a few 8-bit calls."""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np

from .grading import Grade
from .scene import PALETTES, Palette

# Lights that come from the sky: an ice venue under one of them is an open-air rink, not an arena.
SKY_LIGHTS = frozenset({"dawn", "sunset", "night", "northern-lights", "moonlight", "fireworks"})
# Lights in which windows, lamps and lanterns are lit.
LIT_WINDOWS = SKY_LIGHTS | {"candlelight"}

_NIGHT = PALETTES["night"]
LIGHT_PALETTES: dict[str, Palette] = {
    "dawn": Palette(
        (70, 82, 150),
        (250, 182, 172),
        (255, 222, 196),
        0.06,
        (192, 160, 182),
        (122, 100, 140),
        (250, 232, 238),
        (160, 140, 192),
        (40, 50, 70),
        arena=(40, 34, 60),
    ),
    "sunset": Palette(
        (58, 48, 120),
        (255, 150, 70),
        (255, 200, 120),
        0.05,
        (200, 128, 118),
        (110, 70, 90),
        (255, 224, 196),
        (150, 110, 160),
        (40, 34, 44),
        arena=(40, 24, 30),
    ),
    "night": _NIGHT,
    "moonlight": replace(
        _NIGHT, sky_horizon=(36, 44, 90), sun=(236, 240, 255), sun_height=0.8, snow=(160, 180, 225), far=(44, 52, 96)
    ),
    "northern-lights": replace(_NIGHT, sky_top=(4, 10, 24), sky_horizon=(18, 48, 62), snow=(120, 160, 170)),
    "fireworks": replace(_NIGHT, sky_horizon=(40, 30, 70)),
    "spotlights": replace(_NIGHT, snow=(150, 160, 190), arena=(8, 8, 16)),
    "candlelight": Palette(
        (40, 30, 60),
        (140, 80, 52),
        (255, 190, 120),
        0.02,
        (84, 62, 72),
        (52, 40, 52),
        (232, 200, 170),
        (120, 90, 92),
        (26, 24, 30),
        stars=True,
        arena=(30, 18, 14),
    ),
}

# Per-channel gains on top of the mood's grade: the colour of the light on everything, athlete included.
LIGHT_TINTS: dict[str, tuple[float, float, float]] = {
    "dawn": (1.05, 0.98, 1.03),
    "sunset": (1.1, 0.99, 0.86),
    "night": (0.88, 0.94, 1.1),
    "moonlight": (0.9, 0.97, 1.12),
    "northern-lights": (0.9, 1.02, 1.04),
    "fireworks": (0.95, 0.95, 1.05),
    "spotlights": (1.0, 1.0, 1.0),
    "candlelight": (1.12, 0.98, 0.78),
}


def light_palette(base: Palette, light: str | None) -> Palette:
    """The scene colours under ``light``; daylight (or none) keeps the mood's own palette, made day if it was night."""
    if light in LIGHT_PALETTES:
        return LIGHT_PALETTES[light]
    if light == "daylight" and base.stars:
        return PALETTES["neutral"]
    return base


def light_grade(grade: Grade, light: str | None) -> Grade:
    """The mood's grade with the light's colour on top (and a deeper vignette in the dark)."""
    if light not in LIGHT_TINTS:
        return grade
    tint = tuple(a * b for a, b in zip(grade.tint, LIGHT_TINTS[light], strict=True))
    dark = light in ("night", "moonlight", "northern-lights", "fireworks", "spotlights", "candlelight")
    return replace(grade, tint=tint, vignette=max(grade.vignette, 0.45) if dark else grade.vignette)


class SkyShow:
    """The moving part of the light, drawn on the background before anything stands in front of it.

    Positions are in panorama pixels (the sky scrolls with the camera); ``sky`` is the panorama's 0..255 mask of
    open sky, so curtains and bursts stay behind the mountains.
    """

    def __init__(self, light: str | None, sky: np.ndarray, width: int, height: int, duration: float, rng) -> None:
        self.light = light
        self.sky = sky
        self.w, self.h = width, height
        self.rng = rng
        self.q = 4  # the aurora and beams are computed at 1/q resolution
        ph, pw = sky.shape
        self.pan_w, self.pan_h = pw, ph
        self.phase = rng.uniform(0, 2 * np.pi, 4)
        self.sky_rows: np.ndarray | None = None
        self.bursts: list[tuple[float, np.ndarray, np.ndarray, np.ndarray, tuple[int, int, int]]] = []
        self.duration = duration

    def place(self, windows: list[tuple[int, int]], fps: int) -> None:
        """Plan the fireworks inside the sky the camera shows (``windows``: panorama corner per frame)."""
        if self.light != "fireworks" or not windows:
            return
        rng, duration = self.rng, self.duration
        colours = ((255, 90, 90), (255, 210, 80), (120, 200, 255), (200, 120, 255), (140, 255, 150))
        count = max(2, int(duration * 1.6))
        for k in range(count):
            t0 = duration * (0.02 + 0.9 * k / count) + rng.uniform(0, 0.2)
            sx, sy = windows[min(int(t0 * fps), len(windows) - 1)]
            centre = np.array([sx + self.w * rng.uniform(0.15, 0.85), sy + self.h * rng.uniform(0.12, 0.3)])
            n = 36
            angle = np.linspace(0, 2 * np.pi, n, endpoint=False) + rng.uniform(0, 1)
            speed = self.h * rng.uniform(0.16, 0.26) * rng.uniform(0.85, 1.15, n)
            dirs = np.stack([np.cos(angle), np.sin(angle)], 1) * speed[:, None]
            self.bursts.append((t0, centre, dirs, rng.uniform(0, 1, n), colours[int(rng.integers(len(colours)))]))

    @property
    def active(self) -> bool:
        return self.light in ("northern-lights", "fireworks", "spotlights")

    def draw(self, canvas: np.ndarray, sx: int, sy: int, t: float) -> None:
        """Add the light's show to ``canvas``, the panorama window whose top-left corner is (``sx``, ``sy``)."""
        if self.light == "northern-lights":
            self._aurora(canvas, sx, sy, t)
        elif self.light == "fireworks":
            self._fireworks(canvas, sx, sy, t)

    def _window(self, sx: int, sy: int) -> np.ndarray:
        rows = self.sky[sy : sy + self.h]
        if sx + self.w <= self.pan_w:
            return rows[:, sx : sx + self.w]
        return np.concatenate([rows[:, sx:], rows[:, : self.w - (self.pan_w - sx)]], axis=1)

    def _aurora(self, canvas: np.ndarray, sx: int, sy: int, t: float) -> None:
        q, ph, pw = self.q, self.pan_h, self.pan_w
        wq = self.w // q
        # Only the rows that can show a curtain: above its lowest edge and down to the last row of open sky.
        if self.sky_rows is None:
            self.sky_rows = np.flatnonzero(self.sky.any(axis=1))
        last_sky = self.sky_rows[self.sky_rows < sy + self.h]
        bottom = min(int(ph * 0.56), int(last_sky[-1]) + 1 if len(last_sky) else 0) - sy
        hq = min(self.h // q, -(-bottom // q))
        if hq <= 0:
            return
        # Panorama coordinates of the window's sample points (the curtains tile round the panorama's width).
        u = ((sx + (np.arange(wq) + 0.5) * q) % pw / pw)[None, :]
        v = ((sy + (np.arange(hq) + 0.5) * q) / ph)[:, None]
        a, b, c, d = self.phase
        # A wavering lower edge, folds that drift sideways, and fine vertical rays that shimmer.
        edge = 0.47 + 0.05 * np.sin(2 * np.pi * 2 * u + a + 0.35 * t) + 0.025 * np.sin(2 * np.pi * 5 * u + b - 0.6 * t)
        folds = 0.55 + 0.45 * np.sin(2 * np.pi * 3 * u + c + 0.5 * t) ** 2
        rays = 0.7 + 0.3 * np.sin(2 * np.pi * 47 * u + d + 1.7 * t)
        above = edge - v  # > 0 above the lower edge
        body = np.exp(-np.maximum(above, 0) / 0.11) * np.clip(1 + above / 0.012, 0, 1)
        strength = (body * folds * rays).astype(np.float32)
        top = np.clip(above / 0.16, 0, 1).astype(np.float32)
        green, violet = np.array([70, 255, 150], np.float32), np.array([170, 70, 220], np.float32)
        rgb = (strength[..., None] * (green * (1 - top[..., None]) + violet * top[..., None])) * 0.8
        small = np.clip(rgb, 0, 255).astype(np.uint8)
        rows = min(hq * q, self.h)
        layer = cv2.resize(small, (self.w, rows), interpolation=cv2.INTER_LINEAR)
        mask = cv2.cvtColor(self._window(sx, sy)[:rows], cv2.COLOR_GRAY2RGB)
        top_rows = canvas[:rows]
        cv2.add(top_rows, cv2.multiply(layer, mask, scale=1 / 255), dst=top_rows)

    def _fireworks(self, canvas: np.ndarray, sx: int, sy: int, t: float) -> None:
        gravity = self.h * 0.12
        layer: np.ndarray | None = None
        offset = np.array([sx, sy], float)
        for t0, centre, dirs, jitter, colour in self.bursts:
            age = t - t0
            if not 0 <= age < 1.6:
                continue
            fade = (1 - age / 1.6) ** 1.5
            spread = age * (1 - 0.35 * age)
            pos = centre + dirs * spread + np.array([0.0, gravity * age * age])
            prev = centre + dirs * max(spread - 0.08, 0) + np.array([0.0, gravity * max(age - 0.08, 0) ** 2])
            # The burst may sit across the panorama's wrap: draw it where it lands in this window.
            for shift in (0.0, -self.pan_w, self.pan_w):
                p = pos - offset + [shift, 0]
                if p[:, 0].max() < -20 or p[:, 0].min() > self.w + 20 or p[:, 1].max() < -20:
                    continue
                if layer is None:
                    layer = np.zeros_like(canvas)
                pp = prev - offset + [shift, 0]
                a, b = np.round(pp * 16).astype(np.int32), np.round(p * 16).astype(np.int32)
                for k in range(len(p)):
                    glow = fade * (0.6 + 0.4 * jitter[k])
                    c = tuple(int(ch * glow) for ch in colour)
                    cv2.line(layer, tuple(a[k]), tuple(b[k]), c, 2, cv2.LINE_AA, 4)
        if layer is not None:
            # Through the sky mask: a burst low in the sky stays behind the ridge.
            mask = cv2.cvtColor(self._window(sx, sy), cv2.COLOR_GRAY2RGB)
            cv2.add(canvas, cv2.multiply(layer, mask, scale=1 / 255), dst=canvas)

    def beams(self, frame: np.ndarray, t: float, spot: np.ndarray | None) -> np.ndarray:
        """Spotlights: three sweeping beams from above and a follow-spot pool at ``spot`` (screen px)."""
        if self.light != "spotlights":
            return frame
        q = self.q
        hq, wq = self.h // q, self.w // q
        layer = np.zeros((hq, wq), np.uint8)
        for k in range(3):
            top = np.array([wq * (0.2 + 0.3 * k), -2.0])
            sweep = np.sin(t * (0.7 + 0.2 * k) + self.phase[k]) * wq * 0.35
            foot_x = top[0] + sweep
            half = wq * 0.09
            tri = np.array([[top[0] - 2, top[1]], [top[0] + 2, top[1]], [foot_x + half, hq], [foot_x - half, hq]])
            cv2.fillPoly(layer, [np.round(tri * 16).astype(np.int32).reshape(-1, 1, 2)], 70, cv2.LINE_AA, 4)
        if spot is not None:
            centre = (int(spot[0] / q * 16), int(spot[1] / q * 16))
            axes = (int(wq * 0.09 * 16), int(wq * 0.03 * 16))
            cv2.ellipse(layer, centre, axes, 0, 0, 360, 120, -1, cv2.LINE_AA, 4)
        layer = cv2.GaussianBlur(layer, (0, 0), 2.0)
        light = cv2.resize(layer, (self.w, self.h), interpolation=cv2.INTER_LINEAR)
        return cv2.add(frame, cv2.cvtColor(light, cv2.COLOR_GRAY2RGB))
