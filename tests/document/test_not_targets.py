"""Figures that are not targets: a target restated, the parts a plan is made of, a class, a
process kept up, a direction. Written by the team in the style of a work report."""

from __future__ import annotations

from .helpers import targets


def _seen(text: str) -> list[tuple[object, ...]]:
    return [(t.kind, t.indicator, t.value) for t in targets(text, year=2026)]


def test_a_target_restated_as_the_growth_target_is_not_a_second_one():
    assert _seen("确定4.5%左右的增长目标，兼顾了需要与可能。") == []


def test_the_indicators_and_parts_of_a_plan_are_not_targets():
    assert _seen("《纲要（草案）》提出了12个方面的重点任务，其中约束性指标9项。") == []
    assert _seen("围绕增速、结构、效率提出5项指标。") == []


def test_listed_dimensions_before_a_count_are_not_subjects_of_it():
    assert _seen("《纲要草案》从创新、协调、绿色、开放4个维度设置了29项主要指标。") == []


def test_keeping_a_count_at_zero_is_a_process_not_a_deed_done_by_a_date():
    assert _seen("今年，推动重大事故隐患动态清零。") == []
    assert _seen("今年，保持零就业家庭动态清零。") == []


def test_a_deadline_whose_deed_ends_in_a_direction_is_not_a_milestone():
    assert _seen("到2035年实现综合经济实力、科技创新实力大幅提升。") == []
    assert _seen("为2035年基本实现现代化奠定坚实基础。") == []
    assert _seen("2030年确保基本实现现代化取得决定性进展。") == []


def test_a_plan_period_is_not_a_count_of_years():
    assert _seen("扎实推进“十五五”规划实施。") == []
