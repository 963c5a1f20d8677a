"""The ``wan`` engine on a tiny random Wan pipeline: files, frame counts, progress, cancel, errors, caching."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import av
import numpy as np
import pytest
import torch

from generation.engines import pipelines
from generation.engines.base import EngineError, JobCanceled
from generation.engines.wan import WanParams, WanVideoEngine, flow_shift, round_frames, round_side
from tests.generation.recorder import Recorder
from tests.generation.tiny_models import TINY_WAN_SIZE, build_tiny_wan, build_tiny_wan_lora

pytestmark = pytest.mark.ml

SPEC = {"prompt_en": "a ski jumper soars over a snowy valley", "seed": 7, "steps": 2, **TINY_WAN_SIZE}


@pytest.fixture(scope="module")
def wan_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pipelines.clear_cache()
    yield build_tiny_wan(tmp_path_factory.mktemp("wan") / "model")
    pipelines.clear_cache()


@pytest.fixture
def configured(settings, wan_model: Path) -> Path:
    settings.WONDER_WAN_MODEL = str(wan_model)
    settings.WONDER_WAN_LORA = ""
    settings.WONDER_IMAGE_MODEL = ""
    settings.WONDER_DEVICE = "cpu"
    settings.WONDER_MODELS_ALLOW_DOWNLOAD = False
    return wan_model


def generate(out_dir: Path, spec: dict | None = None, recorder: Recorder | None = None):
    recorder = recorder or Recorder()
    return WanVideoEngine().generate(
        spec or SPEC, out_dir=out_dir, progress=recorder.progress, cancelled=recorder.cancelled
    )


def decoded_frames(path: Path) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [frame.to_ndarray(format="rgb24") for frame in container.decode(video=0)]


# --- contract ----------------------------------------------------------------------------------------------


def test_generates_an_mp4_with_the_requested_frames_and_size(configured: Path, tmp_path: Path) -> None:
    result = generate(tmp_path)

    assert set(result.files) == {"video", "poster", "animation"}
    assert all(path.is_file() for path in result.files.values())
    frames = decoded_frames(result.files["video"])
    assert len(frames) == 9
    assert frames[0].shape == (64, 64, 3)


def test_metadata_labels_the_clip_as_ai_generated_with_its_parameters(configured: Path, tmp_path: Path) -> None:
    meta = generate(tmp_path).metadata

    assert meta["ai_generated"] is True
    assert meta["engine"] == "wan" and meta["preview"] is False
    assert meta["model"] == str(configured)
    assert (meta["seed"], meta["steps"], meta["guidance"], meta["lora"]) == (7, 2, 5.0, None)
    assert (meta["fps"], meta["frames"], meta["width"], meta["height"]) == (16, 9, 64, 64)
    assert (meta["device"], meta["dtype"]) == ("cpu", "float32")


def test_frame_count_is_rounded_to_the_nearest_4k_plus_1(configured: Path, tmp_path: Path) -> None:
    result = generate(tmp_path, {**SPEC, "num_frames": 8})

    assert result.metadata["frames"] == 9
    assert len(decoded_frames(result.files["video"])) == 9


@pytest.mark.parametrize(("asked", "valid"), [(81, 81), (80, 81), (83, 85), (7, 9), (3, 5), (1, 5), (1000, 129)])
def test_round_frames_gives_valid_wan_counts(asked: int, valid: int) -> None:
    assert round_frames(asked) == valid


def test_sizes_round_to_multiples_of_16_and_shift_follows_resolution() -> None:
    assert (round_side(832), round_side(480), round_side(850), round_side(10)) == (832, 480, 848, 64)
    assert flow_shift(832, 480) == 3.0
    assert flow_shift(1280, 720) == 5.0


def test_progress_rises_once_per_step_then_encodes_to_done(configured: Path, tmp_path: Path) -> None:
    recorder = Recorder()
    generate(tmp_path, {**SPEC, "steps": 3}, recorder)

    fractions = [f for f, _ in recorder.calls]
    stages = [s for _, s in recorder.calls]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0
    denoising = [(f, s) for f, s in recorder.calls if s.startswith("Denoising")]
    assert [s for _, s in denoising] == ["Denoising 1/3", "Denoising 2/3", "Denoising 3/3"]
    assert [f for f, _ in denoising] == pytest.approx([0.3, 0.6, 0.9])
    assert "Decoding the video" in stages and "Encoding the video" in stages


def test_cancel_mid_run_raises_and_neither_decodes_nor_writes_a_video(
    configured: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipe = pipelines.get_pipeline(pipelines.configured_key("wan"))
    decodes = []
    real_decode = pipe.vae.decode
    monkeypatch.setattr(pipe.vae, "decode", lambda *a, **kw: decodes.append(1) or real_decode(*a, **kw))
    recorder = Recorder(cancel_after=1)

    with pytest.raises(JobCanceled):
        generate(tmp_path, {**SPEC, "steps": 4}, recorder)

    assert [s for _, s in recorder.calls if s.startswith("Denoising")] == ["Denoising 1/4"]
    assert decodes == []
    assert not (tmp_path / "video.mp4").exists()


def test_japanese_and_chinese_prompts_generate(configured: Path, tmp_path: Path) -> None:
    result = generate(tmp_path, {**SPEC, "prompt_en": "", "prompt": "雪山を滑るスキーヤー、滑雪运动员在雪山上"})

    assert len(decoded_frames(result.files["video"])) == 9


def test_same_seed_gives_the_same_frames_and_another_seed_does_not(configured: Path, tmp_path: Path) -> None:
    first = decoded_frames(generate(tmp_path / "a").files["video"])
    again = decoded_frames(generate(tmp_path / "b").files["video"])
    other = decoded_frames(generate(tmp_path / "c", {**SPEC, "seed": 8}).files["video"])

    assert all(np.array_equal(x, y) for x, y in zip(first, again, strict=True))
    assert not all(np.array_equal(x, y) for x, y in zip(first, other, strict=True))


def test_lora_defaults_are_few_steps_without_guidance(settings) -> None:
    settings.WONDER_WAN_LORA_STEPS = 4
    params = WanParams.from_spec({"prompt": "curling"}, lora=True)

    assert (params.steps, params.guidance) == (4, 1.0)
    assert (params.width, params.height, params.num_frames, params.fps) == (832, 480, 81, 16)
    assert WanParams.from_spec({"prompt": "curling", "steps": 8}, lora=True).steps == 8


@pytest.fixture(scope="module")
def wan_lora(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_wan_lora(tmp_path_factory.mktemp("wan-lora") / "lora")


@pytest.mark.parametrize("as_file", [False, True], ids=["folder", "safetensors-file"])
def test_a_configured_lora_is_fused_and_brings_few_step_defaults(
    configured: Path, settings, tmp_path: Path, wan_lora: Path, as_file: bool
) -> None:
    from safetensors.torch import load_file

    lora = wan_lora / "pytorch_lora_weights.safetensors" if as_file else wan_lora
    settings.WONDER_WAN_LORA = str(lora)
    settings.WONDER_WAN_LORA_STEPS = 3
    settings.WONDER_WAN_LORA_GUIDANCE = 1.0
    spec = {k: v for k, v in SPEC.items() if k != "steps"}

    result = generate(tmp_path, spec)

    assert (result.metadata["lora"], result.metadata["steps"], result.metadata["guidance"]) == (str(lora), 3, 1.0)
    assert len(decoded_frames(result.files["video"])) == 9
    pipe = pipelines.get_pipeline(pipelines.configured_key("wan"))
    assert not any("lora" in name for name, _ in pipe.transformer.named_parameters())
    base = load_file(next((configured / "transformer").glob("*.safetensors")))
    fused = pipe.transformer.state_dict()
    assert not torch.equal(fused["blocks.0.attn1.to_q.weight"], base["blocks.0.attn1.to_q.weight"])
    assert torch.equal(fused["blocks.0.ffn.net.2.weight"], base["blocks.0.ffn.net.2.weight"])


def test_an_absent_lora_is_model_missing(configured: Path, settings, tmp_path: Path) -> None:
    settings.WONDER_WAN_LORA = str(tmp_path / "no-such-lora")

    with pytest.raises(EngineError) as error:
        generate(tmp_path / "out")
    assert error.value.code == "model_missing"


# --- errors ------------------------------------------------------------------------------------------------


def test_unconfigured_model_is_model_missing(configured: Path, settings, tmp_path: Path) -> None:
    settings.WONDER_WAN_MODEL = ""

    with pytest.raises(EngineError) as error:
        generate(tmp_path)
    assert error.value.code == "model_missing"
    assert "WONDER_WAN_MODEL" in error.value.message


@pytest.mark.parametrize("model", ["/nonexistent/wan-model", "someone/not-in-the-cache"])
def test_absent_folder_or_uncached_hub_id_is_model_missing(configured: Path, settings, tmp_path: Path, model) -> None:
    settings.WONDER_WAN_MODEL = model

    with pytest.raises(EngineError) as error:
        generate(tmp_path)
    assert error.value.code == "model_missing"
    assert model in error.value.message


@pytest.mark.parametrize("damage", ["corrupt_config", "missing_weights", "corrupt_index"])
def test_damaged_model_folder_is_model_load_failed(configured: Path, settings, tmp_path: Path, damage: str) -> None:
    broken = shutil.copytree(configured, tmp_path / "broken")
    if damage == "corrupt_config":
        (broken / "transformer" / "config.json").write_text("{not json")
    elif damage == "missing_weights":
        for weights in (broken / "transformer").glob("*.safetensors"):
            weights.unlink()
    else:
        (broken / "model_index.json").write_text("[]")
    settings.WONDER_WAN_MODEL = str(broken)

    with pytest.raises(EngineError) as error:
        generate(tmp_path / "out")
    assert error.value.code == "model_load_failed"
    assert not (tmp_path / "out" / "video.mp4").exists()


@pytest.mark.parametrize(
    "oom", [torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2 GiB"), RuntimeError("out of memory")]
)
def test_out_of_memory_is_an_engine_error_and_the_next_job_runs(
    configured: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, oom: Exception
) -> None:
    pipe = pipelines.get_pipeline(pipelines.configured_key("wan"))
    freed = []
    monkeypatch.setattr(pipelines, "free_accelerator_memory", lambda: freed.append(1))

    def fail(*args, **kwargs):
        raise oom

    monkeypatch.setattr(type(pipe), "__call__", fail)
    with pytest.raises(EngineError) as error:
        generate(tmp_path / "oom")
    assert error.value.code == "out_of_memory"
    assert freed == [1]
    assert not (tmp_path / "oom" / "video.mp4").exists()

    monkeypatch.undo()
    assert generate(tmp_path / "next").files["video"].is_file()


def test_lora_without_peft_is_a_clear_load_error(
    configured: Path, settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "peft" else real_find_spec(name, *a)
    )
    settings.WONDER_WAN_LORA = str(tmp_path / "lora.safetensors")

    with pytest.raises(EngineError) as error:
        generate(tmp_path / "out")
    assert error.value.code == "model_load_failed"
    assert "peft" in error.value.message


# --- caching and warm-up -----------------------------------------------------------------------------------


@pytest.fixture
def load_count(monkeypatch: pytest.MonkeyPatch) -> list[pipelines.PipelineKey]:
    pipelines.clear_cache()
    loads: list[pipelines.PipelineKey] = []
    real_load = pipelines.load_pipeline

    def counting(key: pipelines.PipelineKey):
        loads.append(key)
        return real_load(key)

    monkeypatch.setattr(pipelines, "load_pipeline", counting)
    return loads


def test_pipeline_is_loaded_once_per_process(configured: Path, tmp_path: Path, load_count: list) -> None:
    generate(tmp_path / "a")
    generate(tmp_path / "b", {**SPEC, "seed": 9, "num_frames": 5})

    assert len(load_count) == 1
    assert load_count[0].model == str(configured)


def test_warm_up_loads_the_configured_pipeline_so_jobs_do_not(
    configured: Path, tmp_path: Path, load_count: list
) -> None:
    assert pipelines.warm_up() == [f"wan:{configured}"]
    generate(tmp_path)

    assert len(load_count) == 1


def test_warm_up_logs_and_swallows_a_broken_model(settings, load_count: list, caplog) -> None:
    settings.WONDER_WAN_MODEL = "/nonexistent/wan-model"
    settings.WONDER_IMAGE_MODEL = ""
    settings.WONDER_DEVICE = "cpu"

    assert pipelines.warm_up() == []
    assert "could not load the wan pipeline" in caplog.text
