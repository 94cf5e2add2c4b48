"""Assignments: per task (with milestones), the suggestions page with one-click and bulk confirmation,
the cascade of a league's task to its banners, and the rules the office edits."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..forms import AssignForm, CascadeFormSet, MilestoneFormSet, RuleForm
from ..models import Decision, StaleEdit, Suggester, SuggestionRule, Task, TaskUnitRole, Unit, unit_of
from .common import any_role, office_only, unit_options, visible_task


@office_only
def task_assign(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(Task.objects.select_related("decision", "lead_unit"), pk=pk)
    suggestion = Suggester().suggest(task)
    current_co = [tu.unit_id for tu in task.task_units.all() if tu.role == TaskUnitRole.CO]
    if task.is_assigned or request.GET.get("use") != "suggestion":
        initial = {
            "lead_unit": task.lead_unit_id,
            "co_units": current_co,
            "responsible": task.responsible,
            "deadline_kind": task.deadline_kind,
            "deadline": task.deadline,
            "deadline_note": task.deadline_note,
        }
    else:
        initial = {
            "lead_unit": suggestion.lead.pk if suggestion.lead else None,
            "co_units": [u.pk for u in suggestion.co],
            "deadline_kind": suggestion.deadline_kind,
            "deadline": suggestion.deadline,
        }
    initial["version"] = task.version
    form = AssignForm(request.POST or None, initial=initial)
    milestones = MilestoneFormSet(request.POST or None, instance=task, prefix="m")
    if request.method == "POST" and form.is_valid() and milestones.is_valid():
        d = form.cleaned_data
        task.version = d["version"]
        try:
            with transaction.atomic():
                task.assign(
                    by=request.user,
                    lead=d["lead_unit"],
                    co=list(d["co_units"]),
                    responsible=d["responsible"],
                    deadline_kind=d["deadline_kind"],
                    deadline=d["deadline"],
                    deadline_note=d["deadline_note"],
                )
                milestones.save()
        except StaleEdit as e:
            form.add_error(None, e.message())
        except ValidationError as e:
            for field, errs in e.message_dict.items() if hasattr(e, "error_dict") else [(None, e.messages)]:
                form.add_error(field if field in form.fields else None, errs)
        else:
            messages.success(request, _("已确认任务分工。"))
            return redirect("ledger:task-detail", pk=task.pk)
    units = list(Unit.objects.active().values_list("pk", "name"))
    chosen_co = form["co_units"].value() or []
    return render(
        request,
        "ledger/task_assign.html",
        {
            "task": task,
            "form": form,
            "milestones": milestones,
            "suggestion": suggestion,
            "lead_options": unit_options(units, form["lead_unit"].value()),
            "co_options": unit_options(units, chosen_co),
        },
    )


@office_only
def suggestions(request: HttpRequest, pk: int) -> HttpResponse:
    """The decision's unconfirmed tasks with their suggested assignment and why; confirm one or many."""
    decision = get_object_or_404(Decision, pk=pk)
    pending = (
        Task.objects.active()
        .filter(decision=decision, assigned_at=None, parent=None)
        .select_related("decision")
        .prefetch_related("targets", "places")
        .order_by("order", "id")
    )
    suggester = Suggester()
    if request.method == "POST":
        ids = [request.POST["one"]] if request.POST.get("one") else request.POST.getlist("task")
        chosen = list(pending.filter(pk__in=[i for i in ids if i.isdigit()]))
        done, skipped = 0, 0
        for task in chosen:
            s = suggester.suggest(task)
            if s.lead is None:
                skipped += 1
                continue
            try:
                task.assign(
                    by=request.user,
                    lead=s.lead,
                    co=s.co,
                    deadline_kind=s.deadline_kind,
                    deadline=s.deadline,
                    note=_("采用系统建议"),
                )
            except (ValidationError, StaleEdit):
                skipped += 1
            else:
                done += 1
        if done:
            messages.success(request, _("已确认 %(n)s 项任务的分工。") % {"n": done})
        if skipped:
            messages.warning(request, _("%(n)s 项任务没有可用的牵头单位建议，请逐项指定。") % {"n": skipped})
        return redirect("ledger:suggestions", pk=decision.pk)
    page = Paginator(pending, 50).get_page(request.GET.get("page"))
    rows = [{"task": t, "s": suggester.suggest(t)} for t in page]
    return render(request, "ledger/suggestions.html", {"decision": decision, "page": page, "rows": rows})


@any_role
def task_cascade(request: HttpRequest, pk: int) -> HttpResponse:
    task = visible_task(request, pk)
    if not task.can_cascade(request.user):
        raise PermissionDenied(_("只有任务涉及的盟市（或督查室）可以分解此任务。"))
    acting = unit_of(request.user)
    league = acting or next(
        (tu.unit for tu in task.task_units.select_related("unit") if tu.unit.is_league), None
    )
    formset = CascadeFormSet(request.POST or None, form_kwargs={"league": league}, prefix="c")
    if request.method == "POST" and formset.is_valid():
        parts = [
            (f.cleaned_data["unit"], f.cleaned_data["text"]) for f in formset if f.cleaned_data.get("unit")
        ]
        try:
            subs = task.cascade(parts, by=request.user)
        except ValidationError as e:
            messages.error(request, " ".join(e.messages))
        else:
            messages.success(request, _("已分解为 %(n)s 项子任务。") % {"n": len(subs)})
            return redirect("ledger:task-detail", pk=task.pk)
    return render(request, "ledger/task_cascade.html", {"task": task, "formset": formset, "league": league})


@office_only
def rule_list(request: HttpRequest) -> HttpResponse:
    rules = SuggestionRule.objects.select_related("unit").order_by("-active", "keyword", "id")
    return render(request, "ledger/rule_list.html", {"rules": rules, "form": RuleForm()})


@office_only
def rule_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    rule = get_object_or_404(SuggestionRule, pk=pk) if pk else None
    form = RuleForm(request.POST or None, instance=rule)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("已保存规则“%(kw)s”。") % {"kw": form.instance.keyword})
        return redirect("ledger:rule-list")
    return render(request, "ledger/rule_form.html", {"form": form, "rule": rule})


@office_only
@require_POST
def rule_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    rule = get_object_or_404(SuggestionRule, pk=pk)
    rule.active = not rule.active
    rule.save()
    return redirect("ledger:rule-list")
