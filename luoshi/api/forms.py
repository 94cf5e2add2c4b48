from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        profile = getattr(obj, "luoshi_profile", None)
        role = f" · {profile.get_role_display()}" if profile is not None else ""
        unit = f" · {profile.unit.name}" if profile is not None and profile.unit_id else ""
        return f"{obj.get_full_name() or obj.get_username()}（{obj.get_username()}）{role}{unit}"


class IssueTokenForm(forms.Form):
    user = UserChoiceField(
        get_user_model().objects.none(),
        label=_("令牌代表的用户"),
        help_text=_("令牌与该用户的权限完全相同。建议为每个对接系统建立专门的账号并分配角色。"),
    )
    name = forms.CharField(label=_("用途"), max_length=60, help_text=_("例如：政务大屏、考核系统。"))
    days = forms.IntegerField(
        label=_("有效天数"),
        required=False,
        min_value=1,
        max_value=3650,
        help_text=_("留空则长期有效，直到吊销。"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, luoshi_profile__isnull=False)
            .select_related("luoshi_profile__unit")
            .order_by("username")
        )
