"""A decision (决定) as imported: its revisions of text and its outline of sections."""

from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .audit import Audited, NoDeleteQuerySet


class ReportingPeriod(models.TextChoices):
    MONTHLY = "monthly", _("按月")
    QUARTERLY = "quarterly", _("按季度")


def text_digest(text: str) -> str:
    """A fingerprint of a decision's text that ignores line breaks and spacing (reflowed copies match)."""
    compact = "".join(text.split())
    return hashlib.sha256(compact.encode("utf-8")).hexdigest()


class Decision(Audited):
    title = models.CharField(_("标题"), max_length=300)
    year = models.PositiveIntegerField(_("年份"), null=True, blank=True)
    source_name = models.CharField(_("来源文件"), max_length=300, blank=True)
    digest = models.CharField(_("文本指纹"), max_length=64, db_index=True, editable=False)
    reporting_period = models.CharField(
        _("报送周期"), max_length=12, choices=ReportingPeriod.choices, default=ReportingPeriod.QUARTERLY
    )
    report_due_days = models.PositiveSmallIntegerField(
        _("报送期限（周期结束后工作日数）"), default=5, help_text=_("每个报送周期结束后第几个工作日前报送。")
    )
    is_sample = models.BooleanField(_("样例文本"), default=False)
    is_demo = models.BooleanField(_("演示数据"), default=False)
    created_at = models.DateTimeField(_("导入时间"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("决定")
        verbose_name_plural = _("决定")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.title


class Revision(models.Model):
    """One imported text of a decision. A pending revision (not yet applied) awaits the office's confirmation."""

    decision = models.ForeignKey(
        Decision, null=True, blank=True, on_delete=models.PROTECT, related_name="revisions"
    )
    number = models.PositiveIntegerField(_("版次"), default=0)
    source_name = models.CharField(_("来源文件"), max_length=300, blank=True)
    text = models.TextField(_("文本"))
    digest = models.CharField(max_length=64, db_index=True)
    year = models.PositiveIntegerField(null=True, blank=True)
    uploaded_at = models.DateTimeField(default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    applied_at = models.DateTimeField(null=True, blank=True)
    summary = models.JSONField(default=dict, blank=True)

    objects = NoDeleteQuerySet.as_manager()

    class Meta:
        verbose_name = _("导入版本")
        verbose_name_plural = _("导入版本")
        ordering = ["decision_id", "number"]

    def __str__(self) -> str:
        return f"{self.source_name or '-'} #{self.number}"

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        from .audit import HardDeleteRefused

        raise HardDeleteRefused("revisions are never deleted")


class Section(Audited):
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="sections")
    key = models.CharField(_("编号"), max_length=40)
    level = models.PositiveSmallIntegerField(_("层级"), default=1)
    number = models.CharField(_("序号"), max_length=20, blank=True)
    title = models.CharField(_("标题"), max_length=300, blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    order = models.PositiveIntegerField(default=0)
    inferred = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("章节")
        verbose_name_plural = _("章节")
        ordering = ["decision_id", "order"]
        constraints = [models.UniqueConstraint(fields=["decision", "key"], name="section_key_unique")]

    def __str__(self) -> str:
        head = (
            f"{self.number}、"
            if self.number and self.level == 1
            else (f"（{self.number}）" if self.number else "")
        )
        return f"{head}{self.title or ''}".strip() or self.key
