"""Supervision screens, thin: each parses input, calls a model or service method, renders.

Every list has a JSON twin (``?format=json``); the league table and the burden table export to Excel
(``?format=xlsx``); a 督办单 or 通报 downloads as Word.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.figures import colours
from luoshi.ledger.history import describe
from luoshi.ledger.models import Role, Unit, unit_of
from luoshi.ledger.views.common import (
    any_role,
    json_response,
    office_only,
    role_required,
    visible_task,
    wants_json,
)
from luoshi.ops.storage import download
from luoshi.progress.periods import Period
from luoshi.web.display import day

from . import documents, exports
from .assessment import formula, item_labels, quarter_of
from .burden import burden, totals
from .calendar import WorkCalendar
from .forms import DecideForm, DismissForm, HolidayRangeForm, RequestForm, SuspendForm
from .models import (
    Color,
    CopyFlag,
    Holiday,
    Notice,
    NoticeKind,
    ObligationLight,
    Request,
    RequestFile,
    Rules,
    Run,
    Score,
    Suspension,
    TaskLight,
)
from .similarity import side_by_side

PAGE = 50
readers = role_required(Role.OFFICE, Role.LEADER, Role.AUDITOR)
unit_roles = role_required(Role.REPORTER, Role.UNIT_LEADER)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _page(request: HttpRequest, qs: Any) -> Any:
    return Paginator(qs, PAGE).get_page(request.GET.get("page"))


def _query(request: HttpRequest) -> str:
    q = request.GET.copy()
    q.pop("page", None)
    q.pop("format", None)
    return q.urlencode()


def _color(request: HttpRequest) -> str:
    color = request.GET.get("color", "")
    return color if color in Color.values else ""


def _light_dict(light: Any) -> dict[str, Any]:
    return {
        "color": light.color,
        "code": light.code,
        "reason": light.reason_display(),
        "since": light.since.isoformat(),
        "computed_at": light.computed_at.isoformat(),
    }


# -- dashboard and lights -------------------------------------------------------------------------------
@any_role
def dashboard(request: HttpRequest) -> HttpResponse:
    from luoshi.figures.tasks import Tally, rows
    from luoshi.ledger.models import Task

    lights = TaskLight.objects.visible_to(request.user)
    obligations = ObligationLight.objects.visible_to(request.user)
    last = Run.last_finished()
    calendar = WorkCalendar.load()
    today = timezone.localdate()
    warnings = calendar.warnings([today.year, today.year + 1])
    ob_counts = obligations.counts()
    # the tasks counted as every surface counts them (sub-tasks through their parent: docs/figures.md)
    tally = Tally.of(rows(Task.objects.visible_to(request.user), today))
    data = {
        "tasks": tally.light_counts(),
        "tasks_total": tally.tasks,
        "obligations": ob_counts,
        "last_run": last.finished_at.isoformat() if last else None,
        "warnings": warnings,
    }
    if wants_json(request):
        return json_response(data)
    red = (
        lights.filter(color=Color.RED)
        .select_related("task", "task__lead_unit")
        .order_by("since", "task_id")[:20]
    )
    return render(
        request,
        "supervision/dashboard.html",
        {
            "counts": data["tasks"],
            "tasks_total": tally.tasks,
            "task_colours": colours.choices(),
            "ob_counts": ob_counts,
            "colors": Color,
            "last": last,
            "warnings": warnings,
            "red": red,
            "rules": Rules.get(),
            "pending_requests": Request.objects.visible_to(request.user).pending().count(),
        },
    )


@any_role
def light_list(request: HttpRequest) -> HttpResponse:
    qs = TaskLight.objects.visible_to(request.user).select_related("task", "task__lead_unit")
    color = _color(request)
    if color:
        qs = qs.filter(color=color)
    unit = request.GET.get("unit", "")
    if unit.isdigit():
        qs = qs.filter(task__task_units__unit_id=int(unit))
    qs = qs.order_by("task__decision_id", "task__order", "task_id")
    page = _page(request, qs)
    if wants_json(request):
        return json_response(
            {
                "count": page.paginator.count,
                "page": page.number,
                "lights": [{"task": x.task_id, "key": x.task.key, **_light_dict(x)} for x in page],
            }
        )
    return render(
        request,
        "supervision/light_list.html",
        {"page": page, "color": color, "colors": Color, "query": _query(request)},
    )


@any_role
def reporting_list(request: HttpRequest) -> HttpResponse:
    qs = ObligationLight.objects.visible_to(request.user).select_related("task", "unit")
    color = _color(request)
    if color:
        qs = qs.filter(color=color)
    qs = qs.order_by("unit__order", "unit_id", "task__order", "task_id")
    page = _page(request, qs)
    if wants_json(request):
        return json_response(
            {
                "count": page.paginator.count,
                "page": page.number,
                "obligations": [
                    {
                        "task": x.task_id,
                        "unit": x.unit_id,
                        "period": x.period,
                        "due": x.due.isoformat() if x.due else None,
                        "missed": x.missed,
                        **_light_dict(x),
                    }
                    for x in page
                ],
            }
        )
    return render(
        request,
        "supervision/reporting_list.html",
        {"page": page, "color": color, "colors": Color, "query": _query(request)},
    )


# -- notices, receipts, Word ------------------------------------------------------------------------------
@any_role
def notice_list(request: HttpRequest) -> HttpResponse:
    qs = Notice.objects.visible_to(request.user).select_related("unit", "task")
    kind = request.GET.get("kind", "")
    if kind in NoticeKind.values:
        qs = qs.filter(kind=kind)
    page = _page(request, qs.order_by("-created_at", "-id"))
    unit = unit_of(request.user)
    signed = set()
    if unit is not None:
        signed = set(
            Notice.objects.filter(
                pk__in=[n.pk for n in page], receipts__unit=unit, receipts__signed_at__isnull=False
            ).values_list("pk", flat=True)
        )
    if wants_json(request):
        return json_response(
            {
                "count": page.paginator.count,
                "notices": [
                    {
                        "id": n.pk,
                        "key": n.key,
                        "kind": n.kind,
                        "level": n.level,
                        "number": n.number,
                        "title": n.title,
                        "unit": n.unit_id,
                        "task": n.task_id,
                        "reason": n.reason,
                        "due": n.due.isoformat() if n.due else None,
                        "issued_on": n.issued_on.isoformat(),
                    }
                    for n in page
                ],
            }
        )
    return render(
        request,
        "supervision/notice_list.html",
        {"page": page, "kind": kind, "kinds": NoticeKind, "signed": signed, "query": _query(request)},
    )


def _visible_notice(request: HttpRequest, pk: int) -> Notice:
    return get_object_or_404(Notice.objects.visible_to(request.user).select_related("unit", "task"), pk=pk)


@any_role
def notice_detail(request: HttpRequest, pk: int) -> HttpResponse:
    notice = _visible_notice(request, pk)
    receipt = notice.receipt_for(unit_of(request.user))
    page = documents.paper(notice) if notice.is_formal else None
    if wants_json(request):
        return json_response(
            {
                "id": notice.pk,
                "number": notice.number,
                "kind": notice.kind,
                "title": notice.title,
                "reason": notice.reason,
                "receipts": [
                    {"unit": r.unit_id, "signed_at": r.signed_at.isoformat() if r.signed_at else None}
                    for r in notice.receipts.all()
                ],
            }
        )
    return render(
        request,
        "supervision/notice_detail.html",
        {
            "notice": notice,
            "paper": page,
            "blocks": documents.numbered(page.blocks) if page else [],
            "receipt": receipt,
            "history": describe(notice.history()),
            "can_sign": receipt is not None and receipt.can_sign(request.user),
        },
    )


@any_role
def notice_docx(request: HttpRequest, pk: int) -> HttpResponse:
    notice = _visible_notice(request, pk)
    if not notice.is_formal:
        raise PermissionDenied(_("只有督办单和通报可以下载为 Word 文档。"))
    response = HttpResponse(documents.to_docx(documents.paper(notice)), content_type=DOCX)
    response["Content-Disposition"] = _attachment(documents.filename(notice))
    return response


def _attachment(name: str) -> str:
    from urllib.parse import quote

    return f"attachment; filename*=UTF-8''{quote(name)}"


@require_POST
@unit_roles
def notice_sign(request: HttpRequest, pk: int) -> HttpResponse:
    notice = _visible_notice(request, pk)
    receipt = notice.receipt_for(unit_of(request.user))
    if receipt is None:
        raise PermissionDenied(_("只有主送单位的人员可以签收。"))
    receipt.sign(by=request.user)
    messages.success(request, _("已签收。"))
    return redirect("supervision:notice-detail", pk=notice.pk)


# -- extension and completion requests ------------------------------------------------------------------
@any_role
def request_list(request: HttpRequest) -> HttpResponse:
    qs = Request.objects.visible_to(request.user).select_related("task", "unit")
    state = request.GET.get("state", "")
    if state:
        qs = qs.filter(state=state)
    page = _page(request, qs.order_by("state", "-filed_at", "-id"))
    if wants_json(request):
        return json_response(
            {
                "count": page.paginator.count,
                "requests": [
                    {
                        "id": r.pk,
                        "task": r.task_id,
                        "unit": r.unit_id,
                        "kind": r.kind,
                        "state": r.state,
                        "reason": r.reason,
                        "new_date": r.new_date.isoformat() if r.new_date else None,
                    }
                    for r in page
                ],
            }
        )
    return render(request, "supervision/request_list.html", {"page": page, "query": _query(request)})


@unit_roles
def request_new(request: HttpRequest, pk: int) -> HttpResponse:
    task = visible_task(request, pk)
    if not Request.can_file(request.user, task):
        raise PermissionDenied(_("只有牵头单位可以就进行中的任务提出申请。"))
    form = RequestForm(
        request.POST or None, request.FILES or None, initial={"kind": request.GET.get("kind", "")}
    )
    if request.method == "POST" and form.is_valid():
        try:
            made = Request.file(
                task,
                kind=form.cleaned_data["kind"],
                reason=form.cleaned_data["reason"],
                new_date=form.cleaned_data["new_date"],
                files=form.cleaned_data["files"],
                by=request.user,
            )
        except ValidationError as e:
            _form_errors(form, e)
        else:
            messages.success(request, _("申请已提交，等待督查室审批。"))
            return redirect("supervision:request-detail", pk=made.pk)
    return render(request, "supervision/request_form.html", {"task": task, "form": form})


def _form_errors(form: Any, e: ValidationError) -> None:
    if hasattr(e, "error_dict"):
        for field, errors in e.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, e.messages)


def _visible_request(request: HttpRequest, pk: int) -> Request:
    return get_object_or_404(Request.objects.visible_to(request.user).select_related("task", "unit"), pk=pk)


@any_role
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    req = _visible_request(request, pk)
    form = DecideForm(request.POST or None)
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "withdraw":
                req.withdraw(by=request.user)
            elif form.is_valid() and action in {"approve", "refuse"}:
                note = form.cleaned_data["note"]
                if action == "approve":
                    req.approve(by=request.user, note=note)
                else:
                    req.refuse(by=request.user, note=note)
            else:
                raise ValidationError(_("未知的操作。"))
        except ValidationError as e:
            _form_errors(form, e)
        else:
            messages.success(request, _("已处理。"))
            return redirect("supervision:request-detail", pk=req.pk)
    return render(
        request,
        "supervision/request_detail.html",
        {
            "req": req,
            "form": form,
            "files": req.files.all(),
            "history": describe(req.history()),
            "can_decide": req.can_decide(request.user),
            "can_withdraw": req.can_withdraw(request.user),
        },
    )


@any_role
def request_file(request: HttpRequest, pk: int) -> HttpResponse:
    f = get_object_or_404(RequestFile, pk=pk)
    _visible_request(request, f.request_id)
    return download(f.file, f.name, f.content_type)


# -- suspension ---------------------------------------------------------------------------------------------
@require_POST
@office_only
def task_suspend(request: HttpRequest, pk: int) -> HttpResponse:
    task = visible_task(request, pk)
    form = SuspendForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("暂缓督办须说明理由。"))
    else:
        unit = None
        if request.POST.get("unit", "").isdigit():
            unit = get_object_or_404(Unit, pk=int(request.POST["unit"]))
        Suspension.suspend(
            task,
            reason=form.cleaned_data["reason"],
            until=form.cleaned_data["until"],
            unit=unit,
            by=request.user,
        )
        messages.success(request, _("已暂缓督办；下次督查运行后状态灯更新。"))
    return redirect("supervision:task-supervision", pk=task.pk)


@require_POST
@office_only
def suspension_lift(request: HttpRequest, pk: int) -> HttpResponse:
    s = get_object_or_404(Suspension, pk=pk)
    s.lift(by=request.user)
    messages.success(request, _("已恢复督办。"))
    return redirect("supervision:task-supervision", pk=s.task_id)


@any_role
def task_supervision(request: HttpRequest, pk: int) -> HttpResponse:
    """One task's supervision: its light, its units' reporting lights, notices, requests, suspensions."""
    task = visible_task(request, pk)
    light = TaskLight.objects.filter(task=task).first()
    obligations = ObligationLight.objects.visible_to(request.user).filter(task=task).select_related("unit")
    notices = Notice.objects.visible_to(request.user).filter(task=task).order_by("-created_at")[:50]
    requests = Request.objects.visible_to(request.user).filter(task=task)
    if wants_json(request):
        return json_response(
            {
                "task": task.pk,
                "light": _light_dict(light) if light else None,
                "obligations": [{"unit": o.unit_id, **_light_dict(o)} for o in obligations],
                "notices": [n.pk for n in notices],
            }
        )
    return render(
        request,
        "supervision/task.html",
        {
            "task": task,
            "light": light,
            "obligations": obligations,
            "notices": notices,
            "requests": requests,
            "suspensions": Suspension.objects.filter(task=task),
            "can_request": Request.can_file(request.user, task),
            "suspend_form": SuspendForm(),
        },
    )


# -- copy-paste reports ---------------------------------------------------------------------------------
@role_required(Role.OFFICE, Role.AUDITOR)
def copy_list(request: HttpRequest) -> HttpResponse:
    qs = CopyFlag.objects.select_related("report", "report__task", "report__unit", "other", "other__unit")
    if request.GET.get("all") != "1":
        qs = qs.filter(dismissed_at__isnull=True)
    page = _page(request, qs)
    if wants_json(request):
        return json_response(
            {
                "count": page.paginator.count,
                "flags": [
                    {
                        "id": f.pk,
                        "report": f.report_id,
                        "kind": f.kind,
                        "other": f.other_id,
                        "similarity": f.similarity,
                    }
                    for f in page
                ],
            }
        )
    return render(request, "supervision/copy_list.html", {"page": page, "query": _query(request)})


@role_required(Role.OFFICE, Role.AUDITOR)
def copy_detail(request: HttpRequest, pk: int) -> HttpResponse:
    flag = get_object_or_404(
        CopyFlag.objects.select_related("report", "report__task", "report__unit", "other", "other__unit"),
        pk=pk,
    )
    form = DismissForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        flag.dismiss(by=request.user, note=form.cleaned_data["note"])
        messages.success(request, _("已排除该线索。"))
        return redirect("supervision:copy-list")
    left, right = side_by_side(flag.report.narrative, flag.other.narrative) if flag.other else ([], [])
    return render(
        request,
        "supervision/copy_detail.html",
        {
            "flag": flag,
            "left": left,
            "right": right,
            "form": form,
            "can_dismiss": Role.of(request.user) == Role.OFFICE,
        },
    )


# -- assessment and burden ------------------------------------------------------------------------------------
@readers
def assessment(request: HttpRequest) -> HttpResponse:
    rules = Rules.get()
    default = quarter_of(timezone.localdate()).previous()
    try:
        period = Period.parse(request.GET.get("period") or default.key)
    except ValueError:
        period = default
    scores = list(Score.objects.filter(period=period.key).order_by("rank", "unit_id"))
    names = dict(Unit.objects.filter(pk__in=[s.unit_id for s in scores]).values_list("pk", "name"))
    periods = list(Score.objects.values_list("period", flat=True).distinct().order_by("-period"))
    fmt = request.GET.get("format")
    if fmt == "xlsx":
        response = HttpResponse(exports.league_xlsx(scores, names, rules, period.label), content_type=XLSX)
        response["Content-Disposition"] = _attachment(f"考核得分-{period.key}.xlsx")
        return response
    if fmt == "json":
        return json_response(
            {
                "period": period.key,
                "formula": {
                    "base": rules.score_base,
                    "items": formula(rules),
                    "bonus_cap": rules.bonus_cap,
                    "lead_weight": rules.lead_weight,
                    "co_weight": rules.co_weight,
                },
                "scores": [
                    {
                        "unit": s.unit_id,
                        "name": names.get(s.unit_id, ""),
                        "rank": s.rank,
                        "total": s.total,
                        "breakdown": s.breakdown,
                    }
                    for s in scores
                ],
            }
        )
    return render(
        request,
        "supervision/assessment.html",
        {
            "period": period,
            "periods": periods,
            "scores": [(s, names.get(s.unit_id, "")) for s in scores],
            "formula": formula(rules),
            "labels": item_labels(),
            "rules": rules,
        },
    )


@readers
def burden_view(request: HttpRequest) -> HttpResponse:
    loads = burden()
    fmt = request.GET.get("format")
    if fmt == "xlsx":
        response = HttpResponse(exports.burden_xlsx(loads), content_type=XLSX)
        response["Content-Disposition"] = _attachment("报送负担.xlsx")
        return response
    if fmt == "json":
        return json_response({"totals": totals(loads), "units": [x.as_dict() for x in loads]})
    return render(request, "supervision/burden.html", {"loads": loads[:500], "totals": totals(loads)})


# -- the holiday table ----------------------------------------------------------------------------------
@readers
def holidays(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    form = HolidayRangeForm(request.POST or None)
    if request.method == "POST":
        if Role.of(request.user) != Role.OFFICE:
            raise PermissionDenied(_("你没有权限进行此操作。"))
        if request.POST.get("delete", "").isdigit():
            gone = get_object_or_404(Holiday, pk=int(request.POST["delete"]))
            gone.delete()
            messages.success(request, _("已删除 %(day)s。") % {"day": day(gone.date)})
            return redirect("supervision:holidays")
        if form.is_valid():
            d = form.cleaned_data
            added, changed = Holiday.enter(d["start"], d["end"], is_workday=d["is_workday"], name=d["name"])
            messages.success(
                request,
                _("已录入：新增 %(added)s 天，修改 %(changed)s 天。") % {"added": added, "changed": changed},
            )
            return redirect("supervision:holidays")
    calendar = WorkCalendar.load()
    years = list(range(today.year - 1, today.year + 3))
    coverage = [(y, calendar.coverage(y)) for y in years]
    show = request.GET.get("year", "")
    rows = (
        Holiday.objects.filter(date__year=int(show))
        if show.isdigit()
        else Holiday.objects.filter(date__year__gte=today.year - 1)
    )
    if wants_json(request):
        return json_response(
            {
                "coverage": dict(coverage),
                "warnings": calendar.warnings(years),
                "table": [
                    {"date": h.date.isoformat(), "is_workday": h.is_workday, "name": h.name} for h in rows
                ],
            }
        )
    entered_years = sorted({d.year for d in Holiday.objects.dates("date", "year")}, reverse=True)
    return render(
        request,
        "supervision/holidays.html",
        {
            "form": form,
            "rows": rows,
            "coverage": coverage,
            "warnings": calendar.warnings(years),
            "entered_years": entered_years,
            "shown_year": int(show) if show.isdigit() else None,
        },
    )
