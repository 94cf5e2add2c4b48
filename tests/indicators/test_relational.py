"""Relational targets: one series against another (新能源装机规模 > 火电装机规模 by 2025).

Both series are projected by their weighted trends; the gap a − b must close at the rate
−gap_now ÷ (target year − now). R = actual closing rate ÷ required closing rate, which equals
(target year − now) ÷ (crossing year − now), and takes the thresholds of the growth method.
"""

from __future__ import annotations

import pytest

from luoshi.indicators import HORIZON, Relation, Series, Status, assess_relation

from .helpers import TODAY

CAPACITY = Relation("新能源装机规模", "火电装机规模", ">", 2025)


def check(new, thermal, relation=CAPACITY, unit="万千瓦", ref_unit=None):
    a = Series.of(relation.indicator, unit, new)
    b = Series.of(relation.reference, ref_unit or unit, thermal)
    return assess_relation(a, b, relation, today=TODAY)


def test_a_relation_seen_in_the_data_has_already_crossed():
    a = check([(2020, 5000), (2021, 6000), (2022, 11000)], [(2020, 10000), (2021, 10000), (2022, 10000)])
    assert a.status is Status.ACHIEVED
    assert a.crossing_year == 2022
    assert a.explanation_zh == "2022年新能源装机规模11000万千瓦，已超过火电装机规模10000万千瓦"


def test_a_crossing_after_the_target_year_needs_acceleration():
    # new +1000 a year from 7000, thermal +200 from 10400: the gap of 3400 closes 800 a year → 2027
    a = check([(2020, 5000), (2021, 6000), (2022, 7000)], [(2020, 10000), (2021, 10200), (2022, 10400)])
    assert a.crossing_year == 2027
    assert a.ratio == pytest.approx(3 / 4.25, abs=1e-6)  # 3 years left, 4.25 needed
    assert a.status is Status.ACCELERATE
    assert "约于2027年超过火电装机规模，晚于目标年份2025年" in a.explanation_zh


def test_a_crossing_by_the_target_year_is_on_track():
    a = check([(2020, 5000), (2021, 6500), (2022, 8000)], [(2020, 10000), (2021, 10000), (2022, 10000)])
    assert a.crossing_year == 2024  # 2000 short, closing 1500 a year
    assert a.status is Status.ON_TRACK


def test_a_widening_gap_never_crosses_and_is_deterioration():
    a = check([(2020, 5000), (2021, 5100), (2022, 5200)], [(2020, 10000), (2021, 10200), (2022, 10400)])
    assert a.crossing_year is None
    assert a.status is Status.DETERIORATING
    assert f"{HORIZON}年前新能源装机规模不会超过火电装机规模" in a.explanation_zh


def test_a_gap_closing_too_slowly_reports_no_crossing_before_2060():
    a = check([(2020, 5000), (2021, 5100), (2022, 5200)], [(2020, 10000), (2021, 10050), (2022, 10100)])
    assert a.crossing_year is None  # 4900 closing 50 a year: 2120
    assert a.status is Status.LIMITED
    assert "差距在缩小，但按趋势2060年前" in a.explanation_zh


def test_a_single_point_of_one_series_is_assumed_level_and_said_so():
    a = check([(2020, 5000), (2021, 6000)], [(2022, 10000)])
    assert a.crossing_year == 2025
    assert "火电装机规模只有2022年1个数据点，假定保持不变" in a.explanation_zh


def test_a_single_point_in_each_series_is_insufficient_data():
    r = Relation("新能源发电总量", "火电发电总量", ">", 2030)
    a = check([(2022, 1335)], [(2022, 5221.2)], relation=r, unit="亿千瓦时")
    assert a.status is Status.INSUFFICIENT
    assert "都只有1个数据点" in a.explanation_zh


def test_the_reference_is_converted_to_the_series_unit():
    a = check(
        [(2020, 5000), (2021, 6000), (2022, 11000)], [(2020, 100), (2021, 100), (2022, 100)], ref_unit="GW"
    )
    assert a.status is Status.ACHIEVED
    assert "火电装机规模10000万千瓦" in a.explanation_zh


def test_incompatible_units_cannot_be_compared():
    a = check([(2020, 1), (2021, 2)], [(2020, 1), (2021, 2)], ref_unit="亿千瓦时")
    assert a.status is Status.NOT_ASSESSABLE
    assert a.explanation_zh.startswith("单位不兼容")


def test_a_less_than_relation_flips_the_direction():
    r = Relation("煤电装机占比", "全国平均水平", "<", 2030)
    a = check(
        [(2020, 70), (2021, 66), (2022, 62)], [(2020, 50), (2021, 50), (2022, 50)], relation=r, unit="%"
    )
    assert a.crossing_year == 2025  # 12 points above, falling 4 a year
    assert a.status is Status.ON_TRACK


def test_the_target_year_in_both_series_decides():
    a = check([(2024, 9000), (2025, 12000)], [(2024, 11000), (2025, 11500)])
    assert a.status is Status.ACHIEVED
    missed = check([(2024, 9000), (2025, 11000)], [(2024, 11000), (2025, 11500)])
    assert missed.status is Status.MISSED


def test_a_relation_without_a_year_cannot_be_assessed():
    r = Relation("农村居民人均可支配收入增速", "城镇居民", ">", None)
    assert (
        check([(2020, 1), (2021, 2)], [(2020, 1), (2021, 1)], relation=r, unit="%").status
        is Status.NOT_ASSESSABLE
    )
