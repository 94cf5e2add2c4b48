"""Forms: parse and validate input (in Chinese), then hand it to model methods."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from luoshi.figures import colours

from .limits import NOTE, REASON, SHORT, SPLIT_TEXT, TASK_TEXT
from .models import (
    DEADLINE_FILTERS,
    STATUS_FILTERS,
    SUBTASK_FILTERS,
    DeadlineKind,
    Decision,
    Milestone,
    Section,
    SuggestionRule,
    Task,
    Unit,
    UnitKind,
)
from .uploads import DECISION_KINDS, UNIT_KINDS, check_upload

LIGHT_FILTERS = colours.choices()


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return obj.name


class UnitMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return obj.name


class VersionedForm(forms.Form):
    """Carries the version the user started from, for optimistic locking."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class TaskFilterForm(forms.Form):
    decision = forms.ModelChoiceField(
        Decision.objects.all(), required=False, label=_("决定"), empty_label=_("全部决定")
    )
    section = forms.ModelChoiceField(
        Section.objects.none(), required=False, label=_("章节"), empty_label=_("全部章节")
    )
    unit = UnitChoiceField(Unit.objects.active(), required=False, label=_("单位"), empty_label=_("全部单位"))
    league = UnitChoiceField(
        Unit.objects.leagues(), required=False, label=_("盟市"), empty_label=_("全部盟市")
    )
    status = forms.ChoiceField(
        choices=[("", _("全部进展")), *STATUS_FILTERS], required=False, label=_("进展")
    )
    deadline = forms.ChoiceField(
        choices=[("", _("全部时限")), *DEADLINE_FILTERS], required=False, label=_("时限")
    )
    has_target = forms.ChoiceField(
        choices=[("", _("不限")), ("1", _("含量化目标")), ("0", _("不含量化目标"))],
        required=False,
        label=_("量化目标"),
    )
    q = forms.CharField(required=False, max_length=100, label=_("关键词"))
    # the light (亮灯) and a returned report: the dashboard's figures click through to these
    light = forms.ChoiceField(
        choices=[("", _("全部状态灯")), *LIGHT_FILTERS], required=False, label=_("状态灯")
    )
    returned = forms.ChoiceField(
        choices=[("", _("不限")), ("1", _("有被退回的报告"))], required=False, label=_("报告退回")
    )
    # the dashboard and the report count a cascaded task once, its sub-tasks through it: this shows
    # the list they count (luoshi.figures.tasks)
    subtasks = forms.ChoiceField(
        choices=[("", _("单独列出")), *SUBTASK_FILTERS], required=False, label=_("分解子任务")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        decision_id = self.data.get("decision") if self.is_bound else None
        if decision_id and str(decision_id).isdigit():
            self.fields["section"].queryset = Section.objects.filter(decision_id=decision_id, level__lte=2)
        else:  # sections are chosen within a decision
            self.fields["section"].queryset = Section.objects.none()
            self.fields["section"].empty_label = _("先选择决定")

    def filters(self) -> dict[str, Any]:
        d = self.cleaned_data
        has = {"1": True, "0": False}.get(d.get("has_target") or "")
        return {
            "decision": d.get("decision"),
            "section": d.get("section"),
            "unit": d.get("unit"),
            "league": d.get("league"),
            "status": d.get("status") or "",
            "deadline": d.get("deadline") or "",
            "has_target": has,
            "q": d.get("q") or "",
            "subtasks": d.get("subtasks") or "",
        }

    def apply(self, tasks: Any) -> Any:
        """``tasks`` narrowed by every filter of the form (the task list, its Excel export and the
        dashboard's click-throughs all use this one method), active tasks only unless a status is
        asked for. Call after ``is_valid()``; an invalid form leaves the list unfiltered. With
        ``subtasks=in_parent`` it lists the tasks as the figures count them (``TaskQuerySet.filtered``)."""
        filters = self.filters() if self.is_valid() else {}
        if filters:
            tasks = tasks.filtered(**filters)
            d = self.cleaned_data
            if d.get("light"):
                # the stored light (luoshi.api.lights)
                from luoshi.api.lights import color_filter

                tasks = tasks.filter(color_filter(d["light"]))
            if d.get("returned") == "1":
                from luoshi.progress.models import Report, ReportState

                returned = Report.objects.filter(state=ReportState.RETURNED).values("task_id")
                tasks = tasks.filter(pk__in=returned)
        return tasks if filters.get("status") else tasks.active()


class DecisionUploadForm(forms.Form):
    file = forms.FileField(label=_("决定文件"), help_text=_("支持 txt、docx、pdf、html。"))
    decision = forms.ModelChoiceField(
        Decision.objects.all(),
        required=False,
        label=_("作为哪个决定的修订稿"),
        empty_label=_("自动判断（相同标题视为修订稿，否则新建）"),
    )
    year = forms.IntegerField(required=False, min_value=1949, max_value=2100, label=_("文件年份"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        check_upload(upload, DECISION_KINDS)
        return upload


class ImportChoicesForm(forms.Form):
    """The import preview's choices. Each new item shown carries a hidden ``item`` (its id), an
    ``include`` checkbox (value: its id) and a ``kind-<id>`` select; an item not shown keeps the
    default (a review or a preamble left out, a task imported)."""

    def __init__(self, plan: Any, data: Any = None) -> None:
        super().__init__(data)
        self.plan = plan

    def choices(self) -> Any:
        from .importing import Choices, ItemKind

        chosen = Choices(set(self.plan.choices.excluded), dict(self.plan.choices.kinds))
        if self.data is None:
            return chosen
        shown = set(self.data.getlist("item"))
        included = set(self.data.getlist("include"))
        for change in self.plan.choosable:
            item = change.item
            if item.id not in shown:
                continue
            if item.id in included:
                chosen.excluded.discard(item.id)
            else:
                chosen.excluded.add(item.id)
            kind = self.data.get(f"kind-{item.id}", "")
            if kind in ItemKind.values and kind != item.kind:
                chosen.kinds[item.id] = kind
            else:
                chosen.kinds.pop(item.id, None)
        return chosen


class ImportYearForm(forms.Form):
    year = forms.IntegerField(min_value=1949, max_value=2100, label=_("文件年份"))


class UnitsUploadForm(forms.Form):
    file = forms.FileField(label=_("单位名录文件"), help_text=_("CSV（UTF-8 或 GB18030）或 Excel（.xlsx）。"))

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        check_upload(upload, UNIT_KINDS)
        return upload


class RewordForm(VersionedForm):
    text = forms.CharField(
        label=_("任务内容"), widget=forms.Textarea(attrs={"rows": 5}), max_length=TASK_TEXT
    )
    note = forms.CharField(label=_("修改说明"), required=False, max_length=NOTE)


class WithdrawForm(VersionedForm):
    reason = forms.CharField(label=_("撤销理由"), widget=forms.Textarea(attrs={"rows": 3}), max_length=REASON)


class SplitForm(VersionedForm):
    parts = forms.CharField(
        label=_("拆分后的任务"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("每行一项任务，至少两行。"),
        max_length=SPLIT_TEXT,
    )

    def clean_parts(self) -> list[str]:
        parts = [line.strip() for line in self.cleaned_data["parts"].splitlines() if line.strip()]
        if len(parts) < 2:
            raise forms.ValidationError(_("拆分至少需要两条任务内容（每行一条）。"))
        return parts


class MergeForm(forms.Form):
    others = forms.ModelMultipleChoiceField(
        Task.objects.none(), label=_("与哪些任务合并"), widget=forms.CheckboxSelectMultiple
    )
    text = forms.CharField(
        label=_("合并后的任务内容"),
        required=False,
        max_length=TASK_TEXT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("留空则依次连接原文。"),
    )

    def __init__(self, *args: Any, task: Task, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["others"].queryset = (
            Task.objects.active().filter(decision=task.decision).exclude(pk=task.pk)
        )
        self.fields["others"].label_from_instance = lambda t: f"{t.key} {t.text[:60]}"


class AssignForm(VersionedForm):
    lead_unit = UnitChoiceField(Unit.objects.active(), label=_("牵头单位"), empty_label=_("请选择"))
    co_units = UnitMultipleChoiceField(
        Unit.objects.active(),
        label=_("配合单位"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    responsible = forms.CharField(label=_("责任人"), required=False, max_length=SHORT)
    deadline_kind = forms.ChoiceField(label=_("完成时限"), choices=DeadlineKind.choices, required=False)
    deadline = forms.DateField(
        label=_("截止日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    deadline_note = forms.CharField(label=_("时限说明"), required=False, max_length=SHORT)

    def clean(self) -> dict[str, Any]:
        d = super().clean()
        kind = d.get("deadline_kind")
        if kind == DeadlineKind.DATE and not d.get("deadline"):
            self.add_error("deadline", _("按期完成的任务须填写截止日期。"))
        if kind == DeadlineKind.TEXT and not (d.get("deadline_note") or "").strip():
            self.add_error("deadline_note", _("请填写时限说明，例如“2025年底前”。"))
        return d


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["due", "description", "withdrawn"]
        widgets = {"due": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


MilestoneFormSet = forms.inlineformset_factory(
    Task, Milestone, form=MilestoneForm, extra=2, can_delete=False, max_num=40, validate_max=True
)


class CascadeForm(forms.Form):
    unit = UnitChoiceField(Unit.objects.none(), label=_("承担单位"), required=False)
    text = forms.CharField(
        label=_("子任务内容"), required=False, widget=forms.Textarea(attrs={"rows": 2}), max_length=TASK_TEXT
    )

    def __init__(self, *args: Any, league: Unit | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        qs = Unit.objects.active().exclude(kind=UnitKind.LEAGUE_CITY)
        self.fields["unit"].queryset = (
            qs.filter(league=league) if league is not None else qs.exclude(league=None)
        )

    def clean(self) -> dict[str, Any]:
        d = super().clean()
        if bool(d.get("unit")) != bool((d.get("text") or "").strip()):
            raise forms.ValidationError(_("每一行都需同时填写承担单位和子任务内容。"))
        return d


CascadeFormSet = forms.formset_factory(CascadeForm, extra=5, max_num=60)


class RuleForm(forms.ModelForm):
    unit = UnitChoiceField(Unit.objects.active(), label=_("建议单位"))

    class Meta:
        model = SuggestionRule
        fields = ["keyword", "unit", "role", "weight", "active", "note"]

    def clean_keyword(self) -> str:
        kw = self.cleaned_data["keyword"].strip()
        if not [w for w in kw.split("+") if w.strip()]:
            raise forms.ValidationError(_("请填写关键词。"))
        return kw


class SavedViewForm(forms.Form):
    name = forms.CharField(label=_("视图名称"), max_length=60)
    query = forms.CharField(widget=forms.HiddenInput, required=False, max_length=1000)


class AuditFilterForm(forms.Form):
    """Who, what kind of record, when (a range of days, local time) and which task."""

    actor = forms.CharField(
        required=False,
        label=_("操作人"),
        max_length=150,
        widget=forms.TextInput(attrs={"size": 10, "placeholder": _("姓名")}),
    )
    model = forms.ChoiceField(required=False, label=_("对象类型"))
    since = forms.DateField(
        required=False, label=_("起始日期"), widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        required=False, label=_("截止日期"), widget=forms.DateInput(attrs={"type": "date"})
    )
    task = forms.CharField(
        required=False,
        label=_("任务编号"),
        max_length=60,
        widget=forms.TextInput(attrs={"size": 10, "placeholder": "3.2.1"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from .history import recorded_kinds

        super().__init__(*args, **kwargs)
        self.fields["model"].choices = [("", _("全部")), *recorded_kinds()]

    def clean_task(self) -> str:
        return self.cleaned_data["task"].strip()
