"""Every figure clicks through to the task list showing exactly the tasks behind it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from luoshi.dashboard.figures import LIGHTS
from luoshi.dashboard.presenting import with_filter

pytestmark = pytest.mark.django_db


def rows(data: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield data["totals"]
    yield data["decision"]
    for part in data["decision"]["parts"]:
        yield part
        yield from part["sections"]
    yield from data["units"]
    yield from data["leagues"]


def listed(client: Any, url: str) -> int:
    response = client.get(with_filter(url, "format=json"))
    assert response.status_code == 200, url
    return response.json()["count"]


def test_each_count_of_each_row_links_to_a_task_list_of_that_many_tasks(
    as_user: Any, office: Any, world: Any
) -> None:
    client = as_user(office)
    data = client.get("/dashboard/?format=json").json()
    checked = 0
    for row in rows(data):
        url = row["tasks_url"]
        if url is None:  # the tasks outside any section: counted, not linked
            continue
        assert listed(client, url) == row["tasks"], url
        for colour in LIGHTS:
            assert listed(client, with_filter(url, f"light={colour}")) == row["lights"][colour], (url, colour)
        assert listed(client, with_filter(url, "deadline=overdue")) == row["overdue"], url
        checked += 1
    assert checked >= 12


def test_the_overdue_and_returned_counts_link_to_their_tasks(as_user: Any, leader: Any, world: Any) -> None:
    client = as_user(leader)
    data = client.get("/dashboard/?format=json").json()
    assert listed(client, data["overdue"]["tasks_url"]) == data["overdue"]["count"] == 1
    assert listed(client, data["returned"]["tasks_url"]) == data["returned"]["tasks"] == 1


def test_a_units_figures_link_to_the_same_tasks_in_its_own_task_list(
    as_user: Any, reporter_b: Any, world: Any
) -> None:
    client = as_user(reporter_b)
    data = client.get("/dashboard/?format=json").json()
    assert listed(client, data["totals"]["tasks_url"]) == data["totals"]["tasks"] == 3
    for colour in LIGHTS:
        assert (
            listed(client, with_filter(data["totals"]["tasks_url"], f"light={colour}"))
            == data["totals"]["lights"][colour]
        )
