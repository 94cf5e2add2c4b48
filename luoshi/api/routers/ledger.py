"""Decisions, sections, tasks, assignments, units, and who the caller is."""

from typing import Any, Literal

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from luoshi.exchange.assignments import set_milestones
from luoshi.ledger.models import Decision, Role, Section, Task, TaskUnitRole, Unit, UnitKind, unit_of

from ..errors import ApiError, errors
from ..lights import color_filter, with_lights
from ..pagination import Pages
from ..schemas import (
    MAX_ID,
    AssignmentIn,
    AssignmentOut,
    DecisionOut,
    IdPath,
    MeOut,
    SectionOut,
    TaskDetailOut,
    TaskOut,
    UnitOut,
)
from .common import acting, get_or_404, visible_task

router = Router()

Status = Literal["none", "on_track", "at_risk", "behind", "done", "withdrawn"]
Deadline = Literal["overdue", "30d", "year", "ongoing", "none"]
# the lights of luoshi.figures.colours (a test keeps the two lists equal)
Color = Literal["red", "yellow", "green", "unassigned", "undated", "done", "suspended", "none"]


@router.get("/me", response={200: MeOut, **errors()}, tags=["me"], summary="当前调用者")
def me(request: HttpRequest) -> Any:
    user = request.user
    role = Role.of(user)
    unit = unit_of(user)
    return {
        "id": user.pk,
        "username": user.get_username(),
        "name": user.get_full_name() or user.get_username(),
        "role": role.value if role else "",
        "role_label": str(role.label) if role else "",
        "unit": {"id": unit.pk, "name": unit.name} if unit else None,
    }


@router.get(
    "/decisions", response={200: list[DecisionOut], **errors(422)}, tags=["decisions"], summary="决定"
)
@paginate(Pages)
def list_decisions(request: HttpRequest) -> Any:
    return Decision.objects.order_by("-created_at", "-id")


@router.get(
    "/decisions/{decision_id}",
    response={200: DecisionOut, **errors(404)},
    tags=["decisions"],
    summary="一个决定",
)
def get_decision(request: HttpRequest, decision_id: IdPath) -> Any:
    return get_or_404(Decision.objects.all(), decision_id)


@router.get(
    "/decisions/{decision_id}/sections",
    response={200: list[SectionOut], **errors(404, 422)},
    tags=["decisions"],
    summary="决定的章节（提纲）",
)
@paginate(Pages)
def list_sections(request: HttpRequest, decision_id: IdPath) -> Any:
    decision = get_or_404(Decision.objects.all(), decision_id)
    return Section.objects.filter(decision=decision).order_by("order", "id")


class TaskFilters(Schema):
    decision: int | None = Field(None, ge=1, le=MAX_ID, description="决定 id")
    section: int | None = Field(None, ge=1, le=MAX_ID, description="章节 id（须同时给出决定）")
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="牵头或配合的单位 id")
    league: int | None = Field(None, ge=1, le=MAX_ID, description="盟市 id：涉及该盟市及其所属单位的任务")
    status: Status | None = Field(None, description="进展；withdrawn 为已撤销、拆分或合并")
    deadline: Deadline | None = None
    has_target: bool | None = None
    q: str | None = Field(None, max_length=100, description="任务内容中的词（或任务编号）")
    light: Color | None = Field(None, description="亮灯颜色")
    subtasks: Literal["in_parent"] | None = Field(
        None,
        description="in_parent：分解的子任务计入上级任务（上级任务也在所选范围内时不单列），与各项统计数字同一口径",
    )


def filtered_tasks(request: HttpRequest, filters: TaskFilters) -> Any:
    """The tasks the caller may read, filtered by the task list's own queryset method. A filter that
    names a record that does not exist matches no task."""
    chosen: dict[str, Any] = {
        "status": filters.status or "",
        "deadline": filters.deadline or "",
        "has_target": filters.has_target,
        "q": filters.q or "",
        "subtasks": filters.subtasks or "",
    }
    lookups = {
        "decision": Decision.objects.all(),
        "section": Section.objects.all(),
        "unit": Unit.objects.active(),
        "league": Unit.objects.leagues(),
    }
    for name, qs in lookups.items():
        pk = getattr(filters, name)
        if pk is not None:
            chosen[name] = qs.filter(pk=pk).first()
            if chosen[name] is None:
                return Task.objects.none()
    tasks = Task.objects.visible_to(request.user).filtered(**chosen)
    if not chosen["status"]:
        tasks = tasks.active()
    if filters.light:
        tasks = tasks.filter(color_filter(filters.light))
    return with_lights(tasks.for_list())


@router.get(
    "/tasks",
    response={200: list[TaskOut], **errors(422)},
    tags=["tasks"],
    summary="任务（与任务清单相同的筛选）",
)
@paginate(Pages)
def list_tasks(request: HttpRequest, filters: Query[TaskFilters]) -> Any:
    return filtered_tasks(request, filters)


@router.get(
    "/tasks/{task_id}",
    response={200: TaskDetailOut, **errors(404)},
    tags=["tasks"],
    summary="一项任务（含分工单位、目标、节点、子任务）",
)
def get_task(request: HttpRequest, task_id: IdPath) -> Any:
    task = get_or_404(
        with_lights(Task.objects.visible_to(request.user).select_related("decision", "lead_unit")), task_id
    )
    return _Detail(
        task,
        units=[
            {"id": tu.unit_id, "name": tu.unit.name, "role": tu.role}
            for tu in task.task_units.select_related("unit").order_by("role", "unit__order", "unit_id")
        ],
        targets=list(task.targets.filter(withdrawn=False)),
        milestones=list(task.milestones.filter(withdrawn=False)),
        subtasks=list(Task.objects.visible_to(request.user).filter(parent=task).values_list("pk", flat=True)),
    )


class _Detail:
    """A task with the lists its detail adds (read by TaskDetailOut)."""

    def __init__(self, task: Task, **extra: Any) -> None:
        self._task = task
        self.__dict__.update(extra)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._task, name)


def assignment_of(task: Task) -> dict[str, Any]:
    links = list(task.task_units.select_related("unit").order_by("unit__order", "unit_id"))
    return {
        "task": task.pk,
        "version": task.version,
        "lead_unit": {"id": task.lead_unit_id, "name": task.lead_unit.name} if task.lead_unit_id else None,
        "co_units": [{"id": tu.unit_id, "name": tu.unit.name} for tu in links if tu.role == TaskUnitRole.CO],
        "responsible": task.responsible,
        "deadline_kind": task.deadline_kind,
        "deadline": task.deadline,
        "deadline_note": task.deadline_note,
        "assigned_at": task.assigned_at,
        "milestones": list(task.milestones.filter(withdrawn=False)),
    }


@router.get(
    "/tasks/{task_id}/assignment",
    response={200: AssignmentOut, **errors(404)},
    tags=["assignments"],
    summary="任务分工",
)
def get_assignment(request: HttpRequest, task_id: IdPath) -> Any:
    return assignment_of(visible_task(request, task_id))


@router.put(
    "/tasks/{task_id}/assignment",
    response={200: AssignmentOut, **errors(404, 409, 422)},
    tags=["assignments"],
    summary="确认或修改分工（督查室）",
)
def put_assignment(request: HttpRequest, task_id: IdPath, data: AssignmentIn) -> Any:
    task = visible_task(request, task_id)
    if not task.can_edit(request.user):
        raise PermissionDenied(_("只有督查室可以修改任务分工。"))
    wanted = {data.lead_unit, *data.co_units}
    units = Unit.objects.active().in_bulk(wanted)
    unknown = sorted(wanted - set(units))
    if unknown:
        raise ApiError(422, _("单位不存在或已停用。"), {"units": unknown})
    task.version = data.version
    with acting(request):
        task.assign(
            by=request.user,
            lead=units[data.lead_unit],
            co=[units[pk] for pk in data.co_units],
            responsible=data.responsible,
            deadline_kind=data.deadline_kind,
            deadline=data.deadline,
            deadline_note=data.deadline_note,
            note=data.note,
        )
        if data.milestones is not None:
            set_milestones(task, [(m.due, m.description) for m in data.milestones])
    return assignment_of(task)


class UnitFilters(Schema):
    q: str | None = Field(None, max_length=60, description="名称、简称或代码中的字")
    kind: Literal[tuple(UnitKind.values)] | None = None  # type: ignore[valid-type]
    league: int | None = Field(None, ge=1, le=MAX_ID, description="所属盟市 id")


@router.get("/units", response={200: list[UnitOut], **errors(422)}, tags=["units"], summary="单位名录")
@paginate(Pages)
def list_units(request: HttpRequest, filters: Query[UnitFilters]) -> Any:
    from django.db.models import Q

    units = Unit.objects.active().order_by("order", "code")
    if filters.q:
        units = units.filter(Q(name__icontains=filters.q) | Q(short__icontains=filters.q) | Q(code=filters.q))
    if filters.kind:
        units = units.filter(kind=filters.kind)
    if filters.league:
        units = units.filter(league_id=filters.league)
    return units


@router.get("/units/{unit_id}", response={200: UnitOut, **errors(404)}, tags=["units"], summary="一个单位")
def get_unit(request: HttpRequest, unit_id: IdPath) -> Any:
    return get_or_404(Unit.objects.all(), unit_id)
