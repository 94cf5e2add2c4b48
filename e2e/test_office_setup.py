"""The office sets up what it runs, in the browser, without Django's admin: a new unit, a person in it,
a channel for 催办 and 督办单, a holiday. Then the new person signs in and acts for the new unit."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from luoshi.ledger.models import AuditEntry, Profile, Unit
from luoshi.ledger.tests.factory import make_unit, make_user
from luoshi.supervision.models import Channel, Holiday

from .helpers import sign_in, sign_out

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "Caoyuan-2026-lvse"


def only(label: str) -> re.Pattern[str]:
    """A label exactly, with the colon forms put after it."""
    return re.compile(rf"^{label}[:：]?$")


def test_the_office_adds_a_unit_a_person_a_channel_and_a_holiday(page: Any) -> None:
    make_unit(code="150600", name="示范市", kind="league_city", division_code="150600")
    make_user("office", role="office", first_name="王敏")

    sign_in(page, "office")
    page.get_by_role("navigation", name="主导航").get_by_role("link", name="管理").click()
    expect(page.get_by_role("heading", name="管理")).to_be_visible()

    # a banner of the league, from the unit catalogue
    page.get_by_role("link", name="单位名录").click()
    page.get_by_role("link", name="在此下新增单位").first.click()
    expect(page.get_by_label("上级单位")).to_have_value(str(Unit.objects.get(name="示范市").pk))
    page.get_by_label("单位名称").fill("示范旗")
    page.get_by_label("行政区划代码").fill("150621")
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_role("status")).to_contain_text("已新增单位“示范旗”")
    banner = Unit.objects.get(name="示范旗")
    assert banner.league is not None
    assert banner.league.name == "示范市"

    # a reporter for it: the form refuses a weak password first, in Chinese
    page.goto("/office/")
    page.get_by_role("link", name="账号与角色").click()
    page.get_by_role("link", name="新建账号").click()
    page.get_by_label("用户名").fill("gaoyuan")
    page.get_by_label("姓名").fill("高原")
    page.get_by_label("角色").select_option(label="单位填报员")
    page.get_by_label("所在单位").select_option(label="示范旗")
    page.get_by_label(only("密码")).fill("12345678")
    page.get_by_label("密码确认").fill("12345678")
    page.get_by_role("button", name="保存").click()
    expect(page.locator("main")).to_contain_text("这个密码太常见了")
    page.get_by_label(only("密码")).fill(PASSWORD)
    page.get_by_label("密码确认").fill(PASSWORD)
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_role("status")).to_contain_text("已建立账号“高原”")
    expect(page.locator("main table")).to_contain_text("示范旗")
    assert Profile.objects.get(user__username="gaoyuan").unit == banner

    # a channel for 催办 and 督办单, kinds ticked from the list
    page.goto("/office/")
    page.get_by_role("link", name="通知渠道").click()
    page.get_by_role("link", name="新增渠道").click()
    page.get_by_label("名称").fill("示范旗工作群")
    page.get_by_label("渠道类型").select_option(label="企业微信群机器人")
    page.get_by_label("地址").fill("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=demo")
    page.get_by_label(only("单位")).select_option(label="示范旗")
    page.get_by_label("通报").uncheck()
    page.get_by_label("催办").check()
    expect(page.get_by_label("督办单")).to_be_checked()
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_role("status")).to_contain_text("已保存通知渠道“示范旗工作群”")
    channel = Channel.objects.get()
    assert sorted(channel.kinds) == ["order", "urge"]
    assert channel.unit == banner
    page.get_by_role("link", name="通知渠道").click()
    expect(page.locator("main table")).to_contain_text("催办、督办单")

    # a holiday the official calendar does not have yet
    page.goto("/office/")
    page.get_by_role("link", name="节假日").first.click()
    page.get_by_label("从").fill("2027-02-06")
    page.get_by_label("至").fill("2027-02-12")
    page.get_by_label("放假").check()
    page.get_by_label("名称").fill("春节")
    page.get_by_role("button", name="录入").click()
    expect(page.get_by_role("status")).to_contain_text("新增 7 天")
    expect(page.locator("main")).to_contain_text("2027年2月6日")
    assert Holiday.objects.filter(name="春节").count() == 7

    # every step is on the trail, by the office
    kinds = set(AuditEntry.objects.filter(actor__username="office").values_list("model", flat=True))
    assert {
        "ledger.unit",
        "auth.user",
        "ledger.profile",
        "supervision.channel",
        "supervision.holiday",
    } <= kinds

    # the new reporter signs in and acts for the new banner
    sign_out(page)
    page.goto("/login/")
    page.get_by_label("用户名").fill("gaoyuan")
    page.get_by_label("密码").fill(PASSWORD)
    page.locator("main form").get_by_role("button", name="登录").click()
    expect(page.locator("header .who")).to_contain_text(re.compile("高原.*单位填报员.*示范旗"))
