"""Drawing the things around the athlete: gates, flags, kicker, goal, puck, curling stone and house, targets,
sleds. Each ``Prop.kind`` has one function here."""

from __future__ import annotations

import numpy as np

from .motion import Prop
from .painter import Painter, shade
from .rig import rot_x

POLE = (60, 64, 74)
WHITE = (246, 247, 250)
RED = (214, 40, 48)
BLUE = (40, 90, 220)


def draw_prop(painter: Painter, prop: Prop, t: float) -> None:
    fn = DRAWERS.get(prop.kind)
    if fn is not None:
        fn(painter, prop, t)


def prop_depth(painter: Painter, prop: Prop) -> float:
    return float(painter.view.project(prop.pos)[1])


def _visible(painter: Painter, pos: np.ndarray, margin: float = 200) -> bool:
    xy = painter.to_screen(pos)
    w, h = painter.view.width, painter.view.height
    return -margin < xy[0] < w + margin and -margin < xy[1] < h + margin


def gate(painter: Painter, prop: Prop, t: float) -> None:
    if not _visible(painter, prop.pos):
        return
    c = prop.params.get("colour", RED)
    p = prop.pos
    for dz in (-0.8, 0.8):
        painter.segment(p + [0, 0, dz], p + [0, 1.9, dz], 0.025, c)
    wave = 0.04 * np.sin(t * 9 + p[0])
    panel = np.array([p + [0, 1.75, -0.75], p + [wave, 1.75, 0.75], p + [wave, 1.1, 0.75], p + [0, 1.1, -0.75]])
    painter.poly(panel, c, outlined=True)


def flag(painter: Painter, prop: Prop, t: float) -> None:
    if not _visible(painter, prop.pos):
        return
    p = prop.pos
    painter.segment(p, p + [0, 3.2, 0], 0.03, POLE)
    colour = prop.params.get("colour") or (RED, BLUE, (250, 200, 30), (30, 160, 90))[int(abs(p[0])) % 4]
    pts = [p + [0, 3.15, 0]]
    for k in range(1, 6):
        pts.append(p + [k * 0.28, 3.15 - 0.05 * k + 0.12 * np.sin(t * 7 + k), 0.05 * np.sin(t * 5 + k)])
    for k in range(5, 0, -1):
        pts.append(p + [k * 0.28, 2.45 - 0.02 * k + 0.12 * np.sin(t * 7 + k + 0.4), 0.05 * np.sin(t * 5 + k)])
    pts.append(p + [0, 2.45, 0])
    painter.poly(np.array(pts), colour, outlined=True)


def summit_flag(painter: Painter, prop: Prop, t: float) -> None:
    flag(painter, Prop("flag", prop.pos, {"colour": (250, 200, 30)}), t)


def kicker(painter: Painter, prop: Prop, t: float) -> None:
    """The lip of the kicker, with its blue-dyed take-off line."""
    p = prop.pos
    painter.segment(p + [0, 0, -3], p + [0, 0, 3], 0.06, (60, 120, 230))


def jump_table(painter: Painter, prop: Prop, t: float) -> None:
    p = prop.pos
    painter.segment(p + [0, 0, -1.4], p + [0, 0, 1.4], 0.05, (200, 40, 50))


def distance_line(painter: Painter, prop: Prop, t: float) -> None:
    p = prop.pos
    colour = RED if prop.params.get("label") == "K" else (40, 170, 90)
    painter.segment(p + [0, 0.03, -12], p + [0, 0.03, 6], 0.12, colour, outlined=False)


def inrun_rail(painter: Painter, prop: Prop, t: float) -> None:
    """A 6 m section of the in-run: the tower's side wall and the icy ski tracks."""
    p = prop.pos
    q = p + [6.0, prop.params["next"] - p[1], 0]
    offsets = np.array([[0, 0.6, -1.4], [0, 0.6, 1.4], [0, 0.02, -0.2], [0, 0.02, 0.2]])
    colours = [(120, 130, 150)] * 2 + [(110, 150, 210)] * 2
    painter.segments(p + offsets, q + offsets, np.array([0.05, 0.05, 0.04, 0.04]), colours, outlined=False)


def lane_block(painter: Painter, prop: Prop, t: float) -> None:
    if _visible(painter, prop.pos, 40):
        painter.segment(prop.pos, prop.pos + [0, 0.12, 0], 0.08, (30, 30, 34))


def corner_block(painter: Painter, prop: Prop, t: float) -> None:
    if _visible(painter, prop.pos, 40):
        painter.segment(prop.pos, prop.pos + [0, 0.14, 0], 0.1, (250, 200, 30))


def goal(painter: Painter, prop: Prop, t: float) -> None:
    """A hockey net: red posts and crossbar, white mesh, open toward -x."""
    p = prop.pos
    mesh = (235, 238, 244)
    back = [p + [0.9, 0.0, -0.9], p + [0.9, 0.9, -0.6], p + [0.9, 0.9, 0.6], p + [0.9, 0.0, 0.9]]
    for a, b in zip(back[:-1], back[1:], strict=False):
        painter.segment(a, b, 0.02, mesh, outlined=False)
    for k in np.linspace(-0.9, 0.9, 7):
        painter.segment(p + [0, 1.22, k], p + [0.9, 0.9, k * 0.7], 0.008, mesh, outlined=False)
    for y in np.linspace(0.2, 1.1, 5):
        painter.segment(p + [0, y, -0.9], p + [0.9 * y / 1.22, y, 0.9], 0.006, mesh, outlined=False)
    painter.segment(p + [0, 0, -0.92], p + [0, 1.22, -0.92], 0.04, RED)
    painter.segment(p + [0, 0, 0.92], p + [0, 1.22, 0.92], 0.04, RED)
    painter.segment(p + [0, 1.22, -0.92], p + [0, 1.22, 0.92], 0.04, RED)
    if prop.params.get("flash", 0) > 0.05:
        lamp = painter.to_screen(p + [1.2, 2.0, 0])
        painter.disc_px(lamp, painter.px(0.18), (255, 60, 40))


def goal_net(painter: Painter, prop: Prop, t: float) -> None:
    goal(painter, prop, t)


def puck(painter: Painter, prop: Prop, t: float) -> None:
    painter.poly_px(painter.ground_ellipse(prop.pos, 0.09, 12), (16, 16, 18))


def stone(painter: Painter, prop: Prop, t: float) -> None:
    p = prop.pos
    granite = (120, 124, 132)
    painter.poly_px(painter.ground_ellipse(p + [0, 0.0, 0], 0.16), shade(granite, 0.7))
    painter.poly_px(painter.ground_ellipse(p + [0, 0.1, 0], 0.15), granite)
    painter.poly_px(painter.ground_ellipse(p + [0, 0.12, 0], 0.1), prop.params.get("colour", RED))
    spin = prop.params.get("spin", 0.0)
    d = np.array([np.cos(spin), 0, np.sin(spin)]) * 0.1
    painter.segment(p + [0, 0.16, 0] - d, p + [0, 0.16, 0] + d, 0.025, prop.params.get("colour", RED))


def house(painter: Painter, prop: Prop, t: float) -> None:
    p = prop.pos + [0, 0.005, 0]
    for radius, colour in ((1.83, BLUE), (1.22, WHITE), (0.61, RED), (0.15, WHITE)):
        painter.poly_px(painter.ground_ellipse(p, radius, 48), colour)
    painter.segment(p + [-6.4, 0, -2.3], p + [-6.4, 0, 2.3], 0.05, RED, outlined=False)


def target_board(painter: Painter, prop: Prop, t: float) -> None:
    p = prop.pos
    board = np.array([p + [0, 0.2, -1.3], p + [0, 0.2, 1.3], p + [0, 1.0, 1.3], p + [0, 1.0, -1.3]])
    painter.poly(board, (236, 236, 240), outlined=True)
    painter.segment(p + [0, 0, -1.2], p + [0, 0.2, -1.2], 0.04, POLE)
    painter.segment(p + [0, 0, 1.2], p + [0, 0.2, 1.2], 0.04, POLE)


def targets(painter: Painter, prop: Prop, t: float) -> None:
    p = prop.pos
    hits = prop.params.get("hits", 0)
    for k in range(5):
        c = p + [0.02, 0.6, -1.0 + 0.5 * k]
        centre = painter.to_screen(c)
        r = painter.px(0.17, at=c)
        painter.disc_px(centre, r, (20, 20, 24), outlined=False)
        if k < hits:
            painter.disc_px(centre, r * 0.8, WHITE, outlined=False)


def sled(painter: Painter, prop: Prop, t: float) -> None:
    p = prop.pos
    kind = prop.params.get("type", "luge")
    colour = prop.params.get("colour", BLUE)
    tilt = rot_x(prop.params.get("roll", 0.0))
    if kind == "bob":
        # A streamlined shell: nose at +x, open cockpit on top.
        outline = [(1.9, 0.25), (1.7, 0.75), (0.9, 0.95), (-1.3, 0.95), (-1.55, 0.6), (-1.55, 0.15), (1.4, 0.1)]
        side = np.array([[x, y, 0.55] for x, y in outline]) @ tilt.T + p - [0, 0.1, 0]
        painter.poly(side, colour, outlined=True)
        stripe = np.array([[x, y, 0.56] for x, y in ((1.7, 0.55), (-1.5, 0.55), (-1.5, 0.45), (1.75, 0.45))]) @ tilt.T
        painter.poly(stripe + p - [0, 0.1, 0], WHITE)
        for x in (1.1, -1.0):
            painter.segment(
                p + tilt @ np.array([x - 0.4, 0.0, 0.5]),
                p + tilt @ np.array([x + 0.4, 0.0, 0.5]),
                0.04,
                (180, 186, 196),
            )
        return
    length = 1.3 if kind == "luge" else 1.2
    for z in (-0.22, 0.22):
        a = p + tilt @ np.array([-length / 2, -0.05, z])
        b = p + tilt @ np.array([length / 2, -0.05, z])
        painter.segment(a, b, 0.025, (190, 196, 206))
        if kind == "luge":
            painter.segment(b, b + tilt @ np.array([0.25, 0.25, 0]), 0.03, colour)
    painter.segment(
        p + tilt @ np.array([-length / 2, 0.05, 0]), p + tilt @ np.array([length / 2, 0.05, 0]), 0.12, colour
    )


def bank(painter: Painter, prop: Prop, t: float) -> None:
    """Drawn by the channel scene itself (it needs the wall polygons); kept so every fixture kind is known."""


DRAWERS = {
    "gate": gate,
    "flag": flag,
    "summit_flag": summit_flag,
    "kicker": kicker,
    "jump_table": jump_table,
    "distance_line": distance_line,
    "lane_block": lane_block,
    "inrun_rail": inrun_rail,
    "corner_block": corner_block,
    "goal": goal,
    "goal_net": goal_net,
    "puck": puck,
    "stone": stone,
    "house": house,
    "target_board": target_board,
    "targets": targets,
    "sled": sled,
    "bank": bank,
}

# Painted on the surface: always under the athlete, never depth-sorted with it.
FLAT_KINDS = {"house", "distance_line", "kicker", "jump_table", "bank", "inrun_rail"}
