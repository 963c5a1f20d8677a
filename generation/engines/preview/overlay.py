"""Text burned into every frame: the "PREVIEW" mark, the "AI-generated" label (EU AI Act) and a lower-third
caption with the sport and the fan's sentence. Rendered once with Pillow, blended per frame into small boxes."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/opentype/noto"),
    Path("/usr/share/fonts/truetype/noto"),
)
LATIN_BOLD = ("DejaVuSans-Bold.ttf",)
LATIN = ("DejaVuSans.ttf",)
CJK = ("NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc")
CJK_RE = re.compile(r"[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]")


@lru_cache(maxsize=32)
def font(size: int, bold: bool = False, cjk: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    """A TrueType font if the machine has one, else Pillow's built-in font (a fresh machine may have none)."""
    names = CJK if cjk else (LATIN_BOLD if bold else LATIN)
    for directory in FONT_DIRS:
        for name in names:
            path = directory / name
            if path.exists():
                return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


class Sticker:
    """An RGBA patch placed at a fixed spot; ``blend`` composites it with an opacity."""

    def __init__(self, image: Image.Image, x: int, y: int) -> None:
        arr = np.asarray(image.convert("RGBA"), np.float32)
        self.rgb = arr[..., :3]
        self.alpha = arr[..., 3:] / 255
        self.x, self.y = x, y

    def blend(self, frame: np.ndarray, opacity: float = 1.0) -> None:
        if opacity <= 0.01:
            return
        h, w = self.rgb.shape[:2]
        H, W = frame.shape[:2]
        x0, y0 = max(self.x, 0), max(self.y, 0)
        x1, y1 = min(self.x + w, W), min(self.y + h, H)
        if x1 <= x0 or y1 <= y0:
            return
        roi = frame[y0:y1, x0:x1]
        sub = (slice(y0 - self.y, y1 - self.y), slice(x0 - self.x, x1 - self.x))
        a = self.alpha[sub] * opacity
        roi[...] = (roi * (1 - a) + self.rgb[sub] * a).astype(np.uint8)


def _pill(text: str, size: int, fg, bg, pad: int, bold: bool = True) -> Image.Image:
    f = font(size, bold=bold, cjk=bool(CJK_RE.search(text)))
    box = ImageDraw.Draw(Image.new("RGBA", (1, 1))).textbbox((0, 0), text, font=f)
    w, h = box[2] - box[0] + 2 * pad, box[3] - box[1] + 2 * pad
    img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((0, 0, w - 1, h - 1), radius=h // 2 if h < 40 else 8, fill=bg)
    d.text((pad - box[0], pad - box[1]), text, font=f, fill=fg)
    return img


class Overlay:
    """The labels of one clip."""

    def __init__(
        self, width: int, height: int, *, preview_text: str, ai_text: str, sport_text: str, caption: str | None
    ) -> None:
        s = max(10, round(height / 40))
        m = max(6, round(height / 40))
        preview = _pill(preview_text, s, (255, 255, 255, 255), (214, 40, 48, 210), max(3, s // 3))
        ai = _pill(ai_text, s, (255, 255, 255, 255), (0, 0, 0, 195), max(3, s // 3), bold=False)
        top = m + round(height * 0.055)  # clear of a letterbox bar
        self.preview = Sticker(preview, m, top)
        self.ai = Sticker(ai, width - ai.width - m, height - ai.height - m - round(height * 0.055))
        self.ai_box = (self.ai.x, self.ai.y, self.ai.x + ai.width, self.ai.y + ai.height)
        self.caption: Sticker | None = None
        lines = [sport_text.upper()]
        if caption:
            lines.append(_ellipsize(caption, 60))
        tag = _pill(lines[0], round(s * 1.15), (20, 20, 28, 255), (250, 200, 40, 235), max(3, s // 3))
        body = (
            _pill(lines[1], s, (255, 255, 255, 255), (10, 14, 30, 190), max(4, s // 2), bold=False) if caption else None
        )
        w = max(tag.width, body.width if body else 0)
        h = tag.height + (body.height + 2 if body else 0)
        img = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        img.alpha_composite(tag, (0, 0))
        if body:
            img.alpha_composite(body, (0, tag.height + 2))
        self.caption = Sticker(img, m + round(width * 0.02), height - h - m - round(height * 0.1))

    def apply(self, frame: np.ndarray, t: float, duration: float) -> np.ndarray:
        if self.caption is not None:
            fade_in = np.clip((t - 0.25) / 0.35, 0, 1)
            fade_out = np.clip((min(duration * 0.6, 3.2) - t) / 0.4, 0, 1)
            self.caption.blend(frame, float(min(fade_in, fade_out)))
        self.preview.blend(frame)
        self.ai.blend(frame)
        return frame


def _ellipsize(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
