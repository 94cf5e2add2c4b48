"""Milestones: done, not done yet, or overdue, from a deadline, a done-date and today."""

from __future__ import annotations

from datetime import date

from luoshi.indicators import Status, assess_milestone


def test_a_milestone_done_before_its_deadline_is_done():
    a = assess_milestone(date(2025, 12, 31), date(2025, 3, 1), date(2025, 6, 1))
    assert a.status is Status.DONE
    assert a.explanation_zh == "2025年3月1日完成"
    assert a.milestone


def test_a_milestone_done_late_is_done_and_says_how_late():
    a = assess_milestone(date(2025, 6, 30), date(2025, 8, 1), date(2025, 9, 1))
    assert a.status is Status.DONE
    assert a.explanation_zh == "2025年8月1日完成，比期限2025年6月30日晚32天"


def test_a_milestone_not_done_before_its_deadline_is_not_done():
    a = assess_milestone(2025, None, date(2025, 3, 1))
    assert a.status is Status.NOT_DONE
    assert a.explanation_zh == "距期限2025年12月31日还有305天"


def test_a_milestone_not_done_after_its_deadline_is_overdue():
    a = assess_milestone(2025, None, date(2026, 3, 1))
    assert a.status is Status.OVERDUE
    assert a.explanation_zh == "期限2025年12月31日已过60天"
    assert a.label_en == "Overdue"


def test_the_deadline_day_itself_is_not_overdue():
    assert assess_milestone(date(2025, 12, 31), None, date(2025, 12, 31)).status is Status.NOT_DONE
