"""Accounts: the people who use luoshi, their role and the unit they act for.

The office keeps them in the app rather than in Django's admin: create an account, change a person's
name, role, unit or title, deactivate and reactivate it, set a new password. Each change goes to the
audit trail, in the same transaction (the account's own fields through :func:`record`, its role and
unit through the audited :class:`Profile`); a password is never recorded, only that it was reset.

Who may manage whom: the office manages accounts; only a superuser manages a superuser's account (an
office clerk must not take over the account that runs the admin), and nobody deactivates their own.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext

from .models import Profile, Role, Unit, record

# the account's own fields the trail records (a password never)
TRACKED = ("username", "first_name", "email", "is_active")


def _snapshot(user: Any) -> dict[str, Any]:
    return {f: getattr(user, f) for f in TRACKED}


def _changes(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = [k for k in after if before.get(k) != after[k]]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def can_manage(by: Any, user: Any) -> bool:
    """``by`` may change ``user``'s account: the office, and for a superuser's account only a superuser."""
    if Role.of(by) != Role.OFFICE:
        return False
    return not user.is_superuser or bool(getattr(by, "is_superuser", False))


def _require(by: Any, user: Any) -> None:
    if not can_manage(by, user):
        raise PermissionDenied(gettext("只有超级管理员可以修改超级管理员的账号。"))


def people(*, q: str = "", role: str = "", unit: Unit | None = None, state: str = "") -> QuerySet[Any]:
    """Accounts for the list, with their profile and unit, in one query."""
    qs = get_user_model().objects.select_related("luoshi_profile", "luoshi_profile__unit")
    for word in q.split():
        qs = qs.filter(
            Q(username__icontains=word) | Q(first_name__icontains=word) | Q(last_name__icontains=word)
        )
    if role == "none":
        qs = qs.filter(luoshi_profile__isnull=True)
    elif role:
        qs = qs.filter(luoshi_profile__role=role)
    if unit is not None:
        qs = qs.filter(luoshi_profile__unit=unit)
    if state == "active":
        qs = qs.filter(is_active=True)
    elif state == "inactive":
        qs = qs.filter(is_active=False)
    return qs.order_by("-is_active", "luoshi_profile__unit__order", "luoshi_profile__role", "username")


def _check_profile(role: str, unit: Unit | None) -> None:
    if role in Role.unit_roles() and unit is None:
        raise ValidationError({"unit": gettext("单位填报员和单位负责人必须指定所在单位。")})
    if unit is not None and not unit.active:
        raise ValidationError({"unit": gettext("“%(name)s”已停用，请选择在用单位。") % {"name": unit.name}})


def create(
    *,
    by: Any,
    username: str,
    name: str,
    password: str,
    role: str,
    unit: Unit | None = None,
    title: str = "",
    email: str = "",
) -> Any:
    """A new account with its role; the password is set hashed (``set_password``), never stored."""
    if Role.of(by) != Role.OFFICE:
        raise PermissionDenied(gettext("你没有权限进行此操作。"))
    if role not in Role.unit_roles():
        unit = None
    _check_profile(role, unit)
    user_model = get_user_model()
    with transaction.atomic():
        user = user_model(username=username.strip(), first_name=name.strip(), email=email.strip())
        user.set_password(password)
        user.save()
        record("create", user, after=_snapshot(user), actor=by)
        Profile(user=user, role=role, unit=unit, title=title.strip()).save()
    return user


def update(
    user: Any,
    *,
    by: Any,
    name: str,
    email: str,
    role: str,
    unit: Unit | None,
    title: str,
) -> None:
    """Change a person's name, e-mail, role, unit or title; each change on the trail."""
    _require(by, user)
    if role not in Role.unit_roles():
        unit = None
    _check_profile(role, unit)
    if user.pk == getattr(by, "pk", None) and role != Role.OFFICE:
        raise ValidationError({"role": gettext("不能取消自己的督查室管理员角色，请由其他管理员操作。")})
    with transaction.atomic():
        before = _snapshot(user)
        user.first_name, user.email = name.strip(), email.strip()
        after = _snapshot(user)
        if before != after:
            user.save(update_fields=["first_name", "email"])
            old, new = _changes(before, after)
            record("update", user, before=old, after=new, actor=by)
        profile = Profile.objects.filter(user=user).first()
        if profile is None:
            profile = Profile(user=user)
        profile.role, profile.unit, profile.title = role, unit, title.strip()
        profile.audit_as("create" if profile._state.adding else "update", by=by)
        profile.save()
    _forget_role(user)


def set_active(user: Any, active: bool, *, by: Any) -> None:
    """Deactivate (the person can no longer sign in; their records stay) or reactivate an account."""
    _require(by, user)
    if not active and user.pk == getattr(by, "pk", None):
        raise ValidationError(gettext("不能停用自己的账号。"))
    if user.is_active == active:
        return
    with transaction.atomic():
        user.is_active = active
        user.save(update_fields=["is_active"])
        record(
            "enable" if active else "disable",
            user,
            before={"is_active": not active},
            after={"is_active": active},
            actor=by,
        )


def reset_password(user: Any, password: str, *, by: Any) -> None:
    """Set a new password (validated by the form with Django's password validators); only the fact is recorded."""
    _require(by, user)
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        record("reset_password", user, actor=by)


def _forget_role(user: Any) -> None:
    for cached in ("_luoshi_role", "_luoshi_profile"):
        if hasattr(user, cached):
            delattr(user, cached)
