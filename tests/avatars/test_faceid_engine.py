"""IP-Adapter FaceID on a tiny random Stable Diffusion with a tiny FaceID adapter built here: the real loading
(``load_ip_adapter(..., image_encoder_folder=None)``) and the embedding plumbing (``ip_adapter_image_embeds``).

Random weights make noise: these tests pin the contract (files, metadata, progress, the embedding reaching the
UNet's image projection), not the likeness. The tiny adapter has no LoRA part (real FaceID checkpoints do; peft
loads it through the same call).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from django.utils import timezone

from avatars import engines, services
from generation.engines import pipelines
from generation.engines.base import EngineError
from tests.generation.tiny_models import build_tiny_sd

from .tiny_face_models import build_pack

pytestmark = pytest.mark.ml

CROSS = 32  # the tiny UNet's cross_attention_dim
TOKENS = 4


def build_tiny_faceid(unet_folder: Path, path: Path, seed: int = 0) -> Path:
    """A FaceID checkpoint (``image_proj`` + ``ip_adapter``) sized for the tiny UNet, as safetensors."""
    from diffusers import UNet2DConditionModel
    from safetensors.torch import save_file

    torch.manual_seed(seed)
    unet = UNet2DConditionModel.from_pretrained(unet_folder)
    blocks = list(unet.config.block_out_channels)
    weights = {
        "image_proj.proj.0.weight": torch.randn(512, 512) * 0.02,
        "image_proj.proj.0.bias": torch.zeros(512),
        "image_proj.proj.2.weight": torch.randn(CROSS * TOKENS, 512) * 0.02,
        "image_proj.proj.2.bias": torch.zeros(CROSS * TOKENS),
        "image_proj.norm.weight": torch.ones(CROSS),
        "image_proj.norm.bias": torch.zeros(CROSS),
    }
    key_id = 1
    for name in unet.attn_processors:
        if name.endswith("attn1.processor"):
            continue
        if name.startswith("mid_block"):
            hidden = blocks[-1]
        elif name.startswith("up_blocks"):
            hidden = list(reversed(blocks))[int(name[len("up_blocks.")])]
        else:
            hidden = blocks[int(name[len("down_blocks.")])]
        weights[f"ip_adapter.{key_id}.to_k_ip.weight"] = torch.randn(hidden, CROSS) * 0.02
        weights[f"ip_adapter.{key_id}.to_v_ip.weight"] = torch.randn(hidden, CROSS) * 0.02
        key_id += 2
    path.parent.mkdir(parents=True, exist_ok=True)
    save_file({k: v.contiguous() for k, v in weights.items()}, str(path))
    return path


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    root = tmp_path_factory.mktemp("faceid")
    sd = build_tiny_sd(root / "sd")
    adapter = build_tiny_faceid(sd / "unet", root / "adapter" / "ip-adapter-faceid_tiny.safetensors")
    yield sd, adapter
    engines.clear_faceid_cache()


@pytest.fixture
def configured(settings, models, tmp_path):
    sd, adapter = models
    settings.WONDER_AVATAR_BASE_MODEL = str(sd)
    settings.WONDER_AVATAR_IP_ADAPTER = str(adapter)
    settings.WONDER_DEVICE = "cpu"
    settings.WONDER_FACE_PACK = str(build_pack(tmp_path / "pack"))
    return sd, adapter


@pytest.fixture
def capture(db, configured):
    from .conftest import jpeg_bytes
    from .test_insightface_pack import picture

    return services.save_capture(session_key="s", data=jpeg_bytes(picture((10, 10))), consented_at=timezone.now())[0]


def generate(spec, out_dir, calls=None):
    calls = [] if calls is None else calls
    return engines.FaceIdAvatarEngine().generate(
        spec, out_dir=out_dir, progress=lambda f, s: calls.append((f, s)), cancelled=lambda: False
    )


SPEC = {"style": "comic", "sport": "ice-hockey", "name": "Kim", "seed": 5, "steps": 2, "side": 64}


def test_faceid_makes_a_poster_from_the_embedding(capture, tmp_path, monkeypatch) -> None:
    seen = {}
    real = engines.get_faceid_pipeline

    def spy(key, adapter):
        pipe = real(key, adapter)
        projection = pipe.unet.encoder_hid_proj.image_projection_layers[0]

        def record(module, args, output) -> None:  # a hook that returns something would replace the output
            seen.setdefault("input", args[0].detach().clone())

        projection.register_forward_hook(record)
        return pipe

    monkeypatch.setattr(engines, "get_faceid_pipeline", spy)
    calls = []
    result = generate({**SPEC, "capture": str(capture.pk)}, tmp_path, calls)

    assert set(result.files) == {"image", "webp", "portrait"}
    meta = result.metadata
    assert (meta["engine"], meta["preview"], meta["ai_generated"], meta["steps"]) == ("avatar-faceid", False, True, 2)
    # The visitor's ArcFace embedding (negative zeros + positive, for guidance) reached the image projection.
    stored = torch.from_numpy(np.load(capture.embedding_path))
    assert seen["input"].shape[-1] == 512
    assert torch.allclose(seen["input"].reshape(-1, 512)[-1], stored, atol=1e-5)
    assert [s for _, s in calls if s.startswith("Painting")] == ["Painting 1/2", "Painting 2/2"]


def test_embeds_are_negative_then_positive() -> None:
    embedding = np.arange(512, dtype=np.float32) / 512
    [embeds] = engines.faceid_embeds(embedding, guidance=6.0, device="cpu", dtype=torch.float32)
    assert embeds.shape == (2, 1, 512)
    assert torch.count_nonzero(embeds[0]) == 0 and torch.allclose(embeds[1, 0], torch.from_numpy(embedding))
    [single] = engines.faceid_embeds(embedding, guidance=1.0, device="cpu", dtype=torch.float32)
    assert single.shape == (1, 1, 512)


def test_without_an_embedding_it_falls_back_to_the_preview(db, configured, tmp_path) -> None:
    result = generate({**SPEC, "base": "bear"}, tmp_path)
    assert result.metadata["engine"] == "avatar-preview"
    assert result.metadata["fallback"] == "no_face_embedding"


def test_missing_adapter_is_model_missing(capture, settings, tmp_path) -> None:
    settings.WONDER_AVATAR_IP_ADAPTER = str(tmp_path / "nope.bin")
    engines.clear_faceid_cache()
    with pytest.raises(EngineError) as error:
        generate({**SPEC, "capture": str(capture.pk)}, tmp_path)
    assert error.value.code == "model_missing"


def test_unconfigured_model_is_model_missing(capture, settings, tmp_path) -> None:
    settings.WONDER_AVATAR_BASE_MODEL = ""
    with pytest.raises(EngineError) as error:
        generate({**SPEC, "capture": str(capture.pk)}, tmp_path)
    assert error.value.code == "model_missing"
    pipelines.clear_cache()
