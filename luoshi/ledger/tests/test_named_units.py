"""A task that names its units and its deadline (a row of a 任务分工表, or a 分工方案 in prose) gets
those as its suggested assignment, before any rule."""

from __future__ import annotations

import datetime as dt

import pytest

from luoshi.ledger.models import Suggester, SuggestionRule

from .factory import make_task, make_unit

pytestmark = pytest.mark.django_db


@pytest.fixture
def bureaus() -> dict[str, object]:
    return {
        "data": make_unit(name="示范市政务服务和数据管理局", short="市数据局"),
        "ndrc": make_unit(name="示范市发展和改革委员会", short="市发展改革委"),
        "finance": make_unit(name="示范市财政局", short="市财政局"),
    }


def test_a_row_of_a_task_table_suggests_the_units_and_the_deadline_it_names(bureaus) -> None:
    task = make_task(
        text="推进政务服务“一网通办”（牵头单位：市数据局；配合单位：示范市发展和改革委员会、市财政局；完成时限：2026年底前）。"
    )
    s = Suggester().suggest(task)
    assert s.lead == bureaus["data"]
    assert s.co == [bureaus["ndrc"], bureaus["finance"]]
    assert s.why(bureaus["data"]) == ["任务写明由“示范市政务服务和数据管理局”牵头"]
    assert s.why(bureaus["finance"]) == ["任务写明“示范市财政局”配合"]
    assert (s.deadline_kind, s.deadline, s.deadline_reason) == (
        "date",
        dt.date(2026, 12, 31),
        "任务写明完成时限“2026年底前”",
    )


def test_a_division_of_work_written_in_prose_is_read_too(bureaus) -> None:
    s = Suggester().suggest(make_task(text="完善财政支持政策（市发展改革委牵头，市财政局、市数据局配合）。"))
    assert s.lead == bureaus["ndrc"]
    assert s.co == [bureaus["finance"], bureaus["data"]]


def test_the_named_lead_comes_before_a_rule_which_then_co_operates(bureaus) -> None:
    SuggestionRule.objects.create(keyword="政务服务", unit=bureaus["ndrc"], weight=9)
    s = Suggester().suggest(make_task(text="优化政务服务（牵头单位：市数据局）。"))
    assert s.lead == bureaus["data"]
    assert s.co == [bureaus["ndrc"]]


def test_a_deadline_in_a_month_is_the_end_of_that_month_and_a_standing_task_is_ongoing(bureaus) -> None:
    s = Suggester().suggest(make_task(text="出台若干措施（牵头单位：市发展改革委；完成时限：2027年6月）。"))
    assert s.deadline == dt.date(2027, 6, 30)
    s = Suggester().suggest(
        make_task(text="开展安全生产治本攻坚（牵头单位：市应急管理局；完成时限：长期坚持）。")
    )
    assert (s.lead, s.deadline_kind) == (None, "ongoing")


def test_a_name_that_is_no_unit_of_the_catalogue_suggests_nothing(bureaus, django_assert_num_queries) -> None:
    s = Suggester().suggest(make_task(text="建设示范工程（牵头单位：市未知局）。"))
    assert s.empty
    task = make_task(text="建设示范工程。")
    suggester = Suggester()
    with django_assert_num_queries(2):  # the task's places and targets; no unit is read by name
        suggester.suggest(task)
