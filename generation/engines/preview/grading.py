"""Mood colour grading: a 3x3 colour matrix (saturation and tint), a tone curve and a vignette per emotion,
all precomputed so grading a frame is three OpenCV calls."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from .scene import MOOD_ALIASES


@dataclass(frozen=True)
class Grade:
    saturation: float = 1.05
    tint: tuple[float, float, float] = (1.0, 1.0, 1.0)  # gains per channel
    contrast: float = 1.05
    lift: float = 0.0  # raise the blacks (0..0.15)
    gamma: float = 1.0
    vignette: float = 0.3


GRADES: dict[str, Grade] = {
    "neutral": Grade(),
    "joy": Grade(saturation=1.22, tint=(1.03, 1.01, 0.97), contrast=1.06, vignette=0.2),
    "triumph": Grade(saturation=1.12, tint=(1.06, 1.0, 0.9), contrast=1.1, gamma=1.05, vignette=0.35),
    "calm": Grade(saturation=0.85, tint=(0.95, 1.0, 1.08), contrast=0.92, lift=0.05, vignette=0.2),
    "awe": Grade(saturation=1.1, tint=(0.98, 0.95, 1.1), contrast=1.1, vignette=0.45),
    "tension": Grade(saturation=0.55, tint=(0.98, 1.0, 1.02), contrast=1.35, gamma=1.1, vignette=0.55),
    "melancholy": Grade(saturation=0.5, tint=(0.96, 0.99, 1.05), contrast=0.9, lift=0.08, vignette=0.4),
    "romance": Grade(saturation=1.05, tint=(1.08, 0.96, 1.02), contrast=0.95, lift=0.04, vignette=0.35),
    "humour": Grade(saturation=1.35, tint=(1.02, 1.02, 0.98), contrast=1.05, vignette=0.1),
    "power": Grade(saturation=1.1, tint=(0.95, 1.0, 1.08), contrast=1.3, gamma=1.05, vignette=0.5),
}


def grade_for(emotion: str) -> Grade:
    return GRADES.get(MOOD_ALIASES.get(emotion, emotion), GRADES["neutral"])


class Grader:
    """Applies one clip's grade; ``strength`` < 1 lets a style with its own palette keep more of it."""

    def __init__(self, grade: Grade, width: int, height: int, strength: float = 1.0) -> None:
        g = grade
        sat = 1 + (g.saturation - 1) * strength
        luma = np.array([0.299, 0.587, 0.114])
        m = (1 - sat) * np.tile(luma, (3, 1)) + sat * np.eye(3)
        tint = 1 + (np.asarray(g.tint) - 1) * strength
        self.matrix = (np.diag(tint) @ m).astype(np.float32)
        x = np.arange(256) / 255.0
        contrast = 1 + (g.contrast - 1) * strength
        y = np.clip((x - 0.5) * contrast + 0.5, 0, 1)
        y = y ** (1 + (g.gamma - 1) * strength)
        y = g.lift * strength + y * (1 - g.lift * strength)
        self.lut = np.clip(y * 255 + 0.5, 0, 255).astype(np.uint8)
        yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
        r = np.hypot((xx - width / 2) / (width / 2), (yy - height / 2) / (height / 2)) / np.sqrt(2)
        vig = 1 - g.vignette * strength * np.clip((r - 0.35) / 0.65, 0, 1) ** 1.6
        # 8-bit gains: an 8-bit multiply is several times faster than a float one, at most one level apart.
        vig8 = np.clip(vig * 255 + 0.5, 0, 255).astype(np.uint8)
        self.vignette = cv2.merge([vig8, vig8, vig8])

    def apply(self, frame: np.ndarray, flash: float = 0.0) -> np.ndarray:
        out = cv2.transform(frame, self.matrix)
        out = cv2.LUT(out, self.lut)
        out = cv2.multiply(out, self.vignette, scale=1 / 255) if out.dtype == np.uint8 else out
        if flash > 0.02:
            out = cv2.addWeighted(out, 1 - 0.45 * flash, np.full_like(out, 255), 0.45 * flash, 0)
        return out
