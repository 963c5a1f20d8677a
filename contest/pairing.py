"""Arena pairing: which two entries of one sport a fan judges next.

Two phases (the "coverage, then refinement" scheme of active ranking, e.g. Jamieson & Nowak 2011; Chatbot Arena):

1. coverage: while some entry has fewer than ``min_comparisons`` judgements, the least-judged entry is shown,
   against another under-judged entry if there is one, else against the closest in strength;
2. refinement: pairs whose outcome is most uncertain and whose strengths are least known. A pair scores
   ``p (1 - p) * (width_a + width_b)``: ``p (1 - p)`` is the Fisher information of one Bradley-Terry comparison
   (largest for equal strengths), the interval widths favour entries whose place on the board is still unsure.
   The pair is drawn at random among the best few, in proportion to that score, so fans judging at the same time
   do not all get the same pair between two board refreshes.

Pure function: ids, counts and intervals in, a pair out; ``contest.selectors`` gathers the inputs.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Hashable, Mapping, Sequence

import numpy as np
from scipy.special import expit

# Pairs shown recently (to anyone) keep this share of their score: still possible, rarely repeated.
RECENT_PENALTY = 0.1
# Refinement looks at each entry's nearest neighbours in strength; the best pairs are always among them.
NEIGHBOURS = 10
# Refinement draws among this many best pairs.
TOP_PAIRS = 8
# Width given to an entry with no interval yet (never fitted): treated as average and very unsure.
UNKNOWN_WIDTH = 4.0


def choose_pair(
    entry_ids: Sequence[Hashable],
    comparison_counts: Mapping[Hashable, int],
    intervals: Mapping[Hashable, tuple[float, float]],
    *,
    min_comparisons: int,
    rng: np.random.Generator | random.Random,
    recent_pairs: Collection[tuple[Hashable, Hashable]] = (),
    exclude: Collection[tuple[Hashable, Hashable]] = (),
) -> tuple[Hashable, Hashable] | None:
    """Two different entries to show side by side, in random left/right order; None when no allowed pair is left.

    ``comparison_counts`` and ``intervals`` (``(low, high)`` log-strength, e.g. ``ArenaBoard.intervals()``) may
    miss entries: a missing count is 0, a missing interval is "average, unknown". ``exclude`` holds the pairs this
    fan already judged (never shown again, in either order); ``recent_pairs`` pairs shown lately (avoided, not
    forbidden). Deterministic for a given ``rng`` state (a numpy Generator, or a ``random.Random``).
    """
    if isinstance(rng, random.Random):
        rng = np.random.default_rng(rng.getrandbits(64))
    ids = list(dict.fromkeys(entry_ids))
    if len(ids) < 2:
        return None
    blocked = {frozenset(pair) for pair in exclude}
    recent = {frozenset(pair) for pair in recent_pairs}
    counts = np.array([comparison_counts.get(i, 0) for i in ids])
    centre, width = _centres_and_widths(ids, intervals)

    def allowed(i: int, j: int) -> bool:
        return i != j and frozenset((ids[i], ids[j])) not in blocked

    pair = _coverage_pair(ids, counts, centre, recent, allowed, min_comparisons, rng)
    if pair is None:
        pair = _refinement_pair(ids, centre, width, recent, allowed, rng)
    if pair is None:
        return None
    i, j = pair
    # Random presentation order: the left side is favoured by some fans (position bias).
    return (ids[i], ids[j]) if rng.random() < 0.5 else (ids[j], ids[i])


def _centres_and_widths(
    ids: list[Hashable], intervals: Mapping[Hashable, tuple[float, float]]
) -> tuple[np.ndarray, np.ndarray]:
    """Interval midpoints (the strength estimate) and widths; an entry without an interval is 0 and very wide."""
    known = [intervals[i] for i in ids if i in intervals]
    widest = max((high - low for low, high in known), default=UNKNOWN_WIDTH)
    centre = np.array([(intervals[i][0] + intervals[i][1]) / 2 if i in intervals else 0.0 for i in ids])
    width = np.array([intervals[i][1] - intervals[i][0] if i in intervals else widest for i in ids])
    return centre, np.maximum(width, 0.0)


def _coverage_pair(
    ids: list[Hashable],
    counts: np.ndarray,
    centre: np.ndarray,
    recent: set[frozenset],
    allowed: Callable[[int, int], bool],
    min_comparisons: int,
    rng: np.random.Generator,
) -> tuple[int, int] | None:
    """Phase 1: the least-judged entry (random among equals) and its partner; None when coverage is done."""
    n = len(ids)
    under = counts < min_comparisons
    if not under.any():
        return None
    # Least judged first; a random order among equals spreads simultaneous fans over different entries.
    shuffle = rng.permutation(n)
    anchors = sorted(np.flatnonzero(under), key=lambda i: (counts[i], shuffle[i]))
    for a in anchors:
        partners = [j for j in range(n) if allowed(a, j)]
        if not partners:
            continue
        fresh = [j for j in partners if frozenset((ids[a], ids[j])) not in recent]
        partners = fresh or partners
        needy = [j for j in partners if under[j]]
        if needy:
            # Another under-judged entry: the least judged, then the closest in strength.
            least = min(counts[j] for j in needy)
            partners = [j for j in needy if counts[j] == least]
        closeness = np.abs(centre[partners] - centre[a])
        best = np.flatnonzero(closeness == closeness.min())
        return a, partners[int(rng.choice(best))]
    return None


def _refinement_pair(
    ids: list[Hashable],
    centre: np.ndarray,
    width: np.ndarray,
    recent: set[frozenset],
    allowed: Callable[[int, int], bool],
    rng: np.random.Generator,
) -> tuple[int, int] | None:
    """Phase 2: a pair drawn among the most informative allowed pairs; None when every pair is excluded."""
    n = len(ids)
    order = np.argsort(centre, kind="stable")
    # Neighbours in strength order first (cheap, and where the best pairs are); every pair if none is allowed.
    candidates = [(int(order[k]), int(order[k + step])) for step in range(1, NEIGHBOURS + 1) for k in range(n - step)]
    pairs = [(i, j) for i, j in candidates if allowed(i, j)]
    if not pairs and n > NEIGHBOURS + 1:
        pairs = [(i, j) for i in range(n) for j in range(i + 1, n) if allowed(i, j)]
    if not pairs:
        return None
    first = np.array([i for i, _ in pairs])
    second = np.array([j for _, j in pairs])
    p = expit(centre[first] - centre[second])
    # A tiny floor keeps every allowed pair drawable (zero widths, or strengths so far apart that p is 0 or 1).
    score = p * (1 - p) * (width[first] + width[second]) + 1e-12
    score *= np.array([RECENT_PENALTY if frozenset((ids[i], ids[j])) in recent else 1.0 for i, j in pairs])
    best = np.argsort(-score, kind="stable")[:TOP_PAIRS]
    chosen = best[rng.choice(len(best), p=score[best] / score[best].sum())]
    return pairs[chosen]
