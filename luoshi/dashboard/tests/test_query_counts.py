"""The page reads a stored snapshot: a fixed, small number of queries, whatever the size of the ledger.
Computing the snapshot is a fixed number of set-based queries too."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from luoshi.dashboard.models import Scope, Snapshot
from luoshi.ledger.models import Target, UnitKind
from luoshi.ledger.tests.factory import make_decision, make_report, make_task, make_unit
from luoshi.progress.models import ReportState

pytestmark = pytest.mark.django_db


def grow(n: int, unit_a: Any) -> None:
    """n tasks for unit A and n for others (in a league), each with a target and four quarters of reports."""
    decision = make_decision()
    league = make_unit(kind=UnitKind.LEAGUE_CITY, division_code="150200")
    for i in range(n):
        for unit in (unit_a, make_unit(parent=league)):
            task = make_task(decision=decision, lead_unit=unit, co_units=[make_unit()], has_targets=True)
            Target.objects.create(
                decision=decision, task=task, key=f"T{task.pk}", kind="numeric", indicator="指标"
            )
            for q in range(1, 5):
                state = ReportState.ACCEPTED if q < 4 else [ReportState.DRAFT, ReportState.RETURNED][i % 2]
                make_report(task=task, unit=unit, period=f"2026Q{q}", state=state)


def queries(fn: Any) -> int:
    with CaptureQueriesContext(connection) as ctx:
        fn()
    return len(ctx.captured_queries)


# session, user, profile, the snapshot, the last audit entry, the last supervision run, the chosen
# decision's sections (or, on the units page, the units). A GET runs in no transaction of its own
# (luoshi.web.middleware.RequestTransactionMiddleware), so no savepoint either.
PAGE = 7
# the page and its JSON add the study figures, read live (luoshi.study.coverage.for_dashboard): the
# units with tasks, the sessions grouped, the decisions, the units' names
STUDY = 4


@pytest.mark.parametrize("url", ["/dashboard/", "/dashboard/?format=json", "/dashboard/units/"])
@pytest.mark.parametrize("persona", ["leader", "reporter_a"])
def test_the_page_makes_the_same_few_queries_for_a_small_and_a_ten_times_larger_ledger(
    client: Any, request: pytest.FixtureRequest, unit_a: Any, frozen: Any, url: str, persona: str
) -> None:
    client.force_login(request.getfixturevalue(persona))

    def get() -> None:
        assert client.get(url).status_code == 200

    grow(2, unit_a)
    get()  # computes and stores the snapshot
    small = queries(get)
    grow(20, unit_a)
    get()
    large = queries(get)
    expected = PAGE if "units" in url else PAGE + STUDY
    assert (small, large) == (expected, expected)


def test_computing_the_figures_makes_the_same_number_of_queries_at_both_sizes(
    unit_a: Any, frozen: Any
) -> None:
    grow(2, unit_a)
    Snapshot.refresh(Scope.everything())  # the first stores the rows; later ones update them
    small = queries(lambda: Snapshot.refresh(Scope.everything()))
    grow(20, unit_a)
    large = queries(lambda: Snapshot.refresh(Scope.everything()))
    assert small == large
