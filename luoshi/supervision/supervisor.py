"""One supervision run, as ``luoshi supervise`` does it: lights, notices, copy checks, scores, sending.

``Supervisor(today).run()`` goes decision by decision (so memory stays bounded whatever the size of
the ledger): it computes the lights of the decision's tasks and reporting obligations, stores those
that changed, and creates the notices they call for. Then it gives the 通报 of periods whose date
has come, checks the reports handed in since the last run for copy-paste, recomputes the scores of
the previous and the current quarter, and sends what is waiting in the outbox.

With ``dry_run`` nothing is written and nothing is sent: the result lists the lights and the notices
(and deliveries) a real run would create.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef
from django.utils import timezone

from luoshi.figures.tasks import counts_itself
from luoshi.ledger.models import Decision, Task, TaskState

from . import copies, outbox
from .assessment import Assessor, quarter_of
from .calendar import WorkCalendar
from .escalation import CircularBook, NoticeWriter, Planned, plan
from .lights import DecisionLights, Suspensions, unit_names
from .models import Delivery, Rules, Run
from .schedule import Schedule


@dataclass
class Result:
    today: dt.date
    dry_run: bool
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, Any] = field(default_factory=dict)
    task_lights: list[dict[str, Any]] = field(default_factory=list)
    obligation_lights: list[dict[str, Any]] = field(default_factory=list)
    notices: list[dict[str, Any]] = field(default_factory=list)
    deliveries: list[dict[str, Any]] = field(default_factory=list)
    findings: list[dict[str, Any]] = field(default_factory=list)
    scores: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {
            "schema_version": 1,
            "today": self.today.isoformat(),
            "dry_run": self.dry_run,
            "warnings": self.warnings,
            "counts": self.counts,
            "lights": {"tasks": self.task_lights, "obligations": self.obligation_lights},
            "notices": self.notices,
            "deliveries": self.deliveries,
            "copy_flags": self.findings,
            "scores": self.scores,
        }


@dataclass
class Supervisor:
    today: dt.date | None = None
    dry_run: bool = False
    send: bool = True
    collect: bool | None = None  # list every light in the result (default: on a dry run)
    transport: outbox.Transport = outbox.send

    def __post_init__(self) -> None:
        self.today = self.today or timezone.localdate()
        if self.collect is None:
            self.collect = self.dry_run

    def decisions(self) -> list[tuple[int, str, int]]:
        active = Task.objects.filter(decision=OuterRef("pk"), state=TaskState.ACTIVE)
        return list(
            Decision.objects.filter(Exists(active))
            .order_by("pk")
            .values_list("pk", "reporting_period", "report_due_days")
        )

    def run(self) -> Result:
        today = self.today
        assert today is not None
        now = timezone.now()
        rules = Rules.get()
        calendar = WorkCalendar.load()
        names = unit_names()
        suspensions = Suspensions.load(today)
        result = Result(today, self.dry_run)
        run = None if self.dry_run else Run.objects.create(today=today, started_at=now)
        writer = NoticeWriter.create(rules, calendar, today, run, names)
        circulars = CircularBook()
        task_colors: Counter[str] = Counter()
        ob_colors: Counter[str] = Counter()
        changed = Counter[str]()
        created: Counter[str] = Counter()
        window_keys: set[str] = set()
        decisions = self.decisions()
        schedules = Schedule.for_decisions(decisions)

        for decision_id, _kind, _days in decisions:
            book = DecisionLights(
                decision_id, schedules[decision_id], today, rules, calendar, suspensions, names
            ).compute()
            if book.window is not None:
                window_keys.update(book.window.keys())
            # tasks counted as the figures count them: sub-tasks through their parent (docs/figures.md)
            task_colors.update(
                v.color for pk, v in book.tasks.items() if counts_itself(book.facts[pk].parent_id, book.facts)
            )
            ob_colors.update(o.verdict.color for o in book.obligations)
            if self.collect:
                self._collect(result, book, names)
            planned = plan(book, rules)
            circulars.add(book, rules, calendar, today)
            if self.dry_run:
                self._would_create(result, writer, planned, created)
            else:
                changed.update(book.store(now))
                for notice in writer.write(planned):
                    created[notice.kind] += 1
            del book

        planned = circulars.planned(names)
        if self.dry_run:
            self._would_create(result, writer, planned, created)
        else:
            for notice in writer.write(planned):
                created[notice.kind] += 1

        checker = copies.CopyChecker(rules, periods=window_keys)
        findings, checked, top = checker.check(Run.last_finished())
        new_flags = len(findings) if self.dry_run else copies.store(findings)
        result.findings = [f.as_dict() for f in findings] if self.collect else []

        assessor = Assessor(rules, calendar, today)
        quarters = [quarter_of(today).previous(), quarter_of(today)]
        scores = {q.key: (assessor.scores(q) if self.dry_run else assessor.store(q)) for q in quarters}
        if self.collect:
            result.scores = [
                {
                    "unit": s.unit_id,
                    "unit_name": names.get(s.unit_id, ""),
                    "period": s.period,
                    "total": s.total,
                    "rank": s.rank,
                }
                for rows in scores.values()
                for s in rows
            ]

        sent = outbox.Outcome()
        if self.dry_run:
            waiting = Delivery.objects.filter(outbox._due(timezone.now())).select_related("notice")
            result.deliveries.extend(
                {"notice": d.notice.key, "kind": d.kind, "address": d.address, "queued": True}
                for d in waiting
            )
        elif self.send:
            sent = outbox.send_pending(self.transport)

        # years whose working days decided something now: this one and the next (far deadlines are
        # counted too, but a holiday more or less in 2035 changes no light today)
        result.warnings = calendar.warnings(y for y in calendar.used_years if y <= today.year + 1)
        result.counts = {
            "tasks": dict(task_colors),
            "obligations": dict(ob_colors),
            "lights_changed": dict(changed),
            "notices": dict(created),
            "reports_checked": checked,
            "copy_flags": new_flags,
            "scores": {k: len(v) for k, v in scores.items()},
            "sent": sent.sent,
            "failed": sent.failed,
            "retrying": sent.retrying,
        }
        if run is not None:
            run.finished_at = timezone.now()
            run.counts = result.counts
            run.warnings = result.warnings
            run.checked_report = top
            run.save()
        return result

    def _collect(self, result: Result, book: DecisionLights, names: dict[int, str]) -> None:
        for pk, v in book.tasks.items():
            result.task_lights.append(
                {"task": pk, "key": book.facts[pk].key, "color": v.color, "code": v.code, "reason": v.reason}
            )
        for ob in book.obligations:
            result.obligation_lights.append(
                {
                    "task": ob.task_id,
                    "unit": ob.unit_id,
                    "unit_name": names.get(ob.unit_id, ""),
                    "role": ob.role,
                    "color": ob.verdict.color,
                    "code": ob.verdict.code,
                    "reason": ob.verdict.reason,
                    "period": ob.period,
                    "due": ob.due.isoformat() if ob.due else None,
                }
            )

    def _would_create(
        self, result: Result, writer: NoticeWriter, planned: list[Planned], created: Counter[str]
    ) -> None:
        for p in writer.fresh(planned):
            created[p.kind] += 1
            result.notices.append(p.as_dict())
            result.deliveries.extend(
                {"notice": p.key, "kind": ch.kind, "address": address}
                for ch, address in writer.deliveries_for(p)
            )
