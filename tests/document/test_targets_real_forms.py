"""Forms of targets that real reports write: 迈上…台阶, 分别从…提高到…, subjects of one kind sharing a
growth, relations to an average, two relations of one subject, new units."""

from __future__ import annotations

from .helpers import targets


def _seen(text: str) -> list[tuple[object, ...]]:
    return [(t.indicator, t.comparator, t.value, t.unit, t.year) for t in targets(text, year=2026)]


def test_stepping_up_to_a_level_is_at_least_that_level():
    assert _seen("力争到2030年，全市地区生产总值迈上4万亿元新台阶。") == [
        ("地区生产总值", ">=", 4, "万亿元", 2030)
    ]


def test_respectively_from_old_figures_to_new_ones_sets_the_new_ones():
    assert _seen("今年，生活补贴、护理补贴标准分别从每人每月200元、280元提高到210元、290元。") == [
        ("生活补贴标准", ">=", 210, "元", 2026),
        ("护理补贴标准", ">=", 290, "元", 2026),
    ]


def test_subjects_of_one_kind_share_a_growth_without_fenbie():
    assert _seen("“十五五”时期，工业投资、民间投资年均增长6%左右。") == [
        ("工业投资年均增长", "≈", 6, "%", 2030),
        ("民间投资年均增长", "≈", 6, "%", 2030),
    ]


def test_a_growth_kept_above_the_national_average_is_a_relation():
    (t,) = targets("今年，固定资产投资增速保持在全国平均水平以上。", year=2026)
    assert (t.kind, t.indicator, t.comparator, t.reference) == (
        "relational",
        "固定资产投资增速",
        ">=",
        "全国平均水平",
    )


def test_one_subject_higher_than_two_others_is_two_relations():
    found = targets("今年，居民收入增速高于经济增速、高于全国平均水平。", year=2026)
    assert [(t.indicator, t.reference) for t in found] == [
        ("居民收入增速", "经济增速"),
        ("居民收入增速", "全国平均水平"),
    ]


def test_units_real_reports_use():
    assert [
        (t.value, t.unit)
        for t in targets(
            "今年，开展食品抽检超5万批次，举办消费季活动500场，中欧班列开行4000班次，"
            "新增天然气产量10亿方以上，新增智能算力1.7万P，开放共享科研仪器1万台（套）以上，"
            "单位地区生产总值生产安全事故死亡率控制在0.6人/百亿元以下。",
            year=2026,
        )
    ] == [
        (5, "万批次"),
        (500, "场"),
        (4000, "班次"),
        (10, "亿方"),
        (1.7, "万P"),
        (1, "万台"),
        (0.6, "人/百亿元"),
    ]


def test_fang_in_fangmian_is_not_a_unit():
    assert targets("今年，重点抓好6个方面工作。", year=2026) == []
