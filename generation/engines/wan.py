"""The ``wan`` engine: text-to-video with diffusers' ``WanPipeline`` (Wan 2.1 T2V) on a GPU worker, and
image-to-video with ``WanImageToVideoPipeline`` (Wan 2.1 I2V) for "@me" videos that star the fan's avatar.

Spec keys (all optional but the prompt): ``prompt_en`` (falls back to ``prompt``), ``negative_prompt``,
``seed``, ``steps``, ``guidance``, ``width``, ``height``, ``num_frames`` (rounded to the nearest 4k+1), ``fps``,
``avatar_image`` (a filesystem path to the fan's avatar portrait, set by the contest for "@me").

Modes: with ``avatar_image`` in the spec *and* ``WONDER_WAN_I2V_MODEL`` configured the clip is image-to-video
(``mode: "i2v"``, ``avatar_conditioned: true`` in the metadata); otherwise text-to-video exactly as before
(``mode: "t2v"``, ``avatar_conditioned: false``), the avatar ignored. A configured but missing or broken I2V
model fails the job (``model_missing`` / ``model_load_failed``) rather than quietly dropping the fan's avatar; an
unreadable avatar fails it with ``avatar_unreadable``.

First frame: I2V continues a video from its first frame, so the avatar is not stretched to the clip's size. It is
placed, aspect kept, at 90 % of the frame height, centred and standing on the bottom edge (head-and-shoulders,
as a camera would frame a person) in front of a plain winter backdrop (sky over snow): see
:func:`compose_first_frame`. A transparent avatar is cut out along its alpha; an opaque one fades into the
backdrop at its top and sides. The same frame feeds the I2V model's CLIP image encoder (the identity reference).

Settings: ``WONDER_WAN_MODEL``, ``WONDER_WAN_LORA``, ``WONDER_WAN_I2V_MODEL``, ``WONDER_WAN_I2V_LORA`` and the rest
in :mod:`generation.engines.pipelines`; ``WONDER_WAN_STEPS`` (50) for the full models; ``WONDER_WAN_LORA_STEPS``
(4) and ``WONDER_WAN_LORA_GUIDANCE`` (1.0) replace the step count and guidance defaults when the mode's model has a
distilled LoRA configured. A spec's own ``steps`` or ``guidance`` always wins.
"""

from __future__ import annotations

import dataclasses
import logging
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import torch
from django.conf import settings
from django.utils.translation import gettext
from PIL import Image, ImageDraw, ImageFilter, ImageOps

from generation import media_store
from generation.engines import outputs, pipelines
from generation.engines.base import CancelFn, EngineError, EngineResult, JobCanceled, ProgressFn
from generation.prompting.expand import model_prompt

log = logging.getLogger(__name__)

DEFAULT_WIDTH, DEFAULT_HEIGHT = 832, 480
DEFAULT_FRAMES = 81  # 5 s at 16 fps, what Wan 2.1 was trained on
DEFAULT_FPS = 16
DEFAULT_GUIDANCE = 5.0
DEFAULT_STEPS = 50
DEFAULT_LORA_STEPS = 4
DEFAULT_LORA_GUIDANCE = 1.0

# Bounds that keep one job inside a worker's memory and time budget.
MIN_FRAMES, MAX_FRAMES = 5, 129
MIN_SIDE, MAX_SIDE = 64, 1280
# The VAE downsamples by 8 and the transformer patches 2x2 latents: sides must be multiples of 16.
SIDE_MULTIPLE = 16

# Denoising takes this share of the progress bar; VAE decoding and encoding the files share the rest.
DENOISE_SHARE = 0.9
DECODED_AT = 0.95

# The avatar in the first frame: its height as a share of the frame's, and at most this share of the width.
AVATAR_HEIGHT_SHARE = 0.9
AVATAR_MAX_WIDTH_SHARE = 0.9
# An opaque avatar's top and sides fade into the backdrop over this share of the frame's shorter side.
AVATAR_FEATHER_SHARE = 0.03
# A bigger "avatar" is not a portrait this site made; refuse it before decoding it.
MAX_AVATAR_PIXELS = 40_000_000
# The winter backdrop: sky from the top to the horizon, then snow to the bottom edge (RGB).
SKY_TOP, SKY_HORIZON = (132, 172, 218), (214, 228, 242)
SNOW_HORIZON, SNOW_BOTTOM = (232, 238, 246), (250, 252, 255)
HORIZON_AT = 0.55

DEFAULT_NEGATIVE_PROMPT = (
    "static frame, frozen, jittery motion, flickering, morphing, warped limbs, extra limbs, deformed hands, "
    "deformed face, duplicated people, melting objects, blurry, out of focus, low resolution, compression "
    "artifacts, overexposed, washed-out colors, text, subtitles, watermark, logo, worst quality, low quality"
)


@dataclass(frozen=True)
class WanParams:
    """One job's generation parameters, normalised to what the model accepts."""

    prompt: str
    negative_prompt: str
    seed: int
    steps: int
    guidance: float
    width: int
    height: int
    num_frames: int
    fps: int

    @classmethod
    def from_spec(cls, spec: dict[str, Any], *, lora: bool) -> WanParams:
        """Read a job spec, filling defaults from settings and rounding sizes to valid values."""
        if lora:
            steps_default = getattr(settings, "WONDER_WAN_LORA_STEPS", DEFAULT_LORA_STEPS)
            guidance_default = getattr(settings, "WONDER_WAN_LORA_GUIDANCE", DEFAULT_LORA_GUIDANCE)
        else:
            steps_default = getattr(settings, "WONDER_WAN_STEPS", DEFAULT_STEPS)
            guidance_default = DEFAULT_GUIDANCE
        seed = spec.get("seed")
        return cls(
            # The English prompt, plus the fan's own sentence where umT5 reads its language (prompting.expand).
            prompt=model_prompt(spec),
            negative_prompt=str(spec.get("negative_prompt") or DEFAULT_NEGATIVE_PROMPT),
            seed=int(seed) if seed is not None else secrets.randbelow(2**31),
            steps=max(1, int(spec.get("steps") or steps_default)),
            guidance=float(spec.get("guidance") if spec.get("guidance") is not None else guidance_default),
            width=round_side(spec.get("width") or DEFAULT_WIDTH),
            height=round_side(spec.get("height") or DEFAULT_HEIGHT),
            num_frames=round_frames(spec.get("num_frames") or DEFAULT_FRAMES),
            fps=max(1, int(spec.get("fps") or DEFAULT_FPS)),
        )


def round_frames(count: int | float) -> int:
    """The nearest valid Wan frame count (4k+1: the VAE packs 4 frames per latent after the first)."""
    k = int((float(count) - 1) / 4 + 0.5)
    return min(MAX_FRAMES, max(MIN_FRAMES, 4 * k + 1))


def round_side(pixels: int | float) -> int:
    """The nearest multiple of 16 pixels, within bounds."""
    side = int(float(pixels) / SIDE_MULTIPLE + 0.5) * SIDE_MULTIPLE
    return min(MAX_SIDE, max(MIN_SIDE, side))


def flow_shift(width: int, height: int) -> float:
    """UniPC flow shift for the resolution: 3.0 at 480p, 5.0 from 720p up (Wan 2.1's recommendation)."""
    return 5.0 if min(width, height) >= 720 else 3.0


class WanVideoEngine:
    """Text-to-video (or, for "@me", avatar image-to-video) with Wan 2.1 through diffusers; writes ``video.mp4``,
    ``poster.jpg`` and ``preview.webp``."""

    name = "wan"

    def generate(
        self, spec: dict[str, Any], *, out_dir: Path, progress: ProgressFn, cancelled: CancelFn
    ) -> EngineResult:
        """Generate one clip for ``spec`` into ``out_dir``.

        Raises ``JobCanceled`` (promptly, at the next denoising step) and ``EngineError`` with code
        ``model_missing``, ``model_load_failed``, ``out_of_memory`` or (image-to-video) ``avatar_unreadable``.
        """
        reference = spec.get("avatar_image")
        mode = "i2v" if reference and pipelines.is_configured("wan_i2v") else "t2v"
        if reference and mode == "t2v":
            log.info("avatar given but no image-to-video model (WONDER_WAN_I2V_MODEL): text-to-video")
        key = pipelines.configured_key("wan_i2v" if mode == "i2v" else "wan")
        params = WanParams.from_spec(spec, lora=bool(key.lora))
        if cancelled():
            raise JobCanceled()
        # A broken avatar fails before minutes of model loading.
        avatar = load_avatar(media_store.spec_file(reference)) if mode == "i2v" else None
        if not pipelines.is_loaded(key):
            progress(0.0, gettext("Loading the video model"))
        pipe = pipelines.get_pipeline(key)
        params = fit_to_pipeline(params, pipe)
        shift = use_flow_scheduler(pipe, flow_shift(params.width, params.height))
        extra: dict[str, Any] = {}
        if avatar is not None:
            extra["image"] = compose_first_frame(avatar, params.width, params.height)

        # The uint8 conversion runs on the GPU too, so it is inside the out-of-memory guard.
        frames = pipelines.run_guarded(
            lambda: to_uint8_frames(
                pipe(
                    prompt=params.prompt,
                    negative_prompt=params.negative_prompt,
                    width=params.width,
                    height=params.height,
                    num_frames=params.num_frames,
                    num_inference_steps=params.steps,
                    guidance_scale=params.guidance,
                    generator=torch.Generator("cpu").manual_seed(params.seed),
                    # Tensors stay on the GPU until they are uint8: a quarter of the bytes to copy back.
                    output_type="pt",
                    callback_on_step_end=_step_reporter(params.steps, progress, cancelled),
                    **extra,
                ).frames[0]
            )
        )
        if cancelled():
            raise JobCanceled()

        progress(DECODED_AT, gettext("Encoding the video"))
        metadata = {
            "ai_generated": True,
            "engine": self.name,
            "preview": False,
            "mode": mode,
            "avatar_conditioned": mode == "i2v",
            "model": key.model,
            "lora": key.lora or None,
            "seed": params.seed,
            "steps": params.steps,
            "guidance": params.guidance,
            "flow_shift": shift,
            "fps": params.fps,
            "frames": len(frames),
            "width": params.width,
            "height": params.height,
            "device": key.device,
            "dtype": key.dtype,
        }
        files = outputs.write_clip(
            _frames_until_canceled(frames, cancelled),
            out_dir,
            fps=params.fps,
            width=params.width,
            height=params.height,
            metadata=metadata,
            frame_count=len(frames),
            progress=_encode_reporter(len(frames), progress),
            # The model's frames are the clean master; fans get them with the visible "AI-generated" label.
            label=outputs.ai_labeller(params.width, params.height, gettext("AI-generated")),
        )
        progress(1.0, gettext("Done"))
        return EngineResult(files=files, metadata=metadata)


def fit_to_pipeline(params: WanParams, pipe) -> WanParams:
    """Round the size down to what ``pipe`` patchifies (16 px for Wan 2.1; 32 for Wan 2.2's 5B model).

    The pipeline would do this itself, with a warning, and return frames of a size the encoder did not expect.
    """
    patch = pipe.transformer.config.patch_size if pipe.transformer is not None else (1, 2, 2)
    multiple = int(getattr(pipe, "vae_scale_factor_spatial", 8)) * int(patch[1])
    width = max(multiple, params.width // multiple * multiple)
    height = max(multiple, params.height // multiple * multiple)
    if (width, height) == (params.width, params.height):
        return params
    return dataclasses.replace(params, width=width, height=height)


def load_avatar(path: Any) -> Image.Image:
    """The avatar at ``path`` as RGB, or RGBA when it has transparency; ``EngineError("avatar_unreadable")`` when
    it is missing, not an image, truncated or absurdly large."""
    try:
        with Image.open(str(path)) as opened:
            if opened.width * opened.height > MAX_AVATAR_PIXELS:
                raise ValueError(f"{opened.width}x{opened.height} pixels is too large for an avatar")
            image = ImageOps.exif_transpose(opened)
            transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
            image = image.convert("RGBA" if transparent else "RGB")
            image.load()
    except Exception as exc:
        log.warning("could not read the avatar image %s: %s", path, exc)
        raise EngineError(
            "avatar_unreadable",
            gettext("Your avatar picture could not be read. Make your avatar again, or leave out @me."),
        ) from exc
    return image


def compose_first_frame(avatar: Image.Image, width: int, height: int) -> Image.Image:
    """The clip's first frame: ``avatar`` standing on the bottom edge, centred, in front of a winter backdrop.

    Aspect kept, 90 % of the frame's height (less if that would be wider than 90 % of its width). RGBA avatars
    are cut out along their alpha; opaque ones fade into the backdrop at the top and sides (not the bottom: the
    person continues below the frame). Returns an RGB image of ``width x height``.
    """
    frame = winter_backdrop(width, height)
    scale = min(AVATAR_HEIGHT_SHARE * height / avatar.height, AVATAR_MAX_WIDTH_SHARE * width / avatar.width)
    size = (max(1, round(avatar.width * scale)), max(1, round(avatar.height * scale)))
    portrait = avatar.resize(size, Image.Resampling.LANCZOS)
    if portrait.mode == "RGBA":
        mask = portrait.getchannel("A")
        portrait = portrait.convert("RGB")
    else:
        mask = _feathered_mask(size, max(1, round(AVATAR_FEATHER_SHARE * min(width, height))))
    frame.paste(portrait, ((width - size[0]) // 2, height - size[1]), mask)
    return frame


def winter_backdrop(width: int, height: int) -> Image.Image:
    """A plain, deterministic winter scene: a sky gradient over a snowfield, horizon a little below the middle."""
    y = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None]
    horizon = HORIZON_AT
    sky_t = np.clip(y / horizon, 0, 1)
    snow_t = np.clip((y - horizon) / (1 - horizon), 0, 1)
    sky = (1 - sky_t) * np.array(SKY_TOP, np.float32) + sky_t * np.array(SKY_HORIZON, np.float32)
    snow = (1 - snow_t) * np.array(SNOW_HORIZON, np.float32) + snow_t * np.array(SNOW_BOTTOM, np.float32)
    column = np.where(y < horizon, sky, snow)  # (height, 3)
    pixels = np.broadcast_to(column[:, None, :], (height, width, 3)).round().astype(np.uint8)
    return Image.fromarray(np.ascontiguousarray(pixels), "RGB")


def _feathered_mask(size: tuple[int, int], feather: int) -> Image.Image:
    """Opaque inside, fading to transparent over ``feather`` pixels at the top, left and right edges."""
    width, height = size
    # Drawn taller than needed and cropped, so the bottom edge stays fully opaque.
    mask = Image.new("L", (width, height + 2 * feather), 0)
    ImageDraw.Draw(mask).rectangle((feather, feather, width - 1 - feather, height + 2 * feather), fill=255)
    return mask.filter(ImageFilter.GaussianBlur(feather / 2)).crop((0, 0, width, height))


def use_flow_scheduler(pipe, shift: float) -> float:
    """Make ``pipe`` sample with flow-prediction UniPC at ``shift``, reusing the current scheduler when it fits."""
    from diffusers import UniPCMultistepScheduler

    config = pipe.scheduler.config
    fits = (
        isinstance(pipe.scheduler, UniPCMultistepScheduler)
        and config.get("prediction_type") == "flow_prediction"
        and config.get("use_flow_sigmas")
        and config.get("flow_shift") == shift
    )
    if not fits:
        pipe.scheduler = UniPCMultistepScheduler.from_config(
            config, prediction_type="flow_prediction", use_flow_sigmas=True, flow_shift=shift
        )
    return shift


def to_uint8_frames(video: torch.Tensor) -> np.ndarray:
    """``(frames, 3, H, W)`` floats in [0, 1] -> ``(frames, H, W, 3)`` uint8 RGB on the CPU."""
    return (video * 255).round_().clamp_(0, 255).to(torch.uint8).permute(0, 2, 3, 1).cpu().numpy()


def _step_reporter(steps: int, progress: ProgressFn, cancelled: CancelFn):
    """The ``callback_on_step_end`` that reports each step and cancels by raising (not ``_interrupt``, which
    would still decode and return a video)."""

    def on_step_end(pipe, index: int, timestep, tensors: dict) -> dict:
        if cancelled():
            raise JobCanceled()
        done = min(index + 1, steps)
        progress(DENOISE_SHARE * done / steps, gettext("Denoising %(step)d/%(steps)d") % {"step": done, "steps": steps})
        if done == steps:
            progress(DENOISE_SHARE, gettext("Decoding the video"))
        return {}

    return on_step_end


def _encode_reporter(total: int, progress: ProgressFn):
    """Maps encoded frame counts to the last stretch of the bar, a few updates rather than one per frame."""
    every = max(1, total // 4)

    def on_frames(count: int) -> None:
        if count % every == 0 or count == total:
            progress(DECODED_AT + (1.0 - DECODED_AT) * count / total, gettext("Encoding the video"))

    return on_frames


def _frames_until_canceled(frames: np.ndarray, cancelled: CancelFn, every: int = 16) -> Iterator[np.ndarray]:
    """Yield frames, checking for a cancel every few of them; raising here makes ``write_clip`` clean up."""
    for i, frame in enumerate(frames):
        if i % every == every - 1 and cancelled():
            raise JobCanceled()
        yield frame
