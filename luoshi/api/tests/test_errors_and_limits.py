"""One error shape everywhere under /api/, and rate limits per caller."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client

pytestmark = pytest.mark.django_db


def shape(response: Any) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error", "detail"}, body
    assert isinstance(body["error"], str)
    assert body["error"]
    return body


def test_an_unknown_path_under_the_api_answers_404_in_the_error_shape(api: Any, office: Any) -> None:
    for url in ("/api/v1/nothing-here", "/api/v2/tasks", "/api/"):
        response = api(office).get(url)
        assert response.status_code == 404, url
        shape(response)


def test_a_wrong_method_answers_405_in_the_error_shape(api: Any, office: Any, world: Any) -> None:
    response = api(office).delete(f"/api/v1/tasks/{world.task_a.pk}")
    assert response.status_code == 405
    assert "GET" in shape(response)["detail"]["allowed"]


def test_invalid_parameters_answer_422_naming_the_parameter(api: Any, office: Any) -> None:
    body = shape(api(office).get("/api/v1/tasks?page_size=9999"))
    assert body["detail"][0]["loc"][-1] == "page_size"
    assert shape(api(office).get("/api/v1/tasks/abc")).get("error")


def test_malformed_json_answers_with_the_error_shape(api: Any, reporter_a: Any) -> None:
    response = api(reporter_a).post("/api/v1/reports", "{not json", content_type="application/json")
    assert response.status_code in {400, 422}
    shape(response)


def test_messages_are_in_chinese_by_default_and_english_when_chosen(office: Any) -> None:
    client = Client()
    assert "请先登录" in client.get("/api/v1/tasks").json()["error"]
    client.cookies["django_language"] = "en"
    assert "sign in" in client.get("/api/v1/tasks").json()["error"].lower()


def test_a_caller_over_the_rate_limit_gets_429_with_retry_after(
    api: Any, office: Any, reporter_a: Any, settings: Any
) -> None:
    cache.clear()
    settings.API_RATE_PER_MINUTE = 3
    client = api(office)
    statuses = [client.get("/api/v1/me").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v1/me")
    body = shape(response)
    assert 0 < int(response["Retry-After"]) <= 60
    assert body["detail"]["retry_after"] > 0
    other = Client()
    other.force_login(reporter_a)
    assert other.get("/api/v1/me").status_code == 200  # the limit is per caller
    cache.clear()
