"""Accounts (账号与角色): the list, a new account, a person's role and unit, deactivation, a new password.

The office only; the rules (who may change whom, what is recorded) are in ``luoshi.ledger.accounts``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import accounts
from ..models import Profile
from ..office_forms import PersonCreateForm, PersonFilterForm, PersonForm
from .common import office_only

PAGE_SIZE = 50


def _person(request: HttpRequest, pk: int, *, change: bool = True) -> Any:
    user = get_object_or_404(get_user_model().objects.select_related("luoshi_profile"), pk=pk)
    if change and not accounts.can_manage(request.user, user):
        raise PermissionDenied(_("只有超级管理员可以修改超级管理员的账号。"))
    return user


def _profile(user: Any) -> Profile | None:
    try:
        return user.luoshi_profile  # type: ignore[no-any-return]
    except Profile.DoesNotExist:
        return None


def _errors_onto(form: Any, e: ValidationError) -> None:
    if hasattr(e, "error_dict"):
        for field, errs in e.message_dict.items():
            form.add_error(field if field in form.fields else None, errs)
    else:
        form.add_error(None, e.messages)


@office_only
def person_list(request: HttpRequest) -> HttpResponse:
    form = PersonFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = accounts.people(
        q=filters.get("q", ""),
        role=filters.get("role", ""),
        unit=filters.get("unit"),
        state=filters.get("state", ""),
    )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    rows = [
        {"user": u, "profile": _profile(u), "manageable": accounts.can_manage(request.user, u)} for u in page
    ]
    return render(
        request,
        "ledger/person_list.html",
        {"form": form, "page": page, "rows": rows, "query": query.urlencode()},
    )


@office_only
def person_new(request: HttpRequest) -> HttpResponse:
    form = PersonCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            user = accounts.create(
                by=request.user,
                username=d["username"],
                name=d["first_name"],
                email=d.get("email") or "",
                password=d["password1"],
                role=d["role"],
                unit=d.get("unit"),
                title=d.get("title") or "",
            )
        except ValidationError as e:
            _errors_onto(form, e)
        else:
            messages.success(
                request,
                _("已建立账号“%(name)s”（用户名 %(username)s）。请将初始密码当面或以保密方式告知本人。")
                % {"name": user.first_name, "username": user.get_username()},
            )
            return redirect("ledger:person-list")
    return render(request, "ledger/person_form.html", {"form": form, "person": None})


@office_only
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _person(request, pk)
    profile = _profile(user)
    initial = {
        "first_name": user.first_name,
        "email": user.email,
        "role": profile.role if profile else "",
        "unit": profile.unit_id if profile else None,
        "title": profile.title if profile else "",
    }
    form = PersonForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            accounts.update(
                user,
                by=request.user,
                name=d["first_name"],
                email=d.get("email") or "",
                role=d["role"],
                unit=d.get("unit"),
                title=d.get("title") or "",
            )
        except ValidationError as e:
            _errors_onto(form, e)
        else:
            messages.success(
                request, _("已保存“%(name)s”的账号信息。") % {"name": user.first_name or user.username}
            )
            return redirect("ledger:person-list")
    return render(
        request,
        "ledger/person_form.html",
        {"form": form, "person": user, "profile": profile, "is_self": user.pk == request.user.pk},
    )


@office_only
def person_password(request: HttpRequest, pk: int) -> HttpResponse:
    user = _person(request, pk)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        accounts.reset_password(user, form.cleaned_data["new_password1"], by=request.user)
        messages.success(
            request,
            _("已为“%(name)s”设置新密码。请以保密方式告知本人，并提醒其登录后自行修改。")
            % {"name": user.first_name or user.username},
        )
        return redirect("ledger:person-edit", pk=user.pk)
    return render(request, "ledger/person_password.html", {"form": form, "person": user})


@office_only
@require_POST
def person_active(request: HttpRequest, pk: int) -> HttpResponse:
    user = _person(request, pk)
    active = request.POST.get("active") == "1"
    try:
        accounts.set_active(user, active, by=request.user)
    except ValidationError as e:
        messages.error(request, " ".join(e.messages))
    else:
        name = user.first_name or user.username
        if active:
            messages.success(request, _("已启用“%(name)s”的账号。") % {"name": name})
        else:
            messages.success(
                request, _("已停用“%(name)s”的账号：此人不能再登录，已有记录全部保留。") % {"name": name}
            )
    return redirect("ledger:person-edit", pk=user.pk)
