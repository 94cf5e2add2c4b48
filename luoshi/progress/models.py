"""Progress reports: one per task, unit and period, with measured values and evidence files.

Workflow: draft → submitted (by the unit's reporter) → approved (by the unit's leader) → accepted, or
returned with comments (by the office). A returned report goes back to the reporter and keeps its
history in the audit trail.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.models import Audited, Role, Target, Task, Unit, Versioned, unit_of
from luoshi.ledger.models.audit import NoDeleteQuerySet

from .periods import Period


class ReportState(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("待单位审核")
    APPROVED = "approved", _("待督查室审核")
    ACCEPTED = "accepted", _("已采纳")
    RETURNED = "returned", _("已退回")


class Claim(models.TextChoices):
    ON_TRACK = "on_track", _("正常推进")
    AT_RISK = "at_risk", _("存在风险")
    BEHIND = "behind", _("进度滞后")
    DONE = "done", _("已完成")


# States in which a report is still inside its unit: no one outside the unit sees it.
UNIT_INTERNAL = (ReportState.DRAFT, ReportState.SUBMITTED)
EDITABLE = (ReportState.DRAFT, ReportState.RETURNED)
# States in which a report has been handed in for its period (已报送): a returned one must be filed
# again. The one definition (luoshi.figures.reporting, docs/figures.md).
HANDED_IN = (ReportState.SUBMITTED, ReportState.APPROVED, ReportState.ACCEPTED)


class ReportQuerySet(NoDeleteQuerySet):
    def visible_to(self, user: Any) -> ReportQuerySet:
        """A unit sees its own reports in every state, and (for a league or city) the reports of
        sub-tasks it cascaded once they leave the banner. Everyone else sees reports only once they
        have left the unit: a unit's drafts are never seen outside it."""
        role = Role.of(user)
        if role in {Role.OFFICE, Role.LEADER, Role.AUDITOR}:
            return self.exclude(state__in=UNIT_INTERNAL)
        unit = unit_of(user)
        if role in Role.unit_roles() and unit is not None:
            # a subquery rather than a join: no duplicate rows to remove, so no DISTINCT over the lot
            cascaded = Task.objects.filter(parent__task_units__unit=unit).values("pk")
            return self.filter(Q(unit=unit) | (Q(task_id__in=cascaded) & ~Q(state__in=UNIT_INTERNAL)))
        return self.none()

    def awaiting(self, user: Any) -> ReportQuerySet:
        """Reports waiting for ``user`` to act: a leader's unit's submitted ones, the office's approved ones."""
        role = Role.of(user)
        if role == Role.OFFICE:
            return self.filter(state=ReportState.APPROVED)
        if role == Role.UNIT_LEADER and unit_of(user) is not None:
            return self.filter(state=ReportState.SUBMITTED, unit=unit_of(user))
        return self.none()


class Report(Versioned, Audited):
    task = models.ForeignKey(Task, verbose_name=_("任务"), on_delete=models.PROTECT, related_name="reports")
    unit = models.ForeignKey(
        Unit, verbose_name=_("报送单位"), on_delete=models.PROTECT, related_name="reports"
    )
    period = models.CharField(_("报送周期"), max_length=8)
    narrative = models.TextField(_("进展情况"), blank=True)
    percent = models.PositiveSmallIntegerField(
        _("完成百分比"), default=0, validators=[MaxValueValidator(100)]
    )
    claim = models.CharField(_("进展判断"), max_length=12, choices=Claim.choices, default=Claim.ON_TRACK)
    problems = models.TextField(_("存在问题"), blank=True)
    next_steps = models.TextField(_("下步打算"), blank=True)
    state = models.CharField(
        _("状态"), max_length=12, choices=ReportState.choices, default=ReportState.DRAFT, db_index=True
    )
    review_comment = models.TextField(_("审核意见"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    approved_at = models.DateTimeField(_("单位审核时间"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("督查室审核时间"), null=True, blank=True)
    is_demo = models.BooleanField(_("演示数据"), default=False)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("进展报告")
        verbose_name_plural = _("进展报告")
        ordering = ["-period", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["task", "unit", "period"], name="report_task_unit_period_unique")
        ]
        indexes = [
            models.Index(fields=["unit", "state"]),
            models.Index(fields=["unit", "period"]),
            models.Index(fields=["task", "period"]),
        ]

    def __str__(self) -> str:
        return f"{self.task.key} · {self.unit} · {self.period_label}"

    def audit_task(self) -> Task:
        return self.task

    @property
    def period_label(self) -> str:
        try:
            return Period.parse(self.period).label
        except ValueError:
            return self.period

    @property
    def editable(self) -> bool:
        return self.state in EDITABLE

    def clean(self) -> None:
        try:
            Period.parse(self.period)
        except ValueError as e:
            raise ValidationError({"period": str(e)}) from None
        if self.claim == Claim.DONE and self.percent != 100:
            raise ValidationError({"percent": gettext("进展判断为“已完成”时，完成百分比应为100%。")})

    # -- rules -----------------------------------------------------------------------------------------
    def _member(self, user: Any, role: Role) -> bool:
        unit = unit_of(user)
        return Role.of(user) == role and unit is not None and unit.pk == self.unit_id

    def can_edit(self, user: Any) -> bool:
        return self.editable and self._member(user, Role.REPORTER)

    def can_submit(self, user: Any) -> bool:
        return self.editable and self._member(user, Role.REPORTER)

    def can_approve(self, user: Any) -> bool:
        return self.state == ReportState.SUBMITTED and self._member(user, Role.UNIT_LEADER)

    def can_send_back(self, user: Any) -> bool:
        """The unit's leader sends a submitted report back to its reporter."""
        return self.can_approve(user)

    def can_review(self, user: Any) -> bool:
        return self.state == ReportState.APPROVED and Role.of(user) == Role.OFFICE

    # -- workflow --------------------------------------------------------------------------------------
    def _transition(self, allowed: bool, state: str, action: str, note: str = "", *, by: Any = None) -> None:
        if not allowed:
            raise PermissionDenied(gettext("你没有权限进行此操作，或报告当前状态不允许此操作。"))
        self.state = state
        self.audit_as(action, note, by=by)
        self.save()

    def submit(self, *, by: Any) -> None:
        with transaction.atomic():
            if not self.narrative.strip():
                raise ValidationError(gettext("提交前请填写进展情况。"))
            self.submitted_at = timezone.now()
            self._transition(self.can_submit(by), ReportState.SUBMITTED, "submit", by=by)

    def approve(self, *, by: Any, comment: str = "") -> None:
        self.approved_at = timezone.now()
        self._transition(self.can_approve(by), ReportState.APPROVED, "approve", comment, by=by)

    def send_back(self, *, by: Any, comment: str) -> None:
        if not comment.strip():
            raise ValidationError(gettext("退回时请填写意见，说明需要修改什么。"))
        self.review_comment = comment.strip()
        self._transition(self.can_send_back(by), ReportState.RETURNED, "unit_return", comment.strip(), by=by)

    def accept(self, *, by: Any, comment: str = "") -> None:
        with transaction.atomic():
            self.reviewed_at = timezone.now()
            self.review_comment = comment.strip()
            self._transition(self.can_review(by), ReportState.ACCEPTED, "accept", comment.strip(), by=by)
            self._record_on_task()

    def return_(self, *, by: Any, comment: str) -> None:
        if not comment.strip():
            raise ValidationError(gettext("退回时请填写意见，说明需要修改什么。"))
        self.reviewed_at = timezone.now()
        self.review_comment = comment.strip()
        self._transition(self.can_review(by), ReportState.RETURNED, "return", comment.strip(), by=by)

    def _record_on_task(self) -> None:
        task = Task.objects.get(pk=self.task_id)
        if task.lead_unit_id != self.unit_id and task.lead_unit_id is not None:
            return  # a co-operating unit's report does not set the task's progress
        if task.progress_period and task.progress_period > self.period:
            return  # an older period accepted late does not overwrite a newer one
        task.record_progress(percent=self.percent, status=self.claim, period=self.period)

    def history(self) -> Any:
        from luoshi.ledger.models import AuditEntry

        return AuditEntry.objects.filter(model=self._meta.label_lower, object_id=str(self.pk)).order_by(
            "at", "id"
        )

    def trail(self) -> Any:
        """The report's steps, with its evidence and measured values, oldest first."""
        from django.db.models import Q

        from luoshi.ledger.models import AuditEntry

        evidence = [str(pk) for pk in self.evidence.values_list("pk", flat=True)]
        measured = [str(pk) for pk in self.measurements.values_list("pk", flat=True)]
        return AuditEntry.objects.filter(
            Q(model=self._meta.label_lower, object_id=str(self.pk))
            | Q(model="progress.evidence", object_id__in=evidence)
            | Q(model="progress.measurement", object_id__in=measured)
        ).order_by("at", "id")


class Measurement(Audited):
    """A measured value of one of the task's targets, as reported."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="measurements")
    target = models.ForeignKey(
        Target, verbose_name=_("目标"), on_delete=models.PROTECT, related_name="measurements"
    )
    value = models.FloatField(_("实际值"), null=True, blank=True)
    note = models.CharField(_("说明"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("指标实际值")
        verbose_name_plural = _("指标实际值")
        constraints = [models.UniqueConstraint(fields=["report", "target"], name="measurement_unique")]

    def __str__(self) -> str:
        return f"{self.target.indicator}: {self.value}"

    def audit_task(self) -> Any:
        return self.report.task


def evidence_path(instance: Evidence, filename: str) -> str:
    now = timezone.now()
    return f"evidence/{now:%Y/%m}/{instance.sha256[:16]}-{instance.report_id}.{instance.kind}"


class Evidence(Audited):
    """A supporting file. Stored under LUOSHI_HOME; withdrawn, never deleted."""

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="evidence")
    file = models.FileField(_("文件"), upload_to=evidence_path, max_length=300)
    name = models.CharField(_("文件名"), max_length=200)
    kind = models.CharField(_("类型"), max_length=8)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField(_("大小"))
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    withdrawn = models.BooleanField(_("已撤回"), default=False)

    class Meta:
        verbose_name = _("佐证材料")
        verbose_name_plural = _("佐证材料")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name

    def audit_task(self) -> Any:
        return self.report.task

    @classmethod
    def attach(cls, report: Report, upload: Any, *, by: Any) -> Evidence:
        """Check the file and store it with the report (the caller checks the user may edit the report)."""
        from luoshi.ledger.uploads import EVIDENCE_KINDS, accept, store

        a = accept(upload, EVIDENCE_KINDS)
        evidence = cls(
            report=report,
            name=a.name,
            kind=a.kind,
            content_type=a.content_type,
            size=a.size,
            sha256=a.sha256,
            uploaded_by=by if getattr(by, "pk", None) else None,
        )
        store(evidence, upload, a.name)
        return evidence


def move_reports_on_merge(
    sender: Any, *, source: Unit, target: Unit, by: Any, note: str, **kwargs: Any
) -> list[str]:
    """A unit merged into another: its reports become the target's, so that what it reported still
    counts for the tasks the target now carries. A report for a task and period the target has already
    reported on stays where it is (two reports of one unit for one period would contradict each other)."""
    moved = kept = 0
    taken = set(Report.objects.filter(unit=target).values_list("task_id", "period"))
    for report in Report.objects.filter(unit=source).order_by("pk"):
        if (report.task_id, report.period) in taken:
            kept += 1
            continue
        report.unit = target
        report.audit_as("update", note, by=by)
        report.save()
        moved += 1
    out = [gettext("进展报告%(n)s份") % {"n": moved}]
    if kept:
        out.append(gettext("（另有%(n)s份因目标单位已报送同一任务同一周期而留在原单位）") % {"n": kept})
    return out
