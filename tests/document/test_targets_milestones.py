"""Milestones: a deadline and a deed without a figure; plans with their period."""

from __future__ import annotations

from .helpers import brief, targets


def test_a_deadline_and_a_deed_make_a_milestone():
    (t,) = targets("加强污染物协同控制，到2027年基本消除重污染天气。")
    assert brief(t) == ("milestone", "基本消除重污染天气", 2027)
    assert t.text == "到2027年基本消除重污染天气"


def test_a_deadline_in_its_own_clause_takes_the_deed_from_the_next():
    (t,) = targets("到2026年，全面完成历史遗留矿山生态修复。")
    assert brief(t) == ("milestone", "全面完成历史遗留矿山生态修复", 2026)


def test_two_deadlines_in_one_sentence_give_two_milestones():
    found = targets("2030年前实现碳达峰、2060年前实现碳中和。")
    assert [(t.indicator, t.year) for t in found] == [("实现碳达峰", 2030), ("实现碳中和", 2060)]


def test_a_deed_after_the_figures_of_a_deadline_sentence_is_a_milestone_of_that_deadline():
    found = targets("到2035年，全省森林覆盖率达到28%以上，基本建成美丽示范省。")
    assert [brief(t) for t in found] == [
        ("numeric", "森林覆盖率", ">=", 28, "%", 2035),
        ("milestone", "基本建成美丽示范省", 2035),
    ]


def test_a_plan_with_its_period_is_a_milestone_of_its_last_year():
    (t,) = targets("制定实施2026—2030年自治区人才发展规划。")
    assert (t.kind, t.indicator, t.year, t.start_year) == ("milestone", "自治区人才发展规划", 2030, 2026)


def test_jin_nian_makes_a_deadline_with_the_documents_year():
    found = targets("今年要完成各项任务分解，明年完成中期评估。", year=2025)
    assert [(t.indicator, t.year) for t in found] == [("完成各项任务分解", 2025), ("完成中期评估", 2026)]


def test_a_date_of_the_past_is_not_a_milestone():
    assert targets("2023年1月12日召开全体会议。", year=2025) == []
