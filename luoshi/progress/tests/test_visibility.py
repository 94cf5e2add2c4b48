"""Who sees which tasks and reports: a unit never sees another unit's drafts."""

from __future__ import annotations

import pytest

from luoshi.ledger.models import AuditEntry, Task
from luoshi.ledger.tests.factory import make_report, make_task
from luoshi.progress.models import Report, ReportState

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(unit_a: object, unit_b: object) -> dict:
    task_a = make_task(lead_unit=unit_a)
    task_b = make_task(lead_unit=unit_b)
    shared = make_task(lead_unit=unit_a, co_units=[unit_b])
    return {
        "task_a": task_a,
        "task_b": task_b,
        "shared": shared,
        "draft_a": make_report(task=task_a, unit=unit_a),
        "draft_b_on_shared": make_report(task=shared, unit=unit_b),
        "approved_a": make_report(task=shared, unit=unit_a, state=ReportState.APPROVED),
        "submitted_b": make_report(task=task_b, unit=unit_b, state=ReportState.SUBMITTED),
    }


def test_a_reporter_sees_the_tasks_of_their_unit_only(world: dict, reporter_a: object) -> None:
    assert set(Task.objects.visible_to(reporter_a)) == {world["task_a"], world["shared"]}


@pytest.mark.parametrize("persona", ["office", "leader", "auditor"])
def test_the_office_leaders_and_auditors_see_every_task(
    world: dict, persona: str, request: pytest.FixtureRequest
) -> None:
    assert Task.objects.visible_to(request.getfixturevalue(persona)).count() == 3


def test_a_user_without_a_role_sees_nothing(world: dict, stranger: object) -> None:
    assert not Task.objects.visible_to(stranger).exists()
    assert not Report.objects.visible_to(stranger).exists()


def test_a_unit_sees_its_own_reports_in_every_state_and_never_another_units_draft(
    world: dict, reporter_a: object, reporter_b: object
) -> None:
    assert set(Report.objects.visible_to(reporter_a)) == {world["draft_a"], world["approved_a"]}
    assert set(Report.objects.visible_to(reporter_b)) == {world["draft_b_on_shared"], world["submitted_b"]}


@pytest.mark.parametrize("persona", ["office", "leader", "auditor"])
def test_no_one_outside_a_unit_sees_its_drafts_or_unapproved_reports(
    world: dict, persona: str, request: pytest.FixtureRequest
) -> None:
    assert set(Report.objects.visible_to(request.getfixturevalue(persona))) == {world["approved_a"]}


def test_a_league_sees_its_banners_reports_on_cascaded_tasks_once_they_leave_the_banner(
    office: object, league: object, banner: object, league_reporter: object
) -> None:
    task = make_task(lead_unit=league)
    (sub,) = task.cascade([(banner, "治沙")], by=office)
    draft = make_report(task=sub, unit=banner)
    approved = make_report(task=sub, unit=banner, period="2024Q2", state=ReportState.APPROVED)
    assert set(Report.objects.visible_to(league_reporter)) == {approved}
    assert draft not in Report.objects.visible_to(league_reporter)


@pytest.mark.parametrize(
    ("persona", "sees"), [("auditor", True), ("office", True), ("leader", False), ("reporter_a", False)]
)
def test_the_audit_trail_is_read_by_auditors_and_the_office(
    world: dict, persona: str, sees: bool, request: pytest.FixtureRequest
) -> None:
    assert AuditEntry.objects.visible_to(request.getfixturevalue(persona)).exists() is sees
