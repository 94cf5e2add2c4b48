"""Lights follow the record: once a change to a task — its assignment, deadline, progress, a report
on it, a suspension, a request decided — is committed, the lights of the tasks it touched (with their
parent and sub-tasks, for the roll-up) are computed again by the same rules and stored. A page read
after the change shows the light of the record as it now stands, not as the last run left it.

The daily run (``luoshi supervise``) still recomputes every light, since time passing changes lights
too (a deadline passes), and it alone creates notices. Every save of an audited record writes an audit
entry naming its task: that is the signal. The work waits until the transaction commits (one pass per
request, whatever it saved), and a failure here is logged, never shown to the person who saved: their
change is already committed, and the next run computes the light again.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

log = logging.getLogger(__name__)

PENDING = "_luoshi_lights_pending"
# a decision with more tasks touched than this in one transaction (an import) is recomputed whole
WHOLE = 500


class _Pending:
    """The tasks touched in one transaction, refreshed by one callback when it commits."""

    def __init__(self) -> None:
        self.ids: set[int] = set()

    def flush(self) -> None:
        if connection.__dict__.get(PENDING) is self:
            del connection.__dict__[PENDING]
        if self.ids:
            try:
                refresh(self.ids)
            except Exception:  # the change is committed; the next run computes these lights again
                log.exception("could not refresh the lights of %d tasks", len(self.ids))

    def registered(self) -> bool:
        """Is this one's callback still waiting for the commit (not run, not dropped by a rollback)?"""
        return any(entry[1] == self.flush for entry in connection.run_on_commit)


def audit_saved(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    """``post_save`` of an audit entry: remember its task, and refresh once the transaction commits."""
    if not created or instance.task_id is None:
        return
    pending = connection.__dict__.get(PENDING)
    if pending is not None and pending.registered():
        pending.ids.add(instance.task_id)
        return
    pending = connection.__dict__[PENDING] = _Pending()
    pending.ids.add(instance.task_id)
    transaction.on_commit(pending.flush, robust=True)  # at once outside a transaction


def refresh(task_ids: set[int]) -> None:
    """Compute and store the lights of these tasks (and of their families) now."""
    from luoshi.ledger.models import Decision, Task

    from .calendar import WorkCalendar
    from .lights import DecisionLights, Suspensions, unit_names
    from .models import Rules
    from .schedule import Schedule

    by_decision: dict[int, set[int]] = defaultdict(set)
    for pk, decision in Task.objects.filter(pk__in=sorted(task_ids)).values_list("pk", "decision_id"):
        by_decision[decision].add(pk)
    if not by_decision:
        return
    today = timezone.localdate()
    rows = list(
        Decision.objects.filter(pk__in=list(by_decision)).values_list(
            "pk", "reporting_period", "report_due_days"
        )
    )
    schedules = Schedule.for_decisions(rows)
    rules, calendar, suspensions, names = (
        Rules.get(),
        WorkCalendar.load(),
        Suspensions.load(today),
        unit_names(),
    )
    for decision, ids in by_decision.items():
        book = DecisionLights(decision, schedules[decision], today, rules, calendar, suspensions, names)
        if len(ids) > WHOLE:
            book.compute().store()
        else:
            book.compute(ids).store(only=ids)
