from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.models import Decision
from luoshi.ledger.uploads import check_upload

SHEET_KINDS = frozenset({"xlsx"})


class SheetUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Excel 文件"),
        help_text=_("本系统导出的任务分工方案（修改后），或 luoshi extract 生成的任务清单（.xlsx）。"),
    )
    decision = forms.ModelChoiceField(
        Decision.objects.all(),
        required=False,
        label=_("所属决定"),
        empty_label=_("（导入任务分工方案时不必选择）"),
        help_text=_("导入任务清单时必选：条目编号在决定内才唯一。"),
    )

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        check_upload(upload, SHEET_KINDS)
        return upload
