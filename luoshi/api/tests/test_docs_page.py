"""The OpenAPI schema and its docs page are served by the app itself: nothing from the internet."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[3]


def test_the_schema_lists_every_resource() -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    paths = set(schema["paths"])
    for path in (
        "/api/v1/decisions",
        "/api/v1/tasks",
        "/api/v1/tasks/{task_id}/assignment",
        "/api/v1/reports",
        "/api/v1/reports/{report_id}/submit",
        "/api/v1/targets",
        "/api/v1/targets/{target_id}/measurements",
        "/api/v1/lights",
        "/api/v1/search",
        "/api/v1/units",
        "/api/v1/me",
    ):
        assert path in paths, path
    assert {"TokenAuth", "SessionAuth"} <= set(schema["components"]["securitySchemes"])


def test_the_docs_page_references_no_outside_url() -> None:
    html = Client().get("/api/v1/docs").content.decode()
    assert "swagger-ui-bundle.js" in html
    assert re.findall(r"""(?:src|href)=["']?(https?:)?//""", html) == []
    assert not re.search(r"https?://", html)
    settings_json = re.search(r'id="swagger-settings">(.*?)</script>', html, re.S).group(1)
    assert '"validatorUrl": null' in settings_json  # no badge fetched from validator.swagger.io


def test_the_docs_assets_are_served_locally() -> None:
    client = Client()
    html = client.get("/api/v1/docs").content.decode()
    assets = re.findall(r"""(?:src|href)="(/static/[^"]+)\"""", html)
    assert len(assets) >= 3
    for url in assets:
        response = client.get(url)
        assert response.status_code == 200, url
        b"".join(response.streaming_content)


def test_every_endpoint_is_described_in_docs_api_md() -> None:
    schema = Client().get("/api/v1/openapi.json").json()
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    missing = [
        f"{method.upper()} {path.removeprefix('/api/v1')}"
        for path, ops in schema["paths"].items()
        for method in ops
        if f"`{method.upper()} {path.removeprefix('/api/v1')}`" not in text
    ]
    assert missing == []


def test_the_api_and_its_docs_are_linked_from_the_token_screen(as_user: Any, office: Any) -> None:
    assert "/api/v1/docs" in as_user(office).get("/api/tokens/").content.decode()
