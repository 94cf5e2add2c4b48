"""Years from context: the document's year, sections on a year or plan period, 主要预期目标."""

from __future__ import annotations

from luoshi.document import extract


def test_a_section_on_a_five_year_plan_gives_its_figures_the_plans_last_year():
    doc = extract("四、“十五五”时期发展目标\n全市常住人口城镇化率达到75%，森林覆盖率提高到35%。\n")
    assert [(t.indicator, t.year) for t in doc.targets] == [("常住人口城镇化率", 2030), ("森林覆盖率", 2030)]


def test_a_section_on_a_year_gives_its_figures_that_year():
    doc = extract("三、2026年重点工作\n（一）扩大有效需求。完成固定资产投资1200亿元。\n")
    assert [(t.indicator, t.year) for t in doc.targets] == [("完成固定资产投资", 2026)]


def test_the_paragraph_of_main_expected_targets_gives_its_year_to_what_follows():
    text = (
        "二、主要预期目标\n2026年全市经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n"
        "一般公共预算收入增长5%。\n"
    )
    doc = extract(text)
    assert [(t.indicator, t.year) for t in doc.targets] == [
        ("地区生产总值增长", 2026),
        ("一般公共预算收入增长", 2026),
    ]


def test_jin_nian_takes_the_year_from_the_date_under_the_title():
    text = "政府工作报告\n——2026年1月15日在示范市人民代表大会上\n今年地区生产总值增长6%左右。\n"
    doc = extract(text)
    assert doc.year == 2026
    assert [t.year for t in doc.targets] == [2026]


def test_the_year_can_be_given_when_the_text_does_not_say_it():
    doc = extract("今年地区生产总值增长6%左右。", year=2027)
    assert [t.year for t in doc.targets] == [2027]


def test_a_sentence_without_a_year_and_no_context_has_none():
    doc = extract("四、加强国家重要农畜产品生产基地建设\n做强玉米、奶业2个产值超千亿元的产业。\n")
    assert {t.year for t in doc.targets} == {None}


def test_figures_of_a_review_section_are_results_not_targets():
    text = "一、2025年工作回顾\n全市地区生产总值增长5.8%，新开工重点项目320个。\n二、2026年工作安排\n新开工重点项目350个。\n"
    doc = extract(text)
    assert [(t.indicator, t.year) for t in doc.targets] == [("新开工重点项目", 2026)]
