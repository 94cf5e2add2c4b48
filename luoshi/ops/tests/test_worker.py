"""``luoshi worker``: the daily supervision run at its hour, once a day, never twice at once; the outbox
in between."""

from __future__ import annotations

import datetime as dt
import io
import threading
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection

from luoshi.ledger.tests.factory import make_task
from luoshi.ops.locks import exclusive
from luoshi.ops.worker import Worker
from luoshi.supervision.models import Run

SHANGHAI = ZoneInfo("Asia/Shanghai")


def _at(hour: int, minute: int = 0, day: int = 3) -> dt.datetime:
    return dt.datetime(2026, 12, day, hour, minute, tzinfo=SHANGHAI)


def _worker(lines: list[str]) -> Worker:
    return Worker(supervise_at=dt.time(6, 30), outbox_every=dt.timedelta(seconds=60), echo=lines.append)


@pytest.mark.django_db(transaction=True)
def test_supervision_waits_for_its_hour_then_runs_once_that_day() -> None:
    make_task()
    lines: list[str] = []
    w = _worker(lines)
    assert w.tick(_at(6, 29)).supervised is None
    assert not Run.objects.exists()
    assert w.tick(_at(6, 31)).supervised is True
    assert Run.objects.filter(today=dt.date(2026, 12, 3), finished_at__isnull=False).count() == 1
    assert w.tick(_at(9, 0)).supervised is None
    assert Run.objects.count() == 1
    assert w.tick(_at(6, 31, day=4)).supervised is True
    assert Run.objects.count() == 2
    assert any(line.startswith("督查") for line in lines)


@pytest.mark.django_db(transaction=True)
def test_a_day_whose_run_never_finished_is_run_when_the_worker_is_back() -> None:
    make_task()
    Run.objects.create(today=dt.date(2026, 12, 3), started_at=_at(6, 30))  # killed halfway
    assert _worker([]).tick(_at(11, 0)).supervised is True
    assert Run.objects.filter(finished_at__isnull=False).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_run_is_skipped_while_another_node_holds_the_lock() -> None:
    make_task()
    held, release = threading.Event(), threading.Event()

    def other_node() -> None:
        try:
            with exclusive("supervise"):
                held.set()
                release.wait(30)
        finally:
            connection.close()

    t = threading.Thread(target=other_node)
    t.start()
    try:
        assert held.wait(30)
        out = io.StringIO()
        call_command("supervise", stdout=out)
        assert "另一次督查正在运行" in out.getvalue()
        assert not Run.objects.exists()
        assert _worker([]).tick(_at(7, 0)).supervised is False
    finally:
        release.set()
        t.join(30)
    assert _worker([]).tick(_at(7, 0)).supervised is True


@pytest.mark.django_db(transaction=True)
def test_the_skip_is_reported_in_json_too() -> None:
    held, release = threading.Event(), threading.Event()

    def other_node() -> None:
        try:
            with exclusive("supervise"):
                held.set()
                release.wait(30)
        finally:
            connection.close()

    t = threading.Thread(target=other_node)
    t.start()
    try:
        assert held.wait(30)
        out = io.StringIO()
        call_command("supervise", "--format", "json", stdout=out)
        assert '"skipped": true' in out.getvalue()
    finally:
        release.set()
        t.join(30)


@pytest.mark.django_db(transaction=True)
def test_the_outbox_is_sent_at_most_once_a_turn(monkeypatch: Any) -> None:
    from luoshi.supervision import outbox

    calls: list[int] = []
    monkeypatch.setattr(outbox, "send_pending", lambda: calls.append(1) or outbox.Outcome())
    w = _worker([])
    w.tick(_at(5, 0))
    w.tick(_at(5, 0) + dt.timedelta(seconds=30))
    assert len(calls) == 1
    w.tick(_at(5, 1) + dt.timedelta(seconds=1))
    assert len(calls) == 2
