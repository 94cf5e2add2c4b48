"""Status lights (红黄绿灯): one per task, one per reporting obligation (a unit's reports on a task),
stored with their reason and the day they turned that colour, so that lists, the dashboard and the
API can filter on them without recomputing anything."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from luoshi.figures import colours
from luoshi.ledger.models import Audited, Role, Task, Unit, unit_of
from luoshi.ledger.models.audit import NoDeleteQuerySet

from .. import reasons


class Color(models.TextChoices):
    """The lights the run stores: ``luoshi.figures.colours`` names and orders them (one list)."""

    RED = colours.RED, colours.LABELS[colours.RED]
    YELLOW = colours.YELLOW, colours.LABELS[colours.YELLOW]
    GREEN = colours.GREEN, colours.LABELS[colours.GREEN]
    UNASSIGNED = colours.UNASSIGNED, colours.LABELS[colours.UNASSIGNED]
    UNDATED = colours.UNDATED, colours.LABELS[colours.UNDATED]
    DONE = colours.DONE, colours.LABELS[colours.DONE]
    SUSPENDED = colours.SUSPENDED, colours.LABELS[colours.SUSPENDED]


# worst first: a task takes the worst colour of its own rules and of its reporting obligations
SEVERITY = {Color(c): n for c, n in colours.SEVERITY.items() if c != colours.NONE}


class LightBase(models.Model):
    color = models.CharField(_("状态"), max_length=10, choices=Color.choices, db_index=True)
    code = models.CharField(_("原因代码"), max_length=24)
    params = models.JSONField(_("原因参数"), default=dict)
    reason = models.CharField(_("原因"), max_length=300)
    since = models.DateField(_("起始日期"), help_text=_("转为当前状态的日期"))
    computed_at = models.DateTimeField(_("计算时间"))

    class Meta:
        abstract = True

    def reason_display(self) -> str:
        """The reason in the active language (``reason`` keeps the text as computed)."""
        return reasons.describe(self.code, self.params)


class CountsMixin:
    def counts(self) -> dict[str, int]:
        """How many lights of each colour (one query), for lights of any set: task lights are counted
        as tasks through ``luoshi.figures.tasks`` (sub-tasks through their parent)."""
        out = dict.fromkeys(Color.values, 0)
        for color, n in self.values_list("color").annotate(n=models.Count("pk")).order_by():  # type: ignore[attr-defined]
            out[color] = n
        return out


class TaskLightQuerySet(CountsMixin, models.QuerySet):
    def visible_to(self, user: Any) -> TaskLightQuerySet:
        return self.filter(task__in=Task.objects.visible_to(user))


class TaskLight(LightBase):
    """A task's light: ``task.light`` (one-to-one), kept by ``luoshi supervise``."""

    task = models.OneToOneField(Task, primary_key=True, on_delete=models.CASCADE, related_name="light")

    objects = TaskLightQuerySet.as_manager()

    class Meta:
        verbose_name = _("任务状态灯")
        verbose_name_plural = _("任务状态灯")
        indexes = [models.Index(fields=["color", "since"])]

    def __str__(self) -> str:
        return f"{self.task_id} {self.color}"


class ObligationLightQuerySet(CountsMixin, models.QuerySet):
    def visible_to(self, user: Any) -> ObligationLightQuerySet:
        role = Role.of(user)
        if role in {Role.OFFICE, Role.LEADER, Role.AUDITOR}:
            return self
        unit = unit_of(user)
        if role in Role.unit_roles() and unit is not None:
            return self.filter(unit=unit)
        return self.none()


class ObligationLight(LightBase):
    """The light of a unit's duty to report on a task: red once a period's report is missed."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="obligation_lights")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="obligation_lights")
    period = models.CharField(_("报送周期"), max_length=8, blank=True)
    due = models.DateField(_("报送截止"), null=True, blank=True)
    missed = models.PositiveSmallIntegerField(_("漏报期数"), default=0)

    objects = ObligationLightQuerySet.as_manager()

    class Meta:
        verbose_name = _("报送状态灯")
        verbose_name_plural = _("报送状态灯")
        constraints = [models.UniqueConstraint(fields=["task", "unit"], name="obligation_light_unique")]
        indexes = [models.Index(fields=["unit", "color"]), models.Index(fields=["color", "since"])]

    def __str__(self) -> str:
        return f"{self.task_id}/{self.unit_id} {self.color}"


class SuspensionQuerySet(NoDeleteQuerySet):
    def in_force(self, today: dt.date | None = None) -> SuspensionQuerySet:
        today = today or timezone.localdate()
        return self.filter(lifted_at__isnull=True, start__lte=today).filter(
            Q(until__isnull=True) | Q(until__gte=today)
        )


class Suspension(Audited):
    """The office suspends (暂缓) supervision of a task, for all its units or one, with a reason."""

    task = models.ForeignKey(
        Task, verbose_name=_("任务"), on_delete=models.PROTECT, related_name="suspensions"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("留空：该任务的所有单位。"),
    )
    reason = models.CharField(_("暂缓理由"), max_length=300)
    start = models.DateField(_("起始日期"), default=timezone.localdate)
    until = models.DateField(_("截止日期"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lifted_at = models.DateTimeField(_("解除时间"), null=True, blank=True)

    objects = SuspensionQuerySet.as_manager()

    class Meta:
        verbose_name = _("暂缓督办")
        verbose_name_plural = _("暂缓督办")
        ordering = ["-start", "-id"]

    def __str__(self) -> str:
        return f"{self.task.key} {self.reason}"

    def audit_task(self) -> Task:
        return self.task

    @classmethod
    def suspend(
        cls, task: Task, *, reason: str, by: Any, unit: Unit | None = None, until: dt.date | None = None
    ) -> Suspension:
        if Role.of(by) != Role.OFFICE:
            raise PermissionDenied(gettext("你没有权限进行此操作。"))
        if not reason.strip():
            raise ValidationError(gettext("暂缓督办须说明理由。"))
        s = cls(task=task, unit=unit, reason=reason.strip(), until=until, created_by=by)
        s.audit_as("suspend", reason.strip(), by=by)
        s.save()
        return s

    def lift(self, *, by: Any) -> None:
        if Role.of(by) != Role.OFFICE:
            raise PermissionDenied(gettext("你没有权限进行此操作。"))
        self.lifted_at = timezone.now()
        self.audit_as("lift", by=by)
        self.save()
