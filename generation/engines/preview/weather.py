"""The fan's weather (``vocab.WEATHERS``): how much snow falls and how the wind drives it, and drifting fog."""

from __future__ import annotations

import cv2
import numpy as np

from .styles import _smooth_noise


def snow_for(weather: str | None, amount: float, wind: float) -> tuple[float, float, float]:
    """``(amount, wind, streak)`` of the falling snow: the mood's amount and a seeded wind, changed by the weather.

    ``streak`` > 0 smears flakes sideways (wind-driven snow reads as streaks, not dots)."""
    if weather == "blizzard":
        return max(amount, 1.0) * 4.0, 3.2 * (1 if wind >= 0 else -1), 4.0
    if weather == "snowfall":
        return max(amount, 0.8) * 2.2, wind * 0.6, 0.0
    if weather == "wind":
        return max(amount, 0.6) * 1.2, 2.4 * (1 if wind >= 0 else -1), 2.5
    if weather == "clear":
        return 0.0, wind, 0.0
    return amount, wind, 0.0


class Fog:
    """Banks of fog over the background (the athlete stays crisp in front of them), drifting with the wind.

    ``density`` is the opacity where the fog is thickest; the texture is built once at a quarter resolution and
    each frame blends a scrolled window of it toward the fog colour in three 8-bit calls."""

    def __init__(self, weather: str | None, colour, width: int, height: int, rng: np.random.Generator) -> None:
        self.density = {"fog": 0.62, "blizzard": 0.38}.get(weather or "", 0.0)
        self.w, self.h = width, height
        if not self.active:
            return
        q = 4
        hq, wq = height // q, width // q
        # Two noise scales over twice the frame width (it scrolls and wraps), denser toward the lower middle
        # of the frame where the valley is.
        noise = 0.6 * _smooth_noise(hq, wq * 2, rng, 22) + 0.4 * _smooth_noise(hq, wq * 2, rng, 7)
        y = np.linspace(0, 1, hq)[:, None]
        profile = np.clip(1.15 - 2.2 * np.abs(y - 0.55), 0.25, 1.0)
        alpha = np.clip((0.45 + 0.75 * noise) * profile * self.density, 0, 0.92)
        self.texture = np.clip(alpha * 255 + 0.5, 0, 255).astype(np.uint8)
        self.q = q
        self.colour = np.asarray(colour, np.uint8)
        self.fill = np.empty((height, width, 3), np.uint8)
        self.fill[...] = self.colour

    @property
    def active(self) -> bool:
        return self.density > 0

    def apply(self, canvas: np.ndarray, t: float, pan_x: float) -> np.ndarray:
        if not self.active:
            return canvas
        wq2 = self.texture.shape[1]
        shift = int(round(t * 6 + pan_x * 0.25 / self.q)) % wq2
        cols = (np.arange(self.w // self.q) + shift) % wq2
        alpha = cv2.resize(self.texture[:, cols], (self.w, self.h), interpolation=cv2.INTER_LINEAR)
        alpha = cv2.cvtColor(alpha, cv2.COLOR_GRAY2RGB)
        kept = cv2.multiply(canvas, 255 - alpha, scale=1 / 255)
        return cv2.add(kept, cv2.multiply(self.fill, alpha, scale=1 / 255))
