"""The API shows each persona exactly what the screens show: guessed ids answer 404, forbidden
actions 403, and the lists hold the same records as the screens' JSON twins."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PERSONAS = [
    "office",
    "reporter_a",
    "unit_leader_a",
    "reporter_b",
    "league_reporter",
    "banner_reporter",
    "leader",
    "auditor",
]


def ids(response: Any) -> set[int]:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_task_list_holds_the_same_tasks_as_the_screen(
    api: Any, request: pytest.FixtureRequest, world: Any, persona: str
) -> None:
    client = api(request.getfixturevalue(persona))
    screen = {t["id"] for t in client.get(reverse("ledger:task-list") + "?format=json").json()["tasks"]}
    assert ids(client.get("/api/v1/tasks?page_size=200")) == screen


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_task_answers_404_through_the_api_exactly_where_its_page_does(
    api: Any, request: pytest.FixtureRequest, world: Any, persona: str
) -> None:
    client = api(request.getfixturevalue(persona))
    for task in (world.task_a, world.task_b, world.sub):
        page = client.get(reverse("ledger:task-detail", args=[task.pk])).status_code
        for url in (f"/api/v1/tasks/{task.pk}", f"/api/v1/tasks/{task.pk}/assignment"):
            assert client.get(url).status_code == page, (persona, task.key, url)


@pytest.mark.parametrize("persona", PERSONAS)
def test_a_report_answers_404_through_the_api_exactly_where_its_page_does(
    api: Any, request: pytest.FixtureRequest, world: Any, persona: str
) -> None:
    client = api(request.getfixturevalue(persona))
    for report in (world.accepted_a, world.draft_a, world.draft_b, world.approved_b):
        page = client.get(reverse("progress:report-detail", args=[report.pk])).status_code
        assert client.get(f"/api/v1/reports/{report.pk}").status_code == page, (persona, report.pk)


def test_a_unit_never_sees_another_units_drafts(api: Any, world: Any, reporter_a: Any, office: Any) -> None:
    mine = ids(api(reporter_a).get("/api/v1/reports"))
    assert world.draft_a.pk in mine
    assert world.draft_b.pk not in mine
    theirs = ids(api(office).get("/api/v1/reports"))
    assert world.draft_a.pk not in theirs
    assert world.draft_b.pk not in theirs
    assert world.approved_b.pk in theirs


def test_a_guessed_id_that_does_not_exist_answers_404_in_the_error_shape(
    api: Any, office: Any, world: Any
) -> None:
    for url in (
        "/api/v1/tasks/999999",
        "/api/v1/reports/999999",
        "/api/v1/targets/999999",
        "/api/v1/decisions/999999",
        "/api/v1/units/999999",
        "/api/v1/decisions/999999/sections",
    ):
        response = api(office).get(url)
        assert response.status_code == 404, url
        assert set(response.json()) == {"error", "detail"}


def test_measurements_come_only_from_reports_the_caller_may_see(
    api: Any, world: Any, office: Any, reporter_a: Any
) -> None:
    url = f"/api/v1/targets/{world.target.pk}/measurements"
    assert [m["value"] for m in api(office).get(url).json()["items"]] == [24.5]
    assert sorted(m["value"] for m in api(reporter_a).get(url).json()["items"]) == [24.5, 25.0]


def test_targets_of_tasks_a_unit_does_not_share_are_hidden(
    api: Any, world: Any, reporter_b: Any, reporter_a: Any
) -> None:
    assert api(reporter_b).get(f"/api/v1/targets/{world.target.pk}").status_code == 404
    assert ids(api(reporter_a).get("/api/v1/targets")) == {world.target.pk}


@pytest.mark.parametrize(
    ("persona", "status"),
    [("office", 200), ("reporter_a", 403), ("unit_leader_a", 403), ("leader", 403), ("reporter_b", 404)],
)
def test_only_the_office_changes_an_assignment(
    api: Any, request: pytest.FixtureRequest, world: Any, unit_a: Any, persona: str, status: int
) -> None:
    client = api(request.getfixturevalue(persona))
    body = {"version": world.task_a.version, "lead_unit": unit_a.pk, "responsible": "李华"}
    response = client.put(
        f"/api/v1/tasks/{world.task_a.pk}/assignment", body, content_type="application/json"
    )
    assert response.status_code == status, response.json()


def test_a_units_own_report_stays_readable_after_its_task_is_reassigned_as_on_the_screen(
    api: Any, world: Any, office: Any, reporter_a: Any, unit_b: Any
) -> None:
    task = world.task_a
    task.refresh_from_db()
    task.assign(by=office, lead=unit_b)
    client = api(reporter_a)
    page = client.get(reverse("progress:report-detail", args=[world.draft_a.pk])).status_code
    assert client.get(f"/api/v1/reports/{world.draft_a.pk}").status_code == page == 200
    assert world.draft_a.pk in ids(client.get("/api/v1/reports"))
