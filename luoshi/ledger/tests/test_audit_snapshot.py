"""The "before" of an audit entry is the record as it was read, however it was read and however late it is saved."""

from __future__ import annotations

import datetime as dt

import pytest

from luoshi.ledger.models import AuditEntry, Task, acting_as

from .factory import make_task, make_unit

pytestmark = pytest.mark.django_db


def _updates(task: Task) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(model="ledger.task", object_id=str(task.pk), action="update").order_by("id")
    )


def test_a_task_read_from_a_list_and_changed_keeps_the_values_it_was_read_with(office: object) -> None:
    unit = make_unit()
    make_task(text="旧表述。", deadline=dt.date(2025, 6, 30), lead_unit=unit, tags=["示范工程"])
    [task] = Task.objects.all()
    task.text = "新表述。"
    task.deadline = dt.date(2025, 12, 31)
    task.lead_unit = None
    task.tags = ["示范工程", "专项行动"]
    with acting_as(office):
        task.save()
    [entry] = _updates(task)
    assert entry.before == {
        "text": "旧表述。",
        "deadline": "2025-06-30",
        "lead_unit_id": unit.pk,
        "tags": ["示范工程"],
    }
    assert entry.after == {
        "text": "新表述。",
        "deadline": "2025-12-31",
        "lead_unit_id": None,
        "tags": ["示范工程", "专项行动"],
    }


def test_a_task_read_with_few_fields_records_only_the_field_it_changed(office: object) -> None:
    original = make_task(text="旧表述。", responsible="张三")
    task = Task.objects.only("id", "version", "text").get(pk=original.pk)
    task.text = "新表述。"
    with acting_as(office):
        task.save()
    [entry] = _updates(task)
    assert (entry.before, entry.after) == ({"text": "旧表述。"}, {"text": "新表述。"})
    assert Task.objects.get(pk=original.pk).responsible == "张三"


def test_a_task_read_with_few_fields_and_changed_in_another_keeps_that_fields_stored_value(
    office: object,
) -> None:
    original = make_task(text="旧表述。", responsible="张三")
    task = Task.objects.only("id", "version", "text").get(pk=original.pk)
    task.responsible = "李四"
    with acting_as(office):
        task.save()
    [entry] = _updates(task)
    assert (entry.before, entry.after) == ({"responsible": "张三"}, {"responsible": "李四"})
    assert Task.objects.get(pk=original.pk).text == "旧表述。"


def test_a_task_read_and_saved_unchanged_adds_nothing_to_the_history(office: object) -> None:
    original = make_task()
    task = Task.objects.get(pk=original.pk)
    with acting_as(office):
        task.save()
    assert _updates(task) == []


def test_a_task_saved_twice_records_each_change_against_the_one_before(office: object) -> None:
    original = make_task(text="第一稿。")
    task = Task.objects.get(pk=original.pk)
    with acting_as(office):
        task.text = "第二稿。"
        task.save()
        task.text = "第三稿。"
        task.save()
    first, second = _updates(task)
    assert (first.before, first.after) == ({"text": "第一稿。"}, {"text": "第二稿。"})
    assert (second.before, second.after) == ({"text": "第二稿。"}, {"text": "第三稿。"})


def test_a_league_read_and_saved_keeps_itself_as_its_league_without_an_entry(office: object) -> None:
    league = make_unit(kind="league_city", name="测试市")
    again = type(league).objects.get(pk=league.pk)
    with acting_as(office):
        again.save()
    assert again.league_id == league.pk
    assert not AuditEntry.objects.filter(
        model="ledger.unit", object_id=str(league.pk), action="update"
    ).exists()
