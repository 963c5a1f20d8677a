"""Media are served with their types and with HTTP range requests, so browsers can seek in videos."""

from __future__ import annotations

import pytest


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "jobs").mkdir()
    (tmp_path / "jobs" / "clip.mp4").write_bytes(bytes(range(256)) * 4)
    return tmp_path


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_whole_file_with_type_and_accept_ranges(client, media):
    response = client.get("/media/jobs/clip.mp4")
    assert response.status_code == 200 and response["Content-Type"] == "video/mp4"
    assert response["Accept-Ranges"] == "bytes" and len(body(response)) == 1024


@pytest.mark.parametrize(
    "header,start,end",
    [("bytes=0-99", 0, 99), ("bytes=1000-", 1000, 1023), ("bytes=-24", 1000, 1023), ("bytes=1000-5000", 1000, 1023)],
)
def test_range_requests_return_206_with_the_slice(client, media, header, start, end):
    response = client.get("/media/jobs/clip.mp4", headers={"Range": header})
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {start}-{end}/1024"
    assert body(response) == (bytes(range(256)) * 4)[start : end + 1]


def test_unsatisfiable_range_is_416(client, media):
    response = client.get("/media/jobs/clip.mp4", headers={"Range": "bytes=5000-"})
    assert response.status_code == 416 and response["Content-Range"] == "bytes */1024"


def test_paths_outside_media_and_missing_files_are_404(client, media):
    assert client.get("/media/../etc/passwd").status_code == 404
    assert client.get("/media/jobs/missing.mp4").status_code == 404
