"""Bad uploads are refused by their bytes with a clear message, and nothing is stored."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from django.utils import timezone
from PIL import Image

from avatars import faces, services
from avatars.models import Capture, private_dir

from .conftest import jpeg_bytes


def png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims ``width`` x ``height`` pixels (a decompression bomb's calling card)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")


def animated_gif() -> bytes:
    frames = [Image.new("RGB", (120, 120), colour) for colour in ("red", "blue", "green")]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return buffer.getvalue()


def animated_webp() -> bytes:
    frames = [Image.new("RGB", (120, 120), colour) for colour in ("red", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="WEBP", save_all=True, append_images=frames[1:], duration=100)
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.mark.parametrize(
    ("name", "make", "code", "words"),
    [
        ("zero bytes", lambda s: b"", "empty", "empty"),
        ("truncated jpeg", lambda s: s[: len(s) // 2], "truncated", "damaged or incomplete"),
        ("png bomb", lambda s: png_claiming(30000, 30000), "too_many_pixels", "too many pixels"),
        ("animated gif", lambda s: animated_gif(), "not_an_image", "JPEG, PNG or WebP"),
        ("animated webp", lambda s: animated_webp(), "animated", "Animated pictures"),
        ("pdf renamed .jpg", lambda s: PDF, "not_an_image", "not a photo"),
        ("50 MB", lambda s: s + b"\0" * (50 * 1024 * 1024), "too_large", "too large"),
    ],
)
def test_bad_file_is_refused_with_a_clear_message(selfie_bytes, name, make, code, words) -> None:
    with pytest.raises(faces.PhotoRejected) as error:
        faces.open_photo(make(selfie_bytes))
    assert error.value.code == code, name
    assert words in error.value.message


def test_decompression_bomb_limit_follows_the_setting(settings, astronaut) -> None:
    settings.WONDER_AVATAR_MAX_PIXELS = 100 * 100
    with pytest.raises(faces.PhotoRejected) as error:
        faces.open_photo(jpeg_bytes(astronaut))
    assert error.value.code == "too_many_pixels"


def test_exif_orientation_is_applied(astronaut) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 CW to view"
    wide = astronaut.resize((400, 200))
    image = faces.open_photo(jpeg_bytes(wide, exif=exif))
    assert image.size == (200, 400)


def test_huge_photo_is_kept_small(astronaut) -> None:
    image = faces.open_photo(jpeg_bytes(astronaut.resize((3000, 3000))))
    assert max(image.size) == faces.KEEP_SIDE


@pytest.mark.django_db
def test_refused_upload_stores_nothing(selfie_bytes) -> None:
    with pytest.raises(faces.PhotoRejected):
        services.save_capture(session_key="s1", data=selfie_bytes[:300], consented_at=timezone.now())
    assert not Capture.objects.exists()
    assert not private_dir().exists() or not any(private_dir().iterdir())
