"""The offline fallback detector (scikit-image's LBP cascade) and the face checks, on a public-domain face."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageFilter

from avatars import faces


def test_no_pack_configured_uses_the_cascade(settings) -> None:
    settings.WONDER_FACE_PACK = ""
    assert faces.get_detector().name == "lbp-cascade"


def test_missing_pack_folder_falls_back_without_downloading(settings, tmp_path, monkeypatch, caplog) -> None:
    def no_download(*args, **kwargs):
        raise AssertionError("insightface tried to download a model pack")

    monkeypatch.setattr("insightface.utils.storage.download_file", no_download, raising=False)
    settings.WONDER_FACE_PACK = str(tmp_path / "buffalo_l")
    detector = faces.get_detector()
    assert detector.name == "lbp-cascade"
    assert "no download is attempted" in caplog.text


def test_finds_the_astronaut_face(astronaut) -> None:
    analysis = faces.analyse(astronaut)
    x0, y0, x1, y1 = analysis.face.box
    # Her face is around x 170-265, y 60-160 of the 512x512 picture.
    assert 150 < x0 < 200 and 240 < x1 < 290 and 40 < y0 < 90 and 140 < y1 < 190
    assert analysis.face_count == 1 and analysis.notes == [] and analysis.detector == "lbp-cascade"


def test_no_face_is_refused() -> None:
    sky = Image.new("RGB", (640, 480), (120, 170, 230))
    with pytest.raises(faces.PhotoRejected) as error:
        faces.analyse(sky)
    assert error.value.code == "no_face"
    assert "could not find a face" in error.value.message


def test_several_faces_use_the_most_central_and_say_so(astronaut) -> None:
    group = Image.new("RGB", (1536, 512), (230, 230, 230))
    for x in (0, 512, 1024):
        group.paste(astronaut, (x, 0))
    analysis = faces.analyse(group)
    assert analysis.face_count == 3
    assert "several_faces" in analysis.notes
    assert 512 < analysis.face.centre[0] < 1024
    assert "nearest the middle" in faces.note_text("several_faces")


def test_small_face_is_refused(astronaut) -> None:
    far = Image.new("RGB", (1600, 1200), (200, 200, 200))
    far.paste(astronaut.resize((540, 540)), (530, 330))  # a ~95 px face: found, but under 10 % of 1200
    with pytest.raises(faces.PhotoRejected) as error:
        faces.analyse(far)
    assert error.value.code == "face_too_small"


def test_dark_face_is_refused(astronaut) -> None:
    with pytest.raises(faces.PhotoRejected) as error:
        faces.check_face(np.asarray(astronaut) // 4, faces.analyse(astronaut).face)
    assert error.value.code == "too_dark"


def test_blurred_face_is_refused(astronaut) -> None:
    face = faces.analyse(astronaut).face
    blurred = np.asarray(astronaut.filter(ImageFilter.GaussianBlur(3)))
    with pytest.raises(faces.PhotoRejected) as error:
        faces.check_face(blurred, face)
    assert error.value.code == "blurred"
    assert "blurred" in error.value.message


def test_webcam_frame_picks_her_face_not_the_badge(astronaut) -> None:
    # The cascade also fires on the mission badge of her suit; the person in front of the camera must win.
    frame = Image.new("RGB", (640, 480), (205, 205, 205))
    frame.paste(astronaut.resize((480, 480)), (80, 0))
    face = faces.analyse(frame).face
    assert 230 < face.centre[0] < 320 and face.centre[1] < 170
