"""The demo: a decision with its unit catalogue, confirmed assignments, and a few quarters of sample
reports, every one marked as demo data. Used by ``luoshi demo``."""

from __future__ import annotations

import datetime as dt
import random
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from luoshi.ledger.catalogue import load_inner_mongolia
from luoshi.ledger.importing import import_decision
from luoshi.ledger.models import (
    Decision,
    Profile,
    Role,
    Suggester,
    Task,
    Unit,
    UnitKind,
    acting_as,
)

from .models import Claim, Evidence, Report
from .periods import reporting_period_for

PASSWORD = "luoshi-demo"


@dataclass
class Account:
    username: str
    name: str
    role: Role
    unit: Unit | None

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


@transaction.atomic
def build(
    decision_file: Path, *, is_sample: bool, today: dt.date | None = None, seed: int = 2024
) -> dict[str, Any]:
    """Fill an empty, migrated database with the demo. Returns the accounts and what was loaded."""
    today = today or timezone.localdate()
    rng = random.Random(seed)
    try:
        units = load_inner_mongolia()
        catalogue_note = ""
    except ImportError:
        units = load_inner_mongolia(divisions=[])
        catalogue_note = "luoshi.document.load_divisions is not available yet: only departments loaded"
    decision, _plan = import_decision(decision_file, is_sample=is_sample, is_demo=True)
    accounts = [
        Account("office", "王敏", Role.OFFICE, None),
        Account("leader", "刘军", Role.LEADER, None),
        Account("auditor", "陈静", Role.AUDITOR, None),
    ]
    people = {
        a.username: _user(a.username, a.name, a.role, a.unit, staff=a.role == Role.OFFICE) for a in accounts
    }
    office = people["office"]
    # confirm every suggestion that names a lead unit
    suggester = Suggester()
    assigned = 0
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
    # unit accounts: the two units with the most tasks, and a league with its banners
    lead_counts: dict[int, int] = {}
    for unit_id in decision.tasks.active().exclude(lead_unit=None).values_list("lead_unit", flat=True):
        lead_counts[unit_id] = lead_counts.get(unit_id, 0) + 1
    busiest = [Unit.objects.get(pk=pk) for pk, _n in sorted(lead_counts.items(), key=lambda kv: -kv[1])[:2]]
    league = Unit.objects.filter(division_code="150600").first() or Unit.objects.leagues().first()
    demo_units = [u for u in [*busiest, league] if u is not None]
    names = iter(["李强", "张伟", "赵丽", "孙燕", "高原", "白云", "周洁", "吴昊"])
    for n, unit in enumerate(dict.fromkeys(demo_units), start=1):
        for role, suffix in ((Role.REPORTER, "reporter"), (Role.UNIT_LEADER, "unitleader")):
            acc = Account(f"{suffix}{n}", next(names, f"用户{n}"), role, unit)
            people[acc.username] = _user(acc.username, acc.name, role, unit)
            accounts.append(acc)
    # a league task cascaded to its banners
    if league is not None:
        task = Task.objects.active().filter(decision=decision).involving(league).first()
        if task is None:
            task = decision.tasks.active().filter(lead_unit__isnull=False).order_by("order").first()
            if task is not None:
                with acting_as(office):
                    task.assign(
                        by=office,
                        lead=task.lead_unit,
                        co=[*task.co_units(), league],
                        deadline_kind=task.deadline_kind,
                        deadline=task.deadline,
                        deadline_note=task.deadline_note,
                    )
        banners = list(Unit.objects.filter(parent=league, kind=UnitKind.BANNER_COUNTY).order_by("order")[:2])
        if task is not None and banners:
            with acting_as(office):
                task.cascade(
                    [(b, f"{b.name}：{task.text[:60]}……（分解任务，演示）") for b in banners], by=office
                )
    reports = _reports(decision, today, rng, office)
    from luoshi.supervision.demo import enrich  # lights, 督办单 and scores on top of the reports

    supervision = enrich(decision, today, office)
    from luoshi.indicators.importing import load_bundled  # the real series, matched to the targets by name

    with acting_as(office):
        indicators = load_bundled(by=office)
    from luoshi.dashboard.models import Scope, Snapshot  # the leaders' figures, ready when they sign in

    Snapshot.refresh(Scope.everything(), today)
    return {
        "supervision": supervision,
        "indicators": indicators,
        "decision": decision,
        "accounts": accounts,
        "units": units,
        "assigned": assigned,
        "reports": reports,
        "catalogue_note": catalogue_note,
    }


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


def _reports(decision: Decision, today: dt.date, rng: random.Random, office: Any) -> int:
    """Three quarters of reports (accepted, some returned), and the current period in every state."""
    current = reporting_period_for(today, decision.reporting_period, decision.report_due_days)
    periods = [
        current.previous().previous().previous(),
        current.previous().previous(),
        current.previous(),
        current,
    ]
    made = 0
    tasks = list(
        decision.tasks.active().exclude(lead_unit=None).select_related("lead_unit").order_by("order")
    )
    # the assignments were made before the first period reported on, not today
    assigned = dt.datetime.combine(periods[0].start, dt.time(9), tzinfo=dt.UTC)
    Task.objects.filter(decision=decision, assigned_at__isnull=False).update(assigned_at=assigned)
    # a few deliberate lapses for the copy-paste check to find: a unit re-sending its previous report
    # with the figures updated, two units handing in the very same text, reports without evidence
    copy_same = {t.pk for t in tasks[3:5]}
    copy_other = (
        next((t for t in tasks[7:] if t.lead_unit_id != tasks[6].lead_unit_id), None)
        if len(tasks) > 7
        else None
    )
    bare = {t.pk for t in tasks[10:13]}
    shared: dict[str, str] = {}
    clerks: dict[int, tuple[Any, Any]] = {}

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
        percent = 0
        previous_text = ""
        for n, period in enumerate(periods):
            last = n == len(periods) - 1
            percent = min(100, percent + rng.choice([10, 15, 20, 25]))
            claim = (
                Claim.DONE
                if percent == 100
                else rng.choices([Claim.ON_TRACK, Claim.AT_RISK, Claim.BEHIND], weights=[7, 2, 1])[0]
            )
            if last and rng.random() < 0.4:
                continue  # still due this period
            narrative, problems, next_steps = _narrative(task, n, percent, claim, rng)
            if task.pk in copy_same and n == 2 and previous_text:
                narrative = re.sub(r"\d+%", f"{percent}%", previous_text)  # last period's, figures updated
            if n == 1 and len(tasks) > 7 and task == tasks[6]:
                shared[period.key] = narrative
            if n == 1 and task == copy_other and period.key in shared:
                narrative = shared[period.key]  # another unit's text, word for word
            previous_text = narrative
            with acting_as(reporter):
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
            fate = rng.random()
            if last and fate < 0.3:
                continue  # a draft
            with acting_as(reporter):
                report.submit(by=reporter)
            if last and fate < 0.5:
                continue  # awaiting the unit leader
            with acting_as(approver):
                report.approve(by=approver)
            if last and fate < 0.8:
                continue  # awaiting the office
            with acting_as(office):
                if fate > 0.93:
                    report.return_(by=office, comment="（演示数据）请补充量化指标完成情况和佐证材料。")
                else:
                    report.accept(by=office, comment="")
    return made
