"""The indicators' part of the REST API: assessments as the screens show them, to the same people."""

from __future__ import annotations

from typing import Any

import pytest

from luoshi.ledger.tests.factory import make_task

from .helpers import GRAIN, make_indicator, make_target


@pytest.fixture
def targets(db: Any, unit_a: Any, unit_b: Any) -> dict[str, Any]:
    make_indicator(values=GRAIN)
    return {
        "a": make_target(task=make_task(lead_unit=unit_a)),
        "b": make_target(task=make_task(lead_unit=unit_b)),
    }


def test_the_office_reads_every_assessment_with_its_sentence(client: Any, office: Any, targets: Any) -> None:
    client.force_login(office)
    data = client.get("/api/v1/indicators/assessments").json()
    assert data["count"] == 2
    first = data["items"][0]
    assert first["id"] == targets["a"].pk
    assert first["confidence"] in {"green", "amber_green", "amber_red", "red", "unknown"}
    assert first["explanation_zh"]
    assert first["indicator"]["name"] == "粮食总产量"


def test_a_unit_reads_only_the_assessments_of_its_own_tasks(
    client: Any, reporter_b: Any, targets: Any
) -> None:
    client.force_login(reporter_b)
    data = client.get("/api/v1/indicators/assessments").json()
    assert [t["id"] for t in data["items"]] == [targets["b"].pk]
    assert client.get(f"/api/v1/indicators/assessments/{targets['a'].pk}").status_code == 404


def test_one_assessment_carries_the_values_and_their_sources(client: Any, leader: Any, targets: Any) -> None:
    client.force_login(leader)
    data = client.get(f"/api/v1/indicators/assessments/{targets['a'].pk}").json()
    assert data["id"] == targets["a"].pk
    assert [r["value"] for r in data["readings"]] == [v for _, v in GRAIN]


def test_series_list_their_values(client: Any, reporter_a: Any, targets: Any) -> None:
    client.force_login(reporter_a)
    listing = client.get("/api/v1/indicators/series").json()
    assert listing["count"] == 1
    series = client.get(f"/api/v1/indicators/series/{listing['items'][0]['id']}").json()
    assert len(series["observations"]) == len(GRAIN)
    assert client.get("/api/v1/indicators/series/999999").json()["error"]


def test_a_caller_without_a_role_gets_the_error_shape(client: Any, stranger: Any, targets: Any) -> None:
    client.force_login(stranger)
    response = client.get("/api/v1/indicators/series")
    assert response.status_code == 403
    assert "error" in response.json()
