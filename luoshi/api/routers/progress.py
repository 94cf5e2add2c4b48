"""Progress reports: list, read, create (and submit), edit a draft, and the review workflow."""

from typing import Any, Literal

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError
from django.db.models import Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from luoshi.ledger.models import Role, Target, Task, unit_of
from luoshi.progress.models import Measurement, Report, ReportState
from luoshi.progress.periods import Period

from ..errors import ApiError, errors
from ..pagination import Pages
from ..schemas import (
    MAX_ID,
    ActionIn,
    CommentedActionIn,
    IdPath,
    MeasurementIn,
    ReportIn,
    ReportOut,
    ReportPatch,
)
from .common import acting, get_or_404, visible_task

router = Router(tags=["reports"])

TASK_IDS_INLINE = 5_000  # a unit's tasks written into the query as a list, up to this many


def _reports(request: HttpRequest) -> Any:
    reports = Report.objects.visible_to(request.user)
    unit = unit_of(request.user)
    if unit is not None:
        # Implied by the rules (a unit reads its own reports and reports on tasks it may read): lets
        # the database start from the unit's few reports and tasks instead of every report. The task
        # ids are read first: PostgreSQL cannot use the index on task_id for an IN (subquery) inside an
        # OR, and read every report instead (docs/benchmarks.md); a list it can.
        tasks: Any = Task.objects.visible_to(request.user).order_by().values("pk")
        ids = list(tasks.values_list("pk", flat=True)[: TASK_IDS_INLINE + 1])
        reports = reports.filter(Q(unit=unit) | Q(task_id__in=ids if len(ids) <= TASK_IDS_INLINE else tasks))
    return reports.select_related("unit", "task").prefetch_related("measurements")


class ReportFilters(Schema):
    task: int | None = Field(None, ge=1, le=MAX_ID)
    unit: int | None = Field(None, ge=1, le=MAX_ID)
    period: str | None = Field(None, max_length=8, description="如 2024Q1")
    state: Literal[tuple(ReportState.values)] | None = None  # type: ignore[valid-type]


@router.get("/reports", response={200: list[ReportOut], **errors(422)}, summary="进展报告")
@paginate(Pages)
def list_reports(request: HttpRequest, filters: Query[ReportFilters]) -> Any:
    reports = _reports(request).order_by("-id")  # newest first
    if filters.task is not None:
        reports = reports.filter(task_id=filters.task)
    if filters.unit is not None:
        reports = reports.filter(unit_id=filters.unit)
    if filters.period:
        reports = reports.filter(period=filters.period.upper())
    if filters.state:
        reports = reports.filter(state=filters.state)
    return reports


@router.get("/reports/{report_id}", response={200: ReportOut, **errors(404)}, summary="一份进展报告")
def get_report(request: HttpRequest, report_id: IdPath) -> Any:
    return get_or_404(_reports(request), report_id)


def _check_period(task: Any, key: str) -> str:
    try:
        period = Period.parse(key)
    except ValueError as e:
        raise ApiError(422, str(e)) from None
    kind = "M" if task.decision.reporting_period == "monthly" else "Q"
    if period.kind != kind:
        raise ApiError(
            422, _("该任务按%(how)s报送。") % {"how": task.decision.get_reporting_period_display()}
        )
    if period.start > timezone.localdate():
        raise ApiError(422, _("该报送周期尚未开始。"))
    return period.key


def _measure(report: Report, items: list[MeasurementIn]) -> None:
    targets = {t.pk: t for t in Target.objects.filter(task_id=report.task_id, withdrawn=False)}
    unknown = sorted({m.target for m in items} - set(targets))
    if unknown:
        raise ApiError(422, _("这些目标不属于该任务：%(ids)s") % {"ids": unknown}, {"targets": unknown})
    existing = {m.target_id: m for m in report.measurements.all()}
    for item in items:
        m = existing.get(item.target)
        if m is None:
            Measurement.objects.create(
                report=report, target=targets[item.target], value=item.value, note=item.note
            )
        elif (m.value, m.note) != (item.value, item.note):
            m.value, m.note = item.value, item.note
            m.save()


@router.post("/reports", response={201: ReportOut, **errors(404, 409, 422)}, summary="新建进展报告（填报员）")
def create_report(request: HttpRequest, data: ReportIn) -> Any:
    user = request.user
    if Role.of(user) != Role.REPORTER:
        raise PermissionDenied(_("只有单位填报员可以填写进展报告。"))
    task = visible_task(request, data.task)
    if not task.can_report(user):
        raise PermissionDenied(_("你的单位不承担此任务，不能报送。"))
    unit = unit_of(user)
    period = _check_period(task, data.period)
    existing = Report.objects.filter(task=task, unit=unit, period=period).values_list("pk", flat=True).first()
    if existing is not None:
        raise ApiError(409, _("本单位该周期的报告已存在，请修改它。"), {"report": existing})
    try:
        with acting(request):
            report = Report(
                task=task,
                unit=unit,
                period=period,
                created_by=user,
                narrative=data.narrative,
                percent=data.percent,
                claim=data.claim,
                problems=data.problems,
                next_steps=data.next_steps,
            )
            report.full_clean(exclude=["task", "unit", "created_by"])
            report.save()
            _measure(report, data.measurements)
            if data.submit:
                report.submit(by=user)
    except IntegrityError:  # created by another call at the same moment: that one won
        existing = (
            Report.objects.filter(task=task, unit=unit, period=period).values_list("pk", flat=True).first()
        )
        if existing is None:
            raise
        raise ApiError(409, _("本单位该周期的报告已存在，请修改它。"), {"report": existing}) from None
    return Status(201, get_or_404(_reports(request), report.pk))


@router.patch("/reports/{report_id}", response={200: ReportOut, **errors(404, 409, 422)}, summary="修改草稿")
def update_report(request: HttpRequest, report_id: IdPath, data: ReportPatch) -> Any:
    report = get_or_404(_reports(request), report_id)
    if not report.can_edit(request.user):
        raise PermissionDenied(_("此报告已提交，不能再修改。"))
    report.version = data.version
    with acting(request):
        for name in ("narrative", "percent", "claim", "problems", "next_steps"):
            value = getattr(data, name)
            if value is not None:
                setattr(report, name, value)
        report.full_clean(exclude=["task", "unit", "created_by"])
        report.save()
        if data.measurements is not None:
            _measure(report, data.measurements)
    return get_or_404(_reports(request), report.pk)


def _action(
    request: HttpRequest, report_id: int, data: ActionIn | CommentedActionIn, method: str, needs_comment: bool
) -> Any:
    report = get_or_404(Report.objects.visible_to(request.user), report_id)
    if data.version is not None:
        report.version = data.version
    kwargs: dict[str, Any] = {"by": request.user}
    if needs_comment or method in {"approve", "accept"}:
        kwargs["comment"] = data.comment
    with acting(request):
        getattr(report, method)(**kwargs)
    return get_or_404(_reports(request), report.pk)


ACTION_RESPONSES = {200: ReportOut, **errors(404, 409, 422)}


@router.post("/reports/{report_id}/submit", response=ACTION_RESPONSES, summary="提交（填报员）")
def submit_report(request: HttpRequest, report_id: IdPath, data: ActionIn) -> Any:
    return _action(request, report_id, data, "submit", False)


@router.post("/reports/{report_id}/approve", response=ACTION_RESPONSES, summary="单位审核通过（单位负责人）")
def approve_report(request: HttpRequest, report_id: IdPath, data: ActionIn) -> Any:
    return _action(request, report_id, data, "approve", False)


@router.post("/reports/{report_id}/send-back", response=ACTION_RESPONSES, summary="退回填报人（单位负责人）")
def send_back_report(request: HttpRequest, report_id: IdPath, data: CommentedActionIn) -> Any:
    return _action(request, report_id, data, "send_back", True)


@router.post("/reports/{report_id}/accept", response=ACTION_RESPONSES, summary="采纳（督查室）")
def accept_report(request: HttpRequest, report_id: IdPath, data: ActionIn) -> Any:
    return _action(request, report_id, data, "accept", False)


@router.post("/reports/{report_id}/return", response=ACTION_RESPONSES, summary="退回并附意见（督查室）")
def return_report(request: HttpRequest, report_id: IdPath, data: CommentedActionIn) -> Any:
    return _action(request, report_id, data, "return_", True)
