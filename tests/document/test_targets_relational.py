"""Relational targets: one indicator against another."""

from __future__ import annotations

from .helpers import brief, targets


def test_one_indicator_exceeding_another():
    found = targets("到2025年新能源装机规模超过火电装机规模、2030年新能源发电总量超过火电发电总量。")
    assert [brief(t) for t in found] == [
        ("relational", "新能源装机规模", ">", "火电装机规模", 2025),
        ("relational", "新能源发电总量", ">", "火电发电总量", 2030),
    ]


def test_growth_in_step_with_another():
    (t,) = targets("今年居民人均可支配收入增长与经济增长基本同步。", year=2026)
    assert brief(t) == ("relational", "居民人均可支配收入增长", "≈", "经济增长", 2026)


def test_growth_faster_than_another_group():
    (t,) = targets("农村居民人均可支配收入增速快于城镇居民。")
    assert brief(t) == ("relational", "农村居民人均可支配收入增速", ">", "城镇居民", None)


def test_surpassing_an_expectation_is_not_a_relation():
    assert targets("各项工作进展超过预期。") == []


def test_reaching_the_national_average_is_a_relation():
    (t,) = targets("到2030年，人均受教育年限达到全国平均水平。")
    assert brief(t) == ("relational", "人均受教育年限", ">=", "全国平均水平", 2030)
