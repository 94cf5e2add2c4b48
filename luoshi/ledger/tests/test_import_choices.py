"""What the office chooses before an import: what is not a task stays out unless it is pulled in;
items may be left out or retyped; the choices are on the record."""

from __future__ import annotations

import pytest

from luoshi.document import extract
from luoshi.ledger.importing import Choices, apply_import, plan_import
from luoshi.ledger.models import AuditEntry, Revision, Task

pytestmark = pytest.mark.django_db

# a short work report written by the team: the speaker's line, a review of the year, then tasks
REPORT = """示范市人民政府工作报告
——2026年1月10日在示范市第十届人民代表大会第五次会议上
各位代表：
现在，我代表市人民政府，向大会报告工作，请予审议。
一、2025年工作回顾
过去一年，全市地区生产总值增长5.2%，经济运行稳中向好。新建城市公园12个，群众身边的绿地明显增多。
二、2026年重点工作
（一）扩大有效投资。今年全市固定资产投资增长6%左右。加快推进重大项目建设。
（二）推进城市更新。改造老旧小区120个。
"""


def keys(decision) -> list[str]:
    return list(decision.tasks.order_by("order").values_list("key", flat=True))


def test_the_review_and_the_preamble_stay_out_of_an_import_by_default() -> None:
    doc = extract(REPORT)
    assert {i.id: i.kind for i in doc.items if i.kind in ("review", "preamble")} == {
        "0.1": "preamble",
        "1.1": "review",
        "1.2": "review",
    }
    plan = plan_import(REPORT, doc)
    assert plan.counts == {"added": 3, "changed": 0, "removed": 0, "unchanged": 0, "excluded": 3}
    decision = apply_import(plan, source_name="report.txt")
    assert keys(decision) == ["2.1.1", "2.1.2", "2.2.1"]
    assert decision.targets.count() == 2


def test_what_an_import_leaves_out_is_on_the_record_even_when_the_office_kept_the_proposal() -> None:
    decision = apply_import(plan_import(REPORT, extract(REPORT)))
    entry = AuditEntry.objects.get(action="import_choices")
    assert entry.note == "未导入 3 条（导语 1 条，回顾 2 条）：0.1、1.1、1.2。"
    assert entry.before == {"excluded": ["0.1", "1.1", "1.2"]}
    assert Revision.objects.get(decision=decision).summary["choices"] == {
        "excluded": ["0.1", "1.1", "1.2"],
        "kinds": {},
    }


def test_the_office_pulls_a_review_item_in_and_the_record_says_so() -> None:
    doc = extract(REPORT)
    plan = plan_import(REPORT, doc, choices=Choices(excluded={"0.1", "1.2"}))
    decision = apply_import(plan)
    assert keys(decision) == ["1.1", "2.1.1", "2.1.2", "2.2.1"]
    pulled = decision.tasks.get(key="1.1")
    assert pulled.kind == "review"
    assert (
        pulled.audit_entries.get(action="create", model="ledger.task").note
        == "识别为“回顾”，导入时由督查室纳入。"
    )
    entry = AuditEntry.objects.get(action="import_choices")
    assert entry.object_id == str(decision.pk)
    assert entry.note == "未导入 2 条（导语 1 条，回顾 1 条）：0.1、1.2；纳入 1 条本不导入的条目：1.1。"
    assert (entry.before, entry.after) == (
        {"excluded": ["0.1", "1.1", "1.2"]},
        {"excluded": ["0.1", "1.2"], "kinds": {}},
    )


def test_a_review_item_pulled_in_sets_no_target_of_its_own() -> None:
    decision = apply_import(plan_import(REPORT, extract(REPORT), choices=Choices()))
    assert decision.tasks.count() == 6
    assert not decision.tasks.get(key="1.1").targets.exists()


def test_the_office_leaves_a_task_out_and_retypes_another() -> None:
    doc = extract(REPORT)
    chosen = Choices.default(doc)
    chosen.excluded.add("2.1.2")
    chosen.kinds["2.2.1"] = "programme"
    decision = apply_import(plan_import(REPORT, doc, choices=chosen))
    assert keys(decision) == ["2.1.1", "2.2.1"]
    retyped = decision.tasks.get(key="2.2.1")
    assert retyped.kind == "programme"
    assert (
        retyped.audit_entries.get(action="create", model="ledger.task").note
        == "导入时督查室将类型由“目标”改为“项目”。"
    )
    assert AuditEntry.objects.get(action="import_choices").note == (
        "未导入 4 条（导语 1 条，回顾 2 条，举措 1 条）：0.1、1.1、1.2、2.1.2；改变类型 1 条：2.2.1 目标→项目。"
    )


def test_a_kind_that_is_not_a_kind_is_ignored() -> None:
    plan = plan_import(REPORT, extract(REPORT), choices=Choices(kinds={"2.2.1": "anything"}))
    assert plan.choices.kinds == {}


def test_a_revision_leaves_the_review_out_again_and_keeps_what_the_office_pulled_in_and_retyped() -> None:
    doc = extract(REPORT)
    chosen = Choices(excluded={"0.1", "1.2"}, kinds={"2.1.2": "principle"})
    decision = apply_import(plan_import(REPORT, doc, choices=chosen))
    revised = REPORT.replace("改造老旧小区120个。", "改造老旧小区150个。")
    plan = plan_import(revised, extract(revised))
    assert plan.decision == decision
    assert plan.counts == {"added": 0, "changed": 1, "removed": 0, "unchanged": 3, "excluded": 2}
    apply_import(plan)
    assert keys(decision) == ["1.1", "2.1.1", "2.1.2", "2.2.1"]
    assert Task.objects.get(decision=decision, key="2.1.2").kind == "principle"
    assert Task.objects.get(decision=decision, key="1.1").kind == "review"


def test_the_choices_read_in_words_on_the_audit_trail() -> None:
    from luoshi.ledger.history import describe

    doc = extract(REPORT)
    chosen = Choices(excluded={"0.1", "1.2"}, kinds={"2.2.1": "programme"})
    apply_import(plan_import(REPORT, doc, choices=chosen))
    (line,) = describe(AuditEntry.objects.filter(action="import_choices"))
    assert line.verb == "选定导入的条目"
    assert [(c.label, c.before, c.after) for c in line.changes] == [
        ("未导入的条目", "0.1、1.1、1.2", "0.1、1.2"),
        ("改定的类型", "—", "2.2.1：项目"),
    ]
