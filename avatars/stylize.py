"""Stylised portraits on the CPU, with no weights: edge-preserving smoothing, colour quantisation and ink lines.

:func:`head_and_shoulders` cuts the portrait around the chosen face; :func:`stylize` paints it in one of the
styles. Each style is a small function of an RGB ``uint8`` array; all run in well under half a second on one core
at 512x512 (bench/avatars.py).
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np
from PIL import Image

PORTRAIT_SIDE = 512

# The crop around a face box: detectors box the face from brows to chin, the avatar wants hair and shoulders.
CROP_SCALE = 2.5
CROP_DROP = 0.22  # move the crop down by this share of the face width, to take in the shoulders


def head_and_shoulders(image: Image.Image, face_box: list[float], side: int = PORTRAIT_SIDE) -> Image.Image:
    """A square crop around the face (``face_box`` as fractions of the image), resized to ``side``.

    Where the crop runs off the photo the edge pixels are stretched, so the portrait is always full.
    """
    width, height = image.size
    x0, y0, x1, y1 = face_box[0] * width, face_box[1] * height, face_box[2] * width, face_box[3] * height
    face_w = max(x1 - x0, y1 - y0, 1.0)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2 + CROP_DROP * face_w
    half = CROP_SCALE * face_w / 2
    left, top = int(round(cx - half)), int(round(cy - half))
    size = int(round(2 * half))
    rgb = np.asarray(image.convert("RGB"))
    pad = max(0, -left, -top, left + size - width, top + size - height)
    if pad:
        rgb = cv2.copyMakeBorder(rgb, pad, pad, pad, pad, cv2.BORDER_REPLICATE)
        left, top = left + pad, top + pad
    crop = rgb[top : top + size, left : left + size]
    return Image.fromarray(cv2.resize(crop, (side, side), interpolation=cv2.INTER_AREA))


def face_box_in_portrait() -> tuple[float, float, float, float]:
    """Where the face sits in a :func:`head_and_shoulders` portrait, as fractions (x0, y0, x1, y1)."""
    half = 1 / (2 * CROP_SCALE)
    cy = 0.5 - CROP_DROP / CROP_SCALE
    return 0.5 - half, cy - half, 0.5 + half, cy + half


# --- building blocks ---------------------------------------------------------------------------------------


def quantize(rgb: np.ndarray, colours: int, seed: int = 0) -> np.ndarray:
    """Flatten to ``colours`` colours with k-means fitted on a sample of pixels (fast and stable)."""
    pixels = rgb.reshape(-1, 3).astype(np.float32)
    rng = np.random.default_rng(seed)
    sample = pixels[rng.choice(len(pixels), size=min(len(pixels), 4096), replace=False)]
    criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 12, 1.0)
    cv2.setRNGSeed(seed)
    _, _, centres = cv2.kmeans(sample, colours, None, criteria, 2, cv2.KMEANS_PP_CENTERS)
    # Nearest centre per pixel via |p|^2 - 2 p.c + |c|^2 (no big 3-D temporary).
    distances = -2 * pixels @ centres.T + (centres**2).sum(1)
    labels = distances.argmin(1)
    return centres[labels].reshape(rgb.shape).clip(0, 255).astype(np.uint8)


def ink_lines(rgb: np.ndarray, block: int = 9, c: int = 4, blur: int = 7) -> np.ndarray:
    """A 0..1 mask that is 0 on dark outlines (adaptive threshold of a median-smoothed grey image)."""
    gray = cv2.medianBlur(cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), blur)
    edges = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, block, c)
    # A touch of blur anti-aliases the lines so they read as drawn, not pixelated.
    return cv2.GaussianBlur(edges, (3, 3), 0).astype(np.float32)[..., None] / 255


def saturate(rgb: np.ndarray, factor: float, value: float = 1.0) -> np.ndarray:
    hsv = cv2.cvtColor(rgb, cv2.COLOR_RGB2HSV).astype(np.float32)
    hsv[..., 1] = np.clip(hsv[..., 1] * factor, 0, 255)
    hsv[..., 2] = np.clip(hsv[..., 2] * value, 0, 255)
    return cv2.cvtColor(hsv.astype(np.uint8), cv2.COLOR_HSV2RGB)


def halftone(gray: np.ndarray, cell: int = 8, angle: float = 0.35) -> np.ndarray:
    """A 0..1 mask of Ben-Day dots whose size follows darkness (1 = paper, 0 = ink)."""
    h, w = gray.shape
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    u = xx * np.cos(angle) + yy * np.sin(angle)
    v = -xx * np.sin(angle) + yy * np.cos(angle)
    du = (u % cell) - cell / 2
    dv = (v % cell) - cell / 2
    distance = np.sqrt(du * du + dv * dv) / (cell / 2)
    darkness = 1 - gray.astype(np.float32) / 255
    radius = np.sqrt(darkness) * 0.9
    return np.clip((distance - radius) * 4 + 0.5, 0, 1)


def paper(shape: tuple[int, int], seed: int, strength: float = 0.06) -> np.ndarray:
    """A soft, grainy paper texture around 1.0 to multiply a picture with."""
    rng = np.random.default_rng(seed)
    noise = rng.normal(0, 1, (shape[0] // 4, shape[1] // 4)).astype(np.float32)
    noise = cv2.resize(cv2.GaussianBlur(noise, (0, 0), 1.2), (shape[1], shape[0]), interpolation=cv2.INTER_CUBIC)
    fine = rng.normal(0, 0.35, shape).astype(np.float32)
    return (1 + strength * (noise / (np.abs(noise).max() + 1e-6)) + 0.02 * fine)[..., None]


# --- styles ------------------------------------------------------------------------------------------------


def cartoon(rgb: np.ndarray, palette: list[tuple[int, int, int]], seed: int) -> np.ndarray:
    """Cel-shaded: smoothed flat colour regions, bright saturated colours, clean dark outlines."""
    smooth = cv2.edgePreservingFilter(rgb, flags=cv2.RECURS_FILTER, sigma_s=50, sigma_r=0.35)
    for _ in range(2):
        smooth = cv2.bilateralFilter(smooth, 7, 40, 7)
    flat = quantize(saturate(smooth, 1.35, 1.05), 10, seed)
    lines = ink_lines(rgb, block=9, c=5, blur=7)
    ink = np.array([30, 24, 40], np.float32)
    return (flat * lines + ink * (1 - lines)).astype(np.uint8)


def watercolour(rgb: np.ndarray, palette: list[tuple[int, int, int]], seed: int) -> np.ndarray:
    """Soft washes: stylisation, lifted lights, pigment pooling at edges, colour bleeding and paper grain."""
    wash = cv2.stylization(rgb, sigma_s=60, sigma_r=0.5)
    wash = saturate(wash, 1.15, 1.0).astype(np.float32)
    # Bleed colours a little beyond their edges, as wet paint does.
    lab = cv2.cvtColor(wash.astype(np.uint8), cv2.COLOR_RGB2LAB).astype(np.float32)
    lab[..., 1:] = cv2.GaussianBlur(lab[..., 1:], (0, 0), 3)
    wash = cv2.cvtColor(lab.clip(0, 255).astype(np.uint8), cv2.COLOR_LAB2RGB).astype(np.float32)
    wash = wash * 0.82 + 255 * 0.18  # lighter, transparent-looking pigment
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    edges = cv2.Canny(cv2.GaussianBlur(gray, (5, 5), 0), 40, 110)
    pooled = cv2.GaussianBlur(edges.astype(np.float32), (0, 0), 1.3)[..., None] / 255
    wash = wash * (1 - 0.35 * pooled)
    return (wash * paper(rgb.shape[:2], seed, 0.08)).clip(0, 255).astype(np.uint8)


def comic(rgb: np.ndarray, palette: list[tuple[int, int, int]], seed: int) -> np.ndarray:
    """Comic book: punchy flat colours, halftone shadows and thick black ink."""
    smooth = cv2.bilateralFilter(cv2.bilateralFilter(rgb, 9, 60, 9), 9, 60, 9)
    flat = quantize(saturate(smooth, 1.6, 1.1), 6, seed).astype(np.float32)
    gray = cv2.cvtColor(smooth, cv2.COLOR_RGB2GRAY)
    dots = halftone(gray, cell=7)[..., None]
    shade = np.where(gray[..., None] < 150, dots, 1.0)
    flat = flat * (0.55 + 0.45 * shade)
    edges = cv2.Canny(cv2.GaussianBlur(gray, (5, 5), 0), 50, 120)
    edges = cv2.dilate(edges, np.ones((2, 2), np.uint8))
    lines = ink_lines(rgb, block=11, c=6, blur=7) * (1 - edges[..., None].astype(np.float32) / 255)
    return (flat * lines).clip(0, 255).astype(np.uint8)


def pop_art(rgb: np.ndarray, palette: list[tuple[int, int, int]], seed: int) -> np.ndarray:
    """Pop art: four flat tones from the sport's colours (darkest to lightest) and bold outlines."""
    smooth = cv2.bilateralFilter(rgb, 9, 50, 9)
    gray = cv2.cvtColor(smooth, cv2.COLOR_RGB2GRAY)
    cuts = np.percentile(gray, [22, 50, 78])
    level = np.digitize(gray, cuts)
    tones = np.array(pop_tones(palette), np.float32)
    flat = tones[level]
    dots = halftone(gray, cell=9, angle=0.78)[..., None]
    flat = np.where((level == 2)[..., None], flat * (0.8 + 0.2 * dots), flat)
    lines = ink_lines(rgb, block=13, c=7, blur=9)
    return (flat * lines + 20 * (1 - lines)).clip(0, 255).astype(np.uint8)


def pop_tones(palette: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Dark ink, then the sport's two strong colours, then a light highlight."""
    return [(28, 20, 60), palette[0], palette[1], (255, 236, 120)]


def sketch(rgb: np.ndarray, palette: list[tuple[int, int, int]], seed: int) -> np.ndarray:
    """Pencil on toned paper: a colour-dodge sketch with a light wash of the photo's colours."""
    gray = cv2.cvtColor(cv2.bilateralFilter(rgb, 7, 30, 7), cv2.COLOR_RGB2GRAY).astype(np.float32)
    blurred = cv2.GaussianBlur(255 - gray, (0, 0), 6)
    dodge = np.clip(gray * 255 / np.maximum(255 - blurred, 1), 0, 255)
    # Darken the strokes a little: a pure dodge looks faint at kiosk distance.
    pencil = (dodge / 255) ** 2.2
    tint = np.array([247, 242, 228], np.float32)
    wash = cv2.stylization(rgb, sigma_s=40, sigma_r=0.5).astype(np.float32) * 0.3 + tint * 0.7
    out = wash * pencil[..., None]
    return (out * paper(rgb.shape[:2], seed, 0.05)).clip(0, 255).astype(np.uint8)


STYLES: dict[str, Callable[[np.ndarray, list[tuple[int, int, int]], int], np.ndarray]] = {
    "cartoon": cartoon,
    "watercolour": watercolour,
    "comic": comic,
    "pop-art": pop_art,
    "sketch": sketch,
}


def stylize(portrait: Image.Image, style: str, palette: list[tuple[int, int, int]], seed: int = 0) -> Image.Image:
    """Paint ``portrait`` in ``style`` (a key of ``STYLES``); ``palette`` lends colours to the flat styles."""
    rgb = np.ascontiguousarray(np.asarray(portrait.convert("RGB")))
    return Image.fromarray(STYLES[style](rgb, palette, seed))
