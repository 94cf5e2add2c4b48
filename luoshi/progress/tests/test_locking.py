"""Two people editing the same report or task: the second save is refused, nothing is lost."""

from __future__ import annotations

import pytest

from luoshi.ledger.models import StaleEdit, Task
from luoshi.ledger.tests.factory import make_report, make_task
from luoshi.progress.models import Report

pytestmark = pytest.mark.django_db


def test_the_second_of_two_concurrent_report_edits_is_refused_with_a_clear_message(
    unit_a: object, reporter_a: object
) -> None:
    report = make_report(task=make_task(lead_unit=unit_a))
    mine, theirs = Report.objects.get(pk=report.pk), Report.objects.get(pk=report.pk)
    from luoshi.ledger.models import acting_as

    with acting_as(reporter_a):
        theirs.narrative = "他们的版本"
        theirs.save()
    mine.narrative = "我的版本"
    with pytest.raises(StaleEdit) as e:
        mine.save()
    assert "李强" in e.value.message()
    assert "刷新" in e.value.message()
    assert Report.objects.get(pk=report.pk).narrative == "他们的版本"


def test_the_second_of_two_concurrent_task_edits_is_refused(office: object) -> None:
    task = make_task(text="原文。")
    a, b = Task.objects.get(pk=task.pk), Task.objects.get(pk=task.pk)
    a.reword("甲的改法。", by=office)
    with pytest.raises(StaleEdit):
        b.reword("乙的改法。", by=office)
    assert Task.objects.get(pk=task.pk).text == "甲的改法。"


def test_saving_an_up_to_date_copy_bumps_the_version(office: object) -> None:
    task = make_task()
    task.reword("一。", by=office)
    task.reword("二。", by=office)
    assert Task.objects.get(pk=task.pk).version == 3
