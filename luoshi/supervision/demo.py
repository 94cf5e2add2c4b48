"""What ``luoshi demo`` adds for supervision: a suspended task, an extension request waiting for the
office and a completion it approved, then one supervision run, so that the demo shows lights, 督办单,
通报 and scores. Everything stays marked as demo data through the demo's decision and reports."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.ledger.models import Decision, Profile, Role, acting_as
from luoshi.progress.models import Report
from luoshi.progress.periods import Period

from .calendar import WorkCalendar
from .models import Color, Notice, NoticeKind, Request, RequestKind, Rules, Score, Suspension, TaskLight
from .schedule import Schedule
from .supervisor import Supervisor


def enrich(decision: Decision, today: dt.date, office: Any) -> dict[str, Any]:
    rules = Rules.get()
    calendar = WorkCalendar.load()
    schedule = Schedule.for_decisions([(decision.pk, decision.reporting_period, decision.report_due_days)])[
        decision.pk
    ]
    # the demo's reports were all made today: date those of past periods before their due date
    for key in set(Report.objects.filter(task__decision=decision).values_list("period", flat=True)):
        period = Period.parse(key)
        due = schedule.due(period, calendar)
        if due < today:
            on = dt.datetime.combine(calendar.add(period.end, 2), dt.time(10), tzinfo=dt.UTC)
            Report.objects.filter(task__decision=decision, period=key, submitted_at__isnull=False).update(
                submitted_at=on
            )
    tasks = list(decision.tasks.active().exclude(lead_unit=None).order_by("order"))
    reporters = {p.unit_id: p.user for p in Profile.objects.filter(role=Role.REPORTER).select_related("user")}
    with acting_as(office):
        if tasks:
            Suspension.suspend(tasks[-1], reason="（演示数据）项目选址调整，报请暂缓督办", by=office)
    mine = [t for t in tasks[:-1] if t.lead_unit_id in reporters and t.progress_status != "done"]
    if len(mine) >= 2:
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
        other = reporters[mine[1].lead_unit_id]
        evidence = SimpleUploadedFile(
            "验收材料（演示）.txt", "（演示数据）项目竣工验收意见。".encode(), "text/plain"
        )
        with acting_as(other):
            done = Request.file(
                mine[1],
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
