"""One ledger, three pages, the same counts: a leader reads the report to the committee, the dashboard
and the task list in the browser, and every number of tasks and lights agrees; following a light on
the dashboard leads to a list of exactly that many tasks (docs/figures.md)."""

from __future__ import annotations

import datetime as dt
import re
from types import SimpleNamespace
from typing import Any

import pytest

from e2e.helpers import sign_in

expect = pytest.importorskip("playwright.sync_api", reason="playwright is in the dev extra").expect

pytestmark = pytest.mark.django_db(transaction=True)

LIGHTS = ("红灯", "黄灯", "绿灯", "未分工", "未定时限", "已办结", "已暂缓")


@pytest.fixture
def ledger() -> SimpleNamespace:
    """A decision whose tasks have every light: past its deadline (red), reported behind (yellow), on
    schedule (green), nobody assigned (未分工), no time limit (未定时限), done, suspended, and one
    cascaded to two banners (counted once); lit by the supervision rules."""
    from django.utils import timezone

    from luoshi.ledger.models import Section, UnitKind
    from luoshi.ledger.tests.factory import make_decision, make_task, make_unit, make_user
    from luoshi.supervision.models import ReportSchedule, Suspension
    from luoshi.supervision.tests.factory import light_up

    today = timezone.localdate()
    office = make_user("office", role="office", first_name="王敏")
    make_user("leader", role="leader", first_name="刘军")
    dept = make_unit(name="示范市发展改革委", short="市发改委")
    city = make_unit(name="示范市东城区", kind=UnitKind.LEAGUE_CITY, division_code="150600")
    east, west = (
        make_unit(name=f"东城区{n}街道", kind=UnitKind.BANNER_COUNTY, parent=city) for n in ("一", "二")
    )
    d = make_decision(title="关于核对统计口径的决定（测试样例）", year=today.year)
    ReportSchedule.objects.create(decision=d, active=False)  # the task rules alone, no report calendar
    part = Section.objects.create(decision=d, key="1", level=1, number="一", title="重点任务", order=1)
    assigned = timezone.now() - dt.timedelta(days=30)
    common = {"decision": d, "section": part, "assigned_at": assigned}
    make_task(
        **common, lead_unit=dept, deadline_kind="date", deadline=today - dt.timedelta(days=10), percent=40
    )
    make_task(**common, lead_unit=dept, deadline_kind="ongoing", progress_status="behind")
    make_task(**common, lead_unit=dept, deadline_kind="ongoing", progress_status="on_track", percent=30)
    make_task(decision=d, section=part)  # nobody assigned
    make_task(**common, lead_unit=dept, percent=20)  # no time limit
    make_task(**common, lead_unit=dept, progress_status="done", percent=100)
    paused = make_task(**common, lead_unit=dept, deadline_kind="ongoing")
    Suspension.objects.create(task=paused, reason="项目选址调整", created_by=office)
    parent = make_task(
        **common, lead_unit=city, deadline_kind="date", deadline=today + dt.timedelta(days=400), percent=50
    )
    parent.cascade([(east, "一街道：分解任务"), (west, "二街道：分解任务")], by=office)
    light_up()
    return SimpleNamespace(decision=d, tasks=8)


def counted(text: str) -> int:
    m = re.search(r"共 (\d+) 项任务", text)
    assert m, text[:200]
    return int(m.group(1))


def test_the_report_the_dashboard_and_the_task_list_give_the_same_counts(page: Any, ledger: Any) -> None:
    sign_in(page, "leader")

    # the report to the committee: 重点任务共N项（另分解子任务2项）…，绿灯x项、黄灯y项 …
    page.goto(f"/exchange/report/?decision={ledger.decision.pk}")
    paper = page.locator("article.report-paper")
    expect(paper).to_contain_text("重点任务共")
    text = paper.inner_text()
    tasks = int(re.search(r"重点任务共(\d+)项", text).group(1))
    assert tasks == ledger.tasks
    assert "另分解子任务2项" in text
    in_report = {label: int(n) for label, n in re.findall(r"(红灯|黄灯|绿灯|未分工|未定时限)(\d+)项", text)}
    in_report["已办结"] = int(re.search(r"已办结(\d+)项", text).group(1))
    in_report["已暂缓"] = int(re.search(r"暂缓督办(\d+)项", text).group(1))
    assert sum(in_report.values()) == tasks

    # the dashboard: 在办任务 and the legend of every light
    page.goto("/dashboard/")
    totals = page.locator("section[aria-labelledby='h-totals']")
    expect(totals).to_contain_text("在办任务")
    assert int(totals.locator(".counts li", has_text="在办任务").locator("strong").inner_text()) == tasks
    legend = {}
    for item in totals.locator("ul.legend li").all():
        label, n = re.match(r"\s*(\S+)\s+(\d+)", item.inner_text()).groups()
        legend[label] = int(n)
    assert {k: legend[k] for k in LIGHTS} == in_report
    assert legend["未亮灯"] == 0

    # the task list: all the tasks counted, and each light's count leads to as many tasks
    page.locator(".counts li", has_text="在办任务").locator("a").click()
    expect(page.locator("h1")).to_have_text("任务清单")
    assert counted(page.locator("main").inner_text()) == tasks
    for label in LIGHTS:
        page.goto("/dashboard/")
        item = page.locator("section[aria-labelledby='h-totals'] ul.legend li", has_text=label)
        with page.expect_navigation():
            item.locator("a").click()
        expect(page.locator("h1")).to_have_text("任务清单")
        assert counted(page.locator("main").inner_text()) == in_report[label], label
        rows = page.locator("main table tbody tr")
        if in_report[label]:
            expect(rows.locator(f".light:text-is('{label}')")).to_have_count(in_report[label])
