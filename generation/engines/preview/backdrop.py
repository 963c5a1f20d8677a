"""The fan's setting (``vocab.SETTINGS``) behind the venue: a village, a mountain hut, a city square, a castle...

Drawn once per clip into a wide premultiplied RGBA strip that stands on the far forested hill and scrolls with
its parallax; per frame it is one 8-bit composite of a window of the strip. Settings that change the mountains
themselves (the Dolomites, high peaks) are ridge parameters for the panorama instead (:func:`ridge_layers`).
"""

from __future__ import annotations

import cv2
import numpy as np

from .painter import shade
from .scene import Palette

# Settings drawn as a strip of buildings, trees or ice on the far hill.
STRIP_SETTINGS = frozenset(
    {
        "village",
        "mountain-hut",
        "city-square",
        "forest",
        "frozen-lake",
        "stadium",
        "city-street",
        "castle",
        "temple",
        "home",
    }
)
# Open-air settings: an ice venue in one of them is an outdoor rink.
OUTDOOR_SETTINGS = STRIP_SETTINGS - {"stadium", "home"} | {"dolomites", "mountain-peak"}

SHIFT = 4
ONE = 1 << SHIFT
WARM = (255, 206, 110)
UNLIT = (62, 72, 96)


def ridge_layers(setting: str | None, palette: Palette, horizon: float):
    """``(colour, top, amplitude, snow)`` of the far and near mountain ridges for this setting."""
    if setting == "dolomites":
        pale = tuple(int(0.45 * a + 0.55 * b) for a, b in zip(palette.far, (232, 214, 196), strict=True))
        return ((pale, horizon - 0.4, 0.34, 0.18), (palette.near, horizon - 0.14, 0.18, 0.3))
    if setting == "mountain-peak":
        return ((palette.far, horizon - 0.44, 0.38, 0.75), (palette.near, horizon - 0.18, 0.22, 0.55))
    return ((palette.far, horizon - 0.26, 0.22, 0.5), (palette.near, horizon - 0.12, 0.16, 0.35))


class Backdrop:
    """One clip's setting strip; :meth:`place` (after the camera is planned) decides where things stand."""

    PARALLAX = 0.12  # the far hill's

    def __init__(
        self, setting: str | None, palette: Palette, lit: bool, width: int, height: int, rng: np.random.Generator
    ) -> None:
        self.setting = setting if setting in STRIP_SETTINGS else None
        self.palette = palette
        self.lit = lit
        self.w, self.h = width, height
        self.rng = rng
        self.sh = int(height * 0.34)
        self.sw = width * 3
        self.strip: np.ndarray | None = None  # premultiplied RGBA
        self.inverse: np.ndarray | None = None  # 255 - alpha, 3 channels

    @property
    def active(self) -> bool:
        return self.setting is not None

    def place(self, offsets: np.ndarray) -> None:
        """Build the strip around the screen centres the camera will show (``offsets``: strip px per frame)."""
        if not self.active:
            return
        self.strip = np.zeros((self.sh, self.sw, 4), np.uint8)
        self.glows: list[tuple[float, float, float, tuple[int, int, int, int]]] = []
        centres = (np.asarray(offsets) + self.w / 2) % self.sw
        # The landmark stands right of centre in the poster frame (~60 %), clear of the athlete.
        focus = float(centres[int(len(centres) * 0.6)] + self.w * 0.24) if len(centres) else self.w * 0.7
        lo, hi = float(np.min(offsets)), float(np.max(offsets)) + self.w
        getattr(self, "_" + self.setting.replace("-", "_"))(focus, lo, hi)
        if self.glows:
            # Light adds (premultiplied "plus"): a halo brightens the wall round a window instead of cutting it.
            layer = np.zeros_like(self.strip)
            for x, y, r, colour in self.glows:
                for shift in (0, -self.sw, self.sw):
                    if -r < x + shift < self.sw + r:
                        cv2.circle(layer, (int(x + shift), int(y)), int(r), colour, -1, cv2.LINE_AA)
            layer = cv2.GaussianBlur(layer, (0, 0), max(1.0, self.sh / 60))
            cv2.add(self.strip, layer, dst=self.strip)
        alpha = self.strip[..., 3]
        self.inverse = cv2.cvtColor(255 - alpha, cv2.COLOR_GRAY2RGB)
        self.premultiplied = np.ascontiguousarray(self.strip[..., :3])

    def draw(self, canvas: np.ndarray, offset: float, base_y: float) -> None:
        """Composite the strip window at ``offset`` (px) with its bottom at ``base_y``."""
        if self.strip is None:
            return
        x0 = int(round(offset)) % self.sw
        y1 = int(round(base_y))
        y0 = y1 - self.sh
        top, bottom = max(y0, 0), min(y1, self.h)
        if bottom <= top:
            return
        rows = slice(top - y0, bottom - y0)
        if x0 + self.w <= self.sw:
            inv, pre = self.inverse[rows, x0 : x0 + self.w], self.premultiplied[rows, x0 : x0 + self.w]
        else:
            # Only a window across the strip's wrap needs the gathered columns (a copy).
            cols = (np.arange(self.w) + x0) % self.sw
            inv, pre = self.inverse[rows][:, cols], self.premultiplied[rows][:, cols]
        roi = canvas[top:bottom]
        cv2.add(cv2.multiply(roi, inv, scale=1 / 255), pre, dst=roi)

    # --- drawing helpers (premultiplied: opaque colour over transparent black) ----------------------------

    def _poly(self, pts, colour) -> None:
        pts = np.asarray(pts, float)
        for shift in (0, -self.sw, self.sw):  # drawn again across the wrap
            p = pts + [shift, 0]
            if p[:, 0].max() < 0 or p[:, 0].min() > self.sw:
                continue
            q = np.round(p * ONE).astype(np.int32).reshape(-1, 1, 2)
            cv2.fillPoly(self.strip, [q], (*colour, 255), cv2.LINE_AA, SHIFT)

    def _rect(self, x0, y0, x1, y1, colour) -> None:
        self._poly([[x0, y0], [x1, y0], [x1, y1], [x0, y1]], colour)

    def _window_colour(self) -> tuple[int, int, int]:
        if self.lit and self.rng.uniform() < 0.8:
            return WARM if self.rng.uniform() < 0.7 else (255, 236, 170)
        return UNLIT

    def _glow(self, x, y, r, colour=(70, 52, 26, 70)) -> None:
        """A soft warm halo around a lit window or lamp (only in the dark); added over everything at the end."""
        if self.lit or colour[:3] != (70, 52, 26):
            self.glows.append((x, y, r, colour))

    def _snow_col(self, factor: float = 1.0):
        return shade(self.palette.snow, factor)

    # --- settings ---------------------------------------------------------------------------------------

    def _house(self, x, w, h, wall, roof, windows: int = 2, chimney: bool = False) -> None:
        base = self.sh - self.sh * 0.08
        top = base - h
        roof_h = w * 0.42
        self._rect(x - w / 2, top, x + w / 2, base, wall)
        if chimney:
            self._rect(x + w * 0.18, top - roof_h * 0.9, x + w * 0.3, top - roof_h * 0.3, shade(wall, 0.7))
        eave = w * 0.1
        self._poly([[x - w / 2 - eave, top + 1], [x + w / 2 + eave, top + 1], [x, top - roof_h]], roof)
        # Snow on the roof: a lighter cap over its upper part.
        self._poly(
            [[x - w / 2 - eave * 0.6, top - 1], [x + w / 2 + eave * 0.6, top - 1], [x, top - roof_h - 1]],
            self._snow_col(0.97),
        )
        self._poly([[x - w * 0.32, top - roof_h * 0.36], [x + w * 0.32, top - roof_h * 0.36], [x, top - roof_h]], roof)
        ww = w * 0.14
        for k in range(windows):
            wx = x - w / 2 + w * (k + 0.5) / windows
            wy = top + h * 0.3
            colour = self._window_colour()
            if colour != UNLIT:
                self._glow(wx, wy + ww * 0.6, ww * 2.2)
            self._rect(wx - ww / 2, wy, wx + ww / 2, wy + ww * 1.2, colour)
        self._rect(x - ww * 0.6, base - h * 0.42, x + ww * 0.6, base, shade(wall, 0.55))

    def _tree(self, x, h, colour=None) -> None:
        base = self.sh - self.sh * 0.06
        colour = colour or self.palette.trees
        self._poly([[x - h * 0.26, base], [x + h * 0.26, base], [x, base - h]], colour)
        mid = base - h * 0.5
        self._poly([[x - h * 0.12, mid], [x + h * 0.12, mid], [x, base - h * 0.95]], self._snow_col(0.9))

    def _village(self, focus, lo, hi) -> None:
        u = self.sh / 10
        walls = ((196, 120, 80), (226, 200, 150), (170, 90, 70), (220, 180, 120), (150, 110, 90), (236, 224, 200))
        roofs = ((90, 50, 40), (70, 60, 60), (110, 60, 40))
        x = lo - self.w * 0.1
        while x < hi + self.w * 0.1:
            # A cluster of houses round a church tower, then a gap of fields.
            n = int(self.rng.integers(4, 7))
            for k in range(n):
                w = u * self.rng.uniform(2.4, 3.6)
                self._house(
                    x + k * u * 3.3 + self.rng.uniform(-0.4, 0.4) * u,
                    w,
                    u * self.rng.uniform(1.8, 2.8),
                    walls[int(self.rng.integers(len(walls)))],
                    roofs[int(self.rng.integers(len(roofs)))],
                    windows=2,
                    chimney=self.rng.uniform() < 0.5,
                )
            tx = x + n * u * 1.6
            self._rect(tx - u * 0.7, self.sh * 0.92 - u * 6, tx + u * 0.7, self.sh * 0.92, (226, 214, 190))
            self._poly(
                [
                    [tx - u * 0.9, self.sh * 0.92 - u * 6],
                    [tx + u * 0.9, self.sh * 0.92 - u * 6],
                    [tx, self.sh * 0.92 - u * 8.5],
                ],
                (80, 60, 56),
            )
            cv2.circle(
                self.strip,
                (int(tx % self.sw), int(self.sh * 0.92 - u * 5)),
                int(u * 0.4),
                (*((255, 236, 170) if self.lit else (240, 240, 236)), 255),
                -1,
                cv2.LINE_AA,
            )
            x += n * u * 3.3 + self.rng.uniform(2, 5) * u * 3
        self._house(focus, u * 4.2, u * 3.2, (206, 150, 96), (96, 56, 40), windows=3, chimney=True)

    def _mountain_hut(self, focus, lo, hi) -> None:
        u = self.sh / 10
        for k in range(-6, 7):
            if abs(k) > 1:
                self._tree(focus + k * u * 2.2 + self.rng.uniform(-0.5, 0.5) * u, u * self.rng.uniform(4, 6.5))
        base = self.sh * 0.92
        w, h = u * 7.5, u * 3.6
        wood = (120, 78, 48)
        self._rect(focus - w / 2, base - h, focus + w / 2, base, wood)
        for k in range(1, 6):  # log courses
            y = base - h * k / 6
            self._rect(focus - w / 2, y - 0.6, focus + w / 2, y + 0.6, shade(wood, 0.7))
        self._rect(focus + w * 0.2, base - h - u * 3.2, focus + w * 0.32, base - h - u * 1, (90, 80, 76))
        self._poly(
            [[focus - w * 0.62, base - h], [focus + w * 0.62, base - h], [focus, base - h - u * 3.4]],
            self._snow_col(0.98),
        )
        for wx in (-0.25, 0.25):
            cx = focus + w * wx
            colour = WARM if self.lit else UNLIT
            self._glow(cx, base - h * 0.55, u * 1.6)
            self._rect(cx - u * 0.55, base - h * 0.75, cx + u * 0.55, base - h * 0.35, colour)
        self._rect(focus - u * 0.6, base - h * 0.7, focus + u * 0.6, base, shade(wood, 0.5))

    def _town_row(self, lo, hi, tall: float, tower_at: float | None) -> None:
        u = self.sh / 10
        facades = ((230, 180, 120), (210, 120, 90), (240, 220, 170), (200, 150, 130), (180, 190, 170), (236, 200, 150))
        x = lo - self.w * 0.1
        while x < hi + self.w * 0.1:
            w = u * self.rng.uniform(2.6, 3.8)
            h = u * self.rng.uniform(4.0, 6.0) * tall
            base = self.sh * 0.94
            colour = facades[int(self.rng.integers(len(facades)))]
            self._rect(x, base - h, x + w, base, colour)
            self._rect(x - u * 0.15, base - h - u * 0.35, x + w + u * 0.15, base - h, self._snow_col(0.96))
            for row in range(int(h / (u * 1.3))):
                for col in range(int(w / (u * 1.0))):
                    wx, wy = x + u * (0.35 + col * 1.0), base - h + u * (0.6 + row * 1.3)
                    if wy + u * 0.7 < base - u * 0.3:
                        self._rect(wx, wy, wx + u * 0.45, wy + u * 0.7, self._window_colour())
            x += w
        if tower_at is not None:
            base = self.sh * 0.94
            self._rect(tower_at - u * 0.9, base - u * 9.2, tower_at + u * 0.9, base, (222, 206, 178))
            self._poly(
                [
                    [tower_at - u * 1.1, base - u * 9.2],
                    [tower_at + u * 1.1, base - u * 9.2],
                    [tower_at, base - u * 9.9 - u * 0.3],
                ],
                self._snow_col(0.96),
            )
            cv2.circle(
                self.strip,
                (int(tower_at % self.sw), int(base - u * 7.6)),
                int(u * 0.6),
                (*((255, 236, 170) if self.lit else (246, 244, 236)), 255),
                -1,
                cv2.LINE_AA,
            )
        # Street lamps in front of the facades.
        for lx in np.arange(lo, hi + self.w * 0.1, u * 5):
            base = self.sh * 0.98
            self._rect(lx - 0.8, base - u * 2.6, lx + 0.8, base, (40, 40, 46))
            self._glow(lx, base - u * 2.7, u * 1.2)
            cv2.circle(
                self.strip,
                (int(lx % self.sw), int(base - u * 2.7)),
                max(2, int(u * 0.25)),
                (*(WARM if self.lit else (220, 220, 210)), 255),
                -1,
                cv2.LINE_AA,
            )

    def _city_square(self, focus, lo, hi) -> None:
        self._town_row(lo, hi, 1.0, tower_at=focus)

    def _city_street(self, focus, lo, hi) -> None:
        self._town_row(lo, hi, 1.35, tower_at=None)

    def _forest(self, focus, lo, hi) -> None:
        u = self.sh / 10
        for row, (step, size, factor) in enumerate(((1.2, 7.0, 0.8), (1.6, 9.0, 1.0))):
            for x in np.arange(lo - self.w * 0.1, hi + self.w * 0.1, u * step):
                h = u * size * self.rng.uniform(0.7, 1.1)
                self._tree(x + self.rng.uniform(-0.4, 0.4) * u, h, shade(self.palette.trees, factor + 0.1 * row))

    def _frozen_lake(self, focus, lo, hi) -> None:
        u = self.sh / 10
        for x in np.arange(lo - self.w * 0.1, hi + self.w * 0.1, u * 1.8):
            self._tree(x, u * self.rng.uniform(3.0, 4.5))
        ice = (196, 222, 240)
        base = self.sh * 0.95
        self._rect(lo - self.w * 0.1, base - u * 2.2, hi + self.w * 0.1, base + 2, ice)
        # Long glints of light on the ice.
        for x in np.arange(lo, hi, u * 7):
            x0 = x + self.rng.uniform(0, 3) * u
            self._rect(x0, base - u * 1.4, x0 + u * 4, base - u * 1.25, (246, 250, 255))

    def _stadium(self, focus, lo, hi) -> None:
        u = self.sh / 10
        base = self.sh * 0.95
        x0, x1 = lo - self.w * 0.1, hi + self.w * 0.1
        self._poly([[x0, base], [x1, base], [x1, base - u * 5], [x0, base - u * 5]], (70, 74, 90))
        colours = np.array([(200, 40, 50), (240, 240, 240), (40, 90, 200), (250, 200, 40), (30, 140, 80)])
        for row in range(6):
            y = base - u * (0.6 + row * 0.75)
            xs = np.arange(x0, x1, u * 0.45)
            picks = colours[self.rng.integers(0, len(colours), len(xs))]
            for x, c in zip(xs, picks, strict=True):
                cv2.circle(
                    self.strip,
                    (int(x % self.sw), int(y)),
                    max(1, int(u * 0.2)),
                    (*(int(v) for v in c), 255),
                    -1,
                    cv2.LINE_AA,
                )
        for mx in np.arange(x0 + u * 6, x1, u * 22):
            self._rect(mx - 1, base - u * 9.5, mx + 1, base - u * 5, (60, 60, 66))
            self._rect(mx - u * 1.1, base - u * 10.2, mx + u * 1.1, base - u * 9.3, (250, 248, 230))
            self._glow(mx, base - u * 9.8, u * 2.0)

    def _castle(self, focus, lo, hi) -> None:
        u = self.sh / 10
        base = self.sh * 0.94
        stone, roof = (176, 170, 160), (70, 60, 90)
        self._poly(
            [
                [focus - u * 9, base],
                [focus + u * 9, base],
                [focus + u * 5, base - u * 1.5],
                [focus - u * 5, base - u * 1.5],
            ],
            shade(self.palette.snow, 0.9),
        )
        self._rect(focus - u * 5, base - u * 4.5, focus + u * 5, base - u * 1.2, stone)
        for k in range(-5, 5):  # crenellations
            self._rect(focus + k * u + u * 0.1, base - u * 5.0, focus + k * u + u * 0.55, base - u * 4.4, stone)
        for tx, th in ((-5.2, 7.0), (5.2, 7.0), (-1.6, 8.8), (1.8, 6.4)):
            cx = focus + tx * u
            self._rect(cx - u * 0.9, base - th * u, cx + u * 0.9, base - u * 1.2, shade(stone, 0.92))
            self._poly(
                [[cx - u * 1.15, base - th * u], [cx + u * 1.15, base - th * u], [cx, base - th * u - u * 2.6]], roof
            )
            colour = self._window_colour()
            if colour != UNLIT:
                self._glow(cx, base - th * u + u * 1.6, u * 1.2)
            self._rect(cx - u * 0.2, base - th * u + u * 1.2, cx + u * 0.2, base - th * u + u * 2.0, colour)
        self._rect(focus - u * 0.8, base - u * 2.8, focus + u * 0.8, base - u * 1.2, (60, 50, 46))

    def _temple(self, focus, lo, hi) -> None:
        u = self.sh / 10
        base = self.sh * 0.94
        red, roof = (190, 50, 40), (50, 56, 64)
        self._rect(focus - u * 3.2, base - u * 0.8, focus + u * 3.2, base, (170, 166, 160))
        y = base - u * 0.8
        width = u * 4.6
        for tier in range(4):
            h = u * (1.5 - 0.15 * tier)
            self._rect(focus - width * 0.36, y - h, focus + width * 0.36, y, red)
            colour = self._window_colour()
            if colour != UNLIT:
                self._glow(focus, y - h * 0.5, u * 1.0)
            self._rect(focus - u * 0.3, y - h * 0.75, focus + u * 0.3, y - h * 0.2, colour)
            top = y - h
            # A wide roof with upturned eaves, snow on top.
            self._poly(
                [
                    [focus - width * 0.62, top + u * 0.2],
                    [focus - width * 0.5, top - u * 0.15],
                    [focus - width * 0.28, top - u * 0.55],
                    [focus + width * 0.28, top - u * 0.55],
                    [focus + width * 0.5, top - u * 0.15],
                    [focus + width * 0.62, top + u * 0.2],
                ],
                roof,
            )
            self._poly(
                [
                    [focus - width * 0.3, top - u * 0.5],
                    [focus + width * 0.3, top - u * 0.5],
                    [focus + width * 0.22, top - u * 0.7],
                    [focus - width * 0.22, top - u * 0.7],
                ],
                self._snow_col(0.97),
            )
            y = top - u * 0.55
            width *= 0.82
        self._rect(focus - u * 0.08, y - u * 1.6, focus + u * 0.08, y, (200, 170, 80))
        for lx in (-4.5, 4.5):  # stone lanterns
            cx = focus + lx * u
            self._rect(cx - u * 0.3, base - u * 1.8, cx + u * 0.3, base, (150, 146, 140))
            self._glow(cx, base - u * 1.3, u * 0.9)
            self._rect(cx - u * 0.2, base - u * 1.5, cx + u * 0.2, base - u * 1.1, WARM if self.lit else UNLIT)

    def _home(self, focus, lo, hi) -> None:
        u = self.sh / 10
        for k in (-5, -3.8, 3.6, 4.8):
            self._tree(focus + k * u * 1.4, u * 5.5)
        self._house(focus, u * 6.5, u * 4.2, (200, 140, 90), (100, 50, 40), windows=3, chimney=True)
        # Smoke from the fireplace's chimney.
        for k in range(5):
            cx = focus + u * 1.6 + k * u * 0.5
            cy = self.sh * 0.92 - u * 4.2 - u * 3.8 - k * u * 0.9
            self._glow(cx, cy, u * (0.5 + 0.2 * k), (56, 56, 60, 60))
