"""When the figures are computed: on demand when missing, again once stale (small ledgers at once, large
ones by the scheduled refresh), and always with the time they were computed."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.test import Client

from luoshi.dashboard import models as dashboard_models
from luoshi.dashboard.models import PeriodSnapshot, Scope, Snapshot

pytestmark = pytest.mark.django_db


def test_the_page_computes_the_figures_when_none_are_stored(as_user: Any, leader: Any, world: Any) -> None:
    assert not Snapshot.objects.exists()
    data = as_user(leader).get("/dashboard/?format=json").json()
    assert data["stale"] is False
    assert Snapshot.objects.get(scope="all").tasks == 6
    assert PeriodSnapshot.objects.filter(scope="all", period="2026Q4").exists()


def test_a_change_in_the_ledger_makes_the_figures_stale_and_a_small_ledger_recomputes_them(
    as_user: Any, leader: Any, office: Any, world: Any
) -> None:
    client = as_user(leader)
    assert client.get("/dashboard/?format=json").json()["totals"]["tasks"] == 6
    world["t5"].withdraw("测试撤销", by=office)  # an audited save
    data = client.get("/dashboard/?format=json").json()
    assert (data["totals"]["tasks"], data["stale"]) == (5, False)


def test_a_large_stale_ledger_is_shown_as_computed_with_a_notice_until_the_scheduled_refresh(
    client: Client, leader: Any, office: Any, world: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    client.force_login(leader)
    client.get("/dashboard/")
    monkeypatch.setattr(dashboard_models, "LAZY_LIMIT", 3)  # this ledger now counts as large
    world["t5"].withdraw("测试撤销", by=office)
    data = client.get("/dashboard/?format=json").json()
    assert (data["totals"]["tasks"], data["stale"]) == (6, True)
    page = client.get("/dashboard/").content.decode()
    assert "此后数据已有变动" in page
    assert "立即重新计算" not in page
    client.force_login(office)
    assert "立即重新计算" in client.get("/dashboard/").content.decode()
    client.post("/dashboard/refresh/")
    assert client.get("/dashboard/?format=json").json()["totals"]["tasks"] == 5


def test_a_new_supervision_run_or_a_new_day_makes_the_figures_stale(world: Any, time_machine: Any) -> None:
    from django.utils import timezone

    from luoshi.dashboard.models import Marks
    from luoshi.supervision.models import Run

    snapshot = Snapshot.refresh(Scope.everything())
    today = timezone.localdate()
    assert not snapshot.is_stale(Marks.now(), today)
    assert snapshot.is_stale(Marks.now(), today + dt.timedelta(days=1))
    Run.objects.create(today=today, finished_at=timezone.now())
    assert snapshot.is_stale(Marks.now(), today)


def test_the_page_says_when_the_figures_and_the_lights_were_computed(
    as_user: Any, leader: Any, world: Any
) -> None:
    from django.utils import timezone

    from luoshi.supervision.models import Run

    Run.objects.create(today=timezone.localdate(), finished_at=timezone.now())
    page = as_user(leader).get("/dashboard/").content.decode()
    assert "数据计算于 2026年11月20日 10:00" in page
    assert "状态灯计算于 2026年11月20日 10:00" in page


def test_the_trend_keeps_each_quarters_lights_as_last_computed_in_it(world: Any, time_machine: Any) -> None:
    from luoshi.supervision.tests.factory import at

    Snapshot.refresh(Scope.everything())  # 2026Q4
    time_machine.move_to(at(2027, 1, 15), tick=False)
    trends = Snapshot.refresh(Scope.everything()).data["trends"]
    by_period = {r["period"]: r for r in trends}
    assert by_period["2026Q4"]["lights"]["red"] == 1  # kept from the last computation in 2026Q4
    assert by_period["2027Q1"]["lights"] is not None
