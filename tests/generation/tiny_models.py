"""Builders of tiny, randomly initialised diffusers pipelines saved to a folder.

No weights exist offline, so tests (and the CPU benchmark) build pipelines with the real classes at toy sizes,
``save_pretrained`` them, and then load them through exactly the code production uses. Random weights produce
noise: assert on the contract (shapes, frame counts, progress, files), never on what the picture shows.

Each builder seeds torch, so the same call writes the same weights. Every model is small enough for one
generation to take about a second on a laptop CPU.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import torch

# Sizes that keep a tiny Wan clip fast: 9 frames (4k+1) of 64x64 pixels is 3x8x8 latents.
TINY_WAN_SIZE = {"width": 64, "height": 64, "num_frames": 9}
TINY_SD_SIZE = {"width": 64, "height": 64}


def build_tiny_wan(path: Path | str, *, seed: int = 0) -> Path:
    """Save a tiny ``WanPipeline`` (same classes as Wan 2.1 T2V, toy sizes) to ``path`` and return it."""
    from diffusers import AutoencoderKLWan, UniPCMultistepScheduler, WanPipeline
    from transformers import ByT5Tokenizer

    torch.manual_seed(seed)
    vae = AutoencoderKLWan(
        base_dim=3,
        z_dim=16,
        dim_mult=[1, 1, 1, 1],
        num_res_blocks=1,
        temperal_downsample=[False, True, True],
    )
    transformer = _tiny_wan_transformer()
    text_encoder = _tiny_umt5()
    # ByT5 needs no vocabulary file and tokenizes any UTF-8 text.
    tokenizer = ByT5Tokenizer()
    scheduler = UniPCMultistepScheduler(prediction_type="flow_prediction", use_flow_sigmas=True, flow_shift=3.0)
    pipe = WanPipeline(
        tokenizer=tokenizer, text_encoder=text_encoder, vae=vae, transformer=transformer, scheduler=scheduler
    )
    path = Path(path)
    pipe.save_pretrained(path)
    return path


def build_tiny_wan_i2v(path: Path | str, *, seed: int = 0) -> Path:
    """Save a tiny ``WanImageToVideoPipeline`` shaped like Wan 2.1 I2V (toy sizes) to ``path`` and return it.

    Wan 2.1 I2V, not the Wan 2.2 variant without an image encoder, because that is the model production runs:
    the same classes (UMT5 text encoder, CLIP vision image encoder + processor, Wan VAE, I2V transformer).

    - The transformer sees ``cat([noisy latents (16), mask (4), first-frame latents (16)])`` per latent frame:
      ``in_channels = 36``, ``out_channels = 16``. The 4 mask channels are the VAE's temporal factor (4 frames
      per latent), so the VAE must downsample time twice (``temperal_downsample=[False, True, True]``).
    - The CLIP image features (``hidden_states[-2]``, ``hidden_size`` wide) go through the transformer's
      ``image_dim`` embedder into its inner width; the extra image key/value projections take that inner width,
      so ``added_kv_proj_dim = num_attention_heads * attention_head_dim`` (24 here; 5120 in the 14B model).
    """
    from diffusers import AutoencoderKLWan, UniPCMultistepScheduler, WanImageToVideoPipeline
    from transformers import ByT5Tokenizer, CLIPVisionConfig, CLIPVisionModel

    torch.manual_seed(seed)
    vae = AutoencoderKLWan(
        base_dim=3,
        z_dim=16,
        dim_mult=[1, 1, 1, 1],
        num_res_blocks=1,
        temperal_downsample=[False, True, True],
    )
    image_width = 32
    transformer = _tiny_wan_transformer(in_channels=36, image_dim=image_width, added_kv_proj_dim=2 * 12)
    text_encoder = _tiny_umt5()
    image_encoder = CLIPVisionModel(
        CLIPVisionConfig(
            hidden_size=image_width,
            intermediate_size=37,
            num_attention_heads=4,
            num_hidden_layers=2,
            image_size=32,
            patch_size=8,
            projection_dim=image_width,
        )
    )
    scheduler = UniPCMultistepScheduler(prediction_type="flow_prediction", use_flow_sigmas=True, flow_shift=3.0)
    pipe = WanImageToVideoPipeline(
        tokenizer=ByT5Tokenizer(),
        text_encoder=text_encoder,
        vae=vae,
        scheduler=scheduler,
        image_processor=_tiny_clip_image_processor(32),
        image_encoder=image_encoder,
        transformer=transformer,
    )
    path = Path(path)
    pipe.save_pretrained(path)
    return path


def _tiny_umt5():
    """UMT5 encoder at toy size: ``d_model`` equals the transformer's ``text_dim``; ``vocab_size`` >= 384 covers
    ByT5's byte ids (any language)."""
    from transformers import UMT5Config, UMT5EncoderModel

    return UMT5EncoderModel(
        UMT5Config(
            d_model=32,
            d_kv=8,
            d_ff=37,
            num_layers=2,
            num_heads=4,
            relative_attention_num_buckets=8,
            vocab_size=384,
        )
    )


def _tiny_clip_image_processor(side: int):
    """CLIP's image preprocessing at ``side`` pixels; the PIL backend when torchvision (the default's) is absent."""
    import importlib.util

    import transformers

    name = "CLIPImageProcessor" if importlib.util.find_spec("torchvision") else "CLIPImageProcessorPil"
    return getattr(transformers, name)(size={"shortest_edge": side}, crop_size={"height": side, "width": side})


def build_tiny_wan_lora(path: Path | str, *, seed: int = 0) -> Path:
    """Save a random LoRA for :func:`build_tiny_wan`'s transformer to ``path`` (needs ``peft``) and return it."""
    from diffusers import WanPipeline
    from peft import LoraConfig
    from peft.utils import get_peft_model_state_dict

    torch.manual_seed(seed)
    transformer = _tiny_wan_transformer()
    # Random (not zero) B matrices, so fusing visibly changes the weights.
    config = LoraConfig(r=4, lora_alpha=4, target_modules=["to_q", "to_k", "to_v", "to_out.0"], init_lora_weights=False)
    transformer.add_adapter(config)
    path = Path(path)
    WanPipeline.save_lora_weights(path, transformer_lora_layers=get_peft_model_state_dict(transformer))
    return path


def _tiny_wan_transformer(in_channels: int = 16, **extra):
    """Wan 2.1's transformer at toy size (ML-NOTES); ``extra`` adds the I2V image-attention config."""
    from diffusers import WanTransformer3DModel

    return WanTransformer3DModel(
        patch_size=(1, 2, 2),
        num_attention_heads=2,
        attention_head_dim=12,
        in_channels=in_channels,
        out_channels=16,
        text_dim=32,
        freq_dim=256,
        ffn_dim=32,
        num_layers=2,
        cross_attn_norm=True,
        qk_norm="rms_norm_across_heads",
        rope_max_seq_len=32,
        **extra,
    )


def build_tiny_sd(path: Path | str, *, seed: int = 0) -> Path:
    """Save a tiny ``StableDiffusionPipeline`` (no safety checker) to ``path`` and return it."""
    from diffusers import AutoencoderKL, DDIMScheduler, StableDiffusionPipeline, UNet2DConditionModel
    from transformers import CLIPTextConfig, CLIPTextModel, CLIPTokenizer

    path = Path(path)
    with tempfile.TemporaryDirectory() as vocab_dir:
        tokenizer = CLIPTokenizer(*_write_clip_vocab(Path(vocab_dir)), model_max_length=77)

    torch.manual_seed(seed)
    unet = UNet2DConditionModel(
        block_out_channels=(32, 64),
        layers_per_block=1,
        sample_size=32,
        in_channels=4,
        out_channels=4,
        down_block_types=("DownBlock2D", "CrossAttnDownBlock2D"),
        up_block_types=("CrossAttnUpBlock2D", "UpBlock2D"),
        cross_attention_dim=32,
        norm_num_groups=32,
    )
    vae = AutoencoderKL(
        block_out_channels=[32, 64],
        in_channels=3,
        out_channels=3,
        down_block_types=["DownEncoderBlock2D", "DownEncoderBlock2D"],
        up_block_types=["UpDecoderBlock2D", "UpDecoderBlock2D"],
        latent_channels=4,
        norm_num_groups=32,
    )
    text_encoder = CLIPTextModel(
        CLIPTextConfig(
            bos_token_id=0,
            eos_token_id=1,
            pad_token_id=1,
            hidden_size=32,
            intermediate_size=37,
            num_attention_heads=4,
            num_hidden_layers=2,
            layer_norm_eps=1e-5,
            vocab_size=len(tokenizer),
            max_position_embeddings=77,
        )
    )
    scheduler = DDIMScheduler(
        beta_start=0.00085,
        beta_end=0.012,
        beta_schedule="scaled_linear",
        clip_sample=False,
        set_alpha_to_one=False,
        steps_offset=1,
    )
    pipe = StableDiffusionPipeline(
        vae=vae,
        text_encoder=text_encoder,
        tokenizer=tokenizer,
        unet=unet,
        scheduler=scheduler,
        safety_checker=None,
        feature_extractor=None,
        requires_safety_checker=False,
    )
    pipe.save_pretrained(path)
    return path


def _write_clip_vocab(folder: Path) -> tuple[str, str]:
    """Write a byte-level BPE ``vocab.json`` + ``merges.txt``: every byte, alone or word-final, and no merges.

    With all 256 byte symbols in the vocabulary any UTF-8 prompt (Japanese, Chinese, ...) tokenizes without
    ``<unk>``; having no merges only makes sequences longer, which is fine for a test model.
    """
    folder.mkdir(parents=True, exist_ok=True)
    symbols = list(_bytes_to_unicode().values())
    tokens = ["<|startoftext|>", "<|endoftext|>", *symbols, *(s + "</w>" for s in symbols)]
    vocab_file, merges_file = folder / "vocab.json", folder / "merges.txt"
    vocab_file.write_text(json.dumps({t: i for i, t in enumerate(tokens)}, ensure_ascii=False), encoding="utf-8")
    merges_file.write_text("#version: 0.2\n", encoding="utf-8")
    return str(vocab_file), str(merges_file)


def _bytes_to_unicode() -> dict[int, str]:
    """GPT-2/CLIP's reversible map of the 256 byte values to printable characters."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1))
    printable += list(range(ord("®"), ord("ÿ") + 1))
    chars = printable[:]
    extra = 0
    for b in range(256):
        if b not in printable:
            printable.append(b)
            chars.append(256 + extra)
            extra += 1
    return dict(zip(printable, (chr(c) for c in chars), strict=True))
