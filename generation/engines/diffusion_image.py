"""The ``image`` engine: text-to-image with any diffusers pipeline (SD 1.5, SDXL, ...) on a GPU worker.

Spec keys (all optional but the prompt): ``prompt_en`` (falls back to ``prompt``), ``negative_prompt``, ``seed``,
``steps``, ``guidance``, ``width``, ``height`` (rounded to multiples of 8; the pipeline's own size when absent).

Settings: ``WONDER_IMAGE_MODEL`` and the rest in :mod:`generation.engines.pipelines`; ``WONDER_IMAGE_STEPS``
(30) and ``WONDER_IMAGE_GUIDANCE`` (7.0) as defaults.
"""

from __future__ import annotations

import inspect
import secrets
from pathlib import Path
from typing import Any

import torch
from django.conf import settings
from django.utils.translation import gettext

from generation.engines import outputs, pipelines
from generation.engines.base import CancelFn, EngineResult, JobCanceled, ProgressFn

DEFAULT_STEPS = 30
DEFAULT_GUIDANCE = 7.0
MIN_SIDE, MAX_SIDE = 64, 1536
SIDE_MULTIPLE = 8

DENOISE_SHARE = 0.9
DECODED_AT = 0.95

DEFAULT_NEGATIVE_PROMPT = (
    "blurry, out of focus, low resolution, jpeg artifacts, deformed hands, extra fingers, extra limbs, "
    "deformed face, duplicated people, text, watermark, logo, worst quality, low quality"
)


def round_side(pixels: int | float) -> int:
    """The nearest multiple of 8 pixels, within bounds."""
    side = int(float(pixels) / SIDE_MULTIPLE + 0.5) * SIDE_MULTIPLE
    return min(MAX_SIDE, max(MIN_SIDE, side))


class DiffusionImageEngine:
    """Text-to-image with a diffusers pipeline; writes ``image.png`` and ``image.webp``."""

    name = "image"

    def generate(
        self,
        spec: dict[str, Any],
        *,
        out_dir: Path,
        progress: ProgressFn,
        cancelled: CancelFn,
        ip_adapter_image_embeds: list[torch.Tensor] | None = None,
    ) -> EngineResult:
        """Generate one image for ``spec`` into ``out_dir``.

        ``ip_adapter_image_embeds`` is passed through to the pipeline as is, for identity-preserving avatars:
        the caller must have loaded an IP-Adapter into the cached pipeline (e.g. IP-Adapter FaceID with a face
        embedding; ``peft`` is then required). Tensors cannot travel in a JSON spec, hence a parameter.

        Raises ``JobCanceled`` and ``EngineError`` (``model_missing``, ``model_load_failed``, ``out_of_memory``).
        """
        key = pipelines.configured_key("image")
        seed = int(spec["seed"]) if spec.get("seed") is not None else secrets.randbelow(2**31)
        steps = max(1, int(spec.get("steps") or getattr(settings, "WONDER_IMAGE_STEPS", DEFAULT_STEPS)))
        guidance = spec.get("guidance")
        guidance = float(
            guidance if guidance is not None else getattr(settings, "WONDER_IMAGE_GUIDANCE", DEFAULT_GUIDANCE)
        )
        if cancelled():
            raise JobCanceled()
        if not pipelines.is_loaded(key):
            progress(0.0, gettext("Loading the image model"))
        pipe = pipelines.get_pipeline(key)

        call: dict[str, Any] = {
            "prompt": str(spec.get("prompt_en") or spec.get("prompt") or "").strip(),
            "num_inference_steps": steps,
            "guidance_scale": guidance,
            "generator": torch.Generator("cpu").manual_seed(seed),
            "output_type": "pil",
            "callback_on_step_end": _step_reporter(steps, progress, cancelled),
        }
        optional = {
            "negative_prompt": str(spec.get("negative_prompt") or DEFAULT_NEGATIVE_PROMPT),
            "width": round_side(spec["width"]) if spec.get("width") else None,
            "height": round_side(spec["height"]) if spec.get("height") else None,
            "ip_adapter_image_embeds": ip_adapter_image_embeds,
        }
        # Not every text-to-image pipeline takes every argument (some have no negative prompt).
        call.update({k: v for k, v in optional.items() if v is not None and _accepts(pipe, k)})

        image = pipelines.run_guarded(lambda: pipe(**call).images[0])
        if cancelled():
            raise JobCanceled()
        progress(DECODED_AT, gettext("Saving the image"))
        metadata = {
            "ai_generated": True,
            "engine": self.name,
            "preview": False,
            "model": key.model,
            "seed": seed,
            "steps": steps,
            "guidance": guidance,
            "width": image.width,
            "height": image.height,
            "device": key.device,
            "dtype": key.dtype,
            "ip_adapter": ip_adapter_image_embeds is not None,
        }
        files = outputs.write_image(image, out_dir, metadata=metadata)
        progress(1.0, gettext("Done"))
        return EngineResult(files=files, metadata=metadata)


def _accepts(pipe, argument: str) -> bool:
    """Whether ``pipe(...)`` takes ``argument`` (by name, or through ``**kwargs``)."""
    parameters = inspect.signature(type(pipe).__call__).parameters
    return argument in parameters or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters.values())


def _step_reporter(steps: int, progress: ProgressFn, cancelled: CancelFn):
    """The ``callback_on_step_end`` that reports each step and cancels by raising (``_interrupt`` would still
    decode an image)."""

    def on_step_end(pipe, index: int, timestep, tensors: dict) -> dict:
        if cancelled():
            raise JobCanceled()
        # Second-order schedulers (Heun, DPM2) run more timesteps than ``steps``: count what the pipeline counts.
        total = getattr(pipe, "_num_timesteps", None) or steps
        done = min(index + 1, total)
        progress(DENOISE_SHARE * done / total, gettext("Denoising %(step)d/%(steps)d") % {"step": done, "steps": total})
        if done == total:
            progress(DENOISE_SHARE, gettext("Decoding the image"))
        return {}

    return on_step_end
