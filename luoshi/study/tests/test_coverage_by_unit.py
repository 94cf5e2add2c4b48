"""Study coverage of a decision: the units that take part in its tasks are to study it; a unit with a
session (not withdrawn, up to today) has; the rest are listed. The same figures on the page, its JSON
and for a unit its own line."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from luoshi.ledger.tests.factory import make_decision, make_task
from luoshi.study import coverage
from luoshi.study.models import StudySession

pytestmark = pytest.mark.django_db


def _session(decision: Any, unit: Any, attendance: int = 10, days_ago: int = 1, **kw: Any) -> StudySession:
    return StudySession.objects.create(
        decision=decision,
        unit=unit,
        held_on=timezone.localdate() - dt.timedelta(days=days_ago),
        form=kw.pop("form", "group"),
        title="学习",
        led_by="主持人",
        attendance=attendance,
        **kw,
    )


@pytest.fixture
def decision(unit_a: Any, unit_b: Any, league: Any) -> Any:
    d = make_decision()
    make_task(decision=d, lead_unit=unit_a, co_units=[unit_b])
    make_task(decision=d, lead_unit=league)
    return d


def test_units_with_a_task_are_to_study_and_a_session_counts_them_studied(
    decision: Any, unit_a: Any, unit_b: Any, league: Any
) -> None:
    c = coverage.of_decision(decision)
    assert (c.expected, c.studied, c.share) == (3, 0, 0.0)
    _session(decision, unit_a, 20)
    _session(decision, unit_a, 5, form="lecture")
    c = coverage.of_decision(decision)
    assert (c.expected, c.studied, c.not_studied, c.sessions, c.attendance) == (3, 1, 2, 2, 25)
    assert c.share == round(1 / 3, 4)
    assert {u.name for u in c.not_yet()} == {unit_b.name, league.name}
    assert c.by_form["group"] == 1
    assert c.by_form["lecture"] == 1


def test_a_withdrawn_or_future_session_does_not_count(decision: Any, unit_a: Any) -> None:
    _session(decision, unit_a, withdrawn=True, withdrawn_reason="重复")
    _session(decision, unit_a, days_ago=-2)
    c = coverage.of_decision(decision)
    assert (c.studied, c.sessions) == (0, 0)


def test_a_unit_with_no_task_counts_in_sessions_but_not_in_coverage(decision: Any, banner: Any) -> None:
    _session(decision, banner, 8)
    c = coverage.of_decision(decision)
    assert (c.expected, c.studied, c.extra_units, c.sessions, c.attendance) == (3, 0, 1, 1, 8)


def test_the_page_and_its_json_show_the_same_figures(
    as_user: Any, office: Any, decision: Any, unit_a: Any, unit_b: Any
) -> None:
    _session(decision, unit_a, 12)
    client = as_user(office)
    data = client.get(f"/study/decisions/{decision.pk}/?format=json").json()
    assert (data["expected"], data["studied"], data["sessions"], data["attendance"]) == (3, 1, 1, 12)
    page = client.get(f"/study/decisions/{decision.pk}/").content.decode()
    assert 'data-figure="studied">1<' in page
    assert 'data-figure="share">33.3%<' in page
    assert "尚未学习的单位" in page
    assert unit_b.name in page


def test_a_reporter_sees_only_its_own_line(
    as_user: Any, reporter_a: Any, decision: Any, unit_a: Any, unit_b: Any
) -> None:
    _session(decision, unit_a, 12)
    _session(decision, unit_b, 30)
    data = as_user(reporter_a).get(f"/study/decisions/{decision.pk}/?format=json").json()
    assert [u["unit"] for u in data["units"]] == [unit_a.pk]
    assert (data["expected"], data["studied"], data["attendance"]) == (1, 1, 12)
