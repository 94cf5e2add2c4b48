"""The dashboard's screens, thin: find the user's scope, read its snapshot, render (or answer JSON).

Leaders, the office and auditors see every task; a unit's reporter or leader sees the figures of
their own unit's tasks only (those it leads, co-operates on, or cascaded from them). A signed-in
user without a role is refused (403), as everywhere.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from luoshi.ledger.views.common import any_role, json_response, office_only, wants_json
from luoshi.progress.periods import Period
from luoshi.study.coverage import for_dashboard as study_figures

from .charts import stacked_bar, trend_lines
from .models import Scope, Snapshot
from .presenting import CONFIDENCE_LABELS, LIGHT_LABELS, TONE_LABELS, present, with_filter

UNITS_PAGE = 100


def _snapshot(request: HttpRequest) -> tuple[Scope, Snapshot, bool]:
    scope = Scope.of(request.user)
    if scope is None:
        raise PermissionDenied(_("你的角色无权访问此页面。"))
    snapshot, stale = Snapshot.current(scope)
    return scope, snapshot, stale


@any_role
def index(request: HttpRequest) -> HttpResponse:
    _scope, snapshot, stale = _snapshot(request)
    data = present(snapshot, stale=stale, decision=request.GET.get("decision") or None)
    data["study"] = study_figures(request.user, (data.get("decision") or {}).get("id"))
    if wants_json(request):
        return json_response(data)
    return render(request, "dashboard/index.html", {**data, **_decorations(data), "snapshot": snapshot})


def _decorations(data: dict[str, Any]) -> dict[str, Any]:
    """What only the page needs: labels in the reader's language, charts, parsed times."""
    totals = data["totals"]
    lights_bar = stacked_bar(
        [
            (k, str(label), totals["lights"][k], with_filter(totals["tasks_url"], f"light={k}"))
            for k, label in LIGHT_LABELS
        ],
        title=_("全部任务的状态灯"),
    )
    targets = data["targets"]
    targets_bar = stacked_bar(
        [(k, str(label), targets["counts"][k], f"{targets['url']}#c-{k}") for k, label in CONFIDENCE_LABELS],
        title=_("量化目标的交付信心"),
    )
    trends = data["trends"]
    for row in trends:
        row["label"] = Period.parse(row["period"]).label
    chart = trend_lines(
        [f"{row['period'][:4]} Q{row['period'][-1]}" for row in trends],
        [
            (_("按时报送率"), [row["on_time_share"] for row in trends], "0"),
            (_("完成率"), [row["completion"] for row in trends], "6 4"),
        ],
        title=_("各季度按时报送率和完成率"),
    )
    for tile in data["leagues"]:
        tile["tone_label"] = TONE_LABELS.get(tile["tone"], "")
    return {
        "light_labels": LIGHT_LABELS,
        "confidence_labels": CONFIDENCE_LABELS,
        "lights_bar": lights_bar,
        "targets_bar": targets_bar,
        "trend_chart": chart,
        "lights_at": parse_datetime(data["lights_computed_at"]) if data.get("lights_computed_at") else None,
        "grid_rows": max((t["row"] or 0 for t in data["leagues"]), default=0),
    }


@any_role
def units(request: HttpRequest) -> HttpResponse:
    """Every unit of the scope, worst first (the dashboard shows the first 20)."""
    scope, snapshot, stale = _snapshot(request)
    rows = snapshot.part("units", [])
    if wants_json(request):
        return json_response(
            {
                "schema_version": snapshot.data.get("schema_version"),
                "scope": scope.as_dict(),
                "computed_at": snapshot.computed_at.isoformat(),
                "stale": stale,
                "units": rows,
            }
        )
    page = Paginator(rows, UNITS_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "dashboard/units.html",
        {
            "page": page,
            "snapshot": snapshot,
            "stale": stale,
            "scope": scope.as_dict(),
            "light_labels": LIGHT_LABELS,
        },
    )


@office_only
@require_POST
def refresh(request: HttpRequest) -> HttpResponse:
    """The office recomputes the figures now (a large ledger otherwise waits for ``luoshi supervise``)."""
    snapshot = Snapshot.refresh(Scope.everything())
    messages.success(request, _("驾驶舱数据已重新计算（用时 %(s).1f 秒）。") % {"s": snapshot.seconds})
    return redirect("dashboard:index")
