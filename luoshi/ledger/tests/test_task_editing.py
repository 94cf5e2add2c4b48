"""Editing tasks: reword, split, merge, withdraw and restore, each kept in the history; never deleted."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from luoshi.ledger.models import AuditEntry, HardDeleteRefused, Target, Task, TaskOrigin, TaskState

from .factory import make_task, make_unit

pytestmark = pytest.mark.django_db


def test_rewording_keeps_the_old_text_in_the_history(office: object) -> None:
    task = make_task(text="旧表述。")
    task.reword("新表述。", by=office, note="按领导批示调整")
    entry = AuditEntry.objects.get(task=task, action="reword")
    assert (entry.before["text"], entry.after["text"], entry.note) == (
        "旧表述。",
        "新表述。",
        "按领导批示调整",
    )
    assert entry.actor_name == "王敏"


def test_splitting_makes_new_tasks_with_the_assignment_and_sends_targets_to_their_text(
    office: object, unit_a: object
) -> None:
    task = make_task(text="建设风电基地，到2025年风电装机达到1亿千瓦；建设光伏基地。", lead_unit=unit_a)
    target = Target.objects.create(
        decision=task.decision,
        task=task,
        key="T1",
        kind="numeric",
        indicator="风电装机",
        text="到2025年风电装机达到1亿千瓦",
    )
    parts = task.split(["建设风电基地，到2025年风电装机达到1亿千瓦。", "建设光伏基地。"], by=office)
    task.refresh_from_db()
    assert task.state == TaskState.SPLIT
    assert task.key + "-1" in task.state_note
    assert [p.origin for p in parts] == [TaskOrigin.SPLIT, TaskOrigin.SPLIT]
    assert all(p.lead_unit == unit_a and p.involves(unit_a) for p in parts)
    target.refresh_from_db()
    assert target.task == parts[0]
    assert parts[0].has_targets
    assert not parts[1].has_targets


def test_splitting_into_one_part_is_refused(office: object) -> None:
    with pytest.raises(ValidationError, match="至少需要两条"):
        make_task().split(["只有一条"], by=office)


def test_merging_joins_tasks_and_their_units_and_targets(
    office: object, unit_a: object, unit_b: object
) -> None:
    first = make_task(text="甲。", lead_unit=unit_a)
    second = make_task(text="乙。", decision=first.decision, lead_unit=unit_b)
    Target.objects.create(decision=first.decision, task=second, key="T9", kind="milestone", indicator="乙")
    merged = Task.merge([second, first], by=office)
    assert merged.text == "甲。乙。"
    assert merged.lead_unit == unit_a
    assert merged.involves(unit_b)
    assert merged.has_targets
    first.refresh_from_db()
    assert first.state == TaskState.MERGED
    assert first.replaced_by == merged


def test_tasks_of_two_decisions_cannot_be_merged(office: object) -> None:
    with pytest.raises(ValidationError, match="同一决定"):
        Task.merge([make_task(), make_task()], by=office)


def test_withdrawing_needs_a_reason_and_can_be_undone(office: object) -> None:
    task = make_task()
    with pytest.raises(ValidationError, match="须说明理由"):
        task.withdraw("  ", by=office)
    task.withdraw("已由其他文件部署", by=office)
    assert Task.objects.get(pk=task.pk).state == TaskState.WITHDRAWN
    task.restore(by=office)
    assert Task.objects.get(pk=task.pk).state == TaskState.ACTIVE
    assert list(AuditEntry.objects.filter(task=task).values_list("action", flat=True).order_by("id")) == [
        "create",
        "withdraw",
        "restore",
    ]


def test_a_withdrawn_task_cannot_be_reworded(office: object) -> None:
    task = make_task()
    task.withdraw("重复", by=office)
    with pytest.raises(ValidationError):
        task.reword("新", by=office)


@pytest.mark.parametrize("persona", ["reporter_a", "unit_leader_a", "leader", "auditor", "stranger"])
def test_only_the_office_edits_tasks(persona: str, request: pytest.FixtureRequest) -> None:
    user = request.getfixturevalue(persona)
    task = make_task()
    for attempt in (
        lambda: task.reword("x", by=user),
        lambda: task.withdraw("x", by=user),
        lambda: task.split(["a", "b"], by=user),
    ):
        with pytest.raises(PermissionDenied):
            attempt()


def test_nothing_is_ever_hard_deleted(office: object) -> None:
    task = make_task()
    with pytest.raises(HardDeleteRefused):
        task.delete()
    with pytest.raises(HardDeleteRefused):
        Task.objects.all().delete()
    with pytest.raises(HardDeleteRefused):
        AuditEntry.objects.all().delete()
    with pytest.raises(HardDeleteRefused):
        make_unit().delete()
    assert Task.objects.filter(pk=task.pk).exists()
