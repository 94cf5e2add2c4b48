"""The reporting burden (减负): what each unit is asked to file, and how often.

For each unit: the active tasks it leads and co-operates on, the reports it owes a year (one per
period of each task it must report on: 4 a year for a quarterly decision, 12 for a monthly one), the
figures it must measure (targets of the tasks it leads), the reports it filed and the notices it
received in the last 365 days, and the extension and completion requests it filed. A handful of
grouped queries, whatever the size of the ledger.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count
from django.utils import timezone

from luoshi.ledger.models import Target, TaskState, TaskUnit, TaskUnitRole, Unit
from luoshi.progress.models import Report, ReportState

from .models import Notice, ReportSchedule, Request

PER_YEAR = {"monthly": 12, "quarterly": 4}


@dataclass
class Load:
    unit_id: int
    name: str
    lead: int = 0
    co: int = 0
    reports_per_year: int = 0
    targets: int = 0
    filed: int = 0
    notices: int = 0
    requests: int = 0
    by_decision: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "unit": self.unit_id,
            "name": self.name,
            "lead_tasks": self.lead,
            "co_tasks": self.co,
            "reports_per_year": self.reports_per_year,
            "targets_to_measure": self.targets,
            "reports_filed_365d": self.filed,
            "notices_365d": self.notices,
            "requests_365d": self.requests,
        }


def burden(today: dt.date | None = None) -> list[Load]:
    """Every unit with something to file, the heaviest first."""
    today = today or timezone.localdate()
    since = timezone.make_aware(dt.datetime.combine(today - dt.timedelta(days=365), dt.time.min))
    names = dict(Unit.objects.values_list("pk", "name"))
    loads: dict[int, Load] = {}

    def load(unit_id: int) -> Load:
        if unit_id not in loads:
            loads[unit_id] = Load(unit_id, names.get(unit_id, ""))
        return loads[unit_id]

    co_report = set(ReportSchedule.objects.filter(co_units_report=True).values_list("decision_id", flat=True))
    inactive = set(ReportSchedule.objects.filter(active=False).values_list("decision_id", flat=True))
    links = (
        TaskUnit.objects.filter(task__state=TaskState.ACTIVE)
        .values("unit_id", "role", "task__decision_id", "task__decision__reporting_period")
        .annotate(n=Count("pk"))
        .order_by()
    )
    per_decision: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for row in links:
        item = load(row["unit_id"])
        decision = row["task__decision_id"]
        if row["role"] == TaskUnitRole.LEAD:
            item.lead += row["n"]
        else:
            item.co += row["n"]
        reports = row["role"] == TaskUnitRole.LEAD or decision in co_report
        if reports and decision not in inactive:
            owed = row["n"] * PER_YEAR.get(row["task__decision__reporting_period"], 4)
            item.reports_per_year += owed
            per_decision[row["unit_id"]][decision] += owed
    for unit_id, n in (
        Target.objects.filter(withdrawn=False, task__state=TaskState.ACTIVE, task__lead_unit__isnull=False)
        .values_list("task__lead_unit_id")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        load(unit_id).targets += n
    for unit_id, n in (
        Report.objects.filter(created_at__gte=since)
        .exclude(state=ReportState.DRAFT)
        .values_list("unit_id")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        load(unit_id).filed += n
    for unit_id, n in (
        Notice.objects.filter(created_at__gte=since, unit__isnull=False)
        .values_list("unit_id")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        load(unit_id).notices += n
    for unit_id, n in (
        Request.objects.filter(filed_at__gte=since).values_list("unit_id").annotate(n=Count("pk")).order_by()
    ):
        load(unit_id).requests += n
    for unit_id, decisions in per_decision.items():
        loads[unit_id].by_decision = {str(k): v for k, v in decisions.items()}
    return sorted(loads.values(), key=lambda x: (-x.reports_per_year, -x.lead, x.name))


def totals(loads: list[Load]) -> dict[str, Any]:
    n = len(loads) or 1
    owed = sum(x.reports_per_year for x in loads)
    return {
        "units": len(loads),
        "reports_per_year": owed,
        "average_per_unit": round(owed / n, 1),
        "heaviest": loads[0].name if loads else "",
        "heaviest_per_year": loads[0].reports_per_year if loads else 0,
    }
