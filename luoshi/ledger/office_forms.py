"""Forms of the screens on which the office runs luoshi: accounts and the unit catalogue.

They reuse Django's: the account form is Django's ``UserCreationForm`` (a username taken in any case
is refused, the password is checked by the configured password validators), a new password is set
through ``SetPasswordForm``; the unit form is a ``ModelForm`` whose rules are ``Unit.clean``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import UserCreationForm
from django.utils.translation import gettext_lazy as _

from .forms import UnitChoiceField
from .models import Role, Unit


def _unit_field(required: bool = False, **kwargs: Any) -> UnitChoiceField:
    return UnitChoiceField(
        Unit.objects.active().order_by("kind", "order", "code"),
        required=required,
        empty_label=_("（无）"),
        **kwargs,
    )


class _ProfileFields(forms.Form):
    """Role, unit and title, with the rule that a unit's reporter or leader has a unit."""

    role = forms.ChoiceField(label=_("角色"), choices=[("", _("请选择")), *Role.choices])
    unit = _unit_field(
        label=_("所在单位"), help_text=_("单位填报员、单位负责人必填；其他角色不属于任何单位。")
    )
    title = forms.CharField(label=_("职务"), max_length=60, required=False)

    def clean(self) -> dict[str, Any]:
        return _unit_for_role(self, super().clean())


def _unit_for_role(form: forms.BaseForm, data: dict[str, Any]) -> dict[str, Any]:
    if data.get("role") in Role.unit_roles() and data.get("unit") is None and "unit" not in form.errors:
        form.add_error("unit", _("单位填报员和单位负责人必须指定所在单位。"))
    return data


class PersonCreateForm(UserCreationForm):
    """A new account: Django's creation form (username, password twice, validated) and the profile."""

    role = _ProfileFields.base_fields["role"]
    unit = _ProfileFields.base_fields["unit"]
    title = _ProfileFields.base_fields["title"]

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ("username", "first_name", "email")
        labels = {"first_name": _("姓名"), "email": _("电子邮件")}
        # Django's own Chinese says "Email"
        error_messages = {"email": {"invalid": _("请输入有效的电子邮件地址。")}}
        help_texts = {
            "username": _("登录时使用，建议用拼音或工号；不超过150个字符，可含字母、数字和 @/./+/-/_。")
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.order_fields(
            ["username", "first_name", "role", "unit", "title", "email", "password1", "password2"]
        )

    def clean(self) -> dict[str, Any]:
        return _unit_for_role(self, super().clean())


class PersonForm(_ProfileFields):
    """An account's name, e-mail, role, unit and title (the username is the sign-in and stays)."""

    first_name = forms.CharField(label=_("姓名"), max_length=150)
    email = forms.EmailField(
        label=_("电子邮件"), required=False, error_messages={"invalid": _("请输入有效的电子邮件地址。")}
    )

    field_order = ["first_name", "role", "unit", "title", "email"]


class PersonFilterForm(forms.Form):
    q = forms.CharField(label=_("姓名或用户名"), required=False, max_length=100)
    role = forms.ChoiceField(
        label=_("角色"), required=False, choices=[("", _("全部角色")), *Role.choices, ("none", _("未设角色"))]
    )
    unit = _unit_field(label=_("单位"))
    state = forms.ChoiceField(
        label=_("状态"),
        required=False,
        choices=[("", _("全部")), ("active", _("在用")), ("inactive", _("已停用"))],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].empty_label = _("全部单位")


class UnitForm(forms.ModelForm):
    """A unit of the catalogue; ``Unit.clean`` holds the rules (no cycles, a banner under its league)."""

    parent = _unit_field(label=_("上级单位"))

    class Meta:
        model = Unit
        fields = ["name", "short", "kind", "parent", "division_code", "order", "code"]
        labels = {"code": _("单位代码（可不填）")}
        help_texts = {
            "code": _("导入、导出单位名录时用以识别单位；不填则自动生成。"),
            "short": _("如“发展改革委”，列表中显示。"),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].required = False
        if self.instance.pk is not None:
            below = self.instance.descendant_ids() | {self.instance.pk}
            self.fields["parent"].queryset = self.fields["parent"].queryset.exclude(pk__in=below)

    def clean_code(self) -> str:
        code = (self.cleaned_data.get("code") or "").strip()
        if code:
            return code
        if self.instance.code:
            return str(self.instance.code)
        return Unit.new_code(self.cleaned_data.get("division_code") or "")


class MergeForm(forms.Form):
    target = _unit_field(required=True, label=_("并入"))
    confirm = forms.BooleanField(
        label=_("我已了解：本单位的在办任务、账号、分工规则、下级单位和报告将转到目标单位，本单位随即停用。")
    )

    def __init__(self, *args: Any, source: Unit, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        below = source.descendant_ids() | {source.pk}
        self.fields["target"].queryset = self.fields["target"].queryset.exclude(pk__in=below)
        self.fields["target"].empty_label = _("请选择单位")


class DeactivateForm(forms.Form):
    note = forms.CharField(label=_("说明"), required=False, max_length=300)


UnitOrderFormSet = forms.modelformset_factory(
    Unit,
    fields=["order"],
    extra=0,
    widgets={"order": forms.NumberInput(attrs={"min": 0, "class": "short"})},
)
