"""Tasks (任务): one per extracted item, with targets, places, assignment, milestones and sub-tasks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from luoshi.web.display import day

from .audit import Audited, NoDeleteQuerySet
from .decisions import Decision, Section
from .locking import Versioned
from .people import Role, unit_of
from .units import Unit, UnitKind


class TaskState(models.TextChoices):
    ACTIVE = "active", _("执行中")
    WITHDRAWN = "withdrawn", _("已撤销")
    SPLIT = "split", _("已拆分")
    MERGED = "merged", _("已合并")


class TaskOrigin(models.TextChoices):
    IMPORTED = "imported", _("导入")
    SPLIT = "split", _("拆分")
    MERGED = "merged", _("合并")
    CASCADE = "cascade", _("分解")
    MANUAL = "manual", _("新增")


class ProgressStatus(models.TextChoices):
    NONE = "none", _("未报送")
    ON_TRACK = "on_track", _("正常推进")
    AT_RISK = "at_risk", _("存在风险")
    BEHIND = "behind", _("进度滞后")
    DONE = "done", _("已完成")


class DeadlineKind(models.TextChoices):
    NONE = "", _("未定")
    DATE = "date", _("按期完成")
    YEAR_END = "year_end", _("年内完成")
    ONGOING = "ongoing", _("长期坚持")
    TEXT = "text", _("其他（文字说明）")


class TaskUnitRole(models.TextChoices):
    LEAD = "lead", _("牵头")
    CO = "co", _("配合")


STATUS_FILTERS = [(c.value, c.label) for c in ProgressStatus] + [("withdrawn", _("已撤销、拆分或合并"))]
SUBTASK_FILTERS = [("in_parent", _("计入上级任务（与统计数字一致）"))]
DEADLINE_FILTERS = [
    ("overdue", _("已逾期")),
    ("30d", _("30天内到期")),
    ("year", _("今年到期")),
    ("ongoing", _("长期坚持")),
    ("none", _("未定期限")),
]


class TaskQuerySet(NoDeleteQuerySet):
    def active(self) -> TaskQuerySet:
        return self.filter(state=TaskState.ACTIVE)

    def involving(self, unit: Unit | int) -> TaskQuerySet:
        """Tasks the unit leads or co-operates on."""
        return self.filter(pk__in=TaskUnit.objects.filter(unit=unit).values("task_id"))

    def visible_to(self, user: Any) -> TaskQuerySet:
        """What ``user`` may read: everything for the office, leaders and auditors; for a unit, the
        tasks it leads or co-operates on and the sub-tasks cascaded from them."""
        role = Role.of(user)
        if role in {Role.OFFICE, Role.LEADER, Role.AUDITOR}:
            return self
        unit = unit_of(user)
        if role in Role.unit_roles() and unit is not None:
            # one IN over the union: the database starts from the unit's few links (PostgreSQL read every
            # task for IN (…) OR IN (…), 126 ms where the union takes 2 ms; a correlated EXISTS would run
            # for every task)
            theirs = TaskUnit.objects.filter(unit=unit).order_by().values("task_id")
            cascaded = Task.objects.filter(parent_id__in=theirs).order_by().values("id")
            return self.filter(pk__in=theirs.union(cascaded))
        return self.none()

    def overdue(self, today: dt.date | None = None) -> TaskQuerySet:
        today = today or timezone.localdate()
        return (
            self.active()
            .filter(deadline__lt=today, deadline_kind__in=[DeadlineKind.DATE, DeadlineKind.YEAR_END])
            .exclude(progress_status=ProgressStatus.DONE)
        )

    def filtered(
        self,
        *,
        decision: Decision | None = None,
        section: Section | None = None,
        unit: Unit | None = None,
        league: Unit | None = None,
        status: str = "",
        deadline: str = "",
        has_target: bool | None = None,
        q: str = "",
        subtasks: str = "",
        today: dt.date | None = None,
    ) -> TaskQuerySet:
        """The task list's filters; each is optional and they combine with AND.

        ``decision``, ``section``, ``unit`` and ``league`` say which set of tasks is listed; with
        ``subtasks="in_parent"`` the set's active tasks are then counted as every figure counts them
        (``counted``), and the other filters pick from what is left, so that the list shows exactly the
        tasks a figure counts."""
        qs = self
        today = today or timezone.localdate()
        if decision is not None:
            qs = qs.filter(decision=decision)
        if section is not None:
            prefix = section.key + "."
            qs = qs.filter(
                Q(section=section) | Q(section__key__startswith=prefix, decision=section.decision_id)
            )
        if unit is not None:
            qs = qs.filter(pk__in=TaskUnit.objects.filter(unit=unit).values("task_id"))
        if league is not None:
            qs = qs.filter(pk__in=TaskUnit.objects.filter(league=league).values("task_id"))
        if subtasks == "in_parent" and status != "withdrawn":
            qs = qs.active().counted()
        if status == "withdrawn":
            qs = qs.exclude(state=TaskState.ACTIVE)
        elif status:
            qs = qs.filter(state=TaskState.ACTIVE, progress_status=status)
        if deadline == "overdue":
            qs = qs.overdue(today)
        elif deadline == "30d":
            qs = qs.filter(deadline__gte=today, deadline__lte=today + dt.timedelta(days=30))
        elif deadline == "year":
            qs = qs.filter(deadline__year=today.year)
        elif deadline == "ongoing":
            qs = qs.filter(deadline_kind=DeadlineKind.ONGOING)
        elif deadline == "none":
            qs = qs.filter(deadline_kind=DeadlineKind.NONE)
        if has_target is not None:
            qs = qs.filter(has_targets=has_target)
        for word in q.split():
            qs = qs.filter(Q(text__icontains=word) | Q(key=word))
        return qs

    def counted(self) -> TaskQuerySet:
        """This set as the figures count it: without the sub-tasks whose parent task is in the set too
        (they count through their parent: luoshi.figures.tasks, docs/figures.md)."""
        return self.exclude(parent__in=self.values("pk"))

    def for_list(self) -> TaskQuerySet:
        """What a list of tasks shows, in one query: the lead unit and the section."""
        return self.select_related("lead_unit", "section", "decision").order_by("decision_id", "order", "id")


class Task(Versioned, Audited):
    decision = models.ForeignKey(
        Decision, verbose_name=_("决定"), on_delete=models.PROTECT, related_name="tasks"
    )
    section = models.ForeignKey(
        Section, verbose_name=_("章节"), null=True, blank=True, on_delete=models.PROTECT, related_name="tasks"
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级任务"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="subtasks",
    )
    key = models.CharField(_("编号"), max_length=60)
    source_key = models.CharField(_("原始条目编号"), max_length=40, blank=True)
    source_text = models.TextField(_("原始文本"), blank=True)
    text = models.TextField(_("任务内容"))
    kind = models.CharField(_("条目类型"), max_length=20, blank=True)
    tags = models.JSONField(_("提及的工程、行动"), default=list, blank=True)
    order = models.PositiveIntegerField(_("顺序"), default=0)
    state = models.CharField(
        _("状态"), max_length=12, choices=TaskState.choices, default=TaskState.ACTIVE, db_index=True
    )
    state_note = models.TextField(_("状态说明"), blank=True)
    origin = models.CharField(
        _("来源"), max_length=12, choices=TaskOrigin.choices, default=TaskOrigin.IMPORTED
    )
    derived_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="derived",
        verbose_name=_("拆分自"),
    )
    replaced_by = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaces",
        verbose_name=_("合并入"),
    )
    # assignment (任务分工)
    lead_unit = models.ForeignKey(
        Unit,
        verbose_name=_("牵头单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_tasks",
    )
    units = models.ManyToManyField(
        Unit, through="TaskUnit", through_fields=("task", "unit"), related_name="tasks", blank=True
    )
    responsible = models.CharField(_("责任人"), max_length=100, blank=True)
    deadline_kind = models.CharField(
        _("完成时限"), max_length=12, choices=DeadlineKind.choices, default=DeadlineKind.NONE, blank=True
    )
    deadline = models.DateField(_("截止日期"), null=True, blank=True, db_index=True)
    deadline_note = models.CharField(_("时限说明"), max_length=100, blank=True)
    assigned_at = models.DateTimeField(_("分工确认时间"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # the task's own progress, as of its lead unit's last accepted report (a parent's sub-tasks roll
    # up where shown: luoshi.figures.tasks)
    progress_status = models.CharField(
        _("进展"), max_length=12, choices=ProgressStatus.choices, default=ProgressStatus.NONE, db_index=True
    )
    percent = models.PositiveSmallIntegerField(_("完成百分比"), null=True, blank=True)
    progress_period = models.CharField(_("进展所属周期"), max_length=8, blank=True)
    has_targets = models.BooleanField(_("含量化目标"), default=False, db_index=True)

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("任务")
        verbose_name_plural = _("任务")
        ordering = ["decision_id", "order", "id"]
        indexes = [
            models.Index(fields=["decision", "order"]),
            models.Index(fields=["state", "decision", "order", "id"], name="task_list_order"),
            models.Index(fields=["lead_unit", "state"]),
            models.Index(fields=["state", "progress_status"]),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.text[:40]}"

    def audit_task(self) -> Task:
        return self

    # -- reading ----------------------------------------------------------------------------------------
    @property
    def is_active(self) -> bool:
        return self.state == TaskState.ACTIVE

    @property
    def is_assigned(self) -> bool:
        return self.assigned_at is not None

    def deadline_display(self) -> str:
        if self.deadline_kind == DeadlineKind.DATE and self.deadline:
            return day(self.deadline)
        if self.deadline_kind == DeadlineKind.YEAR_END and self.deadline:
            return gettext("%(year)s年内") % {"year": self.deadline.year}
        if self.deadline_kind == DeadlineKind.TEXT:
            return self.deadline_note
        return str(self.get_deadline_kind_display()) if self.deadline_kind else ""

    def is_overdue(self, today: dt.date | None = None) -> bool:
        today = today or timezone.localdate()
        return (
            self.is_active
            and self.deadline_kind in {DeadlineKind.DATE, DeadlineKind.YEAR_END}
            and self.deadline is not None
            and self.deadline < today
            and self.progress_status != ProgressStatus.DONE
        )

    def co_units(self) -> list[Unit]:
        return [tu.unit for tu in self.task_units.select_related("unit") if tu.role == TaskUnitRole.CO]

    def unit_names(self) -> list[str]:
        return sorted(u.name for u in self.units.all())

    def involves(self, unit: Unit | None) -> bool:
        if unit is None:
            return False
        return self.task_units.filter(unit=unit).exists()

    # -- permissions (rules, enforced by views and tested without HTTP) ----------------------------------
    def can_edit(self, user: Any) -> bool:
        """Reword, split, merge, withdraw, assign: the office only."""
        return Role.of(user) == Role.OFFICE

    def can_report(self, user: Any) -> bool:
        """Write a progress report: a reporter of a unit this task involves."""
        return (
            self.is_active
            and Role.of(user) == Role.REPORTER
            and unit_of(user) is not None
            and self.involves(unit_of(user))
        )

    def can_cascade(self, user: Any) -> bool:
        """Split into sub-tasks for banners and departments: the office, or the league or city this
        task involves (its reporter or leader). One level deep."""
        if not self.is_active or self.parent_id is not None:
            return False
        role = Role.of(user)
        if role == Role.OFFICE:
            return True
        unit = unit_of(user)
        return (
            role in Role.unit_roles()
            and unit is not None
            and unit.kind == UnitKind.LEAGUE_CITY
            and self.involves(unit)
        )

    def _require(self, allowed: bool) -> None:
        if not allowed:
            raise PermissionDenied(gettext("你没有权限进行此操作。"))

    # -- editing (the office) --------------------------------------------------------------------------
    def _require_active(self) -> None:
        if not self.is_active:
            raise ValidationError(gettext("该任务已撤销、拆分或合并，不能再修改。"))

    def reword(self, text: str, *, by: Any, note: str = "") -> None:
        self._require(self.can_edit(by))
        self._require_active()
        text = text.strip()
        if not text:
            raise ValidationError(gettext("任务内容不能为空。"))
        self.text = text
        self.audit_as("reword", note, by=by)
        self.save()

    def withdraw(self, reason: str, *, by: Any) -> None:
        self._require(self.can_edit(by))
        self._require_active()
        if not reason.strip():
            raise ValidationError(gettext("撤销任务须说明理由。"))
        self.state = TaskState.WITHDRAWN
        self.state_note = reason.strip()
        self.audit_as("withdraw", reason.strip(), by=by)
        self.save()

    def restore(self, *, by: Any) -> None:
        self._require(self.can_edit(by))
        if self.state != TaskState.WITHDRAWN:
            raise ValidationError(gettext("只有已撤销的任务可以恢复。"))
        self.state = TaskState.ACTIVE
        self.audit_as("restore", by=by)
        self.save()

    def split(self, texts: Sequence[str], *, by: Any) -> list[Task]:
        """Replace this task by several, each with the same assignment; targets follow their text."""
        self._require(self.can_edit(by))
        self._require_active()
        texts = [t.strip() for t in texts if t.strip()]
        if len(texts) < 2:
            raise ValidationError(gettext("拆分至少需要两条任务内容。"))
        with transaction.atomic():
            parts = []
            for n, text in enumerate(texts, start=1):
                part = self._copy(
                    text=text, key=f"{self.key}-{n}", origin=TaskOrigin.SPLIT, derived_from=self
                )
                parts.append(part)
            for target in self.targets.all():
                home = next((p for p in parts if target.text and target.text in p.text), None)
                home = home or next(
                    (p for p in parts if target.indicator and target.indicator in p.text), parts[0]
                )
                target.task = home
                target.save()
            for part in parts:
                part.refresh_has_targets()
            self.state = TaskState.SPLIT
            self.state_note = gettext("拆分为 %(keys)s") % {"keys": "、".join(p.key for p in parts)}
            self.audit_as("split", self.state_note, by=by)
            self.save()
        return parts

    @classmethod
    def merge(cls, tasks: Sequence[Task], *, text: str = "", by: Any) -> Task:
        tasks = sorted(tasks, key=lambda t: (t.order, t.pk))
        if len(tasks) < 2:
            raise ValidationError(gettext("合并至少需要两项任务。"))
        for t in tasks:
            t._require(t.can_edit(by))
            t._require_active()
        if len({t.decision_id for t in tasks}) != 1:
            raise ValidationError(gettext("只能合并同一决定中的任务。"))
        first = tasks[0]
        with transaction.atomic():
            merged = first._copy(
                text=text.strip() or "".join(t.text for t in tasks),
                key="+".join(t.key for t in tasks)[:60],
                origin=TaskOrigin.MERGED,
                derived_from=None,
                units_from=tasks,
            )
            for t in tasks:
                for target in t.targets.all():
                    target.task = merged
                    target.save()
                t.state = TaskState.MERGED
                t.replaced_by = merged
                t.state_note = gettext("合并入 %(key)s") % {"key": merged.key}
                t.audit_as("merge", t.state_note, by=by)
                t.save()
            merged.refresh_has_targets()
        return merged

    def _copy(
        self, *, text: str, key: str, origin: str, derived_from: Task | None, units_from: Sequence[Task] = ()
    ) -> Task:
        new = Task.objects.create(
            decision=self.decision,
            section=self.section,
            parent=self.parent,
            key=key,
            source_key=self.source_key,
            source_text=self.source_text,
            text=text,
            kind=self.kind,
            tags=list(self.tags),
            order=self.order,
            origin=origin,
            derived_from=derived_from,
            lead_unit=self.lead_unit,
            responsible=self.responsible,
            deadline_kind=self.deadline_kind,
            deadline=self.deadline,
            deadline_note=self.deadline_note,
            assigned_at=self.assigned_at,
            assigned_by=self.assigned_by,
        )
        seen = set()
        for source in [self, *units_from]:
            for tu in source.task_units.all():
                if tu.unit_id in seen:
                    continue
                seen.add(tu.unit_id)
                role = TaskUnitRole.LEAD if tu.unit_id == new.lead_unit_id else TaskUnitRole.CO
                TaskUnit.objects.create(task=new, unit_id=tu.unit_id, role=role, league_id=tu.league_id)
        for place in self.places.all():
            TaskPlace.objects.create(task=new, code=place.code, name=place.name, level=place.level)
        return new

    def refresh_has_targets(self) -> None:
        has = self.targets.filter(withdrawn=False).exists()
        if has != self.has_targets:
            Task.objects.filter(pk=self.pk).update(has_targets=has)
            self.has_targets = has

    # -- assignment ----------------------------------------------------------------------------------
    def assign(
        self,
        *,
        by: Any,
        lead: Unit | None,
        co: Iterable[Unit] = (),
        responsible: str = "",
        deadline_kind: str = "",
        deadline: dt.date | None = None,
        deadline_note: str = "",
        note: str = "",
    ) -> None:
        """Set (or confirm) who leads, who co-operates, who answers for it and by when."""
        self._require(self.can_edit(by))
        self._require_active()
        if lead is None:
            raise ValidationError({"lead_unit": gettext("请指定牵头单位。")})
        co_units = [u for u in dict.fromkeys(co) if u.pk != lead.pk]
        if deadline_kind == DeadlineKind.DATE and deadline is None:
            raise ValidationError({"deadline": gettext("按期完成的任务须填写截止日期。")})
        if deadline_kind == DeadlineKind.YEAR_END and deadline is None:
            deadline = dt.date(self.decision.year or timezone.localdate().year, 12, 31)
        if deadline_kind == DeadlineKind.TEXT and not deadline_note.strip():
            raise ValidationError({"deadline_note": gettext("请填写时限说明，例如“2025年底前”。")})
        if deadline_kind in {DeadlineKind.ONGOING, DeadlineKind.NONE}:
            deadline = None
        before_units = self._unit_labels()
        with transaction.atomic():
            wanted = {lead.pk: TaskUnitRole.LEAD, **{u.pk: TaskUnitRole.CO for u in co_units}}
            existing = {tu.unit_id: tu for tu in self.task_units.all()}
            for unit_id, tu in existing.items():
                if unit_id not in wanted:
                    TaskUnit.objects.filter(pk=tu.pk).delete()
                elif tu.role != wanted[unit_id]:
                    TaskUnit.objects.filter(pk=tu.pk).update(role=wanted[unit_id])
            for unit in [lead, *co_units]:
                if unit.pk not in existing:
                    TaskUnit.objects.create(
                        task=self, unit=unit, role=wanted[unit.pk], league_id=unit.league_id
                    )
            self.lead_unit = lead
            self.responsible = responsible.strip()
            self.deadline_kind = deadline_kind
            self.deadline = deadline
            self.deadline_note = deadline_note.strip() if deadline_kind == DeadlineKind.TEXT else ""
            self.assigned_at = timezone.now()
            self.assigned_by = by if getattr(by, "pk", None) else None
            self.audit_as("assign", note, by=by, units=(before_units, self._unit_labels()))
            self.save()

    def _unit_labels(self) -> list[str]:
        return [
            f"{tu.get_role_display()}:{tu.unit.name}"
            for tu in self.task_units.select_related("unit").order_by("role", "unit__order", "unit_id")
        ]

    # -- cascade (分解) ---------------------------------------------------------------------------------
    def cascade(self, parts: Sequence[tuple[Unit, str]], *, by: Any) -> list[Task]:
        """Split this task into sub-tasks, one per banner, county or department of a league or city."""
        self._require(self.can_cascade(by))
        if not parts:
            raise ValidationError(gettext("请至少分解出一项子任务。"))
        acting = unit_of(by)
        made = []
        with transaction.atomic():
            start = self.subtasks.count()
            for n, (unit, text) in enumerate(parts, start=start + 1):
                if acting is not None and unit.league_id != acting.pk:
                    raise ValidationError(
                        gettext("%(unit)s 不属于 %(league)s，不能分解给它。")
                        % {"unit": unit, "league": acting}
                    )
                if not text.strip():
                    raise ValidationError(gettext("子任务内容不能为空。"))
                sub = Task.objects.create(
                    decision=self.decision,
                    section=self.section,
                    parent=self,
                    key=f"{self.key}/{n}",
                    text=text.strip(),
                    kind=self.kind,
                    order=self.order,
                    origin=TaskOrigin.CASCADE,
                    lead_unit=unit,
                    responsible="",
                    deadline_kind=self.deadline_kind,
                    deadline=self.deadline,
                    deadline_note=self.deadline_note,
                    assigned_at=timezone.now(),
                    assigned_by=by if getattr(by, "pk", None) else None,
                )
                TaskUnit.objects.create(task=sub, unit=unit, role=TaskUnitRole.LEAD, league_id=unit.league_id)
                made.append(sub)
        return made

    def record_progress(self, *, percent: int, status: str, period: str) -> None:
        """Take the progress of an accepted report of the lead unit. A parent task keeps its own
        progress here; what its sub-tasks add up to is computed where it is shown
        (``luoshi.figures.tasks.roll_up``), and its light reflects them (``luoshi.supervision.lights``)."""
        self.percent = percent
        self.progress_status = status
        self.progress_period = period
        self.audit_as("progress")
        self.save()


class TaskUnit(models.Model):
    """A unit's part in a task: lead (牵头) or co-operating (配合). Replaced on reassignment; the change is
    recorded in the task's audit entry."""

    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="task_units")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="task_units")
    role = models.CharField(_("分工"), max_length=4, choices=TaskUnitRole.choices)
    league = models.ForeignKey(Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("任务分工")
        verbose_name_plural = _("任务分工")
        constraints = [models.UniqueConstraint(fields=["task", "unit"], name="task_unit_unique")]
        indexes = [models.Index(fields=["unit", "task"]), models.Index(fields=["league", "task"])]

    def __str__(self) -> str:
        return f"{self.get_role_display()} {self.unit_id}"


class Target(Audited):
    """A quantitative target, relation or milestone read from the decision, attached to a task."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="targets")
    task = models.ForeignKey(Task, null=True, blank=True, on_delete=models.PROTECT, related_name="targets")
    key = models.CharField(_("编号"), max_length=20)
    kind = models.CharField(_("类型"), max_length=12)
    indicator = models.CharField(_("指标"), max_length=200)
    scope = models.CharField(_("范围"), max_length=60, blank=True)
    comparator = models.CharField(_("比较"), max_length=4, blank=True)
    value = models.FloatField(_("目标值"), null=True, blank=True)
    value_max = models.FloatField(_("目标值上限"), null=True, blank=True)
    unit = models.CharField(_("单位"), max_length=30, blank=True)
    year = models.PositiveIntegerField(_("目标年份"), null=True, blank=True)
    start_year = models.PositiveIntegerField(_("起始年份"), null=True, blank=True)
    reference = models.CharField(_("参照指标"), max_length=200, blank=True)
    text = models.TextField(_("原文"), blank=True)
    withdrawn = models.BooleanField(_("已不在修订稿中"), default=False)

    class Meta:
        verbose_name = _("量化目标")
        verbose_name_plural = _("量化目标")
        ordering = ["decision_id", "id"]

    def __str__(self) -> str:
        return self.describe()

    def audit_task(self) -> Task | None:
        return self.task

    def describe(self) -> str:
        if self.kind == "relational":
            return f"{self.indicator} {self.comparator} {self.reference}"
        value = (
            ""
            if self.value is None
            else (f"{self.value:g}" if self.value_max is None else f"{self.value:g}—{self.value_max:g}")
        )
        year = f"{self.year}年 " if self.year else ""
        return f"{year}{self.indicator} {self.comparator or ''} {value}{self.unit or ''}".strip()


class TaskPlace(models.Model):
    """A place the task's text names, by its administrative division code."""

    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="places")
    code = models.CharField(max_length=12, db_index=True)
    name = models.CharField(max_length=60)
    level = models.CharField(max_length=12)

    class Meta:
        verbose_name = _("提及地区")
        verbose_name_plural = _("提及地区")
        constraints = [models.UniqueConstraint(fields=["task", "code"], name="task_place_unique")]

    def __str__(self) -> str:
        return self.name


class Milestone(Audited):
    """A 形象进度 node: what should visibly be done by a date (usually the end of a quarter)."""

    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="milestones")
    due = models.DateField(_("节点日期"))
    description = models.CharField(_("形象进度"), max_length=300)
    withdrawn = models.BooleanField(_("已撤销"), default=False)

    class Meta:
        verbose_name = _("形象进度节点")
        verbose_name_plural = _("形象进度节点")
        ordering = ["task_id", "due", "id"]

    def __str__(self) -> str:
        return f"{day(self.due)} {self.description}"

    def audit_task(self) -> Task:
        return self.task


class SavedView(Audited):
    """A task list filter a user saved under a name."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="saved_views")
    name = models.CharField(_("名称"), max_length=60)
    query = models.CharField(_("筛选条件"), max_length=1000)
    archived = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("保存的视图")
        verbose_name_plural = _("保存的视图")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name
