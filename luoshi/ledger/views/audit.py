"""The audit trail (留痕): browse with filters, per task, and export to CSV or Excel."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from ..forms import AuditFilterForm
from ..models import AuditEntry, Role
from .common import role_required

auditors = role_required(Role.AUDITOR, Role.OFFICE)
EXPORT_LIMIT = 100_000


def _entries(request: HttpRequest) -> tuple[AuditFilterForm, Any]:
    form = AuditFilterForm(request.GET)
    qs = AuditEntry.objects.visible_to(request.user).order_by("-at", "-id")
    if form.is_valid():
        d = form.cleaned_data
        if d["task"]:
            qs = qs.filter(task_id=d["task"])
        if d["model"]:
            qs = qs.filter(model=d["model"])
        if d["actor"]:
            qs = qs.filter(actor_name__icontains=d["actor"])
        if d["since"]:
            qs = qs.filter(at__date__gte=d["since"])
        if d["until"]:
            qs = qs.filter(at__date__lte=d["until"])
    return form, qs


@auditors
def audit_list(request: HttpRequest) -> HttpResponse:
    form, qs = _entries(request)
    page = Paginator(qs, 100).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "ledger/audit_list.html", {"form": form, "page": page, "query": query.urlencode()})


HEADER = [
    "时间",
    "操作人",
    "渠道",
    "操作",
    "对象类型",
    "对象编号",
    "对象",
    "任务",
    "修改前",
    "修改后",
    "说明",
]


def _row(e: AuditEntry) -> list[Any]:
    return [
        timezone.localtime(e.at).strftime("%Y-%m-%d %H:%M:%S"),
        e.actor_name,
        e.channel,
        e.action,
        e.model,
        e.object_id,
        e.object_repr,
        e.task_id or "",
        json.dumps(e.before, ensure_ascii=False) if e.before is not None else "",
        json.dumps(e.after, ensure_ascii=False) if e.after is not None else "",
        e.note,
    ]


@auditors
def audit_export(request: HttpRequest, fmt: str) -> HttpResponse:
    _form, qs = _entries(request)
    entries = qs[:EXPORT_LIMIT].iterator(chunk_size=2000)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet(_("留痕记录"))
        ws.append(HEADER)
        for e in entries:
            ws.append(_row(e))
        buf = io.BytesIO()
        wb.save(buf)
        response = HttpResponse(
            buf.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.xlsx"'
        return response
    out = io.StringIO()
    out.write("\ufeff")  # so that Excel opens the CSV as UTF-8
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for e in entries:
        writer.writerow(_row(e))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.csv"'
    return response
