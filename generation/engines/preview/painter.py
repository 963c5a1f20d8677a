"""Anti-aliased drawing of world-space shapes onto an RGB frame, through the frame's camera."""

from __future__ import annotations

import cv2
import numpy as np

from .camera import View

SHIFT = 4  # sub-pixel precision bits for OpenCV drawing
ONE = 1 << SHIFT


def fixed(xy: np.ndarray) -> np.ndarray:
    return np.round(np.asarray(xy) * ONE).astype(np.int32)


def shade(colour, factor: float) -> tuple[int, int, int]:
    """``colour`` darkened (factor < 1) or lightened toward white (factor > 1)."""
    c = np.asarray(colour, float)
    c = c * factor if factor <= 1 else c + (255 - c) * (factor - 1)
    return tuple(int(v) for v in np.clip(c, 0, 255))


class Painter:
    """Draws on ``canvas`` (H x W x 3 uint8, RGB) with ``view``; ``outline`` is the ink colour and width in px."""

    def __init__(self, canvas: np.ndarray, view: View, outline=(18, 20, 30), outline_px: float = 1.6) -> None:
        self.canvas = canvas
        self.view = view
        self.outline = outline
        self.outline_px = outline_px

    def px(self, metres: float, at: np.ndarray | None = None) -> float:
        """``metres`` in pixels at the target's depth, or at world point ``at``."""
        if at is None:
            return metres * self.view.scale
        return metres * self.view.scale * float(self.view.perspective(self.view.project(at)[1]))

    def to_screen(self, points: np.ndarray) -> np.ndarray:
        return self.view.project(points)[0]

    def segment_px(self, a: np.ndarray, b: np.ndarray, width: float, colour, outlined: bool = True) -> None:
        """A capsule from screen point ``a`` to ``b``, ``width`` pixels wide."""
        pa, pb = fixed(a), fixed(b)
        if outlined and self.outline_px > 0:
            w = max(1, int(round(width + 2 * self.outline_px)))
            cv2.line(self.canvas, tuple(pa), tuple(pb), self.outline, w, cv2.LINE_AA, SHIFT)
        cv2.line(self.canvas, tuple(pa), tuple(pb), colour, max(1, int(round(width))), cv2.LINE_AA, SHIFT)

    def segment(self, a: np.ndarray, b: np.ndarray, radius: float, colour, outlined: bool = True) -> None:
        (sa, sb), depth = self.view.project(np.stack([a, b]))
        width = 2 * self.px(radius) * float(self.view.perspective((depth[0] + depth[1]) / 2))
        self.segment_px(sa, sb, width, colour, outlined)

    def segments(self, a: np.ndarray, b: np.ndarray, radius, colours, outlined: bool = True) -> None:
        """Many :meth:`segment` capsules (``a``, ``b``: ``(n, 3)``; ``radius``: scalar or ``(n,)``) projected in
        one call and drawn in order; those wholly off the frame are skipped, which draws the same pixels."""
        n = len(a)
        if not n:
            return
        xy, depth = self.view.project(np.concatenate([a, b]))
        widths = 2 * (np.asarray(radius) * self.view.scale) * self.view.perspective((depth[:n] + depth[n:]) / 2)
        widths = np.broadcast_to(widths, (n,))
        h, w = self.canvas.shape[:2]
        pa, pb = xy[:n], xy[n:]
        margin = widths + 2 * self.outline_px + 4
        lo, hi = np.minimum(pa, pb), np.maximum(pa, pb)
        seen = (hi[:, 0] > -margin) & (lo[:, 0] < w + margin) & (hi[:, 1] > -margin) & (lo[:, 1] < h + margin)
        for i in np.flatnonzero(seen):
            self.segment_px(pa[i], pb[i], float(widths[i]), colours[i], outlined)

    def disc_px(self, c: np.ndarray, r: float, colour, outlined: bool = True) -> None:
        if outlined and self.outline_px > 0:
            cv2.circle(
                self.canvas,
                tuple(fixed(c)),
                int(round((r + self.outline_px) * ONE)),
                self.outline,
                -1,
                cv2.LINE_AA,
                SHIFT,
            )
        cv2.circle(self.canvas, tuple(fixed(c)), max(1, int(round(r * ONE))), colour, -1, cv2.LINE_AA, SHIFT)

    def poly_px(self, points: np.ndarray, colour, outlined: bool = False) -> None:
        pts = fixed(points).reshape(-1, 1, 2)
        cv2.fillPoly(self.canvas, [pts], colour, cv2.LINE_AA, SHIFT)
        if outlined and self.outline_px > 0:
            cv2.polylines(
                self.canvas, [pts], True, self.outline, max(1, int(round(self.outline_px))), cv2.LINE_AA, SHIFT
            )

    def polys_px(self, polys: list[np.ndarray] | np.ndarray, colour) -> None:
        """Many polygons of one colour in a single call (trees, crowds); an ``(n, k, 2)`` array is k-gons."""
        if isinstance(polys, np.ndarray):
            if len(polys):
                pts = fixed(polys).reshape(len(polys), -1, 1, 2)
                cv2.fillPoly(self.canvas, list(pts), colour, cv2.LINE_AA, SHIFT)
        elif polys:
            cv2.fillPoly(self.canvas, [fixed(p).reshape(-1, 1, 2) for p in polys], colour, cv2.LINE_AA, SHIFT)

    def poly(self, points: np.ndarray, colour, outlined: bool = False) -> None:
        self.poly_px(self.to_screen(points), colour, outlined)

    def polyline_px(self, points: np.ndarray, colour, width: float, closed: bool = False) -> None:
        cv2.polylines(
            self.canvas,
            [fixed(points).reshape(-1, 1, 2)],
            closed,
            colour,
            max(1, int(round(width))),
            cv2.LINE_AA,
            SHIFT,
        )

    def ground_ellipse(self, centre: np.ndarray, radius: float, n: int = 28) -> np.ndarray:
        """Screen polygon of a horizontal circle (a ring on the ice, a shadow) around ``centre``."""
        a = np.linspace(0, 2 * np.pi, n, endpoint=False)
        pts = centre + np.stack([np.cos(a) * radius, np.zeros(n), np.sin(a) * radius], axis=-1)
        return self.to_screen(pts)

    def blend_poly_px(self, points: np.ndarray, colour, alpha: float) -> None:
        """A translucent polygon, blended only inside its bounding box (shadows, glass, glows)."""
        h, w = self.canvas.shape[:2]
        x0, y0 = np.floor(points.min(axis=0)).astype(int) - 1
        x1, y1 = np.ceil(points.max(axis=0)).astype(int) + 2
        x0, y0, x1, y1 = max(x0, 0), max(y0, 0), min(x1, w), min(y1, h)
        if x1 <= x0 or y1 <= y0:
            return
        roi = self.canvas[y0:y1, x0:x1]
        layer = roi.copy()
        cv2.fillPoly(layer, [fixed(points - [x0, y0]).reshape(-1, 1, 2)], colour, cv2.LINE_AA, SHIFT)
        cv2.addWeighted(layer, alpha, roi, 1 - alpha, 0, dst=roi)
