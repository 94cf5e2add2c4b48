"""The office's forms: values, breaks, aliases, links, overrides, indicators and file imports."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.limits import NOTE, REASON

from .models import Indicator, Level, Method


class ObservationForm(forms.Form):
    year = forms.IntegerField(label=_("年份"), min_value=1900, max_value=2100)
    month = forms.IntegerField(
        label=_("月份"),
        min_value=1,
        max_value=12,
        required=False,
        help_text=_("年中时点数填写月份；全年数留空。"),
    )
    value = forms.FloatField(label=_("数值"))
    unit = forms.CharField(
        label=_("单位"), max_length=30, help_text=_("按来源填写，例如 万吨；系统自动换算。")
    )
    source = forms.CharField(label=_("来源"), max_length=200, required=False)
    source_url = forms.CharField(label=_("来源链接"), max_length=500, required=False)
    quote = forms.CharField(
        label=_("原文摘录"), required=False, max_length=REASON, widget=forms.Textarea(attrs={"rows": 2})
    )
    note = forms.CharField(
        label=_("备注"), required=False, max_length=REASON, widget=forms.Textarea(attrs={"rows": 2})
    )

    def fields_for_model(self) -> dict[str, Any]:
        d = dict(self.cleaned_data)
        d["month"] = d.get("month") or None
        for key in ("source", "source_url", "quote", "note", "unit"):
            d[key] = (d.get(key) or "").strip()
        return d


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("撤回原因"), max_length=NOTE)


class BreakForm(forms.Form):
    year = forms.IntegerField(label=_("断点年份"), min_value=1900, max_value=2100)
    reason_zh = forms.CharField(label=_("原因"), max_length=200, initial="统计口径调整")
    reason_en = forms.CharField(label=_("原因（英文）"), max_length=200, required=False)


class AliasForm(forms.Form):
    name = forms.CharField(label=_("目标中的指标名称"), max_length=200)
    indicator = forms.ModelChoiceField(label=_("用以衡量的指标"), queryset=Indicator.objects.all())
    caveat_zh = forms.CharField(label=_("口径说明"), max_length=300, required=False)


class IndicatorForm(forms.Form):
    name = forms.CharField(label=_("指标名称"), max_length=200)
    unit = forms.CharField(label=_("计量单位"), max_length=30)
    caveat_zh = forms.CharField(label=_("口径说明"), max_length=300, required=False)
    description = forms.CharField(
        label=_("说明"), required=False, max_length=REASON, widget=forms.Textarea(attrs={"rows": 2})
    )


class LinkForm(forms.Form):
    indicator = forms.ModelChoiceField(
        label=_("衡量指标"), queryset=Indicator.objects.all(), required=False, empty_label=_("（自动匹配）")
    )
    reference = forms.ModelChoiceField(
        label=_("参照指标"), queryset=Indicator.objects.all(), required=False, empty_label=_("（自动匹配）")
    )
    note = forms.CharField(label=_("说明"), max_length=NOTE, required=False)


class OverrideForm(forms.Form):
    level = forms.ChoiceField(
        label=_("调整为"),
        choices=[("", _("恢复为系统计算的等级")), *Level.choices],
        required=False,
    )
    reason = forms.CharField(label=_("理由"), max_length=REASON, widget=forms.Textarea(attrs={"rows": 3}))


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("数据文件"),
        help_text=_(
            "CSV 或 Excel（.xlsx）；列：指标、年份、数值、单位，可选 原始数值、原始单位、时点、来源、来源链接、原文、备注。"
        ),
    )


class MethodForm(forms.Form):
    methodology = forms.ChoiceField(
        label=_("评估方法"),
        choices=[("", _("沿用上一级的设置")), *Method.choices],
        required=False,
    )
    base_year = forms.IntegerField(
        label=_("基年"),
        min_value=1900,
        max_value=2100,
        required=False,
        help_text=_("此前的数据不参与计算；留空：沿用上一级，默认为数据的第一年（Open SDG自身默认2015年）。"),
    )
    note = forms.CharField(label=_("说明"), max_length=300, required=False)
