"""Notices (提醒, 催办, 督办单, 通报), their receipts (签收) and their deliveries (the outbox).

Every notice has a natural key (rule + task/unit + period + level) under a unique constraint, so a
second run of ``luoshi supervise``, or two runs at once, can never create it twice. Deliveries are
created in the same transaction as their notice, and sent from an outbox: each one is claimed by a
conditional UPDATE before it is sent, and every attempt is recorded.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.models import Role, Task, Unit, unit_of
from luoshi.ledger.models.audit import NoDeleteQuerySet, record
from luoshi.web.display import day, stamp

from .config import Channel, ChannelKind, NoticeKind


class Level(models.TextChoices):
    NONE = "", _("—")
    BLUE = "blue", _("蓝色")
    YELLOW = "yellow", _("黄色")
    RED = "red", _("红色")


class NoticeQuerySet(NoDeleteQuerySet):
    def visible_to(self, user: Any) -> NoticeQuerySet:
        """The office, leaders and auditors see every notice; a unit sees those addressed to it and the
        circulars that list it."""
        role = Role.of(user)
        if role in {Role.OFFICE, Role.LEADER, Role.AUDITOR}:
            return self
        unit = unit_of(user)
        if role in Role.unit_roles() and unit is not None:
            return self.filter(Q(unit=unit) | Q(receipts__unit=unit)).distinct()
        return self.none()

    def inbox(self, unit: Unit) -> NoticeQuerySet:
        return self.filter(Q(unit=unit) | Q(receipts__unit=unit)).distinct().order_by("-created_at", "-id")


class Notice(models.Model):
    key = models.CharField(_("唯一键"), max_length=200, unique=True)
    kind = models.CharField(_("类别"), max_length=10, choices=NoticeKind.choices, db_index=True)
    level = models.CharField(_("等级"), max_length=8, choices=Level.choices, blank=True, default="")
    task = models.ForeignKey(
        Task, verbose_name=_("任务"), null=True, blank=True, on_delete=models.PROTECT, related_name="notices"
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("主送单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="notices",
    )
    period = models.CharField(_("报送周期"), max_length=8, blank=True)
    year = models.PositiveSmallIntegerField(_("年度"), null=True, blank=True)
    serial = models.PositiveIntegerField(_("序号"), null=True, blank=True)
    title = models.CharField(_("标题"), max_length=300)
    code = models.CharField(_("原因代码"), max_length=24, blank=True)
    params = models.JSONField(_("内容"), default=dict, blank=True)
    reason = models.TextField(_("督办原因"), blank=True)
    due = models.DateField(_("办结时限"), null=True, blank=True)
    feedback = models.TextField(_("反馈要求"), blank=True)
    issued_on = models.DateField(_("发出日期"))
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)
    run = models.ForeignKey("Run", null=True, blank=True, on_delete=models.PROTECT, related_name="notices")

    objects = NoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("督办通知")
        verbose_name_plural = _("督办通知")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "year", "serial"],
                condition=Q(serial__isnull=False),
                name="notice_number_unique",
            )
        ]
        indexes = [models.Index(fields=["unit", "kind"]), models.Index(fields=["task", "kind"])]

    def __str__(self) -> str:
        return f"{self.number or self.get_kind_display()} {self.title}"

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        from luoshi.ledger.models import HardDeleteRefused

        raise HardDeleteRefused("notices are never deleted")

    @property
    def number(self) -> str:
        """督办〔2026〕12号 / 通报〔2026〕3号: numbered notices only."""
        if self.serial is None:
            return ""
        word = gettext("督办") if self.kind == NoticeKind.ORDER else gettext("通报")
        return f"{word}〔{self.year}〕{self.serial}号"

    @property
    def is_formal(self) -> bool:
        """督办单 and 通报 are formal documents: numbered, rendered as Word, signed for."""
        return self.kind in {NoticeKind.ORDER, NoticeKind.CIRCULAR}

    def rows(self) -> list[dict[str, Any]]:
        """The units a 通报 lists, with what each has left undone."""
        return list((self.params or {}).get("rows", []))

    def history(self) -> Any:
        """What happened to this notice (its receipts signed), oldest first."""
        from luoshi.ledger.models import AuditEntry

        return AuditEntry.objects.filter(model=self._meta.label_lower, object_id=str(self.pk)).order_by(
            "at", "id"
        )

    def receipt_for(self, unit: Unit | None) -> Receipt | None:
        if unit is None:
            return None
        return self.receipts.filter(unit=unit).first()


class NoticeCounter(models.Model):
    """The last number given to a kind of notice in a year. Numbers are reserved under a row lock."""

    kind = models.CharField(max_length=10)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "year"], name="notice_counter_unique")]

    @classmethod
    def reserve(cls, kind: str, year: int, count: int) -> int:
        """Reserve ``count`` numbers; returns the first. Call inside the transaction creating the notices."""
        cls.objects.get_or_create(kind=kind, year=year)
        with transaction.atomic():
            row = cls.objects.select_for_update().get(kind=kind, year=year)
            first = row.last + 1
            cls.objects.filter(pk=row.pk).update(last=F("last") + count)
        return first


class Mutex(models.Model):
    """A named row to lock, so that two runs at once rewrite a decision's lights or a quarter's
    scores one after the other (``Mutex.hold(name)`` inside a transaction)."""

    name = models.CharField(max_length=60, unique=True)

    @classmethod
    def hold(cls, name: str) -> None:
        cls.objects.get_or_create(name=name)
        list(cls.objects.select_for_update().filter(name=name).values_list("pk", flat=True))


class Receipt(models.Model):
    """A unit's receipt (签收) of a 督办单 or 通报, confirmed in the app."""

    notice = models.ForeignKey(Notice, on_delete=models.PROTECT, related_name="receipts")
    unit = models.ForeignKey(Unit, verbose_name=_("签收单位"), on_delete=models.PROTECT, related_name="+")
    signed_at = models.DateTimeField(_("签收时间"), null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("签收人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signer_name = models.CharField(_("签收人姓名"), max_length=150, blank=True)

    objects = NoDeleteQuerySet.as_manager()

    class Meta:
        verbose_name = _("签收回执")
        verbose_name_plural = _("签收回执")
        constraints = [models.UniqueConstraint(fields=["notice", "unit"], name="receipt_unique")]

    def __str__(self) -> str:
        return f"{self.notice_id}/{self.unit_id}"

    def can_sign(self, user: Any) -> bool:
        unit = unit_of(user)
        return self.signed_at is None and unit is not None and unit.pk == self.unit_id

    def sign(self, *, by: Any) -> None:
        """The unit confirms it received the notice. Signing twice changes nothing."""
        if self.signed_at is not None and unit_of(by) is not None and unit_of(by).pk == self.unit_id:
            return
        if not self.can_sign(by):
            raise PermissionDenied(gettext("只有主送单位的人员可以签收。"))
        with transaction.atomic():
            updated = Receipt.objects.filter(pk=self.pk, signed_at__isnull=True).update(
                signed_at=timezone.now(),
                signed_by=by,
                signer_name=by.get_full_name() or by.get_username(),
            )
            if updated:
                self.refresh_from_db()
                record(
                    "sign",
                    self.notice,
                    note=self.unit.name,
                    after={"signed_at": self.signed_at.isoformat()},
                    task=self.notice.task,
                    actor=by,
                )


class DeliveryState(models.TextChoices):
    PENDING = "pending", _("待发送")
    SENDING = "sending", _("发送中")
    SENT = "sent", _("已发送")
    FAILED = "failed", _("发送失败")


class Delivery(models.Model):
    """One notice to one address on one channel: an outbox row."""

    notice = models.ForeignKey(Notice, on_delete=models.PROTECT, related_name="deliveries")
    channel = models.ForeignKey(Channel, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("渠道"), max_length=12, choices=ChannelKind.choices)
    address = models.CharField(_("地址"), max_length=500)
    state = models.CharField(
        _("状态"), max_length=10, choices=DeliveryState.choices, default=DeliveryState.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("尝试次数"), default=0)
    next_at = models.DateTimeField(_("下次发送时间"), default=timezone.now)
    claim = models.CharField(max_length=40, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(_("发送时间"), null=True, blank=True)
    last_error = models.TextField(_("最近错误"), blank=True)

    objects = NoDeleteQuerySet.as_manager()

    class Meta:
        verbose_name = _("通知发送")
        verbose_name_plural = _("通知发送")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["notice", "channel", "address"], name="delivery_unique")
        ]
        indexes = [models.Index(fields=["state", "next_at"])]

    def __str__(self) -> str:
        return f"{self.notice_id} → {self.kind}:{self.address[:40]}"


class DeliveryAttempt(models.Model):
    """One try at sending a delivery: when, how long, and what came back."""

    delivery = models.ForeignKey(Delivery, on_delete=models.PROTECT, related_name="attempt_log")
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    ok = models.BooleanField(default=False)
    status = models.IntegerField(null=True, blank=True)
    response = models.TextField(blank=True)
    error = models.TextField(blank=True)

    objects = NoDeleteQuerySet.as_manager()

    class Meta:
        verbose_name = _("发送记录")
        verbose_name_plural = _("发送记录")
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.delivery_id} {'ok' if self.ok else 'fail'}"


class Run(models.Model):
    """One run of ``luoshi supervise``: when, for which day, what it did, and the warnings it gave."""

    started_at = models.DateTimeField(_("开始时间"), default=timezone.now)
    finished_at = models.DateTimeField(_("结束时间"), null=True, blank=True)
    today = models.DateField(_("业务日期"))
    counts = models.JSONField(_("统计"), default=dict, blank=True)
    warnings = models.JSONField(_("提示"), default=list, blank=True)
    checked_report = models.BigIntegerField(_("已检查到的报告编号"), default=0)

    class Meta:
        verbose_name = _("督查运行记录")
        verbose_name_plural = _("督查运行记录")
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{stamp(self.started_at)}（{day(self.today)}）"

    @classmethod
    def last_finished(cls) -> Run | None:
        return cls.objects.filter(finished_at__isnull=False).order_by("-finished_at", "-id").first()
