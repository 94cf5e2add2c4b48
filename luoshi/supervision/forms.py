"""Forms of the supervision screens: thin; the rules are in the models' methods."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.forms import UnitChoiceField
from luoshi.ledger.limits import COMMENT, NOTE, REASON
from luoshi.ledger.models import Decision, ReportingPeriod, Unit
from luoshi.progress.periods import Period

from .models import Channel, ChannelKind, NoticeKind, RequestKind, Rules


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)] if data else []


class RequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("申请类别"), choices=RequestKind.choices)
    reason = forms.CharField(label=_("理由"), max_length=REASON, widget=forms.Textarea(attrs={"rows": 4}))
    new_date = forms.DateField(
        label=_("申请延期至"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    files = MultipleFileField(label=_("佐证材料"), required=False, help_text=_("办结申请须附佐证材料。"))


class DecideForm(forms.Form):
    note = forms.CharField(
        label=_("审批意见"), required=False, max_length=COMMENT, widget=forms.Textarea(attrs={"rows": 3})
    )


class SuspendForm(forms.Form):
    reason = forms.CharField(label=_("暂缓理由"), max_length=NOTE)
    until = forms.DateField(label=_("暂缓至"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


class DismissForm(forms.Form):
    note = forms.CharField(label=_("排除说明"), max_length=NOTE)


class HolidayRangeForm(forms.Form):
    """One holiday of several days (or a run of moved working days), as the State Council's notice lists it."""

    start = forms.DateField(label=_("从"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(
        label=_("至"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("一天则不填。"),
    )
    is_workday = forms.TypedChoiceField(
        label=_("类别"),
        choices=[("0", _("放假")), ("1", _("调休上班"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        initial="0",
    )
    name = forms.CharField(label=_("名称"), max_length=40, required=False, help_text=_("如“春节”“国庆节”。"))

    MAX_DAYS = 31

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        start, end = data.get("start"), data.get("end") or data.get("start")
        if start and end:
            if end < start:
                self.add_error("end", _("结束日期不能早于开始日期。"))
            elif (end - start).days >= self.MAX_DAYS:
                self.add_error("end", _("一次最多录入31天。"))
            data["end"] = end
        return data


class ChannelForm(forms.ModelForm):
    """A channel; its notice kinds are ticked from the list, its rules are ``Channel.clean``."""

    kinds = forms.MultipleChoiceField(
        label=_("通知类别"),
        choices=NoticeKind.choices,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checks"}),
        help_text=_("此渠道发送哪几类通知。"),
        initial=[NoticeKind.ORDER.value, NoticeKind.CIRCULAR.value],
    )
    unit = UnitChoiceField(
        Unit.objects.active().order_by("kind", "order", "code"),
        required=False,
        label=_("单位"),
        empty_label=_("（所有单位：督查室自用）"),
        help_text=_("选定单位时，只发送给该单位的通知。"),
    )

    class Meta:
        model = Channel
        fields = ["name", "kind", "target", "secret", "unit", "kinds", "active"]
        widgets = {
            "target": forms.TextInput(attrs={"size": 60}),
            "secret": forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["kind"].label = _("渠道类型")
        self.fields["kind"].choices = [("", _("请选择")), *ChannelKind.choices]
        if self.instance.pk and self.instance.secret:
            self.fields["secret"].help_text = _("已设置。留空则保持原密钥；改为钉钉以外的渠道时会清除。")

    def clean_secret(self) -> str:
        secret = self.cleaned_data.get("secret", "").strip()
        if not secret and self.instance.pk and self.data.get("kind") == ChannelKind.DINGTALK:
            return str(self.instance.secret)  # left empty: keep the one already set
        return str(secret)


class ScheduleForm(forms.Form):
    """A decision's report calendar; ``ReportSchedule.configure`` applies it."""

    reporting_period = forms.ChoiceField(label=_("报送周期"), choices=ReportingPeriod.choices)
    due_working_days = forms.IntegerField(
        label=_("报送截止（周期结束后第几个工作日）"), min_value=1, max_value=60
    )
    first_period = forms.ChoiceField(
        label=_("首个报送周期"), required=False, help_text=_("不选：自任务分工确认所在的周期起报送。")
    )
    co_units_report = forms.BooleanField(
        label=_("配合单位单独报送"), required=False, help_text=_("不勾选：由牵头单位汇总报送。")
    )
    active = forms.BooleanField(
        label=_("启用"), required=False, help_text=_("不勾选：暂停该决定的报送提醒、催办和报送考核。")
    )

    def __init__(self, *args: Any, decision: Decision, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        year = decision.year or timezone.localdate().year
        quarters = [Period(y, "Q", n) for y in range(year - 1, year + 6) for n in range(1, 5)]
        months = [Period(y, "M", n) for y in range(year - 1, year + 6) for n in range(1, 13)]
        self.fields["first_period"].choices = [
            ("", _("（自分工确认起）")),
            (_("按季度"), [(p.key, p.label) for p in quarters]),
            (_("按月"), [(p.key, p.label) for p in months]),
        ]


class RulesForm(forms.ModelForm):
    feedback = forms.CharField(
        label=_("反馈要求"), max_length=REASON, widget=forms.Textarea(attrs={"rows": 3})
    )

    class Meta:
        model = Rules
        exclude: list[str] = []

    GROUPS = [
        (_("落款与版记"), ["office_name", "printer", "copy_to", "report_copy_to"]),
        (_("亮灯"), ["yellow_working_days", "behind_tolerance", "lookback_periods"]),
        (
            _("提醒、催办和督办"),
            [
                "remind_working_days",
                "urge_after",
                "blue_after",
                "yellow_after",
                "red_after",
                "circular_after",
                "order_working_days",
                "feedback",
            ],
        ),
        (_("雷同检查"), ["copy_threshold", "copy_min_chars"]),
        (
            _("考核"),
            [
                "score_base",
                "deduct_missed",
                "deduct_late",
                "deduct_red",
                "deduct_returned",
                "add_done",
                "add_on_track",
                "bonus_cap",
                "lead_weight",
                "co_weight",
            ],
        ),
    ]

    def groups(self) -> list[tuple[Any, list[Any]]]:
        return [(label, [self[name] for name in names]) for label, names in self.GROUPS]
