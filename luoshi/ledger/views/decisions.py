"""Decisions: the list, the outline with its tasks and targets, and importing (upload, preview, apply)."""

from __future__ import annotations

import re
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from luoshi.document import DocumentError

from .. import importing
from ..forms import DecisionUploadForm, ImportChoicesForm, ImportYearForm
from ..models import Decision, Revision, Role, Target, Task, TaskState
from .common import any_role, json_response, office_only, task_dict, wants_json


@any_role
def decision_list(request: HttpRequest) -> HttpResponse:
    visible = Task.objects.visible_to(request.user).filter(state=TaskState.ACTIVE)
    decisions = Decision.objects.annotate(
        task_count=Count("tasks", filter=Q(tasks__in=visible)),
        assigned=Count("tasks", filter=Q(tasks__in=visible, tasks__assigned_at__isnull=False)),
    ).order_by("-created_at", "-id")
    if wants_json(request):
        return json_response(
            [
                {"id": d.pk, "title": d.title, "year": d.year, "tasks": d.task_count, "assigned": d.assigned}
                for d in decisions
            ]
        )
    return render(request, "ledger/decision_list.html", {"decisions": decisions})


def highlight(text: str, targets: list[Target]) -> SafeString:
    """The task's text with its targets' own words marked (escaped first; only <mark> is added)."""
    html = escape(text)
    phrases = sorted({escape(t.text) for t in targets if t.text and t.text in text}, key=len, reverse=True)
    if not phrases:
        return mark_safe(html)
    pattern = re.compile("|".join(re.escape(p) for p in phrases))
    return mark_safe(pattern.sub(lambda m: f'<mark class="target">{m.group(0)}</mark>', html))


@any_role
def decision_detail(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(Decision, pk=pk)
    tasks = list(
        Task.objects.visible_to(request.user)
        .filter(decision=decision, parent=None)
        .select_related("lead_unit")
        .prefetch_related("targets")
        .order_by("order", "id")
    )
    if wants_json(request):
        return json_response(
            {"id": decision.pk, "title": decision.title, "tasks": [task_dict(t) for t in tasks]}
        )
    by_section: dict[int | None, list[dict[str, Any]]] = {}
    for t in tasks:
        targets = [x for x in t.targets.all() if not x.withdrawn]
        by_section.setdefault(t.section_id, []).append(
            {"task": t, "html": highlight(t.text, targets), "targets": targets}
        )
    outline = [{"section": s, "tasks": by_section.get(s.pk, [])} for s in decision.sections.order_by("order")]
    return render(
        request,
        "ledger/decision_detail.html",
        {
            "decision": decision,
            "outline": outline,
            "loose": by_section.get(None, []),
            "is_office": Role.of(request.user) == Role.OFFICE,
            "revisions": decision.revisions.exclude(applied_at=None).order_by("-number"),
        },
    )


@transaction.non_atomic_requests  # reads the file before its short write transaction
@office_only
def import_upload(request: HttpRequest) -> HttpResponse:
    form = DecisionUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            revision = importing.stage(
                upload.read(),
                name=upload.name,
                by=request.user,
                decision=form.cleaned_data["decision"],
                year=form.cleaned_data["year"],
            )
        except DocumentError as e:
            form.add_error("file", e.message(request.LANGUAGE_CODE))
        else:
            return redirect("ledger:import-preview", pk=revision.pk)
    return render(request, "ledger/import_upload.html", {"form": form})


@transaction.non_atomic_requests  # extracts the text before the import's own transaction
@office_only
def import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    revision = get_object_or_404(Revision, pk=pk, applied_at=None)
    if request.method == "POST" and "set_year" in request.POST:
        year_form = ImportYearForm(request.POST)
        if year_form.is_valid():
            revision.year = year_form.cleaned_data["year"]
            revision.save(update_fields=["year"])
            messages.info(request, _("已按 %(year)s 年重新识别。") % {"year": revision.year})
        else:
            messages.error(request, " ".join(year_form.errors.get("year", [])))
        return redirect("ledger:import-preview", pk=pk)
    try:
        plan = importing.plan_revision(revision)
    except DocumentError as e:
        messages.error(request, e.message(request.LANGUAGE_CODE))
        return redirect("ledger:import-upload")
    if request.method == "POST":
        plan.choose(ImportChoicesForm(plan, request.POST).choices())
        if not plan.document.items and plan.decision is None:
            messages.error(request, _("未能从该文件中识别出任何任务条目，没有导入。"))
            return redirect("ledger:import-upload")
        if plan.decision is None and not plan.of("added"):
            messages.error(request, _("所有条目都被排除了，没有导入。请至少勾选一条。"))
            return redirect("ledger:import-preview", pk=pk)
        try:
            decision = importing.apply_import(
                plan, by=request.user, source_name=revision.source_name, revision=revision
            )
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
            return redirect("ledger:import-preview", pk=pk)
        if plan.identical:
            messages.info(request, _("文本与已导入的版本相同，未作任何改动。"))
        else:
            c = plan.counts
            messages.success(
                request,
                _(
                    "已导入：新增 %(added)s 项、修改 %(changed)s 项、删除 %(removed)s 项、未变 %(unchanged)s 项；"
                    "未导入 %(excluded)s 项。"
                )
                % c,
            )
        return redirect("ledger:decision-detail", pk=decision.pk)
    return render(
        request,
        "ledger/import_preview.html",
        {
            "revision": revision,
            "plan": plan,
            "warnings": importing.warnings_for(plan.document, request.LANGUAGE_CODE),
            "rows": importing.preview_rows(plan),
            "kinds": importing.ItemKind.choices,
            "year_form": ImportYearForm(initial={"year": revision.year or plan.document.year}),
        },
    )
