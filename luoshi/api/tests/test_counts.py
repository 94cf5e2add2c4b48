"""Lists count exactly up to a bound; beyond it the total is an estimate and says so, and the exact
count is there for the asking."""

from __future__ import annotations

from typing import Any

import pytest

from luoshi.api.models import ApiToken
from luoshi.ledger.tests.factory import make_report, make_task
from luoshi.ops import counting

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client: Any, office: Any, unit_a: Any) -> Any:
    for _n in range(30):
        make_report(task=make_task(lead_unit=unit_a), unit=unit_a, period="2024Q1", state="accepted")
    client.defaults["HTTP_AUTHORIZATION"] = "Bearer " + ApiToken.issue(user=office, name="t", by=None)[1]
    return client


def test_a_short_list_is_counted_exactly(api: Any) -> None:
    body = api.get("/api/v1/reports").json()
    assert (body["count"], body["count_exact"]) == (30, True)


def test_past_the_bound_the_count_is_an_estimate_from_the_newest_ids(
    api: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(counting, "EXACT_UP_TO", 10)
    monkeypatch.setattr(counting, "WINDOW", 12)
    body = api.get("/api/v1/reports?page_size=5").json()
    assert body["count_exact"] is False
    assert 11 <= body["count"] <= 60
    assert len(body["items"]) == 5
    exact = api.get("/api/v1/reports?exact=true").json()
    assert (exact["count"], exact["count_exact"]) == (30, True)


def test_an_estimate_follows_a_filter(api: Any, unit_b: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(20):
        make_report(task=make_task(lead_unit=unit_b), unit=unit_b, period="2024Q1", state="accepted")
    monkeypatch.setattr(counting, "EXACT_UP_TO", 5)
    monkeypatch.setattr(counting, "WINDOW", 50)
    body = api.get(f"/api/v1/reports?unit={unit_b.pk}").json()
    assert body["count_exact"] is False
    assert body["count"] == 20  # the window covers every id: the estimate is the count
