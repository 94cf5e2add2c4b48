"""Status, projection, sentence and chart come from one model of growth per method.

A target to reach is judged by the growth so far against the growth it needs; the projection is that
same growth continued from the latest value (compound where the rates are compound), so a sentence
can never say "on track" and "short of the target" at once — except on track a little short, where
the sentence says that the 95% threshold decides.
"""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.indicators import Goal, Series, Status, assess
from luoshi.indicators.charts import chart

from .helpers import TODAY, goal, series

# the case: 5% a year exactly, and a target that needs exactly 5% a year from 2022 to 2030
FIVE_PERCENT = [(2020, 100), (2021, 105), (2022, 110.25)]


def test_growth_at_exactly_the_required_rate_is_on_track_and_projects_onto_the_target():
    a = assess(series(FIVE_PERCENT), goal(162.89, year=2030), today=TODAY)
    assert a.status is Status.ON_TRACK
    assert a.ratio == pytest.approx(1.0, abs=1e-4)
    assert a.projection is not None
    assert a.projection.model == "compound"
    assert a.projection.value == pytest.approx(110.25 * 1.05**8)  # 162.89, not the straight line's 151
    assert "约为163万吨" in a.explanation_zh
    assert "与目标基本持平" in a.explanation_zh
    assert "距目标差" not in a.explanation_zh
    assert "about level with the target" in a.explanation_en


def test_points_exactly_on_the_path_give_no_interval_of_no_width():
    a = assess(series(FIVE_PERCENT), goal(162.89, year=2030), today=TODAY)
    assert a.projection is not None
    assert a.projection.low is None
    assert a.projection.high is None
    assert "预测区间" not in a.explanation_zh


def test_on_track_but_a_little_short_says_the_threshold_decides():
    # 100 → 110 over 2015—2020 (1.924% a year); 134 by 2030 needs 1.993% a year from 110: R = 0.9655,
    # and 1.924% a year from 110 gives 133.1 in 2030, 0.9 short
    a = assess(series([(2015, 100), (2020, 110)]), goal(134), today=TODAY)
    assert a.status is Status.ON_TRACK
    assert a.ratio is not None
    assert 0.95 <= a.ratio < 1
    assert a.gap is not None
    assert a.gap > 0
    assert "距目标差" in a.explanation_zh
    assert "实际速度达到所需速度的95%以上，仍属进度正常" in a.explanation_zh
    assert "which counts as on track" in a.explanation_en


def test_the_interval_comes_from_the_same_model_as_the_projection():
    # three points around 2% a year: the interval of the random walk with drift is centred on the path
    a = assess(series([(2018, 100), (2020, 105), (2022, 108.2)]), goal(160, year=2035), today=TODAY)
    p = a.projection
    assert p is not None
    assert p.low is not None
    assert p.high is not None
    assert p.low < p.value < p.high
    assert a.path is not None
    assert p.value == pytest.approx(a.path.at(2035))
    assert p.value == pytest.approx(108.2 * (108.2 / 100) ** (13 / 4))


def test_a_constant_change_is_projected_as_a_constant_change():
    # from a zero base the method is the change per year: 0 → 10 over 2015—2020 is 2 a year; 30 in 2030
    a = assess(series([(2015, 0), (2020, 10)]), goal(40), today=TODAY)
    assert a.method == "slope"
    assert a.projection is not None
    assert a.projection.model == "linear"
    assert a.projection.value == pytest.approx(30)
    assert a.gap == pytest.approx(10)


def test_the_distance_to_a_limit_is_projected_as_it_is_judged():
    # 90% → 95%: the distance to 100% shrinks 12.94% a year; 5 × 0.8706^10 = 1.25 → 98.75% in 2030
    a = assess(
        series([(2015, 90), (2020, 95)], indicator="普及率", unit="%"),
        goal(99, indicator="普及率", unit="%"),
        today=TODAY,
    )
    assert a.status is Status.ACCELERATE
    assert a.projection is not None
    assert a.projection.value == pytest.approx(100 - 5 * 0.5**2, abs=1e-9)
    assert a.gap == pytest.approx(0.25)


def test_a_kept_level_keeps_the_weighted_trend_its_status_comes_from():
    a = assess(
        series([(2019, 46), (2021, 45.5), (2023, 45.2)], indicator="草原植被盖度", unit="%"),
        goal(45, indicator="草原植被盖度", unit="%", hold=True, year=2035),
        today=TODAY,
    )
    assert a.method == "hold"
    assert a.projection is not None
    assert a.projection.model == "trend"
    assert "按趋势2035年" in a.explanation_zh


def test_the_chart_draws_the_path_the_sentence_speaks_of():
    s, g = series(FIVE_PERCENT), goal(162.89, year=2030)
    a = assess(s, g, today=TODAY)
    svg = chart(s, goal=g, assessment=a)
    assert "照目前速度" in svg
    trend = svg.split('class="trend" points="')[1].split('"')[0].split()
    target = svg.split('<g class="target"><line x1="72" x2="736" y1="')[1].split('"')[0]
    assert float(trend[-1].split(",")[1]) == pytest.approx(float(target), abs=0.2)


def test_the_chart_of_an_open_sdg_assessment_draws_the_required_path_from_the_base_year():
    s, g = series([(2015, 100), (2020, 104)]), goal(120)
    a = assess(s, g, today=TODAY, methodology="open_sdg")
    assert a.required_path is not None
    assert a.required_path.t == 2015
    svg = chart(s, goal=g, assessment=a)
    required = svg.split('class="required" points="')[1].split('"')[0].split()
    first_point = svg.split('data-year="2015"')[0].rsplit("<circle", 1)[1]
    cx = float(first_point.split('cx="')[1].split('"')[0])
    assert float(required[0].split(",")[0]) == pytest.approx(cx, abs=0.1)


REACH = st.lists(st.integers(0, 10_000).map(lambda i: i / 10), min_size=2, max_size=6)


@settings(max_examples=300, deadline=None)
@given(
    values=REACH,
    target=st.integers(0, 20_000).map(lambda i: i / 10),
    comparator=st.sampled_from([">=", "<="]),
    year=st.integers(2026, 2050),
    methodology=st.sampled_from(["luoshi", "open_sdg"]),
    share=st.booleans(),
)
def test_no_status_contradicts_its_own_projection(values, target, comparator, year, methodology, share):
    name, unit = ("普及率", "%") if share else ("肉类总产量", "万吨")
    if share:
        values = [min(v, 100.0) for v in values]
        target = min(target, 100.0)
    s = Series.of(name, unit, [(2015 + i, v) for i, v in enumerate(values)])
    a = assess(
        s, Goal(name, comparator, target, unit, year), today=date(2024, 6, 30), methodology=methodology
    )
    if a.method not in ("growth", "slope") or a.ratio is None or a.gap is None or math.isinf(a.ratio):
        return
    scale = max(abs(target), 1.0)
    if a.ratio >= 1 + 1e-6:
        assert a.gap <= 1e-6 * scale, a.explanation_zh
    if a.ratio <= 1 - 1e-6:
        assert a.gap >= -1e-6 * scale, a.explanation_zh
    if a.status in (Status.ACCELERATE, Status.LIMITED, Status.DETERIORATING):
        assert "超出目标" not in a.explanation_zh
    if a.status is Status.ON_TRACK and "距目标差" in a.explanation_zh:
        assert "仍属进度正常" in a.explanation_zh
