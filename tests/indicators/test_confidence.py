"""Delivery confidence: the measured status combined with the ledger's view of the target's tasks."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.indicators import Confidence, Status, TaskView, assess, assess_milestone, delivery

from .helpers import TODAY, goal, series

ON_TRACK = assess(series([(2015, 100), (2020, 120)]), goal(150), today=TODAY)
LAGGING = assess(series([(2018, 100), (2024, 115)]), goal(161, year=2035), today=TODAY)
LIMITED = assess(series([(2015, 100), (2020, 105)]), goal(150), today=TODAY)
NO_DATA = assess(series([(2021, 300)]), goal(400), today=TODAY)


def test_the_statuses_used_below_are_what_they_say():
    assert ON_TRACK.status is Status.ON_TRACK
    assert LAGGING.status is Status.ACCELERATE
    assert LIMITED.status is Status.LIMITED
    assert NO_DATA.status is Status.INSUFFICIENT


@pytest.mark.parametrize(
    ("assessment", "tasks", "confidence"),
    [
        (ON_TRACK, TaskView(10, done=4, late=0), Confidence.GREEN),
        (ON_TRACK, None, Confidence.GREEN),
        (ON_TRACK, TaskView(10, done=2, late=5), Confidence.AMBER_GREEN),
        (LAGGING, TaskView(10, done=10), Confidence.AMBER_GREEN),
        (LAGGING, TaskView(10, done=3, late=2), Confidence.AMBER_RED),
        (LAGGING, None, Confidence.AMBER_RED),
        (LIMITED, TaskView(10, done=10), Confidence.AMBER_RED),
        (LIMITED, TaskView(10, done=1, late=6), Confidence.RED),
        (LIMITED, None, Confidence.RED),
        (NO_DATA, TaskView(10, done=5, late=0), Confidence.AMBER_GREEN),
        (NO_DATA, TaskView(10, done=0, late=0), Confidence.UNKNOWN),  # nothing finished: grey, not amber
        (NO_DATA, TaskView(10, done=0, late=6), Confidence.RED),  # late tasks still count against it
        (NO_DATA, TaskView(10, done=1, late=6), Confidence.RED),
        (NO_DATA, None, Confidence.UNKNOWN),
        (NO_DATA, TaskView(0), Confidence.UNKNOWN),
    ],
)
def test_the_confidence_matrix(assessment, tasks, confidence):
    assert delivery(assessment, tasks).confidence is confidence


def test_the_sentence_gives_the_status_and_the_rates():
    d = delivery(LAGGING)
    assert d.sentence_zh.startswith(
        "需加快：2018—2024年年均增长2.4%，到2035年实现目标（不低于161万吨）需年均增长3.1%"
    )
    assert d.sentence_zh.endswith("。")
    assert d.sentence_en.startswith("Acceleration needed: 2018–2024: +2.4% a year")
    assert (d.status, d.label_zh, d.label_en) == (Status.ACCELERATE, "需加快", "Acceleration needed")
    assert d.ratio == LAGGING.ratio
    assert d.gap == LAGGING.gap
    assert d.projection == LAGGING.projection


def test_all_tasks_done_while_the_indicator_lags_is_said_explicitly():
    d = delivery(LAGGING, TaskView(8, done=8))
    assert "关联任务8项已全部完成，但指标仍未达到进度要求，现有措施可能不足以实现目标" in d.sentence_zh
    assert "all 8 linked tasks are done, yet the indicator lags" in d.sentence_en


def test_an_indicator_on_track_while_the_tasks_lag_is_said_explicitly():
    d = delivery(ON_TRACK, TaskView(10, done=2, late=5))
    assert "指标进度正常，但关联任务10项中2项已完成、5项滞后，任务推进落后于指标" in d.sentence_zh
    assert "the indicator is on track, but of 10 linked tasks 2 are done and 5 late" in d.sentence_en


def test_without_data_the_sentence_falls_back_on_the_tasks():
    d = delivery(NO_DATA, TaskView(10, done=5))
    assert "指标暂无法判断，按任务进展看：关联任务10项中5项已完成、0项滞后" in d.sentence_zh
    assert delivery(NO_DATA).sentence_zh.endswith("也没有关联任务的进展，无法判断。")


def test_without_data_tasks_merely_under_way_are_no_basis_and_the_sentence_says_so():
    d = delivery(NO_DATA, TaskView(6, done=0, late=0))
    assert d.confidence is Confidence.UNKNOWN
    assert d.sentence_zh.endswith("关联任务6项均在推进、尚无一项完成，没有可作依据的结果，无法判断。")
    assert d.sentence_en.endswith("the 6 linked tasks are under way but none is done: nothing to judge by.")


def test_milestones_take_their_confidence_from_the_deadline_and_the_tasks():
    overdue = assess_milestone(2025, None, date(2026, 3, 1))
    done = assess_milestone(2025, date(2025, 5, 1), date(2026, 3, 1))
    due = assess_milestone(2026, None, date(2026, 3, 1))
    assert delivery(overdue).confidence is Confidence.RED
    assert delivery(done).confidence is Confidence.GREEN
    assert delivery(due, TaskView(4, done=1)).confidence is Confidence.GREEN
    assert delivery(due, TaskView(4, done=1, late=1)).confidence is Confidence.AMBER_GREEN
    assert delivery(due, TaskView(4, late=3)).confidence is Confidence.AMBER_RED
    assert delivery(due).confidence is Confidence.UNKNOWN
    assert delivery(due, TaskView(4, done=1)).sentence_zh.startswith(
        "未完成：距期限2026年12月31日还有305天；关联任务4项中1项已完成"
    )


def test_confidence_has_labels_in_both_languages():
    d = delivery(ON_TRACK)
    assert d.confidence_zh.startswith("绿")
    assert d.confidence_en.startswith("Green")
    for c in Confidence:
        assert c.label_zh
        assert c.label_en


def test_a_task_view_counts_done_and_on_schedule_as_fine():
    t = TaskView(10, done=3, late=2)
    assert t.on_schedule == 5
    assert t.share_ok == 0.8
    assert TaskView(0).share_ok is None
