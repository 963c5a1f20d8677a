"""Avatar fixtures: private and media folders per test, the public-domain astronaut selfie, no cached detector."""

from __future__ import annotations

import io

import pytest
from django.urls import reverse
from PIL import Image
from skimage import data

from avatars import faces


@pytest.fixture(autouse=True)
def avatar_dirs(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.WONDER_AVATAR_PRIVATE_DIR = tmp_path / "private"
    settings.WONDER_FACE_PACK = ""
    faces.reset_detector()
    yield tmp_path
    faces.reset_detector()


def jpeg_bytes(image: Image.Image, **kwargs) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=92, **kwargs)
    return buffer.getvalue()


@pytest.fixture
def astronaut() -> Image.Image:
    """NASA's portrait of Eileen Collins (public domain), shipped inside scikit-image."""
    return Image.fromarray(data.astronaut())


@pytest.fixture
def selfie_bytes(astronaut) -> bytes:
    return jpeg_bytes(astronaut)


@pytest.fixture
def consented(client, db):
    """A visitor's browser that has given consent on the intro page."""
    client.post(reverse("avatars:intro"))
    return client
