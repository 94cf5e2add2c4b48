"""The overview and a target's page make a fixed number of queries whatever the number of targets:
series are fetched in bulk and assessed in Python. Checked at two data sizes."""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from luoshi.indicators.models import AssessmentMethod, ConfidenceOverride, IndicatorBreak
from luoshi.ledger.models import ProgressStatus
from luoshi.ledger.tests.factory import make_decision, make_report, make_task, make_unit
from luoshi.progress.models import Measurement, ReportState
from luoshi.supervision.models import TaskLight

from .helpers import TODAY, make_alias, make_indicator, make_target

pytestmark = pytest.mark.django_db


def grow(n: int, office: Any) -> Any:
    """n indicators with values and a break, each measuring a target by name and one by alias, with
    cascaded tasks, task lights, accepted reports with values, overrides, methods chosen for the
    decision and for some targets, and a relation."""
    decision = make_decision()
    unit = make_unit()
    for i in range(n):
        ind = make_indicator(
            f"指标{i}-{n}", "万吨", [(2018 + k, 100 + 5 * k) for k in range(6)], breaks=[2019]
        )
        make_alias(f"别名{i}-{n}", ind)
        parent = make_task(decision=decision, lead_unit=unit)
        make_task(decision=decision, parent=parent, progress_status=ProgressStatus.DONE)
        make_task(decision=decision, parent=parent, progress_status=ProgressStatus.BEHIND)
        TaskLight.objects.create(
            task=parent, color="green", code="x", reason="", since=TODAY, computed_at=timezone.now()
        )
        t = make_target(decision=decision, task=parent, indicator=ind.name, value=200, unit="万吨")
        make_target(decision=decision, indicator=f"别名{i}-{n}", value=150, unit="万吨")
        report = make_report(task=parent, unit=unit, period="2025Q4", state=ReportState.ACCEPTED)
        Measurement.objects.create(report=report, target=t, value=140)
        ConfidenceOverride.record(t, "amber_green", "测试调整", by=office)
        if i % 2:
            AssessmentMethod.choose(by=office, target=t, methodology="luoshi", base_year=2019)
    AssessmentMethod.choose(by=office, decision=decision, methodology="open_sdg")
    make_indicator(f"甲{n}", "万千瓦", [(2020, 1), (2022, 3)])
    make_indicator(f"乙{n}", "万千瓦", [(2020, 5), (2022, 6)])
    make_target(decision=decision, kind="relational", indicator=f"甲{n}", reference=f"乙{n}", comparator=">")
    make_target(decision=decision, kind="milestone", indicator="某项工作", year=2027)
    return decision


def count(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


# A GET runs in no transaction (luoshi.web.middleware.RequestTransactionMiddleware): no savepoint.
PAGES = {
    "overview": (lambda d: reverse("indicators:overview"), 13),
    "overview JSON": (lambda d: reverse("indicators:overview") + "?format=json", 12),
    "overview of a decision": (lambda d: reverse("indicators:overview") + f"?decision={d.pk}", 14),
    "target page": (
        lambda d: reverse("indicators:target-detail", args=[d.targets.order_by("pk").first().pk]),
        17,
    ),
    "series list": (lambda d: reverse("indicators:indicator-list"), 6),
}


@pytest.mark.parametrize("page", PAGES)
def test_a_page_makes_the_same_number_of_queries_for_a_small_and_a_ten_times_larger_set_of_targets(
    client: Any, office: Any, page: str
) -> None:
    url_of, expected = PAGES[page]
    client.force_login(office)
    small = grow(2, office)
    at_small = count(client, url_of(small))
    grow(20, office)
    at_large = count(client, url_of(small))
    assert (at_small, at_large) == (expected, expected)
    assert IndicatorBreak.objects.count() == 22
