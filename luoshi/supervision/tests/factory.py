"""Helpers for the supervision tests, on top of the ledger's plain factory."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from luoshi.ledger.models import DeadlineKind, Task, Unit
from luoshi.ledger.tests.factory import make_decision, make_report, make_task
from luoshi.progress.models import Report, ReportState

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(year: int, month: int, day: int, hour: int = 10) -> dt.datetime:
    """A moment in Beijing time, for time-machine."""
    return dt.datetime(year, month, day, hour, tzinfo=SHANGHAI)


def make_supervised_task(unit: Unit, *, assigned: dt.date = dt.date(2026, 7, 1), **kwargs: Any) -> Task:
    """An assigned task led by ``unit``: by default quarterly reports, due the 5th working day after
    each quarter, and no completion deadline."""
    kwargs.setdefault("decision", make_decision(year=2026))
    kwargs.setdefault(
        "deadline_kind", DeadlineKind.ONGOING if "deadline" not in kwargs else DeadlineKind.DATE
    )
    return make_task(
        lead_unit=unit,
        assigned_at=dt.datetime.combine(assigned, dt.time(9), tzinfo=SHANGHAI),
        **kwargs,
    )


def no_reports(task: Task) -> Task:
    """Switch off the report calendar of the task's decision, to look at the task's own rules."""
    from luoshi.supervision.models import ReportSchedule

    ReportSchedule.objects.update_or_create(decision=task.decision, defaults={"active": False})
    return task


def hand_in(task: Task, unit: Unit, period: str, *, on: dt.date | None = None, **kwargs: Any) -> Report:
    """A report handed in (submitted) for ``period``, on the day given (default: now)."""
    when = dt.datetime.combine(on, dt.time(9), tzinfo=SHANGHAI) if on else timezone.now()
    kwargs.setdefault("state", ReportState.SUBMITTED)
    return make_report(task=task, unit=unit, period=period, submitted_at=when, **kwargs)


def light_up(today: dt.date | None = None) -> None:
    """Compute and store every task's light by the rules, as a supervision run does (without its
    notices, copy checks and scores)."""
    from luoshi.ledger.models import Decision

    from ..calendar import WorkCalendar
    from ..lights import DecisionLights, Suspensions, unit_names
    from ..models import Rules
    from ..schedule import Schedule

    today = today or timezone.localdate()
    rows = list(Decision.objects.values_list("pk", "reporting_period", "report_due_days"))
    schedules = Schedule.for_decisions(rows)
    rules, calendar, suspensions, names = (
        Rules.get(),
        WorkCalendar.load(),
        Suspensions.load(today),
        unit_names(),
    )
    for pk, _kind, _days in rows:
        DecisionLights(pk, schedules[pk], today, rules, calendar, suspensions, names).compute().store()
