"""The demo tells one consistent story: its decision, assignments, reports and their trail agree on
dates; nothing is overdue by years; every demo account has something to do on first login."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.db.models import Max, Min
from django.utils import timezone

from luoshi.ledger.models import AuditEntry, Role, Task
from luoshi.progress.models import Report, ReportState
from luoshi.progress.periods import Period
from luoshi.samples import SAMPLE_DECISION

pytestmark = pytest.mark.django_db

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "corpus" / "im-decision-2022.txt"


def build(today: dt.date, source: Path = SAMPLE_DECISION, *, is_sample: bool = True) -> dict[str, Any]:
    from luoshi.progress.demo import build as run

    return run(source, is_sample=is_sample, today=today)


def nothing_overdue_by_years() -> None:
    from luoshi.supervision.models import TaskLight

    late = [
        (light.task.key, light.params.get("days"))
        for light in TaskLight.objects.filter(code="deadline_passed").select_related("task")
    ]
    assert all(days <= 60 for _key, days in late), late


def dates_agree(story: Any) -> None:
    """Assigned before reported; each report's steps in order, none in the future; the trail says
    when each step happened, not when the demo was built."""
    now = timezone.now()
    first = story.periods[0]
    for r in Report.objects.select_related("task"):
        assert r.task.assigned_at is not None
        assert r.task.assigned_at <= r.created_at, (r.task.key, r.period)
        assert Period.parse(r.period).end >= timezone.localtime(r.task.assigned_at).date()
        assert Period.parse(r.period).start >= first.start
        steps = [r.created_at, r.submitted_at, r.approved_at, r.reviewed_at]
        present = [s for s in steps if s is not None]
        assert present == sorted(present), (r.task.key, r.period, steps)
        assert present[-1] <= now
        if r.submitted_at is not None:
            trail = AuditEntry.objects.filter(model="progress.report", object_id=str(r.pk), action="submit")
            assert trail.aggregate(m=Max("at"))["m"] == r.submitted_at
    assigned = AuditEntry.objects.filter(model="ledger.task", action="assign").aggregate(a=Min("at"))["a"]
    assert timezone.localtime(assigned).date() == story.go_live
    assert AuditEntry.objects.aggregate(m=Max("at"))["m"] <= now


def everyone_has_something_to_do(result: dict[str, Any]) -> None:
    from luoshi.supervision.models import NoticeKind, Receipt, Request, RequestState

    for acc in result["accounts"]:
        assert acc.todo, acc.username
        if acc.role in {Role.REPORTER, Role.UNIT_LEADER}:
            assert Receipt.objects.filter(
                unit=acc.unit, signed_at__isnull=True, notice__kind=NoticeKind.ORDER
            ).exists(), f"no 督办单 for {acc.unit}"
        if acc.role == Role.UNIT_LEADER:
            assert Report.objects.filter(unit=acc.unit, state=ReportState.SUBMITTED).exists(), acc.unit
    assert Report.objects.filter(state=ReportState.APPROVED).exists()
    assert Request.objects.filter(state=RequestState.PENDING).exists()


def test_the_sample_decision_is_dated_in_the_year_the_story_starts() -> None:
    result = build(dt.date(2026, 11, 20))
    decision, story = result["decision"], result["story"]
    assert decision.year == 2026
    assert story.periods[0].key == "2026Q1"
    assert decision.tasks.filter(deadline__year=2024).count() == 0  # the sample said 2024
    this_year = Task.objects.filter(decision=decision, deadline_kind="year_end")
    assert {t.deadline for t in this_year} <= {dt.date(2026, 12, 31)}  # 今年 is the story's year
    nothing_overdue_by_years()
    dates_agree(story)
    everyone_has_something_to_do(result)


def test_a_new_year_finds_last_years_tasks_done_or_barely_late() -> None:
    result = build(dt.date(2027, 2, 10))
    story = result["story"]
    assert [p.key for p in story.periods] == ["2026Q2", "2026Q3", "2026Q4", "2027Q1"]
    assert result["decision"].year == 2026
    nothing_overdue_by_years()
    dates_agree(story)
    everyone_has_something_to_do(result)


def test_the_accounts_are_printed_with_what_to_try_first(tmp_path: Path) -> None:
    result = build(dt.date(2026, 11, 20))
    todo = {acc.username: " ".join(acc.todo) for acc in result["accounts"]}
    assert "审核" in todo["office"]
    assert "/review/" in todo["office"]
    assert "/dashboard/" in todo["leader"]
    assert "/audit/" in todo["auditor"]
    assert "签收督办单" in todo["reporter1"]
    assert "审核本单位" in todo["unitleader1"]


@pytest.mark.skipif(not SHARED.is_file(), reason="../shared/corpus is not beside this checkout")
def test_the_real_decision_tells_the_same_kind_of_story() -> None:
    result = build(dt.date(2026, 11, 20), SHARED, is_sample=False)
    story = result["story"]
    nothing_overdue_by_years()
    dates_agree(story)
    everyone_has_something_to_do(result)
    # tasks due before the office went live were done by then, not overdue ever since
    early = Task.objects.filter(deadline__lt=story.go_live, deadline_kind__in=["date", "year_end"])
    assert all(t.progress_status == "done" for t in early)
