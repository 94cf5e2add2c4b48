"""List endpoints, the export and search make a fixed number of queries whatever the ledger's size."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from luoshi.web.tests.test_query_counts import grow

pytestmark = pytest.mark.django_db

URLS = {
    "tasks": ("office", "/api/v1/tasks"),
    "tasks, a reporter's, filtered": (
        "reporter_a",
        "/api/v1/tasks?status=none&has_target=true&q=推进&light=none",
    ),
    "reports (office)": ("office", "/api/v1/reports"),
    "reports (reporter)": ("reporter_a", "/api/v1/reports"),
    "targets": ("reporter_a", "/api/v1/targets"),
    "lights": ("office", "/api/v1/lights"),
    "units": ("office", "/api/v1/units"),
    "decisions": ("office", "/api/v1/decisions"),
    "search (office)": ("office", "/api/v1/search?q=推进"),
    "search (reporter)": ("reporter_a", reverse("search:results") + "?q=推进"),
    "export (office)": ("office", reverse("exchange:export")),
    "export (reporter)": ("reporter_a", reverse("exchange:export")),
}


def count(client: Any, url: str) -> int:
    cache.clear()
    client.get(url)  # warm up: the search backend checks once per connection which index it has
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return len(ctx.captured_queries)


@pytest.mark.parametrize("name", URLS)
def test_the_same_number_of_queries_for_a_small_and_a_ten_times_larger_ledger(
    client: Any, request: pytest.FixtureRequest, unit_a: Any, name: str
) -> None:
    persona, url = URLS[name]
    client.force_login(request.getfixturevalue(persona))
    grow(2, unit_a)
    at_small = count(client, url)
    grow(20, unit_a)
    assert count(client, url) == at_small
