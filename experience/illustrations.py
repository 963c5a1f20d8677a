"""Procedural catalogue illustrations drawn with Pillow: a bottle for a fragrance, a palette or a lipstick for a
make-up look, a garment silhouette for an outfit. Deterministic for a given item, no external assets.
"""

from __future__ import annotations

import io
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

SIZE = 480
BACKGROUND = ("#0b1d33", "#1d4e89")


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return int(colour[0:2], 16), int(colour[2:4], 16), int(colour[4:6], 16)


def _gradient(size: tuple[int, int], top: str, bottom: str, horizontal: bool = False) -> Image.Image:
    """A two-colour linear gradient."""
    ramp = Image.linear_gradient("L")
    if horizontal:
        ramp = ramp.rotate(90, expand=True).transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    mask = ramp.resize(size)
    return Image.composite(Image.new("RGB", size, _rgb(bottom)), Image.new("RGB", size, _rgb(top)), mask)


def _paste_shape(canvas: Image.Image, fill: Image.Image, mask: Image.Image, shadow: bool = True) -> None:
    if shadow:
        blurred = mask.filter(ImageFilter.GaussianBlur(14))
        shade = Image.new("RGB", canvas.size, (2, 8, 20))
        canvas.paste(shade, (10, 16), ImageChops.multiply(blurred, Image.new("L", canvas.size, 150)))
    canvas.paste(fill, (0, 0), mask)


def _snow(canvas: Image.Image, rng: random.Random) -> None:
    draw = ImageDraw.Draw(canvas, "RGBA")
    for _ in range(70):
        x, y, r = rng.uniform(0, SIZE), rng.uniform(0, SIZE), rng.uniform(1, 4)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=(255, 255, 255, rng.randint(60, 170)))


def _bottle(canvas: Image.Image, palette: list[str], rng: random.Random) -> None:
    mask = Image.new("L", canvas.size, 0)
    draw = ImageDraw.Draw(mask)
    width = rng.randint(190, 250)
    left, right, top, bottom = (SIZE - width) // 2, (SIZE + width) // 2, rng.randint(170, 200), 420
    draw.rounded_rectangle((left, top, right, bottom), radius=rng.choice((20, 40, 70)), fill=255)
    draw.rectangle((SIZE // 2 - 28, top - 40, SIZE // 2 + 28, top + 5), fill=255)
    _paste_shape(canvas, _gradient(canvas.size, palette[0], palette[1]), mask)
    # Cap, a highlight down the glass and a label.
    draw = ImageDraw.Draw(canvas, "RGBA")
    cap_w = rng.randint(44, 70)
    draw.rounded_rectangle(
        (SIZE // 2 - cap_w, top - 110, SIZE // 2 + cap_w, top - 36), radius=12, fill=_rgb(palette[2]) + (255,)
    )
    draw.rounded_rectangle((left + 22, top + 24, left + 46, bottom - 30), radius=12, fill=(255, 255, 255, 90))
    draw.rounded_rectangle(
        (left + 40, (top + bottom) // 2 - 28, right - 40, (top + bottom) // 2 + 28),
        radius=8,
        fill=(255, 255, 255, 200),
    )
    draw.line(
        (left + 60, (top + bottom) // 2, right - 60, (top + bottom) // 2), fill=_rgb(palette[2]) + (255,), width=6
    )


def _palette(canvas: Image.Image, palette: list[str], rng: random.Random) -> None:
    mask = Image.new("L", canvas.size, 0)
    ImageDraw.Draw(mask).rounded_rectangle((60, 110, 420, 370), radius=36, fill=255)
    _paste_shape(canvas, _gradient(canvas.size, "#f4f6f8", "#aab7c4"), mask)
    draw = ImageDraw.Draw(canvas, "RGBA")
    pans = [*palette, palette[0], palette[1], palette[2]]
    rng.shuffle(pans)
    for i, colour in enumerate(pans[:6]):
        cx, cy = 130 + (i % 3) * 110, 180 + (i // 3) * 120
        draw.ellipse((cx - 44, cy - 44, cx + 44, cy + 44), fill=(40, 50, 60, 255))
        draw.ellipse((cx - 38, cy - 38, cx + 38, cy + 38), fill=_rgb(colour) + (255,))
        draw.ellipse((cx - 26, cy - 30, cx - 6, cy - 14), fill=(255, 255, 255, 110))


def _lipstick(canvas: Image.Image, palette: list[str], rng: random.Random) -> None:
    for offset, colour in ((-80, palette[1]), (80, palette[0])):
        mask = Image.new("L", canvas.size, 0)
        draw = ImageDraw.Draw(mask)
        cx = SIZE // 2 + offset
        draw.rounded_rectangle((cx - 50, 250, cx + 50, 430), radius=10, fill=255)
        _paste_shape(canvas, _gradient(canvas.size, "#e9eef2", palette[2]), mask)
        draw = ImageDraw.Draw(canvas, "RGBA")
        draw.rectangle((cx - 38, 190, cx + 38, 255), fill=(210, 180, 120, 255))
        draw.polygon(
            [(cx - 30, 195), (cx + 30, 195), (cx + 30, 120 + rng.randint(0, 20)), (cx - 30, 90)],
            fill=_rgb(colour) + (255,),
        )
        draw.rectangle((cx - 22, 110, cx - 12, 190), fill=(255, 255, 255, 70))


def _garment(canvas: Image.Image, palette: list[str], rng: random.Random, variant: str) -> None:
    mask = Image.new("L", canvas.size, 0)
    draw = ImageDraw.Draw(mask)
    long = variant in {"parka", "coat", "ski-suit"}
    sleeveless = variant == "puffer"
    hem = 440 if long else 390
    body = [(150, 110), (205, 90), (275, 90), (330, 110), (350, hem), (130, hem)]
    draw.polygon(body, fill=255)
    if not sleeveless:
        draw.polygon([(150, 110), (70, 300), (105, 320), (165, 200)], fill=255)
        draw.polygon([(330, 110), (410, 300), (375, 320), (315, 200)], fill=255)
    if variant in {"parka", "heated-jacket", "softshell"}:
        draw.ellipse((190, 40, 290, 130), fill=255)  # hood
    _paste_shape(canvas, _gradient(canvas.size, palette[0], palette[1]), mask)
    draw = ImageDraw.Draw(canvas, "RGBA")
    accent = _rgb(palette[2]) + (255,)
    if variant in {"puffer", "parka", "ski-suit"}:
        for y in range(150, hem, 46):  # quilting
            draw.line((140, y, 340, y), fill=(255, 255, 255, 80), width=3)
    if variant == "knit":
        for y in range(140, hem, 28):
            for x in range(150, 335, 24):
                draw.arc((x, y, x + 20, y + 20), 20, 160, fill=(255, 255, 255, 90), width=3)
    draw.line((240, 100, 240, hem), fill=accent, width=6)  # zip
    draw.rectangle((130, hem - 26, 350, hem), fill=accent)
    if variant == "heated-jacket":
        draw.ellipse((270, 170, 310, 210), fill=(255, 170, 0, 230))
    if rng.random() < 0.5:
        draw.line((70, 290, 105, 310), fill=(255, 255, 255, 160), width=5)  # reflective cuff


def render(category: str, palette: list[str], seed: str, variant: str = "") -> bytes:
    """The PNG bytes of an item's illustration."""
    rng = random.Random(seed)
    canvas = _gradient((SIZE, SIZE), *BACKGROUND)
    glow = Image.new("L", canvas.size, 0)
    ImageDraw.Draw(glow).ellipse((60, 60, 420, 420), fill=120)
    canvas.paste(Image.new("RGB", canvas.size, _rgb(palette[1])), (0, 0), glow.filter(ImageFilter.GaussianBlur(70)))
    _snow(canvas, rng)
    if category == "fragrance":
        _bottle(canvas, palette, rng)
    elif category == "makeup":
        (_lipstick if variant == "lip-set" else _palette)(canvas, palette, rng)
    else:
        _garment(canvas, palette, rng, variant)
    out = io.BytesIO()
    canvas.save(out, format="PNG")
    return out.getvalue()
