"""Open SDG's score from −5 to 5, and several series combined by the mean of their scores."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.indicators import Status, assess, assess_direction, progress_score, summarise

from .helpers import TODAY, goal, series


@pytest.mark.parametrize(
    ("ratio", "score"),
    [
        (3.0, 5.0),  # far ahead: no more than on track
        (0.95, 5.0),  # on track from here
        (0.775, 3.75),  # half-way between the thresholds
        (0.6, 2.5),  # acceleration needed from here
        (0.3, 1.25),
        (0.0, 0.0),  # limited progress from here
        (-0.475, -2.5),
        (-0.95, -5.0),  # moving away as fast as on-track progress would move towards the target
        (-4.0, -5.0),
    ],
)
def test_the_score_of_a_ratio_puts_the_thresholds_at_fixed_points(ratio, score):
    assert progress_score(ratio, 0.95, 0.6) == pytest.approx(score)


def test_the_score_without_a_target_uses_the_growth_thresholds():
    assert progress_score(0.015, 0.015, 0.005) == 5
    assert progress_score(0.01, 0.015, 0.005) == pytest.approx(3.75)
    assert progress_score(-0.0075, 0.015, 0.005) == pytest.approx(-2.5)


def test_only_open_sdg_assessments_carry_a_score():
    values, target = [(2015, 100), (2020, 104)], goal(120)
    assert assess(series(values), target, today=TODAY).score is None
    scored = assess(series(values), target, today=TODAY, methodology="open_sdg")
    assert scored.score == pytest.approx(2.5 + 2.5 * (0.643963 - 0.6) / 0.35, abs=1e-5)


def sdg(values, target):
    return assess(series(values), goal(target), today=TODAY, methodology="open_sdg")


def test_two_series_average_their_scores():
    on_track = sdg([(2015, 100), (2020, 120)], 150)  # 5
    limited = sdg([(2015, 100), (2020, 102)], 150)  # R = 0.14483: score 2.5 × 0.14483 / 0.6 = 0.603
    s = summarise([on_track, limited])
    assert s.scored == 2
    assert s.unscored == 0
    assert s.score == pytest.approx((5 + 2.5 * 0.14483 / 0.6) / 2, abs=1e-4)
    assert s.status is Status.ACCELERATE
    assert s.label_zh == "需加快"


def test_achieved_everywhere_is_achieved_and_achieved_beside_on_track_is_on_track():
    achieved = sdg([(2015, 100), (2020, 130)], 120)
    assert summarise([achieved, achieved]).status is Status.ACHIEVED
    assert summarise([achieved, sdg([(2015, 100), (2020, 120)], 150)]).status is Status.ON_TRACK


def test_deterioration_and_progress_cancel_out_to_limited_progress():
    up = sdg([(2015, 100), (2020, 120)], 150)  # 5
    down = sdg([(2015, 100), (2020, 80)], 150)  # R far below −0.95: −5
    assert summarise([up, down]).score == 0
    assert summarise([up, down]).status is Status.LIMITED


def test_assessments_without_a_score_are_counted_apart():
    none = assess(series([(2021, 1)]), goal(3), today=TODAY, methodology="open_sdg")  # one value
    s = summarise([none, assess(series([(2015, 100), (2020, 104)]), goal(120), today=TODAY)])
    assert (s.score, s.status, s.scored, s.unscored) == (None, None, 0, 2)
    assert s.label_zh == "无法计算"


@settings(max_examples=200, deadline=None)
@given(
    first=st.integers(1, 1000),
    last=st.integers(1, 1000),
    target=st.integers(1, 2000),
    direction=st.sampled_from([">=", "<="]),
    no_target=st.booleans(),
)
def test_one_series_summarised_keeps_its_own_status(first, last, target, direction, no_target):
    s = series([(2015, first), (2020, last)])
    if no_target:
        a = assess_direction(s, "肉类总产量", direction, "万吨")
    else:
        a = assess(s, goal(target, comparator=direction), today=TODAY, methodology="open_sdg")
    if a.score is None:
        return
    assert -5 <= a.score <= 5
    assert summarise([a]).status is a.status
