"""Tasks: the filtered list with saved views, the task page, and the office's edits."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..forms import (
    MergeForm,
    RewordForm,
    SavedViewForm,
    SplitForm,
    TaskFilterForm,
    WithdrawForm,
)
from ..history import describe
from ..models import AuditEntry, Decision, Role, SavedView, StaleEdit, Suggester, Task, Unit, unit_of
from .common import any_role, json_response, office_only, task_dict, unit_options, visible_task, wants_json

PAGE_SIZE = 50
FILTER_KEYS = (
    "decision",
    "section",
    "unit",
    "league",
    "status",
    "deadline",
    "has_target",
    "q",
    "light",
    "returned",
    "subtasks",
)


@any_role
def task_list(request: HttpRequest) -> HttpResponse:
    form = TaskFilterForm(request.GET)
    from luoshi.api.lights import light_of, with_lights

    tasks = form.apply(Task.objects.visible_to(request.user))
    page = Paginator(with_lights(tasks.for_list()), PAGE_SIZE).get_page(request.GET.get("page"))
    for t in page:
        t.light_shown = light_of(t)
    if wants_json(request):
        return json_response(
            {
                "count": page.paginator.count,
                "page": page.number,
                "pages": page.paginator.num_pages,
                "tasks": [task_dict(t) for t in page],
            }
        )
    query = urlencode([(k, v) for k, v in request.GET.items() if k in FILTER_KEYS and v])
    units = list(Unit.objects.active().values_list("pk", "name"))
    leagues = list(Unit.objects.leagues().values_list("pk", "name"))
    return render(
        request,
        "ledger/task_list.html",
        {
            "form": form,
            "page": page,
            "query": query,
            "unit_options": unit_options(units, request.GET.get("unit")),
            "league_options": unit_options(leagues, request.GET.get("league")),
            "saved_views": SavedView.objects.filter(user=request.user, archived=False),
            "save_form": SavedViewForm(initial={"query": query}),
        },
    )


@any_role
@require_POST
def save_view(request: HttpRequest) -> HttpResponse:
    form = SavedViewForm(request.POST)
    if form.is_valid():
        SavedView.objects.create(
            user=request.user, name=form.cleaned_data["name"], query=form.cleaned_data["query"]
        )
        messages.success(request, _("已保存视图“%(name)s”。") % {"name": form.cleaned_data["name"]})
    else:
        messages.error(request, _("请填写视图名称（不超过60字）。"))
    return redirect(reverse("ledger:task-list") + "?" + request.POST.get("query", ""))


@any_role
@require_POST
def archive_view(request: HttpRequest, pk: int) -> HttpResponse:
    view = get_object_or_404(SavedView, pk=pk, user=request.user, archived=False)
    view.archived = True
    view.save()
    messages.success(request, _("已移除视图“%(name)s”。") % {"name": view.name})
    return redirect("ledger:task-list")


def _basis(task: Task, user: Any) -> Any:
    """What the task's light rests on, and its sub-tasks rolled up (luoshi.supervision.basis)."""
    from luoshi.supervision.basis import basis_of

    return basis_of(task, user)


@any_role
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    from luoshi.progress.models import Report

    task = visible_task(request, pk)
    if wants_json(request):
        data = task_dict(task)
        data["units"] = [
            {"unit": tu.unit.name, "role": tu.role} for tu in task.task_units.select_related("unit")
        ]
        data["targets"] = [
            {
                "key": t.key,
                "indicator": t.indicator,
                "comparator": t.comparator,
                "value": t.value,
                "unit": t.unit,
                "year": t.year,
            }
            for t in task.targets.filter(withdrawn=False)
        ]
        data["light_basis"] = _basis(task, request.user).as_dict()
        return json_response(data)
    user = request.user
    role = Role.of(user)
    reports = (
        Report.objects.visible_to(user)
        .filter(task=task)
        .select_related("unit")
        .order_by("-period", "unit__order")
    )
    history = describe(
        AuditEntry.objects.filter(task=task, model__startswith="ledger.").order_by("-at", "-id")[:100]
    )
    suggestion = None
    if role == Role.OFFICE and task.is_active:
        suggestion = Suggester().suggest(task)
    return render(
        request,
        "ledger/task_detail.html",
        {
            "task": task,
            "path": task.section and _section_path(task.section),
            "task_units": task.task_units.select_related("unit").order_by("role", "unit__order"),
            "targets": task.targets.filter(withdrawn=False),
            "milestones": task.milestones.filter(withdrawn=False),
            "basis": _basis(task, user),
            "reports": reports,
            "history": history,
            "own": f"ledger.task:{task.pk}",
            "suggestion": suggestion,
            "can_edit": task.can_edit(user),
            "can_report": task.can_report(user),
            "can_cascade": task.can_cascade(user),
            "my_unit": unit_of(user),
        },
    )


def _section_path(section: Any) -> list[Any]:
    path = [section]
    while path[0].parent_id is not None and len(path) < 8:
        path.insert(0, path[0].parent)
    return path


def _office_task(request: HttpRequest, pk: int) -> Task:
    task = get_object_or_404(Task.objects.select_related("decision"), pk=pk)
    if not task.can_edit(request.user):
        raise PermissionDenied(_("只有督查室可以修改任务。"))
    return task


def _run(request: HttpRequest, form: Any, action: Any) -> bool:
    """Call a model method with the form's data; put its refusal on the form. True when it succeeded."""
    try:
        action()
    except StaleEdit as e:
        form.add_error(None, e.message())
    except ValidationError as e:
        form.add_error(None, e)
    else:
        return True
    return False


@office_only
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = _office_task(request, pk)
    form = RewordForm(request.POST or None, initial={"text": task.text, "version": task.version})
    if request.method == "POST" and form.is_valid():
        task.version = form.cleaned_data["version"]
        if _run(
            request,
            form,
            lambda: task.reword(form.cleaned_data["text"], by=request.user, note=form.cleaned_data["note"]),
        ):
            messages.success(request, _("已修改任务表述。"))
            return redirect("ledger:task-detail", pk=task.pk)
    return render(request, "ledger/task_form.html", {"task": task, "form": form, "title": _("修改任务表述")})


@office_only
def task_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    task = _office_task(request, pk)
    form = WithdrawForm(request.POST or None, initial={"version": task.version})
    if request.method == "POST" and form.is_valid():
        task.version = form.cleaned_data["version"]
        if _run(request, form, lambda: task.withdraw(form.cleaned_data["reason"], by=request.user)):
            messages.success(request, _("已撤销任务；它仍保留在台账和留痕记录中，可以恢复。"))
            return redirect("ledger:task-detail", pk=task.pk)
    return render(request, "ledger/task_form.html", {"task": task, "form": form, "title": _("撤销任务")})


@office_only
@require_POST
def task_restore(request: HttpRequest, pk: int) -> HttpResponse:
    task = _office_task(request, pk)
    try:
        task.restore(by=request.user)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        messages.success(request, _("已恢复任务。"))
    return redirect("ledger:task-detail", pk=task.pk)


@office_only
def task_split(request: HttpRequest, pk: int) -> HttpResponse:
    task = _office_task(request, pk)
    form = SplitForm(request.POST or None, initial={"parts": task.text, "version": task.version})
    if request.method == "POST" and form.is_valid():
        task.version = form.cleaned_data["version"]
        made: list[Task] = []
        if _run(request, form, lambda: made.extend(task.split(form.cleaned_data["parts"], by=request.user))):
            messages.success(request, _("已拆分为 %(n)s 项任务。") % {"n": len(made)})
            return redirect("ledger:task-detail", pk=made[0].pk)
    return render(request, "ledger/task_form.html", {"task": task, "form": form, "title": _("拆分任务")})


@office_only
def task_merge(request: HttpRequest, pk: int) -> HttpResponse:
    task = _office_task(request, pk)
    form = MergeForm(request.POST or None, task=task)
    if request.method == "POST" and form.is_valid():
        made: list[Task] = []
        others = list(form.cleaned_data["others"])
        if _run(
            request,
            form,
            lambda: made.append(Task.merge([task, *others], text=form.cleaned_data["text"], by=request.user)),
        ):
            messages.success(request, _("已合并为新任务 %(key)s。") % {"key": made[0].key})
            return redirect("ledger:task-detail", pk=made[0].pk)
    return render(request, "ledger/task_form.html", {"task": task, "form": form, "title": _("合并任务")})


@any_role
def decision_tasks_redirect(request: HttpRequest, pk: int) -> HttpResponse:
    decision = get_object_or_404(Decision, pk=pk)
    return redirect(reverse("ledger:task-list") + f"?decision={decision.pk}")
