"""Numeric targets: indicator, comparator, value, unit, year and scope."""

from __future__ import annotations

import pytest

from .helpers import brief, one, targets


@pytest.mark.parametrize(
    ("verb", "comparator"),
    [
        ("达到", ">="),
        ("提升至", ">="),
        ("提高到", ">="),
        ("扩大到", ">="),
        ("稳定在", ">="),
        ("超过", ">"),
        ("突破", ">"),
        ("不超过", "<="),
        ("控制在", "<="),
        ("缩小到", "<="),
        ("低于", "<"),
    ],
)
def test_the_verb_sets_the_comparator(verb, comparator):
    t = one(f"到2030年，全区森林覆盖率{verb}30%。")
    assert brief(t) == ("numeric", "森林覆盖率", comparator, 30, "%", 2030)


@pytest.mark.parametrize(
    ("tail", "comparator"),
    [("以上", ">="), ("左右", "≈"), ("以内", "<="), ("以下", "<=")],
)
def test_a_modifier_after_the_figure_sets_the_comparator(tail, comparator):
    assert one(f"到2030年，全区粮食产量达到800亿斤{tail}。").comparator == comparator


def test_a_plain_figure_is_equal():
    assert brief(one("到2030年，新建高标准农田500万亩。")) == (
        "numeric",
        "新建高标准农田",
        "=",
        500,
        "万亩",
        2030,
    )


def test_scope_comes_from_quan_qu_and_stays_out_of_the_indicator():
    t = one("到2035年将全区粮食综合生产能力提升至900亿斤。")
    assert (t.indicator, t.scope) == ("粮食综合生产能力", "全区")


def test_one_year_governs_several_figures_in_a_sentence():
    found = targets("到2035年，全省肉类总产量提高到400万吨、设施农业面积扩大到480万亩。")
    assert [brief(t) for t in found] == [
        ("numeric", "肉类总产量", ">=", 400, "万吨", 2035),
        ("numeric", "设施农业面积", ">=", 480, "万亩", 2035),
    ]


def test_a_later_year_takes_over_for_the_figures_after_it():
    found = targets("到2025年研发投入强度达到2.5%，2030年达到3%。")
    assert [t.year for t in found] == [2025, 2030]


def test_a_growth_target_keeps_its_verb_in_the_indicator():
    t = one("今年地区生产总值增长6%左右。", year=2026)
    assert brief(t) == ("numeric", "地区生产总值增长", "≈", 6, "%", 2026)


def test_a_base_year_stays_out_of_the_indicator():
    t = one("到2030年，单位地区生产总值能耗比2025年下降13.5%。")
    assert brief(t) == ("numeric", "单位地区生产总值能耗下降", "=", 13.5, "%", 2030)


def test_percentage_points_are_a_unit():
    t = one("到2027年，数字经济核心产业增加值占比提高2个百分点。")
    assert (t.value, t.unit) == (2, "个百分点")


def test_more_than_from_duo_without_a_verb():
    t = one("到2030年，培育科技型中小企业1000多家。")
    assert (t.comparator, t.value, t.unit) == (">", 1000, "家")


def test_a_count_of_work_to_be_done_is_a_target_without_a_year():
    t = one("新建产地冷藏保鲜设施300个。")
    assert brief(t) == ("numeric", "新建产地冷藏保鲜设施", "=", 300, "个", None)


def test_a_count_before_its_noun_after_a_verb_of_work_is_a_target():
    t = one("培育10个以上千亿级产业集群。")
    assert brief(t) == ("numeric", "培育千亿级产业集群", ">=", 10, "个", None)


def test_a_count_of_measures_enacted_is_not_a_target():
    assert targets("落实激励干部担当作为12条措施，落实容错纠错8条意见。") == []


def test_a_figure_that_describes_people_is_not_a_target():
    assert targets("要把2400多万各族人民的积极性充分激发出来。") == []


def test_a_figure_that_describes_a_noun_is_not_a_target():
    assert [t.value for t in targets("每千人口拥有3岁以下婴幼儿托位数达到4.5个。")] == [4.5]


def test_a_figure_for_a_past_year_is_a_result_not_a_target():
    assert targets("2024年全市地区生产总值增长5.8%。", year=2026) == []


def test_a_ratio_without_a_unit():
    t = one("到2030年，城乡居民收入比缩小到2.1以内。")
    assert (t.comparator, t.value, t.unit) == ("<=", 2.1, None)


def test_the_subject_of_a_target_in_the_clause_before_is_used():
    t = one("奶类产量稳步提高，力争达到1000万吨。")
    assert (t.indicator, t.comparator) == ("奶类产量", ">=")


def test_the_target_text_is_the_clause_that_sets_it():
    t = one("加快推进基地建设，到2035年全区森林覆盖率达到25%。")
    assert t.text == "到2035年全区森林覆盖率达到25%"


def test_a_share_of_what_follows_de():
    t = one("到2027年全省85%以上的县通过义务教育优质均衡督导评估。")
    assert (t.indicator, t.comparator, t.value) == ("县通过义务教育优质均衡督导评估", ">=", 85)


def test_a_range_is_two_targets_at_least_the_low_end_and_at_most_the_high_end():
    found = targets("今年，全省地区生产总值增长4.5%—5%。")
    assert [(t.indicator, t.comparator, t.value, t.value_max) for t in found] == [
        ("地区生产总值增长", ">=", 4.5, None),
        ("地区生产总值增长", "<=", 5.0, None),
    ]


def test_a_range_of_counts_is_two_targets():
    found = targets("2026年，新建2—3家省级制造业创新中心。")
    assert [(t.comparator, t.value, t.unit) for t in found] == [(">=", 2, "家"), ("<=", 3, "家")]
