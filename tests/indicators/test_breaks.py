"""Breaks in a series: every method uses only the points from the latest break on, and says so."""

from __future__ import annotations

from luoshi.indicators import Break, Relation, Series, Status, assess, assess_relation

from .helpers import TODAY, goal

FOREST = [(2012, 20.8), (2019, 22.1), (2021, 23.0), (2022, 23.0), (2023, 20.79)]
REBASED = (Break(2023, "新一轮调查基数", "a new survey base"),)


def forest(extra=(), breaks=REBASED):
    return Series.of("森林覆盖率", "%", [*FOREST, *extra], breaks=breaks)


def target():
    return goal(25, indicator="森林覆盖率", unit="%", year=2035)


def test_a_single_point_after_the_break_is_insufficient_data():
    a = assess(forest(), target(), today=TODAY)
    assert a.status is Status.INSUFFICIENT
    assert "2023年起新一轮调查基数，只用2023年起的1个数据点" in a.explanation_zh
    assert "only the 1 point(s) from 2023 on are used" in a.explanation_en


def test_the_points_before_the_break_are_not_used():
    a = assess(forest(extra=[(2024, 21.2), (2025, 21.6)]), target(), today=TODAY)
    assert a.base is not None
    assert a.base.year == 2023
    # 20.79 → 21.6 over two years: growth, not the fall from 23% that mixing the bases would show
    assert a.ratio is not None
    assert a.ratio > 0
    assert "只用2023年起的3个数据点" in a.explanation_zh


def test_without_the_break_the_rebasing_would_read_as_deterioration():
    mixed = assess(forest(breaks=()), target(), today=TODAY)  # 20.8% in 2012, 20.79% in 2023
    assert mixed.base is not None
    assert mixed.base.year == 2012
    assert mixed.status is Status.DETERIORATING


def test_the_latest_of_several_breaks_counts():
    s = Series.of("x", "万吨", [(2010, 1), (2015, 5), (2016, 6), (2020, 9), (2021, 10)], breaks=[2015, 2020])
    points, brk = s.segment()
    assert brk is not None
    assert brk.year == 2020
    assert [p.year for p in points] == [2020, 2021]


def test_a_break_after_the_latest_point_is_ignored():
    s = Series.of("x", "万吨", [(2010, 1), (2011, 2)], breaks=[2030])
    points, brk = s.segment()
    assert brk is None
    assert len(points) == 2


def test_a_relation_uses_the_segment_after_a_break_too():
    new = Series.of(
        "新能源装机规模", "万千瓦", [(2020, 1), (2021, 2), (2022, 7000), (2023, 8000)], breaks=[2022]
    )
    thermal = Series.of("火电装机规模", "万千瓦", [(2022, 10000), (2023, 10000)])
    a = assess_relation(new, thermal, Relation("新能源装机规模", "火电装机规模", ">", 2025), today=TODAY)
    assert "新能源装机规模2022年起统计口径调整" in a.explanation_zh
    assert a.crossing_year == 2025
