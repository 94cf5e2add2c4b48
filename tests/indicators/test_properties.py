"""Properties: a status never flips under a unit conversion, and no finite input raises."""

from __future__ import annotations

import math
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from luoshi.indicators import (
    Goal,
    Point,
    Relation,
    Series,
    TaskView,
    assess,
    assess_milestone,
    assess_relation,
    convert,
    delivery,
    project,
)

TODAY = date(2024, 6, 30)
COMPARATORS = st.sampled_from([">=", ">", "≈", "<=", "<", "="])


@st.composite
def yearly(draw, values):
    """Points in distinct years, in any order, with values from ``values``."""
    years = draw(st.lists(st.integers(1990, 2030), min_size=0, max_size=12, unique=True))
    return [(y, draw(values)) for y in years]


# Values of policy data: whole numbers or one decimal, so that the only differences between two
# units are the conversion's own rounding.
TIDY = st.integers(-100_000, 100_000).map(lambda i: i / 10)
SHARE = st.integers(0, 1000).map(lambda i: i / 10)


@settings(max_examples=300, deadline=None)
@given(
    values=yearly(TIDY),
    target=TIDY,
    comparator=COMPARATORS,
    year=st.integers(2000, 2060),
    hold=st.booleans(),
    pair=st.sampled_from(
        [("万吨", "亿斤"), ("万吨", "吨"), ("亿斤", "公斤"), ("万亩", "公顷"), ("GW", "万千瓦")]
    ),
)
def test_a_status_does_not_change_when_series_and_target_change_unit_together(
    values, target, comparator, year, hold, pair
):
    a, b = pair
    s = Series.of("指标", a, values)
    g = Goal("指标", comparator, target, a, year, hold=hold)
    g2 = Goal("指标", comparator, convert(target, a, b), b, year, hold=hold)
    first = assess(s, g, today=TODAY)
    assert assess(s.to(b), g2, today=TODAY).status is first.status
    assert assess(s, g2, today=TODAY).status is first.status  # the series converted inside


@settings(max_examples=200, deadline=None)
@given(values=yearly(SHARE), target=SHARE, comparator=COMPARATORS, year=st.integers(2000, 2060))
def test_a_share_keeps_its_status_in_per_mille(values, target, comparator, year):
    s = Series.of("森林覆盖率", "%", values)
    first = assess(s, Goal("森林覆盖率", comparator, target, "%", year), today=TODAY)
    other = assess(s.to("‰"), Goal("森林覆盖率", comparator, target * 10, "‰", year), today=TODAY)
    assert other.status is first.status


@settings(max_examples=200, deadline=None)
@given(
    a=yearly(TIDY.filter(lambda v: v >= 0)),
    b=yearly(TIDY.filter(lambda v: v >= 0)),
    year=st.integers(2000, 2060),
)
def test_a_relation_keeps_its_status_and_crossing_year_in_another_unit(a, b, year):
    rel = Relation("新能源装机规模", "火电装机规模", ">", year)
    first = assess_relation(Series.of("a", "万千瓦", a), Series.of("b", "万千瓦", b), rel, today=TODAY)
    other = assess_relation(
        Series.of("a", "万千瓦", a).to("GW"), Series.of("b", "万千瓦", b).to("GW"), rel, today=TODAY
    )
    mixed = assess_relation(
        Series.of("a", "万千瓦", a), Series.of("b", "万千瓦", b).to("MW"), rel, today=TODAY
    )
    assert other.status is mixed.status is first.status
    assert other.crossing_year == mixed.crossing_year == first.crossing_year


FLOATS = st.floats(allow_nan=False, allow_infinity=False)


@settings(max_examples=500, deadline=None)
@given(
    values=yearly(FLOATS),
    target=FLOATS,
    value_max=st.none() | FLOATS,
    comparator=COMPARATORS,
    year=st.none() | st.integers(1900, 2200),
    hold=st.booleans(),
    unit=st.sampled_from(["万吨", "%", "亿元", "个百分点", "箩筐"]),
    goal_unit=st.sampled_from(["万吨", "亿斤", "%", "‰", "亿元", "箩筐"]),
    indicator=st.sampled_from(["森林覆盖率", "粮食总产量", "增长率"]),
    breaks=st.lists(st.integers(1990, 2030), max_size=2),
    tasks=st.none() | st.builds(TaskView, st.integers(-2, 20), st.integers(-2, 20), st.integers(-2, 20)),
    methodology=st.sampled_from(["luoshi", "open_sdg"]),
    base_year=st.none() | st.integers(1985, 2035),
)
def test_no_finite_input_makes_assess_raise(
    values,
    target,
    value_max,
    comparator,
    year,
    hold,
    unit,
    goal_unit,
    indicator,
    breaks,
    tasks,
    methodology,
    base_year,
):
    s = Series.of(indicator, unit, values, breaks=breaks)
    g = Goal(indicator, comparator, target, goal_unit, year, hold, value_max)
    a = assess(s, g, today=TODAY, methodology=methodology, base_year=base_year)
    assert a.explanation_zh
    assert a.explanation_en
    d = delivery(a, tasks)
    assert d.sentence_zh.endswith("。")


@settings(max_examples=300, deadline=None)
@given(
    a=yearly(FLOATS),
    b=yearly(FLOATS),
    comparator=COMPARATORS,
    year=st.none() | st.integers(1900, 2200),
    units=st.sampled_from([("万千瓦", "GW"), ("亿千瓦时", "亿千瓦时"), ("万千瓦", "亿元")]),
)
def test_no_finite_input_makes_assess_relation_raise(a, b, comparator, year, units):
    rel = Relation("甲", "乙", comparator, year)
    r = assess_relation(Series.of("甲", units[0], a), Series.of("乙", units[1], b), rel, today=TODAY)
    assert r.explanation_zh
    assert r.explanation_en


@settings(max_examples=300, deadline=None)
@given(values=yearly(FLOATS), year=st.integers(1900, 2200), half_life=st.floats(0.1, 100) | st.just(math.inf))
def test_no_finite_input_makes_project_raise(values, year, half_life):
    p = project([Point(y, v) for y, v in sorted(values)], year, half_life=half_life)
    assert p is None or math.isfinite(p.value)


@given(
    deadline=st.dates(date(2000, 1, 1), date(2100, 1, 1)) | st.integers(2000, 2100),
    done=st.none() | st.dates(date(2000, 1, 1), date(2100, 1, 1)),
    today=st.dates(date(2000, 1, 1), date(2100, 1, 1)),
)
def test_no_dates_make_a_milestone_raise(deadline, done, today):
    assert assess_milestone(deadline, done, today).explanation_zh
