"""Targets assessed from the database: the same maths as the pure package, fed in bulk."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from luoshi.indicators import BUNDLED_GOALS, BUNDLED_RELATIONS, assess_bundled
from luoshi.indicators.assessing import assess_target, assess_targets, by_confidence, task_lights
from luoshi.indicators.importing import load_bundled
from luoshi.indicators.models import IndicatorBreak
from luoshi.ledger.models import DeadlineKind, ProgressStatus, TaskState
from luoshi.ledger.tests.factory import make_decision, make_report, make_task, make_unit
from luoshi.progress.models import Measurement, ReportState

from .helpers import GRAIN, TODAY, make_indicator, make_target

pytestmark = pytest.mark.django_db


def _decision_targets() -> list[Any]:
    """Targets like the Inner Mongolia decision's, each on a task of its own."""
    decision = make_decision()
    out = []
    for goal, _series in BUNDLED_GOALS:
        out.append(
            make_target(
                decision=decision,
                indicator=goal.indicator,
                comparator=goal.comparator,
                value=goal.value,
                unit=goal.unit,
                year=goal.year,
                text=goal.text,
            )
        )
    for rel, _a, _b in BUNDLED_RELATIONS:
        out.append(
            make_target(
                decision=decision,
                kind="relational",
                indicator=rel.indicator,
                reference=rel.reference,
                comparator=rel.comparator,
                year=rel.year,
                text=rel.text,
            )
        )
    return out


def test_the_bundled_series_loaded_into_the_database_give_the_same_assessments_as_the_pure_package() -> None:
    load_bundled()
    targets = _decision_targets()
    from_db = assess_targets(targets, today=TODAY)
    pure = assess_bundled(today=TODAY)
    assert [r.status for r in from_db] == [d.status for d in pure]
    assert [r.assessment.explanation_zh for r in from_db] == [d.assessment.explanation_zh for d in pure]
    assert [r.status.value for r in from_db] == [
        "on_track",
        "insufficient_data",
        "on_track",
        "limited_progress",
        "insufficient_data",
        "on_track",
        "achieved",
        "insufficient_data",
    ]
    for r in from_db:
        assert r.delivery.sentence_zh.startswith(r.delivery.label_zh + "：")
        assert r.assessment.explanation_zh
        assert r.assessment.explanation_en


def test_every_status_carries_an_explanation_even_without_a_series_a_value_or_a_year() -> None:
    targets = [
        make_target(indicator="没有数据的指标"),
        make_target(indicator="某产值", comparator=">", value=1000, unit="亿元", year=None),
        make_target(indicator="某指标", value=None),
        make_target(kind="milestone", indicator="建成某平台", year=None),
        make_target(kind="relational", indicator="甲", reference="", comparator=">"),
    ]
    results = assess_targets(targets, today=TODAY)
    assert [r.status.value for r in results] == ["insufficient_data"] + ["not_assessable"] * 4
    for r in results:
        assert r.assessment.explanation_zh, r.target.indicator
        assert r.delivery.sentence_zh


@pytest.mark.parametrize(("unit", "factor"), [("亿斤", 1.0), ("万吨", 5.0), ("吨", 50000.0), ("千克", 5e7)])
def test_the_same_series_reported_in_another_unit_gives_the_same_status_and_ratio(
    unit: str, factor: float
) -> None:
    make_indicator("粮食总产量", "亿斤", [(y, v * factor) for y, v in GRAIN], reported_unit=unit)
    a = assess_target(make_target(value=900, unit="亿斤"), today=TODAY)
    reference = (2.036, "on_track")  # (790 / 700)^(1/6) − 1 = 2.04% a year against 1.19% needed
    assert round(a.assessment.actual_rate * 100, 3) == reference[0]
    assert a.status.value == reference[1]
    assert round(a.assessment.ratio, 6) == 1.708107


def test_a_target_set_in_another_unit_than_its_series_is_assessed_in_the_targets_unit() -> None:
    make_indicator("粮食总产量", "亿斤", GRAIN)
    a = assess_target(make_target(value=4500, unit="万吨"), today=TODAY)  # 4500 万吨 = 900 亿斤
    assert a.status.value == "on_track"
    assert round(a.assessment.ratio, 6) == 1.708107
    assert "不低于4500万吨" in a.delivery.sentence_zh
    assert a.as_dict()["points"][-1] == {"year": 2024, "month": None, "t": 2024.0, "value": 3950.0}


def test_a_break_the_office_marks_is_respected_and_named(office: Any) -> None:
    forest = make_indicator(
        "森林覆盖率", "%", [(2018, 22.0), (2021, 23.0), (2022, 23.0), (2023, 20.8), (2024, 21.0)]
    )
    target = make_target(indicator="森林覆盖率", value=25, unit="%")
    before = assess_target(target, today=TODAY)
    assert before.status.value == "deteriorating"
    IndicatorBreak.mark(forest, 2023, "新一轮调查基数", by=office)
    after = assess_target(target, today=TODAY)
    assert after.status.value != "deteriorating"
    assert "2023年起新一轮调查基数，只用2023年起的2个数据点" in after.assessment.explanation_zh
    IndicatorBreak.objects.get().withdraw(by=office)
    assert assess_target(target, today=TODAY).status.value == "deteriorating"


def _file(target: Any, value: float, period: str, state: str) -> Any:
    report = make_report(task=target.task, unit=target.task.lead_unit, period=period, state=state)
    if state == ReportState.ACCEPTED:
        report.reviewed_at = timezone.now()
        report.save()
    return Measurement.objects.create(report=report, target=target, value=value)


def test_values_in_accepted_reports_count_and_those_of_returned_or_unfinished_reports_do_not() -> None:
    unit = make_unit()
    target = make_target(indicator="某项新指标", value=100, unit="万吨", year=2030, task_lead_unit=unit)
    _file(target, 40, "2024Q4", ReportState.ACCEPTED)
    _file(target, 50, "2025Q4", ReportState.RETURNED)
    _file(target, 55, "2025Q3", ReportState.APPROVED)
    a = assess_target(target, today=TODAY)
    assert [(r.year, r.value, r.origin) for r in a.readings] == [(2024, 40, "report")]
    assert a.status.value == "insufficient_data"
    _file(target, 52, "2025Q2", ReportState.ACCEPTED)
    a = assess_target(target, today=TODAY)
    assert [(r.year, r.month, r.value) for r in a.readings] == [(2024, 12, 40), (2025, 6, 52)]
    assert a.status.value == "on_track"


def test_a_value_reported_on_one_target_counts_for_every_target_measured_by_the_same_series() -> None:
    grain = make_indicator("粮食总产量", values=GRAIN)
    unit = make_unit()
    reported_on = make_target(indicator="粮食总产量", task_lead_unit=unit)
    other = make_target(indicator="粮食总产量", value=950)
    _file(reported_on, 4200, "2025Q4", ReportState.ACCEPTED)  # in the target's unit… 亿斤
    a = assess_target(other, today=TODAY)
    assert a.match.indicator == grain
    assert (a.readings[-1].year, a.readings[-1].value, a.readings[-1].origin) == (2025, 4200, "report")


def test_the_tasks_behind_a_target_are_counted_from_their_progress_without_lights(monkeypatch: Any) -> None:
    from luoshi.indicators import assessing

    monkeypatch.setattr(assessing.apps, "is_installed", lambda name: False)
    decision = make_decision()
    parent = make_task(decision=decision)
    make_task(decision=decision, parent=parent, progress_status=ProgressStatus.DONE)
    make_task(decision=decision, parent=parent, progress_status=ProgressStatus.BEHIND)
    make_task(
        decision=decision,
        parent=parent,
        deadline_kind=DeadlineKind.DATE,
        deadline=dt.date(2026, 6, 30),
        progress_status=ProgressStatus.ON_TRACK,
    )
    make_task(decision=decision, parent=parent, progress_status=ProgressStatus.ON_TRACK)
    make_task(decision=decision, parent=parent, state=TaskState.WITHDRAWN)
    make_indicator(values=GRAIN)
    a = assess_target(make_target(task=parent), today=TODAY)
    assert task_lights([parent.pk]) is None
    assert (a.tasks.total, a.tasks.done, a.tasks.late) == (4, 1, 2)  # the overdue one is late too
    assert a.task_source == "progress"


def test_the_supervision_lights_are_preferred_when_that_app_is_installed() -> None:
    from luoshi.supervision.models import TaskLight

    task = make_task(progress_status=ProgressStatus.ON_TRACK)
    other = make_task(decision=task.decision, progress_status=ProgressStatus.DONE)
    now = timezone.now()
    TaskLight.objects.create(task=task, color="red", code="x", reason="逾期", since=TODAY, computed_at=now)
    make_indicator(values=GRAIN)
    a = assess_target(make_target(task=task), today=TODAY)
    assert (a.tasks.total, a.tasks.late, a.task_source) == (1, 1, "lights")
    b = assess_target(make_target(task=other), today=TODAY)  # no light yet: its progress decides
    assert (b.tasks.done, b.task_source) == (1, "progress")


def test_all_tasks_done_while_the_indicator_lags_is_flagged_and_said() -> None:
    make_indicator("肉类总产量", "万吨", [(2018, 260), (2023, 270)])
    target = make_target(
        indicator="肉类总产量", value=400, unit="万吨", task_progress_status=ProgressStatus.DONE
    )
    a = assess_target(target, today=TODAY)
    assert a.status.value == "limited_progress"
    assert a.mismatch == "tasks_done_indicator_lags"
    assert "关联任务1项已全部完成，但指标仍未达到进度要求" in a.delivery.sentence_zh
    assert a.confidence.value == "amber_red"


def test_an_indicator_on_track_while_the_tasks_lag_is_flagged_and_said() -> None:
    make_indicator(values=GRAIN)
    target = make_target(task_progress_status=ProgressStatus.BEHIND)
    a = assess_target(target, today=TODAY)
    assert a.mismatch == "indicator_ok_tasks_lag"
    assert "指标进度正常，但关联任务1项中0项已完成、1项滞后" in a.delivery.sentence_zh
    assert a.confidence.value == "amber_green"


def test_a_milestone_is_done_when_every_task_behind_it_is_done() -> None:
    decision = make_decision()
    parent = make_task(decision=decision)
    sub1 = make_task(
        decision=decision, parent=parent, progress_status=ProgressStatus.DONE, progress_period="2025Q2"
    )
    sub2 = make_task(decision=decision, parent=parent, progress_status=ProgressStatus.ON_TRACK)
    target = make_target(task=parent, kind="milestone", indicator="建成数据平台", year=2027)
    a = assess_target(target, today=TODAY)
    assert a.status.value == "not_done"
    assert a.confidence.value == "green"  # not yet due: the tasks are the evidence
    sub2.progress_status = ProgressStatus.DONE
    sub2.save()
    parent.progress_status, parent.progress_period = ProgressStatus.DONE, "2025Q3"
    parent.save()
    a = assess_target(target, today=TODAY)
    assert a.status.value == "done"
    assert a.assessment.explanation_zh.startswith("2025年9月30日完成")
    assert sub1.pk in a.task_ids


def test_a_milestone_past_its_year_and_not_done_is_overdue() -> None:
    a = assess_target(make_target(kind="milestone", indicator="完成某项改革", year=2025), today=TODAY)
    assert a.status.value == "overdue"
    assert "期限2025年12月31日已过331天" in a.delivery.sentence_zh


def test_a_withdrawn_task_leaves_its_target_without_tasks() -> None:
    make_indicator(values=GRAIN)
    a = assess_target(make_target(task_state=TaskState.WITHDRAWN), today=TODAY)
    assert a.tasks is None


def test_the_overview_groups_put_the_worst_first_and_list_every_level() -> None:
    make_indicator(values=GRAIN)
    results = assess_targets([make_target(), make_target(indicator="无数据")], today=TODAY)
    groups = by_confidence(results)
    assert [c.value for c, _rs in groups] == ["red", "amber_red", "amber_green", "green", "unknown"]
    assert sum(len(rs) for _c, rs in groups) == 2
