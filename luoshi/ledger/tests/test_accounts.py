"""The office keeps the accounts on its own screens: create, change role and unit, deactivate, set a
new password. Django's forms and password validators do the checking; every change is on the trail."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from luoshi.ledger.models import AuditEntry, Profile, Role

from .factory import make_user

pytestmark = pytest.mark.django_db
User = get_user_model()
STRONG = "Caoyuan-2026-lvse"


def signs_in(client: Any, username: str, password: str) -> bool:
    """Through the sign-in form, as a person would."""
    response = client.post(reverse("login"), {"username": username, "password": password})
    return response.status_code == 302 and "_auth_user_id" in client.session


def new_account(**overrides: Any) -> dict[str, Any]:
    data = {
        "username": "wangfang",
        "first_name": "王芳",
        "role": "reporter",
        "unit": "",
        "title": "科员",
        "email": "wangfang@example.org",
        "password1": STRONG,
        "password2": STRONG,
    }
    return data | overrides


def test_the_office_creates_an_account_for_a_units_reporter_who_can_then_sign_in(
    as_user: Any, office: Any, unit_a: Any, client: Any
) -> None:
    response = as_user(office).post(reverse("ledger:person-new"), new_account(unit=unit_a.pk))
    assert response.status_code == 302
    user = User.objects.get(username="wangfang")
    assert user.first_name == "王芳"
    assert user.check_password(STRONG)
    assert STRONG not in user.password  # stored hashed
    profile = Profile.objects.get(user=user)
    assert (profile.role, profile.unit, profile.title) == (Role.REPORTER, unit_a, "科员")
    client.logout()
    assert signs_in(client, "wangfang", STRONG)


def test_creating_an_account_is_on_the_trail_with_its_role_but_never_its_password(
    as_user: Any, office: Any, unit_a: Any
) -> None:
    as_user(office).post(reverse("ledger:person-new"), new_account(unit=unit_a.pk))
    user = User.objects.get(username="wangfang")
    account = AuditEntry.objects.get(model="auth.user", object_id=str(user.pk))
    assert account.action == "create"
    assert account.actor == office
    assert account.after == {
        "username": "wangfang",
        "first_name": "王芳",
        "email": "wangfang@example.org",
        "is_active": True,
    }
    role = AuditEntry.objects.get(model="ledger.profile", object_id=str(user.luoshi_profile.pk))
    assert role.after["role"] == "reporter"
    assert role.after["unit_id"] == unit_a.pk
    everything = str(list(AuditEntry.objects.values_list("before", "after", "note")))
    assert STRONG not in everything
    assert user.password not in everything


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"username": "OFFICE"}, "username", "已存在"),
        ({"password1": "12345678", "password2": "12345678"}, "password2", "密码"),
        ({"password2": "Caoyuan-2026-lvsE"}, "password2", "不一致"),
        ({"unit": ""}, "unit", "必须指定所在单位"),
        ({"first_name": ""}, "first_name", "这个字段是必填项"),
        ({"email": "not-an-address"}, "email", "请输入有效的电子邮件地址"),
        ({"role": ""}, "role", "这个字段是必填项"),
    ],
    ids=[
        "username-taken",
        "weak-password",
        "passwords-differ",
        "reporter-without-unit",
        "no-name",
        "bad-email",
        "no-role",
    ],
)
def test_a_new_account_is_refused_with_the_reason_in_chinese_and_nothing_is_saved(
    as_user: Any, office: Any, overrides: dict[str, Any], field: str, message: str
) -> None:
    before = User.objects.count()
    response = as_user(office).post(reverse("ledger:person-new"), new_account(**overrides))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert message in " ".join(errors[field])
    assert User.objects.count() == before
    assert not AuditEntry.objects.filter(model="auth.user").exists()


def test_a_leader_is_created_without_a_unit_even_if_one_was_chosen(
    as_user: Any, office: Any, unit_a: Any
) -> None:
    as_user(office).post(reverse("ledger:person-new"), new_account(role="leader", unit=unit_a.pk))
    assert Profile.objects.get(user__username="wangfang").unit is None


def test_moving_a_reporter_to_another_unit_as_its_leader_is_recorded(
    as_user: Any, office: Any, reporter_a: Any, unit_b: Any
) -> None:
    response = as_user(office).post(
        reverse("ledger:person-edit", args=[reporter_a.pk]),
        {"first_name": "李强", "role": "unit_leader", "unit": unit_b.pk, "title": "处长", "email": ""},
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=reporter_a)
    assert (profile.role, profile.unit, profile.title) == (Role.UNIT_LEADER, unit_b, "处长")
    entry = AuditEntry.objects.filter(model="ledger.profile").latest("id")
    assert entry.before["role"] == "reporter"
    assert entry.after["role"] == "unit_leader"
    assert entry.after["unit_id"] == unit_b.pk
    assert entry.actor == office


def test_a_person_given_a_role_for_the_first_time_gets_a_profile(
    as_user: Any, office: Any, unit_a: Any
) -> None:
    bare = make_user("newcomer")
    as_user(office).post(
        reverse("ledger:person-edit", args=[bare.pk]),
        {"first_name": "新人", "role": "reporter", "unit": unit_a.pk, "title": "", "email": ""},
    )
    assert Profile.objects.get(user=bare).unit == unit_a


def test_a_deactivated_account_cannot_sign_in_and_keeps_its_records(
    as_user: Any, office: Any, reporter_a: Any, client: Any
) -> None:
    response = as_user(office).post(reverse("ledger:person-active", args=[reporter_a.pk]), {"active": "0"})
    assert response.status_code == 302
    reporter_a.refresh_from_db()
    assert not reporter_a.is_active
    assert Profile.objects.filter(user=reporter_a).exists()
    entry = AuditEntry.objects.get(model="auth.user", object_id=str(reporter_a.pk))
    assert (entry.action, entry.before, entry.after) == ("disable", {"is_active": True}, {"is_active": False})
    client.logout()
    assert not signs_in(client, "reporter_a", "pw-for-tests-only")
    as_user(office).post(reverse("ledger:person-active", args=[reporter_a.pk]), {"active": "1"})
    reporter_a.refresh_from_db()
    assert reporter_a.is_active


def test_the_office_sets_a_new_password_checked_by_the_password_validators(
    as_user: Any, office: Any, reporter_a: Any
) -> None:
    client = as_user(office)
    url = reverse("ledger:person-password", args=[reporter_a.pk])
    weak = client.post(url, {"new_password1": "password", "new_password2": "password"})
    assert weak.status_code == 200
    assert "常见" in " ".join(weak.context["form"].errors["new_password2"])
    reporter_a.refresh_from_db()
    assert reporter_a.check_password("pw-for-tests-only")
    done = client.post(url, {"new_password1": STRONG, "new_password2": STRONG})
    assert done.status_code == 302
    reporter_a.refresh_from_db()
    assert reporter_a.check_password(STRONG)
    entry = AuditEntry.objects.get(model="auth.user", action="reset_password")
    assert entry.before is None
    assert entry.after is None
    assert entry.actor == office


def test_nobody_deactivates_their_own_account_or_drops_their_own_office_role(
    as_user: Any, office: Any
) -> None:
    client = as_user(office)
    client.post(reverse("ledger:person-active", args=[office.pk]), {"active": "0"})
    office.refresh_from_db()
    assert office.is_active
    response = client.post(
        reverse("ledger:person-edit", args=[office.pk]),
        {"first_name": "王敏", "role": "leader", "unit": "", "title": "", "email": ""},
    )
    assert response.status_code == 200
    assert "不能取消自己的督查室管理员角色" in " ".join(response.context["form"].errors["role"])
    assert Profile.objects.get(user=office).role == Role.OFFICE


def test_only_a_superuser_may_change_a_superusers_account(as_user: Any, office: Any) -> None:
    root = User.objects.create_superuser("root", password="pw-for-tests-only")
    client = as_user(office)
    assert client.get(reverse("ledger:person-edit", args=[root.pk])).status_code == 403
    assert client.post(reverse("ledger:person-password", args=[root.pk]), {}).status_code == 403
    assert client.post(reverse("ledger:person-active", args=[root.pk]), {"active": "0"}).status_code == 403
    root.refresh_from_db()
    assert root.is_active
    assert "仅超级管理员可改" in client.get(reverse("ledger:person-list")).content.decode()
    other_root = User.objects.create_superuser("root2", password="pw-for-tests-only")
    assert as_user(root).get(reverse("ledger:person-edit", args=[other_root.pk])).status_code == 200


def test_the_list_finds_people_by_name_role_unit_and_state(
    as_user: Any, office: Any, reporter_a: Any, unit_leader_a: Any, reporter_b: Any, unit_a: Any
) -> None:
    client = as_user(office)
    url = reverse("ledger:person-list")

    def names(**query: Any) -> set[str]:
        return {row["user"].username for row in client.get(url, query).context["rows"]}

    assert names(q="李强") == {"reporter_a"}
    assert names(role="unit_leader") == {"unit_leader_a"}
    assert names(unit=unit_a.pk) == {"reporter_a", "unit_leader_a"}
    reporter_b.is_active = False
    reporter_b.save()
    assert names(state="inactive") == {"reporter_b"}
    page = client.get(url).content.decode()
    assert "单位填报员" in page
    assert "自治区发展和改革委员会" in page


def test_the_admin_is_for_the_superuser_only(client: Any, office: Any) -> None:
    office.is_staff = True
    office.save()
    client.force_login(office)
    assert client.get("/admin/").status_code == 302  # to the admin's sign-in
    assert "管理" in client.get(reverse("office")).content.decode()
    root = User.objects.create_superuser("root", password="pw-for-tests-only")
    client.force_login(root)
    assert client.get("/admin/").status_code == 200


def test_the_trail_tells_what_happened_to_an_account_in_words(as_user: Any, office: Any, unit_a: Any) -> None:
    from luoshi.ledger.history import describe

    client = as_user(office)
    client.post(reverse("ledger:person-new"), new_account(unit=unit_a.pk))
    user = User.objects.get(username="wangfang")
    client.post(
        reverse("ledger:person-password", args=[user.pk]),
        {"new_password1": STRONG + "x", "new_password2": STRONG + "x"},
    )
    client.post(reverse("ledger:person-active", args=[user.pk]), {"active": "0"})
    lines = describe(
        AuditEntry.objects.filter(model__in=["auth.user", "ledger.profile"])
        .exclude(actor=None)
        .order_by("id")
    )
    said = [(line.who, line.verb, line.kind, line.what, line.changes_text) for line in lines]
    assert said[0][:4] == ("王敏", "创建", "用户", "王芳")
    assert "姓名：王芳" in said[0][4]
    assert "可以登录：是" in said[0][4]
    assert said[1][:4] == ("王敏", "创建", "用户角色", "wangfang · 单位填报员")
    assert "所在单位：自治区发展和改革委员会" in said[1][4]
    assert said[2][:2] == ("王敏", "重置密码")
    assert said[2][4] == ""
    assert said[3][1] == "停用"
    assert said[3][4] == "可以登录：是 → 否"
