"""The import preview in a real browser: the office reads what the reading is unsure of, gives the
year it asks for, leaves a task out, pulls a sentence of the review in, retypes an item, confirms, and
finds its choices in the ledger and on the record."""

from __future__ import annotations

import re
from typing import Any

import pytest

from e2e.helpers import FIXTURES, sign_in

expect = pytest.importorskip("playwright.sync_api", reason="playwright is in the dev extra").expect

pytestmark = pytest.mark.django_db(transaction=True)

REPORT = FIXTURES / "report.txt"  # written by the team: a county's work report with no date


def test_the_office_checks_the_warnings_and_chooses_what_to_import(page: Any) -> None:
    from luoshi.ledger.models import Decision
    from luoshi.ledger.tests.factory import make_user

    make_user("office", role="office", first_name="王敏")
    sign_in(page, "office")
    page.get_by_role("link", name="导入决定").click()
    page.get_by_label("决定文件").set_input_files(str(REPORT))
    page.get_by_role("button", name="上传并预览").click()
    expect(page.locator("h1")).to_contain_text("导入预览")

    # A warning above the preview: no year for 今年; the office gives it and the text is read again.
    caveats = page.get_by_role("alert")
    expect(caveats).to_contain_text("导入前请核对")
    expect(caveats).to_contain_text("没有找到文件的年份")
    caveats.get_by_label("文件年份").fill("2026")
    caveats.get_by_role("button", name="按此年份重新识别").click()
    expect(page.locator("ul.messages")).to_contain_text("已按 2026 年重新识别。")
    expect(page.get_by_role("alert")).to_have_count(0)

    # The review and the speaker's line are unticked, the tasks ticked.
    expect(page.locator("main")).to_contain_text("将导入 4 项任务。")
    expect(page.locator("main")).to_contain_text("3 项不导入。")
    expect(page.get_by_label("导入 1.2", exact=True)).not_to_be_checked()
    expect(page.get_by_label("导入 0.1", exact=True)).not_to_be_checked()
    expect(page.get_by_label("导入 2.1.1", exact=True)).to_be_checked()

    # The office pulls a sentence of the review in, leaves a task out, and retypes another.
    page.get_by_label("导入 1.2", exact=True).check()
    page.get_by_label("导入 2.2.2", exact=True).uncheck()
    page.get_by_label("2.1.2 的类型").select_option(label="项目")
    page.get_by_role("button", name="确认导入").click()
    expect(page.locator("ul.messages")).to_contain_text("已导入：新增 4 项")
    expect(page.locator("ul.messages")).to_contain_text("未导入 3 项")

    decision = Decision.objects.get()
    assert decision.year == 2026
    assert list(decision.tasks.order_by("order").values_list("key", "kind")) == [
        ("1.2", "review"),
        ("2.1.1", "target"),
        ("2.1.2", "programme"),
        ("2.2.1", "target"),
    ]
    main = page.locator("main")
    expect(main).to_contain_text("新建乡村公路86公里")
    expect(main).not_to_contain_text("持续开展村庄清洁行动")

    # The choices are on the record, in words.
    page.goto("/audit/")
    expect(page.locator("main")).to_contain_text(
        re.compile(
            r"未导入 3 条（导语 1 条，回顾 1 条，项目 1 条）：0\.1、1\.1、2\.2\.2；纳入 1 条本不导入的条目：1\.2；改变类型 1 条：2\.1\.2 目标→项目"
        )
    )
