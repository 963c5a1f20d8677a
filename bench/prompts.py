"""Prompt-understanding benchmark: accuracy of ``parse_prompt`` on labelled sets, and parse latency.

Run as ``python bench/prompts.py [--set oos|oos2|insample|both|all]``. Prints ``name: value unit`` lines (DESIGN.md
"Commands") on stdout and the misses (expected -> got, with the text) on stderr.

Two sets, never mixed:
- ``oos`` (tests/data/prompts_oos.jsonl): written by a separate author before the per-language lists were
  extended, never used to write them. Its first figure is the out-of-sample one (bench/RESULTS.md).
- ``oos2`` (tests/data/prompts_oos2.jsonl): a second fresh set, written after the lists were tuned on ``oos``.
- ``insample`` (tests/data/prompts_eval.jsonl): the set the lists were tuned on over time.

Scoring: ``sport`` and ``language`` always (a null sport label means "expect the fan to be asked");
``emotion`` and ``style`` only where labelled; ``prompt_scene_recall`` is the share of labelled setting, light,
weather and beat cues that the parser found AND whose English phrase is in ``prompt_en``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL_FILE = ROOT / "tests" / "data" / "prompts_eval.jsonl"
OOS_FILE = ROOT / "tests" / "data" / "prompts_oos.jsonl"
# A second fresh set, written after the lists were tuned on the first one (tests/data/README.md).
OOS2_FILE = ROOT / "tests" / "data" / "prompts_oos2.jsonl"
FIELDS = ("language", "sport", "emotion", "style")
REPEATS = 5
SCENE_FIELDS = ("setting", "light", "weather")


def load_eval(path: Path = EVAL_FILE) -> list[dict]:
    """The labelled prompts, one JSON object per line."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _scene_cues(row: dict) -> list[tuple[str, str]]:
    cues = [(name, row[name]) for name in SCENE_FIELDS if row.get(name)]
    return cues + [("beat", beat) for beat in row.get("beats") or []]


def scene_reached(got: dict, field: str, key: str) -> bool:
    """Whether a labelled scene cue was understood and its English phrase reached the model prompt."""
    from generation.prompting import vocab

    if field == "beat":
        return key in got["beats"] and vocab.BEATS[key] in got["prompt_en"]
    table = {"setting": vocab.SETTINGS, "light": vocab.LIGHTS, "weather": vocab.WEATHERS}[field]
    return got[field] == key and table[key] in got["prompt_en"]


def evaluate(rows: list[dict]) -> tuple[dict[str, float], list[tuple[str, object, object, str]], list[float]]:
    """Per-field accuracy (plus ``scene`` recall), the misses (field, expected, got, text) and parse times in ms."""
    from generation.prompting import parse_prompt

    hits = dict.fromkeys((*FIELDS, "scene"), 0)
    scored = dict.fromkeys((*FIELDS, "scene"), 0)
    misses = []
    times = []
    for row in rows:
        runs = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            got = parse_prompt(row["text"]).to_dict()
            runs.append((time.perf_counter() - start) * 1000)
        # The median of a few runs per prompt: one scheduler hiccup on a busy machine is not the parser's cost.
        times.append(statistics.median(runs))
        for name in FIELDS:
            if name not in row or (name in ("emotion", "style") and row[name] is None):
                continue
            scored[name] += 1
            if got[name] == row[name]:
                hits[name] += 1
            else:
                misses.append((name, row[name], got[name], row["text"]))
        for field, key in _scene_cues(row):
            scored["scene"] += 1
            if scene_reached(got, field, key):
                hits["scene"] += 1
            else:
                misses.append((field, key, got["beats"] if field == "beat" else got[field], row["text"]))
    accuracy = {name: hits[name] / scored[name] if scored[name] else 1.0 for name in hits}
    return accuracy, misses, times


def _report(label: str, rows: list[dict]) -> list[float]:
    accuracy, misses, times = evaluate(rows)
    languages = len({r["language"] for r in rows})
    print(f"# {label}: {len(rows)} prompts in {languages} languages", file=sys.stderr)
    suffix = "" if label == "oos" else f"_{label}"
    print(f"prompt_sport_accuracy{suffix}: {accuracy['sport']:.3f} ratio")
    print(f"prompt_language_accuracy{suffix}: {accuracy['language']:.3f} ratio")
    if any(_scene_cues(r) for r in rows):
        print(f"prompt_scene_recall{suffix}: {accuracy['scene']:.3f} ratio")
    for name in ("emotion", "style"):
        if any(r.get(name) for r in rows):
            print(f"prompt_{name}_accuracy{suffix}: {accuracy[name]:.3f} ratio")
    for name, expected, got, text in misses:
        print(f"miss [{label}] {name}: expected {expected!r} got {got!r}: {text}", file=sys.stderr)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("oos", "oos2", "insample", "both", "all"), default="all")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wonder.settings")
    import django

    django.setup()
    from generation.prompting import parse_prompt

    parse_prompt("warm-up: load the language model once")
    times: list[float] = []
    if args.set in ("oos", "both", "all"):
        times += _report("oos", load_eval(OOS_FILE))
    if args.set in ("oos2", "all") and OOS2_FILE.exists():
        times += _report("oos2", load_eval(OOS2_FILE))
    if args.set in ("insample", "both", "all"):
        times += _report("insample", load_eval(EVAL_FILE))
    print(f"parse_ms_p50: {statistics.median(times):.2f} ms")
    print(f"parse_ms_p95: {statistics.quantiles(times, n=20)[-1]:.2f} ms")


if __name__ == "__main__":
    main()
