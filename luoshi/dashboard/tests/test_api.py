"""The dashboard in the REST API: the page's JSON twin, under the same scope rule."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def test_the_api_answers_the_same_figures_as_the_pages_json_twin(
    as_user: Any, leader: Any, world: Any
) -> None:
    client = as_user(leader)
    page = client.get("/dashboard/?format=json").json()
    api = client.get("/api/v1/dashboard").json()
    assert api == page
    units = client.get("/api/v1/dashboard/units").json()
    assert [u["id"] for u in units["units"]][: len(page["units"])] == [u["id"] for u in page["units"]]


def test_the_api_gives_a_unit_its_own_figures_and_404_for_a_guessed_decision(
    as_user: Any, reporter_a: Any, world: Any
) -> None:
    from luoshi.ledger.tests.factory import make_decision, make_task

    elsewhere = make_decision()
    make_task(decision=elsewhere)
    client = as_user(reporter_a)
    assert client.get("/api/v1/dashboard").json()["totals"]["tasks"] == 2
    response = client.get(f"/api/v1/dashboard?decision={elsewhere.pk}")
    assert response.status_code == 404
    assert set(response.json()) == {"error", "detail"}


def test_the_api_refuses_a_user_without_a_role_in_its_error_shape(as_user: Any, stranger: Any) -> None:
    response = as_user(stranger).get("/api/v1/dashboard")
    assert response.status_code == 403
    assert set(response.json()) == {"error", "detail"}
