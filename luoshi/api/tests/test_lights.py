"""A task's light: the one the supervision app stored when there is one, else read from progress."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from luoshi.api.lights import light_of, stored_lights, with_lights
from luoshi.ledger.models import Task

pytestmark = pytest.mark.django_db


def test_without_a_stored_light_the_light_follows_progress(api: Any, office: Any, world: Any) -> None:
    Task.objects.filter(pk=world.task_b.pk).update(progress_status="behind")
    body = api(office).get("/api/v1/lights").json()
    lights = {row["key"]: row["light"] for row in body["items"]}
    assert lights["1.2"]["color"] == "red"
    assert lights["1.2"]["source"] == "progress"
    assert lights["1.1"]["color"] == "none"
    assert [row["key"] for row in api(office).get("/api/v1/lights?light=red").json()["items"]] == ["1.2"]


def test_an_overdue_task_is_red_and_a_done_one_is_done(world: Any) -> None:
    task = Task.objects.get(pk=world.task_a.pk)
    task.deadline_kind, task.deadline, task.progress_status = (
        "date",
        timezone.localdate().replace(year=2000),
        "on_track",
    )
    assert light_of(task).color == "red"
    task.progress_status = "done"
    assert light_of(task).color == "done"


def test_a_light_stored_by_the_supervision_app_wins(api: Any, office: Any, world: Any) -> None:
    if not stored_lights():
        pytest.skip("the supervision app keeps no lights here")
    from luoshi.supervision.models import TaskLight

    TaskLight.objects.create(
        task=world.task_a,
        color="yellow",
        code="test",
        params={},
        reason="测试原因",
        since=timezone.localdate(),
        computed_at=timezone.now(),
    )
    task = with_lights(Task.objects.filter(pk=world.task_a.pk)).get()
    assert (light_of(task).color, light_of(task).source) == ("yellow", "supervision")
    assert [row["key"] for row in api(office).get("/api/v1/lights?light=yellow").json()["items"]] == ["1.1"]
