"""The audit trail (留痕): a compact table in people's words, filtered by who, what, when and which
task; and the raw record for the auditor as CSV or Excel, with the readable columns beside the codes.
Every line is worded by ``luoshi.ledger.history``."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.document import csv_bytes, new_workbook
from luoshi.web.display import cell, stamp

from ..forms import AuditFilterForm
from ..history import Line, describe
from ..models import AuditEntry, Role
from .common import role_required

auditors = role_required(Role.AUDITOR, Role.OFFICE)
EXPORT_LIMIT = 100_000
PER_PAGE = 50
CHUNK = 2000


def _entries(request: HttpRequest) -> tuple[AuditFilterForm, Any]:
    form = AuditFilterForm(request.GET)
    qs = AuditEntry.objects.visible_to(request.user).order_by("-at", "-id")
    if form.is_valid():
        d = form.cleaned_data
        if d["task"]:
            by_key = Q(task__key=d["task"])
            qs = qs.filter(by_key | Q(task_id=int(d["task"])) if d["task"].isdigit() else by_key)
        if d["model"]:
            qs = qs.filter(model=d["model"])
        if d["actor"]:
            qs = qs.filter(actor_name__icontains=d["actor"].strip())
        if d["since"]:
            qs = qs.filter(at__date__gte=d["since"])
        if d["until"]:
            qs = qs.filter(at__date__lte=d["until"])
    return form, qs


@auditors
def audit_list(request: HttpRequest) -> HttpResponse:
    form, qs = _entries(request)
    page = Paginator(qs.select_related("task"), PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "ledger/audit_list.html",
        {"form": form, "page": page, "lines": describe(page), "query": query.urlencode()},
    )


# -- export: the readable columns first, then the record as stored --------------------------------
HEADER = [
    "时间",
    "操作人",
    "渠道",
    "操作",
    "对象类型",
    "对象",
    "任务",
    "内容",
    "说明",
    "时间（UTC）",
    "渠道代码",
    "操作代码",
    "对象类型代码",
    "对象编号",
    "任务编号（ID）",
    "修改前（原始记录）",
    "修改后（原始记录）",
]


def _text(value: Any) -> Any:
    """A cell's value as is: control characters and formula-like text are taken care of by the one
    sanitiser every export goes through (``new_workbook``, ``csv_bytes``)."""
    return value


def _row(line: Line) -> list[Any]:
    e = line.entry
    return [
        cell(e.at),
        line.who,
        line.channel,
        line.verb,
        line.kind,
        line.what,
        f"{line.task.key} {line.task.text[:40]}" if line.task else "",
        line.changes_text,
        line.note,
        e.at.astimezone(dt.UTC).isoformat(),
        e.channel,
        e.action,
        e.model,
        e.object_id,
        e.task_id or "",
        json.dumps(e.before, ensure_ascii=False) if e.before is not None else "",
        json.dumps(e.after, ensure_ascii=False) if e.after is not None else "",
    ]


def _lines(qs: Any) -> Iterator[Line]:
    chunk: list[Any] = []
    for e in qs[:EXPORT_LIMIT].select_related("task").iterator(chunk_size=CHUNK):
        chunk.append(e)
        if len(chunk) == CHUNK:
            yield from describe(chunk)
            chunk = []
    if chunk:
        yield from describe(chunk)


@auditors
def audit_export(request: HttpRequest, fmt: str) -> HttpResponse:
    _form, qs = _entries(request)
    now = stamp(timezone.now()).replace("-", "").replace(":", "").replace(" ", "-")
    header = list(HEADER)  # the record is filed in Chinese, whatever the reader's language
    if fmt == "xlsx":
        from openpyxl.cell import WriteOnlyCell

        wb = new_workbook(write_only=True)  # the one sanitiser: control characters out, formulas as text
        ws = wb.create_sheet(_("留痕记录"))
        ws.freeze_panes = "A2"
        ws.append(header)
        for line in _lines(qs):
            row = [_text(v) for v in _row(line)]
            when = WriteOnlyCell(ws, value=row[0])
            when.number_format = "yyyy-mm-dd hh:mm:ss"
            ws.append([when, *row[1:]])
        buf = io.BytesIO()
        wb.save(buf)
        response = HttpResponse(
            buf.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="audit-{now}.xlsx"'
        return response

    def rows() -> Iterator[list[Any]]:
        yield header
        for line in _lines(qs):
            row = _row(line)
            row[0] = stamp(line.entry.at, seconds=True)
            yield [_text(v) for v in row]

    data = csv_bytes(rows())  # the one sanitiser, with a BOM so that Excel reads UTF-8
    response = HttpResponse(data, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="audit-{now}.csv"'
    return response
