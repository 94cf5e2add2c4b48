"""Computing the lights: the rules, and the set-based pass over a decision that applies them.

The rules are plain functions of facts (a task's deadline, progress, milestones; which reports were
handed in) and of the office's ``Rules`` and the working-day calendar. ``DecisionLights`` loads the
facts of one decision with a handful of queries, applies the rules in memory, and ``store`` writes only
what changed, in batches. ``light_for(task)`` applies the same rules to one task, live.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from luoshi.ledger.models import (
    DeadlineKind,
    Milestone,
    ProgressStatus,
    Task,
    TaskState,
    TaskUnit,
    TaskUnitRole,
)
from luoshi.progress.models import Report, ReportState
from luoshi.progress.periods import Period

from . import reasons
from .calendar import WorkCalendar
from .models import SEVERITY, Color, Mutex, ObligationLight, Rules, Suspension, TaskLight
from .schedule import PeriodWindow, Schedule

# A report in one of these states has been handed in for its period (a returned one must be filed again).
HANDED_IN = (ReportState.SUBMITTED, ReportState.APPROVED, ReportState.ACCEPTED)
DATED = (DeadlineKind.DATE, DeadlineKind.YEAR_END)
BATCH = 1000


@dataclass(frozen=True)
class Verdict:
    color: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)
    # for escalation: working days overdue (red), or left before the due date (yellow)
    days: int = 0

    @property
    def reason(self) -> str:
        return reasons.describe(self.code, self.params)


@dataclass
class TaskFacts:
    pk: int
    key: str
    lead_unit_id: int | None
    parent_id: int | None
    deadline_kind: str
    deadline: dt.date | None
    progress_status: str
    percent: int | None
    assigned_on: dt.date | None


@dataclass(frozen=True)
class Obligation:
    """A unit's duty to report on a task, and its light."""

    task_id: int
    unit_id: int
    role: str
    verdict: Verdict
    period: str = ""
    due: dt.date | None = None
    missed: int = 0
    missed_keys: tuple[str, ...] = ()


# -- the rules ---------------------------------------------------------------------------------------
def obligation_verdict(
    *,
    window: PeriodWindow,
    first: Period | None,
    handed_in: set[str],
    today: dt.date,
    rules: Rules,
    calendar: WorkCalendar,
) -> tuple[Verdict, str, dt.date | None, tuple[str, ...]]:
    """Red once a due period's report is missing; yellow while the next one falls due within the
    yellow lead time; green otherwise. Returns the verdict, its period and due date, and the periods
    missed."""
    due_periods = [(p, d) for p, d in window.past if first is None or p >= first]
    missed = [(p, d) for p, d in due_periods if p.key not in handed_in]
    if missed:
        period, due = missed[0]
        days = calendar.count(due, today)
        params = {
            "period": period.key,
            "since": (due + dt.timedelta(days=1)).isoformat(),
            "missed": len(missed),
        }
        return (
            Verdict(Color.RED, "report_missed", params, days),
            period.key,
            due,
            tuple(p.key for p, _d in missed),
        )
    if window.upcoming is not None:
        period, due = window.upcoming
        if (first is None or period >= first) and period.key not in handed_in and period.start <= today:
            left = calendar.count(today, due)
            if left <= rules.yellow_working_days:
                params = {"period": period.key, "due": due.isoformat(), "days": left}
                return Verdict(Color.YELLOW, "report_due_soon", params, left), period.key, due, ()
    return Verdict(Color.GREEN, "on_schedule"), "", None, ()


def expected_percent(task: TaskFacts, today: dt.date) -> int | None:
    """序时进度: the share of the time from assignment to deadline that has passed, in percent."""
    if task.deadline_kind not in DATED or task.deadline is None or task.assigned_on is None:
        return None
    total = (task.deadline - task.assigned_on).days
    if total <= 0:
        return None
    elapsed = (today - task.assigned_on).days
    return max(0, min(100, round(100 * elapsed / total)))


def task_verdict(
    task: TaskFacts,
    *,
    today: dt.date,
    rules: Rules,
    calendar: WorkCalendar,
    milestones: Iterable[tuple[dt.date, str]] = (),
    worst_obligation: Obligation | None = None,
    unit_names: dict[int, str] | None = None,
) -> Verdict:
    """Red: past its deadline, or a report missed; yellow: a deadline or milestone within the yellow
    lead time, or behind 序时进度; green otherwise. (Done and suspended are decided before.)"""
    if task.progress_status == ProgressStatus.DONE:
        return Verdict(Color.DONE, "done")
    dated = task.deadline_kind in DATED and task.deadline is not None
    if dated and task.deadline < today:
        days = calendar.count(task.deadline, today)
        return Verdict(
            Color.RED, "deadline_passed", {"deadline": task.deadline.isoformat(), "days": days}, days
        )
    if worst_obligation is not None and worst_obligation.verdict.color == Color.RED:
        v = worst_obligation.verdict
        params = {**v.params, "unit": (unit_names or {}).get(worst_obligation.unit_id, "")}
        return Verdict(Color.RED, "report_missed", params, v.days)
    if dated:
        left = calendar.count(today, task.deadline)
        if left <= rules.yellow_working_days:
            return Verdict(
                Color.YELLOW, "deadline_near", {"deadline": task.deadline.isoformat(), "days": left}, left
            )
    for due, what in sorted(milestones):
        if due >= today:
            left = calendar.count(today, due)
            if left <= rules.yellow_working_days:
                return Verdict(
                    Color.YELLOW,
                    "milestone_near",
                    {"what": what[:60], "due": due.isoformat(), "days": left},
                    left,
                )
    expected = expected_percent(task, today)
    actual = task.percent or 0
    if expected is not None and actual < expected - rules.behind_tolerance:
        return Verdict(Color.YELLOW, "behind_schedule", {"expected": expected, "actual": actual})
    if task.progress_status == ProgressStatus.BEHIND:
        return Verdict(Color.YELLOW, "claimed_behind")
    if not dated and task.deadline_kind != DeadlineKind.ONGOING:
        return Verdict(Color.GREEN, "no_deadline")
    return Verdict(Color.GREEN, "on_schedule")


def first_period(schedule: Schedule, assigned_on: dt.date | None) -> Period | None:
    """The first period a task reports on: the schedule's, or the one in which it was assigned."""
    if assigned_on is None:
        return None
    own = schedule.period_of(assigned_on)
    return max(own, schedule.first) if schedule.first is not None else own


# -- one decision, set-based ---------------------------------------------------------------------------
@dataclass
class Suspensions:
    """Suspensions in force: task-wide ones and those for one unit."""

    tasks: dict[int, str] = field(default_factory=dict)
    units: dict[tuple[int, int], str] = field(default_factory=dict)

    @classmethod
    def load(cls, today: dt.date) -> Suspensions:
        out = cls()
        for task_id, unit_id, reason in Suspension.objects.in_force(today).values_list(
            "task_id", "unit_id", "reason"
        ):
            if unit_id is None:
                out.tasks[task_id] = reason
            else:
                out.units[(task_id, unit_id)] = reason
        return out


@dataclass
class DecisionLights:
    """The lights of one decision's active tasks and their reporting obligations."""

    decision_id: int
    schedule: Schedule
    today: dt.date
    rules: Rules
    calendar: WorkCalendar
    suspensions: Suspensions
    unit_names: dict[int, str]
    tasks: dict[int, Verdict] = field(default_factory=dict)
    facts: dict[int, TaskFacts] = field(default_factory=dict)
    obligations: list[Obligation] = field(default_factory=list)
    window: PeriodWindow | None = None

    def compute(self, task_ids: Iterable[int] | None = None) -> DecisionLights:
        today, rules, calendar = self.today, self.rules, self.calendar
        tasks_qs = Task.objects.filter(decision_id=self.decision_id, state=TaskState.ACTIVE)
        if task_ids is not None:
            tasks_qs = tasks_qs.filter(pk__in=list(task_ids))
        rows = tasks_qs.values_list(
            "pk",
            "key",
            "lead_unit_id",
            "parent_id",
            "deadline_kind",
            "deadline",
            "progress_status",
            "percent",
            "assigned_at",
        )
        tz = timezone.get_current_timezone()
        for pk, key, lead, parent, kind, deadline, status, percent, assigned_at in rows.iterator(
            chunk_size=2000
        ):
            on = assigned_at.astimezone(tz).date() if assigned_at else None
            self.facts[pk] = TaskFacts(pk, key, lead, parent, kind, deadline, status, percent, on)
        if not self.facts:
            return self
        ids = list(self.facts)

        horizon = calendar.add(today, rules.yellow_working_days)
        milestones: dict[int, list[tuple[dt.date, str]]] = defaultdict(list)
        ms = Milestone.objects.filter(withdrawn=False, due__gte=today, due__lte=horizon)
        for task_id, due, what in by_tasks(ms.values_list("task_id", "due", "description"), ids):
            milestones[task_id].append((due, what))

        worst: dict[int, Obligation] = {}
        if self.schedule.active:
            self.window = window = self.schedule.periods_around(today, calendar, rules.lookback_periods)
            keys = window.keys()
            handed: dict[tuple[int, int], set[str]] = defaultdict(set)
            reports = Report.objects.filter(period__in=keys).values_list(
                "task_id", "unit_id", "period", "state"
            )
            for task_id, unit_id, period, state in by_tasks(reports, ids):
                if (
                    state in HANDED_IN
                ):  # filtered here: SQLite would pick the index on state over (task, period)
                    handed[(task_id, unit_id)].add(period)
            links = TaskUnit.objects.all()
            if not self.schedule.co_units_report:
                links = links.filter(role=TaskUnitRole.LEAD)
            for task_id, unit_id, role in by_tasks(links.values_list("task_id", "unit_id", "role"), ids):
                task = self.facts.get(task_id)
                if task is None:
                    continue
                ob = self._obligation(task, unit_id, role, window, handed.get((task_id, unit_id), set()))
                if ob is None:
                    continue
                self.obligations.append(ob)
                current = worst.get(task_id)
                if current is None or _worse(ob, current):
                    worst[task_id] = ob

        for pk, task in self.facts.items():
            if pk in self.suspensions.tasks:
                self.tasks[pk] = Verdict(Color.SUSPENDED, "suspended", {"reason": self.suspensions.tasks[pk]})
                continue
            self.tasks[pk] = task_verdict(
                task,
                today=today,
                rules=rules,
                calendar=calendar,
                milestones=milestones.get(pk, ()),
                worst_obligation=worst.get(pk),
                unit_names=self.unit_names,
            )
        return self

    def _obligation(
        self, task: TaskFacts, unit_id: int, role: str, window: PeriodWindow, handed: set[str]
    ) -> Obligation | None:
        if task.assigned_on is None:
            return None
        reason = self.suspensions.tasks.get(task.pk) or self.suspensions.units.get((task.pk, unit_id))
        if reason is not None:
            return Obligation(
                task.pk, unit_id, role, Verdict(Color.SUSPENDED, "suspended", {"reason": reason})
            )
        if task.progress_status == ProgressStatus.DONE:
            return Obligation(task.pk, unit_id, role, Verdict(Color.DONE, "done"))
        verdict, period, due, missed = obligation_verdict(
            window=window,
            first=first_period(self.schedule, task.assigned_on),
            handed_in=handed,
            today=self.today,
            rules=self.rules,
            calendar=self.calendar,
        )
        return Obligation(task.pk, unit_id, role, verdict, period, due, len(missed), missed)

    # -- writing ----------------------------------------------------------------------------------
    def store(self, now: dt.datetime | None = None) -> dict[str, int]:
        """Write the lights that changed (and drop those of tasks no longer active). Returns counts."""
        now = now or timezone.now()
        today = self.today
        changed = {"tasks": 0, "obligations": 0}
        with transaction.atomic():
            Mutex.hold(f"lights:{self.decision_id}")  # a concurrent run waits here, then sees these rows
            existing = {
                row[0]: row[1:]
                for row in TaskLight.objects.filter(task__decision_id=self.decision_id).values_list(
                    "task_id", "color", "code", "params", "since"
                )
            }
            new, update = [], []
            for pk, v in self.tasks.items():
                old = existing.pop(pk, None)
                if old is not None and (old[0], old[1], old[2]) == (v.color, v.code, v.params):
                    continue
                since = old[3] if old is not None and old[0] == v.color else today
                light = TaskLight(
                    task_id=pk,
                    color=v.color,
                    code=v.code,
                    params=v.params,
                    reason=v.reason[:300],
                    since=since,
                    computed_at=now,
                )
                (update if old is not None else new).append(light)
            insert(TaskLight, new)
            TaskLight.objects.bulk_update(
                update, ["color", "code", "params", "reason", "since", "computed_at"], batch_size=BATCH
            )
            stale = list(existing)
            for chunk in _chunks(stale):
                TaskLight.objects.filter(task_id__in=chunk).delete()
            changed["tasks"] = len(new) + len(update)

            existing_ob = {
                (row[0], row[1]): row[2:]
                for row in ObligationLight.objects.filter(task__decision_id=self.decision_id).values_list(
                    "task_id", "unit_id", "pk", "color", "code", "params", "since"
                )
            }
            new_ob, update_ob = [], []
            for ob in self.obligations:
                v = ob.verdict
                old = existing_ob.pop((ob.task_id, ob.unit_id), None)
                if old is not None and (old[1], old[2], old[3]) == (v.color, v.code, v.params):
                    continue
                since = old[4] if old is not None and old[1] == v.color else today
                light = ObligationLight(
                    pk=old[0] if old is not None else None,
                    task_id=ob.task_id,
                    unit_id=ob.unit_id,
                    color=v.color,
                    code=v.code,
                    params=v.params,
                    reason=v.reason[:300],
                    since=since,
                    computed_at=now,
                    period=ob.period,
                    due=ob.due,
                    missed=ob.missed,
                )
                (update_ob if old is not None else new_ob).append(light)
            insert(ObligationLight, new_ob)
            ObligationLight.objects.bulk_update(
                update_ob,
                ["color", "code", "params", "reason", "since", "computed_at", "period", "due", "missed"],
                batch_size=BATCH,
            )
            for chunk in _chunks([v[0] for v in existing_ob.values()]):
                ObligationLight.objects.filter(pk__in=chunk).delete()
            changed["obligations"] = len(new_ob) + len(update_ob)
            # everything else was checked now and found unchanged
            TaskLight.objects.filter(task__decision_id=self.decision_id).exclude(computed_at=now).update(
                computed_at=now
            )
            ObligationLight.objects.filter(task__decision_id=self.decision_id).exclude(
                computed_at=now
            ).update(computed_at=now)
        return changed


def insert(model: Any, objs: list[Any]) -> None:
    """Insert new lights with one prepared statement per batch (``executemany``): for the tens of
    thousands of lights of a first run, Django's ``bulk_create`` spends most of its time preparing
    values field by field. Values are adapted by the backend's own adapters, so this is the same SQL
    on SQLite and PostgreSQL."""
    if not objs:
        return
    ops = connection.ops
    fields = [f for f in model._meta.concrete_fields if not (f.primary_key and f.attname == "id")]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(ops.quote_name(f.column) for f in fields)
    sql = f"INSERT INTO {table} ({columns}) VALUES ({', '.join(['%s'] * len(fields))})"
    adapters = []
    for f in fields:
        kind = f.get_internal_type()
        if kind == "JSONField":
            adapters.append(lambda v: ops.adapt_json_value(v, None))
        elif kind == "DateTimeField":
            adapters.append(ops.adapt_datetimefield_value)
        elif kind == "DateField":
            adapters.append(ops.adapt_datefield_value)
        else:
            adapters.append(lambda v: v)
    names = [f.attname for f in fields]
    with connection.cursor() as cursor:
        for batch in _chunks(objs):
            cursor.executemany(
                sql, [[adapt(getattr(o, n)) for adapt, n in zip(adapters, names, strict=True)] for o in batch]
            )


def by_tasks(qs: Any, task_ids: list[int], size: int = 2000) -> Iterator[Any]:
    """The rows of ``qs`` (a values_list whose first field is the task id) for these tasks, unordered.

    Tasks of one decision mostly have consecutive ids: then one range scan of the (task, …) index
    reads them all; otherwise they are fetched by batches of ids. (Not a join on the decision: on a
    large table SQLite would scan it.)"""
    if not task_ids:
        return
    lo, hi = min(task_ids), max(task_ids)
    if len(task_ids) * 2 >= hi - lo + 1:
        wanted = set(task_ids)
        for row in qs.filter(task_id__gte=lo, task_id__lte=hi).order_by().iterator(chunk_size=5000):
            if row[0] in wanted:
                yield row
        return
    for i in range(0, len(task_ids), size):
        yield from qs.filter(task_id__in=task_ids[i : i + size]).order_by()


def _worse(a: Obligation, b: Obligation) -> bool:
    """Is obligation ``a`` worse than ``b``: a worse colour, or the same colour longer overdue."""
    sa, sb = SEVERITY[Color(a.verdict.color)], SEVERITY[Color(b.verdict.color)]
    if sa != sb:
        return sa < sb
    return (
        a.verdict.days > b.verdict.days if a.verdict.color == Color.RED else a.verdict.days < b.verdict.days
    )


def _chunks(items: list[Any], size: int = BATCH) -> Iterator[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def unit_names() -> dict[int, str]:
    from luoshi.ledger.models import Unit

    return dict(Unit.objects.values_list("pk", "name"))


def light_for(task: Task, today: dt.date | None = None, *, calendar: WorkCalendar | None = None) -> Verdict:
    """The light of one task, computed now by the same rules the run applies (no writing)."""
    today = today or timezone.localdate()
    if task.state != TaskState.ACTIVE:
        return Verdict(Color.SUSPENDED, "inactive", {"reason": task.get_state_display()})
    decision = task.decision
    schedule = Schedule.for_decisions([(decision.pk, decision.reporting_period, decision.report_due_days)])[
        decision.pk
    ]
    names = dict(task.units.values_list("pk", "name"))
    book = DecisionLights(
        decision.pk,
        schedule,
        today,
        Rules.get(),
        calendar or WorkCalendar.load(),
        Suspensions.load(today),
        names,
    ).compute([task.pk])
    return book.tasks[task.pk]
