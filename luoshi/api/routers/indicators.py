"""Targets (量化目标: the indicators a decision sets) and the values units report for them.

The indicators app (trajectories, delivery confidence) plugs its own router in beside this one; see
luoshi/api/api.py.
"""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from luoshi.ledger.models import Target, Task
from luoshi.progress.models import Measurement, Report

from ..errors import errors
from ..pagination import Pages
from ..schemas import MAX_ID, IdPath, TargetOut, UnitRef
from .common import get_or_404

router = Router(tags=["indicators"])


def visible_targets(request: HttpRequest) -> Any:
    """Targets of the tasks the caller may read."""
    return Target.objects.filter(task__in=Task.objects.visible_to(request.user).values("pk"))


class TargetFilters(Schema):
    decision: int | None = Field(None, ge=1, le=MAX_ID)
    task: int | None = Field(None, ge=1, le=MAX_ID)
    year: int | None = Field(None, ge=1949, le=2100)
    include_withdrawn: bool = False


@router.get("/targets", response={200: list[TargetOut], **errors(422)}, summary="量化目标（指标）")
@paginate(Pages)
def list_targets(request: HttpRequest, filters: Query[TargetFilters]) -> Any:
    targets = visible_targets(request).order_by("decision_id", "id")
    if filters.decision is not None:
        targets = targets.filter(decision_id=filters.decision)
    if filters.task is not None:
        targets = targets.filter(task_id=filters.task)
    if filters.year is not None:
        targets = targets.filter(year=filters.year)
    if not filters.include_withdrawn:
        targets = targets.filter(withdrawn=False)
    return targets


@router.get("/targets/{target_id}", response={200: TargetOut, **errors(404)}, summary="一个量化目标")
def get_target(request: HttpRequest, target_id: IdPath) -> Any:
    return get_or_404(visible_targets(request), target_id)


class TargetMeasurementOut(Schema):
    id: int
    report: int = Field(alias="report_id")
    period: str = Field(alias="report.period")
    state: str = Field(alias="report.state")
    unit: UnitRef = Field(alias="report.unit")
    value: float | None
    note: str
    reported_at: dt.datetime | None = Field(None, alias="report.submitted_at")


@router.get(
    "/targets/{target_id}/measurements",
    response={200: list[TargetMeasurementOut], **errors(404, 422)},
    summary="目标的实际值（来自你有权查看的报告）",
)
@paginate(Pages)
def list_measurements(request: HttpRequest, target_id: IdPath) -> Any:
    target = get_or_404(visible_targets(request), target_id)
    return (
        Measurement.objects.filter(
            target=target, report__in=Report.objects.visible_to(request.user).values("pk")
        )
        .select_related("report__unit")
        .order_by("-report__period", "report__unit__order", "id")
    )
