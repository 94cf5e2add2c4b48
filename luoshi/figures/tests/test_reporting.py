"""Who owes a report for a period, and what became of it: each rule of docs/figures.md, by example.

The decision reports quarterly, due the 5th working day after each quarter: 2026Q2 on 7 July 2026,
2026Q3 on 13 October 2026. Today is 20 November 2026.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from luoshi.figures import reporting
from luoshi.ledger.models import Task
from luoshi.progress.models import ReportState
from luoshi.progress.periods import Period
from luoshi.supervision.tests.factory import SHANGHAI, hand_in, make_supervised_task

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 20)
Q2, Q3 = Period.parse("2026Q2"), Period.parse("2026Q3")


def figures(task: Task, period: Period = Q3) -> reporting.Reporting:
    return reporting.for_period(task.decision, period, TODAY).figures()


@pytest.fixture
def task(unit_a: Any) -> Task:
    return make_supervised_task(unit_a, assigned=dt.date(2026, 4, 1))


def test_the_lead_unit_owes_one_report_a_period_from_the_one_it_was_assigned_in(task: Task) -> None:
    assert figures(task, Q3).expected == 1
    assert figures(task, Period.parse("2026Q1")).expected == 0  # assigned in the second quarter


def test_a_task_not_yet_assigned_owes_nothing(unit_a: Any) -> None:
    from luoshi.ledger.tests.factory import make_task

    task = make_task(lead_unit=unit_a)
    assert figures(task).expected == 0


def test_a_report_on_time_late_missing_or_pending_is_counted_against_its_due_date(
    task: Task, unit_a: Any
) -> None:
    hand_in(task, unit_a, "2026Q2", on=dt.date(2026, 7, 7))
    hand_in(task, unit_a, "2026Q3", on=dt.date(2026, 10, 14))
    q2, q3 = figures(task, Q2), figures(task, Q3)
    assert (q2.handed_in, q2.on_time, q2.late) == (1, 1, 0)
    assert (q3.handed_in, q3.on_time, q3.late) == (1, 0, 1)
    q4 = figures(task, Period.parse("2026Q4"))
    assert (q4.expected, q4.overdue, q4.pending) == (1, 0, 1)


def test_a_returned_report_is_not_handed_in_until_it_is_submitted_again_and_then_counts_once(
    task: Task, unit_a: Any, office: Any
) -> None:
    report = hand_in(task, unit_a, "2026Q3", on=dt.date(2026, 10, 9), state=ReportState.APPROVED)
    report.return_(by=office, comment="请补充数据。")
    r = figures(task)
    assert (r.handed_in, r.overdue, r.returned, r.awaiting) == (0, 1, 1, 1)
    report.refresh_from_db()
    report.state = ReportState.SUBMITTED
    report.submitted_at = dt.datetime(2026, 10, 20, 9, tzinfo=SHANGHAI)
    report.save()
    r = figures(task)
    assert (r.expected, r.handed_in, r.late, r.returned, r.awaiting) == (1, 1, 1, 1, 0)


def test_a_co_operating_units_report_counts_only_when_the_calendar_asks_for_it(
    unit_a: Any, unit_b: Any
) -> None:
    from luoshi.ledger.models import TaskUnit, TaskUnitRole
    from luoshi.supervision.models import ReportSchedule

    task = make_supervised_task(unit_a, assigned=dt.date(2026, 4, 1))
    TaskUnit.objects.create(task=task, unit=unit_b, role=TaskUnitRole.CO)
    hand_in(task, unit_b, "2026Q3", on=dt.date(2026, 10, 9))
    r = figures(task)
    assert (r.expected, r.handed_in, r.extra) == (1, 0, 1)  # nobody asked unit B: not counted
    ReportSchedule.objects.create(decision=task.decision, co_units_report=True)
    r = figures(task)
    assert (r.expected, r.handed_in, r.extra) == (2, 1, 0)


def test_a_suspension_in_force_on_the_due_date_forgives_the_report_and_a_later_one_does_not(
    task: Task, office: Any
) -> None:
    from luoshi.supervision.models import Suspension

    s = Suspension.objects.create(task=task, reason="选址调整", start=dt.date(2026, 10, 1), created_by=office)
    assert figures(task, Q3).expected == 0  # in force on 13 October
    assert figures(task, Q2).expected == 1  # began after the second quarter's due date
    s.lifted_at = dt.datetime(2026, 10, 12, 9, tzinfo=SHANGHAI)
    s.save()
    assert figures(task, Q3).expected == 1  # lifted before the due date


def test_a_suspension_of_one_units_part_forgives_only_that_unit(task: Task, unit_a: Any, unit_b: Any) -> None:
    from luoshi.ledger.models import TaskUnit, TaskUnitRole
    from luoshi.supervision.models import ReportSchedule, Suspension

    TaskUnit.objects.create(task=task, unit=unit_b, role=TaskUnitRole.CO)
    ReportSchedule.objects.create(decision=task.decision, co_units_report=True)
    Suspension.objects.create(task=task, unit=unit_b, reason="机构调整", start=dt.date(2026, 1, 1))
    book = reporting.for_period(task.decision, Q3, TODAY)
    assert [o.unit for o in book.outcomes] == [unit_a.pk]


def test_a_task_done_in_an_earlier_period_owes_nothing_after_it(task: Task) -> None:
    Task.objects.filter(pk=task.pk).update(progress_status="done", progress_period="2026Q2")
    assert figures(task, Q2).expected == 1  # the period it was done in is still owed
    assert figures(task, Q3).expected == 0


def test_a_report_for_another_period_kind_counts_for_nothing(task: Task, unit_a: Any) -> None:
    hand_in(task, unit_a, "2026M08", on=dt.date(2026, 9, 1))
    r = figures(task, Q3)
    assert (r.expected, r.handed_in, r.overdue) == (1, 0, 1)


def test_a_sub_task_owes_its_own_report_to_its_lead_unit(
    task: Task, office: Any, banner: Any, league: Any
) -> None:
    (sub,) = task.cascade([(banner, "达拉特旗：分解任务")], by=office)
    Task.objects.filter(pk=sub.pk).update(assigned_at=dt.datetime(2026, 4, 1, 9, tzinfo=SHANGHAI))
    book = reporting.for_period(task.decision, Q3, TODAY)
    assert sorted((o.task, o.unit) for o in book.outcomes) == sorted(
        [(task.pk, task.lead_unit_id), (sub.pk, banner.pk)]
    )


@pytest.mark.parametrize("state", [ReportState.SUBMITTED, ReportState.APPROVED, ReportState.ACCEPTED])
def test_submitted_approved_and_accepted_reports_are_handed_in_and_only_accepted_ones_accepted(
    task: Task, unit_a: Any, state: str
) -> None:
    hand_in(task, unit_a, "2026Q3", on=dt.date(2026, 10, 9), state=state)
    r = figures(task)
    assert (r.handed_in, r.accepted) == (1, int(state == ReportState.ACCEPTED))


def test_the_rates_are_shares_of_what_was_owed(task: Task, unit_a: Any) -> None:
    hand_in(task, unit_a, "2026Q3", on=dt.date(2026, 10, 9), state=ReportState.ACCEPTED)
    d = figures(task).as_dict()
    assert (d["handed_in_share"], d["on_time_share"], d["accepted_share"]) == (1.0, 1.0, 1.0)
    assert reporting.Reporting().as_dict()["on_time_share"] is None  # nothing owed: no rate
