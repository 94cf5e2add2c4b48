"""The leaders' dashboard shows study coverage by decision and the units not yet studied, the same
figures as the study page, and a session recorded a moment ago counts at once."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from luoshi.ledger.tests.factory import make_decision, make_task
from luoshi.study.models import StudySession

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(unit_a: Any, unit_b: Any) -> Any:
    d = make_decision(title="关于建设美丽示范市的决定")
    make_task(decision=d, lead_unit=unit_a, co_units=[unit_b])
    return d


def test_a_session_recorded_shows_on_the_dashboard_at_once(
    as_user: Any, leader: Any, decision: Any, unit_a: Any, unit_b: Any
) -> None:
    client = as_user(leader)
    before = client.get("/dashboard/?format=json").json()["study"]
    assert [(c["decision"], c["studied"], c["expected"]) for c in before["decisions"]] == [
        (decision.pk, 0, 2)
    ]
    assert {u["name"] for u in before["not_yet"]} == {unit_a.name, unit_b.name}
    StudySession.objects.create(
        decision=decision,
        unit=unit_a,
        held_on=timezone.localdate() - dt.timedelta(days=1),
        form="group",
        title="学习",
        led_by="书记",
        attendance=15,
    )
    page = client.get("/dashboard/").content.decode()
    assert "学习宣传" in page
    assert 'data-figure="studied">1<' in page
    assert 'data-figure="share">50.0%<' in page
    assert unit_b.name in page.split('id="h-study"')[1].split("</section>")[0]
    after = client.get("/dashboard/?format=json").json()["study"]
    study_page = client.get(f"/study/decisions/{decision.pk}/?format=json").json()
    row = after["decisions"][0]
    for figure in ("expected", "studied", "not_studied", "share", "sessions", "attendance", "with_evidence"):
        assert row[figure] == study_page[figure]
    assert client.get("/api/v1/dashboard").json()["study"]["decisions"][0]["studied"] == 1


def test_a_unit_sees_its_own_line_on_its_dashboard(
    as_user: Any, reporter_b: Any, decision: Any, unit_b: Any
) -> None:
    study = as_user(reporter_b).get("/dashboard/?format=json").json()["study"]
    assert [(c["expected"], c["studied"]) for c in study["decisions"]] == [(1, 0)]
    assert [u["unit"] for u in study["not_yet"]] == [unit_b.pk]


def test_the_study_figures_take_the_same_queries_for_one_decision_or_many(
    leader: Any, decision: Any, unit_a: Any, unit_b: Any, league: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from luoshi.study.coverage import for_dashboard

    for_dashboard(leader)  # the user's role, read once and kept on the user
    with CaptureQueriesContext(connection) as one:
        for_dashboard(leader)
    for n in range(4):
        d = make_decision(title=f"决定{n}")
        make_task(decision=d, lead_unit=league, co_units=[unit_a, unit_b])
        StudySession.objects.create(
            decision=d,
            unit=league,
            held_on=timezone.localdate(),
            form="group",
            title="学习",
            led_by="书记",
            attendance=5,
        )
    with CaptureQueriesContext(connection) as five:
        data = for_dashboard(leader)
    assert len(data["decisions"]) == 5
    assert len(five) == len(one) == 4  # links, sessions grouped, decisions, units
