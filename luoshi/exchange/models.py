"""An uploaded 任务分工方案 (or 任务清单) sheet, kept from its upload to its application.

The file is validated on upload and again when the office applies it; it stays on record with a
summary of what it changed.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.models import Audited


class SheetImport(Audited):
    file = models.FileField(_("文件"), upload_to="exchange/%Y/%m/", max_length=300)
    name = models.CharField(_("文件名"), max_length=200)
    size = models.PositiveBigIntegerField(_("大小"))
    sha256 = models.CharField(max_length=64)
    decision = models.ForeignKey(
        "ledger.Decision",
        verbose_name=_("决定"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("导入“任务清单”（luoshi extract 生成）时，条目编号所属的决定。"),
    )
    uploaded_at = models.DateTimeField(_("上传时间"), default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    applied_at = models.DateTimeField(_("导入时间"), null=True, blank=True)
    summary = models.JSONField(_("导入结果"), default=dict, blank=True)

    class Meta:
        verbose_name = _("Excel 导入")
        verbose_name_plural = _("Excel 导入")
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return self.name


class ReportDraft(Audited):
    """What the office writes into one period's 学习宣传贯彻情况报告 on a decision: the title, 主送机关,
    issuing body and date, and the sections 存在的问题 and 下一步工作. An empty field means "generate it
    from the data" (docs/report.md); every change is kept in the audit trail."""

    decision = models.ForeignKey(
        "ledger.Decision", verbose_name=_("决定"), on_delete=models.PROTECT, related_name="+"
    )
    period = models.CharField(_("报告周期"), max_length=8)
    title = models.CharField(_("标题"), max_length=300, blank=True)
    addressee = models.CharField(_("主送机关"), max_length=100, blank=True)
    issuer = models.CharField(_("发文机关署名"), max_length=100, blank=True)
    date = models.DateField(_("成文日期"), null=True, blank=True)
    problems = models.TextField(_("存在的问题"), blank=True)
    next_steps = models.TextField(_("下一步工作"), blank=True)
    updated_at = models.DateTimeField(_("修改时间"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("情况报告草稿")
        verbose_name_plural = _("情况报告草稿")
        ordering = ["decision_id", "-period"]
        constraints = [
            models.UniqueConstraint(fields=["decision", "period"], name="report_draft_decision_period_unique")
        ]

    def __str__(self) -> str:
        from luoshi.progress.periods import Period

        try:
            period = Period.parse(self.period).label
        except ValueError:
            period = self.period
        return f"{self.decision.title} · {period}"
