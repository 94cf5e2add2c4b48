"""Progress views, thin: "my unit", the report form, the report page and its workflow, evidence, review."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.ledger.history import describe
from luoshi.ledger.limits import COMMENT, too_long
from luoshi.ledger.models import Role, StaleEdit, unit_of
from luoshi.ledger.views.common import (
    any_role,
    json_response,
    office_only,
    role_required,
    visible_task,
    wants_json,
)
from luoshi.ops.storage import download
from luoshi.web.display import moment

from .forms import ReportForm
from .models import Evidence, Measurement, Report
from .overview import UnitOverview
from .periods import Period

unit_roles = role_required(Role.REPORTER, Role.UNIT_LEADER)
LIST_LIMIT = 100


@unit_roles
def my_unit(request: HttpRequest) -> HttpResponse:
    unit = unit_of(request.user)
    if unit is None:
        raise PermissionDenied(_("你的账号没有关联单位。"))
    view = UnitOverview.for_unit(unit)
    due = list(view.due()[:LIST_LIMIT])
    periods = view.periods()
    rows = [{"task": t, "period": periods[t.decision_id]} for t in due]
    returned = list(view.returned()[:LIST_LIMIT])
    awaiting = (
        list(view.awaiting_approval()[:LIST_LIMIT]) if Role.of(request.user) == Role.UNIT_LEADER else []
    )
    if wants_json(request):
        return json_response(
            {
                "unit": unit.name,
                "due": [
                    {
                        "task": r["task"].pk,
                        "key": r["task"].key,
                        "period": r["period"].key,
                        "report_state": r["task"].report_state,
                    }
                    for r in rows
                ],
                "returned": [{"report": r.pk, "task": r.task_id, "period": r.period} for r in returned],
                "awaiting_approval": [
                    {"report": r.pk, "task": r.task_id, "period": r.period} for r in awaiting
                ],
            }
        )
    return render(
        request,
        "progress/my_unit.html",
        {
            "unit": unit,
            "rows": rows,
            "returned": returned,
            "awaiting": awaiting,
            "limit": LIST_LIMIT,
            "today": view.today,
        },
    )


def _allowed_period(task: Any, key: str | None, unit: Any) -> Period:
    view = UnitOverview.for_unit(unit)
    default = view.periods().get(task.decision_id) or Period.containing(
        view.today, task.decision.reporting_period
    )
    if not key:
        return default
    try:
        period = Period.parse(key)
    except ValueError as e:
        raise Http404(str(e)) from None
    kind = "M" if task.decision.reporting_period == "monthly" else "Q"
    if period.kind != kind or period.start > view.today:
        raise Http404(_("该任务不按此周期报送，或周期尚未开始。"))
    return period


def _save_report(request: HttpRequest, form: ReportForm, report: Report, submit: bool) -> bool:
    """Save the report, its measurements and evidence in one transaction; submit it if asked."""
    try:
        with transaction.atomic():
            if form.cleaned_data.get("version"):
                report.version = form.cleaned_data["version"]
            report.full_clean(exclude=["task", "unit", "created_by"])
            report.save()
            existing = {m.target_id: m for m in report.measurements.all()}
            for t in form.targets:
                value = form.cleaned_data.get(f"target_{t.pk}")
                m = existing.get(t.pk)
                if m is None and value is not None:
                    Measurement.objects.create(report=report, target=t, value=value)
                elif m is not None and m.value != value:
                    m.value = value
                    m.save()
            if form.cleaned_data.get("evidence"):
                Evidence.attach(report, form.cleaned_data["evidence"], by=request.user)
            if submit:
                report.submit(by=request.user)
    except StaleEdit as e:
        form.add_error(None, e.message())
    except IntegrityError:
        if not report._state.adding:
            raise
        # two first saves of the same period's report at the same moment: the other one won
        existing = Report.objects.filter(task=report.task, unit=report.unit, period=report.period).first()
        if existing is None:
            raise
        raise _AlreadyReported(existing) from None
    except ValidationError as e:
        if hasattr(e, "error_dict"):
            for field, errs in e.message_dict.items():
                form.add_error(field if field in form.fields else None, errs)
        else:
            form.add_error(
                "evidence"
                if e.code in {"too_large", "empty", "type", "mismatch", "zip_bomb", "corrupt"}
                else None,
                e,
            )
    else:
        return True
    return False


@role_required(Role.REPORTER)
def report_for_task(request: HttpRequest, pk: int) -> HttpResponse:
    task = visible_task(request, pk)
    if not task.can_report(request.user):
        raise PermissionDenied(_("你的单位不承担此任务，不能报送。"))
    unit = unit_of(request.user)
    period = _allowed_period(task, request.GET.get("period"), unit)
    report = Report.objects.filter(task=task, unit=unit, period=period.key).first()
    if report is not None:
        if (
            request.method == "POST"
        ):  # someone saved this period's report meanwhile (a second tab, a double click)
            return _already_reported(request, report)
        return redirect(
            "progress:report-edit" if report.can_edit(request.user) else "progress:report-detail",
            pk=report.pk,
        )
    report = Report(task=task, unit=unit, period=period.key, created_by=request.user)
    return _report_form(request, report)


@role_required(Role.REPORTER)
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(
        Report.objects.visible_to(request.user).select_related("task__decision", "unit"), pk=pk
    )
    if not report.can_edit(request.user):
        raise PermissionDenied(_("此报告已提交，不能再修改。"))
    return _report_form(request, report)


class _AlreadyReported(Exception):
    def __init__(self, report: Report) -> None:
        self.report = report


def _already_reported(request: HttpRequest, existing: Report) -> HttpResponse:
    """The form again, holding what the writer typed (nothing of it is lost), with a message: this
    period's report was saved by someone else first. Saving again now is a deliberate choice, made
    on the report that exists, at its current version."""
    targets = list(existing.task.targets.filter(withdrawn=False))
    data = request.POST.copy()
    data["version"] = str(existing.version)
    form = ReportForm(data, instance=existing, targets=targets)
    form.is_valid()
    who = (
        existing.created_by.get_full_name() or existing.created_by.get_username()
        if existing.created_by
        else ""
    )
    when = moment(existing.created_at)
    if existing.can_edit(request.user):
        message = _(
            "本周期的报告已由%(who)s于%(when)s保存，你填写的内容尚未保存，仍在下面。请与已保存的报告核对：再次保存将以下面的内容替换它（附件需重新选择）。"
        )
        action = reverse("progress:report-edit", args=[existing.pk])
    else:
        message = _(
            "本周期的报告已由%(who)s于%(when)s保存并已提交，不能再替换。你填写的内容没有保存，仍在下面，可复制后联系单位负责人。"
        )
        action = ""
    form.add_error(None, message % {"who": who, "when": when})
    return render(
        request,
        "progress/report_form.html",
        {
            "form": form,
            "report": existing,
            "task": existing.task,
            "period_label": existing.period_label,
            "action_url": action,
            "existing_url": reverse("progress:report-detail", args=[existing.pk]),
            "blocked": not action,
        },
        status=409,
    )


def _report_form(request: HttpRequest, report: Report) -> HttpResponse:
    targets = list(report.task.targets.filter(withdrawn=False))
    form = ReportForm(request.POST or None, request.FILES or None, instance=report, targets=targets)
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        try:
            saved = _save_report(request, form, form.instance, submit)
        except _AlreadyReported as e:
            return _already_reported(request, e.report)
        if saved:
            messages.success(request, _("报告已提交，等待单位负责人审核。") if submit else _("草稿已保存。"))
            return redirect("progress:report-detail", pk=form.instance.pk)
    return render(
        request,
        "progress/report_form.html",
        {"form": form, "report": report, "task": report.task, "period_label": report.period_label},
    )


@any_role
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(Report.objects.visible_to(request.user).select_related("task", "unit"), pk=pk)
    user = request.user
    if wants_json(request):
        return json_response(
            {
                "id": report.pk,
                "task": report.task_id,
                "unit": report.unit.name,
                "period": report.period,
                "state": report.state,
                "percent": report.percent,
                "claim": report.claim,
                "narrative": report.narrative,
                "measurements": [
                    {"target": m.target.key, "indicator": m.target.indicator, "value": m.value}
                    for m in report.measurements.select_related("target")
                ],
            }
        )
    return render(
        request,
        "progress/report_detail.html",
        {
            "comment_limit": COMMENT,
            "report": report,
            "task": report.task,
            "measurements": report.measurements.select_related("target"),
            "evidence": report.evidence.filter(withdrawn=False),
            "history": describe(report.trail()),
            "own": f"progress.report:{report.pk}",
            "can_edit": report.can_edit(user),
            "can_submit": report.can_submit(user),
            "can_approve": report.can_approve(user),
            "can_review": report.can_review(user),
        },
    )


ACTIONS = {
    "submit": ("submit", False, _("报告已提交，等待单位负责人审核。")),
    "approve": ("approve", False, _("已审核通过，报告已报送督查室。")),
    "send-back": ("send_back", True, _("已退回填报人修改。")),
    "accept": ("accept", False, _("已采纳该报告。")),
    "return": ("return_", True, _("已退回该报告，并附审核意见。")),
}


@any_role
@require_POST
def report_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    report = get_object_or_404(Report.objects.visible_to(request.user), pk=pk)
    if action not in ACTIONS:
        raise Http404
    method, needs_comment, done = ACTIONS[action]
    comment = request.POST.get("comment", "")
    if (error := too_long(comment, COMMENT)) is not None:  # said, never cut short in silence
        messages.error(request, _("意见过长，没有保存：%(error)s") % {"error": error})
        return redirect("progress:report-detail", pk=report.pk)
    version = request.POST.get("version", "")
    if version.isdigit():
        report.version = int(version)
    kwargs: dict[str, Any] = {"by": request.user}
    if needs_comment or action in {"approve", "accept"}:
        kwargs["comment"] = comment
    try:
        with transaction.atomic():
            getattr(report, method)(**kwargs)
    except StaleEdit as e:
        messages.error(request, e.message())
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, str(done))
    return redirect("progress:report-detail", pk=report.pk)


@role_required(Role.REPORTER)
@require_POST
def evidence_upload(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(Report.objects.visible_to(request.user), pk=pk)
    if not report.can_edit(request.user):
        raise PermissionDenied(_("此报告已提交，不能再添加材料。"))
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("请选择要上传的文件。"))
    else:
        try:
            with transaction.atomic():
                Evidence.attach(report, upload, by=request.user)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(request, _("已上传佐证材料。"))
    return redirect("progress:report-detail", pk=report.pk)


@any_role
def evidence_download(request: HttpRequest, pk: int) -> HttpResponse:
    ev = get_object_or_404(Evidence, pk=pk, report__in=Report.objects.visible_to(request.user))
    return download(ev.file, ev.name, ev.content_type)


@role_required(Role.REPORTER)
@require_POST
def evidence_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    ev = get_object_or_404(
        Evidence.objects.select_related("report"), pk=pk, report__in=Report.objects.visible_to(request.user)
    )
    if not ev.report.can_edit(request.user):
        raise PermissionDenied(_("此报告已提交，不能再撤回材料。"))
    ev.withdrawn = True
    ev.save()
    messages.success(request, _("已撤回材料“%(name)s”（记录仍保留在留痕中）。") % {"name": ev.name})
    return redirect("progress:report-detail", pk=ev.report_id)


@office_only
def review_queue(request: HttpRequest) -> HttpResponse:
    reports = (
        Report.objects.awaiting(request.user).select_related("task", "unit").order_by("approved_at", "id")
    )
    page = Paginator(reports, 50).get_page(request.GET.get("page"))
    return render(request, "progress/review_queue.html", {"page": page, "now": timezone.now()})
