"""Avatar figures: ``preview_avatar_s`` (selfie -> finished preview avatar, one core) and ``face_analysis_ms``
(the offline fallback detector on a 1080p frame). Run: ``python bench/avatars.py``."""

from __future__ import annotations

import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wonder.settings")
RUNS = 7


def pin_to_one_core() -> str:
    try:
        core = sorted(os.sched_getaffinity(0))[-1]
        os.sched_setaffinity(0, {core})
    except (AttributeError, OSError):
        return "not pinned"
    # Libraries with their own thread pools should not fight over the one core.
    import cv2

    cv2.setNumThreads(1)
    return f"pinned to core {core}"


def main() -> None:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    tmp = Path(tempfile.mkdtemp(prefix="bench-avatars-"))
    os.environ["WONDER_VAR_DIR"] = str(tmp)
    os.environ["MEDIA_ROOT"] = str(tmp / "media")
    os.environ["SQLITE_PATH"] = str(tmp / "bench.sqlite3")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    pinned = pin_to_one_core()

    import numpy as np
    from django.utils import timezone
    from PIL import Image
    from skimage import data

    from avatars import faces, services
    from avatars.engines import PreviewAvatarEngine

    # A 1080p webcam-like frame with the public-domain astronaut portrait in the middle.
    frame = Image.new("RGB", (1920, 1080), (200, 204, 210))
    frame.paste(Image.fromarray(data.astronaut()).resize((1080, 1080)), (420, 0))
    buffer = io.BytesIO()
    frame.save(buffer, format="JPEG", quality=90)
    selfie = buffer.getvalue()

    detector = faces.CascadeDetector()
    rgb = np.asarray(frame)
    detector.detect(rgb)
    analysis_ms = []
    for _ in range(RUNS):
        started = time.perf_counter()
        detector.detect(rgb)
        analysis_ms.append((time.perf_counter() - started) * 1000)

    engine = PreviewAvatarEngine()
    styles = ["cartoon", "watercolour", "comic", "pop-art", "sketch"]
    totals = []
    for i in range(RUNS):
        started = time.perf_counter()
        capture, _ = services.save_capture(session_key=f"bench{i}", data=selfie, consented_at=timezone.now())
        spec = {
            "capture": str(capture.pk),
            "style": styles[i % len(styles)],
            "sport": "alpine-skiing",
            "name": "Eileen",
            "seed": i,
        }
        engine.generate(spec, out_dir=tmp / "out" / str(i), progress=lambda f, s: None, cancelled=lambda: False)
        totals.append(time.perf_counter() - started)

    print(f"# avatars bench ({pinned}; median of {RUNS}; selfie 1920x1080 JPEG -> poster PNG+WebP + portrait)")
    print(f"preview_avatar_s: {statistics.median(totals):.2f} s")
    print(f"face_analysis_ms: {statistics.median(analysis_ms):.0f} ms")


if __name__ == "__main__":
    main()
