"""The study screens' forms: the office's wording of a question, a rejection's reason, a study session
and its evidence file. Every free text has its limit (``luoshi.ledger.limits``)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.limits import COMMENT, NOTE, REASON, REPORT_TEXT, SHORT, TASK_TEXT, limited
from luoshi.ledger.models import Decision, Unit

from .bank import LETTERS
from .models import JUDGE_WORDS, MAX_ATTENDANCE, Question, QuestionKind, StudySession, clean_question


@limited(stem=TASK_TEXT, a=NOTE, b=NOTE, c=NOTE, d=NOTE, answer=NOTE, note=NOTE)
class QuestionForm(forms.Form):
    """The office's wording: the stem, a choice's four options, the answer."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    stem = forms.CharField(label=_("题干"), widget=forms.Textarea(attrs={"rows": 3}))
    a = forms.CharField(label=_("选项A"), required=False)
    b = forms.CharField(label=_("选项B"), required=False)
    c = forms.CharField(label=_("选项C"), required=False)
    d = forms.CharField(label=_("选项D"), required=False)
    answer = forms.CharField(label=_("答案"))
    note = forms.CharField(label=_("修改说明"), required=False)

    def __init__(self, *args: Any, question: Question, **kwargs: Any) -> None:
        self.question = question
        if not kwargs.get("data") and not args:
            options = question.shown_options + [""] * (len(LETTERS) - len(question.shown_options))
            kwargs["initial"] = {
                "version": question.version,
                "stem": question.shown_stem,
                "answer": question.shown_answer,
                **dict(zip("abcd", options, strict=False)),
            }
        super().__init__(*args, **kwargs)
        if question.kind != QuestionKind.CHOICE:
            for k in "abcd":
                del self.fields[k]
        if question.kind == QuestionKind.JUDGE:
            self.fields["answer"] = forms.ChoiceField(
                label=_("答案"), choices=[(k, v) for k, v in JUDGE_WORDS.items()]
            )
            self.fields["answer"].initial = question.shown_answer
        elif question.kind == QuestionKind.CHOICE:
            self.fields["answer"] = forms.ChoiceField(label=_("答案"), choices=[(x, x) for x in LETTERS])
            self.fields["answer"].initial = question.shown_answer

    def options(self) -> list[str]:
        if self.question.kind != QuestionKind.CHOICE:
            return []
        return [self.cleaned_data.get(k, "").strip() for k in "abcd"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        try:
            clean_question(
                self.question.kind,
                data.get("stem", "").strip(),
                self.options(),
                data.get("answer", "").strip().upper()
                if self.question.kind == QuestionKind.CHOICE
                else data.get("answer", "").strip(),
            )
        except ValidationError as e:
            for field, errors in e.message_dict.items():
                self.add_error("a" if field == "options" else field, errors)
        return data


@limited(reason=NOTE)
class RejectForm(forms.Form):
    reason = forms.CharField(label=_("剔除理由"), required=False)


@limited(title=SHORT * 2, led_by=SHORT, material=REASON, summary=REPORT_TEXT)
class SessionEntryForm(forms.ModelForm):
    """A study session: its decision, unit, date, form, theme, who led it, attendance, material."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    evidence = forms.FileField(
        label=_("佐证材料"),
        required=False,
        help_text=_("可选。签到表、会议记录、照片等，PDF、Word、Excel、OFD或图片。"),
    )

    class Meta:
        model = StudySession
        fields = [
            "decision",
            "unit",
            "held_on",
            "form",
            "title",
            "led_by",
            "attendance",
            "material",
            "summary",
        ]
        widgets = {
            "held_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "material": forms.Textarea(attrs={"rows": 2}),
            "summary": forms.Textarea(attrs={"rows": 4}),
            "attendance": forms.NumberInput(attrs={"min": 1, "max": MAX_ATTENDANCE, "step": 1}),
        }
        help_texts = {
            "led_by": _("主持人或主讲人的姓名、职务。"),
            "material": _("学习的文件、讲话、辅导材料等。"),
        }
        error_messages = {
            "attendance": {
                "min_value": _("参加人数至少为1人。"),
                "max_value": _("参加人数过大，请核对。"),
                "invalid": _("请填写整数。"),
            },
            "held_on": {"invalid": _("请按“年-月-日”填写日期。")},
        }

    def __init__(self, *args: Any, units: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].queryset = Decision.objects.order_by("-created_at", "-id")
        self.fields["unit"].queryset = units
        self.fields["unit"].label_from_instance = lambda u: u.name  # type: ignore[attr-defined]
        self.fields["decision"].label_from_instance = lambda d: d.title  # type: ignore[attr-defined]
        if not self.instance.pk:
            self.fields["held_on"].initial = timezone.localdate()
        else:
            self.fields["version"].initial = self.instance.version
        if units.count() == 1:
            self.fields["unit"].initial = units.first()
            self.fields["unit"].empty_label = None

    def clean_unit(self) -> Unit:
        unit: Unit = self.cleaned_data["unit"]
        if not unit.active:
            raise ValidationError(gettext("该单位已停用。"))
        return unit


@limited(reason=COMMENT)
class WithdrawForm(forms.Form):
    reason = forms.CharField(label=_("撤回理由"))
