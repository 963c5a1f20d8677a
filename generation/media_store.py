"""Where job outputs live: MEDIA_ROOT always, and the default storage (e.g. an S3 bucket) when it is not MEDIA_ROOT.

Workers write outputs under ``MEDIA_ROOT/jobs/<uuid>/<random>/`` and :func:`publish` copies them to the default
storage under the same names before the job is recorded as succeeded. The local copy stays as a cache. Readers
on any machine ask :func:`local_path`, which fetches a file the machine does not have; fans get :func:`url`.
With the embedded default (a ``FileSystemStorage`` on MEDIA_ROOT) publishing is a no-op and URLs stay
``MEDIA_URL + name``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files import File
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils._os import safe_join

from generation import masters

log = logging.getLogger(__name__)


class StorageUnavailable(Exception):
    """The media storage could not be read or written (unreachable, refused, out of space)."""


def _storage() -> Storage:
    # Looked up on every call: override_settings(STORAGES=...) swaps the instance (Django's setting_changed).
    return storages["default"]


def is_local() -> bool:
    """True when the default storage is MEDIA_ROOT itself, so local files are already the published ones."""
    storage = _storage()
    return isinstance(storage, FileSystemStorage) and storage.location == os.path.abspath(settings.MEDIA_ROOT)


def name_of(path: Path) -> str:
    """The storage name (``jobs/<uuid>/<random>/video.mp4``) of a file or folder under MEDIA_ROOT."""
    return Path(path).resolve().relative_to(Path(settings.MEDIA_ROOT).resolve()).as_posix()


def _local(name: str) -> Path:
    """``name`` under MEDIA_ROOT; SuspiciousFileOperation when it points outside (a name may come from a spec)."""
    return Path(safe_join(settings.MEDIA_ROOT, name))


def publish(local_dir: Path) -> None:
    """Upload every file under ``local_dir`` (a folder under MEDIA_ROOT) to the default storage, same names.

    No-op when the storage is MEDIA_ROOT. All or nothing: on any failure the files already uploaded are deleted
    again (best effort) and :class:`StorageUnavailable` is raised.
    """
    if is_local():
        return
    storage = _storage()
    uploaded: list[str] = []
    try:
        for path in sorted(p for p in Path(local_dir).rglob("*") if p.is_file()):
            name = name_of(path)
            with path.open("rb") as handle:
                saved = storage.save(name, File(handle, name=path.name))
            uploaded.append(saved)
            if saved != name:  # the folder name is random: a clash means someone else's object is there
                raise StorageUnavailable(f"{name} already exists in the media storage (saved as {saved})")
    except Exception as exc:
        for name in uploaded:
            try:
                storage.delete(name)
            except Exception:
                log.warning("could not remove %s after a failed publish", name, exc_info=True)
        if isinstance(exc, StorageUnavailable):
            raise
        raise StorageUnavailable(f"uploading {local_dir} failed: {exc}") from exc
    log.info("published %d file(s) of %s", len(uploaded), local_dir)


def url(name: str) -> str:
    """The public URL of a stored file: ``MEDIA_URL + name`` on the filesystem, the bucket's URL on S3."""
    return _storage().url(name)


def exists(name: str) -> bool:
    """Whether the file is here or in the storage; a storage that cannot be reached counts as "not there"."""
    try:
        if _local(name).is_file():
            return True
        return not is_local() and _storage().exists(name)
    except Exception:
        log.warning("cannot tell whether %s exists", name, exc_info=True)
        return False


def local_path(name: str) -> Path | None:
    """A readable local copy of the stored file ``name``, fetched into MEDIA_ROOT when only the storage has it.

    None when the file is in neither place (or ``name`` points outside MEDIA_ROOT); :class:`StorageUnavailable`
    when the storage cannot be read.
    """
    try:
        path = _local(name)
    except SuspiciousFileOperation:  # outside MEDIA_ROOT
        return None
    if path.is_file() or path.is_dir() or is_local():
        return path if path.is_file() else None
    path.parent.mkdir(parents=True, exist_ok=True)
    # A temporary name in the same folder, renamed at the end: readers never see half a file.
    fd, partial = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out, _storage().open(name, "rb") as source:
            shutil.copyfileobj(source, out, 1024 * 1024)
        os.replace(partial, path)
    except FileNotFoundError:
        return None
    except Exception as exc:
        raise StorageUnavailable(f"fetching {name} failed: {exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(partial)
    return path


def spec_file(reference: str | None) -> Path | None:
    """The local file a job spec refers to (e.g. the "@me" avatar): a storage name, fetched when this worker lacks
    it, or an absolute path from a job queued before specs held names. None when it is nowhere."""
    if not reference:
        return None
    if os.path.isabs(reference):
        return Path(reference) if Path(reference).is_file() else None
    return local_path(reference)


def move_file(name: str, new_name: str) -> None:
    """Move one stored file to a new name, locally and in the storage: its old URL stops answering at once.

    A file that is in neither place is skipped (its URL is dead already). Raises :class:`StorageUnavailable` when
    the storage cannot be reached.
    """
    old_local, new_local = _local(name), _local(new_name)
    if old_local.is_file():
        new_local.parent.mkdir(parents=True, exist_ok=True)
        os.replace(old_local, new_local)  # a rename: nginx, serving the same disk, gets a 404 from now on
        with contextlib.suppress(OSError):
            old_local.parent.rmdir()  # only once empty
    if is_local():
        return
    storage = _storage()
    try:
        if not storage.exists(name):
            return
        if not new_local.is_file():
            with storage.open(name, "rb") as source:
                storage.save(new_name, File(source, name=new_local.name))
        else:
            with new_local.open("rb") as handle:
                storage.save(new_name, File(handle, name=new_local.name))
        storage.delete(name)
    except Exception as exc:
        raise StorageUnavailable(f"moving {name} failed: {exc}") from exc


def delete_tree(prefix: str) -> None:
    """Delete everything under ``prefix`` (``jobs/<uuid>``): the local files and the stored objects.

    Raises :class:`StorageUnavailable` when the storage cannot be reached, so a purge never counts as done while
    copies remain.
    """
    if not is_local():
        storage = _storage()
        folders = [prefix.strip("/")]
        while folders:
            folder = folders.pop()
            try:
                subfolders, files = storage.listdir(folder)
                folders.extend(f"{folder}/{sub}" for sub in subfolders)
                for file_name in files:
                    storage.delete(f"{folder}/{file_name}")
            except FileNotFoundError:  # a FileSystemStorage elsewhere than MEDIA_ROOT, folder already gone
                continue
            except Exception as exc:
                raise StorageUnavailable(f"deleting {folder} failed: {exc}") from exc
    shutil.rmtree(_local(prefix), ignore_errors=True)
    # The job's clean masters (never public) go with it.
    masters.delete_tree(prefix)
