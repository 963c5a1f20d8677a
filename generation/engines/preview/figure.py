"""Drawing the athlete: limbs as outlined capsules sorted by depth, a head that fits the species, and gear."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw

from .look import Look
from .motion import Gear
from .painter import Painter, shade
from .rig import Pose, Skeleton, solve

GREY = (70, 74, 84)
SILVER = (205, 212, 222)
WHITE = (246, 247, 250)


@dataclass
class Part:
    """One depth-sorted drawable: a capsule (``b`` set) or the head (``b`` None)."""

    depth: float
    a: np.ndarray
    b: np.ndarray | None
    radius: float
    colour: tuple[int, int, int]


class Avatar:
    """A fan's picture as a round face, resized once per pixel radius."""

    def __init__(self, path: str | Path) -> None:
        image = Image.open(path).convert("RGB")
        side = min(image.size)
        left, top = (image.width - side) // 2, (image.height - side) // 2
        self.square = image.crop((left, top, left + side, top + side))
        self.cache: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def disc(self, radius: int) -> tuple[np.ndarray, np.ndarray]:
        """RGB pixels and a 0..1 alpha of a disc of ``radius`` pixels."""
        radius = max(radius, 2)
        if radius not in self.cache:
            size = 2 * radius
            rgb = np.asarray(self.square.resize((size, size), Image.Resampling.LANCZOS))
            mask = Image.new("L", (size * 4, size * 4), 0)
            ImageDraw.Draw(mask).ellipse((0, 0, size * 4 - 1, size * 4 - 1), fill=255)
            alpha = np.asarray(mask.resize((size, size), Image.Resampling.LANCZOS), np.float32) / 255
            self.cache[radius] = (rgb, alpha[..., None])
        return self.cache[radius]


def draw_figure(
    painter: Painter, pose: Pose, gear: Gear, look: Look, avatar: Avatar | None = None, trail: np.ndarray | None = None
) -> Skeleton:
    """Draw one athlete; returns the solved skeleton (for spray emitters and shadows)."""
    sk = solve(pose, look.build)
    j = sk.joints
    b = look.build
    g = b.girth
    view = painter.view
    toward = view.rotation.T @ np.array([0.0, 0.0, 1.0])  # world direction to the camera
    parts: list[Part] = []

    def add(a, bb, radius, colour, bias: float = 0.0) -> None:
        mid = a if bb is None else (a + bb) / 2
        depth = float(np.dot(mid, toward)) + bias
        parts.append(Part(depth, a, bb, radius, colour))

    def side_colour(colour, joint: str):
        far = float(np.dot(j[joint] - j["pelvis"], toward)) < -0.02
        return shade(colour, 0.72) if far else colour

    body_colour = look.jacket
    skin = look.fur or look.skin
    hands = look.fur_dark if look.species in ("panda", "bear") else look.accent
    for s in ("l", "r"):
        pants = side_colour(look.pants, f"hip_{s}")
        add(j[f"hip_{s}"], j[f"knee_{s}"], 0.082 * g, pants)
        add(j[f"knee_{s}"], j[f"ankle_{s}"], 0.066 * g, pants)
        toe = j[f"ankle_{s}"] + sk.forward * 0.17 - sk.up * 0.04
        boot = side_colour((40, 42, 50) if gear.feet != "skates" else (245, 245, 245), f"hip_{s}")
        if look.species == "penguin":
            boot = (250, 160, 30)
        add(j[f"ankle_{s}"] - sk.forward * 0.04, toe, 0.055 * g, boot)
        jacket = side_colour(body_colour, f"shoulder_{s}")
        add(j[f"shoulder_{s}"], j[f"elbow_{s}"], 0.06 * g, jacket, bias=0.01)
        add(j[f"elbow_{s}"], j[f"hand_{s}"], 0.052 * g, jacket, bias=0.01)
        add(j[f"hand_{s}"], j[f"hand_{s}"] + 1e-4, 0.05 * g, side_colour(hands, f"shoulder_{s}"), bias=0.012)
    add(j["pelvis"], j["pelvis"] + sk.up * 0.06, 0.13 * g, look.pants)
    add(j["pelvis"] + sk.up * 0.08, j["chest"], 0.15 * g, body_colour)
    if look.species == "penguin":
        belly = (j["pelvis"] + j["chest"]) / 2 + sk.chest_forward * 0.08 * g
        add(belly - sk.up * 0.12, belly + sk.up * 0.12, 0.1 * g, WHITE, bias=0.05)
    elif gear.bib:
        bib = (j["pelvis"] + 2 * j["chest"]) / 3 + sk.chest_forward * 0.1 * g
        if float(np.dot(sk.chest_forward, toward)) > -0.1:
            add(bib - sk.up * 0.07, bib + sk.up * 0.07, 0.085 * g, WHITE, bias=0.03)
    add(j["chest"], j["neck"], 0.06 * g, skin if look.species != "human" else body_colour)
    add(j["head"], None, b.head, skin, bias=0.02)
    if look.scarf is not None:
        back = trail if trail is not None else -sk.forward
        back = back / max(float(np.linalg.norm(back)), 1e-6)
        base = j["neck"]
        pts = [base]
        for k in range(1, 4):
            pts.append(base + back * 0.17 * k + sk.up * (0.05 * np.sin(k * 1.7 + float(pose.pos[0]) * 3) - 0.04 * k))
        for p0, p1 in zip(pts[:-1], pts[1:], strict=False):
            add(p0, p1, 0.05, look.scarf, bias=-0.03)
        add(base - sk.up * 0.02, base + sk.up * 0.03, 0.085, look.scarf, bias=0.015)
    if gear.backpack:
        bp = (j["chest"] + j["pelvis"]) / 2 - sk.chest_forward * 0.2
        add(bp - sk.up * 0.15, bp + sk.up * 0.15, 0.14, shade(look.accent, 0.8), bias=-0.05)
    _add_gear(add, sk, pose, gear, look)

    parts.sort(key=lambda p: p.depth)
    # All capsules go through the camera in one call; drawing stays in depth order.
    capsules = [p for p in parts if p.b is not None]
    ends = np.array([p.a for p in capsules] + [p.b for p in capsules])
    xy, depth = view.project(ends)
    n = len(capsules)
    widths = 2 * (np.array([p.radius for p in capsules]) * view.scale) * view.perspective((depth[:n] + depth[n:]) / 2)
    k = 0
    for part in parts:
        if part.b is None:
            _draw_head(painter, sk, look, avatar, toward)
        else:
            painter.segment_px(xy[k], xy[n + k], float(widths[k]), part.colour)
            k += 1
    return sk


def _add_gear(add, sk: Skeleton, pose: Pose, gear: Gear, look: Look) -> None:
    j = sk.joints
    fwd, up, left = sk.forward, sk.up, sk.left
    if gear.feet == "skis":
        for s, sign in (("l", 1.0), ("r", -1.0)):
            d = np.cos(gear.ski_pitch) * fwd + np.sin(gear.ski_pitch) * up
            spread = sign * gear.ski_spread
            d = np.cos(spread) * d + np.sin(spread) * left
            base = j[f"ankle_{s}"] - up * 0.08
            tip = base + d * 1.05
            add(base - d * 0.75, tip, 0.03, look.gear, bias=-0.06)
            add(tip, tip + d * 0.1 + up * 0.06, 0.028, look.gear, bias=-0.06)
    elif gear.feet == "board":
        centre = (j["ankle_l"] + j["ankle_r"]) / 2 - up * 0.09
        d = left * np.cos(gear.ski_pitch) - fwd * 0.0
        add(centre - d * 0.78, centre + d * 0.78, 0.07, look.gear, bias=-0.08)
    elif gear.feet == "skates":
        for s in ("l", "r"):
            base = j[f"ankle_{s}"] - up * 0.1
            add(base - fwd * 0.14, base + fwd * 0.2, 0.014, SILVER, bias=-0.02)

    if gear.hands == "poles":
        for s, angle in (("l", gear.pole_angle[0]), ("r", gear.pole_angle[1])):
            d = -np.cos(angle) * up - np.sin(angle) * fwd
            tip = j[f"hand_{s}"] + d * 1.25
            add(j[f"hand_{s}"], tip, 0.014, GREY, bias=0.011)
    elif gear.hands == "stick":
        d = np.sin(gear.tool_angle) * fwd - np.cos(gear.tool_angle) * up
        blade = j["hand_r"] + d * 0.95
        add(j["hand_l"], blade, 0.022, (40, 40, 46), bias=0.02)
        add(blade, blade + fwd * 0.3 - up * 0.02, 0.03, (40, 40, 46), bias=0.02)
    elif gear.hands == "broom":
        d = np.sin(gear.tool_angle) * fwd - np.cos(gear.tool_angle) * up
        head = j["hand_r"] + d * 0.8
        add(j["hand_l"], head, 0.018, (230, 230, 235), bias=0.02)
        add(head - left * 0.14, head + left * 0.14, 0.04, (200, 30, 40), bias=0.02)
    elif gear.hands == "rifle" and not gear.rifle_on_back:
        aim = sk.chest_forward
        start = j["shoulder_r"] + aim * 0.02
        add(start, j["hand_l"] + aim * 0.35, 0.03, (50, 40, 35), bias=0.03)
    if gear.rifle_on_back or (gear.hands == "rifle" and gear.rifle_on_back):
        back = -sk.chest_forward * 0.17
        add(
            j["chest"] + back + up * 0.2 + left * 0.1,
            j["pelvis"] + back - up * 0.15 - left * 0.1,
            0.03,
            (50, 40, 35),
            bias=-0.1,
        )


def _draw_head(painter: Painter, sk: Skeleton, look: Look, avatar: Avatar | None, toward: np.ndarray) -> None:
    view = painter.view
    j = sk.joints
    centre, _ = view.project(j["head"])
    r = painter.px(look.build.head, at=j["head"])
    head_up = j["head"] - j["neck"]
    head_up /= max(float(np.linalg.norm(head_up)), 1e-6)
    up2 = view.project(j["head"] + head_up * 0.1)[0] - centre
    up2 = up2 / max(float(np.linalg.norm(up2)), 1e-6)
    face3 = sk.chest_forward
    facing = float(np.dot(face3, toward))
    f2 = view.project(j["head"] + face3 * 0.1)[0] - centre
    f2 = f2 / max(float(np.linalg.norm(f2)), 1e-6) * min(1.0, float(np.hypot(*f2)) / max(painter.px(0.1), 1e-6))
    face_c = centre + f2 * r * 0.45
    species = look.species
    fur = look.fur or look.skin
    dark = look.fur_dark or (30, 30, 34)

    if species in ("cat", "fox", "dog", "bear", "panda", "rabbit"):
        ear_col = dark if species in ("panda", "bear") else fur
        for side in (-1, 1):
            perp = np.array([-up2[1], up2[0]]) * side
            if species in ("cat", "fox"):
                base = centre + up2 * r * 0.55 + perp * r * 0.55
                tri = np.array([base + perp * r * 0.42, base - perp * r * 0.3, base + up2 * r * 0.75 + perp * r * 0.2])
                painter.poly_px(tri, ear_col, outlined=True)
            elif species == "rabbit":
                painter.segment_px(
                    centre + up2 * r * 0.6 + perp * r * 0.3, centre + up2 * r * 1.7 + perp * r * 0.5, r * 0.5, fur
                )
                painter.segment_px(
                    centre + up2 * r * 0.8 + perp * r * 0.32,
                    centre + up2 * r * 1.55 + perp * r * 0.48,
                    r * 0.2,
                    dark,
                    outlined=False,
                )
            elif species == "dog":
                painter.segment_px(
                    centre + up2 * r * 0.5 + perp * r * 0.7, centre - up2 * r * 0.3 + perp * r * 1.0, r * 0.45, dark
                )
            else:
                painter.disc_px(centre + up2 * r * 0.75 + perp * r * 0.65, r * 0.32, ear_col)

    helmet = look.helmet
    if species == "human":
        if look.age == "elder":
            painter.disc_px(centre, r, look.hair)
            painter.disc_px(face_c, r * 0.78, look.skin, outlined=False)
            # A knitted hat with a pompom instead of a helmet.
            cap = np.array([centre + up2 * r * 1.05 + np.array([-up2[1], up2[0]]) * r * k for k in (-1.0, 1.0)])
            painter.segment_px(cap[0] - up2 * r * 0.35, cap[1] - up2 * r * 0.35, r * 0.9, look.scarf or helmet)
            painter.disc_px(centre + up2 * r * 1.45, r * 0.3, WHITE)
        else:
            painter.disc_px(centre, r * 1.06, helmet)
            painter.disc_px(face_c, r * 0.7, look.skin, outlined=False)
            painter.segment_px(
                face_c - up2 * r * 0.45, face_c - up2 * r * 0.45 + f2 * r * 0.2, r * 0.15, look.skin, outlined=False
            )
            brim = centre + up2 * r * 0.38
            painter.segment_px(brim - f2 * r * 0.5, brim + f2 * r * 0.55, r * 0.32, helmet, outlined=False)
    elif species == "robot":
        perp = np.array([-up2[1], up2[0]])
        box = np.array([centre + (perp * sx + up2 * sy) * r * 1.05 for sx, sy in ((-1, -1), (1, -1), (1, 1), (-1, 1))])
        painter.poly_px(box, fur, outlined=True)
        painter.segment_px(centre + up2 * r, centre + up2 * r * 1.6, 2, GREY, outlined=False)
        painter.disc_px(centre + up2 * r * 1.65, r * 0.18, dark)
    elif species == "snowman":
        painter.disc_px(centre, r, WHITE)
        perp = np.array([-up2[1], up2[0]])
        painter.segment_px(
            centre + up2 * r * 0.8 - perp * r * 0.9, centre + up2 * r * 0.8 + perp * r * 0.9, r * 0.22, (25, 25, 28)
        )
        painter.segment_px(centre + up2 * r * 1.0, centre + up2 * r * 1.6, r * 1.1, (25, 25, 28))
    else:
        painter.disc_px(centre, r, fur)

    if avatar is not None and facing > -0.35:
        # The fan's face fills the head; a helmet cap (or hat) sits over its top edge.
        rgb, alpha = avatar.disc(int(round(r * 1.0)))
        _paste(painter.canvas, rgb, alpha, centre + f2 * r * 0.12)
        perp = np.array([-up2[1], up2[0]])
        cap = centre + up2 * r * 0.78
        painter.segment_px(
            cap - perp * r * 0.62,
            cap + perp * r * 0.62,
            r * 0.5,
            look.scarf if look.age == "elder" and look.scarf else helmet,
        )
        return
    if facing < -0.35:
        return
    perp = np.array([-up2[1], up2[0]])
    eye_y = face_c + up2 * r * 0.08
    spread = perp * r * 0.3 * max(0.35, abs(facing) ** 0.5)
    if species == "human":
        if look.age == "elder":
            for e in (eye_y - spread, eye_y + spread):
                cv2.circle(painter.canvas, tuple(int(v) for v in e), max(2, int(r * 0.2)), (40, 40, 50), 1, cv2.LINE_AA)
        else:
            band_col = (30, 30, 40)
            painter.segment_px(
                eye_y - spread * 1.6 + up2 * r * 0.05,
                eye_y + spread * 1.6 + up2 * r * 0.05,
                r * 0.38,
                band_col,
                outlined=False,
            )
            painter.segment_px(
                eye_y - spread * 1.2 + up2 * r * 0.05,
                eye_y + spread * 1.2 + up2 * r * 0.05,
                r * 0.22,
                (255, 170, 40),
                outlined=False,
            )
        return
    if species == "robot":
        painter.segment_px(eye_y - spread * 1.6, eye_y + spread * 1.6, r * 0.3, dark, outlined=False)
        return
    if species == "panda":
        for e in (eye_y - spread, eye_y + spread):
            painter.disc_px(e, r * 0.22, dark, outlined=False)
            painter.disc_px(e + up2 * r * 0.03, r * 0.07, WHITE, outlined=False)
        painter.disc_px(face_c - up2 * r * 0.3 + f2 * r * 0.3, r * 0.1, dark, outlined=False)
        return
    if species == "penguin":
        painter.disc_px(face_c, r * 0.6, WHITE, outlined=False)
        beak = face_c - up2 * r * 0.15
        painter.poly_px(np.array([beak + perp * r * 0.18, beak - perp * r * 0.18, beak + f2 * r * 0.9]), dark)
    elif species == "snowman":
        painter.segment_px(face_c, face_c + f2 * r * 0.9 + perp * 0.01, r * 0.18, (250, 120, 30), outlined=False)
    elif species in ("cat", "fox", "dog", "bear", "rabbit"):
        muzzle = WHITE if species in ("fox", "rabbit") else shade(fur, 1.35)
        painter.disc_px(face_c - up2 * r * 0.25 + f2 * r * 0.25, r * 0.38, muzzle, outlined=False)
        painter.disc_px(face_c - up2 * r * 0.12 + f2 * r * 0.5, r * 0.11, (30, 25, 25), outlined=False)
    for e in (eye_y - spread, eye_y + spread):
        painter.disc_px(e + up2 * r * 0.05, max(1.2, r * 0.09), (20, 20, 26), outlined=False)


def _paste(canvas: np.ndarray, rgb: np.ndarray, alpha: np.ndarray, centre: np.ndarray) -> None:
    h, w = canvas.shape[:2]
    size = rgb.shape[0]
    x0, y0 = int(round(centre[0])) - size // 2, int(round(centre[1])) - size // 2
    sx0, sy0 = max(0, -x0), max(0, -y0)
    x1, y1 = min(w, x0 + size), min(h, y0 + size)
    if x1 <= max(x0, 0) or y1 <= max(y0, 0):
        return
    roi = canvas[max(y0, 0) : y1, max(x0, 0) : x1]
    src = rgb[sy0 : sy0 + roi.shape[0], sx0 : sx0 + roi.shape[1]]
    a = alpha[sy0 : sy0 + roi.shape[0], sx0 : sx0 + roi.shape[1]]
    roi[...] = (roi * (1 - a) + src * a).astype(np.uint8)
