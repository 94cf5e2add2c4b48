from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.limits import REPORT_TEXT, limited
from luoshi.ledger.models import Decision
from luoshi.ledger.uploads import check_upload

from .models import ReportDraft

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


@limited(problems=REPORT_TEXT, next_steps=REPORT_TEXT)
class ReportDraftForm(forms.ModelForm):
    """What the office edits in a period's 学习宣传贯彻情况报告. A field left as generated keeps following
    the data (the view stores it empty)."""

    class Meta:
        model = ReportDraft
        fields = ["title", "addressee", "issuer", "date", "problems", "next_steps"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "problems": forms.Textarea(attrs={"rows": 8}),
            "next_steps": forms.Textarea(attrs={"rows": 8}),
        }
        help_texts = {
            "date": _("留空则为生成报告的当天。"),
            "problems": _("每行一段；以“（一）”开头的行为二级标题，以“1．”开头的行为三级标题。"),
            "next_steps": _("每行一段；以“（一）”开头的行为二级标题，以“1．”开头的行为三级标题。"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("title", "addressee", "issuer"):
            self.fields[name].widget.attrs["size"] = 60 if name == "title" else 30

    def _clean_text(self, name: str) -> str:
        return "\n".join(
            line.rstrip() for line in self.cleaned_data[name].replace("\r\n", "\n").split("\n")
        ).strip()

    def clean_problems(self) -> str:
        return self._clean_text("problems")

    def clean_next_steps(self) -> str:
        return self._clean_text("next_steps")
