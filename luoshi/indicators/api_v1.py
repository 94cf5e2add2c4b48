"""The indicators app's part of the REST API (/api/v1/indicators/…), plugged in by luoshi.api.

Assessments are read by whoever may read the target's task, series by every role: the same rules as
the screens, through the same functions. (No ``from __future__ import annotations`` here: django-ninja
reads the annotations at import time.)
"""

from typing import Any, Literal

from django.db.models import Count, Q
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from luoshi.api.errors import errors
from luoshi.api.pagination import Pages
from luoshi.api.routers.common import acting
from luoshi.api.schemas import MAX_ID, IdPath
from luoshi.ledger.models import Decision

from .assessing import assess_targets
from .models import AssessmentMethod, Indicator, Observation, can_view, targets_visible_to

prefix = "/indicators"
router = Router(tags=["indicators"])


class HowToAssess(Schema):
    method: Literal["luoshi", "open_sdg"] | None = Field(
        None, description="只在本次查询中改用的评估方法（不改变督查室的设置）"
    )
    base_year: int | None = Field(None, ge=1900, le=2100, description="只在本次查询中使用的基年")


class AssessmentFilters(HowToAssess):
    decision: int | None = Field(None, ge=1, le=MAX_ID)


class MethodIn(Schema):
    methodology: Literal["", "luoshi", "open_sdg"] = Field("", description="空：沿用上一级的设置")
    base_year: int | None = Field(None, ge=1900, le=2100, description="空：沿用上一级，默认为数据的第一年")
    note: str = Field("", max_length=300)


def _readable(request: HttpRequest) -> None:
    if not can_view(request.user):
        raise Http404


@router.get(
    "/assessments", response={200: list[dict[str, Any]], **errors(422)}, summary="量化目标的评估与交付信心"
)
@paginate(Pages)
def list_assessments(request: HttpRequest, filters: Query[AssessmentFilters]) -> Any:
    targets = targets_visible_to(request.user).filter(withdrawn=False).order_by("decision_id", "id")
    if filters.decision is not None:
        targets = targets.filter(decision_id=filters.decision)
    return _Assessed(targets, filters.method, filters.base_year)


@router.get(
    "/assessments/{target_id}", response={200: dict[str, Any], **errors(404)}, summary="一个目标的评估"
)
def get_assessment(request: HttpRequest, target_id: IdPath, how: Query[HowToAssess]) -> Any:
    target = targets_visible_to(request.user).filter(pk=target_id).first()
    if target is None:
        raise Http404
    (assessment,) = assess_targets([target], methodology=how.method, base_year=how.base_year)
    return assessment.as_dict(readings=True)


def _method_out(m: AssessmentMethod) -> dict[str, Any]:
    return {
        "decision": m.decision_id,
        "target": m.target_id,
        "methodology": m.methodology or None,
        "base_year": m.base_year,
        "note": m.note,
        "set_at": m.set_at.isoformat(),
    }


@router.put(
    "/decisions/{decision_id}/method",
    response={200: dict[str, Any], **errors(404)},
    summary="设置一个决定的目标的评估方法与基年（督查室）",
)
def put_decision_method(request: HttpRequest, decision_id: IdPath, data: MethodIn) -> Any:
    _readable(request)
    decision = Decision.objects.filter(pk=decision_id).first()
    if decision is None:
        raise Http404
    with acting(request):
        m = AssessmentMethod.choose(
            by=request.user,
            decision=decision,
            methodology=data.methodology,
            base_year=data.base_year,
            note=data.note,
        )
    return _method_out(m)


@router.put(
    "/targets/{target_id}/method",
    response={200: dict[str, Any], **errors(404)},
    summary="设置一个目标的评估方法与基年（督查室）",
)
def put_target_method(request: HttpRequest, target_id: IdPath, data: MethodIn) -> Any:
    target = targets_visible_to(request.user).filter(pk=target_id).first()
    if target is None:
        raise Http404
    with acting(request):
        m = AssessmentMethod.choose(
            by=request.user,
            target=target,
            methodology=data.methodology,
            base_year=data.base_year,
            note=data.note,
        )
    return _method_out(m)


@router.get("/series", response={200: list[dict[str, Any]], **errors()}, summary="指标数据序列")
@paginate(Pages)
def list_series(request: HttpRequest) -> Any:
    _readable(request)
    indicators = Indicator.objects.annotate(
        observations_count=Count("observations", filter=Q(observations__withdrawn=False))
    ).order_by("name")
    return _Mapped(
        indicators,
        lambda i: {"id": i.pk, "name": i.name, "unit": i.unit, "observations": i.observations_count},
    )


@router.get(
    "/series/{indicator_id}",
    response={200: dict[str, Any], **errors(404)},
    summary="一个指标的全部数据及来源",
)
def get_series(request: HttpRequest, indicator_id: IdPath) -> Any:
    _readable(request)
    indicator = Indicator.objects.filter(pk=indicator_id).first()
    if indicator is None:
        raise Http404
    observations = Observation.objects.filter(indicator=indicator, withdrawn=False).order_by(
        "year", "month", "id"
    )
    return {
        "id": indicator.pk,
        "name": indicator.name,
        "unit": indicator.unit,
        "caveat": indicator.caveat_zh,
        "breaks": list(indicator.breaks.filter(withdrawn=False).values_list("year", flat=True)),
        "observations": [
            {
                "year": o.year,
                "month": o.month,
                "value": o.value,
                "unit": o.unit,
                "source": o.source,
                "source_url": o.source_url,
                "origin": o.origin,
            }
            for o in observations
        ],
    }


class _Mapped:
    """A queryset whose page is turned into dicts: Pages slices it, then each row is mapped."""

    def __init__(self, qs: Any, fn: Any) -> None:
        self.qs, self.fn = qs, fn

    def all(self) -> "_Mapped":
        return self

    def count(self) -> int:
        return int(self.qs.count())

    def __getitem__(self, page: slice) -> list[dict[str, Any]]:
        return [self.fn(row) for row in self.qs[page]]


class _Assessed(_Mapped):
    """A page of targets, assessed together (a fixed number of queries for the page)."""

    def __init__(self, qs: Any, method: Any = None, base_year: int | None = None) -> None:
        super().__init__(qs, None)
        self.method, self.base_year = method, base_year

    def __getitem__(self, page: slice) -> list[dict[str, Any]]:
        found = assess_targets(self.qs[page], methodology=self.method, base_year=self.base_year)
        return [a.as_dict() for a in found]
