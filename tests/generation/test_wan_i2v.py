"""The ``wan`` engine for "@me": image-to-video from the fan's avatar on a tiny random Wan 2.1 I2V pipeline.

Random weights make noise, so these tests check the contract: which mode ran, that the avatar reached the model
(as the composed first frame), frame counts, progress, cancel, errors, caching; never what the clip shows.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import av
import numpy as np
import pytest
import torch
from PIL import Image

from generation import runner, services
from generation.engines import pipelines
from generation.engines.base import EngineError, JobCanceled
from generation.engines.wan import WanVideoEngine, compose_first_frame, winter_backdrop
from generation.models import Job
from tests.generation.recorder import Recorder
from tests.generation.test_wan_engine import decoded_frames
from tests.generation.tiny_models import TINY_WAN_SIZE, build_tiny_wan, build_tiny_wan_i2v, build_tiny_wan_lora

pytestmark = pytest.mark.ml

RED, BLUE = (220, 30, 40), (20, 40, 210)


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    pipelines.clear_cache()
    root = tmp_path_factory.mktemp("wan-i2v")
    yield {"t2v": build_tiny_wan(root / "t2v"), "i2v": build_tiny_wan_i2v(root / "i2v")}
    pipelines.clear_cache()


@pytest.fixture(scope="module")
def avatars(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Portrait-shaped PNGs: plain red, plain blue, and a blue figure on a transparent background."""
    folder = tmp_path_factory.mktemp("avatars")
    paths = {}
    for name, colour in (("red", RED), ("blue", BLUE)):
        paths[name] = folder / f"{name}.png"
        Image.new("RGB", (48, 60), colour).save(paths[name])
    cutout = Image.new("RGBA", (48, 60), (0, 0, 0, 0))
    cutout.paste(Image.new("RGBA", (24, 60), (*BLUE, 255)), (12, 0))
    paths["cutout"] = folder / "cutout.png"
    cutout.save(paths["cutout"])
    return paths


@pytest.fixture
def configured(settings, models: dict[str, Path]) -> dict[str, Path]:
    settings.WONDER_WAN_MODEL = str(models["t2v"])
    settings.WONDER_WAN_LORA = ""
    settings.WONDER_WAN_I2V_MODEL = str(models["i2v"])
    settings.WONDER_WAN_I2V_LORA = ""
    settings.WONDER_IMAGE_MODEL = ""
    settings.WONDER_DEVICE = "cpu"
    settings.WONDER_MODELS_ALLOW_DOWNLOAD = False
    return models


def spec_for(avatar: Path | None, **changes) -> dict:
    spec = {"prompt_en": "@me ski jumping over a snowy valley", "seed": 7, "steps": 2, **TINY_WAN_SIZE, **changes}
    if avatar is not None:
        spec["avatar_image"] = str(avatar)
    return spec


def generate(out_dir: Path, spec: dict, recorder: Recorder | None = None):
    recorder = recorder or Recorder()
    return WanVideoEngine().generate(spec, out_dir=out_dir, progress=recorder.progress, cancelled=recorder.cancelled)


def i2v_pipe():
    return pipelines.get_pipeline(pipelines.configured_key("wan_i2v"))


# --- image-to-video ----------------------------------------------------------------------------------------


def test_an_avatar_with_an_i2v_model_makes_an_avatar_conditioned_clip(configured, avatars, tmp_path: Path) -> None:
    result = generate(tmp_path, spec_for(avatars["red"]))

    assert set(result.files) == {"video", "poster", "animation"}
    frames = decoded_frames(result.files["video"])
    assert len(frames) == 9 and frames[0].shape == (64, 64, 3)
    meta = result.metadata
    assert (meta["mode"], meta["avatar_conditioned"]) == ("i2v", True)
    assert (meta["model"], meta["lora"], meta["frames"], meta["steps"]) == (str(configured["i2v"]), None, 9, 2)
    assert meta["ai_generated"] is True and meta["engine"] == "wan"


def test_the_avatar_is_the_first_frame_and_changes_the_clip(
    configured, avatars, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipe_class = type(i2v_pipe())
    real_call = pipe_class.__call__
    images: list[Image.Image] = []

    def spy(self, *args, **kwargs):
        images.append(kwargs["image"])
        return real_call(self, *args, **kwargs)

    monkeypatch.setattr(pipe_class, "__call__", spy)
    red = decoded_frames(generate(tmp_path / "red", spec_for(avatars["red"])).files["video"])
    again = decoded_frames(generate(tmp_path / "again", spec_for(avatars["red"])).files["video"])
    blue = decoded_frames(generate(tmp_path / "blue", spec_for(avatars["blue"])).files["video"])

    # What reached the pipeline: a 64x64 frame, the avatar in the lower middle, the winter sky in the corner.
    first = np.asarray(images[0])
    assert images[0].size == (64, 64) and images[0].mode == "RGB"
    assert tuple(first[48, 32]) == RED and tuple(np.asarray(images[2])[48, 32]) == BLUE
    assert tuple(first[0, 0]) == tuple(np.asarray(winter_backdrop(64, 64))[0, 0])
    # Same seed and avatar: the same clip; another avatar: another first frame.
    assert all(np.array_equal(x, y) for x, y in zip(red, again, strict=True))
    assert not np.array_equal(red[0], blue[0])


def test_progress_rises_once_per_step_then_encodes_to_done(configured, avatars, tmp_path: Path) -> None:
    recorder = Recorder()
    generate(tmp_path, spec_for(avatars["red"], steps=3), recorder)

    fractions = [f for f, _ in recorder.calls]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    denoising = [(f, s) for f, s in recorder.calls if s.startswith("Denoising")]
    assert [s for _, s in denoising] == ["Denoising 1/3", "Denoising 2/3", "Denoising 3/3"]
    assert [f for f, _ in denoising] == pytest.approx([0.3, 0.6, 0.9])


def test_cancel_mid_run_raises_and_neither_decodes_nor_writes_a_video(
    configured, avatars, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipe = i2v_pipe()
    decodes = []
    real_decode = pipe.vae.decode
    monkeypatch.setattr(pipe.vae, "decode", lambda *a, **kw: decodes.append(1) or real_decode(*a, **kw))
    recorder = Recorder(cancel_after=1)

    with pytest.raises(JobCanceled):
        generate(tmp_path, spec_for(avatars["red"], steps=4), recorder)

    assert [s for _, s in recorder.calls if s.startswith("Denoising")] == ["Denoising 1/4"]
    assert decodes == []
    assert not (tmp_path / "video.mp4").exists()


def test_an_i2v_lora_is_fused_and_brings_few_step_defaults(configured, avatars, settings, tmp_path: Path) -> None:
    # The attention shapes of the tiny T2V and I2V transformers match, so the T2V test LoRA fits both.
    lora = build_tiny_wan_lora(tmp_path / "lora")
    settings.WONDER_WAN_I2V_LORA = str(lora)
    settings.WONDER_WAN_LORA_STEPS = 3

    result = generate(tmp_path / "out", {k: v for k, v in spec_for(avatars["red"]).items() if k != "steps"})

    assert (result.metadata["mode"], result.metadata["lora"]) == ("i2v", str(lora))
    assert (result.metadata["steps"], result.metadata["guidance"]) == (3, 1.0)
    assert not any("lora" in name for name, _ in i2v_pipe().transformer.named_parameters())


# --- text-to-video stays text-to-video ---------------------------------------------------------------------


@pytest.mark.parametrize("case", ["no_i2v_model", "no_avatar"])
def test_without_an_i2v_model_or_an_avatar_the_clip_is_text_to_video(
    configured, avatars, settings, tmp_path: Path, case: str
) -> None:
    if case == "no_i2v_model":
        settings.WONDER_WAN_I2V_MODEL = ""
    result = generate(tmp_path, spec_for(avatars["red"] if case == "no_i2v_model" else None))

    meta = result.metadata
    assert (meta["mode"], meta["avatar_conditioned"], meta["model"]) == ("t2v", False, str(configured["t2v"]))
    assert len(decoded_frames(result.files["video"])) == 9


# --- errors ------------------------------------------------------------------------------------------------


def test_a_missing_i2v_model_folder_is_model_missing(configured, avatars, settings, tmp_path: Path) -> None:
    settings.WONDER_WAN_I2V_MODEL = str(tmp_path / "no-such-i2v-model")

    with pytest.raises(EngineError) as error:
        generate(tmp_path / "out", spec_for(avatars["red"]))
    assert error.value.code == "model_missing"
    assert "no-such-i2v-model" in error.value.message


def test_a_damaged_i2v_model_is_model_load_failed(configured, avatars, settings, tmp_path: Path) -> None:
    broken = shutil.copytree(configured["i2v"], tmp_path / "broken")
    (broken / "image_encoder" / "config.json").write_text("{not json")
    settings.WONDER_WAN_I2V_MODEL = str(broken)

    with pytest.raises(EngineError) as error:
        generate(tmp_path / "out", spec_for(avatars["red"]))
    assert error.value.code == "model_load_failed"
    assert not (tmp_path / "out" / "video.mp4").exists()


@pytest.mark.parametrize("avatar", ["missing", "not_an_image", "truncated", "directory"])
def test_an_unreadable_avatar_is_a_clear_error_before_any_model_loads(
    configured, avatars, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, avatar: str
) -> None:
    path = tmp_path / "avatar.png"
    if avatar == "not_an_image":
        path.write_text("this is not a PNG")
    elif avatar == "truncated":
        path.write_bytes(avatars["red"].read_bytes()[:60])
    elif avatar == "directory":
        path.mkdir()
    monkeypatch.setattr(pipelines, "get_pipeline", lambda key: pytest.fail("loaded a model for a broken avatar"))

    with pytest.raises(EngineError) as error:
        generate(tmp_path / "out", spec_for(path))
    assert error.value.code == "avatar_unreadable"
    assert "avatar" in error.value.message
    assert not (tmp_path / "out" / "video.mp4").exists()


def test_out_of_memory_in_i2v_is_an_engine_error(
    configured, avatars, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*args, **kwargs):
        raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 20 GiB")

    monkeypatch.setattr(type(i2v_pipe()), "__call__", fail)
    with pytest.raises(EngineError) as error:
        generate(tmp_path, spec_for(avatars["red"]))
    assert error.value.code == "out_of_memory"
    assert not (tmp_path / "video.mp4").exists()


def test_i2v_without_ftfy_is_a_clear_load_error(
    configured, avatars, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipelines.clear_cache()
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "ftfy" else real_find_spec(name, *a)
    )

    with pytest.raises(EngineError) as error:
        generate(tmp_path, spec_for(avatars["red"]))
    assert error.value.code == "model_load_failed"
    assert "ftfy" in error.value.message


# --- caching and warm-up -----------------------------------------------------------------------------------


def test_warm_up_loads_both_pipelines_so_neither_mode_loads_again(
    configured, avatars, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pipelines.clear_cache()
    loads: list[str] = []
    real_load = pipelines.load_pipeline
    monkeypatch.setattr(pipelines, "load_pipeline", lambda key: loads.append(key.kind) or real_load(key))

    assert pipelines.warm_up() == [f"wan:{configured['t2v']}", f"wan_i2v:{configured['i2v']}"]
    assert generate(tmp_path / "i2v", spec_for(avatars["red"])).metadata["mode"] == "i2v"
    assert generate(tmp_path / "i2v-again", spec_for(avatars["blue"], seed=8)).metadata["mode"] == "i2v"
    assert generate(tmp_path / "t2v", spec_for(None)).metadata["mode"] == "t2v"

    assert loads == ["wan", "wan_i2v"]


# --- the first frame ---------------------------------------------------------------------------------------


def test_an_opaque_portrait_stands_on_the_bottom_edge_at_90_percent_height(avatars) -> None:
    frame = compose_first_frame(Image.open(avatars["red"]).convert("RGB"), 832, 480)
    pixels = np.asarray(frame)

    assert frame.size == (832, 480) and frame.mode == "RGB"
    backdrop = np.asarray(winter_backdrop(832, 480))
    red_rows = np.flatnonzero((pixels[:, 416] == RED).all(axis=1))
    red_cols = np.flatnonzero((pixels[400] == RED).all(axis=1))
    # 48x60 scaled to 432 px high is 346 px wide: rows 48-479, columns 243-588; the top and sides fade over
    # about twice the 14 px feather, the bottom edge does not.
    assert np.array_equal(pixels[:48], backdrop[:48])
    assert red_rows.max() == 479 and 48 < red_rows.min() <= 48 + 2 * 14 + 4
    assert abs((red_cols.min() + red_cols.max()) / 2 - 415.5) <= 1 and 346 - 2 * (2 * 14 + 4) <= red_cols.size < 346
    assert np.array_equal(pixels[:, :243], backdrop[:, :243])


def test_a_transparent_avatar_is_cut_out_along_its_alpha(avatars) -> None:
    frame = np.asarray(compose_first_frame(Image.open(avatars["cutout"]), 64, 64))
    backdrop = np.asarray(winter_backdrop(64, 64))

    assert tuple(frame[50, 32]) == BLUE
    # Where the avatar is transparent the backdrop shows, inside the avatar's box too.
    assert np.array_equal(frame[50, 8], backdrop[50, 8])


# --- through the job spine ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_at_me_video_job_runs_image_to_video_and_ends_with_an_mp4(
    configured, avatars, settings, tmp_path: Path, published, enqueued, django_capture_on_commit_callbacks
) -> None:
    settings.WONDER_ENGINES = {**settings.WONDER_ENGINES, "video": "wan"}
    settings.WONDER_PROGRESS_INTERVAL_S = 0
    settings.MEDIA_ROOT = tmp_path
    job = services.create_job(kind="video", spec=spec_for(avatars["red"], steps=3), session_key="visitor")
    assert job.queue == "gpu"

    with django_capture_on_commit_callbacks(execute=True):
        runner.execute(job.pk, attempt=1, worker="gpu-test")

    job = Job.objects.get(pk=job.pk)
    assert job.status == "succeeded", job.error
    assert (job.result["metadata"]["mode"], job.result["metadata"]["avatar_conditioned"]) == ("i2v", True)
    stages = [s["stage"] for s in published if s["id"] == str(job.pk)]
    assert sum(stage.startswith("Denoising") for stage in stages) == 3
    with av.open(str(tmp_path / job.result["files"]["video"])) as container:
        assert sum(1 for _ in container.decode(video=0)) == TINY_WAN_SIZE["num_frames"]
