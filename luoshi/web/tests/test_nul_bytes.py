"""A NUL character anywhere in a request is refused with 400 before any view runs: PostgreSQL cannot
store or compare text holding one, and ``/api/v1/tasks?q=%00`` answered 500 there."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/tasks?q=%00",
        "/api/v1/units?q=a%00b",
        "/api/v1/lights?period=2024Q1%00",
        "/api/v1/reports?period=%00",
    ],
)
def test_a_nul_in_an_api_parameter_is_a_400_in_the_error_shape(client: Any, office: Any, url: str) -> None:
    client.force_login(office)
    response = client.get(url)
    assert response.status_code == 400
    body = response.json()
    assert "空字符" in body["error"]
    assert body["detail"]["parameter"] in {"q", "period"}


def test_a_nul_in_a_json_body_is_a_400(client: Any, reporter_a: Any) -> None:
    client.force_login(reporter_a)
    response = client.post(
        "/api/v1/reports",
        '{"task": 1, "period": "2024Q1", "narrative": "a\\u0000b"}',
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["detail"] == {"parameter": "body"}


def test_a_nul_in_a_page_parameter_is_a_400_page_in_chinese(client: Any, office: Any) -> None:
    client.force_login(office)
    response = client.get("/tasks/", {"q": "推进\x00"})
    assert response.status_code == 400
    assert "空字符" in response.content.decode()


def test_a_nul_in_a_posted_form_is_a_400(client: Any, office: Any) -> None:
    client.force_login(office)
    response = client.post("/tasks/views/", {"name": "视图\x00", "query": ""})
    assert response.status_code == 400


def test_text_that_merely_mentions_a_backslash_u_is_accepted(client: Any, office: Any) -> None:
    client.force_login(office)
    assert client.get("/api/v1/tasks", {"q": "\\u0000"}).status_code == 200
