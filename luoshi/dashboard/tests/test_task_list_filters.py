"""The two filters the task list gained for the dashboard's links: the light, and a returned report."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.django_db


def keys(client: Any, query: str) -> set[str]:
    return {t["key"] for t in client.get(f"/tasks/?{query}&format=json").json()["tasks"]}


def test_the_task_list_filters_by_the_stored_light_and_a_task_without_one_is_not_lit(
    as_user: Any, office: Any, world: Any
) -> None:
    client = as_user(office)
    assert keys(client, "light=red") == {world["t1"].key}
    assert keys(client, "light=yellow") == {world["t3"].key}
    assert keys(client, "light=green") == {world["t2"].key}
    assert keys(client, "light=none") == {world["t5"].key}  # not guessed from its progress (正常推进)


def test_the_task_list_filters_the_tasks_with_a_returned_report(
    as_user: Any, office: Any, world: Any
) -> None:
    assert keys(as_user(office), "returned=1") == {world["t3"].key}


def test_the_new_filters_combine_with_the_others_and_stay_in_the_page_links(
    as_user: Any, office: Any, world: Any, unit_a: Any
) -> None:
    client = as_user(office)
    assert keys(client, f"unit={unit_a.pk}&light=green") == {world["t2"].key}
    page = client.get(f"/tasks/?unit={unit_a.pk}&light=green").content.decode()
    assert f"unit={unit_a.pk}&amp;light=green&amp;format=json" in page
    assert 'name="light"' in page
    assert 'name="returned"' in page


def test_an_unknown_light_is_ignored_with_the_usual_notice(as_user: Any, office: Any, world: Any) -> None:
    page = as_user(office).get("/tasks/?light=purple").content.decode()
    assert "部分筛选条件无效，已忽略。" in page
