"""The figures, computed for the whole ledger (the office's, leaders' and auditors' scope)."""

from __future__ import annotations

from typing import Any

import pytest

from luoshi.dashboard.figures import compute
from luoshi.dashboard.models import Scope

from .conftest import TODAY

pytestmark = pytest.mark.django_db


def figures(world: dict[str, Any]) -> dict[str, Any]:
    return compute(Scope.everything(), TODAY)


def test_every_active_task_is_counted_once_by_its_stored_light_or_as_not_lit(world: Any) -> None:
    totals = figures(world)["totals"]
    assert totals["tasks"] == 6  # the withdrawn task is not counted
    assert totals["lights"] == {
        "red": 1,
        "yellow": 1,
        "green": 1,
        "unassigned": 0,
        "undated": 0,
        "done": 1,
        "suspended": 1,
        "none": 1,  # t5: no light computed yet, and none guessed from its progress
    }
    assert sum(totals["lights"].values()) == totals["tasks"]
    assert totals["completion"] == round(1 / 6, 4)
    assert (totals["overdue"], totals["returned"]) == (1, 1)


def test_parts_and_sections_count_their_own_tasks_and_those_of_their_subsections(world: Any) -> None:
    (decision,) = figures(world)["decisions"]
    parts = {p["title"]: p for p in decision["parts"]}
    assert parts["总体要求"]["tasks"] == 2
    assert {s["title"]: s["tasks"] for s in parts["总体要求"]["sections"]} == {"指导思想": 1, "主要目标": 1}
    assert parts["重点任务"]["lights"]["yellow"] == 1  # t3 sits in 2.1.1, under 2.1 and part 2
    assert [(s["title"], s["tasks"]) for s in parts["重点任务"]["sections"]] == [("产业发展", 3)]
    sid = world["sections"]["2.1"].pk
    assert (
        parts["重点任务"]["sections"][0]["tasks_url"]
        == f"/tasks/?decision={decision['id']}&section={sid}&subtasks=in_parent"
    )


def test_a_task_without_a_section_is_counted_apart_without_a_link(world: Any) -> None:
    (decision,) = figures(world)["decisions"]
    loose = decision["parts"][-1]
    assert (loose["id"], loose["tasks"], loose["tasks_url"]) == (None, 1, None)


def test_units_count_the_tasks_they_lead_or_co_operate_on_worst_first(
    world: Any, unit_a: Any, unit_b: Any
) -> None:
    units = figures(world)["units"]
    by_id = {u["id"]: u for u in units}
    assert (by_id[unit_a.pk]["tasks"], by_id[unit_a.pk]["lead"]) == (2, 2)
    assert (by_id[unit_b.pk]["tasks"], by_id[unit_b.pk]["lead"]) == (3, 2)
    assert units[0]["id"] == unit_a.pk  # the one with a red light comes first
    assert by_id[unit_a.pk]["tasks_url"] == f"/tasks/?unit={unit_a.pk}&subtasks=in_parent"


def test_a_league_counts_the_tasks_of_its_own_units_once_each_on_its_tile(world: Any, league: Any) -> None:
    tiles = {t["id"]: t for t in figures(world)["leagues"]}
    ordos = tiles[league.pk]
    assert ordos["tasks"] == 2  # t4 (its banner) and t7 (itself and another banner): once each
    assert ordos["lights"]["done"] == 1
    assert ordos["lights"]["suspended"] == 1
    assert (ordos["col"], ordos["row"]) == (3, 4)  # 鄂尔多斯 sits in the south-west of the grid
    assert ordos["tone"] == "good"


def test_overdue_tasks_and_returned_reports_are_listed_with_their_links(world: Any) -> None:
    f = figures(world)
    assert [i["task"] for i in f["overdue"]["items"]] == [world["t1"].pk]
    assert f["overdue"]["tasks_url"] == "/tasks/?deadline=overdue&subtasks=in_parent"
    (item,) = f["returned"]["items"]
    assert (item["task"], item["comment"], item["url"]) == (
        world["t3"].pk,
        "请补充佐证",
        f"/tasks/{world['t3'].pk}/",
    )
    assert f["returned"]["tasks_url"] == "/tasks/?returned=1"


def test_targets_are_counted_by_delivery_confidence_like_the_indicators_page(world: Any) -> None:
    from luoshi.indicators.assessing import assess_targets
    from luoshi.ledger.models import Target

    targets = figures(world)["targets"]
    (expected,) = assess_targets(Target.objects.all())
    assert targets["total"] == 1
    assert targets["counts"][expected.confidence.value] == 1
    assert targets["url"] == "/indicators/"


def test_trends_count_the_reports_owed_handed_in_on_time_late_and_missing_per_quarter(world: Any) -> None:
    q3 = next(r for r in figures(world)["trends"] if r["period"] == "2026Q3")
    # six tasks with a lead unit, one of them suspended before the quarter's report was due: five owe a
    # report, as the supervision run and the report to the committee count them; the co-operating
    # unit's report is not owed and not counted (it is "extra")
    assert (q3["owed"], q3["handed_in"], q3["on_time"], q3["late"], q3["missing"]) == (5, 2, 1, 1, 3)
    assert (q3["accepted"], q3["awaiting"], q3["extra"]) == (1, 1, 1)
    assert q3["on_time_share"] == round(1 / 5, 4)
    q4 = figures(world)["trends"][-1]
    assert (q4["period"], q4["due"], q4["owed"], q4["missing"], q4["pending"]) == ("2026Q4", False, 5, 0, 5)
    assert q4["on_time_share"] is None  # not yet due
    assert q4["lights"]["red"] == 1  # this quarter's lights, as computed now


def test_the_burden_of_each_unit_comes_from_the_supervision_app(world: Any, unit_b: Any) -> None:
    from luoshi.supervision.burden import burden

    b = figures(world)["burden"]
    loads = burden()
    assert b["totals"]["units"] == len(loads)
    assert b["units"][0]["unit"] == loads[0].unit_id
    assert b["units"][0]["tasks_url"] == f"/tasks/?unit={loads[0].unit_id}&subtasks=in_parent"


def test_a_task_done_in_an_earlier_quarter_owes_no_more_reports(world: Any) -> None:
    from luoshi.ledger.models import Task

    before = next(r for r in figures(world)["trends"] if r["period"] == "2026Q3")["owed"]
    task = Task.objects.filter(progress_status="done").first()
    Task.objects.filter(pk=task.pk).update(progress_period="2026Q2")
    after = next(r for r in figures(world)["trends"] if r["period"] == "2026Q3")["owed"]
    assert after == before - 1
