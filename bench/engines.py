"""Benchmarks of the generation engines; prints ``name: value unit`` lines (notes go to stderr).

    python bench/engines.py          # CPU: tiny random Wan, engine overhead, preview engine
    python bench/engines.py --gpu    # also the real Wan 2.1 T2V 1.3B architecture, random weights, on CUDA

CPU figures:

- ``wan_tiny_clip_s``: one ``WanVideoEngine.generate`` on the tiny random Wan pipeline (tests' builder),
  9 frames of 64x64, 4 steps, guidance 5.0, from the per-process cache: for context only.
- ``wan_overhead_ratio``: ``WanVideoEngine.generate`` divided by the bare path, medians of interleaved runs. The
  bare path is the same cached pipeline called with the same prompt, negative prompt, size, frames, steps,
  guidance and seed with ``output_type="np"``, then the frames scaled to uint8 and encoded with the same
  ``outputs.write_clip``: so both sides include denoising, VAE decoding and encoding, and the ratio is what the
  engine adds (settings, scheduler check, step callbacks, progress, cancel checks, metadata). Target <= 1.05.
- ``preview_clip_s``: ``PreviewVideoEngine().generate`` for one default (5 s, 832x480) clip, median of 3
  (``--runs``), the spread on stderr; render + H.264 public video + H.264 clean master + poster + WebP.
- ``preview_scene_clip_s``: the same with a full scene: a setting, a light with a moving sky, falling snow and
  three beats (``SCENE_SPEC``), so the speed target holds when the fan describes a scene too.
- ``preview_render_s``: the renderer alone for the default clip (no encoding), to tell the two costs apart.

    python bench/engines.py --preview-only --runs 5     # just the preview figures

GPU figures (``--gpu``, CUDA only): Wan 2.1 T2V 1.3B's real transformer and VAE configurations with random
weights (cost does not depend on the values), bf16 (VAE fp32, as the engine loads it), 832x480, 81 frames,
guidance 5.0 (two transformer passes per step), saved to disk and run through ``WanVideoEngine``, so loading,
dtype choice, callbacks and encoding are the production ones. The 5.7B UMT5-XXL text encoder is replaced by a
one-layer UMT5 of the same output width (4096) and a byte tokenizer: prompt encoding runs once per clip and is a
fraction of a second on a GPU, so it is left out of the figures rather than downloaded.
``--model PATH`` runs the same measurements on a real diffusers Wan folder instead.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wonder.settings")

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402
import torch  # noqa: E402
from django.test import override_settings  # noqa: E402

from generation.engines import outputs, pipelines  # noqa: E402
from generation.engines.wan import DEFAULT_NEGATIVE_PROMPT, WanVideoEngine  # noqa: E402

PROMPT = "a ski jumper soars over a snowy valley at sunset, cinematic tracking shot"
SCENE_SPEC = {
    "setting": "village",
    "light": "northern-lights",
    "weather": "snowfall",
    "beats": ["jump", "fall", "laugh"],
}
TINY_SPEC = {"prompt_en": PROMPT, "seed": 11, "steps": 4, "guidance": 5.0, "width": 64, "height": 64, "num_frames": 9}
RUNS = 7


def noop_progress(fraction: float, stage: str) -> None:
    pass


def never() -> bool:
    return False


def report(name: str, value: float | str, unit: str = "") -> None:
    print(f"{name}: {value} {unit}".rstrip() if isinstance(value, str) else f"{name}: {value:.4g} {unit}".rstrip())
    sys.stdout.flush()


def note(text: str) -> None:
    print(f"# {text}", file=sys.stderr)


# --- CPU -----------------------------------------------------------------------------------------------------


def bench_wan_overhead(work: Path) -> None:
    from tests.generation.tiny_models import build_tiny_wan

    model = build_tiny_wan(work / "tiny-wan")
    with override_settings(WONDER_WAN_MODEL=str(model), WONDER_WAN_LORA="", WONDER_DEVICE="cpu"):
        engine = WanVideoEngine()
        pipe = pipelines.get_pipeline(pipelines.configured_key("wan"))
        spec = TINY_SPEC

        def run_engine(out: Path) -> None:
            engine.generate(spec, out_dir=out, progress=noop_progress, cancelled=never)

        def run_bare(out: Path) -> None:
            video = pipe(
                prompt=spec["prompt_en"],
                negative_prompt=DEFAULT_NEGATIVE_PROMPT,
                width=spec["width"],
                height=spec["height"],
                num_frames=spec["num_frames"],
                num_inference_steps=spec["steps"],
                guidance_scale=spec["guidance"],
                generator=torch.Generator("cpu").manual_seed(spec["seed"]),
                output_type="np",
            ).frames[0]
            frames = (video * 255).round().clip(0, 255).astype(np.uint8)
            outputs.write_clip(
                frames,
                out,
                fps=16,
                width=spec["width"],
                height=spec["height"],
                metadata={"ai_generated": True, "engine": "bare"},
                frame_count=len(frames),
            )

        run_engine(work / "warm-engine")  # loads, sets the scheduler, warms allocator and kernels
        run_bare(work / "warm-bare")
        engine_s, bare_s = [], []
        for i in range(RUNS):
            # Interleaved, alternating who goes first, so drift on a shared machine hits both alike.
            order = [(run_engine, engine_s), (run_bare, bare_s)]
            for fn, times in order if i % 2 == 0 else reversed(order):
                start = time.perf_counter()
                fn(work / f"run-{i}-{len(times)}-{fn.__name__}")
                times.append(time.perf_counter() - start)
    engine_median, bare_median = statistics.median(engine_s), statistics.median(bare_s)
    note(
        f"tiny Wan {spec['num_frames']} frames {spec['width']}x{spec['height']}, {spec['steps']} steps, "
        f"{RUNS} interleaved runs each: engine median {engine_median:.3f} s, bare pipeline + same uint8 + "
        f"write_clip median {bare_median:.3f} s"
    )
    report("wan_tiny_clip_s", engine_median, "s")
    report("wan_overhead_ratio", engine_median / bare_median, "ratio")


def bench_preview(work: Path, runs: int = 3) -> None:
    try:
        from generation.engines.preview import PreviewVideoEngine
        from generation.engines.preview.render import ClipRenderer
        from generation.engines.preview.shot import Shot
    except ImportError as exc:
        note(f"preview engine not importable yet: {exc}")
        report("preview_clip_s", "unavailable")
        return
    base: dict[str, Any] = {"prompt": PROMPT, "prompt_en": PROMPT, "sport": "ski-jumping", "seed": 5}
    for name, spec in (("preview_clip_s", base), ("preview_scene_clip_s", {**base, **SCENE_SPEC})):
        times, cpu = [], []
        try:
            for i in range(runs):
                start, start_cpu = time.perf_counter(), time.process_time()
                result = PreviewVideoEngine().generate(
                    spec, out_dir=work / f"{name}-{i}", progress=noop_progress, cancelled=never
                )
                times.append(time.perf_counter() - start)
                # CPU time of the process (x264's threads included): on a shared machine, the steadier figure.
                cpu.append(time.process_time() - start_cpu)
        except Exception as exc:  # another engineer's engine in progress: report, don't hide the other figures
            note(f"preview engine failed: {type(exc).__name__}: {exc}")
            report(name, "unavailable")
            continue
        meta = result.metadata
        note(
            f"{name}: {meta.get('frames')} frames {meta.get('width')}x{meta.get('height')} at {meta.get('fps')} fps; "
            f"{runs} runs {', '.join(f'{t:.2f}' for t in times)} s (min {min(times):.2f}, max {max(times):.2f}); "
            f"CPU {', '.join(f'{t:.2f}' for t in cpu)} s (median {statistics.median(cpu):.2f})"
        )
        report(name, statistics.median(times), "s")
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        shot = Shot.from_spec(base)
        renderer = ClipRenderer(shot, preview_text="PREVIEW", ai_text="AI-generated", sport_text="Ski jumping")
        renderer.labelled = False
        for _frame in renderer.frames():
            pass
        times.append(time.perf_counter() - start)
    note(f"preview_render_s: {runs} runs {', '.join(f'{t:.2f}' for t in times)} s")
    report("preview_render_s", statistics.median(times), "s")


# --- GPU -----------------------------------------------------------------------------------------------------


def build_random_wan13b(path: Path) -> Path:
    """Save Wan 2.1 T2V 1.3B's architecture with random weights (small stand-in text encoder) to ``path``."""
    from diffusers import AutoencoderKLWan, UniPCMultistepScheduler, WanPipeline, WanTransformer3DModel
    from transformers import ByT5Tokenizer, UMT5Config, UMT5EncoderModel

    torch.manual_seed(0)
    # Initialising 1.3B parameters is minutes on a CPU and seconds on the GPU.
    with torch.device("cuda"):
        transformer = WanTransformer3DModel(
            patch_size=(1, 2, 2),
            num_attention_heads=12,
            attention_head_dim=128,
            in_channels=16,
            out_channels=16,
            text_dim=4096,
            freq_dim=256,
            ffn_dim=8960,
            num_layers=30,
            cross_attn_norm=True,
            qk_norm="rms_norm_across_heads",
            eps=1e-6,
            rope_max_seq_len=1024,
        ).to(torch.bfloat16)
        # AutoencoderKLWan's defaults are the Wan 2.1 VAE (base_dim 96, dim_mult 1,2,4,4, 2 res blocks).
        vae = AutoencoderKLWan()
        # Stand-in for UMT5-XXL: same output width (4096, the transformer's text_dim), one layer, byte vocabulary.
        text_encoder = UMT5EncoderModel(
            UMT5Config(d_model=4096, d_kv=64, d_ff=10240, num_layers=1, num_heads=64, vocab_size=384)
        ).to(torch.bfloat16)
    scheduler = UniPCMultistepScheduler(prediction_type="flow_prediction", use_flow_sigmas=True, flow_shift=3.0)
    pipe = WanPipeline(
        tokenizer=ByT5Tokenizer(), text_encoder=text_encoder, vae=vae, transformer=transformer, scheduler=scheduler
    )
    pipe.save_pretrained(path)
    del pipe, transformer, vae, text_encoder
    torch.cuda.empty_cache()
    return path


class StepClock:
    """Progress callback that timestamps each stage after synchronising the GPU, so times are GPU times."""

    def __init__(self) -> None:
        self.marks: list[tuple[float, str]] = []

    def __call__(self, fraction: float, stage: str) -> None:
        torch.cuda.synchronize()
        self.marks.append((time.perf_counter(), stage))

    def step_times(self) -> list[float]:
        steps = [t for t, stage in self.marks if stage.startswith("Denoising")]
        return [b - a for a, b in zip(steps, steps[1:], strict=False)]


def timed_clip(engine: WanVideoEngine, spec: dict[str, Any], out: Path) -> tuple[float, StepClock]:
    clock = StepClock()
    torch.cuda.synchronize()
    start = time.perf_counter()
    engine.generate(spec, out_dir=out, progress=clock, cancelled=never)
    return time.perf_counter() - start, clock


def bench_gpu(work: Path, model: str | None, steps: int) -> None:
    if not torch.cuda.is_available():
        note("--gpu: CUDA is not available on this machine")
        report("wan13b_s_per_step", "unavailable")
        return
    if model is None:
        start = time.perf_counter()
        model = str(build_random_wan13b(work / "wan13b-random"))
        note(f"built and saved the random 1.3B pipeline in {time.perf_counter() - start:.0f} s")
    spec = {
        "prompt_en": PROMPT,
        "seed": 1,
        "steps": steps,
        "guidance": 5.0,
        "width": 832,
        "height": 480,
        "num_frames": 81,
    }
    with override_settings(WONDER_WAN_MODEL=model, WONDER_WAN_LORA="", WONDER_DEVICE="cuda"):
        pipelines.clear_cache()
        engine = WanVideoEngine()
        start = time.perf_counter()
        pipe = pipelines.get_pipeline(pipelines.configured_key("wan"))
        note(
            f"loaded in {time.perf_counter() - start:.1f} s; transformer {pipe.transformer.dtype}, "
            f"vae {pipe.vae.dtype}, {torch.cuda.get_device_name()}"
        )

        timed_clip(engine, spec, work / "gpu-warm")  # cuDNN autotuning, allocator warm-up
        torch.cuda.reset_peak_memory_stats()
        total, clock = timed_clip(engine, spec, work / "gpu-eager")
        per_step = statistics.median(clock.step_times())
        peak = torch.cuda.max_memory_allocated() / 2**30
        stage_at = {stage: t for t, stage in reversed(clock.marks)}  # first time each stage was reported
        decode_s = stage_at["Encoding the video"] - stage_at["Decoding the video"]
        note(
            f"{steps}-step clip {total:.1f} s, of which VAE decode + copy {decode_s:.1f} s; "
            f"reserved peak {torch.cuda.max_memory_reserved() / 2**30:.1f} GiB"
        )
        report("wan13b_s_per_step", per_step, "s")
        # The measured clip has every fixed cost once (prompt encoding, decode, encode); add the missing steps.
        report("wan13b_clip_s_50_steps", total + (50 - steps) * per_step, "s")
        report("wan13b_peak_gpu_gib", peak, "GiB")

        pipe.transformer.compile()
        start = time.perf_counter()
        timed_clip(engine, spec, work / "gpu-compile")
        note(f"torch.compile warm-up clip {time.perf_counter() - start:.0f} s")
        _, clock = timed_clip(engine, spec, work / "gpu-compiled")
        report("wan13b_s_per_step_compiled", statistics.median(clock.step_times()), "s")
        pipelines.clear_cache()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gpu", action="store_true", help="also benchmark the 1.3B architecture on CUDA")
    parser.add_argument("--model", help="with --gpu: a real diffusers Wan folder instead of random weights")
    parser.add_argument("--steps", type=int, default=5, help="with --gpu: denoising steps actually run")
    parser.add_argument("--preview-only", action="store_true", help="only the preview engine's figures")
    parser.add_argument("--runs", type=int, default=3, help="preview clips per figure (median reported)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wonder-bench-") as tmp:
        work = Path(tmp)
        if not args.preview_only:
            bench_wan_overhead(work)
        bench_preview(work, args.runs)
        if args.gpu and not args.preview_only:
            bench_gpu(work, args.model, args.steps)


if __name__ == "__main__":
    main()
