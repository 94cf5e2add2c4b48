"""What the office configures: the rules (thresholds, the assessment formula), the holiday table,
each decision's report calendar, and the channels notices go out on."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, ClassVar

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
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
        help_text=_("两份报告正文的相似度（按相邻两字的重合比例计，0到1之间）达到此值即标记为雷同。"),
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

    def clean(self) -> None:
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext

        errors = {}
        if not self.blue_after < self.yellow_after < self.red_after:
            errors["red_after"] = gettext(
                "督办单逐级升级：蓝色、黄色、红色督办单的逾期工作日数应依次增大（现为%(b)s、%(y)s、%(r)s）。"
            ) % {"b": self.blue_after, "y": self.yellow_after, "r": self.red_after}
        if self.urge_after > self.blue_after:
            errors["urge_after"] = gettext("催办应早于蓝色督办单：逾期工作日数不应大于%(b)s。") % {
                "b": self.blue_after
            }
        if self.add_done > self.bonus_cap or self.add_on_track > self.bonus_cap:
            errors["bonus_cap"] = gettext("加分上限不应小于单项加分。")
        if errors:
            raise ValidationError(errors)

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

    @classmethod
    def enter(cls, start: dt.date, end: dt.date, *, is_workday: bool, name: str) -> tuple[int, int]:
        """Enter every day from ``start`` to ``end`` (a holiday of several days, as the State Council's
        notice lists it); a day already in the table is changed. Returns (added, changed)."""
        added = changed = 0
        with transaction.atomic():
            day = start
            while day <= end:
                row = cls.objects.filter(date=day).first()
                if row is None:
                    cls(date=day, is_workday=is_workday, name=name).save()
                    added += 1
                elif (row.is_workday, row.name) != (is_workday, name):
                    row.is_workday, row.name = is_workday, name
                    row.save()
                    changed += 1
                day += dt.timedelta(days=1)
        return added, changed


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

    def first(self) -> Any:
        """The first period as a Period, or None."""
        from luoshi.progress.periods import Period

        try:
            return Period.parse(self.first_period) if self.first_period else None
        except ValueError:
            return None

    @classmethod
    def configure(
        cls,
        decision: Decision,
        *,
        by: Any,
        reporting_period: str,
        due_working_days: int,
        first_period: str = "",
        co_units_report: bool = False,
        active: bool = True,
    ) -> ReportSchedule:
        """Set a decision's report calendar in one place: its period (on the decision, which the report
        forms read), the due day (kept the same on the decision and here) and the rest here."""
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext

        from luoshi.progress.periods import Period

        if first_period:
            try:
                period = Period.parse(first_period)
            except ValueError as e:
                raise ValidationError({"first_period": str(e)}) from None
            if (period.kind == "M") != (reporting_period == "monthly"):
                raise ValidationError(
                    {"first_period": gettext("首个报送周期应与报送周期一致（按月或按季度）。")}
                )
            first_period = period.key
        if reporting_period != decision.reporting_period:
            filed = decision_reports(decision)
            if filed:
                raise ValidationError(
                    {
                        "reporting_period": gettext(
                            "该决定已有%(how)s报送的进展报告%(n)s份，不能再改变报送周期。"
                        )
                        % {"how": decision.get_reporting_period_display(), "n": filed}
                    }
                )
        with transaction.atomic():
            if (decision.reporting_period, decision.report_due_days) != (reporting_period, due_working_days):
                decision.reporting_period = reporting_period
                decision.report_due_days = due_working_days
                decision.audit_as("update", by=by)
                decision.save()
            schedule = cls.objects.filter(decision=decision).first() or cls(decision=decision)
            schedule.due_working_days = due_working_days
            schedule.first_period = first_period
            schedule.co_units_report = co_units_report
            schedule.active = active
            schedule.full_clean(exclude=["decision"])
            schedule.audit_as("create" if schedule._state.adding else "update", by=by)
            schedule.save()
        return schedule


def decision_reports(decision: Decision) -> int:
    """How many progress reports a decision's tasks have (any state)."""
    from luoshi.progress.models import Report

    return Report.objects.filter(task__decision=decision).count()


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
    kinds = models.JSONField(_("通知类别"), default=_all_kinds, help_text=_("此渠道发送哪几类通知。"))
    active = models.BooleanField(_("启用"), default=True)

    objects = NoDeleteQuerySet.as_manager()
    # the trail names the kinds in words (luoshi.ledger.history)
    audit_choices: ClassVar[dict[str, Any]] = {"kinds": NoticeKind.choices}

    class Meta:
        verbose_name = _("通知渠道")
        verbose_name_plural = _("通知渠道")
        ordering = ["name", "id"]

    def __str__(self) -> str:
        return self.name

    def audit_mask(self, out: dict[str, Any]) -> dict[str, Any]:
        """The trail never holds the robot's secret: only whether one is set, and a fingerprint that
        changes when it does."""
        if out.get("secret"):
            out["secret"] = "•••• " + hashlib.sha256(str(out["secret"]).encode()).hexdigest()[:8]
        return out

    def clean(self) -> None:
        from django.core.exceptions import ValidationError
        from django.core.validators import URLValidator, validate_email
        from django.utils.translation import gettext

        errors: dict[str, Any] = {}
        self.target = (self.target or "").strip()
        kinds = self.kinds if isinstance(self.kinds, list) else []
        if not kinds:
            errors["kinds"] = gettext("请至少选择一类通知。")
        elif not set(kinds) <= set(NoticeKind.values):
            errors["kinds"] = gettext("通知类别只能从列表中选择。")
        if self.kind == ChannelKind.EMAIL:
            bad = []
            for address in self.addresses():
                try:
                    validate_email(address)
                except ValidationError:
                    bad.append(address)
            if not self.addresses():
                errors["target"] = gettext("请填写电子邮件地址。")
            elif bad:
                errors["target"] = gettext("不是有效的电子邮件地址：%(bad)s") % {"bad": "、".join(bad)}
        elif self.target:
            try:
                URLValidator(schemes=["http", "https"])(self.target)
            except ValidationError:
                errors["target"] = gettext("请填写群机器人的 Webhook 地址，以 https:// 或 http:// 开头。")
        if self.secret and self.kind != ChannelKind.DINGTALK:
            errors["secret"] = gettext("只有钉钉群机器人使用加签密钥，其他渠道请留空。")
        if errors:
            raise ValidationError(errors)

    def kind_labels(self) -> list[str]:
        """The notice kinds this channel sends, in words, in the list's order."""
        chosen = set(self.kinds or [])
        return [str(label) for value, label in NoticeKind.choices if value in chosen]

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


def move_on_merge(sender: Any, *, source: Unit, target: Unit, by: Any, note: str, **kwargs: Any) -> list[str]:
    """A unit merged into another: its channels and its requests still awaiting a decision go with it.
    Notices, receipts and scores stay: they are what happened to the unit that was."""
    from django.utils.translation import gettext

    from .requests import Request, RequestState

    channels = requests = 0
    for channel in Channel.objects.filter(unit=source):
        channel.unit = target
        channel.audit_as("update", note, by=by)
        channel.save()
        channels += 1
    for request in Request.objects.filter(unit=source, state=RequestState.PENDING):
        request.unit = target
        request.audit_as("update", note, by=by)
        request.save()
        requests += 1
    return [
        gettext("通知渠道%(n)s个") % {"n": channels},
        gettext("待审批的申请%(n)s件") % {"n": requests},
    ]
