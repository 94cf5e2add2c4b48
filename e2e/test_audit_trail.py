"""The audit trail in a real browser: fifty entries of every kind make a compact page in words, and
the auditor narrows it down with the filters (issue 11 found 25,000 px of field codes for 50 entries)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from e2e.helpers import sign_in

expect = pytest.importorskip("playwright.sync_api", reason="playwright is in the dev extra").expect

pytestmark = pytest.mark.django_db(transaction=True)

CODES = re.compile(
    r"progress_status|lead_unit_id|_id\b|\bNone\b|\bFalse\b|ledger\.task|progress\.report|"
    r"\b(create|update|submit|approve|accept|return|reword|assign)\b|\d{4}-\d\d-\d\dT"
)


@pytest.fixture
def busy_ledger() -> None:
    """Twenty tasks created, assigned and reworded, with reports through their steps: 100+ entries."""
    from luoshi.ledger.models import DeadlineKind, acting_as
    from luoshi.ledger.tests.factory import make_decision, make_report, make_task, make_unit, make_user

    office = make_user("office", role="office", first_name="王敏")
    make_user("auditor", role="auditor", first_name="陈静")
    forestry = make_unit(code="sf-lcj", name="示范市林业和草原局")
    reporter = make_user("reporter", role="reporter", unit=forestry, first_name="李强")
    leader = make_user("unitleader", role="unit_leader", unit=forestry, first_name="张伟")
    decision = make_decision(year=2026)
    for n in range(20):
        with acting_as(office):
            task = make_task(decision=decision, key=f"2.{n + 1}", text=f"推进第{n + 1}项生态保护修复工程。")
            task.assign(
                by=office, lead=forestry, deadline_kind=DeadlineKind.DATE, deadline=dt.date(2026, 12, 31)
            )
            task.reword(f"加快推进第{n + 1}项生态保护修复工程。", by=office)
        with acting_as(reporter):
            report = make_report(task=task, unit=forestry, period="2026Q3", created_by=reporter)
            report.submit(by=reporter)
        with acting_as(leader):
            report.approve(by=leader)
        with acting_as(office):
            report.return_(by=office, comment="请补充量化指标完成情况。")


def test_fifty_entries_make_a_compact_page_in_words(page: Any, busy_ledger: None) -> None:
    sign_in(page, "auditor")
    page.goto("/audit/")
    table = page.locator("table.history")
    expect(table).to_contain_text("修改表述")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(50)
    text = table.inner_text()
    for said in (
        "退回",
        "审核通过",
        "提交",
        "分工",
        "示范市林业和草原局",
        "请补充量化指标完成情况。",
        "王敏",
        "李强",
    ):
        assert said in text, said
    assert not CODES.search(text), CODES.search(text)
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 9000, height  # about 150 px an entry at most, not 500

    # the auditor narrows it down: one person's steps, one task, one kind of record
    page.get_by_label("操作人").fill("张伟")
    page.get_by_role("button", name="筛选").click()
    expect(rows.first).to_contain_text("审核通过")
    assert set(table.locator("tbody tr td:nth-child(3)").all_inner_texts()) == {"审核通过"}
    page.goto("/audit/")
    page.get_by_label("任务编号").fill("2.7")
    page.get_by_label("对象类型").select_option(label="任务")
    page.get_by_role("button", name="筛选").click()
    expect(table).to_contain_text("加快推进第7项生态保护修复工程。")
    verbs = table.locator("tbody tr td:nth-child(3)").all_inner_texts()
    assert sorted(verbs) == sorted(["建立", "分工", "修改表述"]), verbs

    # and takes the raw record away, codes and all, beside the words
    with page.expect_download() as download:
        page.get_by_role("link", name="导出 CSV").click()
    data = open(download.value.path(), encoding="utf-8-sig").read()  # noqa: SIM115
    assert "reword" in data
    assert "修改表述" in data
