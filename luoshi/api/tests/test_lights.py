"""A task's light: the one the supervision run computed and stored; without one, 未亮灯 (never a light
guessed from the task's progress, which the counts and the filter could not agree with)."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone

from luoshi.api.lights import light_of, with_lights
from luoshi.ledger.models import Task

pytestmark = pytest.mark.django_db


def test_without_a_stored_light_a_task_is_not_lit_whatever_its_progress(
    api: Any, office: Any, world: Any
) -> None:
    Task.objects.filter(pk=world.task_b.pk).update(progress_status="behind")
    body = api(office).get("/api/v1/lights").json()
    lights = {row["key"]: row["light"] for row in body["items"]}
    assert (lights["1.2"]["color"], lights["1.2"]["source"]) == ("none", "none")
    assert lights["1.2"]["label"] == "未亮灯"
    assert api(office).get("/api/v1/lights?light=red").json()["items"] == []
    assert {row["key"] for row in api(office).get("/api/v1/lights?light=none").json()["items"]} >= {"1.2"}


def test_the_lights_follow_the_rules_once_computed(world: Any, unit_a: Any) -> None:
    from luoshi.ledger.tests.factory import make_task
    from luoshi.supervision.lights import light_for

    task = make_task(
        lead_unit=unit_a,
        deadline_kind="date",
        deadline=timezone.localdate().replace(year=2000),
        progress_status="on_track",
    )
    assert light_for(task).color == "red"
    task.progress_status = "done"
    task.save()
    assert light_for(task).color == "done"


def test_a_light_stored_by_the_supervision_run_is_the_light(api: Any, office: Any, world: Any) -> None:
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
