"""The study app's part of the REST API (/api/v1/study/…), plugged in by luoshi.api: coverage by
decision and unit, a decision's 应知应会 and questions, the study sessions. Read only; the same rules
and figures as the screens (``coverage``, ``visible_to``). (No ``from __future__ import annotations``
here: django-ninja reads the annotations at import time.)
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from luoshi.api.errors import errors
from luoshi.api.pagination import Pages
from luoshi.api.schemas import MAX_ID, IdPath
from luoshi.ledger.models import Decision, Role

from . import coverage
from .models import Guide, Question, QuestionState, StudySession

prefix = "/study"
router = Router(tags=["study"])


def _scope(request: HttpRequest) -> int | None:
    if Role.of(request.user) is None:
        raise PermissionDenied(_("你的角色无权访问此页面。"))
    return coverage.scope_of(request.user)


class CoverageFilters(Schema):
    decision: int | None = Field(None, ge=1, le=MAX_ID, description="决定 id")


@router.get("/coverage", response={200: list[dict[str, Any]], **errors()}, summary="各决定的学习覆盖情况")
def list_coverage(request: HttpRequest, filters: Query[CoverageFilters]) -> Any:
    scope = _scope(request)
    ids = None if filters.decision is None else [filters.decision]
    return [c.as_dict(list_units=False) for c in coverage.coverage(ids, unit=scope)]


@router.get(
    "/coverage/{decision_id}",
    response={200: dict[str, Any], **errors(404)},
    summary="一个决定的各单位学习情况",
)
def get_coverage(request: HttpRequest, decision_id: IdPath) -> Any:
    scope = _scope(request)
    if not Decision.objects.filter(pk=decision_id).exists():
        raise Http404
    return coverage.of_decision(decision_id, unit=scope).as_dict()


@router.get(
    "/decisions/{decision_id}/guide",
    response={200: dict[str, Any], **errors(404)},
    summary="一个决定的应知应会要点",
)
def get_guide(request: HttpRequest, decision_id: IdPath) -> Any:
    _scope(request)
    guide = Guide.objects.filter(decision_id=decision_id).first()
    if guide is None:
        raise Http404
    return {
        "decision": decision_id,
        "revision": guide.revision,
        "generated_at": guide.generated_at.isoformat(),
        "questions": Question.objects.visible_to(request.user)
        .filter(decision_id=decision_id, state=QuestionState.ACTIVE)
        .count(),
        "digest": guide.data,
    }


class QuestionFilters(Schema):
    state: str | None = Field(
        None,
        pattern="^(active|rejected|obsolete)$",
        description="状态：active 在用（默认）、rejected、obsolete",
    )
    kind: str | None = Field(None, pattern="^(fill|choice|judge)$", description="题型")


@router.get(
    "/decisions/{decision_id}/questions",
    response={200: list[dict[str, Any]], **errors(404)},
    summary="一个决定的应知应会试题",
)
@paginate(Pages)
def list_questions(request: HttpRequest, decision_id: IdPath, filters: Query[QuestionFilters]) -> Any:
    _scope(request)
    qs = Question.objects.visible_to(request.user).filter(
        decision_id=decision_id, state=filters.state or QuestionState.ACTIVE
    )
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    return _Rows(qs.order_by("order", "id"), Question.as_dict)


class SessionFilters(Schema):
    decision: int | None = Field(None, ge=1, le=MAX_ID, description="决定 id")
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="单位 id")
    include_withdrawn: bool = Field(False, description="包括已撤回的学习记录")


@router.get("/sessions", response={200: list[dict[str, Any]], **errors()}, summary="学习记录")
@paginate(Pages)
def list_sessions(request: HttpRequest, filters: Query[SessionFilters]) -> Any:
    _scope(request)
    qs = StudySession.objects.visible_to(request.user)
    if filters.decision is not None:
        qs = qs.filter(decision_id=filters.decision)
    if filters.unit is not None:
        qs = qs.filter(unit_id=filters.unit)
    if not filters.include_withdrawn:
        qs = qs.filter(withdrawn=False)
    qs = qs.select_related("unit").prefetch_related("files").order_by("-held_on", "-id")
    return _Rows(qs, StudySession.as_dict)


@router.get("/sessions/{session_id}", response={200: dict[str, Any], **errors(404)}, summary="一条学习记录")
def get_session(request: HttpRequest, session_id: IdPath) -> Any:
    _scope(request)
    s = StudySession.objects.visible_to(request.user).select_related("unit").filter(pk=session_id).first()
    if s is None:
        raise Http404
    return s.as_dict()


class _Rows:
    """A queryset whose page is turned into dicts: counted on the queryset, sliced, then converted."""

    def __init__(self, queryset: Any, convert: Any) -> None:
        self.queryset = queryset
        self.convert = convert

    def __getitem__(self, window: slice) -> list[dict[str, Any]]:
        return [self.convert(row) for row in self.queryset[window]]
