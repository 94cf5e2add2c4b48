"""A task's status light (亮灯), for the API, the task list and the Excel export.

The light is the one the supervision run computed and stored (``TaskLight``, ``task.light``): colour,
name and reason, by the rules of ``luoshi.supervision.lights`` — the one definition (docs/figures.md).
A task without a stored light (its light not computed yet, or a task no longer active) is ``none``
(未亮灯), with the reason: nothing is guessed from its progress, so that a list, its filter and the
dashboard's counts always agree.

Lists call ``with_lights(queryset)`` first so that reading the light costs no query per task.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from luoshi.figures import colours
from luoshi.ledger.models import Task, TaskState

COLORS = colours.LABELS


@dataclass(frozen=True)
class Light:
    color: str  # one of colours.ORDER
    label: str
    reason: str
    source: str  # "supervision" (computed and stored), or "none" (no light computed)

    def as_dict(self) -> dict[str, str]:
        return {"color": self.color, "label": self.label, "reason": self.reason, "source": self.source}


def with_lights(qs: Any) -> Any:
    """``qs`` (of tasks) with what ``light_of`` reads loaded in the same query."""
    return qs.select_related("light")


def light_of(task: Task, today: dt.date | None = None) -> Light:
    try:
        stored = task.light  # type: ignore[attr-defined]
    except ObjectDoesNotExist:
        stored = None
    if stored is not None:
        return Light(
            stored.color, str(stored.get_color_display()), str(stored.reason_display()), "supervision"
        )
    if task.state != TaskState.ACTIVE:
        reason = _("任务%(state)s，不再督办") % {"state": task.get_state_display()}
    else:
        reason = _("尚未计算状态灯（督查运行或任务下次变动后计算）")
    return Light(colours.NONE, str(COLORS[colours.NONE]), str(reason), "none")


def color_filter(color: str, today: dt.date | None = None) -> Q:
    """Tasks whose light is ``color`` (a condition on Task): the stored light, ``none`` without one."""
    if color == colours.NONE:
        return Q(light__isnull=True)
    return Q(light__color=color)
