"""Judging maths: weighted jury sheets, per-judge z-scores, and the final mix of jury and public.

Pure functions over ids and numbers; ``contest.services`` reads the scores and stores the places.

- A judge's sheet for an entry is the weighted mean of its 1-10 criterion scores (weights normalised to sum 1).
- Each judge's sheets are z-normalised over that judge's own entries (population standard deviation: the sheets
  are all of that judge's judgements, not a sample), so a judge who gives everything 9-10 counts as much as one
  who uses the whole scale; a judge with zero variance, or a single sheet, gives 0 (no preference expressed).
- An entry's jury score is the mean of its judges' z-scores.
- The final score is ``jury_weight * J + (1 - jury_weight) * P``, where J is the jury score and P the public rank
  (average ranks for ties), both standardised over the finalists so the weight means what it says. The public
  side counts by rank, not margin: arena strengths and Wilson bounds are on different scales, and a brigaded
  runaway favourite gains no more than first place.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import asdict, dataclass

import numpy as np
from scipy.stats import rankdata

from .ranking import id_sort_key

SCORE_MIN, SCORE_MAX = 1, 10
# Scores are compared after rounding, so sums that differ by float noise tie and the tie-break decides.
_DECIMALS = 12


def sheet_totals(
    scores: Iterable[tuple[Hashable, Hashable, str, float]], weights: Mapping[str, float]
) -> dict[Hashable, dict[Hashable, float]]:
    """``(judge, entry, criterion, value)`` rows -> judge -> entry -> weighted score (1-10).

    A sheet missing a criterion is left out (criteria changed after it was filled in); a value outside 1-10, an
    unknown criterion, a criterion scored twice, or a non-positive weight raise ValueError.
    """
    if not weights or any(w <= 0 for w in weights.values()):
        raise ValueError("criteria need positive weights")
    total_weight = sum(weights.values())
    sheets: dict[tuple[Hashable, Hashable], dict[str, float]] = {}
    for judge, entry, criterion, value in scores:
        if criterion not in weights:
            raise ValueError(f"unknown criterion {criterion!r}")
        if not SCORE_MIN <= value <= SCORE_MAX:
            raise ValueError(f"score {value!r} is outside {SCORE_MIN}-{SCORE_MAX}")
        sheet = sheets.setdefault((judge, entry), {})
        if criterion in sheet:
            raise ValueError(f"{criterion!r} scored twice by {judge!r} for {entry!r}")
        sheet[criterion] = float(value)
    totals: dict[Hashable, dict[Hashable, float]] = {}
    for (judge, entry), sheet in sheets.items():
        if len(sheet) == len(weights):
            totals.setdefault(judge, {})[entry] = sum(weights[c] * v for c, v in sheet.items()) / total_weight
    return totals


def normalise_scores(totals: Mapping[Hashable, Mapping[Hashable, float]]) -> dict[Hashable, dict[Hashable, float]]:
    """judge -> entry -> score, z-normalised per judge: (score - judge mean) / judge standard deviation.

    A judge with zero variance (including a single sheet) gets 0 for every entry.
    """
    normalised: dict[Hashable, dict[Hashable, float]] = {}
    for judge, sheets in totals.items():
        entries = list(sheets)
        values = np.array([sheets[e] for e in entries], dtype=np.float64)
        z = _standardise(values)
        normalised[judge] = {e: float(v) for e, v in zip(entries, z, strict=True)}
    return normalised


def jury_scores(totals: Mapping[Hashable, Mapping[Hashable, float]]) -> dict[Hashable, float]:
    """entry -> mean over its judges of their z-normalised scores (see :func:`normalise_scores`)."""
    collected: dict[Hashable, list[float]] = {}
    for sheets in normalise_scores(totals).values():
        for entry, z in sheets.items():
            collected.setdefault(entry, []).append(z)
    return {entry: float(np.mean(zs)) for entry, zs in collected.items()}


@dataclass(frozen=True)
class FinalRow:
    """One finalist's place: ``score`` = jury_weight * ``jury`` + (1 - jury_weight) * ``public``, both standardised
    over the finalists (``public`` from ranks). ``place`` is 1-based and unique (see :func:`final_results`).
    """

    item: Hashable
    place: int
    score: float
    jury: float
    public: float

    def as_dict(self) -> dict:
        return asdict(self)


def final_results(
    jury_z: Mapping[Hashable, float], public_strength: Mapping[Hashable, float], *, jury_weight: float = 0.7
) -> list[FinalRow]:
    """Finalists (every entry in either mapping) ranked by the jury/public mix, best first.

    ``jury_z`` is :func:`jury_scores`; ``public_strength`` any public measure where higher is better (arena
    strength or Wilson lower bound: only its order is used). An entry missing from one side is given the middle
    of that side (neither helped nor hurt). Ties are broken by the jury score, then the public one, then the id
    (smallest first), so the same inputs always give the same places.
    """
    if not 0 <= jury_weight <= 1:
        raise ValueError("jury_weight must be between 0 and 1")
    items = sorted({*jury_z, *public_strength}, key=id_sort_key)
    if not items:
        return []
    jury = _standardise(_fill_missing(items, jury_z))
    public = _standardise(rankdata(_fill_missing(items, public_strength)))
    score = jury_weight * jury + (1 - jury_weight) * public
    order = sorted(
        range(len(items)),
        key=lambda i: (
            -round(score[i], _DECIMALS),
            -round(jury[i], _DECIMALS),
            -round(public[i], _DECIMALS),
            id_sort_key(items[i]),
        ),
    )
    return [
        FinalRow(item=items[i], place=place, score=float(score[i]), jury=float(jury[i]), public=float(public[i]))
        for place, i in enumerate(order, start=1)
    ]


def _standardise(values: np.ndarray) -> np.ndarray:
    """(values - mean) / population sd; all zeros when there is no spread."""
    values = np.asarray(values, dtype=np.float64)
    if values.size == 0:
        return values
    centred = values - values.mean()
    sd = np.sqrt(np.mean(centred**2))
    # Relative threshold: identical scores can differ by float noise after weighting.
    if sd <= 1e-12 * max(1.0, float(np.max(np.abs(values)))):
        return np.zeros_like(values)
    return centred / sd


def _fill_missing(items: list[Hashable], values: Mapping[Hashable, float]) -> np.ndarray:
    """Values in ``items`` order, a missing one replaced by the median of the others (0 when there are none)."""
    present = [float(values[i]) for i in items if i in values]
    middle = float(np.median(present)) if present else 0.0
    return np.array([float(values[i]) if i in values else middle for i in items])
