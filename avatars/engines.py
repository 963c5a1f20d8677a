"""The two avatar engines (``WONDER_ENGINES["avatar"]``).

- ``avatar-preview`` (:class:`PreviewAvatarEngine`, default, CPU, no weights): the selfie (or a drawn base) is
  cropped around the face, painted in the chosen style (:mod:`avatars.stylize`) and dressed in a sport poster
  (:mod:`avatars.poster`).
- ``avatar-faceid`` (:class:`FaceIdAvatarEngine`, GPU queue): IP-Adapter FaceID on a Stable Diffusion (1.5 or
  XL) base, conditioned on the insightface ``normed_embedding`` through ``ip_adapter_image_embeds`` and prompted
  from the sport and style; the generated portrait then goes into the same poster. Without an embedding (a
  drawn base, or the offline cascade detector) it falls back to the preview engine, and says so in metadata.

Spec (JSON, nothing biometric in it): ``capture`` (a Capture id) or ``base`` (a drawn base slug), ``style``,
``sport``, ``name``, ``seed``; optional ``steps``, ``guidance`` for FaceID.

Outputs: ``image`` (the poster PNG) and ``webp``, and ``portrait`` (the square stylised portrait, what "@me"
puts on the athlete), all labelled ``ai_generated`` by :func:`generation.engines.outputs.write_image`.
"""

from __future__ import annotations

import logging
import secrets
import threading
from pathlib import Path
from typing import Any

import numpy as np
import torch
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image

from generation.engines import outputs, pipelines
from generation.engines.base import CancelFn, EngineError, EngineResult, JobCanceled, ProgressFn
from generation.engines.diffusion_image import DEFAULT_NEGATIVE_PROMPT

from . import poster, services, stylize
from .bases import BASES, draw_base
from .models import Avatar, Capture

log = logging.getLogger(__name__)

PORTRAIT_DIR = "portrait"

STYLE_PROMPTS = {
    "cartoon": "3d cartoon character portrait, pixar style, vibrant colours, soft studio light",
    "watercolour": "watercolour painting portrait, soft washes, paper texture, delicate brush strokes",
    "comic": "comic book portrait, bold ink outlines, halftone shading, dynamic colours",
    "pop-art": "pop art portrait, andy warhol style, flat bold colours, screen print",
    "sketch": "pencil sketch portrait, fine graphite lines, toned paper",
}
SPORT_PROMPTS = {
    "alpine-skiing": "alpine ski racer with helmet and goggles, snowy mountains",
    "biathlon": "biathlete in race bib and beanie, snowy forest",
    "bobsleigh": "bobsleigh athlete in helmet, ice track",
    "cross-country-skiing": "cross-country skier in race bib, winter trail",
    "curling": "curling athlete holding a broom, curling sheet",
    "figure-skating": "figure skater in a sparkling costume, ice rink lights",
    "freestyle-skiing": "freestyle skier with colourful helmet, snow park",
    "ice-hockey": "ice hockey player in jersey and helmet, arena",
    "luge": "luge athlete in aerodynamic suit and helmet, ice track",
    "nordic-combined": "nordic combined athlete, ski jump in the background",
    "short-track": "short track speed skater with helmet, ice rink",
    "skeleton": "skeleton athlete with aerodynamic helmet, ice track",
    "ski-jumping": "ski jumper in suit and helmet, big hill",
    "ski-mountaineering": "ski mountaineer with helmet and backpack, alpine ridge",
    "snowboard": "snowboarder with beanie and goggles, halfpipe",
    "speed-skating": "speed skater in skinsuit hood, oval track",
}


def sport_label(slug: str) -> str:
    try:
        from generation.prompting.vocab import SPORTS
    except ImportError:  # the vocabulary lives in another team's module; the slug is a fine fallback
        return slug.replace("-", " ").capitalize()
    return str(SPORTS.get(slug, slug.replace("-", " ").capitalize()))


def style_label(slug: str) -> str:
    return str(dict(Avatar.Style.choices).get(slug, slug))


def _seed(spec: dict[str, Any]) -> int:
    return int(spec["seed"]) if spec.get("seed") is not None else secrets.randbelow(2**31)


def usable_capture(spec: dict[str, Any]) -> Capture:
    """The job's capture while it may still be used; past its hard deadline it is as good as deleted."""
    capture = Capture.objects.filter(pk=spec.get("capture")).first()
    if capture is not None and capture.expires_at <= timezone.now():
        raise EngineError("photo_expired", services.photo_expired_message())
    if capture is None or not capture.photo_path.is_file():
        raise EngineError(
            "photo_deleted", _("Your photo has already been deleted, as promised. Please take a new one.")
        )
    return capture


def load_source(spec: dict[str, Any]) -> tuple[Image.Image, Capture | None]:
    """The head-and-shoulders picture to paint: the visitor's selfie, or the drawn base they chose."""
    if spec.get("base"):
        if spec["base"] not in BASES:
            raise EngineError("bad_spec", _("This drawn avatar does not exist."))
        return draw_base(spec["base"]), None
    capture = usable_capture(spec)
    with Image.open(capture.photo_path) as photo:
        portrait = stylize.head_and_shoulders(photo.convert("RGB"), capture.face_box)
    return portrait, capture


def finish(
    painted: Image.Image,
    spec: dict[str, Any],
    *,
    out_dir: Path,
    metadata: dict[str, Any],
    progress: ProgressFn,
    cancelled: CancelFn,
) -> EngineResult:
    """Dress ``painted`` (a square portrait) in the sport poster and write poster and portrait files."""
    if cancelled():
        raise JobCanceled()
    sport = spec.get("sport") or "alpine-skiing"
    progress(0.7, _("Dressing you for %(sport)s") % {"sport": sport_label(sport)})
    image = poster.compose(
        painted,
        sport=sport,
        sport_label=sport_label(sport),
        name=str(spec.get("name") or "")[:24],
        style_label=style_label(spec.get("style") or "cartoon"),
        ai_label=_("AI-generated"),
        face_box=stylize.face_box_in_portrait(),
        seed=int(metadata.get("seed") or 0),
        dress=metadata.get("engine") != FaceIdAvatarEngine.name,
    )
    if cancelled():
        raise JobCanceled()
    progress(0.85, _("Saving your avatar"))
    files = outputs.write_image(image, out_dir, metadata=metadata)
    portrait_files = outputs.write_image(painted, out_dir / PORTRAIT_DIR, metadata=metadata)
    files["portrait"] = portrait_files["image"]
    progress(1.0, _("Done"))
    return EngineResult(files=files, metadata=metadata)


class PreviewAvatarEngine:
    """Selfie (or drawn base) -> stylised portrait -> themed sport poster, on the CPU in well under 2 s."""

    name = "avatar-preview"

    def generate(
        self, spec: dict[str, Any], *, out_dir: Path, progress: ProgressFn, cancelled: CancelFn
    ) -> EngineResult:
        style = spec.get("style") or "cartoon"
        if style not in stylize.STYLES:
            raise EngineError("bad_spec", _("Unknown style."))
        seed = _seed(spec)
        progress(0.05, _("Finding your face"))
        portrait, _capture = load_source(spec)
        if cancelled():
            raise JobCanceled()
        progress(0.3, _("Painting your portrait"))
        painted = stylize.stylize(portrait, style, poster.palette_for(spec.get("sport") or ""), seed)
        metadata = {
            "ai_generated": True,
            "engine": self.name,
            "preview": True,
            "model": "procedural",
            "seed": seed,
            "style": style,
            "sport": spec.get("sport") or "",
            "source": "base" if spec.get("base") else "photo",
        }
        return finish(painted, spec, out_dir=out_dir, metadata=metadata, progress=progress, cancelled=cancelled)


# --- IP-Adapter FaceID -----------------------------------------------------------------------------------


_faceid_cache: dict[tuple, Any] = {}
_faceid_lock = threading.Lock()
DEFAULT_STEPS = 30
DEFAULT_GUIDANCE = 6.0
DEFAULT_IP_SCALE = 0.8
DEFAULT_SIDE = 512


def faceid_key() -> tuple[pipelines.PipelineKey, str]:
    """The pipeline key (base model, device, dtype) and the IP-Adapter file the settings configure."""
    model = getattr(settings, "WONDER_AVATAR_BASE_MODEL", "") or ""
    adapter = getattr(settings, "WONDER_AVATAR_IP_ADAPTER", "") or ""
    if not model or not adapter:
        raise EngineError(
            "model_missing",
            _("No face-ID avatar model is configured on this server (WONDER_AVATAR_BASE_MODEL and %(adapter)s).")
            % {"adapter": "WONDER_AVATAR_IP_ADAPTER"},
        )
    device = pipelines.choose_device()
    dtype = str(pipelines.choose_dtype(device)).removeprefix("torch.")
    return pipelines.PipelineKey(kind="image", model=model, lora="", device=device, dtype=dtype), adapter


def get_faceid_pipeline(key: pipelines.PipelineKey, adapter: str):
    """The base pipeline with the FaceID adapter loaded, once per worker process.

    Kept apart from :mod:`generation.engines.pipelines`' cache on purpose: an IP-Adapter changes the UNet's
    attention, and the plain ``image`` engine must not inherit it.
    """
    cache_key = (key, adapter)
    with _faceid_lock:
        pipe = _faceid_cache.get(cache_key)
        if pipe is None:
            _faceid_cache.clear()
            pipelines.free_accelerator_memory()
            pipe = pipelines.load_pipeline(key)
            _load_adapter(pipe, adapter)
            _faceid_cache[cache_key] = pipe
    return pipe


def clear_faceid_cache() -> None:
    with _faceid_lock:
        _faceid_cache.clear()
    pipelines.free_accelerator_memory()


def _load_adapter(pipe, adapter: str) -> None:
    """``load_ip_adapter`` from a local file (``folder/weights.bin``) or ``owner/repo/weights.bin`` on the hub
    cache; no image encoder: FaceID is fed insightface embeddings, not CLIP image features."""
    allow_download = bool(getattr(settings, "WONDER_MODELS_ALLOW_DOWNLOAD", False))
    path = Path(adapter).expanduser()
    if path.is_file():
        source, weight_name = str(path.parent), path.name
    elif adapter.count("/") >= 2 and not adapter.startswith((".", "/", "~")):
        source, weight_name = adapter.rsplit("/", 1)
    else:
        raise EngineError(
            "model_missing",
            _("The face-ID adapter %(adapter)s is not installed on this server.") % {"adapter": adapter},
        )
    try:
        pipelines.run_guarded(
            lambda: pipe.load_ip_adapter(
                source,
                subfolder="",
                weight_name=weight_name,
                image_encoder_folder=None,
                local_files_only=not allow_download,
            )
        )
    except EngineError:
        raise
    except Exception as exc:
        log.exception("could not load the face-ID adapter %s", adapter)
        raise EngineError(
            "model_load_failed",
            _("The face-ID adapter %(adapter)s could not be loaded.") % {"adapter": adapter},
        ) from exc


def faceid_embeds(embedding: np.ndarray, *, guidance: float, device: str, dtype: torch.dtype) -> list[torch.Tensor]:
    """``ip_adapter_image_embeds`` for one face: ``[neg, pos]`` stacked for classifier-free guidance.

    Shape ``[2, 1, 512]`` (``[1, 1, 512]`` without guidance): batch, images per prompt, ArcFace dimension.
    """
    positive = torch.from_numpy(np.asarray(embedding, np.float32)).reshape(1, 1, -1)
    stacked = torch.cat([torch.zeros_like(positive), positive]) if guidance > 1.0 else positive
    return [stacked.to(device=device, dtype=dtype)]


def faceid_prompt(spec: dict[str, Any]) -> str:
    style = STYLE_PROMPTS.get(spec.get("style") or "cartoon", STYLE_PROMPTS["cartoon"])
    sport = SPORT_PROMPTS.get(spec.get("sport") or "", "winter sports athlete")
    return f"portrait of a {sport}, {style}, head and shoulders, looking at the camera, high quality"


class FaceIdAvatarEngine:
    """Identity-preserving avatars: IP-Adapter FaceID on an SD base, fed the visitor's face embedding."""

    name = "avatar-faceid"

    def generate(
        self, spec: dict[str, Any], *, out_dir: Path, progress: ProgressFn, cancelled: CancelFn
    ) -> EngineResult:
        progress(0.02, _("Finding your face"))
        embedding = self._embedding(spec)
        if embedding is None:
            # A drawn base or a photo analysed without the insightface pack: no identity to preserve.
            result = PreviewAvatarEngine().generate(spec, out_dir=out_dir, progress=progress, cancelled=cancelled)
            result.metadata["fallback"] = "no_face_embedding"
            return result
        key, adapter = faceid_key()
        seed = _seed(spec)
        steps = max(1, int(spec.get("steps") or getattr(settings, "WONDER_AVATAR_STEPS", DEFAULT_STEPS)))
        guidance = float(spec["guidance"]) if spec.get("guidance") is not None else DEFAULT_GUIDANCE
        side = int(spec.get("side") or DEFAULT_SIDE)
        if cancelled():
            raise JobCanceled()
        if (key, adapter) not in _faceid_cache:
            progress(0.03, _("Loading the avatar model"))
        pipe = get_faceid_pipeline(key, adapter)
        pipe.set_ip_adapter_scale(float(spec.get("ip_scale") or DEFAULT_IP_SCALE))
        embeds = faceid_embeds(embedding, guidance=guidance, device=key.device, dtype=key.torch_dtype)

        def on_step_end(pipe, index: int, timestep, tensors: dict) -> dict:
            if cancelled():
                raise JobCanceled()
            total = getattr(pipe, "_num_timesteps", None) or steps
            done = min(index + 1, total)
            progress(0.05 + 0.6 * done / total, _("Painting %(step)d/%(steps)d") % {"step": done, "steps": total})
            return {}

        image = pipelines.run_guarded(
            lambda: pipe(
                prompt=faceid_prompt(spec),
                negative_prompt=DEFAULT_NEGATIVE_PROMPT,
                ip_adapter_image_embeds=embeds,
                num_inference_steps=steps,
                guidance_scale=guidance,
                width=side,
                height=side,
                generator=torch.Generator("cpu").manual_seed(seed),
                callback_on_step_end=on_step_end,
                output_type="pil",
            ).images[0]
        )
        painted = image.convert("RGB").resize((stylize.PORTRAIT_SIDE, stylize.PORTRAIT_SIDE), Image.Resampling.LANCZOS)
        metadata = {
            "ai_generated": True,
            "engine": self.name,
            "preview": False,
            "model": key.model,
            "ip_adapter": adapter,
            "seed": seed,
            "steps": steps,
            "guidance": guidance,
            "style": spec.get("style") or "cartoon",
            "sport": spec.get("sport") or "",
            "device": key.device,
            "dtype": key.dtype,
        }
        return finish(painted, spec, out_dir=out_dir, metadata=metadata, progress=progress, cancelled=cancelled)

    @staticmethod
    def _embedding(spec: dict[str, Any]) -> np.ndarray | None:
        if spec.get("base"):
            return None
        capture = usable_capture(spec)
        path = capture.embedding_path
        if path is None or not path.is_file():
            return None
        return np.load(path)
