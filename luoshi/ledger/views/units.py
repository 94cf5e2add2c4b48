"""The unit catalogue: the tree, and for the office adding, editing, ordering, deactivating and merging
units, and importing them from CSV or Excel. The rules are on ``Unit`` (clean, deactivate, merge_into)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..catalogue import import_units, read_units_file
from ..forms import UnitsUploadForm
from ..models import Role, Unit, UnitKind
from ..office_forms import DeactivateForm, MergeForm, UnitForm, UnitOrderFormSet
from .common import any_role, json_response, office_only, wants_json


@any_role
def unit_tree(request: HttpRequest) -> HttpResponse:
    units = list(Unit.objects.active().order_by("order", "code"))
    if wants_json(request):
        return json_response(
            [
                {
                    "id": u.pk,
                    "code": u.code,
                    "name": u.name,
                    "kind": u.kind,
                    "parent": u.parent_id,
                    "division_code": u.division_code,
                }
                for u in units
            ]
        )
    children: dict[int | None, list[Unit]] = {}
    for u in units:
        children.setdefault(u.parent_id, []).append(u)
    groups = [
        (
            label,
            [
                {"unit": u, "children": children.get(u.pk, [])}
                for u in children.get(None, [])
                if u.kind == kind
            ],
        )
        for kind, label in UnitKind.choices
    ]
    inactive = []
    if Role.of(request.user) == Role.OFFICE:
        inactive = list(
            Unit.objects.filter(active=False)
            .select_related("merged_into", "parent")
            .order_by("order", "code")
        )
    return render(
        request,
        "ledger/unit_tree.html",
        {"groups": [g for g in groups if g[1]], "count": len(units), "inactive": inactive},
    )


@office_only
def unit_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    unit = get_object_or_404(Unit, pk=pk) if pk else None
    initial = {}
    if unit is None and request.GET.get("parent", "").isdigit():
        parent = Unit.objects.active().filter(pk=int(request.GET["parent"])).first()
        if parent is not None:
            initial = {
                "parent": parent.pk,
                "kind": UnitKind.BANNER_COUNTY if parent.is_league else parent.kind,
            }
    form = UnitForm(request.POST or None, instance=unit, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        if unit is None:
            messages.success(request, _("已新增单位“%(name)s”。") % {"name": saved.name})
        else:
            messages.success(request, _("已保存单位“%(name)s”。") % {"name": saved.name})
        return redirect(reverse("ledger:unit-tree") + f"#unit-{saved.pk}")
    context = {"form": form, "unit": unit}
    if unit is not None:
        context["workload"] = unit.workload()
        context["deactivate_form"] = DeactivateForm()
    return render(request, "ledger/unit_form.html", context)


@office_only
@require_POST
def unit_active(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_object_or_404(Unit, pk=pk)
    form = DeactivateForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        if request.POST.get("active") == "1":
            unit.reactivate(by=request.user, note=note)
            messages.success(request, _("已启用单位“%(name)s”。") % {"name": unit.name})
        else:
            unit.deactivate(by=request.user, note=note)
            messages.success(
                request,
                _("已停用单位“%(name)s”：它不再出现在分工和填报的选项中，已有记录全部保留。")
                % {"name": unit.name},
            )
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    return redirect("ledger:unit-edit", pk=unit.pk)


@office_only
def unit_merge(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_object_or_404(Unit.objects.active(), pk=pk)
    form = MergeForm(request.POST or None, source=unit)
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["target"]
        try:
            result = unit.merge_into(target, by=request.user)
        except ValidationError as e:
            form.add_error(None, e.messages)
        else:
            messages.success(
                request,
                _("已将“%(source)s”并入“%(target)s”，转移%(what)s。")
                % {"source": unit.name, "target": target.name, "what": result.describe()},
            )
            return redirect("ledger:unit-edit", pk=target.pk)
    return render(
        request, "ledger/unit_merge.html", {"form": form, "unit": unit, "workload": unit.workload()}
    )


@office_only
def unit_order(request: HttpRequest) -> HttpResponse:
    """The order of one set of sibling units: the top level of one kind, or the units under one parent."""
    parent = None
    if request.GET.get("parent", "").isdigit():
        parent = get_object_or_404(Unit, pk=int(request.GET["parent"]))
        siblings = Unit.objects.active().filter(parent=parent)
        heading = _("%(name)s下辖单位的排序") % {"name": parent.name}
    else:
        kind = request.GET.get("kind", "")
        if kind not in UnitKind.values:
            kind = UnitKind.DEPARTMENT
        siblings = Unit.objects.active().filter(parent=None, kind=kind)
        heading = _("%(kind)s的排序") % {"kind": UnitKind(kind).label}
    formset = UnitOrderFormSet(request.POST or None, queryset=siblings.order_by("order", "code"))
    if request.method == "POST" and formset.is_valid():
        with transaction.atomic():
            changed = [f.save() for f in formset.forms if f.has_changed()]
        messages.success(request, _("已保存排序（%(n)s个单位有变动）。") % {"n": len(changed)})
        return redirect(request.get_full_path())
    return render(
        request, "ledger/unit_order.html", {"formset": formset, "heading": heading, "parent": parent}
    )


@transaction.non_atomic_requests  # reads the file before its short write transaction
@office_only
def units_import(request: HttpRequest) -> HttpResponse:
    form = UnitsUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = import_units(read_units_file(upload, upload.name))
        except ValidationError as e:
            form.add_error("file", e)
        else:
            messages.success(request, _("单位名录已导入：%(result)s。") % {"result": result})
            return redirect("ledger:unit-tree")
    return render(request, "ledger/units_import.html", {"form": form})
