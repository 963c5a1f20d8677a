"""Selfie hygiene and face analysis.

- :func:`open_photo` turns uploaded bytes into a safe, upright RGB picture or raises :class:`PhotoRejected` with a
  translated message (empty, too big, not JPEG/PNG/WebP, animated, a decompression bomb, truncated).
- :func:`analyse` finds the face to use and checks it is usable (no face, several faces, too small, too dark,
  blurred).
- Two detectors: insightface ``FaceAnalysis`` on the model pack folder ``WONDER_FACE_PACK`` (detection + ArcFace
  embedding, CPU or GPU), and, when no pack is installed, scikit-image's LBP frontal-face cascade, which ships
  inside the scikit-image wheel (an insightface dependency) so it works offline with nothing to download.
  opencv-python 5 has neither Haar cascades nor ``CascadeClassifier``; see docs/PRIVACY.md for the choice.

Nothing here logs pixels, embeddings or file names: log lines say what happened, never to whom.
"""

from __future__ import annotations

import io
import logging
import threading
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

log = logging.getLogger(__name__)

ALLOWED_FORMATS = ("JPEG", "PNG", "WEBP")
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_PIXELS = 40_000_000  # a 48 MP phone photo is ~48 M; larger claims are almost always bombs
# Selfies are kept (briefly) at this size at most: plenty for a 512 px portrait, less data held.
KEEP_SIDE = 1600

# Face checks, tuned on phone and webcam selfies (see tests/avatars/test_face_checks.py).
MIN_FACE_FRACTION = 0.10  # of the picture's shorter side
MIN_FACE_PX = 48
MIN_FACE_LUMA = 50.0  # mean 0..255 inside the face box
MIN_SHARPNESS = 12.0  # variance of the Laplacian of the face at 128x128
CASCADE_WIDTH = 480  # the fallback detector works on a picture this wide


class PhotoRejected(Exception):
    """The photo cannot be used; ``message`` is translated and tells the visitor what to do."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


# --- input hygiene -----------------------------------------------------------------------------------------


def max_upload_bytes() -> int:
    return int(getattr(settings, "WONDER_AVATAR_MAX_UPLOAD_BYTES", DEFAULT_MAX_BYTES))


def max_pixels() -> int:
    return int(getattr(settings, "WONDER_AVATAR_MAX_PIXELS", DEFAULT_MAX_PIXELS))


def open_photo(data: bytes) -> Image.Image:
    """Sniff, check and decode an uploaded photo; returns an upright RGB image no larger than ``KEEP_SIDE``.

    The file's name and declared type are ignored: only its bytes decide. Raises :class:`PhotoRejected`.
    """
    if not data:
        raise PhotoRejected("empty", _("The photo is empty (0 bytes). Please take or choose it again."))
    limit = max_upload_bytes()
    if len(data) > limit:
        raise PhotoRejected(
            "too_large",
            _("The photo is too large (%(size)s MB; at most %(limit)s MB). Please use a smaller one.")
            % {"size": round(len(data) / 1e6, 1), "limit": round(limit / 1e6)},
        )
    try:
        # Pillow reads only the header here; a bomb's pixel count is known before anything is decoded.
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data), formats=ALLOWED_FORMATS)
            _check_header(image)
            image.load()
    except PhotoRejected:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise _too_many_pixels() from None
    except UnidentifiedImageError:
        raise PhotoRejected(
            "not_an_image", _("This file is not a photo we can read. Please use a JPEG, PNG or WebP picture.")
        ) from None
    except (OSError, SyntaxError, ValueError, EOFError):
        # Pillow reports truncated and corrupt files as OSError (or SyntaxError for some broken headers).
        raise PhotoRejected(
            "truncated", _("The photo is damaged or incomplete. Please take or send it again.")
        ) from None
    image = ImageOps.exif_transpose(image)
    image = image.convert("RGB")
    image.thumbnail((KEEP_SIDE, KEEP_SIDE), Image.Resampling.LANCZOS)
    return image


def _check_header(image: Image.Image) -> None:
    if image.format not in ALLOWED_FORMATS:
        raise PhotoRejected("format", _("Please use a JPEG, PNG or WebP photo."))
    if getattr(image, "is_animated", False) or getattr(image, "n_frames", 1) > 1:
        raise PhotoRejected("animated", _("Animated pictures cannot be used. Please use a still photo."))
    if image.width * image.height > max_pixels():
        raise _too_many_pixels()
    if min(image.size) < 64:
        raise PhotoRejected("too_small_image", _("The photo is too small. Please use a bigger one."))


def _too_many_pixels() -> PhotoRejected:
    return PhotoRejected(
        "too_many_pixels",
        _("The photo has too many pixels (at most %(mp)s megapixels). Please use a smaller one.")
        % {"mp": round(max_pixels() / 1e6)},
    )


# --- faces -------------------------------------------------------------------------------------------------


@dataclass
class Face:
    """A detected face: box in pixels (x0, y0, x1, y1), detector confidence, and what the detector adds."""

    box: tuple[float, float, float, float]
    score: float = 1.0
    kps: np.ndarray | None = None
    embedding: np.ndarray | None = field(default=None, repr=False)

    @property
    def width(self) -> float:
        return self.box[2] - self.box[0]

    @property
    def centre(self) -> tuple[float, float]:
        return (self.box[0] + self.box[2]) / 2, (self.box[1] + self.box[3]) / 2


@dataclass
class Analysis:
    """The face to use, how many were found, and non-blocking remarks (codes and translated texts)."""

    face: Face
    face_count: int
    detector: str
    notes: list[str] = field(default_factory=list)

    def relative_box(self, width: int, height: int) -> list[float]:
        x0, y0, x1, y1 = self.face.box
        return [round(x0 / width, 4), round(y0 / height, 4), round(x1 / width, 4), round(y1 / height, 4)]


NOTE_TEXTS = {
    "several_faces": lambda: _("We found several faces and used the one nearest the middle."),
}


def note_text(code: str) -> str:
    return NOTE_TEXTS[code]() if code in NOTE_TEXTS else code


class InsightFaceDetector:
    """insightface ``FaceAnalysis`` on a local model pack folder: SCRFD detection + ArcFace embedding."""

    name = "insightface"

    def __init__(self, pack: Path, ctx_id: int = -1) -> None:
        from insightface.app import FaceAnalysis

        # A folder that exists is loaded as is; insightface only downloads for a bare pack *name*. Age, gender
        # and 3D landmarks are never loaded: we do not estimate anything about the person.
        self.app = FaceAnalysis(
            name=str(pack),
            root=str(pack.parent),
            allowed_modules=["detection", "recognition"],
            providers=_providers(ctx_id),
        )
        self.app.prepare(ctx_id=ctx_id, det_size=(640, 640))
        self._lock = threading.Lock()

    def detect(self, rgb: np.ndarray) -> list[Face]:
        bgr = np.ascontiguousarray(rgb[..., ::-1])
        with self._lock:  # onnxruntime sessions are thread-safe, insightface's caches are not
            found = self.app.get(bgr)
        faces = []
        for face in found:
            embedding = getattr(face, "normed_embedding", None)
            faces.append(
                Face(
                    box=tuple(float(v) for v in face.bbox[:4]),
                    score=float(face.det_score),
                    kps=None if face.kps is None else np.asarray(face.kps, np.float32),
                    embedding=None if embedding is None else np.asarray(embedding, np.float32),
                )
            )
        return faces


class CascadeDetector:
    """scikit-image's LBP frontal-face cascade (OpenCV's lbpcascade_frontalface, shipped in the wheel)."""

    name = "lbp-cascade"

    def __init__(self) -> None:
        from skimage.data import lbp_frontal_face_cascade_filename

        self._file = lbp_frontal_face_cascade_filename()
        self._local = threading.local()  # a Cascade object is not safe to share between threads

    def detect(self, rgb: np.ndarray) -> list[Face]:
        from skimage.feature import Cascade

        cascade = getattr(self._local, "cascade", None)
        if cascade is None:
            cascade = self._local.cascade = Cascade(self._file)
        height, width = rgb.shape[:2]
        scale = min(1.0, CASCADE_WIDTH / width)
        gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
        if scale < 1.0:
            gray = cv2.resize(gray, (round(width * scale), round(height * scale)), interpolation=cv2.INTER_AREA)
        side = min(gray.shape)
        found = cascade.detect_multi_scale(
            gray.astype(np.float32) / 255,
            scale_factor=1.2,
            step_ratio=1,
            min_size=(max(20, int(0.06 * side)),) * 2,
            max_size=(side, side),
            min_neighbor_number=4,
        )
        faces = [
            Face(box=(d["c"] / scale, d["r"] / scale, (d["c"] + d["width"]) / scale, (d["r"] + d["height"]) / scale))
            for d in found
        ]
        return prune(faces)


def prune(faces: list[Face], min_ratio: float = 0.75) -> list[Face]:
    """Drop the cascade's typical false positives: boxes much smaller than the biggest face, and duplicates.

    In a selfie the people who matter are about the same size; an LBP cascade also fires on small textured
    patches (badges, patterns) and several times on one face at neighbouring scales.
    """
    if not faces:
        return []
    biggest = max(face.width for face in faces)
    kept: list[Face] = []
    for face in sorted(faces, key=lambda f: -f.width):
        if face.width < min_ratio * biggest:
            continue
        cx, cy = face.centre
        if any(k.box[0] <= cx <= k.box[2] and k.box[1] <= cy <= k.box[3] for k in kept):
            continue
        kept.append(face)
    return kept


def _providers(ctx_id: int) -> list[str]:
    import onnxruntime

    available = onnxruntime.get_available_providers()
    if ctx_id >= 0 and "CUDAExecutionProvider" in available:
        return ["CUDAExecutionProvider", "CPUExecutionProvider"]
    return ["CPUExecutionProvider"]


_detector = None
_detector_key: tuple | None = None
_detector_lock = threading.Lock()


def face_pack() -> Path | None:
    """The configured insightface pack folder if it exists and holds ONNX models, else None."""
    setting = getattr(settings, "WONDER_FACE_PACK", "") or ""
    if not setting:
        return None
    path = Path(setting).expanduser()
    if path.is_dir() and any(path.glob("*.onnx")):
        return path
    return None


def get_detector():
    """The detector to use: insightface on ``WONDER_FACE_PACK`` when installed, else the offline cascade.

    Built once per process (per setting). Never downloads: a missing or broken pack is logged and the cascade
    takes over.
    """
    global _detector, _detector_key
    setting = getattr(settings, "WONDER_FACE_PACK", "") or ""
    ctx_id = int(getattr(settings, "WONDER_FACE_CTX_ID", -1))
    key = (setting, ctx_id)
    with _detector_lock:
        if _detector is not None and _detector_key == key:
            return _detector
        pack = face_pack()
        detector = None
        if pack is not None:
            try:
                detector = InsightFaceDetector(pack, ctx_id)
                log.info("face analysis: insightface pack %s (ctx %s)", pack, ctx_id)
            except Exception:
                log.exception("face analysis: the insightface pack %s could not be loaded; using the cascade", pack)
        elif setting:
            log.warning(
                "face analysis: WONDER_FACE_PACK=%s is not a folder of .onnx models; using the offline cascade "
                "(no download is attempted)",
                setting,
            )
        if detector is None:
            detector = CascadeDetector()
        _detector, _detector_key = detector, key
        return detector


def reset_detector() -> None:
    """Forget the cached detector (tests, or after installing a pack)."""
    global _detector, _detector_key
    with _detector_lock:
        _detector, _detector_key = None, None


def analyse(image: Image.Image, detector=None) -> Analysis:
    """Find the face to use in ``image`` and check it; raises :class:`PhotoRejected` when it is unusable."""
    detector = detector or get_detector()
    rgb = np.asarray(image.convert("RGB"))
    faces = detector.detect(rgb)
    if not faces:
        raise PhotoRejected(
            "no_face", _("We could not find a face. Look at the camera, come a little closer and try again.")
        )
    height, width = rgb.shape[:2]
    notes = []
    if len(faces) > 1:
        notes.append("several_faces")
    face = most_central(faces, width, height)
    check_face(rgb, face)
    return Analysis(face=face, face_count=len(faces), detector=detector.name, notes=notes)


def most_central(faces: list[Face], width: int, height: int) -> Face:
    """The face whose centre is nearest the picture's centre (the person standing in front of the camera)."""

    # People stand side by side, and faces sit in the upper half of a selfie: across is what tells the person
    # in front of the camera apart, so the vertical offset counts for a quarter.
    def distance(face: Face) -> float:
        cx, cy = face.centre
        return abs(cx - width / 2) / width + 0.25 * abs(cy - height / 2) / height

    return min(faces, key=distance)


def check_face(rgb: np.ndarray, face: Face) -> None:
    """Raise :class:`PhotoRejected` if the face is too small, too dark or blurred."""
    height, width = rgb.shape[:2]
    if face.width < max(MIN_FACE_PX, MIN_FACE_FRACTION * min(width, height)):
        raise PhotoRejected("face_too_small", _("Your face is too small in the picture. Please come closer."))
    x0, y0, x1, y1 = (int(round(v)) for v in face.box)
    crop = rgb[max(y0, 0) : min(y1, height), max(x0, 0) : min(x1, width)]
    if crop.size == 0:
        raise PhotoRejected("no_face", _("We could not find a face. Look at the camera and try again."))
    gray = cv2.cvtColor(np.ascontiguousarray(crop), cv2.COLOR_RGB2GRAY)
    if float(gray.mean()) < MIN_FACE_LUMA:
        raise PhotoRejected("too_dark", _("The picture is too dark. Please face the light and try again."))
    if sharpness(gray) < MIN_SHARPNESS:
        raise PhotoRejected("blurred", _("The picture is blurred. Please hold still and try again."))


def sharpness(gray: np.ndarray) -> float:
    """Variance of the Laplacian of a face crop at a fixed size: low means blurred."""
    small = cv2.resize(gray, (128, 128), interpolation=cv2.INTER_AREA)
    return float(cv2.Laplacian(small, cv2.CV_64F).var())
