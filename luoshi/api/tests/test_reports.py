"""Reports through the API: a reporter creates and submits, the unit leader approves, the office
accepts; the same rules as the screens."""

from __future__ import annotations

from typing import Any

import pytest

from luoshi.ledger.models import AuditEntry, Task
from luoshi.progress.models import Report, ReportState

pytestmark = pytest.mark.django_db


def post(client: Any, url: str, body: dict[str, Any]) -> Any:
    return client.post(url, body, content_type="application/json")


def test_a_report_goes_from_creation_to_acceptance_through_the_api(
    api: Any, client: Any, world: Any, reporter_a: Any, unit_leader_a: Any, office: Any
) -> None:
    body = {
        "task": world.task_a.pk,
        "period": "2024Q3",
        "narrative": "第三季度完成修复面积120万亩。",
        "percent": 60,
        "claim": "on_track",
        "measurements": [{"target": world.target.pk, "value": 25.2}],
        "submit": True,
    }
    created = post(api(reporter_a), "/api/v1/reports", body)
    assert created.status_code == 201, created.json()
    report = Report.objects.get(pk=created.json()["id"])
    assert report.state == ReportState.SUBMITTED
    assert created.json()["measurements"][0]["value"] == 25.2
    client.force_login(unit_leader_a)
    assert post(client, f"/api/v1/reports/{report.pk}/approve", {}).json()["state"] == "approved"
    client.force_login(office)
    assert (
        post(client, f"/api/v1/reports/{report.pk}/accept", {"comment": "同意"}).json()["state"] == "accepted"
    )
    task = Task.objects.get(pk=world.task_a.pk)
    assert (task.percent, task.progress_period) == (60, "2024Q3")
    assert (
        AuditEntry.objects.filter(object_id=str(report.pk), model="progress.report", channel="api").count()
        >= 3
    )


def test_a_reporter_cannot_report_on_another_units_task(api: Any, world: Any, reporter_a: Any) -> None:
    response = post(api(reporter_a), "/api/v1/reports", {"task": world.task_b.pk, "period": "2024Q3"})
    assert response.status_code == 404


@pytest.mark.parametrize("persona", ["office", "unit_leader_a", "leader"])
def test_only_a_reporter_writes_reports(
    api: Any, request: pytest.FixtureRequest, world: Any, persona: str
) -> None:
    response = post(
        api(request.getfixturevalue(persona)),
        "/api/v1/reports",
        {"task": world.task_a.pk, "period": "2024Q3"},
    )
    assert response.status_code == 403


def test_a_second_report_for_the_same_period_answers_409_naming_the_first(
    api: Any, world: Any, reporter_a: Any
) -> None:
    response = post(api(reporter_a), "/api/v1/reports", {"task": world.task_a.pk, "period": "2024Q2"})
    assert response.status_code == 409
    assert response.json()["detail"] == {"report": world.draft_a.pk}


@pytest.mark.parametrize("period", ["2024M03", "2099Q1", "1999Q1"])
def test_a_period_the_task_does_not_report_in_answers_422(
    api: Any, world: Any, reporter_a: Any, period: str
) -> None:
    assert (
        post(api(reporter_a), "/api/v1/reports", {"task": world.task_a.pk, "period": period}).status_code
        == 422
    )


def test_submitting_without_a_narrative_answers_422_and_creates_nothing(
    api: Any, world: Any, reporter_a: Any
) -> None:
    response = post(
        api(reporter_a), "/api/v1/reports", {"task": world.task_a.pk, "period": "2024Q3", "submit": True}
    )
    assert response.status_code == 422
    assert not Report.objects.filter(period="2024Q3").exists()


def test_a_measurement_of_another_tasks_target_answers_422(api: Any, world: Any, reporter_a: Any) -> None:
    body = {"version": world.draft_a.version, "measurements": [{"target": 999999, "value": 1}]}
    assert (
        api(reporter_a)
        .patch(f"/api/v1/reports/{world.draft_a.pk}", body, content_type="application/json")
        .status_code
        == 422
    )


def test_a_draft_is_edited_with_its_version_and_a_stale_one_answers_409(
    api: Any, world: Any, reporter_a: Any
) -> None:
    url = f"/api/v1/reports/{world.draft_a.pk}"
    client = api(reporter_a)
    ok = client.patch(url, {"version": world.draft_a.version, "percent": 40}, content_type="application/json")
    assert ok.status_code == 200
    assert ok.json()["percent"] == 40
    stale = client.patch(
        url, {"version": world.draft_a.version, "percent": 50}, content_type="application/json"
    )
    assert stale.status_code == 409
    assert Report.objects.get(pk=world.draft_a.pk).percent == 40


def test_an_action_the_role_may_not_take_answers_403(
    api: Any, world: Any, reporter_a: Any, office: Any
) -> None:
    assert post(api(reporter_a), f"/api/v1/reports/{world.accepted_a.pk}/accept", {}).status_code == 403
    assert (
        post(api(office), f"/api/v1/reports/{world.approved_b.pk}/return", {"comment": ""}).status_code == 422
    )


def test_reports_are_filtered_by_task_period_and_state(api: Any, world: Any, reporter_a: Any) -> None:
    client = api(reporter_a)
    assert [r["id"] for r in client.get("/api/v1/reports?state=draft").json()["items"]] == [world.draft_a.pk]
    assert [r["id"] for r in client.get("/api/v1/reports?period=2024q1").json()["items"]] == [
        world.accepted_a.pk
    ]
