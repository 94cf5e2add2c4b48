"""The office keeps the unit catalogue on its own screens: add, rename, move, order, deactivate, merge.
The rules are the unit's (no cycles, a banner under its league, nothing left with nobody)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.urls import reverse

from luoshi.ledger.models import (
    AuditEntry,
    Profile,
    SuggestionRule,
    Task,
    TaskState,
    TaskUnit,
    TaskUnitRole,
    Unit,
    UnitKind,
)

from .factory import make_report, make_task, make_unit

pytestmark = pytest.mark.django_db


def unit_form(**overrides: Any) -> dict[str, Any]:
    data = {
        "name": "自治区数据局",
        "short": "数据局",
        "kind": UnitKind.DEPARTMENT,
        "parent": "",
        "division_code": "",
        "order": 40,
        "code": "",
    }
    return data | overrides


def test_the_office_adds_a_department_and_it_gets_a_code_of_its_own(as_user: Any, office: Any) -> None:
    response = as_user(office).post(reverse("ledger:unit-new"), unit_form())
    unit = Unit.objects.get(name="自治区数据局")
    assert response.status_code == 302
    assert unit.code
    assert unit.active
    assert unit.league is None
    entry = AuditEntry.objects.get(model="ledger.unit", object_id=str(unit.pk))
    assert entry.action == "create"
    assert entry.actor == office
    assert entry.after["name"] == "自治区数据局"


def test_a_banner_added_under_a_league_belongs_to_that_league(as_user: Any, office: Any, league: Any) -> None:
    client = as_user(office)
    page = client.get(reverse("ledger:unit-new"), {"parent": league.pk})
    assert page.context["form"].initial == {"parent": league.pk, "kind": UnitKind.BANNER_COUNTY}
    client.post(
        reverse("ledger:unit-new"),
        unit_form(
            name="伊金霍洛旗", short="", kind=UnitKind.BANNER_COUNTY, parent=league.pk, division_code="150627"
        ),
    )
    banner = Unit.objects.get(name="伊金霍洛旗")
    assert banner.league == league
    assert banner.code == "150627"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"kind": UnitKind.BANNER_COUNTY}, "parent", "上级单位须是所属盟市"),
        ({"division_code": "15-06"}, "division_code", "6位、9位或12位数字"),
        ({"name": ""}, "name", "必填"),
        ({"code": "nmg-fgw"}, "code", "已存在"),
    ],
    ids=["banner-without-league", "bad-division-code", "no-name", "code-taken"],
)
def test_a_unit_is_refused_with_the_reason_in_chinese(
    as_user: Any, office: Any, unit_a: Any, overrides: dict[str, Any], field: str, message: str
) -> None:
    before = Unit.objects.count()
    response = as_user(office).post(reverse("ledger:unit-new"), unit_form(**overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert Unit.objects.count() == before


def test_a_unit_cannot_be_put_under_itself_or_one_of_its_own(
    as_user: Any, office: Any, league: Any, banner: Any
) -> None:
    response = as_user(office).post(
        reverse("ledger:unit-edit", args=[league.pk]),
        unit_form(name=league.name, kind=UnitKind.DEPARTMENT, parent=banner.pk, code=league.code),
    )
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    league.refresh_from_db()
    assert league.parent is None


def test_renaming_a_unit_is_recorded_with_the_old_and_new_name(
    as_user: Any, office: Any, unit_a: Any
) -> None:
    as_user(office).post(
        reverse("ledger:unit-edit", args=[unit_a.pk]),
        unit_form(name="自治区发展改革委", short="发改委", code=unit_a.code, order=unit_a.order),
    )
    unit_a.refresh_from_db()
    assert unit_a.name == "自治区发展改革委"
    entry = AuditEntry.objects.filter(model="ledger.unit", object_id=str(unit_a.pk)).latest("id")
    assert entry.before["name"] == "自治区发展和改革委员会"
    assert entry.after["name"] == "自治区发展改革委"


def test_moving_a_banner_to_another_league_moves_its_part_in_tasks_with_it(
    as_user: Any, office: Any, league: Any, banner: Any
) -> None:
    other = make_unit(code="150200", name="包头市", kind=UnitKind.LEAGUE_CITY, division_code="150200")
    task = make_task(lead_unit=banner)
    as_user(office).post(
        reverse("ledger:unit-edit", args=[banner.pk]),
        unit_form(
            name=banner.name,
            kind=UnitKind.BANNER_COUNTY,
            parent=other.pk,
            code=banner.code,
            division_code="150621",
        ),
    )
    banner.refresh_from_db()
    assert banner.league == other
    assert TaskUnit.objects.get(task=task, unit=banner).league == other
    assert Task.objects.filter(pk=task.pk).filtered(league=other).exists()


def test_a_league_that_becomes_a_department_takes_its_banners_out_of_the_league(
    league: Any, banner: Any
) -> None:
    league.kind = UnitKind.DEPARTMENT
    league.save()
    banner.refresh_from_db()
    assert banner.league is None


def test_a_unit_with_work_or_people_cannot_be_deactivated(
    as_user: Any, office: Any, unit_a: Any, reporter_a: Any
) -> None:
    make_task(lead_unit=unit_a)
    client = as_user(office)
    page = client.get(reverse("ledger:unit-edit", args=[unit_a.pk])).content.decode()
    assert "1项在办任务、1个在用账号" in page
    response = client.post(reverse("ledger:unit-active", args=[unit_a.pk]), {"active": "0"}, follow=True)
    unit_a.refresh_from_db()
    assert unit_a.active
    assert "不能停用" in response.content.decode()


def test_an_idle_unit_is_deactivated_kept_and_can_be_reactivated(
    as_user: Any, office: Any, unit_b: Any
) -> None:
    client = as_user(office)
    client.post(reverse("ledger:unit-active", args=[unit_b.pk]), {"active": "0", "note": "机构改革撤销"})
    unit_b.refresh_from_db()
    assert not unit_b.active
    entry = AuditEntry.objects.filter(model="ledger.unit", object_id=str(unit_b.pk)).latest("id")
    assert (entry.action, entry.note, entry.after) == ("disable", "机构改革撤销", {"active": False})
    assert unit_b not in client.get(reverse("ledger:person-new")).context["form"].fields["unit"].queryset
    tree = client.get(reverse("ledger:unit-tree")).content.decode()
    assert "已停用的单位" in tree
    assert "自治区教育厅" in tree
    client.post(reverse("ledger:unit-active", args=[unit_b.pk]), {"active": "1"})
    unit_b.refresh_from_db()
    assert unit_b.active


def test_merging_a_unit_hands_its_work_people_rules_and_reports_to_the_target(
    as_user: Any, office: Any, unit_a: Any, unit_b: Any, reporter_a: Any
) -> None:
    from luoshi.supervision.models import Channel, Request, RequestKind

    assigned = dt.datetime(2026, 7, 1, 1, tzinfo=dt.UTC)
    led = make_task(lead_unit=unit_a, assigned_at=assigned)
    shared = make_task(lead_unit=unit_a, co_units=[unit_b], assigned_at=assigned)
    helping = make_task(lead_unit=unit_b, co_units=[unit_a], assigned_at=assigned)
    withdrawn = make_task(lead_unit=unit_a, state=TaskState.WITHDRAWN)
    report = make_report(task=led, unit=unit_a, period="2026Q3")
    clash = make_report(task=shared, unit=unit_a, period="2026Q3")
    make_report(task=shared, unit=unit_b, period="2026Q3")
    rule = SuggestionRule.objects.create(keyword="发展规划", unit=unit_a)
    channel = Channel.objects.create(name="发改委邮箱", kind="email", target="fgw@example.org", unit=unit_a)
    pending = Request.objects.create(task=led, unit=unit_a, kind=RequestKind.EXTENSION, reason="工程延误")

    response = as_user(office).post(
        reverse("ledger:unit-merge", args=[unit_a.pk]), {"target": unit_b.pk, "confirm": "on"}, follow=True
    )
    assert response.status_code == 200
    said = response.content.decode()
    assert "已将“自治区发展和改革委员会”并入“自治区教育厅”" in said
    assert "任务3项" in said

    unit_a.refresh_from_db()
    assert not unit_a.active
    assert unit_a.merged_into == unit_b
    led.refresh_from_db()
    assert led.lead_unit == unit_b
    assert led.assigned_at == assigned
    roles = dict(TaskUnit.objects.filter(task=shared).values_list("unit_id", "role"))
    assert roles == {unit_b.pk: TaskUnitRole.LEAD}
    assert dict(TaskUnit.objects.filter(task=helping).values_list("unit_id", "role")) == {
        unit_b.pk: TaskUnitRole.LEAD
    }
    assert TaskUnit.objects.get(task=withdrawn).unit == unit_a  # what is done stays on record
    assert Profile.objects.get(user=reporter_a).unit == unit_b
    rule.refresh_from_db()
    channel.refresh_from_db()
    pending.refresh_from_db()
    assert rule.unit == unit_b
    assert channel.unit == unit_b
    assert pending.unit == unit_b
    report.refresh_from_db()
    clash.refresh_from_db()
    assert report.unit == unit_b
    assert clash.unit == unit_a
    notes = set(
        AuditEntry.objects.filter(note="自治区发展和改革委员会并入自治区教育厅").values_list(
            "model", flat=True
        )
    )
    assert notes >= {
        "ledger.task",
        "ledger.profile",
        "ledger.suggestionrule",
        "ledger.unit",
        "progress.report",
    }
    entry = AuditEntry.objects.filter(model="ledger.task", object_id=str(shared.pk)).latest("id")
    assert entry.before["units"] != entry.after["units"]


def test_a_unit_cannot_be_merged_into_itself_one_of_its_own_or_a_unit_no_longer_used(
    as_user: Any, office: Any, league: Any, banner: Any, unit_b: Any
) -> None:
    client = as_user(office)
    url = reverse("ledger:unit-merge", args=[league.pk])
    for target in (league, banner):
        response = client.post(url, {"target": target.pk, "confirm": "on"})
        assert response.status_code == 200
        assert "target" in response.context["form"].errors
    unit_b.active = False
    unit_b.save()
    assert "target" in client.post(url, {"target": unit_b.pk, "confirm": "on"}).context["form"].errors
    unconfirmed = client.post(url, {"target": make_unit().pk})
    assert "confirm" in unconfirmed.context["form"].errors
    league.refresh_from_db()
    assert league.active


def test_the_office_orders_the_banners_of_a_league(
    as_user: Any, office: Any, league: Any, banner: Any, banner2: Any
) -> None:
    client = as_user(office)
    url = reverse("ledger:unit-order") + f"?parent={league.pk}"
    formset = client.get(url).context["formset"]
    data = {"form-TOTAL_FORMS": "2", "form-INITIAL_FORMS": "2"}
    for n, form in enumerate(formset.forms):
        data[f"form-{n}-id"] = form.instance.pk
        data[f"form-{n}-order"] = 1 if form.instance == banner2 else 2
    assert client.post(url, data).status_code == 302
    assert list(Unit.objects.filter(parent=league).order_by("order").values_list("name", flat=True)) == [
        "准格尔旗",
        "达拉特旗",
    ]
    assert AuditEntry.objects.filter(model="ledger.unit", object_id=str(banner2.pk), action="update").exists()
