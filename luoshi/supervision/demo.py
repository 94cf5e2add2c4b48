"""What ``luoshi demo`` adds for supervision: a suspended task, an extension request waiting for the
office and a completion it approved, then one supervision run, so that the demo shows lights, 督办单,
通报 and scores. Everything stays marked as demo data through the demo's decision and reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.ledger.models import Decision, Profile, Role, acting_as

from .models import Color, Notice, NoticeKind, Request, RequestKind, Rules, Score, Suspension, TaskLight
from .supervisor import Supervisor


def enrich(decision: Decision, today: dt.date, office: Any, spare: set[int] = frozenset()) -> dict[str, Any]:
    """``spare``: tasks to leave as they are (the demo's deliberate lapses, which must stay open)."""
    rules = Rules.get()
    tasks = list(
        decision.tasks.active().exclude(lead_unit=None).exclude(progress_status="done").order_by("order")
    )
    # each unit's reporter, the demo's accounts (who can sign in) first
    reporters: dict[int, Any] = {}
    for p in Profile.objects.filter(role=Role.REPORTER).select_related("user").order_by("pk"):
        if p.unit_id not in reporters or p.user.has_usable_password():
            reporters[p.unit_id] = p.user
    accounts = {u for u, user in reporters.items() if user.has_usable_password()}
    top = [t for t in tasks if t.parent_id is None and not t.subtasks.exists()]
    free = [t for t in top if t.pk not in spare]  # a completion or a suspension closes a task
    others = [t for t in free if t.lead_unit_id not in accounts]
    with acting_as(office):
        if others:
            Suspension.suspend(others[-1], reason="（演示数据）项目选址调整，报请暂缓督办", by=office)
    # an extension a demo account asked for, waiting for the office
    mine = [t for t in top if t.lead_unit_id in accounts and t not in others[-1:]]
    if mine:
        reporter = reporters[mine[0].lead_unit_id]
        with acting_as(reporter):
            Request.file(
                mine[0],
                kind=RequestKind.EXTENSION,
                reason="（演示数据）受冬季停工影响，申请延期至明年二季度末。",
                new_date=dt.date(today.year + 1, 6, 30),
                by=reporter,
                today=today,
            )
    # a completion the office approved
    closable = [t for t in free if t not in others[-1:] and t not in mine[:1] and t.lead_unit_id in reporters]
    if closable:  # the one due soonest (ongoing work, with no deadline, is never "done")
        task = min(closable, key=lambda t: (t.deadline is None, t.deadline or today, -(t.percent or 0)))
        other = reporters[task.lead_unit_id]
        evidence = SimpleUploadedFile(
            "验收材料（演示）.txt", "（演示数据）项目竣工验收意见。".encode(), "text/plain"
        )
        with acting_as(other):
            done = Request.file(
                task,
                kind=RequestKind.COMPLETION,
                reason="（演示数据）已完成全部建设内容并通过验收。",
                files=[evidence],
                by=other,
                today=today,
            )
        with acting_as(office):
            done.approve(by=office, note="（演示数据）同意办结")
    result = Supervisor(today=today, send=False).run()
    return {
        "red": TaskLight.objects.filter(color=Color.RED).count(),
        "orders": Notice.objects.filter(kind=NoticeKind.ORDER).count(),
        "circulars": Notice.objects.filter(kind=NoticeKind.CIRCULAR).count(),
        "scores": Score.objects.count(),
        "warnings": result.warnings,
        "office_name": rules.office_name,
    }
