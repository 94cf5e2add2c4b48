"""Each page makes a fixed number of queries whatever the size of the ledger: checked at two sizes."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from luoshi.ledger.models import Target, UnitKind
from luoshi.ledger.tests.factory import make_decision, make_report, make_task, make_unit
from luoshi.progress.models import ReportState

pytestmark = pytest.mark.django_db


def grow(n: int, unit_a: Any) -> Any:
    """n tasks for unit A and n for other units, each with a target and four quarters of reports."""
    decision = make_decision()
    other = make_unit()
    make_unit(kind=UnitKind.LEAGUE_CITY)
    for i in range(n):
        for unit in (unit_a, other):
            task = make_task(decision=decision, lead_unit=unit, co_units=[make_unit()], has_targets=True)
            Target.objects.create(
                decision=decision, task=task, key=f"T{task.pk}", kind="numeric", indicator="指标"
            )
            for q in range(1, 5):
                state = ReportState.ACCEPTED if q < 4 else [ReportState.DRAFT, ReportState.RETURNED][i % 2]
                make_report(task=task, unit=unit, period=f"2024Q{q}", state=state)
    return decision


def count(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


# A GET runs in no transaction (luoshi.web.middleware.RequestTransactionMiddleware): no savepoint.
PAGES = {
    "task list": ("office", lambda d: reverse("ledger:task-list"), 9),
    "task list, filtered": (
        "office",
        lambda d: reverse("ledger:task-list") + f"?decision={d.pk}&status=none&has_target=1&q=推进",
        11,
    ),
    "task list, a reporter's": ("reporter_a", lambda d: reverse("ledger:task-list"), 9),
    "my unit": ("reporter_a", lambda d: reverse("progress:my-unit"), 6),
    # + 7 for the targets' confidence lights (luoshi.indicators: one bulk assessment per page)
    "decision outline": ("office", lambda d: reverse("ledger:decision-detail", args=[d.pk]), 15),
    # + 4 for the light and what it rests on (luoshi.supervision.basis): the light, the nodes, the last
    # accepted report, the units' reporting lights and the sub-tasks (none here)
    "task page": (
        "office",
        lambda d: reverse("ledger:task-detail", args=[d.tasks.order_by("pk").first().pk]),
        30,  # + 5: the names behind the ids of its history, one query per kind (luoshi.ledger.history)
    ),
}


@pytest.mark.parametrize("page", PAGES)
def test_a_page_makes_the_same_number_of_queries_for_a_small_and_a_ten_times_larger_ledger(
    client: Any, request: pytest.FixtureRequest, unit_a: Any, page: str
) -> None:
    persona, url_of, expected = PAGES[page]
    client.force_login(request.getfixturevalue(persona))
    small = grow(2, unit_a)
    at_small = count(client, url_of(small))
    grow(20, unit_a)
    at_large = count(client, url_of(small))
    assert (at_small, at_large) == (expected, expected)
