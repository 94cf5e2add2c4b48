"""The demo: one consistent story of a decision carried out, every record of it marked as demo data.
Used by ``luoshi demo``.

The story is set in the four reporting periods up to today (:class:`Story`). The decision comes
first: the team's sample decision is dated in the year the story starts (its years moved together,
so 今年 and 到2027年 keep their meaning), a real decision keeps its own. The office confirms the
assignments a few working days later (``go_live``); tasks whose deadline had passed by then were
finished before luoshi was used and are recorded as done. Units then report period by period, on
time or a few days late, some returned and handed in again; their progress follows their deadlines.
Every report, its steps and the audit trail carry the dates of the story, not the moment the demo
was built. A few lapses are made on purpose: each unit with a demo account missed one report (so it
has a 督办单 to sign for), and the copy-paste check has a few copies to find.

Each demo account has something to do on first login (:func:`todo`): a report to write, a
督办单 to sign, reports to approve or to review, a request to decide.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.ledger.catalogue import load_inner_mongolia
from luoshi.ledger.importing import import_decision
from luoshi.ledger.models import (
    AuditEntry,
    DeadlineKind,
    Decision,
    Profile,
    ProgressStatus,
    Role,
    Suggester,
    Task,
    Unit,
    UnitKind,
    acting_as,
)

from .models import Claim, Evidence, Report, ReportState
from .periods import Period, reporting_period_for

PASSWORD = "luoshi-demo"
SAMPLE_DATE = re.compile(r"（(20\d\d)年(\d{1,2})月(\d{1,2})日）")
YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


@dataclass
class Account:
    username: str
    name: str
    role: Role
    unit: Unit | None
    todo: list[str] = field(default_factory=list)

    @property
    def password(self) -> str:
        return PASSWORD


_HASHED: dict[str, str] = {}


def _user(
    username: str, name: str, role: Role, unit: Unit | None, *, staff: bool = False, login: bool = True
) -> Any:
    """A demo account; the password is hashed once for all of them (hashing is slow by design)."""
    if "pw" not in _HASHED:
        _HASHED["pw"] = make_password(PASSWORD)
    User = get_user_model()
    user = User(username=username, first_name=name, is_staff=staff, is_superuser=staff)
    if login:
        user.password = _HASHED["pw"]
    else:
        user.set_unusable_password()
    user.save()
    Profile.objects.create(user=user, role=role, unit=unit)
    return user


# -- the story's calendar ---------------------------------------------------------------------------
@dataclass
class Story:
    """When things happen in the demo: the periods reported on, the day the office went live."""

    today: dt.date
    periods: list[Period]  # oldest first; the last is the one units are reporting on now
    go_live: dt.date
    calendar: Any  # luoshi.supervision.calendar.WorkCalendar
    due_days: int = 5

    @classmethod
    def of(
        cls,
        today: dt.date,
        *,
        reporting: str = "quarterly",
        due_days: int = 5,
        decided: dt.date | None = None,
    ) -> Story:
        from luoshi.supervision.calendar import WorkCalendar

        calendar = WorkCalendar.load()
        current = reporting_period_for(today, reporting, due_days)
        periods = [current]
        for _n in range(3):
            periods.insert(0, periods[0].previous())
        start = max(periods[0].start, decided or periods[0].start)
        go_live = min(calendar.add(start, 4), periods[0].end)
        return cls(today, periods, go_live, calendar, due_days)

    def due(self, period: Period) -> dt.date:
        return self.calendar.add(period.end, self.due_days)

    def workday(self, day: dt.date, n: int) -> dt.date:
        """The n-th working day after (n < 0: before) ``day``."""
        return self.calendar.add(day, n) if n >= 0 else self.calendar.subtract(day, -n)

    def at(self, day: dt.date, hour: int = 10, minute: int = 0) -> dt.datetime:
        """A moment of the story in local time, never later than now."""
        moment = timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))
        return min(moment, timezone.now() - dt.timedelta(minutes=1))


def dated_sample(path: Path, year: int) -> tuple[bytes, dt.date | None]:
    """The sample decision with its years moved so that it is dated in ``year`` (and its own date)."""
    text = path.read_text(encoding="utf-8")
    found = SAMPLE_DATE.search(text)
    if found is None:
        return text.encode("utf-8"), None
    shift = year - int(found.group(1))
    moved = YEAR.sub(lambda m: str(int(m.group(1)) + shift), text)
    return moved.encode("utf-8"), dt.date(year, int(found.group(2)), int(found.group(3)))


class Clock:
    """Dates what the demo writes: the audit entries of each step get the step's moment of the story."""

    def __init__(self) -> None:
        self.mark = self._last()

    @staticmethod
    def _last() -> int:
        return AuditEntry.objects.aggregate(m=Max("pk"))["m"] or 0

    @contextmanager
    def at(self, moment: dt.datetime) -> Iterator[None]:
        yield
        last = self._last()
        if last > self.mark:
            AuditEntry.objects.filter(pk__gt=self.mark, pk__lte=last).update(at=moment)
        self.mark = last


# -- the demo -----------------------------------------------------------------------------------------
@transaction.atomic
def build(
    decision_file: Path, *, is_sample: bool, today: dt.date | None = None, seed: int = 2024
) -> dict[str, Any]:
    """Fill an empty, migrated database with the demo. Returns the accounts and what was loaded."""
    today = today or timezone.localdate()
    rng = random.Random(seed)
    story = Story.of(today)
    clock = Clock()
    setup = story.at(story.workday(story.go_live, -2), 9)
    with clock.at(setup):
        try:
            units = load_inner_mongolia()
            catalogue_note = ""
        except ImportError:
            units = load_inner_mongolia(divisions=[])
            catalogue_note = "luoshi.document.load_divisions is not available yet: only departments loaded"
        if is_sample:
            text, decided = dated_sample(Path(decision_file), story.periods[0].start.year)
            decision, _plan = import_decision(
                text, name=Path(decision_file).name, is_sample=True, is_demo=True
            )
            if decided is not None:
                story = Story.of(today, decided=decided)
        else:
            decision, _plan = import_decision(decision_file, is_sample=False, is_demo=True)
        accounts = [
            Account("office", "王敏", Role.OFFICE, None),
            Account("leader", "刘军", Role.LEADER, None),
            Account("auditor", "陈静", Role.AUDITOR, None),
        ]
        people = {
            a.username: _user(a.username, a.name, a.role, a.unit, staff=a.role == Role.OFFICE)
            for a in accounts
        }
    Decision.objects.filter(pk=decision.pk).update(created_at=setup)
    office = people["office"]
    assigned = _assign(decision, story, clock, office)
    # unit accounts: the two units with the most tasks, and a league with its banners
    lead_counts: dict[int, int] = {}
    for unit_id in decision.tasks.active().exclude(lead_unit=None).values_list("lead_unit", flat=True):
        lead_counts[unit_id] = lead_counts.get(unit_id, 0) + 1
    busiest = [Unit.objects.get(pk=pk) for pk, _n in sorted(lead_counts.items(), key=lambda kv: -kv[1])[:2]]
    league = Unit.objects.filter(division_code="150600").first() or Unit.objects.leagues().first()
    demo_units = list(dict.fromkeys(u for u in [*busiest, league] if u is not None))
    names = iter(["李强", "张伟", "赵丽", "孙燕", "高原", "白云", "周洁", "吴昊"])
    with clock.at(setup):
        for n, unit in enumerate(demo_units, start=1):
            for role, suffix in ((Role.REPORTER, "reporter"), (Role.UNIT_LEADER, "unitleader")):
                acc = Account(f"{suffix}{n}", next(names, f"用户{n}"), role, unit)
                people[acc.username] = _user(acc.username, acc.name, role, unit)
                accounts.append(acc)
    if league is not None:
        _cascade(decision, story, clock, office, league)
    reports, lapses = _reports(decision, story, clock, rng, office, demo_units)
    from luoshi.supervision.demo import enrich  # lights, 督办单 and scores on top of the reports

    with clock.at(story.at(today, 9)):  # this morning: a request filed, a completion approved, the run
        supervision = enrich(decision, today, office, spare=lapses)
    from luoshi.indicators.importing import load_bundled  # the real series, matched to the targets by name

    with acting_as(office), clock.at(setup):
        indicators = load_bundled(by=office)
    from luoshi.study.demo import enrich as study_demo  # 应知应会 and study sessions

    study = study_demo(
        decision,
        today,
        office,
        rng,
        at=lambda day, hour: clock.at(story.at(day, hour)),
        since=story.go_live,
    )
    from luoshi.dashboard.models import Scope, Snapshot  # the leaders' figures, ready when they sign in

    Snapshot.refresh(Scope.everything(), today)
    for acc in accounts:
        acc.todo = todo(acc, decision, today)
    return {
        "supervision": supervision,
        "study": study,
        "indicators": indicators,
        "decision": decision,
        "accounts": accounts,
        "units": units,
        "assigned": assigned,
        "reports": reports,
        "catalogue_note": catalogue_note,
        "story": story,
    }


def _assign(decision: Decision, story: Story, clock: Clock, office: Any) -> int:
    """The office confirms every suggestion that names a lead unit on the day it goes live; tasks whose
    deadline had already passed were done before, and are recorded so."""
    suggester = Suggester()
    assigned = 0
    confirmed = story.at(story.go_live, 9, 30)
    with clock.at(confirmed):
        for task in decision.tasks.active().prefetch_related("targets", "places").select_related("decision"):
            s = suggester.suggest(task)
            if s.lead is None:
                continue
            with acting_as(office):
                task.assign(
                    by=office,
                    lead=s.lead,
                    co=s.co,
                    deadline_kind=s.deadline_kind,
                    deadline=s.deadline,
                    note="采用系统建议（演示）",
                )
            assigned += 1
    Task.objects.filter(decision=decision, assigned_at__isnull=False).update(assigned_at=confirmed)
    with clock.at(story.at(story.go_live, 10)):
        for task in decision.tasks.active().filter(
            deadline_kind__in=[DeadlineKind.DATE, DeadlineKind.YEAR_END], deadline__lt=story.go_live
        ):
            task.percent = 100
            task.progress_status = ProgressStatus.DONE
            task.audit_as("complete", "完成时限在启用本系统之前，已按期办结（演示数据）", by=office)
            task.save()
    return assigned


def _cascade(decision: Decision, story: Story, clock: Clock, office: Any, league: Unit) -> None:
    """A task in the league's territory is given to the league to lead (its department co-operates),
    and the league cascades it to two of its banners in the second period of the story."""
    open_tasks = decision.tasks.active().exclude(progress_status=ProgressStatus.DONE).filter(parent=None)
    task = (
        open_tasks.involving(league).filter(lead_unit__isnull=False).order_by("order").first()
        or open_tasks.filter(lead_unit__isnull=False).order_by("order").first()
    )
    if task is None:
        return
    if task.lead_unit_id != league.pk:
        co = [u for u in [task.lead_unit, *task.co_units()] if u is not None and u.pk != league.pk]
        with acting_as(office), clock.at(story.at(story.go_live, 10, 30)):
            task.assign(
                by=office,
                lead=league,
                co=co,
                deadline_kind=task.deadline_kind,
                deadline=task.deadline,
                deadline_note=task.deadline_note,
                note="属地任务，由盟市牵头（演示）",
            )
        Task.objects.filter(pk=task.pk).update(assigned_at=story.at(story.go_live, 10, 30))
    banners = list(Unit.objects.filter(parent=league, kind=UnitKind.BANNER_COUNTY).order_by("order")[:2])
    if not banners:
        return
    day = story.workday(story.periods[1].start, 5)
    league_reporter = Profile.objects.filter(unit=league, role=Role.REPORTER).select_related("user").first()
    by = league_reporter.user if league_reporter is not None else office
    with acting_as(by), clock.at(story.at(day, 15)):
        subs = task.cascade([(b, f"{b.name}：{task.text[:60]}……（分解任务，演示）") for b in banners], by=by)
    Task.objects.filter(pk__in=[s.pk for s in subs]).update(assigned_at=story.at(day, 15))


# The demo's narratives are composed for each report from the task's own words and varied phrases,
# so that the copy-paste check (docs/supervision.md) flags only the few copies made on purpose below.
OPENINGS = [
    "本季度",
    "报告期内",
    "本期以来",
    "这一阶段",
    "本季度以来，按照分工方案",
    "对照年度任务清单，本期",
    "结合上期督查反馈，本季度",
    "按照形象进度要求，报告期内",
]
ACTIONS = [
    "牵头召开{n}次专题会议，逐项梳理{focus}的任务节点",
    "制定{focus}的细化方案，分解出{n}项具体措施并明确到人",
    "会同相关部门到{n}个旗县实地调研，摸清{focus}的推进底数",
    "把{focus}纳入本单位重点工作台账，实行周调度、月通报",
    "争取上级资金{n}千万元，用于{focus}相关项目",
    "组织{n}场业务培训，提高基层落实{focus}的能力",
    "建立{focus}工作专班，抽调骨干{n}人集中攻坚",
    "修订完善配套制度{n}项，为{focus}提供政策支撑",
    "督促{n}个责任单位对照清单自查，补齐{focus}中的短板",
    "引入第三方评估，对{focus}的阶段成效进行了{n}轮评估",
    "推动{n}个示范点先行先试，探索{focus}的可复制做法",
    "与{n}家企业签订合作协议，合力推进{focus}",
]
RESULTS = [
    "目前累计完成计划的{p}%，形象进度与时序基本同步",
    "整体进度达到{p}%，已形成阶段性成果",
    "完成年度目标的{p}%，群众反映较好",
    "项目按节点推进，完成率{p}%",
    "主要指标完成{p}%，有关情况已报自治区分管领导",
    "阶段任务完成{p}%，相关做法被有关部门转发推广",
    "任务完成度约{p}%，下步将加大推进力度",
    "已完成既定工作量的{p}%，未发现明显偏差",
]
LAGS = [
    "但受天气和资金拨付影响，个别环节慢于计划",
    "但部分旗县配套资金尚未到位，影响了进度",
    "但用地审批周期较长，部分项目开工推迟",
    "但基层人手紧张，数据报送存在滞后",
]
PROBLEMS = [
    "资金到位偏慢",
    "跨部门协调成本较高",
    "基层专业人才不足",
    "个别项目前期手续办理滞后",
    "统计口径尚需统一",
]
NEXT_STEPS = [
    "下季度重点抓好项目验收和资金拨付",
    "下一步将加强督导检查，确保按期完成",
    "下阶段将总结经验做法，扩大试点范围",
    "下一步将对照时间节点倒排工期，压实责任",
    "下季度将开展中期评估，及时调整推进措施",
]


def _clauses(text: str) -> list[str]:
    """The task's own phrases (clauses of 6 to 24 characters), to say what the report is about."""
    parts = [p.strip() for p in re.split(r"[，,；;。！!？?、：:]", text) if p.strip()]
    good = [p for p in parts if 6 <= len(p) <= 24] or [p[:20] for p in parts if p] or ["本项任务"]
    return good


def _narrative(task: Task, n: int, percent: int, claim: str, rng: random.Random) -> tuple[str, str, str]:
    """A narrative, its problems and next steps, for the n-th period's report on ``task``."""
    clauses = _clauses(task.text)
    focus = clauses[(n + task.pk) % len(clauses)]
    action = rng.choice(ACTIONS).format(focus=f"“{focus}”", n=rng.randint(2, 9))
    result = rng.choice(RESULTS).format(p=percent)
    if claim in (Claim.AT_RISK, Claim.BEHIND):
        result += "，" + rng.choice(LAGS)
    text = f"（演示数据）{rng.choice(OPENINGS)}{action}；{result}。"
    return text, rng.choice(PROBLEMS) if claim != Claim.DONE else "", rng.choice(NEXT_STEPS)


def _evidence(report: Report, by: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    body = f"（演示数据）{report.task.key} {report.period} 工作台账、会议纪要和现场照片说明。"
    Evidence.attach(
        report, SimpleUploadedFile(f"佐证材料-{report.period}.txt", body.encode(), "text/plain"), by=by
    )


def _reports(
    decision: Decision, story: Story, clock: Clock, rng: random.Random, office: Any, demo_units: list[Unit]
) -> tuple[int, set[int]]:
    """Each task's reports, period by period from the one it was assigned in: progress that follows the
    deadline, on time or a few days late, now and then returned and handed in again; the current
    period in every state. Returns how many reports were made, and the tasks the story needs left open
    (a report missed on purpose; the demo accounts' reports to write, approve or review)."""
    periods = story.periods
    made = 0
    tasks = list(
        decision.tasks.active()
        .exclude(lead_unit=None)
        .exclude(progress_status=ProgressStatus.DONE)
        .select_related("lead_unit")
        .order_by("order", "pk")
    )
    # lapses on purpose: one report missed by each unit that has a demo account (so each has a 督办单
    # to sign for), a unit re-sending its previous report with the figures updated, two units handing
    # in the very same text, reports without evidence
    missed: set[int] = set()
    for unit in demo_units:
        mine = [t for t in tasks if t.lead_unit_id == unit.pk and t.parent_id is None]
        if mine:  # the one due last (or never): it stays open, so its 督办单 stays to be signed
            missed.add(max(mine, key=lambda t: (t.deadline is None, t.deadline or story.today)).pk)
    copy_same = {t.pk for t in tasks[3:5]}
    copy_other = (
        next((t for t in tasks[7:] if t.lead_unit_id != tasks[6].lead_unit_id), None)
        if len(tasks) > 7
        else None
    )
    bare = {t.pk for t in tasks[10:13]}
    shared: dict[str, str] = {}
    clerks: dict[int, tuple[Any, Any]] = {}
    # the current period: what each unit with an account still has to do, and what the office has
    designated: set[int] = set()
    fates = _current_fates(tasks, demo_units, designated, rng)

    def clerks_of(unit: Unit) -> tuple[Any, Any]:
        if unit.pk not in clerks:
            profiles = {p.role: p.user for p in Profile.objects.filter(unit=unit).select_related("user")}
            reporter = profiles.get(Role.REPORTER) or _user(
                f"demo-r-{unit.code}", f"{unit.label}填报员", Role.REPORTER, unit, login=False
            )
            approver = profiles.get(Role.UNIT_LEADER) or _user(
                f"demo-l-{unit.code}", f"{unit.label}负责人", Role.UNIT_LEADER, unit, login=False
            )
            clerks[unit.pk] = (reporter, approver)
        return clerks[unit.pk]

    for task in tasks:
        reporter, approver = clerks_of(task.lead_unit)
        assigned_on = timezone.localtime(task.assigned_at).date() if task.assigned_at else story.go_live
        deadline = task.deadline if task.deadline_kind in (DeadlineKind.DATE, DeadlineKind.YEAR_END) else None
        percent = 0
        previous_text = ""
        for n, period in enumerate(periods):
            if period.end < assigned_on:
                continue  # not yet assigned then
            last = n == len(periods) - 1
            percent, claim = _progress(percent, period, assigned_on, deadline, story, rng)
            if task.pk in missed and percent == 100:
                percent, claim = 90, Claim.AT_RISK  # the lapse stays open
            if task.pk in missed and n == 1:
                continue  # the lapse: this period's report never came
            fate = fates.get(task.pk, "accepted") if last else "accepted"
            if fate == "none":
                continue  # still to be written
            narrative, problems, next_steps = _narrative(task, n, percent, claim, rng)
            if task.pk in copy_same and n == 2 and previous_text:
                narrative = re.sub(r"\d+%", f"{percent}%", previous_text)  # last period's, figures updated
            if n == 1 and len(tasks) > 7 and task == tasks[6]:
                shared[period.key] = narrative
            if n == 1 and task == copy_other and period.key in shared:
                narrative = shared[period.key]  # another unit's text, word for word
            previous_text = narrative
            steps = _steps(period, story, last, fate, rng)
            with acting_as(reporter), clock.at(steps["created"]):
                report = Report.objects.create(
                    task=task,
                    unit=task.lead_unit,
                    period=period.key,
                    narrative=narrative,
                    percent=percent,
                    claim=claim,
                    problems=problems,
                    next_steps=next_steps,
                    is_demo=True,
                    created_by=reporter,
                )
                if not (task.pk in bare and n == 2):
                    _evidence(report, reporter)
            made += 1
            if "submitted" in steps:
                with acting_as(reporter), clock.at(steps["submitted"]):
                    report.submit(by=reporter)
            if "approved" in steps:
                with acting_as(approver), clock.at(steps["approved"]):
                    report.approve(by=approver)
            if "returned" in steps:
                with acting_as(office), clock.at(steps["returned"]):
                    report.return_(by=office, comment="（演示数据）请补充量化指标完成情况和佐证材料。")
                if "resubmitted" in steps:
                    with acting_as(reporter), clock.at(steps["resubmitted"]):
                        report.refresh_from_db()
                        report.submit(by=reporter)
                    with acting_as(approver), clock.at(steps["reapproved"]):
                        report.approve(by=approver)
            if "accepted" in steps:
                with acting_as(office), clock.at(steps["accepted"]):
                    report.accept(by=office, comment="")
            Report.objects.filter(pk=report.pk).update(
                created_at=steps["created"],
                submitted_at=steps.get("resubmitted", steps.get("submitted")),
                approved_at=steps.get("reapproved", steps.get("approved")),
                reviewed_at=steps.get("accepted", steps.get("returned")),
            )
            Evidence.objects.filter(report=report).update(uploaded_at=steps["created"])
            if percent == 100 and "accepted" in steps:
                break  # done: nothing more to report
    return made, missed | designated


def _progress(
    before: int, period: Period, start: dt.date, deadline: dt.date | None, story: Story, rng: random.Random
) -> tuple[int, str]:
    """A task's percent and the unit's claim at the end of ``period`` (or today): on the way to its
    deadline, give or take; done by a deadline that has passed, nine times out of ten."""
    until = min(period.end, story.today)
    if deadline is not None:
        span = max(1, (deadline - start).days)
        expected = min(100, round(100 * max(0, (until - start).days) / span))
    else:
        expected = min(85, before + rng.choice([10, 15, 20]))  # ongoing work (长期坚持): never "done"
    percent = expected + rng.choice([-15, -10, -5, 0, 0, 5, 5, 10])
    percent = max(before + 5, min(100 if deadline else 90, 5 * round(percent / 5)))
    if deadline is not None and deadline <= until:
        percent = 100 if rng.random() < 0.9 else min(percent, 90)
    percent = min(percent, 100)
    if percent == 100:
        return percent, Claim.DONE
    gap = expected - percent
    if deadline is not None and deadline <= until:
        return percent, Claim.BEHIND
    if gap >= 20:
        return percent, Claim.BEHIND
    if gap >= 10:
        return percent, Claim.AT_RISK
    return percent, Claim.ON_TRACK


def _steps(period: Period, story: Story, last: bool, fate: str, rng: random.Random) -> dict[str, dt.datetime]:
    """The moments of a report's steps. A past period's report goes all the way to accepted: on time
    mostly, a few days late now and then, sometimes returned and handed in again. The current
    period's stops where ``fate`` says (draft, submitted, approved, returned, accepted)."""
    at, wd = story.at, story.workday
    if last:
        now = story.today
        start = max(period.start, story.go_live)
        created = max(start, wd(now, -4))
        out = {"created": at(created, 9, rng.randint(0, 59))}
        order = ["submitted", "approved", "accepted"]
        stop = {"draft": 0, "submitted": 1, "approved": 2, "accepted": 3, "returned": 2}.get(fate, 3)
        for k, name in enumerate(order[:stop], start=1):
            out[name] = at(max(created, wd(now, -4 + k)), 10 + k, rng.randint(0, 59))
        if fate == "returned":
            out["returned"] = at(max(created, wd(now, -1)), 16, rng.randint(0, 59))
        return out
    due = story.due(period)
    late = rng.random() < 0.1
    submitted = wd(due, rng.randint(1, 4)) if late else wd(due, -rng.randint(0, 3))
    out = {
        "created": at(wd(submitted, -2), 9, rng.randint(0, 59)),
        "submitted": at(submitted, 10, rng.randint(0, 59)),
        "approved": at(wd(submitted, 1), 11, rng.randint(0, 59)),
    }
    if rng.random() < 0.07:
        returned = wd(submitted, 3)
        out["returned"] = at(returned, 15, rng.randint(0, 59))
        out["resubmitted"] = at(wd(returned, 2), 10, rng.randint(0, 59))
        out["reapproved"] = at(wd(returned, 3), 11, rng.randint(0, 59))
        out["accepted"] = at(wd(returned, 5), 16, rng.randint(0, 59))
    else:
        out["accepted"] = at(wd(submitted, 3), 16, rng.randint(0, 59))
    return out


def _current_fates(
    tasks: list[Task], demo_units: list[Unit], designated: set[int], rng: random.Random
) -> dict[int, str]:
    """How far each task's report for the current period has gone: not written yet ("none"), a draft,
    submitted (with the unit's leader), approved (with the office), accepted, returned. Each unit with
    a demo account has one to write, one for its leader and one with the office, when it has tasks
    (added to ``designated``); a unit with one task has it with its leader."""
    fates: dict[int, str] = {}
    for t in tasks:
        r = rng.random()
        fates[t.pk] = (
            "none"
            if r < 0.35
            else "draft"
            if r < 0.45
            else "submitted"
            if r < 0.6
            else "approved"
            if r < 0.85
            else "returned"
            if r < 0.88
            else "accepted"
        )
    for unit in demo_units:
        mine = [t.pk for t in tasks if t.lead_unit_id == unit.pk]
        plan = ["submitted"] if len(mine) == 1 else ["none", "submitted", "approved"]
        for pk, fate in zip(mine, plan, strict=False):
            fates[pk] = fate
            designated.add(pk)
    return fates


def _evidence(report: Report, by: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    body = f"（演示数据）{report.task.key} {report.period_label} 工作台账、会议纪要和现场照片说明。"
    Evidence.attach(
        report, SimpleUploadedFile(f"佐证材料-{report.period}.txt", body.encode(), "text/plain"), by=by
    )


# -- what each account should try first ---------------------------------------------------------------
def todo(account: Account, decision: Decision, today: dt.date) -> list[str]:
    """What the account finds waiting for it on first login, with where to find it."""
    from luoshi.supervision.models import NoticeKind, Receipt, Request, RequestState

    out: list[str] = []
    reports = Report.objects.filter(task__decision=decision)
    if account.role == Role.OFFICE:
        n = reports.filter(state=ReportState.APPROVED).count()
        if n:
            out.append(_("审核 %(n)s 份报告（/review/）") % {"n": n})
        n = Request.objects.filter(task__decision=decision, state=RequestState.PENDING).count()
        if n:
            out.append(_("批复 %(n)s 份延期申请（/supervision/requests/）") % {"n": n})
        out.append(_("看督查总览和督办单（/supervision/）"))
    elif account.role == Role.LEADER:
        out.append(_("看领导驾驶舱（/dashboard/）"))
        out.append(_("看向党委的情况报告（/exchange/report/）"))
    elif account.role == Role.AUDITOR:
        out.append(_("查留痕记录（/audit/）"))
    elif account.unit is not None:
        unit = account.unit
        unsigned = Receipt.objects.filter(unit=unit, signed_at__isnull=True)
        orders = unsigned.filter(notice__kind=NoticeKind.ORDER).count()
        circulars = unsigned.filter(notice__kind=NoticeKind.CIRCULAR).count()
        papers = _("督办单 %(orders)s 份、通报 %(circulars)s 份") % {"orders": orders, "circulars": circulars}
        if (orders or circulars) and account.role == Role.REPORTER:
            out.append(_("签收%(papers)s（/supervision/notices/）") % {"papers": papers})
        if account.role == Role.REPORTER:
            from .overview import UnitOverview

            owed = (
                UnitOverview.for_unit(unit, today)
                .due()
                .filter(lead_unit=unit)
                .exclude(progress_status=ProgressStatus.DONE)
                .count()
            )
            drafts = reports.filter(unit=unit, state__in=[ReportState.DRAFT, ReportState.RETURNED]).count()
            if owed:
                out.append(_("填报 %(n)s 项任务本期的报告（/my/）") % {"n": owed})
            elif drafts:
                out.append(_("完成 %(n)s 份草稿或退回的报告（/my/）") % {"n": drafts})
            else:
                out.append(_("看本单位的任务和报告（/my/）"))
        if account.role == Role.UNIT_LEADER:
            n = reports.filter(unit=unit, state=ReportState.SUBMITTED).count()
            if n:
                out.append(_("审核本单位 %(n)s 份报告（/my/）") % {"n": n})
            if orders or circulars:
                out.append(_("%(papers)s待本单位签收（/supervision/notices/）") % {"papers": papers})
    return out
