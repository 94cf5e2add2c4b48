from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

from luoshi.ledger.models import Milestone, Section, Target
from luoshi.ledger.tests.factory import make_decision, make_report, make_task
from luoshi.progress.models import ReportState
from luoshi.supervision.tests.factory import light_up


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
    light_up()  # a green (a deadline, nothing behind), b yellow (reported behind), c 未分工
    return SimpleNamespace(decision=d, a=a, b=b, c=c)


BEIJING = dt.timezone(dt.timedelta(hours=8))


def at(year: int, month: int, day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(year, month, day, hour, tzinfo=BEIJING)


@pytest.fixture
def world(unit_a: Any, unit_b: Any, office: Any, time_machine: Any) -> SimpleNamespace:
    """A decision of two parts and five tasks on 10 November 2026, reporting quarterly from the third
    quarter (the tasks were assigned on 1 July); its reports were due on 13 October 2026 (the 5th
    working day after the National Day holiday). The lights are computed by the rules, as the
    supervision run computes them:

    - 一、生态建设: ``a`` (unit A, green, its Q3 report on time and accepted with a measured value of
      its target 森林覆盖率 ≥ 30% by 2035) and ``b`` (unit B, deadline 30 June 2026 passed: red; its Q3
      report came late and was returned; its milestone target 2025 is overdue);
    - 二、能源基地: ``c`` (done in Q2), ``d`` (no lead unit: 未分工), ``e`` (unit B, 长期坚持: green, its
      Q3 report late).
    """
    from luoshi.progress.models import Measurement

    time_machine.move_to(at(2026, 11, 10), tick=False)
    d = make_decision(title="中共示范市委员会关于推进绿色发展的决定", year=2026)
    eco = Section.objects.create(decision=d, key="1", level=1, number="一", title="生态建设", order=1)
    forest = Section.objects.create(
        decision=d, key="1.1", level=2, number="一", title="加强森林草原保护", parent=eco, order=2
    )
    energy = Section.objects.create(decision=d, key="2", level=1, number="二", title="能源基地", order=3)
    assigned = at(2026, 7, 1)
    a = make_task(
        decision=d,
        section=forest,
        key="1.1.1",
        text="实施国土绿化行动，到2035年全市森林覆盖率达到30%。",
        lead_unit=unit_a,
        assigned_at=assigned,
        deadline_kind="date",
        deadline=dt.date(2035, 12, 31),
        progress_status="on_track",
        percent=40,
        progress_period="2026Q3",
    )
    forest_target = Target.objects.create(
        decision=d,
        task=a,
        key="T1",
        kind="numeric",
        indicator="森林覆盖率",
        comparator=">=",
        value=30,
        unit="%",
        year=2035,
        text="到2035年全市森林覆盖率达到30%",
    )
    b = make_task(
        decision=d,
        section=eco,
        key="1.2",
        text="完成草原确权登记，学习宣传贯彻情况及时报告市委。",
        lead_unit=unit_b,
        assigned_at=assigned,
        deadline_kind="date",
        deadline=dt.date(2026, 6, 30),
        progress_status="behind",
        percent=20,
        progress_period="2026Q2",
    )
    Target.objects.create(
        decision=d,
        task=b,
        key="T2",
        kind="milestone",
        indicator="草原确权登记",
        year=2025,
        text="2025年完成草原确权登记",
    )
    c = make_task(
        decision=d,
        section=energy,
        key="2.1",
        text="建成风电光伏基地一期工程。",
        lead_unit=unit_a,
        assigned_at=assigned,
        deadline_kind="year_end",
        deadline=dt.date(2026, 12, 31),
        progress_status="done",
        percent=100,
        progress_period="2026Q2",
    )
    d_task = make_task(decision=d, section=energy, key="2.2", text="研究储能电站布局。")
    e = make_task(
        decision=d,
        section=energy,
        key="2.3",
        text="推进源网荷储一体化项目。",
        lead_unit=unit_b,
        assigned_at=assigned,
        deadline_kind="ongoing",
        progress_status="on_track",
        percent=30,
        progress_period="2026Q2",
    )
    on_time = make_report(
        task=a,
        unit=unit_a,
        period="2026Q3",
        state=ReportState.ACCEPTED,
        percent=40,
        narrative="完成修复面积12万亩。新建苗圃3处。",
        submitted_at=at(2026, 10, 9),
    )
    Measurement.objects.create(report=on_time, target=forest_target, value=27.5)
    returned = make_report(
        task=b, unit=unit_b, period="2026Q3", state=ReportState.APPROVED, submitted_at=at(2026, 10, 20)
    )
    returned.return_(by=office, comment="请补充确权登记的数据。")
    make_report(
        task=e, unit=unit_b, period="2026Q3", state=ReportState.APPROVED, submitted_at=at(2026, 10, 20)
    )
    light_up()
    return SimpleNamespace(decision=d, a=a, b=b, c=c, d=d_task, e=e, target=forest_target)
