from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

from luoshi.ledger.models import Milestone, Section, Target
from luoshi.ledger.tests.factory import make_decision, make_report, make_task
from luoshi.progress.models import ReportState


@pytest.fixture
def plan(unit_a: Any, unit_b: Any, league: Any) -> SimpleNamespace:
    """A decision of three tasks: one assigned to unit A with a target, a quarter node and an accepted
    report; one for unit B; one not yet assigned."""
    d = make_decision(title="关于推进测试工作的决定", year=2024)
    top = Section.objects.create(decision=d, key="1", level=1, number="一", title="生态建设", order=1)
    sub = Section.objects.create(
        decision=d, key="1.1", level=2, number="一", title="筑牢生态屏障", parent=top, order=2
    )
    a = make_task(
        decision=d,
        section=sub,
        key="1.1.1",
        source_key="1.1.1",
        text="推进草原保护修复。",
        lead_unit=unit_a,
        co_units=[league],
        responsible="张三",
        deadline_kind="date",
        deadline=dt.date(2030, 6, 30),
        progress_status="on_track",
        percent=40,
        progress_period="2024Q1",
    )
    Target.objects.create(
        decision=d,
        task=a,
        key="T1",
        kind="numeric",
        indicator="森林覆盖率",
        comparator=">=",
        value=26,
        unit="%",
        year=2030,
    )
    Milestone.objects.create(task=a, due=dt.date(2024, 3, 31), description="完成修复方案")
    make_report(
        task=a, unit=unit_a, period="2024Q1", state=ReportState.ACCEPTED, narrative="修复面积达到80万亩。"
    )
    b = make_task(
        decision=d,
        section=top,
        key="1.2",
        source_key="1.2",
        text="办好人民满意的教育。",
        lead_unit=unit_b,
        deadline_kind="ongoing",
        progress_status="behind",
    )
    c = make_task(
        decision=d, section=top, key="1.3", source_key="1.3", text='=HYPERLINK("http://x","点我")完善制度。'
    )
    return SimpleNamespace(decision=d, a=a, b=b, c=c)
