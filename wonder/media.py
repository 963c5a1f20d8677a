"""Media files with HTTP range requests, so browsers can seek in videos (embedded mode; see settings)."""

from __future__ import annotations

import mimetypes
import re
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils._os import safe_join

# At most 15 digits each (petabytes): a header with thousands of digits is refused before int() sees it.
RANGE = re.compile(r"^bytes=(\d{0,15})-(\d{0,15})$")
mimetypes.add_type("video/mp4", ".mp4")
mimetypes.add_type("image/webp", ".webp")


class _Slice:
    """A file object that reads only ``length`` bytes from ``start``."""

    def __init__(self, path: Path, start: int, length: int) -> None:
        self.file = path.open("rb")
        self.file.seek(start)
        self.remaining = length

    def read(self, size: int = -1) -> bytes:
        if self.remaining <= 0:
            return b""
        size = self.remaining if size < 0 else min(size, self.remaining)
        data = self.file.read(size)
        self.remaining -= len(data)
        return data

    def close(self) -> None:
        self.file.close()


def serve_media(request: HttpRequest, path: str) -> HttpResponseBase:
    try:
        full = Path(safe_join(settings.MEDIA_ROOT, path))
    except Exception:
        raise Http404 from None
    if not full.is_file():
        raise Http404
    size = full.stat().st_size
    content_type = mimetypes.guess_type(full.name)[0] or "application/octet-stream"
    response: HttpResponseBase
    header = request.headers.get("Range", "")
    match = RANGE.match(header)
    if header and (not match or not any(match.groups())):  # malformed or absurd: refused, not a 500 from int()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    if not match:
        response = FileResponse(full.open("rb"), content_type=content_type)
        response["Accept-Ranges"] = "bytes"
        return response
    first, last = match.groups()
    if first:
        start, end = int(first), min(int(last) if last else size - 1, size - 1)
    else:  # "bytes=-N": the last N bytes
        start, end = max(size - int(last), 0), size - 1
    if start >= size or start > end:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    length = end - start + 1
    response = FileResponse(_Slice(full, start, length), status=206, content_type=content_type)
    response["Content-Length"] = str(length)
    response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Accept-Ranges"] = "bytes"
    return response
