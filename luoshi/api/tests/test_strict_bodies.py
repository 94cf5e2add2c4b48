"""The API reads its bodies strictly and says so in its schema (schemathesis found them lax): a body
that is not an object ([null, null]) is refused, a day is written 2026-12-31 (a milestone due 0 was
stored as 1970-01-01), a comment that sending back requires is required in the schema, and a
deadline of kind text requires its words."""

from __future__ import annotations

from typing import Any

import pytest

from luoshi.ledger.tests.factory import make_report, make_task
from luoshi.progress.models import ReportState

pytestmark = pytest.mark.django_db


def _post(client: Any, url: str, body: Any) -> Any:
    import json

    return client.post(url, json.dumps(body), content_type="application/json")


def test_a_body_that_is_not_an_object_is_a_422(client: Any, office: Any, unit_a: Any) -> None:
    report = make_report(task=make_task(lead_unit=unit_a), unit=unit_a, state=ReportState.APPROVED)
    client.force_login(office)
    response = _post(client, f"/api/v1/reports/{report.pk}/accept", [None, None])
    assert response.status_code == 422
    report.refresh_from_db()
    assert report.state == ReportState.APPROVED


def test_a_milestone_due_as_a_number_is_refused(client: Any, office: Any, unit_a: Any) -> None:
    task = make_task(lead_unit=unit_a)
    client.force_login(office)
    response = client.put(
        f"/api/v1/tasks/{task.pk}/assignment",
        {
            "version": task.version,
            "lead_unit": unit_a.pk,
            "milestones": [{"due": 0, "description": "完成方案"}],
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "YYYY-MM-DD" in response.content.decode()
    assert not task.milestones.exists()


def test_sending_back_without_a_comment_is_refused_and_the_schema_says_it_is_required(
    client: Any, unit_leader_a: Any, unit_a: Any
) -> None:
    from luoshi.api.api import get_api

    report = make_report(task=make_task(lead_unit=unit_a), unit=unit_a, state=ReportState.SUBMITTED)
    client.force_login(unit_leader_a)
    assert _post(client, f"/api/v1/reports/{report.pk}/send-back", {}).status_code == 422
    schema = get_api().get_openapi_schema()["components"]["schemas"]["CommentedActionIn"]
    assert "comment" in schema["required"]


def test_a_deadline_in_words_requires_the_words(client: Any, office: Any, unit_a: Any) -> None:
    task = make_task(lead_unit=unit_a)
    client.force_login(office)
    response = client.put(
        f"/api/v1/tasks/{task.pk}/assignment",
        {"version": task.version, "lead_unit": unit_a.pk, "deadline_kind": "text"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert "deadline_note" in response.content.decode()


def test_an_unknown_field_is_refused_rather_than_ignored(client: Any, reporter_a: Any, unit_a: Any) -> None:
    task = make_task(lead_unit=unit_a)
    client.force_login(reporter_a)
    response = _post(
        client, "/api/v1/reports", {"task": task.pk, "period": "2024Q1", "narative": "拼错的字段"}
    )
    assert response.status_code == 422
