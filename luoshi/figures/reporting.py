"""The reports owed for a period, and what became of each: the reporting figures.

**A duty (应报).** A unit owes a report on a task for a period when, all at once:

- the task is active, its assignment confirmed, and the period is not before the first one it
  reports on (the period it was assigned in, or the report calendar's first period);
- the unit leads the task, or co-operates on it and the decision's report calendar asks
  co-operating units to report too; the calendar is active;
- the task was not done before the period began (done in a period ending before it starts);
- no suspension (暂缓督办) of the task, or of the unit's part in it, was in force on the period's
  due date.

Sub-tasks cascaded to banners and counties are tasks like any other: their lead units owe reports.

**The period a report counts for** is the one it was written for (``Report.period``), never the one in
which it was filed; it counts only against a duty of the same task, unit and period. A report nobody
owed (a co-operating unit's when the calendar does not ask for it, a suspended task's, a period the
decision does not report on) is not counted; it appears as ``extra``.

**What became of it.** Handed in (已报): the report is submitted, approved by the unit's leader, or
accepted (a returned report must be handed in again). On time (按时报送): handed in, and its last
submission falls on or before the due date (local time). Overdue (逾期未报): not handed in, the due
date passed; pending (尚未报送): not handed in, not yet due. Accepted (已采纳): accepted by the office.
Returned (退回): the office sent it back at least once, whatever happened next; awaiting (退回待重报):
sent back (by the office or the unit's leader) and not handed in again.

Each figure is a count of duties, so on every ledger, per unit and per period:
accepted ≤ handed in ≤ expected, on time + late = handed in, handed in + overdue + pending = expected,
and every rate built on them lies between 0 and 100 %.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from luoshi.ledger.models import AuditEntry, Decision, ProgressStatus, TaskState, TaskUnit, TaskUnitRole
from luoshi.progress.models import HANDED_IN, Report, ReportState
from luoshi.progress.periods import Period

__all__ = ["HANDED_IN", "Book", "Outcome", "Pause", "Reporting", "first_period", "load", "owes"]


def first_period(schedule: Any, assigned_on: dt.date | None) -> Period | None:
    """The first period a task reports on: the one in which it was assigned, or the schedule's first
    period when that is later. None for a task not yet assigned."""
    if assigned_on is None:
        return None
    own = schedule.period_of(assigned_on)
    return max(own, schedule.first) if schedule.first is not None else own


def done_before(done_in: str | None, period: Period) -> bool:
    """Was the task done in a period that ended before ``period`` began?"""
    if not done_in:
        return False
    try:
        return Period.parse(done_in).end < period.start
    except ValueError:
        return False


@dataclass(frozen=True)
class Pause:
    """A suspension (暂缓督办) of a task, or of one unit's part in it (``unit`` set)."""

    unit: int | None
    start: dt.date
    until: dt.date | None
    lifted_on: dt.date | None

    def covers(self, unit: int, day: dt.date) -> bool:
        return (
            (self.unit is None or self.unit == unit)
            and self.start <= day
            and (self.until is None or day <= self.until)
            and (self.lifted_on is None or day < self.lifted_on)
        )


def paused(pauses: Iterable[Pause], unit: int, day: dt.date) -> bool:
    return any(p.covers(unit, day) for p in pauses)


def owes(
    *,
    schedule: Any,
    role: str,
    first: Period | None,
    period: Period,
    due: dt.date,
    done_in: str | None,
    pauses: Iterable[Pause] = (),
    unit: int,
) -> bool:
    """Does ``unit`` owe a report on the task for ``period``? (The rule in the module's docstring.)"""
    if not schedule.active:
        return False
    if role != TaskUnitRole.LEAD and not schedule.co_units_report:
        return False
    if first is None or period < first:
        return False
    if done_before(done_in, period):
        return False
    return not paused(pauses, unit, due)


@dataclass
class Outcome:
    """One duty and what became of it."""

    task: int
    unit: int
    role: str
    decision: int
    period: str
    due: dt.date
    report: int | None = None
    state: str | None = None
    handed_on: dt.date | None = None  # local date of the last submission
    returned: bool = False  # sent back by the office at least once
    claim: str = ""
    percent: int | None = None

    @property
    def handed_in(self) -> bool:
        return self.state in HANDED_IN

    @property
    def on_time(self) -> bool:
        return self.handed_in and self.handed_on is not None and self.handed_on <= self.due

    @property
    def accepted(self) -> bool:
        return self.state == ReportState.ACCEPTED

    @property
    def awaiting(self) -> bool:
        return self.state == ReportState.RETURNED


@dataclass
class Reporting:
    """The reporting figures of a set of duties."""

    expected: int = 0  # 应报
    handed_in: int = 0  # 已报
    on_time: int = 0  # 按时报送
    late: int = 0  # 逾期报送（迟报）
    overdue: int = 0  # 逾期未报（漏报）
    pending: int = 0  # 尚未报送，未到截止日期
    accepted: int = 0  # 已采纳
    returned: int = 0  # 退回（督查室退回过）
    awaiting: int = 0  # 退回待重报
    extra: int = 0  # reports handed in that no duty asked for: not counted above

    def add(self, o: Outcome, today: dt.date) -> None:
        self.expected += 1
        if o.handed_in:
            self.handed_in += 1
            if o.on_time:
                self.on_time += 1
            else:
                self.late += 1
            if o.accepted:
                self.accepted += 1
        elif o.due < today:
            self.overdue += 1
        else:
            self.pending += 1
        self.returned += o.returned
        self.awaiting += o.awaiting and not o.handed_in

    @classmethod
    def of(cls, outcomes: Iterable[Outcome], today: dt.date, extra: int = 0) -> Reporting:
        r = cls(extra=extra)
        for o in outcomes:
            r.add(o, today)
        return r

    @staticmethod
    def _share(n: int, of: int) -> float | None:
        return round(n / of, 4) if of else None

    @property
    def handed_in_share(self) -> float | None:
        """报送率: handed in / expected."""
        return self._share(self.handed_in, self.expected)

    @property
    def on_time_share(self) -> float | None:
        """按时报送率: handed in on time / expected."""
        return self._share(self.on_time, self.expected)

    @property
    def accepted_share(self) -> float | None:
        """采纳率: accepted / handed in."""
        return self._share(self.accepted, self.handed_in)

    def as_dict(self) -> dict[str, Any]:
        return {
            "expected": self.expected,
            "handed_in": self.handed_in,
            "on_time": self.on_time,
            "late": self.late,
            "missing": self.overdue,  # 逾期未报 (the report's JSON calls it ``overdue``)
            "pending": self.pending,
            "accepted": self.accepted,
            "returned": self.returned,
            "awaiting": self.awaiting,
            "extra": self.extra,
            "handed_in_share": self.handed_in_share,
            "on_time_share": self.on_time_share,
            "accepted_share": self.accepted_share,
        }


@dataclass
class Book:
    """The duties of a set of tasks for some periods, what became of each, and the due date of every
    (decision, period) looked at."""

    today: dt.date
    outcomes: list[Outcome] = field(default_factory=list)
    extra: list[tuple[int, int, int, str]] = field(default_factory=list)  # (decision, task, unit, period)
    dues: dict[tuple[int, str], dt.date] = field(default_factory=dict)

    def figures(self, where: Callable[[Outcome], bool] | None = None) -> Reporting:
        chosen = self.outcomes if where is None else [o for o in self.outcomes if where(o)]
        extra = self.extra if where is None else []
        return Reporting.of(chosen, self.today, extra=len(extra))

    def by(self, key: Callable[[Outcome], Any]) -> dict[Any, Reporting]:
        """The figures grouped by ``key`` of each outcome (a unit, a period, a quarter …)."""
        groups: dict[Any, list[Outcome]] = defaultdict(list)
        for o in self.outcomes:
            groups[key(o)].append(o)
        return {k: Reporting.of(v, self.today) for k, v in groups.items()}

    def extra_by(self, key: Callable[[tuple[int, int, int, str]], Any]) -> dict[Any, int]:
        out: dict[Any, int] = defaultdict(int)
        for e in self.extra:
            out[key(e)] += 1
        return out


def quarter_of(key: str) -> str:
    """The quarter a period belongs to (``2026M08`` → ``2026Q3``)."""
    p = Period.parse(key)
    return p.key if p.kind == "Q" else Period(p.year, "Q", (p.n - 1) // 3 + 1).key


def months_of(quarter: Period) -> list[Period]:
    return [Period(quarter.year, "M", (quarter.n - 1) * 3 + m) for m in (1, 2, 3)]


def in_quarters(quarters: Iterable[Period]) -> Callable[[Any], list[Period]]:
    """The periods of each decision within ``quarters``: the quarters, or their months."""
    qs = list(quarters)

    def periods(schedule: Any) -> list[Period]:
        if schedule.kind == "monthly":
            return [m for q in qs for m in months_of(q)]
        return qs

    return periods


def load(
    tasks: Any,
    periods: Callable[[Any], Iterable[Period]],
    today: dt.date,
    *,
    calendar: Any = None,
) -> Book:
    """The duties of the active tasks in ``tasks`` (a queryset) for the periods ``periods(schedule)``
    names for each decision, and what became of each. A fixed number of set-based queries, whatever
    the number of tasks and decisions."""
    from luoshi.supervision.calendar import WorkCalendar
    from luoshi.supervision.lights import by_tasks
    from luoshi.supervision.models import Suspension
    from luoshi.supervision.schedule import Schedule

    calendar = calendar or WorkCalendar.load()
    book = Book(today)
    active = tasks.filter(state=TaskState.ACTIVE)
    decisions = list(
        Decision.objects.filter(pk__in=active.values("decision_id"))
        .order_by("pk")
        .values_list("pk", "reporting_period", "report_due_days")
    )
    schedules = Schedule.for_decisions(decisions)
    wanted: dict[int, list[Period]] = {}
    for decision, _kind, _days in decisions:
        schedule = schedules[decision]
        wanted[decision] = sorted(set(periods(schedule)))
        for p in wanted[decision]:
            book.dues[(decision, p.key)] = schedule.due(p, calendar)
    if not any(wanted.values()):
        return book
    tz = timezone.get_current_timezone()
    facts: dict[int, tuple[int, Period | None, str | None]] = {}
    for pk, decision, assigned_at, status, period in (
        active.filter(assigned_at__isnull=False)
        .values_list("pk", "decision_id", "assigned_at", "progress_status", "progress_period")
        .order_by()
        .iterator(chunk_size=5000)
    ):
        if not wanted.get(decision):
            continue
        facts[pk] = (
            decision,
            first_period(schedules[decision], assigned_at.astimezone(tz).date()),
            period if status == ProgressStatus.DONE and period else None,
        )
    if not facts:
        return book
    ids = sorted(facts)
    pauses: dict[int, list[Pause]] = defaultdict(list)
    for task_id, unit_id, start, until, lifted_at in by_tasks(
        Suspension.objects.values_list("task_id", "unit_id", "start", "until", "lifted_at"), ids
    ):
        lifted = lifted_at.astimezone(tz).date() if lifted_at else None
        pauses[task_id].append(Pause(unit_id, start, until, lifted))
    duties: dict[tuple[int, int, str], Outcome] = {}
    links = by_tasks(TaskUnit.objects.values_list("task_id", "unit_id", "role"), ids)
    for task_id, unit_id, role in sorted(links):
        decision, first, done_in = facts[task_id]
        schedule = schedules[decision]
        for p in wanted[decision]:
            due = book.dues[(decision, p.key)]
            if owes(
                schedule=schedule,
                role=role,
                first=first,
                period=p,
                due=due,
                done_in=done_in,
                pauses=pauses.get(task_id, ()),
                unit=unit_id,
            ):
                duties[(task_id, unit_id, p.key)] = Outcome(task_id, unit_id, role, decision, p.key, due)
    keys = sorted({p.key for ps in wanted.values() for p in ps})
    returned = {
        int(object_id)
        for _task, object_id in by_tasks(
            AuditEntry.objects.filter(model="progress.report", action="return").values_list(
                "task_id", "object_id"
            ),
            ids,
        )
        if object_id.isdigit()
    }
    reports = Report.objects.filter(period__in=keys).values_list(
        "task_id", "pk", "unit_id", "period", "state", "submitted_at", "claim", "percent"
    )
    for task_id, pk, unit_id, period, state, submitted_at, claim, percent in by_tasks(reports, ids):
        o = duties.get((task_id, unit_id, period))
        if o is None:
            decision = facts[task_id][0]
            if state in HANDED_IN and (decision, period) in book.dues:
                book.extra.append((decision, task_id, unit_id, period))
            continue
        o.report = pk
        o.state = state
        o.handed_on = submitted_at.astimezone(tz).date() if submitted_at else None
        o.returned = pk in returned
        o.claim = claim
        o.percent = percent
    book.outcomes = sorted(duties.values(), key=lambda o: (o.period, o.task, o.unit))
    return book


def for_period(decision: Decision, period: Period, today: dt.date, *, tasks: Any = None) -> Book:
    """The duties of one decision's tasks (or of ``tasks`` among them) for one period."""
    from luoshi.ledger.models import Task

    qs = (tasks if tasks is not None else Task.objects.all()).filter(decision=decision)
    return load(qs, lambda schedule: [period] if period.kind == schedule.period_of(today).kind else [], today)
