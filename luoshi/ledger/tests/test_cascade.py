"""Cascade: a league or city splits its task into sub-tasks for its banners, and progress rolls up."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from luoshi.ledger.models import ProgressStatus, Task, TaskOrigin

from .factory import make_task, make_unit

pytestmark = pytest.mark.django_db


def test_a_league_splits_its_task_among_its_banners(
    league_reporter: object, league: object, banner: object, banner2: object
) -> None:
    task = make_task(lead_unit=league)
    subs = task.cascade(
        [(banner, "达拉特旗完成治沙10万亩。"), (banner2, "准格尔旗完成治沙5万亩。")], by=league_reporter
    )
    assert [s.key for s in subs] == [f"{task.key}/1", f"{task.key}/2"]
    assert all(s.parent == task and s.origin == TaskOrigin.CASCADE for s in subs)
    assert subs[0].lead_unit == banner
    assert subs[0].involves(banner)
    assert Task.objects.visible_to(league_reporter).filter(pk=subs[0].pk).exists()


def test_a_league_cannot_cascade_to_a_unit_outside_it(
    league_reporter: object, league: object, unit_a: object
) -> None:
    task = make_task(lead_unit=league)
    with pytest.raises(ValidationError, match="不属于"):
        task.cascade([(unit_a, "交给发改委。")], by=league_reporter)
    assert not task.subtasks.exists()


def test_a_department_cannot_cascade(reporter_a: object, unit_a: object, banner: object) -> None:
    task = make_task(lead_unit=unit_a)
    assert not task.can_cascade(reporter_a)
    with pytest.raises(PermissionDenied):
        task.cascade([(banner, "x")], by=reporter_a)


def test_a_league_cannot_cascade_a_task_it_is_not_part_of(league_reporter: object, banner: object) -> None:
    assert not make_task(lead_unit=make_unit()).can_cascade(league_reporter)


def test_a_parent_keeps_its_own_progress_and_its_sub_tasks_roll_up_beside_it(
    office: object, league: object, banner: object, banner2: object
) -> None:
    from luoshi.figures.tasks import roll_up

    task = make_task(lead_unit=league, percent=80, progress_status=ProgressStatus.ON_TRACK)
    first, second = task.cascade([(banner, "甲"), (banner2, "乙")], by=office)
    first.record_progress(percent=100, status=ProgressStatus.DONE, period="2024Q1")
    second.record_progress(percent=40, status=ProgressStatus.BEHIND, period="2024Q1")
    task.refresh_from_db()
    # the league's own report stands; what the banners report is rolled up beside it, not over it
    assert (task.percent, task.progress_status) == (80, ProgressStatus.ON_TRACK)
    rolled = roll_up(task)
    assert rolled is not None
    assert (rolled.own_percent, rolled.mean_percent, rolled.min_percent) == (80, 70.0, 40)
    assert [s.key for s in rolled.subtasks] == [first.key, second.key]
    assert roll_up(first) is None  # a task without sub-tasks has nothing to roll up
