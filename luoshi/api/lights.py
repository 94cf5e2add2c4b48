"""A task's status light (亮灯), for the API and the Excel export: the one place that decides it.

When the supervision app is installed and keeps its lights (``TaskLight``, ``task.light``), those are
used: colour, label and reason as the supervision run computed them. A task that has no stored light
yet (the run has not reached it), or an installation without the supervision app, gets a light read
from the task's own progress: 正常推进 green, 存在风险 yellow, 进度滞后 or overdue red, 已完成 done.

Lists call ``with_lights(queryset)`` first so that reading the light costs no query per task.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from luoshi.ledger.models import DeadlineKind, ProgressStatus, Task, TaskState

COLORS = {
    "green": _("绿灯"),
    "yellow": _("黄灯"),
    "red": _("红灯"),
    "done": _("已办结"),
    "suspended": _("已暂缓"),
    "none": _("未亮灯"),
}


@dataclass(frozen=True)
class Light:
    color: str  # one of COLORS
    label: str
    reason: str
    source: str  # "supervision" (stored by the supervision run) or "progress" (read from the task)

    def as_dict(self) -> dict[str, str]:
        return {"color": self.color, "label": self.label, "reason": self.reason, "source": self.source}


@cache
def stored_lights() -> bool:
    """Whether the supervision app keeps lights (``task.light``)."""
    if not apps.is_installed("luoshi.supervision"):
        return False
    try:
        Task._meta.get_field("light")
    except FieldDoesNotExist:
        return False
    return True


def with_lights(qs: Any) -> Any:
    """``qs`` (of tasks) with what ``light_of`` reads loaded in the same query."""
    return qs.select_related("light") if stored_lights() else qs


def light_of(task: Task, today: dt.date | None = None) -> Light:
    if stored_lights():
        try:
            stored = task.light  # type: ignore[attr-defined]
        except ObjectDoesNotExist:
            stored = None
        if stored is not None:
            reason = stored.reason_display() if hasattr(stored, "reason_display") else stored.reason
            return Light(stored.color, str(stored.get_color_display()), str(reason), "supervision")
    return _from_progress(task, today)


def _from_progress(task: Task, today: dt.date | None) -> Light:
    def light(color: str, reason: Any) -> Light:
        return Light(color, str(COLORS[color]), str(reason), "progress")

    if task.state != TaskState.ACTIVE:
        return light("suspended", task.get_state_display())
    if task.progress_status == ProgressStatus.DONE:
        return light("done", _("已完成"))
    if task.is_overdue(today):
        return light("red", _("已超过完成时限"))
    status = task.progress_status
    if status == ProgressStatus.BEHIND:
        return light("red", task.get_progress_status_display())
    if status == ProgressStatus.AT_RISK:
        return light("yellow", task.get_progress_status_display())
    if status == ProgressStatus.ON_TRACK:
        return light("green", task.get_progress_status_display())
    return light("none", _("尚无采纳的进展报告"))


def color_filter(color: str, today: dt.date | None = None) -> Q:
    """Tasks whose light is ``color`` (a condition on Task), stored or read from progress alike."""
    today = today or timezone.localdate()
    overdue = (
        Q(deadline__lt=today, deadline_kind__in=[DeadlineKind.DATE, DeadlineKind.YEAR_END])
        & ~Q(progress_status=ProgressStatus.DONE)
        & Q(state=TaskState.ACTIVE)
    )
    active = Q(state=TaskState.ACTIVE)
    fallback = {
        "suspended": ~active,
        "done": active & Q(progress_status=ProgressStatus.DONE),
        "red": overdue | (active & Q(progress_status=ProgressStatus.BEHIND)),
        "yellow": active & Q(progress_status=ProgressStatus.AT_RISK) & ~overdue,
        "green": active & Q(progress_status=ProgressStatus.ON_TRACK) & ~overdue,
        "none": active & Q(progress_status=ProgressStatus.NONE) & ~overdue,
    }[color]
    if not stored_lights():
        return fallback
    return Q(light__color=color) | (Q(light__isnull=True) & fallback)
