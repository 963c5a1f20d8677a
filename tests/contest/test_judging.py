"""Judging maths (contest.judging): weighted sheets, per-judge z-scores and the jury/public mix, by hand."""

from __future__ import annotations

import math

import pytest

from contest.judging import final_results, jury_scores, normalise_scores, sheet_totals

WEIGHTS = {"creativity": 0.4, "spirit": 0.3, "visual": 0.3}


def sheet(judge, entry, creativity, spirit, visual):
    return [
        (judge, entry, "creativity", creativity),
        (judge, entry, "spirit", spirit),
        (judge, entry, "visual", visual),
    ]


def test_sheet_total_is_the_weighted_mean():
    # 0.4 * 10 + 0.3 * 9 + 0.3 * 9 = 4 + 2.7 + 2.7 = 9.4
    assert sheet_totals(sheet("j", "x", 10, 9, 9), WEIGHTS) == {"j": {"x": pytest.approx(9.4)}}
    # Weights need not sum to 1: (2 * 10 + 1 * 4) / 3 = 8.
    assert sheet_totals(sheet("j", "x", 10, 4, 4)[:2], {"creativity": 2, "spirit": 1}) == {"j": {"x": 8.0}}


def test_two_judges_on_different_scales_by_hand():
    # Judge "generous" scores x 9 and y 10: mean 9.5, sd 0.5 -> z = -1, +1.
    # Judge "strict" scores x 2, y 6, z 4: mean 4, deviations -2, 2, 0, variance 8/3, sd 1.63299
    #   -> z = -1.22474, +1.22474, 0.
    rows = sheet("generous", "x", 9, 9, 9) + sheet("generous", "y", 10, 10, 10)
    rows += sheet("strict", "x", 2, 2, 2) + sheet("strict", "y", 6, 6, 6) + sheet("strict", "z", 4, 4, 4)
    totals = sheet_totals(rows, WEIGHTS)
    z = normalise_scores(totals)
    assert z["generous"] == pytest.approx({"x": -1.0, "y": 1.0})
    s = math.sqrt(3 / 2)  # 2 / sqrt(8/3) = 1.22474
    assert z["strict"] == pytest.approx({"x": -s, "y": s, "z": 0.0})
    # Jury score = mean over the entry's judges: x (-1 - 1.22474) / 2 = -1.11237, y +1.11237, z 0 (one judge).
    assert jury_scores(totals) == pytest.approx({"x": -(1 + s) / 2, "y": (1 + s) / 2, "z": 0.0})


def test_a_judge_who_gives_everything_nine_or_ten_does_not_dominate():
    totals = {"generous": {"x": 9.0, "y": 10.0, "z": 9.5}, "strict": {"x": 1.0, "y": 10.0, "z": 5.5}}
    z = normalise_scores(totals)
    # Same order and same spacing on different scales: identical z-scores, so identical weight in the jury score.
    assert z["generous"] == pytest.approx(z["strict"])


def test_zero_variance_and_single_sheet_judges_give_zeros():
    z = normalise_scores({"flat": {"x": 7.0, "y": 7.0}, "once": {"x": 10.0}, "none": {}})
    assert z == {"flat": {"x": 0.0, "y": 0.0}, "once": {"x": 0.0}, "none": {}}


def test_incomplete_sheets_are_left_out_and_bad_scores_refused():
    rows = sheet("j", "x", 8, 8, 8) + sheet("j", "y", 5, 5, 5)[:2]
    assert sheet_totals(rows, WEIGHTS) == {"j": {"x": 8.0}}
    with pytest.raises(ValueError):
        sheet_totals([("j", "x", "creativity", 11)], WEIGHTS)
    with pytest.raises(ValueError):
        sheet_totals([("j", "x", "creativity", 0)], WEIGHTS)
    with pytest.raises(ValueError):
        sheet_totals([("j", "x", "humour", 5)], WEIGHTS)
    with pytest.raises(ValueError):
        sheet_totals([("j", "x", "creativity", 5)] * 2, WEIGHTS)
    with pytest.raises(ValueError):
        sheet_totals([], {"creativity": 0})


def test_final_mix_by_hand():
    # Jury z (1, 0, -1): mean 0, sd sqrt(2/3) = 0.81650 -> standardised (1.22474, 0, -1.22474).
    # Public strengths (0.1, 0.9, 0.5) -> ranks (1, 3, 2) -> standardised (-1.22474, 1.22474, 0).
    # jury_weight 0.7: x 0.7 * 1.22474 - 0.3 * 1.22474 = 0.48990; y 0.3 * 1.22474 = 0.36742; z -0.85732.
    jury = {"x": 1.0, "y": 0.0, "z": -1.0}
    public = {"x": 0.1, "y": 0.9, "z": 0.5}
    s = math.sqrt(3 / 2)
    rows = final_results(jury, public, jury_weight=0.7)
    assert [(r.item, r.place) for r in rows] == [("x", 1), ("y", 2), ("z", 3)]
    assert [r.score for r in rows] == pytest.approx([0.4 * s, 0.3 * s, -0.7 * s])
    assert [r.jury for r in rows] == pytest.approx([s, 0, -s])
    assert [r.public for r in rows] == pytest.approx([-s, s, 0])
    # jury_weight 0.3: x -0.4 * 1.22474 = -0.48990, y 0.7 * 1.22474 = 0.85732, z -0.3 * 1.22474 = -0.36742.
    assert [r.item for r in final_results(jury, public, jury_weight=0.3)] == ["y", "z", "x"]
    assert [r.item for r in final_results(jury, public, jury_weight=1.0)] == ["x", "y", "z"]
    assert [r.item for r in final_results(jury, public, jury_weight=0.0)] == ["y", "z", "x"]


def test_public_counts_by_rank_not_margin():
    # A runaway public favourite (strength 50) gains no more than first place would give it.
    jury = {"x": 1.0, "y": 0.0, "z": -1.0}
    modest = final_results(jury, {"x": 0.1, "y": 0.9, "z": 0.5})
    runaway = final_results(jury, {"x": 0.1, "y": 50.0, "z": 0.5})
    assert [(r.item, r.score) for r in modest] == [(r.item, r.score) for r in runaway]


def test_final_ties_are_broken_by_jury_then_public_then_id():
    # 10 and 2 have the same jury and public scores: id order (numeric, 2 before 10).
    rows = final_results({10: 0.5, 2: 0.5, 7: -1.0}, {10: 1.0, 2: 1.0, 7: 1.0}, jury_weight=0.5)
    assert [r.item for r in rows] == [2, 10, 7]
    assert [r.place for r in rows] == [1, 2, 3]
    # Equal mixed scores, different parts: the better jury score wins.
    # Jury (1, -1) -> (1, -1); public ranks (1, 2) -> (-1, 1); at 0.5 both mix to 0.
    rows = final_results({"p": -1.0, "q": 1.0}, {"p": 2.0, "q": 1.0}, jury_weight=0.5)
    assert [r.score for r in rows] == pytest.approx([0.0, 0.0])
    assert [r.item for r in rows] == ["q", "p"]


def test_entries_missing_one_side_get_its_middle_and_bad_weights_are_refused():
    # "late" has no jury score: it gets the median jury score (0) and so sits in the middle on that side.
    rows = final_results({"a": 1.0, "b": -1.0}, {"a": 1.0, "b": 2.0, "late": 3.0}, jury_weight=0.7)
    assert {r.item: r.jury for r in rows}["late"] == pytest.approx(0.0)
    assert final_results({}, {}) == []
    with pytest.raises(ValueError):
        final_results({"a": 1.0}, {"a": 1.0}, jury_weight=1.5)
