"""Projection: a weighted linear trend to the target year, with a t prediction interval."""

from __future__ import annotations

import math

import pytest

from luoshi.indicators import HALF_LIFE, Point, project, t_quantile


def pts(values):
    return [Point(y, v) for y, v in values]


def test_an_exact_line_is_projected_exactly_with_a_zero_width_interval():
    p = project(pts([(2020, 10), (2021, 12), (2022, 14), (2023, 16)]), 2030)
    assert p is not None
    assert p.value == pytest.approx(30)
    assert p.slope == pytest.approx(2)
    assert p.low == pytest.approx(30)
    assert p.high == pytest.approx(30)


def test_ordinary_least_squares_reproduces_the_textbook_interval():
    # x = 1..5, y = 1, 3, 2, 5, 4: slope 0.8, intercept 0.6, s² = 3.6 / 3 = 1.2.
    # At x = 7: ŷ = 6.2, se = √(1.2 (1 + 1/5 + (7−3)²/10)) = √3.36 = 1.8330, t(0.975, 3) = 3.1824
    p = project(pts([(2001, 1), (2002, 3), (2003, 2), (2004, 5), (2005, 4)]), 2007, half_life=math.inf)
    assert p is not None
    assert p.value == pytest.approx(6.2)
    half = 3.182446 * math.sqrt(3.36)
    assert p.low == pytest.approx(6.2 - half, rel=1e-5)
    assert p.high == pytest.approx(6.2 + half, rel=1e-5)


def test_weights_halve_every_half_life_back_from_the_latest_point():
    values = [(2004, 5.0), (2009, 9.0), (2014, 8.0), (2019, 12.0), (2024, 11.0)]
    w = [0.5 ** ((2024 - y) / HALF_LIFE) for y, _ in values]
    assert w == [1 / 16, 1 / 8, 1 / 4, 1 / 2, 1]
    sw = sum(w)
    mx = sum(wi * y for wi, (y, _) in zip(w, values, strict=True)) / sw
    my = sum(wi * v for wi, (_, v) in zip(w, values, strict=True)) / sw
    sxx = sum(wi * (y - mx) ** 2 for wi, (y, _) in zip(w, values, strict=True))
    b = sum(wi * (y - mx) * (v - my) for wi, (y, v) in zip(w, values, strict=True)) / sxx
    expected = my + b * (2035 - mx)
    p = project(pts(values), 2035)
    assert p is not None
    assert p.value == pytest.approx(expected)
    assert p.slope == pytest.approx(b)


def test_recent_points_pull_the_trend_more_than_old_ones():
    # flat for years, then rising: the weighted trend rises faster than ordinary least squares
    values = pts([(2010 + i, 100.0) for i in range(10)] + [(2020, 110), (2021, 120), (2022, 130)])
    weighted, ordinary = project(values, 2030), project(values, 2030, half_life=math.inf)
    assert weighted is not None
    assert ordinary is not None
    assert weighted.slope > ordinary.slope


def test_two_points_give_a_line_but_no_interval():
    p = project(pts([(2020, 10), (2022, 14)]), 2030)
    assert p is not None
    assert p.value == pytest.approx(30)
    assert p.low is None
    assert p.high is None


def test_one_point_gives_no_projection():
    assert project(pts([(2020, 10)]), 2030) is None
    assert project([], 2030) is None


def test_a_projection_is_clipped_to_natural_bounds():
    p = project(pts([(2020, 90), (2021, 95), (2022, 99)]), 2035, bounds=(0, 100))
    assert p is not None
    assert p.value == 100
    assert p.high == 100


def test_a_stock_read_mid_year_sits_inside_its_year():
    # 100 at the end of 2024, 105 as of June 2025: half a year, so 10 a year
    p = project([Point(2024, 100), Point(2025, 105, month=6)], 2026)
    assert p is not None
    assert p.slope == pytest.approx(10)
    assert p.value == pytest.approx(120)


@pytest.mark.parametrize(
    ("df", "expected"),
    [
        (1, 12.7062),
        (2, 4.3027),
        (3, 3.1824),
        (5, 2.5706),
        (10, 2.2281),
        (18, 2.1009),
        (30, 2.0423),
        (100, 1.9840),
    ],
)
def test_student_t_quantiles_match_the_tables(df, expected):
    assert t_quantile(0.975, df) == pytest.approx(expected, abs=1e-4)


def test_student_t_is_symmetric():
    assert t_quantile(0.025, 7) == pytest.approx(-t_quantile(0.975, 7))
