"""What a unit has to do: tasks due for the current period, reports returned, reports awaiting approval.

Each list is one query whatever the size of the ledger (the page asserts its query count in tests).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from luoshi.ledger.models import Decision, Task, TaskUnit, Unit

from .models import HANDED_IN, Report, ReportState
from .periods import Period, reporting_period_for


@dataclass
class UnitOverview:
    unit: Unit
    today: dt.date

    @classmethod
    def for_unit(cls, unit: Unit, today: dt.date | None = None) -> UnitOverview:
        return cls(unit, today or timezone.localdate())

    def periods(self) -> dict[int, Period]:
        """The period each of the unit's decisions is collecting reports for (one query)."""
        if not hasattr(self, "_periods"):
            decisions = Decision.objects.filter(
                Exists(TaskUnit.objects.filter(unit=self.unit, task__decision=OuterRef("pk")))
            ).only("pk", "reporting_period", "report_due_days")
            self._periods = {
                d.pk: reporting_period_for(self.today, d.reporting_period, d.report_due_days)
                for d in decisions
            }
        return self._periods

    def tasks(self) -> QuerySet[Task]:
        return Task.objects.active().involving(self.unit)

    def due(self) -> QuerySet[Task]:
        """Tasks with no report handed in for their decision's current period, annotated with the state
        of the unit's report for it (draft, returned) if there is one."""
        periods = self.periods()
        if not periods:
            return Task.objects.none()
        by_period: dict[str, list[int]] = {}
        for decision_id, period in periods.items():
            by_period.setdefault(period.key, []).append(decision_id)
        match = Q()
        for key, decision_ids in by_period.items():
            handed_in = Report.objects.filter(
                task=OuterRef("pk"), unit=self.unit, period=key, state__in=HANDED_IN
            )
            match |= Q(decision_id__in=decision_ids) & ~Exists(handed_in)
        own = Report.objects.filter(task=OuterRef("pk"), unit=self.unit).order_by("-period")
        return (
            self.tasks()
            .filter(match)
            .annotate(
                report_state=Subquery(own.values("state")[:1]),
                report_period=Subquery(own.values("period")[:1]),
            )
            .select_related("lead_unit")
            .order_by("deadline", "decision_id", "order", "id")
        )

    def returned(self) -> QuerySet[Report]:
        return (
            Report.objects.filter(unit=self.unit, state=ReportState.RETURNED)
            .select_related("task")
            .order_by("-reviewed_at", "-id")
        )

    def awaiting_approval(self) -> QuerySet[Report]:
        return (
            Report.objects.filter(unit=self.unit, state=ReportState.SUBMITTED)
            .select_related("task")
            .order_by("submitted_at", "id")
        )

    def period_for(self, task: Any) -> Period:
        return self.periods()[task.decision_id]
