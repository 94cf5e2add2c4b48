"""Assessment (考核): each unit's score for a quarter, from the office's published formula.

    score = base − Σ deductions + min(Σ additions, cap), never below 0

Each item counts what the unit did in the quarter, weighted by its part in the task (牵头 or 配合):
- missed report: a report due in the quarter (its due date passed) not handed in;
- late report: handed in after its due date;
- red task: a task of the unit past its completion deadline (its light is red for that reason);
- 退办: a report of the unit returned by the office, or a completion request refused, in the quarter;
- on-time 办结: a completion request approved in the quarter, filed within the deadline;
- target on track: a target measured in a report for the quarter that already meets its value, or
  whose task's light is green.
The items and their points are kept with the score (``Score.breakdown``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.ledger.models import AuditEntry, Task, TaskUnit, TaskUnitRole
from luoshi.progress.models import Measurement, Report
from luoshi.progress.periods import Period

from .calendar import WorkCalendar
from .lights import HANDED_IN
from .models import Color, Mutex, Request, RequestKind, RequestState, Rules, Score, TaskLight

ITEMS = ["missed", "late", "red", "returned", "done", "on_track"]


def item_labels() -> dict[str, str]:
    return {
        "missed": _("漏报"),
        "late": _("迟报"),
        "red": _("逾期未办结（红灯）任务"),
        "returned": _("退办"),
        "done": _("按期办结"),
        "on_track": _("目标进展正常"),
    }


def formula(rules: Rules) -> list[dict[str, Any]]:
    """The published formula: each item, its points, and whether it adds or deducts."""
    labels = item_labels()
    points = {
        "missed": -rules.deduct_missed,
        "late": -rules.deduct_late,
        "red": -rules.deduct_red,
        "returned": -rules.deduct_returned,
        "done": rules.add_done,
        "on_track": rules.add_on_track,
    }
    return [{"code": c, "label": labels[c], "points": points[c]} for c in ITEMS]


def meets(comparator: str, value: float, target: float | None, value_max: float | None = None) -> bool:
    if target is None:
        return False
    if comparator in {">=", "="}:
        return value >= target if comparator == ">=" else abs(value - target) <= abs(target) * 0.01
    if comparator == ">":
        return value > target
    if comparator == "<=":
        return value <= (value_max if value_max is not None else target)
    if comparator == "<":
        return value < target
    if comparator == "≈":
        return abs(value - target) <= abs(target) * 0.05
    return value >= target


def quarter_of(day: dt.date) -> Period:
    return Period.containing(day, "quarterly")


@dataclass
class Tally:
    counts: dict[str, float] = field(default_factory=lambda: defaultdict(float))  # weighted
    raw: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, item: str, weight: float) -> None:
        self.counts[item] += weight
        self.raw[item] += 1


@dataclass
class Assessor:
    rules: Rules
    calendar: WorkCalendar
    today: dt.date

    def weight(self, role: str | None) -> float:
        return self.rules.co_weight if role == TaskUnitRole.CO else self.rules.lead_weight

    def tally(self, quarter: Period) -> dict[int, Tally]:
        today = self.today
        start, end = quarter.start, quarter.end
        tallies: dict[int, Tally] = defaultdict(Tally)
        roles: dict[tuple[int, int], str] = {}

        # reports owed in the quarter (due date passed), missed or handed in late: the duties and what
        # became of them as every surface counts them (luoshi.figures.reporting)
        from luoshi.figures import reporting

        def due_in_quarter(schedule: Any) -> list[Period]:
            return [
                p for p in self._periods_in(quarter, schedule.kind) if schedule.due(p, self.calendar) < today
            ]

        book = reporting.load(Task.objects.all(), due_in_quarter, today, calendar=self.calendar)
        for o in book.outcomes:
            w = self.weight(o.role)
            tallies[o.unit].raw["due"] += 1
            if not o.handed_in:
                tallies[o.unit].add("missed", w)
            elif not o.on_time:
                tallies[o.unit].add("late", w)

        # red tasks (past their deadline), for every unit in them
        red = TaskLight.objects.filter(color=Color.RED, code="deadline_passed").values("task_id")
        for _task_id, unit_id, role in (
            TaskUnit.objects.filter(task_id__in=red)
            .values_list("task_id", "unit_id", "role")
            .iterator(chunk_size=5000)
        ):
            tallies[unit_id].add("red", self.weight(role))

        # 退办: reports returned by the office, and refused completion requests
        lo = dt.datetime.combine(start, dt.time.min, tzinfo=timezone.get_current_timezone())
        hi = dt.datetime.combine(
            end + dt.timedelta(days=1), dt.time.min, tzinfo=timezone.get_current_timezone()
        )
        returned_ids = [
            int(x)
            for x in AuditEntry.objects.filter(
                model="progress.report", action="return", at__gte=lo, at__lt=hi
            ).values_list("object_id", flat=True)
        ]
        returned = list(Report.objects.filter(pk__in=returned_ids).values_list("task_id", "unit_id"))
        refused = list(
            Request.objects.filter(
                kind=RequestKind.COMPLETION, state=RequestState.REFUSED, decided_at__gte=lo, decided_at__lt=hi
            ).values_list("task_id", "unit_id")
        )
        done = list(
            Request.objects.filter(
                kind=RequestKind.COMPLETION,
                state=RequestState.APPROVED,
                on_time=True,
                decided_at__gte=lo,
                decided_at__lt=hi,
            ).values_list("task_id", "unit_id")
        )
        # targets measured in the quarter's reports
        measured = list(
            Measurement.objects.filter(
                report__period__in=self._keys_in(quarter), report__state__in=HANDED_IN, value__isnull=False
            ).values_list(
                "report__task_id",
                "report__unit_id",
                "target_id",
                "value",
                "target__comparator",
                "target__value",
                "target__value_max",
            )
        )
        involved = {(t, u) for t, u in returned + refused + done} | {(m[0], m[1]) for m in measured}
        task_ids = {t for t, _u in involved}
        for task_id, unit_id, role in TaskUnit.objects.filter(task_id__in=task_ids).values_list(
            "task_id", "unit_id", "role"
        ):
            roles[(task_id, unit_id)] = role
        for task_id, unit_id in returned + refused:
            tallies[unit_id].add("returned", self.weight(roles.get((task_id, unit_id))))
        for task_id, unit_id in done:
            tallies[unit_id].add("done", self.weight(roles.get((task_id, unit_id))))
        green = set(
            TaskLight.objects.filter(
                task_id__in={m[0] for m in measured}, color__in=[Color.GREEN, Color.DONE]
            ).values_list("task_id", flat=True)
        )
        counted: set[tuple[int, int]] = set()
        for task_id, unit_id, target_id, value, comparator, target, target_max in measured:
            if (unit_id, target_id) in counted:
                continue
            if meets(comparator or ">=", value, target, target_max) or task_id in green:
                counted.add((unit_id, target_id))
                tallies[unit_id].add("on_track", self.weight(roles.get((task_id, unit_id))))
        return tallies

    def _periods_in(self, quarter: Period, kind: str) -> list[Period]:
        if kind == "monthly":
            first = (quarter.n - 1) * 3 + 1
            return [Period(quarter.year, "M", m) for m in range(first, first + 3)]
        return [quarter]

    def _keys_in(self, quarter: Period) -> list[str]:
        return [quarter.key] + [p.key for p in self._periods_in(quarter, "monthly")]

    def score(
        self, tally: Tally, published: list[dict[str, Any]] | None = None
    ) -> tuple[float, dict[str, Any]]:
        rules = self.rules
        items = []
        deductions = additions = 0.0
        for entry in published or formula(rules):
            code = entry["code"]
            weighted = round(tally.counts.get(code, 0.0), 2)
            points = round(weighted * entry["points"], 2)
            if points < 0:
                deductions += -points
            else:
                additions += points
            items.append({**entry, "count": tally.raw.get(code, 0), "weighted": weighted, "total": points})
        bonus = min(additions, rules.bonus_cap)
        total = round(max(0.0, rules.score_base - deductions + bonus), 2)
        return total, {
            "base": rules.score_base,
            "due": tally.raw.get("due", 0),
            "items": items,
            "deductions": round(deductions, 2),
            "additions": round(additions, 2),
            "bonus": round(bonus, 2),
            "capped": additions > rules.bonus_cap,
        }

    def scores(self, quarter: Period) -> list[Score]:
        now = timezone.now()
        rows = []
        published = formula(self.rules)
        for unit_id, tally in self.tally(quarter).items():
            total, breakdown = self.score(tally, published)
            rows.append(
                Score(unit_id=unit_id, period=quarter.key, total=total, breakdown=breakdown, computed_at=now)
            )
        rows.sort(key=lambda s: (-s.total, s.unit_id))
        rank, last = 0, None
        for n, s in enumerate(rows, start=1):
            if s.total != last:
                rank, last = n, s.total
            s.rank = rank
        return rows

    def store(self, quarter: Period) -> list[Score]:
        rows = self.scores(quarter)
        with transaction.atomic():
            Mutex.hold(f"scores:{quarter.key}")
            Score.objects.filter(period=quarter.key).delete()
            Score.objects.bulk_create(rows, batch_size=1000)
        return rows
