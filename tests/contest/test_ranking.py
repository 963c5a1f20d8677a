"""Ranking maths (contest.ranking) against hand-computed cases and an independent reference fit."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest
from scipy.optimize import minimize

from contest import ranking
from contest.ranking import (
    arena_board,
    bootstrap_intervals,
    fit_bradley_terry,
    rank_board,
    wilson_lower_bound,
    wilson_lower_bounds,
)

Z = 1.959963984540054
TINY_PRIOR = 1e-7  # close enough to the plain maximum likelihood for hand-computed cases


def simulate(n: int, m: int, seed: int, sd: float = 1.0, tie_rate: float = 0.1):
    """m random comparisons among n items with known log-strengths ~ N(0, sd²), 10% ties."""
    rng = np.random.default_rng(seed)
    true = rng.normal(0, sd, n)
    a = rng.integers(0, n, m)
    b = (a + rng.integers(1, n, m)) % n
    a_wins = rng.random(m) < 1 / (1 + np.exp(-(true[a] - true[b])))
    ties = rng.random(m) < tie_rate
    return true - true.mean(), np.where(a_wins, a, b), np.where(a_wins, b, a), ties


# --- Wilson ----------------------------------------------------------------------------------------------------


def test_wilson_five_of_ten_by_hand():
    # p = 0.5, n = 10, z² = 3.84146: centre = 0.5 + 3.84146/20 = 0.692073;
    # spread = z sqrt(0.25/10 + 3.84146/400) = 1.95996 * sqrt(0.0346037) = 1.95996 * 0.186020 = 0.364592;
    # low = (0.692073 - 0.364592) / (1 + 0.384146) = 0.327481 / 1.384146 = 0.236594.
    assert wilson_lower_bound(5, 10) == pytest.approx(0.236594, abs=1e-6)


def test_wilson_ten_of_ten_by_hand():
    # p = 1: the square root is z / 2n, so centre - spread = 1 + z²/2n - z²/2n = 1; low = 1 / (1 + z²/10).
    assert wilson_lower_bound(10, 10) == pytest.approx(1 / (1 + Z * Z / 10), abs=1e-12)
    assert wilson_lower_bound(10, 10) == pytest.approx(0.722467, abs=1e-6)


def test_wilson_no_votes_and_no_likes_are_zero():
    assert wilson_lower_bound(0, 0) == 0.0
    # p = 0: centre = z²/2n, spread = z * z/2n: exactly 0.
    assert wilson_lower_bound(0, 10) == pytest.approx(0.0, abs=1e-15)


def test_wilson_vectorised_matches_scalar_and_orders_by_evidence():
    positive = np.array([0, 5, 10, 50, 500, 1])
    total = np.array([0, 10, 10, 100, 1000, 1])
    vector = wilson_lower_bounds(positive, total)
    assert vector == pytest.approx([wilson_lower_bound(k, n) for k, n in zip(positive, total, strict=True)])
    # Same 50% rate, more votes: a higher lower bound; one like out of one is below 5 out of 10... not 50/100.
    assert vector[1] < vector[3] < vector[4]
    assert wilson_lower_bound(1, 1) < wilson_lower_bound(9, 10)


def test_wilson_rejects_impossible_counts():
    with pytest.raises(ValueError):
        wilson_lower_bound(3, 2)


# --- Bradley-Terry fit -----------------------------------------------------------------------------------------


def test_bt_two_players_strength_gap_is_log_of_win_ratio():
    # A beats B 3 times, B beats A once. Likelihood s(d)³ (1 - s(d)): maximal at s(d) = 3/4, d = log 3.
    theta = fit_bradley_terry(2, [0, 0, 0, 1], [1, 1, 1, 0], prior=TINY_PRIOR)
    assert theta[0] - theta[1] == pytest.approx(math.log(3), abs=1e-5)
    assert theta.sum() == pytest.approx(0, abs=1e-12)


def test_bt_three_players_by_hand():
    # Data drawn exactly from strengths pi = (4, 2, 1): A-B 2:1 (4/6 = 2/3), B-C 2:1 (2/3), A-C 4:1 (4/5).
    # Maximum likelihood equations, wins = sum n pi_i / (pi_i + pi_j):
    #   A: 2 + 4 = 6 = 3 * 4/6 + 5 * 4/5 = 2 + 4;  B: 1 + 2 = 3 = 3 * 2/6 + 3 * 2/3 = 1 + 2;
    #   C: 1 + 1 = 2 = 3 * 1/3 + 5 * 1/5 = 1 + 1.  So log pi = (log 4, log 2, 0), centred: (log 2, 0, -log 2).
    A, B, C = 0, 1, 2
    games = [(A, B)] * 2 + [(B, A)] + [(B, C)] * 2 + [(C, B)] + [(A, C)] * 4 + [(C, A)]
    winners, losers = zip(*games, strict=True)
    theta = fit_bradley_terry(3, winners, losers, prior=TINY_PRIOR)
    assert theta == pytest.approx([math.log(2), 0.0, -math.log(2)], abs=1e-5)


def test_bt_tie_is_half_a_win_each():
    # A beats B once and they tie once: A has 1.5 "wins" of 2, so s(d) = 3/4 and d = log 3 (as 3 wins to 1).
    theta = fit_bradley_terry(2, [0, 1], [1, 0], [False, True], prior=TINY_PRIOR)
    assert theta[0] - theta[1] == pytest.approx(math.log(3), abs=1e-5)
    # Which side of a tie is called the winner does not matter.
    swapped = fit_bradley_terry(2, [0, 0], [1, 1], [False, True], prior=TINY_PRIOR)
    assert swapped == pytest.approx(theta, abs=1e-9)


def reference_objective(theta, winners, losers, ties, prior):
    """The same penalised log-likelihood written out term by term (negated, for scipy's minimiser)."""
    total = 0.0
    for w, loser, tie in zip(winners, losers, ties, strict=True):
        p = 1 / (1 + math.exp(-(theta[w] - theta[loser])))
        total += 0.5 * (math.log(p) + math.log(1 - p)) if tie else math.log(p)
    mean = sum(theta) / len(theta)
    for t in theta:
        q = 1 / (1 + math.exp(-(t - mean)))
        total += prior * 0.5 * (math.log(q) + math.log(1 - q))  # one virtual tie against the average
    return -total


def test_bt_matches_a_scipy_reference_fit_with_the_default_prior():
    # A beats B twice, B beats C twice, C beats D once, D ties A, and E (undefeated) beats D once.
    winners = [0, 0, 1, 1, 2, 3, 4]
    losers = [1, 1, 2, 2, 3, 0, 3]
    ties = [False] * 5 + [True, False]
    reference = minimize(
        reference_objective, np.zeros(5), args=(winners, losers, ties, 1.0), method="BFGS", options={"gtol": 1e-10}
    )
    theta = fit_bradley_terry(5, winners, losers, ties)
    assert theta == pytest.approx(reference.x - reference.x.mean(), abs=1e-5)
    assert theta[0] > theta[1] > theta[2]


def test_bt_relabelling_items_permutes_strengths():
    _, winners, losers, ties = simulate(8, 60, seed=3)
    theta = fit_bradley_terry(8, winners, losers, ties)
    perm = np.random.default_rng(0).permutation(8)  # item i is called perm[i]
    relabelled = fit_bradley_terry(8, perm[winners], perm[losers], ties)
    assert relabelled[perm] == pytest.approx(theta, abs=1e-8)
    # Shuffling the order of the comparisons changes nothing either.
    order = np.random.default_rng(1).permutation(60)
    assert fit_bradley_terry(8, winners[order], losers[order], ties[order]) == pytest.approx(theta, abs=1e-8)


def test_bt_adding_a_constant_changes_nothing():
    _, winners, losers, ties = simulate(8, 60, seed=4)
    d = ranking._design(8, winners, losers, ties, None, 1.0)
    theta = fit_bradley_terry(8, winners, losers, ties)
    # The objective is shift-invariant (the prior plays against the mean), and so is the fit: centred either way.
    assert ranking._objective(theta + 7.5, d) == pytest.approx(ranking._objective(theta, d), rel=1e-12)
    assert fit_bradley_terry(8, winners, losers, ties, initial=theta + 7.5) == pytest.approx(theta, abs=1e-8)


def test_bt_undefeated_disconnected_and_unseen_items_stay_finite():
    # 0 beats 1 five times (undefeated); 2 and 3 only play each other; 4 never plays.
    theta = fit_bradley_terry(5, [0] * 5 + [2, 3], [1] * 5 + [3, 2])
    assert np.all(np.isfinite(theta))
    assert theta[2] == pytest.approx(theta[3], abs=1e-9)
    assert theta[0] > theta[2] > theta[1]
    assert theta.sum() == pytest.approx(0, abs=1e-12)
    assert abs(theta[0]) < 5


def test_bt_rejects_self_comparisons_and_bad_indices():
    with pytest.raises(ValueError):
        fit_bradley_terry(3, [0], [0])
    with pytest.raises(ValueError):
        fit_bradley_terry(3, [0], [3])


def test_bt_recovers_known_strengths():
    true, winners, losers, ties = simulate(200, 20_000, seed=5)
    theta = fit_bradley_terry(200, winners, losers, ties)
    assert np.corrcoef(theta, true)[0, 1] > 0.97


# --- Bootstrap -------------------------------------------------------------------------------------------------


def exact_bootstrap(n, winners, losers, ties, theta, counts, level=0.95):
    """The slow reference: every replicate refitted to convergence, one by one."""
    replicates = np.stack(
        [
            fit_bradley_terry(n, winners, losers, ties, weights=counts[:, j].astype(np.float64), initial=theta)
            for j in range(counts.shape[1])
        ],
        axis=1,
    )
    tail = (1 - level) / 2
    low, high = np.quantile(replicates, [tail, 1 - tail], axis=1)
    return replicates, np.minimum(low, theta), np.maximum(high, theta)


@pytest.mark.parametrize(("n", "m"), [(12, 80), (40, 2_000)])
def test_bootstrap_fast_refits_match_exact_refits(n, m):
    _, winners, losers, ties = simulate(n, m, seed=n)
    theta = fit_bradley_terry(n, winners, losers, ties)
    low, high = bootstrap_intervals(n, winners, losers, ties, strengths=theta, n_boot=200, rng=7)
    # Same resampling draws as bootstrap_intervals (one chunk at these sizes), refitted exactly.
    counts = ranking.resample_counts(np.random.default_rng(7), m, 200)
    _, exact_low, exact_high = exact_bootstrap(n, winners, losers, ties, theta, counts)
    width = np.mean(exact_high - exact_low)
    assert np.max(np.abs(low - exact_low)) < 0.05 * width
    assert np.max(np.abs(high - exact_high)) < 0.05 * width


def test_bootstrap_replicates_on_sparse_lopsided_data_still_match_exact_refits():
    # 200 entries, 5 comparisons each, strengths spread over +-6: the shared-Hessian steps do not converge there,
    # so those replicates go through exact Newton steps (and, failing that, a line-searched refit).
    n, m = 200, 500
    _, winners, losers, ties = simulate(n, m, seed=2, sd=3.0)
    theta = fit_bradley_terry(n, winners, losers, ties)
    d = ranking._design(n, winners, losers, ties, None, 1.0)
    counts = ranking.resample_counts(np.random.default_rng(3), m, 20)
    refit = ranking._ReplicateRefit(d, theta)
    _, size = refit._quasi_newton(counts, 0.1, 8)
    assert np.any(size >= 0.1)  # the path under test is taken
    fast = refit(counts, 0.1, 8)
    exact, _, _ = exact_bootstrap(n, winners, losers, ties, theta, counts)
    assert np.all(np.isfinite(fast))
    assert np.max(np.abs(fast - exact)) < 0.1
    # With too few steps for either batch stage, every replicate is refitted alone: exact.
    assert refit(counts, 0.1, 1) == pytest.approx(exact, abs=1e-6)


def test_bootstrap_intervals_cover_the_true_strengths():
    # 20 items, 400 comparisons (40 each): 95% intervals should hold most true (centred) strengths.
    covered = []
    for seed in range(10):
        true, winners, losers, ties = simulate(20, 400, seed=100 + seed)
        low, high = bootstrap_intervals(20, winners, losers, ties, n_boot=200, rng=seed)
        covered.append((low <= true) & (true <= high))
    assert 0.85 <= np.mean(covered) <= 1.0


def test_bootstrap_intervals_contain_the_estimate_and_shrink_with_more_data():
    true, winners, losers, ties = simulate(10, 5_000, seed=9)
    widths = []
    for m in (200, 5_000):
        theta = fit_bradley_terry(10, winners[:m], losers[:m], ties[:m])
        low, high = bootstrap_intervals(10, winners[:m], losers[:m], ties[:m], strengths=theta, rng=1)
        assert np.all(low <= theta) and np.all(theta <= high)
        widths.append(np.mean(high - low))
    # 25 times the data: about 5 times narrower (1/sqrt(m)); at least 3 times.
    assert widths[1] < widths[0] / 3


def test_bootstrap_is_seeded():
    _, winners, losers, ties = simulate(15, 150, seed=11)
    first = bootstrap_intervals(15, winners, losers, ties, n_boot=50, rng=42)
    again = bootstrap_intervals(15, winners, losers, ties, n_boot=50, rng=np.random.default_rng(42))
    other = bootstrap_intervals(15, winners, losers, ties, n_boot=50, rng=43)
    assert np.array_equal(first[0], again[0]) and np.array_equal(first[1], again[1])
    assert not np.array_equal(first[0], other[0])


def test_bootstrap_without_comparisons_gives_point_intervals():
    low, high = bootstrap_intervals(3, [], [], n_boot=10, rng=0)
    assert np.array_equal(low, np.zeros(3)) and np.array_equal(high, np.zeros(3))


def test_resample_counts_draw_each_replicate_with_replacement_in_turn():
    # The classical bootstrap: each replicate draws m comparisons with replacement, replicates one after another
    # from the same stream (so chunking the replicates never changes them).
    counts = ranking.resample_counts(np.random.default_rng(5), 30, 4)
    rng = np.random.default_rng(5)
    expected = np.stack([np.bincount(rng.integers(0, 30, 30), minlength=30) for _ in range(4)], axis=1)
    assert counts.shape == (30, 4) and counts.flags.c_contiguous
    assert np.array_equal(counts, expected)
    assert np.array_equal(counts.sum(axis=0), [30] * 4)


def test_prior_terms_match_the_sigmoid_form():
    theta = np.array([[-40.0, 0.0], [-3.0, 1.0], [0.5, 2.0], [7.0, 3.0], [35.0, 4.0]])
    grad, curv = ranking._prior_terms(theta, 2.0)
    s = 1 / (1 + np.exp(-(theta - theta.mean(axis=0))))
    expected_grad = 2.0 * (0.5 - s)
    assert grad == pytest.approx(expected_grad - expected_grad.mean(axis=0), abs=1e-12)
    assert curv == pytest.approx(2.0 * s * (1 - s), rel=1e-9, abs=1e-15)


# --- Board -----------------------------------------------------------------------------------------------------


def test_board_by_hand_orders_by_lower_bound_flags_overlaps_and_hides_the_under_compared():
    items = ["a", "b", "c", "d", "new"]
    strengths = [2.0, 1.5, -0.3, -0.7, 0.0]
    low = [1.0, 0.5, -1.0, -2.0, -3.0]
    high = [3.0, 2.5, 0.4, 0.6, 3.0]
    counts = [30, 12, 20, 25, 3]
    board = rank_board(items, strengths, low, high, counts, min_comparisons=10)
    # Lower bounds 1.0 > 0.5 > -1.0 > -2.0. b's high 2.5 >= a's low 1.0: tied, shares rank 1.
    # c's high 0.4 < b's low 0.5: rank 3 (its position). d's high 0.6 >= c's low -1.0: tied with c, rank 3.
    assert [(r.item, r.position, r.rank, r.tied_with_previous) for r in board.rows] == [
        ("a", 1, 1, False),
        ("b", 2, 1, True),
        ("c", 3, 3, False),
        ("d", 4, 3, True),
    ]
    assert [(h.item, h.comparisons, h.needed) for h in board.hidden] == [("new", 3, 7)]
    assert board.intervals()["new"] == (-3.0, 3.0)
    json.dumps([r.as_dict() for r in board.rows] + [h.as_dict() for h in board.hidden])


def test_board_breaks_equal_lower_bounds_by_strength_then_comparisons_then_id():
    board = rank_board([3, 1, 2, 10], [0.5, 0.2, 0.2, 0.2], [0, 0, 0, 0], [1, 1, 1, 1], [5, 9, 5, 5], min_comparisons=0)
    assert [r.item for r in board.rows] == [3, 1, 2, 10]  # numeric ids: 2 before 10
    assert [r.rank for r in board.rows] == [1, 1, 1, 1]


def test_arena_board_from_judgement_rows():
    # "x" beats everyone, "z" loses to everyone, "y" in between; "w" was judged once; "gone" is no longer listed.
    rows = [("x", "y", "a")] * 6 + [("y", "x", "b")] * 4 + [("y", "z", "a")] * 10 + [("x", "z", "tie")]
    rows += [("z", "x", "b")] * 6 + [("w", "x", "b"), ("gone", "x", "a")]
    board = arena_board(rows, items=["x", "y", "z", "w"], min_comparisons=5, n_boot=100, rng=3)
    assert [r.item for r in board.rows] == ["x", "y", "z"]
    assert [r.comparisons for r in board.rows] == [18, 20, 17]  # x: 6 + 4 + 1 + 6 + 1
    assert [(h.item, h.comparisons, h.needed) for h in board.hidden] == [("w", 1, 4)]
    assert all(r.low <= r.strength <= r.high for r in board.rows)
    again = arena_board(rows, items=["x", "y", "z", "w"], min_comparisons=5, n_boot=100, rng=3)
    assert again == board


def test_arena_board_rejects_unknown_outcomes():
    with pytest.raises(ValueError):
        arena_board([("x", "y", "left")], items=["x", "y"], min_comparisons=0)


# --- The published result: combined_results ----------------------------------------------------------------

F = ranking.FinalistInput


def test_combined_formula_by_hand_with_equal_weights():
    # Three finalists; each component standardised over them: values (1, 0, -1) -> (1.2247, 0, -1.2247).
    rows = ranking.combined_results(
        [
            F("x", [1.0], 0.0, -1, 1, 50, 60, 100),
            F("y", [0.0], 1.0, 0, 2, 50, 50, 100),
            F("z", [-1.0], -1.0, -2, 0, 50, 40, 100),
        ],
        jury_weight=1,
        arena_weight=1,
        public_weight=1,
        min_comparisons=10,
    )
    s = math.sqrt(1.5)
    public = ranking.wilson_lower_bounds([60, 50, 40], [100, 100, 100])
    pz = (public - public.mean()) / public.std()
    expected = {"x": (s + 0 + pz[0]) / 3, "y": (0 + s + pz[1]) / 3, "z": (-s - s + pz[2]) / 3}
    assert [r.item for r in rows] == ["x", "y", "z"]
    for r in rows:
        assert r.score == pytest.approx(expected[r.item])
    assert rows[0].public.low == pytest.approx(public[0]) and rows[0].public.high > rows[0].public.low


def test_the_arena_decides_when_the_jury_is_split_and_the_public_even():
    finalists = [F("a", [0.0], -0.5, -1, 0, 40, 10, 20), F("b", [0.0], 0.8, 0.3, 1.3, 40, 10, 20)]
    rows = ranking.combined_results(finalists, jury_weight=0.6, arena_weight=0.3, public_weight=0.1, min_comparisons=10)
    assert [r.item for r in rows] == ["b", "a"]
    assert rows[0].arena.counted and rows[0].arena.low == 0.3 and rows[0].arena.high == 1.3


def test_weights_are_read_as_shares_and_zero_weight_means_ignored():
    finalists = [F("jury-pick", [1.0], -1.0, -2, 0, 30, 1, 10), F("arena-pick", [-1.0], 1.0, 0, 2, 30, 9, 10)]
    by_jury = ranking.combined_results(finalists, jury_weight=1, arena_weight=0, public_weight=0, min_comparisons=5)
    by_arena = ranking.combined_results(finalists, jury_weight=0, arena_weight=5, public_weight=0, min_comparisons=5)
    assert by_jury[0].item == "jury-pick" and by_arena[0].item == "arena-pick"
    # Scaling all weights together changes nothing.
    a = ranking.combined_results(finalists, jury_weight=0.5, arena_weight=0.3, public_weight=0.2, min_comparisons=5)
    b = ranking.combined_results(finalists, jury_weight=5, arena_weight=3, public_weight=2, min_comparisons=5)
    assert [r.score for r in a] == pytest.approx([r.score for r in b])


def test_too_few_comparisons_gives_the_median_arena_part_not_a_runaway_strength():
    # "lucky" won its only 2 comparisons: a huge strength on no evidence. Under the minimum it is not counted.
    finalists = [
        F("lucky", [0.0], 3.0, -1.0, 5.0, 2, 10, 20),
        F("steady", [0.0], 0.5, 0.2, 0.8, 60, 10, 20),
        F("weak", [0.0], -0.5, -0.8, -0.2, 60, 10, 20),
    ]
    rows = {
        r.item: r
        for r in ranking.combined_results(
            finalists, jury_weight=0.5, arena_weight=0.5, public_weight=0.0, min_comparisons=10
        )
    }
    assert not rows["lucky"].arena.counted and rows["steady"].arena.counted
    assert rows["lucky"].arena.standardised == pytest.approx(0.0)  # the median of steady and weak
    assert rows["steady"].place == 1
    assert rows["lucky"].arena.value == 3.0  # still shown as it is


def test_ties_break_by_jury_then_arena_then_public_then_id_and_are_marked():
    # Same score: p leads on the jury, q on the arena (weights 1:1).
    rows = ranking.combined_results(
        [F("q", [-1.0], 1.0, 0, 2, 20, 5, 10), F("p", [1.0], -1.0, -2, 0, 20, 5, 10)],
        jury_weight=1,
        arena_weight=1,
        public_weight=1,
        min_comparisons=1,
    )
    assert [r.item for r in rows] == ["p", "q"] and rows[1].tied_with_previous and not rows[0].tied_with_previous
    same = ranking.combined_results(
        [F(7, [0.0], 0.0, 0, 0, 20, 5, 10), F(3, [0.0], 0.0, 0, 0, 20, 5, 10)],
        jury_weight=1,
        arena_weight=1,
        public_weight=1,
        min_comparisons=1,
    )
    assert [r.item for r in same] == [3, 7] and [r.place for r in same] == [1, 2]


def test_jury_interval_is_the_standard_error_over_judges():
    (row,) = ranking.combined_results(
        [F("a", [1.0, 0.0, -1.0, 0.0], 0, 0, 0, 0, 0, 0)],
        jury_weight=1,
        arena_weight=0,
        public_weight=0,
        min_comparisons=0,
    )
    se = np.std([1.0, 0.0, -1.0, 0.0], ddof=1) / 2
    assert row.jury.value == 0.0 and row.jury.high == pytest.approx(ranking.Z_95 * se)
    assert row.jury.low == pytest.approx(-ranking.Z_95 * se)


def test_combined_results_refuses_bad_weights():
    with pytest.raises(ValueError):
        ranking.combined_results(
            [F("a", [], 0, 0, 0, 0, 0, 0)], jury_weight=0, arena_weight=0, public_weight=0, min_comparisons=1
        )
    with pytest.raises(ValueError):
        ranking.combined_results(
            [F("a", [], 0, 0, 0, 0, 0, 0)], jury_weight=-1, arena_weight=1, public_weight=1, min_comparisons=1
        )
