"""The venue behind the athlete: a precomputed sky-and-mountains (or arena) panorama scrolled with parallax,
forest hills, and the ground of the venue (slope, jump hill, trail, ridge, rink, oval, curling sheet, ice
channel) drawn from the motion's profile through the camera."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from .camera import View
from .motion import Motion
from .painter import SHIFT, Painter, fixed, shade

OUTDOOR = ("slope", "jump", "trail", "ridge", "channel", "field")
ICE = ("rink", "oval", "sheet")
# The default far and near mountain ridges: (colour or None for the palette's far/near, top, amplitude, snow).
HORIZON = 0.62


@dataclass(frozen=True)
class Palette:
    """Scene colours for one mood and style."""

    sky_top: tuple[int, int, int]
    sky_horizon: tuple[int, int, int]
    sun: tuple[int, int, int]
    sun_height: float  # 0 on the horizon, 1 high
    far: tuple[int, int, int]
    near: tuple[int, int, int]
    snow: tuple[int, int, int]
    shadow: tuple[int, int, int]
    trees: tuple[int, int, int]
    stars: bool = False
    arena: tuple[int, int, int] = (24, 28, 44)


PALETTES: dict[str, Palette] = {
    "neutral": Palette(
        (58, 120, 205),
        (196, 222, 245),
        (255, 248, 225),
        0.75,
        (150, 175, 210),
        (88, 110, 150),
        (242, 247, 252),
        (150, 175, 215),
        (30, 70, 60),
    ),
    "joy": Palette(
        (40, 130, 235),
        (190, 230, 255),
        (255, 250, 220),
        0.8,
        (140, 180, 225),
        (80, 115, 170),
        (246, 250, 255),
        (140, 180, 230),
        (30, 90, 70),
    ),
    "triumph": Palette(
        (70, 90, 170),
        (255, 196, 120),
        (255, 220, 140),
        0.25,
        (200, 150, 150),
        (120, 90, 110),
        (255, 240, 222),
        (170, 140, 190),
        (40, 50, 50),
        arena=(40, 30, 30),
    ),
    "calm": Palette(
        (120, 160, 210),
        (230, 215, 225),
        (255, 240, 235),
        0.5,
        (170, 180, 210),
        (120, 135, 170),
        (238, 242, 250),
        (170, 185, 220),
        (50, 80, 85),
    ),
    "awe": Palette(
        (18, 24, 70),
        (230, 120, 120),
        (255, 200, 150),
        0.05,
        (90, 80, 130),
        (45, 45, 85),
        (215, 215, 240),
        (110, 110, 170),
        (20, 30, 45),
        stars=True,
        arena=(14, 14, 40),
    ),
    "tension": Palette(
        (70, 78, 90),
        (160, 168, 176),
        (225, 228, 230),
        0.6,
        (120, 128, 140),
        (70, 76, 88),
        (222, 226, 230),
        (140, 146, 160),
        (30, 40, 40),
        arena=(20, 20, 24),
    ),
    "melancholy": Palette(
        (92, 105, 125),
        (175, 182, 192),
        (220, 222, 228),
        0.45,
        (130, 140, 155),
        (85, 95, 112),
        (220, 225, 232),
        (150, 160, 178),
        (45, 60, 62),
    ),
    "romance": Palette(
        (90, 70, 150),
        (255, 170, 170),
        (255, 215, 190),
        0.15,
        (190, 140, 170),
        (120, 90, 130),
        (255, 236, 240),
        (200, 160, 200),
        (60, 50, 70),
        arena=(40, 20, 40),
    ),
    "humour": Palette(
        (60, 170, 250),
        (200, 240, 255),
        (255, 240, 120),
        0.85,
        (150, 200, 240),
        (90, 150, 200),
        (250, 252, 255),
        (150, 200, 240),
        (40, 140, 80),
    ),
    "power": Palette(
        (20, 40, 90),
        (140, 170, 220),
        (255, 245, 220),
        0.55,
        (100, 120, 170),
        (40, 55, 90),
        (236, 242, 252),
        (120, 140, 200),
        (20, 45, 45),
        arena=(10, 12, 30),
    ),
    "night": Palette(
        (6, 8, 24),
        (30, 30, 70),
        (200, 220, 255),
        0.7,
        (30, 34, 70),
        (16, 18, 40),
        (120, 140, 190),
        (60, 70, 120),
        (10, 16, 30),
        stars=True,
        arena=(6, 6, 16),
    ),
}
MOOD_ALIASES = {
    "excitement": "joy",
    "happy": "joy",
    "pride": "triumph",
    "victory": "triumph",
    "peace": "calm",
    "serene": "calm",
    "wonder": "awe",
    "fear": "tension",
    "suspense": "tension",
    "sad": "melancholy",
    "sadness": "melancholy",
    "nostalgia": "melancholy",
    "love": "romance",
    "funny": "humour",
    "humor": "humour",
    "strength": "power",
    "speed": "power",
    "energy": "power",
}


def _mix(a, b, t: float) -> tuple[int, int, int]:
    """Colour ``a`` moved a fraction ``t`` of the way to ``b``."""
    return tuple(int(round(u + (v - u) * t)) for u, v in zip(a, b, strict=True))


def palette_for(emotion: str, style: str) -> Palette:
    if style == "scifi":
        return PALETTES["night"]
    return PALETTES.get(MOOD_ALIASES.get(emotion, emotion), PALETTES["neutral"])


def _periodic_noise(n: int, rng: np.random.Generator, octaves: int = 24, ridged: bool = True) -> np.ndarray:
    """A 1D signal of length ``n`` that tiles seamlessly (sum of whole-period sines), scaled to 0..1."""
    u = np.arange(n) / n
    out = np.zeros(n)
    for k in range(2, octaves + 2):
        phase = rng.uniform(0, 2 * np.pi)
        wave = np.sin(2 * np.pi * k * u + phase)
        out += (1 - np.abs(wave) if ridged else wave) * k**-1.15
    out -= out.min()
    return out / max(out.max(), 1e-6)


class Scene:
    """Renders the background of each frame for one clip."""

    def __init__(
        self,
        motion: Motion,
        palette: Palette,
        width: int,
        height: int,
        rng: np.random.Generator,
        *,
        open_air: bool = False,
        ridges: tuple | None = None,
        backdrop=None,
    ) -> None:
        """``open_air`` puts an ice venue outdoors (a rink under the sky); ``ridges`` replaces the mountains'
        ``(colour, top, amplitude, snow)`` layers; ``backdrop`` (a :class:`backdrop.Backdrop`) stands on the far
        hill; ``show`` (set later) draws moving light on the sky."""
        self.motion = motion
        self.venue = motion.venue
        self.palette = palette
        self.w, self.h = width, height
        self.rng = rng
        self.open_air = self.venue in OUTDOOR or open_air
        self.ridges = ridges
        self.backdrop = backdrop
        self.show = None
        # 255 where the panorama is open sky (the aurora and fireworks draw only there).
        self.sky_mask = np.zeros((int(height * 1.6), width * 3), np.uint8)
        if self.open_air:
            self._plan_panorama()
        else:
            self.pan = self._arena()
        self.hill_seed = rng.uniform(0, 100)
        self.tree_jitter = rng.uniform(0, 1, 512)

    # --- precomputed panorama ----------------------------------------------------------------------------

    def _plan_panorama(self) -> None:
        """The panorama's random draws (stars, ridge lines) in their fixed order; the pixels are painted later,
        only for the columns the camera shows (:meth:`prepare`): it is a 3x-wide, 1.6x-tall image, and a clip
        rarely pans across more than a third of it."""
        p, w, h = self.palette, self.w * 3, int(self.h * 1.6)
        self.stars = None
        if p.stars:
            n = 700
            sx, sy = self.rng.integers(0, w, n), self.rng.integers(0, int(h * HORIZON * 0.8), n)
            self.stars = (sx, sy, self.rng.uniform(120, 255, (n, 1)))
        self.layers = []
        layers = self.ridges or ((p.far, HORIZON - 0.26, 0.22, 0.5), (p.near, HORIZON - 0.12, 0.16, 0.35))
        for layer, (colour, top, amp, snow) in enumerate(layers):
            ridge = _periodic_noise(w, self.rng, ridged=True)
            ridge_y = (top + amp * (1 - ridge)) * h
            slope = cv2.GaussianBlur(np.gradient(ridge_y).astype(np.float32)[None, :], (0, 0), sigmaX=6)
            light = np.clip(1.0 - 0.35 * np.tanh(slope * 0.4), 0.55, 1.25)[0]
            rock = np.asarray(colour, float) * light[:, None]
            snowline = snow * amp * (0.5 + 0.5 * _periodic_noise(w, self.rng, 40, ridged=False))
            snow_col = np.asarray(p.snow, float) * np.clip(light, 0.75, 1.05)[:, None]
            snow_col = snow_col * 0.8 + np.asarray(colour, float) * 0.2 * (1 - layer * 0.5)
            self.layers.append((ridge_y, rock.astype(np.float32), snowline, snow_col.astype(np.float32)))
        self.pan = np.zeros((h, w, 3), np.uint8)
        self.built = np.zeros(w, bool)

    def prepare(self, windows: list[tuple[int, int]]) -> None:
        """Paint the panorama columns that these windows (top-left corners, one per frame) will show."""
        if not self.open_air:
            return
        pw = self.pan.shape[1]
        needed = np.zeros(pw, bool)
        for sx in {x for x, _ in windows}:
            needed[(sx + np.arange(self.w)) % pw] = True
        todo = needed & ~self.built
        # Contiguous runs of columns still to paint.
        edges = np.flatnonzero(np.diff(np.concatenate([[0], todo.astype(np.int8), [0]])))
        for c0, c1 in zip(edges[::2], edges[1::2], strict=True):
            self._paint(int(c0), int(c1))
        self.built |= needed

    def _paint(self, c0: int, c1: int) -> None:
        """Columns ``c0:c1`` of the panorama: sky gradient, stars, sun glow, the two ridges."""
        p, h = self.palette, self.pan.shape[0]
        y = np.linspace(0, 1, h)[:, None]
        g = np.clip(y / HORIZON, 0, 1) ** 1.4
        column = np.asarray(p.sky_top, float) * (1 - g) + np.asarray(p.sky_horizon, float) * g
        sky = np.empty((h, c1 - c0, 3), np.float32)
        sky[...] = column[:, None, :]
        if self.stars is not None:
            sx, sy, value = self.stars
            inside = (sx >= c0) & (sx < c1)
            sx, sy, value = sx[inside] - c0, sy[inside], value[inside]
            sky[sy, sx] = np.maximum(sky[sy, sx], value)
        # The sun (or moon) with a wide soft glow.
        sun_x, sun_y = self.pan.shape[1] * 0.35, h * (HORIZON - 0.05 - 0.45 * p.sun_height)
        dx = (np.arange(c0, c1, dtype=np.float32) - np.float32(sun_x)) ** 2
        dy = ((np.arange(h, dtype=np.float32) - np.float32(sun_y)) * np.float32(1.2)) ** 2
        d = np.sqrt(dy[:, None] + dx[None, :]) / np.float32(self.h)
        glow = np.exp(d * np.float32(-5.0)) * np.float32(0.55)
        glow[d < 0.045] += np.float32(0.9)
        np.clip(glow, 0, 1, out=glow)
        sky += (np.asarray(p.sun, np.float32) - sky) * glow[..., None]
        rows = np.arange(h, dtype=np.float32)[:, None]
        mask = np.full((h, c1 - c0), 255, np.uint8)
        for layer, (ridge_y, rock, snowline, snow_col) in enumerate(self.layers):
            ridge_y, rock, snowline, snow_col = ridge_y[c0:c1], rock[c0:c1], snowline[c0:c1], snow_col[c0:c1]
            # Only the rows that some column of this ridge reaches.
            r0 = int(np.floor(ridge_y.min()))
            yy = rows[r0:]
            # Compared in float64, as the ridge line is, so the edges land on the same pixels for a seed.
            depth = (yy.astype(float) - ridge_y[None, :]) / h
            below = depth >= 0
            snowy = depth < snowline[None, :]
            body = np.where(snowy[..., None], snow_col[None], rock[None])
            haze = (np.clip((yy - (HORIZON - 0.02) * h) / (0.14 * h), 0, 1) * (0.8 - 0.3 * layer)).astype(np.float32)
            body += (np.asarray(p.sky_horizon, np.float32) - body) * haze[..., None]
            np.copyto(sky[r0:], body, where=below[..., None])
            mask[r0:][below] = 0
        self.pan[:, c0:c1] = np.clip(sky, 0, 255).astype(np.uint8)
        self.sky_mask[:, c0:c1] = mask

    def _arena(self) -> np.ndarray:
        p, w, h = self.palette, self.w * 3, int(self.h * 1.6)
        y = np.linspace(0, 1, h)[:, None, None]
        base = np.asarray(p.arena, float)
        img = np.repeat(base * (0.6 + 0.8 * y), w, axis=1)
        # Crowd: tiers of little coloured people, darker toward the roof.
        cell = 5
        rows, cols = int(h * 0.5 / cell), w // cell
        colours = self.rng.choice(
            np.array(
                [
                    (200, 40, 50),
                    (240, 240, 240),
                    (40, 90, 200),
                    (250, 200, 40),
                    (30, 30, 36),
                    (90, 90, 100),
                    (230, 120, 40),
                    (30, 140, 80),
                ],
                float,
            ),
            size=(rows, cols),
        )
        colours *= self.rng.uniform(0.25, 0.6, (rows, cols, 1))
        crowd = cv2.resize(colours.astype(np.float32), (cols * cell, rows * cell), interpolation=cv2.INTER_NEAREST)
        crowd = cv2.GaussianBlur(crowd, (0, 0), 2.2)
        y0 = int(h * 0.3)
        fade = np.linspace(0.35, 1.0, crowd.shape[0])[:, None, None]
        img[y0 : y0 + crowd.shape[0], : crowd.shape[1]] = (
            crowd * fade + img[y0 : y0 + crowd.shape[0], : crowd.shape[1]] * (1 - fade) * 0.4
        )
        # Roof lights.
        yy, xx = np.mgrid[0 : int(h * 0.3), 0:w].astype(np.float32)
        for lx in np.arange(w / 16, w, w / 8):
            d = np.hypot(xx - lx, (yy - h * 0.12) * 2.5) / self.h
            img[: int(h * 0.3)] += np.exp(-d * 30)[..., None] * np.array([255, 245, 220]) * 0.9
        return np.clip(img, 0, 255).astype(np.uint8)

    # --- per frame ---------------------------------------------------------------------------------------

    def render(self, view: View, t: float) -> np.ndarray:
        canvas = self._background(view)
        if self.show is not None:
            self.show.draw(canvas, *self.window, t)
        painter = Painter(canvas, view, outline=(20, 24, 36), outline_px=1.0)
        if self.open_air:
            self._hills(painter, view)
        if self.venue in ICE:
            self._ice(painter, view)
        elif self.venue == "channel":
            self._channel(painter, view)
        else:
            self._snow_ground(painter, view)
        return canvas

    def window_for(self, view: View) -> tuple[int, int]:
        """Top-left corner of the panorama window that ``view`` shows (kept inside the panorama)."""
        sx, sy = self._corner(view)
        return sx, int(np.clip(sy, 0, self.pan.shape[0] - self.h))

    def _corner(self, view: View) -> tuple[int, int]:
        """:meth:`window_for`, where a steep tilt may go past the panorama's top or bottom."""
        ph, pw = self.pan.shape[:2]
        parallax = 0.05 if self.open_air else 0.35
        far, (dx, dy) = view.far, view.sweep
        sx = int(round(far.target[0] * far.scale * parallax + far.target[2] * far.scale * 0.1 - dx)) % pw
        horizon_shift = far.pitch * self.h * 1.1 + far.target[1] * far.scale * 0.04 - dy
        sy = int(round(ph * 0.62 - self.h * 0.5 + horizon_shift - (far.zoom - 1) * 20))
        return sx, sy

    def _background(self, view: View) -> np.ndarray:
        ph, pw = self.pan.shape[:2]
        self.window = self.window_for(view)
        sx, sy = self._corner(view)
        if self.open_air and not self.built[(sx + np.arange(self.w)) % pw].all():
            self.prepare([(sx, sy)])  # a view the renderer did not announce: paint what it needs now
        # A camera tilting past the panorama's edge sees more of its top row (sky) or bottom row (covered by the
        # ground anyway).
        if 0 <= sy <= ph - self.h:
            rows = self.pan[sy : sy + self.h]
        else:
            rows = self.pan[np.clip(np.arange(sy, sy + self.h), 0, ph - 1)]
        if sx + self.w <= pw:
            return rows[:, sx : sx + self.w].copy()
        return np.concatenate([rows[:, sx:], rows[:, : self.w - (pw - sx)]], axis=1)

    def _hills(self, painter: Painter, view: View) -> None:
        """Two bands of forested hills between the mountains and the venue, with stronger parallax (none in a pan
        from a fixed point, where they sweep with the sky)."""
        p = self.palette
        far, (dx, dy) = view.far, view.sweep
        for depth, (parallax, base, amp, colour) in enumerate(
            ((0.12, 0.5, 0.05, shade(p.far, 0.85)), (0.22, 0.55, 0.045, shade(p.trees, 1.15)))
        ):
            if depth == 1 and self.backdrop is not None:
                # The setting stands on the far hill, behind the near one, scrolling with the far hill.
                offset = far.target[0] * far.scale * 0.12 - dx
                base_y = self.h * (0.5 - far.pitch * 0.9 + 0.06) + far.target[1] * far.scale * 0.02 + dy
                self.backdrop.draw(painter.canvas, offset, base_y)
            xs = np.arange(-16, self.w + 24, 16, dtype=float)
            u = xs + far.target[0] * far.scale * parallax - dx
            hy = (
                self.h
                * (
                    base
                    - far.pitch * 0.9
                    + amp * np.sin(u / 170 + self.hill_seed + depth)
                    + 0.5 * amp * np.sin(u / 61 + depth * 3)
                )
                + far.target[1] * far.scale * 0.02
                + dy
            )
            poly = np.concatenate([np.stack([xs, hy], 1), [[xs[-1], self.h + 5], [xs[0], self.h + 5]]])
            hill = shade(p.snow, 0.93 - 0.05 * (1 - depth))
            painter.poly_px(poly, hill)
            spacing = 7 + 5 * depth
            first = int(np.floor((u[0]) / spacing))
            k = np.arange(first, first + int(self.w / spacing) + 4)
            j = self.tree_jitter[k % 512]
            k, j = k[j >= 0.2], j[j >= 0.2]
            x = k * spacing - (far.target[0] * far.scale * parallax - dx)
            ty = np.interp(x, xs, hy) + 3 + 14 * ((j * 7.3) % 1.0) * (1 + depth)
            th = (7 + 12 * j) * (1 + depth * 0.6)
            trees = np.stack(
                [np.stack([x - th * 0.28, ty], 1), np.stack([x + th * 0.28, ty], 1), np.stack([x, ty - th], 1)], 1
            )
            painter.polys_px(trees, colour)

    def _x_range(self, view: View) -> tuple[float, float]:
        half = (self.w * 0.5 / view.scale) / max(np.cos(view.yaw), 0.3) + 25 / max(view.zoom, 0.3)
        return view.target[0] - half - 20, view.target[0] + half + 20

    def _band(self, view: View, z0: float, z1: float, lift0: float = 0.0, lift1: float = 0.0, n: int = 90):
        """Screen polygon of the ground between depths ``z0`` (far) and ``z1`` (near)."""
        x0, x1 = self._x_range(view)
        xs = np.linspace(x0, x1, n)
        gy = self.motion.ground(xs)
        far = np.stack([xs, gy + lift0, np.full(n, z0)], 1)
        near = np.stack([xs, gy + lift1, np.full(n, z1)], 1)[::-1]
        return view.project(np.concatenate([far, near]))[0]

    def far_z(self, view: View) -> float:
        """How far back the ground reaches: its far edge stays below the top fifth of the frame."""
        x = float(view.target[0])
        gy = float(self.motion.ground(x))
        for z in (-60.0, -40.0, -28.0, -20.0, -14.0, -10.0, -7.0):
            if view.project(np.array([x, gy, z]))[0][1] >= self.h * 0.2:
                return z
        return -5.0

    def _ground_marks(
        self, painter: Painter, view: View, colour, *, spacing: float, near: float = 6.0, far: float = -5.0
    ) -> None:
        """Flat marks scattered on the ground between depths ``far`` and ``near`` (metres), every ``spacing``
        metres along the course, all drawn in one call: their place and size come from the course position."""
        x0, x1 = self._x_range(view)
        ks = np.arange(int(np.floor(x0 / spacing)), int(np.ceil(x1 / spacing)))
        j = self.tree_jitter[(ks * 7) % 512]
        size = 0.22 + 0.4 * self.tree_jitter[(ks * 13 + 5) % 512]
        x = ks * spacing + j * 0.8 * spacing
        z = far + (near - far) * ((j * 13.1) % 1.0)
        marks = np.empty((len(ks), 6, 3))
        marks[:, :, 0] = x[:, None] + size[:, None] * np.array([-1.0, -0.5, 0.5, 1.0, 0.6, -0.6])
        marks[:, :, 1] = (self.motion.ground(x) + 0.01)[:, None]
        marks[:, :, 2] = z[:, None] + size[:, None] * np.array([0.0, -0.5, -0.5, 0.0, 0.35, 0.35])
        painter.polys_px(view.project(marks)[0], colour)

    def _snow_ground(self, painter: Painter, view: View) -> None:
        p = self.palette
        far_z = self.far_z(view)
        mid_z = far_z * 0.45
        bands = ((far_z, mid_z, shade(p.snow, 0.88)), (mid_z, -3.0, shade(p.snow, 0.95)), (-3.0, 30.0, p.snow))
        for z0, z1, colour in bands:
            poly = self._band(view, z0, z1)
            if z1 >= 30:
                poly = np.concatenate([poly, [[poly[-1, 0], self.h + 10], [poly[0, 0], self.h + 10]]])
            painter.poly_px(poly, colour)
        if self.venue == "ridge":
            self._rocks(painter, view)
            return
        # Forest edge on the far side of the piste, standing on the snow. Every tree (and every bump below) is
        # projected in one call per frame: per-tree calls were the biggest cost of a snowy frame.
        x0, x1 = self._x_range(view)
        spacing = 2.6
        if far_z <= -14:
            ks = np.arange(int(np.floor(x0 / spacing)), int(np.ceil(x1 / spacing)))
            j = self.tree_jitter[ks % 512][:, None]
            row = np.array([0.0, 1.0])[None, :]
            z = np.array([far_z * (0.8 + 0.05), far_z * 0.97])[None, :] + 2 * j
            x = ks[:, None] * spacing + j * 1.5 + row * 1.3
            hgt = ((2.5 + 2.5 * j) * (0.7 + 0.3 * row) * abs(far_z) / 25).reshape(-1)
            x, z = x.reshape(-1), z.reshape(-1)
            if self.backdrop is not None:
                # A few scattered trees instead of a wall of forest, so the fan's village or castle shows.
                keep = (np.broadcast_to(j, (len(ks), 2)).reshape(-1) > 0.7) & (np.tile([True, False], len(ks)))
                x, z, hgt = x[keep], z[keep], hgt[keep] * 0.6
            base = np.stack([x, self.motion.ground(x), z], 1)
            top_pts = base.copy()
            top_pts[:, 1] += hgt
            b, depth = view.project(base)
            top, _ = view.project(top_pts)
            half = hgt * 0.22 * view.scale * view.perspective(depth)
            trees_dark = np.empty((len(x), 3, 2))
            trees_dark[:, 0, 0], trees_dark[:, 1, 0] = b[:, 0] - half, b[:, 0] + half
            trees_dark[:, 0, 1] = trees_dark[:, 1, 1] = b[:, 1]
            trees_dark[:, 2] = top
            mid = b + (top - b) * 0.55
            trees_snow = np.empty_like(trees_dark)
            trees_snow[:, 0, 0], trees_snow[:, 1, 0] = mid[:, 0] - half * 0.35, mid[:, 0] + half * 0.35
            trees_snow[:, 0, 1] = trees_snow[:, 1, 1] = mid[:, 1]
            trees_snow[:, 2] = top + (b - top) * 0.1
            painter.polys_px(trees_dark, p.trees)
            painter.polys_px(trees_snow, shade(p.snow, 0.92))
        # Ruts and mogul shadows around the athlete's line: world-anchored texture with real contrast, as a worn
        # course has, that tells the eye (and the time-slice's registration) how fast the ground goes by.
        self._ground_marks(painter, view, shade(p.shadow, 0.9), spacing=0.75)
        if self.venue == "field":
            return  # open snow: no piste, no ski tracks
        # Ski tracks give the surface texture and a sense of speed.
        xs = np.linspace(x0, x1, 60)
        gy = self.motion.ground(xs)
        for z, colour in ((-4.0, shade(p.snow, 0.9)), (-1.6, shade(p.snow, 0.92)), (2.5, shade(p.snow, 0.9))):
            pts = view.project(np.stack([xs, gy + 0.01, np.full_like(xs, z)], 1))[0]
            painter.polyline_px(pts, colour, max(1.0, painter.px(0.06)))
        if self.venue == "jump":
            # Crowd and fences at the bottom of the outrun.
            x = np.arange(110, 200, 1.2)
            base = np.stack([x, self.motion.ground(x), np.full_like(x, -9.0)], 1)
            top_pts = base + [0, 1.5, 0]
            colours = [shade(c, 0.8) for c in ((200, 40, 50), (40, 90, 200), (250, 200, 40), (240, 240, 240))]
            painter.segments(base, top_pts, 0.22, [colours[int(v * 5) % 4] for v in x], outlined=False)

    def _rocks(self, painter: Painter, view: View) -> None:
        """Dark rock bands breaking through the snow of the ridge's flanks."""
        x0, x1 = self._x_range(view)
        rocks = []
        for k in range(int(np.floor(x0 / 3.0)), int(np.ceil(x1 / 3.0))):
            j = self.tree_jitter[k % 512]
            if j < 0.45:
                continue
            x = k * 3.0 + j
            z = -2.5 - 9 * j
            y = float(self.motion.ground(x)) - 0.4 - 3 * j
            base = np.array([[x - 1.2 * j, y, z], [x + 1.5 * j, y - 0.3, z], [x + 0.4, y + 0.8 * j + 0.3, z]])
            rocks.append(view.project(base)[0])
        painter.polys_px(rocks, shade(self.palette.near, 0.55))

    def _ice(self, painter: Painter, view: View) -> None:
        p = self.palette
        ice_col = shade(p.snow, 0.97)
        board_z = -9.0 if self.venue != "sheet" else -4.0
        x0, x1 = self._x_range(view)
        floor = view.project(np.array([[x0, 0, board_z], [x1, 0, board_z], [x1, 0, 40], [x0, 0, 40]]))[0]
        floor = np.concatenate([floor, [[floor[2, 0], self.h + 10], [floor[3, 0], self.h + 10]]])
        painter.poly_px(floor, ice_col)
        # A soft reflection band of the lights on the ice.
        glare = view.project(
            np.array([[x0, 0, board_z + 0.5], [x1, 0, board_z + 0.5], [x1, 0, board_z + 4], [x0, 0, board_z + 4]])
        )[0]
        painter.blend_poly_px(glare, (255, 255, 255), 0.35)
        # Skate scratches and snow scraped off the blades, on the skaters' side of the boards.
        self._ground_marks(painter, view, _mix(ice_col, p.shadow, 0.85), spacing=1.0, far=board_z + 1.0)
        # Boards with sponsor-free colour panels, and the glass above them.
        panel_w = 4.0
        for k in range(int(np.floor(x0 / panel_w)), int(np.ceil(x1 / panel_w))):
            xa, xb = k * panel_w, (k + 1) * panel_w
            quad = np.array([[xa, 0, board_z], [xb, 0, board_z], [xb, 1.1, board_z], [xa, 1.1, board_z]])
            c = ((240, 242, 246), (214, 40, 48), (40, 90, 220), (240, 242, 246))[k % 4]
            painter.poly(quad, c)
        top = view.project(np.array([[x0, 1.1, board_z], [x1, 1.1, board_z]]))[0]
        painter.polyline_px(top, (250, 200, 30), max(1.0, painter.px(0.08)))
        bottom = view.project(np.array([[x0, 0.1, board_z], [x1, 0.1, board_z]]))[0]
        painter.polyline_px(bottom, (250, 200, 30), max(1.0, painter.px(0.2)))
        if self.venue == "rink":
            for x, c in ((0.0, (214, 40, 48)), (-7.6, (40, 90, 220)), (7.6, (40, 90, 220)), (15.0, (214, 40, 48))):
                painter.poly(
                    np.array(
                        [
                            [x - 0.15, 0.005, board_z],
                            [x + 0.15, 0.005, board_z],
                            [x + 0.15, 0.005, 30],
                            [x - 0.15, 0.005, 30],
                        ]
                    ),
                    c,
                )
            for cx in (-12.0, 12.0):
                ring = painter.ground_ellipse(np.array([cx, 0.006, 3.0]), 4.5, 40)
                painter.polyline_px(ring, (214, 40, 48), max(1.0, painter.px(0.1)), closed=True)
        elif self.venue == "oval":
            for z in (-2.2, 1.8, 5.8):
                line = view.project(np.array([[x0, 0.005, z], [x1, 0.005, z]]))[0]
                painter.polyline_px(line, (210, 60, 70) if z > 5 else (230, 232, 236), max(1.0, painter.px(0.08)))
        else:
            line = view.project(np.array([[x0, 0.005, -0.6], [x1, 0.005, -0.6]]))[0]
            painter.polyline_px(line, (200, 60, 70), max(1.0, painter.px(0.04)))
            for x in (-10.0, 15.6):
                painter.poly(
                    np.array(
                        [
                            [x - 0.08, 0.005, board_z],
                            [x + 0.08, 0.005, board_z],
                            [x + 0.08, 0.005, 4],
                            [x - 0.08, 0.005, 4],
                        ]
                    ),
                    (200, 40, 50),
                )

    def _channel(self, painter: Painter, view: View) -> None:
        self._snow_ground(painter, view)
        x0, x1 = self._x_range(view)
        xs = np.linspace(x0, x1, 120)
        gy = self.motion.ground(xs)
        bank = np.zeros_like(xs)
        for f in self.motion.fixtures:
            if f.kind == "bank":
                length = f.params["length"]
                k = np.clip((xs - f.pos[0] + length * 0.1) / (length * 1.2), 0, 1)
                bank = np.maximum(bank, np.sin(np.pi * k) ** 2)
        ice = (200, 222, 240)
        wall_h = 1.1 + 2.2 * bank
        far_top = np.stack([xs, gy + wall_h, -1.8 - 0.6 * bank], 1)
        far_bottom = np.stack([xs, gy, np.full_like(xs, -1.6)], 1)
        wall = view.project(np.concatenate([far_top, far_bottom[::-1]]))[0]
        painter.poly_px(wall, shade(ice, 0.86))
        rim = view.project(far_top)[0]
        painter.polyline_px(rim, (240, 244, 250), max(1.0, painter.px(0.15)))
        floor = view.project(np.concatenate([far_bottom, np.stack([xs, gy, np.full_like(xs, 0.9)], 1)[::-1]]))[0]
        painter.poly_px(floor, ice)
        # Joints between the track's sections on the wall, and scratches of runners on the floor.
        seam_x = np.arange(np.floor(x0 / 3.0) * 3.0, x1, 3.0)
        seam_y = self.motion.ground(seam_x)
        seams = view.project(
            np.stack(
                [
                    np.stack([seam_x, seam_y, np.full_like(seam_x, -1.6)], 1),
                    np.stack([seam_x, seam_y + 1.0, np.full_like(seam_x, -1.8)], 1),
                ],
                1,
            )
        )[0]
        cv2.polylines(painter.canvas, list(fixed(seams)), False, shade(ice, 0.72), 1, cv2.LINE_AA, SHIFT)
        self._ground_marks(painter, view, shade(ice, 0.82), spacing=1.4, near=0.8, far=-1.4)
        stripe = view.project(np.stack([xs, gy + wall_h * 0.5, -1.7 - 0.3 * bank], 1))[0]
        painter.polyline_px(stripe, (70, 120, 220), max(1.0, painter.px(0.08)))
        near = view.project(
            np.concatenate(
                [
                    np.stack([xs, gy, np.full_like(xs, 0.9)], 1),
                    np.stack([xs, gy + 0.45, np.full_like(xs, 1.05)], 1)[::-1],
                ]
            )
        )[0]
        self.near_wall = near

    def foreground(self, canvas: np.ndarray, view: View) -> None:
        """Things in front of the athlete (the channel's near lip)."""
        if self.venue == "channel" and getattr(self, "near_wall", None) is not None:
            Painter(canvas, view, outline_px=1.0).poly_px(self.near_wall, shade(self.palette.snow, 0.88), outlined=True)
