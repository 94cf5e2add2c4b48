"""The 学习宣传贯彻情况报告 has a 学习宣传情况 section with the study figures (the same as the dashboard's
and the study page's): units to study, units that have, share, sessions and attendance in the period
and in all, by form, and the units not yet studied by name."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from luoshi.exchange import report
from luoshi.ledger.tests.factory import make_decision, make_task
from luoshi.study import coverage
from luoshi.study.models import StudySession

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 10)


def _session(decision: Any, unit: Any, day: dt.date, attendance: int, form: str = "group") -> None:
    StudySession.objects.create(
        decision=decision,
        unit=unit,
        held_on=day,
        form=form,
        title="学习",
        led_by="书记",
        attendance=attendance,
    )


def _text(r: report.ImplementationReport) -> str:
    return "\n".join(b.text + b.body for b in r.blocks())


def test_the_report_says_who_studied_in_the_period_and_in_all(unit_a: Any, unit_b: Any, league: Any) -> None:
    d = make_decision()
    make_task(decision=d, lead_unit=unit_a, co_units=[unit_b])
    make_task(decision=d, lead_unit=league)
    _session(d, unit_a, dt.date(2026, 6, 1), 30)
    _session(d, unit_a, dt.date(2026, 8, 20), 12, form="lecture")
    _session(d, unit_b, dt.date(2026, 11, 5), 9)  # after the third quarter: not in its report
    r = report.build(d, "2026Q3", today=TODAY)
    text = _text(r)
    assert "学习宣传情况" in [b.text for b in r.blocks() if b.level == 1]
    assert (
        "截至2026年9月30日，承担《决定》任务的3个单位中，已有1个单位组织学习，覆盖率33.3%；"
        "累计组织学习2场次、参学42人次，其中理论学习中心组学习1场、专题宣讲1场；"
        "2026年第三季度组织学习1场次、参学12人次；有佐证材料的0场次。" in text
    )
    assert f"尚未登记学习的单位：{unit_b.name}、{league.name}。" in text or (
        f"尚未登记学习的单位：{league.name}、{unit_b.name}。" in text
    )
    same = coverage.of_decision(d, until=dt.date(2026, 9, 30))
    assert (r.study["studied"], r.study["expected"], r.study["attendance"]) == (
        same.studied,
        same.expected,
        same.attendance,
    )


def test_a_decision_nobody_studied_yet_says_so(unit_a: Any) -> None:
    d = make_decision()
    text = _text(report.build(d, "2026Q3", today=TODAY))
    assert "截至2026年9月30日，尚无单位登记学习《决定》的情况。" in text
