"""The avatar poster: a stylised portrait in a themed winter-sports frame, drawn with Pillow.

Per sport: colours, a scene (mountains, rink, ice track), headwear over the portrait (helmet with goggles,
beanie, hockey helmet ...), a jersey with a bib or number, and a prop badge. Then the visitor's name on a
ribbon, the sport, and a visible "AI-generated" mark. Shapes are drawn at twice the size and scaled down, so
edges are smooth.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from generation.engines.preview.overlay import CJK_RE, font

WIDTH, HEIGHT = 1080, 1350
SS = 2  # supersampling of the drawn layer
CIRCLE_CX, CIRCLE_CY, CIRCLE_R = 540, 600, 370

Colour = tuple[int, int, int]


@dataclass(frozen=True)
class Theme:
    """How a sport dresses its poster."""

    scene: str  # mountains | rink | track
    palette: tuple[Colour, Colour]  # two strong colours: jersey, ribbon, pop-art tones
    sky: tuple[Colour, Colour]  # background gradient, top to bottom
    headwear: str  # helmet | beanie | hockey | aero | tiara | none
    jersey: str  # bib | number | suit | dress | sweater
    prop: str  # skis | board | skate | stick | stone | sled | target | jump | poles


THEMES: dict[str, Theme] = {
    "alpine-skiing": Theme(
        "mountains", ((226, 35, 52), (255, 255, 255)), ((18, 64, 140), (124, 186, 236)), "helmet", "bib", "skis"
    ),
    "biathlon": Theme(
        "mountains", ((0, 122, 94), (250, 200, 40)), ((16, 54, 74), (120, 190, 200)), "beanie", "bib", "target"
    ),
    "bobsleigh": Theme(
        "track", ((250, 180, 0), (20, 40, 120)), ((10, 20, 60), (70, 110, 190)), "helmet", "suit", "sled"
    ),
    "cross-country-skiing": Theme(
        "mountains", ((0, 150, 200), (255, 120, 40)), ((30, 80, 130), (170, 214, 240)), "beanie", "bib", "poles"
    ),
    "curling": Theme(
        "rink", ((200, 20, 40), (250, 210, 30)), ((60, 20, 80), (170, 120, 200)), "none", "sweater", "stone"
    ),
    "figure-skating": Theme(
        "rink", ((236, 64, 150), (160, 110, 255)), ((50, 20, 90), (230, 150, 210)), "tiara", "dress", "skate"
    ),
    "freestyle-skiing": Theme(
        "mountains", ((255, 90, 30), (40, 220, 200)), ((40, 30, 110), (250, 150, 120)), "helmet", "bib", "skis"
    ),
    "ice-hockey": Theme(
        "rink", ((10, 60, 160), (250, 120, 20)), ((8, 20, 50), (60, 110, 170)), "hockey", "number", "stick"
    ),
    "luge": Theme("track", ((0, 170, 120), (255, 255, 255)), ((10, 40, 60), (90, 170, 200)), "helmet", "suit", "sled"),
    "nordic-combined": Theme(
        "mountains", ((130, 50, 200), (255, 200, 0)), ((30, 40, 100), (150, 170, 230)), "beanie", "bib", "jump"
    ),
    "short-track": Theme(
        "rink", ((255, 60, 60), (0, 200, 255)), ((20, 10, 60), (120, 80, 200)), "aero", "suit", "skate"
    ),
    "skeleton": Theme(
        "track", ((90, 90, 100), (255, 70, 70)), ((15, 15, 30), (90, 100, 150)), "helmet", "suit", "sled"
    ),
    "ski-jumping": Theme(
        "mountains", ((255, 210, 0), (0, 90, 200)), ((10, 40, 110), (120, 190, 250)), "helmet", "suit", "jump"
    ),
    "ski-mountaineering": Theme(
        "mountains", ((255, 100, 0), (30, 30, 30)), ((60, 90, 140), (250, 190, 140)), "helmet", "bib", "poles"
    ),
    "snowboard": Theme(
        "mountains", ((140, 220, 40), (255, 60, 140)), ((20, 30, 70), (120, 90, 200)), "beanie", "sweater", "board"
    ),
    "speed-skating": Theme(
        "rink", ((255, 140, 0), (20, 20, 20)), ((10, 30, 70), (90, 160, 220)), "aero", "suit", "skate"
    ),
}
DEFAULT_THEME = THEMES["alpine-skiing"]


def theme_for(sport: str) -> Theme:
    return THEMES.get(sport, DEFAULT_THEME)


def palette_for(sport: str) -> list[Colour]:
    return list(theme_for(sport).palette)


def compose(
    portrait: Image.Image,
    *,
    sport: str,
    sport_label: str,
    name: str,
    style_label: str,
    ai_label: str,
    face_box: tuple[float, float, float, float],
    seed: int = 0,
    dress: bool = True,
) -> Image.Image:
    """The finished poster (RGB, ``WIDTH`` x ``HEIGHT``) around a square stylised ``portrait``.

    ``face_box`` says where the face is in the portrait (fractions), so headwear and jersey fit the person;
    ``dress=False`` leaves them out (a generated portrait already wears the sport's gear).
    """
    theme = theme_for(sport)
    rng = random.Random(seed)
    poster = _background(theme, rng)

    # The portrait, round, with a soft shadow behind it.
    side = 2 * CIRCLE_R
    photo = portrait.convert("RGB").resize((side, side), Image.Resampling.LANCZOS)
    mask = _disc(side)
    shadow = Image.new("L", poster.size, 0)
    shadow.paste(mask, (CIRCLE_CX - CIRCLE_R + 10, CIRCLE_CY - CIRCLE_R + 22))
    poster.paste((5, 10, 30), (0, 0), shadow.filter(ImageFilter.GaussianBlur(18)).point(lambda v: v * 0.55))
    poster.paste(photo, (CIRCLE_CX - CIRCLE_R, CIRCLE_CY - CIRCLE_R), mask)

    # Face geometry in poster pixels.
    fx0 = CIRCLE_CX - CIRCLE_R + face_box[0] * side
    fy0 = CIRCLE_CY - CIRCLE_R + face_box[1] * side
    fx1 = CIRCLE_CX - CIRCLE_R + face_box[2] * side
    fy1 = CIRCLE_CY - CIRCLE_R + face_box[3] * side
    face = (fx0, fy0, fx1, fy1)

    layer = Image.new("RGBA", (WIDTH * SS, HEIGHT * SS), (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    number = _number(name, seed)
    if dress:
        _jersey(layer, theme, face, number)
    _ring(draw, theme)
    if dress:
        _headwear(draw, theme, face)
    _prop_badge(draw, theme)
    small = layer.resize((WIDTH, HEIGHT), Image.Resampling.LANCZOS)
    poster.paste(small, (0, 0), small)
    _texts(poster, theme, name=name, sport_label=sport_label, style_label=style_label, ai_label=ai_label)
    return poster


# --- background --------------------------------------------------------------------------------------------


def _background(theme: Theme, rng: random.Random) -> Image.Image:
    top, bottom = (np.array(c, np.float32) for c in theme.sky)
    t = np.linspace(0, 1, HEIGHT, dtype=np.float32)[:, None, None]
    sky = top * (1 - t) + bottom * t
    # A soft glow behind the portrait.
    yy, xx = np.mgrid[0:HEIGHT, 0:WIDTH].astype(np.float32)
    glow = np.exp(-(((xx - CIRCLE_CX) / 520) ** 2 + ((yy - CIRCLE_CY) / 520) ** 2))[..., None]
    sky = sky * (1 - 0.35 * glow) + 255 * 0.35 * glow
    image = Image.fromarray(np.broadcast_to(sky, (HEIGHT, WIDTH, 3)).clip(0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(image, "RGBA")
    if theme.scene == "mountains":
        _mountains(draw, rng)
    elif theme.scene == "rink":
        _rink(draw, theme)
    else:
        _track(draw, theme)
    for _ in range(70):
        x, y, r = rng.uniform(0, WIDTH), rng.uniform(0, HEIGHT), rng.uniform(2, 7)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(255, 255, 255, rng.randint(90, 200)))
    return image


def _mountains(draw: ImageDraw.ImageDraw, rng: random.Random) -> None:
    for layer, (base, colour) in enumerate(((880, (210, 226, 245, 235)), (1000, (236, 244, 252, 255)))):
        points = [(0, HEIGHT)]
        x = -60
        while x < WIDTH + 120:
            peak = base - rng.uniform(120, 330) + layer * 40
            points += [(x, base + 40), (x + rng.uniform(90, 150), peak)]
            x += rng.uniform(200, 320)
        points += [(WIDTH + 100, base + 40), (WIDTH, HEIGHT)]
        draw.polygon(points, fill=colour)
    draw.rectangle((0, 1080, WIDTH, HEIGHT), fill=(246, 250, 255, 255))


def _rink(draw: ImageDraw.ImageDraw, theme: Theme) -> None:
    # Arena lights up high, then the ice with its lines.
    for i in range(9):
        x = 60 + i * 120
        draw.ellipse((x - 26, 70, x + 26, 96), fill=(255, 255, 230, 120))
    draw.rectangle((0, 980, WIDTH, HEIGHT), fill=(232, 244, 252, 255))
    draw.rectangle((0, 968, WIDTH, 986), fill=(*theme.palette[0], 255))
    draw.line((0, 1160, WIDTH, 1160), fill=(200, 30, 40, 200), width=10)
    draw.ellipse((WIDTH / 2 - 150, 1100, WIDTH / 2 + 150, 1220), outline=(40, 90, 200, 200), width=8)


def _track(draw: ImageDraw.ImageDraw, theme: Theme) -> None:
    draw.rectangle((0, 1000, WIDTH, HEIGHT), fill=(230, 242, 252, 255))
    for i, colour in enumerate(((190, 215, 240, 255), (255, 255, 255, 255), (*theme.palette[0], 160))):
        offset = i * 36
        draw.arc((-400, 900 + offset, WIDTH + 400, 1700 + offset), 200, 340, fill=colour, width=26)


# --- drawn layer (2x) --------------------------------------------------------------------------------------


def _s(*values: float) -> list[float]:
    return [v * SS for v in values]


def _disc(side: int) -> Image.Image:
    mask = Image.new("L", (side * 4, side * 4), 0)
    ImageDraw.Draw(mask).ellipse((0, 0, side * 4 - 1, side * 4 - 1), fill=255)
    return mask.resize((side, side), Image.Resampling.LANCZOS)


def _ring(draw: ImageDraw.ImageDraw, theme: Theme) -> None:
    r = CIRCLE_R
    draw.ellipse(
        _s(CIRCLE_CX - r - 6, CIRCLE_CY - r - 6, CIRCLE_CX + r + 6, CIRCLE_CY + r + 6),
        outline=(255, 255, 255, 255),
        width=14 * SS,
    )
    draw.ellipse(
        _s(CIRCLE_CX - r - 22, CIRCLE_CY - r - 22, CIRCLE_CX + r + 22, CIRCLE_CY + r + 22),
        outline=(*theme.palette[0], 255),
        width=12 * SS,
    )


def _jersey(layer: Image.Image, theme: Theme, face: tuple[float, ...], number: int) -> None:
    """Clothes over the bottom of the portrait, clipped to the circle: the costume."""
    fx0, fy0, fx1, fy1 = face
    w = fx1 - fx0
    cx = (fx0 + fx1) / 2
    top = fy1 + 0.42 * w
    shirt = Image.new("RGBA", layer.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(shirt)
    main, second = theme.palette
    body = [
        (cx - 2.4 * w, HEIGHT),
        (cx - 2.0 * w, top + 0.35 * w),
        (cx - 0.9 * w, top),
        (cx - 0.35 * w, top),
        (cx, top + 0.45 * w),
        (cx + 0.35 * w, top),
        (cx + 0.9 * w, top),
        (cx + 2.0 * w, top + 0.35 * w),
        (cx + 2.4 * w, HEIGHT),
    ]
    d.polygon(_s(*[v for p in body for v in p]), fill=(*main, 255))
    # Collar trim in the second colour.
    d.line(
        _s(cx - 0.42 * w, top - 4, cx, top + 0.45 * w, cx + 0.42 * w, top - 4),
        fill=(*second, 255),
        width=int(0.09 * w * SS),
        joint="curve",
    )
    if theme.jersey in ("bib", "number"):
        # A race bib (or a hockey jersey number) on the chest.
        bx, by = cx, top + 0.95 * w
        if theme.jersey == "bib":
            d.rounded_rectangle(
                _s(bx - 0.75 * w, by - 0.38 * w, bx + 0.75 * w, by + 0.5 * w),
                radius=18 * SS,
                fill=(255, 255, 255, 255),
                outline=(*second, 255) if second != (255, 255, 255) else (30, 30, 30, 255),
                width=4 * SS,
            )
            ink = (20, 20, 30, 255)
        else:
            ink = (*second, 255)
        text = str(number)
        f = font(int(0.62 * w * SS), bold=True)
        d.text(
            _s(bx, by + 0.06 * w),
            text,
            font=f,
            fill=ink,
            anchor="mm",
            stroke_width=0 if theme.jersey == "bib" else 4 * SS,
            stroke_fill=(255, 255, 255, 255),
        )
    elif theme.jersey == "suit":
        # Racing-suit stripes.
        for k, colour in enumerate((second, (255, 255, 255))):
            off = (0.25 + 0.22 * k) * w
            d.line(
                _s(cx - 1.9 * w, top + 0.5 * w + off, cx + 1.9 * w, top + 0.1 * w + off),
                fill=(*colour, 255),
                width=int(0.12 * w * SS),
            )
    elif theme.jersey == "dress":
        rng = random.Random(number)
        for _ in range(40):
            x, y = rng.uniform(cx - 1.8 * w, cx + 1.8 * w), rng.uniform(top + 0.2 * w, top + 1.6 * w)
            _sparkle(d, x, y, rng.uniform(6, 14), (255, 255, 255, 230))
    else:  # sweater: a knitted band
        band = top + 0.8 * w
        d.rectangle(_s(cx - 2.4 * w, band, cx + 2.4 * w, band + 0.3 * w), fill=(*second, 255))
        for i in range(-12, 13):
            x = cx + i * 0.2 * w
            d.polygon(
                _s(
                    x, band + 0.05 * w, x + 0.08 * w, band + 0.15 * w, x, band + 0.25 * w, x - 0.08 * w, band + 0.15 * w
                ),
                fill=(*main, 255),
            )
    clip = Image.new("L", layer.size, 0)
    ImageDraw.Draw(clip).ellipse(
        _s(CIRCLE_CX - CIRCLE_R, CIRCLE_CY - CIRCLE_R, CIRCLE_CX + CIRCLE_R, CIRCLE_CY + CIRCLE_R), fill=255
    )
    alpha = Image.fromarray(np.minimum(np.asarray(shirt.getchannel("A")), np.asarray(clip)))
    shirt.putalpha(alpha)
    layer.alpha_composite(shirt)


def _headwear(draw: ImageDraw.ImageDraw, theme: Theme, face: tuple[float, ...]) -> None:
    fx0, fy0, fx1, fy1 = face
    w = fx1 - fx0
    cx = (fx0 + fx1) / 2
    main, second = theme.palette
    brow = fy0 + 0.12 * w
    kind = theme.headwear
    if kind in ("helmet", "hockey", "aero"):
        top = fy0 - (0.72 if kind != "aero" else 0.62) * w
        half = 0.82 * w
        draw.chord(
            _s(cx - half, top, cx + half, brow + (brow - top)),
            180,
            360,
            fill=(*main, 255),
            outline=(20, 20, 35, 255),
            width=5 * SS,
        )
        # A highlight, so it reads as a glossy shell.
        draw.arc(
            _s(cx - half * 0.75, top + 0.1 * w, cx + half * 0.4, brow + (brow - top) * 0.6),
            200,
            250,
            fill=(255, 255, 255, 170),
            width=int(0.06 * w * SS),
        )
        if kind == "helmet":
            # Goggles pushed up on the helmet: strap, frame and a mirrored lens.
            gy = brow - 0.28 * w
            draw.rectangle(_s(cx - half + 4, gy - 0.07 * w, cx + half - 4, gy + 0.07 * w), fill=(*second, 255))
            draw.rounded_rectangle(
                _s(cx - 0.6 * w, gy - 0.17 * w, cx + 0.6 * w, gy + 0.17 * w),
                radius=0.16 * w * SS,
                fill=(25, 25, 35, 255),
            )
            lens = _s(cx - 0.54 * w, gy - 0.12 * w, cx + 0.54 * w, gy + 0.12 * w)
            draw.rounded_rectangle(lens, radius=0.12 * w * SS, fill=(255, 150, 40, 255))
            draw.rounded_rectangle(
                _s(cx - 0.54 * w, gy - 0.12 * w, cx + 0.54 * w, gy - 0.01 * w),
                radius=0.1 * w * SS,
                fill=(255, 220, 90, 255),
            )
            draw.line(
                _s(cx - 0.35 * w, gy + 0.08 * w, cx - 0.1 * w, gy - 0.09 * w),
                fill=(255, 255, 255, 200),
                width=int(0.04 * w * SS),
            )
        elif kind == "hockey":
            draw.rectangle(_s(cx - half + 2, brow - 0.2 * w, cx + half - 2, brow - 0.04 * w), fill=(*second, 255))
            for side in (-1, 1):  # ear guards
                ex = cx + side * (half - 0.06 * w)
                draw.rounded_rectangle(
                    _s(ex - 0.1 * w, brow - 0.06 * w, ex + 0.1 * w, brow + 0.3 * w),
                    radius=0.08 * w * SS,
                    fill=(*main, 255),
                    outline=(20, 20, 35, 255),
                    width=3 * SS,
                )
        else:  # aero: a tight skating helmet with a stripe
            draw.arc(
                _s(cx - half, top, cx + half, brow + (brow - top)),
                200,
                340,
                fill=(*second, 255),
                width=int(0.08 * w * SS),
            )
    elif kind == "beanie":
        top = fy0 - 0.55 * w
        half = 0.78 * w
        draw.chord(_s(cx - half, top, cx + half, brow + (brow - top) * 0.9), 180, 360, fill=(*main, 255))
        for i in range(-5, 6):  # knit ribs
            x = cx + i * 0.14 * w
            draw.line(_s(x, top + 0.25 * w, x, brow - 0.05 * w), fill=(0, 0, 0, 45), width=3 * SS)
        draw.rounded_rectangle(
            _s(cx - half - 0.04 * w, brow - 0.22 * w, cx + half + 0.04 * w, brow + 0.02 * w),
            radius=0.08 * w * SS,
            fill=(*second, 255),
        )
        draw.ellipse(_s(cx - 0.17 * w, top - 0.22 * w, cx + 0.17 * w, top + 0.12 * w), fill=(255, 255, 255, 255))
    elif kind == "tiara":
        y = fy0 - 0.32 * w
        for i, dx in enumerate((-0.5, -0.25, 0, 0.25, 0.5)):
            size = 22 if i == 2 else 14
            _sparkle(
                draw, (cx + dx * w) * SS, (y - (0.12 if i == 2 else 0.04) * w) * SS, size * SS, (255, 235, 140, 255)
            )
        draw.arc(
            _s(cx - 0.55 * w, y - 0.05 * w, cx + 0.55 * w, y + 0.4 * w),
            200,
            340,
            fill=(255, 235, 140, 255),
            width=5 * SS,
        )


def _sparkle(draw: ImageDraw.ImageDraw, x: float, y: float, r: float, colour: tuple[int, ...]) -> None:
    """A four-pointed star (``x``, ``y``, ``r`` already in the layer's pixels)."""
    k = r * 0.28
    draw.polygon(
        [
            (x, y - r),
            (x + k, y - k),
            (x + r, y),
            (x + k, y + k),
            (x, y + r),
            (x - k, y + k),
            (x - r, y),
            (x - k, y - k),
        ],
        fill=colour,
    )


def _prop_badge(draw: ImageDraw.ImageDraw, theme: Theme) -> None:
    """A round badge with the sport's equipment, bottom-right of the portrait."""
    bx, by, r = CIRCLE_CX + 285, CIRCLE_CY + 270, 92
    draw.ellipse(
        _s(bx - r, by - r, bx + r, by + r), fill=(255, 255, 255, 255), outline=(*theme.palette[0], 255), width=10 * SS
    )
    ink, accent = (25, 35, 60, 255), (*theme.palette[0], 255)
    s = SS
    if theme.prop == "skis":
        for sign in (-1, 1):
            draw.line(_s(bx - 50 * sign, by - 55, bx + 50 * sign, by + 55), fill=accent, width=14 * s)
        for sign in (-1, 1):
            draw.line(_s(bx - 55 * sign, by + 40, bx + 30 * sign, by - 60), fill=ink, width=4 * s)
    elif theme.prop == "poles":
        for sign in (-1, 1):
            draw.line(_s(bx - 40 * sign, by - 60, bx + 30 * sign, by + 55), fill=ink, width=5 * s)
            draw.ellipse(_s(bx + 30 * sign - 9, by + 46, bx + 30 * sign + 9, by + 64), outline=ink, width=3 * s)
        draw.line(_s(bx - 60, by + 30, bx + 60, by + 30), fill=accent, width=10 * s)
    elif theme.prop == "board":
        draw.rounded_rectangle(
            _s(bx - 28, by - 62, bx + 28, by + 62), radius=28 * s, fill=accent, outline=ink, width=4 * s
        )
        draw.rectangle(_s(bx - 20, by - 30, bx + 20, by - 20), fill=ink)
        draw.rectangle(_s(bx - 20, by + 20, bx + 20, by + 30), fill=ink)
    elif theme.prop == "skate":
        draw.polygon(
            _s(bx - 45, by - 55, bx - 5, by - 55, bx + 5, by + 5, bx + 50, by + 15, bx + 50, by + 32, bx - 45, by + 32),
            fill=accent,
            outline=ink,
        )
        draw.line(_s(bx - 55, by + 52, bx + 60, by + 52), fill=ink, width=6 * s)
        draw.line(_s(bx - 30, by + 32, bx - 30, by + 52), fill=ink, width=4 * s)
        draw.line(_s(bx + 35, by + 32, bx + 35, by + 52), fill=ink, width=4 * s)
    elif theme.prop == "stick":
        draw.line(_s(bx + 40, by - 65, bx - 20, by + 40), fill=ink, width=10 * s)
        draw.line(_s(bx - 20, by + 40, bx - 60, by + 40), fill=ink, width=12 * s)
        draw.ellipse(_s(bx + 10, by + 30, bx + 50, by + 50), fill=(20, 20, 20, 255))
    elif theme.prop == "stone":
        draw.ellipse(_s(bx - 55, by - 10, bx + 55, by + 50), fill=(120, 125, 135, 255), outline=ink, width=4 * s)
        draw.rounded_rectangle(_s(bx - 45, by - 25, bx + 45, by + 5), radius=12 * s, fill=accent)
        draw.line(_s(bx - 10, by - 25, bx - 10, by - 50, bx + 35, by - 50), fill=ink, width=9 * s, joint="curve")
    elif theme.prop == "sled":
        draw.rounded_rectangle(
            _s(bx - 65, by - 20, bx + 60, by + 20), radius=20 * s, fill=accent, outline=ink, width=4 * s
        )
        draw.line(_s(bx - 70, by + 38, bx + 70, by + 38), fill=ink, width=6 * s)
        draw.arc(_s(bx + 40, by + 8, bx + 80, by + 38), 270, 90, fill=ink, width=6 * s)
    elif theme.prop == "target":
        for k, colour in enumerate((ink, (255, 255, 255, 255), ink, (255, 255, 255, 255), accent)):
            rr = 62 - k * 13
            draw.ellipse(_s(bx - rr, by - rr, bx + rr, by + rr), fill=colour)
    else:  # jump: a ramp and a flying skier
        draw.polygon(
            _s(bx - 70, by - 50, bx - 70, by - 30, bx + 10, by + 50, bx + 70, by + 50), fill=(190, 215, 240, 255)
        )
        draw.line(_s(bx - 10, by - 10, bx + 60, by - 45), fill=accent, width=8 * s)
        draw.ellipse(_s(bx + 12, by - 48, bx + 34, by - 26), fill=ink)


# --- texts -------------------------------------------------------------------------------------------------


def _texts(poster: Image.Image, theme: Theme, *, name: str, sport_label: str, style_label: str, ai_label: str) -> None:
    draw = ImageDraw.Draw(poster, "RGBA")
    main, second = theme.palette
    # The sport, big, at the top.
    title = sport_label.upper()
    size = _fit(draw, title, 880, 86, bold=True)
    draw.text(
        (WIDTH / 2, 92),
        title,
        font=_font(title, size, bold=True),
        fill=(255, 255, 255),
        anchor="mm",
        stroke_width=5,
        stroke_fill=(15, 25, 55),
    )
    # The name on a ribbon across the bottom of the portrait.
    label = (name or "").strip().upper()
    if label:
        ry = 1085
        ribbon = [(90, ry - 64), (990, ry - 64), (960, ry), (990, ry + 64), (90, ry + 64), (120, ry)]
        draw.polygon(
            [(60, ry - 40), (140, ry - 40), (140, ry + 84), (60, ry + 84), (90, ry + 22)],
            fill=tuple(int(c * 0.6) for c in main),
        )
        draw.polygon(
            [(1020, ry - 40), (940, ry - 40), (940, ry + 84), (1020, ry + 84), (990, ry + 22)],
            fill=tuple(int(c * 0.6) for c in main),
        )
        draw.polygon(ribbon, fill=main)
        size = _fit(draw, label, 760, 92, bold=True)
        ink = (255, 255, 255) if sum(main) < 600 else (20, 25, 45)
        draw.text(
            (WIDTH / 2, ry),
            label,
            font=_font(label, size, bold=True),
            fill=ink,
            anchor="mm",
            stroke_width=3,
            stroke_fill=(15, 25, 55) if ink == (255, 255, 255) else (255, 255, 255),
        )
    # Style, bottom-left; the AI mark, bottom-right (always visible: EU AI Act labelling).
    small = _font(style_label, 30)
    draw.text((48, HEIGHT - 58), style_label, font=small, fill=(30, 40, 70), anchor="lm")
    mark_font = _font(ai_label, 30, bold=True)
    box = draw.textbbox((0, 0), ai_label, font=mark_font, anchor="lt")
    mw = box[2] - box[0]
    draw.rounded_rectangle((WIDTH - 104 - mw, HEIGHT - 90, WIDTH - 40, HEIGHT - 28), radius=31, fill=(11, 29, 51, 235))
    _sparkle(draw, WIDTH - 78 - mw, HEIGHT - 59, 14, (255, 214, 90, 255))
    draw.text((WIDTH - 58 - mw, HEIGHT - 59), ai_label, font=mark_font, fill=(255, 255, 255), anchor="lm")


def _font(text: str, size: int, bold: bool = False):
    return font(size, bold=bold, cjk=bool(CJK_RE.search(text)))


def _fit(draw: ImageDraw.ImageDraw, text: str, max_width: int, size: int, bold: bool = False) -> int:
    """The largest font size up to ``size`` at which ``text`` fits ``max_width``."""
    while size > 24:
        box = draw.textbbox((0, 0), text, font=_font(text, size, bold), anchor="lt")
        if box[2] - box[0] <= max_width:
            break
        size = int(size * 0.9)
    return size


def _number(name: str, seed: int) -> int:
    """A jersey number that stays the same for the same name and seed."""
    digest = hashlib.sha256(f"{name}:{seed}".encode()).digest()
    return 1 + digest[0] % 99


def face_circle_fraction() -> float:
    """How much of the poster's width the portrait circle takes (for layout checks)."""
    return 2 * CIRCLE_R / WIDTH
