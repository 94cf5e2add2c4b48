"""Computing the lights: the rules, and the set-based pass over a decision that applies them.

The rules are plain functions of facts (a task's lead unit, deadline, progress, milestones; which
reports were handed in) and of the office's ``Rules`` and the working-day calendar. ``DecisionLights``
loads the facts of one decision with a handful of queries, applies the rules in memory, and ``store``
writes only what changed, in batches. ``light_for(task)`` applies the same rules to one task, live.

A light needs a basis: a task without a lead unit is 未分工, one without a time limit (a date, a
形象进度 node, or 长期坚持) is 未定时限; green is left for tasks that have both and nothing behind.
A parent task cascaded to banners and counties takes the worst light of its own and its sub-tasks'
(suspended ones aside), with a reason naming the sub-task (docs/figures.md).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from luoshi.figures.reporting import Pause, first_period, owes
from luoshi.ledger.models import (
    DeadlineKind,
    Milestone,
    ProgressStatus,
    Task,
    TaskState,
    TaskUnit,
    TaskUnitRole,
)
from luoshi.progress.models import HANDED_IN, Report
from luoshi.progress.periods import Period

from . import reasons
from .calendar import WorkCalendar
from .models import SEVERITY, Color, Mutex, ObligationLight, Rules, Suspension, TaskLight
from .schedule import PeriodWindow, Schedule

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
    deadline_note: str = ""
    done_in: str | None = None


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
    owed: Callable[[Period, dt.date], bool],
    handed_in: set[str],
    today: dt.date,
    rules: Rules,
    calendar: WorkCalendar,
) -> tuple[Verdict, str, dt.date | None, tuple[str, ...]]:
    """Red once a due period's report is missing; yellow while the next one falls due within the
    yellow lead time; green otherwise. ``owed(period, due)`` says whether the unit owes that period's
    report (``luoshi.figures.reporting.owes``, the one definition). Returns the verdict, its period
    and due date, and the periods missed."""
    due_periods = [(p, d) for p, d in window.past if owed(p, d)]
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
        if owed(period, due) and period.key not in handed_in and period.start <= today:
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
    has_milestones: bool = False,
) -> Verdict:
    """Done; 未分工 without a lead unit; red: past its deadline, or a report missed; yellow: a deadline
    or milestone within the yellow lead time, or behind 序时进度, or reported behind; green when the
    task has a time limit (a date, 形象进度 nodes, or 长期坚持) and nothing of the above; otherwise
    未定时限. (Suspended is decided before.)"""
    if task.progress_status == ProgressStatus.DONE:
        return Verdict(Color.DONE, "done")
    if task.lead_unit_id is None:
        return Verdict(Color.UNASSIGNED, "unassigned")
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
    if dated:
        return Verdict(Color.GREEN, "on_schedule", {"deadline": task.deadline.isoformat()})
    if task.deadline_kind == DeadlineKind.ONGOING:
        return Verdict(Color.GREEN, "ongoing")
    if has_milestones:
        return Verdict(Color.GREEN, "on_milestones")
    params = {"note": task.deadline_note[:60]} if task.deadline_note else {}
    return Verdict(Color.UNDATED, "undated", params)


def rolled_up(own: Verdict, subs: list[tuple[TaskFacts, Verdict]], unit_names: dict[int, str]) -> Verdict:
    """A parent task's light from its own and its active sub-tasks' (the suspended ones aside): the
    worst of them, with a reason naming the sub-task; done only when it and every sub-task are done."""
    relevant = [(f, v) for f, v in subs if v.color != Color.SUSPENDED]
    if not relevant or own.color == Color.SUSPENDED:
        return own
    own_done = own.color == Color.DONE
    open_ = [(f, v) for f, v in relevant if v.color != Color.DONE]
    if not open_:
        return own
    facts, worst = min(open_, key=lambda fv: (SEVERITY[Color(fv[1].color)], fv[0].pk))
    if not own_done and SEVERITY[Color(worst.color)] >= SEVERITY[Color(own.color)]:
        return own
    params = {
        "key": facts.key,
        "unit": unit_names.get(facts.lead_unit_id, "") if facts.lead_unit_id else "",
        "code": worst.code,
        "params": worst.params,
        "own_done": own_done,
    }
    return Verdict(worst.color, "subtask", params, worst.days)


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
    own: dict[int, Verdict] = field(default_factory=dict)  # a parent's own light, before the roll-up
    facts: dict[int, TaskFacts] = field(default_factory=dict)
    obligations: list[Obligation] = field(default_factory=list)
    window: PeriodWindow | None = None

    def compute(self, task_ids: Iterable[int] | None = None) -> DecisionLights:
        """The lights of the decision's active tasks (or of ``task_ids``, with the sub-tasks and parent
        tasks their roll-up needs) and of their reporting obligations."""
        today, rules, calendar = self.today, self.rules, self.calendar
        tasks_qs = Task.objects.filter(decision_id=self.decision_id, state=TaskState.ACTIVE)
        if task_ids is not None:
            wanted = set(task_ids)
            family = Task.objects.filter(Q(pk__in=wanted) | Q(parent_id__in=wanted)).values_list(
                "pk", "parent_id"
            )
            for pk, parent in family:
                wanted.add(pk)
                if parent is not None:
                    wanted.add(parent)
            wanted |= set(Task.objects.filter(parent_id__in=wanted).values_list("pk", flat=True))
            tasks_qs = tasks_qs.filter(pk__in=list(wanted))
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
            "deadline_note",
            "progress_period",
        )
        tz = timezone.get_current_timezone()
        for (
            pk,
            key,
            lead,
            parent,
            kind,
            deadline,
            status,
            percent,
            assigned_at,
            note,
            period,
        ) in rows.iterator(chunk_size=2000):
            on = assigned_at.astimezone(tz).date() if assigned_at else None
            done_in = period if status == ProgressStatus.DONE and period else None
            self.facts[pk] = TaskFacts(
                pk, key, lead, parent, kind, deadline, status, percent, on, note or "", done_in
            )
        if not self.facts:
            return self
        ids = list(self.facts)

        horizon = calendar.add(today, rules.yellow_working_days)
        milestones: dict[int, list[tuple[dt.date, str]]] = defaultdict(list)
        timed: set[int] = set()  # tasks with a 形象进度 node: a time limit, if not a deadline
        ms = Milestone.objects.filter(withdrawn=False)
        for task_id, due, what in by_tasks(ms.values_list("task_id", "due", "description"), ids):
            timed.add(task_id)
            if today <= due <= horizon:
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
            pauses: dict[int, list[Pause]] = defaultdict(list)
            for task_id, unit_id, start, until, lifted_at in by_tasks(
                Suspension.objects.values_list("task_id", "unit_id", "start", "until", "lifted_at"), ids
            ):
                lifted = lifted_at.astimezone(tz).date() if lifted_at else None
                pauses[task_id].append(Pause(unit_id, start, until, lifted))
            links = TaskUnit.objects.all()
            if not self.schedule.co_units_report:
                links = links.filter(role=TaskUnitRole.LEAD)
            for task_id, unit_id, role in by_tasks(links.values_list("task_id", "unit_id", "role"), ids):
                task = self.facts.get(task_id)
                if task is None:
                    continue
                ob = self._obligation(
                    task,
                    unit_id,
                    role,
                    window,
                    handed.get((task_id, unit_id), set()),
                    pauses.get(task_id, []),
                )
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
                has_milestones=pk in timed,
            )
        # a parent cascaded to banners and counties reflects its sub-tasks (one level deep)
        subs: dict[int, list[tuple[TaskFacts, Verdict]]] = defaultdict(list)
        for pk, task in self.facts.items():
            if task.parent_id is not None and task.parent_id in self.facts:
                subs[task.parent_id].append((task, self.tasks[pk]))
        for parent, children in subs.items():
            self.own[parent] = self.tasks[parent]
            self.tasks[parent] = rolled_up(self.tasks[parent], children, self.unit_names)
        return self

    def _obligation(
        self,
        task: TaskFacts,
        unit_id: int,
        role: str,
        window: PeriodWindow,
        handed: set[str],
        pauses: list[Pause],
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
        first = first_period(self.schedule, task.assigned_on)

        def owed(period: Period, due: dt.date) -> bool:
            return owes(
                schedule=self.schedule,
                role=role,
                first=first,
                period=period,
                due=due,
                done_in=task.done_in,
                pauses=pauses,
                unit=unit_id,
            )

        verdict, period, due, missed = obligation_verdict(
            window=window,
            owed=owed,
            handed_in=handed,
            today=self.today,
            rules=self.rules,
            calendar=self.calendar,
        )
        return Obligation(task.pk, unit_id, role, verdict, period, due, len(missed), missed)

    # -- writing ----------------------------------------------------------------------------------
    def store(self, now: dt.datetime | None = None, *, only: set[int] | None = None) -> dict[str, int]:
        """Write the lights that changed (and drop those of tasks no longer active). Returns counts.

        With ``only`` (task ids; after ``compute`` of those tasks) only their lights are written or
        dropped, and the other lights of the decision are left as they are."""
        now = now or timezone.now()
        today = self.today
        changed = {"tasks": 0, "obligations": 0}

        def mine(qs: Any) -> Any:
            if only is None:
                return qs.filter(task__decision_id=self.decision_id)
            return qs.filter(task_id__in=sorted(only | set(self.tasks)))

        with transaction.atomic():
            Mutex.hold(f"lights:{self.decision_id}")  # a concurrent run waits here, then sees these rows
            existing = {
                row[0]: row[1:]
                for row in mine(TaskLight.objects).values_list("task_id", "color", "code", "params", "since")
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
                for row in mine(ObligationLight.objects).values_list(
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
            mine(TaskLight.objects).exclude(computed_at=now).update(computed_at=now)
            mine(ObligationLight.objects).exclude(computed_at=now).update(computed_at=now)
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
    names = unit_names()  # the reason may name a sub-task's unit
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
