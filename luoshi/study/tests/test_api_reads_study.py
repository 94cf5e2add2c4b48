"""The API reads what the study pages show: coverage by decision and unit (the same figures), the
应知应会 and the questions in use, the sessions a caller may read."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

from luoshi.ledger.importing import import_decision
from luoshi.ledger.tests.factory import make_decision, make_task
from luoshi.study.generating import generate
from luoshi.study.models import Question, StudySession

from .helpers import DECISION

pytestmark = pytest.mark.django_db


def _session(decision: Any, unit: Any, attendance: int) -> StudySession:
    return StudySession.objects.create(
        decision=decision,
        unit=unit,
        held_on=timezone.localdate() - dt.timedelta(days=2),
        form="lecture",
        title="专题宣讲",
        led_by="宣讲团",
        attendance=attendance,
    )


def test_coverage_through_the_api_is_the_pages_figures(
    client: Any, office: Any, unit_a: Any, unit_b: Any
) -> None:
    d = make_decision()
    make_task(decision=d, lead_unit=unit_a, co_units=[unit_b])
    _session(d, unit_a, 40)
    client.force_login(office)
    page = client.get(f"/study/decisions/{d.pk}/?format=json").json()
    one = client.get(f"/api/v1/study/coverage/{d.pk}").json()
    assert one == page
    listed = client.get("/api/v1/study/coverage").json()
    assert [(c["decision"], c["studied"], c["expected"], c["attendance"]) for c in listed] == [
        (d.pk, 1, 2, 40)
    ]


def test_a_unit_reads_its_own_sessions_and_line(
    client: Any, reporter_a: Any, unit_a: Any, unit_b: Any
) -> None:
    d = make_decision()
    make_task(decision=d, lead_unit=unit_a, co_units=[unit_b])
    _session(d, unit_a, 10)
    other = _session(d, unit_b, 20)
    client.force_login(reporter_a)
    sessions = client.get("/api/v1/study/sessions").json()
    assert [s["unit"] for s in sessions["items"]] == [unit_a.pk]
    assert sessions["count"] == 1
    assert client.get(f"/api/v1/study/sessions/{other.pk}").status_code == 404
    line = client.get(f"/api/v1/study/coverage/{d.pk}").json()
    assert (line["expected"], line["studied"], line["attendance"]) == (1, 1, 10)


def test_the_questions_in_use_with_their_source(client: Any, office: Any, reporter_a: Any) -> None:
    d, _plan = import_decision(DECISION, by=office)
    generate(d, by=office)
    rejected = Question.objects.filter(decision=d).first()
    assert rejected is not None
    rejected.reject(reason="", by=office)
    client.force_login(reporter_a)
    data = client.get(f"/api/v1/study/decisions/{d.pk}/questions?page_size=200").json()
    assert data["count"] == Question.objects.filter(decision=d, state="active").count()
    assert rejected.pk not in [q["id"] for q in data["items"]]
    assert all(q["sentence"] for q in data["items"])
    assert client.get(f"/api/v1/study/decisions/{d.pk}/questions?state=rejected").json()["count"] == 0
    guide = client.get(f"/api/v1/study/decisions/{d.pk}/guide").json()
    assert guide["digest"]["short_name"] == "《决定》"


def test_no_guide_and_no_decision_are_not_found(client: Any, office: Any) -> None:
    client.force_login(office)
    d = make_decision()
    assert client.get(f"/api/v1/study/decisions/{d.pk}/guide").status_code == 404
    assert client.get("/api/v1/study/coverage/999999").status_code == 404
    assert client.get("/api/v1/study/sessions?decision=abc").status_code == 422


def test_someone_without_a_role_reads_nothing(client: Any, stranger: Any) -> None:
    client.force_login(stranger)
    assert client.get("/api/v1/study/coverage").status_code == 403
