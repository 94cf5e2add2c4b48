"""A subordinate plan kept beside the decision it implements, the office's corrections of its
matches, learned synonyms, and the sub-tasks a confirmed alignment made."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.models import Decision, Task, Unit


class Plan(models.Model):
    """A unit's 实施方案 or 任务分工 for a decision: its text as uploaded, read again when aligned.
    The same text for the same decision and unit is one plan, so its corrections are found again."""

    decision = models.ForeignKey(
        Decision, on_delete=models.PROTECT, related_name="plans", verbose_name=_("决定")
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="plans", verbose_name=_("制定单位"))
    title = models.CharField(_("标题"), max_length=300, blank=True)
    source_name = models.CharField(_("来源文件"), max_length=300, blank=True)
    text = models.TextField(_("文本"))
    digest = models.CharField(_("文本指纹"), max_length=64, db_index=True)
    year = models.PositiveIntegerField(_("文件年份"), null=True, blank=True)
    meta = models.JSONField(default=dict, blank=True)  # what the reader said of the file: title hint, format
    uploaded_at = models.DateTimeField(_("上传时间"), default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(_("确认时间"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("下级方案")
        verbose_name_plural = _("下级方案")
        ordering = ["-uploaded_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["decision", "unit", "digest"], name="alignment_plan_once_per_text"
            )
        ]

    def __str__(self) -> str:
        return self.title or self.source_name or str(self.unit)


class Correction(models.Model):
    """The office's word on one parent item of a plan's alignment: the child's item that takes it up,
    or none. Texts are kept so that the link is learned for other plans where both recur."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="corrections")
    parent_key = models.CharField(_("上级条目编号"), max_length=40)
    parent_text = models.TextField(_("上级原文"))
    child_key = models.CharField(_("下级条目编号"), max_length=40, blank=True)  # "" = taken up by nothing
    child_text = models.TextField(_("下级原文"), blank=True)
    made_at = models.DateTimeField(_("更正时间"), default=timezone.now)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("对标更正")
        verbose_name_plural = _("对标更正")
        constraints = [
            models.UniqueConstraint(fields=["plan", "parent_key"], name="alignment_one_correction_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.parent_key} → {self.child_key or '—'}"


class Synonym(models.Model):
    """A word the office says means another (看得上病 → 医疗服务), folded in before every alignment."""

    word = models.CharField(_("说法"), max_length=40, unique=True)
    means = models.CharField(_("等同于"), max_length=40)
    made_at = models.DateTimeField(default=timezone.now)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("同义说法")
        verbose_name_plural = _("同义说法")
        ordering = ["word"]

    def __str__(self) -> str:
        return f"{self.word} = {self.means}"


class SubtaskLink(models.Model):
    """A sub-task a confirmed alignment made: the parent's task, the plan's item, the sub-task; so that
    confirming again makes nothing twice."""

    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="links")
    task = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="+")
    child_key = models.CharField(max_length=40)
    subtask = models.ForeignKey(Task, on_delete=models.PROTECT, related_name="+")
    made_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "task", "child_key"], name="alignment_subtask_once")
        ]

    def __str__(self) -> str:
        return f"{self.task_id} → {self.subtask_id}"

    def __repr__(self) -> str:
        return f"<SubtaskLink {self}>"

    @classmethod
    def of(cls, plan: Plan) -> dict[tuple[int, str], Any]:
        return {(x.task_id, x.child_key): x for x in cls.objects.filter(plan=plan)}
