"""Forms of the supervision screens: thin; the rules are in the models' methods."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.limits import COMMENT, NOTE, REASON

from .models import Holiday, RequestKind


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


class HolidayForm(forms.ModelForm):
    class Meta:
        model = Holiday
        fields = ["date", "is_workday", "name"]
        widgets = {"date": forms.DateInput(attrs={"type": "date"})}
