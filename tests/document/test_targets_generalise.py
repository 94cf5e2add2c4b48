"""Rules learned from documents written blind, in the style of the family (other regions'
decisions, work reports, action plans, work points): one test per rule, in the team's own words."""

from __future__ import annotations

from luoshi.document import extract

from .helpers import brief, one, targets

# -- figures --------------------------------------------------------------------------------------------


def test_a_figure_that_qualifies_a_noun_is_not_a_target_of_its_own():
    found = targets("到2027年，年营业收入超百亿元的企业达到12户以上。")
    assert [brief(t) for t in found] == [("numeric", "年营业收入超百亿元的企业", ">=", 12, "户", 2027)]
    found = targets("到2027年，集体经营性收入5万元以上的村占比达到70%。")
    assert [brief(t) for t in found] == [("numeric", "集体经营性收入5万元以上的村占比", ">=", 70, "%", 2027)]


def test_a_qualifying_figure_without_de_also_yields_to_the_count():
    assert brief(one("到2028年，新增产值超十亿元企业15家以上。")) == (
        "numeric",
        "新增产值超十亿元企业",
        ">=",
        15,
        "家",
        2028,
    )


def test_a_multiple_of_another_level_keeps_its_verb():
    t = one("到2030年，人均地区生产总值力争达到全国平均水平的1.1倍。")
    assert brief(t) == ("numeric", "人均地区生产总值", ">=", 1.1, "倍", 2030)
    assert t.scope is None  # 全国 names the yardstick, not the scope


def test_bare_wan_yi_folds_into_the_value():
    assert brief(one("到2030年，全省工业总产值突破万亿元。")) == (
        "numeric",
        "工业总产值",
        ">",
        10000,
        "亿元",
        2030,
    )


def test_a_round_count_after_chao():
    assert brief(one("到2027年，规模以上企业超百家。")) == ("numeric", "规模以上企业", ">", 100, "家", 2027)


def test_years_of_schooling_are_a_quantity_not_a_year():
    t = one("到2030年，劳动年龄人口平均受教育年限提高到11.8年。")
    assert brief(t) == ("numeric", "劳动年龄人口平均受教育年限", ">=", 11.8, "年", 2030)


def test_head_and_only_counts_livestock():
    assert brief(one("今年牲畜存栏稳定在150万头只以上。", year=2026)) == (
        "numeric",
        "牲畜存栏",
        ">=",
        150,
        "万头只",
        2026,
    )


def test_a_chinese_count_after_a_verb_of_making():
    assert brief(one("今年创建三个自治区级现代农业产业园。", year=2026)) == (
        "numeric",
        "创建自治区级现代农业产业园",
        "=",
        3,
        "个",
        2026,
    )
    assert targets("坚决做到两个维护，牢记三个务必。", year=2026) == []


def test_a_verb_governs_the_whole_list_of_figures():
    found = targets("今年新建公办幼儿园40所、中小学25所。", year=2026)
    assert [(t.indicator, t.value, t.unit) for t in found] == [
        ("新建公办幼儿园", 40, "所"),
        ("中小学", 25, "所"),
    ]


def test_a_bare_growth_after_a_figure_takes_its_subject():
    found = targets("今年地区生产总值突破3000亿元、增长6%左右。", year=2026)
    assert [t.indicator for t in found] == ["地区生产总值", "地区生产总值增长"]


# -- lists ----------------------------------------------------------------------------------------------


def test_a_shared_figure_with_liang_ge_and_jun_chao():
    found = targets("到2030年，羊绒、饲草两个产业全产业链产值均超五百亿元。")
    assert [brief(t) for t in found] == [
        ("numeric", "羊绒产业全产业链产值", ">", 500, "亿元", 2030),
        ("numeric", "饲草产业全产业链产值", ">", 500, "亿元", 2030),
    ]


def test_places_listed_before_a_shared_figure_are_its_scopes():
    found = targets("到2028年，达拉特旗、杭锦旗2个旗县肉羊产业产值均过二十亿元。")
    assert [(t.indicator, t.scope, t.value, t.unit) for t in found] == [
        ("肉羊产业产值", "达拉特旗", 20, "亿元"),
        ("肉羊产业产值", "杭锦旗", 20, "亿元"),
    ]


def test_places_listed_before_fenbie_are_its_scopes():
    found = targets("到2027年，开鲁县、科左中旗肉牛存栏分别达到50万头、35万头。")
    assert [(t.indicator, t.scope, t.value) for t in found] == [
        ("肉牛存栏", "开鲁县", 50),
        ("肉牛存栏", "科左中旗", 35),
    ]


def test_the_count_in_a_fenbie_list_is_dropped_and_its_noun_shared():
    found = targets("到2026年，乳业、绒纺、光伏3个产业集群产值分别达到900亿元、300亿元、600亿元。")
    assert [(t.indicator, t.value) for t in found] == [
        ("乳业产业集群产值", 900),
        ("绒纺产业集群产值", 300),
        ("光伏产业集群产值", 600),
    ]


def test_a_leading_character_of_a_subject_is_kept():
    found = targets("今年新建养老院12所、中医馆30个。", year=2026)
    assert [t.indicator for t in found] == ["新建养老院", "中医馆"]


# -- years and milestones --------------------------------------------------------------------------------


def test_a_year_inside_a_description_sets_no_deadline():
    found = targets("年内基本完成2005年底前建成的城镇老旧小区改造。", year=2026)
    assert [brief(t) for t in found] == [("milestone", "基本完成2005年底前建成的城镇老旧小区改造", 2026)]


def test_a_plan_named_by_its_period_sets_no_year():
    found = targets("2026年是“十五五”规划开局之年。今年粮食产量稳定在700亿斤以上。", year=2026)
    assert [brief(t) for t in found] == [("numeric", "粮食产量", ">=", 700, "亿斤", 2026)]
    found = targets("年底前完成全市“十五五”规划纲要编制工作。", year=2025)
    assert [brief(t) for t in found] == [("milestone", "完成“十五五”规划纲要编制工作", 2025)]
    assert targets("每年底前报送一次工作进展。", year=2025) == []


def test_a_deadline_to_draw_up_measures_is_a_milestone():
    assert brief(one("各旗县区要在2026年4月底前制定具体实施方案。")) == (
        "milestone",
        "制定具体实施方案",
        2026,
    )


def test_a_deed_without_an_object_takes_it_from_the_clause_before():
    t = one("加快集宁至大同高速公路建设，力争明年建成通车。", year=2026)
    assert brief(t) == ("milestone", "集宁至大同高速公路建成通车", 2027)
    assert t.text.startswith("加快集宁至大同高速公路建设")


def test_a_direction_is_not_a_milestone():
    assert targets("到2027年，全市数字化转型取得重要进展，产业结构明显优化。") == []


# -- the year from the document --------------------------------------------------------------------------

PLAN = """示例自治区推进数字经济发展三年行动方案（2025—2027年）

一、主要目标

到2027年，全区数字经济规模迈上新台阶。

（一）规模持续扩大。数字经济核心产业增加值年均增长10%以上。

（二）基础更加坚实。新建5G基站2万个。

二、重点任务

（一）建设算力枢纽。算力产业产值达到300亿元。
"""


def test_a_goals_section_gives_the_year_of_its_opening_sentence_to_its_subsections():
    doc = extract(PLAN)
    found = {t.indicator: t.year for t in doc.targets}
    assert found["数字经济核心产业增加值年均增长"] == 2027
    assert found["新建5G基站"] == 2027


def test_a_plan_period_in_the_title_dates_what_nothing_else_does():
    doc = extract(PLAN)
    assert [t.year for t in doc.targets if t.unit == "亿元"] == [2027]


def test_a_decision_without_a_year_leaves_undated_figures_undated():
    doc = extract("中共示例市委关于加快建设现代化强市的决定\n\n一、重点任务\n\n奶牛存栏达到30万头。\n")
    assert [t.year for t in doc.targets] == [None]


def test_the_year_of_an_undated_text_from_its_key_year_sentence():
    text = (
        "中共示例省委 示例省人民政府关于做好经济工作的实施意见\n\n"
        "一、主要预期目标\n\n2025年是全面完成“十四五”规划的收官之年。今年全省地区生产总值增长5%左右。\n\n"
        "二、重点工作\n\n力争明年实现县域医共体全覆盖。\n"
    )
    doc = extract(text)
    assert doc.year == 2025
    assert [brief(t) for t in doc.targets] == [
        ("numeric", "地区生产总值增长", "≈", 5, "%", 2025),
        ("milestone", "实现县域医共体全覆盖", 2026),
    ]


# -- learned from the second round of blind documents -------------------------------------------------


def test_a_list_sharing_a_figure_with_jun_and_no_count():
    found = targets("到2030年，乳品产业、羊绒产业全产业链产值均突破五百亿元。")
    assert [brief(t) for t in found] == [
        ("numeric", "乳品产业全产业链产值", ">", 500, "亿元", 2030),
        ("numeric", "羊绒产业全产业链产值", ">", 500, "亿元", 2030),
    ]


def test_storage_capacity_in_gigawatt_hours():
    assert brief(one("到2030年，储能电池产能达到30吉瓦时。")) == (
        "numeric",
        "储能电池产能",
        ">=",
        30,
        "吉瓦时",
        2030,
    )


def test_a_month_without_a_year_is_in_the_documents_year():
    assert brief(one("9月底前完成饮用水水源地排查整治。", year=2026)) == (
        "milestone",
        "完成饮用水水源地排查整治",
        2026,
    )
    assert targets("1—9月完成固定资产投资。", year=2026) == []


def test_a_sentence_on_what_the_year_is_sets_no_milestone():
    assert targets("今年是全面完成“十五五”规划目标的关键之年。", year=2028) == []


def test_building_two_things_at_the_same_time_is_not_a_relation():
    assert targets("到2027年，配套送出工程与主体工程同步规划、同步建设。") == []


def test_a_deed_done_by_the_year_the_section_sets():
    doc = extract(
        "2026年全区水生态环境保护工作要点\n\n一、重点工作\n\n城市黑臭水体全面消除。推进污水管网建设。\n"
    )
    assert [brief(t) for t in doc.targets] == [("milestone", "城市黑臭水体全面消除", 2026)]
    doc = extract("中共示例市委关于建设美丽示例的决定\n\n一、重点任务\n\n城市黑臭水体全面消除。\n")
    assert doc.targets == []  # a decision that sets no year sets no deadline


def test_a_heading_on_a_plans_outline_dates_its_section():
    text = (
        "示例自治区政府工作报告\n\n——2027年1月20日在示例自治区人民代表大会上\n\n"
        "一、扎实推进“十五五”规划纲要实施\n\n全区地区生产总值力争突破八千亿元。\n\n"
        "二、2027年重点工作\n\n粮食产量稳定在400亿斤以上。\n"
    )
    assert [(t.value, t.year) for t in extract(text).targets] == [(8000, 2030), (400, 2027)]
