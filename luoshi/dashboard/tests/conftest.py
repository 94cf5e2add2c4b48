"""A small ledger with every kind of figure the dashboard shows, on a frozen day (2026-11-20).

Decision 《关于测试的决定》: part 1 (sections 1.1, 1.2), part 2 (section 2.1, with 2.1.1 under it).

| task | section | lead (co) | light | notes |
|---|---|---|---|---|
| t1 | 1.1 | unit A | red | deadline 2026-06-30 passed: overdue; a target |
| t2 | 1.2 | unit A (unit B) | green | |
| t3 | 2.1.1 | unit B | yellow | a returned report |
| t4 | 2.1 | 达拉特旗 (鄂尔多斯's banner) | done | |
| t5 | — | unit B | none | its light not computed yet (未亮灯) |
| t6 | 1.1 | unit A | — | withdrawn: not counted |
| t7 | 2.1 | 鄂尔多斯市 (准格尔旗) | suspended | suspended since 2026-09-01 |

The lights are stored as a supervision run would store them (``light``); the figures read them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def frozen(time_machine: Any) -> dt.date:
    from luoshi.supervision.tests.factory import at

    time_machine.move_to(at(TODAY.year, TODAY.month, TODAY.day), tick=False)
    return TODAY


def light(task: Any, color: str) -> Any:
    from luoshi.supervision.models import TaskLight

    return TaskLight.objects.create(
        task=task, color=color, code="test", params={}, reason="测试", since=TODAY, computed_at=timezone.now()
    )


@pytest.fixture
def world(
    frozen: dt.date, unit_a: Any, unit_b: Any, league: Any, banner: Any, banner2: Any
) -> dict[str, Any]:
    from luoshi.ledger.models import DeadlineKind, Section, Target, TaskState
    from luoshi.ledger.tests.factory import make_decision, make_report, make_task
    from luoshi.progress.models import ReportState
    from luoshi.supervision.models import Suspension
    from luoshi.supervision.tests.factory import SHANGHAI

    d = make_decision(title="关于测试的决定", year=2026)
    s = {}
    for key, level, number, title, parent, order in [
        ("1", 1, "一", "总体要求", None, 10),
        ("1.1", 2, "一", "指导思想", "1", 11),
        ("1.2", 2, "二", "主要目标", "1", 12),
        ("2", 1, "二", "重点任务", None, 20),
        ("2.1", 2, "一", "产业发展", "2", 21),
        ("2.1.1", 3, "1", "农牧业", "2.1", 22),
    ]:
        s[key] = Section.objects.create(
            decision=d, key=key, level=level, number=number, title=title, parent=s.get(parent), order=order
        )
    assigned = dt.datetime(2026, 1, 5, 9, tzinfo=SHANGHAI)

    def task(section: str | None, lead: Any, **kw: Any) -> Any:
        kw.setdefault("assigned_at", assigned)
        return make_task(decision=d, section=s[section] if section else None, lead_unit=lead, **kw)

    t1 = task(
        "1.1",
        unit_a,
        deadline_kind=DeadlineKind.DATE,
        deadline=dt.date(2026, 6, 30),
        progress_status="behind",
    )
    t2 = task("1.2", unit_a, co_units=[unit_b], progress_status="on_track")
    t3 = task("2.1.1", unit_b, progress_status="at_risk")
    t4 = task("2.1", banner, progress_status="done", percent=100)
    t5 = task(None, unit_b, progress_status="on_track", percent=40)
    t6 = task("1.1", unit_a, state=TaskState.WITHDRAWN)
    t7 = task("2.1", league, co_units=[banner2])
    light(t1, "red")
    light(t2, "green")
    light(t3, "yellow")
    light(t4, "done")
    light(t7, "suspended")
    Suspension.objects.create(task=t7, reason="测试暂缓", start=dt.date(2026, 9, 1))
    Target.objects.create(
        decision=d, task=t1, key="T1", kind="numeric", indicator="测试指标", value=100, unit="万吨", year=2030
    )
    on_time = dt.datetime(2026, 10, 9, 9, tzinfo=SHANGHAI)  # 2026Q3 was due on 2026-10-13
    late = dt.datetime(2026, 10, 20, 9, tzinfo=SHANGHAI)
    make_report(
        task=t1, unit=unit_a, period="2026Q3", state=ReportState.ACCEPTED, submitted_at=on_time, percent=30
    )
    make_report(
        task=t2, unit=unit_a, period="2026Q3", state=ReportState.APPROVED, submitted_at=late, percent=50
    )
    make_report(
        task=t3,
        unit=unit_b,
        period="2026Q3",
        state=ReportState.RETURNED,
        submitted_at=on_time,
        review_comment="请补充佐证",
    )
    make_report(
        task=t2, unit=unit_b, period="2026Q3", state=ReportState.ACCEPTED, submitted_at=on_time
    )  # co-unit
    return {
        "decision": d,
        "sections": s,
        "t1": t1,
        "t2": t2,
        "t3": t3,
        "t4": t4,
        "t5": t5,
        "t6": t6,
        "t7": t7,
    }
