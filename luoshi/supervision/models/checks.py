"""What the run finds besides lights: copy-paste reports (形式主义) and each unit's score (考核)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.models import Role, Unit
from luoshi.ledger.models.audit import NoDeleteQuerySet, record


class FlagKind(models.TextChoices):
    SAME_UNIT = "same_unit", _("与本单位上期报告雷同")
    OTHER_UNIT = "other_unit", _("与其他单位报告雷同")
    UNSUPPORTED = "unsupported", _("报告有进展但无佐证材料和实测值")


class CopyFlag(models.Model):
    """A report flagged as (nearly) a copy of another, or as claiming progress without support."""

    report = models.ForeignKey("progress.Report", on_delete=models.PROTECT, related_name="copy_flags")
    kind = models.CharField(_("类别"), max_length=12, choices=FlagKind.choices)
    other = models.ForeignKey(
        "progress.Report", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    similarity = models.FloatField(_("相似度"), null=True, blank=True)
    created_at = models.DateTimeField(_("发现时间"), default=timezone.now)
    dismissed_at = models.DateTimeField(_("排除时间"), null=True, blank=True)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    dismiss_note = models.CharField(_("排除说明"), max_length=300, blank=True)

    objects = NoDeleteQuerySet.as_manager()

    class Meta:
        verbose_name = _("形式主义线索")
        verbose_name_plural = _("形式主义线索")
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["report", "kind"], name="copy_flag_unique")]

    def __str__(self) -> str:
        return f"{self.report} · {self.get_kind_display()}"

    def dismiss(self, *, by: Any, note: str) -> None:
        """The office judges it a false alarm; the flag stays, marked with who said so and why."""
        if Role.of(by) != Role.OFFICE:
            raise PermissionDenied(gettext("你没有权限进行此操作。"))
        self.dismissed_at = timezone.now()
        self.dismissed_by = by
        self.dismiss_note = note.strip()[:300]
        self.save()
        record("dismiss", self, note=self.dismiss_note, actor=by)


class Score(models.Model):
    """A unit's score for an assessment period, with the items behind it (``breakdown``)."""

    unit = models.ForeignKey(Unit, verbose_name=_("单位"), on_delete=models.PROTECT, related_name="scores")
    period = models.CharField(_("考核周期"), max_length=8)
    total = models.FloatField(_("得分"))
    rank = models.PositiveIntegerField(_("名次"), default=0)
    breakdown = models.JSONField(_("得分明细"), default=dict)
    computed_at = models.DateTimeField(_("计算时间"), default=timezone.now)

    class Meta:
        verbose_name = _("考核得分")
        verbose_name_plural = _("考核得分")
        ordering = ["period", "rank", "unit_id"]
        constraints = [models.UniqueConstraint(fields=["unit", "period"], name="score_unique")]

    def __str__(self) -> str:
        return f"{self.unit_id} {self.period} {self.total}"
