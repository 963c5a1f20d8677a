"""Clean masters: each video engine's frames before any burnt-in mark, kept where the public never reaches them.

The files fans see (``video.mp4``, ``poster.jpg``, ``preview.webp``) carry the burnt-in "AI-generated" label (and
"PREVIEW", sport caption for the preview engine). Products made from a clip (the film, the time-slice poster,
thumbnails) must start from the unlabelled frames, or the marks are doubled and ghosted; they then add the label
once themselves. So every engine also writes ``master.mp4``:

- locally under ``WONDER_MASTERS_ROOT`` (outside ``MEDIA_ROOT``: no URL serves it), at the same relative path as the
  job's output folder, so the master of ``jobs/<uuid>/<random>/video.mp4`` is found without any stored pointer;
- with ``WONDER_MASTERS_BUCKET`` set, also in that (private) bucket under the same name, so a CPU worker on another
  machine fetches the master the GPU worker wrote. Never the public media bucket.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.files.storage.handler import InvalidStorageError

log = logging.getLogger(__name__)

MASTER_NAME = "master.mp4"


def root() -> Path:
    return Path(settings.WONDER_MASTERS_ROOT)


def _remote() -> Storage | None:
    """The private masters storage when one is configured (``STORAGES["masters"]``), else None (local only)."""
    try:
        storage = storages["masters"]
    except InvalidStorageError:
        return None
    if isinstance(storage, FileSystemStorage) and Path(storage.location) == root().resolve():
        return None
    return storage


def _relative_dir(out_dir: Path) -> PurePosixPath | None:
    """``jobs/<uuid>/<random>`` for an output folder under MEDIA_ROOT; None for any other folder."""
    try:
        return PurePosixPath(Path(out_dir).resolve().relative_to(Path(settings.MEDIA_ROOT).resolve()).as_posix())
    except ValueError:
        return None


def path_for(out_dir: Path) -> Path:
    """Where the clean master of the clip written to ``out_dir`` lives on this machine."""
    relative = _relative_dir(out_dir)
    if relative is None:
        # Benchmarks and scripts render into folders of their own: the master goes beside that folder (never
        # inside it, so copying the folder never copies the master), and goes away with its parent.
        return Path(out_dir).parent / f".{Path(out_dir).name}.master" / MASTER_NAME
    return root() / relative / MASTER_NAME


def name_for(out_dir: Path) -> str | None:
    """The master's name in the masters storage (same relative path as the public files)."""
    relative = _relative_dir(out_dir)
    return None if relative is None else (relative / MASTER_NAME).as_posix()


def store(out_dir: Path) -> None:
    """Upload the local master of ``out_dir`` to the private masters storage, when there is one."""
    storage = _remote()
    path = path_for(out_dir)
    name = name_for(out_dir)
    if storage is None or name is None or not path.is_file():
        return
    with path.open("rb") as handle:
        storage.save(name, File(handle, name=MASTER_NAME))


def master_for_video(video: str | Path) -> Path | None:
    """The clean master of a public video, given its storage name (``jobs/<uuid>/<r>/video.mp4``) or its local
    path; fetched from the masters storage when this machine has no copy. None when there is none (clips made
    before masters existed, or by an engine that kept none): callers then fall back to the public file."""
    video = Path(video)
    if video.is_absolute():
        try:
            video = video.resolve().relative_to(Path(settings.MEDIA_ROOT).resolve())
        except ValueError:
            local = path_for(video.parent)
            return local if local.is_file() else None
    if ".." in video.parts:
        return None
    name = (PurePosixPath(video.as_posix()).parent / MASTER_NAME).as_posix()
    local = root() / name
    if local.is_file():
        return local
    storage = _remote()
    if storage is None:
        return None
    local.parent.mkdir(parents=True, exist_ok=True)
    fd, partial = tempfile.mkstemp(dir=local.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out, storage.open(name, "rb") as source:
            shutil.copyfileobj(source, out, 1024 * 1024)
        os.replace(partial, local)
    except FileNotFoundError:
        return None
    except Exception:
        log.warning("could not fetch the master %s", name, exc_info=True)
        return None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(partial)
    return local


def delete_tree(prefix: str) -> None:
    """Delete the masters under ``prefix`` (``jobs/<uuid>``), here and in the masters storage (best effort there:
    the public files are what a purge must never leave behind; a master is never served)."""
    prefix = prefix.strip("/")
    if not prefix or ".." in PurePosixPath(prefix).parts:
        return
    shutil.rmtree(root() / prefix, ignore_errors=True)
    storage = _remote()
    if storage is None:
        return
    folders = [prefix]
    while folders:
        folder = folders.pop()
        try:
            subfolders, files = storage.listdir(folder)
            folders.extend(f"{folder}/{sub}" for sub in subfolders)
            for file_name in files:
                storage.delete(f"{folder}/{file_name}")
        except Exception:
            log.warning("could not delete the masters under %s", folder, exc_info=True)


def delete_for(out_dir: Path) -> None:
    """Remove the master of one output folder (the job failed or was canceled after the clip was written)."""
    relative = _relative_dir(out_dir)
    if relative is None:
        shutil.rmtree(path_for(out_dir).parent, ignore_errors=True)
    else:
        delete_tree(relative.as_posix())
