"""Extension (延期申请) and completion (办结申请) requests: filed by the lead unit, decided by the office,
every step kept."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from luoshi.ledger.models import AuditEntry, DeadlineKind, ProgressStatus, Task
from luoshi.supervision.models import Color, Request, RequestKind, RequestState, TaskLight
from luoshi.supervision.supervisor import Supervisor

from .factory import make_supervised_task, no_reports

pytestmark = pytest.mark.django_db
D = dt.date
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def task(unit_a: Any, unit_b: Any) -> Task:
    return no_reports(make_supervised_task(unit_a, deadline=D(2026, 10, 30), co_units=[unit_b], percent=50))


def evidence() -> SimpleUploadedFile:
    return SimpleUploadedFile("验收报告.pdf", PDF, content_type="application/pdf")


def test_an_approved_extension_moves_the_deadline_and_the_light_follows(
    task: Task, reporter_a: Any, office: Any, clock: Any
) -> None:
    clock(2026, 11, 5)
    Supervisor().run()
    assert TaskLight.objects.get(task=task).color == Color.RED
    req = Request.file(
        task, kind=RequestKind.EXTENSION, reason="征地手续尚未办结", new_date=D(2027, 3, 31), by=reporter_a
    )
    req.approve(by=office, note="同意延期")
    task.refresh_from_db()
    assert (task.deadline_kind, task.deadline) == (DeadlineKind.DATE, D(2027, 3, 31))
    Supervisor().run()
    assert TaskLight.objects.get(task=task).color == Color.GREEN
    assert [e.action for e in req.history()] == ["file", "approve"]
    assert AuditEntry.objects.filter(task=task, action="extend").exists()


def test_a_completion_needs_evidence_and_once_approved_the_task_is_done_on_time(
    task: Task, reporter_a: Any, office: Any, clock: Any
) -> None:
    clock(2026, 10, 20)
    with pytest.raises(ValidationError, match="佐证材料"):
        Request.file(task, kind=RequestKind.COMPLETION, reason="已全部完成", by=reporter_a)
    req = Request.file(
        task, kind=RequestKind.COMPLETION, reason="已全部完成", files=[evidence()], by=reporter_a
    )
    assert req.on_time
    assert req.files.get().kind == "pdf"
    req.approve(by=office)
    task.refresh_from_db()
    assert (task.progress_status, task.percent) == (ProgressStatus.DONE, 100)
    Supervisor().run()
    assert TaskLight.objects.get(task=task).color == Color.DONE


def test_a_refusal_needs_a_reason_and_changes_nothing_on_the_task(
    task: Task, reporter_a: Any, office: Any
) -> None:
    req = Request.file(
        task,
        kind=RequestKind.EXTENSION,
        reason="资金未到位",
        new_date=D(2027, 6, 30),
        by=reporter_a,
        today=D(2026, 10, 1),
    )
    with pytest.raises(ValidationError):
        req.refuse(by=office, note="")
    req.refuse(by=office, note="理由不充分，请按原时限完成")
    task.refresh_from_db()
    assert task.deadline == D(2026, 10, 30)
    assert req.state == RequestState.REFUSED
    with pytest.raises(PermissionDenied):
        req.approve(by=office)


def test_only_the_lead_unit_files_and_only_the_office_decides(
    task: Task, reporter_a: Any, reporter_b: Any, office: Any, unit_leader_a: Any
) -> None:
    with pytest.raises(PermissionDenied):
        Request.file(
            task, kind=RequestKind.EXTENSION, reason="配合单位", new_date=D(2027, 1, 1), by=reporter_b
        )
    req = Request.file(
        task,
        kind=RequestKind.EXTENSION,
        reason="x",
        new_date=D(2027, 1, 1),
        by=unit_leader_a,
        today=D(2026, 10, 1),
    )
    with pytest.raises(PermissionDenied):
        req.approve(by=reporter_a)
    with pytest.raises(ValidationError, match="同类申请"):
        Request.file(
            task,
            kind=RequestKind.EXTENSION,
            reason="again",
            new_date=D(2027, 2, 1),
            by=reporter_a,
            today=D(2026, 10, 1),
        )
    req.withdraw(by=reporter_a)
    assert req.state == RequestState.WITHDRAWN


def test_an_extension_must_move_the_deadline_later(task: Task, reporter_a: Any) -> None:
    with pytest.raises(ValidationError):
        Request.file(
            task,
            kind=RequestKind.EXTENSION,
            reason="x",
            new_date=D(2026, 10, 15),
            by=reporter_a,
            today=D(2026, 10, 1),
        )
