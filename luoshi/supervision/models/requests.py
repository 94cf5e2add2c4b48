"""Requests a unit files with the office: an extension (延期申请) with a reason and a new date, or a
completion (办结申请) with evidence. The office approves or refuses; every step is in the audit trail."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.models import Audited, DeadlineKind, ProgressStatus, Role, Task, Unit, unit_of
from luoshi.ledger.models.audit import NoDeleteQuerySet
from luoshi.progress.periods import Period
from luoshi.web.display import day


class RequestKind(models.TextChoices):
    EXTENSION = "extension", _("延期申请")
    COMPLETION = "completion", _("办结申请")


class RequestState(models.TextChoices):
    PENDING = "pending", _("待审批")
    APPROVED = "approved", _("已同意")
    REFUSED = "refused", _("未同意")
    WITHDRAWN = "withdrawn", _("已撤回")


class RequestQuerySet(NoDeleteQuerySet):
    def visible_to(self, user: Any) -> RequestQuerySet:
        role = Role.of(user)
        if role in {Role.OFFICE, Role.LEADER, Role.AUDITOR}:
            return self
        unit = unit_of(user)
        if role in Role.unit_roles() and unit is not None:
            return self.filter(unit=unit)
        return self.none()

    def pending(self) -> RequestQuerySet:
        return self.filter(state=RequestState.PENDING)


class Request(Audited):
    task = models.ForeignKey(Task, verbose_name=_("任务"), on_delete=models.PROTECT, related_name="requests")
    unit = models.ForeignKey(Unit, verbose_name=_("申请单位"), on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("类别"), max_length=12, choices=RequestKind.choices)
    reason = models.TextField(_("理由"))
    new_date = models.DateField(_("申请延期至"), null=True, blank=True)
    old_deadline = models.DateField(_("原完成时限"), null=True, blank=True)
    state = models.CharField(
        _("状态"), max_length=10, choices=RequestState.choices, default=RequestState.PENDING, db_index=True
    )
    filed_at = models.DateTimeField(_("申请时间"), default=timezone.now)
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("审批时间"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("审批意见"), blank=True)
    on_time = models.BooleanField(_("按期"), default=True, help_text=_("办结申请是否在完成时限内提出"))

    objects = RequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("延期、办结申请")
        verbose_name_plural = _("延期、办结申请")
        ordering = ["-filed_at", "-id"]
        indexes = [models.Index(fields=["unit", "state"]), models.Index(fields=["state", "decided_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.task.key}"

    def audit_task(self) -> Task:
        return self.task

    # -- rules ----------------------------------------------------------------------------------------
    @staticmethod
    def can_file(user: Any, task: Task) -> bool:
        """The lead unit's reporter or leader files for an active task that is not done."""
        unit = unit_of(user)
        return (
            task.is_active
            and task.progress_status != ProgressStatus.DONE
            and Role.of(user) in Role.unit_roles()
            and unit is not None
            and task.lead_unit_id == unit.pk
        )

    def can_decide(self, user: Any) -> bool:
        return self.state == RequestState.PENDING and Role.of(user) == Role.OFFICE

    def can_withdraw(self, user: Any) -> bool:
        unit = unit_of(user)
        return self.state == RequestState.PENDING and unit is not None and unit.pk == self.unit_id

    # -- workflow -------------------------------------------------------------------------------------
    @classmethod
    def file(
        cls,
        task: Task,
        *,
        kind: str,
        reason: str,
        by: Any,
        new_date: dt.date | None = None,
        files: Sequence[Any] = (),
        today: dt.date | None = None,
    ) -> Request:
        if not cls.can_file(by, task):
            raise PermissionDenied(gettext("只有牵头单位可以就进行中的任务提出申请。"))
        today = today or timezone.localdate()
        if not reason.strip():
            raise ValidationError({"reason": gettext("请说明理由。")})
        if cls.objects.filter(task=task, kind=kind, state=RequestState.PENDING).exists():
            raise ValidationError(gettext("该任务已有同类申请待审批。"))
        if kind == RequestKind.EXTENSION:
            if new_date is None or new_date <= today:
                raise ValidationError({"new_date": gettext("请填写今天以后的新完成时限。")})
            if task.deadline is not None and new_date <= task.deadline:
                raise ValidationError({"new_date": gettext("新完成时限应晚于原完成时限。")})
        elif kind == RequestKind.COMPLETION:
            if not files:
                raise ValidationError({"files": gettext("办结申请须附佐证材料。")})
        else:
            raise ValidationError(gettext("未知的申请类别。"))
        unit = unit_of(by)
        with transaction.atomic():
            request = cls(
                task=task,
                unit=unit,
                kind=kind,
                reason=reason.strip(),
                new_date=new_date if kind == RequestKind.EXTENSION else None,
                old_deadline=task.deadline,
                filed_by=by,
                on_time=task.deadline is None or today <= task.deadline,
            )
            request.audit_as("file", reason.strip(), by=by)
            request.save()
            for upload in files:
                RequestFile.attach(request, upload, by=by)
        return request

    def approve(self, *, by: Any, note: str = "") -> None:
        if not self.can_decide(by):
            raise PermissionDenied(gettext("你没有权限进行此操作，或申请已处理。"))
        with transaction.atomic():
            task = Task.objects.select_for_update().get(pk=self.task_id)
            if self.kind == RequestKind.EXTENSION:
                task.deadline_kind = DeadlineKind.DATE
                task.deadline = self.new_date
                task.audit_as(
                    "extend",
                    gettext("同意延期至%(date)s") % {"date": day(self.new_date)},
                    by=by,
                )
                task.save()
            else:
                task.percent = 100
                task.progress_status = ProgressStatus.DONE
                # done in the period of the approval: the unit owes no report for later periods
                # (luoshi.figures.reporting), and still owes the ones before
                now = Period.containing(timezone.localdate(), task.decision.reporting_period)
                if _ends_before(task.progress_period, now):
                    task.progress_period = now.key
                task.audit_as("complete", note.strip() or gettext("同意办结"), by=by)
                task.save()
            self._decide(RequestState.APPROVED, "approve", note, by)

    def refuse(self, *, by: Any, note: str) -> None:
        if not self.can_decide(by):
            raise PermissionDenied(gettext("你没有权限进行此操作，或申请已处理。"))
        if not note.strip():
            raise ValidationError({"note": gettext("不同意时请写明理由。")})
        self._decide(RequestState.REFUSED, "refuse", note, by)

    def withdraw(self, *, by: Any) -> None:
        if not self.can_withdraw(by):
            raise PermissionDenied(gettext("你没有权限进行此操作，或申请已处理。"))
        self.state = RequestState.WITHDRAWN
        self.audit_as("withdraw", by=by)
        self.save()

    def _decide(self, state: str, action: str, note: str, by: Any) -> None:
        self.state = state
        self.note = note.strip()
        self.decided_at = timezone.now()
        self.decided_by = by
        self.audit_as(action, note.strip(), by=by)
        self.save()

    def history(self) -> Any:
        from luoshi.ledger.models import AuditEntry

        return AuditEntry.objects.filter(model=self._meta.label_lower, object_id=str(self.pk)).order_by(
            "at", "id"
        )


def _ends_before(key: str, period: Period) -> bool:
    """Is the period ``key`` (or no period at all) over before ``period`` ends?"""
    try:
        return not key or Period.parse(key).end < period.end
    except ValueError:
        return True


def request_file_path(instance: RequestFile, filename: str) -> str:
    now = timezone.now()
    return f"requests/{now:%Y/%m}/{instance.sha256[:16]}-{instance.request_id}.{instance.kind}"


class RequestFile(Audited):
    """Evidence attached to a request; checked by content like report evidence."""

    request = models.ForeignKey(Request, on_delete=models.PROTECT, related_name="files")
    file = models.FileField(_("文件"), upload_to=request_file_path, max_length=300)
    name = models.CharField(_("文件名"), max_length=200)
    kind = models.CharField(_("类型"), max_length=8)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField(_("大小"))
    sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("申请附件")
        verbose_name_plural = _("申请附件")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    def audit_task(self) -> Task:
        return self.request.task

    @classmethod
    def attach(cls, request: Request, upload: Any, *, by: Any) -> RequestFile:
        from luoshi.ledger.uploads import EVIDENCE_KINDS, accept, store

        a = accept(upload, EVIDENCE_KINDS)
        f = cls(
            request=request,
            name=a.name,
            kind=a.kind,
            content_type=a.content_type,
            size=a.size,
            sha256=a.sha256,
        )
        f.audit_as("attach", by=by)
        store(f, upload, a.name)
        return f
