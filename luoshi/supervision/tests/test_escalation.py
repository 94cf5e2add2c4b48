"""The escalation ladder: 提醒, 催办, 督办单 blue → yellow → red, 通报; each notice once, whatever happens."""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from django.db import connection

from luoshi.ledger.models import Task
from luoshi.supervision import escalation
from luoshi.supervision.models import Channel, Delivery, Notice, NoticeKind, Receipt, Rules
from luoshi.supervision.supervisor import Supervisor

from .factory import hand_in, make_supervised_task

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def task(unit_a: Any) -> Task:
    return make_supervised_task(unit_a, assigned=D(2026, 7, 1), text="加快建设国家重要能源和战略资源基地。")


def kinds() -> list[tuple[str, str]]:
    """The notices created so far (but the 通报, which has its own test)."""
    return list(Notice.objects.exclude(kind=NoticeKind.CIRCULAR).order_by("id").values_list("kind", "level"))


def test_a_reminder_goes_out_three_working_days_before_the_due_date(task: Task, clock: Any) -> None:
    clock(2026, 10, 8)  # 9, 10 (the moved Saturday), 12, 13: four working days left
    Supervisor().run()
    assert kinds() == []
    clock(2026, 10, 9)
    Supervisor().run()
    notice = Notice.objects.get()
    assert (notice.kind, notice.unit, notice.period) == (NoticeKind.REMIND, task.lead_unit, "2026Q3")
    assert notice.key == f"remind:report:{task.pk}:{task.lead_unit_id}:2026Q3"


def test_the_ladder_climbs_from_urging_to_a_red_order(task: Task, clock: Any) -> None:
    days = {
        D(2026, 10, 14): [("urge", "")],  # the first working day overdue
        D(2026, 10, 20): [("urge", ""), ("order", "blue")],  # 5 working days
        D(2026, 10, 27): [("urge", ""), ("order", "blue"), ("order", "yellow")],  # 10
        D(2026, 11, 10): [("urge", ""), ("order", "blue"), ("order", "yellow"), ("order", "red")],  # 20
    }
    for day, expected in days.items():
        clock(day.year, day.month, day.day)
        Supervisor().run()
        assert kinds() == expected, day


def test_only_the_highest_rung_is_issued_when_first_found_late(task: Task, clock: Any) -> None:
    clock(2026, 11, 20)
    Supervisor().run()
    assert kinds() == [("order", "red")]


def test_an_order_is_numbered_with_a_deadline_a_feedback_requirement_and_a_receipt(
    task: Task, clock: Any
) -> None:
    clock(2026, 10, 20)
    Supervisor().run()
    order = Notice.objects.get(kind=NoticeKind.ORDER)
    assert order.number == "督办〔2026〕1号"
    assert order.due == D(2026, 11, 3)  # 10 working days after 20 October
    assert "书面反馈督查室" in order.feedback
    assert order.title == "关于督促办理“加快建设国家重要能源和战略资源基地”的督办单"
    assert Receipt.objects.get(notice=order).unit == task.lead_unit


def test_thresholds_are_the_offices_to_set(task: Task, clock: Any) -> None:
    Rules.objects.filter(pk=Rules.get().pk).update(blue_after=2, urge_after=5)
    clock(2026, 10, 16)  # 3 working days overdue
    Supervisor().run()
    assert kinds() == [("order", "blue")]


def test_a_report_handed_in_stops_the_ladder(task: Task, unit_a: Any, clock: Any) -> None:
    clock(2026, 10, 14)
    Supervisor().run()
    hand_in(task, unit_a, "2026Q3")
    clock(2026, 11, 20)
    Supervisor().run()
    assert kinds() == [("urge", "")]


def test_an_overdue_task_is_chased_by_its_deadline(unit_a: Any, clock: Any) -> None:
    task = make_supervised_task(unit_a, deadline=D(2026, 9, 30))
    hand_in(task, unit_a, "2026Q3")
    clock(2026, 10, 14)  # 6 working days after 30 September
    Supervisor().run()
    assert list(Notice.objects.values_list("key", flat=True)) == [f"order/blue:deadline:{task.pk}:2026-09-30"]


def test_a_circular_lists_the_units_that_missed_the_period_once_its_date_comes(
    unit_a: Any, unit_b: Any, clock: Any
) -> None:
    for unit in (unit_a, unit_a, unit_b):
        make_supervised_task(unit)
    done = make_supervised_task(unit_b)
    hand_in(done, unit_b, "2026Q3")
    clock(2026, 11, 2)  # 14 working days after 13 October
    Supervisor().run()
    assert not Notice.objects.filter(kind=NoticeKind.CIRCULAR).exists()
    clock(2026, 11, 3)
    Supervisor().run()
    circular = Notice.objects.get(kind=NoticeKind.CIRCULAR)
    assert circular.number == "通报〔2026〕1号"
    assert [(r["name"], r["missed"]) for r in circular.rows()] == [
        ("自治区发展和改革委员会", 2),
        ("自治区教育厅", 1),
    ]
    assert set(Receipt.objects.filter(notice=circular).values_list("unit", flat=True)) == {
        unit_a.pk,
        unit_b.pk,
    }


def test_running_twice_creates_and_sends_nothing_new(task: Task, clock: Any) -> None:
    Channel.objects.create(
        name="督查室钉钉群", kind="dingtalk", target="http://127.0.0.1:9/robot", kinds=["urge", "order"]
    )
    sent: list[Delivery] = []

    def transport(d: Delivery) -> Any:
        from luoshi.supervision.transports import Sent

        sent.append(d)
        return Sent(200, '{"errcode":0}')

    clock(2026, 10, 20)
    first = Supervisor(transport=transport).run()
    assert first.counts["notices"] == {"order": 1}
    assert first.counts["sent"] == 1
    second = Supervisor(transport=transport).run()
    assert second.counts["notices"] == {}
    assert second.counts["sent"] == 0
    assert len(sent) == 1
    assert Notice.objects.count() == 1
    assert Delivery.objects.count() == 1


def test_a_run_killed_halfway_neither_loses_nor_duplicates_a_notice(
    unit_a: Any, unit_b: Any, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    tasks = [make_supervised_task(u) for u in (unit_a, unit_b, unit_a)]
    clock(2026, 10, 20)
    real = escalation.NoticeWriter._write
    calls = {"n": 0}

    def dies_on_the_second_decision(self: Any, planned: Any) -> Any:
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt  # the process is killed
        return real(self, planned)

    monkeypatch.setattr(escalation.NoticeWriter, "_write", dies_on_the_second_decision)
    with pytest.raises(KeyboardInterrupt):
        Supervisor().run()
    assert Notice.objects.count() == 1
    monkeypatch.setattr(escalation.NoticeWriter, "_write", real)
    Supervisor().run()
    keys = list(Notice.objects.order_by("task_id").values_list("task_id", "kind", "level"))
    assert keys == [(t.pk, "order", "blue") for t in tasks]
    assert list(Notice.objects.order_by("serial").values_list("serial", flat=True)) == [1, 2, 3]


def test_a_notice_created_meanwhile_by_another_run_is_not_created_again(
    task: Task, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from luoshi.supervision.calendar import WorkCalendar

    clock(2026, 10, 20)
    rules = Rules.get()
    planned = escalation.Planned(
        f"order/blue:report:{task.pk}:{task.lead_unit_id}:2026Q3",
        "order",
        "blue",
        task.pk,
        task.lead_unit_id,
        "2026Q3",
        "",
        {},
    )
    escalation.NoticeWriter.create(rules, WorkCalendar(), D(2026, 10, 20), None, {}).write([planned])
    real = escalation.existing_keys
    calls = {"n": 0}

    def stale_the_first_time(keys: Any) -> set[str]:
        # the other run committed after this one looked: the first look misses it
        calls["n"] += 1
        return set() if calls["n"] == 1 else real(keys)

    monkeypatch.setattr(escalation, "existing_keys", stale_the_first_time)
    made = escalation.NoticeWriter.create(rules, WorkCalendar(), D(2026, 10, 20), None, {}).write([planned])
    assert made == []
    assert calls["n"] == 2
    assert Notice.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_runs_at_once_create_each_notice_once(unit_a: Any, unit_b: Any, clock: Any) -> None:
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
        ("file:memorydb", ":memory:")
    ):
        pytest.skip("an in-memory SQLite database is not shared between threads")
    for u in (unit_a, unit_b, unit_a, unit_b):
        make_supervised_task(u)
    clock(2026, 10, 20)
    errors: list[BaseException] = []

    def go() -> None:
        try:
            Supervisor(send=False).run()
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)
        finally:
            connection.close()

    threads = [threading.Thread(target=go) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert Notice.objects.count() == 4
    assert sorted(Notice.objects.values_list("serial", flat=True)) == [1, 2, 3, 4]
