"""World-anchored detail on the course: wind-sculpted snow, ski tracks and marker poles, skate scratches and
advertising boards, the ice channel's wall seams and scrapes.

Broadcast footage is full of such detail, and it is what tells a viewer (and a frame registration) how far the
camera has travelled: it is placed in world metres by a per-clip table (deterministic for a seed) and drawn
through the frame's camera like everything else, so it moves on screen exactly as the ground does. Each kind is
generated for the cells in view and drawn in one OpenCV call per colour.
"""

from __future__ import annotations

import cv2
import numpy as np

from .camera import DISTANCE, View
from .painter import SHIFT, Painter, fixed, shade

TABLE = 1024
POLE_COLOURS = ((240, 120, 30), (36, 44, 70))
# Abstract sponsor panels: (panel, mark) colour pairs; no lettering.
AD_COLOURS = (
    ((28, 52, 120), (250, 200, 30)),
    ((246, 247, 250), (214, 40, 48)),
    ((214, 40, 48), (246, 247, 250)),
    ((30, 140, 90), (246, 247, 250)),
    ((246, 247, 250), (40, 90, 220)),
    ((24, 26, 34), (90, 200, 250)),
)


def _mark_shapes() -> np.ndarray:
    """The sponsor panels' abstract marks, each as 10 (x, y) points from the mark's left edge: bar, disc, chevron."""
    a = np.linspace(0, 2 * np.pi, 10, endpoint=False)
    disc = np.stack([0.45 + 0.3 * np.cos(a), 0.55 + 0.3 * np.sin(a)], 1)
    bar = np.array([[0, 0.42], [1.0, 0.42], [1.0, 0.68], [0, 0.68]] + [[0, 0.68]] * 6)
    chevron = np.array([[0, 0.3], [0.45, 0.55], [0, 0.8], [0.25, 0.8], [0.7, 0.55], [0.25, 0.3]] + [[0.25, 0.3]] * 4)
    return np.stack([bar, disc, chevron])


MARKS = _mark_shapes()


class Course:
    """The course detail of one clip; ``table`` is its random draws (rows of uniform numbers per cell)."""

    def __init__(self, table: np.ndarray, ground) -> None:
        self.table = table
        self.ground = ground

    def _cells(self, kx: np.ndarray, kz: np.ndarray | int = 0) -> np.ndarray:
        return self.table[(kx * 31 + np.asarray(kz) * 17) % TABLE]

    @staticmethod
    def _half_width(view: View, z) -> np.ndarray:
        """How far along x from the camera's target the frame reaches at depth ``z`` (metres, generous)."""
        far = DISTANCE + np.maximum(-np.asarray(z, float), 0.0)
        return 0.5 * view.width / view.scale * far / DISTANCE / max(np.cos(view.yaw), 0.5) + 3.0

    def _x_cells(self, view: View, spacing: float, far_z: float) -> np.ndarray:
        """Indices of the cells ``spacing`` metres wide that can be in view down to depth ``far_z``."""
        x = float(view.target[0])
        half = float(self._half_width(view, far_z))
        return np.arange(int(np.floor((x - half) / spacing)), int(np.ceil((x + half) / spacing)) + 1)

    def _near(self, view: View, x: np.ndarray, z: np.ndarray) -> np.ndarray:
        """Which points ``(x, z)`` can be in view (cheap, before projecting them)."""
        return np.abs(x - float(view.target[0])) < self._half_width(view, z)

    @staticmethod
    def _on_screen(xy: np.ndarray, view: View, margin: float = 60) -> np.ndarray:
        """Which ``(n, k, 2)`` screen shapes come near the frame."""
        lo, hi = xy.min(axis=1), xy.max(axis=1)
        return (
            (hi[:, 0] > -margin)
            & (lo[:, 0] < view.width + margin)
            & (hi[:, 1] > -margin)
            & (lo[:, 1] < view.height + margin)
        )

    # --- snow ------------------------------------------------------------------------------------------------

    def snow(self, painter: Painter, view: View, snow, far_z: float, tracks: bool = True) -> None:
        """Wind-sculpted patches over the whole snowfield and, on a piste, two wandering pairs of ski tracks."""
        z_far = max(far_z * 0.75, -14.0)
        kx = self._x_cells(view, 2.0, z_far)
        z_rows = np.arange(int(np.floor(z_far / 1.6)), 7)
        gx, gz = np.meshgrid(kx, z_rows, indexing="ij")
        gx, gz = gx.reshape(-1), gz.reshape(-1)
        cell = self._cells(gx, gz)
        cx = gx * 2.0 + cell[:, 1] * 1.6
        cz = gz * 1.6 + cell[:, 2] * 1.2
        keep = (cell[:, 0] > 0.4) & self._near(view, cx, cz)
        cx, cz, cell = cx[keep], cz[keep], cell[keep]
        rx = 0.45 + 1.0 * cell[:, 3]
        rz = 0.3 + 0.5 * cell[:, 4]
        # Irregular hexagons: each corner's radius jittered by the cell's own numbers.
        a = np.linspace(0, 2 * np.pi, 6, endpoint=False)
        wobble = 0.7 + 0.6 * ((cell[:, 5:6] * (np.arange(6) + 3) * 7.3) % 1.0)
        px = cx[:, None] + np.cos(a) * rx[:, None] * wobble
        pz = cz[:, None] + np.sin(a) * rz[:, None] * wobble
        pts = np.stack([px, self.ground(px) + 0.01, pz], axis=-1)
        xy = view.project(pts)[0]
        show = self._on_screen(xy, view)
        dark = cell[:, 5] > 0.5
        # Soft, low-contrast shapes: filled without anti-aliasing, a third of their drawing cost.
        for pick, tone in ((show & dark, 0.8), (show & ~dark, 0.87)):
            if pick.any():
                cv2.fillPoly(
                    painter.canvas,
                    list(fixed(xy[pick]).reshape(int(pick.sum()), -1, 1, 2)),
                    shade(snow, tone),
                    cv2.LINE_8,
                    SHIFT,
                )
        if not tracks:
            return
        x = float(view.target[0])
        half = float(self._half_width(view, -4.0))
        xs = np.linspace(x - half, x + half, 40)
        gy = self.ground(xs) + 0.012
        lines = []
        for k, z0 in enumerate((-3.2, 1.6)):
            p1, p2 = self.table[k, :2] * 2 * np.pi
            z = z0 + 1.1 * np.sin(xs / 6.3 + p1) + 0.45 * np.sin(xs / 2.3 + p2)
            for side in (-0.09, 0.09):
                lines.append(view.project(np.stack([xs, gy, z + side], 1))[0])
        width = max(1, int(round(painter.px(0.05))))
        _polylines(painter.canvas, lines, shade(snow, 0.76), width)

    def twigs(self, painter: Painter, view: View, colour) -> None:
        """Spruce twigs scattered over the snow to mark the course (as on real pistes and jump hills): small,
        crisp, dark shapes at the athlete's depth."""
        kx = self._x_cells(view, 1.5, -7.0)
        gx, gz = np.meshgrid(kx, np.arange(-5, 5), indexing="ij")
        gx, gz = gx.reshape(-1), gz.reshape(-1)
        cell = self._cells(gx, gz + 211)
        cx = gx * 1.5 + cell[:, 1] * 1.2
        cz = gz * 1.4 + cell[:, 2] * 1.1
        keep = (cell[:, 0] > 0.68) & self._near(view, cx, cz)
        cx, cz, cell = cx[keep], cz[keep], cell[keep]
        size = 0.2 + 0.35 * cell[:, 3]
        angle = cell[:, 4] * np.pi
        # A twig: a spine with two pairs of needles, as one star-like polygon.
        r = np.array([1.0, 0.22, 0.5, 0.18, 0.85, 0.18, 0.5, 0.22])
        a = angle[:, None] + np.linspace(0, 2 * np.pi, 8, endpoint=False)[None, :]
        px = cx[:, None] + np.cos(a) * r * size[:, None]
        pz = cz[:, None] + np.sin(a) * r * size[:, None] * 0.6
        pts = np.stack([px, self.ground(px) + 0.015, pz], axis=-1)
        xy = view.project(pts)[0]
        painter.polys_px(xy[self._on_screen(xy, view, 10)], colour)

    def poles(self, painter: Painter, view: View, z: float) -> None:
        """Marker poles along the far edge of the course every ~5 m, and a distance board every 25 m."""
        k = self._x_cells(view, 5.0, z)
        cell = self._cells(k, 3)
        x = k * 5.0 + cell[:, 0] * 0.8
        base = np.stack([x, self.ground(x), np.full(len(k), z)], 1)
        top = base + [0.0, 1.5, 0.0]
        b, depth = view.project(base)
        visible = (b[:, 0] > -40) & (b[:, 0] < view.width + 40)
        if visible.any():
            half = np.maximum(1.0, 0.05 * view.scale * view.perspective(depth))
            # Each pole in two bands, the lower half in one colour and the upper in the other, alternating.
            mid = (base + top) / 2
            lower = _bars(view, base[visible], mid[visible], half[visible])
            upper = _bars(view, mid[visible], top[visible], half[visible])
            odd = (k[visible] % 2).astype(bool)
            for colour, first in zip(POLE_COLOURS, (odd, ~odd), strict=True):
                painter.polys_px(np.concatenate([lower[first], upper[~first]]), colour)
        boards = k[(k % 5) == 0]
        if len(boards):
            self._boards(painter, view, boards * 5.0 + 2.5, z - 0.4)

    def _boards(self, painter: Painter, view: View, xs: np.ndarray, z: float) -> None:
        """Small distance boards on two legs: a dark panel with a bright bar whose length is the board's own."""
        y = self.ground(xs)
        legs_a = np.concatenate(
            [np.stack([xs - 0.6, y, np.full_like(xs, z)], 1), np.stack([xs + 0.6, y, [z] * len(xs)], 1)]
        )
        legs_b = legs_a + [0.0, 0.6, 0.0]
        la, depth = view.project(legs_a)
        painter.polys_px(
            _bars(view, legs_a, legs_b, np.maximum(1.0, 0.04 * view.scale * view.perspective(depth))), (60, 64, 74)
        )
        panel = _quads(xs - 0.8, xs + 0.8, y + 0.55, y + 1.25, z)
        painter.polys_px(_visible_quads(view, panel), (30, 34, 48))
        cell = self._cells(np.round(xs).astype(int), 5)
        bar = _quads(xs - 0.62, xs - 0.62 + 0.3 + 0.9 * cell[:, 0], y + 0.8, y + 1.0, z + 0.01)
        painter.polys_px(_visible_quads(view, bar), (250, 200, 30))

    # --- ice -------------------------------------------------------------------------------------------------

    def ice(self, painter: Painter, view: View, ice, board_z: float) -> None:
        """Skate scratches: short curved marks over the ice, a few of them snow-dusted."""
        kx = self._x_cells(view, 1.4, board_z)
        z_rows = np.arange(int(np.floor((board_z + 0.4) / 1.1)), 10)
        gx, gz = np.meshgrid(kx, z_rows, indexing="ij")
        gx, gz = gx.reshape(-1), gz.reshape(-1)
        cell = self._cells(gx, gz + 101)
        keep = cell[:, 0] > 0.25
        gx, gz, cell = gx[keep], gz[keep], cell[keep]
        cx = gx * 1.4 + cell[:, 1] * 1.2
        cz = gz * 1.1 + cell[:, 2] * 0.9
        length = 0.5 + 1.6 * cell[:, 3]
        angle = (cell[:, 4] - 0.5) * 1.6
        bend = (cell[:, 5] - 0.5) * 1.2
        s = np.linspace(-0.5, 0.5, 5)
        u = s[None, :] * length[:, None]
        px = cx[:, None] + u * np.cos(angle[:, None]) - bend[:, None] * u**2 * np.sin(angle[:, None])
        pz = cz[:, None] + u * np.sin(angle[:, None]) + bend[:, None] * u**2 * np.cos(angle[:, None])
        pts = np.stack([px, np.full_like(px, 0.004), pz], axis=-1)
        xy = view.project(pts)[0]
        show = self._on_screen(xy, view, 20)
        deep = cell[:, 0] > 0.7
        canvas = painter.canvas
        _polylines(canvas, xy[show & ~deep], shade(ice, 0.9), 1)
        _polylines(canvas, xy[show & deep], shade(ice, 0.82), max(1, int(round(painter.px(0.03)))))

    def boards(self, painter: Painter, view: View, board_z: float) -> None:
        """The rink boards as a row of 2 m sponsor panels, each with an abstract mark (bar, disc or chevron)."""
        k = self._x_cells(view, 2.0, board_z)
        cell = self._cells(k, 7)
        style = (cell[:, 0] * len(AD_COLOURS)).astype(int)
        xa, xb = k * 2.0, k * 2.0 + 2.0
        quads = view.project(_quads(xa, xb, np.zeros(len(k)), np.full(len(k), 1.1), board_z))[0]
        pick = (quads[:, :, 0].max(axis=1) > -20) & (quads[:, :, 0].min(axis=1) < view.width + 20)
        kind = (cell[:, 1] * len(MARKS)).astype(int)
        x0 = xa + 0.25 + 0.5 * cell[:, 2]
        shapes = MARKS[kind] + np.stack([x0, np.zeros(len(k))], 1)[:, None, :]
        shapes = np.concatenate([shapes, np.full(shapes.shape[:2] + (1,), board_z + 0.01)], axis=2)
        marks = view.project(shapes)[0]
        for s, (panel, mark) in enumerate(AD_COLOURS):
            sel = pick & (style == s)
            if sel.any():
                painter.polys_px(quads[sel], panel)
                painter.polys_px(marks[sel], mark)
        # Seams between the panels.
        seams_a = np.stack([xa, np.zeros(len(k)), np.full(len(k), board_z + 0.01)], 1)[pick]
        seams_b = seams_a + [0.0, 1.1, 0.0]
        if len(seams_a):
            painter.polys_px(_bars(view, seams_a, seams_b, np.full(len(seams_a), 0.8)), (60, 64, 74))

    # --- ice channel -----------------------------------------------------------------------------------------

    def channel(self, painter: Painter, view: View, xs_wall, wall_top, ice) -> None:
        """Seams every 2.5 m down the far wall, a sponsor band every 15 m, and scrape marks on the floor."""
        k = self._x_cells(view, 2.5, -2.0)
        x = k * 2.5
        top = np.interp(x, xs_wall, wall_top[:, 1])
        tz = np.interp(x, xs_wall, wall_top[:, 2])
        gy = self.ground(x)
        a = np.stack([x, gy + 0.05, np.full(len(x), -1.6)], 1)
        b = np.stack([x, top - 0.05, tz + 0.02], 1)
        bx, depth = view.project(a)
        vis = (bx[:, 0] > -20) & (bx[:, 0] < view.width + 20)
        if vis.any():
            painter.polys_px(_bars(view, a[vis], b[vis], np.full(int(vis.sum()), 0.9)), shade(ice, 0.72))
        bands = k[(k % 6) == 0]
        for kb in bands:
            cell = self._cells(np.array([kb]), 9)[0]
            panel, mark = AD_COLOURS[int(cell[0] * len(AD_COLOURS))]
            xb = np.linspace(kb * 2.5 + 0.3, kb * 2.5 + 4.7, 8)
            yb = self.ground(xb)
            zb = np.interp(xb, xs_wall, wall_top[:, 2]) * 0.35 + (-1.6) * 0.65
            lo = np.stack([xb, yb + 0.35, zb], 1)
            hi = np.stack([xb, yb + 0.8, zb], 1)
            quad = view.project(np.concatenate([lo, hi[::-1]]))[0]
            if quad[:, 0].max() < -20 or quad[:, 0].min() > view.width + 20:
                continue
            painter.poly_px(quad, panel)
            m0 = 1 + int(cell[1] * 4)
            mark_pts = view.project(
                np.concatenate([lo[m0 : m0 + 3] + [0, 0.17, 0.01], hi[m0 : m0 + 3][::-1] - [0, 0.17, -0.01]])
            )[0]
            painter.poly_px(mark_pts, mark)

    def scrapes(self, painter: Painter, view: View, ice) -> None:
        """Short dashes along the channel's floor, where runners and brakes marked the ice."""
        kx = self._x_cells(view, 0.9, -2.0)
        cell = self._cells(kx, 13)
        keep = cell[:, 0] > 0.35
        kx, cell = kx[keep], cell[keep]
        x0 = kx * 0.9 + cell[:, 1] * 0.5
        x1 = x0 + 0.4 + 1.4 * cell[:, 2]
        z = -1.45 + 2.2 * cell[:, 3]
        xs = np.stack([x0, (x0 + x1) / 2, x1], 1)
        pts = np.stack([xs, self.ground(xs) + 0.01, z[:, None] + np.array([0.0, 0.04, 0.0]) * (cell[:, 4:5] - 0.5)], -1)
        xy = view.project(pts)[0]
        show = self._on_screen(xy, view, 20)
        _polylines(painter.canvas, xy[show], shade(ice, 0.84), max(1, int(round(painter.px(0.04)))))


def _quads(xa, xb, y0, y1, z: float) -> np.ndarray:
    """Upright rectangles in the plane ``z``: ``(n, 4, 3)``."""
    zz = np.full(len(xa), z)
    return np.stack(
        [np.stack([xa, y0, zz], 1), np.stack([xb, y0, zz], 1), np.stack([xb, y1, zz], 1), np.stack([xa, y1, zz], 1)], 1
    )


def _visible_quads(view: View, quads: np.ndarray) -> np.ndarray:
    xy = view.project(quads)[0]
    return xy[(xy[:, :, 0].max(axis=1) > -20) & (xy[:, :, 0].min(axis=1) < view.width + 20)]


def _bars(view: View, a: np.ndarray, b: np.ndarray, half: np.ndarray) -> np.ndarray:
    """Screen quads of upright bars from world points ``a`` to ``b``, ``half`` pixels wide either side."""
    pa, pb = view.project(a)[0], view.project(b)[0]
    h = np.asarray(half, float)[:, None] * np.array([1.0, 0.0])
    return np.stack([pa - h, pa + h, pb + h, pb - h], 1)


def _polylines(canvas: np.ndarray, lines: list[np.ndarray] | np.ndarray, colour, width: int) -> None:
    """Open polylines of one colour in one call (a list, or an ``(n, k, 2)`` array of k-point lines)."""
    if len(lines):
        pts = list(fixed(np.asarray(lines)).reshape(len(lines), -1, 1, 2))
        cv2.polylines(canvas, pts, False, colour, width, cv2.LINE_AA, SHIFT)
