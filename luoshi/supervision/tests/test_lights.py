"""The lights of tasks and reporting obligations, each rule with a frozen clock.

The decision reports quarterly, due the 5th working day after each quarter: for the third quarter of
2026 that is 13 October (the National Day holiday runs 1–7 October and Saturday 10 October is worked).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from luoshi.ledger.models import Milestone, ProgressStatus, Task
from luoshi.progress.models import ReportState
from luoshi.supervision.lights import light_for
from luoshi.supervision.models import Color, Holiday, ObligationLight, ReportSchedule, Suspension, TaskLight
from luoshi.supervision.supervisor import Supervisor

from .factory import hand_in, make_supervised_task, no_reports

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def task(unit_a: Any) -> Task:
    return make_supervised_task(unit_a, assigned=D(2026, 7, 1))


def obligation(task: Task) -> ObligationLight:
    return ObligationLight.objects.get(task=task)


def test_the_day_before_the_due_date_the_report_is_yellow(task: Task, clock: Any) -> None:
    clock(2026, 10, 12)
    Supervisor().run()
    light = obligation(task)
    assert light.color == Color.YELLOW
    assert light.reason == "2026年第三季度报告2026年10月13日截止，还有1个工作日"
    assert light.due == D(2026, 10, 13)


def test_on_the_due_date_itself_the_report_is_still_yellow(task: Task, clock: Any) -> None:
    clock(2026, 10, 13, hour=23)
    Supervisor().run()
    assert obligation(task).reason == "2026年第三季度报告今天（2026年10月13日）截止"


def test_the_day_after_the_due_date_a_missing_report_is_red(task: Task, clock: Any) -> None:
    clock(2026, 10, 14)
    Supervisor().run()
    light = obligation(task)
    assert (light.color, light.period, light.missed) == (Color.RED, "2026Q3", 1)
    assert light.reason == "2026年第三季度报告自2026年10月14日起未报送"
    assert TaskLight.objects.get(task=task).color == Color.RED
    assert "自治区发展和改革委员会" in TaskLight.objects.get(task=task).reason


def test_a_report_handed_in_turns_the_light_green(task: Task, unit_a: Any, clock: Any) -> None:
    clock(2026, 10, 14)
    hand_in(task, unit_a, "2026Q3")
    Supervisor().run()
    assert obligation(task).color == Color.GREEN


def test_a_draft_or_returned_report_is_not_handed_in(task: Task, unit_a: Any, clock: Any) -> None:
    clock(2026, 10, 14)
    hand_in(task, unit_a, "2026Q3", state=ReportState.RETURNED)
    Supervisor().run()
    assert obligation(task).color == Color.RED


def test_holidays_are_not_counted_towards_the_due_date(task: Task, clock: Any) -> None:
    # counting weekdays only, 7 October would be the 5th day and 9 October overdue
    clock(2026, 10, 9)
    Supervisor().run()
    light = obligation(task)
    assert light.color == Color.YELLOW
    assert light.params["days"] == 3  # 10 (a Saturday worked), 12 and 13 October


def test_a_working_day_moved_to_a_weekend_counts(task: Task, clock: Any) -> None:
    clock(2026, 10, 10)  # Saturday, worked in exchange for the holiday
    Supervisor().run()
    assert obligation(task).params["days"] == 2


def test_a_year_beyond_the_holiday_calendar_gives_a_warning_not_a_crash(unit_a: Any, clock: Any) -> None:
    task = make_supervised_task(unit_a, assigned=D(2027, 10, 8))
    clock(2028, 1, 10)  # Q4 2027 due the 5th working day of 2028, counted Monday to Friday
    result = Supervisor().run()
    light = obligation(task)
    assert light.color == Color.RED
    assert light.due == D(2028, 1, 7)
    assert any("2028年的法定节假日安排尚未录入" in w for w in result.warnings)


def test_a_year_beyond_the_calendar_follows_the_offices_holiday_table(unit_a: Any, clock: Any) -> None:
    task = make_supervised_task(unit_a, assigned=D(2027, 10, 8))
    for day in (3, 4):
        Holiday.objects.create(date=D(2028, 1, day), name="元旦（录入）")
    clock(2028, 1, 10)
    result = Supervisor().run()
    assert obligation(task).due == D(2028, 1, 11)
    assert obligation(task).color == Color.YELLOW
    assert any("督查室录入" in w for w in result.warnings)


def test_the_office_can_ask_for_the_report_on_another_working_day(task: Task, clock: Any) -> None:
    ReportSchedule.objects.create(decision=task.decision, due_working_days=10)
    clock(2026, 10, 14)
    Supervisor().run()
    light = obligation(task)
    assert (light.color, light.due) == (Color.YELLOW, D(2026, 10, 20))  # not red: 4 working days left


def test_co_operating_units_report_only_when_the_schedule_says_so(
    unit_a: Any, unit_b: Any, clock: Any
) -> None:
    task = make_supervised_task(unit_a, co_units=[unit_b])
    clock(2026, 10, 14)
    Supervisor().run()
    assert list(ObligationLight.objects.filter(task=task).values_list("unit", flat=True)) == [unit_a.pk]
    ReportSchedule.objects.create(decision=task.decision, co_units_report=True)
    Supervisor().run()
    assert ObligationLight.objects.filter(task=task).count() == 2


def test_a_task_past_its_deadline_is_red_with_the_working_days_overdue(unit_a: Any, clock: Any) -> None:
    task = make_supervised_task(unit_a, deadline=D(2026, 9, 30))
    clock(2026, 10, 9)
    assert light_for(task).reason == "完成时限2026年9月30日已过，逾期2个工作日"
    Supervisor().run()
    assert TaskLight.objects.get(task=task).color == Color.RED


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        (D(2026, 12, 30), "完成时限2026年12月31日，还有1个工作日"),
        (D(2026, 12, 31), "今天（2026年12月31日）是完成时限"),
    ],
)
def test_a_deadline_within_the_yellow_lead_time_is_yellow(
    unit_a: Any, time_machine: Any, day: dt.date, reason: str
) -> None:
    from .factory import at

    task = no_reports(make_supervised_task(unit_a, deadline=D(2026, 12, 31), percent=90))
    time_machine.move_to(at(day.year, day.month, day.day), tick=False)
    verdict = light_for(task)
    assert (verdict.color, verdict.reason) == (Color.YELLOW, reason)


def test_a_milestone_within_the_lead_time_is_yellow(unit_a: Any, clock: Any) -> None:
    task = no_reports(make_supervised_task(unit_a))
    Milestone.objects.create(task=task, due=D(2026, 11, 30), description="完成项目初步设计批复")
    clock(2026, 11, 25)
    verdict = light_for(task)
    assert verdict.color == Color.YELLOW
    assert "完成项目初步设计批复" in verdict.reason


def test_a_task_behind_its_time_elapsed_schedule_is_yellow(unit_a: Any, clock: Any) -> None:
    task = no_reports(
        make_supervised_task(unit_a, assigned=D(2026, 1, 1), deadline=D(2026, 12, 31), percent=20)
    )
    clock(2026, 9, 1)  # two thirds of the time gone, a fifth of the work done
    verdict = light_for(task)
    assert verdict.code == "behind_schedule"
    assert verdict.reason == "进度滞后于序时进度：应完成约67%，实际20%"


def test_a_task_on_schedule_is_green(unit_a: Any, clock: Any) -> None:
    task = no_reports(
        make_supervised_task(unit_a, assigned=D(2026, 1, 1), deadline=D(2026, 12, 31), percent=60)
    )
    clock(2026, 9, 1)
    assert light_for(task).color == Color.GREEN


def test_a_task_accepted_as_done_is_done_and_so_are_its_obligations(unit_a: Any, clock: Any) -> None:
    task = make_supervised_task(unit_a, deadline=D(2026, 9, 30), progress_status=ProgressStatus.DONE)
    clock(2026, 10, 20)
    Supervisor().run()
    assert TaskLight.objects.get(task=task).color == Color.DONE
    assert obligation(task).color == Color.DONE


def test_a_suspended_task_shows_the_reason_and_is_not_chased(unit_a: Any, office: Any, clock: Any) -> None:
    task = make_supervised_task(unit_a, deadline=D(2026, 9, 30))
    clock(2026, 11, 20)
    Suspension.suspend(task, reason="项目因规划调整暂缓实施", by=office)
    result = Supervisor().run()
    light = TaskLight.objects.get(task=task)
    assert (light.color, light.reason) == (Color.SUSPENDED, "暂缓督办：项目因规划调整暂缓实施")
    assert result.counts["notices"] == {}


def test_a_light_keeps_the_day_it_turned_that_colour(task: Task, clock: Any) -> None:
    clock(2026, 10, 14)
    Supervisor().run()
    clock(2026, 10, 20)
    Supervisor().run()
    light = obligation(task)
    assert light.since == D(2026, 10, 14)
    assert light.computed_at.date() == D(2026, 10, 20)


def test_task_light_is_reachable_from_the_task(task: Task, clock: Any) -> None:
    clock(2026, 10, 14)
    Supervisor().run()
    task.refresh_from_db()
    assert task.light.color == Color.RED
    assert TaskLight.objects.filter(color=Color.RED).visible_to(None).count() == 0
