"""The diffusers engines through the job spine: jobs on the gpu queue, run by the real runner on tiny models."""

from __future__ import annotations

from pathlib import Path

import av
import pytest
from PIL import Image

from generation import runner, services
from generation.engines import pipelines
from generation.models import Job
from tests.generation.tiny_models import TINY_SD_SIZE, TINY_WAN_SIZE, build_tiny_sd, build_tiny_wan

pytestmark = [pytest.mark.ml, pytest.mark.django_db]


@pytest.fixture(scope="module")
def wan_model(tmp_path_factory) -> Path:
    pipelines.clear_cache()
    yield build_tiny_wan(tmp_path_factory.mktemp("wan-job") / "model")
    pipelines.clear_cache()


@pytest.fixture
def wan_settings(settings, wan_model, tmp_path):
    settings.WONDER_ENGINES = {**settings.WONDER_ENGINES, "video": "wan"}
    settings.WONDER_WAN_MODEL = str(wan_model)
    settings.WONDER_WAN_LORA = ""
    settings.WONDER_DEVICE = "cpu"
    settings.WONDER_PROGRESS_INTERVAL_S = 0
    settings.MEDIA_ROOT = tmp_path
    return settings


def video_job(steps: int) -> Job:
    spec = {"prompt_en": "a skier carving through fresh snow", "seed": 3, "steps": steps, **TINY_WAN_SIZE}
    return services.create_job(kind="video", spec=spec, session_key="visitor")


def test_a_wan_job_streams_step_progress_and_ends_with_an_mp4(
    wan_settings, published, enqueued, django_capture_on_commit_callbacks
):
    job = video_job(steps=3)
    assert job.queue == "gpu"
    with django_capture_on_commit_callbacks(execute=True):
        runner.execute(job.pk, attempt=1, worker="gpu-test")
    job.refresh_from_db()
    assert job.status == "succeeded", job.error
    stages = [s["stage"] for s in published if s["id"] == str(job.pk)]
    assert sum(stage.startswith("Denoising") for stage in stages) == 3
    seqs = [s["seq"] for s in published if s["id"] == str(job.pk)]
    assert seqs == sorted(seqs)
    video = Path(wan_settings.MEDIA_ROOT) / job.result["files"]["video"]
    with av.open(str(video)) as container:
        frames = sum(1 for _ in container.decode(video=0))
    assert frames == TINY_WAN_SIZE["num_frames"]
    assert job.result["metadata"]["ai_generated"] is True and job.engine_params["engine"] == "wan"


def test_canceling_a_running_wan_job_stops_it_between_steps(
    wan_settings, published, enqueued, django_capture_on_commit_callbacks, monkeypatch
):
    job = video_job(steps=20)
    original = services.report_progress

    def cancel_on_second_step(job_id, progress, stage):
        result = original(job_id, progress, stage)
        if stage.startswith("Denoising 2/"):
            services.cancel_job(Job.objects.get(pk=job_id))
        return result

    monkeypatch.setattr(services, "report_progress", cancel_on_second_step)
    runner.execute(job.pk, attempt=1, worker="gpu-test")
    job.refresh_from_db()
    assert job.status == "canceled" and job.result is None
    assert not list(Path(wan_settings.MEDIA_ROOT).glob("jobs/*/*/video.mp4"))


@pytest.fixture(scope="module")
def sd_model(tmp_path_factory) -> Path:
    pipelines.clear_cache()
    yield build_tiny_sd(tmp_path_factory.mktemp("sd-job") / "model")
    pipelines.clear_cache()


def test_an_image_job_on_a_tiny_stable_diffusion_pipeline_ends_with_a_labelled_png(
    settings, sd_model, tmp_path, published, enqueued
):
    settings.WONDER_IMAGE_MODEL = str(sd_model)
    settings.WONDER_DEVICE = "cpu"
    settings.WONDER_PROGRESS_INTERVAL_S = 0
    settings.MEDIA_ROOT = tmp_path
    job = services.create_job(
        kind="image", spec={"prompt_en": "a snowboarder poster", "seed": 1, "steps": 2, **TINY_SD_SIZE}
    )
    assert job.queue == "gpu"
    runner.execute(job.pk, attempt=1, worker="gpu-test")
    job.refresh_from_db()
    assert job.status == "succeeded", job.error
    image = Image.open(tmp_path / job.result["files"]["image"])
    assert image.format == "PNG" and image.size == (TINY_SD_SIZE["width"], TINY_SD_SIZE["height"])
    assert image.text.get("ai_generated") == "true"
