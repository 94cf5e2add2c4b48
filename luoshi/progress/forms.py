"""The report form: narrative, % complete, a status claim, measured values of the task's targets, evidence."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.limits import REPORT_TEXT, limited
from luoshi.ledger.models import Target

from .models import Claim, Report


@limited(narrative=REPORT_TEXT, problems=REPORT_TEXT, next_steps=REPORT_TEXT)
class ReportForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    evidence = forms.FileField(
        label=_("佐证材料"),
        required=False,
        help_text=_("可选。PDF、Word、Excel、OFD、图片等，单个文件大小有上限。"),
    )

    class Meta:
        model = Report
        fields = ["narrative", "percent", "claim", "problems", "next_steps"]
        widgets = {
            "narrative": forms.Textarea(attrs={"rows": 8}),
            "problems": forms.Textarea(attrs={"rows": 3}),
            "next_steps": forms.Textarea(attrs={"rows": 3}),
            "percent": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 1}),
        }
        error_messages = {"percent": {"max_value": _("完成百分比应在0到100之间。")}}

    def __init__(self, *args: Any, targets: list[Target] = (), **kwargs: Any) -> None:  # type: ignore[assignment]
        super().__init__(*args, **kwargs)
        self.targets = list(targets)
        self.fields["narrative"].required = False
        existing = {}
        if self.instance.pk:
            existing = {m.target_id: m for m in self.instance.measurements.all()}
        for t in self.targets:
            m = existing.get(t.pk)
            self.fields[f"target_{t.pk}"] = forms.FloatField(
                label=f"{t.indicator}（{t.unit or ''}）",
                required=False,
                initial=m.value if m else None,
                help_text=_("目标：%(target)s") % {"target": t.describe()},
                error_messages={"invalid": _("请填写数字。")},
            )
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version

    def measurement_fields(self) -> list[Any]:
        return [self[f"target_{t.pk}"] for t in self.targets]

    def clean(self) -> dict[str, Any]:
        d = super().clean()
        if d.get("claim") == Claim.DONE and d.get("percent") not in (None, 100):
            self.add_error("percent", _("进展判断为“已完成”时，完成百分比应为100%。"))
        return d
