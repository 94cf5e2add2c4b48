"""The invariants of docs/figures.md on random ledgers, and every surface giving the same numbers.

A hypothesis state machine drives a ledger through what happens to one: tasks imported and assigned
(or not), with a deadline, 形象进度 nodes, 长期坚持 or no time limit; cascaded to banners; reports
written, submitted, approved, accepted, returned by the office or sent back by the unit's leader,
and resubmitted; extensions and completions approved; suspensions and their lifting; withdrawals; the
report calendar switching co-operating units in and the decision from quarterly to monthly reports;
and the clock moving on through the periods. After every step the reporting figures must hold per
unit and period; whenever the machine asks, the supervision run lights every task and the report to
the committee, the dashboard's snapshot, /api/v1/figures, the task list, its Excel export and the run
itself must give the same counts.

The number of examples is kept small for the suite (``LUOSHI_HYPOTHESIS_PROFILE=long`` for a longer
run, see conftest.py); it runs on SQLite and on PostgreSQL alike.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.db import transaction
from django.test import Client
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from luoshi.figures import colours, reporting
from luoshi.figures.tasks import Tally, rows
from luoshi.progress.periods import Period

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 1, 5, 10, tzinfo=dt.timezone(dt.timedelta(hours=8)))
DEADLINES = ["date", "year_end", "ongoing", "", "text", "nodes"]


def _today() -> dt.date:
    from django.utils import timezone

    return timezone.localdate()


class Ledger(RuleBasedStateMachine):
    """One decision of the office, four units (two departments, a league with two banners), their
    reporters and leaders, and whatever the rules do to them."""

    def __init__(self) -> None:
        super().__init__()
        import time_machine

        self.traveller = time_machine.travel(START, tick=False)
        self.clock = self.traveller.start()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.tasks: list[int] = []
        self.reports: list[int] = []

    def teardown(self) -> None:
        try:
            transaction.set_rollback(True)
            self.atomic.__exit__(None, None, None)
        finally:
            self.traveller.stop()

    # -- the world -------------------------------------------------------------------------------
    @initialize()
    def world(self) -> None:
        from luoshi.ledger.models import UnitKind
        from luoshi.ledger.tests.factory import make_decision, make_unit, make_user

        self.decision = make_decision(title="关于随机台账的决定", year=2026)
        a = make_unit(name="甲厅")
        b = make_unit(name="乙厅")
        league = make_unit(name="丙市", kind=UnitKind.LEAGUE_CITY, division_code="150600")
        banners = [
            make_unit(name=f"丙市{n}旗", kind=UnitKind.BANNER_COUNTY, parent=league) for n in ("东", "西")
        ]
        self.units = [a, b, league]
        self.banners = banners
        self.office = make_user("office-h", role="office", first_name="王敏")
        self.reporters: dict[int, Any] = {}
        self.leaders: dict[int, Any] = {}
        for unit in [*self.units, *banners]:
            self.reporters[unit.pk] = make_user(role="reporter", unit=unit)
            self.leaders[unit.pk] = make_user(role="unit_leader", unit=unit)
        self.client = Client()
        self.client.force_login(self.office)

    # -- tasks -------------------------------------------------------------------------------------
    @rule(
        kind=st.sampled_from(DEADLINES),
        lead=st.integers(0, 3),
        co=st.integers(0, 3),
        months=st.integers(-6, 30),
    )
    def add_task(self, kind: str, lead: int, co: int, months: int) -> None:
        """A task imported, assigned to a unit (or to nobody, lead = 3) with a time limit or none."""
        from luoshi.ledger.models import Milestone, acting_as
        from luoshi.ledger.tests.factory import make_task

        with acting_as(self.office):
            task = make_task(decision=self.decision)
            if lead < 3:
                deadline = _today() + dt.timedelta(days=30 * months)
                task.assign(
                    by=self.office,
                    lead=self.units[lead],
                    co=[self.units[co]] if co < 3 and co != lead else [],
                    deadline_kind={"nodes": "", "text": "text"}.get(kind, kind),
                    deadline=deadline if kind in ("date", "year_end") else None,
                    deadline_note="“十五五”期间" if kind == "text" else "",
                )
                if kind == "nodes":
                    Milestone.objects.create(task=task, due=deadline, description="阶段节点")
        self.tasks.append(task.pk)

    def _task(self, data: Any, **filters: Any) -> Any:
        from luoshi.ledger.models import Task

        candidates = list(Task.objects.filter(pk__in=self.tasks, state="active", **filters).order_by("pk"))
        if not candidates:
            return None
        return data.draw(st.sampled_from(candidates))

    @precondition(lambda self: self.tasks)
    @rule(data=st.data(), both=st.booleans())
    def cascade(self, data: Any, both: bool) -> None:
        """The office splits a task among the league's banners."""
        from luoshi.ledger.models import Task, acting_as

        task = self._task(data, parent=None)
        if task is None:
            return
        banners = self.banners if both else self.banners[:1]
        with acting_as(self.office):
            subs = task.cascade([(b, f"{b.name}：分解任务") for b in banners], by=self.office)
        self.tasks.extend(s.pk for s in subs)
        Task.objects.filter(pk__in=[s.pk for s in subs]).update(progress_status="none")

    @precondition(lambda self: self.tasks)
    @rule(data=st.data())
    def withdraw(self, data: Any) -> None:
        from luoshi.ledger.models import acting_as

        task = self._task(data)
        if task is not None:
            with acting_as(self.office):
                task.withdraw("不再列入", by=self.office)

    @precondition(lambda self: self.tasks)
    @rule(data=st.data(), whole=st.booleans(), lift=st.booleans())
    def suspend(self, data: Any, whole: bool, lift: bool) -> None:
        """The office suspends a task (or one unit's part), and maybe lifts it later."""
        from luoshi.ledger.models import acting_as
        from luoshi.supervision.models import Suspension

        task = self._task(data)
        if task is None:
            return
        unit = None if whole or task.lead_unit is None else task.lead_unit
        with acting_as(self.office):
            s = Suspension.suspend(task, reason="报请暂缓", by=self.office, unit=unit)
            if lift:
                s.lift(by=self.office)

    @precondition(lambda self: self.tasks)
    @rule(data=st.data(), months=st.integers(1, 12))
    def extend(self, data: Any, months: int) -> None:
        """The lead unit asks for more time and the office agrees."""
        from luoshi.ledger.models import acting_as
        from luoshi.supervision.models import Request, RequestKind

        task = self._task(data, lead_unit__isnull=False)
        if task is None or not Request.can_file(self.reporters[task.lead_unit_id], task):
            return
        reporter = self.reporters[task.lead_unit_id]
        new = max(_today(), task.deadline or _today()) + dt.timedelta(days=30 * months)
        if Request.objects.filter(task=task, state="pending").exists():
            return
        with acting_as(reporter):
            r = Request.file(task, kind=RequestKind.EXTENSION, reason="延期", new_date=new, by=reporter)
        with acting_as(self.office):
            r.approve(by=self.office)

    @precondition(lambda self: self.tasks)
    @rule(data=st.data())
    def complete(self, data: Any) -> None:
        """The lead unit reports the task done with evidence and the office approves it."""
        from django.core.files.uploadedfile import SimpleUploadedFile

        from luoshi.ledger.models import acting_as
        from luoshi.supervision.models import Request, RequestKind

        task = self._task(data, lead_unit__isnull=False)
        if task is None or not Request.can_file(self.reporters[task.lead_unit_id], task):
            return
        if Request.objects.filter(task=task, state="pending").exists():
            return
        reporter = self.reporters[task.lead_unit_id]
        files = [SimpleUploadedFile("验收.txt", "验收意见".encode(), "text/plain")]
        with acting_as(reporter):
            r = Request.file(task, kind=RequestKind.COMPLETION, reason="已完成", files=files, by=reporter)
        with acting_as(self.office):
            r.approve(by=self.office)

    # -- reports -------------------------------------------------------------------------------------
    @precondition(lambda self: self.tasks)
    @rule(
        data=st.data(),
        back=st.integers(0, 2),
        percent=st.integers(0, 100),
        claim=st.sampled_from(["on_track", "at_risk", "behind", "done"]),
    )
    def write_report(self, data: Any, back: int, percent: int, claim: str) -> None:
        """A unit of the task (its lead, or a co-operating one) writes and submits its report for this
        period or one of the two before."""
        from luoshi.ledger.models import TaskUnit, acting_as
        from luoshi.progress.models import Report

        task = self._task(data)
        if task is None:
            return
        links = list(TaskUnit.objects.filter(task=task).values_list("unit_id", flat=True))
        if not links:
            return
        unit_id = data.draw(st.sampled_from(sorted(links)))
        period = Period.containing(_today(), self.decision.reporting_period)
        for _n in range(back):
            period = period.previous()
        if Report.objects.filter(task=task, unit_id=unit_id, period=period.key).exists():
            return
        reporter = self.reporters[unit_id]
        percent = 100 if claim == "done" else percent
        with acting_as(reporter):
            report = Report.objects.create(
                task=task,
                unit_id=unit_id,
                period=period.key,
                narrative="本期推进情况。",
                percent=percent,
                claim=claim,
                created_by=reporter,
            )
            report.submit(by=reporter)
        self.reports.append(report.pk)

    def _report(self, data: Any, state: str) -> Any:
        from luoshi.progress.models import Report

        candidates = list(Report.objects.filter(pk__in=self.reports, state=state).order_by("pk"))
        return data.draw(st.sampled_from(candidates)) if candidates else None

    @precondition(lambda self: self.reports)
    @rule(data=st.data(), back=st.booleans())
    def unit_leader_decides(self, data: Any, back: bool) -> None:
        """The unit's leader approves a submitted report, or sends it back to the reporter."""
        from luoshi.ledger.models import acting_as

        report = self._report(data, "submitted")
        if report is None:
            return
        leader = self.leaders[report.unit_id]
        with acting_as(leader):
            if back:
                report.send_back(by=leader, comment="请补充数据。")
            else:
                report.approve(by=leader)

    @precondition(lambda self: self.reports)
    @rule(data=st.data(), accept=st.booleans())
    def office_decides(self, data: Any, accept: bool) -> None:
        """The office accepts an approved report, or returns it with comments."""
        from luoshi.ledger.models import acting_as

        report = self._report(data, "approved")
        if report is None:
            return
        with acting_as(self.office):
            if accept:
                report.accept(by=self.office)
            else:
                report.return_(by=self.office, comment="请补充佐证材料。")

    @precondition(lambda self: self.reports)
    @rule(data=st.data())
    def resubmit(self, data: Any) -> None:
        """A returned report is revised and submitted again: still one report for its period."""
        from luoshi.ledger.models import acting_as

        report = self._report(data, "returned")
        if report is None:
            return
        reporter = self.reporters[report.unit_id]
        with acting_as(reporter):
            report.narrative += "已补充。"
            report.submit(by=reporter)

    # -- the calendar and the clock -----------------------------------------------------------------
    @rule(days=st.integers(1, 120))
    def time_passes(self, days: int) -> None:
        self.clock.shift(dt.timedelta(days=days))

    @rule(co_units=st.booleans())
    def report_calendar(self, co_units: bool) -> None:
        """The office asks co-operating units to report too, or stops asking."""
        from luoshi.supervision.models import ReportSchedule

        ReportSchedule.objects.update_or_create(
            decision=self.decision, defaults={"co_units_report": co_units}
        )

    @rule()
    def period_changes(self) -> None:
        """The decision moves from quarterly to monthly reports (or back)."""
        from luoshi.ledger.models import Decision

        kind = "monthly" if self.decision.reporting_period == "quarterly" else "quarterly"
        Decision.objects.filter(pk=self.decision.pk).update(reporting_period=kind)
        self.decision.refresh_from_db()

    # -- what must always hold ---------------------------------------------------------------------------
    def periods(self) -> list[Period]:
        p = Period.containing(_today(), self.decision.reporting_period)
        out = [p]
        for _n in range(4):
            p = p.previous()
            out.append(p)
        return out

    @invariant()
    def reporting_figures_hold_per_unit_and_period(self) -> None:
        if not hasattr(self, "decision"):
            return
        from luoshi.ledger.models import Task

        today = _today()
        book = reporting.load(Task.objects.all(), lambda schedule: self.periods(), today)
        duties = [(o.task, o.unit, o.period) for o in book.outcomes]
        assert len(duties) == len(set(duties))  # one duty, and one report, per task, unit and period
        for key, r in [
            *book.by(lambda o: (o.unit, o.period)).items(),
            *book.by(lambda o: o.unit).items(),
            *book.by(lambda o: o.period).items(),
            ("all", book.figures()),
        ]:
            holds(r, key)

    @invariant()
    def lights_add_up_to_the_tasks(self) -> None:
        if not hasattr(self, "decision"):
            return
        from luoshi.ledger.models import Task

        tally = Tally.of(rows(Task.objects.filter(decision=self.decision), _today()))
        assert sum(tally.light_counts().values()) == tally.tasks
        assert 0 <= tally.done <= tally.tasks
        if tally.completion is not None:
            assert 0 <= tally.completion <= 1

    @rule()
    def every_surface_agrees(self) -> None:
        self.client.force_login(self.office)  # a session of the frozen clock's day
        compare_surfaces(self.decision, self.client, _today())


def holds(r: reporting.Reporting, key: Any) -> None:
    """The invariants of docs/figures.md for one set of duties."""
    assert 0 <= r.accepted <= r.handed_in <= r.expected, (key, r)
    assert r.on_time + r.late == r.handed_in, (key, r)
    assert r.handed_in + r.overdue + r.pending == r.expected, (key, r)
    assert 0 <= r.returned <= r.expected, (key, r)
    assert 0 <= r.awaiting <= r.expected - r.handed_in, (key, r)
    for share in (r.handed_in_share, r.on_time_share, r.accepted_share):
        assert share is None or 0 <= share <= 1, (key, r)


def compare_surfaces(decision: Any, client: Client, today: dt.date) -> None:
    """The supervision run lights every task; then the run, the dashboard's snapshot, the report to
    the committee, /api/v1/figures, the task list and the Excel export must give the same counts."""
    from openpyxl import load_workbook

    from luoshi.dashboard.models import Scope, Snapshot
    from luoshi.exchange.report import build
    from luoshi.exchange.sheet import COLUMNS, FIRST_ROW
    from luoshi.supervision.supervisor import Supervisor

    run = Supervisor(send=False).run()
    snapshot = Snapshot.refresh(Scope.everything(), today)
    totals = snapshot.data["totals"]
    lights = totals["lights"]
    assert sum(lights.values()) == totals["tasks"]
    assert lights[colours.NONE] == 0  # the run lit every active task
    assert run.counts["tasks"] == {c: n for c, n in lights.items() if n}, "supervision vs dashboard"

    period = Period.containing(today, decision.reporting_period)
    for p in (period, period.previous()):
        report = build(decision, p, today=today)
        o = report.overview
        assert o.tasks == totals["tasks"], "report vs dashboard: tasks"
        assert o.lights == lights, "report vs dashboard: lights"
        assert o.percent == (totals["mean_percent"] or 0), "report vs dashboard: average progress"
        assert sum(part.tasks for part in report.parts) == o.tasks
        response = client.get(f"/api/v1/figures?decision={decision.pk}&period={p.key}")
        assert response.status_code == 200, response.content
        api = response.json()
        assert api["tasks"]["tasks"] == o.tasks, "api vs report: tasks"
        assert api["tasks"]["lights"] == o.lights, "api vs report: lights"
        r = o.reporting
        mine = (
            r.expected,
            r.handed_in,
            r.on_time,
            r.late,
            r.overdue,
            r.pending,
            r.accepted,
            r.returned,
            r.extra,
        )
        theirs = api["reporting"]
        assert mine == tuple(
            theirs[k]
            for k in (
                "expected",
                "handed_in",
                "on_time",
                "late",
                "missing",
                "pending",
                "accepted",
                "returned",
                "extra",
            )
        ), "api vs report: reporting"
        holds(
            reporting.Reporting(
                expected=r.expected,
                handed_in=r.handed_in,
                on_time=r.on_time,
                late=r.late,
                overdue=r.overdue,
                pending=r.pending,
                accepted=r.accepted,
                returned=r.returned,
                awaiting=r.awaiting,
            ),
            ("report", p.key),
        )
        trend = next((t for t in snapshot.data["trends"] if t["period"] == reporting.quarter_of(p.key)), None)
        if trend is not None and p.kind == "Q":
            assert (
                trend["owed"],
                trend["handed_in"],
                trend["on_time"],
                trend["missing"],
                trend["accepted"],
            ) == (
                r.expected,
                r.handed_in,
                r.on_time,
                r.overdue,
                r.accepted,
            ), "dashboard trend vs report"

    listed = client.get(f"/tasks/?decision={decision.pk}&subtasks=in_parent&format=json").json()
    assert listed["count"] == totals["tasks"], "task list vs dashboard"
    assert listed["pages"] == 1  # small ledgers: every task on the page, each with its light
    shown = [t["light"]["color"] for t in listed["tasks"]]
    assert {c: shown.count(c) for c in colours.ORDER} == lights, "task list vs dashboard: lights"
    colour = max(lights, key=lambda c: lights[c])  # and the light filter the dashboard links to
    url = f"/tasks/?decision={decision.pk}&subtasks=in_parent&light={colour}&format=json"
    assert client.get(url).json()["count"] == lights[colour], ("task list filter vs dashboard", colour)

    data = client.get(f"/exchange/tasks.xlsx?decision={decision.pk}&subtasks=in_parent").content
    ws = load_workbook(io.BytesIO(data)).worksheets[0]
    column = next(n for n, c in enumerate(COLUMNS, start=1) if c.header == "亮灯")
    labels = [ws.cell(row=r, column=column).value for r in range(FIRST_ROW, ws.max_row + 1)]
    exported = {c: labels.count(str(colours.LABELS[c])) for c in colours.ORDER}
    assert exported == lights, "Excel export vs dashboard"


# examples and steps: small for the suite; LUOSHI_HYPOTHESIS_PROFILE=long for a longer run
PROFILES = {"default": (6, 12), "ci": (40, 25), "long": (200, 40)}


def test_every_figure_holds_and_every_surface_agrees_on_random_ledgers(db: Any) -> None:
    import os

    from hypothesis import HealthCheck, settings
    from hypothesis.stateful import run_state_machine_as_test

    examples, steps = PROFILES[os.environ.get("LUOSHI_HYPOTHESIS_PROFILE", "default")]
    run_state_machine_as_test(
        Ledger,
        settings=settings(
            max_examples=examples,
            stateful_step_count=steps,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            database=None,  # no example database in the repository's directory
        ),
    )
