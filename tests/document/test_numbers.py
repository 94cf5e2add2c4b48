"""Quantities: numbers, Chinese numerals, magnitude words, units and the modifiers around them."""

from __future__ import annotations

import pytest

from luoshi.document._numbers import find_quantities, parse_number
from luoshi.document._text import cn_to_int


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("十二", 12),
        ("一百二十", 120),
        ("两千", 2000),
        ("二〇三五", 2035),
        ("千", 1000),
        ("三", 3),
        ("二十一", 21),
    ],
)
def test_chinese_numerals_are_read(text, value):
    assert cn_to_int(text) == value


def test_a_chinese_decimal_is_read():
    assert parse_number("三点五") == 3.5
    assert parse_number("1,200") == 1200


def q(text: str) -> list[tuple[float, str, float | None, bool, str | None]]:
    return [(x.value, x.unit, x.value_max, x.approx, x.suffix) for x in find_quantities(text)]


def test_a_number_with_a_magnitude_unit_keeps_the_magnitude_in_the_unit():
    assert q("提升至850亿斤") == [(850, "亿斤", None, False, None)]
    assert q("达到1000万吨") == [(1000, "万吨", None, False, None)]
    assert q("突破3万亿元") == [(3, "万亿元", None, False, None)]


def test_magnitude_words_without_digits_fold_into_the_value():
    assert q("产值超千亿元") == [(1000, "亿元", None, False, None)]
    assert q("产值过百亿元") == [(100, "亿元", None, False, None)]
    assert q("治理退化草原两千万亩") == [(2000, "万亩", None, False, None)]


def test_percentages_and_percentage_points_are_units():
    assert q("提高1.5个百分点") == [(1.5, "个百分点", None, False, None)]
    assert q("稳定在45%以上") == [(45, "%", None, False, "以上")]
    assert q("达到百分之九十") == [(90, "%", None, False, None)]
    assert q("覆盖率达到三成以上") == [(30, "%", None, False, "以上")]


def test_duo_and_yu_mark_more_than():
    assert q("2400多万人") == [(2400, "万人", None, True, None)]
    assert q("1000余家") == [(1000, "家", None, True, None)]


def test_a_range_keeps_both_ends():
    assert q("增长5%—6%") == [(5, "%", 6, False, None)]
    assert q("增长5—6个百分点") == [(5, "个百分点", 6, False, None)]


def test_a_ratio_without_a_unit_needs_its_modifier():
    assert q("城乡居民收入比缩小到2.1以内") == [(2.1, "", None, False, "以内")]
    assert q("第2.1节") == []


def test_years_plans_classes_and_ordinary_words_are_not_quantities():
    assert q("到2035年") == []
    assert q("2022—2025年") == []
    assert q("打造千亿级产业集群") == []
    assert q("一个中心、两个基本点，十大工程") == []
    assert q("“1+N+X”政策体系") == []
    assert q("万众一心") == []


def test_quantities_inside_quotation_marks_are_skipped():
    assert q("实施“三个500亿元”工程") == []


def test_full_width_digits_are_read_after_folding():
    from luoshi.document._text import fold_width

    assert q(fold_width("达到２５％")) == [(25, "%", None, False, None)]
