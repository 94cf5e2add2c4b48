"""Assessment (考核): 100, minus missed and late reports, red tasks and 退办, plus on-time 办结 and targets
on track; lead and co-operating units weighted differently; the breakdown kept; Excel export."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from luoshi.ledger.models import Target
from luoshi.progress.models import Measurement
from luoshi.supervision.assessment import meets
from luoshi.supervision.models import ReportSchedule, Request, RequestKind, Rules, Score
from luoshi.supervision.supervisor import Supervisor

from .factory import hand_in, make_supervised_task

pytestmark = pytest.mark.django_db
D = dt.date


def score(unit: Any, period: str = "2026Q3") -> Score:
    return Score.objects.get(unit=unit, period=period)


def items(s: Score) -> dict[str, tuple[int, float]]:
    return {i["code"]: (i["count"], i["total"]) for i in s.breakdown["items"] if i["count"]}


def test_a_unit_that_reported_everything_on_time_scores_100(unit_a: Any, clock: Any) -> None:
    task = make_supervised_task(unit_a)
    hand_in(task, unit_a, "2026Q3", on=D(2026, 10, 9))
    clock(2026, 11, 2)
    Supervisor().run()
    s = score(unit_a)
    assert (s.total, s.rank, s.breakdown["due"]) == (100, 1, 1)
    assert items(s) == {}


def test_missed_and_late_reports_are_deducted(unit_a: Any, clock: Any) -> None:
    late = make_supervised_task(unit_a)
    make_supervised_task(unit_a)  # never reported
    hand_in(late, unit_a, "2026Q3", on=D(2026, 10, 15))  # due 13 October
    clock(2026, 11, 2)
    Supervisor().run()
    s = score(unit_a)
    assert items(s) == {"missed": (1, -5.0), "late": (1, -2.0)}
    assert s.total == 93


def test_a_co_operating_unit_weighs_half_as_much(unit_a: Any, unit_b: Any, clock: Any) -> None:
    task = make_supervised_task(unit_a, co_units=[unit_b])
    ReportSchedule.objects.create(decision=task.decision, co_units_report=True)
    clock(2026, 11, 2)
    Supervisor().run()
    assert score(unit_a).total == 95
    assert score(unit_b).total == 97.5


def test_red_tasks_and_returned_reports_are_deducted(
    unit_a: Any, office: Any, unit_leader_a: Any, reporter_a: Any, clock: Any
) -> None:
    task = make_supervised_task(unit_a, deadline=D(2026, 9, 30))
    clock(2026, 10, 9)
    report = hand_in(
        task, unit_a, "2026Q3", on=D(2026, 10, 9), state="draft", narrative="本季度按计划推进工作。"
    )
    report.submit(by=reporter_a)
    report.approve(by=unit_leader_a)
    report.return_(by=office, comment="请补充佐证材料")
    report.refresh_from_db()
    report.submit(by=reporter_a)
    clock(2026, 11, 2)
    Supervisor().run()
    assert items(score(unit_a, "2026Q4")) == {"red": (1, -3.0), "returned": (1, -2.0)}


def test_on_time_completion_and_targets_on_track_add_points_up_to_the_cap(
    unit_a: Any, reporter_a: Any, office: Any, clock: Any
) -> None:
    Rules.objects.filter(pk=Rules.get().pk).update(bonus_cap=4)
    task = make_supervised_task(unit_a, deadline=D(2026, 12, 31), percent=80)
    clock(2026, 11, 2)
    pdf = SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")
    Request.file(task, kind=RequestKind.COMPLETION, reason="已完成", files=[pdf], by=reporter_a).approve(
        by=office
    )
    other = make_supervised_task(unit_a)
    report = hand_in(other, unit_a, "2026Q4", narrative="完成。", percent=50)
    for n in range(3):
        t = Target.objects.create(
            decision=other.decision,
            task=other,
            key=f"T{n}",
            kind="numeric",
            indicator="指标",
            comparator=">=",
            value=10,
        )
        Measurement.objects.create(report=report, target=t, value=12)
    Supervisor().run()
    s = score(unit_a, "2026Q4")
    assert items(s) == {"done": (1, 3.0), "on_track": (3, 3.0)}
    assert (s.total, s.breakdown["capped"]) == (104, True)


def test_units_are_ranked_and_the_table_exports_to_excel(
    unit_a: Any, unit_b: Any, as_user: Any, office: Any, clock: Any
) -> None:
    make_supervised_task(unit_a)
    done = make_supervised_task(unit_b)
    hand_in(done, unit_b, "2026Q3", on=D(2026, 10, 9))
    clock(2026, 11, 2)
    Supervisor().run()
    response = as_user(office).get(reverse("supervision:assessment") + "?period=2026Q3&format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("名次", "单位", "得分", "应报份数")
    assert [r[:3] for r in rows[1:]] == [(1, "自治区教育厅", 100), (2, "自治区发展和改革委员会", 95)]
    page = as_user(office).get(reverse("supervision:assessment") + "?period=2026Q3").content.decode()
    assert "考核办法（公开）" in page
    assert "漏报 1（-5.0）" in page


def test_a_target_is_met_by_its_comparator() -> None:
    assert meets(">=", 10, 10)
    assert not meets(">", 10, 10)
    assert meets("<=", 5, 6)
    assert meets("≈", 98, 100)
    assert not meets(">=", 5, None)
