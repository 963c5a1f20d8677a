"""The ``image`` engine on a tiny random Stable Diffusion pipeline: files, size, progress, cancel, errors, cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from generation.engines import pipelines
from generation.engines.base import EngineError, JobCanceled
from generation.engines.diffusion_image import DiffusionImageEngine
from tests.generation.recorder import Recorder
from tests.generation.tiny_models import TINY_SD_SIZE, build_tiny_sd

pytestmark = pytest.mark.ml

SPEC = {"prompt_en": "a figure skater mid-spin, neon lights", "seed": 3, "steps": 2, **TINY_SD_SIZE}


@pytest.fixture(scope="module")
def sd_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pipelines.clear_cache()
    yield build_tiny_sd(tmp_path_factory.mktemp("sd") / "model")
    pipelines.clear_cache()


@pytest.fixture
def configured(settings, sd_model: Path) -> Path:
    settings.WONDER_IMAGE_MODEL = str(sd_model)
    settings.WONDER_WAN_MODEL = ""
    settings.WONDER_DEVICE = "cpu"
    settings.WONDER_MODELS_ALLOW_DOWNLOAD = False
    return sd_model


def generate(out_dir: Path, spec: dict | None = None, recorder: Recorder | None = None, **kwargs):
    recorder = recorder or Recorder()
    return DiffusionImageEngine().generate(
        spec or SPEC, out_dir=out_dir, progress=recorder.progress, cancelled=recorder.cancelled, **kwargs
    )


def test_generates_a_png_and_webp_of_the_requested_size(configured: Path, tmp_path: Path) -> None:
    result = generate(tmp_path, {**SPEC, "width": 96, "height": 64})

    assert set(result.files) == {"image", "webp"}
    with Image.open(result.files["image"]) as png:
        assert png.format == "PNG"
        assert png.size == (96, 64)
    with Image.open(result.files["webp"]) as webp:
        assert webp.format == "WEBP"


def test_metadata_labels_the_image_as_ai_generated(configured: Path, tmp_path: Path) -> None:
    meta = generate(tmp_path).metadata

    assert meta["ai_generated"] is True
    assert (meta["engine"], meta["preview"], meta["model"]) == ("image", False, str(configured))
    assert (meta["seed"], meta["steps"], meta["width"], meta["height"]) == (3, 2, 64, 64)
    assert (meta["device"], meta["dtype"]) == ("cpu", "float32")


def test_progress_rises_once_per_step_to_done(configured: Path, tmp_path: Path) -> None:
    recorder = Recorder()
    generate(tmp_path, {**SPEC, "steps": 3}, recorder)

    fractions = [f for f, _ in recorder.calls]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    denoising = [(f, s) for f, s in recorder.calls if s.startswith("Denoising")]
    assert [s for _, s in denoising] == ["Denoising 1/3", "Denoising 2/3", "Denoising 3/3"]
    assert [f for f, _ in denoising] == pytest.approx([0.3, 0.6, 0.9])


def test_cancel_mid_run_raises_and_writes_no_image(configured: Path, tmp_path: Path) -> None:
    recorder = Recorder(cancel_after=1)

    with pytest.raises(JobCanceled):
        generate(tmp_path, {**SPEC, "steps": 4}, recorder)
    assert [s for _, s in recorder.calls if s.startswith("Denoising")] == ["Denoising 1/4"]
    assert not (tmp_path / "image.png").exists()


def test_non_ascii_prompt_and_seed_determinism(configured: Path, tmp_path: Path) -> None:
    spec = {**SPEC, "prompt_en": "", "prompt": "フィギュアスケート 花样滑冰"}
    first = np.asarray(Image.open(generate(tmp_path / "a", spec).files["image"]))
    again = np.asarray(Image.open(generate(tmp_path / "b", spec).files["image"]))
    other = np.asarray(Image.open(generate(tmp_path / "c", {**spec, "seed": 4}).files["image"]))

    assert np.array_equal(first, again)
    assert not np.array_equal(first, other)


def test_ip_adapter_embeds_are_passed_through(
    configured: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipe = pipelines.get_pipeline(pipelines.configured_key("image"))
    seen = {}
    real_call = type(pipe).__call__

    def spy(self, *args, **kwargs):
        seen.update(kwargs)
        kwargs.pop("ip_adapter_image_embeds")  # the tiny pipeline has no IP-Adapter loaded
        return real_call(self, *args, **kwargs)

    monkeypatch.setattr(type(pipe), "__call__", spy)
    embeds = [torch.zeros(2, 1, 1, 512)]
    result = generate(tmp_path, ip_adapter_image_embeds=embeds)

    assert seen["ip_adapter_image_embeds"] is embeds
    assert result.metadata["ip_adapter"] is True


def test_missing_model_is_model_missing(configured: Path, settings, tmp_path: Path) -> None:
    settings.WONDER_IMAGE_MODEL = str(tmp_path / "no-such-model")

    with pytest.raises(EngineError) as error:
        generate(tmp_path)
    assert error.value.code == "model_missing"


def test_corrupt_model_is_model_load_failed(configured: Path, settings, tmp_path: Path) -> None:
    broken = shutil.copytree(configured, tmp_path / "broken")
    (broken / "unet" / "config.json").write_text("{not json")
    settings.WONDER_IMAGE_MODEL = str(broken)

    with pytest.raises(EngineError) as error:
        generate(tmp_path / "out")
    assert error.value.code == "model_load_failed"


def test_out_of_memory_is_an_engine_error(configured: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = pipelines.get_pipeline(pipelines.configured_key("image"))

    def fail(*args, **kwargs):
        raise torch.OutOfMemoryError("CUDA out of memory")

    monkeypatch.setattr(type(pipe), "__call__", fail)
    with pytest.raises(EngineError) as error:
        generate(tmp_path)
    assert error.value.code == "out_of_memory"
    assert not (tmp_path / "image.png").exists()


def test_pipeline_is_cached_and_warmed_up(configured: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pipelines.clear_cache()
    loads = []
    real_load = pipelines.load_pipeline
    monkeypatch.setattr(pipelines, "load_pipeline", lambda key: loads.append(key) or real_load(key))

    assert pipelines.warm_up() == [f"image:{configured}"]
    generate(tmp_path / "a")
    generate(tmp_path / "b")

    assert len(loads) == 1
