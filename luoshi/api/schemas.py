"""What the API reads and writes, field by field (the OpenAPI schema is generated from these)."""

import datetime as dt
import re
from typing import Annotated, Any, Literal

from django.urls import reverse
from ninja import Field, Path, Schema
from pydantic import BeforeValidator, ConfigDict, model_validator

from luoshi.ledger.limits import COMMENT, NOTE, REPORT_TEXT, SHORT

from .lights import light_of

MAX_ID = 2**62  # larger numbers cannot be record ids (and overflow database integers)
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
IdPath = Annotated[int, Path(ge=1, le=MAX_ID)]

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_day(value: Any) -> Any:
    """A day is written 2026-12-31: a number (0 was stored as 1970-01-01) or a time is refused."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not _ISO_DAY.match(value):
        raise ValueError("日期须写作 YYYY-MM-DD，例如 2026-12-31。")
    return value


Day = Annotated[dt.date, BeforeValidator(_iso_day)]


class Body(Schema):
    """A request body: an object with exactly the fields described (a list such as [null, null],
    an unknown field or a value of another type is refused with 422, not coerced)."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _an_object(cls, data: Any) -> Any:
        if not isinstance(data, dict) and not hasattr(data, "__dict__"):
            raise ValueError("请求体须是一个 JSON 对象。")
        return data


class UnitRef(Schema):
    id: int
    name: str


class LightOut(Schema):
    color: str = Field(
        description="red 红灯, yellow 黄灯, green 绿灯, unassigned 未分工, undated 未定时限, "
        "done 已办结, suspended 已暂缓, none 未亮灯（尚未计算）"
    )
    label: str
    reason: str
    source: str = Field(description="supervision: 督查按规则计算的结果; none: 尚未计算（未亮灯）")


class DecisionOut(Schema):
    id: int
    title: str
    year: int | None
    reporting_period: str
    report_due_days: int
    is_sample: bool
    is_demo: bool
    created_at: dt.datetime


class SectionOut(Schema):
    id: int
    key: str
    level: int
    number: str
    title: str
    parent: int | None = Field(None, alias="parent_id")
    order: int


class TaskOut(Schema):
    id: int
    key: str
    decision: int = Field(alias="decision_id")
    section: int | None = Field(None, alias="section_id")
    parent: int | None = Field(None, alias="parent_id")
    text: str
    state: str
    lead_unit: UnitRef | None = None
    responsible: str
    deadline_kind: str
    deadline: dt.date | None
    deadline_note: str
    deadline_display: str
    progress_status: str
    percent: int | None
    progress_period: str
    has_targets: bool
    assigned_at: dt.datetime | None
    version: int
    light: LightOut
    url: str

    @staticmethod
    def resolve_deadline_display(obj: Any) -> str:
        return obj.deadline_display()

    @staticmethod
    def resolve_light(obj: Any) -> dict[str, str]:
        return light_of(obj).as_dict()

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return reverse("ledger:task-detail", args=[obj.pk])


class UnitRoleOut(Schema):
    id: int
    name: str
    role: str = Field(description="lead 牵头, co 配合")


class TargetOut(Schema):
    id: int
    key: str
    decision: int = Field(alias="decision_id")
    task: int | None = Field(None, alias="task_id")
    kind: str
    indicator: str
    scope: str
    comparator: str
    value: float | None
    value_max: float | None
    unit: str
    year: int | None
    start_year: int | None
    reference: str
    text: str
    withdrawn: bool
    description: str

    @staticmethod
    def resolve_description(obj: Any) -> str:
        return obj.describe()


class MilestoneOut(Schema):
    id: int
    due: dt.date
    description: str


class MilestoneIn(Body):
    due: Day
    description: str = Field(min_length=1, max_length=NOTE)


class TaskDetailOut(TaskOut):
    source_key: str
    source_text: str
    units: list[UnitRoleOut]
    targets: list[TargetOut]
    milestones: list[MilestoneOut]
    subtasks: list[int]


DeadlineKindIn = Literal["", "date", "year_end", "ongoing", "text"]


class AssignmentOut(Schema):
    task: int
    version: int
    lead_unit: UnitRef | None
    co_units: list[UnitRef]
    responsible: str
    deadline_kind: str
    deadline: dt.date | None
    deadline_note: str
    assigned_at: dt.datetime | None
    milestones: list[MilestoneOut]


class AssignmentIn(Body):
    version: int = Field(ge=1, description="读取时的 version；他人已修改则返回 409")
    lead_unit: Id
    co_units: list[Id] = Field(default_factory=list, max_length=200)
    responsible: str = Field("", max_length=SHORT)
    deadline_kind: DeadlineKindIn = Field("", description="date 须填 deadline；text 须填 deadline_note")
    deadline: Day | None = Field(None, description="deadline_kind 为 date 或 year_end 时必填")
    deadline_note: str = Field(
        "", max_length=SHORT, description="deadline_kind 为 text 时必填，例如“2025年底前”"
    )
    milestones: list[MilestoneIn] | None = Field(
        None, max_length=40, description="形象进度节点的完整列表；省略则不改动"
    )
    note: str = Field("", max_length=NOTE)


class UnitOut(Schema):
    id: int
    code: str
    name: str
    short: str
    kind: str
    parent: int | None = Field(None, alias="parent_id")
    league: int | None = Field(None, alias="league_id")
    division_code: str
    active: bool


class MeasurementOut(Schema):
    id: int
    report: int = Field(alias="report_id")
    target: int = Field(alias="target_id")
    value: float | None
    note: str


class MeasurementIn(Body):
    target: Id
    value: float | None = None
    note: str = Field("", max_length=NOTE)


class ReportOut(Schema):
    id: int
    task: int = Field(alias="task_id")
    unit: UnitRef
    period: str
    period_label: str
    state: str
    narrative: str
    percent: int
    claim: str
    problems: str
    next_steps: str
    review_comment: str
    created_at: dt.datetime
    submitted_at: dt.datetime | None
    approved_at: dt.datetime | None
    reviewed_at: dt.datetime | None
    version: int
    measurements: list[MeasurementOut]
    url: str

    @staticmethod
    def resolve_measurements(obj: Any) -> list[Any]:
        return list(obj.measurements.all())

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return reverse("progress:report-detail", args=[obj.pk])


ClaimIn = Literal["on_track", "at_risk", "behind", "done"]


class ReportIn(Body):
    task: Id
    period: str = Field(pattern=r"^\d{4}(Q[1-4]|M(0[1-9]|1[0-2]))$", description="如 2024Q1 或 2024M03")
    narrative: str = Field("", max_length=REPORT_TEXT)
    percent: int = Field(0, ge=0, le=100)
    claim: ClaimIn = "on_track"
    problems: str = Field("", max_length=REPORT_TEXT)
    next_steps: str = Field("", max_length=REPORT_TEXT)
    measurements: list[MeasurementIn] = Field(default_factory=list, max_length=200)
    submit: bool = Field(False, description="创建后立即提交给单位负责人审核")


class ReportPatch(Body):
    version: int = Field(ge=1)
    narrative: str | None = Field(None, max_length=REPORT_TEXT)
    percent: int | None = Field(None, ge=0, le=100)
    claim: ClaimIn | None = None
    problems: str | None = Field(None, max_length=REPORT_TEXT)
    next_steps: str | None = Field(None, max_length=REPORT_TEXT)
    measurements: list[MeasurementIn] | None = Field(None, max_length=200)


class ActionIn(Body):
    version: int | None = Field(None, ge=1)
    comment: str = Field("", max_length=COMMENT)


class CommentedActionIn(Body):
    """An action that needs a comment (sending back, returning): it says what to change."""

    version: int | None = Field(None, ge=1)
    comment: str = Field(min_length=1, max_length=COMMENT, description="退回意见：说明需要修改什么（必填）")


class TaskLightOut(Schema):
    task: int
    key: str
    light: LightOut


class SearchHitOut(Schema):
    kind: str
    id: int
    task: int | None
    title: str
    snippet: str = Field(description="HTML：已转义，匹配处以 <mark> 标出")
    url: str
    score: float


class SearchOut(Schema):
    q: str
    count: int
    count_exact: bool
    page: int
    pages: int
    items: list[SearchHitOut]


class MeOut(Schema):
    id: int
    username: str
    name: str
    role: str
    role_label: str
    unit: UnitRef | None
