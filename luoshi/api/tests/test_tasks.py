"""Tasks through the API: the task list's filters, pages, the detail, and assignments with locking."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from luoshi.ledger.models import AuditEntry, Milestone, Task

pytestmark = pytest.mark.django_db


def test_the_list_is_paginated_with_its_count(api: Any, office: Any, world: Any) -> None:
    body = api(office).get("/api/v1/tasks?page_size=2").json()
    assert (body["count"], body["pages"], body["page"], body["page_size"], len(body["items"])) == (
        3,
        2,
        1,
        2,
        2,
    )
    assert len(api(office).get("/api/v1/tasks?page_size=2&page=2").json()["items"]) == 1
    assert api(office).get("/api/v1/tasks?page=9").json()["items"] == []


def test_the_filters_are_those_of_the_task_list(api: Any, office: Any, world: Any, unit_b: Any) -> None:
    client = api(office)
    assert [t["key"] for t in client.get(f"/api/v1/tasks?unit={unit_b.pk}").json()["items"]] == ["1.2"]
    assert [t["key"] for t in client.get("/api/v1/tasks?q=教育").json()["items"]] == ["1.2"]
    assert [t["key"] for t in client.get("/api/v1/tasks?has_target=true").json()["items"]] == ["1.1"]
    assert client.get("/api/v1/tasks?decision=999999").json()["count"] == 0
    assert client.get("/api/v1/tasks?status=nonsense").status_code == 422


def test_a_task_carries_its_units_targets_milestones_subtasks_and_light(
    api: Any, office: Any, world: Any
) -> None:
    body = api(office).get(f"/api/v1/tasks/{world.task_a.pk}").json()
    assert body["lead_unit"]["name"] == "自治区发展和改革委员会"
    assert {(u["name"], u["role"]) for u in body["units"]} == {
        ("自治区发展和改革委员会", "lead"),
        ("鄂尔多斯市", "co"),
    }
    assert body["targets"][0]["description"] == "2030年 森林覆盖率 >= 26%"
    assert body["milestones"][0]["description"] == "完成修复方案"
    assert body["subtasks"] == [world.sub.pk]
    assert body["light"]["color"] in {"green", "yellow", "red", "none", "done", "suspended"}


def test_the_office_assigns_a_task_through_the_api_with_the_audit_trail(
    api: Any, office: Any, world: Any, unit_b: Any, banner: Any
) -> None:
    body = {
        "version": world.task_a.version,
        "lead_unit": unit_b.pk,
        "co_units": [banner.pk],
        "responsible": "分管副主任",
        "deadline_kind": "date",
        "deadline": "2025-06-30",
        "milestones": [{"due": "2025-03-31", "description": "形成初稿"}],
        "note": "系统对接",
    }
    response = api(office).put(
        f"/api/v1/tasks/{world.task_a.pk}/assignment", body, content_type="application/json"
    )
    assert response.status_code == 200, response.json()
    out = response.json()
    assert (out["lead_unit"]["id"], [u["id"] for u in out["co_units"]], out["deadline"]) == (
        unit_b.pk,
        [banner.pk],
        "2025-06-30",
    )
    task = Task.objects.get(pk=world.task_a.pk)
    assert (task.lead_unit, task.responsible, task.deadline) == (unit_b, "分管副主任", dt.date(2025, 6, 30))
    assert [m.description for m in Milestone.objects.filter(task=task, withdrawn=False)] == ["形成初稿"]
    assert Milestone.objects.get(description="完成修复方案").withdrawn
    entry = AuditEntry.objects.filter(task=task, action="assign").get()
    assert (entry.channel, entry.note) == ("api", "系统对接")


def test_a_stale_version_answers_409_with_the_current_version(
    api: Any, office: Any, world: Any, unit_a: Any
) -> None:
    url = f"/api/v1/tasks/{world.task_a.pk}/assignment"
    first = {"version": world.task_a.version, "lead_unit": unit_a.pk, "responsible": "甲"}
    assert api(office).put(url, first, content_type="application/json").status_code == 200
    response = api(office).put(url, {**first, "responsible": "乙"}, content_type="application/json")
    assert response.status_code == 409
    assert response.json()["detail"]["version"] == world.task_a.version + 1
    assert "王敏" in response.json()["error"]
    assert Task.objects.get(pk=world.task_a.pk).responsible == "甲"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"lead_unit": 999999}, "units"),
        ({"deadline_kind": "date"}, "deadline"),
        ({"deadline_kind": "text"}, "deadline_note"),
    ],
)
def test_an_invalid_assignment_answers_422_and_changes_nothing(
    api: Any, office: Any, world: Any, unit_a: Any, change: dict[str, Any], field: str
) -> None:
    body = {"version": world.task_a.version, "lead_unit": unit_a.pk, **change}
    response = api(office).put(
        f"/api/v1/tasks/{world.task_a.pk}/assignment", body, content_type="application/json"
    )
    assert response.status_code == 422
    assert field in response.json()["detail"]
    assert Task.objects.get(pk=world.task_a.pk).version == world.task_a.version


def test_units_are_listed_and_filtered(api: Any, reporter_a: Any, world: Any, league: Any) -> None:
    client = api(reporter_a)
    assert {u["name"] for u in client.get("/api/v1/units?q=教育").json()["items"]} == {"自治区教育厅"}
    assert {u["name"] for u in client.get(f"/api/v1/units?league={league.pk}").json()["items"]} == {
        "鄂尔多斯市",
        "达拉特旗",
    }


def test_sections_of_a_decision_are_its_outline(api: Any, leader: Any, world: Any) -> None:
    body = api(leader).get(f"/api/v1/decisions/{world.decision.pk}/sections").json()
    assert [(s["key"], s["title"]) for s in body["items"]] == [("1", "生态建设")]
    assert api(leader).get("/api/v1/decisions").json()["items"][0]["title"] == "关于推进测试工作的决定"
