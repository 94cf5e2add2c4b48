"""The unit catalogue as a tree, and importing units from CSV or Excel."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..catalogue import import_units, read_units_file
from ..forms import UnitsUploadForm
from ..models import Unit, UnitKind
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
    return render(
        request, "ledger/unit_tree.html", {"groups": [g for g in groups if g[1]], "count": len(units)}
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
