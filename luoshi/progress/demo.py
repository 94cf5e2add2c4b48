"""The demo: a decision with its unit catalogue, confirmed assignments, and a few quarters of sample
reports, every one marked as demo data. Used by ``luoshi demo``."""

from __future__ import annotations

import datetime as dt
import random
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

from .models import Claim, Report
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


NARRATIVES = [
    "（演示数据）本期围绕任务要求制定了工作方案，明确了责任分工和时间节点，各项工作按计划推进。",
    "（演示数据）本期召开专题推进会，协调解决项目用地、资金等问题，重点项目完成年度投资计划的阶段目标。",
    "（演示数据）本期开展实地督导，完成了阶段性形象进度，配套政策已印发实施。",
    "（演示数据）受季节和资金到位影响，部分工程进度慢于计划，已提出整改措施。",
]


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
            with acting_as(reporter):
                report = Report.objects.create(
                    task=task,
                    unit=task.lead_unit,
                    period=period.key,
                    narrative=rng.choice(NARRATIVES),
                    percent=percent,
                    claim=claim,
                    is_demo=True,
                    created_by=reporter,
                )
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
