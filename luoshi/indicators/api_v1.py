"""The indicators app's part of the REST API (/api/v1/indicators/…), plugged in by luoshi.api.

Assessments are read by whoever may read the target's task, series by every role: the same rules as
the screens, through the same functions. (No ``from __future__ import annotations`` here: django-ninja
reads the annotations at import time.)
"""

from typing import Any

from django.db.models import Count, Q
from django.http import Http404, HttpRequest
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from luoshi.api.errors import errors
from luoshi.api.pagination import Pages
from luoshi.api.schemas import MAX_ID, IdPath

from .assessing import assess_targets
from .models import Indicator, Observation, can_view, targets_visible_to

prefix = "/indicators"
router = Router(tags=["indicators"])


class AssessmentFilters(Schema):
    decision: int | None = Field(None, ge=1, le=MAX_ID)


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
    return _Assessed(targets)


@router.get(
    "/assessments/{target_id}", response={200: dict[str, Any], **errors(404)}, summary="一个目标的评估"
)
def get_assessment(request: HttpRequest, target_id: IdPath) -> Any:
    target = targets_visible_to(request.user).filter(pk=target_id).first()
    if target is None:
        raise Http404
    (assessment,) = assess_targets([target])
    return assessment.as_dict(readings=True)


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

    def __init__(self, qs: Any) -> None:
        super().__init__(qs, None)

    def __getitem__(self, page: slice) -> list[dict[str, Any]]:
        return [a.as_dict() for a in assess_targets(self.qs[page])]
