"""Loading the diffusers pipelines the GPU engines run: device and dtype choice, one cache per worker process,
warm-up at worker start, and turning load and out-of-memory failures into :class:`EngineError`.

Settings read here (all optional):

- ``WONDER_WAN_MODEL`` / ``WONDER_IMAGE_MODEL``: a local diffusers folder or a hub id; ``""`` = not configured.
- ``WONDER_WAN_LORA``: an optional LoRA (folder, ``.safetensors`` file or hub id) fused into the Wan transformer,
  typically a few-step distilled one. Loading a LoRA needs the ``peft`` package.
- ``WONDER_WAN_I2V_MODEL``: a diffusers ``WanImageToVideoPipeline`` (local folder or cached hub id, e.g. Wan 2.1
  I2V 14B 480P) used for "@me" videos conditioned on the fan's avatar; ``""`` = "@me" videos are plain
  text-to-video. Its text cleaning needs the ``ftfy`` package. ``WONDER_WAN_I2V_LORA``: as ``WONDER_WAN_LORA``,
  for the image-to-video transformer (the T2V LoRA is trained for another transformer).
- ``WONDER_DEVICE``: ``"auto"`` (CUDA when present, else CPU), ``"cuda"``, ``"cuda:1"``, ``"cpu"``...
- ``WONDER_MODELS_ALLOW_DOWNLOAD``: ``False`` (default) forbids any network access while loading: a hub id must
  already be in the local Hugging Face cache.
"""

from __future__ import annotations

import gc
import importlib.util
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import torch
from django.conf import settings
from django.utils.translation import gettext

from generation.engines.base import EngineError

log = logging.getLogger(__name__)

T = TypeVar("T")

# Pipeline kinds -> the diffusers class that loads them. "image" lets diffusers pick the class from
# model_index.json, so SD 1.5, SDXL and friends all work.
PIPELINE_CLASSES = {"wan": "WanPipeline", "wan_i2v": "WanImageToVideoPipeline", "image": "DiffusionPipeline"}

# Components kept in fp32 when the rest runs in half precision: Wan's VAE decodes with visible artefacts in half
# precision, and Wan 2.1 I2V's reference code runs its CLIP image encoder in fp32. Both are small.
FP32_COMPONENTS = {"wan": ("vae",), "wan_i2v": ("vae", "image_encoder")}


@dataclass(frozen=True)
class PipelineKey:
    """Everything that makes two loaded pipelines different; the cache key."""

    kind: str
    model: str
    lora: str
    device: str
    dtype: str

    @property
    def torch_dtype(self) -> torch.dtype:
        return getattr(torch, self.dtype)


_cache: dict[PipelineKey, object] = {}
_lock = threading.Lock()


# --- device and dtype --------------------------------------------------------------------------------------


def choose_device(setting: str | None = None) -> str:
    """The torch device to run on: ``WONDER_DEVICE``, where ``"auto"`` means CUDA when available, else CPU."""
    if setting is None:
        setting = getattr(settings, "WONDER_DEVICE", "auto") or "auto"
    if setting == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    return setting


def choose_dtype(device: str) -> torch.dtype:
    """bf16 on CUDA (fp16 on GPUs without bf16), fp32 elsewhere: CPU half precision is slow and lossy."""
    if device.startswith("cuda"):
        return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    return torch.float32


def configured_key(kind: str) -> PipelineKey:
    """The key of the pipeline the settings configure for ``kind``; ``model_missing`` when none is."""
    if kind == "wan":
        model = getattr(settings, "WONDER_WAN_MODEL", "") or ""
        lora = getattr(settings, "WONDER_WAN_LORA", "") or ""
        missing = gettext("No video model is configured on this server (WONDER_WAN_MODEL).")
    elif kind == "wan_i2v":
        model = getattr(settings, "WONDER_WAN_I2V_MODEL", "") or ""
        lora = getattr(settings, "WONDER_WAN_I2V_LORA", "") or ""
        missing = gettext("No image-to-video model is configured on this server (WONDER_WAN_I2V_MODEL).")
    elif kind == "image":
        model = getattr(settings, "WONDER_IMAGE_MODEL", "") or ""
        lora = ""
        missing = gettext("No image model is configured on this server (WONDER_IMAGE_MODEL).")
    else:
        raise ValueError(f"unknown pipeline kind {kind!r}")
    if not model:
        raise EngineError("model_missing", missing)
    device = choose_device()
    dtype = str(choose_dtype(device)).removeprefix("torch.")
    return PipelineKey(kind=kind, model=str(model), lora=str(lora), device=device, dtype=dtype)


def is_configured(kind: str) -> bool:
    """Whether the settings name a model for ``kind`` (it may still be missing or broken on this machine)."""
    try:
        configured_key(kind)
    except EngineError:
        return False
    return True


# --- the per-process cache ---------------------------------------------------------------------------------


def get_pipeline(key: PipelineKey):
    """The pipeline for ``key``, loaded once per worker process and then reused."""
    pipe = _cache.get(key)
    if pipe is not None:
        return pipe
    with _lock:
        pipe = _cache.get(key)
        if pipe is None:
            # One big model per kind at a time: drop the old one (settings changed) before loading the new one.
            for old in [k for k in _cache if k.kind == key.kind]:
                del _cache[old]
            free_accelerator_memory()
            pipe = load_pipeline(key)
            _cache[key] = pipe
    return pipe


def is_loaded(key: PipelineKey) -> bool:
    """Whether ``key``'s pipeline is already in this process's cache."""
    return key in _cache


def clear_cache() -> None:
    """Forget every loaded pipeline (tests, or to hand the GPU memory back)."""
    with _lock:
        _cache.clear()
    free_accelerator_memory()


def warm_up() -> list[str]:
    """Load every configured pipeline now, so the first job does not pay for it; returns ``"kind:model"`` names.

    Meant for GPU worker start. Never raises: a missing or broken model is logged, and the jobs that need it
    fail with a clear message later.
    """
    loaded = []
    for kind in PIPELINE_CLASSES:
        try:
            key = configured_key(kind)
        except EngineError:
            continue
        try:
            get_pipeline(key)
        except Exception:
            log.exception("warm-up: could not load the %s pipeline %s", kind, key.model)
            continue
        name = f"{kind}:{key.model}" + (f"+{key.lora}" if key.lora else "")
        log.info("warm-up: loaded %s on %s (%s)", name, key.device, key.dtype)
        loaded.append(name)
    return loaded


# --- loading -----------------------------------------------------------------------------------------------


def load_pipeline(key: PipelineKey):
    """Load the pipeline ``key`` names onto its device, with no network access unless downloads are allowed.

    Raises ``EngineError`` with code ``model_missing`` (no such folder, or a hub id not in the local cache),
    ``model_load_failed`` (corrupt or incomplete files, missing ``peft`` for a LoRA, unusable device) or
    ``out_of_memory``.
    """
    import diffusers

    allow_download = bool(getattr(settings, "WONDER_MODELS_ALLOW_DOWNLOAD", False))
    source = _model_source(key.model, allow_download)
    if key.device.startswith("cuda") and not torch.cuda.is_available():
        raise EngineError(
            "model_load_failed",
            gettext("The generation device %(device)s is not available on this worker.") % {"device": key.device},
        )
    if key.kind == "wan_i2v" and importlib.util.find_spec("ftfy") is None:
        # diffusers' WanImageToVideoPipeline cleans every prompt with ftfy and fails mid-job without it.
        raise EngineError(
            "model_load_failed",
            gettext("The image-to-video model needs the 'ftfy' package, which is not installed."),
        )
    pipeline_class = getattr(diffusers, PIPELINE_CLASSES[key.kind])
    dtype: torch.dtype | dict[str, torch.dtype] = key.torch_dtype
    if key.kind in FP32_COMPONENTS and key.torch_dtype != torch.float32:
        dtype = {"default": key.torch_dtype, **dict.fromkeys(FP32_COMPONENTS[key.kind], torch.float32)}

    log.info("loading %s pipeline %s on %s (%s)", key.kind, key.model, key.device, key.dtype)
    try:
        pipe = run_guarded(
            lambda: pipeline_class.from_pretrained(source, dtype=dtype, local_files_only=not allow_download)
        )
        if key.lora:
            _fuse_lora(pipe, key.lora, allow_download)
        pipe = run_guarded(lambda: pipe.to(key.device))
    except EngineError:
        raise
    except Exception as exc:
        log.exception("could not load %s pipeline %s", key.kind, key.model)
        raise EngineError(
            "model_load_failed",
            gettext("The generation model %(model)s could not be loaded: %(error)s")
            % {"model": key.model, "error": _short(exc)},
        ) from exc
    # tqdm bars only clutter worker logs.
    pipe.set_progress_bar_config(disable=True)
    return pipe


def _model_source(model: str, allow_download: bool) -> str:
    """Where ``from_pretrained`` should read ``model`` from; ``model_missing`` if it is not on this machine."""
    path = Path(model).expanduser()
    if path.exists():
        return str(path)
    missing = EngineError(
        "model_missing",
        gettext("The generation model %(model)s is not installed on this server.") % {"model": model},
    )
    # "owner/name" is a hub id; anything else (absolute, relative with dots, deeper paths) is a missing folder.
    looks_like_hub_id = model.count("/") == 1 and not model.startswith((".", "/", "~"))
    if not looks_like_hub_id:
        raise missing
    if not allow_download:
        from huggingface_hub import try_to_load_from_cache

        if not isinstance(try_to_load_from_cache(model, "model_index.json"), str):
            raise missing
    return model


def _fuse_lora(pipe, lora: str, allow_download: bool) -> None:
    """Load ``lora`` and fuse it into the weights: same speed as the bare model at every step afterwards."""
    if importlib.util.find_spec("peft") is None:
        raise EngineError(
            "model_load_failed",
            gettext("The speed-up LoRA %(lora)s needs the 'peft' package, which is not installed.") % {"lora": lora},
        )
    path = Path(lora).expanduser()
    if path.is_file():
        source, extra = str(path.parent), {"weight_name": path.name}
    elif path.exists() or lora.count("/") == 1:
        source, extra = (str(path) if path.exists() else lora), {}
    else:
        raise EngineError(
            "model_missing",
            gettext("The speed-up LoRA %(lora)s is not installed on this server.") % {"lora": lora},
        )
    pipe.load_lora_weights(source, adapter_name="speedup", local_files_only=not allow_download, **extra)
    pipe.fuse_lora(adapter_names=["speedup"], lora_scale=1.0)
    # Fused into the base weights, the adapter's own copies are dead weight.
    pipe.unload_lora_weights()


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]


# --- memory ------------------------------------------------------------------------------------------------


def is_out_of_memory(exc: BaseException) -> bool:
    """True for CUDA (or other accelerator) out-of-memory errors, whatever class the backend raises."""
    return isinstance(exc, torch.OutOfMemoryError) or (
        isinstance(exc, RuntimeError) and "out of memory" in str(exc).lower()
    )


def free_accelerator_memory() -> None:
    """Return cached, unused GPU memory to the driver."""
    gc.collect()
    if torch.cuda.is_available():
        torch.cuda.empty_cache()


def run_guarded(fn: Callable[[], T]) -> T:
    """Call ``fn``; on out-of-memory free the GPU cache and raise ``EngineError("out_of_memory")`` instead.

    The worker stays up and the next job starts from a clean allocator.
    """
    try:
        return fn()
    except Exception as exc:
        if not is_out_of_memory(exc):
            raise
        log.warning("generation ran out of memory: %s", _short(exc))
    # Outside the except block the failed call's frames, and the tensors they hold, are already released.
    free_accelerator_memory()
    raise EngineError(
        "out_of_memory",
        gettext("The generation server ran out of memory. Try a shorter or smaller clip, or try again later."),
    )
