"""Cascade roll-up: a parent task's light reflects its sub-tasks at the banners and counties, its page
shows its own and the rolled-up progress, and every count takes it once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from luoshi.ledger.models import DeadlineKind, ProgressStatus, Task
from luoshi.supervision.lights import light_for
from luoshi.supervision.models import Color, Suspension

from .factory import make_supervised_task, no_reports

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def family(office: Any, league: Any, banner: Any, banner2: Any, clock: Any) -> tuple[Task, Task, Task]:
    """鄂尔多斯市's task due at the end of 2027, cascaded to 达拉特旗 and 准格尔旗 (no report calendar)."""
    clock(2026, 11, 20)
    parent = no_reports(
        make_supervised_task(
            league, assigned=D(2026, 1, 5), deadline=D(2027, 12, 31), percent=60, progress_status="on_track"
        )
    )
    first, second = parent.cascade(
        [(banner, "达拉特旗：分解任务"), (banner2, "准格尔旗：分解任务")], by=office
    )
    Task.objects.filter(pk__in=[first.pk, second.pk]).update(percent=50, progress_status="on_track")
    return parent, Task.objects.get(pk=first.pk), Task.objects.get(pk=second.pk)


def test_a_parent_takes_the_worst_light_of_its_sub_tasks_and_names_it(family: Any) -> None:
    parent, first, second = family
    assert light_for(parent).color == Color.GREEN
    Task.objects.filter(pk=second.pk).update(progress_status=ProgressStatus.BEHIND)
    verdict = light_for(parent)
    assert verdict.color == Color.YELLOW
    assert verdict.reason == f"下级任务{second.key}（准格尔旗）：单位报告进度滞后"
    Task.objects.filter(pk=first.pk).update(deadline=D(2026, 6, 30))
    assert light_for(parent).reason.startswith(f"下级任务{first.key}（达拉特旗）：完成时限2026年6月30日已过")


def test_a_suspended_sub_task_does_not_colour_its_parent(family: Any, office: Any) -> None:
    parent, _first, second = family
    Task.objects.filter(pk=second.pk).update(deadline=D(2026, 6, 30))
    assert light_for(parent).color == Color.RED
    Suspension.objects.create(task=second, reason="旗县机构调整", start=D(2026, 11, 1), created_by=office)
    assert light_for(parent).color == Color.GREEN


def test_a_parent_is_done_only_when_it_and_every_sub_task_are_done(family: Any) -> None:
    parent, first, second = family
    Task.objects.filter(pk=parent.pk).update(progress_status=ProgressStatus.DONE, percent=100)
    Task.objects.filter(pk=first.pk).update(progress_status=ProgressStatus.DONE, percent=100)
    verdict = light_for(parent)
    assert verdict.color == Color.GREEN
    assert verdict.reason.startswith(f"本级已办结，下级任务{second.key}（准格尔旗）未办结：")
    Task.objects.filter(pk=second.pk).update(progress_status=ProgressStatus.DONE, percent=100)
    assert light_for(parent).color == Color.DONE


def test_a_sub_task_without_a_time_limit_makes_its_parent_undated(family: Any) -> None:
    parent, first, _second = family
    Task.objects.filter(pk=first.pk).update(deadline_kind=DeadlineKind.NONE, deadline=None)
    verdict = light_for(parent)
    assert verdict.color == Color.UNDATED
    assert verdict.reason.startswith(f"下级任务{first.key}（达拉特旗）：未定时限")


def test_the_parents_page_shows_its_own_and_the_rolled_up_progress_with_the_sub_tasks(
    family: Any, as_user: Any, office: Any
) -> None:
    from luoshi.supervision.supervisor import Supervisor

    parent, first, second = family
    Task.objects.filter(pk=second.pk).update(percent=20, progress_status=ProgressStatus.BEHIND)
    Supervisor(send=False).run()
    page = as_user(office).get(f"/tasks/{parent.pk}/").content.decode()
    assert "本级进展</dt><dd>60%（牵头单位报告）" in page  # the league's own report
    assert "平均 35.0%，最低 20%；已办结 0/2 项" in page  # what the banners add up to
    for sub in (first, second):
        assert f'href="/tasks/{sub.pk}/"' in page
    assert "下级任务" in page  # the parent's light names the sub-task it comes from
    data = as_user(office).get(f"/tasks/{parent.pk}/?format=json").json()
    rollup = data["light_basis"]["rollup"]
    assert (rollup["own_percent"], rollup["mean_percent"], rollup["min_percent"]) == (60, 35.0, 20)
    assert data["light"]["color"] == Color.YELLOW


def test_a_cascaded_task_counts_once_where_its_parent_is_counted_and_alone_in_a_banners_figures(
    family: Any, as_user: Any, office: Any, banner: Any
) -> None:
    from luoshi.dashboard.figures import compute
    from luoshi.dashboard.models import Scope
    from luoshi.supervision.supervisor import Supervisor

    parent, first, _second = family
    result = Supervisor(send=False).run()
    assert sum(result.counts["tasks"].values()) == 1  # the parent, its sub-tasks through it
    figures = compute(Scope.everything(), D(2026, 11, 20))
    assert figures["totals"]["tasks"] == 1
    listed = as_user(office).get(figures["totals"]["tasks_url"] + "&format=json").json()
    assert [t["id"] for t in listed["tasks"]] == [parent.pk]
    banners_row = next(u for u in figures["units"] if u["id"] == banner.pk)
    assert banners_row["tasks"] == 1  # 达拉特旗's own sub-task: its parent is not in its set
    assert as_user(office).get(banners_row["tasks_url"] + "&format=json").json()["tasks"][0]["id"] == first.pk
