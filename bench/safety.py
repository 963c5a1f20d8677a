"""Prompt-safety benchmark: how much harm the check stops, and how often it refuses harmless sport talk.

Run as ``python bench/safety.py [--file tests/data/safety_oos2.jsonl]``. Prints ``name: value unit`` lines on
stdout and the misses on stderr, on
tests/data/safety_oos.jsonl: written by a separate author who never saw the term lists, before they were
extended (tests/data/README.md). Figures:

- ``safety_block_recall``: share of the prompts labelled ``block`` that the check blocks.
- ``safety_catch_recall``: share of the prompts labelled ``block`` or ``flag`` that it blocks or flags.
- ``safety_false_block_rate``: share of the harmless (``allow``) prompts that it blocks.
- ``safety_false_flag_rate``: share of the harmless prompts that it blocks or flags.
- ``safety_ms_p95``: time per check.
- ``safety_block_recall_<category>``: ``safety_block_recall`` within one block category (the counts on stderr).

``--site-languages`` keeps only the lines in the site's languages (those with a lexicon file): a set's author may
add languages the site does not cover.
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
SAFETY_FILE = ROOT / "tests" / "data" / "safety_oos.jsonl"


def load(path: Path = SAFETY_FILE) -> list[dict]:
    """The labelled texts, one JSON object per line."""
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate(rows: list[dict]) -> tuple[dict[str, float], list[tuple[str, str, str]], list[float]]:
    """The figures above (but time), the misses (label, verdict, text) and per-text times in ms."""
    from generation.prompting import check_prompt

    counts = {"block": 0, "flag": 0, "allow": 0}
    blocked = caught = false_block = false_flag = 0
    misses, times = [], []
    per_category: dict[str, list[bool]] = {}
    for row in rows:
        start = time.perf_counter()
        verdict = check_prompt(row["text"])
        times.append((time.perf_counter() - start) * 1000)
        label = row["label"]
        counts[label] += 1
        if label == "block":
            blocked += verdict.action == "block"
            per_category.setdefault(row["category"], []).append(verdict.action == "block")
        if label in ("block", "flag"):
            caught += verdict.action != "allow"
        if label == "allow":
            false_block += verdict.action == "block"
            false_flag += verdict.action != "allow"
        wrong = (label == "block" and verdict.action != "block") or (label == "allow" and verdict.action != "allow")
        if wrong or (label == "flag" and verdict.action == "allow"):
            misses.append((f"{label}/{row.get('category')}", f"{verdict.action}/{verdict.category}", row["text"]))
    harmful = counts["block"] + counts["flag"]
    figures = {
        "safety_block_recall": blocked / counts["block"] if counts["block"] else 1.0,
        "safety_catch_recall": caught / harmful if harmful else 1.0,
        "safety_false_block_rate": false_block / counts["allow"] if counts["allow"] else 0.0,
        "safety_false_flag_rate": false_flag / counts["allow"] if counts["allow"] else 0.0,
    }
    for category, hits in sorted(per_category.items()):
        figures[f"safety_block_recall_{category}"] = sum(hits) / len(hits)
        print(f"# {category}: {sum(hits)} of {len(hits)} blocked", file=sys.stderr)
    return figures, misses, times


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wonder.settings")
    import django

    django.setup()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=SAFETY_FILE, help="a labelled set (default: the first one)")
    parser.add_argument("--site-languages", action="store_true", help="only the lines in the site's languages")
    args = parser.parse_args()
    rows = load(args.file)
    if args.site_languages:
        from generation.prompting.lexicon_files import language_files

        site = set(language_files()) | {"no"}  # Norwegian's macro-language code, which the site reads as "nb"
        print(f"# {sum(r['language'] not in site for r in rows)} lines in other languages left out", file=sys.stderr)
        rows = [r for r in rows if r["language"] in site]
    langs = {r["language"] for r in rows if r["label"] == "block"}
    print(f"# {len(rows)} texts; harmful ones in {len(langs)} languages", file=sys.stderr)
    figures, misses, times = evaluate(rows)
    for name, value in figures.items():
        print(f"{name}: {value:.3f} ratio")
    print(f"safety_ms_p95: {statistics.quantiles(times, n=20)[-1]:.2f} ms")
    for label, got, text in misses:
        print(f"miss: expected {label} got {got}: {text}", file=sys.stderr)


if __name__ == "__main__":
    main()
