"""A confirmed alignment makes the plan's items sub-tasks of the plan's unit under the decision's
tasks, so that cascade and roll-up follow from the documents; confirming again makes nothing twice,
and a correction since withdraws what it undid."""

from __future__ import annotations

import pytest

from luoshi.alignment import aligning
from luoshi.alignment.models import SubtaskLink
from luoshi.figures.tasks import roll_up
from luoshi.ledger.models import ProgressStatus, Task, TaskOrigin, TaskState

from .helpers import PLAN, import_parent, item_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(office, league):
    decision = import_parent(office)
    return aligning.upload_plan(PLAN.encode(), name="方案.txt", decision=decision, unit=league, by=office)


def test_confirming_makes_a_sub_task_for_each_item_taken_up(as_user, office, plan, league):
    response = as_user(office).post(f"/alignment/{plan.pk}/confirm/")
    assert response.status_code == 302
    subs = Task.objects.filter(origin=TaskOrigin.CASCADE)
    assert subs.count() == 3  # the Yellow River, the grassland, the dairy; not the clinic (missing)
    yellow = Task.objects.get(parent=None, text__contains="黄河流域")
    sub = yellow.subtasks.get()
    assert sub.lead_unit == league
    assert sub.text.startswith("扎实推进黄河流域生态保护修复")
    assert sub.involves(league)
    plan.refresh_from_db()
    assert plan.confirmed_by == office
    assert plan.confirmed_at is not None


def test_progress_of_the_plans_sub_task_rolls_up(office, plan):
    aligning.confirm(plan, by=office)
    dairy = Task.objects.get(parent=None, text__contains="奶业")
    dairy.subtasks.get().record_progress(percent=60, status=ProgressStatus.ON_TRACK, period="2026Q1")
    rolled = roll_up(dairy)  # the one definition of a roll-up (luoshi.figures)
    assert rolled is not None
    assert [(s.percent, s.status) for s in rolled.subtasks] == [(60, ProgressStatus.ON_TRACK)]
    assert rolled.mean_percent == 60


def test_confirming_again_makes_nothing_twice(office, plan):
    first = aligning.confirm(plan, by=office)
    again = aligning.confirm(plan, by=office)
    assert (first.made, again.made, again.kept) == (3, 0, 3)
    assert Task.objects.filter(origin=TaskOrigin.CASCADE).count() == 3


def test_a_correction_after_confirming_is_followed_by_the_ledger(office, plan):
    aligning.confirm(plan, by=office)
    aligned = aligning.align_plan(plan)
    aligning.correct(plan, item_key(aligned.parent, "草原禁牧"), None, by=office)
    aligning.correct(
        plan, item_key(aligned.parent, "基层医疗"), item_key(aligned.child, "看得上病"), by=office
    )
    done = aligning.confirm(plan, by=office)
    assert (done.made, done.withdrawn) == (1, 1)
    grass = Task.objects.get(parent=None, text__contains="草原禁牧").subtasks.get()
    assert grass.state == TaskState.WITHDRAWN
    clinic = Task.objects.get(parent=None, text__contains="基层医疗").subtasks.get()
    assert clinic.text.startswith("让农牧民就近看得上病")
    assert SubtaskLink.objects.count() == 3


def test_a_withdrawn_task_is_skipped_and_said(as_user, office, plan):
    Task.objects.get(parent=None, text__contains="奶业").withdraw("并入其他任务", by=office)
    response = as_user(office).post(f"/alignment/{plan.pk}/confirm/", follow=True)
    page = response.content.decode()
    assert "新建子任务 2 项" in page
    assert "没有可分解的任务" in page


def test_only_the_office_confirms(as_user, league_reporter, plan):
    assert as_user(league_reporter).post(f"/alignment/{plan.pk}/confirm/").status_code == 403
    assert not Task.objects.filter(origin=TaskOrigin.CASCADE).exists()
