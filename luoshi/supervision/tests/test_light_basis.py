"""A light needs a basis: no lead unit is 未分工, no time limit is 未定时限, and green is left for a task
that has both and nothing behind; every light says what it rests on."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from luoshi.ledger.models import DeadlineKind, Milestone, ProgressStatus
from luoshi.supervision.lights import light_for
from luoshi.supervision.models import Color, TaskLight
from luoshi.supervision.supervisor import Supervisor

from .factory import make_supervised_task, no_reports

pytestmark = pytest.mark.django_db
D = dt.date


def test_a_task_without_a_lead_unit_is_unassigned_not_green(clock: Any) -> None:
    from luoshi.ledger.tests.factory import make_task

    clock(2026, 11, 20)
    task = make_task(progress_status=ProgressStatus.ON_TRACK)
    verdict = light_for(task)
    assert (verdict.color, verdict.reason) == (Color.UNASSIGNED, "未分工：尚未确定牵头单位")


def test_a_task_without_a_deadline_or_a_node_is_undated_not_green(unit_a: Any, clock: Any) -> None:
    clock(2026, 11, 20)
    task = no_reports(make_supervised_task(unit_a, deadline_kind=DeadlineKind.NONE))
    verdict = light_for(task)
    assert verdict.color == Color.UNDATED
    assert verdict.reason == "未定时限：没有完成日期或形象进度节点，无法判断是否按期"


def test_a_time_limit_in_words_only_is_undated_and_says_what_was_written(unit_a: Any, clock: Any) -> None:
    clock(2026, 11, 20)
    task = no_reports(
        make_supervised_task(unit_a, deadline_kind=DeadlineKind.TEXT, deadline_note="“十五五”期间")
    )
    verdict = light_for(task)
    assert verdict.color == Color.UNDATED
    assert verdict.reason.endswith("（时限说明：“十五五”期间）")


def test_a_node_or_a_deadline_or_long_term_gives_a_green_light_its_basis(unit_a: Any, clock: Any) -> None:
    clock(2026, 11, 20)
    noded = no_reports(make_supervised_task(unit_a, deadline_kind=DeadlineKind.NONE))
    Milestone.objects.create(task=noded, due=D(2027, 6, 30), description="完成一期工程")
    assert (light_for(noded).color, light_for(noded).reason) == (Color.GREEN, "按形象进度节点推进，未见滞后")
    dated = no_reports(make_supervised_task(unit_a, deadline=D(2030, 12, 31)))
    assert (light_for(dated).color, light_for(dated).reason) == (
        Color.GREEN,
        "按计划推进，完成时限2030年12月31日",
    )
    ongoing = no_reports(make_supervised_task(unit_a))  # 长期坚持
    assert (light_for(ongoing).color, light_for(ongoing).reason) == (
        Color.GREEN,
        "长期坚持，按期报送，未见滞后",
    )


def test_an_undated_task_reported_behind_is_still_yellow(unit_a: Any, clock: Any) -> None:
    clock(2026, 11, 20)
    task = no_reports(
        make_supervised_task(unit_a, deadline_kind=DeadlineKind.NONE, progress_status=ProgressStatus.BEHIND)
    )
    assert light_for(task).color == Color.YELLOW


def test_a_decision_imported_with_nobody_assigned_counts_no_green_light(office: Any, clock: Any) -> None:
    from luoshi.ledger.importing import import_decision
    from luoshi.samples import SAMPLE_DECISION

    clock(2026, 11, 20)
    decision, _plan = import_decision(SAMPLE_DECISION, is_sample=True)
    result = Supervisor(send=False).run()
    tasks = decision.tasks.active().count()
    assert tasks > 10
    assert result.counts["tasks"] == {"unassigned": tasks}
    assert not TaskLight.objects.filter(color=Color.GREEN).exists()


@pytest.mark.corpus
def test_the_real_decision_imported_with_nobody_assigned_counts_no_green_light(
    office: Any, clock: Any
) -> None:
    from pathlib import Path

    from luoshi.ledger.importing import import_decision

    path = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "im-decision-2022.txt"
    if not path.exists():
        pytest.skip("../shared/corpus is not beside this checkout")
    clock(2026, 11, 20)
    decision, _plan = import_decision(path)
    result = Supervisor(send=False).run()
    assert result.counts["tasks"].get("green", 0) == 0
    assert result.counts["tasks"]["unassigned"] == decision.tasks.active().count()


def test_the_task_page_shows_the_light_and_what_it_rests_on(
    as_user: Any, office: Any, unit_a: Any, clock: Any
) -> None:
    clock(2026, 11, 20)
    task = make_supervised_task(
        unit_a, assigned=D(2026, 1, 5), deadline=D(2026, 12, 31), percent=20, progress_period="2026Q3"
    )
    Supervisor(send=False).run()
    page = as_user(office).get(f"/tasks/{task.pk}/").content.decode()
    assert "状态灯及其依据" in page
    light = TaskLight.objects.get(task=task)
    assert light.color == Color.RED  # three quarters' reports missing since it was assigned
    assert light.reason_display() in page  # the reason, in words
    for fact in (
        "牵头单位",
        "自治区发展和改革委员会",
        "完成时限",
        "序时进度",
        "最近采纳的报告",
        "各单位报送",
    ):
        assert fact in page, fact
    data = as_user(office).get(f"/tasks/{task.pk}/?format=json").json()
    basis = data["light_basis"]
    assert basis["color"] == data["light"]["color"] == TaskLight.objects.get(task=task).color
    assert {f["label"] for f in basis["facts"]} >= {"牵头单位", "完成时限", "序时进度", "最近采纳的报告"}


def test_a_light_not_computed_yet_is_said_to_be_so(as_user: Any, office: Any, unit_a: Any) -> None:
    task = make_supervised_task(unit_a)  # no run yet: no light stored
    data = as_user(office).get(f"/tasks/{task.pk}/?format=json").json()
    assert (data["light"]["color"], data["light"]["label"]) == ("none", "未亮灯")
    assert data["light_basis"]["reason"] == "尚未计算状态灯"
