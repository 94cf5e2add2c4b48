"""Importing a decision: one task per item; the same text again changes nothing; a revision shows its changes."""

from __future__ import annotations

import dataclasses

import pytest

from luoshi.document import TASK_KINDS, Item, extract
from luoshi.ledger.importing import apply_import, import_decision, plan_import
from luoshi.ledger.models import AuditEntry, Decision, Revision, Task, TaskState, TaskUnit
from luoshi.samples import SAMPLE_DECISION

from .factory import make_document

pytestmark = pytest.mark.django_db
TEXT = "（测试用文本，内容以手工构建的 Document 为准）"


def test_importing_a_document_creates_one_task_per_item_with_sections_targets_and_places() -> None:
    doc = make_document()
    decision = apply_import(plan_import(TEXT, doc), source_name="test.txt")
    assert decision.title == "关于测试高质量发展的决定"
    assert list(decision.sections.values_list("key", flat=True)) == ["1", "1.1", "2"]
    assert decision.sections.get(key="1.1").parent.key == "1"
    tasks = list(decision.tasks.order_by("order"))
    assert [t.key for t in tasks] == ["1.1.1", "1.1.2", "2.1"]
    assert tasks[0].section.key == "1.1"
    assert [t.has_targets for t in tasks] == [True, False, True]
    assert tasks[0].targets.get().indicator == "森林覆盖率"
    assert list(tasks[2].places.values_list("name", flat=True)) == ["鄂尔多斯市"]
    assert Revision.objects.get(decision=decision).summary == {
        "added": 3,
        "changed": 0,
        "removed": 0,
        "unchanged": 0,
        "excluded": 0,
        "choices": {"excluded": [], "kinds": {}},
    }


def test_importing_the_same_text_again_changes_nothing() -> None:
    doc = make_document()
    decision = apply_import(plan_import(TEXT, doc))
    entries = AuditEntry.objects.count()
    again = plan_import(TEXT, make_document())
    assert again.identical
    assert again.decision == decision
    assert not again.has_changes
    assert apply_import(again) == decision
    assert Task.objects.count() == 3
    assert Decision.objects.count() == 1
    assert AuditEntry.objects.count() == entries


def test_the_same_text_with_other_line_breaks_counts_as_the_same_text() -> None:
    decision = apply_import(plan_import("第一行\n第二行", make_document()))
    assert plan_import("第一行第二行\n", make_document()).decision == decision
    assert plan_import("第一行第二行\n", make_document()).identical


def _revised() -> tuple[str, object]:
    doc = make_document()
    items = [
        dataclasses.replace(doc.items[0], text=doc.items[0].text.replace("26%", "27%")),
        Item("1.1.2", "1.1", "实施黄河流域生态保护和高质量发展工程。", "measure"),
        doc.items[2],
    ]
    targets = [
        dataclasses.replace(doc.targets[0], value=27.0, text="到2030年全区森林覆盖率达到27%"),
        doc.targets[1],
    ]
    return "修订稿", dataclasses.replace(doc, items=items, targets=targets)


def test_importing_a_revised_text_shows_what_changed_before_anything_is_written() -> None:
    decision = apply_import(plan_import(TEXT, make_document()))
    text, revised = _revised()
    plan = plan_import(text, revised)
    assert plan.decision == decision  # found by its title
    assert plan.counts == {"added": 1, "changed": 1, "removed": 1, "unchanged": 1, "excluded": 0}
    changed = plan.of("changed")[0]
    assert ("-", "6") in changed.diff
    assert ("+", "7") in changed.diff
    assert plan.of("removed")[0].old_text.startswith("深入打好蓝天保卫战")
    assert decision.tasks.count() == 3  # nothing applied yet


def test_applying_a_revision_updates_changed_tasks_withdraws_removed_ones_and_keeps_assignments(
    office: object, unit_a: object
) -> None:
    decision = apply_import(plan_import(TEXT, make_document()))
    first = decision.tasks.get(key="1.1.1")
    first.assign(by=office, lead=unit_a)
    text, revised = _revised()
    apply_import(plan_import(text, revised))
    first.refresh_from_db()
    assert "27%" in first.text
    assert first.lead_unit == unit_a
    assert TaskUnit.objects.filter(task=first, unit=unit_a).exists()
    assert first.targets.get(withdrawn=False).value == 27.0
    removed = decision.tasks.get(source_text__startswith="深入打好蓝天保卫战")
    assert removed.state == TaskState.WITHDRAWN
    assert "修订稿" in removed.state_note
    assert decision.tasks.filter(text__startswith="实施黄河流域").exists()
    assert decision.revisions.count() == 2
    assert AuditEntry.objects.filter(task=first, action="revise").exists()


def test_a_revision_keeps_the_wording_the_office_gave_a_task(office: object) -> None:
    decision = apply_import(plan_import(TEXT, make_document()))
    first = decision.tasks.get(key="1.1.1")
    first.reword("推进防沙治沙，森林覆盖率达到26%（督查室表述）。", by=office)
    text, revised = _revised()
    apply_import(plan_import(text, revised))
    first.refresh_from_db()
    assert first.text == "推进防沙治沙，森林覆盖率达到26%（督查室表述）。"
    assert "27%" in first.source_text


def test_the_sample_decision_imports_with_one_task_per_extracted_task_item() -> None:
    doc = extract(SAMPLE_DECISION)
    if not doc.items:
        pytest.skip("extract() returns no items yet")
    decision, _plan = import_decision(SAMPLE_DECISION, is_sample=True)
    assert decision.is_sample
    assert decision.tasks.count() == len([i for i in doc.items if i.kind in TASK_KINDS])
    assert decision.targets.count() == len(doc.targets)
    again, plan2 = import_decision(SAMPLE_DECISION)
    assert again == decision
    assert plan2.identical
