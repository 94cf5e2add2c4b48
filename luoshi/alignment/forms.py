"""Forms of the 对标对表 screens: a plan uploaded, a match corrected, a synonym added."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.models import Unit
from luoshi.ledger.uploads import DECISION_KINDS, check_upload


class PlanUploadForm(forms.Form):
    file = forms.FileField(label=_("下级方案文件"), help_text=_("支持 txt、docx、pdf、html。"))
    unit = forms.ModelChoiceField(
        Unit.objects.active(), label=_("制定单位"), help_text=_("确认后，子任务分给这个单位。")
    )
    year = forms.IntegerField(required=False, min_value=1949, max_value=2100, label=_("文件年份"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        check_upload(upload, DECISION_KINDS)
        return upload


class CorrectionForm(forms.Form):
    parent_key = forms.CharField(max_length=40, widget=forms.HiddenInput)
    child_key = forms.CharField(max_length=40, required=False, label=_("由下级哪一条承接"))


class SynonymForm(forms.Form):
    word = forms.CharField(max_length=40, label=_("说法"))
    means = forms.CharField(max_length=40, label=_("等同于"))
