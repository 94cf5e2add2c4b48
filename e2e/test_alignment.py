"""对标对表 in a real browser: the office uploads a league's plan under a decision, reads the two
quotes side by side, corrects a match the matcher missed, and sees the correction kept after
reloading and in the sub-tasks a confirmation makes."""

from __future__ import annotations

from typing import Any

import pytest

from e2e.helpers import sign_in

expect = pytest.importorskip("playwright.sync_api", reason="playwright is in the dev extra").expect

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def decision() -> Any:
    from luoshi.alignment.tests.helpers import import_parent
    from luoshi.ledger.models import UnitKind
    from luoshi.ledger.tests.factory import make_unit, make_user

    office = make_user("office", role="office", first_name="王敏")
    make_unit(
        code="150600", name="鄂尔多斯市", short="鄂尔多斯", kind=UnitKind.LEAGUE_CITY, division_code="150600"
    )
    return import_parent(office)


def test_the_office_aligns_a_plan_corrects_a_match_and_the_correction_is_kept(
    page: Any, decision: Any, tmp_path: Any
) -> None:
    from luoshi.alignment.tests.helpers import PLAN

    plan_file = tmp_path / "鄂尔多斯市实施方案.txt"
    plan_file.write_text(PLAN, encoding="utf-8")
    sign_in(page, "office")
    page.goto(f"/decisions/{decision.pk}/")
    page.get_by_role("link", name="对标对表").click()
    page.get_by_label("下级方案文件").set_input_files(str(plan_file))
    page.get_by_label("制定单位").select_option(label="鄂尔多斯市")
    page.get_by_role("button", name="上传并对标").click()

    summary = page.locator("p.summary")
    expect(summary).to_contain_text("已承接 2 条")
    expect(summary).to_contain_text("未承接 1 条")
    yellow = page.locator("tr", has_text="全面实施黄河流域生态保护和修复工程")
    expect(yellow).to_contain_text("扎实推进黄河流域生态保护修复")  # both quotes on one line
    expect(yellow).to_contain_text("承接但弱化")
    expect(yellow).to_contain_text("措辞弱化：上级“确保”，下级“力争”")

    clinic_row = page.locator("tr", has_text="加强基层医疗卫生服务能力建设")
    expect(clinic_row.locator("span.badge")).to_have_text("未承接")
    clinic_row.locator("select").select_option(label="1.3 让农牧民就近看得上病、看得好病。")
    clinic_row.get_by_role("button", name="保存更正").click()
    expect(page.locator(".messages")).to_contain_text("已保存更正")

    page.reload()
    clinic_row = page.locator("tr", has_text="加强基层医疗卫生服务能力建设")
    expect(clinic_row.locator("span.badge")).to_have_text("已承接")
    expect(clinic_row).to_contain_text("已更正")
    expect(clinic_row).to_contain_text("让农牧民就近看得上病")
    expect(summary).to_contain_text("已承接 3 条")

    page.get_by_role("button", name="确认对标结果").click()
    expect(page.locator(".messages")).to_contain_text("新建子任务 4 项")
    from luoshi.ledger.models import Task

    task = Task.objects.get(decision=decision, parent=None, text__contains="基层医疗")
    page.goto(f"/tasks/{task.pk}/")
    expect(page.locator("main")).to_contain_text("让农牧民就近看得上病")  # its sub-task, of the league
    expect(page.locator("main")).to_contain_text("鄂尔多斯市")
