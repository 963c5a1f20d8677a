"""Media on object storage: a real S3-compatible server (moto) on loopback, real boto3 HTTP traffic, the real runner."""

from __future__ import annotations

import json
import runpy
import secrets
import shutil
import socket
import urllib.request
import uuid
from pathlib import Path

import boto3
import pytest
from botocore.config import Config
from django.conf import settings
from django.core.files.storage import storages
from django.test import override_settings
from moto.server import ThreadedMotoServer

from generation import media_store, runner, services
from generation.models import Job

from .factories import JobFactory

pytestmark = pytest.mark.django_db

SETTINGS_FILE = Path(__file__).resolve().parents[2] / "wonder" / "settings.py"
TINY_CLIP = {"prompt": "a luge run at night", "sport": "luge", "width": 64, "height": 64, "fps": 4, "duration_s": 0.5}


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def aws_env(monkeypatch):
    """Credentials the way production gets them: boto3's standard environment variables."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "wonder-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "wonder-test-secret")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")


def settings_with(monkeypatch, **env: str) -> dict:
    """wonder/settings.py evaluated with ``env`` (and no other media variable) set."""
    for name in ("WONDER_MEDIA_BUCKET", "WONDER_MEDIA_ENDPOINT_URL", "WONDER_MEDIA_REGION"):
        monkeypatch.delenv(name, raising=False)
    for name in ("WONDER_MEDIA_CUSTOM_DOMAIN", "WONDER_MEDIA_ORIGIN"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS_FILE))


def public_read_policy(bucket: str) -> dict:
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": "*",
                "Action": "s3:GetObject",
                "Resource": f"arn:aws:s3:::{bucket}/jobs/*",
            }
        ],
    }


@pytest.fixture
def bucket(s3_endpoint, aws_env, monkeypatch, tmp_path):
    """A fresh bucket, and the default storage pointed at it exactly as settings.py configures it."""
    name = f"wonder-{uuid.uuid4().hex[:12]}"
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=name)
    # Fans read outputs anonymously: the bucket policy the README asks for.
    client.put_bucket_policy(Bucket=name, Policy=json.dumps(public_read_policy(name)))
    storage = settings_with(monkeypatch, WONDER_MEDIA_BUCKET=name, WONDER_MEDIA_ENDPOINT_URL=s3_endpoint)["STORAGES"]
    # override_settings fires setting_changed: Django drops its cached storages on the way in and out.
    with override_settings(STORAGES={**settings.STORAGES, "default": storage["default"]}, MEDIA_ROOT=tmp_path / "m"):
        assert not media_store.is_local()
        yield name, client
    assert media_store.is_local(), "leaving override_settings puts the filesystem storage back"


def keys(client, name: str) -> set[str]:
    return {item["Key"] for item in client.list_objects_v2(Bucket=name).get("Contents", [])}


def run_job(**fields) -> Job:
    job = JobFactory(**fields)
    runner.execute(job.pk, attempt=1, worker="test")
    job.refresh_from_db()
    return job


def preview_job() -> Job:
    return run_job(kind="video", engine="preview", spec=TINY_CLIP)


def local_files(job: Job) -> set[str]:
    root = Path(settings.MEDIA_ROOT)
    return {path.relative_to(root).as_posix() for path in root.glob(f"jobs/{job.pk}/**/*") if path.is_file()}


def forget_local_copies() -> None:
    shutil.rmtree(Path(settings.MEDIA_ROOT) / "jobs")


# --- settings ---------------------------------------------------------------------------------------------


def test_settings_keep_the_filesystem_and_no_media_origin_without_a_bucket(monkeypatch):
    values = settings_with(monkeypatch)
    assert values["STORAGES"]["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"] == ["'self'", "data:", "blob:"]


def test_settings_put_media_in_the_bucket_and_allow_its_origin_in_the_csp(monkeypatch):
    values = settings_with(
        monkeypatch,
        WONDER_MEDIA_BUCKET="fan-media",
        WONDER_MEDIA_ENDPOINT_URL="http://minio:9000/",
        WONDER_MEDIA_REGION="eu-south-1",
    )
    default = values["STORAGES"]["default"]
    assert default["BACKEND"] == "storages.backends.s3.S3Storage"
    assert default["OPTIONS"] == {
        "bucket_name": "fan-media",
        "endpoint_url": "http://minio:9000/",
        "region_name": "eu-south-1",
        "custom_domain": None,
        "querystring_auth": False,
        "file_overwrite": False,
        "default_acl": None,
    }
    assert "AWS_ACCESS_KEY_ID" not in values and "AWS_SECRET_ACCESS_KEY" not in values
    directives = values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]
    assert "http://minio:9000" in directives["img-src"] and "http://minio:9000" in directives["media-src"]


@pytest.mark.parametrize(
    "env,origin",
    [
        ({"WONDER_MEDIA_BUCKET": "fan-media"}, "https://fan-media.s3.amazonaws.com"),
        (
            {"WONDER_MEDIA_BUCKET": "b", "WONDER_MEDIA_CUSTOM_DOMAIN": "media.example.org/w"},
            "https://media.example.org",
        ),
        ({"WONDER_MEDIA_BUCKET": "b", "WONDER_MEDIA_ORIGIN": "https://cdn.example.org"}, "https://cdn.example.org"),
    ],
)
def test_csp_media_origin_follows_the_storage_unless_set(monkeypatch, env, origin):
    assert settings_with(monkeypatch, **env)["MEDIA_ORIGIN"] == origin


# --- filesystem default -----------------------------------------------------------------------------------


def test_filesystem_default_keeps_media_url_urls_byte_for_byte(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    name = f"jobs/{uuid.uuid4()}/{secrets.token_urlsafe(9)}-_x/video.mp4"
    assert media_store.is_local()
    assert media_store.url(name) == f"{settings.MEDIA_URL}{name}"


def test_filesystem_default_publishes_nothing_and_runs_jobs_as_before(settings, tmp_path, published):
    settings.MEDIA_ROOT = tmp_path
    job = preview_job()
    assert job.status == "succeeded", job.error
    files = job.result["files"]
    assert job.snapshot()["result"]["files"] == {role: f"/media/{path}" for role, path in files.items()}
    assert all((tmp_path / path).is_file() for path in files.values())
    assert media_store.local_path(files["video"]) == tmp_path / files["video"]


# --- object storage ---------------------------------------------------------------------------------------


def test_runner_uploads_outputs_and_urls_point_at_the_bucket(bucket, s3_endpoint, published):
    name, client = bucket
    job = preview_job()
    assert job.status == "succeeded", job.error
    files = job.result["files"]
    assert keys(client, name) == local_files(job) >= set(files.values())
    snapshot = job.snapshot()
    assert snapshot["preview_url"] == f"{s3_endpoint}/{name}/{files['poster']}"
    for role, path in files.items():
        url = snapshot["result"]["files"][role]
        assert url == f"{s3_endpoint}/{name}/{path}"
        with urllib.request.urlopen(url, timeout=10) as response:  # anonymous, like a fan's browser
            assert response.read() == (Path(settings.MEDIA_ROOT) / path).read_bytes()
            if role == "video":  # what a <video> element needs to play it
                assert response.headers["Content-Type"] == "video/mp4"


def test_local_path_fetches_a_file_only_the_bucket_has(bucket):
    name, client = bucket
    key = f"jobs/{uuid.uuid4()}/abc/poster.jpg"
    client.put_object(Bucket=name, Key=key, Body=b"poster bytes")
    path = media_store.local_path(key)
    assert path == Path(settings.MEDIA_ROOT) / key and path.read_bytes() == b"poster bytes"
    assert not list(path.parent.glob(".*.part")), "no partial file is left behind"
    assert media_store.local_path("jobs/nothing/here.jpg") is None
    assert media_store.local_path("../../etc/passwd") is None


def test_a_reader_on_another_machine_gets_the_poster_from_the_bucket(bucket, published):
    from gallery.thumbnails import poster_thumbnail

    job = preview_job()
    media_root = Path(settings.MEDIA_ROOT)
    forget_local_copies()  # this machine never saw the worker's files
    thumb = poster_thumbnail(job)
    assert thumb is not None and thumb.is_file()
    assert (media_root / job.result["files"]["poster"]).is_file()


def test_delete_tree_removes_the_objects_and_the_local_files(bucket, published):
    name, client = bucket
    job = preview_job()
    other = preview_job()
    assert keys(client, name)
    media_store.delete_tree(f"jobs/{job.pk}")
    assert keys(client, name) == local_files(other)
    assert not (Path(settings.MEDIA_ROOT) / "jobs" / str(job.pk)).exists()
    media_store.delete_tree(f"jobs/{other.pk}")
    assert client.list_objects_v2(Bucket=name).get("Contents") is None


def test_deleting_an_avatar_deletes_its_outputs_from_the_bucket(bucket, s3_endpoint, enqueued, published):
    from avatars import services as avatar_services

    name, client = bucket
    avatar = avatar_services.start_avatar(session_key="visit", base="owl", style="comic", sport="luge")
    runner.execute(avatar.job.pk, attempt=1, worker="test")
    avatar.job.refresh_from_db()
    assert avatar.job.status == "succeeded", avatar.job.error
    assert avatar.url("image") == f"{s3_endpoint}/{name}/{avatar.job.result['files']['image']}"
    assert keys(client, name)
    forget_local_copies()  # a web server that never saw the worker's files
    assert avatar.url("image") == f"{s3_endpoint}/{name}/{avatar.job.result['files']['image']}"
    assert avatar.file("portrait").is_file(), "fetched from the bucket for the @me video"
    avatar_services.delete_avatar(avatar)
    assert client.list_objects_v2(Bucket=name).get("Contents") is None
    assert not (Path(settings.MEDIA_ROOT) / "jobs" / str(avatar.job.pk)).exists()


# --- failures ---------------------------------------------------------------------------------------------


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_unreachable_storage_fails_the_job_clearly_and_publishes_nothing(bucket, published):
    default = {**settings.STORAGES["default"]}
    default["OPTIONS"] = {
        **default["OPTIONS"],
        "endpoint_url": f"http://127.0.0.1:{closed_port()}",
        "client_config": Config(retries={"max_attempts": 1}, connect_timeout=2),
    }
    with override_settings(STORAGES={**settings.STORAGES, "default": default}):
        job = preview_job()
    assert (job.status, job.error_code) == ("failed", "storage_unavailable")
    assert job.error == "Your creation could not be saved to the media storage. Please try again later."
    assert job.result is None and job.snapshot()["result"] is None
    assert not local_files(job), "no half-published result is kept"


def test_a_purge_against_an_unreachable_storage_says_so_and_keeps_the_local_copy(bucket, published):
    job = preview_job()
    default = {**settings.STORAGES["default"]}
    default["OPTIONS"] = {
        **default["OPTIONS"],
        "endpoint_url": f"http://127.0.0.1:{closed_port()}",
        "client_config": Config(retries={"max_attempts": 1}, connect_timeout=2),
    }
    with override_settings(STORAGES={**settings.STORAGES, "default": default}):
        with pytest.raises(media_store.StorageUnavailable):
            media_store.delete_tree(f"jobs/{job.pk}")
    # Nothing counts as deleted while the bucket still holds copies: the local files stay for the next try.
    assert local_files(job)


def test_an_upload_failing_half_way_leaves_nothing_in_the_bucket(bucket, published, monkeypatch):
    name, client = bucket
    storage_class = type(storages["default"])
    real_save = storage_class._save
    calls = []

    def flaky_save(self, file_name, content):
        calls.append(file_name)
        if len(calls) == 2:
            raise OSError("connection reset")
        return real_save(self, file_name, content)

    monkeypatch.setattr(storage_class, "_save", flaky_save)
    job = preview_job()
    assert (job.status, job.error_code) == ("failed", "storage_unavailable")
    assert len(calls) == 2 and keys(client, name) == set()


def test_a_job_canceled_while_uploading_leaves_nothing_in_the_bucket(bucket, published, monkeypatch):
    name, client = bucket
    real_publish = media_store.publish

    def publish_then_cancel(local_dir):
        real_publish(local_dir)
        services.cancel_job(Job.objects.get())

    monkeypatch.setattr(media_store, "publish", publish_then_cancel)
    job = preview_job()
    assert job.status == "canceled" and job.result is None
    assert keys(client, name) == set()
