"""Who someone is in luoshi: a role, and for unit roles the unit they act for."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .audit import Audited


class Role(models.TextChoices):
    OFFICE = "office", _("督查室管理员")
    REPORTER = "reporter", _("单位填报员")
    UNIT_LEADER = "unit_leader", _("单位负责人")
    LEADER = "leader", _("领导")
    AUDITOR = "auditor", _("审计员")

    @classmethod
    def of(cls, user: Any) -> Role | None:
        """The role of ``user`` (a superuser is the office), cached on the user object."""
        if user is None or not getattr(user, "is_authenticated", False):
            return None
        cached = getattr(user, "_luoshi_role", False)
        if cached is not False:
            return cached
        profile = Profile.of(user)
        role = cls(profile.role) if profile is not None else None
        if role is None and user.is_superuser:
            role = cls.OFFICE
        user._luoshi_role = role
        return role

    @classmethod
    def unit_roles(cls) -> set[Role]:
        return {cls.REPORTER, cls.UNIT_LEADER}


class Profile(Audited):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("用户"),
        on_delete=models.PROTECT,
        related_name="luoshi_profile",
    )
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(
        "ledger.Unit",
        verbose_name=_("所在单位"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    title = models.CharField(_("职务"), max_length=60, blank=True)

    class Meta:
        verbose_name = _("用户角色")
        verbose_name_plural = _("用户角色")

    def __str__(self) -> str:
        return f"{self.user.get_username()} · {self.get_role_display()}"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.role in {Role.REPORTER, Role.UNIT_LEADER} and self.unit_id is None:
            raise ValidationError({"unit": _("单位填报员和单位负责人必须指定所在单位。")})

    @classmethod
    def of(cls, user: Any) -> Profile | None:
        cached = getattr(user, "_luoshi_profile", False)
        if cached is not False:
            return cached
        profile = cls.objects.select_related("unit").filter(user_id=user.pk).first()
        user._luoshi_profile = profile
        return profile


def unit_of(user: Any) -> Any:
    """The unit ``user`` acts for, or None (office, leaders and auditors act for no unit)."""
    if Role.of(user) not in Role.unit_roles():
        return None
    profile = Profile.of(user)
    return profile.unit if profile is not None else None
