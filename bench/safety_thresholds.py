"""Where the safety classifier's thresholds come from, and what the model costs a process.

Run as ``python bench/safety_thresholds.py``. On the 937 ordinary fan prompts of the understanding sets
(tests/data/prompts_*.jsonl: harmless, never training data) it prints how many the model's block score reaches at
each step of 0.05, then the steps the rules pick (``generation/prompting/safety_model.py``): block at the lowest step
that reaches at most 0.5 % of them, flag at the lowest that reaches at most 3 %. The two thresholds over a prompt
the term lists flag (any flag, and gore over a violence flag) come from the repository's flag tests (run them at
each step), not from here.

Then ``safety_model_rss_mb``: how much a process grows when it loads the fitted model, and
``safety_model_load_s``: how long that load takes (``manage.py build_safety_model`` first, or it is a fit).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.safety import load  # noqa: E402

BLOCK_SHARE, FLAG_SHARE = 0.005, 0.03
STEPS = [round(0.2 + 0.05 * i, 2) for i in range(15)]


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) / 1024 for line in status if line.startswith("VmRSS"))


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wonder.settings")
    import django

    django.setup()
    from generation.prompting import check_prompt, safety_model

    check_prompt("ski jump")  # the term lists load; two words are too short for the model, not loaded yet
    before, started = rss_mb(), time.perf_counter()
    safety_model.score("a skier glides down the slope at dawn")
    load_s, grown = time.perf_counter() - started, rss_mb() - before

    texts = [row["text"] for path in sorted((ROOT / "tests" / "data").glob("prompts_*.jsonl")) for row in load(path)]
    scores = [harm.block if (harm := safety_model.score(text)) else 0.0 for text in texts]
    reached = {step: sum(score >= step for score in scores) for step in STEPS}
    print(f"# {len(texts)} ordinary prompts; model block score at or above each step", file=sys.stderr)
    for step, count in reached.items():
        print(f"ordinary_prompts_at_{step:.2f}: {count} count")
    block = min(step for step, count in reached.items() if count <= BLOCK_SHARE * len(texts))
    flag = min(step for step, count in reached.items() if count <= FLAG_SHARE * len(texts))
    print(f"rule_block_score: {block:.2f} score (in use: {safety_model.BLOCK_SCORE})")
    print(f"rule_flag_score: {flag:.2f} score (in use: {safety_model.FLAG_SCORE})")
    print(f"safety_model_rss_mb: {grown:.0f} MB")
    print(f"safety_model_load_s: {load_s:.2f} s")


if __name__ == "__main__":
    main()
