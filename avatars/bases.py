"""Drawn base avatars for visitors who prefer no camera: friendly cartoon people, drawn with Pillow.

Each base is a 512x512 head-and-shoulders picture framed exactly like a cropped selfie (the face sits where
:func:`avatars.stylize.face_box_in_portrait` says), so styles, headwear and jerseys fit it the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageDraw

from .stylize import PORTRAIT_SIDE, face_box_in_portrait

Colour = tuple[int, int, int]
SS = 3  # supersampling


@dataclass(frozen=True)
class Base:
    label: object
    skin: Colour
    hair: Colour
    hair_style: str  # short | curly | long | bun | beard | silver
    top: Colour
    background: Colour
    freckles: bool = False
    glasses: bool = False


BASES: dict[str, Base] = {
    "fox": Base(_("Fox"), (246, 206, 178), (212, 98, 40), "short", (40, 120, 200), (255, 226, 196), freckles=True),
    "bear": Base(_("Bear"), (130, 84, 58), (34, 24, 20), "curly", (240, 170, 30), (200, 232, 214)),
    "owl": Base(_("Owl"), (224, 178, 138), (28, 26, 34), "long", (200, 40, 90), (214, 220, 252)),
    "hare": Base(_("Hare"), (252, 222, 204), (240, 200, 110), "bun", (30, 160, 130), (252, 214, 228)),
    "lynx": Base(_("Lynx"), (196, 140, 100), (92, 58, 36), "beard", (90, 60, 160), (210, 236, 250)),
    "wolf": Base(_("Wolf"), (92, 60, 44), (214, 214, 220), "silver", (230, 80, 50), (250, 240, 200), glasses=True),
}


@lru_cache(maxsize=16)
def draw_base(slug: str, side: int = PORTRAIT_SIDE) -> Image.Image:
    """The base avatar ``slug`` as an RGB picture of ``side`` pixels (cached: bases never change)."""
    base = BASES[slug]
    size = side * SS
    image = Image.new("RGB", (size, size), base.background)
    d = ImageDraw.Draw(image)
    fx0, fy0, fx1, fy1 = (v * size for v in face_box_in_portrait())
    w = fx1 - fx0
    cx = (fx0 + fx1) / 2
    shade = tuple(int(c * 0.82) for c in base.skin)
    hair_dark = tuple(int(c * 0.75) for c in base.hair)

    # Soft background rings, for depth.
    for k in range(4, 0, -1):
        r = size * (0.18 + 0.12 * k)
        tone = tuple(min(255, c + 6 * k) for c in base.background)
        d.ellipse((cx - r, size * 0.42 - r, cx + r, size * 0.42 + r), fill=tone)

    # Hair behind the head (long styles).
    if base.hair_style in ("long", "curly", "silver"):
        if base.hair_style == "curly":
            for dx, dy, r in (
                (-0.55, -0.25, 0.42),
                (0.55, -0.25, 0.42),
                (0, -0.55, 0.5),
                (-0.4, -0.6, 0.4),
                (0.4, -0.6, 0.4),
                (-0.62, 0.1, 0.3),
                (0.62, 0.1, 0.3),
            ):
                x, y, rr = cx + dx * w, fy0 + 0.45 * w + dy * w, r * w
                d.ellipse((x - rr, y - rr, x + rr, y + rr), fill=base.hair)
        else:
            bottom = fy1 + (0.65 if base.hair_style == "long" else 0.1) * w
            d.rounded_rectangle((cx - 0.68 * w, fy0 - 0.1 * w, cx + 0.68 * w, bottom), radius=0.45 * w, fill=base.hair)

    # Shoulders and neck.
    d.rounded_rectangle((cx - 1.15 * w, fy1 + 0.35 * w, cx + 1.15 * w, size + w), radius=0.5 * w, fill=base.top)
    d.rectangle((cx - 0.2 * w, fy1 - 0.1 * w, cx + 0.2 * w, fy1 + 0.45 * w), fill=shade)
    d.chord((cx - 0.32 * w, fy1 + 0.18 * w, cx + 0.32 * w, fy1 + 0.62 * w), 0, 180, fill=shade)

    # Head and ears.
    for side_sign in (-1, 1):
        ex = cx + side_sign * 0.5 * w
        d.ellipse((ex - 0.1 * w, fy0 + 0.38 * w, ex + 0.1 * w, fy0 + 0.62 * w), fill=shade)
    d.ellipse((cx - 0.5 * w, fy0 - 0.12 * w, cx + 0.5 * w, fy1 + 0.08 * w), fill=base.skin)

    # Hair on top.
    if base.hair_style in ("short", "beard"):
        d.chord((cx - 0.54 * w, fy0 - 0.3 * w, cx + 0.54 * w, fy0 + 0.55 * w), 180, 360, fill=base.hair)
        d.polygon(
            [
                (cx - 0.5 * w, fy0 + 0.1 * w),
                (cx - 0.1 * w, fy0 + 0.02 * w),
                (cx + 0.3 * w, fy0 + 0.16 * w),
                (cx + 0.52 * w, fy0 + 0.1 * w),
                (cx + 0.5 * w, fy0 - 0.05 * w),
                (cx - 0.5 * w, fy0 - 0.05 * w),
            ],
            fill=base.hair,
        )
    elif base.hair_style == "bun":
        d.ellipse((cx - 0.26 * w, fy0 - 0.5 * w, cx + 0.26 * w, fy0 - 0.02 * w), fill=base.hair)
        d.chord((cx - 0.53 * w, fy0 - 0.2 * w, cx + 0.53 * w, fy0 + 0.5 * w), 180, 360, fill=base.hair)
    elif base.hair_style in ("long", "silver"):
        d.chord((cx - 0.55 * w, fy0 - 0.25 * w, cx + 0.55 * w, fy0 + 0.6 * w), 180, 360, fill=base.hair)
        d.pieslice((cx - 0.55 * w, fy0 - 0.25 * w, cx + 0.2 * w, fy0 + 0.45 * w), 180, 300, fill=hair_dark)
    if base.hair_style == "beard":
        d.chord((cx - 0.5 * w, fy0 + 0.35 * w, cx + 0.5 * w, fy1 + 0.12 * w), 0, 180, fill=base.hair)
        d.ellipse((cx - 0.2 * w, fy1 - 0.3 * w, cx + 0.2 * w, fy1 - 0.12 * w), fill=base.skin)

    # Face: brows, eyes with highlights, nose, smile, cheeks.
    eye_y = fy0 + 0.42 * w
    for side_sign in (-1, 1):
        ex = cx + side_sign * 0.2 * w
        d.ellipse((ex - 0.085 * w, eye_y - 0.06 * w, ex + 0.085 * w, eye_y + 0.07 * w), fill=(255, 255, 255))
        d.ellipse((ex - 0.05 * w, eye_y - 0.045 * w, ex + 0.05 * w, eye_y + 0.055 * w), fill=(60, 40, 30))
        d.ellipse((ex - 0.015 * w, eye_y - 0.03 * w, ex + 0.02 * w, eye_y + 0.005 * w), fill=(255, 255, 255))
        d.line(
            (ex - 0.1 * w, eye_y - 0.14 * w, ex + 0.1 * w, eye_y - 0.16 * w + side_sign * 0.0),
            fill=hair_dark,
            width=int(0.035 * w),
        )
        d.ellipse(
            (
                ex + side_sign * 0.06 * w - 0.08 * w,
                eye_y + 0.16 * w,
                ex + side_sign * 0.06 * w + 0.08 * w,
                eye_y + 0.24 * w,
            ),
            fill=(240, 130, 130) if base.skin[0] > 150 else (170, 80, 70),
        )
        if base.glasses:
            d.ellipse(
                (ex - 0.13 * w, eye_y - 0.11 * w, ex + 0.13 * w, eye_y + 0.12 * w),
                outline=(30, 30, 40),
                width=int(0.03 * w),
            )
    if base.glasses:
        d.line((cx - 0.07 * w, eye_y, cx + 0.07 * w, eye_y), fill=(30, 30, 40), width=int(0.03 * w))
    d.arc((cx - 0.06 * w, eye_y + 0.05 * w, cx + 0.06 * w, eye_y + 0.2 * w), 20, 160, fill=shade, width=int(0.03 * w))
    d.chord((cx - 0.18 * w, eye_y + 0.2 * w, cx + 0.18 * w, eye_y + 0.42 * w), 0, 180, fill=(150, 40, 50))
    d.chord((cx - 0.13 * w, eye_y + 0.3 * w, cx + 0.13 * w, eye_y + 0.42 * w), 0, 180, fill=(240, 110, 110))
    d.rectangle((cx - 0.15 * w, eye_y + 0.31 * w, cx + 0.15 * w, eye_y + 0.33 * w), fill=(255, 255, 255))
    if base.freckles:
        for dx, dy in ((-0.28, 0.12), (-0.22, 0.16), (-0.32, 0.18), (0.28, 0.12), (0.22, 0.16), (0.32, 0.18)):
            x, y = cx + dx * w, eye_y + dy * w
            d.ellipse((x - 0.012 * w, y - 0.012 * w, x + 0.012 * w, y + 0.012 * w), fill=(190, 110, 70))
    return image.resize((side, side), Image.Resampling.LANCZOS)


def base_choices() -> list[tuple[str, object]]:
    return [(slug, base.label) for slug, base in BASES.items()]
