"""The 学习宣传贯彻情况报告 screen, thin: choose the decision and period, read the report as it will be
printed, let the office edit its title, date and the sections 存在的问题 and 下一步工作, download it as
Word or PDF. The office and leaders may use it; units may not (403)."""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from luoshi.ledger.models import Decision, Role
from luoshi.ledger.views.common import json_response, role_required, wants_json
from luoshi.progress.periods import Period

from . import report as reports
from .forms import ReportDraftForm
from .models import ReportDraft
from .officialdoc import numbered, title_lines
from .pdf import faces_note

log = logging.getLogger(__name__)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
office_or_leader = role_required(Role.OFFICE, Role.LEADER)


def _choice(request: HttpRequest) -> tuple[Decision | None, Period | None]:
    """The decision (default: the latest imported) and period (default: the latest) asked for."""
    params = request.POST if request.method == "POST" else request.GET
    d = params.get("decision", "")
    if d.isdigit():
        decision = get_object_or_404(Decision, pk=int(d))
    elif d:
        raise Http404(_("没有这个决定。"))
    else:
        decision = Decision.objects.order_by("-created_at", "-id").first()
    key = params.get("period", "")
    if decision is None or not key:
        return decision, None
    try:
        return decision, reports.parse_period(decision, key)
    except ValueError as e:
        raise Http404(str(e)) from None


def _here(decision: Decision, period: str) -> str:
    return reverse("exchange:report") + "?" + urlencode({"decision": decision.pk, "period": period})


@office_or_leader
def report_page(request: HttpRequest) -> HttpResponse:
    decision, period = _choice(request)
    if decision is None:
        return render(request, "exchange/report.html", {"report": None})
    report = reports.build(decision, period)
    draft = (
        ReportDraft.objects.filter(decision=decision, period=report.period)
        .select_related("updated_by")
        .first()
    )
    may_edit = reports.may_edit(request.user)
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied(_("只有督查室可以修改报告内容。"))
        draft = draft or ReportDraft(decision=decision, period=report.period)
        if "reset" in request.POST:
            for name in ("title", "addressee", "issuer", "problems", "next_steps"):
                setattr(draft, name, "")
            draft.date = None
            _save(draft, request.user, note=_("恢复为系统生成"))
            messages.success(request, _("已恢复为根据数据生成的内容。"))
            return redirect(_here(decision, report.period))
        form = ReportDraftForm(request.POST, instance=draft)
        if form.is_valid():
            # a field left as generated is stored empty, so that it keeps following the data
            d = form.instance
            for name, generated in (
                ("title", report.default_title),
                ("addressee", report.default_addressee),
                ("issuer", report.default_issuer),
                ("problems", report.default_problems),
                ("next_steps", report.default_next_steps),
            ):
                if getattr(d, name).strip() == generated.strip():
                    setattr(d, name, "")
            _save(d, request.user)
            messages.success(request, _("已保存。下载的报告将使用修改后的内容。"))
            return redirect(_here(decision, report.period))
    else:
        form = ReportDraftForm(
            instance=draft,
            initial={
                "title": report.title,
                "addressee": report.addressee,
                "issuer": report.issuer,
                "date": draft.date if draft else None,
                "problems": report.problems,
                "next_steps": report.next_steps,
            },
        )
    if wants_json(request):
        return json_response(report.as_dict())
    return render(
        request,
        "exchange/report.html",
        {
            "report": report,
            "decision": decision,
            "decisions": Decision.objects.order_by("-created_at", "-id"),
            "blocks": numbered(report.blocks()),
            "title_lines": title_lines(report.title),
            "form": form,
            "draft": draft,
            "may_edit": may_edit,
            "query": urlencode({"decision": decision.pk, "period": report.period}),
            "pdf_faces": faces_note(),
        },
    )


def _save(draft: ReportDraft, user: Any, note: str = "") -> None:
    draft.updated_at = timezone.now()
    draft.updated_by = user
    if note:
        draft.audit_as("update", note, by=user)
    draft.save()


@office_or_leader
def report_download(request: HttpRequest) -> HttpResponse:
    decision, period = _choice(request)
    if decision is None:
        raise Http404(_("还没有导入任何决定。"))
    report = reports.build(decision, period)
    if request.GET.get("format") == "pdf":
        from .pdf import to_pdf

        pdf = to_pdf(report.text())
        for warning in pdf.warnings:
            log.warning("report PDF: %s", warning)
        if pdf.faces:
            log.info("report PDF: %s", pdf.faces)
        response = HttpResponse(pdf.data, content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(True, report.filename("pdf"))
        response["X-Luoshi-PDF-Engine"] = pdf.engine
        return response
    response = HttpResponse(reports.to_docx(report), content_type=DOCX)
    response["Content-Disposition"] = content_disposition_header(True, report.filename("docx"))
    return response
