"""Lights follow the record: once a change is committed, the lights of the tasks it touched are
computed again, so a page read after it shows the light of the record as it now stands."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.db import connection

from luoshi.ledger.models import acting_as
from luoshi.supervision import freshness
from luoshi.supervision.models import Color, TaskLight

from .factory import make_supervised_task, no_reports

pytestmark = pytest.mark.django_db


def colour(task: Any) -> str | None:
    light = TaskLight.objects.filter(task=task).first()
    return light.color if light else None


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Any:
    """``with committed():`` runs the block as if it were a transaction that commits (the test's own
    transaction never does: what it saved before the block is left to it)."""

    @contextmanager
    def block() -> Iterator[Any]:
        connection.__dict__.pop(freshness.PENDING, None)
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            yield callbacks

    return block


def test_assigning_a_task_turns_its_light_from_unassigned_once_committed(
    office: Any, unit_a: Any, clock: Any, committed: Any
) -> None:
    from luoshi.ledger.tests.factory import make_task

    clock(2026, 11, 20)
    with committed(), acting_as(office):
        task = make_task()
    assert colour(task) == Color.UNASSIGNED
    with committed(), acting_as(office):
        task.assign(by=office, lead=unit_a, deadline_kind="date", deadline=dt.date(2030, 12, 31))
    assert colour(task) == Color.GREEN


def test_a_sub_tasks_change_refreshes_its_parents_light(
    office: Any, league: Any, banner: Any, clock: Any, committed: Any
) -> None:
    clock(2026, 11, 20)
    parent = no_reports(
        make_supervised_task(league, assigned=dt.date(2026, 1, 5), deadline=dt.date(2027, 12, 31), percent=50)
    )
    with committed():
        (sub,) = parent.cascade([(banner, "达拉特旗：分解任务")], by=office)
    assert colour(parent) == Color.GREEN
    with committed():
        sub.record_progress(percent=10, status="behind", period="2026Q3")
    assert colour(sub) == Color.YELLOW
    assert colour(parent) == Color.YELLOW
    assert TaskLight.objects.get(task=parent).reason.startswith("下级任务")


def test_a_change_rolled_back_leaves_nothing_to_refresh_behind(
    office: Any, clock: Any, committed: Any
) -> None:
    from django.db import transaction

    from luoshi.ledger.tests.factory import make_task

    clock(2026, 11, 20)
    task = make_task()
    with committed() as callbacks:
        try:
            with transaction.atomic(), acting_as(office):
                task.reword("改了又撤回。", by=office)
                raise RuntimeError
        except RuntimeError:
            pass
        task.refresh_from_db()
        with acting_as(office):
            task.reword("推进草原保护修复。", by=office)
    assert len(callbacks) == 1  # the rolled-back change's callback went with it; the next has its own
    assert colour(task) == Color.UNASSIGNED


def test_a_failure_to_refresh_never_reaches_the_person_who_saved(
    office: Any, clock: Any, committed: Any, monkeypatch: Any, caplog: Any
) -> None:
    from luoshi.ledger.tests.factory import make_task

    def broken(ids: set[int]) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(freshness, "refresh", broken)
    clock(2026, 11, 20)
    with caplog.at_level("ERROR", logger="luoshi.supervision.freshness"), committed(), acting_as(office):
        task = make_task()
    assert colour(task) is None
    assert "could not refresh the lights" in caplog.text
