"""The journey of a decision through the site, in a real browser: the office imports it and confirms
its assignments, a unit reports a measured value, its leader approves, the office accepts, the
target's chart shows the value and the leader's dashboard has moved; the office then edits and
downloads the report to the committee."""

from __future__ import annotations

import io
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from e2e.helpers import FIXTURES, sign_in, sign_out

expect = pytest.importorskip("playwright.sync_api", reason="playwright is in the dev extra").expect

pytestmark = pytest.mark.django_db(transaction=True)

DECISION = FIXTURES / "decision.txt"  # written by the team: a short decision of its own
TITLE = "中共示范市委员会关于推进绿色发展建设美丽示范市的决定（测试样例）"


@pytest.fixture
def city() -> SimpleNamespace:
    """The units of 示范市 with the rules that suggest them, and the people who use the site."""
    from luoshi.ledger.models import SuggestionRule
    from luoshi.ledger.tests.factory import make_unit, make_user

    forestry = make_unit(code="sf-lcj", name="示范市林业和草原局", short="市林草局")
    ecology = make_unit(code="sf-sthj", name="示范市生态环境局", short="市生态环境局")
    energy = make_unit(code="sf-nyj", name="示范市能源局", short="市能源局")
    publicity = make_unit(code="sf-xcb", name="中共示范市委宣传部", short="市委宣传部")
    for keyword, unit in (("森林", forestry), ("蓝天", ecology), ("风电", energy), ("学习宣传", publicity)):
        SuggestionRule.objects.create(keyword=keyword, unit=unit, role="lead", weight=5)
    return SimpleNamespace(
        forestry=forestry,
        office=make_user("office", role="office", first_name="王敏"),
        leader=make_user("leader", role="leader", first_name="刘军"),
        reporter=make_user("reporter", role="reporter", unit=forestry, first_name="李强"),
        unit_leader=make_user("unitleader", role="unit_leader", unit=forestry, first_name="张伟"),
    )


def messages(page: Any) -> Any:
    return page.locator("ul.messages")


def dashboard(page: Any) -> dict[str, Any] | None:
    """The dashboard's figures (its JSON twin, with the page's session), or None without the app."""
    from django.apps import apps

    if not apps.is_installed("luoshi.dashboard"):
        return None
    response = page.request.get("/dashboard/?format=json")
    assert response.ok, response.status
    return response.json()


def test_a_decision_goes_from_import_to_a_measured_value_on_its_targets_chart(
    page: Any, city: SimpleNamespace
) -> None:
    from luoshi.ledger.models import Target

    # 1. The office signs in.
    sign_in(page, "office")
    expect(page).to_have_url(re.compile(r"/decisions/$"))

    # 2. It imports a decision: upload, preview, confirm; then confirms the suggested assignments.
    page.get_by_role("link", name="导入决定").click()
    page.get_by_label("决定文件").set_input_files(str(DECISION))
    page.get_by_role("button", name="上传并预览").click()
    expect(page.locator("h1")).to_contain_text("导入预览")
    expect(page.locator("main")).to_contain_text(f"将新建决定“{TITLE}”")
    expect(page.locator("main")).to_contain_text("将导入 4 项任务。")
    page.get_by_role("button", name="确认导入").click()
    expect(messages(page)).to_contain_text("已导入：新增 4 项")
    expect(page.locator("h1")).to_contain_text(TITLE)
    page.get_by_role("link", name="确认分工建议").click()
    expect(page.locator("main")).to_contain_text("4 项任务尚未确认分工")
    expect(page.locator("tbody")).to_contain_text("牵头：示范市林业和草原局")
    page.get_by_role("button", name="确认所选任务的建议").click()
    expect(messages(page)).to_contain_text("已确认 4 项任务的分工。")
    expect(page.locator("tbody")).to_contain_text("所有任务均已确认分工。")

    dashboard_before = dashboard(page)

    # The target's page: no measured value yet.
    target = Target.objects.get(indicator__contains="森林覆盖率")
    page.goto(f"/indicators/targets/{target.pk}/")
    chart = page.locator("figure.chart svg")
    expect(chart.locator("desc")).to_contain_text("暂无实测数据")
    before = chart.inner_html()
    sign_out(page)

    # 3. The forestry bureau's reporter files the quarter's report with a measured value.
    sign_in(page, "reporter")
    expect(page.locator("h1")).to_have_text("示范市林业和草原局")
    row = page.locator("tr", has_text="森林覆盖率达到30%")
    row.get_by_role("link", name="填报").click()
    expect(page.locator("h1")).to_contain_text("填报进展")
    page.get_by_label("进展情况").fill(
        "本季度完成人工造林2.1万亩，退化草原修复5万亩，全市森林覆盖率提高到27.5%。"
    )
    page.get_by_label("完成百分比").fill("35")
    page.get_by_label("进展判断").select_option(label="正常推进")
    page.get_by_label(re.compile("森林覆盖率")).fill("27.5")
    page.get_by_role("button", name="保存并提交").click()
    expect(messages(page)).to_contain_text("报告已提交，等待单位负责人审核。")
    expect(page.locator("main table").first).to_contain_text("27.5 %")
    sign_out(page)

    # Its leader approves it; the office accepts it.
    sign_in(page, "unitleader")
    page.locator("tr", has_text="森林覆盖率").get_by_role("link").first.click()
    page.get_by_role("button", name="审核通过并报送督查室").click()
    expect(messages(page)).to_contain_text("已审核通过，报告已报送督查室。")
    sign_out(page)
    sign_in(page, "office")
    page.get_by_role("link", name="待审核").click()
    page.locator("tr", has_text="示范市林业和草原局").get_by_role("link").first.click()
    page.get_by_role("button", name="采纳").click()
    expect(messages(page)).to_contain_text("已采纳该报告。")

    # 4. The target's chart has changed: it draws the measured value.
    page.goto(f"/indicators/targets/{target.pk}/")
    chart = page.locator("figure.chart svg")
    expect(chart.locator("desc")).to_contain_text("27.5")
    expect(chart.locator("desc")).not_to_contain_text("暂无实测数据")
    assert chart.inner_html() != before
    expect(page.locator("main")).to_contain_text("示范市林业和草原局")  # the value's source: the report

    # 4, the dashboard: a leader sees the decision's tasks, and its figures moved with the report.
    # -------------------------------------------------------------------------------------------------
    # DASHBOARD (luoshi.dashboard). Runs when the app is installed; ``dashboard_before`` was read by the
    # office right after the assignments. Extend here as the dashboard grows (its target panel, its
    # trend of the quarter).
    # -------------------------------------------------------------------------------------------------
    if dashboard_before is not None:
        sign_out(page)
        sign_in(page, "leader")
        page.goto("/dashboard/")
        expect(page.locator("h1")).to_contain_text("领导驾驶舱")
        after = page.request.get("/dashboard/?format=json").json()
        assert after["totals"]["tasks"] == 4
        assert after["targets"]["total"] == 1
        assert after["totals"]["mean_percent"] != dashboard_before["totals"]["mean_percent"]


def test_the_office_edits_and_downloads_the_report_and_a_unit_cannot_reach_it(
    page: Any, city: SimpleNamespace, tmp_path: Path
) -> None:
    from docx import Document

    from luoshi.ledger.importing import import_decision

    import_decision(DECISION)
    sign_in(page, "office")
    page.locator("header").get_by_role("link", name="情况报告").click()
    expect(page.locator("h1")).to_have_text("学习宣传贯彻情况报告")
    expect(page.locator("article")).to_contain_text("市委：")  # the decision says: 及时报告市委
    expect(page.locator("article")).to_contain_text("一、总体进展")
    page.get_by_label("存在的问题").fill("（一）造林任务季节性强。春季以后进度放缓。\n一是资金到位偏慢。")
    page.get_by_role("button", name="保存", exact=True).click()
    expect(messages(page)).to_contain_text("已保存")
    expect(page.locator("article")).to_contain_text("（一）造林任务季节性强。春季以后进度放缓。")
    with page.expect_download() as download:
        page.get_by_role("link", name="下载 Word").click()
    path = tmp_path / "report.docx"
    download.value.save_as(path)
    text = "\n".join(p.text for p in Document(io.BytesIO(path.read_bytes())).paragraphs)
    assert "（一）造林任务季节性强。春季以后进度放缓。" in text
    assert download.value.suggested_filename.endswith(".docx")
    with page.expect_download() as pdf:
        page.get_by_role("link", name="下载 PDF").click()
    assert pdf.value.suggested_filename.endswith(".pdf")
    sign_out(page)

    sign_in(page, "reporter")
    expect(page.locator("header")).not_to_contain_text("情况报告")
    response = page.goto("/exchange/report/")
    assert response is not None
    assert response.status == 403
