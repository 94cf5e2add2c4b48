"""Changes to a task's assignment that the Excel import and the API share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from luoshi.ledger.models import Milestone, Task


def set_milestones(task: Task, wanted: Iterable[tuple[dt.date, str]]) -> tuple[int, int]:
    """Make the task's current milestones (形象进度节点) exactly ``wanted``: new ones are added, ones no
    longer wanted are withdrawn (never deleted), the same (date, description) is kept. Returns
    (added, withdrawn). Each change is in the audit trail."""
    wanted_set = list(dict.fromkeys((due, desc.strip()) for due, desc in wanted if desc.strip()))
    current = {(m.due, m.description): m for m in task.milestones.filter(withdrawn=False)}
    added = withdrawn = 0
    for key, m in current.items():
        if key not in wanted_set:
            m.withdrawn = True
            m.save()
            withdrawn += 1
    for due, desc in wanted_set:
        if (due, desc) not in current:
            Milestone.objects.create(task=task, due=due, description=desc)
            added += 1
    return added, withdrawn
