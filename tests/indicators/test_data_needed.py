"""Where the data are too few, the assessment says which data would settle it."""

from __future__ import annotations

from datetime import date

from luoshi.indicators import Point, Relation, Series, Status, assess, assess_relation

from .helpers import TODAY, goal, series


def test_a_single_value_asks_for_a_second_year():
    a = assess(series([(2021, 300)]), goal(400), today=TODAY)
    assert a.status is Status.INSUFFICIENT
    assert a.explanation_zh == (
        "只有1个数据点（2021年300万吨），无法计算增速；"
        "需要至少两年的“肉类总产量”数据，再有2022年或以后一年的数据即可判断"
    )
    assert "at least two years of data on 肉类总产量 are needed: one more value for 2022 or later" in (
        a.explanation_en
    )


def test_no_values_at_all_ask_for_two_years():
    a = assess(
        series([], indicator="设施农业面积", unit="万亩"), goal(480, indicator="设施农业面积", unit="万亩")
    )
    assert a.explanation_zh == "没有“设施农业面积”的实测数据；需要至少两年的“设施农业面积”数据"


def test_after_a_break_it_asks_for_values_from_the_break_on():
    a = assess(
        series([(2019, 22.1), (2023, 20.79)], indicator="森林覆盖率", unit="%", breaks=[2023]),
        goal(25, indicator="森林覆盖率", unit="%", year=2035),
        today=TODAY,
    )
    assert a.status is Status.INSUFFICIENT
    assert (
        "需要至少两年的“森林覆盖率”数据（2023年起），再有2024年或以后一年的数据即可判断" in a.explanation_zh
    )
    assert "(from 2023) are needed" in a.explanation_en


def test_a_value_read_during_the_year_asks_for_a_later_one():
    s = Series("新能源装机规模", "万千瓦", (Point(2025, 13500, month=5),))
    a = assess(s, goal(20000, indicator="新能源装机规模", unit="万千瓦"), today=TODAY)
    assert "再有2025年5月以后的一个数据即可判断" in a.explanation_zh
    assert "one more value after 2025-05 would settle it" in a.explanation_en


def test_a_level_to_keep_with_one_value_asks_for_a_second_year():
    a = assess(
        series([(2023, 45)], indicator="草原植被盖度", unit="%"),
        goal(45, indicator="草原植被盖度", unit="%", hold=True, year=2035),
        today=TODAY,
    )
    assert a.status is Status.INSUFFICIENT
    assert "无法判断能否保持；需要至少两年的“草原植被盖度”数据" in a.explanation_zh


def test_a_base_year_that_leaves_one_value_asks_for_values_from_the_base_year_on():
    a = assess(series([(2018, 100), (2020, 110)]), goal(150), today=TODAY, base_year=2020)
    assert a.status is Status.INSUFFICIENT
    assert "需要至少两年的“肉类总产量”数据（2020年起）" in a.explanation_zh


def test_a_relation_of_two_single_values_asks_for_a_second_year_of_both():
    a = assess_relation(
        Series.of("新能源发电总量", "亿千瓦时", [(2022, 1400)]),
        Series.of("火电发电总量", "亿千瓦时", [(2022, 5200)]),
        Relation("新能源发电总量", "火电发电总量", ">", 2030),
        today=date(2026, 11, 27),
    )
    assert a.status is Status.INSUFFICIENT
    assert a.crossing_year is None
    assert a.explanation_zh.endswith(
        "需要“新能源发电总量”和“火电发电总量”各至少两年的数据，才能推算何时超过（再有2023年或以后一年的数据即可）"
    )
    assert "at least two years of data on 新能源发电总量 and 火电发电总量 each are needed" in a.explanation_en


def test_a_relation_missing_one_series_asks_for_it():
    a = assess_relation(
        Series.of("新能源发电总量", "亿千瓦时", [(2021, 1200), (2022, 1400)]),
        Series("火电发电总量", "亿千瓦时", ()),
        Relation("新能源发电总量", "火电发电总量", ">", 2030),
        today=date(2026, 11, 27),
    )
    assert a.explanation_zh == "火电发电总量没有数据；需要“火电发电总量”至少两年的数据，才能推算何时超过"


def test_a_relation_with_one_single_value_says_what_would_give_its_trend():
    a = assess_relation(
        Series.of("新能源发电总量", "亿千瓦时", [(2020, 1000), (2021, 1200), (2022, 1400)]),
        Series.of("火电发电总量", "亿千瓦时", [(2022, 5200)]),
        Relation("新能源发电总量", "火电发电总量", ">", 2030),
        today=date(2026, 11, 27),
    )
    assert "火电发电总量只有2022年1个数据点，假定保持不变（再有2023年或以后一年的数据即可推算其趋势）" in (
        a.explanation_zh
    )
