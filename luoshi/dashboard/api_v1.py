"""The dashboard's part of the REST API (/api/v1/dashboard…), plugged in by luoshi.api.

The same figures as the page's JSON twin, read through the same scope rule: the office, leaders and
auditors get every task's figures, a unit's reporter or leader their own unit's. (No ``from
__future__ import annotations`` here: django-ninja reads the annotations at import time.)
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from luoshi.api.errors import errors
from luoshi.api.schemas import MAX_ID
from luoshi.study.coverage import for_dashboard as study_figures

from .models import Scope, Snapshot
from .presenting import present

prefix = "/dashboard"
router = Router(tags=["dashboard"])


class DashboardQuery(Schema):
    decision: int | None = Field(None, ge=1, le=MAX_ID, description="决定 id：显示其各部分、章节")


def _snapshot(request: HttpRequest) -> tuple[Scope, Snapshot, bool]:
    scope = Scope.of(request.user)
    if scope is None:
        raise PermissionDenied(_("你的角色无权访问此页面。"))
    snapshot, stale = Snapshot.current(scope)
    return scope, snapshot, stale


@router.get("", response={200: dict[str, Any], **errors(404)}, summary="领导驾驶舱的全部数字")
def dashboard(request: HttpRequest, query: Query[DashboardQuery]) -> Any:
    _scope, snapshot, stale = _snapshot(request)
    data = present(snapshot, stale=stale, decision=str(query.decision) if query.decision else None)
    data["study"] = study_figures(request.user, (data.get("decision") or {}).get("id"))
    return data


@router.get("/units", response={200: dict[str, Any], **errors()}, summary="驾驶舱：每个单位的任务与状态灯")
def dashboard_units(request: HttpRequest) -> Any:
    scope, snapshot, stale = _snapshot(request)
    return {
        "schema_version": snapshot.data.get("schema_version"),
        "scope": scope.as_dict(),
        "computed_at": snapshot.computed_at.isoformat(),
        "stale": stale,
        "units": snapshot.part("units", []),
    }
