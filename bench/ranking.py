"""Ranking maths benchmark (no Django): the arena's Bradley-Terry fit with bootstrap intervals at contest scale.

Run as ``python bench/ranking.py``. Prints ``name: value unit`` lines (DESIGN.md "Commands"):

- ``ranking_s_10k``: 10,000 entries, 200,000 random comparisons (10% ties) drawn from a known strength vector
  (log-strengths ~ N(0, 1)); :func:`contest.ranking.fit_bradley_terry` plus
  :func:`contest.ranking.bootstrap_intervals` with B = 200 replicates, then the published formula
  (:func:`contest.ranking.combined_results`) over all 10,000 as if every one were a finalist (3 jurors' z-scores
  each, random likes and votes); median of 3 runs.
- ``ranking_spearman_10k``: rank correlation of fitted and true strengths (a sanity figure: ~40 comparisons per
  entry cannot order 10,000 entries perfectly).
- ``ranking_coverage_10k``: share of true (centred) strengths inside their 95% intervals.
- ``wilson_us_per_entry``: :func:`contest.ranking.wilson_lower_bounds` over 1,000,000 entries, per entry.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np
from scipy.stats import spearmanr

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from contest.ranking import (  # noqa: E402
    FinalistInput,
    bootstrap_intervals,
    combined_results,
    fit_bradley_terry,
    wilson_lower_bounds,
)

N_ITEMS, N_COMPARISONS, N_BOOT, RUNS = 10_000, 200_000, 200, 3


def comparisons(seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """True centred strengths, and winners, losers, ties of random pairs played under Bradley-Terry."""
    rng = np.random.default_rng(seed)
    true = rng.normal(size=N_ITEMS)
    a = rng.integers(0, N_ITEMS, N_COMPARISONS)
    b = (a + rng.integers(1, N_ITEMS, N_COMPARISONS)) % N_ITEMS
    a_wins = rng.random(N_COMPARISONS) < 1 / (1 + np.exp(-(true[a] - true[b])))
    ties = rng.random(N_COMPARISONS) < 0.1
    return true - true.mean(), np.where(a_wins, a, b), np.where(a_wins, b, a), ties


def main() -> None:
    true, winners, losers, ties = comparisons()
    rng = np.random.default_rng(2)
    jury = rng.normal(size=(N_ITEMS, 3))
    votes = rng.integers(0, 200, N_ITEMS)
    likes = rng.binomial(votes, 0.6)
    counts = np.bincount(winners, minlength=N_ITEMS) + np.bincount(losers, minlength=N_ITEMS)
    times = []
    for run in range(RUNS):
        start = time.perf_counter()
        strengths = fit_bradley_terry(N_ITEMS, winners, losers, ties)
        low, high = bootstrap_intervals(N_ITEMS, winners, losers, ties, strengths=strengths, n_boot=N_BOOT, rng=run)
        rows = combined_results(
            [
                FinalistInput(i, jury[i], strengths[i], low[i], high[i], int(counts[i]), int(likes[i]), int(votes[i]))
                for i in range(N_ITEMS)
            ],
            jury_weight=0.7,
            arena_weight=0.2,
            public_weight=0.1,
            min_comparisons=10,
        )
        times.append(time.perf_counter() - start)
    assert len(rows) == N_ITEMS
    print(f"ranking_s_10k: {statistics.median(times):.2f} s")
    print(f"ranking_spearman_10k: {spearmanr(strengths, true).statistic:.3f} ratio")
    print(f"ranking_coverage_10k: {np.mean((low <= true) & (true <= high)):.3f} ratio")
    print(f"# B = {N_BOOT}, runs: {', '.join(f'{t:.2f}' for t in times)} s", file=sys.stderr)

    rng = np.random.default_rng(1)
    total = rng.integers(0, 500, 1_000_000)
    positive = rng.binomial(total, 0.6)
    start = time.perf_counter()
    wilson_lower_bounds(positive, total)
    print(f"wilson_us_per_entry: {(time.perf_counter() - start) / len(total) * 1e6:.3f} us")


if __name__ == "__main__":
    main()
