"""Prompt-understanding benchmark: accuracy of ``parse_prompt`` on the labelled set, and parse latency.

Run as ``python bench/prompts.py``. Prints ``name: value unit`` lines (DESIGN.md "Commands") on stdout and the
misses (expected -> got, with the text) on stderr. Scoring rules are those of
tests/generation/test_prompt_eval.py:
``sport`` and ``language`` are always scored (a null sport label means "expect null"); ``emotion`` and
``style`` only on lines whose label is not null.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL_FILE = ROOT / "tests" / "data" / "prompts_eval.jsonl"
FIELDS = ("language", "sport", "emotion", "style")


def load_eval(path: Path = EVAL_FILE) -> list[dict]:
    """The labelled prompts, one JSON object per line."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate(rows: list[dict]) -> tuple[dict[str, float], list[tuple[str, object, object, str]], list[float]]:
    """Per-field accuracy, the misses (field, expected, got, text) and per-prompt parse times in ms."""
    from generation.prompting import parse_prompt

    hits = dict.fromkeys(FIELDS, 0)
    scored = dict.fromkeys(FIELDS, 0)
    misses = []
    times = []
    for row in rows:
        start = time.perf_counter()
        got = parse_prompt(row["text"]).to_dict()
        times.append((time.perf_counter() - start) * 1000)
        for name in FIELDS:
            if name in ("emotion", "style") and row[name] is None:
                continue
            scored[name] += 1
            if got[name] == row[name]:
                hits[name] += 1
            else:
                misses.append((name, row[name], got[name], row["text"]))
    accuracy = {name: hits[name] / scored[name] if scored[name] else 1.0 for name in FIELDS}
    return accuracy, misses, times


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wonder.settings")
    import django

    django.setup()
    from generation.prompting import parse_prompt

    parse_prompt("warm-up: load the language model once")
    accuracy, misses, times = evaluate(load_eval())
    for name in FIELDS:
        print(f"prompt_{name}_accuracy: {accuracy[name]:.3f} ratio")
    print(f"parse_ms_p50: {statistics.median(times):.2f} ms")
    print(f"parse_ms_p95: {statistics.quantiles(times, n=20)[-1]:.2f} ms")
    for name, expected, got, text in misses:
        print(f"miss {name}: expected {expected!r} got {got!r}: {text}", file=sys.stderr)


if __name__ == "__main__":
    main()
