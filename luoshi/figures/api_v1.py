"""The figures of one decision for one reporting period (/api/v1/figures), plugged in by luoshi.api.

The same numbers as the report to the committee and the dashboard, from the same functions: the tasks
counted and their lights, completion and average progress, and the period's reporting figures
(docs/figures.md). Computed over the tasks the caller may read, so a unit gets its own part of the
decision. (No ``from __future__ import annotations`` here: django-ninja reads the annotations at
import time.)
"""

from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema

from luoshi.api.errors import ApiError, errors
from luoshi.api.schemas import MAX_ID

prefix = "/figures"
router = Router(tags=["figures"])


class FiguresQuery(Schema):
    decision: int = Field(..., ge=1, le=MAX_ID, description="决定 id")
    period: str | None = Field(
        None,
        pattern=r"^\d{4}(Q[1-4]|M(0[1-9]|1[0-2]))$",
        description="报送周期，如 2026Q3 或 2026M08（须是该决定的报送周期）；默认为最近有报告报送的周期",
    )


@router.get(
    "",
    response={200: dict[str, Any], **errors(404)},
    summary="一个决定在一个报送周期的任务与报送数字（与情况报告、驾驶舱同一口径）",
)
def decision_figures(request: HttpRequest, query: Query[FiguresQuery]) -> Any:
    from luoshi.exchange.report import latest_period, parse_period
    from luoshi.ledger.models import Decision, Role, Task

    from . import reporting
    from .tasks import Tally, counted, rows

    tasks = Task.objects.visible_to(request.user).filter(decision_id=query.decision)
    decision = Decision.objects.filter(pk=query.decision).first()
    everyone = Role.of(request.user) in {Role.OFFICE, Role.LEADER, Role.AUDITOR}
    if decision is None or not (everyone or tasks.exists()):
        raise Http404  # a unit without tasks in it learns nothing, not even that it exists
    today = timezone.localdate()
    if query.period:
        try:
            period = parse_period(decision, query.period)
        except ValueError as e:  # a year out of range, or a month of a decision reporting quarterly
            raise ApiError(404, str(e)) from None
    else:
        period = latest_period(decision, today)
    everything = rows(tasks, today)
    tally = Tally.of(everything)
    book = reporting.for_period(decision, period, today, tasks=tasks)
    due = book.dues.get((decision.pk, period.key))
    return {
        "schema_version": 1,
        "decision": {"id": decision.pk, "title": decision.title},
        "period": {"key": period.key, "label": period.label, "due": due.isoformat() if due else None},
        "today": today.isoformat(),
        "tasks": {
            **{k: v for k, v in tally.as_dict().items() if k != "tasks_url"},
            "subtasks": len(everything) - len(counted(everything)),
        },
        "reporting": book.figures().as_dict(),
    }
