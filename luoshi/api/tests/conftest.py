"""A small ledger for the API tests: one decision, a task for unit A (with a target and milestone), one
for unit B, a task cascaded to a banner; reports in several states."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

from luoshi.ledger.models import Milestone, Section, Target
from luoshi.ledger.tests.factory import make_decision, make_report, make_task
from luoshi.progress.models import Measurement, ReportState


@pytest.fixture
def world(unit_a: Any, unit_b: Any, league: Any, banner: Any) -> SimpleNamespace:
    decision = make_decision(title="关于推进测试工作的决定", year=2024)
    section = Section.objects.create(decision=decision, key="1", level=1, number="一", title="生态建设")
    task_a = make_task(
        decision=decision,
        section=section,
        key="1.1",
        text="推进草原保护修复，提升森林覆盖率。",
        lead_unit=unit_a,
        co_units=[league],
        has_targets=True,
    )
    target = Target.objects.create(
        decision=decision,
        task=task_a,
        key="T1",
        kind="numeric",
        indicator="森林覆盖率",
        comparator=">=",
        value=26.0,
        unit="%",
        year=2030,
    )
    Milestone.objects.create(task=task_a, due=dt.date(2024, 3, 31), description="完成修复方案")
    task_b = make_task(
        decision=decision, section=section, key="1.2", text="办好人民满意的教育。", lead_unit=unit_b
    )
    sub = make_task(
        decision=decision,
        section=section,
        key="1.1/1",
        text="达拉特旗推进草原修复。",
        lead_unit=banner,
        parent=task_a,
    )
    accepted_a = make_report(
        task=task_a,
        unit=unit_a,
        period="2024Q1",
        state=ReportState.ACCEPTED,
        narrative="草原修复按计划推进。",
    )
    Measurement.objects.create(report=accepted_a, target=target, value=24.5)
    draft_a = make_report(
        task=task_a, unit=unit_a, period="2024Q2", state=ReportState.DRAFT, narrative="草稿：甲单位内部。"
    )
    Measurement.objects.create(report=draft_a, target=target, value=25.0)
    draft_b = make_report(
        task=task_b, unit=unit_b, period="2024Q1", state=ReportState.DRAFT, narrative="草稿：乙单位内部。"
    )
    approved_b = make_report(
        task=task_b, unit=unit_b, period="2023Q4", state=ReportState.APPROVED, narrative="乙单位已审核。"
    )
    return SimpleNamespace(
        decision=decision,
        section=section,
        task_a=task_a,
        task_b=task_b,
        sub=sub,
        target=target,
        accepted_a=accepted_a,
        draft_a=draft_a,
        draft_b=draft_b,
        approved_b=approved_b,
    )


@pytest.fixture
def api(client: Any) -> Any:
    """``api(persona)``: a client signed in as the persona (session), for /api/v1/ calls."""

    def sign_in(user: Any) -> Any:
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def token_for(office: Any) -> Any:
    """``token_for(user)``: a fresh API token acting as ``user``."""
    from luoshi.api.models import ApiToken

    def issue(user: Any, **kwargs: Any) -> str:
        return ApiToken.issue(user=user, name="测试系统", by=office, **kwargs)[1]

    return issue
