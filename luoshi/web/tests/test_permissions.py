"""Every view, every role: what each persona gets on a direct URL, including guessed ids.

200: the page; 302: sent to sign in; 403: signed in but the role may not; 404: the object is not
visible to this user (a guessed id reveals nothing).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from luoshi.ledger.models import Revision, SavedView, SuggestionRule, UnitKind
from luoshi.ledger.tests.factory import make_decision, make_report, make_task, make_unit
from luoshi.progress.models import Evidence, ReportState

PERSONAS = [
    "anonymous",
    "stranger",
    "office",
    "leader",
    "auditor",
    "reporter_a",
    "unit_leader_a",
    "reporter_b",
]


@pytest.fixture
def world(db: Any, unit_a: Any, unit_b: Any, office: Any, reporter_a: Any) -> dict[str, Any]:
    decision = make_decision()
    task_a = make_task(decision=decision, lead_unit=unit_a)
    task_b = make_task(decision=decision, lead_unit=unit_b)
    draft_a = make_report(task=task_a, unit=unit_a, period="2024Q1")
    approved_b = make_report(task=task_b, unit=unit_b, period="2024Q1", state=ReportState.APPROVED)
    evidence = Evidence.attach(draft_a, SimpleUploadedFile("a.pdf", b"%PDF-1.4\n%%EOF\n"), by=reporter_a)
    rule = SuggestionRule.objects.create(keyword="教育", unit=unit_b)
    revision = Revision.objects.create(
        text="一、总体要求\n（一）测试。推进测试工作。", digest="x", source_name="r.txt"
    )
    view = SavedView.objects.create(user=office, name="我的视图", query="q=测试")
    from luoshi.supervision.models import Channel

    channel = Channel.objects.create(name="督查室邮箱", kind="email", target="dcs@example.org")
    return {
        "unit_a": unit_a.pk,
        "person": reporter_a.pk,
        "channel": channel.pk,
        "decision": decision.pk,
        "task_a": task_a.pk,
        "draft_a": draft_a.pk,
        "approved_b": approved_b.pk,
        "evidence": evidence.pk,
        "rule": rule.pk,
        "revision": revision.pk,
        "view": view.pk,
    }


ALL_ROLES = dict.fromkeys(PERSONAS, 200) | {"anonymous": 302, "stranger": 403}
OFFICE = dict.fromkeys(PERSONAS, 403) | {"anonymous": 302, "office": 200}
AUDIT = OFFICE | {"auditor": 200}
UNIT_ROLES = dict.fromkeys(PERSONAS, 403) | {
    "anonymous": 302,
    "reporter_a": 200,
    "unit_leader_a": 200,
    "reporter_b": 200,
}
TASK_A = ALL_ROLES | {"reporter_b": 404}
DRAFT_A = dict.fromkeys(PERSONAS, 404) | {
    "anonymous": 302,
    "stranger": 403,
    "reporter_a": 200,
    "unit_leader_a": 200,
}
APPROVED_B = ALL_ROLES | {"reporter_a": 404, "unit_leader_a": 404}

CASES: list[tuple[str, str | None, dict[str, int]]] = [
    ("home", None, ALL_ROLES | {p: 302 for p in PERSONAS if p not in {"stranger"}}),
    ("ledger:decision-list", None, ALL_ROLES),
    ("ledger:decision-detail", "decision", ALL_ROLES),
    ("ledger:decision-tasks", "decision", ALL_ROLES | {p: 302 for p in PERSONAS if p != "stranger"}),
    ("ledger:import-upload", None, OFFICE),
    ("ledger:import-preview", "revision", OFFICE),
    ("ledger:suggestions", "decision", OFFICE),
    ("ledger:task-list", None, ALL_ROLES),
    ("ledger:task-detail", "task_a", TASK_A),
    ("ledger:task-edit", "task_a", OFFICE),
    ("ledger:task-split", "task_a", OFFICE),
    ("ledger:task-merge", "task_a", OFFICE),
    ("ledger:task-withdraw", "task_a", OFFICE),
    ("ledger:task-assign", "task_a", OFFICE),
    (
        "ledger:task-cascade",
        "task_a",
        TASK_A | dict.fromkeys(["leader", "auditor", "reporter_a", "unit_leader_a"], 403),
    ),
    ("ledger:rule-list", None, OFFICE),
    ("ledger:rule-new", None, OFFICE),
    ("ledger:rule-edit", "rule", OFFICE),
    ("ledger:unit-tree", None, ALL_ROLES),
    ("ledger:units-import", None, OFFICE),
    ("ledger:unit-new", None, OFFICE),
    ("ledger:unit-edit", "unit_a", OFFICE),
    ("ledger:unit-merge", "unit_a", OFFICE),
    ("ledger:unit-order", None, OFFICE),
    ("ledger:person-list", None, OFFICE),
    ("ledger:person-new", None, OFFICE),
    ("ledger:person-edit", "person", OFFICE),
    ("ledger:person-password", "person", OFFICE),
    ("office", None, OFFICE),
    ("supervision:channel-list", None, OFFICE),
    ("supervision:channel-new", None, OFFICE),
    ("supervision:channel-edit", "channel", OFFICE),
    ("supervision:schedule-list", None, OFFICE),
    ("supervision:schedule-edit", "decision", OFFICE),
    ("supervision:rules", None, OFFICE),
    ("supervision:holidays", None, OFFICE | {"leader": 200, "auditor": 200}),
    ("ledger:audit-list", None, AUDIT),
    ("ledger:audit-export-csv", None, AUDIT),
    ("ledger:audit-export-xlsx", None, AUDIT),
    ("progress:my-unit", None, UNIT_ROLES),
    ("progress:review-queue", None, OFFICE),
    (
        "progress:report-for-task",
        "task_a",
        dict.fromkeys(PERSONAS, 403) | {"anonymous": 302, "reporter_a": 200, "reporter_b": 404},
    ),
    ("progress:report-detail", "draft_a", DRAFT_A),
    ("progress:report-detail", "approved_b", APPROVED_B),
    (
        "progress:report-edit",
        "draft_a",
        dict.fromkeys(PERSONAS, 403) | {"anonymous": 302, "reporter_a": 200, "reporter_b": 404},
    ),
    ("progress:evidence-download", "evidence", DRAFT_A),
]


@pytest.mark.parametrize(("name", "obj", "expected"), CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_gets_what_its_role_allows_on_every_page(
    client: Any,
    world: dict[str, Any],
    request: pytest.FixtureRequest,
    name: str,
    obj: str | None,
    expected: dict[str, int],
    persona: str,
) -> None:
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    url = reverse(name, args=[world[obj]] if obj else [])
    response = client.get(url)
    assert response.status_code == expected[persona], f"{persona} GET {url}"
    if expected[persona] == 302 and persona == "anonymous":
        assert response["Location"].startswith(reverse("login"))


def test_a_guessed_task_id_that_does_not_exist_is_404_like_one_that_is_hidden(
    client: Any, reporter_b: Any, world: dict[str, Any]
) -> None:
    client.force_login(reporter_b)
    assert client.get(reverse("ledger:task-detail", args=[world["task_a"]])).status_code == 404
    assert client.get(reverse("ledger:task-detail", args=[999_999])).status_code == 404


POSTS = [
    (
        "progress:report-action",
        ["draft_a", "submit"],
        {"reporter_b": 404, "office": 404, "unit_leader_a": 403},
    ),
    ("progress:report-action", ["approved_b", "accept"], {"reporter_a": 404, "leader": 403, "auditor": 403}),
    ("ledger:task-restore", ["task_a"], {"reporter_a": 403, "leader": 403}),
    ("ledger:rule-toggle", ["rule"], {"reporter_a": 403, "auditor": 403}),
    ("ledger:unit-active", ["unit_a"], {"reporter_a": 403, "leader": 403, "unit_leader_a": 403}),
    ("ledger:person-active", ["person"], {"reporter_a": 403, "leader": 403, "auditor": 403}),
    ("ledger:person-password", ["person"], {"reporter_a": 403, "leader": 403}),
    ("ledger:unit-merge", ["unit_a"], {"reporter_a": 403, "leader": 403}),
    ("supervision:channel-toggle", ["channel"], {"reporter_a": 403, "leader": 403}),
    ("supervision:channel-test", ["channel"], {"reporter_a": 403, "auditor": 403}),
    ("supervision:rules", [], {"reporter_a": 403, "leader": 403}),
    ("supervision:holidays", [], {"reporter_a": 403, "leader": 403}),
    ("ledger:archive-view", ["view"], {"reporter_a": 404, "leader": 404}),
    ("progress:evidence-withdraw", ["evidence"], {"reporter_b": 404, "unit_leader_a": 403, "office": 403}),
]


@pytest.mark.parametrize(("name", "args", "expected"), POSTS, ids=[p[0] for p in POSTS])
def test_posting_to_an_action_the_role_may_not_take_changes_nothing(
    client: Any,
    world: dict[str, Any],
    request: pytest.FixtureRequest,
    name: str,
    args: list[str],
    expected: dict[str, int],
) -> None:
    from luoshi.ledger.models import AuditEntry
    from luoshi.progress.models import Report

    for persona, status in expected.items():
        client.force_login(request.getfixturevalue(persona))
        before = AuditEntry.objects.count()
        states = list(Report.objects.order_by("pk").values_list("state", flat=True))
        url = reverse(name, args=[world.get(a, a) for a in args])
        response = client.post(url, {"comment": "x"})
        assert response.status_code == status, f"{persona} POST {url}"
        assert list(Report.objects.order_by("pk").values_list("state", flat=True)) == states
        assert AuditEntry.objects.count() == before, f"{persona} POST {url} changed something"


def test_a_league_reporter_may_open_the_cascade_of_a_task_of_their_league(
    client: Any, league_reporter: Any, league: Any, banner: Any
) -> None:
    task = make_task(lead_unit=league)
    client.force_login(league_reporter)
    assert client.get(reverse("ledger:task-cascade", args=[task.pk])).status_code == 200
    other = make_task(lead_unit=make_unit(kind=UnitKind.LEAGUE_CITY))
    assert client.get(reverse("ledger:task-cascade", args=[other.pk])).status_code == 404
