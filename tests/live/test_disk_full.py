"""The media disk full, against the running stack: the fan's video fails with a clear message, the site stays up.

Every server of the test runs in a private mount namespace where MEDIA_ROOT is a small tmpfs filled to the last
byte (web and worker share the media volume in production, and the web server serves the finished video). Root
gets the namespace from ``unshare --mount``, anyone else from ``unshare --user --map-root-user --mount``; either
way the tmpfs lives only as long as the processes in it, so a crashed run leaves no mount behind on the host.
"""

from __future__ import annotations

import asyncio
import errno
import html
import os
import subprocess
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.utils import translation

from . import servers
from .client import SiteClient, collect
from .servers import distributed_site, embedded_site

pytestmark = [pytest.mark.live, pytest.mark.slow]

# Room for one preview clip (about 2.5 MB with its poster and animation) once the filler is gone.
TMPFS_SIZE = "16m"
FILLER = "filler.bin"
DISK_FULL_MESSAGE = "The server ran out of storage space. Please try again later."
# An Italian fan: the message has to come back in the fan's language, not the worker's.
LANGUAGE = "it"
PROMPT = "Una sciatrice salta dal trampolino al tramonto"

SPAWN = servers.spawn
MOUNT = 'mount -t tmpfs -o size="$1" wonder-media "$2" && echo mounted && exec sleep infinity'


class MediaTmpfs:
    """A tmpfs on ``media`` seen only by processes that enter the namespace of ``holder``."""

    def __init__(self, holder: subprocess.Popen, media: Path, nsenter_flags: list[str]) -> None:
        self.holder = holder
        self.media = media
        self.nsenter_flags = nsenter_flags
        self.servers: list[subprocess.Popen] = []

    @property
    def enter(self) -> list[str]:
        """The command prefix that runs a program inside the namespace, in the holder's working directory."""
        return ["nsenter", "--target", str(self.holder.pid), "--mount", *self.nsenter_flags, "--wd"]

    @property
    def root(self) -> Path:
        """MEDIA_ROOT as the servers see it, reachable from this process through /proc."""
        return Path(f"/proc/{self.holder.pid}/root") / self.media.relative_to("/")

    def free_bytes(self) -> int:
        stats = os.statvfs(self.root)
        return stats.f_bavail * stats.f_frsize

    def fill(self) -> None:
        """Write one file until the disk refuses another byte."""
        fd = os.open(self.root / FILLER, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        chunk = bytes(1 << 20)
        try:
            while True:
                os.write(fd, chunk)
        except OSError as exc:
            if exc.errno != errno.ENOSPC:
                raise
        finally:
            os.close(fd)
        assert self.free_bytes() == 0

    def free(self) -> None:
        (self.root / FILLER).unlink()

    def spawn(self, args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
        """``servers.spawn`` inside the namespace; remembers the process."""
        process = SPAWN([*self.enter, *args], env, log)
        self.servers.append(process)
        return process


def mount_in_new_namespace(unshare: list[str], media: Path) -> subprocess.Popen:
    """A ``sleep`` holding a new mount namespace with a tmpfs on ``media``; raises OSError saying why not."""
    holder = subprocess.Popen(
        [*unshare, "sh", "-c", MOUNT, "sh", TMPFS_SIZE, str(media)],
        cwd=servers.ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    if holder.stdout.readline().strip() != "mounted":
        _, stderr = holder.communicate(timeout=10)
        raise OSError(f"exit {holder.returncode}: {stderr.strip()}")
    return holder


@contextmanager
def media_tmpfs(media: Path) -> Iterator[MediaTmpfs]:
    """Mount a tmpfs on ``media`` in a new mount namespace, or fail saying why neither way works here."""
    media = media.resolve()
    media.mkdir(parents=True, exist_ok=True)
    ways = [(["unshare", "--mount"], [])] if os.geteuid() == 0 else []
    ways.append((["unshare", "--user", "--map-root-user", "--mount"], ["--user", "--preserve-credentials"]))
    disk, errors = None, []
    for unshare, nsenter_flags in ways:
        try:
            disk = MediaTmpfs(mount_in_new_namespace(unshare, media), media, nsenter_flags)
            break
        except OSError as exc:  # FileNotFoundError too: no util-linux
            errors.append(f"{' '.join(unshare)}: {exc}")
    if disk is None:
        pytest.fail(
            "cannot put MEDIA_ROOT on a small tmpfs for the disk-full test. Run it as root (CAP_SYS_ADMIN), or allow "
            "unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1, "
            "kernel.apparmor_restrict_unprivileged_userns=0). Tried:\n" + "\n".join(errors)
        )
    try:
        yield disk
    finally:
        # The last process leaving the namespace unmounts the tmpfs; the servers have left it by now.
        servers.stop(disk.holder)
        disk.holder.communicate()


@pytest.fixture
def full_disk(tmp_path, monkeypatch) -> MediaTmpfs:
    with media_tmpfs(tmp_path / "media") as disk:  # base_env's MEDIA_ROOT
        # Every server the helpers start (``serve``, Daphne, a Celery worker) runs inside the namespace.
        monkeypatch.setattr(servers, "spawn", disk.spawn)
        yield disk


def make_video(fan: SiteClient) -> dict:
    status, snapshot = fan.request("/api/contest/videos/", {"text": PROMPT}, {"Accept-Language": LANGUAGE})
    assert status == 201, snapshot
    return snapshot


def watch(fan: SiteClient, job_id: str) -> list[dict]:
    """The fan's page: snapshots over the socket until the job ends."""

    async def follow() -> list[dict]:
        async with fan.connect(job_id) as socket:
            return await collect(socket, timeout=120)

    return asyncio.run(follow())


def fetch(fan: SiteClient, path: str) -> tuple[int, bytes]:
    request = urllib.request.Request(fan.base_url + path, headers={"Accept-Language": LANGUAGE})
    with fan.opener.open(request, timeout=10) as response:
        return response.status, response.read()


def disk_full_fails_the_job_clearly_then_the_site_recovers(url: str, disk: MediaTmpfs) -> None:
    with translation.override(LANGUAGE):
        expected = translation.gettext(DISK_FULL_MESSAGE)
    assert expected != DISK_FULL_MESSAGE, "the message has a translation to check"
    fan = SiteClient(url)
    disk.fill()

    job = make_video(fan)
    last = watch(fan, job["id"])[-1]
    assert last["status"] == "failed"
    assert last["error"] == {"code": "disk_full", "message": expected}
    assert last["result"] is None and last["preview_url"] is None
    status, snapshot = fan.request(f"/api/jobs/{job['id']}/")
    assert status == 200 and snapshot["status"] == "failed" and snapshot["error"] == last["error"]
    job_dir = disk.root / "jobs" / job["id"]
    assert not list(job_dir.rglob("*")), "nothing of the failed run is left in its job folder"

    # With the disk still full: the site is ready, serves pages, and tells the fan on reload too.
    # The whole report on failure: a 503 names the check that failed.
    status, readiness = fan.request("/readyz")
    assert status == 200 and readiness["status"] == "ready", readiness
    assert fetch(fan, "/")[0] == 200
    status, page = fetch(fan, f"/contest/videos/{job['id']}/")
    assert status == 200 and html.escape(expected) in page.decode()
    assert all(process.poll() is None for process in disk.servers), "no server or worker died"

    disk.free()
    again = make_video(fan)
    last = watch(fan, again["id"])[-1]
    assert last["status"] == "succeeded", last
    status, video = fetch(fan, last["result"]["files"]["video"])
    assert status == 200 and video[4:8] == b"ftyp", "the web server serves the new clip from the media disk"
    assert all(process.poll() is None for process in disk.servers), "the same worker made it"


def test_embedded_disk_full_fails_the_job_clearly_and_the_site_recovers(tmp_path, full_disk):
    with embedded_site(tmp_path, WONDER_VIDEO_ENGINE="preview") as (url, env):
        disk_full_fails_the_job_clearly_then_the_site_recovers(url, full_disk)


@pytest.mark.distributed
def test_distributed_disk_full_fails_the_job_clearly_and_the_worker_survives(tmp_path, full_disk):
    with distributed_site(tmp_path, WONDER_VIDEO_ENGINE="preview") as (url, env, workers):
        assert len(full_disk.servers) == 2, "Daphne and one worker"
        disk_full_fails_the_job_clearly_then_the_site_recovers(url, full_disk)
