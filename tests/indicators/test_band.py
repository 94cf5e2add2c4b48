"""Targets of about a figure (≈, 左右) and ranges (5%—6%): a band around the figure counts as met.

The band is ± 0.5 percentage point for a percentage and ± 5% of the figure otherwise, unless the
goal gives its own tolerance; a range is its own band.
"""

from __future__ import annotations

import pytest

from luoshi.indicators import Status, assess

from .helpers import TODAY, goal, series


def test_a_value_inside_the_band_meets_an_about_target():
    a = assess(
        series([(2021, 820), (2022, 845)], unit="亿斤"), goal(850, comparator="≈", unit="亿斤"), today=TODAY
    )
    assert a.status is Status.ACHIEVED
    assert a.method == "band"
    assert "在目标区间807.5—892.5亿斤内" in a.explanation_zh  # 850 ± 5%


def test_the_band_of_a_percentage_is_half_a_point():
    inside = assess(
        series([(2021, 5.2), (2022, 5.6)], unit="%"), goal(6, comparator="≈", unit="%"), today=TODAY
    )
    outside = assess(
        series([(2021, 5.2), (2022, 5.4)], unit="%"), goal(6, comparator="≈", unit="%"), today=TODAY
    )
    assert inside.status is Status.ACHIEVED
    assert outside.status is not Status.ACHIEVED


def test_a_value_outside_the_band_is_judged_on_the_growth_to_its_nearer_edge():
    # 700 → 720 in a year; the band's lower edge is 807.5 (850 − 5%): (807.5/720)^(1/8) − 1 = 1.44% a year
    a = assess(
        series([(2021, 700), (2022, 720)], unit="亿斤"), goal(850, comparator="≈", unit="亿斤"), today=TODAY
    )
    assert a.required_rate == pytest.approx((807.5 / 720) ** (1 / 8) - 1, rel=1e-9)
    assert a.status is Status.ON_TRACK


def test_coming_down_into_the_band_from_above_is_progress():
    a = assess(
        series([(2021, 1000), (2022, 980)], unit="亿斤"), goal(850, comparator="≈", unit="亿斤"), today=TODAY
    )
    assert a.ratio is not None
    assert a.ratio > 0


def test_a_range_is_its_own_band():
    a = assess(series([(2021, 4.0), (2022, 5.5)], unit="%"), goal(5, value_max=6, unit="%"), today=TODAY)
    assert a.status is Status.ACHIEVED
    assert "5—6%" in a.explanation_zh


def test_a_goal_can_set_its_own_tolerance():
    a = assess(
        series([(2021, 820), (2022, 845)], unit="亿斤"),
        goal(850, comparator="≈", unit="亿斤", tolerance=2),
        today=TODAY,
    )
    assert a.status is not Status.ACHIEVED


def test_a_band_to_keep_is_on_track_while_the_trend_stays_inside():
    a = assess(
        series([(2020, 849), (2021, 850), (2022, 851)], unit="亿斤"),
        goal(850, comparator="≈", unit="亿斤", hold=True),
        today=TODAY,
    )
    assert a.status is Status.ON_TRACK
