"""Units: every family converts within itself, and nothing converts across families."""

from __future__ import annotations

import pytest

from luoshi.indicators import UnitError, compatible, convert, family


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        # mass
        (1, "万吨", "亿斤", 0.2),
        (850, "亿斤", "万吨", 4250),
        (1, "亿吨", "万吨", 1e4),
        (1, "吨", "斤", 2000),
        (1, "公斤", "千克", 1),
        (1, "吨", "公斤", 1000),
        (3, "万斤", "斤", 3e4),
        (35.54, "kg", "斤", 71.08),
        # area
        (15, "亩", "公顷", 1),
        (480, "万亩", "万公顷", 32),
        (1, "平方公里", "公顷", 100),
        (1, "万公顷", "平方公里", 100),
        (1, "平方公里", "亩", 1500),
        # power
        (92.6, "GW", "万千瓦", 9260),
        (1, "亿千瓦", "万千瓦", 1e4),
        (1, "MW", "kW", 1000),
        (1, "千瓦", "kW", 1),
        (1, "GW", "MW", 1000),
        # energy
        (133.5, "TWh", "亿千瓦时", 1335),
        (1, "亿千瓦时", "万千瓦时", 1e4),
        (1, "GWh", "kWh", 1e6),
        (1, "千瓦时", "度", 1),
        # money
        (1, "万亿元", "亿元", 1e4),
        (1, "亿元", "万元", 1e4),
        (1, "万元", "元", 1e4),
        # counts
        (1, "万人", "人", 1e4),
        (2, "万家", "家", 2e4),
        (1, "亿个", "万个", 1e4),
        # rates
        (5, "%", "‰", 50),
        (2, "个百分点", "百分点", 2),
    ],
)
def test_it_converts_within_a_family(value, source, target, expected):
    assert convert(value, source, target) == pytest.approx(expected, rel=1e-12)
    assert compatible(source, target)


def test_a_conversion_and_its_inverse_come_back_to_the_value():
    for a, b in [
        ("万吨", "亿斤"),
        ("万亩", "平方公里"),
        ("GW", "万千瓦"),
        ("TWh", "亿千瓦时"),
        ("万亿元", "元"),
    ]:
        assert convert(convert(123.45, a, b), b, a) == pytest.approx(123.45, rel=1e-12)


def test_a_round_figure_stays_round():
    assert convert(1, "万吨", "亿斤") == 0.2
    assert convert(820, "亿斤", "万吨") == 4100


def test_the_same_unit_converts_even_when_unknown():
    assert convert(7, "头羊", "头羊") == 7
    assert compatible("头羊", "头羊")


def test_spaces_and_other_spellings_are_the_same_unit():
    assert convert(1, " 万 千瓦 ", "kw") == 1e4
    assert convert(1, "％", "%") == 1
    assert family("km²") == "area"


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("万吨", "万亩"),
        ("万千瓦", "亿千瓦时"),  # power is not energy
        ("亿元", "万吨"),
        ("人", "家"),  # people are not enterprises
        ("万人", "万个"),
        ("公顷", "吨"),
    ],
)
def test_it_refuses_units_of_different_families(source, target):
    assert not compatible(source, target)
    with pytest.raises(UnitError) as caught:
        convert(1, source, target)
    assert caught.value.message_zh.startswith("单位不兼容：")
    assert caught.value.message_en.startswith("Incompatible units: ")
    assert f"{source} 不能换算为 {target}" in caught.value.message_zh


def test_a_percentage_never_converts_into_percentage_points():
    assert not compatible("%", "个百分点")
    with pytest.raises(UnitError) as caught:
        convert(3, "%", "个百分点")
    assert "个百分点是比率的变化" in caught.value.message_zh
    assert "a percentage point a change of a rate" in caught.value.message_en


def test_the_message_of_the_example_in_the_issue():
    with pytest.raises(UnitError) as caught:
        convert(1, "万吨", "万亩")
    assert caught.value.message_zh.startswith("单位不兼容：万吨 不能换算为 万亩")
    assert caught.value.message_en.startswith("Incompatible units: 万吨 cannot be converted to 万亩")


def test_an_unknown_unit_is_a_unit_error_not_a_key_error():
    with pytest.raises(UnitError) as caught:
        convert(1, "万吨", "箩筐")
    assert "未知单位：箩筐" in caught.value.message_zh
    assert not compatible("万吨", "箩筐")
    assert isinstance(caught.value, ValueError)
    assert not isinstance(caught.value, KeyError)


def test_families_are_named():
    assert family("亿斤") == "mass"
    assert family("万亩") == "area"
    assert family("GW") == "power"
    assert family("kWh") == "energy"
    assert family("亿元") == "money"
    assert family("万人") == "count:人"
    assert family("%") == "rate"
    assert family("个百分点") == "rate change"
    assert family("箩筐") is None
