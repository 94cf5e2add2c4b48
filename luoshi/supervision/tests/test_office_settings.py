"""The office configures supervision on its own screens: notification channels (kinds ticked from a
list, a test message), each decision's report calendar, the supervision rules and the holiday table."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from luoshi.ledger.models import AuditEntry
from luoshi.ledger.tests.factory import make_decision, make_report, make_task
from luoshi.supervision.models import Channel, Delivery, Holiday, ReportSchedule, Rules
from luoshi.supervision.schedule import Schedule

from .robots import Robot

pytestmark = pytest.mark.django_db


@pytest.fixture
def robot() -> Iterator[Robot]:
    r = Robot()
    yield r
    r.close()


def channel_form(**overrides: Any) -> dict[str, Any]:
    data = {
        "name": "督查室钉钉群",
        "kind": "dingtalk",
        "target": "https://oapi.dingtalk.com/robot/send?access_token=abc",
        "secret": "SEC123",
        "unit": "",
        "kinds": ["urge", "order"],
        "active": "on",
    }
    return data | overrides


# -- channels -------------------------------------------------------------------------------------------
def test_a_channels_notice_kinds_are_ticked_from_the_list_and_shown_in_words(
    as_user: Any, office: Any
) -> None:
    client = as_user(office)
    new = client.get(reverse("supervision:channel-new")).content.decode()
    assert 'type="checkbox" name="kinds" value="urge"' in new
    assert "remind, urge" not in new
    response = client.post(reverse("supervision:channel-new"), channel_form())
    channel = Channel.objects.get()
    assert response.status_code == 302
    assert channel.kinds == ["urge", "order"]
    assert channel.wants("order", set())
    assert not channel.wants("circular", set())
    listing = client.get(reverse("supervision:channel-list")).content.decode()
    assert "催办、督办单" in listing
    assert "钉钉群机器人" in listing
    entry = AuditEntry.objects.get(model="supervision.channel")
    assert entry.action == "create"
    assert entry.actor == office
    assert entry.after["kinds"] == ["urge", "order"]


def test_a_new_channel_starts_with_the_formal_notices_ticked(as_user: Any, office: Any) -> None:
    form = as_user(office).get(reverse("supervision:channel-new")).context["form"]
    assert form["kinds"].value() == ["order", "circular"]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"kinds": []}, "kinds", "必填"),
        ({"kinds": ["urge", "everything"]}, "kinds", "有效的选项"),
        ({"target": "oapi.dingtalk.com/robot"}, "target", "https://"),
        (
            {"kind": "email", "target": "dcs@example.org；not an address", "secret": ""},
            "target",
            "not an address",
        ),
        (
            {"kind": "email", "target": "dcs@example.org", "secret": "x"},
            "secret",
            "只有钉钉群机器人使用加签密钥",
        ),
        ({"kind": ""}, "kind", "必填"),
    ],
    ids=["no-kind", "unknown-kind", "not-a-url", "bad-address", "secret-on-email", "no-channel-kind"],
)
def test_a_channel_is_refused_with_the_reason_in_chinese(
    as_user: Any, office: Any, overrides: dict[str, Any], field: str, message: str
) -> None:
    response = as_user(office).post(reverse("supervision:channel-new"), channel_form(**overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Channel.objects.exists()


def test_a_robots_secret_is_never_shown_and_kept_when_left_empty(as_user: Any, office: Any) -> None:
    client = as_user(office)
    client.post(reverse("supervision:channel-new"), channel_form())
    channel = Channel.objects.get()
    page = client.get(reverse("supervision:channel-edit", args=[channel.pk])).content.decode()
    assert "SEC123" not in page
    assert "已设置" in page
    client.post(
        reverse("supervision:channel-edit", args=[channel.pk]), channel_form(name="督查室群", secret="")
    )
    channel.refresh_from_db()
    assert (channel.name, channel.secret) == ("督查室群", "SEC123")


def test_switching_a_channel_off_and_on_is_recorded(as_user: Any, office: Any) -> None:
    channel = Channel.objects.create(name="督查室邮箱", kind="email", target="dcs@example.org")
    client = as_user(office)
    client.post(reverse("supervision:channel-toggle", args=[channel.pk]))
    channel.refresh_from_db()
    assert not channel.active
    assert AuditEntry.objects.filter(model="supervision.channel", action="disable").exists()


def test_the_test_message_reaches_the_robot_and_the_page_says_so(
    as_user: Any, office: Any, robot: Robot
) -> None:
    channel = Channel.objects.create(name="督查室群", kind="wecom", target=robot.url, kinds=["order"])
    response = as_user(office).post(reverse("supervision:channel-test", args=[channel.pk]), follow=True)
    assert "群机器人已收下测试消息" in response.content.decode()
    assert len(robot.received) == 1
    assert "通知渠道“督查室群”可用" in robot.received[0]["json"]["markdown"]["content"]
    assert not Delivery.objects.exists()  # a test is not a notice


def test_a_dingtalk_test_message_is_signed_with_the_secret(as_user: Any, office: Any, robot: Robot) -> None:
    channel = Channel.objects.create(
        name="钉钉群", kind="dingtalk", target=robot.url, secret="SEC", kinds=["urge"]
    )
    as_user(office).post(reverse("supervision:channel-test", args=[channel.pk]))
    assert "&timestamp=" in robot.received[0]["path"]
    assert "&sign=" in robot.received[0]["path"]


def test_a_refused_test_message_is_explained_in_chinese(as_user: Any, office: Any, robot: Robot) -> None:
    robot.answers.append((200, {"errcode": 310000, "errmsg": "keywords not in content"}))
    channel = Channel.objects.create(name="钉钉群", kind="dingtalk", target=robot.url, kinds=["urge"])
    page = as_user(office).post(reverse("supervision:channel-test", args=[channel.pk]), follow=True)
    said = page.content.decode()
    assert "测试消息没有发出：群机器人拒收（错误码 310000）" in said
    assert "请检查地址、关键词或加签设置" in said


def test_an_unreachable_robot_is_explained_in_chinese(as_user: Any, office: Any) -> None:
    channel = Channel.objects.create(
        name="内网群", kind="wecom", target="http://127.0.0.1:9/send", kinds=["urge"]
    )
    said = (
        as_user(office)
        .post(reverse("supervision:channel-test", args=[channel.pk]), follow=True)
        .content.decode()
    )
    assert "无法连接该地址" in said or "连接超时" in said
    assert "URLError" not in said


def test_a_test_e_mail_goes_to_every_address_of_the_channel(as_user: Any, office: Any) -> None:
    channel = Channel.objects.create(name="督查室邮箱", kind="email", target="a@example.org, b@example.org")
    said = (
        as_user(office)
        .post(reverse("supervision:channel-test", args=[channel.pk]), follow=True)
        .content.decode()
    )
    assert "测试邮件已发往 a@example.org、b@example.org" in said
    assert mail.outbox[0].to == ["a@example.org", "b@example.org"]
    assert "【测试】" in mail.outbox[0].subject


# -- report calendars -----------------------------------------------------------------------------------
def test_the_office_sets_a_decisions_report_calendar_in_one_place(as_user: Any, office: Any) -> None:
    decision = make_decision(year=2026)
    response = as_user(office).post(
        reverse("supervision:schedule-edit", args=[decision.pk]),
        {"reporting_period": "monthly", "due_working_days": 3, "first_period": "2026M09", "active": "on"},
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    schedule = ReportSchedule.objects.get(decision=decision)
    assert (decision.reporting_period, decision.report_due_days) == ("monthly", 3)
    assert (schedule.due_working_days, schedule.first_period, schedule.co_units_report) == (
        3,
        "2026M09",
        False,
    )
    read = Schedule.for_decisions([(decision.pk, decision.reporting_period, decision.report_due_days)])[
        decision.pk
    ]
    assert (read.kind, read.due_working_days, read.first.key) == ("monthly", 3, "2026M09")
    listing = as_user(office).get(reverse("supervision:schedule-list")).content.decode()
    assert "2026年9月" in listing
    assert "周期结束后第 3 个工作日" in listing
    assert AuditEntry.objects.filter(model="supervision.reportschedule", action="create").exists()
    assert AuditEntry.objects.filter(model="ledger.decision", action="update").exists()


def test_the_first_period_is_chosen_from_a_list_of_periods_in_words(as_user: Any, office: Any) -> None:
    decision = make_decision(year=2026)
    page = as_user(office).get(reverse("supervision:schedule-edit", args=[decision.pk])).content.decode()
    assert '<option value="2026Q3">2026年第三季度</option>' in page


def test_a_first_period_of_the_other_kind_is_refused(as_user: Any, office: Any) -> None:
    decision = make_decision(year=2026)
    response = as_user(office).post(
        reverse("supervision:schedule-edit", args=[decision.pk]),
        {"reporting_period": "quarterly", "due_working_days": 5, "first_period": "2026M09", "active": "on"},
    )
    assert "首个报送周期应与报送周期一致" in " ".join(response.context["form"].errors["first_period"])
    assert not ReportSchedule.objects.exists()


def test_the_reporting_period_cannot_change_once_reports_are_filed(
    as_user: Any, office: Any, unit_a: Any
) -> None:
    task = make_task(lead_unit=unit_a, decision=make_decision(year=2026))
    make_report(task=task, unit=unit_a, period="2026Q3")
    response = as_user(office).post(
        reverse("supervision:schedule-edit", args=[task.decision.pk]),
        {"reporting_period": "monthly", "due_working_days": 5, "first_period": "", "active": "on"},
    )
    assert "已有按季度报送的进展报告1份" in " ".join(response.context["form"].errors["reporting_period"])
    task.decision.refresh_from_db()
    assert task.decision.reporting_period == "quarterly"


# -- the supervision rules ------------------------------------------------------------------------------
def test_every_rule_is_on_the_rules_screen_in_a_group(as_user: Any, office: Any) -> None:
    from luoshi.supervision.forms import RulesForm

    grouped = [name for _label, names in RulesForm.GROUPS for name in names]
    assert sorted(grouped) == sorted(RulesForm().fields)
    assert len(grouped) == len(set(grouped))


def test_the_office_changes_a_rule_and_the_trail_says_from_what_to_what(as_user: Any, office: Any) -> None:
    client = as_user(office)
    form = client.get(reverse("supervision:rules")).context["form"]
    data = {name: field.value() for name, field in ((f.name, f) for f in form) if field.value() is not None}
    data["red_after"] = 25
    assert client.post(reverse("supervision:rules"), data).status_code == 302
    assert Rules.get().red_after == 25
    entry = AuditEntry.objects.filter(model="supervision.rules").latest("id")
    assert (entry.before, entry.after) == ({"red_after": 20}, {"red_after": 25})


def test_a_ladder_out_of_order_is_refused(as_user: Any, office: Any) -> None:
    client = as_user(office)
    form = client.get(reverse("supervision:rules")).context["form"]
    data = {f.name: f.value() for f in form if f.value() is not None}
    data["red_after"] = 8  # below the yellow 督办单's 10
    response = client.post(reverse("supervision:rules"), data)
    assert "依次增大" in " ".join(response.context["form"].errors["red_after"])
    assert Rules.get().red_after == 20


# -- the holiday table ----------------------------------------------------------------------------------
def test_the_office_enters_a_holiday_of_several_days_at_once(as_user: Any, office: Any) -> None:
    client = as_user(office)
    response = client.post(
        reverse("supervision:holidays"),
        {"start": "2027-02-06", "end": "2027-02-12", "is_workday": "0", "name": "春节"},
        follow=True,
    )
    assert "新增 7 天" in response.content.decode()
    assert Holiday.objects.filter(is_workday=False, name="春节").count() == 7
    client.post(
        reverse("supervision:holidays"), {"start": "2027-02-14", "is_workday": "1", "name": "春节调休"}
    )
    assert Holiday.objects.get(date=dt.date(2027, 2, 14)).is_workday
    again = client.post(
        reverse("supervision:holidays"),
        {"start": "2027-02-12", "end": "2027-02-12", "is_workday": "1", "name": "春节调休"},
        follow=True,
    )
    assert "修改 1 天" in again.content.decode()
    assert AuditEntry.objects.filter(model="supervision.holiday").count() == 9


def test_a_holiday_range_backwards_or_too_long_is_refused(as_user: Any, office: Any) -> None:
    client = as_user(office)
    backwards = client.post(
        reverse("supervision:holidays"), {"start": "2027-02-06", "end": "2027-02-01", "is_workday": "0"}
    )
    assert "结束日期不能早于开始日期" in " ".join(backwards.context["form"].errors["end"])
    long = client.post(
        reverse("supervision:holidays"), {"start": "2027-01-01", "end": "2027-03-01", "is_workday": "0"}
    )
    assert "一次最多录入31天" in " ".join(long.context["form"].errors["end"])
    assert not Holiday.objects.exists()


def test_a_year_without_an_arrangement_is_a_visible_warning_until_the_office_enters_it(
    as_user: Any, office: Any, time_machine: Any
) -> None:
    time_machine.move_to(dt.datetime(2026, 12, 1, 10, tzinfo=dt.UTC), tick=False)
    client = as_user(office)
    assert "2027年的法定节假日安排尚未录入" in client.get(reverse("supervision:holidays")).content.decode()
    assert "2027年的法定节假日安排尚未录入" in client.get(reverse("office")).content.decode()
    client.post(reverse("supervision:holidays"), {"start": "2027-01-01", "is_workday": "0", "name": "元旦"})
    page = client.get(reverse("supervision:holidays")).content.decode()
    assert "2027年超出内置节假日日历的范围，工作日按督查室录入的节假日安排计算" in page


def test_the_trail_names_a_channels_notice_kinds_in_words(as_user: Any, office: Any) -> None:
    from luoshi.ledger.history import describe

    client = as_user(office)
    client.post(reverse("supervision:channel-new"), channel_form())
    channel = Channel.objects.get()
    client.post(
        reverse("supervision:channel-edit", args=[channel.pk]), channel_form(kinds=["order", "circular"])
    )
    lines = describe(AuditEntry.objects.filter(model="supervision.channel").order_by("id"))
    assert "通知类别：催办、督办单" in lines[0].changes_text
    assert "通知类别：催办、督办单 → 督办单、通报" in lines[1].changes_text
    assert "urge" not in lines[1].changes_text


def test_the_trail_never_holds_a_robots_secret(as_user: Any, office: Any) -> None:
    client = as_user(office)
    client.post(reverse("supervision:channel-new"), channel_form(secret="SECabcdef123456"))
    channel = Channel.objects.get()
    client.post(reverse("supervision:channel-edit", args=[channel.pk]), channel_form(secret="SECzyxw987"))
    channel.refresh_from_db()
    assert channel.secret == "SECzyxw987"
    entries = list(AuditEntry.objects.filter(model="supervision.channel").order_by("id"))
    assert "SEC" not in str([(e.before, e.after) for e in entries])
    assert entries[1].before["secret"] != entries[1].after["secret"]
    assert entries[1].after["secret"].startswith("•••• ")
