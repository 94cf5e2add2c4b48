"""The tasks counted, and what is counted of them: lights, completion, average progress, overdue.

**Which tasks.** A set of tasks (a decision, a part, a unit's, a league's, what a user may see) is
counted by its active tasks, *except sub-tasks whose parent task is in the same set*: a task cascaded
to banners and counties is one task of the decision, and its sub-tasks count through it (its light and
progress roll up from them, see ``luoshi.supervision.lights``). A sub-task whose parent is not in the
set (a banner's own list, where only its sub-task is) is counted as itself. ``counted()`` applies the
rule to rows in memory, ``counted_tasks()`` to a queryset (the task list's ``subtasks=in_parent``
filter); both say the same.

**What of them.** Each counted task has exactly one light (the one the supervision run stored, or
``none`` when it has not computed one yet), so the lights of a set add up to the set. Completion
(完成率) is the share whose light is ``done``; average progress (平均进度) is the mean of each task's
progress — for a parent with sub-tasks, the mean of its sub-tasks' (``rolled_up``) — and overdue
(逾期未完成) counts the tasks past their own completion date and not done (``TaskQuerySet.overdue``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from . import colours


@dataclass
class Row:
    """One active task, as the figures count it."""

    pk: int
    decision: int
    section: int | None
    parent: int | None
    colour: str
    own_percent: int
    percent: float  # the task's own, or its sub-tasks' mean when it has any (the rolled-up progress)
    overdue: bool
    deadline: dt.date | None
    lead: int | None
    assigned: dt.date | None
    done_in: str | None = None  # the period in which the task was reported done, if it is done


def _local_date(value: dt.datetime | None) -> dt.date | None:
    if value is None:
        return None
    return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()


def is_overdue(kind: str, deadline: dt.date | None, status: str, today: dt.date) -> bool:
    """``TaskQuerySet.overdue``'s rule, for one active task: a date or year-end deadline passed, not done."""
    from luoshi.ledger.models import DeadlineKind, ProgressStatus

    return (
        kind in (DeadlineKind.DATE, DeadlineKind.YEAR_END)
        and deadline is not None
        and deadline < today
        and status != ProgressStatus.DONE
    )


def rows(tasks: Any, today: dt.date) -> list[Row]:
    """The active tasks of ``tasks`` (a queryset) as rows, with their stored lights and rolled-up
    progress (two queries)."""
    from luoshi.ledger.models import ProgressStatus, Task, TaskState

    active = tasks.filter(state=TaskState.ACTIVE)
    subs: dict[int, list[int]] = defaultdict(list)
    for parent, percent, colour in (
        Task.objects.filter(parent__in=active.values("pk"), state=TaskState.ACTIVE)
        .values_list("parent_id", "percent", "light__color")
        .order_by()
    ):
        if colour != colours.SUSPENDED:
            subs[parent].append(percent or 0)
    out = []
    for values in active.values_list(
        "pk",
        "decision_id",
        "section_id",
        "parent_id",
        "progress_status",
        "percent",
        "deadline_kind",
        "deadline",
        "lead_unit_id",
        "assigned_at",
        "progress_period",
        "light__color",
    ).order_by():
        pk, decision, section, parent, status, percent, kind, deadline, lead, assigned, period, colour = (
            values
        )
        own = percent or 0
        mine = subs.get(pk)
        out.append(
            Row(
                pk=pk,
                decision=decision,
                section=section,
                parent=parent,
                colour=colour or colours.NONE,
                own_percent=own,
                percent=sum(mine) / len(mine) if mine else own,
                overdue=is_overdue(kind, deadline, status, today),
                deadline=deadline,
                lead=lead,
                assigned=_local_date(assigned),
                done_in=period if status == ProgressStatus.DONE and period else None,
            )
        )
    return out


def counts_itself(parent: int | None, members: Container[int]) -> bool:
    """Is a task with this parent counted as itself in a set whose task ids are ``members``?"""
    return parent is None or parent not in members


def counted(rows: Iterable[Row]) -> list[Row]:
    """The rows a set counts: all but sub-tasks whose parent is in the set too."""
    rows = list(rows)
    ids = {r.pk for r in rows}
    return [r for r in rows if counts_itself(r.parent, ids)]


def counted_tasks(tasks: Any) -> Any:
    """The same rule on a queryset of tasks: leave out sub-tasks whose parent is in ``tasks``
    (``TaskQuerySet.counted``, which the task list's ``subtasks=in_parent`` filter applies)."""
    return tasks.counted()


@dataclass
class Tally:
    """The figures of a set of counted tasks."""

    tasks: int = 0
    lights: Counter[str] = field(default_factory=Counter)
    percent: float = 0.0
    overdue: int = 0

    def add(self, row: Row) -> None:
        self.tasks += 1
        self.lights[row.colour] += 1
        self.percent += row.percent
        self.overdue += row.overdue

    @classmethod
    def of(cls, rows: Iterable[Row]) -> Tally:
        """The tally of a set's rows (the rule on which rows are counted applied first)."""
        t = cls()
        for r in counted(rows):
            t.add(r)
        return t

    @property
    def done(self) -> int:
        return self.lights[colours.DONE]

    @property
    def completion(self) -> float | None:
        """完成率: the share of counted tasks that are done (0 to 1), None without tasks."""
        return round(self.done / self.tasks, 4) if self.tasks else None

    @property
    def mean_percent(self) -> float | None:
        """平均进度: the mean progress of the counted tasks in percent (one decimal), None without tasks."""
        return round(self.percent / self.tasks, 1) if self.tasks else None

    def light_counts(self) -> dict[str, int]:
        return {c: self.lights[c] for c in colours.ORDER}

    def as_dict(self, url: str | None = None) -> dict[str, Any]:
        return {
            "tasks": self.tasks,
            "lights": self.light_counts(),
            "done": self.done,
            "completion": self.completion,
            "mean_percent": self.mean_percent,
            "overdue": self.overdue,
            "tasks_url": url,
        }


# -- one parent and its sub-tasks -------------------------------------------------------------------
@dataclass
class SubTask:
    pk: int
    key: str
    text: str
    unit: str
    percent: int | None
    status: str
    status_label: str
    colour: str
    reason: str

    @property
    def label(self) -> str:
        return str(colours.LABELS.get(self.colour, self.colour))


@dataclass
class RollUp:
    """A parent task's own figures and those rolled up from its active sub-tasks (the task page)."""

    own_percent: int | None
    own_status: str
    subtasks: list[SubTask]

    @property
    def relevant(self) -> list[SubTask]:
        """The sub-tasks the roll-up counts: active, and not suspended."""
        return [s for s in self.subtasks if s.colour != colours.SUSPENDED]

    @property
    def mean_percent(self) -> float | None:
        subs = self.relevant
        return round(sum(s.percent or 0 for s in subs) / len(subs), 1) if subs else None

    @property
    def min_percent(self) -> int | None:
        subs = self.relevant
        return min(s.percent or 0 for s in subs) if subs else None

    @property
    def done(self) -> int:
        return sum(1 for s in self.relevant if s.colour == colours.DONE)

    @property
    def lights(self) -> dict[str, int]:
        out = colours.empty()
        for s in self.subtasks:
            out[s.colour] += 1
        return out

    @property
    def worst(self) -> SubTask | None:
        subs = [s for s in self.relevant if s.colour != colours.DONE] or self.relevant
        if not subs:
            return None
        return min(subs, key=lambda s: colours.SEVERITY.get(s.colour, 99))


def roll_up(task: Any) -> RollUp | None:
    """``task``'s own progress and its active sub-tasks' (None when it has none), two queries."""
    from luoshi.ledger.models import Task, TaskState

    subs = list(
        Task.objects.filter(parent=task, state=TaskState.ACTIVE)
        .select_related("lead_unit", "light")
        .order_by("order", "id")
    )
    if not subs:
        return None
    out = []
    for s in subs:
        light = getattr(s, "light", None)
        colour = light.color if light is not None else colours.NONE
        out.append(
            SubTask(
                pk=s.pk,
                key=s.key,
                text=s.text,
                unit=s.lead_unit.name if s.lead_unit_id else "",
                percent=s.percent,
                status=s.progress_status,
                status_label=str(s.get_progress_status_display()),
                colour=colour,
                reason=str(light.reason_display())
                if light is not None
                else str(colours.LABELS[colours.NONE]),
            )
        )
    return RollUp(task.percent, task.progress_status, out)
