"""The report workflow: draft → submitted → approved → accepted or returned, with its history kept."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from luoshi.ledger.models import ProgressStatus, Task
from luoshi.ledger.tests.factory import make_report, make_task
from luoshi.progress.models import Claim, ReportState

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(unit_a: object) -> object:
    return make_report(task=make_task(lead_unit=unit_a), unit=unit_a, percent=30, claim=Claim.AT_RISK)


def test_a_report_goes_from_draft_to_accepted_and_sets_the_tasks_progress(
    report: object, reporter_a: object, unit_leader_a: object, office: object
) -> None:
    report.submit(by=reporter_a)
    assert report.state == ReportState.SUBMITTED
    report.approve(by=unit_leader_a)
    assert report.state == ReportState.APPROVED
    report.accept(by=office, comment="同意")
    assert report.state == ReportState.ACCEPTED
    task = Task.objects.get(pk=report.task_id)
    assert (task.percent, task.progress_status, task.progress_period) == (
        30,
        ProgressStatus.AT_RISK,
        "2024Q1",
    )
    actions = [e.action for e in report.history()]
    assert actions == ["create", "submit", "approve", "accept"]
    assert [e.actor for e in report.history()][1:] == [reporter_a, unit_leader_a, office]


def test_a_returned_report_keeps_its_history_and_can_be_resubmitted(
    report: object, reporter_a: object, unit_leader_a: object, office: object
) -> None:
    report.submit(by=reporter_a)
    report.approve(by=unit_leader_a)
    report.return_(by=office, comment="请补充佐证材料")
    assert report.state == ReportState.RETURNED
    assert report.review_comment == "请补充佐证材料"
    assert report.can_edit(reporter_a)
    report.narrative = "已补充。"
    report.save()
    report.submit(by=reporter_a)
    history = list(report.history())
    assert [e.action for e in history] == ["create", "submit", "approve", "return", "update", "submit"]
    assert history[3].note == "请补充佐证材料"


def test_returning_without_a_comment_is_refused(
    report: object, reporter_a: object, unit_leader_a: object, office: object
) -> None:
    report.submit(by=reporter_a)
    report.approve(by=unit_leader_a)
    with pytest.raises(ValidationError, match="请填写意见"):
        report.return_(by=office, comment=" ")
    assert report.state == ReportState.APPROVED


def test_the_unit_leader_can_send_a_report_back_to_the_reporter(
    report: object, reporter_a: object, unit_leader_a: object
) -> None:
    report.submit(by=reporter_a)
    report.send_back(by=unit_leader_a, comment="数据有误")
    assert report.state == ReportState.RETURNED


def test_submitting_an_empty_narrative_is_refused(unit_a: object, reporter_a: object) -> None:
    report = make_report(task=make_task(lead_unit=unit_a), narrative="")
    with pytest.raises(ValidationError, match="请填写进展情况"):
        report.submit(by=reporter_a)


@pytest.mark.parametrize(
    ("persona", "step"),
    [
        ("reporter_b", "submit"),  # another unit's reporter
        ("unit_leader_a", "submit"),  # a leader does not submit
        ("office", "submit"),
        ("reporter_a", "approve"),  # a reporter does not approve
        ("unit_leader_b", "approve"),  # another unit's leader
        ("office", "approve"),
        ("unit_leader_a", "accept"),  # only the office accepts
        ("leader", "accept"),
        ("auditor", "accept"),
    ],
)
def test_each_step_belongs_to_one_role(
    report: object,
    reporter_a: object,
    unit_leader_a: object,
    persona: str,
    step: str,
    request: pytest.FixtureRequest,
) -> None:
    user = request.getfixturevalue(persona)
    if step in {"approve", "accept"}:
        report.submit(by=reporter_a)
    if step == "accept":
        report.approve(by=unit_leader_a)
    before = report.state
    with pytest.raises(PermissionDenied):
        getattr(report, step)(by=user)
    report.refresh_from_db()
    assert report.state == before


def test_a_submitted_report_can_no_longer_be_edited_by_its_reporter(
    report: object, reporter_a: object
) -> None:
    report.submit(by=reporter_a)
    assert not report.can_edit(reporter_a)


def test_a_co_units_accepted_report_does_not_set_the_tasks_progress(
    unit_a: object, unit_b: object, reporter_b: object, unit_leader_b: object, office: object
) -> None:
    task = make_task(lead_unit=unit_a, co_units=[unit_b])
    report = make_report(task=task, unit=unit_b, percent=90)
    report.submit(by=reporter_b)
    report.approve(by=unit_leader_b)
    report.accept(by=office)
    assert Task.objects.get(pk=task.pk).percent is None


def test_done_needs_one_hundred_percent(unit_a: object) -> None:
    report = make_report(task=make_task(lead_unit=unit_a), claim=Claim.DONE, percent=80)
    with pytest.raises(ValidationError, match="100%"):
        report.full_clean()
