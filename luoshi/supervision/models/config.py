"""What the office configures: the rules (thresholds, the assessment formula), the holiday table,
each decision's report calendar, and the channels notices go out on."""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.models import Audited, Decision, Unit
from luoshi.ledger.models.audit import NoDeleteQuerySet
from luoshi.web.display import day


def _wd(default: int, label: Any, help_text: Any = "") -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        label, default=default, validators=[MaxValueValidator(250)], help_text=help_text
    )


def _points(default: float, label: Any) -> models.FloatField:
    return models.FloatField(
        label, default=default, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )


class Rules(Audited):
    """The office's rules, one row (``Rules.get()``). Every change is kept in the audit trail."""

    office_name = models.CharField(
        _("督查机构名称"), max_length=100, default="督查室", help_text=_("督办单、通报的落款。")
    )
    # the 版记 of the 督办单, the 通报 and the report to the committee (GB/T 9704, 7.4)
    printer = models.CharField(
        _("印发机关"),
        max_length=100,
        blank=True,
        help_text=_("版记中的印发机关，如“自治区党委办公厅”；不填则用督查机构名称。"),
    )
    copy_to = models.CharField(
        _("督办单、通报抄送"),
        max_length=300,
        blank=True,
        help_text=_("版记中的抄送机关，用顿号或逗号分隔，如“自治区党委、政府分管领导”；不填则不列抄送。"),
    )
    report_copy_to = models.CharField(
        _("情况报告抄送"),
        max_length=300,
        blank=True,
        help_text=_("学习宣传贯彻情况报告版记中的抄送机关；不填则不列抄送。"),
    )
    # lights
    yellow_working_days = _wd(
        5, _("黄灯提前量（工作日）"), _("完成时限或形象进度节点在此期限内到来时亮黄灯。")
    )
    behind_tolerance = _points(15, _("序时进度容差（百分点）"))
    lookback_periods = models.PositiveSmallIntegerField(
        _("追溯报送周期数"),
        default=4,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text=_("检查最近多少个已到期的报送周期是否漏报。"),
    )
    # escalation ladder
    remind_working_days = _wd(3, _("提醒：截止前（工作日）"))
    urge_after = _wd(1, _("催办：逾期后（工作日）"))
    blue_after = _wd(5, _("蓝色督办单：逾期（工作日）"))
    yellow_after = _wd(10, _("黄色督办单：逾期（工作日）"))
    red_after = _wd(20, _("红色督办单：逾期（工作日）"))
    circular_after = _wd(15, _("通报：报送截止后（工作日）"))
    order_working_days = _wd(10, _("督办单办结时限（工作日）"))
    feedback = models.TextField(
        _("反馈要求"),
        default="请于办结时限前将办理情况书面反馈督查室，说明原因、整改措施和完成时间，并在系统中上传佐证材料。",
    )
    # copy-paste (形式主义) checks
    copy_threshold = models.FloatField(
        _("雷同判定阈值"),
        default=0.6,
        validators=[MinValueValidator(0.1), MaxValueValidator(1)],
        help_text=_("两份报告正文的字符二元组Jaccard相似度达到此值即标记为雷同。"),
    )
    copy_min_chars = models.PositiveSmallIntegerField(
        _("雷同检查最短字数"), default=30, help_text=_("正文短于此字数的报告不作雷同比对。")
    )
    # assessment (考核)
    score_base = _points(100, _("基础分"))
    deduct_missed = _points(5, _("漏报扣分（每份）"))
    deduct_late = _points(2, _("迟报扣分（每份）"))
    deduct_red = _points(3, _("红灯任务扣分（每项）"))
    deduct_returned = _points(2, _("退办扣分（每次）"))
    add_done = _points(3, _("按期办结加分（每项）"))
    add_on_track = _points(1, _("目标进展正常加分（每项）"))
    bonus_cap = _points(10, _("加分上限"))
    lead_weight = models.FloatField(
        _("牵头单位权重"), default=1.0, validators=[MinValueValidator(0), MaxValueValidator(2)]
    )
    co_weight = models.FloatField(
        _("配合单位权重"), default=0.5, validators=[MinValueValidator(0), MaxValueValidator(2)]
    )

    class Meta:
        verbose_name = _("督查规则")
        verbose_name_plural = _("督查规则")

    def __str__(self) -> str:
        return str(_("督查规则"))

    @classmethod
    def get(cls) -> Rules:
        """The one row of rules (created with the defaults on first use)."""
        rules = cls.objects.order_by("pk").first()
        if rules is None:
            rules = cls.objects.create()
        return rules

    @property
    def printing_office(self) -> str:
        """印发机关 in the 版记: the one set, else the supervision office."""
        return self.printer.strip() or self.office_name

    def ladder(self) -> list[tuple[str, int]]:
        """The 督办单 levels and the working days overdue at which each is issued, highest first."""
        return [("red", self.red_after), ("yellow", self.yellow_after), ("blue", self.blue_after)]


class Holiday(Audited):
    """The office's holiday table: a day off or a working day (调休), for years the official calendar
    does not cover yet, or to correct it."""

    date = models.DateField(_("日期"), unique=True)
    is_workday = models.BooleanField(
        _("上班"), default=False, help_text=_("勾选表示调休上班，不勾选表示放假。")
    )
    name = models.CharField(_("名称"), max_length=40, blank=True)

    objects = models.Manager()  # the office may remove a row it entered by mistake

    class Meta:
        verbose_name = _("节假日")
        verbose_name_plural = _("节假日")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{day(self.date)} {self.name}"

    def delete(self, *args: Any, **kwargs: Any) -> Any:
        from luoshi.ledger.models import record

        record("delete", self, before=self.audit_snapshot())
        return models.Model.delete(self, *args, **kwargs)


class ReportSchedule(Audited):
    """A decision's report calendar: when each period's report is due, and who reports."""

    decision = models.OneToOneField(
        Decision, verbose_name=_("决定"), on_delete=models.PROTECT, related_name="report_schedule"
    )
    due_working_days = models.PositiveSmallIntegerField(
        _("报送截止（周期结束后第几个工作日）"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
    )
    first_period = models.CharField(
        _("首个报送周期"), max_length=8, blank=True, help_text=_("留空：自任务分工确认所在周期起报送。")
    )
    co_units_report = models.BooleanField(
        _("配合单位单独报送"), default=False, help_text=_("不勾选：由牵头单位汇总报送。")
    )
    active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = _("报送日历")
        verbose_name_plural = _("报送日历")

    def __str__(self) -> str:
        return f"{self.decision}"


class ChannelKind(models.TextChoices):
    EMAIL = "email", _("电子邮件")
    DINGTALK = "dingtalk", _("钉钉群机器人")
    WECOM = "wecom", _("企业微信群机器人")


class NoticeKind(models.TextChoices):
    REMIND = "remind", _("提醒")
    URGE = "urge", _("催办")
    ORDER = "order", _("督办单")
    CIRCULAR = "circular", _("通报")


def _all_kinds() -> list[str]:
    return [NoticeKind.ORDER.value, NoticeKind.CIRCULAR.value]


class Channel(Audited):
    """Where notices go besides the in-app inbox: an e-mail address, or a DingTalk/WeCom group robot."""

    name = models.CharField(_("名称"), max_length=60)
    kind = models.CharField(_("渠道"), max_length=12, choices=ChannelKind.choices)
    target = models.CharField(
        _("地址"), max_length=500, help_text=_("电子邮件地址（多个用逗号分隔），或群机器人的 Webhook 地址。")
    )
    secret = models.CharField(
        _("加签密钥"), max_length=200, blank=True, help_text=_("钉钉机器人“加签”安全设置的密钥。")
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("留空：接收发给所有单位的通知（督查室自用）。"),
    )
    kinds = models.JSONField(_("通知类别"), default=_all_kinds, help_text=_("remind, urge, order, circular"))
    active = models.BooleanField(_("启用"), default=True)

    objects = NoDeleteQuerySet.as_manager()

    class Meta:
        verbose_name = _("通知渠道")
        verbose_name_plural = _("通知渠道")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def wants(self, kind: str, unit_ids: set[int]) -> bool:
        return (
            self.active and kind in (self.kinds or []) and (self.unit_id is None or self.unit_id in unit_ids)
        )

    def addresses(self) -> list[str]:
        if self.kind == ChannelKind.EMAIL:
            return [
                a.strip() for a in self.target.replace("；", ",").replace(";", ",").split(",") if a.strip()
            ]
        return [self.target.strip()]
