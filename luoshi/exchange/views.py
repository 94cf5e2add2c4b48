"""Excel screens, thin: export the 任务分工方案 of the filtered task list; upload an edited sheet,
see the validation report row by row, apply it."""

from __future__ import annotations

import hashlib
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from luoshi.ledger.forms import TaskFilterForm
from luoshi.ledger.models import Task
from luoshi.ledger.uploads import store
from luoshi.ledger.views.common import any_role, json_response, office_only, wants_json

from . import importing, parsed, sheet
from .forms import SheetUploadForm
from .models import SheetImport

EXPORT_LIMIT = 20_000
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _scope(filters: dict[str, Any]) -> tuple[str, str]:
    """(title, scope line) for the workbook, from the task list's filters."""
    parts = []
    title = sheet.TITLE
    if filters.get("decision"):
        title = f"{filters['decision'].title}{sheet.TITLE}"
        parts.append(filters["decision"].title)
    for name in ("section", "unit", "league"):
        if filters.get(name):
            parts.append(str(filters[name]))
    if filters.get("q"):
        parts.append(f"“{filters['q']}”")
    return title, "、".join(parts) or "全部任务"


@any_role
def export(request: HttpRequest) -> HttpResponse:
    form = TaskFilterForm(request.GET)
    tasks = form.apply(Task.objects.visible_to(request.user))
    filters = form.filters() if form.is_valid() else {}
    if tasks.count() > EXPORT_LIMIT:
        messages.error(request, _("超过 %(n)s 项任务，请先筛选再导出。") % {"n": EXPORT_LIMIT})
        return redirect(reverse("ledger:task-list") + "?" + request.GET.urlencode())
    title, scope = _scope(filters)
    data = sheet.write(sheet.tasks_for_export(tasks, request.user), title=title, scope=scope, by=request.user)
    name = f"{sheet.TITLE}-{timezone.localtime():%Y%m%d-%H%M}.xlsx"
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = content_disposition_header(True, name)
    return response


@transaction.non_atomic_requests  # reads the file before its short write transaction
@office_only
def upload(request: HttpRequest) -> HttpResponse:
    form = SheetUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        f = form.cleaned_data["file"]
        data = f.read()
        try:
            parsed_sheet = importing.read(data)  # parsed once, here; the preview reads what is kept
        except ValidationError as e:
            form.add_error("file", e)
        else:
            f.seek(0)
            record = SheetImport(
                name=(f.name or "sheet.xlsx").replace("\\", "/").rsplit("/", 1)[-1][:200],
                size=len(data),
                sha256=hashlib.sha256(data).hexdigest(),
                decision=form.cleaned_data["decision"],
                uploaded_by=request.user,
            )
            with transaction.atomic():
                store(record, f, f"{record.sha256[:16]}.xlsx")
            parsed.keep(record, parsed_sheet)
            return redirect("exchange:import-preview", pk=record.pk)
    return render(
        request,
        "exchange/upload.html",
        {"form": form, "recent": SheetImport.objects.select_related("uploaded_by")[:10]},
    )


@transaction.non_atomic_requests  # parses the sheet before the short transaction that applies it
@office_only
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(SheetImport.objects.select_related("decision"), pk=pk)
    try:
        table = parsed.sheet_of(record)  # parsed at upload, not again on every view
        if request.method == "POST" and record.applied_at is None:
            note = _("Excel 导入：%(name)s") % {"name": record.name}
            with transaction.atomic():
                plan, applied = importing.apply(table, by=request.user, decision=record.decision, note=note)
                if applied is not None:
                    record.applied_at = timezone.now()
                    record.summary = {"counts": plan.counts, "applied": applied.as_dict()}
                    record.save()
            if applied is not None:
                messages.success(
                    request,
                    _(
                        "已导入：修改 %(tasks)s 项任务（表述 %(reworded)s 项，分工 %(assigned)s 项，季度节点新增 %(nodes_added)s 个、撤销 %(nodes_withdrawn)s 个）。"
                    )
                    % applied.as_dict(),
                )
                return redirect("exchange:import-preview", pk=record.pk)
            messages.error(request, _("表格中仍有错误，没有导入任何内容。请按下列说明修改后重新上传。"))
        else:
            plan = importing.validate(table, by=request.user, decision=record.decision)
    except ValidationError as e:
        if wants_json(request):
            return json_response({"valid": False, "errors": e.messages})
        messages.error(request, " ".join(e.messages))
        return redirect("exchange:import-upload")
    if wants_json(request):
        return json_response(
            {"id": record.pk, "name": record.name, "applied": record.applied_at is not None, **plan.as_dict()}
        )
    return render(request, "exchange/preview.html", {"record": record, "plan": plan})
