"""The insightface path: a model pack folder (tiny ONNX models built here) loaded by ``FaceAnalysis``."""

from __future__ import annotations

import numpy as np
import pytest
from django.utils import timezone
from PIL import Image

from avatars import faces, services

from .conftest import jpeg_bytes
from .tiny_face_models import build_pack

pytestmark = pytest.mark.ml


@pytest.fixture
def pack(settings, tmp_path):
    folder = build_pack(tmp_path / "tiny_pack")
    settings.WONDER_FACE_PACK = str(folder)
    faces.reset_detector()
    return folder


def picture(*cells: tuple[int, int]) -> Image.Image:
    """A 640x640 light picture with a red 32x32 "face" on each stride-32 cell (column, row)."""
    rgb = np.full((640, 640, 3), 190, np.uint8)
    rgb[::7] = 120  # some texture, so the sharpness check has something to measure
    for col, row in cells:
        rgb[row * 32 : row * 32 + 32, col * 32 : col * 32 + 32] = (255, 0, 0)
    return Image.fromarray(rgb)


def test_pack_folder_loads_insightface_with_detection_and_recognition(pack) -> None:
    detector = faces.get_detector()
    assert detector.name == "insightface"
    assert set(detector.app.models) == {"detection", "recognition"}


def test_face_has_box_landmarks_and_a_normed_embedding(pack) -> None:
    found = faces.get_detector().detect(np.asarray(picture((10, 10))))
    assert len(found) == 1
    face = found[0]
    assert face.box == pytest.approx((224, 224, 416, 416))
    assert face.kps.shape == (5, 2)
    assert face.embedding.shape == (512,)
    assert np.linalg.norm(face.embedding) == pytest.approx(1.0, abs=1e-4)


def test_several_faces_pick_the_central_one(pack) -> None:
    analysis = faces.analyse(picture((3, 3), (10, 10), (17, 3)))
    assert analysis.face_count == 3 and analysis.notes == ["several_faces"]
    assert analysis.face.centre == pytest.approx((320, 320))


def test_no_face_is_refused(pack) -> None:
    with pytest.raises(faces.PhotoRejected) as error:
        faces.analyse(picture())
    assert error.value.code == "no_face"


@pytest.mark.django_db
def test_capture_keeps_the_embedding_privately(pack) -> None:
    capture, analysis = services.save_capture(
        session_key="s1", data=jpeg_bytes(picture((10, 10))), consented_at=timezone.now()
    )
    assert capture.detector == "insightface"
    stored = np.load(capture.embedding_path)
    assert stored.shape == (512,)
    assert capture.embedding_path.parent == capture.photo_path.parent
    assert "media" not in str(capture.embedding_path)
