"""学习宣传 in a real browser: the office generates a decision's 应知应会 and rejects a question; a
unit's reporter records a study session with its sign-in sheet; the leaders' dashboard and the study
page show the coverage change (docs/study.md)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from e2e.helpers import sign_in, sign_out

expect = pytest.importorskip("playwright.sync_api", reason="playwright is in the dev extra").expect

pytestmark = pytest.mark.django_db(transaction=True)

DECISION = Path(__file__).resolve().parents[1] / "luoshi" / "study" / "tests" / "fixtures" / "decision.txt"


@pytest.fixture
def world() -> SimpleNamespace:
    """The team's decision imported; its first task led by 示范市能源局 with 示范市林草局 co-operating."""
    from luoshi.ledger.importing import import_decision
    from luoshi.ledger.tests.factory import make_unit, make_user

    energy = make_unit(code="sf-nyj", name="示范市能源局", short="市能源局")
    forest = make_unit(code="sf-lcj", name="示范市林草局", short="市林草局")
    office = make_user("office", role="office", first_name="王敏")
    make_user("leader", role="leader", first_name="刘军")
    make_user("reporter", role="reporter", unit=energy, first_name="李强")
    decision, _plan = import_decision(DECISION, by=office)
    task = decision.tasks.active().order_by("order").first()
    task.assign(by=office, lead=energy, co=[forest])
    return SimpleNamespace(decision=decision, energy=energy, forest=forest)


def _study_row(page: Any, decision: Any) -> Any:
    return page.locator(f'#study tr[data-decision="{decision.pk}"]')


def test_generate_reject_record_and_see_the_coverage_change(
    page: Any, world: SimpleNamespace, tmp_path: Path
) -> None:
    from luoshi.study.models import Question

    d = world.decision

    # 1. The office generates the bank from the decision's page.
    sign_in(page, "office")
    page.goto(f"/decisions/{d.pk}/")
    page.get_by_role("link", name="应知应会").first.click()
    page.get_by_role("button", name="生成应知应会和试题").click()
    expect(page.locator("ul.messages")).to_contain_text("已生成应知应会")
    expect(page.locator("ol.points").first).to_be_visible()
    first = page.locator("li.question.state-active").first
    expect(first.locator("blockquote.source")).to_contain_text("原文")

    # 2. It rejects one question, with a reason; the question stays, marked 已剔除.
    key = first.get_attribute("data-key")
    first.get_by_placeholder("剔除理由（可选）").fill("与其他试题重复")
    first.get_by_role("button", name="剔除").click()
    expect(page.locator("ul.messages")).to_contain_text("已剔除试题")
    rejected = page.locator(f'li.question[data-key="{key}"]')
    expect(rejected).to_have_class("question state-rejected")
    expect(rejected).to_contain_text("与其他试题重复")
    assert Question.objects.get(decision=d, key=key).state == "rejected"

    # 3. The dashboard: two units to study it, none has yet.
    page.goto("/dashboard/")
    row = _study_row(page, d)
    expect(row.locator('[data-figure="expected"]')).to_have_text("2")
    expect(row.locator('[data-figure="studied"]')).to_have_text("0")
    expect(page.locator("#study")).to_contain_text("示范市能源局")
    sign_out(page)

    # 4. The energy bureau's reporter records its 理论学习中心组 session with the sign-in sheet.
    sign_in(page, "reporter")
    page.goto(f"/study/decisions/{d.pk}/")
    page.get_by_role("link", name="登记学习").click()
    page.get_by_label("学习形式").select_option(label="理论学习中心组学习")
    page.get_by_label("学习主题").fill("传达学习《决定》精神")
    page.get_by_label("主持或主讲人").fill("党组书记 张明")
    page.get_by_label("参加人数").fill("18")
    sheet = tmp_path / "签到表.txt"
    sheet.write_text("签到表：张明、李强等18人", encoding="utf-8")
    page.get_by_label("佐证材料").set_input_files(str(sheet))
    page.get_by_role("button", name="保存").click()
    expect(page.locator("ul.messages")).to_contain_text("已登记学习记录")
    expect(page.locator("main")).to_contain_text("签到表.txt")
    sign_out(page)

    # 5. The leader's dashboard now counts it: one of two units, 50.0%, 18 people.
    sign_in(page, "leader")
    page.goto("/dashboard/")
    row = _study_row(page, d)
    expect(row.locator('[data-figure="studied"]')).to_have_text("1")
    expect(row.locator('[data-figure="share"]')).to_have_text("50.0%")
    expect(row.locator('[data-figure="attendance"]')).to_have_text("18")
    expect(page.locator("#study")).to_contain_text("示范市林草局")
    expect(page.locator("#study")).not_to_contain_text("示范市能源局")

    # 6. The study page says the same.
    row.get_by_role("link").click()
    expect(page.locator('[data-figure="studied"]')).to_have_text("1")
    expect(page.locator('[data-figure="share"]')).to_have_text("50.0%")
    expect(page.locator(".units-not-yet")).to_contain_text("示范市林草局")
